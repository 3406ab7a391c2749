from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import OuterRef, Q, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sager import recording
from sager.models import Punkt
from udvalg import filters, forms, permissions, services
from udvalg.models import Moede, MoedeStatus, Udvalg


def forside(request: HttpRequest) -> HttpResponse:
    """The user's committees with their next and latest meeting (three queries in all)."""
    user = request.user
    today = timezone.localdate()
    roller = permissions.roller(user)
    visible = Moede.objects.filter(udvalg=OuterRef("pk"))
    if not user.is_superuser:
        visible = visible.filter(
            ~Q(status=MoedeStatus.KLADDE) | Q(udvalg_id__in=list(roller.sekretaer))
        )
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


def moede_detail(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_moede_for_user(request.user, slug, moede)
    punkter = Punkt.objects.filter(moede=moede).for_moede_page(request.user, moede.udvalg)
    return render(
        request,
        "udvalg/moede_detail.html",
        {
            "moede": moede,
            "udvalg": moede.udvalg,
            "punkter": punkter,
            "er_sekretaer": permissions.is_sekretaer(request.user, moede.udvalg),
        },
    )


def moede_create(request: HttpRequest, slug: str) -> HttpResponse:
    udvalg = permissions.get_udvalg_for_editing(request.user, slug)
    form = forms.MoedeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moede = services.moede_create(udvalg=udvalg, **form.cleaned_data)
        messages.success(request, "Mødet er oprettet med de faste punkter.")
        return redirect("udvalg:dagsorden", udvalg.slug, moede.url_slug)
    return render(request, "udvalg/moede_form.html", {"udvalg": udvalg, "form": form})


def moede_update(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_moede_for_editing(request.user, slug, moede)
    form = forms.MoedeForm(request.POST or None, instance=moede)
    if request.method == "POST" and form.is_valid():
        moede = services.moede_update(moede=moede, **form.cleaned_data)
        messages.success(request, "Mødet er gemt.")
        return redirect("udvalg:dagsorden", moede.udvalg.slug, moede.url_slug)
    return render(
        request, "udvalg/moede_form.html", {"udvalg": moede.udvalg, "form": form, "moede": moede}
    )


def dagsorden(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    """The agenda builder: items in order with move, edit, delete and attachment counts."""
    moede = permissions.get_moede_for_editing(request.user, slug, moede)
    punkter = Punkt.objects.filter(moede=moede).for_moede_page(request.user, moede.udvalg)
    return render(
        request,
        "udvalg/dagsorden.html",
        {
            "moede": moede,
            "udvalg": moede.udvalg,
            "punkter": punkter,
            "release_warning": services.release_warning(moede) if moede.is_draft else None,
            "frist": services.release_deadline(moede.dato),
        },
    )


def moede_release(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_moede_for_editing(request.user, slug, moede)
    if request.method == "POST":
        try:
            result = services.moede_release(moede=moede, user=request.user)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            if result.warning:
                messages.warning(request, result.warning)
            messages.success(request, "Dagsordenen er frigivet til udvalgets medlemmer.")
        return redirect("udvalg:dagsorden", moede.udvalg.slug, moede.url_slug)
    return render(
        request,
        "udvalg/moede_release.html",
        {
            "moede": moede,
            "udvalg": moede.udvalg,
            "warning": services.release_warning(moede),
            "frist": services.release_deadline(moede.dato),
        },
    )


@require_POST
def moede_mark_held(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_moede_for_editing(request.user, slug, moede)
    try:
        services.moede_mark_held(moede=moede)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, "Mødet er markeret som afholdt.")
    return redirect("udvalg:dagsorden", moede.udvalg.slug, moede.url_slug)


def account_locked(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): Danish, with the real duration."""
    return render(
        request,
        "registration/laast.html",
        {"varighed": settings.AXES_COOLOFF_TIME},
        status=429,
    )


def referat(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    """The decision protocol as members read it (before signing)."""
    moede = permissions.get_referat_for_user(request.user, slug, moede)
    punkter = list(Punkt.objects.filter(moede=moede).for_moede_page(request.user, moede.udvalg))
    deltagelse = recording.moede_deltagelse(moede)
    return render(
        request,
        "udvalg/referat.html",
        {
            "moede": moede,
            "udvalg": moede.udvalg,
            "punkter": recording.attach_protocol(moede, punkter, deltagelse),
            "deltagelse": deltagelse,
            "er_sekretaer": permissions.is_sekretaer(request.user, moede.udvalg),
            "version": moede.versioner.order_by("-version").first() if moede.is_locked else None,
        },
    )
