from importlib import import_module

from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The public portal above the meeting cycle: search over what each reader may read."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # The receivers that keep the search index current with the models (as Django's own
        # autodiscovery imports a module once the registry is ready).
        import_module("portal.signals")
