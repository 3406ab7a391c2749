"""Reading an old protocol file: text as it is, PDFs through poppler's pdftotext (the seeds are
its output, so the parser's rules fit it), anything else refused with a one-line reason."""

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from pypdf import PdfReader


class IkkeLaesbar(Exception):
    """The file cannot be read as a protocol; the message is Danish and one line."""


def read_text(path: Path) -> str:
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
        [binary, "-bbox-layout", "-enc", "UTF-8", "-", "-"],
        input=data,
        capture_output=True,
        timeout=120,
        check=False,
    )
    try:
        text = text_from_bbox(result.stdout) if result.returncode == 0 else ""
    except ET.ParseError:
        text = ""
    if not text.strip():
        # No usable layout (or no text at all): pdftotext's plain text decides.
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


_NS = "{http://www.w3.org/1999/xhtml}"
# A gap between two words wider than this share of the line height is a space (pdftotext's own
# word break is a tenth of the font size; dotted leaders are set without any gap).
WORD_GAP = 0.06
# A vertical gap between two lines of one text flow wider than this share of the line height is
# more than line spacing: the paragraph break that plain pdftotext drops inside a table cell.
PARAGRAPH_GAP = 0.3


def _box(element) -> tuple[float, float, float, float]:
    return tuple(float(element.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))


# A list marker set in the margin before the entry's text (a hanging indent).
_MARKER_RE = re.compile(r"^(\d{1,2}\.|[•·▪■–-])$")


def _line_text(line, starts: list[float]) -> str:
    """The line's words, a space where they stand apart. A list marker hanging left of its
    text, whose text starts where other lines of the flow start, is followed by a tab stop
    (two spaces), as the old system's text extraction shows one."""
    out, previous = "", None
    words = list(line.iter(_NS + "word"))
    for pos, word in enumerate(words):
        box = _box(word)
        if previous is not None and box[0] - previous[2] > WORD_GAP * (box[3] - box[1]):
            out += " "
            hanging = pos == 1 and _MARKER_RE.match(words[0].text or "")
            if hanging and any(abs(box[0] - x) < 1 for x in starts):
                out += " "
        out += word.text or ""
        previous = box
    return out


def _in_reading_order(flows: list) -> list:
    """pdftotext's flows in its reading order, except that a flow which continues an earlier
    flow of the same column (it starts just below it, with no other flow of that column in
    between) is put right after it when pdftotext read other flows of that column, lower down,
    in between: a table cell whose paragraphs form separate flows is read as one."""
    boxes = {}
    for flow in flows:
        blocks = [_box(block) for block in flow.iter(_NS + "block")] or [(0.0, 0.0, 0.0, 0.0)]
        boxes[id(flow)] = (
            min(b[0] for b in blocks),
            min(b[1] for b in blocks),
            max(b[2] for b in blocks),
            max(b[3] for b in blocks),
        )

    def same_column(a, b) -> bool:
        overlap = min(a[2], b[2]) - max(a[0], b[0])
        return overlap > 0.5 * min(a[2] - a[0], b[2] - b[0])

    order = list(flows)
    for flow in flows:
        box = boxes[id(flow)]
        heights = [_box(line)[3] - _box(line)[1] for line in flow.iter(_NS + "line")]
        line_height = min(heights, default=0.0)
        above = [
            other
            for other in order
            if other is not flow
            and same_column(boxes[id(other)], box)
            and boxes[id(other)][3] <= box[1] + 1
        ]
        if not above:
            continue
        previous = max(above, key=lambda other: boxes[id(other)][3])
        if box[1] - boxes[id(previous)][3] > 2 * line_height:
            continue
        pos, prev_pos = order.index(flow), order.index(previous)
        between = order[prev_pos + 1 : pos]
        if any(
            same_column(boxes[id(other)], box) and boxes[id(other)][1] > box[1] for other in between
        ):
            order.remove(flow)
            order.insert(order.index(previous) + 1, flow)
    return order


def text_from_bbox(xhtml: bytes) -> str:
    """Plain text rebuilt from ``pdftotext -bbox-layout`` (pages, flows, blocks, lines, words
    with their coordinates), in pdftotext's own reading order and with its plain-text layout
    (each flow followed by an empty line, a form feed after each page), plus what the plain
    text loses: an empty line where the gap between two lines of a flow is clearly wider than
    the line spacing (a paragraph break inside a table cell), the hyphen at the end of a line
    (plain pdftotext removes it when it joins the line with the next), and the order of a
    cell's paragraphs (`_in_reading_order`). The rules use geometry only, so they hold for
    any producer's PDF."""
    root = ET.fromstring(xhtml)
    pages = []
    for page in root.iter(_NS + "page"):
        out: list[str] = []
        for flow in _in_reading_order(list(page.iter(_NS + "flow"))):
            lines = list(flow.iter(_NS + "line"))
            starts = [_box(line)[0] for line in lines]
            previous = None
            for line in lines:
                box = _box(line)
                if previous is not None:
                    height = min(box[3] - box[1], previous[3] - previous[1])
                    if box[1] - previous[3] > PARAGRAPH_GAP * height:
                        out.append("")
                out.append(_line_text(line, starts))
                previous = box
            out.append("")
        pages.append("".join(line + "\n" for line in out))
    return "".join(page + "\f" for page in pages)
