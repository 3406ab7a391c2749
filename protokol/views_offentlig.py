"""Public pages: released agendas and signed protocols for everyone (KSL §§ 8, 20).

A meeting has one URL (/udvalg/<slug>/moeder/<dato>/, its protocol and its PDFs): a reader who
may see the meeting gets the full version there, everyone else the public version, which is
this module's (medlem_eller_offentlig). `?visning=offentlig` shows the public version to
anyone, so a secretary sees what the public sees. The old /offentlig/<slug>/moeder/… links
redirect there.
"""

import functools

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from kerne.pdf import http_response, stored_response
from protokol import indhold, kalender, offentlig, pdf, selectors, sidecache
from protokol.services import laasning
from sager.models import Adgang, Bilag
from udvalg.models import Moede, Udvalg


def _moede(slug: str, url_slug: str) -> Moede:
    return get_object_or_404(
        offentlig.moeder(get_object_or_404(Udvalg, slug=slug)).select_related("udvalg"),
        url_slug=url_slug,
    )


@login_not_required
def forside(request: HttpRequest) -> HttpResponse:
    return render(
        request, "protokol/offentlig/forside.html", {"udvalg_list": offentlig.udvalg_list()}
    )


@login_not_required
def udvalg_detail(request: HttpRequest, slug: str) -> HttpResponse:
    udvalg = get_object_or_404(Udvalg, slug=slug)
    moeder = list(offentlig.moeder(udvalg))
    if not moeder:
        raise Http404("Udvalget har ikke offentliggjort noget.")
    medlemmer, stedfortraedere = offentlig.medlemmer(udvalg)
    return render(
        request,
        "protokol/offentlig/udvalg.html",
        {
            "udvalg": udvalg,
            "moeder": moeder,
            "medlemmer": medlemmer,
            "stedfortraedere": stedfortraedere,
            "andre_perioder": offentlig.andre_perioder(udvalg),
        },
    )


SIDER = {
    kind: sidecache.Page("protokol/offentlig/moede.html", public=True)
    for kind in ("dagsorden", "referat")
}


def _public(moede: Moede, kind: str) -> bool:
    """The public rule for a meeting's agenda or protocol page."""
    return moede.status in offentlig.PUBLISHED and (
        kind != "referat" or offentlig.can_publish_protocol(moede)
    )


def _page(request, slug: str, url_slug: str, kind: str) -> HttpResponse:
    """The public agenda or protocol; a signed meeting's from the copy frozen at signing,
    rendered once per version and kept (protokol.sidecache)."""
    page = SIDER[kind]
    if kept := sidecache.kept(request, slug, url_slug, page, allowed=lambda m: _public(m, kind)):
        return kept
    moede = _moede(slug, url_slug)
    if not _public(moede, kind):
        raise Http404("Protokollen er ikke underskrevet endnu.")
    context = {"moede": moede, "udvalg": moede.udvalg, "kind": kind}
    if moede.is_locked:
        return sidecache.render_and_keep(
            request,
            moede,
            page,
            context=lambda version: {
                **context,
                "udvalg_navn": version.indhold["data"]["udvalg"],
                "indhold": mark_safe(version.indhold["sider"][f"offentlig_{kind}"]),  # noqa: S308 - rendered by our templates at signing, checked against its signature
            },
        )
    context["punkter"] = offentlig.punkter(moede, med_beslutninger=kind == "referat")
    return render(request, page.template, context)


@login_not_required
def dagsorden(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    return _page(request, slug, moede, "dagsorden")


@login_not_required
def referat(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    return _page(request, slug, moede, "referat")


@login_not_required
def sag(request: HttpRequest, pk: int) -> HttpResponse:
    """Sagens gang as the public may read it: the open items of released agendas across
    committees and the decisions of signed protocols."""
    sag = offentlig.sag(pk)
    return render(
        request,
        "protokol/offentlig/sag.html",
        {
            "sag": sag,
            "punkter": offentlig.sag_punkter(sag),
            "beslutninger": selectors.sag_beslutninger(sag),
        },
    )


@login_not_required
def person(request: HttpRequest, pk: int) -> HttpResponse:
    """A member's public record: seats, attendance, named votes, minority statements."""
    person = offentlig.person(pk)
    medlemskaber = offentlig.person_medlemskaber(person)
    antal_stemmer, stemmer = offentlig.person_stemmer(person)
    return render(
        request,
        "protokol/offentlig/person.html",
        {
            "person": person,
            "medlemskaber": medlemskaber,
            "offentlige_udvalg": set(offentlig.udvalg_list().values_list("pk", flat=True)),
            "fremmoede": offentlig.person_fremmoede(person, medlemskaber),
            "antal_stemmer": antal_stemmer,
            "stemmer": stemmer,
            "udtalelser": offentlig.person_udtalelser(person),
        },
    )


@login_not_required
def bilag(request: HttpRequest, pk: int) -> HttpResponse:
    """An open attachment of an open item on a published meeting; nothing else."""
    bilag = get_object_or_404(
        Bilag.objects.select_related("punkt__moede"),
        pk=pk,
        adgang=Adgang.AABEN,
        punkt__adgang=Adgang.AABEN,
        punkt__moede__status__in=offentlig.PUBLISHED,
    )
    try:
        handle = bilag.fil.open("rb")
    except (OSError, ValueError) as exc:  # ValueError: imported without its file
        raise Http404("Filen findes ikke.") from exc
    response = FileResponse(
        handle, filename=bilag.filnavn, content_type=bilag.indholdstype or "application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _pdf(moede: Moede, kind: str, med_bilag: bool) -> HttpResponse:
    """A signed meeting's public PDFs are rendered once from its frozen copy and kept; an agenda
    not yet signed is rendered from the live data."""
    name = "Beslutningsprotokol" if kind == "referat" else "Dagsorden"
    filnavn = f"{name} {moede.udvalg.forkortelse} {moede.dato:%d-%m-%Y}.pdf"
    if moede.is_locked:
        version = laasning.signed_version(moede, head=True)
        udgave = indhold.pdf_udgave(kind, offentlig=True, med_bilag=med_bilag)
        row = laasning.udgave_pdf(version, udgave)
        return stored_response(row.fil, filnavn, row.sha256, public=True)
    data = pdf.render_moede_pdf(
        moede,
        user=None,
        kind=kind,
        underskrivere=pdf.signaturer(moede) if kind == "referat" else None,
        med_bilag=med_bilag,
        offentlig=True,
    )
    return http_response(data, filnavn)


@login_not_required
def dagsorden_pdf(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    return _pdf(_moede(slug, moede), "dagsorden", request.GET.get("bilag") == "1")


@login_not_required
def referat_pdf(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = _moede(slug, moede)
    if not offentlig.can_publish_protocol(moede):
        raise Http404("Protokollen er ikke underskrevet endnu.")
    return _pdf(moede, "referat", request.GET.get("bilag") == "1")


# --- one URL per meeting -------------------------------------------------------------------------

OFFENTLIG_VISNING = {"visning": "offentlig"}


def wants_public(request: HttpRequest) -> bool:
    return not request.user.is_authenticated or request.GET.get("visning") == "offentlig"


def medlem_eller_offentlig(member_view, public_view):
    """A meeting's or a case's page at its one URL: the member version for a reader who may see
    it (the member view decides, as before), the public version for everyone else; where there
    is no public version (a draft, a protocol not signed, a case of closed items only) a reader
    not logged in is asked to log in and anyone else gets 404. The answer differs by the
    session cookie (Vary)."""

    @login_not_required
    @functools.wraps(member_view)
    def view(request: HttpRequest, **kwargs) -> HttpResponse:
        if not wants_public(request):
            try:
                return member_view(request, **kwargs)
            except Http404:
                pass  # not theirs to read: the public version, if there is one
        try:
            response = public_view(request, **kwargs)
        except Http404:
            if request.user.is_authenticated:
                raise
            return redirect_to_login(request.get_full_path())
        patch_vary_headers(response, ["Cookie"])
        return response

    return view


def til_moedets_url(name: str):
    """An old /offentlig/… link of a meeting: redirected to the meeting's one URL, showing the
    public version as before."""

    @login_not_required
    def view(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
        query = {**request.GET.dict(), **OFFENTLIG_VISNING}
        url = reverse(f"protokol:{name}", args=[slug, moede])
        return HttpResponsePermanentRedirect(f"{url}?{urlencode(query)}")

    return view


# --- calendars -----------------------------------------------------------------------------------


def _ics(request: HttpRequest, moeder, navn: str, filnavn: str) -> HttpResponse:
    data = kalender.ics(moeder, navn=navn, base_url=request.build_absolute_uri("/")[:-1])
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filnavn}"'
    patch_cache_control(response, public=True, max_age=sidecache.PUBLIC_MAX_AGE)
    return response


@login_not_required
def kalender_alle(request: HttpRequest) -> HttpResponse:
    """Every committee's released meetings."""
    return _ics(request, kalender.moeder(), "Udvalgsmøder", "udvalgsmoeder.ics")


@login_not_required
def kalender_udvalg(request: HttpRequest, slug: str) -> HttpResponse:
    udvalg = get_object_or_404(Udvalg, slug=slug)
    return _ics(request, kalender.moeder(udvalg), udvalg.visningsnavn, f"{udvalg.slug}.ics")
