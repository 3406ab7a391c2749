"""Referatimport and Importkoersel, moved from the sager app (sager/0007). The tables keep
their names (db_table), so this migration only tells Django's model state about them; on an
existing database the content types are renamed, so permissions and admin history follow."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def rename_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("referatimport", "importkoersel"):
        if not ContentType.objects.filter(app_label="referatimport", model=model).exists():
            ContentType.objects.filter(app_label="sager", model=model).update(
                app_label="referatimport"
            )


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("referatimport", "importkoersel"):
        if not ContentType.objects.filter(app_label="sager", model=model).exists():
            ContentType.objects.filter(app_label="referatimport", model=model).update(
                app_label="sager"
            )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("sager", "0007_importmodeller_til_referatimport"),
        ("udvalg", "0005_protokol_arkiv"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Referatimport",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "sha256",
                            models.CharField(
                                max_length=64, unique=True, verbose_name="SHA-256 af teksten"
                            ),
                        ),
                        ("kilde", models.CharField(max_length=255, verbose_name="fil")),
                        (
                            "importeret",
                            models.DateTimeField(auto_now_add=True, verbose_name="importeret"),
                        ),
                        (
                            "ikke_placeret",
                            models.JSONField(
                                blank=True,
                                default=list,
                                verbose_name="linjer der ikke kunne placeres",
                            ),
                        ),
                        (
                            "moede",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="importer",
                                to="udvalg.moede",
                                verbose_name="møde",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "import af referat",
                        "verbose_name_plural": "importer af referater",
                        "db_table": "sager_referatimport",
                    },
                ),
                migrations.CreateModel(
                    name="Importkoersel",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "oprettet",
                            models.DateTimeField(auto_now_add=True, verbose_name="oprettet"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("klar", "Klar til gennemsyn"),
                                    ("venter", "Venter"),
                                    ("koerer", "Kører"),
                                    ("faerdig", "Færdig"),
                                    ("fejlet", "Fejlet"),
                                ],
                                default="klar",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "udvalg_navn",
                            models.CharField(
                                blank=True,
                                max_length=200,
                                verbose_name="udvalg (i stedet for protokollens eget)",
                            ),
                        ),
                        (
                            "filer",
                            models.JSONField(blank=True, default=list, verbose_name="filer"),
                        ),
                        (
                            "resultater",
                            models.JSONField(blank=True, default=list, verbose_name="resultater"),
                        ),
                        (
                            "behandlet",
                            models.PositiveIntegerField(
                                default=0, verbose_name="filer behandlet"
                            ),
                        ),
                        ("fejl", models.TextField(blank=True, verbose_name="fejlbesked")),
                        (
                            "oprettet_af",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="importkoersler",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="oprettet af",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "importkørsel",
                        "verbose_name_plural": "importkørsler",
                        "ordering": ["-oprettet"],
                        "db_table": "sager_importkoersel",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_types, restore_content_types),
    ]
