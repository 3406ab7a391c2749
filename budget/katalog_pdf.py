"""The catalogue of a budget round as a PDF: a title page with contents, the overview per
committee and for all of them (A4 landscape), then every proposal's form on pages of its own.
Built from one ``budget.oversigt.Oversigt``, the same figures as the pages and the CSV/XLSX."""

from dataclasses import dataclass

from django.template.loader import render_to_string

from budget.beloeb import format_kr
from budget.models import Ramme
from budget.oversigt import Celler, Maalopfyldelse, Oversigt, Tal, forslag_aarstal
from kerne.pdf import html_to_pdf

# The overview pages are A4 landscape (static/pdf/budget.css). A table shows a run of years, as
# many as fit beside the number and title columns, so a ten-year round or very large amounts are
# split over several tables instead of running off the page. The widths are estimated from the
# font's advances (IBM Plex Sans Bold, in em; digits are tabular) at the table's 7pt, and the
# narrowest a column can be is its 6.5pt header word.
_SIDE_MM = 297 - 2 * 10
_LABEL_MM = 45
_BELOEB_PT = 7
_PADDING_MM = 1.3 + 0.45  # cell padding and the rules
_EM = {".": 0.31, "-": 0.41}
_KOLONNER = {"engangs": 9.0, "service": 7.9, "overfoersel": 11.2, "netto": 4.4}  # header, mm


@dataclass
class _Raekke:
    """A row of an overview table: the proposal (or committee) and its cells per year."""

    nummer: str
    titel: str
    celler: list[Celler]


@dataclass
class _MaalRaekke:
    """A target row: per year the amount in the I alt column and, for a gap, whether the target
    is met ("opfyldt"/"ikke opfyldt")."""

    titel: str
    celler: list[tuple[int, str]]


@dataclass
class _Afsnit:
    """One overview table: a run of years."""

    aarene: list[int]
    linjer: list[_Raekke]
    i_alt: _Raekke
    maal: list[_MaalRaekke]


@dataclass
class _Sektion:
    overskrift: str
    ramme: Ramme | None
    afsnit: list[_Afsnit]
    samlet: bool = False


@dataclass
class _Data:
    """A table's content before it is split into runs of years."""

    linjer: list[tuple[str, str, dict[int, Celler]]]
    i_alt: dict[int, Celler]
    maal: list[tuple[str, dict[int, tuple[int, str]]]]

    def afsnit(self, grupper: list[list[int]]) -> list[_Afsnit]:
        return [
            _Afsnit(
                aarene=aarene,
                linjer=[
                    _Raekke(nummer, titel, [celler.get(aar, Celler()) for aar in aarene])
                    for nummer, titel, celler in self.linjer
                ],
                i_alt=_Raekke("", "I alt", [self.i_alt[aar] for aar in aarene]),
                maal=[
                    _MaalRaekke(titel, [cells[aar] for aar in aarene]) for titel, cells in self.maal
                ],
            )
            for aarene in grupper
        ]


def _tekst_mm(value: int | None) -> float:
    if value is None:
        return 0
    em = sum(_EM.get(char, 0.6) for char in format_kr(value))
    return em * _BELOEB_PT * 25.4 / 72


def _aar_mm(aarene: list[int], tabeller: list[_Data]) -> dict[int, float]:
    """The width of each year's four columns, wide enough for every table's amounts."""
    widths = {(aar, kolonne): mm for aar in aarene for kolonne, mm in _KOLONNER.items()}
    for data in tabeller:
        rows = [celler for _, _, celler in data.linjer] + [data.i_alt]
        for celler in rows:
            for aar, c in celler.items():
                for kolonne in _KOLONNER:
                    key = (aar, kolonne)
                    widths[key] = max(widths[key], _tekst_mm(getattr(c, kolonne)))
        for _, cells in data.maal:
            for aar, (beloeb, _) in cells.items():
                widths[aar, "netto"] = max(widths[aar, "netto"], _tekst_mm(beloeb))
    return {aar: sum(widths[aar, k] + _PADDING_MM for k in _KOLONNER) for aar in aarene}


def _aar_grupper(aarene: list[int], aar_mm: dict[int, float]) -> list[list[int]]:
    """The years in as few runs of even length as fit the landscape page."""
    plads = _SIDE_MM - _LABEL_MM
    for antal in range(1, len(aarene) + 1):
        size, extra = divmod(len(aarene), antal)
        grupper, start = [], 0
        for index in range(antal):
            end = start + size + (1 if index < extra else 0)
            grupper.append(aarene[start:end])
            start = end
        if all(sum(aar_mm[aar] for aar in gruppe) <= plads for gruppe in grupper):
            return grupper
    return [[aar] for aar in aarene] or [[]]


def _maal_raekker(
    maal: int, netto: dict[int, Maalopfyldelse], service: dict[int, Maalopfyldelse] | None
) -> list[tuple[str, dict[int, tuple[int, str]]]]:
    def status(m: Maalopfyldelse) -> tuple[int, str]:
        return m.forskel, "opfyldt" if m.opfyldt else "ikke opfyldt"

    rows = [
        ("Besparelsesmål", dict.fromkeys(netto, (-maal, ""))),
        ("Forskel netto", {aar: status(m) for aar, m in netto.items()}),
    ]
    if service is not None:
        rows.append(("Forskel kun service", {aar: status(m) for aar, m in service.items()}))
    return rows


def _sektioner(oversigt: Oversigt) -> list[_Sektion]:
    """The overview's tables: one per committee, then all committees against the round's
    target; every table split into the same runs of years."""
    aarene = oversigt.aarene

    def totals(tal: dict[int, Tal]) -> dict[int, Celler]:
        return {aar: Celler.from_tal(tal[aar]) for aar in aarene}

    tabeller = []
    for blok in oversigt.blokke:
        linjer = [
            (
                linje.forslag.nummer,
                linje.forslag.titel,
                {
                    aar: Celler.from_aarstal(row)
                    for aar, row in forslag_aarstal(linje.forslag, aarene).items()
                },
            )
            for linje in blok.linjer
        ]
        maal = []
        if blok.ramme is not None:
            maal = _maal_raekker(blok.ramme.besparelsesmaal, blok.maal_netto, blok.maal_service)
        tabeller.append(_Data(linjer=linjer, i_alt=totals(blok.i_alt), maal=maal))
    samlet = _Data(
        linjer=[
            (blok.udvalg.forkortelse, blok.udvalg.navn, totals(blok.i_alt))
            for blok in oversigt.blokke
        ],
        i_alt=totals(oversigt.i_alt),
        maal=_maal_raekker(oversigt.runde.samlet_maal, oversigt.samlet_maal, None),
    )
    grupper = _aar_grupper(aarene, _aar_mm(aarene, [*tabeller, samlet]))
    sektioner = [
        _Sektion(
            overskrift=f"{blok.udvalg.navn} ({blok.udvalg.forkortelse})",
            ramme=blok.ramme,
            afsnit=data.afsnit(grupper),
        )
        for blok, data in zip(oversigt.blokke, tabeller, strict=True)
    ]
    sektioner.append(
        _Sektion(overskrift="Alle udvalg", ramme=None, afsnit=samlet.afsnit(grupper), samlet=True)
    )
    return sektioner


def katalog_pdf(oversigt: Oversigt) -> bytes:
    """The catalogue: a title page with contents, the overview per committee and for all of
    them (landscape), then every proposal's form, each starting on a new page."""
    html = render_to_string(
        "budget/katalog_pdf.html",
        {
            "runde": oversigt.runde,
            "oversigt": oversigt,
            "sektioner": _sektioner(oversigt),
            "linjer": oversigt.linjer,
        },
    )
    return html_to_pdf(html)
