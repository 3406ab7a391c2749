from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Aarstal, Besparelsesforslag, Budgetrunde, Ramme


class RammeInline(admin.TabularInline):
    model = Ramme
    extra = 0


@admin.register(Budgetrunde)
class BudgetrundeAdmin(admin.ModelAdmin):
    list_display = ["navn", "slug", "foerste_aar", "sidste_aar", "samlet_maal"]
    prepopulated_fields = {"slug": ["navn"]}
    inlines = [RammeInline]


class AarstalInline(admin.TabularInline):
    model = Aarstal
    extra = 0
    readonly_fields = ["netto"]


@admin.register(Besparelsesforslag)
class BesparelsesforslagAdmin(SimpleHistoryAdmin):
    list_display = ["nummer", "titel", "udvalg", "runde", "udgiftstype", "status"]
    list_filter = ["runde", "udvalg", "udgiftstype", "status"]
    search_fields = ["titel", "acadre"]
    raw_id_fields = ["punkter"]
    inlines = [AarstalInline]
