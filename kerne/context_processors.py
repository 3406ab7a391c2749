"""What every page shows of the municipality running Protokol (settings, not data)."""

from django.conf import settings


def kommune(request) -> dict:
    return {
        "kommune_navn": settings.PROTOKOL_KOMMUNE_NAVN,
        "kommune_logo": settings.PROTOKOL_KOMMUNE_LOGO,
    }
