"""Standing personas: the committee's secretary and member, a member of another committee,
and a logged-in user with no role. Anonymous requests use the plain `client`."""

import importlib
import os
import threading
import time
import warnings
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection, connections
from django.db.backends.signals import connection_created

from protokol import sidecache
from tests import factories
from tests.demo import FAST_HASHER, IMMEDIATE_TASKS, DemoSnapshot

# The protocol lock triggers now in force (the latest migration that sets them).
TRIGGERS = importlib.import_module("udvalg.migrations.0007_laasning_triggers_v2")


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = FAST_HASHER
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: the demo restored in two tests signs to the same
    chain hashes, and a page kept for one must not answer the other. Not the sessions': a
    directory the test processes share (session keys are random, so no test meets another's),
    which emptied by one process would change another's query counts. Nor the public heads a
    process remembers for a moment (protokol.sidecache)."""
    for alias in settings.CACHES:
        if alias != settings.SESSION_CACHE_ALIAS:
            caches[alias].clear()
    sidecache.forget_recent()


@pytest.fixture(autouse=True)
def _tasks_run_immediately(settings):
    """Background tasks run at once, in the test's transaction. (django-tasks forgets its
    backends on Django's setting_changed signal, which the settings fixture sends.)"""
    settings.TASKS = IMMEDIATE_TASKS
    # Rendering the public PDFs at locking is tested by itself (tests/security/test_fejl.py).
    settings.PROTOKOL_RENDER_PUBLIC_PDFS_AT_LOCK = False


@pytest.fixture(scope="session", autouse=True)
def _test_database_sessions_ended(django_db_setup, django_db_blocker):
    """No connection may outlive the tests, or PostgreSQL refuses to drop the test database
    ("being accessed by other users"). The live server answers a browser's keep-alive socket
    in one thread, which with persistent connections (CONN_MAX_AGE) kept its connection open,
    idle, until the socket closed, after the session's end: new connections in the tests close
    after each request instead. At the end, wait up to 5 s for the server to end the sessions
    closed last; one still open is named in a warning."""
    for alias in connections:
        connections.settings[alias]["CONN_MAX_AGE"] = 0
    connection_created.connect(_name_the_connection, dispatch_uid="tests-name-connection")
    yield
    if connection.vendor != "postgresql":
        return
    others = (
        "SELECT application_name, state, left(query, 120) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )
    with django_db_blocker.unblock():
        for _ in range(50):
            with connection.cursor() as cursor:
                cursor.execute(others)
                rows = cursor.fetchall()
            if not rows:
                return
            time.sleep(0.1)
    warnings.warn(f"Sessions still open on the test database: {rows}", stacklevel=1)


def _name_the_connection(sender, connection, **kwargs):
    """On PostgreSQL a connection carries the thread and the test that opened it, so a session
    still open at the end is named by where it came from."""
    if connection.vendor == "postgresql":
        test = os.environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0]
        name = f"{threading.current_thread().name[:20]} {test.rsplit('/', 1)[-1]}"[:63]
        with connection.connection.cursor() as cursor:  # not among a test's counted queries
            cursor.execute("SELECT set_config('application_name', %s, false)", [name])


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory) -> DemoSnapshot:
    """``load_demo`` run once per test run (see tests/demo.py); with pytest-xdist the first
    worker builds it and the others read what it stored."""
    with django_db_blocker.unblock():
        return DemoSnapshot.shared(tmp_path_factory)


@pytest.fixture
def demo(db, demo_snapshot, settings):
    """The demo data (EBU 2014-2017, its two signed meetings, the 2016-2019 budget round and
    the demo users, password "demo") in this test's database and MEDIA_ROOT."""
    demo_snapshot.restore(Path(settings.MEDIA_ROOT))


@pytest.fixture
def udvalg(db):
    return factories.make_udvalg(navn="Erhvervs- og Beskæftigelsesudvalget", forkortelse="EBU")


@pytest.fixture
def sekretaer(udvalg):
    user = factories.make_user("sekretaer", first_name="Sanne", last_name="Sekretær")
    udvalg.sekretaerer.add(user)
    return user


@pytest.fixture
def medlem(udvalg):
    user = factories.make_user("medlem", first_name="Gurli", last_name="Nielsen")
    factories.make_medlem(udvalg, user=user, navn="Gurli Nielsen")
    return user


@pytest.fixture
def anden(db):
    """A member (and secretary) of another committee only."""
    other = factories.make_udvalg(navn="Økonomiudvalget", forkortelse="ØU")
    user = factories.make_user("anden")
    factories.make_medlem(other, user=user)
    other.sekretaerer.add(user)
    return user


@pytest.fixture
def borger(db):
    return factories.make_user("borger")


@pytest.fixture
def moede(udvalg):
    return factories.make_moede(udvalg)


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _lock_triggers_allow_test_flush(request):
    """Transactional tests (the browser tests' live server) end with a flush of every table,
    which the protocol lock triggers rightly refuse while a meeting is signed. SQLite flushes
    with DELETE: the triggers are dropped just before the flush and put back for the next
    test. PostgreSQL flushes with TRUNCATE, allowed for the session by
    protokol.truncate_tilladt (udvalg/migrations/0007)."""
    if "transactional_db" not in request.fixturenames and "live_server" not in request.fixturenames:
        yield
        return
    # Set up transactional_db first, so its flush runs after this fixture's teardown.
    request.getfixturevalue("transactional_db")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'protokol_laas_%'"
            )
            if cursor.fetchone()[0] == 0:
                for sql in TRIGGERS.sqlite_statements():
                    cursor.execute(sql)
        else:
            cursor.execute("RESET protokol.truncate_tilladt")
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'protokol_laas_%'"
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f"DROP TRIGGER {name}")
        else:
            cursor.execute("SET protokol.truncate_tilladt = 'ja'")
