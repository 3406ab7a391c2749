from django.apps import AppConfig


class KerneConfig(AppConfig):
    """Shared helpers with no models: Danish formats, rich text, uploads, PDF rendering."""

    name = "kerne"
    verbose_name = "Fælles"
