"""Multi-step operations on committees and meetings."""

import datetime
import hashlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mass_mail
from django.db import models, transaction
from django.utils import timezone

from udvalg import danish
from udvalg.models import (
    Genaabning,
    Moede,
    MoedeStatus,
    Person,
    ProtokolVersion,
    Udvalg,
    Underskrift,
    Underskriftsregel,
)

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


# --- signing the protocol (KSL §13 stk. 1) -----------------------------------------------------


def _signers(moede: Moede, secretary) -> list[Underskrift]:
    """The signature list: derived from who took part (chair first, then the meeting's order;
    substitutes included), never from the member list alone."""
    from sager import recording  # sager depends on udvalg

    deltagelse = recording.moede_deltagelse(moede)
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
    `tidspunkt` (default now) is for imports and demo data of past meetings."""
    moede = Moede.objects.select_for_update().select_related("udvalg").get(pk=moede.pk)
    if moede.status != MoedeStatus.TIL_UNDERSKRIFT:
        raise ValidationError("Protokollen er ikke til underskrift.", code="not_signing")
    row = moede.underskrifter.filter(user=user, underskrevet__isnull=True).first()
    if row is None:
        raise ValidationError("Du skal ikke underskrive denne protokol.", code="not_signer")
    if not user.check_password(password):
        raise ValidationError({"password": "Adgangskoden er forkert."})
    row.underskrevet = tidspunkt or timezone.now()
    row.save(update_fields=["underskrevet"])
    complete = not moede.underskrifter.filter(underskrevet__isnull=True).exists()
    if complete:
        # Rendering takes a second or more: a worker does it. The database backend stores
        # the task in this transaction, so it only runs once the signature is committed.
        from udvalg import tasks  # tasks imports this module

        tasks.lock_protokol.enqueue(moede.pk, user.pk)
    return SignResult(underskrift=row, complete=complete)


@transaction.atomic
def referat_lock(*, moede_id: int, user_id: int) -> "ProtokolVersion | None":
    """Lock a protocol whose signatures are all in (idempotent: a repeat does nothing)."""
    moede = Moede.objects.select_for_update().select_related("udvalg").get(pk=moede_id)
    if moede.status != MoedeStatus.TIL_UNDERSKRIFT:
        return None
    if moede.underskrifter.filter(underskrevet__isnull=True).exists():
        return None
    return _lock(moede, get_user_model().objects.get(pk=user_id))


def _lock(moede: Moede, user) -> "ProtokolVersion":
    """Render the protocol once, store it with its SHA-256, and lock the meeting."""
    from sager import pdf  # sager depends on udvalg; the PDF is only needed here

    underskrivere = pdf.signaturer(moede)
    data = pdf.render_moede_pdf(
        moede, user=user, kind="referat", underskrivere=underskrivere, med_bilag=True
    )
    arkiv = pdf.render_moede_pdf(
        moede,
        user=user,
        kind="referat",
        underskrivere=underskrivere,
        med_bilag=True,
        pdf_variant="pdf/a-3b",
    )
    nummer = (moede.versioner.aggregate(m=models.Max("version"))["m"] or 0) + 1
    version = ProtokolVersion(
        moede=moede,
        version=nummer,
        sha256=hashlib.sha256(data).hexdigest(),
        arkiv_sha256=hashlib.sha256(arkiv).hexdigest(),
    )
    version.fil.save(f"v{nummer}.pdf", ContentFile(data), save=False)
    version.arkiv.save(f"v{nummer}-pdfa.pdf", ContentFile(arkiv), save=False)
    version.save()
    moede.status = MoedeStatus.UNDERSKREVET
    moede.save(update_fields=["status"])
    return version


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


def verify_protocols() -> list[tuple["ProtokolVersion", str]]:
    """Re-compute every stored protocol's hash; returns (version, problem) for each mismatch."""
    problems = []
    for version in ProtokolVersion.objects.select_related("moede__udvalg").order_by("pk"):
        files = [("PDF", version.fil, version.sha256)]
        if version.arkiv:
            files.append(("PDF/A", version.arkiv, version.arkiv_sha256))
        for label, fil, expected in files:
            try:
                with fil.open("rb") as handle:
                    digest = hashlib.sha256(handle.read()).hexdigest()
            except OSError:
                problems.append((version, f"{label}: filen mangler"))
                continue
            if digest != expected:
                problems.append((version, f"{label}: SHA-256 er {digest}, forventet {expected}"))
    return problems
