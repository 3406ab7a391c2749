"""Background work for the import page: the confirmed files of an Importkoersel are imported one
by one by a worker (`manage.py db_worker`), and the run's row is updated after each file so the
page can show how far it has come.

The uploaded copies are deleted when the run ends (finished or failed) and when it is
cancelled: the protocol's content is then in the database, and Referatimport keeps the file
name and the text's SHA-256, so nothing needs the upload afterwards. Runs left in preview are
removed after a day (see ``slet_forladte``).
"""

import datetime
import logging
import shutil
from pathlib import Path

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from sager.legacy import importer, kilde
from sager.models import Importkoersel, Importstatus
from udvalg import danish
from udvalg.models import Moede

logger = logging.getLogger(__name__)

IMPORT_DIR = "import"
FORLADT_EFTER = datetime.timedelta(days=1)


def import_rod() -> Path:
    return Path(settings.MEDIA_ROOT) / IMPORT_DIR


def fil_sti(fil: dict) -> Path:
    """The stored copy of one uploaded file; only ever a path inside MEDIA_ROOT/import/."""
    path = (Path(settings.MEDIA_ROOT) / fil["sti"]).resolve()
    if not path.is_relative_to(import_rod().resolve()):
        raise ValueError(f"not an import path: {fil['sti']}")
    return path


def slet_filer(koersel: Importkoersel) -> None:
    """Delete the run's upload directory and forget the paths (names are kept for the page)."""
    for folder in {fil_sti(f).parent for f in koersel.filer if f.get("sti")}:
        shutil.rmtree(folder, ignore_errors=True)
    koersel.filer = [{"navn": f["navn"]} for f in koersel.filer]
    Importkoersel.objects.filter(pk=koersel.pk).update(filer=koersel.filer)


def slet_forladte() -> int:
    """Remove runs that were uploaded but neither confirmed nor cancelled within a day."""
    gamle = Importkoersel.objects.filter(
        status=Importstatus.KLAR, oprettet__lt=timezone.now() - FORLADT_EFTER
    )
    antal = 0
    for koersel in gamle:
        slet_filer(koersel)
        koersel.delete()
        antal += 1
    return antal


def laes_fil(fil: dict) -> str:
    """The file's protocol text; raises kilde.IkkeLaesbar with a Danish reason."""
    try:
        return kilde.laes(fil_sti(fil))
    except OSError:
        raise kilde.IkkeLaesbar("den uploadede fil findes ikke længere") from None


def rapport_data(navn: str, rapport: importer.Rapport, moede: Moede | None) -> dict:
    """One file's outcome as JSON for Importkoersel.resultater (the result page reads only this)."""
    return {
        "navn": navn,
        "status": rapport.status,
        "grund": rapport.grund,
        "oprettet": dict(sorted(rapport.oprettet.items())),
        "genbrugt": dict(sorted(rapport.genbrugt.items())),
        "ikke_placeret": [
            {"linje": u.line_no, "tekst": u.text, "grund": u.reason} for u in rapport.ikke_placeret
        ],
        "moede_id": moede.pk if moede else None,
        "moede_url": moede.get_absolute_url() if moede else "",
        "moede_titel": (
            f"{moede.udvalg.visningsnavn}, {danish.long_date(moede.dato)}" if moede else ""
        ),
    }


def importer_fil(fil: dict, *, udvalg_navn: str | None) -> dict:
    try:
        text = laes_fil(fil)
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
            resultater.append(importer_fil(fil, udvalg_navn=koersel.udvalg_navn or None))
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
        slet_filer(koersel)
    koersel.refresh_from_db(fields=["status"])
    return koersel.status


@task()
def importer_filer(koersel_id: int) -> str:
    """Import the confirmed files of an import run (sager.models.Importkoersel)."""
    return koersel_run(koersel_id)
