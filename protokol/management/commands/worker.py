"""Protokol's task worker: django-tasks' database worker, plus the sweep that queues the lock
again for every fully signed protocol that is not locked, and the rendering of any public PDF
a signed version lacks, at start and then every PROTOKOL_LOCK_SWEEP_SECONDS. A task lost with a
crashed worker, or one that failed for good after its retries, is so picked up again without
anyone doing anything."""

import logging
import threading

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django_tasks_db.management.commands import db_worker

from protokol.services import underskrift

logger = logging.getLogger("protokol.worker")


def sweep() -> list[int]:
    """One sweep: locks of fully signed meetings, then missing public PDFs of signed versions.
    A database error is logged and the next sweep tries again. Returns the meetings' ids."""
    close_old_connections()
    try:
        ids = underskrift.referater_requeue_locks()
        versions = underskrift.referater_requeue_public_pdfs()
    except DatabaseError:
        logger.exception("The lock sweep failed; the next sweep tries again")
        return []
    finally:
        close_old_connections()
    if ids:
        logger.warning("Queued the lock again for meetings %s", ids)
    if versions:
        logger.info("Queued the public PDFs of versions %s", versions)
    return ids


class Sweeper(threading.Thread):
    def __init__(self, every: float):
        super().__init__(name="laas-sweep", daemon=True)
        self.every = every
        self.stopping = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopping.wait(self.every):
                sweep()
        finally:
            connection.close()


class Command(db_worker.Command):
    help = (
        "Kører baggrundsopgaverne (låsning af underskrevne protokoller og deres PDF'er) og "
        "sætter låsningen i kø igen for protokoller, som alle har underskrevet, men som ikke "
        "er låst: ved start og derefter hvert PROTOKOL_LOCK_SWEEP_SECONDS sekund."
    )

    def handle(self, *args, **options):
        sweep()
        every = settings.PROTOKOL_LOCK_SWEEP_SECONDS
        sweeper = Sweeper(every) if every and not options.get("batch") else None
        if sweeper:
            sweeper.start()
        try:
            super().handle(*args, **options)
        finally:
            if sweeper:
                sweeper.stopping.set()
                sweeper.join(timeout=5)
