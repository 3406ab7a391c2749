"""Referatimport and Importkoersel now belong to the referatimport app. Only Django's model
state moves: the tables (sager_referatimport, sager_importkoersel) and their rows stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("sager", "0006_importkoersel"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Referatimport"),
                migrations.DeleteModel(name="Importkoersel"),
            ],
            database_operations=[],
        ),
    ]
