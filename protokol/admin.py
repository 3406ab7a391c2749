from django.contrib import admin

from protokol.models import CprBekraeftelse


@admin.register(CprBekraeftelse)
class CprBekraeftelseAdmin(admin.ModelAdmin):
    """The log of confirmed CPR-number-shaped strings: read only (administrators)."""

    list_display = ["tidspunkt", "moede", "handling", "bruger"]
    list_filter = ["handling"]
    date_hierarchy = "tidspunkt"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
