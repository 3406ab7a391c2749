"""Plain SQL (a cursor, not the ORM) for the hottest per-request lookups, and its values as the
ORM would give them: SQLite returns dates and times as text, and keeps UTC times without an
offset.

On PostgreSQL such a lookup is prepared once per connection (PREPARE, then EXECUTE): planning a
three-table join costs twice what running it does (0.33 ms a query against 0.14 prepared, in
issue 13's bench), and psycopg2 prepares nothing itself. SQLite's driver keeps its compiled
statements already. A prepared statement lives as long as its connection, outside transactions
(a rollback keeps it); a connection pooler that hands each transaction another server
connection (PgBouncer's transaction mode) cannot keep it, and Django's setting for such a
pooler, DISABLE_SERVER_SIDE_CURSORS, turns preparing off here too."""

import datetime
import functools
import re

from django.db import connection
from django.db.backends.signals import connection_created
from django.utils.dateparse import parse_datetime

PREFIX = "protokol_"


def dato(value) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def utc_tidspunkt(value) -> datetime.datetime | None:
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and value.tzinfo is None:  # a naive value is UTC
        value = value.replace(tzinfo=datetime.UTC)
    return value


def rows(name: str, statement: str, params: list) -> list[tuple]:
    """The rows of `statement` (placeholders %s, built once from the models by the caller)
    with `params`; on PostgreSQL through the statement prepared under `name` on this
    connection."""
    with connection.cursor() as cursor:
        wrapper = cursor.db  # the connection itself (django.db.connection is a proxy)
        if _prepares(wrapper):
            prepared = wrapper.__dict__.setdefault("protokol_prepared", set())
            if name not in prepared:
                # Set-up of the connection, like Django's own on connecting: not one of the
                # page's queries (nor counted among them in the tests and the bench).
                with wrapper.wrap_database_errors:
                    cursor.cursor.execute(f"PREPARE {PREFIX}{name} AS {_numbered(statement)}")
                prepared.add(name)
            placeholders = ", ".join(["%s"] * len(params))
            cursor.execute(f"EXECUTE {PREFIX}{name}({placeholders})", params)
        else:
            cursor.execute(statement, params)
        return cursor.fetchall()


def instance(model, row: tuple):
    """A model instance from a row of all its concrete columns in order, with the values the
    ORM's converters give (so it equals what `model.objects.get` returns)."""
    values = list(row)
    for i, col, converters in _converters(model, connection.vendor):
        for convert in converters:
            values[i] = convert(values[i], col, connection)
    return model.from_db(connection.alias, None, values)


def columns(model) -> str:
    """The model's concrete columns in order, as `instance` takes them."""
    return ", ".join(connection.ops.quote_name(f.column) for f in model._meta.concrete_fields)


@functools.cache
def _converters(model, vendor: str) -> list:
    """(column index, column, converters) for each column that has converters."""
    found = []
    for i, field in enumerate(model._meta.concrete_fields):
        col = field.get_col(model._meta.db_table)
        if converters := connection.ops.get_db_converters(col) + col.get_db_converters(connection):
            found.append((i, col, converters))
    return found


def _prepares(wrapper) -> bool:
    return wrapper.vendor == "postgresql" and not wrapper.settings_dict.get(
        "DISABLE_SERVER_SIDE_CURSORS"
    )


def _numbered(statement: str) -> str:
    counter = iter(range(1, statement.count("%s") + 1))
    return re.sub(r"%s", lambda _: f"${next(counter)}", statement)


def _forget_prepared(sender, connection, **kwargs) -> None:
    """A new connection has no prepared statements (connection_created is sent on each)."""
    connection.__dict__.pop("protokol_prepared", None)


connection_created.connect(_forget_prepared, dispatch_uid="protokol-sql-prepared")
