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

from sager import forms, permissions, recording, richtext, services
from sager.models import Mindretalsudtalelse, Punkt, Stemme
from udvalg import permissions as udvalg_permissions
from udvalg import services as udvalg_services
from udvalg.models import Fremmoede, Moede, Person


def _punkter(moede: Moede) -> list[Punkt]:
    return list(
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


def _initial(punkt: Punkt) -> dict:
    beslutning = getattr(punkt, "beslutning", None)
    initial = {"version": beslutning.version if beslutning else 0}
    initial.update({f"fravaer_{f.person_id}": f.type for f in punkt.fravaer.all()})
    if beslutning is not None:
        initial["tekst"] = richtext.editable_text(beslutning.tekst)
        afstemning = getattr(beslutning, "afstemning", None)
        if afstemning is not None:
            initial["forslag"] = afstemning.forslag
            initial.update({f"stemme_{s.person_id}": s.valg for s in afstemning.stemmer.all()})
    return initial


def _punkt_form(punkt: Punkt, deltagere, data=None) -> forms.PunktOptagForm:
    return forms.PunktOptagForm(data, punkt=punkt, deltagere=deltagere, initial=_initial(punkt))


def _fremmoede_form(moede: Moede, data=None) -> forms.FremmoedeForm:
    return forms.FremmoedeForm(
        data,
        medlemskaber=list(recording.medlemskaber_on(moede)),
        fremmoede=list(Fremmoede.objects.filter(moede=moede)),
        personer=list(Person.objects.order_by("navn")),
    )


def _page(request, moede, *, bound: dict | None = None, fremmoede_form=None, status=200):
    deltagelse = recording.moede_deltagelse(moede)
    bound = bound or {}
    items = []
    for punkt in _punkter(moede):
        form = bound.get(punkt.pk) or _punkt_form(punkt, deltagelse.deltagere)
        items.append({"punkt": punkt, "form": form})
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
            services.fremmoede_save(moede=moede, rows=rows)
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
    punkt = next(p for p in _punkter(moede) if p.pk == punkt.pk)
    form = _punkt_form(punkt, deltagelse.deltagere, request.POST)
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
        form = _punkt_form(punkt, deltagelse.deltagere)
    if request.headers.get("HX-Request"):
        return render(
            request,
            "sager/_punkt_optag.html",
            {"item": {"punkt": punkt, "form": form}, "saved": saved, "moede": moede},
        )
    if saved:
        messages.success(request, f"Punkt {punkt.nummer} er gemt.")
        return redirect(_optag_url(moede) + f"#optag-{punkt.nummer}")
    return _page(request, moede, bound={punkt.pk: form}, status=400)


def _optag_url(moede: Moede) -> str:
    return reverse("udvalg:referat-optag", args=[moede.udvalg.slug, moede.url_slug])
