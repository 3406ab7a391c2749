"""The import page's runs (referatimport.models.Importkoersel): storing the uploaded files,
previewing them in a dry run, starting and cancelling a run; the worker then imports its files
one by one (referatimport.tasks, referatimport.koersel).

The uploaded copies are deleted when the run ends (finished or failed) and when it is
cancelled: the protocol's content is then in the database, and Referatimport keeps the file
name and the text's SHA-256, so nothing needs the upload afterwards. Runs left in preview are
removed after a day (see ``koersler_delete_abandoned``).
"""

import datetime
import hashlib
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from referatimport import importer, kilde, tasks
from referatimport.koersel import IMPORT_DIR, import_root, importfil_read, importfiler_delete
from referatimport.model import IkkePlaceret, ParsedMoede
from referatimport.models import Importkoersel, Importstatus
from referatimport.parse import NotAProtocol, parse_protocol

FORLADT_EFTER = datetime.timedelta(days=1)


def koersler_delete_abandoned() -> int:
    """Remove runs that were uploaded but neither confirmed nor cancelled within a day."""
    gamle = Importkoersel.objects.filter(
        status=Importstatus.KLAR, oprettet__lt=timezone.now() - FORLADT_EFTER
    )
    antal = 0
    for koersel in gamle:
        importfiler_delete(koersel)
        koersel.delete()
        antal += 1
    return antal


@transaction.atomic
def koersel_create(*, user, filer: list, udvalg_navn: str) -> Importkoersel:
    """Stream the uploads to MEDIA_ROOT/import/<uuid>/ under generated names (the original
    name is only kept as data) and record the run, ready for preview."""
    koersler_delete_abandoned()
    mappe = uuid.uuid4().hex
    folder = import_root() / mappe
    folder.mkdir(parents=True)
    stored = []
    try:
        for n, upload in enumerate(filer, start=1):
            name = f"{n:02d}{PurePath(upload.name).suffix.lower()}"
            with open(folder / name, "wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            stored.append({"navn": upload.name[:255], "sti": f"{IMPORT_DIR}/{mappe}/{name}"})
        return Importkoersel.objects.create(
            oprettet_af=user, udvalg_navn=udvalg_navn, filer=stored, status=Importstatus.KLAR
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


# --- preview ------------------------------------------------------------------------------------


@dataclass
class Forhaandsvisning:
    """What one file would give: status is importeret (would be), uaendret, afvist or fejl."""

    navn: str
    status: str
    grund: str = ""
    moede: ParsedMoede | None = None
    udvalg: str = ""
    oprettet: dict = field(default_factory=dict)
    genbrugt: dict = field(default_factory=dict)
    ikke_placeret: list[IkkePlaceret] = field(default_factory=list)


def koersel_preview(koersel: Importkoersel) -> list[Forhaandsvisning]:
    """Each file read, parsed and imported in a dry run (rolled back), so nothing is written."""
    udvalg_navn = koersel.udvalg_navn or None
    set_foer: dict[str, str] = {}
    visninger = []
    for fil in koersel.filer:
        navn = fil["navn"]
        try:
            text = importfil_read(fil)
        except kilde.IkkeLaesbar as exc:
            visninger.append(Forhaandsvisning(navn, "afvist", str(exc)))
            continue
        sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        if sha in set_foer:
            grund = f"samme indhold som »{set_foer[sha]}«; importeres kun én gang"
            visninger.append(Forhaandsvisning(navn, "uaendret", grund))
            continue
        set_foer[sha] = navn
        rapport = importer.import_tekst(text, kilde=navn, udvalg_navn=udvalg_navn, dry_run=True)
        visning = Forhaandsvisning(
            navn,
            rapport.status,
            rapport.grund,
            oprettet=dict(sorted(rapport.oprettet.items())),
            genbrugt=dict(sorted(rapport.genbrugt.items())),
            ikke_placeret=rapport.ikke_placeret,
        )
        if rapport.status == "importeret":
            try:
                visning.moede = parse_protocol(text)
            except NotAProtocol:  # the dry run parsed the same text; kept for safety
                pass
            else:
                visning.udvalg = udvalg_navn or visning.moede.udvalg_navn
        visninger.append(visning)
    return visninger


# --- running ------------------------------------------------------------------------------------


@transaction.atomic
def koersel_start(*, koersel: Importkoersel) -> bool:
    """Queue the run's import; False if it was already started (a second click or tab).
    The database task backend stores the task in this transaction: it runs once committed."""
    started = Importkoersel.objects.filter(pk=koersel.pk, status=Importstatus.KLAR).update(
        status=Importstatus.VENTER
    )
    if started:
        tasks.importer_filer.enqueue(koersel.pk)
    return bool(started)


def koersel_cancel(*, koersel: Importkoersel) -> None:
    """Cancel a run that has not started, and delete its uploaded files."""
    # Conditional delete: a run that has just been started is not pulled away from the worker.
    deleted, _ = Importkoersel.objects.filter(pk=koersel.pk, status=Importstatus.KLAR).delete()
    if not deleted:
        raise ValidationError(
            "Importen er allerede startet og kan ikke annulleres.", code="already_started"
        )
    importfiler_delete(koersel)
