"""A signed meeting refuses every change (ORM, raw SQL, pages, admin) and is served from the
stored file. One meeting is signed (its PDFs rendered) once for the module; each test's own
writes are rolled back to that point (KSL §13: signed minutes are immutable)."""

import datetime
import hashlib
from types import SimpleNamespace

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import override_settings

from protokol import indhold
from sager.models import Beslutning, Bilag, Punkt, Stemme
from tests import factories
from tests.conftest import login
from tests.demo import FAST_HASHER, IMMEDIATE_TASKS
from udvalg.locking import ProtokolLaast
from udvalg.models import Fremmoede, Moede, ProtokolUdgave, ProtokolVersion


@pytest.fixture(scope="module")
def locked_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """One signed meeting (its PDFs rendered once) for the tests that only read it or try to
    change it and must fail; each test's own writes are rolled back to this point."""
    media = tmp_path_factory.mktemp("laast")
    settings = {"MEDIA_ROOT": media, "PASSWORD_HASHERS": FAST_HASHER, "TASKS": IMMEDIATE_TASKS}
    with django_db_blocker.unblock(), override_settings(**settings):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            udvalg = factories.make_udvalg(navn="Låst udvalg", forkortelse="LU")
            sekretaer = factories.make_user("laast-sekretaer")
            udvalg.sekretaerer.add(sekretaer)
            moede, punkt, users = factories.lock_moede(
                factories.make_held_moede(udvalg, sekretaer, "laast", "14/9999"), sekretaer
            )
            yield SimpleNamespace(
                moede=moede, punkt=punkt, users=users, sekretaer=sekretaer, media=media
            )
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def locked(locked_once, db, settings):
    """The module's signed meeting, read-only for the test."""
    settings.MEDIA_ROOT = locked_once.media
    return locked_once.moede, locked_once.punkt, locked_once.users


def test_signed_pdf_from_one_query_for_those_who_may_read_the_protocol_only(
    client, locked, django_assert_max_num_queries
):
    """The stored PDF's fast path (protokol.sidecache.signed) decides by the protocol's rule:
    a member on the day gets the file (the session's user, their roles and the meeting's head:
    three queries); a member whose seat ended before the meeting, another committee's member,
    the public (a log-in) get nothing of it."""
    moede, _, users = locked
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/referat.pdf"
    login(client, users[1])
    with django_assert_max_num_queries(3):
        response = client.get(url)
        data = b"".join(response.streaming_content)
    assert response.status_code == 200
    version = ProtokolVersion.objects.get(moede=moede)
    assert hashlib.sha256(data).hexdigest() == version.sha256
    assert (
        f"Beslutningsprotokol LU {moede.dato:%d-%m-%Y} v1.pdf" in (response["Content-Disposition"])
    )
    former = factories.make_user("tidligere-medlem")
    seat = factories.make_medlem(moede.udvalg, user=former)
    seat.gyldig_til = moede.dato - datetime.timedelta(days=1)
    seat.save()
    stranger = factories.make_user("fremmed-medlem")
    factories.make_medlem(factories.make_udvalg(navn="Andet udvalg", forkortelse="AU"), stranger)
    # At the same URL they, and the public, get the public protocol (a stored file of its own).
    got = []
    for user in (former, stranger, None):
        client.logout()
        if user is not None:
            login(client, user)
        response = client.get(url)
        assert response.status_code == 200, user
        got.append(hashlib.sha256(b"".join(response.streaming_content)).hexdigest())
    udgave = indhold.pdf_udgave("referat", offentlig=True, med_bilag=False)
    public = ProtokolUdgave.objects.get(version=version, udgave=udgave)
    assert got == [public.sha256] * 3 and public.sha256 != version.sha256


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


def test_pages_refuse_edits_to_a_locked_meeting(client, locked, locked_once):
    moede, punkt, _ = locked
    login(client, locked_once.sekretaer)
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
