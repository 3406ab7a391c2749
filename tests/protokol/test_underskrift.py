"""Signing the protocol, locking, reopening and verification (KSL §13)."""

import hashlib
import importlib
import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from protokol.services import optagelse
from protokol.services import underskrift as underskrift_services
from tests import factories
from tests.conftest import login
from udvalg.models import (
    Genaabning,
    MoedeStatus,
    ProtokolVersion,
    Underskriftsregel,
)


@pytest.fixture
def held(udvalg, sekretaer):
    return factories.make_held_moede(udvalg, sekretaer)


def test_signature_list_comes_from_who_took_part_chair_first(held, sekretaer):
    moede, _, users = held
    rows = underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    assert [(r.navn, r.rolle) for r in rows] == [
        ("Nikolaj Bührmann", "Formand"),
        ("Erling Petersen", "Medlem"),
        ("Rasmus Keis Neerbek", "Medlem"),
    ]  # Agnete Fog was absent and does not sign


def test_chair_and_secretary_rule(held, sekretaer, udvalg):
    moede, _, _ = held
    udvalg.underskriftsregel = Underskriftsregel.FORMAND_SEKRETAER
    udvalg.save()
    rows = underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    assert [(r.navn, r.rolle) for r in rows] == [
        ("Nikolaj Bührmann", "Formand"),
        ("Sanne Sekretær", "Sekretær"),
    ]


def test_signing_needs_the_password_and_the_last_signature_locks(held, sekretaer):
    moede, _, users = held
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    with pytest.raises(ValidationError, match="Adgangskoden er forkert"):
        underskrift_services.referat_sign(moede=moede, user=users[0], password="forkert")
    with pytest.raises(ValidationError, match="skal ikke underskrive"):
        underskrift_services.referat_sign(
            moede=moede, user=users[3], password="pw"
        )  # absent member
    first = underskrift_services.referat_sign(moede=moede, user=users[0], password="pw")
    assert not first.complete and first.underskrift.underskrevet is not None
    assert factories.sign_all(moede, users[1:3]).complete
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.UNDERSKREVET
    version = ProtokolVersion.objects.get(moede=moede)
    data = version.fil.read()
    assert data.startswith(b"%PDF-")
    assert version.sha256 == hashlib.sha256(data).hexdigest()
    # The archival copy is PDF/A (its XMP metadata names the PDF/A part), with its own hash.
    arkiv = version.arkiv.read()
    xmp = PdfReader(io.BytesIO(arkiv)).trailer["/Root"]["/Metadata"].get_data()
    assert b"pdfaid:part" in xmp
    assert version.arkiv_sha256 == hashlib.sha256(arkiv).hexdigest() != version.sha256


@pytest.fixture
def locked_own(held, sekretaer):
    """A signed meeting of the test's own, for tests that reopen it or change its files."""
    return factories.lock_moede(held, sekretaer)


def test_reopening_is_logged_and_keeps_the_earlier_version(locked_own, sekretaer):
    moede, punkt, users = locked_own
    with pytest.raises(PermissionDenied, match="ret til at genåbne"):
        underskrift_services.referat_reopen(
            moede=moede, user=sekretaer, begrundelse="Fejl i punkt 3"
        )
    sekretaer.user_permissions.add(Permission.objects.get(codename="reopen_protokol"))
    sekretaer = type(sekretaer).objects.get(pk=sekretaer.pk)  # fresh permission cache
    with pytest.raises(ValidationError):
        underskrift_services.referat_reopen(moede=moede, user=sekretaer, begrundelse="  ")
    underskrift_services.referat_reopen(moede=moede, user=sekretaer, begrundelse="Fejl i punkt 3")
    log = Genaabning.objects.get()
    assert (log.user, log.version, log.begrundelse) == (sekretaer, 1, "Fejl i punkt 3")
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.AFHOLDT and not moede.underskrifter.exists()
    optagelse.beslutning_save(punkt=punkt, tekst="<p>Godkendt med rettelse.</p>")
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    factories.sign_all(moede, users[:3])
    versions = list(ProtokolVersion.objects.filter(moede=moede).order_by("version"))
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].sha256 != versions[1].sha256
    assert versions[0].fil.read().startswith(b"%PDF-")  # the earlier PDF is still there


def test_verify_protocols_catches_a_changed_byte(locked_own, capsys):
    moede, _, _ = locked_own
    call_command("verify_protocols")
    version = ProtokolVersion.objects.get(moede=moede)
    path = Path(version.fil.path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="1 af 1"):
        call_command("verify_protocols")
    assert "SHA-256" in capsys.readouterr().err


def test_signing_through_the_pages(client, held, sekretaer, django_capture_on_commit_callbacks):
    moede, _, users = held
    base = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/"
    login(client, sekretaer)
    assert client.post(f"{base}underskrift/send/").status_code == 302
    login(client, users[0])
    page = client.get(f"{base}underskrift/").content.decode()
    assert "Godkend og underskriv" in page
    wrong = client.post(f"{base}underskrift/underskriv/", {"password": "forkert"})
    assert wrong.status_code == 400 and "Adgangskoden er forkert." in wrong.content.decode()
    assert client.post(f"{base}underskrift/underskriv/", {"password": "pw"}).status_code == 302
    login(client, sekretaer)
    reminder = client.post(f"{base}underskrift/paamind/", follow=True).content.decode()
    assert "Ingen af de manglende underskrivere har en e-mailadresse." in reminder
    for user in users[1:3]:
        login(client, user)
        # The view's transaction would commit and queue the lock; the test's never commits.
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"{base}underskrift/underskriv/", {"password": "pw"})
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.UNDERSKREVET


def test_the_last_signature_enqueues_the_lock_and_a_worker_renders_it(
    held, sekretaer, settings, monkeypatch
):
    """With the database backend the click only stores a task; the worker locks.

    The worker runs in-process here, inside the test's transaction; its periodic
    close_old_connections() would close that connection (PostgreSQL), so it is a no-op.
    """
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    moede, _, users = held
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert factories.sign_all(moede, users[:3]).complete
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.TIL_UNDERSKRIFT  # not locked in the request
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.UNDERSKREVET
    assert ProtokolVersion.objects.filter(moede=moede).count() == 1


def test_every_guarded_table_has_its_lock_triggers(db):
    """A migration that rebuilds a table (SQLite) must put the triggers back."""
    triggers = importlib.import_module("udvalg.migrations.0007_laasning_triggers_v2")
    expected = set(triggers.TABLES)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT DISTINCT tbl_name FROM sqlite_master "
                "WHERE type = 'trigger' AND name LIKE 'protokol_laas_%'"
            )
        else:
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name = 'protokol_laas'"
            )
        found = {row[0] for row in cursor.fetchall()}
    assert expected <= found, expected - found
