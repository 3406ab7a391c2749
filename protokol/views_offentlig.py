"""Public pages: released agendas and signed protocols for everyone (KSL §§ 8, 20)."""

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kerne.pdf import http_response
from protokol import offentlig, pdf
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
    return render(request, "protokol/offentlig/udvalg.html", {"udvalg": udvalg, "moeder": moeder})


@login_not_required
def dagsorden(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = _moede(slug, moede)
    return render(
        request,
        "protokol/offentlig/moede.html",
        {
            "moede": moede,
            "udvalg": moede.udvalg,
            "punkter": offentlig.punkter(moede, med_beslutninger=False),
            "kind": "dagsorden",
        },
    )


@login_not_required
def referat(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = _moede(slug, moede)
    if not offentlig.can_publish_protocol(moede):
        raise Http404("Protokollen er ikke underskrevet endnu.")
    return render(
        request,
        "protokol/offentlig/moede.html",
        {
            "moede": moede,
            "udvalg": moede.udvalg,
            "punkter": offentlig.punkter(moede, med_beslutninger=True),
            "kind": "referat",
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
    data = pdf.render_moede_pdf(
        moede,
        user=None,
        kind=kind,
        underskrivere=pdf.signaturer(moede) if kind == "referat" else None,
        med_bilag=med_bilag,
        offentlig=True,
    )
    name = "Beslutningsprotokol" if kind == "referat" else "Dagsorden"
    return http_response(data, f"{name} {moede.udvalg.forkortelse} {moede.dato:%d-%m-%Y}.pdf")


@login_not_required
def dagsorden_pdf(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    return _pdf(_moede(slug, moede), "dagsorden", request.GET.get("bilag") == "1")


@login_not_required
def referat_pdf(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = _moede(slug, moede)
    if not offentlig.can_publish_protocol(moede):
        raise Http404("Protokollen er ikke underskrevet endnu.")
    return _pdf(moede, "referat", request.GET.get("bilag") == "1")
