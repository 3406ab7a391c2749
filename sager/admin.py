from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sager.models import Beslutning, Bilag, Punkt, Sag, Standardtekst
from udvalg.locking import LockedReadOnlyAdminMixin


@admin.register(Sag)
class SagAdmin(SimpleHistoryAdmin):
    list_display = ["sagsnr", "titel"]
    search_fields = ["sagsnr", "titel"]


class BilagInline(admin.TabularInline):
    model = Bilag
    extra = 0
    fields = ["sekvens", "filnavn", "titel", "bilagsnr", "adgang"]
    readonly_fields = ["sekvens"]


@admin.register(Punkt)
class PunktAdmin(LockedReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "moede", "sag", "punkttype", "adgang"]
    list_filter = ["adgang", "punkttype", "moede__udvalg"]
    search_fields = ["titel", "sag__sagsnr"]
    raw_id_fields = ["moede", "sag"]
    readonly_fields = ["version", "aendret", "aendret_af"]
    inlines = [BilagInline]


@admin.register(Bilag)
class BilagAdmin(LockedReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["filnavn", "punkt", "bilagsnr", "adgang", "sidetal"]
    search_fields = ["filnavn", "titel", "bilagsnr"]
    raw_id_fields = ["punkt"]
    readonly_fields = ["stoerrelse", "indholdstype", "sidetal"]


@admin.register(Standardtekst)
class StandardtekstAdmin(admin.ModelAdmin):
    list_display = ["tekst", "udvalg", "sortering"]
    list_filter = ["udvalg"]
    search_fields = ["tekst"]


@admin.register(Beslutning)
class BeslutningAdmin(LockedReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "sag", "punkt", "udvalg", "dato"]
    list_filter = ["udvalg"]
    search_fields = ["sag__sagsnr", "tekst"]
    raw_id_fields = ["sag", "punkt"]
    readonly_fields = ["version", "aendret", "aendret_af"]
