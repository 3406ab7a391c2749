"""The public versions of agendas and protocols (KSL §§ 8 and 20).

Anyone may read released agendas and signed protocols. A closed item (lukket punkt) is
published only as its number, the title approved for publication (else "Lukket punkt") and
the decision in the redacted form the secretary entered; closed attachments never. To keep
that true whatever a template does, closed items are replaced here by a small record that
carries nothing else.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404

from protokol import selectors
from sager.models import Adgang, Beslutning, Bilag, Punkt, Sag
from udvalg.models import Medlemskab, Moede, MoedeStatus, Udvalg


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
