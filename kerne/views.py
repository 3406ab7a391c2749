from django.conf import settings
from django.contrib.auth.decorators import login_not_required
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


@login_not_required
def hej(request: HttpRequest) -> HttpResponse:
    """The benchmark's yardstick (make bench, PROTOKOL_BENCH=1): the smallest view, behind the
    same middleware as every page, so each page's speed is given as a share of it."""
    return HttpResponse("Hej verden", content_type="text/plain; charset=utf-8")


@login_not_required
def tilgaengelighed(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (webtilgængelighedsloven): status, what is not accessible,
    how to tell us, how to complain; the municipality's official one linked when set."""
    return render(
        request,
        "kerne/tilgaengelighed.html",
        {
            "kontakt": settings.PROTOKOL_TILGAENGELIGHED_KONTAKT,
            "erklaering_url": settings.PROTOKOL_TILGAENGELIGHEDSERKLAERING_URL,
            "udarbejdet": settings.PROTOKOL_TILGAENGELIGHED_UDARBEJDET,
        },
    )
