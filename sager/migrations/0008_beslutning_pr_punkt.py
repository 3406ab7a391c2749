"""A decision per item: two items of one meeting may treat one case (an open and a closed part)
and each carry its decision. The (case, committee, day) rule stays for earlier decisions entered
by hand. SQLite rebuilds the table to drop the old constraint, so the protocol lock triggers are
dropped first and put back afterwards (see sager/0004)."""

import importlib

from django.db import migrations, models

_triggers = importlib.import_module("udvalg.migrations.0004_laasning_triggers")


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _triggers.uninstall(apps, schema_editor)


def reinstall_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _triggers.install(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("sager", "0007_importmodeller_til_referatimport"),
        ("udvalg", "0005_protokol_arkiv"),
    ]

    operations = [
        migrations.RunPython(drop_triggers, reinstall_triggers),
        migrations.RemoveConstraint(
            model_name="beslutning",
            name="beslutning_unique_sag_udvalg_dato",
        ),
        migrations.AddConstraint(
            model_name="beslutning",
            constraint=models.UniqueConstraint(
                condition=models.Q(("punkt__isnull", True)),
                fields=("sag", "udvalg", "dato"),
                name="beslutning_unique_tidligere_sag_udvalg_dato",
                violation_error_message="Sagen har allerede en beslutning fra udvalget den dag.",
            ),
        ),
        migrations.RunPython(reinstall_triggers, drop_triggers),
    ]
