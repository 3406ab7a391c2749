"""Recording the meeting (optagelse af referat): attendance, then item by item.

Each item saves on its own: an htmx request gets the item's partial back, an ordinary form
post redirects back to the item (or re-renders the page with the typed text on an error).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sager import forms, permissions, protokol, recording, richtext, services
from sager.models import Mindretalsudtalelse, Punkt, Standardtekst, Stemme
from udvalg import permissions as udvalg_permissions
from udvalg import services as udvalg_services
from udvalg.models import Fremmoede, Moede, Person, Udvalg


def _punkter(moede: Moede) -> list[Punkt]:
    punkter = list(
        Punkt.objects.filter(moede=moede)
        .select_related("sag", "beslutning__afstemning", "beslutning__aendret_af")
        .prefetch_related(
            "fravaer",
            Prefetch(
                "beslutning__afstemning__stemmer", queryset=Stemme.objects.select_related("person")
            ),
            Prefetch(
                "beslutning__mindretalsudtalelser",
                queryset=Mindretalsudtalelse.objects.select_related("person"),
            ),
        )
        .order_by("nummer")
    )
    for punkt in punkter:
        punkt.moede = moede  # already loaded: no query per item
    return punkter


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


def _fraser(moede: Moede) -> list[str]:
    return list(
        Standardtekst.objects.filter(udvalg_id=moede.udvalg_id).values_list("tekst", flat=True)
    )


def _punkt_form(punkt: Punkt, deltagere, fraser, data=None) -> forms.PunktOptagForm:
    return forms.PunktOptagForm(
        data, punkt=punkt, deltagere=deltagere, fraser=fraser, initial=_initial(punkt)
    )


def _fremmoede_form(moede: Moede, data=None) -> forms.FremmoedeForm:
    return forms.FremmoedeForm(
        data,
        medlemskaber=list(recording.medlemskaber_on(moede)),
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
    deltagelse = recording.moede_deltagelse(moede)
    fraser = _fraser(moede)
    bound, tidligere = bound or {}, tidligere or {}
    udvalg_choices = _udvalg_choices()
    items = []
    for punkt in _punkter(moede):
        form = bound.get(punkt.pk) or _punkt_form(punkt, deltagelse.deltagere, fraser)
        items.append(_item(punkt, form, udvalg_choices, tidligere.get(punkt.pk)))
    return render(
        request,
        "sager/referat_optag.html",
        {
            "moede": moede,
            "udvalg": moede.udvalg,
            "items": items,
            "deltagelse": deltagelse,
            "fremmoede_form": fremmoede_form or _fremmoede_form(moede),
        },
        status=status,
    )


def referat_optag(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = udvalg_permissions.get_moede_for_recording(request.user, slug, moede)
    return _page(request, moede)


@require_POST
def fremmoede_gem(request: HttpRequest, slug: str, moede: str) -> HttpResponse:
    moede = udvalg_permissions.get_moede_for_recording(request.user, slug, moede)
    form = _fremmoede_form(moede, request.POST)
    if form.is_valid():
        rows = [
            (
                m.person_id,
                form.cleaned_data[f"status_{m.person_id}"],
                form.cleaned_data[f"grund_{m.person_id}"],
                form.cleaned_data[f"vikar_{m.person_id}"],
            )
            for m in form.medlemskaber
        ]
        try:
            services.fremmoede_save(
                moede=moede, rows=rows, snapshot=form.cleaned_data["snapshot"] or None
            )
        except services.FremmoedeConflict as exc:
            form.add_error(None, exc)
            # The next save goes through on top of what is stored now, the choices intact.
            form.data = form.data.copy()
            form.data["snapshot"] = protokol.attendance_snapshot(moede.fremmoede.all())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            udvalg_services.moede_start_recording(moede=moede)
            messages.success(request, "Fremmødet er gemt.")
            return redirect(_optag_url(moede) + "#fremmoede")
    return _page(request, moede, fremmoede_form=form, status=400)


@require_POST
def punkt_optag(request: HttpRequest, pk: int) -> HttpResponse:
    punkt = permissions.get_punkt_for_recording(request.user, pk)
    moede = punkt.moede
    deltagelse = recording.moede_deltagelse(moede)
    fraser = _fraser(moede)
    punkt = next(p for p in _punkter(moede) if p.pk == punkt.pk)
    form = _punkt_form(punkt, deltagelse.deltagere, fraser, request.POST)
    saved = False
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.punkt_record(
                punkt=punkt,
                tekst=data["tekst"],
                version=data["version"],
                fravaer=data["fravaer"],
                forslag=data["forslag"],
                stemmer=data["stemmer"],
                mindretal_person=data["mindretal_person"],
                mindretal_tekst=data["mindretal_tekst"],
                fjern_mindretal=data["fjern_mindretal"],
                gem_frase=data["gem_frase"],
                offentlig_tekst=data["offentlig_tekst"] if punkt.is_lukket else None,
                user=request.user,
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            saved = True
            udvalg_services.moede_start_recording(moede=moede)
    if saved:
        punkt = next(p for p in _punkter(moede) if p.pk == punkt.pk)
        form = _punkt_form(punkt, deltagelse.deltagere, _fraser(moede))
    if request.headers.get("HX-Request"):
        return render(
            request,
            "sager/_punkt_optag.html",
            {"item": _item(punkt, form, _udvalg_choices()), "saved": saved, "moede": moede},
        )
    if saved:
        messages.success(request, f"Punkt {punkt.nummer} er gemt.")
        return redirect(_optag_url(moede) + f"#optag-{punkt.nummer}")
    return _page(request, moede, bound={punkt.pk: form}, status=400)


def _optag_url(moede: Moede) -> str:
    return reverse("udvalg:referat-optag", args=[moede.udvalg.slug, moede.url_slug])


@require_POST
def fravaer_kopier(request: HttpRequest, pk: int) -> HttpResponse:
    """Copy this item's saved attendance to every item of the meeting (the data stays per item)."""
    punkt = permissions.get_punkt_for_recording(request.user, pk)
    antal = services.punktfravaer_copy_to_all(punkt=punkt)
    messages.success(
        request, f"Fremmødet på punkt {punkt.nummer} er kopieret til {antal} andre punkter."
    )
    return redirect(_optag_url(punkt.moede) + f"#optag-{punkt.nummer}")


@require_POST
def tidligere_beslutning(request: HttpRequest, pk: int) -> HttpResponse:
    """Add an earlier decision on the item's case by hand (committee, date, text)."""
    punkt = permissions.get_punkt_for_recording(request.user, pk)
    form = forms.TidligereBeslutningForm(
        request.POST, punkt=punkt, udvalg_choices=_udvalg_choices()
    )
    if form.is_valid() and punkt.sag_id:
        try:
            services.beslutning_add_earlier(sag=punkt.sag, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Den tidligere beslutning er tilføjet.")
            return redirect(_optag_url(punkt.moede) + f"#optag-{punkt.nummer}")
    return _page(request, punkt.moede, tidligere={punkt.pk: form}, status=400)
