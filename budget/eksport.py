"""Exports of a budget round: the overview ("Samlet oversigt over besparelser", DOMAIN §5.4) and
the catalogue of proposals as CSV and XLSX for Excel (the catalogue PDF: budget.katalog_pdf).

Every export is built from one ``budget.oversigt.Oversigt``, the same figures as the web pages,
and runs no query of its own (the proposals come from ``ForslagQuerySet.for_list``). Amounts are
whole kroner as ints; an empty cell of a proposal's year table stays empty (None), it is not 0.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from budget.beloeb import format_kr
from budget.oversigt import Celler, Maalopfyldelse, Oversigt, Tal, forslag_aarstal

Celle = str | int | Decimal | None

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KR_FORMAT = '#,##0 "kr.";-#,##0 "kr."'
AARSVAERK_FORMAT = "0.00"

_OVERSIGT_HOVED = ["Udvalg", "Forslag", "Titel", "Udgiftstype", "Status"]
_OVERSIGT_AAR = ["Engangs", "Udgifter service", "Udgifter overførsel", "Indtægter", "I alt"]
_KATALOG_HOVED = [
    "Afdelings nr.",
    "Forslag nr.",
    "Scenarie nr.",
    "Udvalg",
    "Udgiftstype",
    "Acadre",
    "Titel",
    "Status",
    "Ikrafttrædelsestidspunkt",
]
_KATALOG_AAR = [
    "Engangs",
    "Udgifter service",
    "Udgifter overførsel",
    "Indtægter",
    "I alt netto",
    "Årsværk",
]
# The form's text fields in print order (DOMAIN §5.1): (column, field).
_KATALOG_TEKST = [
    ("Beskrivelse", "beskrivelse"),
    ("Sammenhænge med andre besparelsesforslag", "sammenhaenge"),
    ("Note til økonomitabellen", "oekonomi_note"),
    ("Uddybende beskrivelse af besparelsespotentialet", "oekonomi_beskrivelse"),
    ("Uddybende beskrivelse af konsekvenser i årsværk", "personale_beskrivelse"),
    ("Nuværende serviceniveau", "serviceniveau_nu"),
    ("Forslag til fremtidig serviceniveau", "serviceniveau_fremtidig"),
    ("Konsekvenser ved fremtidig serviceniveau (fordele/ulemper)", "serviceniveau_konsekvenser"),
    ("Sammenligning af serviceniveau med andre kommuner", "serviceniveau_sammenligning"),
    ("Dialog/høring", "dialog_hoering"),
    ("Bilag", "bilag_tekst"),
]


@dataclass
class Tabel:
    """A table for the spreadsheet exports: one header row, then the rows.

    ``fed``: indices (into ``rows``) of the totals rows, printed bold. ``beloeb``: indices of the
    columns that hold kroner, formatted as such in XLSX (other ints, like Afdelings nr., are not).
    """

    titel: str
    header: list[str]
    rows: list[list[Celle]]
    fed: set[int] = field(default_factory=set)
    beloeb: set[int] = field(default_factory=set)


# --- the tables --------------------------------------------------------------------------------


def oversigt_tabel(oversigt: Oversigt) -> Tabel:
    """The round overview, wide: a row per proposal, then per committee its total and, with a
    frame, its target and the gaps (net and service only) in the I alt columns; last the total."""
    aarene = oversigt.aarene
    header = list(_OVERSIGT_HOVED)
    for aar in aarene:
        header += [f"{aar} {navn}" for navn in _OVERSIGT_AAR]
    forste = len(_OVERSIGT_HOVED)
    tabel = Tabel(
        titel="Samlet oversigt over besparelser",
        header=header,
        rows=[],
        beloeb=set(range(forste, len(header))),
    )
    tomme_tekster: list[Celle] = [None] * (forste - 1)

    def sum_row(label: str, tal: dict[int, Tal]) -> None:
        row = [label, *tomme_tekster]
        for aar in aarene:
            row += Celler.from_tal(tal[aar]).as_list()
        tabel.fed.add(len(tabel.rows))
        tabel.rows.append(row)

    def i_alt_row(label: str, beloeb: dict[int, int]) -> None:
        row = [label, *tomme_tekster]
        for aar in aarene:
            row += [None] * (len(_OVERSIGT_AAR) - 1) + [beloeb[aar]]
        tabel.rows.append(row)

    for blok in oversigt.blokke:
        fork = blok.udvalg.forkortelse
        for linje in blok.linjer:
            forslag = linje.forslag
            rows = forslag_aarstal(forslag, aarene)
            row: list[Celle] = [
                fork,
                forslag.nummer,
                forslag.titel,
                forslag.udgiftstype_visning,
                forslag.get_status_display(),
            ]
            for aar in aarene:
                row += Celler.from_aarstal(rows.get(aar)).as_list()
            tabel.rows.append(row)
        sum_row(f"I alt {fork}", blok.i_alt)
        if blok.ramme is not None:
            maal = -blok.ramme.besparelsesmaal
            i_alt_row(f"Besparelsesmål {fork}", dict.fromkeys(aarene, maal))
            i_alt_row(f"Forskel netto {fork}", _forskel(blok.maal_netto))
            i_alt_row(f"Forskel kun service {fork}", _forskel(blok.maal_service))
    sum_row("I alt", oversigt.i_alt)
    return tabel


def _forskel(maal: dict[int, Maalopfyldelse]) -> dict[int, int]:
    return {aar: m.forskel for aar, m in maal.items()}


def katalog_tabel(oversigt: Oversigt) -> Tabel:
    """Every proposal with all its fields, a year's columns after another; last an I alt row."""
    aarene = oversigt.aarene
    header = list(_KATALOG_HOVED)
    beloeb = set()
    for aar in aarene:
        for navn in _KATALOG_AAR:
            if navn != "Årsværk":
                beloeb.add(len(header))
            header.append(f"{aar} {navn}")
    header += [navn for navn, _ in _KATALOG_TEKST]
    tabel = Tabel(titel="Katalog over besparelsesforslag", header=header, rows=[], beloeb=beloeb)
    aarsvaerk: dict[int, Decimal | None] = dict.fromkeys(aarene)
    for linje in oversigt.linjer:
        forslag = linje.forslag
        rows = forslag_aarstal(forslag, aarene)
        row: list[Celle] = [
            forslag.afdeling_nr,
            forslag.forslag_nr,
            forslag.scenarie_nr,
            forslag.udvalg.forkortelse,
            forslag.udgiftstype_visning,
            forslag.acadre,
            forslag.titel,
            forslag.get_status_display(),
            forslag.ikrafttraeden.isoformat() if forslag.ikrafttraeden else None,
        ]
        for aar in aarene:
            aarstal = rows.get(aar)
            vaerk = aarstal.aarsvaerk if aarstal is not None else None
            row += [*Celler.from_aarstal(aarstal).as_list(), vaerk]
            if vaerk is not None:
                aarsvaerk[aar] = (aarsvaerk[aar] or 0) + vaerk
        row += [getattr(forslag, name) for _, name in _KATALOG_TEKST]
        tabel.rows.append(row)
    total: list[Celle] = ["I alt"] + [None] * (len(_KATALOG_HOVED) - 1)
    for aar in aarene:
        total += [*Celler.from_tal(oversigt.i_alt[aar]).as_list(), aarsvaerk[aar]]
    total += [None] * len(_KATALOG_TEKST)
    tabel.fed.add(len(tabel.rows))
    tabel.rows.append(total)
    return tabel


# --- CSV ---------------------------------------------------------------------------------------

# A text cell starting with one of these is read as a formula by Excel (CSV injection); such a
# cell gets a leading apostrophe, as OWASP advises. Amounts are ints and never touched.
_FORMEL_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_celle(value: Celle) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}".replace(".", ",")
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMEL_START) else text


def csv_bytes(tabel: Tabel) -> bytes:
    """The table as a Danish Excel opens it with a double click: UTF-8 with a byte order mark
    (else Excel reads it as Windows-1252), semicolons (the comma is the decimal separator),
    CRLF line ends, decimal commas and plain integers ("-1020000")."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_celle(h) for h in tabel.header])
    for row in tabel.rows:
        writer.writerow([_csv_celle(value) for value in row])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-store"
    return response


def csv_response(tabel: Tabel, filename: str) -> HttpResponse:
    return _download(csv_bytes(tabel), CSV_TYPE, filename)


# --- XLSX --------------------------------------------------------------------------------------

_ARK_ULOVLIG = re.compile(r"[\[\]:*?/\\]")


def _ark_titel(titel: str) -> str:
    """A legal sheet name: at most 31 characters, none of []:*?/\\, not quoted, not History."""
    text = _ARK_ULOVLIG.sub("-", ILLEGAL_CHARACTERS_RE.sub("", titel))
    text = text[:31].strip().strip("'").strip()
    if not text or text.lower() == "history":
        return "Ark1"
    return text


def _bredde(value: Celle, beloeb: bool) -> int:
    """The characters a cell needs, as Excel counts column widths."""
    if value is None:
        return 0
    if isinstance(value, int) and beloeb:
        return len(format_kr(value)) + 4
    if isinstance(value, Decimal):
        return len(f"{value:f}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def xlsx_bytes(tabel: Tabel) -> bytes:
    """One sheet: a bold, frozen header row with a filter, values only (no formulas, so every
    reader shows the same figures), kroner and årsværk as numbers with number formats."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _ark_titel(tabel.titel)
    workbook.properties.title = tabel.titel
    bold = Font(bold=True)
    widths = [len(h) + 2 for h in tabel.header]
    sheet.append(tabel.header)
    for cell in sheet[1]:
        cell.font = bold
    for index, row in enumerate(tabel.rows):
        excel_row = index + 2
        fed = index in tabel.fed
        for col, value in enumerate(row):
            is_beloeb = col in tabel.beloeb
            widths[col] = max(widths[col], _bredde(value, is_beloeb))
            if value is None:
                if fed:
                    sheet.cell(row=excel_row, column=col + 1).font = bold
                continue
            cell = sheet.cell(row=excel_row, column=col + 1)
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.data_type = "s"  # openpyxl would store "=…" as a formula
            else:
                cell.value = value
                if isinstance(value, Decimal):
                    cell.number_format = AARSVAERK_FORMAT
                elif is_beloeb:
                    cell.number_format = KR_FORMAT
            if fed:
                cell.font = bold
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = min(max(width, 6), 60)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(tabel.header))}{len(tabel.rows) + 1}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_response(tabel: Tabel, filename: str) -> HttpResponse:
    return _download(xlsx_bytes(tabel), XLSX_TYPE, filename)
