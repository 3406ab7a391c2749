"""Old protocols into the database: the parser's dataclasses (referatimport.parse) become
committees, people, a meeting, cases, items, attachments, decisions, votes, minority statements,
absences, signer names and savings proposals. One file is one transaction.

Rules (DOMAIN §2, §7):
- Committees are found by name and term, people by name, cases by Sagsnr, so a case treated at
  several meetings gets one history and importing 001 then 003 gives one set of people.
- People named in votes, minority statements and absences are the committee's members (a vote
  needs a seat). The signature list is kept as names only: it never makes anyone a member and
  never decides who was absent.
- A member absent from every item sent apologies for the meeting (afbud); one absent from some
  items arrived after the first ones or left before the last ones.
- The vote and minority statements become data; the decision's own text is what precedes the
  vote, and the protocol text around the vote is generated again from the data.
- The same text imported again changes nothing (its SHA-256 is stored with the meeting).
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

from django.db import transaction

from budget import services as budget_services
from budget.models import Besparelsesforslag, Budgetrunde, Udgiftstype
from kerne.danish import MAANEDER
from referatimport.models import Referatimport
from sager.models import (
    SEKTIONER,
    Adgang,
    Afstemning,
    Beslutning,
    Bilag,
    Fravaersaarsag,
    Mindretalsudtalelse,
    Punkt,
    PunktFravaer,
    Punkttype,
    Sag,
    Stemme,
    Valg,
)
from udvalg.models import (
    Fremmoede,
    FremmoedeStatus,
    Medlemskab,
    Moede,
    MoedeStatus,
    Person,
    Rolle,
    Udvalg,
    Underskrift,
)

from .model import IkkePlaceret, ParsedBeslutning, ParsedForslag, ParsedMoede, ParsedPunkt
from .parse import NotAProtocol, parse_protocol

LABEL_TO_FIELD = {label: name for name, label in SEKTIONER}
PUNKTTYPE = {"Beslutning": Punkttype.BESLUTNING, "Orientering": Punkttype.ORIENTERING}
QUOTES = '”“"„'
TERM = re.compile(r"^(?P<navn>.*\S)\s+(?P<start>\d{4})\s*-\s*(?P<slut>\d{4})$")


class ImportFejl(Exception):
    """A file that is a protocol but cannot be brought in; the message is Danish."""


@dataclass
class Rapport:
    kilde: str
    status: str = "importeret"  # importeret | uaendret | afvist | fejl
    grund: str = ""
    oprettet: Counter = field(default_factory=Counter)
    genbrugt: Counter = field(default_factory=Counter)
    ikke_placeret: list[IkkePlaceret] = field(default_factory=list)
    moede_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("importeret", "uaendret")


class _DryRun(Exception):
    """Raised inside the transaction to undo a --dry-run import after it was checked."""


def import_tekst(
    text: str, *, kilde: str, udvalg_navn: str | None = None, dry_run: bool = False
) -> Rapport:
    """Import one protocol's text; never raises for bad input, the report says what happened."""
    rapport = Rapport(kilde=kilde)
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    tidligere = Referatimport.objects.filter(sha256=sha).first()
    if tidligere is not None:
        rapport.status = "uaendret"
        rapport.grund = f"allerede importeret som {tidligere.moede}; intet ændret"
        rapport.moede_id = tidligere.moede_id
        return rapport
    try:
        parsed = parse_protocol(text)
    except NotAProtocol as exc:
        rapport.status, rapport.grund = "afvist", str(exc)
        return rapport
    rapport.ikke_placeret = list(parsed.ikke_placeret)
    try:
        with transaction.atomic():
            moede = _Skriver(parsed, rapport, udvalg_navn).run()
            Referatimport.objects.create(
                sha256=sha,
                kilde=kilde[:255],
                moede=moede,
                ikke_placeret=[
                    {"linje": u.linje, "tekst": u.tekst, "grund": u.grund}
                    for u in parsed.ikke_placeret
                ],
            )
            rapport.moede_id = moede.pk
            if dry_run:
                raise _DryRun
    except _DryRun:
        rapport.moede_id = None
    except ImportFejl as exc:
        rapport.status, rapport.grund = "fejl", str(exc)
        rapport.oprettet.clear()
        rapport.genbrugt.clear()
    return rapport


# --- text ----------------------------------------------------------------------------------------

_BULLET = re.compile(r"^- (.*)$")
_NUMBERED = re.compile(r"^(\d+)\. (.*)$")


def text_to_html(text: str) -> str:
    """The parser's text (paragraphs split by a blank line, list entries "- …" / "n. …" on
    lines of their own) as the sections' HTML."""
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines and all(_BULLET.match(line) for line in lines):
            items = "".join(f"<li>{escape(_BULLET.match(x).group(1))}</li>" for x in lines)
            blocks.append(f"<ul>{items}</ul>")
        elif len(lines) > 1 and all(_NUMBERED.match(line) for line in lines):
            items = "".join(f"<li>{escape(_NUMBERED.match(x).group(2))}</li>" for x in lines)
            start = _NUMBERED.match(lines[0]).group(1)
            attr = "" if start == "1" else f' start="{start}"'
            blocks.append(f"<ol{attr}>{items}</ol>")
        elif lines:
            blocks.append(f"<p>{escape(' '.join(lines))}</p>")
    return "".join(blocks)


def _section_html(value: str) -> str:
    return "-" if value.strip() in ("-", "–") else text_to_html(value)


def _forslag_tekst(text: str) -> str:
    return text.strip().strip(QUOTES).strip()


# --- writing ---------------------------------------------------------------------------------


def _split_term(display: str) -> tuple[str, int | None, int | None]:
    match = TERM.match(display.strip())
    if not match:
        return display.strip(), None, None
    return match["navn"], int(match["start"]), int(match["slut"])


def _forkortelse(navn: str) -> str:
    """Initials of the capitalised words and compound parts: "Økonomiudvalget" → "ØU"."""
    letters = []
    for word in re.split(r"[\s-]+", navn):
        if word[:1].isupper():
            letters.append(word[0])
            if word.lower().endswith(("udvalget", "udvalg")) and len(word) > 8:
                letters.append("U")
    return ("".join(letters) or navn[:10])[:20]


class _Skriver:
    def __init__(self, parsed: ParsedMoede, rapport: Rapport, udvalg_navn: str | None):
        self.p = parsed
        self.r = rapport
        self.udvalg_navn = udvalg_navn
        self.personer: dict[str, Person] = {}
        self.udvalg_cache: dict[str, Udvalg] = {}

    def run(self) -> Moede:
        self.udvalg = self._udvalg(self.udvalg_navn or self.p.udvalg_navn)
        # With --committee, the protocol's own name (in its decision headings) means that one.
        self.udvalg_cache[self.p.udvalg_navn] = self.udvalg
        if Moede.objects.filter(udvalg=self.udvalg, dato=self.p.dato).exists():
            raise ImportFejl(
                f"{self.udvalg} har allerede et møde den {self.p.dato:%d-%m-%Y}; "
                "det importeres ikke to gange"
            )
        self.moede = Moede(
            udvalg=self.udvalg,
            dato=self.p.dato,
            starttid=self.p.starttid,
            status=MoedeStatus.AFHOLDT,
            url_slug=self.p.dato.isoformat(),
        )
        self.moede.full_clean()
        self.moede.save()
        self.r.oprettet["møder"] += 1
        self._medlemmer()
        punkter = [self._punkt(item) for item in self.p.punkter]
        self._fravaer(punkter)
        for item, punkt in zip(self.p.punkter, punkter, strict=True):
            for decision in item.beslutninger:
                self._beslutning(item, punkt, decision)
        self._underskrifter()
        self._forslag(punkter)
        return self.moede

    # committees and people

    def _udvalg(self, display: str) -> Udvalg:
        if display in self.udvalg_cache:
            return self.udvalg_cache[display]
        navn, start, slut = _split_term(display)
        qs = Udvalg.objects.filter(navn__iexact=navn)
        if start is not None:
            qs = qs.filter(periode_start=start, periode_slut=slut)
        udvalg = qs.order_by("-periode_start").first()
        if udvalg is None:
            if start is None:
                # Without a term (a committee only named in a decision heading) use the term
                # of the meeting's own committee when there is one.
                own = getattr(self, "udvalg", None)
                start, slut = (own.periode_start, own.periode_slut) if own else (None, None)
            if start is None:
                raise ImportFejl(f"udvalget »{display}« har ingen valgperiode (fx 2014-2017)")
            udvalg = Udvalg(navn=navn, forkortelse=_forkortelse(navn))
            udvalg.periode_start, udvalg.periode_slut = start, slut
            udvalg.full_clean()
            udvalg.save()
            self.r.oprettet["udvalg"] += 1
        else:
            self.r.genbrugt["udvalg"] += 1
        self.udvalg_cache[display] = udvalg
        return udvalg

    def _person(self, navn: str) -> Person:
        navn = " ".join(navn.split())
        if navn not in self.personer:
            person = Person.objects.filter(navn=navn).order_by("pk").first()
            if person is None:
                person = Person.objects.create(navn=navn)
                self.r.oprettet["personer"] += 1
            else:
                self.r.genbrugt["personer"] += 1
            self.personer[navn] = person
        return self.personer[navn]

    def _medlemmer(self) -> None:
        """Seats for everyone who voted, made a statement or was absent, in order of first
        appearance (the protocols list names in seat order)."""
        names: list[str] = []
        for item in self.p.punkter:
            for vote in item.afstemninger:
                names += vote.for_ + vote.imod + vote.undlod
            names += [m.medlem for m in item.mindretalsudtalelser]
        for item in self.p.punkter:
            names += item.fravaerende
        existing = {
            m.person.navn: m
            for m in Medlemskab.objects.filter(udvalg=self.udvalg).select_related("person")
        }
        sortering = max((m.sortering for m in existing.values()), default=0)
        for navn in dict.fromkeys(" ".join(n.split()) for n in names):
            person = self._person(navn)
            if navn in existing:
                continue
            sortering += 1
            Medlemskab.objects.create(
                udvalg=self.udvalg,
                person=person,
                rolle=Rolle.MEDLEM,
                sortering=sortering,
                gyldig_fra=self._term_day(first=True),
                gyldig_til=self._term_day(first=False),
            )
            existing[navn] = True
            self.r.oprettet["medlemskaber"] += 1

    def _term_day(self, *, first: bool):
        year = self.udvalg.periode_start if first else self.udvalg.periode_slut
        return datetime.date(year, 1, 1) if first else datetime.date(year, 12, 31)

    # items

    def _punkt(self, item: ParsedPunkt) -> Punkt:
        sag = None
        if item.sagsnr:
            sag = Sag.objects.filter(sagsnr=item.sagsnr).first()
            if sag is None:
                sag = Sag(sagsnr=item.sagsnr, titel=item.titel[:300])
                sag.full_clean()
                sag.save()
                self.r.oprettet["sager"] += 1
            else:
                self.r.genbrugt["sager"] += 1
        fields = {}
        for label, value in item.sektioner.items():
            name = LABEL_TO_FIELD.get(label)
            if name is None:
                if label != "Bilag":
                    self.r.ikke_placeret.append(
                        IkkePlaceret(item.linje, f"{label} {value[:80]}", "ukendt rubrik")
                    )
                continue
            fields[name] = _section_html(value)
        punkt = Punkt(
            moede=self.moede,
            nummer=item.nummer,
            titel=item.titel[:300],
            sag=sag,
            punkttype=PUNKTTYPE.get(item.punkttype, Punkttype.INGEN),
            adgang=Adgang.LUKKET if item.adgang.lower() == "lukket" else Adgang.AABEN,
            **fields,
        )
        punkt.full_clean()
        punkt.save()
        self.r.oprettet["punkter"] += 1
        for sekvens, att in enumerate(item.bilag, start=1):
            position = att.nummer.split(".")[1:2]
            if position and position[0].isdigit():
                sekvens = int(position[0])
            bilag = Bilag(
                punkt=punkt,
                sekvens=sekvens,
                filnavn=att.filnavn[:255],
                bilagsnr=att.bilagsnr or None,
                adgang=Adgang.LUKKET if att.adgang.lower() == "lukket" else Adgang.AABEN,
            )
            bilag.full_clean(exclude=["fil"])
            bilag.save()
            self.r.oprettet["bilag"] += 1
        return punkt

    def _fravaer(self, punkter: list[Punkt]) -> None:
        items = self.p.punkter
        absent_on = {}
        for index, item in enumerate(items):
            for navn in item.fravaerende:
                absent_on.setdefault(" ".join(navn.split()), set()).add(index)
        for navn, indices in absent_on.items():
            person = self._person(navn)
            if len(indices) == len(items):
                Fremmoede.objects.create(
                    moede=self.moede, person=person, status=FremmoedeStatus.AFBUD
                )
                self.r.oprettet["afbud"] += 1
                continue
            present = [i for i in range(len(items)) if i not in indices]
            for i in indices:
                kind = Fravaersaarsag.KOM if i < present[0] else Fravaersaarsag.GIK
                PunktFravaer.objects.create(punkt=punkter[i], person=person, type=kind)
                self.r.oprettet["fravær på punkter"] += 1

    # decisions

    def _beslutning(self, item: ParsedPunkt, punkt: Punkt, decision: ParsedBeslutning) -> None:
        udvalg = self._udvalg(decision.udvalg)
        text = decision.tekst
        if decision.afstemninger:
            cut = text.find("Følgende forslag blev sat til afstemning")
            text = text[:cut] if cut >= 0 else text
        tekst = _section_html(text) if text.strip() else ""
        own = udvalg.pk == self.udvalg.pk and decision.dato == self.p.dato
        if own:
            beslutning = Beslutning(
                sag=punkt.sag, punkt=punkt, udvalg=udvalg, dato=decision.dato, tekst=tekst
            )
        else:
            if punkt.sag is None:
                self.r.ikke_placeret.append(
                    IkkePlaceret(item.linje, text[:80], "tidligere beslutning på punkt uden sag")
                )
                return
            if Beslutning.objects.filter(sag=punkt.sag, udvalg=udvalg, dato=decision.dato).exists():
                self.r.genbrugt["tidligere beslutninger"] += 1
                return
            beslutning = Beslutning(sag=punkt.sag, udvalg=udvalg, dato=decision.dato, tekst=tekst)
        beslutning.full_clean()
        beslutning.save()
        self.r.oprettet["beslutninger"] += 1
        for vote in decision.afstemninger[:1]:
            afstemning = Afstemning.objects.create(
                beslutning=beslutning, forslag=_forslag_tekst(vote.forslag)
            )
            for names, valg in (
                (vote.for_, Valg.FOR),
                (vote.imod, Valg.IMOD),
                (vote.undlod, Valg.UNDLOD),
            ):
                for navn in names:
                    Stemme.objects.create(
                        afstemning=afstemning, person=self._person(navn), valg=valg
                    )
            self.r.oprettet["afstemninger"] += 1
            computed = "godkendt" if len(vote.for_) > len(vote.imod) else "forkastet"
            if vote.resultat and computed not in vote.resultat.lower():
                raise ImportFejl(
                    f"punkt {item.nummer}: resultatet »{vote.resultat}« passer ikke med stemmerne"
                )
        for statement in decision.mindretalsudtalelser:
            Mindretalsudtalelse.objects.create(
                beslutning=beslutning,
                person=self._person(statement.medlem),
                tekst=_forslag_tekst(statement.tekst),
            )
            self.r.oprettet["mindretalsudtalelser"] += 1

    def _underskrifter(self) -> None:
        for sortering, navn in enumerate(self.p.underskrivere, start=1):
            Underskrift.objects.create(
                moede=self.moede, navn=" ".join(navn.split()), rolle="", sortering=sortering
            )
            self.r.oprettet["underskrifter"] += 1

    # savings proposals

    def _forslag(self, punkter: list[Punkt]) -> None:
        if not self.p.besparelsesforslag:
            return
        years = sorted({y for f in self.p.besparelsesforslag for y in f.aar})
        runde = (
            Budgetrunde.objects.filter(foerste_aar__lte=years[0], sidste_aar__gte=years[-1])
            .order_by("foerste_aar")
            .first()
        )
        if runde is None:
            runde = budget_services.runde_create(
                navn=f"Budgetlægning {years[0]} - {years[-1]}",
                slug=f"{years[0]}-{years[-1]}",
                foerste_aar=years[0],
                sidste_aar=years[-1],
                samlet_maal=0,
            )
            self.r.oprettet["budgetrunder"] += 1
        by_number = {p.nummer: p for p in punkter}
        for parsed in self.p.besparelsesforslag:
            self._et_forslag(runde, parsed, by_number.get(parsed.punkt_nummer))

    def _et_forslag(self, runde: Budgetrunde, parsed: ParsedForslag, punkt: Punkt | None) -> None:
        scenarie = parsed.scenarie or 1
        if Besparelsesforslag.objects.filter(
            runde=runde,
            afdeling_nr=parsed.afdeling,
            forslag_nr=parsed.forslag,
            scenarie_nr=scenarie,
        ).exists():
            self.r.genbrugt["besparelsesforslag"] += 1
            return
        raw = parsed.udgiftstype_tekst.lower()
        kind = (
            Udgiftstype.BEGGE
            if "service" in raw and "overf" in raw
            else Udgiftstype.SERVICE
            if "service" in raw
            else Udgiftstype.OVERFOERSEL
        )
        afdeling_navn = ""
        match = re.match(r"^(.*?)\s+[–-]\s+", parsed.skema_titel or "")
        if match:
            afdeling_navn = match[1].strip()[:100]
        udvalg = self.udvalg
        forslag = Besparelsesforslag(
            runde=runde,
            udvalg=udvalg,
            afdeling_nr=parsed.afdeling,
            afdeling_navn=afdeling_navn,
            forslag_nr=parsed.forslag,
            scenarie_nr=scenarie,
            udgiftstype=kind,
            udgiftstype_tekst=parsed.udgiftstype_tekst[:60],
            acadre=parsed.acadre,
            titel=parsed.titel[:300],
            beskrivelse=parsed.beskrivelse,
            sammenhaenge=parsed.sammenhaenge,
            ikrafttraeden=_dansk_dato(parsed.ikrafttraedelse),
            oekonomi_note=parsed.note,
            oekonomi_beskrivelse=parsed.uddybende_besparelse,
            personale_beskrivelse=parsed.uddybende_aarsvaerk,
            serviceniveau_nu=parsed.nuvaerende_serviceniveau,
            serviceniveau_fremtidig=parsed.fremtidigt_serviceniveau,
            serviceniveau_konsekvenser=parsed.konsekvenser,
            serviceniveau_sammenligning=parsed.sammenligning,
            dialog_hoering=parsed.dialog_hoering,
            bilag_tekst=parsed.bilag,
        )
        rows = [
            budget_services.AarRaekke(
                aar=year,
                engangs=y.engangs,
                udgifter_service=y.udgifter_service,
                udgifter_overfoersel=y.udgifter_overfoersel,
                indtaegter=y.indtaegter,
                aarsvaerk=y.aarsvaerk if isinstance(y.aarsvaerk, Decimal) else None,
            )
            for year, y in sorted(parsed.aar.items())
        ]
        forslag = budget_services.forslag_save(forslag=forslag, aar=rows)
        self.r.oprettet["besparelsesforslag"] += 1
        if punkt is not None:
            forslag.punkter.add(punkt)


def _dansk_dato(text: str):
    match = re.search(r"(\d{1,2})\.\s*(\w+)\s+(\d{4})", text or "")
    if not match or match[2].lower() not in MAANEDER:
        return None
    try:
        return datetime.date(int(match[3]), MAANEDER.index(match[2].lower()) + 1, int(match[1]))
    except ValueError:
        return None
