from django.apps import AppConfig


class ProtokolConfig(AppConfig):
    """The meeting cycle, combining committees, cases and budget: meeting and case pages,
    recording, signing and locking, the PDFs, the public pages and the demo data."""

    name = "protokol"
    verbose_name = "Møder og protokoller"
