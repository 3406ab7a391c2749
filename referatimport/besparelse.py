"""Savings-proposal forms (besparelsesforslag, DOMAIN §5) appended to a protocol."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from referatimport.model import ParsedAar, ParsedForslag
from referatimport.text import format_text, is_blank

# A form is recognised by its header row, not by its title line, which varies (§5.1).
HEADER_RE = re.compile(
    r"^\s?Afdelings nr\.\s+Forslag nr\.\s+Scenarie nr\.\s+Udvalg\s+Udgiftstype\s+Acadre\s*$"
)
# The labels contain spaces, so the value row is split by pattern (§7.12).
VALUE_RE = re.compile(
    r"^\s*(?P<afdeling>\d+)\s+(?P<forslag>\d+)\s+(?P<scenarie>\d*)\s*(?P<udvalg>\S+)\s+"
    r"(?P<udgiftstype>.+?)\s+(?P<acadre>\d{2}/\d+)\s*$"
)
COVER_RE = re.compile(r"^ ?Bilag: \d+\.\d+\.? ")
YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")
AMOUNT_RE = re.compile(r"^-?\d{1,3}(?:\.\d{3})*$")
FOOTNOTE_RE = re.compile(r"(Mer|Mindre)udgifterne er (service|overførsels)udgifter", re.I)

# The form's fields in print order; None marks a section title without a value.
FORM_LABELS: tuple[tuple[str | None, str], ...] = (
    ("titel", "Titel"),
    ("beskrivelse", "Beskrivelse"),
    ("sammenhaenge", "Sammenhænge med andre besparelsesforslag"),
    ("ikrafttraedelse", "Ikrafttrædelsestidspunkt"),
    (None, "ØKONOMI"),
    ("_oekonomi", "Overblik over besparelsespotentiale de enkelte år"),
    ("uddybende_besparelse", "Uddybende beskrivelse af besparelsespotentialet"),
    (None, "PERSONALE"),
    (
        "_aarsvaerk",
        "Overblik over konsekvenser i antal kommunalt ansatte beskæftigede for de enkelte år",
    ),
    ("uddybende_aarsvaerk", "Uddybende beskrivelse af konsekvenser i årsværk"),
    (None, "SERVICENIVEAU"),
    ("nuvaerende_serviceniveau", "Nuværende serviceniveau"),
    ("fremtidigt_serviceniveau", "Forslag til fremtidig serviceniveau"),
    ("konsekvenser", "Konsekvenser ved fremtidig serviceniveau (fordele/ulemper)"),
    ("sammenligning", "Sammenligning af serviceniveau med andre kommuner"),
    ("dialog_hoering", "DIALOG/HØRING"),
    ("bilag", "BILAG"),
)


def joined_row(lines: list[str], idx: int, pattern: re.Pattern, cells: int = 6):
    """A table row printed on one line, or one cell per line with blank lines between
    (§7.12-13): join up to `cells` non-blank lines from `idx` until `pattern` matches.
    Returns (match, index of the row's last line) or (None, idx)."""
    parts: list[str] = []
    j = idx
    while j < len(lines) and len(parts) < cells:
        if not is_blank(lines[j]):
            parts.append(lines[j].strip())
            if match := pattern.match(" ".join(parts)):
                return match, j
        j += 1
    return None, idx


def parse_skemaer(lines: list[str], start: int = 0) -> list[ParsedForslag]:
    headers, header_ends = [], []
    for idx in range(start, len(lines)):
        if lines[idx].lstrip().startswith("Afdelings nr."):
            match, last = joined_row(lines, idx, HEADER_RE)
            if match:
                headers.append(idx)
                header_ends.append(last)
    titles = [previous_text_line(lines, idx) for idx in headers]
    proposals = []
    for pos, header in enumerate(headers):
        value_idx = next_text_line(lines, header_ends[pos])
        match, last = (None, 0) if value_idx is None else joined_row(lines, value_idx, VALUE_RE)
        if not match:
            continue
        end = titles[pos + 1] if pos + 1 < len(headers) else len(lines)
        for idx in range(value_idx, end):
            if COVER_RE.match(lines[idx]):
                end = idx  # the next attachment's cover block ends the form
                break
        title_idx = titles[pos]
        proposal = ParsedForslag(
            afdeling=int(match["afdeling"]),
            forslag=int(match["forslag"]),
            scenarie=int(match["scenarie"]) if match["scenarie"] else None,
            udvalg=match["udvalg"],
            udgiftstype_tekst=match["udgiftstype"],
            acadre=match["acadre"],
            skema_titel=lines[title_idx].strip() if title_idx is not None else "",
            linje=header + 1,
        )
        fill_fields(proposal, lines[last + 1 : end])
        proposals.append(proposal)
    return proposals


def previous_text_line(lines: list[str], idx: int) -> int | None:
    idx -= 1
    while idx >= 0 and is_blank(lines[idx]):
        idx -= 1
    return idx if idx >= 0 else None


def next_text_line(lines: list[str], idx: int) -> int | None:
    idx += 1
    while idx < len(lines) and is_blank(lines[idx]):
        idx += 1
    return idx if idx < len(lines) else None


def fill_fields(proposal: ParsedForslag, lines: list[str]) -> None:
    """Assign value lines to the form's labels.

    Labels are matched word by word from the start of a line. A label wrapped over several
    lines may have value lines printed between its parts (§7.10-11): the remaining label words
    are looked for at the start of the following lines and removed wherever they appear.
    """
    values: dict[str, list[str]] = {}
    current: str | None = None
    position = 0
    remainder: list[str] = []
    skip_blanks = False
    for raw in lines:
        words = raw.split()
        if not words:
            if current and not skip_blanks:
                values[current].append(raw)
            continue
        skip_blanks = False
        if remainder and words[: len(remainder)] == remainder[: len(words)]:
            used = min(len(words), len(remainder))
            remainder = remainder[used:]
            rest = words[used:]
            if current:
                # The label part cut the value; the blank lines around it are layout only.
                while values[current] and is_blank(values[current][-1]):
                    values[current].pop()
                skip_blanks = True
                if rest:
                    values[current].append(" ".join(rest))
            continue
        found = None
        for offset, (attr, label) in enumerate(FORM_LABELS[position:]):
            label_words = label.split()
            used = 0
            while (
                used < len(label_words) and used < len(words) and words[used] == label_words[used]
            ):
                used += 1
            if used == len(label_words) or (used and (used == len(words) or used >= 2)):
                found = (position + offset, attr, label_words, used)
                break
        if found:
            index, attr, label_words, used = found
            position = index + 1
            current = attr
            remainder = label_words[used:]
            if current:
                values[current] = []
                if words[used:]:
                    values[current].append(" ".join(words[used:]))
            continue
        if current:
            values[current].append(raw)
    reclaim_table(values, "_oekonomi", "uddybende_besparelse")
    for attr, attr_lines in values.items():
        if attr == "_oekonomi":
            parse_oekonomi(proposal, attr_lines)
        elif attr == "_aarsvaerk":
            parse_aarsvaerk(proposal, attr_lines)
        elif attr == "bilag":
            # Only the first paragraph is the field; what follows is other appended content.
            proposal.bilag = format_text(attr_lines).split("\n\n")[0]
        else:
            setattr(proposal, attr, format_text(attr_lines))


def is_row(raw: str) -> bool:
    words = raw.split()
    return bool(words) and all(w == "-" or AMOUNT_RE.match(w) or YEAR_RE.match(w) for w in words)


def reclaim_table(values: dict[str, list[str]], table: str, following: str) -> None:
    """The extraction can print the next label before a table's rows (reading order across
    the form's grid): rows found at the start of the following field belong to the table."""
    if table not in values or following not in values:
        return
    if any(is_row(raw) and YEAR_RE.match(raw.split()[0]) for raw in values[table]):
        return
    lines = values[following]
    years = [i for i, raw in enumerate(lines) if is_row(raw) and YEAR_RE.match(raw.split()[0])]
    if not years:
        return
    last = years[-1]
    while last + 1 < len(lines) and (is_blank(lines[last + 1]) or is_row(lines[last + 1])):
        last += 1
    values[table] += lines[: last + 1]
    values[following] = lines[last + 1 :]


def to_int(token: str) -> int | None:
    return None if token == "-" else int(token.replace(".", ""))


def parse_oekonomi(proposal: ParsedForslag, lines: list[str]) -> None:
    """Read the ØKONOMI year table (§5.2, §7.13).

    Cells come one per line, several per line or with the two-line Udgifter cell wrapped after
    the net. A lone "-" is an empty cell. The net (I alt netto) is the cell that equals the sum
    of the others; the remaining cells fill Engangs, Udgifter (two cells for a proposal that is
    both service and overførsel) and Indtægter in print order.
    """
    # The last column header, possibly wrapped ("I alt" / "netto").
    start = next(
        (
            i + ("I alt netto" not in raw)
            for i, raw in enumerate(lines)
            if "I alt netto" in " ".join(" ".join(lines[i : i + 2]).split())
        ),
        None,
    )
    if start is None:
        # A page break inside the header can lose its cells: the rows still start at the
        # first year, and the net check below still validates them.
        start = -1
    # (year, cells on the year's own line or following it, cells of a wrapped line)
    rows: list[tuple[int, list[str], list[str]]] = []
    year_line_had_cells = False
    notes: list[str] = []
    for raw in lines[start + 1 :]:
        words = raw.split()
        if not words:
            continue
        cells_only = all(w == "-" or AMOUNT_RE.match(w) for w in words)
        if YEAR_RE.match(words[0]) and all(w == "-" or AMOUNT_RE.match(w) for w in words[1:]):
            rows.append((int(words[0]), words[1:], []))
            year_line_had_cells = len(words) > 1
        elif rows and not notes and cells_only:
            _year, first, wrapped = rows[-1]
            # Cells after a year line that already held cells are the Udgifter cell's second
            # line, wrapped below the row; after a bare year line the cells simply follow.
            (wrapped if year_line_had_cells else first).extend(words)
        elif rows:
            notes.append(raw)
    if not rows:
        proposal.problemer.append("ØKONOMI-tabellen blev ikke fundet")
    proposal.note = format_text(notes)
    udgiftstype = proposal.udgiftstype_tekst.lower()
    mixed = "service" in udgiftstype and "overf" in udgiftstype
    for year, first, wrapped in rows:
        proposal.aar[year] = assign_cells(proposal, year, first, wrapped, mixed)


def assign_cells(proposal, year, first, wrapped, mixed) -> ParsedAar:
    tokens = first + wrapped
    values = [to_int(t) for t in tokens]
    net_pos = None
    for pos in range(len(first) - 1, -1, -1):
        others = sum(v or 0 for i, v in enumerate(values) if i != pos)
        if values[pos] is not None and values[pos] == others:
            net_pos = pos
            break
    if net_pos is None:
        net_pos = len(first) - 1 if first else len(tokens) - 1
        proposal.problemer.append(f"{year}: nettobeløbet er ikke summen af de øvrige celler")
    row = ParsedAar(netto=values[net_pos] if tokens else None)
    cells = [v for i, v in enumerate(values[: len(first)]) if i != net_pos]
    extra = values[len(first) :]
    udgifter: list[int | None]
    slots = 4 if mixed else 3  # Engangs, Udgifter (1 or 2), Indtægter
    if extra:
        # The wrapped line is the second line of the Udgifter cell.
        cells = cells[:2] + extra + cells[2:]
    if len(cells) == slots:
        row.engangs, row.indtaegter = cells[0], cells[-1]
        udgifter = cells[1:-1]
    else:
        # Empty cells were not printed: the amounts are expenditure.
        udgifter = [v for v in cells if v is not None]
        if len(udgifter) > (2 if mixed else 1):
            proposal.problemer.append(f"{year}: for mange beløb til kolonnerne")
    service, overfoersel = split_udgifter(proposal, udgifter, mixed)
    row.udgifter_service, row.udgifter_overfoersel = service, overfoersel
    total = sum(v or 0 for v in (row.engangs, service, overfoersel, row.indtaegter))
    if row.netto is not None and total != row.netto:
        proposal.problemer.append(f"{year}: I alt netto {row.netto} ≠ summen {total}")
    return row


def split_udgifter(proposal, udgifter, mixed) -> tuple[int | None, int | None]:
    """Service or overførsel per Udgiftstype; a mixed cell uses the form's footnote
    ("Merudgifterne er serviceudgifter / Mindreudgifterne er overførselsudgifter"), else the
    first line is service."""
    amounts = [v for v in udgifter if v is not None]
    if not amounts:
        return None, None
    if not mixed:
        total = sum(amounts)
        if "service" in proposal.udgiftstype_tekst.lower():
            return total, None
        return None, total
    rule = {kind.lower(): frame.lower() for kind, frame in FOOTNOTE_RE.findall(proposal.note)}
    if len(amounts) == 2 and rule:
        service = overfoersel = None
        for amount in amounts:
            kind = "mer" if amount > 0 else "mindre"
            if rule.get(kind, "") == "service":
                service = amount
            else:
                overfoersel = amount
        return service, overfoersel
    return amounts[0], amounts[1] if len(amounts) > 1 else None


def parse_aarsvaerk(proposal: ParsedForslag, lines: list[str]) -> None:
    for raw in lines:
        words = raw.split()
        if words and YEAR_RE.match(words[0]):
            year = int(words[0])
            value = None
            if len(words) > 1:
                try:
                    value = Decimal(words[1].replace(".", "").replace(",", "."))
                except InvalidOperation:
                    value = None
            proposal.aar.setdefault(year, ParsedAar()).aarsvaerk = value
