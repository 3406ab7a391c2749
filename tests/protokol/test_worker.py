"""The worker and its sweep: a protocol every participant has signed gets locked even when its
lock task was lost (a crashed worker) or failed for good, and a sweep never queues a second
lock task beside one that still waits or runs."""

import datetime
import threading

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from protokol import indhold, tasks
from protokol.management.commands import worker
from protokol.services import underskrift as underskrift_services
from tests.factories import make_held_moede
from udvalg.models import ProtokolVersion

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture(autouse=True)
def _committing(transactional_db):
    """The worker commits as in production (and the lock triggers let the flush after it go)."""


@pytest.fixture
def signed(settings, udvalg, sekretaer):
    """A meeting every participant has signed; its lock task sits in the database queue."""
    settings.TASKS = DATABASE_TASKS
    moede, _, users = make_held_moede(udvalg, sekretaer)
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    for user in users[:3]:
        underskrift_services.referat_sign(moede=moede, user=user, password="pw")
    return moede


def _lock_tasks(moede):
    return DBTaskResult.objects.filter(
        task_path=tasks.lock_protokol.module_path, args_kwargs__args__0=moede.pk
    )


def test_the_last_signature_queues_one_lock_task(signed):
    assert _lock_tasks(signed).get().status == TaskResultStatus.READY
    assert tasks.waiting(tasks.lock_protokol) == {signed.pk}
    assert not ProtokolVersion.objects.filter(moede=signed).exists()


def test_a_sweep_leaves_a_waiting_or_running_lock_task_alone(signed):
    assert underskrift_services.referater_requeue_locks() == []
    _lock_tasks(signed).update(status=TaskResultStatus.RUNNING, started_at=timezone.now())
    assert underskrift_services.referater_requeue_locks() == []
    assert _lock_tasks(signed).count() == 1


@pytest.mark.parametrize("lost", ["deleted", "failed", "running for an hour"])
def test_a_sweep_queues_a_lost_or_failed_lock_again(signed, lost):
    if lost == "deleted":
        _lock_tasks(signed).delete()
    elif lost == "failed":
        _lock_tasks(signed).update(status=TaskResultStatus.FAILED)
    else:
        an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
        _lock_tasks(signed).update(status=TaskResultStatus.RUNNING, started_at=an_hour_ago)
    assert tasks.waiting(tasks.lock_protokol) == set()
    assert underskrift_services.referater_requeue_locks() == [signed.pk]
    assert _lock_tasks(signed).filter(status=TaskResultStatus.READY).count() == 1
    assert underskrift_services.referater_requeue_locks() == []  # once


def test_the_worker_sweeps_at_start_and_locks_a_protocol_whose_task_was_lost(signed):
    _lock_tasks(signed).delete()
    call_command("worker", "--batch", "--no-startup-delay", "-v", "0")
    signed.refresh_from_db()
    assert signed.is_locked
    assert ProtokolVersion.objects.filter(moede=signed).count() == 1
    assert _lock_tasks(signed).get().status == TaskResultStatus.SUCCESSFUL


def test_the_worker_renders_the_public_pdfs_a_signed_version_lacks(signed, settings):
    call_command("worker", "--batch", "--no-startup-delay", "-v", "0")  # locks, renders none
    version = ProtokolVersion.objects.get(moede=signed)
    assert not version.udgaver.exists()  # rendering at locking is off in the tests
    settings.PROTOKOL_RENDER_PUBLIC_PDFS_AT_LOCK = True
    assert underskrift_services.referater_requeue_public_pdfs() == [version.pk]
    assert underskrift_services.referater_requeue_public_pdfs() == []  # its task waits
    call_command("worker", "--batch", "--no-startup-delay", "-v", "0")
    offentlige = {k for k, (_, offentlig, _) in indhold.PDF_UDGAVER.items() if offentlig}
    assert set(version.udgaver.values_list("udgave", flat=True)) == offentlige
    assert underskrift_services.referater_requeue_public_pdfs() == []  # all kept


def test_the_sweeper_sweeps_again_and_again_until_stopped(monkeypatch):
    calls = threading.Semaphore(0)
    monkeypatch.setattr(worker, "sweep", lambda: calls.release())
    sweeper = worker.Sweeper(every=0.01)
    sweeper.start()
    try:
        assert all(calls.acquire(timeout=5) for _ in range(3))
    finally:
        sweeper.stopping.set()
        sweeper.join(timeout=5)
    assert not sweeper.is_alive()


def test_a_failing_sweep_is_logged_and_the_worker_goes_on(monkeypatch, caplog):
    def broken():
        raise tasks.OperationalError("database is locked")

    monkeypatch.setattr(underskrift_services, "referater_requeue_locks", broken)
    assert worker.sweep() == []
    assert "The lock sweep failed" in caplog.text
