"""Loading what the protocol needs for a meeting in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q

from sager import protokol
from sager.models import Beslutning, Mindretalsudtalelse, Punkt, PunktFravaer, Stemme
from udvalg.models import Fremmoede, Medlemskab, Moede


def medlemskaber_on(moede: Moede):
    dag = moede.dato
    return (
        Medlemskab.objects.filter(udvalg_id=moede.udvalg_id)
        .filter(Q(gyldig_fra__isnull=True) | Q(gyldig_fra__lte=dag))
        .filter(Q(gyldig_til__isnull=True) | Q(gyldig_til__gte=dag))
        .select_related("person")
    )


def moede_deltagelse(moede: Moede) -> protokol.MoedeDeltagelse:
    """Two queries: the memberships on the day and the attendance rows."""
    fremmoede = Fremmoede.objects.filter(moede=moede).select_related("person")
    return protokol.moede_deltagelse(list(medlemskaber_on(moede)), list(fremmoede))


def beslutninger_queryset():
    return Beslutning.objects.select_related("udvalg", "afstemning").prefetch_related(
        Prefetch("afstemning__stemmer", queryset=Stemme.objects.select_related("person")),
        Prefetch(
            "mindretalsudtalelser",
            queryset=Mindretalsudtalelse.objects.select_related("person"),
        ),
    )


@dataclass
class PunktProtokol:
    punkt: Punkt
    deltagelse: protokol.PunktDeltagelse
    beslutninger: list[Beslutning]


def attach_protocol(moede: Moede, punkter: list[Punkt], deltagelse) -> list[PunktProtokol]:
    """Decisions (this meeting's and every earlier one of each case, oldest first), votes,
    minority statements and per-item attendance, for all items at once."""
    sag_ids = {p.sag_id for p in punkter if p.sag_id}
    punkt_ids = [p.pk for p in punkter]
    beslutninger = list(
        beslutninger_queryset()
        .filter(Q(sag_id__in=sag_ids, dato__lte=moede.dato) | Q(punkt_id__in=punkt_ids))
        .order_by("dato", "pk")
    )
    fravaer: dict[int, list] = {}
    for f in PunktFravaer.objects.filter(punkt_id__in=punkt_ids):
        fravaer.setdefault(f.punkt_id, []).append(f)
    order = {d.person_id: d.sortering for d in deltagelse.deltagere}
    order.update({f.person_id: f.sortering for f in deltagelse.fravaerende})
    result = []
    for punkt in punkter:
        own = [
            b
            for b in beslutninger
            if b.punkt_id == punkt.pk or (punkt.sag_id and b.sag_id == punkt.sag_id)
        ]
        for b in own:
            afstemning = getattr(b, "afstemning", None)
            b.afstemning_tekst = (
                protokol.afstemning_tekst(afstemning, order) if afstemning else None
            )
        result.append(
            PunktProtokol(
                punkt=punkt,
                deltagelse=protokol.punkt_deltagelse(deltagelse, fravaer.get(punkt.pk, [])),
                beslutninger=own,
            )
        )
    return result


def sag_beslutninger(sag, user) -> list[Beslutning]:
    """The whole decision history of a case across committees, oldest first: decisions added by
    hand, and those of items the user may read."""
    beslutninger = list(
        beslutninger_queryset()
        .filter(sag=sag)
        .filter(Q(punkt__isnull=True) | Q(punkt__in=Punkt.objects.visible_to(user)))
        .order_by("dato", "pk")
    )
    for b in beslutninger:
        afstemning = getattr(b, "afstemning", None)
        b.afstemning_tekst = afstemning and protokol.afstemning_tekst(afstemning, {})
    return beslutninger
