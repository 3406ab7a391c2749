"""Plain result types of the legacy protocol parser (no Django, no database). The names are
the domain's, as in the models: a ParsedPunkt becomes a sager.models.Punkt."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class IkkePlaceret:
    """A line of the protocol part that no rule could place (1-based line number)."""

    linje: int
    tekst: str
    grund: str


@dataclass
class ParsedBilag:
    nummer: str  # "3.1": item number and position in the Bilag row
    filnavn: str  # verbatim, including truncations such as "b....pdf"
    bilagsnr: str | None = None  # only known from a cover block
    adgang: str = "Åben"


@dataclass
class ParsedAfstemning:
    forslag: str  # verbatim, with the quotes as printed
    resultat: str  # "godkendt", "forkastet", ... as printed after "Forslaget"
    for_: list[str] = field(default_factory=list)
    imod: list[str] = field(default_factory=list)
    undlod: list[str] = field(default_factory=list)


@dataclass
class ParsedMindretalsudtalelse:
    medlem: str
    tekst: str


@dataclass
class ParsedBeslutning:
    udvalg: str  # display name as printed in the heading
    dato: datetime.date
    tekst: str  # full text, vote record included
    afstemninger: list[ParsedAfstemning] = field(default_factory=list)
    mindretalsudtalelser: list[ParsedMindretalsudtalelse] = field(default_factory=list)


@dataclass
class ParsedPunkt:
    nummer: int
    titel: str
    sagsnr: str | None
    punkttype: str  # "Beslutning", "Orientering" or "-"
    adgang: str = "Åben"
    # Label exactly as printed -> text ("-" kept). An absent label is not a key.
    sektioner: dict[str, str] = field(default_factory=dict)
    bilag: list[ParsedBilag] = field(default_factory=list)
    beslutninger: list[ParsedBeslutning] = field(default_factory=list)
    fravaerende: list[str] = field(default_factory=list)
    linje: int = 0

    @property
    def afstemninger(self) -> list[ParsedAfstemning]:
        return [vote for decision in self.beslutninger for vote in decision.afstemninger]

    @property
    def mindretalsudtalelser(self) -> list[ParsedMindretalsudtalelse]:
        return [ms for decision in self.beslutninger for ms in decision.mindretalsudtalelser]


@dataclass
class ParsedAar:
    """One row of a savings form's ØKONOMI table; whole kroner, None for an empty cell."""

    engangs: int | None = None
    udgifter_service: int | None = None
    udgifter_overfoersel: int | None = None
    indtaegter: int | None = None
    netto: int | None = None
    aarsvaerk: Decimal | None = None


@dataclass
class ParsedForslag:
    afdeling: int
    forslag: int
    scenarie: int | None
    udvalg: str
    udgiftstype_tekst: str
    acadre: str
    skema_titel: str  # the line above the header row, e.g. "<afdeling> – <titel> (<udvalg>)"
    titel: str = ""
    beskrivelse: str = ""
    sammenhaenge: str = ""
    ikrafttraedelse: str = ""
    uddybende_besparelse: str = ""
    note: str = ""  # e.g. "Merudgifterne er serviceudgifter ..."
    uddybende_aarsvaerk: str = ""
    nuvaerende_serviceniveau: str = ""
    fremtidigt_serviceniveau: str = ""
    konsekvenser: str = ""
    sammenligning: str = ""
    dialog_hoering: str = ""
    bilag: str = ""
    aar: dict[int, ParsedAar] = field(default_factory=dict)
    problemer: list[str] = field(default_factory=list)  # failed consistency checks
    linje: int = 0
    punkt_nummer: int | None = None  # the item whose attachment carries the form


@dataclass
class ParsedMoede:
    udvalg_navn: str  # display name, e.g. "<navn> 2014-2017"
    valgperiode: str | None  # "2014-2017"
    dato: datetime.date
    starttid: datetime.time | None
    punkter: list[ParsedPunkt] = field(default_factory=list)
    underskrivere: list[str] = field(default_factory=list)
    besparelsesforslag: list[ParsedForslag] = field(default_factory=list)
    ikke_placeret: list[IkkePlaceret] = field(default_factory=list)
