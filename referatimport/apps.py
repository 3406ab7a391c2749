from django.apps import AppConfig


class ReferatimportConfig(AppConfig):
    """Old protocols from the previous system: the parser, the importer and the import page."""

    name = "referatimport"
    verbose_name = "Import af gamle referater"
