"""Parser for text extractions of the old system's committee protocols.

`parse_protocol(text)` returns a `ParsedMoede` or raises `NotAProtocol`. It knows the form's
fixed vocabulary (section labels, "Beslutning … den dd-mm-yyyy", "Signeret af:", cover-block
fields) but no committee, person or title: those are read from the document itself.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from referatimport import besparelse
from referatimport.model import (
    IkkePlaceret,
    ParsedAfstemning,
    ParsedBeslutning,
    ParsedBilag,
    ParsedForslag,
    ParsedMindretalsudtalelse,
    ParsedMoede,
    ParsedPunkt,
)
from referatimport.text import PAGE_BREAK, format_text, is_blank, join_narrow, strip_page_break


class NotAProtocol(Exception):
    """The text is not a protocol of the old system; `reason` is a one-line Danish reason."""

    def __init__(self, grund: str):
        super().__init__(grund)
        self.grund = grund


MONTHS = {
    "januar": 1,
    "februar": 2,
    "marts": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

# Page footer (§2.10): "<display name> <weekday> den <d>. <month> <yyyy> <page>".
FOOTER_RE = re.compile(
    rf"^\s?(?P<name>\S.*?) (?P<weekday>{'|'.join(WEEKDAYS)}) den (?P<day>\d{{1,2}})\. "
    rf"(?P<month>{'|'.join(MONTHS)}) (?P<year>\d{{4}}) (?P<page>\d+)\s*$"
)
ITEM_NUMBER_RE = re.compile(r"^ ?(?P<number>\d{1,3})\. (?P<title>\S.*)$")
SAGSNR_RE = re.compile(r"^ ?Sagsnr\.:\s*(?P<sagsnr>\S*)\s*$")
SAGSNR_VALUE_RE = re.compile(r"^\s?(?P<sagsnr>\d{2}/\d+)\s*$")
SEPARATOR_RE = re.compile(r"^ ?_{10,}\s*$")
SEPARATOR_WRAP_RE = re.compile(r"^ ?_{1,9}\s*$")
HEADING_DATE_RE = re.compile(r"^(?P<committee>.+?) den (?P<date>\d{2}-\d{2}-\d{4})$")
SIGNATURE_START_RE = re.compile(r"^ ?Signeret af:\s*$")
SIGNATURE_LINE_RE = re.compile(r"^ ?_{5,}\s*$")
COVER_RE = re.compile(r"^ ?Bilag: (?P<item>\d+)\.(?P<seq>\d+)\.? (?P<filename>\S.*?)\s*$")
# What follows belongs to an item: a cover block, or "Bilag til punkt 3: …" before a form.
ITEM_ANCHOR_RE = re.compile(r"^ ?Bilag(?: til punkt |: )(?P<item>\d+)[.:]")
# A contents line on a front page: "<entry> ....... <page>" (dotted leader).
CONTENTS_RE = re.compile(r"\S.*?\s?\.{4,}\s*\d+\s*$")
FRONT_DATE_RE = re.compile(
    rf"^\s?(?:{'|'.join(WEEKDAYS)}) den (?P<day>\d{{1,2}})\. (?P<month>{'|'.join(MONTHS)}) "
    r"(?P<year>\d{4})\s*$"
)
START_TIME_RE = re.compile(r"^\s?Kl\. (?P<h>\d{1,2})[:.](?P<m>\d{2})\s*$")
COVER_FIELD_RE = re.compile(r"^ ?(?P<label>Udvalg|Mødedato|Adgang|Bilagsnr): ?(?P<value>.*?)\s*$")
MOEDEDATO_RE = re.compile(
    r"(?P<day>\d{1,2})\. (?P<month>[a-zæøå]+) (?P<year>\d{4})"
    r"(?: - Kl\. (?P<h>\d{1,2})[:.](?P<m>\d{2}))?"
)
FILENAME_END_RE = re.compile(r"[. ](pdf|docx?|xlsx?|pptx?|txt|msg|rtf|jpe?g|png|tiff?)$", re.I)
# A savings proposal listed in the Bilag row; its form is appended, it is not a file.
PROPOSAL_REF_RE = re.compile(r"^Besparelsesforslag \d+/\d+\b")
URL_RE = re.compile(r"^\s*(https?://|www\.)\S*\s*$")

# The form's row labels in print order (§2.5). A label is only recognised when it comes later
# in this order than the current one, so running text that starts with "Bilag til …" or
# "Tema …" stays text.
SECTION_LABELS = (
    "Punkttype",
    "Tema",
    "Sagsbeskrivelse",
    "Supplerende sagsbeskrivelse",
    "Administrationens forslag",
    "Afledte konsekvenser",
    "Økonomi og finansiering",
    "Dialog/høring",
    "Bilag",
)
SIGNATURE_ROLES = ("Formand", "Næstformand", "Medlem", "Borgmester", "Viceborgmester")
# The time of a digital signature, printed below the role: "Underskrevet 14. maj 2015 kl. 09:12".
SIGNED_AT_RE = re.compile(
    r"^ ?(Underskrevet|Signeret) \d{1,2}\. [a-zæøå]+ \d{4}( kl\. \d{1,2}[:.]\d{2})?\s*$"
)

VOTE_INTRO = "Følgende forslag blev sat til afstemning:"
VOTE_RESULT_RE = re.compile(r"Forslaget (?P<result>\w+)")
VOTE_FOR_RE = re.compile(r"(?P<n>\d+) stemm?e?r? for \((?P<names>[^)]*)\)")
VOTE_AGAINST_RE = re.compile(
    r"(?:[Ii]mod stemte (?P<n1>\d+) \w+ \((?P<names1>[^)]*)\))"
    r"|(?:(?P<n2>\d+) stemm?e?r? imod \((?P<names2>[^)]*)\))"
)
VOTE_ABSTAIN_RE = re.compile(
    r"(?:(?P<n1>\d+) \w+ undlod at stemme \((?P<names1>[^)]*)\))"
    r"|(?:[Uu]ndlod at stemme\D*?(?P<n2>\d*) ?\w* ?\((?P<names2>[^)]*)\))"
)
MINORITY_RE = re.compile(
    r"^(?P<member>[^\n]+?) har ønsket følgende mindretalsudtalelse ført til protokol:\s*"
)


@dataclass
class _Doc:
    lines: list[str]
    used: set[int] = field(default_factory=set)
    ikke_placeret: list[IkkePlaceret] = field(default_factory=list)
    # Whether the extraction keeps the space after a wrapped word (the old system's does);
    # without it a missing trailing space says nothing about a broken word.
    keeps_trailing: bool = True

    def use(self, *idxs: int) -> None:
        self.used.update(idxs)

    def reject(self, idx: int, grund: str) -> None:
        self.used.add(idx)
        self.ikke_placeret.append(IkkePlaceret(idx + 1, self.lines[idx].strip(), grund))


def parse_protocol(text: str) -> ParsedMoede:
    check_is_text(text)
    # A form feed starts each page in pdftotext's output; the page-break rules do not need it.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "")
    doc = _Doc(text.split("\n"))
    doc.keeps_trailing = any(line.strip() and line != line.rstrip() for line in doc.lines)
    footers = remove_footers(doc)
    starts = find_punkt_starts(doc.lines)
    if not starts:
        raise NotAProtocol(
            "ingen dagsordenspunkter med Sagsnr. fundet – det ligner et bilag, ikke en protokol"
        )
    first_start = starts[0][0] if starts[0][0] is not None else starts[0][1]
    front_date, front_time = parse_front_page(doc, first_start)
    signature_idx = find_underskrift_start(doc.lines, starts[-1][1])
    protocol_end = signature_idx if signature_idx is not None else find_bilagsdel_start(doc, starts)
    headers = [doc.lines[h].strip() for h, _ in starts if h is not None]
    known_names = {f["name"] for f in footers} | set(headers)

    items = []
    for pos, (header_idx, number_idx) in enumerate(starts):
        if pos + 1 < len(starts):
            next_header, next_number = starts[pos + 1]
            end = next_header if next_header is not None else next_number
        else:
            end = protocol_end
        if header_idx is not None:
            doc.use(header_idx)
        items.append(parse_punkt(doc, number_idx, end, known_names))

    underskrivere: list[str] = []
    appendix_start = protocol_end
    if signature_idx is not None:
        underskrivere, appendix_start = parse_underskrivere(doc, signature_idx)

    udvalg_navn = udvalg_visningsnavn(headers, footers, items)
    meeting_date = moede_dato_of(udvalg_navn, footers, items)
    if front_date is not None and front_date != meeting_date:
        front_time = None  # a front page of another meeting says nothing about this one
    starttid = parse_bilagsdel(doc, appendix_start, items, meeting_date) or front_time
    proposals = besparelse.parse_skemaer(doc.lines, appendix_start)
    assign_skemaer_to_punkter(doc, appendix_start, proposals)

    # The footers' weekday and date must agree with the calendar and the meeting (§7.1); a
    # footer that does not is reported, not trusted.
    for footer in footers:
        if footer["weekday"] != WEEKDAYS[footer["date"].weekday()]:
            doc.reject(footer["line"], f"ugedagen passer ikke med datoen {footer['date']:%d-%m-%Y}")
        elif footer["name"] == udvalg_navn and footer["date"] != meeting_date:
            doc.reject(
                footer["line"], f"sidefodens dato afviger fra mødedatoen {meeting_date:%d-%m-%Y}"
            )

    # Every line of the protocol part (items and signature page) must have been placed.
    for idx in range(0, appendix_start):
        if idx not in doc.used and not is_blank(doc.lines[idx]):
            doc.reject(idx, "ikke genkendt")
    doc.ikke_placeret.sort(key=lambda u: u.linje)
    term = re.search(r"(\d{4}-\d{4})$", udvalg_navn)
    return ParsedMoede(
        udvalg_navn=udvalg_navn,
        valgperiode=term.group(1) if term else None,
        dato=meeting_date,
        starttid=starttid,
        punkter=items,
        underskrivere=underskrivere,
        besparelsesforslag=proposals,
        ikke_placeret=doc.ikke_placeret,
    )


# --- whole-document rules -------------------------------------------------------------------


def check_is_text(text: str) -> None:
    if not text.strip():
        raise NotAProtocol("filen er tom")
    sample = text[:20000]
    control = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\x7f")
    if "\x00" in sample or control > len(sample) / 100:
        raise NotAProtocol("filen indeholder binære data – det er ikke en tekstudtrækning")


def remove_footers(doc: _Doc) -> list[dict]:
    """Mark page footers and the empty lines the extraction puts around them as used (§7.4).

    Removing the blank lines too lets a paragraph or list cut by the footer join up again.
    """
    footers = []
    for idx, raw in enumerate(doc.lines):
        match = FOOTER_RE.match(raw)
        if not match:
            continue
        date = datetime.date(int(match["year"]), MONTHS[match["month"]], int(match["day"]))
        footers.append(
            {"name": match["name"].strip(), "date": date, "weekday": match["weekday"], "line": idx}
        )
        doc.use(idx)
        before = idx - 1
        while before >= 0 and doc.lines[before] == "" and idx - before <= 3:
            doc.use(before)
            before -= 1
        if idx + 1 < len(doc.lines) and doc.lines[idx + 1] == "":
            doc.use(idx + 1)
    return footers


def parse_front_page(doc: _Doc, end: int) -> tuple[datetime.date | None, datetime.time | None]:
    """A front page before item 1 (the seeds have none, §7.1): committee, title, date, "Kl.",
    participants and a table of contents with dotted leaders. It is recognised by its date
    line or contents lines; its lines are then placed as a whole (participants and absences
    are per item, §2.8). Returns the date and start time it shows."""
    lines = doc.lines[:end]
    date = time = None
    recognised = False
    for raw in lines:
        if match := FRONT_DATE_RE.match(raw):
            date = datetime.date(int(match["year"]), MONTHS[match["month"]], int(match["day"]))
            recognised = True
        elif match := START_TIME_RE.match(raw):
            time = datetime.time(int(match["h"]), int(match["m"]))
        elif CONTENTS_RE.match(raw):
            recognised = True
    if recognised:
        doc.use(*range(end))
    return date, time


def find_punkt_starts(lines: list[str]) -> list[tuple[int | None, int]]:
    """Items start with "<n>. <title>" followed (after a blank line) by "Sagsnr.:" (§7.2).

    The upper-case header line above it is optional (it is missing on some pages). Numbered
    lines in running text are rejected because no "Sagsnr.:" follows them, and numbers must
    increase by one.
    """
    starts: list[tuple[int | None, int]] = []
    previous_number = None
    for idx, raw in enumerate(lines):
        match = ITEM_NUMBER_RE.match(raw)
        if not match:
            continue
        following = [j for j in range(idx + 1, min(idx + 5, len(lines))) if not is_blank(lines[j])]
        if not following or not any(SAGSNR_RE.match(lines[j]) for j in following[:2]):
            continue
        number = int(match["number"])
        if previous_number is not None and number != previous_number + 1:
            continue
        previous_number = number
        header = None
        before = idx - 1
        while before >= 0 and is_blank(lines[before]) and idx - before <= 2:
            before -= 1
        if before >= 0 and is_punkt_header(lines[before]):
            header = before
        starts.append((header, idx))
    return starts


def is_punkt_header(raw: str) -> bool:
    text = raw.strip()
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and text == text.upper()


def find_underskrift_start(lines: list[str], after: int) -> int | None:
    for idx in range(after, len(lines)):
        if SIGNATURE_START_RE.match(lines[idx]):
            return idx
    return None


def find_bilagsdel_start(doc: _Doc, starts: list[tuple[int | None, int]]) -> int:
    """Without a signature page the protocol ends at the first cover block or form header."""
    for idx in range(starts[-1][1], len(doc.lines)):
        if COVER_RE.match(doc.lines[idx]) or besparelse.HEADER_RE.match(doc.lines[idx]):
            return idx
    return len(doc.lines)


def udvalg_visningsnavn(headers: list[str], footers: list[dict], items) -> str:
    """The item header is the display name upper-cased; take the proper casing from a
    footer or decision heading that upper-cases to it, else the most common heading name."""
    candidates = [f["name"] for f in footers] + [
        d.udvalg for item in items for d in item.beslutninger
    ]
    header_counts = Counter(headers)
    if header_counts:
        header = header_counts.most_common(1)[0][0]
        for name in candidates:
            if name.upper() == header:
                return name
    if candidates:
        return Counter(candidates).most_common(1)[0][0]
    if header_counts:
        return header_counts.most_common(1)[0][0]
    raise NotAProtocol("udvalget kan ikke bestemmes – ingen sidehoved, sidefod eller beslutning")


def moede_dato_of(committee: str, footers: list[dict], items) -> datetime.date:
    """The meeting's own decisions carry its date; earlier decisions are older (§7.1)."""
    own = [d.dato for item in items for d in item.beslutninger if d.udvalg == committee]
    if own:
        return max(own)
    dated = [f["date"] for f in footers if f["name"] == committee] or [f["date"] for f in footers]
    if dated:
        return Counter(dated).most_common(1)[0][0]
    raise NotAProtocol("mødedatoen kan ikke bestemmes – ingen beslutning eller sidefod med dato")


# --- items ----------------------------------------------------------------------------------


def parse_punkt(doc: _Doc, number_idx: int, end: int, known_names: set[str]) -> ParsedPunkt:
    match = ITEM_NUMBER_RE.match(doc.lines[number_idx])
    title_parts = [match["title"]]
    doc.use(number_idx)
    idx = number_idx + 1
    while idx < end and not SAGSNR_RE.match(doc.lines[idx]):
        if not is_blank(doc.lines[idx]):
            title_parts.append(doc.lines[idx])  # a title wrapped onto a second line
        doc.use(idx)
        idx += 1
    sagsnr = None
    if idx < end:
        sagsnr = SAGSNR_RE.match(doc.lines[idx])["sagsnr"] or None
        doc.use(idx)
        idx += 1
        if sagsnr is None:
            # A label alone on its line has its value after a blank line.
            nxt = next((j for j in range(idx, end) if not is_blank(doc.lines[j])), None)
            if nxt is not None and (value := SAGSNR_VALUE_RE.match(doc.lines[nxt])):
                sagsnr = value["sagsnr"]
                doc.use(*range(idx, nxt + 1))
                idx = nxt + 1
    item = ParsedPunkt(
        nummer=int(match["number"]),
        titel=" ".join(part.strip() for part in title_parts),
        sagsnr=sagsnr,
        punkttype="-",
        linje=number_idx + 1,
    )
    idx = parse_sektioner(doc, item, idx, end, known_names)
    idx = parse_beslutninger(doc, item, idx, end, known_names)
    return item


def match_label(lines: list[str], idx: int, labels: tuple[str, ...]) -> tuple[str, str, int] | None:
    """Return (label, rest of the line, lines used) if a label starts at `idx`.

    A label may be wrapped over two lines in the narrow column ("Administrationens" /
    "forslag"); the value then starts after a blank line.
    """
    first = strip_page_break(lines[idx]).strip()
    for label in labels:
        if first == label or first.startswith(label + " "):
            return label, first[len(label) :].strip(), 1
        words = label.split(" ")
        for cut in range(1, len(words)):
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            if first == head and idx + 1 < len(lines):
                second = strip_page_break(lines[idx + 1]).strip()
                if second == tail or second.startswith(tail + " "):
                    return label, second[len(tail) :].strip(), 2
    return None


def parse_sektioner(doc: _Doc, item: ParsedPunkt, idx: int, end: int, known=()) -> int:
    """Read the label rows up to the separator line; returns the index after it."""
    current: str | None = None
    values: dict[str, list[str]] = {}
    while idx < end:
        raw = doc.lines[idx]
        if idx in doc.used:
            if current and FOOTER_RE.match(raw):
                values[current].append(PAGE_BREAK)
            idx += 1
            continue
        if SEPARATOR_RE.match(raw):
            doc.use(idx)
            idx += 1
            if idx < end and SEPARATOR_WRAP_RE.match(doc.lines[idx]):
                doc.use(idx)  # the rule wrapped: 56 underscores + "_" (§7.8)
                idx += 1
            break
        heading_here = current and raw.lstrip().startswith("Beslutning ")
        if heading_here and read_heading(doc, idx, end, known):
            break  # no rule line was extracted: the first decision heading ends the rows
        allowed = SECTION_LABELS[SECTION_LABELS.index(current) + 1 :] if current else SECTION_LABELS
        found = match_label(doc.lines, idx, allowed) if not is_blank(raw) else None
        if found and (found[0] != "Supplerende sagsbeskrivelse" or found[1] == ""):
            label, rest, used = found
            doc.use(*range(idx, idx + used))
            current = label
            values[label] = [rest] if rest else []
            idx += used
            continue
        if current is None:
            if not is_blank(raw):
                doc.reject(idx, "tekst før første feltnavn")
            idx += 1
            continue
        doc.use(idx)
        values[current].append(raw)
        idx += 1
    for label, lines in values.items():
        if label == "Punkttype":
            item.punkttype = format_text(lines) or "-"
        elif label == "Bilag":
            item.bilag = parse_bilag_row(lines, item.nummer)
        else:
            item.sektioner[label] = format_text(lines)
    return idx


def parse_bilag_row(lines: list[str], punkt_nummer: int) -> list[ParsedBilag]:
    """One file name per line (§7.14). A line without a file extension continues on the next
    line when that starts lower-case or with "." (a name wrapped by the source); hyperlink
    targets injected into the list are dropped."""
    names: list[str] = []
    pending = ""
    for raw in lines:
        if is_blank(raw) or URL_RE.match(raw):
            continue
        piece = raw.strip()
        wraps = piece[0].islower() or piece[0] == "."
        if pending and PROPOSAL_REF_RE.match(pending):
            wraps = wraps or piece[0] == "("  # "(<udvalg>)" wrapped below the title
        if pending and wraps:
            pending = f"{pending.rstrip()} {piece}"
        else:
            if pending:
                names.append(pending.strip())
            pending = piece
        if FILENAME_END_RE.search(pending):
            names.append(pending.strip())
            pending = ""
    if pending:
        names.append(pending.strip())
    names = [name for name in names if not PROPOSAL_REF_RE.match(name)]
    if names == ["Nej"]:
        return []
    return [ParsedBilag(f"{punkt_nummer}.{seq}", name) for seq, name in enumerate(names, 1)]


def read_heading(doc: _Doc, idx: int, end: int, known_names: set[str]):
    """Read a decision heading "Beslutning <committee> den <dd-mm-yyyy>" from `idx`.

    The heading is wrapped over up to five lines of the narrow column (§7.7). When a page break
    falls inside it, the first line(s) of the decision text are printed between its fragments
    after a blank line (§7.9); those lines are returned as `interleaved`. A fragment after such
    a blank is recognised by its page-break space, by continuing a known committee name, or by
    holding the term/date.
    Returns (committee, date, interleaved lines, next index) or None.
    """
    first = strip_page_break(doc.lines[idx]).strip()
    if not (first == "Beslutning" or first.startswith("Beslutning ")):
        return None
    # Keep the first fragment's trailing space: it tells a word break from a broken word.
    fragments = [doc.lines[idx].lstrip()[len("Beslutning") :]]
    interleaved: list[str] = []
    after_blank = False
    j = idx + 1
    known = [re.sub(r"\s+", "", name).lower() for name in known_names]

    def join(parts: list[str]) -> str:
        return join_narrow(parts, tuple(known_names), doc.keeps_trailing)

    while j < end and len(fragments) <= 7:
        heading = join(fragments)
        if HEADING_DATE_RE.match(heading):
            break
        raw = doc.lines[j]
        if is_blank(raw):
            after_blank = True
            j += 1
            continue
        candidate = re.sub(r"\s+", "", join([*fragments, raw])).lower()
        continues_name = any(name.startswith(candidate) for name in known)
        page_break = raw.startswith(" ") and not raw.startswith("  ")
        term_or_date = re.match(r"^\s*(\d{4}-\d{4} )?den \d|^\s*\d{2,4}-?\s*$", raw)
        if not after_blank or page_break or continues_name or term_or_date:
            fragments.append(raw)
            after_blank = False
        else:
            interleaved.append(raw)
        j += 1
    match = HEADING_DATE_RE.match(join(fragments))
    if not match:
        return None
    date = datetime.datetime.strptime(match["date"], "%d-%m-%Y").date()
    return match["committee"].strip(), date, interleaved, j


def parse_beslutninger(doc: _Doc, item: ParsedPunkt, idx: int, end: int, known_names) -> int:
    current: tuple[str, datetime.date, list[str]] | None = None

    def close() -> None:
        if current:
            item.beslutninger.append(make_beslutning(*current))

    while idx < end:
        raw = doc.lines[idx]
        if idx in doc.used or is_blank(raw):
            if current and idx not in doc.used:
                current[2].append(raw)
            elif current and FOOTER_RE.match(raw):
                current[2].append(PAGE_BREAK)
            idx += 1
            continue
        heading = read_heading(doc, idx, end, known_names)
        if heading:
            close()
            committee, date, interleaved, nxt = heading
            doc.use(*range(idx, nxt))
            current = (committee, date, list(interleaved))
            idx = nxt
            continue
        fravaerende = match_label(doc.lines, idx, ("Fraværende",))
        if fravaerende:
            close()
            current = None
            doc.use(idx)
            item.fravaerende = parse_fravaerende(fravaerende[1])
            idx += 1
            if not fravaerende[1]:
                # A label alone on its line: the value follows after a blank line.
                while idx < end and (is_blank(doc.lines[idx]) or idx in doc.used):
                    idx += 1
            # Names wrapped onto following lines before the item ends.
            while idx < end and not is_blank(doc.lines[idx]) and idx not in doc.used:
                item.fravaerende += parse_fravaerende(doc.lines[idx])
                doc.use(idx)
                idx += 1
            continue
        if current is None:
            doc.reject(idx, "tekst uden for en beslutning")
        else:
            doc.use(idx)
            current[2].append(raw)
        idx += 1
    close()
    return idx


def parse_fravaerende(value: str) -> list[str]:
    value = value.strip().rstrip(".")
    if not value or value in ("Ingen", "-"):
        return []
    parts = re.split(r",\s*|\s+og\s+", value)
    return [part.strip() for part in parts if part.strip()]


def make_beslutning(committee: str, date: datetime.date, lines: list[str]) -> ParsedBeslutning:
    text = format_text(lines)
    decision = ParsedBeslutning(udvalg=committee, dato=date, tekst=text)
    decision.afstemninger = parse_afstemninger(text)
    decision.mindretalsudtalelser = parse_mindretalsudtalelser(text)
    return decision


def split_navne(names: str) -> list[str]:
    return [n.strip() for n in re.split(r",\s*|\s+og\s+", names) if n.strip()]


def parse_afstemninger(text: str) -> list[ParsedAfstemning]:
    """A vote record (§2.7): intro line, motion, then the result paragraph with the names."""
    votes = []
    paragraphs = [p.strip() for p in text.split("\n\n")]
    for pos, para in enumerate(paragraphs):
        if not para.startswith(VOTE_INTRO):
            continue
        forslag = para[len(VOTE_INTRO) :].strip()
        rest = paragraphs[pos + 1 :]
        result_para = ""
        for candidate in rest:
            if VOTE_RESULT_RE.search(candidate) or VOTE_FOR_RE.search(candidate):
                result_para = candidate
                break
            forslag = f"{forslag}\n\n{candidate}".strip()
        vote = ParsedAfstemning(forslag=forslag, resultat="")
        if result := VOTE_RESULT_RE.search(result_para):
            vote.resultat = result["result"]
        if m := VOTE_FOR_RE.search(result_para):
            vote.for_ = split_navne(m["names"])
        if m := VOTE_AGAINST_RE.search(result_para):
            vote.imod = split_navne(m["names1"] or m["names2"] or "")
        if m := VOTE_ABSTAIN_RE.search(result_para):
            vote.undlod = split_navne(m["names1"] or m["names2"] or "")
        votes.append(vote)
    return votes


def parse_mindretalsudtalelser(text: str) -> list[ParsedMindretalsudtalelse]:
    """ "<member> har ønsket følgende mindretalsudtalelse ført til protokol:" + the statement,
    which runs until the next lead-in or the end of the decision."""
    statements = []
    paragraphs = [p.strip() for p in text.split("\n\n")]
    pos = 0
    while pos < len(paragraphs):
        match = MINORITY_RE.match(paragraphs[pos])
        if not match:
            pos += 1
            continue
        body = [paragraphs[pos][match.end() :].strip()]
        pos += 1
        while pos < len(paragraphs) and not MINORITY_RE.match(paragraphs[pos]):
            body.append(paragraphs[pos])
            pos += 1
        statement = "\n\n".join(part for part in body if part)
        statements.append(ParsedMindretalsudtalelse(match["member"].strip(), statement))
    return statements


# --- signature page and appendix ------------------------------------------------------------


def parse_underskrivere(doc: _Doc, idx: int) -> tuple[list[str], int]:
    """ "Signeret af:" then blocks of a signature line, a name and a role (§2.11).

    The page may be incomplete, so a role or a line may be missing; the page ends at the first
    line that fits none of the block's parts. Returns the names and the index after the page.
    """
    doc.use(idx)
    names: list[str] = []
    j = idx + 1
    expect_name = False
    while j < len(doc.lines):
        raw = doc.lines[j]
        text = raw.strip()
        if is_blank(raw) or j in doc.used:
            j += 1
            continue
        nxt = next((k for k in range(j + 1, len(doc.lines)) if not is_blank(doc.lines[k])), None)
        if SIGNATURE_LINE_RE.match(raw):
            expect_name = True
        elif text in SIGNATURE_ROLES or SIGNED_AT_RE.match(raw):
            expect_name = False
        elif expect_name or (nxt is not None and doc.lines[nxt].strip() in SIGNATURE_ROLES):
            # After a rule line, or - where no rule line was extracted - above a role.
            names.append(text)
            expect_name = False
        else:
            break
        doc.use(j)
        j += 1
    return names, j


def assign_skemaer_to_punkter(doc: _Doc, start: int, proposals: list[ParsedForslag]) -> None:
    """A savings form belongs to the item of the last attachment anchor above it (§2.9): the
    form is the content of that attachment (old system) or follows "Bilag til punkt N:"."""
    anchors = [
        (idx + 1, int(match["item"]))
        for idx in range(start, len(doc.lines))
        if (match := ITEM_ANCHOR_RE.match(doc.lines[idx]))
    ]
    for proposal in proposals:
        above = [item for linje, item in anchors if linje < proposal.linje]
        proposal.punkt_nummer = above[-1] if above else None


def parse_bilagsdel(
    doc: _Doc, start: int, items: list[ParsedPunkt], meeting_date
) -> datetime.time | None:
    """Read the attachment cover blocks (§2.9) after the signature page.

    The attachment's own text follows its cover block and runs to the next cover block, the
    next savings form header or the end of the file; it is content, not an unplaced line, and
    is skipped here. Returns the meeting's start time from "Mødedato: … - Kl. H:MM".
    """
    by_number = {item.nummer: item for item in items}
    starttid = None
    for idx in range(start, len(doc.lines)):
        cover = COVER_RE.match(doc.lines[idx])
        if not cover:
            continue
        fields = {}
        for j in range(idx + 1, min(idx + 10, len(doc.lines))):
            if field_match := COVER_FIELD_RE.match(doc.lines[j]):
                fields[field_match["label"]] = field_match["value"]
        item = by_number.get(int(cover["item"]))
        if item is None:
            continue
        number = f"{cover['item']}.{cover['seq']}"
        attachment = next((a for a in item.bilag if a.nummer == number), None)
        if attachment is None:
            attachment = ParsedBilag(number, cover["filename"])
            item.bilag.append(attachment)
        attachment.bilagsnr = fields.get("Bilagsnr") or None
        attachment.adgang = fields.get("Adgang") or attachment.adgang
        when = MOEDEDATO_RE.search(fields.get("Mødedato", ""))
        if when and when["h"] and when["month"] in MONTHS:
            date = datetime.date(int(when["year"]), MONTHS[when["month"]], int(when["day"]))
            if date == meeting_date:
                starttid = datetime.time(int(when["h"]), int(when["m"]))
    return starttid
