"""Importing the files of an import run (referatimport.models.Importkoersel), in the worker
(referatimport.tasks), and the run's uploaded copies under MEDIA_ROOT/import/."""

import logging
import shutil
from pathlib import Path

from django.conf import settings
from django.db.models import F

from kerne import danish
from referatimport import importer, kilde
from referatimport.models import Importkoersel, Importstatus
from udvalg.models import Moede

logger = logging.getLogger(__name__)

IMPORT_DIR = "import"


def import_root() -> Path:
    return Path(settings.MEDIA_ROOT) / IMPORT_DIR


def importfil_path(fil: dict) -> Path:
    """The stored copy of one uploaded file; only ever a path inside MEDIA_ROOT/import/."""
    path = (Path(settings.MEDIA_ROOT) / fil["sti"]).resolve()
    if not path.is_relative_to(import_root().resolve()):
        raise ValueError(f"not an import path: {fil['sti']}")
    return path


def importfil_read(fil: dict) -> str:
    """The file's protocol text; raises kilde.IkkeLaesbar with a Danish reason."""
    try:
        return kilde.read_text(importfil_path(fil))
    except OSError:
        raise kilde.IkkeLaesbar("den uploadede fil findes ikke længere") from None


def importfiler_delete(koersel: Importkoersel) -> None:
    """Delete the run's upload directory and forget the paths (names are kept for the page)."""
    for folder in {importfil_path(f).parent for f in koersel.filer if f.get("sti")}:
        shutil.rmtree(folder, ignore_errors=True)
    koersel.filer = [{"navn": f["navn"]} for f in koersel.filer]
    Importkoersel.objects.filter(pk=koersel.pk).update(filer=koersel.filer)


def rapport_data(navn: str, rapport: importer.Rapport, moede: Moede | None) -> dict:
    """One file's outcome as JSON for Importkoersel.resultater (the result page reads only this)."""
    return {
        "navn": navn,
        "status": rapport.status,
        "grund": rapport.grund,
        "oprettet": dict(sorted(rapport.oprettet.items())),
        "genbrugt": dict(sorted(rapport.genbrugt.items())),
        "ikke_placeret": [
            {"linje": u.linje, "tekst": u.tekst, "grund": u.grund} for u in rapport.ikke_placeret
        ],
        "moede_id": moede.pk if moede else None,
        "moede_url": moede.get_absolute_url() if moede else "",
        "moede_titel": (
            f"{moede.udvalg.visningsnavn}, {danish.long_date(moede.dato)}" if moede else ""
        ),
    }


def importfil_import(fil: dict, *, udvalg_navn: str | None) -> dict:
    try:
        text = importfil_read(fil)
    except kilde.IkkeLaesbar as exc:
        rapport = importer.Rapport(kilde=fil["navn"], status="afvist", grund=str(exc))
    else:
        rapport = importer.import_tekst(text, kilde=fil["navn"], udvalg_navn=udvalg_navn)
    moede = None
    if rapport.ok and rapport.moede_id:
        moede = Moede.objects.select_related("udvalg").filter(pk=rapport.moede_id).first()
    return rapport_data(fil["navn"], rapport, moede)


def koersel_run(koersel_id: int) -> str:
    """Import the run's files in order; each file is its own transaction (import_tekst), and
    the row is updated after each so another request can read the progress."""
    started = Importkoersel.objects.filter(pk=koersel_id, status=Importstatus.VENTER).update(
        status=Importstatus.KOERER
    )
    koersel = Importkoersel.objects.filter(pk=koersel_id).first()
    if koersel is None or not started:
        # Cancelled, or a repeated delivery of a run that already started: nothing to do.
        return koersel.status if koersel else "slettet"
    resultater = []
    try:
        for fil in koersel.filer:
            resultater.append(importfil_import(fil, udvalg_navn=koersel.udvalg_navn or None))
            Importkoersel.objects.filter(pk=koersel.pk).update(
                resultater=resultater, behandlet=F("behandlet") + 1
            )
    except Exception as exc:
        logger.exception("Import run %s failed", koersel_id)
        navn = koersel.filer[len(resultater)]["navn"] if len(resultater) < koersel.antal else ""
        besked = f"{navn}: {exc}" if navn else str(exc)
        Importkoersel.objects.filter(pk=koersel.pk).update(
            status=Importstatus.FEJLET, fejl=besked[:2000] or exc.__class__.__name__
        )
    else:
        Importkoersel.objects.filter(pk=koersel.pk).update(status=Importstatus.FAERDIG)
    finally:
        importfiler_delete(koersel)
    koersel.refresh_from_db(fields=["status"])
    return koersel.status
