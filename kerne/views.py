from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kerne import throttle


def account_locked(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): Danish, with the real duration, and
    whether the user name or the whole address (too many user names tried) is locked."""
    return render(
        request,
        "registration/laast.html",
        {"varighed": settings.AXES_COOLOFF_TIME, "adresse_spaerret": throttle.ip_locked(request)},
        status=429,
    )
