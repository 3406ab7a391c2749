from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from budget import eksport, forms, permissions, services
from budget.filters import ForslagFilter
from budget.katalog_pdf import katalog_pdf as render_katalog_pdf
from budget.models import Besparelsesforslag, Budgetrunde
from budget.oversigt import oversigt_build
from kerne.pdf import http_response


def runde_list(request):
    permissions.require_budget_access(request.user)
    return render(request, "budget/runde_list.html", {"runder": Budgetrunde.objects.all()})


def _filtered(request, runde):
    base = Besparelsesforslag.objects.visible_to(request.user).filter(runde=runde)
    filterset = ForslagFilter(request.GET or None, queryset=base, runde=runde)
    qs = filterset.qs if filterset.is_bound and filterset.is_valid() else base
    return filterset, qs.for_list()


def _oversigt(request, runde):
    filterset, qs = _filtered(request, runde)
    rammer = permissions.rammer_for_user(request.user, runde)
    if filterset.is_bound and filterset.is_valid() and filterset.form.cleaned_data.get("udvalg"):
        rammer = rammer.filter(udvalg=filterset.form.cleaned_data["udvalg"])
    return filterset, oversigt_build(runde, list(qs), list(rammer))


def _context(request, runde, filterset, oversigt, **extra):
    return {
        "runde": runde,
        "filter": filterset,
        "oversigt": oversigt,
        "query": request.GET.urlencode(),
        "kan_oprette": permissions.udvalg_editable_by(request.user).exists(),
        **extra,
    }


def katalog(request, slug):
    runde = permissions.get_runde_for_user(request.user, slug)
    filterset, qs = _filtered(request, runde)
    oversigt = oversigt_build(runde, list(qs))
    return render(request, "budget/katalog.html", _context(request, runde, filterset, oversigt))


def oversigt(request, slug):
    runde = permissions.get_runde_for_user(request.user, slug)
    filterset, data = _oversigt(request, runde)
    return render(request, "budget/oversigt.html", _context(request, runde, filterset, data))


def _export(request, slug, *, tabel, fmt):
    runde = permissions.get_runde_for_user(request.user, slug)
    _, data = _oversigt(request, runde)
    name = f"{'oversigt' if tabel == 'oversigt' else 'katalog'}-{runde.slug}"
    if fmt == "pdf":
        return http_response(render_katalog_pdf(data), f"{name}.pdf")
    table = eksport.oversigt_tabel(data) if tabel == "oversigt" else eksport.katalog_tabel(data)
    if fmt == "csv":
        return eksport.csv_response(table, f"{name}.csv")
    return eksport.xlsx_response(table, f"{name}.xlsx")


def oversigt_csv(request, slug):
    return _export(request, slug, tabel="oversigt", fmt="csv")


def oversigt_xlsx(request, slug):
    return _export(request, slug, tabel="oversigt", fmt="xlsx")


def katalog_csv(request, slug):
    return _export(request, slug, tabel="katalog", fmt="csv")


def katalog_xlsx(request, slug):
    return _export(request, slug, tabel="katalog", fmt="xlsx")


def katalog_pdf(request, slug):
    return _export(request, slug, tabel="katalog", fmt="pdf")


def forslag_detail(request, slug, noegle):
    runde = permissions.get_runde_for_user(request.user, slug)
    forslag = permissions.get_forslag_for_user(request.user, runde, noegle)
    behandlinger = permissions.behandlinger_for_user(request.user, forslag)
    return render(
        request,
        "budget/forslag_detail.html",
        {
            "runde": runde,
            "forslag": forslag,
            "behandlinger": behandlinger,
            "kan_redigere": permissions.can_edit_forslag(request.user, forslag),
            "punkt_valg": permissions.punkter_attachable_by(request.user, forslag),
            "kan_fjerne": {
                p.pk for p in behandlinger if permissions.can_detach(request.user, forslag, p)
            },
        },
    )


def _forslag_edit(request, runde, forslag):
    udvalg_choices = permissions.udvalg_editable_by(request.user).order_by("navn")
    beregn = "beregn" in request.POST
    if request.method == "POST":
        form = forms.ForslagForm(
            request.POST, instance=forslag, runde=runde, udvalg_choices=udvalg_choices
        )
        aar = forms.AarFormSet(request.POST, prefix="aar", form_kwargs={"runde": runde})
        valid = form.is_valid() & aar.is_valid()  # both, so every cell gets its message
        if valid and not beregn:
            try:
                saved = services.forslag_save(
                    forslag=form.save(commit=False), aar=aar.raekker(), user=request.user
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"Forslag {saved.nummer} er gemt.")
                return redirect(saved)
    else:
        form = forms.ForslagForm(instance=forslag, runde=runde, udvalg_choices=udvalg_choices)
        aar = forms.AarFormSet(
            prefix="aar",
            initial=forms.aar_initial(forslag, runde),
            form_kwargs={"runde": runde},
        )
    template = (
        "budget/_aar_netto.html"
        if beregn and request.headers.get("HX-Request")
        else "budget/forslag_form.html"
    )
    return render(
        request,
        template,
        {
            "runde": runde,
            "forslag": forslag if forslag.pk else None,
            "form": form,
            "aar": aar,
            "fejl": aar.cell_errors() if request.method == "POST" else [],
            "beregnet": beregn,
        },
    )


def forslag_create(request, slug):
    runde = permissions.get_runde_for_user(request.user, slug)
    permissions.require_forslag_creator(request.user)
    return _forslag_edit(request, runde, Besparelsesforslag(runde=runde))


def forslag_update(request, slug, noegle):
    runde = permissions.get_runde_for_user(request.user, slug)
    forslag = permissions.get_forslag_for_editing(request.user, runde, noegle)
    return _forslag_edit(request, runde, forslag)


def _behandling(request, slug, noegle, *, service, besked):
    """Attach a proposal to an agenda item or take it off again; refusals become messages."""
    runde = permissions.get_runde_for_user(request.user, slug)
    forslag = permissions.get_forslag_for_user(request.user, runde, noegle)
    punkt = permissions.get_punkt_for_attaching(request.user, request.POST.get("punkt", ""))
    try:
        service(forslag=forslag, punkt=punkt)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, besked(punkt))
    return redirect(forslag)


@require_POST
def forslag_attach(request, slug, noegle):
    return _behandling(
        request,
        slug,
        noegle,
        service=services.forslag_attach,
        besked=lambda p: f"Forslaget er vedlagt punkt {p.nummer} på {p.moede}.",
    )


@require_POST
def forslag_detach(request, slug, noegle):
    return _behandling(
        request,
        slug,
        noegle,
        service=services.forslag_detach,
        besked=lambda p: f"Forslaget er ikke længere bilag til punkt {p.nummer}.",
    )
