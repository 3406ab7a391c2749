"""Reads for the meeting cycle's pages and PDFs, each in a fixed number of queries: the items of
a meeting or a case with their attachments and savings proposals, who took part, and the
protocol part of every item (decisions, votes, minority statements, per-item absence)."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects

from budget.models import Besparelsesforslag
from protokol import deltagelse as protokol_deltagelse
from sager.models import (
    Beslutning,
    Bilag,
    Mindretalsudtalelse,
    Punkt,
    PunktFravaer,
    Standardtekst,
    Stemme,
)
from udvalg.models import Fremmoede, Medlemskab, Moede


def _besparelsesforslag_prefetch() -> Prefetch:
    """Savings proposals attached to the items (listed under Bilag). An item the user may read
    shows its proposals (budget.models.ForslagQuerySet.visible_to agrees)."""
    return Prefetch(
        "besparelsesforslag",
        queryset=Besparelsesforslag.objects.select_related("runde", "udvalg").order_by(
            "afdeling_nr", "forslag_nr", "scenarie_nr"
        ),
    )


def _med_forslag(punkter: list[Punkt]) -> list[Punkt]:
    """Proposals for the items that carry any (`har_forslag`, an EXISTS in the items' own
    query); the others get an empty list without asking. Most meetings carry none, and their
    pages save the query."""
    for punkt in punkter:
        if not punkt.har_forslag:
            ingen = Besparelsesforslag.objects.none()
            ingen._result_cache, ingen._prefetch_done = [], True  # as a prefetch leaves it
            punkt.__dict__.setdefault("_prefetched_objects_cache", {})["besparelsesforslag"] = ingen
    prefetch_related_objects([p for p in punkter if p.har_forslag], _besparelsesforslag_prefetch())
    return punkter


HAR_FORSLAG = Exists(Besparelsesforslag.punkter.through.objects.filter(punkt_id=OuterRef("pk")))


def punkter_for_moede_page(moede: Moede, user) -> list[Punkt]:
    """The meeting's items the user may read, in order, with attachments and proposals."""
    return _med_forslag(
        list(
            Punkt.objects.filter(moede=moede)
            .for_moede_page(user, moede)
            .annotate(har_forslag=HAR_FORSLAG)
        )
    )


def punkter_for_udvalget(moede: Moede) -> list[Punkt]:
    """Every item of the meeting with all its attachments and proposals: what the committee
    as a body reads (the signed protocol's frozen copy, protokol.indhold)."""
    return list(
        Punkt.objects.filter(moede=moede)
        .select_related("sag")
        .prefetch_related(
            Prefetch("bilag", queryset=Bilag.objects.order_by("sekvens")),
            _besparelsesforslag_prefetch(),
        )
        .order_by("nummer")
    )


def punkter_for_sag_page(sag, user):
    """Every item of the case the user may read, across meetings, oldest first."""
    return (
        Punkt.objects.filter(sag=sag)
        .for_sag_page(user)
        .prefetch_related(_besparelsesforslag_prefetch())
    )


def punkter_for_recording(moede: Moede, pk: int | None = None) -> list[Punkt]:
    """The meeting's items (or only item ``pk``) with everything the recording forms show."""
    qs = Punkt.objects.filter(moede=moede)
    if pk is not None:
        qs = qs.filter(pk=pk)
    punkter = list(
        qs.select_related("sag", "beslutning__afstemning", "beslutning__aendret_af")
        .prefetch_related(
            "fravaer",
            Prefetch(
                "beslutning__afstemning__stemmer", queryset=Stemme.objects.select_related("person")
            ),
            Prefetch(
                "beslutning__mindretalsudtalelser",
                queryset=Mindretalsudtalelse.objects.select_related("person"),
            ),
        )
        .order_by("nummer")
    )
    for punkt in punkter:
        punkt.moede = moede  # already loaded: no query per item
    return punkter


def standardtekster(moede: Moede) -> list[str]:
    """The committee's own decision phrases, offered beside the standard ones."""
    return list(
        Standardtekst.objects.filter(udvalg_id=moede.udvalg_id).values_list("tekst", flat=True)
    )


def medlemskaber_on(moede: Moede):
    dag = moede.dato
    return (
        Medlemskab.objects.filter(udvalg_id=moede.udvalg_id)
        .filter(Q(gyldig_fra__isnull=True) | Q(gyldig_fra__lte=dag))
        .filter(Q(gyldig_til__isnull=True) | Q(gyldig_til__gte=dag))
        .select_related("person")
    )


def moede_deltagelse(moede: Moede) -> protokol_deltagelse.MoedeDeltagelse:
    """Two queries: the memberships on the day and the attendance rows."""
    fremmoede = Fremmoede.objects.filter(moede=moede).select_related("person")
    return protokol_deltagelse.moede_deltagelse(list(medlemskaber_on(moede)), list(fremmoede))


def beslutninger_queryset(base=None):
    """Decisions with their committee, vote, votes (`afstemning.stemmeliste`) and minority
    statements (`mindretalsliste`) as plain lists: a prefetch into the related managers builds
    a filtered queryset per decision and per vote, which cost more than the rows (issue 13)."""
    base = Beslutning.objects.all() if base is None else base
    return base.select_related("udvalg", "afstemning").prefetch_related(
        Prefetch(
            "afstemning__stemmer",
            queryset=Stemme.objects.select_related("person"),
            to_attr="stemmeliste",
        ),
        Prefetch(
            "mindretalsudtalelser",
            queryset=Mindretalsudtalelse.objects.select_related("person"),
            to_attr="mindretalsliste",
        ),
    )


@dataclass
class PunktProtokol:
    punkt: Punkt
    deltagelse: protokol_deltagelse.PunktDeltagelse
    beslutninger: list[Beslutning]


def attach_protocol(
    moede: Moede, punkter: list[Punkt], deltagelse, *, synlige
) -> list[PunktProtokol]:
    """Decisions (this meeting's and every earlier one of each case, oldest first), votes,
    minority statements and per-item attendance, for all items at once. `synlige` is the
    reader's BeslutningQuerySet (visible_to, offentlige or for_udvalg): a decision of an item
    the reader may not see is never printed under another item of the same case."""
    sag_ids = {p.sag_id for p in punkter if p.sag_id}
    punkt_ids = [p.pk for p in punkter]
    # The case's history up to this meeting, not the decisions of the meeting's other items
    # (an open and a closed item may treat one case), and each item's own decision.
    history = Q(sag_id__in=sag_ids, dato__lte=moede.dato) & ~Q(punkt__moede=moede)
    beslutninger = list(
        beslutninger_queryset(synlige)
        .filter(history | Q(punkt_id__in=punkt_ids))
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
                protokol_deltagelse.afstemning_tekst(afstemning, order) if afstemning else None
            )
        result.append(
            PunktProtokol(
                punkt=punkt,
                deltagelse=protokol_deltagelse.punkt_deltagelse(
                    deltagelse, fravaer.get(punkt.pk, [])
                ),
                beslutninger=own,
            )
        )
    return result


def sag_beslutninger(sag, user=None) -> list[Beslutning]:
    """The whole decision history of a case across committees, oldest first: decisions added by
    hand, and those of items the user may read (user=None: those anyone may read)."""
    alle = Beslutning.objects
    synlige = alle.offentlige() if user is None else alle.visible_to(user)
    beslutninger = list(beslutninger_queryset(synlige).filter(sag=sag).order_by("dato", "pk"))
    for b in beslutninger:
        afstemning = getattr(b, "afstemning", None)
        b.afstemning_tekst = afstemning and protokol_deltagelse.afstemning_tekst(afstemning, {})
    return beslutninger
