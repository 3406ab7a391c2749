"""A meeting's pages: the agenda as members read it, creating and editing the meeting, the agenda
builder, releasing it, marking it held, the decision protocol; and a case's history across
meetings (Sagens gang). Recording, signing and the PDFs have modules of their own."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from protokol import cpr_kontrol, selectors, sidecache
from protokol.models import CprBekraeftelse
from sager import permissions as sager_permissions
from sager import services as sager_services
from sager.models import Beslutning, Punkt
from udvalg import forms, permissions, services


def _dagsorden(moede) -> HttpResponse:
    return redirect("protokol:dagsorden", moede.udvalg.slug, moede.url_slug)


def _frosset(version, side: str) -> dict:
    """A signed meeting's page body, from the copy frozen at signing (checked in full against
    its signature by protokol.sidecache before this is called)."""
    data = version.indhold["data"]
    return {
        # Rendered by our own templates at signing, and checked against its signature.
        "indhold": mark_safe(version.indhold["sider"][side]),  # noqa: S308
        "version": version,
        "udvalg_navn": data["udvalg"],
        "frigivet_af_navn": data.get("frigivet_af"),
    }


# The members' pages of a meeting: (page, who may read it, loading it or refusing).
SIDER = {
    "dagsorden": (
        sidecache.Page("protokol/moede_detail.html", public=False),
        permissions.can_view_moede,
        permissions.get_moede_for_user,
    ),
    "referat": (
        sidecache.Page("protokol/referat.html", public=False),
        permissions.can_view_referat,
        permissions.get_referat_for_user,
    ),
}


def _moede_or_signed_page(request, slug: str, url_slug: str, side: str):
    """(moede, None) for a meeting not signed; (None, response) for a signed one: its kept page
    (or 304), else rendered from the copy frozen at signing and kept (protokol.sidecache). The
    same page for every reader who may see it: the secretaries' buttons are gone once frozen."""
    page, allowed, load = SIDER[side]
    user = request.user
    if kept := sidecache.kept(request, slug, url_slug, page, allowed=lambda m: allowed(user, m)):
        return None, kept
    moede = load(user, slug, url_slug)
    if not moede.is_locked:
        return moede, None
    return None, sidecache.render_and_keep(
        request,
        moede,
        page,
        context=lambda version: {"moede": moede, "udvalg": moede.udvalg, **_frosset(version, side)},
    )


def moede_detail(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede, signed = _moede_or_signed_page(request, slug, moede, "dagsorden")
    if signed:
        return signed
    return render(
        request,
        "protokol/moede_detail.html",
        {
            "moede": moede,
            "udvalg": moede.udvalg,
            "punkter": selectors.punkter_for_moede_page(moede, request.user),
            "er_sekretaer": permissions.is_sekretaer(request.user, moede.udvalg),
        },
    )


def moede_create(request: HttpRequest, slug: str) -> HttpResponse:
    udvalg = permissions.get_udvalg_for_editing(request.user, slug)
    form = forms.MoedeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moede = sager_services.moede_create(udvalg=udvalg, **form.cleaned_data)
        messages.success(request, "Mødet er oprettet med de faste punkter.")
        return _dagsorden(moede)
    return render(request, "protokol/moede_form.html", {"udvalg": udvalg, "form": form})


def moede_update(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_moede_for_editing(request.user, slug, moede)
    form = forms.MoedeForm(request.POST or None, instance=moede)
    if request.method == "POST" and form.is_valid():
        moede = services.moede_update(moede=moede, **form.cleaned_data)
        messages.success(request, "Mødet er gemt.")
        return _dagsorden(moede)
    return render(
        request,
        "protokol/moede_form.html",
        {"udvalg": moede.udvalg, "form": form, "moede": moede},
    )


def dagsorden(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    """The agenda builder: items in order with move, edit, delete and attachment counts."""
    moede = permissions.get_moede_for_editing(request.user, slug, moede)
    punkter = Punkt.objects.filter(moede=moede).for_moede_page(request.user, moede)
    return render(
        request,
        "protokol/dagsorden.html",
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
            with transaction.atomic():
                cpr_kontrol.kontroller(request, moede, CprBekraeftelse.Handling.FRIGIVELSE)
                result = services.moede_release(moede=moede, user=request.user)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            if exc.code == "cpr":
                return redirect("protokol:moede-release", moede.udvalg.slug, moede.url_slug)
        else:
            if result.warning:
                messages.warning(request, result.warning)
            messages.success(request, "Dagsordenen er frigivet til udvalgets medlemmer.")
        return _dagsorden(moede)
    return render(
        request,
        "protokol/moede_release.html",
        {
            "moede": moede,
            "udvalg": moede.udvalg,
            "warning": services.release_warning(moede),
            "frist": services.release_deadline(moede.dato),
            "cpr_fund": cpr_kontrol.fund(moede, referat=False) if moede.is_draft else [],
            "cpr_hvad": "dagsordenen frigives",
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
    return _dagsorden(moede)


def referat(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    """The decision protocol as members read it; a signed one as it was signed."""
    moede, signed = _moede_or_signed_page(request, slug, moede, "referat")
    if signed:
        return signed
    punkter = selectors.punkter_for_moede_page(moede, request.user)
    deltagelse = selectors.moede_deltagelse(moede)
    context = {
        "moede": moede,
        "udvalg": moede.udvalg,
        "er_sekretaer": permissions.is_sekretaer(request.user, moede.udvalg),
        "deltagelse": deltagelse,
        "punkter": selectors.attach_protocol(
            moede, punkter, deltagelse, synlige=Beslutning.objects.visible_to(request.user)
        ),
    }
    return render(request, "protokol/referat.html", context)


def sag_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Sagens gang: every item of the case the user may see, across meetings, oldest first."""
    sag = sager_permissions.get_sag_for_user(request.user, pk)
    return render(
        request,
        "protokol/sag_detail.html",
        {
            "sag": sag,
            "punkter": selectors.punkter_for_sag_page(sag, request.user),
            "beslutninger": selectors.sag_beslutninger(sag, request.user),
        },
    )
