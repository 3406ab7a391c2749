"""The import page: a secretary uploads old protocol files, sees what each would create, and
confirms; a background task (referatimport.tasks.importer_filer) then imports them one by one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kerne.uploads import oversized_fields
from referatimport import forms, permissions, services
from referatimport.models import Importkoersel, Importstatus


def import_create(request: HttpRequest) -> HttpResponse:
    permissions.require_importer(request.user)
    # Bound on every POST: a body holding only skipped (oversized) files is empty after parsing.
    posted = request.method == "POST"
    form = forms.ImportUploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        oversized=oversized_fields(request),
    )
    if posted and form.is_valid():
        koersel = services.koersel_create(
            user=request.user,
            filer=form.cleaned_data["filer"],
            udvalg_navn=form.cleaned_data["udvalg_navn"],
        )
        return redirect("referatimport:import-detail", koersel.pk)
    tidligere = Importkoersel.objects.filter(oprettet_af=request.user)[:10]
    return render(
        request,
        "referatimport/import_create.html",
        {"form": form, "tidligere": tidligere},
        status=400 if posted else 200,
    )


def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    koersel = permissions.get_koersel_for_user(request.user, pk)
    if request.GET.get("del") == "fremdrift":
        # The htmx poll: progress, and once finished the result out of band (no trigger).
        return render(
            request, "referatimport/_import_fremdrift.html", {"koersel": koersel, "oob": True}
        )
    context = {"koersel": koersel}
    if koersel.status == Importstatus.KLAR:
        visninger = services.koersel_preview(koersel)
        context["visninger"] = visninger
        context["kan_importeres"] = sum(v.status == "importeret" for v in visninger)
    return render(request, "referatimport/import_detail.html", context)


@require_POST
def import_start(request: HttpRequest, pk: int) -> HttpResponse:
    koersel = permissions.get_koersel_for_user(request.user, pk)
    if services.koersel_start(koersel=koersel):
        messages.success(request, "Importen er startet. Siden viser, hvor langt den er nået.")
    return redirect("referatimport:import-detail", koersel.pk)


@require_POST
def import_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    koersel = permissions.get_koersel_for_user(request.user, pk)
    try:
        services.koersel_cancel(koersel=koersel)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("referatimport:import-detail", koersel.pk)
    messages.success(request, "Importen er annulleret, og de uploadede filer er slettet.")
    return redirect("referatimport:import-create")
