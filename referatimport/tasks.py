"""Background work for the import page: the confirmed files of an import run are imported one
by one by a worker (`manage.py db_worker`); see referatimport.koersel."""

from django_tasks import task

from referatimport import koersel


@task()
def importer_filer(koersel_id: int) -> str:
    """Import the confirmed files of an import run (referatimport.models.Importkoersel)."""
    return koersel.koersel_run(koersel_id)
