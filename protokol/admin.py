from django.contrib import admin

from kerne.admin import ReadOnlyAdmin
from protokol.models import CprBekraeftelse


@admin.register(CprBekraeftelse)
class CprBekraeftelseAdmin(ReadOnlyAdmin):
    """The log of confirmed CPR-number-shaped strings (administrators)."""

    list_display = ["tidspunkt", "moede", "handling", "bruger"]
    list_filter = ["handling"]
    date_hierarchy = "tidspunkt"
