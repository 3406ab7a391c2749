from django.apps import AppConfig


class UdvalgConfig(AppConfig):
    name = "udvalg"
    verbose_name = "Udvalg og møder"
