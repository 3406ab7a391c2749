"""kerne.sql: the hottest lookups as plain SQL, prepared once per PostgreSQL connection, with
the values the ORM gives."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kerne import sql

pytestmark = pytest.mark.django_db

STATEMENT = "SELECT %s + 1, %s"


def _run(params):
    with CaptureQueriesContext(connection) as captured:
        found = sql.rows("test_plus", STATEMENT, params)
    return found, [q["sql"].split(" ", 1)[0] for q in captured.captured_queries]


def test_a_statement_is_prepared_once_per_connection_and_outlives_a_rollback():
    first, sent_first = _run([1, "a"])
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        again, sent_again = _run([41, "b"])
        raise ZeroDivisionError  # rolled back: a prepared statement is kept all the same
    after, sent_after = _run([2, "c"])
    assert (first, again, after) == ([(2, "a")], [(42, "b")], [(3, "c")])
    if connection.vendor == "postgresql":
        # PREPARE sets up the connection, like Django's own statements on connecting, and is
        # not counted among the page's queries (a page's count is the same on a new connection).
        assert sent_first == sent_again == sent_after == ["EXECUTE"]
        assert connection.connection is not None
    else:  # SQLite's driver keeps its compiled statements itself
        assert sent_first == sent_again == sent_after == ["SELECT"]


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_again():
    _run([1, "a"])
    connection.close()
    found, sent = _run([5, "x"])
    assert found == [(6, "x")]
    assert sent == (["EXECUTE"] if connection.vendor == "postgresql" else ["SELECT"])


def test_a_pooler_in_transaction_mode_gets_plain_statements(settings):
    connection.settings_dict["DISABLE_SERVER_SIDE_CURSORS"] = True
    try:
        found, sent = _run([1, "a"])
    finally:
        connection.settings_dict["DISABLE_SERVER_SIDE_CURSORS"] = False
    assert found == [(2, "a")] and sent == ["SELECT"]


def test_an_instance_from_a_row_equals_the_orms():
    users = get_user_model()
    made = users.objects.create_user("raekke", password="x", first_name="Åse")
    users.objects.filter(pk=made.pk).update(last_login=timezone.now())
    expected = users.objects.get(pk=made.pk)
    (row,) = sql.rows(
        "test_bruger",
        f"SELECT {sql.columns(users)} FROM {users._meta.db_table} WHERE id = %s",  # noqa: S608
        [made.pk],
    )
    found = sql.instance(users, row)
    fields = [f.attname for f in users._meta.concrete_fields]
    assert [getattr(found, f) for f in fields] == [getattr(expected, f) for f in fields]
    assert isinstance(found.last_login, datetime.datetime) and found.last_login.tzinfo
    assert not found._state.adding and found._state.db == "default"
