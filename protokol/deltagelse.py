"""The protocol's derived text: who took part, Fraværende, and the sentences of a named vote.

Pure functions over rows the caller has already loaded, so pages stay at a constant number of
queries. The wording follows the seed protocols (DOMAIN §2.7-2.8) and KSL §§13-15.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from kerne.danish import join_names
from sager.models import Fravaersaarsag, Valg
from udvalg.models import FremmoedeStatus, Rolle

# The phrases the seed protocols use (DOMAIN §2.6); committees add their own (Standardtekst).
STANDARD_FRASER = [
    "Indstilling godkendt.",
    "Orienteringen taget til efterretning.",
    "Forvaltningens forslag godkendt.",
    "Forvaltningens indstilling godkendt.",
    "Sagen genoptages.",
    "Sagen genoptages med supplerende notat fra Forvaltningen.",
    "-",
]
VOTE_INTRO = "Følgende forslag blev sat til afstemning:"
QUOTE = "\u201d"  # the protocols use ” for both the opening and the closing quote


@dataclass(frozen=True)
class Deltager:
    person_id: int
    navn: str
    rolle: str
    sortering: int
    stedfortraeder_for: str | None = None


@dataclass(frozen=True)
class Fravaerende:
    person_id: int
    navn: str
    sortering: int
    grund: str


@dataclass
class MoedeDeltagelse:
    deltagere: list[Deltager] = field(default_factory=list)
    fravaerende: list[Fravaerende] = field(default_factory=list)


def moede_deltagelse(medlemskaber: Iterable, fremmoede: Iterable) -> MoedeDeltagelse:
    """Who took part in the meeting, in seat order (chair first), and which members did not.

    `medlemskaber`: the committee's memberships active on the meeting day (with person);
    `fremmoede`: the meeting's attendance rows (with person). Members without a row are present;
    a substitute row (stedfortraeder_for) takes that member's seat and marks the member absent.
    """
    rows = {f.person_id: f for f in fremmoede}
    substitutes = {f.stedfortraeder_for_id: f for f in rows.values() if f.stedfortraeder_for_id}
    result = MoedeDeltagelse()
    rank = {Rolle.FORMAND: 0, Rolle.NAESTFORMAND: 1, Rolle.MEDLEM: 2}
    seats = sorted(
        (m for m in medlemskaber if not m.stedfortraeder),
        key=lambda m: (rank.get(m.rolle, 9), m.sortering, m.person.navn),
    )
    for order, m in enumerate(seats):
        row = rows.get(m.person_id)
        sub = substitutes.get(m.person_id)
        if sub is not None:
            grund = row.get_status_display().lower() if row and not row.is_present else ""
            result.fravaerende.append(Fravaerende(m.person_id, m.person.navn, order, grund))
            if sub.status == FremmoedeStatus.TIL_STEDE:
                result.deltagere.append(
                    Deltager(sub.person_id, sub.person.navn, "Stedfortræder", order, m.person.navn)
                )
        elif row is not None and not row.is_present:
            grund = row.grund or row.get_status_display().lower()
            result.fravaerende.append(Fravaerende(m.person_id, m.person.navn, order, grund))
        else:
            result.deltagere.append(
                Deltager(m.person_id, m.person.navn, m.get_rolle_display(), order)
            )
    return result


@dataclass
class PunktDeltagelse:
    deltagere: list[Deltager]
    fravaerende_navne: list[str]
    inhabile: list[tuple[str, str]]

    @property
    def fravaerende_tekst(self) -> str:
        """The item's Fraværende row: 'Ingen' or the names, ', ' and ' og ' before the last."""
        return join_names(self.fravaerende_navne) or "Ingen"

    @property
    def deltager_ids(self) -> set[int]:
        return {d.person_id for d in self.deltagere}


def punkt_deltagelse(moede: MoedeDeltagelse, fravaer: Iterable) -> PunktDeltagelse:
    """Apply one item's overrides (left, arrived later, inhabil) to the meeting's attendance."""
    overrides = {f.person_id: f for f in fravaer}
    deltagere = [d for d in moede.deltagere if d.person_id not in overrides]
    absent = [(f.sortering, f.navn) for f in moede.fravaerende]
    absent += [(d.sortering, d.navn) for d in moede.deltagere if d.person_id in overrides]
    inhabile = [
        (d.navn, overrides[d.person_id].note)
        for d in moede.deltagere
        if d.person_id in overrides and overrides[d.person_id].type == Fravaersaarsag.INHABIL
    ]
    return PunktDeltagelse(
        deltagere=deltagere,
        fravaerende_navne=[navn for _, navn in sorted(absent)],
        inhabile=inhabile,
    )


def inhabil_sentence(navn: str) -> str:
    return f"{navn} deltog ikke i behandlingen af punktet på grund af inhabilitet."


# --- named votes -------------------------------------------------------------------------------


def is_approved(antal_for: int, antal_imod: int) -> bool:
    """Stemmeflerhed (KSL §13): more for than against; a tie rejects."""
    return antal_for > antal_imod


def _medlemmer(n: int) -> str:
    return f"{n} medlem" if n == 1 else f"{n} medlemmer"


def vote_sentence(for_: list[str], imod: list[str], undlod: list[str]) -> str:
    """'Forslaget godkendt med 3 stemmer for (A, B og C). Imod stemte 1 medlem (D).'"""
    result = "Forslaget godkendt" if is_approved(len(for_), len(imod)) else "Forslaget forkastet"
    if for_:
        stemmer = "stemme" if len(for_) == 1 else "stemmer"
        parts = [f"{result} med {len(for_)} {stemmer} for ({join_names(for_)})."]
    else:
        parts = [f"{result} uden stemmer for."]
    if imod:
        parts.append(f"Imod stemte {_medlemmer(len(imod))} ({join_names(imod)}).")
    else:
        parts.append("Ingen stemte imod.")
    if undlod:
        parts.append(f"Undlod at stemme: {_medlemmer(len(undlod))} ({join_names(undlod)}).")
    return " ".join(parts)


def quoted(text: str) -> str:
    return f"{QUOTE}{text.strip()}{QUOTE}"


def minority_lead_in(navn: str) -> str:
    return f"{navn} har ønsket følgende mindretalsudtalelse ført til protokol:"


def may_enter_minority_statement(person_id: int, stemmer: dict[int, str]) -> bool:
    """KSL §13 stk. 2: a member who took part in the vote and did not vote with the majority."""
    if person_id not in stemmer:
        return False
    antal_for = sum(1 for v in stemmer.values() if v == Valg.FOR)
    antal_imod = sum(1 for v in stemmer.values() if v == Valg.IMOD)
    winning = Valg.FOR if is_approved(antal_for, antal_imod) else Valg.IMOD
    return stemmer[person_id] != winning


@dataclass
class AfstemningTekst:
    forslag: str
    resultat: str
    mindretal: list[tuple[str, str]]

    @property
    def afsnit(self) -> list[str]:
        """The vote's paragraphs as the protocol prints them. The intro and the motion are one
        paragraph with a line break between them, as in the old protocols (seed 001 item 4)."""
        lines = [f"{VOTE_INTRO}\n{quoted(self.forslag)}", self.resultat]
        for navn, tekst in self.mindretal:
            lines += [minority_lead_in(navn), quoted(tekst)]
        return lines


def afstemning_tekst(afstemning, order: dict[int, int]) -> AfstemningTekst:
    """The generated text of a vote loaded by protokol.selectors.beslutninger_queryset (its
    votes and minority statements as lists); names are listed in seat order (`order`: person
    id -> seat)."""
    stemmer = sorted(
        afstemning.stemmeliste, key=lambda s: (order.get(s.person_id, 999), s.person.navn)
    )
    groups = {v: [s.person.navn for s in stemmer if s.valg == v] for v in Valg.values}
    mindretal = sorted(
        afstemning.beslutning.mindretalsliste,
        key=lambda m: (order.get(m.person_id, 999), m.person.navn),
    )
    return AfstemningTekst(
        forslag=afstemning.forslag,
        resultat=vote_sentence(groups[Valg.FOR], groups[Valg.IMOD], groups[Valg.UNDLOD]),
        mindretal=[(m.person.navn, m.tekst) for m in mindretal],
    )


def attendance_snapshot(fremmoede: Iterable) -> str:
    """A fingerprint of a meeting's attendance rows, to notice a concurrent change."""
    rows = sorted((f.person_id, f.status, f.grund, f.stedfortraeder_for_id or 0) for f in fremmoede)
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]
