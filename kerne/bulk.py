"""Rows into tables in bulk, below the ORM: COPY on PostgreSQL, executemany on SQLite. For the
data generator (protokol.generator), where a million items must go in within minutes; the
database's own constraints and triggers still check every row."""

import contextlib
import datetime
import io
import json
import time
from collections import defaultdict

from django.core.management.color import no_style
from django.db import connection, models

CHUNK = 20_000


class Skriver:
    """Rows into tables in bulk, with ids given here: COPY on PostgreSQL, executemany on SQLite.
    Missing fields take their default; auto_now(_add) fields take `now`."""

    def __init__(self, now: datetime.datetime):
        self.now = now
        self.postgresql = connection.vendor == "postgresql"
        self.buffers: dict[type, list] = defaultdict(list)
        self.next_ids: dict[type, int] = {}
        self.counts: dict[type, int] = defaultdict(int)
        self.seconds: dict[type, float] = defaultdict(float)  # time spent writing each
        self.columns: dict[type, list] = {}

    def new_id(self, model) -> int:
        if model not in self.next_ids:
            top = model._base_manager.aggregate(m=models.Max("pk"))["m"] or 0
            self.next_ids[model] = top + 1
        pk = self.next_ids[model]
        self.next_ids[model] += 1
        return pk

    def _fields(self, model) -> list:
        if model not in self.columns:
            fields = [
                f for f in model._meta.concrete_fields if not isinstance(f, models.GeneratedField)
            ]
            self.columns[model] = fields
        return self.columns[model]

    def add(self, model, **values) -> int:
        if "id" not in values:
            values["id"] = self.new_id(model)
        row = []
        for f in self._fields(model):
            if f.attname in values:
                value = values[f.attname]
            elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value = self.now
            elif f.has_default():
                value = f.get_default()
            else:
                value = None if f.null else ""
            row.append(value)
        buffer = self.buffers[model]
        buffer.append(row)
        if len(buffer) >= CHUNK:
            self.flush(model)
        return values["id"]

    def flush(self, model=None) -> None:
        for m in [model] if model else list(self.buffers):
            rows = self.buffers.pop(m, [])
            if rows:
                started = time.perf_counter()
                self._write(m, rows)
                self.seconds[m] += time.perf_counter() - started
                self.counts[m] += len(rows)

    def _write(self, model, rows: list) -> None:
        fields = self._fields(model)
        table = model._meta.db_table
        names = [connection.ops.quote_name(f.column) for f in fields]
        with connection.cursor() as cursor:
            if self.postgresql:
                data = io.StringIO("".join(_copy_line(row) for row in rows))
                cursor.copy_expert(f"COPY {table} ({', '.join(names)}) FROM STDIN", data)
            else:
                convert = [_sqlite_converter(f) for f in fields]
                params = [[c(v) for c, v in zip(convert, row, strict=True)] for row in rows]
                placeholders = ", ".join(["%s"] * len(fields))
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(names)}) VALUES ({placeholders})", params
                )

    @contextlib.contextmanager
    def without_lock_triggers(self):
        """On PostgreSQL, inside the caller's transaction: the protocol lock's row triggers
        (protokol_laas*) off while rows go in, on again before the commit. For the generator
        only: it fills an empty database and signs nothing until the rows are in, so no row it
        writes can touch a signed meeting; the per-row lookups of the triggers were most of its
        time (200k items: 68 s). Foreign keys, unique and check constraints still apply (they
        are not user triggers). Needs the tables' owner; otherwise the triggers stay on."""
        tables = []
        if self.postgresql:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c "
                    "ON c.oid = t.tgrelid WHERE t.tgname = 'protokol_laas' "
                    "AND NOT t.tgisinternal AND pg_has_role(c.relowner, 'USAGE')"
                )
                tables = [name for (name,) in cursor.fetchall()]
                for table in tables:
                    cursor.execute(f'ALTER TABLE "{table}" DISABLE TRIGGER protokol_laas')
        yield  # on an error the caller's rollback puts the triggers back as well
        if tables:
            self.flush()
            with connection.cursor() as cursor:
                # The deferred foreign-key checks run now: ALTER TABLE refuses pending ones.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                for table in tables:
                    cursor.execute(f'ALTER TABLE "{table}" ENABLE TRIGGER protokol_laas')
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    def reset_sequences(self) -> None:
        if self.postgresql:
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), list(self.counts)):
                    cursor.execute(sql)


def _copy_text(value) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    elif not isinstance(value, str):
        return str(value)
    return (
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def _copy_line(row: list) -> str:
    return "\t".join(_copy_text(v) for v in row) + "\n"


def _sqlite_converter(f):
    if isinstance(f, models.JSONField):
        return lambda v: None if v is None else json.dumps(v, ensure_ascii=False)
    if isinstance(f, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(f, models.DateField):
        return connection.ops.adapt_datefield_value
    if isinstance(f, models.TimeField):
        return connection.ops.adapt_timefield_value
    if isinstance(f, models.DecimalField):
        return lambda v: None if v is None else str(v)
    return lambda v: v
