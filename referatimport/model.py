"""Plain result types of the legacy protocol parser (no Django, no database)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Unplaced:
    """A line of the protocol part that no rule could place (1-based line number)."""

    line_no: int
    text: str
    reason: str


@dataclass
class ParsedAttachment:
    number: str  # "3.1": item number and position in the Bilag row
    filename: str  # verbatim, including truncations such as "b....pdf"
    bilagsnr: str | None = None  # only known from a cover block
    access: str = "Åben"


@dataclass
class ParsedVote:
    motion: str  # verbatim, with the quotes as printed
    result: str  # "godkendt", "forkastet", ... as printed after "Forslaget"
    for_: list[str] = field(default_factory=list)
    against: list[str] = field(default_factory=list)
    abstain: list[str] = field(default_factory=list)


@dataclass
class ParsedMinorityStatement:
    member: str
    text: str


@dataclass
class ParsedDecision:
    committee: str  # display name as printed in the heading
    date: datetime.date
    text: str  # full text, vote record included
    votes: list[ParsedVote] = field(default_factory=list)
    minority_statements: list[ParsedMinorityStatement] = field(default_factory=list)


@dataclass
class ParsedItem:
    number: int
    title: str
    sagsnr: str | None
    punkttype: str  # "Beslutning", "Orientering" or "-"
    access: str = "Åben"
    # Label exactly as printed -> text ("-" kept). An absent label is not a key.
    sections: dict[str, str] = field(default_factory=dict)
    attachments: list[ParsedAttachment] = field(default_factory=list)
    decisions: list[ParsedDecision] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    line_no: int = 0

    @property
    def votes(self) -> list[ParsedVote]:
        return [vote for decision in self.decisions for vote in decision.votes]

    @property
    def minority_statements(self) -> list[ParsedMinorityStatement]:
        return [ms for decision in self.decisions for ms in decision.minority_statements]


@dataclass
class ParsedYear:
    """One row of a savings form's ØKONOMI table; whole kroner, None for an empty cell."""

    engangs: int | None = None
    udgifter_service: int | None = None
    udgifter_overfoersel: int | None = None
    indtaegter: int | None = None
    netto: int | None = None
    aarsvaerk: Decimal | None = None


@dataclass
class ParsedProposal:
    afdeling: int
    forslag: int
    scenarie: int | None
    udvalg: str
    udgiftstype_raw: str
    acadre: str
    form_title: str  # the line above the header row, e.g. "<afdeling> – <titel> (<udvalg>)"
    title: str = ""
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
    years: dict[int, ParsedYear] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # failed consistency checks
    line_no: int = 0
    item_number: int | None = None  # the item whose attachment carries the form


@dataclass
class ParsedMeeting:
    committee_name: str  # display name, e.g. "<navn> 2014-2017"
    committee_term: str | None  # "2014-2017"
    date: datetime.date
    start_time: datetime.time | None
    items: list[ParsedItem] = field(default_factory=list)
    signatures: list[str] = field(default_factory=list)
    budget_proposals: list[ParsedProposal] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
