"""Database triggers that refuse any INSERT, UPDATE or DELETE on rows of a signed (locked)
meeting, so that not even raw SQL can change a signed protocol. A stored protocol version is
never updated or deleted. A meeting leaves "underskrevet" only after a logged reopening
(udvalg_genaabning row for the current version).

The SQL is written out here on purpose: migrations never change once merged.
"""

from django.db import migrations

LOCKED = "'underskrevet'"
MESSAGE = "Protokollen er underskrevet og låst; ændringer kræver en genåbning."

# table -> SQL giving the meeting id of a row (ROW is replaced by NEW or OLD)
MEETING_OF = {
    "udvalg_fremmoede": "ROW.moede_id",
    "udvalg_underskrift": "ROW.moede_id",
    "sager_punkt": "ROW.moede_id",
    "sager_bilag": "(SELECT p.moede_id FROM sager_punkt p WHERE p.id = ROW.punkt_id)",
    "sager_punktfravaer": "(SELECT p.moede_id FROM sager_punkt p WHERE p.id = ROW.punkt_id)",
    "sager_beslutning": "(SELECT p.moede_id FROM sager_punkt p WHERE p.id = ROW.punkt_id)",
    "sager_afstemning": (
        "(SELECT p.moede_id FROM sager_punkt p JOIN sager_beslutning b ON b.punkt_id = p.id "
        "WHERE b.id = ROW.beslutning_id)"
    ),
    "sager_mindretalsudtalelse": (
        "(SELECT p.moede_id FROM sager_punkt p JOIN sager_beslutning b ON b.punkt_id = p.id "
        "WHERE b.id = ROW.beslutning_id)"
    ),
    "sager_stemme": (
        "(SELECT p.moede_id FROM sager_punkt p JOIN sager_beslutning b ON b.punkt_id = p.id "
        "JOIN sager_afstemning a ON a.beslutning_id = b.id WHERE a.id = ROW.afstemning_id)"
    ),
}


def locked(table: str, row: str) -> str:
    meeting = MEETING_OF[table].replace("ROW", row)
    return f"(SELECT m.status FROM udvalg_moede m WHERE m.id = {meeting}) = {LOCKED}"


MOEDE_LEAVES_LOCK_UNLOGGED = (
    f"OLD.status = {LOCKED} AND NOT (NEW.status <> {LOCKED} AND EXISTS ("
    "SELECT 1 FROM udvalg_genaabning g WHERE g.moede_id = OLD.id AND g.version = ("
    "SELECT MAX(v.version) FROM udvalg_protokolversion v WHERE v.moede_id = OLD.id)))"
)


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
        "CREATE TRIGGER protokol_laas_udvalg_moede_delete BEFORE DELETE ON udvalg_moede "
        f"FOR EACH ROW WHEN OLD.status = {LOCKED} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"
    )
    for op in ("UPDATE", "DELETE"):
        yield (
            f"CREATE TRIGGER protokol_laas_protokolversion_{op.lower()} BEFORE {op} "
            "ON udvalg_protokolversion FOR EACH ROW "
            "BEGIN SELECT RAISE(ABORT, 'En gemt protokolversion ændres eller slettes aldrig.'); "
            "END;"
        )


def postgresql_statements():
    for table in MEETING_OF:
        yield f"""
CREATE OR REPLACE FUNCTION protokol_laas_{table}() RETURNS trigger AS $$
BEGIN
  IF (TG_OP <> 'INSERT' AND {locked(table, "OLD")})
     OR (TG_OP <> 'DELETE' AND {locked(table, "NEW")}) THEN
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
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
  IF TG_OP = 'DELETE' AND OLD.status = {LOCKED} THEN
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND {MOEDE_LEAVES_LOCK_UNLOGGED} THEN
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER protokol_laas BEFORE UPDATE OR DELETE ON udvalg_moede
  FOR EACH ROW EXECUTE FUNCTION protokol_laas_udvalg_moede();
CREATE OR REPLACE FUNCTION protokol_laas_protokolversion() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'En gemt protokolversion ændres eller slettes aldrig.'
    USING ERRCODE = 'integrity_constraint_violation';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER protokol_laas BEFORE UPDATE OR DELETE ON udvalg_protokolversion
  FOR EACH ROW EXECUTE FUNCTION protokol_laas_protokolversion();
"""


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
    tables = [*MEETING_OF, "udvalg_moede", "udvalg_protokolversion"]
    if vendor == "sqlite":
        for name, in schema_editor.connection.cursor().execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'protokol_laas_%'"
        ).fetchall():
            schema_editor.execute(f"DROP TRIGGER {name}")
    else:
        for table in tables:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS protokol_laas ON {table}")
            suffix = "protokolversion" if table == "udvalg_protokolversion" else table
            schema_editor.execute(f"DROP FUNCTION IF EXISTS protokol_laas_{suffix}()")


class Migration(migrations.Migration):
    dependencies = [
        ("udvalg", "0003_underskrift_og_laasning"),
        ("sager", "0003_standardtekster"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
