"""Signing the protocol (KSL §13 stk. 1): closing it for signing, each signature with
re-authentication, withdrawing it, reminders, and the logged reopening of signed minutes. The
last signature queues the lock (protokol.tasks, protokol.services.laasning)."""

import datetime
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mass_mail
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from kerne import danish
from protokol import selectors, sidecache, tasks
from protokol.services import laasning
from udvalg.models import (
    Genaabning,
    Moede,
    MoedeStatus,
    Person,
    Underskrift,
    Underskriftsregel,
)


def _signers(moede: Moede, secretary) -> list[Underskrift]:
    """The signature list: derived from who took part (chair first, then the meeting's order;
    substitutes included), never from the member list alone."""
    deltagelse = selectors.moede_deltagelse(moede)
    personer = Person.objects.select_related("user").in_bulk(
        [d.person_id for d in deltagelse.deltagere]
    )
    rows = [
        Underskrift(
            moede=moede,
            person=personer[d.person_id],
            user=personer[d.person_id].user,
            navn=d.navn,
            rolle=d.rolle,
            sortering=i,
        )
        for i, d in enumerate(deltagelse.deltagere)
    ]
    if moede.udvalg.underskriftsregel == Underskriftsregel.FORMAND_SEKRETAER:
        rows = rows[:1]
        rows.append(
            Underskrift(
                moede=moede,
                user=secretary,
                navn=secretary.get_full_name() or secretary.get_username(),
                rolle="Sekretær",
                sortering=len(rows),
            )
        )
    return rows


@transaction.atomic
def referat_close_for_signing(*, moede: Moede, user) -> list[Underskrift]:
    """Recording is finished: freeze the protocol and ask the participants to sign."""
    moede = Moede.objects.select_for_update().select_related("udvalg").get(pk=moede.pk)
    if moede.status != MoedeStatus.AFHOLDT:
        raise ValidationError(
            "Kun et afholdt møde, hvis protokol ikke er sendt til underskrift, kan sendes til "
            "underskrift.",
            code="not_held",
        )
    rows = _signers(moede, user)
    if not rows:
        raise ValidationError("Ingen deltagere er registreret på mødet.", code="no_signers")
    missing_login = [r.navn for r in rows if r.user_id is None]
    if missing_login:
        raise ValidationError(
            "Disse underskrivere har ingen brugerkonto og kan ikke underskrive: "
            + danish.join_names(missing_login)
            + ". Knyt en bruger til personen i administrationen.",
            code="no_login",
        )
    moede.underskrifter.all().delete()
    for row in rows:
        row.full_clean()
        row.save()
    moede.status = MoedeStatus.TIL_UNDERSKRIFT
    moede.save(update_fields=["status"])
    return rows


@transaction.atomic
def underskrifter_reorder(*, moede: Moede, rows: list[Underskrift]) -> None:
    """Store the signature page's order for this meeting (it can differ between meetings)."""
    for row in rows:
        Underskrift.objects.filter(pk=row.pk).update(sortering=row.sortering + 1000)
    for i, row in enumerate(rows):
        row.sortering = i
        row.save(update_fields=["sortering"])


@transaction.atomic
def referat_withdraw_from_signing(*, moede: Moede) -> Moede:
    """Take the protocol back for corrections before it is locked; signatures are cleared."""
    moede = Moede.objects.select_for_update().get(pk=moede.pk)
    if moede.status != MoedeStatus.TIL_UNDERSKRIFT:
        raise ValidationError("Protokollen er ikke sendt til underskrift.", code="not_signing")
    moede.underskrifter.all().delete()
    moede.status = MoedeStatus.AFHOLDT
    moede.save(update_fields=["status"])
    return moede


@dataclass
class SignResult:
    underskrift: Underskrift
    complete: bool  # the last signature: the protocol is being locked


@transaction.atomic
def referat_sign(
    *, moede: Moede, user, password: str, tidspunkt: datetime.datetime | None = None
) -> SignResult:
    """One signature, after re-authentication. The last required one locks the protocol.
    `tidspunkt` (default now) is for imports and demo data of past meetings. The caller limits
    the password guesses (the view: kerne.throttle); this transaction would roll back a count."""
    moede = Moede.objects.select_for_update().select_related("udvalg").get(pk=moede.pk)
    if moede.status != MoedeStatus.TIL_UNDERSKRIFT:
        raise ValidationError("Protokollen er ikke til underskrift.", code="not_signing")
    row = moede.underskrifter.filter(user=user, underskrevet__isnull=True).first()
    if row is None:
        raise ValidationError("Du skal ikke underskrive denne protokol.", code="not_signer")
    if not user.check_password(password):
        raise ValidationError(
            {"password": ValidationError("Adgangskoden er forkert.", code="wrong_password")}
        )
    row.underskrevet = tidspunkt or timezone.now()
    row.save(update_fields=["underskrevet"])
    complete = not moede.underskrifter.filter(underskrevet__isnull=True).exists()
    if complete:
        # Rendering takes a second or more: a worker does it, once the signature is committed.
        # Should the task be lost, the sweep (referater_requeue_locks) queues it again.
        _enqueue_lock(moede.pk, user.pk)
    return SignResult(underskrift=row, complete=complete)


def _enqueue_lock(moede_id: int, user_id: int) -> None:
    transaction.on_commit(partial(tasks.lock_protokol.enqueue, moede_id, user_id))


def referater_awaiting_lock():
    """Meetings whose every required signature is in but which are not locked yet."""
    unsigned = Underskrift.objects.filter(moede=OuterRef("pk"), underskrevet__isnull=True)
    return (
        Moede.objects.filter(status=MoedeStatus.TIL_UNDERSKRIFT, underskrifter__isnull=False)
        .filter(~Exists(unsigned))
        .distinct()
    )


def referater_requeue_locks() -> list[int]:
    """Queue the lock again for every fully signed meeting that is still not locked (a task
    lost with a crashed worker, or one that failed for good); a meeting whose lock task still
    waits or runs is left alone, so a periodic sweep never piles tasks up. The lock is
    idempotent, so a meeting queued twice is locked once. Returns the meetings' ids."""
    ids = []
    waiting = tasks.waiting(tasks.lock_protokol)
    for moede in referater_awaiting_lock().exclude(pk__in=waiting):
        last = moede.underskrifter.order_by("-underskrevet").first()
        user_id = last.user_id if last and last.user_id else moede.udvalg.sekretaerer.first().pk
        with transaction.atomic():
            _enqueue_lock(moede.pk, user_id)
        ids.append(moede.pk)
    return ids


def referater_requeue_public_pdfs() -> list[int]:
    """Queue the rendering of the public PDFs for every current signed version that lacks one
    (a version locked before they were rendered at locking, a render task lost or failed), so
    no visitor's request has to render them. Returns the versions' ids."""
    if not settings.PROTOKOL_RENDER_PUBLIC_PDFS_AT_LOCK:
        return []
    ids = []
    waiting = tasks.waiting(tasks.render_public_pdfs)
    for version_id in laasning.versions_missing_public_pdfs().exclude(pk__in=waiting):
        with transaction.atomic():
            transaction.on_commit(partial(tasks.render_public_pdfs.enqueue, version_id))
        ids.append(version_id)
    return ids


@transaction.atomic
def referat_reopen(*, moede: Moede, user, begrundelse: str) -> Genaabning:
    """The only way to change signed minutes: logged with who, when and why. Signatures are
    cleared; the earlier PDFs stay stored with their hashes, and the next lock adds a version."""
    moede = Moede.objects.select_for_update().get(pk=moede.pk)
    if not user.has_perm("udvalg.reopen_protokol"):
        raise PermissionDenied("Du har ikke ret til at genåbne protokoller.")
    if moede.status != MoedeStatus.UNDERSKREVET:
        raise ValidationError("Protokollen er ikke underskrevet.", code="not_locked")
    if not begrundelse.strip():
        raise ValidationError({"begrundelse": "Skriv hvorfor protokollen genåbnes."})
    version = moede.versioner.aggregate(m=models.Max("version"))["m"]
    log = Genaabning.objects.create(
        moede=moede, version=version, user=user, begrundelse=begrundelse.strip()
    )
    moede.status = MoedeStatus.AFHOLDT
    moede._genaabning = True
    moede.save(update_fields=["status"])
    moede.underskrifter.all().delete()
    transaction.on_commit(sidecache.forget_recent)
    return log


def referat_remind(*, moede: Moede, url: str) -> list[str]:
    """E-mail the signers who have not signed yet; returns the names reminded."""
    missing = list(moede.underskrifter.filter(underskrevet__isnull=True).select_related("user"))
    messages = []
    reminded = []
    for row in missing:
        if row.user is not None and row.user.email:
            messages.append(
                (
                    f"Påmindelse: underskriv protokollen fra {moede}",
                    f"Kære {row.navn}\n\nBeslutningsprotokollen fra {moede} venter på din "
                    f"underskrift:\n{url}\n\nVenlig hilsen\nSekretariatet",
                    None,
                    [row.user.email],
                )
            )
            reminded.append(row.navn)
    send_mass_mail(messages, fail_silently=False)
    return reminded
