"""Signing the protocol, locking, reopening and verification (KSL §13)."""

import datetime
import hashlib
import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from pypdf import PdfReader

from protokol.services import optagelse
from protokol.services import underskrift as underskrift_services
from sager.models import Beslutning, Bilag, Punkt, Stemme
from tests import factories
from tests.conftest import login
from udvalg import services
from udvalg.locking import ProtokolLaast
from udvalg.models import (
    Fremmoede,
    Genaabning,
    Moede,
    MoedeStatus,
    ProtokolVersion,
    Rolle,
    Underskriftsregel,
)

NAMES = ["Nikolaj Bührmann", "Erling Petersen", "Rasmus Keis Neerbek", "Agnete Fog"]


@pytest.fixture
def held(udvalg, sekretaer):
    """A held meeting with four members (users u0..u3, password 'pw'), Agnete absent,
    an item with a decision and a named vote."""
    users = []
    for i, navn in enumerate(NAMES):
        user = factories.make_user(f"u{i}", first_name=navn.split()[0])
        m = factories.make_medlem(udvalg, user=user, navn=navn)
        m.sortering, m.rolle = i, Rolle.FORMAND if i == 0 else Rolle.MEDLEM
        m.save()
        users.append(user)
    moede = factories.make_moede(udvalg, dato=datetime.date(2014, 3, 12))
    punkt = factories.make_punkt(moede, titel="Nytteindsats", sag=factories.make_sag("14/1175"))
    factories.make_bilag(punkt, filnavn="Supplerende notat om nytteindsats.pdf")
    services.moede_release(moede=moede, user=sekretaer)
    agnete = users[3].person
    optagelse.fremmoede_set(moede=moede, person=agnete, status="afbud")
    beslutning = optagelse.beslutning_save(punkt=punkt, tekst="<p>Godkendt.</p>")
    optagelse.afstemning_register(
        beslutning=beslutning,
        forslag="Forslaget",
        stemmer={users[0].person.pk: "for", users[1].person.pk: "for", users[2].person.pk: "imod"},
    )
    services.moede_start_recording(moede=moede)
    moede.refresh_from_db()
    return moede, punkt, users


def sign_all(moede, users):
    result = None
    for user in users:
        result = underskrift_services.referat_sign(moede=moede, user=user, password="pw")
    return result  # the last one enqueued the lock task (run at once in tests)


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
    assert sign_all(moede, users[1:3]).complete
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
def locked(held, sekretaer):
    moede, punkt, users = held
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    sign_all(moede, users[:3])
    moede.refresh_from_db()
    return moede, punkt, users


def test_a_locked_meeting_refuses_every_orm_change(locked):
    moede, punkt, _ = locked
    beslutning = Beslutning.objects.get(punkt=punkt)
    stemme = Stemme.objects.first()
    attempts = [
        lambda: Punkt.objects.get(pk=punkt.pk).save(),
        lambda: Punkt.objects.get(pk=punkt.pk).delete(),
        lambda: Punkt.objects.filter(moede=moede).update(titel="Ændret"),
        lambda: Punkt.objects.filter(moede=moede).delete(),
        lambda: factories.make_punkt(moede),
        lambda: Bilag.objects.filter(punkt=punkt).update(titel="x"),
        lambda: Beslutning.objects.filter(pk=beslutning.pk).update(tekst="x"),
        lambda: beslutning.save(),
        lambda: Stemme.objects.filter(pk=stemme.pk).update(valg="imod"),
        lambda: stemme.delete(),
        lambda: Fremmoede.objects.filter(moede=moede).delete(),
        lambda: Moede.objects.filter(pk=moede.pk).update(sted="Andet sted"),
        lambda: Moede.objects.get(pk=moede.pk).save(),
        lambda: Moede.objects.get(pk=moede.pk).delete(),
    ]
    for attempt in attempts:
        with pytest.raises(ProtokolLaast), transaction.atomic():
            attempt()
    assert Punkt.objects.get(pk=punkt.pk).titel == "Nytteindsats"


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE sager_punkt SET titel = 'Ændret' WHERE moede_id = {moede}",
        "DELETE FROM sager_punkt WHERE moede_id = {moede}",
        "UPDATE sager_beslutning SET tekst = 'x' WHERE punkt_id = {punkt}",
        "UPDATE sager_stemme SET valg = 'imod'",
        "DELETE FROM udvalg_fremmoede WHERE moede_id = {moede}",
        "UPDATE udvalg_moede SET status = 'afholdt' WHERE id = {moede}",
        "DELETE FROM udvalg_moede WHERE id = {moede}",
        "UPDATE udvalg_protokolversion SET sha256 = 'x'",
        "DELETE FROM udvalg_protokolversion",
    ],
)
def test_raw_sql_cannot_change_a_signed_record(locked, sql):
    moede, punkt, _ = locked
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql.format(moede=moede.pk, punkt=punkt.pk))
    assert Punkt.objects.get(pk=punkt.pk).titel == "Nytteindsats"


def test_pages_refuse_edits_to_a_locked_meeting(client, locked, sekretaer):
    moede, punkt, _ = locked
    login(client, sekretaer)
    base = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/"
    for url in [f"{base}dagsorden/", f"{base}rediger/", f"{base}referat/optag/",
                f"/punkter/{punkt.pk}/rediger/"]:  # fmt: skip
        assert client.get(url).status_code == 403, url
    response = client.post(f"/punkter/{punkt.pk}/optag/", {})
    assert response.status_code == 403
    assert client.get(f"/punkter/{punkt.pk}/historik/").status_code == 200


def test_admin_shows_a_locked_meeting_read_only(client, locked):
    moede, punkt, _ = locked
    admin = factories.make_user("admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.post(
        f"/admin/sager/punkt/{punkt.pk}/change/", {"titel": "Ændret", "nummer": 3}
    )
    assert response.status_code == 403
    assert client.post(f"/admin/sager/punkt/{punkt.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Punkt.objects.get(pk=punkt.pk).titel == "Nytteindsats"


def test_signed_pdf_is_served_from_the_stored_file_with_its_hash(client, locked):
    moede, _, users = locked
    login(client, users[1])
    response = client.get(f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/referat.pdf")
    data = b"".join(response.streaming_content)
    version = ProtokolVersion.objects.get(moede=moede)
    assert response["X-Protokol-SHA256"] == version.sha256 == hashlib.sha256(data).hexdigest()
    page = client.get(f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/referat/")
    assert version.sha256 in page.content.decode()


def test_reopening_is_logged_and_keeps_the_earlier_version(locked, sekretaer):
    moede, punkt, users = locked
    with pytest.raises(Exception, match="ret til at genåbne"):
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
    sign_all(moede, users[:3])
    versions = list(ProtokolVersion.objects.filter(moede=moede).order_by("version"))
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].sha256 != versions[1].sha256
    assert versions[0].fil.read().startswith(b"%PDF-")  # the earlier PDF is still there


def test_verify_protocols_catches_a_changed_byte(locked, capsys):
    moede, _, _ = locked
    call_command("verify_protocols")
    version = ProtokolVersion.objects.get(moede=moede)
    path = Path(version.fil.path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="1 af 1"):
        call_command("verify_protocols")
    assert "SHA-256" in capsys.readouterr().err


def test_signing_through_the_pages(client, held, sekretaer):
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
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    from django_tasks_db.models import DBTaskResult

    from tests.conftest import reset_task_backends

    moede, _, users = held
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    reset_task_backends()
    assert sign_all(moede, users[:3]).complete
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.TIL_UNDERSKRIFT  # not locked in the request
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.UNDERSKREVET
    assert ProtokolVersion.objects.filter(moede=moede).count() == 1


def test_every_guarded_table_has_its_lock_triggers(db):
    """A migration that rebuilds a table (SQLite) must put the triggers back."""
    import importlib

    triggers = importlib.import_module("udvalg.migrations.0004_laasning_triggers")
    expected = {*triggers.MEETING_OF, "udvalg_moede", "udvalg_protokolversion"}
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
