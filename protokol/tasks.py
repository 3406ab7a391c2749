"""Background work: rendering and storing the signed protocol outside the web request, so a
signer's click returns at once. Django's tasks API (django-tasks backport, database backend)."""

import logging
import time

from django.db import OperationalError, close_old_connections
from django_tasks import task

from protokol.services import laasning

logger = logging.getLogger(__name__)

# Seconds to wait before each new try when the database is busy or the connection was lost.
RETRY_DELAYS = (0.5, 1, 2, 4, 8, 16, 32)


@task()
def lock_protokol(moede_id: int, user_id: int) -> int | None:
    """Render, store and lock the protocol once every required signature is in. The lock is
    idempotent and tried again with backoff while the database is busy; a task that fails for
    good is queued again by `manage.py lock_pending_protokoller` (make run starts with it)."""
    for attempt, delay in enumerate((*RETRY_DELAYS, None), start=1):
        try:
            version = laasning.referat_lock(moede_id=moede_id, user_id=user_id)
        except OperationalError:
            if delay is None:
                raise
            logger.warning("Locking meeting %s failed (try %s); retrying", moede_id, attempt)
            close_old_connections()
            time.sleep(delay)
        else:
            return version.version if version else None
    return None
