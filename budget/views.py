from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from sager import pdf
from sager.models import Punkt
from udvalg import permissions as udvalg_permissions
from udvalg.models import MoedeStatus

from . import eksport, forms, permissions, services
from .filters import ForslagFilter
from .models import Besparelsesforslag, Budgetrunde
from .oversigt import byg_oversigt


def runde_list(request):
    if not permissions.can_view_budget(request.user):
        raise Http404
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
    return filterset, byg_oversigt(runde, list(qs), list(rammer))


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
    oversigt = byg_oversigt(runde, list(qs))
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
        return pdf.http_response(eksport.katalog_pdf(data), f"{name}.pdf")
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


def _attachable_punkter(user, forslag):
    """Items of meetings the user edits that are not yet signed, newest meetings first."""
    udvalg_ids = None if user.is_superuser else udvalg_permissions.roller(user).sekretaer
    qs = Punkt.objects.filter(
        moede__status__in=[MoedeStatus.KLADDE, MoedeStatus.FRIGIVET, MoedeStatus.AFHOLDT]
    ).exclude(pk__in=forslag.punkter.values("pk"))
    if udvalg_ids is not None:
        qs = qs.filter(moede__udvalg__in=udvalg_ids)
    return qs.select_related("moede__udvalg").order_by("-moede__dato", "nummer")[:200]


def forslag_detail(request, slug, noegle):
    runde = permissions.get_runde_for_user(request.user, slug)
    forslag = permissions.get_forslag_for_user(request.user, runde, noegle)
    behandlinger = list(
        Punkt.objects.visible_to(request.user)
        .filter(besparelsesforslag=forslag)
        .select_related("moede__udvalg", "beslutning")
        .order_by("moede__dato", "nummer")
    )
    kan_redigere = permissions.can_edit_forslag(request.user, forslag)
    can_attach = udvalg_permissions.is_any_sekretaer(request.user)
    return render(
        request,
        "budget/forslag_detail.html",
        {
            "runde": runde,
            "forslag": forslag,
            "behandlinger": behandlinger,
            "kan_redigere": kan_redigere,
            "punkt_valg": _attachable_punkter(request.user, forslag) if can_attach else [],
            "kan_fjerne": {
                p.pk
                for p in behandlinger
                if udvalg_permissions.can_edit_moede(request.user, p.moede)
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
                with transaction.atomic():
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
    if not permissions.udvalg_editable_by(request.user).exists():
        raise PermissionDenied
    return _forslag_edit(request, runde, Besparelsesforslag(runde=runde))


def forslag_update(request, slug, noegle):
    runde = permissions.get_runde_for_user(request.user, slug)
    forslag = permissions.get_forslag_for_user(request.user, runde, noegle)
    if not permissions.can_edit_forslag(request.user, forslag):
        raise PermissionDenied
    return _forslag_edit(request, runde, forslag)


def _punkt_for_attach(request) -> Punkt:
    try:
        pk = int(request.POST.get("punkt", ""))
    except ValueError:
        raise Http404 from None
    punkt = get_object_or_404(Punkt.objects.select_related("moede__udvalg"), pk=pk)
    if not udvalg_permissions.is_sekretaer(request.user, punkt.moede.udvalg):
        raise PermissionDenied
    return punkt


def _behandling(request, slug, noegle, *, service, besked):
    """Attach a proposal to an agenda item or take it off again; refusals become messages."""
    runde = permissions.get_runde_for_user(request.user, slug)
    forslag = permissions.get_forslag_for_user(request.user, runde, noegle)
    punkt = _punkt_for_attach(request)
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
