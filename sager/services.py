"""Multi-step writes on cases, agenda items and attachments. A meeting is created here too,
because it is created with its agenda's standing items."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from kerne import danish
from sager import files
from sager.models import SEKTIONER, Adgang, Bilag, Punkt, Punkttype, Sag
from udvalg import services as udvalg_services
from udvalg.models import Moede, Udvalg

SECTION_FIELDS = [name for name, _ in SEKTIONER]
# Renumbering moves rows out of the way first, so the (moede, nummer) unique constraint
# holds after every single UPDATE on every database.
_RENUMBER_OFFSET = 10000


@transaction.atomic
def sag_create(*, sagsnr: str, titel: str) -> Sag:
    sag = Sag(sagsnr=sagsnr.strip(), titel=titel.strip())
    sag.full_clean()
    sag.save()
    return sag


# The fields of a standing item (faste punkter) as a new meeting gets it.
FAST_PUNKT = {
    "punkttype": Punkttype.INGEN,
    "fast_punkt": True,
    "tema": "-",
    "sagsbeskrivelse": "-",
    "administrationens_forslag": "-",
}


@transaction.atomic
def moede_create(
    *,
    udvalg: Udvalg,
    dato: datetime.date,
    starttid: datetime.time | None = None,
    sted: str = "",
) -> Moede:
    """Create a meeting with the committee's standing items (faste punkter) on its agenda."""
    moede = Moede(udvalg=udvalg, dato=dato, starttid=starttid, sted=sted)
    moede.url_slug = udvalg_services.free_url_slug(udvalg, dato)
    moede.full_clean()
    moede.save()
    for nummer, titel in enumerate(udvalg.faste_punkter, start=1):
        punkt = Punkt(moede=moede, nummer=nummer, titel=titel, **FAST_PUNKT)
        punkt.full_clean()
        punkt.save()
    return moede


@transaction.atomic
def punkt_create(
    *,
    moede: Moede,
    titel: str,
    sag: Sag | None = None,
    ny_sag: tuple[str, str] | None = None,
    punkttype: str = Punkttype.BESLUTNING,
    adgang: str = Adgang.AABEN,
    user=None,
    **sektioner: str | None,
) -> Punkt:
    """Append an item to the agenda; after release it is marked as supplementary (tillæg).
    ``ny_sag`` = (sagsnr, titel) creates the case too (an empty title: the item's)."""
    moede = Moede.objects.select_for_update().get(pk=moede.pk)
    unknown = set(sektioner) - set(SECTION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown sections: {sorted(unknown)}")
    if ny_sag is not None:
        sagsnr, sag_titel = ny_sag
        sag = sag_create(sagsnr=sagsnr, titel=sag_titel or titel)
    nummer = (moede.punkter.aggregate(m=Max("nummer"))["m"] or 0) + 1
    punkt = Punkt(
        moede=moede,
        nummer=nummer,
        titel=titel.strip(),
        sag=sag,
        punkttype=punkttype,
        adgang=adgang,
        tillaeg=moede.is_released,
        aendret_af=user,
        **sektioner,
    )
    punkt.full_clean()
    punkt.save()
    return punkt


def changed_by(obj) -> str:
    """'af Karen Kollega 3. marts 2014 kl. 09:12' for an object with aendret/aendret_af."""
    if obj is None:
        return "af en anden bruger"
    who = "en anden bruger"
    if obj.aendret_af is not None:
        who = obj.aendret_af.get_full_name() or obj.aendret_af.get_username()
    when = timezone.localtime(obj.aendret)
    return f"af {who} {danish.date_without_weekday(when.date())} kl. {when:%H:%M}"


class EditConflict(ValidationError):
    """Someone else saved the item after this user opened it."""

    def __init__(self, punkt: Punkt):
        super().__init__(
            f"Punktet er ændret {changed_by(punkt)}, efter at du åbnede det. Dine ændringer "
            "er ikke gemt: de står nedenfor, så du kan sammenligne med den gemte udgave og "
            "gemme igen.",
            code="conflict",
        )
        self.punkt = punkt


@transaction.atomic
def punkt_update(*, punkt: Punkt, version: int, user=None, **fields) -> Punkt:
    """Save an edit made from `version`; refuse it if the item changed in the meantime."""
    allowed = {"titel", "punkttype", "adgang", "offentlig_titel", *SECTION_FIELDS}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    # of=("self",): PostgreSQL cannot lock the nullable side of the join to aendret_af.
    current = (
        Punkt.objects.select_for_update(of=("self",)).select_related("aendret_af").get(pk=punkt.pk)
    )
    # Compare-and-swap on the version as well, for databases without row locks (SQLite).
    claimed = Punkt.objects.filter(pk=punkt.pk, version=version).update(version=F("version"))
    if current.version != version or not claimed:
        raise EditConflict(current)
    for name, value in fields.items():
        setattr(current, name, value)
    current.version = version + 1
    current.aendret_af = user
    current.full_clean()
    current.save()
    return current


def _apply_order(objects: list, field: str) -> None:
    """Number `objects` 1..n in `field`, in list order.

    The rows first move out of the way (+_RENUMBER_OFFSET), so the unique constraint on
    (parent, field) holds after every single UPDATE, on SQLite and PostgreSQL alike.
    """
    for obj in objects:
        type(obj).objects.filter(pk=obj.pk).update(**{field: F(field) + _RENUMBER_OFFSET})
    for number, obj in enumerate(objects, start=1):
        setattr(obj, field, number)
        obj.save(update_fields=[field])


def _moved(objects: list, pk: int, retning: str) -> list | None:
    """`objects` with the one whose pk is given swapped with its neighbour, or None."""
    i = [o.pk for o in objects].index(pk)
    j = {"op": i - 1, "ned": i + 1}.get(retning, -1)
    if not 0 <= j < len(objects):
        return None
    objects = list(objects)
    objects[i], objects[j] = objects[j], objects[i]
    return objects


@transaction.atomic
def punkter_reorder(*, moede: Moede, order: list[int]) -> None:
    """Put the meeting's items in the given order (a permutation of their ids) and renumber."""
    moede = Moede.objects.select_for_update().get(pk=moede.pk)
    punkter = {p.pk: p for p in moede.punkter.all()}
    if sorted(order) != sorted(punkter):
        raise ValidationError(
            "Rækkefølgen passer ikke til mødets punkter. Genindlæs siden og prøv igen.",
            code="bad_order",
        )
    _apply_order([punkter[pk] for pk in order], "nummer")


@transaction.atomic
def punkt_move(*, punkt: Punkt, retning: str) -> None:
    """Move an item one place up ('op') or down ('ned')."""
    moede = Moede.objects.select_for_update().get(pk=punkt.moede_id)
    ordered = _moved(list(moede.punkter.order_by("nummer")), punkt.pk, retning)
    if ordered:
        _apply_order(ordered, "nummer")


@transaction.atomic
def punkt_delete(*, punkt: Punkt) -> None:
    moede = Moede.objects.select_for_update().get(pk=punkt.moede_id)
    punkt.delete()
    _apply_order(list(moede.punkter.order_by("nummer")), "nummer")


# --- attachments -----------------------------------------------------------------------------


@transaction.atomic
def bilag_add(
    *,
    punkt: Punkt,
    fil,
    filnavn: str | None = None,
    titel: str = "",
    bilagsnr: str | None = None,
    adgang: str = Adgang.AABEN,
) -> Bilag:
    """Check the file's real type, read pages and text from PDFs, and append it to the item."""
    filnavn = (filnavn or fil.name).strip()
    info = files.inspect(fil, filnavn)
    punkt = Punkt.objects.select_for_update().get(pk=punkt.pk)
    sekvens = (punkt.bilag.aggregate(m=Max("sekvens"))["m"] or 0) + 1
    bilag = Bilag(
        punkt=punkt,
        sekvens=sekvens,
        filnavn=filnavn,
        titel=titel.strip(),
        bilagsnr=bilagsnr or None,
        adgang=adgang,
        stoerrelse=fil.size,
        indholdstype=info.mime,
        sidetal=info.sidetal,
        tekst=info.tekst,
    )
    bilag.fil.save(filnavn, fil, save=False)
    try:
        bilag.full_clean()
        bilag.save()
    except Exception:
        # Nothing half-written: the stored file goes when the row does not come.
        bilag.fil.delete(save=False)
        raise
    return bilag


@transaction.atomic
def bilag_update(
    *, bilag: Bilag, filnavn: str, titel: str, bilagsnr: str | None, adgang: str
) -> Bilag:
    bilag.filnavn, bilag.titel = filnavn.strip(), titel.strip()
    bilag.bilagsnr, bilag.adgang = bilagsnr or None, adgang
    bilag.full_clean()
    bilag.save()
    return bilag


@transaction.atomic
def bilag_move(*, bilag: Bilag, retning: str) -> None:
    punkt = Punkt.objects.select_for_update().get(pk=bilag.punkt_id)
    ordered = _moved(list(punkt.bilag.order_by("sekvens")), bilag.pk, retning)
    if ordered:
        _apply_order(ordered, "sekvens")


@transaction.atomic
def bilag_delete(*, bilag: Bilag) -> None:
    """Remove an attachment from the item. The stored file is kept for the audit history."""
    punkt = Punkt.objects.select_for_update().get(pk=bilag.punkt_id)
    bilag.delete()
    _apply_order(list(punkt.bilag.order_by("sekvens")), "sekvens")
