import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kerne.uploads import oversized_fields
from sager import filters, forms, permissions, selectors, services
from sager.models import MAX_SEARCH_WORDS, Bilag, Sag
from udvalg import permissions as udvalg_permissions
from udvalg.models import Moede

logger = logging.getLogger(__name__)


def _dagsorden(moede: Moede):
    return redirect("protokol:dagsorden", moede.udvalg.slug, moede.url_slug)


def _bilag_context(bilag: Bilag, **extra) -> dict:
    punkt = bilag.punkt
    return {
        "bilag": bilag,
        "punkt": punkt,
        "moede": punkt.moede,
        "udvalg": punkt.moede.udvalg,
        **extra,
    }


# --- items ------------------------------------------------------------------------------------


def punkt_create(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = udvalg_permissions.get_moede_for_editing(request.user, slug, moede)
    # NUL cannot be stored or compared in PostgreSQL text; nobody types it on purpose.
    query = request.GET.get("q", "").replace("\x00", "").strip()
    initial = {}
    valgt = None
    sager = Sag.objects.pickable_by(request.user).with_visningstitel(request.user)
    if request.GET.get("sag", "").isdigit():
        valgt = sager.filter(pk=request.GET["sag"]).first()
        if valgt:
            initial = {"sag": valgt.pk, "titel": valgt.visningstitel}
    form = forms.PunktCreateForm(request.POST or None, initial=initial, sager=sager)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            punkt = services.punkt_create(
                moede=moede,
                titel=data["titel"],
                sag=data["sag"],
                ny_sag=(data["nyt_sagsnr"], data["ny_sag_titel"]) if data["nyt_sagsnr"] else None,
                punkttype=data["punkttype"],
                adgang=data["adgang"],
                user=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Punkt {punkt.nummer} er tilføjet.")
            return redirect("sager:punkt-update", punkt.pk)
    if request.method == "POST":
        valgt = form.cleaned_data.get("sag") if hasattr(form, "cleaned_data") else valgt
    resultater = sager.search(query)[:20] if query else []
    context = {
        "moede": moede,
        "udvalg": moede.udvalg,
        "form": form,
        "query": query,
        "resultater": resultater,
        "valgt": valgt,
        "soegning_afkortet": len(query.split()) > MAX_SEARCH_WORDS,
    }
    if request.headers.get("HX-Request") and request.GET.get("partial") == "soeg":
        return render(request, "sager/_sag_soeg_resultater.html", context)
    return render(request, "sager/punkt_create.html", context)


def punkt_update(request: HttpRequest, pk: int) -> HttpResponse:
    punkt = permissions.get_punkt_for_editing(request.user, pk)
    form = forms.PunktForm(request.POST or None, instance=punkt)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.punkt_update(punkt=punkt, version=version, user=request.user, **data)
        except services.EditConflict as exc:
            conflict = exc.punkt
            form.add_error(None, exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Punkt {punkt.nummer} er gemt.")
            return _dagsorden(punkt.moede)
    if conflict is not None:
        # Let the next save go through on top of what is stored now, the user's text intact.
        form.data = form.data.copy()
        form.data["version"] = conflict.version
    return render(
        request,
        "sager/punkt_form.html",
        {
            "punkt": punkt,
            "moede": punkt.moede,
            "udvalg": punkt.moede.udvalg,
            "form": form,
            "conflict": conflict,
            "bilag": punkt.bilag.order_by("sekvens"),
            "upload_form": forms.BilagUploadForm(),
        },
    )


@require_POST
def punkt_move(request: HttpRequest, pk: int) -> HttpResponse:
    punkt = permissions.get_punkt_for_editing(request.user, pk)
    services.punkt_move(punkt=punkt, retning=request.POST.get("retning", ""))
    return _dagsorden(punkt.moede)


@require_POST
def punkt_reorder(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = udvalg_permissions.get_moede_for_editing(request.user, slug, moede)
    ids = list(moede.punkter.values_list("pk", flat=True))
    form = forms.ReorderForm(request.POST, ids=ids)
    if not form.is_valid():
        return JsonResponse({"fejl": "Rækkefølgen kunne ikke læses."}, status=400)
    try:
        services.punkter_reorder(moede=moede, order=form.cleaned_data["order"])
    except ValidationError as exc:
        return JsonResponse({"fejl": exc.messages[0]}, status=400)
    return JsonResponse({"ok": True})


def punkt_delete(request: HttpRequest, pk: int) -> HttpResponse:
    punkt = permissions.get_punkt_for_editing(request.user, pk)
    if request.method == "POST":
        moede = punkt.moede
        services.punkt_delete(punkt=punkt)
        messages.success(
            request, f"Punktet »{punkt.titel}« er slettet, og punkterne er omnummereret."
        )
        return _dagsorden(moede)
    return render(
        request,
        "sager/punkt_delete.html",
        {"punkt": punkt, "moede": punkt.moede, "udvalg": punkt.moede.udvalg},
    )


def punkt_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Who changed what and when: the item, its attachments, decision, vote and attendance."""
    punkt = permissions.get_punkt_for_history(request.user, pk)
    return render(
        request,
        "sager/punkt_history.html",
        {
            "punkt": punkt,
            "moede": punkt.moede,
            "udvalg": punkt.moede.udvalg,
            "entries": selectors.punkt_history(punkt),
        },
    )


# --- attachments ------------------------------------------------------------------------------


def bilag_create(request: HttpRequest, pk: int) -> HttpResponse:
    punkt = permissions.get_punkt_for_editing(request.user, pk)
    # Bound on every POST: a body holding only a skipped (oversized) file is empty after parsing.
    posted = request.method == "POST"
    form = forms.BilagUploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        oversized=oversized_fields(request),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            bilag = services.bilag_add(
                punkt=punkt,
                fil=data["fil"],
                titel=data["titel"],
                bilagsnr=data["bilagsnr"],
                adgang=data["adgang"],
            )
        except ValidationError as exc:
            form.add_error("fil", exc)
        else:
            messages.success(request, f"Bilag {bilag.nummer} {bilag.filnavn} er tilføjet.")
            return redirect("sager:punkt-update", punkt.pk)
    return render(
        request,
        "sager/bilag_create.html",
        {"punkt": punkt, "moede": punkt.moede, "udvalg": punkt.moede.udvalg, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def bilag_download(request: HttpRequest, pk: int) -> HttpResponse:
    bilag = permissions.get_bilag_for_user(request.user, pk)
    if not bilag.fil:
        raise Http404("Bilaget blev importeret fra et gammelt referat uden selve filen.")
    try:
        handle = bilag.fil.open("rb")
    except OSError as exc:
        logger.error("Attachment %s: stored file %s is missing", bilag.pk, bilag.fil.name)
        raise Http404("Filen til bilaget findes ikke længere. Kontakt sekretæren.") from exc
    response = FileResponse(
        handle,
        as_attachment=request.GET.get("hent") == "1",
        filename=bilag.filnavn,
        content_type=bilag.indholdstype or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def bilag_update(request: HttpRequest, pk: int) -> HttpResponse:
    bilag = permissions.get_bilag_for_editing(request.user, pk)
    form = forms.BilagForm(request.POST or None, instance=bilag)
    if request.method == "POST" and form.is_valid():
        services.bilag_update(bilag=bilag, **form.cleaned_data)
        messages.success(request, f"Bilag {bilag.nummer} er gemt.")
        return redirect("sager:punkt-update", bilag.punkt_id)
    return render(request, "sager/bilag_form.html", _bilag_context(bilag, form=form))


@require_POST
def bilag_move(request: HttpRequest, pk: int) -> HttpResponse:
    bilag = permissions.get_bilag_for_editing(request.user, pk)
    services.bilag_move(bilag=bilag, retning=request.POST.get("retning", ""))
    return redirect("sager:punkt-update", bilag.punkt_id)


def bilag_delete(request: HttpRequest, pk: int) -> HttpResponse:
    bilag = permissions.get_bilag_for_editing(request.user, pk)
    if request.method == "POST":
        services.bilag_delete(bilag=bilag)
        messages.success(request, f"Bilaget {bilag.filnavn} er fjernet fra punktet.")
        return redirect("sager:punkt-update", bilag.punkt_id)
    return render(request, "sager/bilag_delete.html", _bilag_context(bilag))


# --- cases ------------------------------------------------------------------------------------


def sag_list(request: HttpRequest) -> HttpResponse:
    sager = Sag.objects.visible_to(request.user).order_by("-sagsnr")
    titel_soegning = bool(request.GET.get("titel", "").strip())
    if titel_soegning:  # the title words are searched in the title the user is shown
        sager = sager.with_visningstitel(request.user)
    sag_filter = filters.SagFilter(request.GET, queryset=sager, user=request.user)
    page = Paginator(sag_filter.qs, 50).get_page(request.GET.get("side"))
    if not titel_soegning:
        page.object_list = selectors.med_visningstitel(list(page.object_list), request.user)
    afkortet = len(request.GET.get("titel", "").split()) > MAX_SEARCH_WORDS
    return render(
        request,
        "sager/sag_list.html",
        {"filter": sag_filter, "page": page, "soegning_afkortet": afkortet},
    )
