from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kerne.admin import ReadOnlyAdmin
from udvalg.locking import LockedReadOnlyAdminMixin
from udvalg.models import Genaabning, Medlemskab, Moede, Person, ProtokolVersion, Udvalg


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
class MoedeAdmin(LockedReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["udvalg", "dato", "starttid", "status"]
    list_filter = ["status", "udvalg"]
    date_hierarchy = "dato"
    # The status moves only through the meeting cycle (release, recording, signing, the logged
    # reopening), never by hand.
    readonly_fields = ["url_slug", "status", "frigivet_tid", "frigivet_af"]


@admin.register(ProtokolVersion)
class ProtokolVersionAdmin(ReadOnlyAdmin):
    """Stored protocols are never changed or deleted."""

    list_display = ["moede", "version", "laast", "sha256"]
    fields = readonly_fields = [
        "moede",
        "version",
        "fil",
        "sha256",
        "arkiv",
        "arkiv_sha256",
        "indhold_sha256",
        "forrige_kaede",
        "kaede",
        "signatur",
        "laast",
    ]


@admin.register(Genaabning)
class GenaabningAdmin(ReadOnlyAdmin):
    list_display = ["moede", "version", "user", "tidspunkt"]
    readonly_fields = ["moede", "version", "user", "tidspunkt", "begrundelse"]
