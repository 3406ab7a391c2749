"""Recording the meeting (optagelse af referat): attendance, then item by item.

Each item saves on its own: an htmx request gets the item's partial back, an ordinary form
post redirects back to the item (or re-renders the page with the typed text on an error).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kerne import richtext
from protokol import forms, selectors
from protokol.deltagelse import attendance_snapshot
from protokol.services import optagelse
from sager import permissions as sager_permissions
from sager.models import Punkt
from udvalg import permissions
from udvalg.models import Fremmoede, Moede, Person, Udvalg


def _initial(punkt: Punkt) -> dict:
    beslutning = getattr(punkt, "beslutning", None)
    initial = {"version": beslutning.version if beslutning else 0}
    initial.update({f"fravaer_{f.person_id}": f.type for f in punkt.fravaer.all()})
    if beslutning is not None:
        initial["tekst"] = richtext.editable_text(beslutning.tekst)
        initial["offentlig_tekst"] = richtext.editable_text(beslutning.offentlig_tekst)
        afstemning = getattr(beslutning, "afstemning", None)
        if afstemning is not None:
            initial["forslag"] = afstemning.forslag
            initial.update({f"stemme_{s.person_id}": s.valg for s in afstemning.stemmer.all()})
    return initial


def _punkt_form(punkt: Punkt, deltagere, fraser, data=None) -> forms.PunktOptagForm:
    return forms.PunktOptagForm(
        data, punkt=punkt, deltagere=deltagere, fraser=fraser, initial=_initial(punkt)
    )


def _fremmoede_form(moede: Moede, data=None) -> forms.FremmoedeForm:
    return forms.FremmoedeForm(
        data,
        medlemskaber=list(selectors.medlemskaber_on(moede)),
        fremmoede=list(Fremmoede.objects.filter(moede=moede)),
        personer=list(Person.objects.order_by("navn")),
    )


def _udvalg_choices() -> list[tuple[int, str]]:
    return [(u.pk, u.visningsnavn) for u in Udvalg.objects.order_by("navn", "-periode_start")]


def _item(punkt: Punkt, form, udvalg_choices, tidligere_form=None) -> dict:
    if tidligere_form is None and punkt.sag_id:
        tidligere_form = forms.TidligereBeslutningForm(punkt=punkt, udvalg_choices=udvalg_choices)
    return {"punkt": punkt, "form": form, "tidligere_form": tidligere_form}


def _page(request, moede, *, bound=None, tidligere=None, fremmoede_form=None, status=200):
    deltagelse = selectors.moede_deltagelse(moede)
    fraser = selectors.standardtekster(moede)
    bound, tidligere = bound or {}, tidligere or {}
    udvalg_choices = _udvalg_choices()
    items = []
    for punkt in selectors.punkter_for_recording(moede):
        form = bound.get(punkt.pk) or _punkt_form(punkt, deltagelse.deltagere, fraser)
        items.append(_item(punkt, form, udvalg_choices, tidligere.get(punkt.pk)))
    return render(
        request,
        "protokol/referat_optag.html",
        {
            "moede": moede,
            "udvalg": moede.udvalg,
            "items": items,
            "deltagelse": deltagelse,
            "fremmoede_form": fremmoede_form or _fremmoede_form(moede),
        },
        status=status,
    )


def _optag_url(moede: Moede, anchor: str = "") -> str:
    url = reverse("protokol:referat-optag", args=[moede.udvalg.slug, moede.url_slug])
    return f"{url}#{anchor}" if anchor else url


def referat_record(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_moede_for_recording(request.user, slug, moede)
    return _page(request, moede)


@require_POST
def fremmoede_save(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = permissions.get_moede_for_recording(request.user, slug, moede)
    form = _fremmoede_form(moede, request.POST)
    if form.is_valid():
        try:
            optagelse.fremmoede_save(
                moede=moede,
                rows=form.attendance_rows(),
                snapshot=form.cleaned_data["snapshot"] or None,
            )
        except optagelse.FremmoedeConflict as exc:
            form.add_error(None, exc)
            # The next save goes through on top of what is stored now, the choices intact.
            form.data = form.data.copy()
            form.data["snapshot"] = attendance_snapshot(moede.fremmoede.all())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Fremmødet er gemt.")
            return redirect(_optag_url(moede, "fremmoede"))
    return _page(request, moede, fremmoede_form=form, status=400)


@require_POST
def punkt_record(request: HttpRequest, pk: int) -> HttpResponse:
    punkt = sager_permissions.get_punkt_for_recording(request.user, pk)
    moede = punkt.moede
    deltagere = selectors.moede_deltagelse(moede).deltagere
    (punkt,) = selectors.punkter_for_recording(moede, pk=punkt.pk)
    form = _punkt_form(punkt, deltagere, selectors.standardtekster(moede), request.POST)
    saved = False
    if form.is_valid():
        try:
            optagelse.punkt_record(punkt=punkt, user=request.user, **form.recording())
        except ValidationError as exc:
            form.add_service_error(exc)
        else:
            saved = True
            (punkt,) = selectors.punkter_for_recording(moede, pk=punkt.pk)
            form = _punkt_form(punkt, deltagere, selectors.standardtekster(moede))
    if request.headers.get("HX-Request"):
        return render(
            request,
            "protokol/_punkt_optag.html",
            {"item": _item(punkt, form, _udvalg_choices()), "saved": saved, "moede": moede},
        )
    if saved:
        messages.success(request, f"Punkt {punkt.nummer} er gemt.")
        return redirect(_optag_url(moede, f"optag-{punkt.nummer}"))
    return _page(request, moede, bound={punkt.pk: form}, status=400)


@require_POST
def punktfravaer_copy_to_all(request: HttpRequest, pk: int) -> HttpResponse:
    """Copy this item's saved attendance to every item of the meeting (the data stays per item)."""
    punkt = sager_permissions.get_punkt_for_recording(request.user, pk)
    antal = optagelse.punktfravaer_copy_to_all(punkt=punkt)
    messages.success(
        request, f"Fremmødet på punkt {punkt.nummer} er kopieret til {antal} andre punkter."
    )
    return redirect(_optag_url(punkt.moede, f"optag-{punkt.nummer}"))


@require_POST
def beslutning_add_earlier(request: HttpRequest, pk: int) -> HttpResponse:
    """Add an earlier decision on the item's case by hand (committee, date, text)."""
    punkt = sager_permissions.get_punkt_for_recording(request.user, pk)
    form = forms.TidligereBeslutningForm(
        request.POST, punkt=punkt, udvalg_choices=_udvalg_choices()
    )
    if form.is_valid() and punkt.sag_id:
        try:
            optagelse.beslutning_add_earlier(sag=punkt.sag, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Den tidligere beslutning er tilføjet.")
            return redirect(_optag_url(punkt.moede, f"optag-{punkt.nummer}"))
    return _page(request, punkt.moede, tidligere={punkt.pk: form}, status=400)
