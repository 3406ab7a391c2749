"""Locking a signed protocol: rendered once as a tagged PDF and a PDF/A, stored with their
SHA-256, and the meeting set to "underskrevet"; and checking the stored files later."""

import hashlib

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import models, transaction

from protokol import pdf
from sager.models import Beslutning
from udvalg.models import Moede, MoedeStatus, ProtokolVersion


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
    pdfs = pdf.render_moede_pdfs(
        moede,
        user=user,
        kind="referat",
        underskrivere=pdf.signaturer(moede),
        med_bilag=True,
        # The stored protocol is every member's: what the committee as a body may read.
        beslutninger=Beslutning.objects.for_udvalg(moede.udvalg),
        pdf_variants=("pdf/ua-1", "pdf/a-3b"),
    )
    data, arkiv = pdfs["pdf/ua-1"], pdfs["pdf/a-3b"]
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
