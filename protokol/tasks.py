"""Background work: rendering and storing the signed protocol outside the web request, so a
signer's click returns at once. Django's tasks API (django-tasks backport, database backend)."""

from django_tasks import task

from protokol.services import laasning


@task()
def lock_protokol(moede_id: int, user_id: int) -> int | None:
    """Render, store and lock the protocol once every required signature is in."""
    version = laasning.referat_lock(moede_id=moede_id, user_id=user_id)
    return version.version if version else None
