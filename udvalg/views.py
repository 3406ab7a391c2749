"""The front page and the committee pages. A meeting's own pages are the meeting cycle's
(protokol.views)."""

from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from udvalg import filters, permissions
from udvalg.models import Moede, Udvalg


def forside(request: HttpRequest) -> HttpResponse:
    """The user's committees with their next and latest meeting (three queries in all)."""
    user = request.user
    today = timezone.localdate()
    visible = Moede.objects.visible_to(user).filter(udvalg=OuterRef("pk"))
    udvalg_list = list(
        Udvalg.objects.for_user(user)
        .annotate(
            naeste_id=Subquery(visible.filter(dato__gte=today).order_by("dato").values("pk")[:1]),
            seneste_id=Subquery(visible.filter(dato__lt=today).order_by("-dato").values("pk")[:1]),
        )
        .order_by("-periode_start", "navn")
    )
    ids = {u.naeste_id for u in udvalg_list} | {u.seneste_id for u in udvalg_list}
    moeder = Moede.objects.in_bulk([i for i in ids if i])
    for u in udvalg_list:
        u.naeste = moeder.get(u.naeste_id)
        u.seneste = moeder.get(u.seneste_id)
        u.er_sekretaer = permissions.is_sekretaer(user, u)
    return render(request, "udvalg/forside.html", {"udvalg_list": udvalg_list})


def udvalg_detail(request: HttpRequest, slug: str) -> HttpResponse:
    udvalg = permissions.get_udvalg_for_user(request.user, slug)
    moeder = Moede.objects.visible_to(request.user).filter(udvalg=udvalg).order_by("-dato")
    moede_filter = filters.MoedeFilter(request.GET, queryset=moeder)
    page = Paginator(moede_filter.qs, 50).get_page(request.GET.get("side"))
    medlemskaber = udvalg.medlemskaber.select_related("person").order_by("sortering")
    return render(
        request,
        "udvalg/udvalg_detail.html",
        {
            "udvalg": udvalg,
            "filter": moede_filter,
            "page": page,
            "medlemskaber": medlemskaber,
            "er_sekretaer": permissions.is_sekretaer(request.user, udvalg),
        },
    )
