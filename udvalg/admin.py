from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from udvalg.models import Medlemskab, Moede, Person, Udvalg


class MedlemskabInline(admin.TabularInline):
    model = Medlemskab
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Udvalg)
class UdvalgAdmin(SimpleHistoryAdmin):
    list_display = ["visningsnavn", "forkortelse", "slug"]
    search_fields = ["navn", "forkortelse"]
    filter_horizontal = ["sekretaerer"]
    inlines = [MedlemskabInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["navn", "parti", "parti_bogstav", "user"]
    search_fields = ["navn", "parti"]
    autocomplete_fields = ["user"]


@admin.register(Moede)
class MoedeAdmin(SimpleHistoryAdmin):
    list_display = ["udvalg", "dato", "starttid", "status"]
    list_filter = ["status", "udvalg"]
    date_hierarchy = "dato"
    readonly_fields = ["url_slug", "frigivet_tid", "frigivet_af"]
