from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def account_locked(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): Danish, with the real duration."""
    return render(
        request,
        "registration/laast.html",
        {"varighed": settings.AXES_COOLOFF_TIME},
        status=429,
    )
