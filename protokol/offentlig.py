"""The public versions of agendas and protocols (KSL §§ 8 and 20).

Anyone may read released agendas and signed protocols. A closed item (lukket punkt) is
published only as its number, the title approved for publication (else "Lukket punkt") and
the decision in the redacted form the secretary entered; closed attachments never. To keep
that true whatever a template does, closed items are replaced here by a small record that
carries nothing else.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404

from protokol import selectors
from sager.models import Adgang, Beslutning, Bilag, Mindretalsudtalelse, Punkt, Sag, Stemme
from udvalg.models import (
    Fremmoede,
    FremmoedeStatus,
    Medlemskab,
    Moede,
    MoedeStatus,
    Person,
    Udvalg,
)


@dataclass(frozen=True)
class LukketPunkt:
    nummer: int
    titel: str
    beslutning: str  # the redacted decision (sanitised HTML), or ""
    is_lukket: bool = True


def udvalg_list():
    """Committees with something published."""
    return (
        Udvalg.objects.filter(moeder__status__in=PUBLISHED)
        .distinct()
        .order_by("-periode_start", "navn")
    )


PUBLISHED = [
    MoedeStatus.FRIGIVET,
    MoedeStatus.AFHOLDT,
    MoedeStatus.TIL_UNDERSKRIFT,
    MoedeStatus.UNDERSKREVET,
]


def moeder(udvalg: Udvalg):
    return Moede.objects.filter(udvalg=udvalg, status__in=PUBLISHED).order_by("-dato")


def medlemmer(udvalg: Udvalg) -> tuple[list[Medlemskab], list[Medlemskab]]:
    """The committee's composition for its public page, (members, substitutes), in seat order:
    name, party, role and, where a seat was held for part of the term, its dates. Nothing of
    the people's accounts."""
    rows = list(
        Medlemskab.objects.filter(udvalg=udvalg)
        .select_related("person")
        .only(
            "rolle",
            "sortering",
            "gyldig_fra",
            "gyldig_til",
            "stedfortraeder",
            "person__navn",
            "person__parti",
            "person__parti_bogstav",
        )  # fmt: skip
        .order_by("sortering", "person__navn", "pk")
    )
    return [m for m in rows if not m.stedfortraeder], [m for m in rows if m.stedfortraeder]


def andre_perioder(udvalg: Udvalg) -> list[Udvalg]:
    """The same committee in its other terms, where it has published something."""
    return list(
        Udvalg.objects.filter(navn=udvalg.navn, moeder__status__in=PUBLISHED)
        .exclude(pk=udvalg.pk)
        .distinct()
        .order_by("-periode_start")
    )


def sag(pk: int) -> Sag:
    """A case anyone may read: one with an open item on a released agenda, titled as the public
    may see it (SagQuerySet.with_visningstitel: never a closed item's title)."""
    anonym = AnonymousUser()
    return get_object_or_404(
        Sag.objects.filter(pk=pk)
        .filter(Exists(Punkt.objects.offentlige().filter(sag_id=OuterRef("pk"))))
        .with_visningstitel(anonym)
    )


def sag_punkter(sag: Sag) -> list[Punkt]:
    """Sagens gang for the public: the case's open items on released agendas across committees,
    oldest first, with their open attachments."""
    return list(
        Punkt.objects.offentlige()
        .filter(sag=sag)
        .select_related("moede__udvalg", "sag")
        .prefetch_related(Prefetch("bilag", queryset=Bilag.objects.offentlige().defer("tekst")))
        .order_by("moede__dato", "moede__starttid", "nummer")
    )


def can_publish_protocol(moede: Moede) -> bool:
    return moede.status == MoedeStatus.UNDERSKREVET


def punkter(moede: Moede, *, med_beslutninger: bool) -> list:
    """The meeting's items for the public, in order: open items with their open attachments
    (and decisions, for a protocol); closed items as LukketPunkt."""
    rows = list(
        Punkt.objects.filter(moede=moede)
        .select_related("sag", "beslutning")
        .prefetch_related(
            Prefetch(
                "bilag", queryset=Bilag.objects.filter(adgang=Adgang.AABEN).order_by("sekvens")
            )
        )
        .order_by("nummer")
    )
    aabne = [p for p in rows if not p.is_lukket]
    protokol = {}
    if med_beslutninger:
        deltagelse = selectors.moede_deltagelse(moede)
        protokol = {
            pp.punkt.pk: pp
            for pp in selectors.attach_protocol(
                moede,
                aabne,
                deltagelse,
                # The public decisions elsewhere, and this protocol's own open items' (it is
                # being published: at the lock it is not yet marked signed).
                synlige=Beslutning.objects.offentlige()
                | Beslutning.objects.filter(punkt__moede=moede, punkt__adgang=Adgang.AABEN),
            )
        }
    result = []
    for p in rows:
        if p.is_lukket:
            beslutning = getattr(p, "beslutning", None)
            tekst = beslutning.offentlig_tekst if (beslutning and med_beslutninger) else ""
            result.append(LukketPunkt(nummer=p.nummer, titel=p.offentlig_visningstitel,
                                      beslutning=tekst))  # fmt: skip
        else:
            result.append(protokol.get(p.pk) or p)
    return result


# --- persons: what the public record says of a member -----------------------------------------

MAKS_PERSONRAEKKER = 200


def personer():
    """Persons with a seat (or a substitute's) in a committee that has published something:
    those the public pages and search show."""
    return Person.objects.filter(
        Exists(
            Medlemskab.objects.filter(
                person_id=OuterRef("pk"),
                udvalg__in=Moede.objects.filter(status__in=PUBLISHED).values("udvalg_id"),
            )
        )
    )


def person(pk: int) -> Person:
    return get_object_or_404(personer(), pk=pk)


def person_medlemskaber(person: Person) -> list[Medlemskab]:
    return list(
        Medlemskab.objects.filter(person=person)
        .select_related("udvalg")
        .order_by("-udvalg__periode_start", "udvalg__navn", "gyldig_fra")
    )


@dataclass(frozen=True)
class Fremmoedetal:
    moeder: int  # signed meetings held while the person had a seat
    fravaer: list  # Fremmoede rows of those meetings where the person was absent
    stedfortraeder: int  # signed meetings attended as a substitute

    @property
    def deltog(self) -> int:
        return self.moeder - len(self.fravaer)


def person_fremmoede(person: Person, medlemskaber: list[Medlemskab]) -> Fremmoedetal:
    """Attendance in the signed protocols: the meetings of the seats' committees on the seats'
    dates, less the recorded absences; and the meetings attended in another's seat."""
    saeder = Q(pk__in=[])
    for m in medlemskaber:
        if m.stedfortraeder:
            continue
        periode = Q(udvalg_id=m.udvalg_id)
        if m.gyldig_fra:
            periode &= Q(dato__gte=m.gyldig_fra)
        if m.gyldig_til:
            periode &= Q(dato__lte=m.gyldig_til)
        saeder |= periode
    moeder = Moede.objects.filter(status=MoedeStatus.UNDERSKREVET).filter(saeder)
    fravaer = list(
        Fremmoede.objects.filter(person=person, moede__in=moeder, stedfortraeder_for__isnull=True)
        .exclude(status=FremmoedeStatus.TIL_STEDE)
        .select_related("moede__udvalg")
        .order_by("-moede__dato")
    )
    stedfortraeder = Fremmoede.objects.filter(
        person=person,
        moede__status=MoedeStatus.UNDERSKREVET,
        stedfortraeder_for__isnull=False,
        status=FremmoedeStatus.TIL_STEDE,
    ).count()
    return Fremmoedetal(moeder=moeder.count(), fravaer=fravaer, stedfortraeder=stedfortraeder)


def _offentlige_beslutninger():
    # Decisions of open items in signed protocols (not those entered by hand: no meeting).
    return Beslutning.objects.offentlige().filter(punkt__isnull=False)


def person_stemmer(person: Person) -> tuple[int, list[Stemme]]:
    """(number, the newest MAKS_PERSONRAEKKER) of the person's named votes in the public
    record."""
    qs = Stemme.objects.filter(person=person, afstemning__beslutning__in=_offentlige_beslutninger())
    rows = list(
        qs.select_related(
            "afstemning__beslutning__punkt__moede__udvalg", "afstemning__beslutning__sag"
        ).order_by("-afstemning__beslutning__dato", "-pk")[:MAKS_PERSONRAEKKER]
    )
    return qs.count(), rows


def person_udtalelser(person: Person) -> list[Mindretalsudtalelse]:
    return list(
        Mindretalsudtalelse.objects.filter(person=person, beslutning__in=_offentlige_beslutninger())
        .select_related("beslutning__punkt__moede__udvalg")
        .order_by("-beslutning__dato", "-pk")[:MAKS_PERSONRAEKKER]
    )
