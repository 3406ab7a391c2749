"""A meeting's own state: its date and URL, the agenda's release and the meeting being held.
Creating a meeting with its standing items, recording and signing belong to the meeting cycle
(protokol.services)."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kerne import danish
from udvalg.models import Moede, MoedeStatus, Udvalg

# The agenda goes out 4 working days before the meeting (common Danish standing orders).
FRIST_HVERDAGE = 4


def free_url_slug(udvalg: Udvalg, dato: datetime.date, exclude_pk: int | None = None) -> str:
    """The meeting's date as its URL ("2014-03-12"), with "-2" and up for a second meeting."""
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
def moede_update(
    *, moede: Moede, dato: datetime.date, starttid: datetime.time | None, sted: str
) -> Moede:
    moede = Moede.objects.select_for_update().get(pk=moede.pk)
    if dato != moede.dato:
        moede.url_slug = free_url_slug(moede.udvalg, dato, exclude_pk=moede.pk)
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
