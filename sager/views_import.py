"""The import page: a secretary uploads old protocol files, sees what each would create, and
confirms; a background task (sager.tasks.importer_filer) then imports them one by one."""

import hashlib
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from sager import forms_import, services, tasks
from sager.legacy import importer, kilde
from sager.legacy.model import ParsedMeeting, Unplaced
from sager.legacy.parse import NotAProtocol, parse_protocol
from sager.models import Importkoersel, Importstatus
from udvalg import permissions as udvalg_permissions
from udvalg.uploads import oversized_fields


def get_koersel_for_user(user, pk: int) -> Importkoersel:
    """A run is seen by the one who uploaded it and by superusers; 404 for everyone else."""
    koersel = get_object_or_404(Importkoersel, pk=pk)
    if not (user.is_superuser or koersel.oprettet_af_id == user.pk):
        raise Http404("Importen findes ikke.")
    return koersel


def _require_sekretaer(user) -> None:
    if not udvalg_permissions.is_any_sekretaer(user):
        raise PermissionDenied("Kun udvalgssekretærer kan importere gamle protokoller.")


# --- storing the upload -------------------------------------------------------------------------


# --- preview ------------------------------------------------------------------------------------


@dataclass
class Forhaandsvisning:
    """What one file would give: status is importeret (would be), uaendret, afvist or fejl."""

    navn: str
    status: str
    grund: str = ""
    moede: ParsedMeeting | None = None
    udvalg: str = ""
    oprettet: dict = field(default_factory=dict)
    genbrugt: dict = field(default_factory=dict)
    ikke_placeret: list[Unplaced] = field(default_factory=list)


def _forhaandsvis(koersel: Importkoersel) -> list[Forhaandsvisning]:
    """Each file read, parsed and imported in a dry run (rolled back), so nothing is written."""
    udvalg_navn = koersel.udvalg_navn or None
    set_foer: dict[str, str] = {}
    visninger = []
    for fil in koersel.filer:
        navn = fil["navn"]
        try:
            text = tasks.laes_fil(fil)
        except kilde.IkkeLaesbar as exc:
            visninger.append(Forhaandsvisning(navn, "afvist", str(exc)))
            continue
        sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        if sha in set_foer:
            grund = f"samme indhold som »{set_foer[sha]}«; importeres kun én gang"
            visninger.append(Forhaandsvisning(navn, "uaendret", grund))
            continue
        set_foer[sha] = navn
        rapport = importer.import_tekst(text, kilde=navn, udvalg_navn=udvalg_navn, dry_run=True)
        visning = Forhaandsvisning(
            navn,
            rapport.status,
            rapport.grund,
            oprettet=dict(sorted(rapport.oprettet.items())),
            genbrugt=dict(sorted(rapport.genbrugt.items())),
            ikke_placeret=rapport.ikke_placeret,
        )
        if rapport.status == "importeret":
            try:
                visning.moede = parse_protocol(text)
            except NotAProtocol:  # the dry run parsed the same text; kept for safety
                pass
            else:
                visning.udvalg = udvalg_navn or visning.moede.committee_name
        visninger.append(visning)
    return visninger


# --- views --------------------------------------------------------------------------------------


def import_create(request: HttpRequest) -> HttpResponse:
    _require_sekretaer(request.user)
    # Bound on every POST: a body holding only skipped (oversized) files is empty after parsing.
    posted = request.method == "POST"
    form = forms_import.ImportUploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        oversized=oversized_fields(request),
    )
    if posted and form.is_valid():
        koersel = services.importkoersel_create(
            user=request.user,
            filer=form.cleaned_data["filer"],
            udvalg_navn=form.cleaned_data["udvalg_navn"],
        )
        return redirect("sager:import-detail", koersel.pk)
    tidligere = Importkoersel.objects.filter(oprettet_af=request.user)[:10]
    return render(
        request,
        "sager/import_create.html",
        {"form": form, "tidligere": tidligere},
        status=400 if posted else 200,
    )


def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    koersel = get_koersel_for_user(request.user, pk)
    if request.GET.get("del") == "fremdrift":
        # The htmx poll: progress, and once finished the result out of band (no trigger).
        return render(request, "sager/_import_fremdrift.html", {"koersel": koersel, "oob": True})
    context = {"koersel": koersel}
    if koersel.status == Importstatus.KLAR:
        visninger = _forhaandsvis(koersel)
        context["visninger"] = visninger
        context["kan_importeres"] = sum(v.status == "importeret" for v in visninger)
    return render(request, "sager/import_detail.html", context)


@require_POST
def import_start(request: HttpRequest, pk: int) -> HttpResponse:
    koersel = get_koersel_for_user(request.user, pk)
    with transaction.atomic():
        # Conditional update: a second click (or a second tab) cannot start the run twice.
        started = Importkoersel.objects.filter(pk=koersel.pk, status=Importstatus.KLAR).update(
            status=Importstatus.VENTER
        )
        if started:
            # The database backend stores the task in this transaction: it runs once committed.
            tasks.importer_filer.enqueue(koersel.pk)
    if started:
        messages.success(request, "Importen er startet. Siden viser, hvor langt den er nået.")
    return redirect("sager:import-detail", koersel.pk)


@require_POST
def import_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    koersel = get_koersel_for_user(request.user, pk)
    # Conditional delete: a run that has just been started is not pulled away from the worker.
    deleted, _ = Importkoersel.objects.filter(pk=koersel.pk, status=Importstatus.KLAR).delete()
    if not deleted:
        messages.error(request, "Importen er allerede startet og kan ikke annulleres.")
        return redirect("sager:import-detail", koersel.pk)
    tasks.slet_filer(koersel)
    messages.success(request, "Importen er annulleret, og de uploadede filer er slettet.")
    return redirect("sager:import-create")
