"""Locking a signed protocol, and proving later that nothing changed.

The lock freezes everything the meeting shows (protokol.indhold), renders the protocol once as
a tagged PDF and a PDF/A from that copy, and stores a version that links into a chain over all
versions: `kaede` = SHA-256 of the previous version's link, the meeting, the version number and
the hashes of both files and of the copy; `signatur` = HMAC-SHA256 of the link with
settings.PROTOKOL_SIGNING_KEY, which is not in the database. Database triggers refuse to change
or remove a version, and refuse a version that does not come from a fully signed meeting; what
a database owner does anyway, verify_protocols finds.

Rendering takes a second or more, so it happens before the write transaction; the transaction
only checks that the meeting is still the one that was rendered and stores the result.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction

from protokol import indhold as frosset
from protokol import pdf
from sager.models import Bilag
from udvalg.models import Moede, MoedeStatus, ProtokolUdgave, ProtokolVersion

logger = logging.getLogger(__name__)

GENESIS = "0" * 64


class ProtokolBrud(Exception):
    """A stored version does not match its hash chain or signature: it was changed or forged
    outside the application. The message is Danish."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def kaede_of(*, forrige: str, moede_id: int, version: int, sha256: str, arkiv_sha256: str,
             indhold_sha256: str) -> str:  # fmt: skip
    parts = [forrige, str(moede_id), str(version), sha256, arkiv_sha256, indhold_sha256]
    return _digest("|".join(parts).encode())


def signatur_of(*parts: str) -> str:
    key = settings.PROTOKOL_SIGNING_KEY.encode()
    return hmac.new(key, "|".join(["protokol", *parts]).encode(), hashlib.sha256).hexdigest()


def _fingerprint(moede: Moede) -> list:
    """The signatures the render was made for: a withdrawal and new signing changes it."""
    return list(moede.underskrifter.order_by("pk").values_list("pk", "underskrevet"))


def _ready(moede: Moede) -> bool:
    return (
        moede.status == MoedeStatus.TIL_UNDERSKRIFT
        and moede.underskrifter.exists()
        and not moede.underskrifter.filter(underskrevet__isnull=True).exists()
    )


def referat_lock(*, moede_id: int, user_id: int | None = None) -> ProtokolVersion | None:
    """Lock a protocol whose signatures are all in (idempotent: a repeat, or a meeting that is
    no longer waiting, does nothing and returns None)."""
    moede = Moede.objects.select_related("udvalg").get(pk=moede_id)
    if not _ready(moede):
        return None
    fingerprint = _fingerprint(moede)
    # Outside the write transaction (on SQLite every transaction takes the write lock): the
    # meeting is frozen while it is out for signing, and _store checks it still is.
    copy = frosset.indhold_build(moede)
    source = copy["pdf"][frosset.pdf_udgave("referat", offentlig=False, med_bilag=True)]
    pdfs = pdf.pdf_from_html(source["html"], _sider(source["bilag"]), ("pdf/ua-1", "pdf/a-3b"))
    data, arkiv = pdfs["pdf/ua-1"], pdfs["pdf/a-3b"]
    return _store(moede_id, fingerprint, copy, data, arkiv)


@transaction.atomic
def _store(moede_id, fingerprint, copy, data: bytes, arkiv: bytes) -> ProtokolVersion | None:
    moede = Moede.objects.select_for_update().get(pk=moede_id)
    if not _ready(moede) or _fingerprint(moede) != fingerprint:
        return None  # withdrawn, reopened or locked in the meantime
    # The chain is linear: the latest link is locked, and forrige_kaede is unique.
    last = ProtokolVersion.objects.select_for_update().exclude(kaede="").order_by("-pk").first()
    forrige = last.kaede if last else GENESIS
    nummer = (moede.versioner.aggregate(m=models.Max("version"))["m"] or 0) + 1
    version = ProtokolVersion(
        moede=moede,
        version=nummer,
        sha256=_digest(data),
        arkiv_sha256=_digest(arkiv),
        indhold=copy,
        indhold_sha256=frosset.indhold_sha256(copy),
        forrige_kaede=forrige,
    )
    version.kaede = kaede_of(
        forrige=forrige,
        moede_id=moede.pk,
        version=nummer,
        sha256=version.sha256,
        arkiv_sha256=version.arkiv_sha256,
        indhold_sha256=version.indhold_sha256,
    )
    version.signatur = signatur_of(version.kaede)
    version.fil.save(f"v{nummer}.pdf", ContentFile(data), save=False)
    version.arkiv.save(f"v{nummer}-pdfa.pdf", ContentFile(arkiv), save=False)
    version.save()
    moede.status = MoedeStatus.UNDERSKREVET
    moede._laasning = True
    moede.save(update_fields=["status"])
    return version


def _sider(bilag_ids: list[int]) -> list[pdf.BilagSide]:
    found = Bilag.objects.select_related("punkt").in_bulk(bilag_ids)
    return pdf.bilag_sider([found[pk] for pk in bilag_ids])


@transaction.atomic
def versioner_seal() -> list[ProtokolVersion]:
    """Seal the versions stored before the chain existed: their frozen copy is made from the
    data as it is now (the stored PDF stays the record of what was signed), and each is linked
    into the chain and signed. Idempotent: sealed versions are left alone."""
    sealed = []
    for version in ProtokolVersion.objects.filter(kaede="").select_related("moede__udvalg"):
        last = ProtokolVersion.objects.select_for_update().exclude(kaede="").order_by("-pk")
        forrige = last.first().kaede if last.exists() else GENESIS
        version.indhold = frosset.indhold_build(version.moede)
        version.indhold_sha256 = frosset.indhold_sha256(version.indhold)
        version.forrige_kaede = forrige
        version.kaede = kaede_of(
            forrige=forrige,
            moede_id=version.moede_id,
            version=version.version,
            sha256=version.sha256,
            arkiv_sha256=version.arkiv_sha256,
            indhold_sha256=version.indhold_sha256,
        )
        version.signatur = signatur_of(version.kaede)
        version.save(
            update_fields=["indhold", "indhold_sha256", "forrige_kaede", "kaede", "signatur"]
        )
        sealed.append(version)
    return sealed


# --- reading what was signed -------------------------------------------------------------------


def version_problems(
    version: ProtokolVersion, *, files: bool = True, indhold: bool = True
) -> list[str]:
    """What does not match in one version: its copy, its link, its signature, its files."""
    if not version.kaede:
        return ["ikke forseglet (låst før kæde og signatur; kør manage.py seal_protocols)"]
    problems = []
    if indhold and frosset.indhold_sha256(version.indhold) != version.indhold_sha256:
        problems.append("det frosne indhold er ændret")
    kaede = kaede_of(
        forrige=version.forrige_kaede,
        moede_id=version.moede_id,
        version=version.version,
        sha256=version.sha256,
        arkiv_sha256=version.arkiv_sha256,
        indhold_sha256=version.indhold_sha256,
    )
    if not hmac.compare_digest(kaede, version.kaede):
        problems.append("kædehashen passer ikke til versionen")
    if not hmac.compare_digest(signatur_of(version.kaede), version.signatur):
        problems.append("signaturen er forkert (versionen er ikke lavet af låsningen)")
    if files:
        for label, fil, expected in [
            ("PDF", version.fil, version.sha256),
            ("PDF/A", version.arkiv, version.arkiv_sha256),
        ]:
            try:
                with fil.open("rb") as handle:
                    digest = _digest(handle.read())
            except (OSError, ValueError):
                problems.append(f"{label}: filen mangler")
                continue
            if digest != expected:
                problems.append(f"{label}: SHA-256 er {digest}, forventet {expected}")
    return problems


def signed_version(moede: Moede, *, head: bool = False) -> ProtokolVersion:
    """The version a signed meeting is shown from, checked against its chain link and
    signature; raises ProtokolBrud rather than show something that was not signed.

    head=True loads the version without its frozen copy and checks only its link and signature
    (microseconds): enough to name a page rendered from the copy once checked in full, which
    protokol.sidecache keeps under the link (kaede) it was checked with."""
    versions = moede.versioner.order_by("-version")
    version = (versions.defer("indhold") if head else versions).first()
    if version is None:
        raise ProtokolBrud("Den underskrevne protokol findes ikke.")
    problems = version_problems(version, files=False, indhold=not head)
    if problems or (not head and not version.indhold):
        logger.critical("Signed protocol of meeting %s fails its check: %s", moede.pk, problems)
        raise ProtokolBrud(
            "Den underskrevne protokol kan ikke vises, fordi den gemte udgave ikke stemmer med "
            "sin signatur. Sekretariatet er underrettet."
        )
    return version


def udgave_pdf(version: ProtokolVersion, udgave: str) -> ProtokolUdgave:
    """A further PDF of a signed version, rendered from its copy once and kept."""
    existing = version.udgaver.filter(udgave=udgave).first()
    if existing is not None and _udgave_ok(version, existing):
        return existing
    if problems := version_problems(version, files=False):
        # Loaded with signed_version(head=True): the copy is checked before it is rendered.
        raise ProtokolBrud(f"Versionen kan ikke gengives: {'; '.join(problems)}")
    source = version.indhold["pdf"][udgave]
    data = pdf.pdf_from_html(source["html"], _sider(source["bilag"]))["pdf/ua-1"]
    row = ProtokolUdgave(version=version, udgave=udgave, sha256=_digest(data))
    row.signatur = signatur_of(version.kaede, udgave, row.sha256)
    row.fil.save(f"{udgave}.pdf", ContentFile(data), save=False)
    if existing is not None:
        # Its file is gone or changed: a new copy under a new name; the row stays as it was.
        logger.error("Stored %s of %s failed its check; serving a fresh render", udgave, version)
        return row
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:  # another request stored it first
        return version.udgaver.get(udgave=udgave)
    return row


def versions_missing_public_pdfs():
    """The current version of each signed meeting that lacks one of its public PDFs."""
    offentlige = [key for key, (_, offentlig, _) in frosset.PDF_UDGAVER.items() if offentlig]
    newer = ProtokolVersion.objects.filter(
        moede=models.OuterRef("moede"), version__gt=models.OuterRef("version")
    )
    return (
        ProtokolVersion.objects.filter(moede__status=MoedeStatus.UNDERSKREVET)
        .filter(~models.Exists(newer))
        .annotate(kept=models.Count("udgaver", filter=models.Q(udgaver__udgave__in=offentlige)))
        .filter(kept__lt=len(offentlige))
        .values_list("pk", flat=True)
    )


def _udgave_ok(version: ProtokolVersion, row: ProtokolUdgave) -> bool:
    if not hmac.compare_digest(signatur_of(version.kaede, row.udgave, row.sha256), row.signatur):
        return False
    try:
        with row.fil.open("rb") as handle:
            return _digest(handle.read()) == row.sha256
    except (OSError, ValueError):
        return False


# --- verification --------------------------------------------------------------------------------


def verify_protocols() -> list[tuple[ProtokolVersion | None, str]]:
    """Every stored version against its files, the chain and the signatures; returns
    (version, problem) for each mismatch (an empty list: everything is as it was signed)."""
    problems: list[tuple[ProtokolVersion | None, str]] = []
    versions = list(
        ProtokolVersion.objects.select_related("moede__udvalg")
        .prefetch_related("udgaver")
        .order_by("pk")
    )
    for version in versions:
        problems += [(version, p) for p in version_problems(version)]
    sealed = {v.kaede: v for v in versions if v.kaede}
    by_previous = {v.forrige_kaede: v for v in sealed.values()}
    link, seen = GENESIS, {GENESIS}
    # A forged link may point back into the chain (or at its start): walk each link once.
    while link in by_previous and by_previous[link].kaede not in seen:
        link = by_previous[link].kaede
        seen.add(link)
    walked = len(seen) - 1
    if walked != len(sealed):
        problems.append(
            (None, f"kæden er brudt: {walked} af {len(sealed)} versioner hænger sammen")
        )
    for version in versions:
        for row in version.udgaver.all():
            if not _udgave_ok(version, row):
                problems.append((version, f"udgaven {row.udgave} stemmer ikke med sin signatur"))
    return problems
