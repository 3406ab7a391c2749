"""Background work: rendering and storing the signed protocol outside the web request, so a
signer's click returns at once. Django's tasks API (django-tasks backport, database backend)."""

import datetime
import logging
import time

from django.conf import settings
from django.db import OperationalError, close_old_connections
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from protokol import indhold
from protokol.services import laasning
from udvalg.models import ProtokolVersion

logger = logging.getLogger(__name__)

# Seconds to wait before each new try when the database is busy or the connection was lost.
RETRY_DELAYS = (0.5, 1, 2, 4, 8, 16, 32)

# A task marked as running for longer than this died with its worker.
TASK_LOST_AFTER = datetime.timedelta(minutes=10)


@task()
def lock_protokol(moede_id: int, user_id: int) -> int | None:
    """Render, store and lock the protocol once every required signature is in. The lock is
    idempotent and tried again with backoff while the database is busy; a task that fails for
    good is queued again by `manage.py lock_pending_protokoller` (make run starts with it)."""
    version = _retrying(
        f"Locking meeting {moede_id}",
        lambda: laasning.referat_lock(moede_id=moede_id, user_id=user_id),
    )
    if version is None:
        return None
    if settings.PROTOKOL_RENDER_PUBLIC_PDFS_AT_LOCK:
        render_public_pdfs.enqueue(version.pk)
    return version.version


@task()
def render_public_pdfs(version_id: int) -> list[str]:
    """Render and keep the public PDFs of a signed version right after locking, so no
    visitor's request ever renders one (a request that comes first renders and keeps it, and
    this then finds it kept)."""
    version = ProtokolVersion.objects.get(pk=version_id)
    offentlige = [key for key, (_, offentlig, _) in indhold.PDF_UDGAVER.items() if offentlig]
    for udgave in offentlige:
        _retrying(
            f"Rendering {udgave} of {version}", lambda u=udgave: laasning.udgave_pdf(version, u)
        )
    return offentlige


def waiting(queued_task) -> set[int]:
    """The first arguments (meeting or version ids) of `queued_task`'s runs that wait in the
    database queue or are being run, so a sweep does not queue a second one. A run marked as
    running for longer than TASK_LOST_AFTER died with its worker and does not count."""
    lost = timezone.now() - TASK_LOST_AFTER
    active = Q(status=TaskResultStatus.READY) | Q(
        status=TaskResultStatus.RUNNING, started_at__gt=lost
    )
    rows = DBTaskResult.objects.filter(active, task_path=queued_task.module_path)
    return {row["args"][0] for row in rows.values_list("args_kwargs", flat=True) if row["args"]}


def _retrying(what: str, work):
    """`work()`, tried again with backoff while the database is busy or the connection lost."""
    for attempt, delay in enumerate((*RETRY_DELAYS, None), start=1):
        try:
            return work()
        except OperationalError:
            if delay is None:
                raise
            logger.warning("%s failed (try %s); retrying", what, attempt)
            close_old_connections()
            time.sleep(delay)
    return None
