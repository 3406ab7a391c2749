"""Signed stays signed: after signing, a change to anything that feeds a protocol (through a page,
the admin, the ORM, a bulk operation or raw SQL, REPLACE and TRUNCATE included) is either
refused or leaves the signed pages, the public pages and every stored PDF byte for byte as they
were; and what a database owner changes behind the triggers' back (a forged version, a removed
one, an edited copy) makes verify_protocols exit 1 and is never shown."""

import datetime
import pathlib
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.test.utils import override_settings

from budget.models import Besparelsesforslag
from protokol import indhold
from protokol.services import optagelse
from sager.models import (
    Afstemning,
    Beslutning,
    Bilag,
    Mindretalsudtalelse,
    Punkt,
    PunktFravaer,
    Sag,
    Stemme,
)
from tests.demo import FAST_HASHER, IMMEDIATE_TASKS
from tests.security import world as world_module
from udvalg.locking import ProtokolLaast
from udvalg.models import (
    Fremmoede,
    Medlemskab,
    Moede,
    Person,
    ProtokolUdgave,
    ProtokolVersion,
    Udvalg,
    Underskrift,
)

pytestmark = pytest.mark.django_db
REFUSED = (ProtokolLaast, DatabaseError)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("underskrevet")
    settings = {"MEDIA_ROOT": media, "PASSWORD_HASHERS": FAST_HASHER, "TASKS": IMMEDIATE_TASKS}
    with django_db_blocker.unblock(), override_settings(**settings):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            w = world_module.build()
            w.media = media
            yield w
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _world_files(world, settings):
    settings.MEDIA_ROOT = world.media


def _main(html: bytes) -> bytes:
    """The page's content: what the meeting shows (the header around it has the reader's name
    and a CSRF token, which differ per request)."""
    found = re.search(rb"<main[^>]*>(.*)</main>", html, re.S)
    assert found, html[:300]
    return found.group(1)


def _body(response) -> bytes:
    assert response.status_code == 200, response.status_code
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def what_was_signed(w) -> dict[str, bytes]:
    """Every page and PDF of both signed meetings, as a member and as the public sees them (a
    fresh client, so no message from the change itself is on the page)."""
    client = Client()
    shown = {}
    for udvalg, moede, reader in [
        (w.udvalg_a, w.m1, w.users["medlem_a"]),
        (w.udvalg_b, w.n1, w.users["medlem_b"]),
    ]:
        base = f"/udvalg/{udvalg.slug}/moeder/{moede.url_slug}/"
        public = f"/udvalg/{udvalg.slug}/moeder/{moede.url_slug}/"
        client.force_login(reader)
        for page in ["", "referat/"]:
            shown[base + page] = _main(_body(client.get(base + page)))
        for pdf in ["referat.pdf", "referat/v1.pdf?arkiv=1", "dagsorden.pdf?bilag=1"]:
            shown[base + pdf] = _body(client.get(base + pdf))
        client.logout()
        for page in ["", "referat/"]:
            shown[public + page] = _main(_body(client.get(public + page)))
        for pdf in ["referat.pdf", "referat.pdf?bilag=1", "dagsorden.pdf"]:
            shown[public + pdf] = _body(client.get(public + pdf))
    return shown


@pytest.fixture(scope="module")
def signed(world, django_db_blocker):
    """What the signed meetings show, read once before any change (the kept PDFs are made
    here, on first request)."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=world.media):
        return what_was_signed(world)


def assert_unchanged(client, world, signed):
    now = what_was_signed(world)
    changed = [url for url in signed if now[url] != signed[url]]
    assert changed == [], f"changed after signing: {changed}"


# --- changes elsewhere: allowed, and the signed meeting does not move -------------------------

ELSEWHERE = {
    "the case's title": lambda w: Sag.objects.filter(pk=w.sag.pk).update(titel="Ny titel"),
    "a person's name": lambda w: Person.objects.update(navn="Omdøbt Person"),
    "the committee's name": lambda w: Udvalg.objects.update(navn="Omdøbt udvalg"),
    "a user's name": lambda w: type(w.users["sekretaer_a"]).objects.update(first_name="Ny"),
    "a membership's role": lambda w: Medlemskab.objects.update(rolle="naestformand"),
    "a proposal's title": lambda w: Besparelsesforslag.objects.update(titel="Nyt forslag"),
    "an earlier decision edited": lambda w: Beslutning.objects.filter(pk=w.tidligere.pk).update(
        tekst="<p>Omskrevet.</p>"
    ),
    "an earlier decision added from a later meeting": lambda w: optagelse.beslutning_add_earlier(
        sag=w.sag, udvalg=w.udvalg_a, dato=datetime.date(2015, 1, 7), tekst="<p>Tilføjet.</p>"
    ),
}


@pytest.mark.parametrize("change", ELSEWHERE)
def test_a_change_elsewhere_leaves_the_signed_meeting_as_signed(client, world, signed, change):
    ELSEWHERE[change](world)
    assert_unchanged(client, world, signed)


def test_an_earlier_decision_added_in_the_admin_leaves_the_signed_meeting_as_signed(
    client, world, signed
):
    client.force_login(world.users["admin"])
    response = client.post(
        "/admin/sager/beslutning/add/",
        {
            "sag": world.sag.pk,
            "udvalg": world.udvalg_a.pk,
            "dato": "2015-03-04",
            "tekst": "Tilføjet i administrationen.",
            "offentlig_tekst": "",
            "version": 1,
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert Beslutning.objects.filter(tekst="Tilføjet i administrationen.").exists()
    assert_unchanged(client, world, signed)


# --- changes to the signed meeting itself: refused, by every road -----------------------------


def _orm_attempts(w):
    punkt = Punkt.objects.get(pk=w.lukket.pk)
    beslutning = Beslutning.objects.get(punkt=punkt)
    return {
        "item save": lambda: punkt.save(),
        "item update": lambda: Punkt.objects.filter(moede=w.m1).update(titel="x"),
        "item delete": lambda: Punkt.objects.filter(pk=punkt.pk).delete(),
        "item bulk_update": lambda: Punkt.objects.bulk_update([punkt], ["titel"]),
        "item added": lambda: Punkt.objects.bulk_create(
            [Punkt(moede=w.m1, nummer=99, titel="Nyt punkt")]
        ),
        "attachment": lambda: Bilag.objects.filter(punkt=punkt).update(titel="x"),
        "decision": lambda: Beslutning.objects.filter(pk=beslutning.pk).update(tekst="x"),
        "vote": lambda: Afstemning.objects.filter(beslutning=beslutning).update(forslag="x"),
        "votes": lambda: Stemme.objects.filter(afstemning__beslutning=beslutning).delete(),
        "minority statement": lambda: Mindretalsudtalelse.objects.update(tekst="x"),
        "absence": lambda: PunktFravaer.objects.bulk_create(
            [PunktFravaer(punkt=punkt, person=w.users["medlem_a"].person, type="gik")]
        ),
        "attendance": lambda: Fremmoede.objects.bulk_create(
            [Fremmoede(moede=w.m1, person=w.users["medlem_a"].person, status="afbud")]
        ),
        "signature": lambda: Underskrift.objects.filter(moede=w.m1).update(navn="x"),
        "meeting": lambda: Moede.objects.filter(pk=w.m1.pk).update(sted="x"),
        "meeting deleted": lambda: Moede.objects.get(pk=w.m1.pk).delete(),
        "version": lambda: ProtokolVersion.objects.filter(moede=w.m1).update(sha256="x"),
    }


def test_every_orm_change_to_the_signed_meeting_is_refused(client, world, signed):
    for name, attempt in _orm_attempts(world).items():
        with pytest.raises(REFUSED), transaction.atomic():
            attempt()
            pytest.fail(f"{name} went through")
    assert_unchanged(client, world, signed)


def _columns(table: str) -> list[str]:
    with connection.cursor() as cursor:
        return [c.name for c in connection.introspection.get_table_description(cursor, table)]


def _replace(table: str, pk: int, **changes) -> str:
    """The database's "write this row again" statement: SQLite's INSERT OR REPLACE, which
    deletes the old row, or PostgreSQL's INSERT ... ON CONFLICT DO UPDATE."""
    columns = _columns(table)
    values = ", ".join(f"'{changes[c]}'" if c in changes else c for c in columns)
    names = ", ".join(columns)
    if connection.vendor == "sqlite":
        source = f"SELECT {values} FROM {table} WHERE id = {pk}"
        return f"INSERT OR REPLACE INTO {table} ({names}) {source}"
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c != "id")
    return (
        f"INSERT INTO {table} ({names}) SELECT {values} FROM {table} WHERE id = {pk} "
        f"ON CONFLICT (id) DO UPDATE SET {updates}"
    )


def _raw_attempts(w) -> dict[str, str]:
    version = ProtokolVersion.objects.get(moede=w.m1)
    moede, v = w.m1.pk, version.pk
    attempts = {
        "update an item": f"UPDATE sager_punkt SET titel = 'x' WHERE moede_id = {w.m1.pk}",
        "delete a decision": f"DELETE FROM sager_beslutning WHERE punkt_id = {w.lukket.pk}",
        "update the votes": "UPDATE sager_stemme SET valg = 'for'",
        "reopen without the log": f"UPDATE udvalg_moede SET status = 'afholdt' WHERE id = {moede}",
        "delete the meeting": f"DELETE FROM udvalg_moede WHERE id = {w.m1.pk}",
        "change a version": f"UPDATE udvalg_protokolversion SET sha256 = 'x' WHERE id = {v}",
        "delete a version": f"DELETE FROM udvalg_protokolversion WHERE id = {version.pk}",
        "forge a version": (
            "INSERT INTO udvalg_protokolversion (moede_id, version, fil, sha256, arkiv, "
            "arkiv_sha256, laast, indhold, indhold_sha256, forrige_kaede, kaede, signatur) "
            f"SELECT moede_id, 2, fil, sha256, arkiv, arkiv_sha256, laast, indhold, "
            f"indhold_sha256, 'f', 'k', 's' FROM udvalg_protokolversion WHERE id = {version.pk}"
        ),
        "replace an item": _replace("sager_punkt", w.lukket.pk, titel="Erstattet"),
        "replace the meeting unsigned": _replace("udvalg_moede", w.m1.pk, status="afholdt"),
        "replace a version": _replace("udvalg_protokolversion", version.pk, sha256="x"),
        "sign a draft by hand": (
            f"UPDATE udvalg_moede SET status = 'underskrevet' WHERE id <> {w.m1.pk} "
            f"AND id <> {w.n1.pk}"
        ),
    }
    if connection.vendor == "postgresql":
        attempts["truncate the items"] = "TRUNCATE sager_punkt CASCADE"
        attempts["truncate the versions"] = "TRUNCATE udvalg_protokolversion CASCADE"
    return attempts


def test_every_raw_sql_change_to_the_signed_meeting_is_refused(client, world, signed):
    Moede.objects.create(udvalg=world.udvalg_a, dato=datetime.date(2016, 1, 6), url_slug="kladde")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("RESET protokol.truncate_tilladt")
        for name, sql in _raw_attempts(world).items():
            with pytest.raises(DatabaseError), transaction.atomic():
                cursor.execute(sql)
                pytest.fail(f"{name} went through: {sql}")
    assert_unchanged(client, world, signed)


def test_the_status_reaches_signed_only_through_the_lock(client, world):
    kladde = Moede.objects.create(
        udvalg=world.udvalg_a, dato=datetime.date(2016, 1, 6), url_slug="kladde"
    )
    kladde.status = "underskrevet"
    with pytest.raises(ProtokolLaast):
        kladde.save()
    client.force_login(world.users["admin"])
    page = client.get(f"/admin/udvalg/moede/{kladde.pk}/change/").content.decode()
    assert 'name="status"' not in page  # read-only in the admin
    kladde.refresh_from_db()
    assert kladde.status == "kladde"


# --- behind the triggers' back (the database's owner) -----------------------------------------


def _without_triggers():
    """What someone who owns the database can do: write with the triggers off."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'protokol_laas_%'"
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f"DROP TRIGGER {name}")
        else:
            cursor.execute("SET LOCAL session_replication_role = replica")


def _verify_fails(capsys, *expected: str) -> None:
    with pytest.raises(CommandError):
        call_command("verify_protocols")
    err = capsys.readouterr().err
    for text in expected:
        assert text in err, err


def test_verify_protocols_is_clean_before_anything_is_tampered_with(world, capsys):
    call_command("verify_protocols")
    assert "Alle 2 gemte protokoller er uændrede." in capsys.readouterr().out


def test_a_forged_version_is_detected_and_never_served(client, world, capsys):
    _without_triggers()
    original = ProtokolVersion.objects.get(moede=world.m1)
    tip = ProtokolVersion.objects.order_by("-pk").first()  # the chain runs across meetings
    forged = ProtokolVersion(
        moede=world.m1,
        version=2,
        fil=original.fil.name,
        sha256=original.sha256,
        arkiv=original.arkiv.name,
        arkiv_sha256=original.arkiv_sha256,
        indhold={**original.indhold, "sider": {**original.indhold["sider"], "referat": "Falsk"}},
        forrige_kaede=tip.kaede,
        kaede="0" * 64,
        signatur="0" * 64,
    )
    forged.indhold_sha256 = indhold.indhold_sha256(forged.indhold)
    ProtokolVersion.objects.bulk_create([forged])
    _verify_fails(capsys, "signaturen er forkert")
    client.force_login(world.users["medlem_a"])
    base = f"/udvalg/{world.udvalg_a.slug}/moeder/{world.m1.url_slug}/"
    page = client.get(base + "referat/")
    assert page.status_code == 500 and "kan ikke vises" in page.content.decode()
    assert "Falsk" not in page.content.decode()
    assert client.get(base + "referat.pdf").status_code == 500


def test_a_removed_version_breaks_the_chain(world, capsys):
    _without_triggers()
    ProtokolUdgave.objects.filter(version__moede=world.m1).delete()
    ProtokolVersion.objects.filter(moede=world.m1).delete()
    _verify_fails(capsys, "kæden er brudt")


def test_an_edited_frozen_copy_is_detected_and_never_shown(client, world, capsys):
    _without_triggers()
    version = ProtokolVersion.objects.get(moede=world.n1)
    copy = dict(version.indhold)
    copy["sider"] = {**copy["sider"], "offentlig_referat": "<p>Redigeret</p>"}
    ProtokolVersion.objects.filter(pk=version.pk).update(indhold=copy)
    _verify_fails(capsys, "det frosne indhold er ændret")
    page = client.get(f"/udvalg/{world.udvalg_b.slug}/moeder/{world.n1.url_slug}/referat/")
    assert page.status_code == 500 and "Redigeret" not in page.content.decode()


def test_a_changed_pdf_file_is_detected(world, capsys):
    version = ProtokolVersion.objects.get(moede=world.m1)
    path = version.arkiv.path
    original = pathlib.Path(path).read_bytes()
    changed = bytearray(original)
    changed[len(changed) // 2] ^= 1
    try:
        pathlib.Path(path).write_bytes(bytes(changed))
        _verify_fails(capsys, "PDF/A: SHA-256")
    finally:
        pathlib.Path(path).write_bytes(original)
