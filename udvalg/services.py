"""Multi-step operations on committees and meetings."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from udvalg import danish
from udvalg.models import Moede, MoedeStatus, Udvalg

# The agenda goes out 4 working days before the meeting (common Danish standing orders).
FRIST_HVERDAGE = 4


def _free_url_slug(udvalg: Udvalg, dato: datetime.date, exclude_pk: int | None = None) -> str:
    taken = set(
        Moede.objects.filter(udvalg=udvalg, dato=dato)
        .exclude(pk=exclude_pk)
        .values_list("url_slug", flat=True)
    )
    base = dato.isoformat()
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


@transaction.atomic
def moede_create(
    *,
    udvalg: Udvalg,
    dato: datetime.date,
    starttid: datetime.time | None = None,
    sted: str = "",
) -> Moede:
    """Create a meeting with the committee's standing items (faste punkter)."""
    from sager.models import Punkt, Punkttype

    moede = Moede(udvalg=udvalg, dato=dato, starttid=starttid, sted=sted)
    moede.url_slug = _free_url_slug(udvalg, dato)
    moede.full_clean()
    moede.save()
    for nummer, titel in enumerate(udvalg.faste_punkter, start=1):
        punkt = Punkt(
            moede=moede,
            nummer=nummer,
            titel=titel,
            punkttype=Punkttype.INGEN,
            fast_punkt=True,
            tema="-",
            sagsbeskrivelse="-",
            administrationens_forslag="-",
        )
        punkt.full_clean()
        punkt.save()
    return moede


@transaction.atomic
def moede_update(
    *, moede: Moede, dato: datetime.date, starttid: datetime.time | None, sted: str
) -> Moede:
    moede = Moede.objects.select_for_update().get(pk=moede.pk)
    if dato != moede.dato:
        moede.url_slug = _free_url_slug(moede.udvalg, dato, exclude_pk=moede.pk)
    moede.dato, moede.starttid, moede.sted = dato, starttid, sted
    moede.full_clean()
    moede.save()
    return moede


def release_deadline(dato: datetime.date) -> datetime.date:
    return danish.working_days_before(dato, FRIST_HVERDAGE)


def release_warning(moede: Moede, dag: datetime.date | None = None) -> str | None:
    """A Danish warning when releasing on `dag` is later than the deadline, else None."""
    dag = dag or timezone.localdate()
    frist = release_deadline(moede.dato)
    if dag <= frist:
        return None
    return (
        f"Dagsordenen frigives senere end {FRIST_HVERDAGE} hverdage før mødet. "
        f"Den skulle være udsendt senest {danish.long_date(frist)}."
    )


@dataclass
class ReleaseResult:
    moede: Moede
    warning: str | None


@transaction.atomic
def moede_release(*, moede: Moede, user) -> ReleaseResult:
    """Release (frigiv) the agenda to the members; records who and when."""
    from django.core.exceptions import ValidationError

    moede = Moede.objects.select_for_update(of=("self",)).select_related("udvalg").get(pk=moede.pk)
    if moede.status != MoedeStatus.KLADDE:
        raise ValidationError("Dagsordenen er allerede frigivet.", code="already_released")
    now = timezone.now()
    warning = release_warning(moede, timezone.localdate(now))
    moede.status = MoedeStatus.FRIGIVET
    moede.frigivet_tid = now
    moede.frigivet_af = user
    moede.full_clean()
    moede.save()
    return ReleaseResult(moede=moede, warning=warning)


@transaction.atomic
def moede_mark_held(*, moede: Moede) -> Moede:
    from django.core.exceptions import ValidationError

    moede = Moede.objects.select_for_update().get(pk=moede.pk)
    if moede.status != MoedeStatus.FRIGIVET:
        raise ValidationError(
            "Kun et møde med frigivet dagsorden kan markeres som afholdt.", code="not_released"
        )
    moede.status = MoedeStatus.AFHOLDT
    moede.save()
    return moede


@transaction.atomic
def moede_start_recording(*, moede: Moede) -> Moede:
    """The meeting counts as held (afholdt) once anything is recorded."""
    moede = Moede.objects.select_for_update().get(pk=moede.pk)
    if moede.status == MoedeStatus.FRIGIVET:
        moede.status = MoedeStatus.AFHOLDT
        moede.save(update_fields=["status"])
    return moede
