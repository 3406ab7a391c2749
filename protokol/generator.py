"""A municipality's worth of data at any size, the same for the same seed (manage.py
generate_data). It exists for `make bench`: pages must be measured on years of committees, not
on the demo's two meetings.

What it makes for `items` agenda items (≈ items / 20 meetings): committees over as many
four-year terms as the size needs (back from the current one, at most 15; beyond the 14 standing
committees and boards, local committees), councillors with parties who carry over from term to
term, memberships with chair, deputy and substitutes, meetings of about 20 items spread over each
term, cases that come back at later meetings and in other committees, open and closed items with
their sections, attachments (a pool of small real PDFs rendered once, with their text),
decisions on every item of a held meeting, named votes, minority statements, absence and
substitutes, earlier decisions entered by hand, yearly budget rounds with frames and savings
proposals attached to the committees' budget items, user accounts for every person and a
secretary per committee.

Rows are written in bulk (COPY on PostgreSQL, executemany on SQLite) in one transaction, below the
services, so the services' history rows (simple_history) are not written for generated data. The
protocol lock's triggers stay on and check every row. Meetings before `today` are held; the
`signed` most recent of them in the first committee are then signed and locked through the real
services (rendering a protocol takes a second or two, so not all ten years are signed). Meetings
after `today` are drafts, the next one per committee released.

Every user's password is `PASSWORD`: the data is for benchmarks and tests, never production.
"""

import datetime
import math
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from budget.models import Aarstal, Besparelsesforslag, Budgetrunde, Ramme, Status, Udgiftstype
from kerne import danish
from kerne import pdf as kerne_pdf
from kerne.bulk import Skriver
from protokol import generator_ord as ord
from protokol.services import laasning, underskrift
from sager.models import (
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
from sager.services import FAST_PUNKT
from udvalg.models import (
    DEFAULT_FASTE_PUNKTER,
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

PASSWORD = "generator-data"
ITEMS_PER_MEETING = 20
MEETING_MONTHS = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]  # no meetings in July
TERM_YEARS = 4
MAX_TERMS = 15
MEETINGS_PER_TERM = len(MEETING_MONTHS) * TERM_YEARS
STANDING = DEFAULT_FASTE_PUNKTER
PDF_POOL = 12
RECENT = 3000


class GeneratorFejl(Exception):
    """The generator cannot run here; the message is Danish."""


@dataclass
class Plan:
    items: int
    terms: int
    committees: int
    meetings_per_committee: int

    @property
    def meetings(self) -> int:
        return self.terms * self.committees * self.meetings_per_committee


def plan_for(items: int) -> Plan:
    """Terms and committees for `items`: about 20 items a meeting, at most 11 meetings a year
    per committee, the standing committees first, then more terms, then more committees."""
    if items < 10:
        raise GeneratorFejl("Angiv mindst 10 punkter.")
    meetings = math.ceil(items / ITEMS_PER_MEETING)
    # At least two committees: cases go on from one to the other (fagudvalg, then ØU).
    committee_terms = max(2, math.ceil(meetings / MEETINGS_PER_TERM))
    terms = min(MAX_TERMS, max(1, math.ceil(committee_terms / len(ord.UDVALG))))
    committees = math.ceil(committee_terms / terms)
    per = math.ceil(meetings / (terms * committees))
    return Plan(items, terms, committees, per)


def current_term_start(dag: datetime.date) -> int:
    """Danish municipal terms begin on 1 January of 2018, 2022, 2026, ..."""
    return dag.year - (dag.year - 2) % TERM_YEARS


@dataclass
class Komite:
    """One committee in one term, as the generator tracks it."""

    id: int
    index: int
    navn: str
    forkortelse: str
    start: int
    members: list = field(default_factory=list)  # person ids in the committee's order
    substitutes: list = field(default_factory=list)
    secretary: int = 0
    budget_items: dict = field(default_factory=dict)  # year -> punkt id


@dataclass
class Resultat:
    plan: Plan
    counts: dict
    seconds: float
    signed: list
    lock_seconds: float


class Generator:
    def __init__(
        self,
        *,
        items: int,
        seed: int = 1,
        today: datetime.date | None = None,
        signed: int = 2,
        now: datetime.datetime | None = None,
        writer: "Skriver | None" = None,
    ):
        self.plan = plan_for(items)
        self.rng = random.Random(seed)
        self.seed = seed
        self.today = today or timezone.localdate()
        self.signed = signed
        self.now = now or timezone.now()
        self.w = writer or Skriver(self.now)
        self.persons: dict[int, tuple[str, str]] = {}  # id -> (name, party letter)
        self.users: dict[int, int] = {}  # person id -> user id
        self.sag_counter: dict[int, int] = defaultdict(int)
        # The last RECENT new cases (sag id, title): a ring, for items that come back.
        self.recent_cases: list = []
        self.recent_next = 0
        self.komite_ids: list[int] = []
        self.earlier: set = set()
        self.pdfs: list = []

    # --- the whole run ---------------------------------------------------------------------

    def run(self) -> Resultat:
        if Udvalg.objects.exists() or Moede.objects.exists():
            raise GeneratorFejl(
                "Databasen indeholder allerede udvalg; generate_data fylder kun en tom database."
            )
        started = time.monotonic()
        self.pdfs = self._pdf_pool()
        with transaction.atomic(), self.w.without_lock_triggers():
            terms = self.generate()
            self.w.reset_sequences()
        generated = time.monotonic() - started
        lock_started = time.monotonic()
        signed = self._sign(terms[-1]) if self.signed else []
        counts = {m._meta.verbose_name_plural: n for m, n in self.w.counts.items()}
        return Resultat(self.plan, counts, generated, signed, time.monotonic() - lock_started)

    def generate(self) -> list[list["Komite"]]:
        """Every row, through the writer; returns the committees per term."""
        self.password = make_password(PASSWORD, salt=f"generator{self.seed}")
        terms = self._terms()
        slots = self._slots(terms)
        sizes = self._sizes(slots)
        for (komite, dato, status), size in zip(slots, sizes, strict=True):
            self._meeting(komite, dato, status, size)
        self._budget(terms)
        self.w.flush()
        return terms

    # --- people and committees -------------------------------------------------------------

    def _person(self) -> int:
        letter, _, _ = self.rng.choices(ord.PARTIER, weights=[p[2] for p in ord.PARTIER])[0]
        name = f"{self.rng.choice(ord.FORNAVNE)} {self.rng.choice(ord.EFTERNAVNE)}"
        if self.rng.random() < 0.3:
            name = f"{self.rng.choice(ord.FORNAVNE)} {name}"
        partinavn = next(p[1] for p in ord.PARTIER if p[0] == letter)
        user = self._user(name)
        pk = self.w.add(Person, navn=name, parti=partinavn, parti_bogstav=letter, user_id=user)
        self.persons[pk] = (name, letter)
        self.users[pk] = user
        return pk

    def _user(self, name: str, *, username: str | None = None) -> int:
        User = get_user_model()
        pk = self.w.new_id(User)
        first, _, last = name.rpartition(" ")
        return self.w.add(
            User,
            id=pk,
            username=username or f"bruger{pk}",
            password=self.password,
            first_name=first,
            last_name=last,
            email=f"{username or f'bruger{pk}'}@kommune.example",
            is_active=True,
            is_staff=False,
            is_superuser=False,
            date_joined=self.now,
        )

    def _terms(self) -> list[list[Komite]]:
        """[[Komite, ...] per term], oldest term first."""
        last_start = current_term_start(self.today)
        starts = [last_start - TERM_YEARS * k for k in reversed(range(self.plan.terms))]
        council_size = max(25, math.ceil(self.plan.committees * 7 / 3))
        council: list[int] = []
        secretaries: dict[str, int] = {}
        terms = []
        for start in starts:
            # About two thirds are re-elected; the rest are new.
            council = [p for p in council if self.rng.random() < 0.65]
            while len(council) < council_size:
                council.append(self._person())
            komiteer = []
            for index in range(self.plan.committees):
                navn, forkortelse, size = self._committee_name(index)
                slug = danish.slugify(f"{forkortelse} {start}-{start + TERM_YEARS - 1}")
                pk = self.w.add(
                    Udvalg,
                    navn=navn,
                    forkortelse=forkortelse,
                    periode_start=start,
                    periode_slut=start + TERM_YEARS - 1,
                    slug=slug,
                )
                komite = Komite(pk, index, navn, forkortelse, start)
                self.komite_ids.append(pk)
                size = min(size, len(council))
                komite.members = self.rng.sample(council, size)
                others = [p for p in council if p not in komite.members]
                komite.substitutes = self.rng.sample(others, min(2, len(others)))
                fra = datetime.date(start, 1, 1)
                til = datetime.date(start + TERM_YEARS - 1, 12, 31)
                for order, person in enumerate(komite.members):
                    rolle = (
                        [Rolle.FORMAND, Rolle.NAESTFORMAND][order] if order < 2 else Rolle.MEDLEM
                    )
                    self.w.add(
                        Medlemskab,
                        udvalg_id=pk,
                        person_id=person,
                        rolle=rolle,
                        sortering=order,
                        gyldig_fra=fra,
                        gyldig_til=til,
                    )
                for order, person in enumerate(komite.substitutes, start=len(komite.members)):
                    self.w.add(
                        Medlemskab,
                        udvalg_id=pk,
                        person_id=person,
                        rolle=Rolle.MEDLEM,
                        sortering=order,
                        gyldig_fra=fra,
                        gyldig_til=til,
                        stedfortraeder=True,
                    )
                username = f"sekretaer-{danish.slugify(forkortelse)}"
                if username not in secretaries:
                    secretaries[username] = self._user(f"Sekretær {forkortelse}", username=username)
                komite.secretary = secretaries[username]
                self.w.add(Udvalg.sekretaerer.through, udvalg_id=pk, user_id=komite.secretary)
                komiteer.append(komite)
            terms.append(komiteer)
        return terms

    def _committee_name(self, index: int) -> tuple[str, str, int]:
        if index < len(ord.UDVALG):
            return ord.UDVALG[index]
        k = index - len(ord.UDVALG)
        sted = ord.LOKALOMRAADER[k % len(ord.LOKALOMRAADER)]
        round_ = k // len(ord.LOKALOMRAADER)
        suffix = f" {round_ + 1}" if round_ else ""
        return (f"Lokaludvalget for {sted}{suffix}", f"LU{k + 1}", 7)

    # --- meetings ---------------------------------------------------------------------------

    def _slots(self, terms) -> list[tuple]:
        """(komite, date, status) for every meeting, in date order."""
        slots = []
        per = self.plan.meetings_per_committee
        for komiteer in terms:
            for komite in komiteer:
                months = [(komite.start + y, m) for y in range(TERM_YEARS) for m in MEETING_MONTHS]
                step = len(months) / per
                for k in range(per):
                    year, month = months[int(k * step)]
                    slots.append((komite, _meeting_day(year, month, komite.index)))
        slots.sort(key=lambda s: (s[1], s[0].index))
        released: set = set()
        result = []
        for komite, dato in slots:
            if dato < self.today:
                status = MoedeStatus.AFHOLDT
            elif komite.id not in released:
                status = MoedeStatus.FRIGIVET
                released.add(komite.id)
            else:
                status = MoedeStatus.KLADDE
            result.append((komite, dato, status))
        return result

    def _sizes(self, slots) -> list[int]:
        """Items per meeting, about 20, summing to the plan's items; the benchmark's meetings
        (the last held meetings of the first committee) have exactly 20."""
        n = len(slots)
        base, extra = divmod(self.plan.items, n)
        sizes = [base + (1 if i < extra else 0) for i in range(n)]
        for i in range(n):
            j = self.rng.randrange(n)
            d = self.rng.randint(-5, 5)
            if 3 <= sizes[i] + d <= 40 and 3 <= sizes[j] - d <= 40:
                sizes[i] += d
                sizes[j] -= d
        targets = [
            i
            for i, (komite, _, status) in enumerate(slots)
            if komite.index == 0
            and komite.start == slots[-1][0].start
            and status == MoedeStatus.AFHOLDT
        ][-(self.signed + 1) :]
        for i in targets:
            d = sizes[i] - ITEMS_PER_MEETING
            # Give the difference to (or take it from) other meetings that can carry it.
            for j in self.rng.sample(range(n), n):
                if d == 0:
                    break
                if j in targets:
                    continue
                move = max(min(d, 40 - sizes[j]), -(sizes[j] - 3))
                sizes[j] += move
                d -= move
            sizes[i] = ITEMS_PER_MEETING + d
        return sizes

    def _meeting(self, komite: Komite, dato: datetime.date, status: str, size: int) -> None:
        rng = self.rng
        starttid = datetime.time(*rng.choice([(8, 30), (16, 0), (17, 0), (19, 0)]))
        frigivet = None
        if status != MoedeStatus.KLADDE:
            frigivet = timezone.make_aware(
                datetime.datetime.combine(dato - datetime.timedelta(days=7), datetime.time(12))
            )
        moede = self.w.add(
            Moede,
            udvalg_id=komite.id,
            dato=dato,
            starttid=starttid,
            sted="Mødelokale 1, Rådhuset",
            url_slug=dato.isoformat(),
            status=status,
            frigivet_tid=frigivet,
            frigivet_af_id=komite.secretary if frigivet else None,
        )
        held = status == MoedeStatus.AFHOLDT
        deltagere = list(komite.members)
        if held and rng.random() < 0.5 and len(deltagere) > 2:
            fraværende = rng.choice(deltagere[1:])
            deltagere.remove(fraværende)
            if komite.substitutes and rng.random() < 0.5:
                sub = rng.choice(komite.substitutes)
                self.w.add(
                    Fremmoede,
                    moede_id=moede,
                    person_id=sub,
                    status=FremmoedeStatus.TIL_STEDE,
                    stedfortraeder_for_id=fraværende,
                )
                deltagere.append(sub)
            else:
                kind = rng.choices(
                    [FremmoedeStatus.AFBUD, FremmoedeStatus.SYGDOM, FremmoedeStatus.ANDET],
                    [7, 2, 1],
                )[0]
                grund = "Ferie" if kind == FremmoedeStatus.ANDET else ""
                self.w.add(
                    Fremmoede, moede_id=moede, person_id=fraværende, status=kind, grund=grund
                )
        aware = timezone.make_aware(datetime.datetime.combine(dato, starttid))
        budget_year = (
            dato.year if dato.month >= 5 and dato.year not in komite.budget_items else None
        )
        for nummer in range(1, size + 1):
            if nummer <= len(STANDING):
                self._standing_item(moede, komite, dato, nummer, held, aware)
            else:
                budget = budget_year is not None and nummer == len(STANDING) + 1
                pk = self._item(moede, komite, dato, nummer, held, deltagere, aware, budget)
                if budget:
                    komite.budget_items[budget_year] = (pk, status)

    def _standing_item(self, moede, komite, dato, nummer, held, aware) -> None:
        titel = STANDING[nummer - 1]
        punkt = self.w.add(
            Punkt, moede_id=moede, nummer=nummer, titel=titel, aendret=aware, **FAST_PUNKT
        )
        if held:
            self.w.add(
                Beslutning,
                punkt_id=punkt,
                udvalg_id=komite.id,
                dato=dato,
                tekst=f"<p>{ord.FASTE_BESLUTNINGER[titel]}</p>",
                aendret=aware,
            )

    def _case(self, dato: datetime.date, *, lukket: bool, budget: bool) -> tuple[int, str, bool]:
        """(sag id, title, recurring) for a new item: often a case treated before, maybe in
        another committee; else a new case."""
        rng = self.rng
        if budget:
            titel = f"Budget {dato.year + 1}-{dato.year + 4}: besparelsesforslag"
        elif not lukket and self.recent_cases and rng.random() < 0.4:
            sag, titel = rng.choice(self.recent_cases)
            return sag, titel, True
        elif lukket:
            titel = f"{rng.choice(ord.LUKKEDE_TITLER)}: {rng.choice(ord.EMNER)}"
        else:
            titel = rng.choice(ord.TITEL_SKABELONER).format(
                emne=rng.choice(ord.EMNER),
                aar=dato.year,
                maaned=rng.choice(ord.MAANEDER),
                nr=rng.randint(1, 250),
                sted=rng.choice(ord.LOKALOMRAADER),
            )
            titel = titel[0].upper() + titel[1:]
        yy = dato.year % 100
        self.sag_counter[yy] += 1
        sagsnr = f"{yy:02d}/{self.sag_counter[yy]}"
        oprettet = timezone.make_aware(
            datetime.datetime.combine(dato - datetime.timedelta(days=30), datetime.time(9))
        )
        sag = self.w.add(Sag, sagsnr=sagsnr, titel=titel, oprettet=oprettet)
        if not lukket:
            if len(self.recent_cases) < RECENT:
                self.recent_cases.append((sag, titel))
            else:
                self.recent_cases[self.recent_next % RECENT] = (sag, titel)
                self.recent_next += 1
        return sag, titel, False

    def _item(self, moede, komite, dato, nummer, held, deltagere, aware, budget) -> int:
        rng = self.rng
        lukket = not budget and rng.random() < 0.05
        sag, titel, recurring = self._case(dato, lukket=lukket, budget=budget)
        punkttype = Punkttype.BESLUTNING if rng.random() < 0.7 else Punkttype.ORIENTERING
        p = self._paragraphs
        punkt = self.w.add(
            Punkt,
            moede_id=moede,
            nummer=nummer,
            titel=titel,
            sag_id=sag,
            punkttype=punkttype,
            adgang=Adgang.LUKKET if lukket else Adgang.AABEN,
            offentlig_titel=rng.choice(["", titel.split(":")[0]]) if lukket else "",
            tema=p(1),
            sagsbeskrivelse=p(rng.randint(1, 3)),
            administrationens_forslag=(
                f"<p>Administrationen foreslår, at {komite.navn} "
                f"{'godkender' if punkttype == Punkttype.BESLUTNING else 'tager orienteringen til efterretning'}.</p>"  # noqa: E501
            ),
            afledte_konsekvenser=rng.choice([None, "-", p(1)]),
            oekonomi_og_finansiering=rng.choice(["-", p(1)]),
            dialog_hoering=rng.choice([None, "-"]),
            aendret=aware,
        )
        if rng.random() < 0.35:
            for sekvens in range(1, rng.randint(1, 3) + 1):
                self._bilag(punkt, sekvens, lukket or rng.random() < 0.05, dato, aware)
        if recurring and rng.random() < 0.05:
            earlier = dato - datetime.timedelta(days=rng.randint(20, 200))
            key = (sag, earlier)
            if key not in self.earlier:
                self.earlier.add(key)
                other = rng.choice(self.komite_ids)
                self.w.add(
                    Beslutning,
                    sag_id=sag,
                    udvalg_id=other,
                    dato=earlier,
                    tekst=f"<p>{rng.choice(ord.BESLUTNINGER)}</p>",
                    aendret=aware,
                )
        if held:
            self._decision(punkt, sag, komite, dato, deltagere, aware, punkttype)
        return punkt

    def _paragraphs(self, n: int) -> str:
        return "".join(f"<p>{self.rng.choice(ord.SAETNINGER)}</p>" for _ in range(n))

    def _bilag(self, punkt, sekvens, lukket, dato, aware) -> None:
        rng = self.rng
        titel = rng.choice(ord.BILAG_TITLER).format(emne=rng.choice(ord.EMNER))
        navn, size, pages, text = rng.choice(self.pdfs)
        bilagsnr = (
            f"{rng.randint(1000, 99999)}/{dato.year % 100:02d}" if rng.random() < 0.3 else None
        )
        self.w.add(
            Bilag,
            punkt_id=punkt,
            sekvens=sekvens,
            filnavn=f"{titel}.pdf",
            titel=titel,
            bilagsnr=bilagsnr,
            adgang=Adgang.LUKKET if lukket else Adgang.AABEN,
            fil=navn,
            stoerrelse=size,
            indholdstype="application/pdf",
            sidetal=pages,
            tekst=text,
            oprettet=aware,
        )

    def _decision(self, punkt, sag, komite, dato, deltagere, aware, punkttype) -> None:
        rng = self.rng
        beslutning = self.w.add(
            Beslutning,
            sag_id=sag,
            punkt_id=punkt,
            udvalg_id=komite.id,
            dato=dato,
            tekst=f"<p>{rng.choice(ord.BESLUTNINGER)}</p>",
            aendret=aware,
        )
        if punkttype == Punkttype.BESLUTNING and rng.random() < 0.1 and len(deltagere) >= 3:
            afstemning = self.w.add(
                Afstemning, beslutning_id=beslutning, forslag=rng.choice(ord.AFSTEMNINGSFORSLAG)
            )
            imod_partier = set(rng.sample([p[0] for p in ord.PARTIER], 2))
            imod = []
            for person in deltagere:
                letter = self.persons[person][1]
                valg = Valg.IMOD if letter in imod_partier else Valg.FOR
                if rng.random() < 0.05:
                    valg = Valg.UNDLOD
                if valg == Valg.IMOD:
                    imod.append(person)
                self.w.add(Stemme, afstemning_id=afstemning, person_id=person, valg=valg)
            if imod and rng.random() < 0.4:
                person = rng.choice(imod)
                partinavn = next(p[1] for p in ord.PARTIER if p[0] == self.persons[person][1])
                self.w.add(
                    Mindretalsudtalelse,
                    beslutning_id=beslutning,
                    person_id=person,
                    tekst=rng.choice(ord.MINDRETAL).format(parti=partinavn),
                )
        if rng.random() < 0.02 and deltagere:
            self.w.add(
                PunktFravaer,
                punkt_id=punkt,
                person_id=rng.choice(deltagere),
                type=rng.choice(list(Fravaersaarsag)),
                note="",
            )

    # --- budget -----------------------------------------------------------------------------

    def _budget(self, terms) -> None:
        rng = self.rng
        for komiteer in terms:
            for year in range(komiteer[0].start, komiteer[0].start + TERM_YEARS):
                if datetime.date(year, 5, 1) > self.today:
                    continue
                runde = self.w.add(
                    Budgetrunde,
                    navn=f"Budgetlægning {year + 1} - {year + 4}",
                    slug=f"budget-{year + 1}-{year + 4}",
                    foerste_aar=year + 1,
                    sidste_aar=year + 4,
                    samlet_maal=50_000_000,
                )
                for komite in komiteer[: len(ord.UDVALG)]:
                    if komite.forkortelse in ("BY", "HR", "ÆR"):
                        continue
                    netto = rng.randint(100, 900) * 1_000_000
                    self.w.add(
                        Ramme,
                        runde_id=runde,
                        udvalg_id=komite.id,
                        nettodriftsbudget=netto,
                        besparelsesmaal=netto // 1000 * rng.randint(1, 10),
                    )
                    item = komite.budget_items.get(year)
                    for nr in range(1, rng.randint(3, 8) + 1):
                        self._forslag(runde, komite, year, nr, item)

    def _forslag(self, runde, komite, year, nr, item) -> None:
        rng = self.rng
        afdeling = ord.AFDELINGER[komite.index % len(ord.AFDELINGER)]
        status = Status.UDKAST
        if item is not None:
            status = rng.choice(
                [Status.FREMLAGT, Status.VEDTAGET, Status.VEDTAGET, Status.FORKASTET]
            )
        titel = f"{rng.choice(['Reduktion af', 'Omlægning af', 'Effektivisering af'])} " + (
            rng.choice(ord.EMNER)
        )
        forslag = self.w.add(
            Besparelsesforslag,
            runde_id=runde,
            udvalg_id=komite.id,
            afdeling_nr=komite.index * 10 + 1,
            afdeling_navn=afdeling,
            forslag_nr=nr,
            scenarie_nr=1,
            udgiftstype=rng.choice(list(Udgiftstype)),
            titel=titel,
            beskrivelse=rng.choice(ord.SAETNINGER),
            ikrafttraeden=datetime.date(year + 1, 1, 1),
            status=status,
        )
        for aar in range(year + 1, year + 5):
            self.w.add(
                Aarstal,
                forslag_id=forslag,
                aar=aar,
                udgifter_service=-rng.randint(1, 40) * 25_000,
                aarsvaerk=Decimal(rng.randint(0, 20)) / 10,
            )
        if item is not None:
            self.w.add(
                Besparelsesforslag.punkter.through, besparelsesforslag_id=forslag, punkt_id=item[0]
            )

    # --- files and signing ------------------------------------------------------------------

    def _pdf_pool(self) -> list[tuple[str, int, int, str]]:
        """(storage name, size, pages, text) of small real PDFs, rendered once per seed."""
        pool = []
        rng = random.Random(self.seed)
        for k in range(PDF_POOL):
            emne = rng.choice(ord.EMNER)
            sentences = rng.sample(ord.SAETNINGER, 4)
            text = f"Notat om {emne}\n\n" + "\n".join(sentences)
            name = f"bilag/generator/{self.seed}-{k}.pdf"
            if not default_storage.exists(name):
                body = "".join(f"<p>{s}</p>" for s in sentences)
                html = (
                    '<html lang="da"><head><meta charset="utf-8"><title>Notat</title></head>'
                    f"<body><h1>Notat om {emne}</h1>{body}</body></html>"
                )
                default_storage.save(name, ContentFile(kerne_pdf.html_to_pdf(html)))
            pool.append((name, default_storage.size(name), 1, text))
        return pool

    def _sign(self, komiteer) -> list:
        """Sign and lock the last held meetings of the first committee through the services."""
        first = komiteer[0]
        User = get_user_model()
        secretary = User.objects.get(pk=first.secretary)
        moeder = list(
            Moede.objects.filter(udvalg_id=first.id, status=MoedeStatus.AFHOLDT).order_by("-dato")[
                : self.signed
            ]
        )
        signed = []
        for moede in reversed(moeder):
            underskrift.referat_close_for_signing(moede=moede, user=secretary)
            at = timezone.make_aware(
                datetime.datetime.combine(moede.dato + datetime.timedelta(days=2), datetime.time(9))
            )
            Underskrift.objects.filter(moede=moede).update(underskrevet=at)
            laasning.referat_lock(moede_id=moede.pk)
            signed.append(Moede.objects.get(pk=moede.pk))
        return signed


def _meeting_day(year: int, month: int, index: int) -> datetime.date:
    """The committee's weekday (Monday to Thursday by committee) in the month's second week."""
    weekday = index % 4
    day = datetime.date(year, month, 8)
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)
