"""The second set of protocol lock triggers, replacing those of 0004. Besides refusing any
INSERT, UPDATE or DELETE on the rows of a signed meeting, as before:

- a meeting enters "underskrevet" only with a stored version for the current round (one more
  than its logged reopenings) and every signature in; it is never inserted as signed;
- a protocol version is inserted only for a meeting that is out for signing with every
  signature in, as the next version; it is never deleted, and updated only once, to seal a
  version stored before the chain existed (manage.py seal_protocols), its files untouched; the
  further PDFs of a version (udvalg_protokoludgave) and the reopening log (udvalg_genaabning)
  are never updated or deleted;
- SQLite: INSERT OR REPLACE deletes the row it replaces, which fires the DELETE triggers
  because the connection turns recursive_triggers on (config/settings.py);
- PostgreSQL: TRUNCATE, which row triggers do not see, is refused on these tables while any
  meeting is signed. A test database's flush sets protokol.truncate_tilladt = 'ja' for its
  session first (tests/conftest.py).

These stop the application's own mistakes and a stray SQL statement. Someone who owns the
database can drop them; what they change is then found by verify_protocols (the versions' hash
chain and signatures, protokol.services.laasning).

The SQL is written out here on purpose: migrations never change once merged.
"""

import importlib

from django.db import migrations

_v1 = importlib.import_module("udvalg.migrations.0004_laasning_triggers")

LOCKED = "'underskrevet'"
MESSAGE = "Protokollen er underskrevet og låst; ændringer kræver en genåbning."
MEETING_OF = dict(_v1.MEETING_OF)
APPEND_ONLY = {
    "udvalg_protokolversion": "En gemt protokolversion ændres eller slettes aldrig.",
    "udvalg_protokoludgave": "En gemt protokoludgave ændres eller slettes aldrig.",
    "udvalg_genaabning": "Loggen over genåbninger ændres eller slettes aldrig.",
}
TABLES = [*MEETING_OF, "udvalg_moede", *APPEND_ONLY]


def locked(table: str, row: str) -> str:
    meeting = MEETING_OF[table].replace("ROW", row)
    return f"(SELECT m.status FROM udvalg_moede m WHERE m.id = {meeting}) = {LOCKED}"


def round_of(moede: str) -> str:
    """The version number the meeting's current signing round is stored as."""
    return f"((SELECT COUNT(*) FROM udvalg_genaabning g WHERE g.moede_id = {moede}) + 1)"


def not_fully_signed(moede: str) -> str:
    return (
        f"(EXISTS (SELECT 1 FROM udvalg_underskrift u WHERE u.moede_id = {moede} "
        "AND u.underskrevet IS NULL) "
        f"OR NOT EXISTS (SELECT 1 FROM udvalg_underskrift u WHERE u.moede_id = {moede}))"
    )


MOEDE_LEAVES_LOCK_UNLOGGED = _v1.MOEDE_LEAVES_LOCK_UNLOGGED
MOEDE_ENTERS_LOCK_UNSIGNED = (
    f"NEW.status = {LOCKED} AND OLD.status <> {LOCKED} AND ("
    "NOT EXISTS (SELECT 1 FROM udvalg_protokolversion v WHERE v.moede_id = NEW.id "
    f"AND v.version = {round_of('NEW.id')}) OR {not_fully_signed('NEW.id')})"
)
VERSION_NOT_FROM_THE_LOCK = (
    "(SELECT m.status FROM udvalg_moede m WHERE m.id = NEW.moede_id) <> 'til_underskrift' "
    f"OR {not_fully_signed('NEW.moede_id')} OR NEW.version <> {round_of('NEW.moede_id')}"
)
VERSION_MESSAGE = "En protokolversion gemmes kun af låsningen, når alle har underskrevet."
# The one update a version allows: sealing one stored before the chain (kaede) existed.
VERSION_SEALED_ONCE = (
    "OLD.kaede = '' AND NEW.kaede <> '' AND NEW.moede_id = OLD.moede_id "
    "AND NEW.version = OLD.version AND NEW.sha256 = OLD.sha256 "
    "AND NEW.arkiv_sha256 = OLD.arkiv_sha256 AND NEW.fil = OLD.fil AND NEW.arkiv = OLD.arkiv"
)
ENTER_MESSAGE = "Et møde bliver kun underskrevet ved at alle underskriver protokollen."


def sqlite_statements():
    for table in MEETING_OF:
        for op, cond in [
            ("INSERT", locked(table, "NEW")),
            ("UPDATE", f"{locked(table, 'OLD')} OR {locked(table, 'NEW')}"),
            ("DELETE", locked(table, "OLD")),
        ]:
            yield (
                f"CREATE TRIGGER protokol_laas_{table}_{op.lower()} BEFORE {op} ON {table} "
                f"FOR EACH ROW WHEN {cond} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"
            )
    yield (
        "CREATE TRIGGER protokol_laas_udvalg_moede_update BEFORE UPDATE ON udvalg_moede "
        f"FOR EACH ROW WHEN {MOEDE_LEAVES_LOCK_UNLOGGED} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"
    )
    yield (
        "CREATE TRIGGER protokol_laas_udvalg_moede_enter BEFORE UPDATE ON udvalg_moede "
        f"FOR EACH ROW WHEN {MOEDE_ENTERS_LOCK_UNSIGNED} "
        f"BEGIN SELECT RAISE(ABORT, '{ENTER_MESSAGE}'); END;"
    )
    yield (
        "CREATE TRIGGER protokol_laas_udvalg_moede_insert BEFORE INSERT ON udvalg_moede "
        f"FOR EACH ROW WHEN NEW.status = {LOCKED} "
        f"BEGIN SELECT RAISE(ABORT, '{ENTER_MESSAGE}'); END;"
    )
    yield (
        "CREATE TRIGGER protokol_laas_udvalg_moede_delete BEFORE DELETE ON udvalg_moede "
        f"FOR EACH ROW WHEN OLD.status = {LOCKED} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"
    )
    for table, message in APPEND_ONLY.items():
        for op in ("UPDATE", "DELETE"):
            when = (
                f"WHEN NOT ({VERSION_SEALED_ONCE}) "
                if table == "udvalg_protokolversion" and op == "UPDATE"
                else ""
            )
            yield (
                f"CREATE TRIGGER protokol_laas_{table}_{op.lower()} BEFORE {op} ON {table} "
                f"FOR EACH ROW {when}BEGIN SELECT RAISE(ABORT, '{message}'); END;"
            )
    yield (
        "CREATE TRIGGER protokol_laas_udvalg_protokolversion_insert BEFORE INSERT "
        f"ON udvalg_protokolversion FOR EACH ROW WHEN {VERSION_NOT_FROM_THE_LOCK} "
        f"BEGIN SELECT RAISE(ABORT, '{VERSION_MESSAGE}'); END;"
    )


def _raise(message: str) -> str:
    return f"RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation';"


def postgresql_statements():
    for table in MEETING_OF:
        yield f"""
CREATE OR REPLACE FUNCTION protokol_laas_{table}() RETURNS trigger AS $$
BEGIN
  IF (TG_OP <> 'INSERT' AND {locked(table, "OLD")})
     OR (TG_OP <> 'DELETE' AND {locked(table, "NEW")}) THEN
    {_raise(MESSAGE)}
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER protokol_laas BEFORE INSERT OR UPDATE OR DELETE ON {table}
  FOR EACH ROW EXECUTE FUNCTION protokol_laas_{table}();
"""
    yield f"""
CREATE OR REPLACE FUNCTION protokol_laas_udvalg_moede() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.status = {LOCKED} THEN {_raise(MESSAGE)} END IF;
  IF TG_OP = 'INSERT' AND NEW.status = {LOCKED} THEN {_raise(ENTER_MESSAGE)} END IF;
  IF TG_OP = 'UPDATE' AND {MOEDE_LEAVES_LOCK_UNLOGGED} THEN {_raise(MESSAGE)} END IF;
  IF TG_OP = 'UPDATE' AND {MOEDE_ENTERS_LOCK_UNSIGNED} THEN {_raise(ENTER_MESSAGE)} END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER protokol_laas BEFORE INSERT OR UPDATE OR DELETE ON udvalg_moede
  FOR EACH ROW EXECUTE FUNCTION protokol_laas_udvalg_moede();
"""
    for table, message in APPEND_ONLY.items():
        if table == "udvalg_protokolversion":
            checks = (
                f"IF TG_OP = 'DELETE' THEN {_raise(message)} END IF;\n"
                f"  IF TG_OP = 'UPDATE' AND NOT ({VERSION_SEALED_ONCE}) THEN "
                f"{_raise(message)} END IF;\n"
                f"  IF TG_OP = 'INSERT' AND ({VERSION_NOT_FROM_THE_LOCK}) THEN "
                f"{_raise(VERSION_MESSAGE)} END IF;"
            )
        else:
            checks = f"IF TG_OP <> 'INSERT' THEN {_raise(message)} END IF;"
        yield f"""
CREATE OR REPLACE FUNCTION protokol_laas_{table}() RETURNS trigger AS $$
BEGIN
  {checks}
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER protokol_laas BEFORE INSERT OR UPDATE OR DELETE ON {table}
  FOR EACH ROW EXECUTE FUNCTION protokol_laas_{table}();
"""
    yield f"""
CREATE OR REPLACE FUNCTION protokol_laas_truncate() RETURNS trigger AS $$
BEGIN
  IF coalesce(current_setting('protokol.truncate_tilladt', true), '') <> 'ja'
     AND EXISTS (SELECT 1 FROM udvalg_moede WHERE status = {LOCKED}) THEN
    {_raise(MESSAGE)}
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
"""
    for table in TABLES:
        yield (
            f"CREATE TRIGGER protokol_laas_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION protokol_laas_truncate();"
        )


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = sqlite_statements()
    elif vendor == "postgresql":
        statements = postgresql_statements()
    else:
        raise RuntimeError(f"No protocol lock triggers for the {vendor} database.")
    for sql in statements:
        schema_editor.execute(sql)


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for (name,) in schema_editor.connection.cursor().execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'protokol_laas_%'"
        ).fetchall():
            schema_editor.execute(f"DROP TRIGGER {name}")
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS protokol_laas ON {table}")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS protokol_laas_truncate ON {table}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS protokol_laas_{table}()")
    schema_editor.execute("DROP FUNCTION IF EXISTS protokol_laas_protokolversion()")
    schema_editor.execute("DROP FUNCTION IF EXISTS protokol_laas_truncate()")


def replace_v1(apps, schema_editor):
    _v1.uninstall(apps, schema_editor)
    install(apps, schema_editor)


def back_to_v1(apps, schema_editor):
    uninstall(apps, schema_editor)
    _v1.install(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("udvalg", "0006_protokol_kaede"),
    ]

    operations = [migrations.RunPython(replace_v1, back_to_v1)]
