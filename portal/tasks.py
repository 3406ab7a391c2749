"""Background work of the portal: the confirmation e-mail of a subscription, and the messages
that tell subscribers what is new (portal.abonnement)."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from portal import abonnement
from portal.models import Abonnement

logger = logging.getLogger(__name__)
FEJL_PAUSE = datetime.timedelta(minutes=5)


@task()
def send_bekraeftelse(abonnement_id: int) -> bool:
    a = Abonnement.objects.select_related("udvalg", "sag").filter(pk=abonnement_id).first()
    if a is None or a.bekraeftet or a.afmeldt:
        return False
    abonnement.bekraeftelsesmail(a).send()
    return True


@task()
def send_nyheder() -> int:
    """One message per due subscription with news, at most PROTOKOL_ABONNEMENT_PR_KOERSEL;
    queues itself again for the rest, for subscriptions waiting out their interval, and after
    a failed send (the message goes again: nothing is marked sent that was not)."""
    nu = timezone.now()
    sendt, igen = 0, None
    for a in abonnement.forfaldne(nu).select_related("udvalg", "sag").order_by("pk"):
        if sendt >= settings.PROTOKOL_ABONNEMENT_PR_KOERSEL:
            igen = nu + datetime.timedelta(seconds=10)
            break
        besked = abonnement.nyhedsmail(a)
        if besked is None:
            continue
        try:
            besked.mail.send()
        except (smtplib.SMTPException, OSError):
            logger.exception("Sending subscription %s failed; trying again later", a.pk)
            igen = nu + FEJL_PAUSE
            break
        Abonnement.objects.filter(pk=a.pk).update(sidst_med=besked.sidst_med, sidst_sendt=nu)
        sendt += 1
    if igen is None:
        # Subscriptions that waited out their interval this time, if anything is newer.
        venter = Abonnement.objects.filter(
            bekraeftet__isnull=False, afmeldt__isnull=True, sidst_sendt__gt=nu - _interval()
        ).aggregate(m=Min("sidst_sendt"))["m"]
        if venter is not None:
            senest = abonnement.senest_aendret()
            if senest and senest > venter:
                igen = venter + _interval()
    if igen is not None:
        koer_nyheder(igen)
    return sendt


def _interval() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.PROTOKOL_ABONNEMENT_INTERVAL)


def koer_nyheder(naar: datetime.datetime | None = None) -> None:
    """Queue send_nyheder (at `naar`), unless a run is already waiting in the queue. A backend
    that cannot defer (the tests' immediate one) runs it at the next event instead."""
    if naar and not send_nyheder.get_backend().supports_defer:
        return
    venter = DBTaskResult.objects.filter(
        task_path=send_nyheder.module_path, status=TaskResultStatus.READY
    ).exists()
    if not venter:
        task_ = send_nyheder.using(run_after=naar) if naar else send_nyheder
        task_.enqueue()


def efter_commit_koer_nyheder() -> None:
    transaction.on_commit(koer_nyheder)
