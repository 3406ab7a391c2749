"""Values read with plain SQL (a cursor, not the ORM), as the ORM would give them: SQLite
returns dates and times as text, and keeps UTC times without an offset."""

import datetime

from django.utils.dateparse import parse_datetime


def dato(value) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def utc_tidspunkt(value) -> datetime.datetime | None:
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and value.tzinfo is None:  # a naive value is UTC
        value = value.replace(tzinfo=datetime.UTC)
    return value
