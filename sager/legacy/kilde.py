"""Reading an old protocol file: text as it is, PDFs through poppler's pdftotext (the seeds are
its output, so the parser's rules fit it), anything else refused with a one-line reason."""

import io
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader


class IkkeLaesbar(Exception):
    """The file cannot be read as a protocol; the message is Danish and one line."""


def laes(path: Path) -> str:
    data = path.read_bytes()
    if not data.strip():
        raise IkkeLaesbar("filen er tom")
    if data.startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        return pdf_tekst(data)
    if b"\x00" in data[:65536]:
        raise IkkeLaesbar("filen er hverken tekst eller PDF")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IkkeLaesbar("filen er ikke UTF-8-tekst eller en PDF") from None


def pdf_tekst(data: bytes) -> str:
    binary = shutil.which("pdftotext")
    if binary is None:
        raise IkkeLaesbar("pdftotext (poppler-utils) er ikke installeret; PDF'er kan ikke læses")
    if not data.startswith(b"%PDF"):
        raise IkkeLaesbar("filen hedder .pdf, men er ikke en PDF")
    try:
        # Strict: a truncated file (no cross-reference table or trailer) is refused here rather
        # than half-read by pdftotext into a half meeting.
        pages = len(PdfReader(io.BytesIO(data), strict=True).pages)
    except Exception:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        pages = 0
    if not pages:
        raise IkkeLaesbar("PDF'en er beskadiget eller afkortet og kan ikke læses")
    result = subprocess.run(
        [binary, "-enc", "UTF-8", "-", "-"],
        input=data,
        capture_output=True,
        timeout=120,
        check=False,
    )
    text = result.stdout.decode("utf-8", "replace")
    if result.returncode != 0 or not text.strip():
        raise IkkeLaesbar("PDF'en er beskadiget eller uden tekst og kan ikke læses")
    return text
