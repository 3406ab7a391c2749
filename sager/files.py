"""What an uploaded attachment really is: its type by magic bytes, and for PDFs pages and text.

A PDF is also cleaned here of active content (JavaScript, launch and web actions, embedded
files, XFA; see kerne.pdfrens): the upload is made to hold the cleaned file, so the service
stores it and records its size, and no download shows more than the merged PDFs do.
"""

import io
import logging
import re
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from pypdf import PasswordType, PdfReader, PdfWriter

from kerne import pdfrens

logger = logging.getLogger(__name__)

# extension -> (mime type, human name). Office files are checked as the ZIP/OLE they are.
ALLOWED = {
    "pdf": ("application/pdf", "PDF"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word-dokument",
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel-ark"),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "PowerPoint-præsentation",
    ),
    "png": ("image/png", "PNG-billede"),
    "jpg": ("image/jpeg", "JPEG-billede"),
    "jpeg": ("image/jpeg", "JPEG-billede"),
}
MAX_TEXT_CHARS = 2_000_000


@dataclass
class FileInfo:
    extension: str
    mime: str
    sidetal: int | None
    tekst: str


def declared_extension(filnavn: str) -> str | None:
    """The extension the name claims; also for names like 'faktaark - anbefalinger pdf'."""
    suffix = PurePath(filnavn).suffix.lower().lstrip(".")
    if suffix in ALLOWED:
        return suffix
    last_word = filnavn.rsplit(" ", 1)[-1].lower() if " " in filnavn else ""
    return last_word if last_word in ALLOWED else None


def detected_extension(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    kind = filetype.guess(head)
    if kind is None:
        return None
    return {"jpg": "jpg", "png": "png", "docx": "docx", "xlsx": "xlsx", "pptx": "pptx"}.get(
        kind.extension
    )


def inspect(fil, filnavn: str) -> FileInfo:
    """Validate an uploaded file; raise ValidationError with a Danish message if it is not OK.
    A PDF with active content is replaced in ``fil`` (its bytes and size) by its cleaned copy."""
    size = getattr(fil, "size", None)
    if not size:
        raise ValidationError("Filen er tom.", code="empty")
    fil.seek(0)
    head = fil.read(8192)
    fil.seek(0)
    detected = detected_extension(head)
    declared = declared_extension(filnavn)
    allowed_names = ", ".join(sorted({name for _, name in ALLOWED.values()}))
    if detected is None:
        raise ValidationError(
            f"Filtypen kan ikke genkendes eller er ikke tilladt. Tilladt: {allowed_names}.",
            code="type",
        )
    same = {declared, detected} <= {"jpg", "jpeg"}
    if declared is not None and declared != detected and not same:
        raise ValidationError(
            f"Filens indhold er {ALLOWED[detected][1]}, men navnet siger .{declared}.",
            code="mismatch",
        )
    mime = ALLOWED[detected][0]
    if detected != "pdf":
        return FileInfo(extension=detected, mime=mime, sidetal=None, tekst="")
    sidetal, tekst = _read_pdf(fil)
    return FileInfo(extension="pdf", mime=mime, sidetal=sidetal, tekst=tekst)


def _read_pdf(fil) -> tuple[int | None, str]:
    fil.seek(0)
    data = fil.read()
    fil.seek(0)
    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not _decrypt_without_password(reader)
        sidetal = None if locked else len(reader.pages)
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        logger.info("Could not open an uploaded PDF", exc_info=True)
        raise ValidationError("Filen kan ikke åbnes som PDF.", code="pdf_broken") from exc
    if locked:
        # Encryption covers strings and streams, not the names: active content still shows.
        if pdfrens.has_active_names(data):
            raise ValidationError(
                "Filen er krypteret og indeholder aktivt indhold (fx JavaScript eller "
                "indlejrede filer), som ikke kan fjernes. Fjern krypteringen, og prøv igen.",
                code="pdf_active",
            )
        # An encrypted PDF is a valid attachment; its text is simply not extractable.
        return _count_pages_of_locked_pdf(data), ""
    cleaned = _without_active_content(reader, data)
    if cleaned is not None:
        _replace_upload(fil, cleaned)
    parts: list[str] = []
    length = 0
    for page in reader.pages:
        try:
            text = page.extract_text() or ""
        except Exception:  # noqa: BLE001 - a page whose text cannot be read is skipped
            logger.info("Could not extract text from a PDF page", exc_info=True)
            continue
        parts.append(text)
        length += len(text)
        if length > MAX_TEXT_CHARS:
            break
    return sidetal, "\n\n".join(parts)[:MAX_TEXT_CHARS]


def _without_active_content(reader: PdfReader, data: bytes) -> bytes | None:
    """The PDF rewritten without its active content; None if it has none (it is kept as is).

    A file whose bytes name active content that pypdf does not reach (an unused object, an
    older revision) is rewritten too, so the stored file is exactly what was checked.
    """
    try:
        removed = pdfrens.strip_active_content(reader)
        if not removed and not pdfrens.has_active_names(data):
            return None
        writer = PdfWriter(clone_from=reader)
        out = io.BytesIO()
        writer.write(out)
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        # A file we cannot go through cannot be vouched for; the merge would leave it out too.
        logger.info("Could not clean an uploaded PDF", exc_info=True)
        raise ValidationError("Filen kan ikke åbnes som PDF.", code="pdf_broken") from exc
    logger.info(
        "Removed active content from an uploaded PDF: %s", ", ".join(removed) or "unused objects"
    )
    return out.getvalue()


def _replace_upload(fil, data: bytes) -> None:
    """Make the upload hold ``data``: the service stores the upload and records its size."""
    if hasattr(fil, "temporary_file_path"):
        # A large upload sits in a temporary file, which the storage moves into place.
        fil.seek(0)
        fil.truncate()
        fil.write(data)
        fil.flush()
    else:
        fil.file = io.BytesIO(data)
    fil.seek(0)
    fil.size = len(data)


def _decrypt_without_password(reader: PdfReader) -> bool:
    """Many PDFs are encrypted only with an owner password (no printing, no copying)."""
    try:
        return reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except Exception:  # noqa: BLE001 - unsupported or damaged encryption: not decrypted
        return False


# Bounded repeats keep the scan linear even on a hostile file (long runs of digits or spaces).
_OBJECT_HEADER = re.compile(rb"(?<!\d)(\d{1,10})\s{1,8}\d{1,5}\s{1,8}obj\b")
_PAGE_TYPE = re.compile(rb"/Type\s{0,8}/Page(?![A-Za-z])")


def _count_pages_of_locked_pdf(data: bytes) -> int | None:
    """Count page objects in the raw file; None if they cannot be seen.

    Encryption covers only strings and streams, so the page dictionaries of a PDF we cannot
    decrypt are still plain text, unless they sit in (encrypted) object streams. An object
    number seen twice (an incremental update) is one page.
    """
    headers = list(_OBJECT_HEADER.finditer(data))
    pages = set()
    for i, header in enumerate(headers):
        end = headers[i + 1].start() if i + 1 < len(headers) else len(data)
        if _PAGE_TYPE.search(data, header.end(), end):
            pages.add(header.group(1))
    return len(pages) or None
