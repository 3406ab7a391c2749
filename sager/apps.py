from django.apps import AppConfig


class SagerConfig(AppConfig):
    name = "sager"
    verbose_name = "Sager, punkter og bilag"
