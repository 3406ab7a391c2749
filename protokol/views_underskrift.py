"""Signing the protocol, reopening it, and the protocol and agenda PDFs."""

import functools

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kerne import throttle
from kerne.pdf import http_response, stored_response
from protokol import cpr_kontrol, indhold, pdf, sidecache
from protokol.forms import GenaabningForm, UnderskriftForm
from protokol.models import CprBekraeftelse
from protokol.services import laasning
from protokol.services import underskrift as services
from udvalg import permissions
from udvalg.models import Moede, MoedeStatus


def _url(moede: Moede) -> str:
    return reverse("protokol:underskrift", args=[moede.udvalg.slug, moede.url_slug])


def _page(request, moede, *, sign_form=None, reopen_form=None, status=200):
    rows = list(moede.underskrifter.select_related("user").order_by("sortering"))
    mine = next((r for r in rows if r.user_id == request.user.pk and not r.underskrevet), None)
    return render(
        request,
        "protokol/underskrift.html",
        {
            "moede": moede,
            "udvalg": moede.udvalg,
            "underskrifter": rows,
            "mangler": [r for r in rows if r.underskrevet is None],
            "min_underskrift": mine,
            "sign_form": sign_form or UnderskriftForm(),
            "reopen_form": reopen_form or GenaabningForm(),
            "er_sekretaer": permissions.is_sekretaer(request.user, moede.udvalg),
            "kan_genaabne": permissions.can_reopen(request.user, moede.udvalg),
            "versioner": list(moede.versioner.order_by("-version")),
            "genaabninger": list(moede.genaabninger.select_related("user")),
            "cpr_fund": _cpr_fund(request.user, moede),
            "cpr_hvad": "protokollen er underskrevet",
        },
        status=status,
    )


def _cpr_fund(user, moede) -> list:
    """What the secretary must check before sending the protocol for signing."""
    if moede.status != MoedeStatus.AFHOLDT or not permissions.is_sekretaer(user, moede.udvalg):
        return []
    return cpr_kontrol.fund(moede, referat=True)


def underskrift_list(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_referat_for_user(request.user, slug, moede)
    return _page(request, moede)


@require_POST
def referat_close_for_signing(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_moede_for_secretary(request.user, slug, moede)
    try:
        with transaction.atomic():
            cpr_kontrol.kontroller(request, moede, CprBekraeftelse.Handling.UNDERSKRIFT)
            rows = services.referat_close_for_signing(moede=moede, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Protokollen er sendt til underskrift hos {len(rows)}.")
    return redirect(_url(moede))


@require_POST
def referat_withdraw_from_signing(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_moede_for_secretary(request.user, slug, moede)
    try:
        services.referat_withdraw_from_signing(moede=moede)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Protokollen er taget tilbage; underskrifterne er slettet.")
    return redirect(_url(moede))


@require_POST
def referat_remind(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_moede_for_secretary(request.user, slug, moede)
    names = services.referat_remind(moede=moede, url=request.build_absolute_uri(_url(moede)))
    if names:
        messages.success(request, "Påmindelse sendt til " + ", ".join(names) + ".")
    else:
        messages.info(request, "Ingen af de manglende underskrivere har en e-mailadresse.")
    return redirect(_url(moede))


@require_POST
def referat_sign(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_referat_for_user(request.user, slug, moede)
    form = UnderskriftForm(request.POST)
    if form.is_valid():
        if not throttle.reauth_allowed(request, request.user):
            form.add_error(None, form.throttled_error(settings.AXES_COOLOFF_TIME))
            return _page(request, moede, sign_form=form, status=429)
        try:
            result = services.referat_sign(
                moede=moede, user=request.user, password=form.cleaned_data["password"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            throttle.reauth_succeeded(request, request.user)
            if result.complete:
                messages.success(
                    request,
                    "Du har underskrevet. Alle har nu underskrevet, og protokollen låses og "
                    "gemmes som PDF.",
                )
            else:
                messages.success(request, "Du har underskrevet protokollen.")
            return redirect(_url(moede))
    moede.refresh_from_db()
    return _page(request, moede, sign_form=form, status=400)


@require_POST
def referat_reopen(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_moede_for_reopening(request.user, slug, moede)
    form = GenaabningForm(request.POST)
    if form.is_valid():
        try:
            services.referat_reopen(
                moede=moede, user=request.user, begrundelse=form.cleaned_data["begrundelse"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                "Protokollen er genåbnet. Den tidligere version er bevaret; når den underskrives "
                "igen, gemmes en ny version.",
            )
            return redirect(_url(moede))
    return _page(request, moede, reopen_form=form, status=400)


# --- PDFs --------------------------------------------------------------------------------------


def _stored(version, moede, *, forkortelse: str, arkiv: bool = False) -> HttpResponse:
    # The stored file is named by its SHA-256 in the signed link; the page copy plays no part.
    if laasning.version_problems(version, files=False, indhold=False):
        raise laasning.ProtokolBrud(
            "Den gemte protokol kan ikke udleveres, fordi den ikke stemmer med sin signatur."
        )
    fil, sha256 = (version.arkiv, version.arkiv_sha256) if arkiv else (version.fil, version.sha256)
    name = (
        f"Beslutningsprotokol {forkortelse} {moede.dato:%d-%m-%Y} "
        f"v{version.version}{' PDF-A' if arkiv else ''}.pdf"
    )
    return stored_response(fil, name, sha256)


def referat_pdf(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    """A signed protocol comes from the stored file (never re-rendered); before that a draft.
    The signed one from one query (protokol.sidecache.signed), by the same rule as the page."""
    user = request.user
    allowed = functools.partial(permissions.can_view_referat, user)
    if found := sidecache.signed(slug, moede, allowed=allowed):
        return _stored(found.version, found.moede, forkortelse=found.forkortelse)
    moede = permissions.get_referat_for_user(user, slug, moede)
    if moede.is_locked:
        version = laasning.signed_version(moede, head=True)
        return _stored(version, moede, forkortelse=moede.udvalg.forkortelse)
    underskrivere = pdf.signaturer(moede) or None
    data = pdf.render_moede_pdf(
        moede,
        user=request.user,
        kind="referat",
        udkast=True,
        underskrivere=underskrivere,
        med_bilag=request.GET.get("bilag") == "1",
    )
    return http_response(data, f"Udkast til beslutningsprotokol {moede.dato:%d-%m-%Y}.pdf")


def version_pdf(request: HttpRequest, slug: str, moede: str, version: int) -> HttpResponse:
    moede = permissions.get_referat_for_user(request.user, slug, moede)
    stored = moede.versioner.filter(version=version).first()
    if stored is None:
        raise Http404("Versionen findes ikke.")
    return _stored(
        stored, moede, forkortelse=moede.udvalg.forkortelse, arkiv=request.GET.get("arkiv") == "1"
    )


def dagsorden_pdf(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_moede_for_user(request.user, slug, moede)
    med_bilag = request.GET.get("bilag") == "1"
    name = f"Dagsorden {moede.udvalg.forkortelse} {moede.dato:%d-%m-%Y}.pdf"
    if moede.is_locked:
        version = laasning.signed_version(moede, head=True)
        udgave = indhold.pdf_udgave("dagsorden", offentlig=False, med_bilag=med_bilag)
        row = laasning.udgave_pdf(version, udgave)
        return stored_response(row.fil, name, row.sha256)
    data = pdf.render_moede_pdf(
        moede,
        user=request.user,
        kind="dagsorden",
        udkast=moede.status == MoedeStatus.KLADDE,
        med_bilag=med_bilag,
    )
    return http_response(data, name)
