from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from portal import soegning, tekst, visning
from portal.filters import SoegFilter
from portal.models import Art
from sager.models import Punkttype
from udvalg.models import Person, Udvalg

FACETTER = ["udvalg", "aar", "punkttype", "art", "afstemning", "person"]


def _link(params: QueryDict, **changes) -> str:
    q = params.copy()
    q.pop("side", None)
    for key, value in changes.items():
        if value is None:
            q.pop(key, None)
        else:
            q[key] = str(value)
    return "?" + q.urlencode()


def _facetter(params: QueryDict, taelling: dict, filterset) -> list[dict]:
    """The facets as the page lists them: label, count, link adding the filter; and the active
    filters with a link removing each."""
    udvalg = {
        u.pk: u.visningsnavn
        for u in Udvalg.objects.filter(pk__in=[v for v, _n in taelling.get("udvalg", [])])
    }
    personer = {
        p.pk: str(p)
        for p in Person.objects.filter(pk__in=[v for v, _n in taelling.get("person", [])])
    }
    navne = {
        "udvalg": udvalg,
        "aar": {},
        "punkttype": dict(Punkttype.choices),
        "art": dict(Art.choices),
        "afstemning": {True: "Med afstemning", False: "Uden afstemning"},
        "person": personer,
    }
    overskrifter = {
        "udvalg": "Udvalg",
        "aar": "År",
        "art": "Hvad",
        "punkttype": "Punkttype",
        "afstemning": "Afstemning",
        "person": "Person i afstemning eller udtalelse",
    }
    valgt = filterset.form.cleaned_data if filterset.is_valid() else {}
    result = []
    for key, overskrift in overskrifter.items():
        if valgt.get(key):
            vaerdi = valgt[key]
            label = getattr(vaerdi, "visningsnavn", None) or str(
                navne[key].get(vaerdi, vaerdi) if key != "afstemning" else "Med afstemning"
            )
            result.append(
                {"overskrift": overskrift, "aktiv": label, "fjern": _link(params, **{key: None})}
            )
            continue
        rows = []
        for vaerdi, antal in taelling.get(key, []):
            if key == "afstemning":
                if vaerdi is not True:
                    continue
                param = "ja"
            else:
                param = vaerdi
            label = navne[key].get(vaerdi, vaerdi)
            rows.append({"label": label, "antal": antal, "url": _link(params, **{key: param})})
        if rows:
            result.append({"overskrift": overskrift, "vaerdier": rows})
    return result


@login_not_required
def soeg(request: HttpRequest) -> HttpResponse:
    """/soeg/?q=…: one box over items, decisions and attachments, as this reader may find them
    (portal.soegning)."""
    filterset = SoegFilter(request.GET or None, queryset=soegning.synlige(request.user))
    skjulte = [(k, v) for k in FACETTER for v in request.GET.getlist(k)]
    context = {"filter": filterset, "form": filterset.form, "skjulte": skjulte}
    raa = request.GET.get("q", "")
    f = tekst.fortolk(raa)
    if raa.strip() and filterset.is_valid():
        if f.kan_soeges:
            try:
                side = int(request.GET.get("side", "1"))
            except ValueError:
                side = 1
            sortering = filterset.form.cleaned_data.get("sortering") or "relevans"
            context["sortering"] = sortering
            resultat = soegning.soeg(
                request.user,
                f,
                filterset.qs,
                sortering=sortering,
                side=side,
            )
            fremhaev = f.fremhaev()
            context.update(
                resultat=resultat,
                hits=[visning.hit(d, fremhaev) for d in resultat.hits],
                foerste_nummer=(resultat.side - 1) * soegning.PR_SIDE + 1,
                feed_params=_link(request.GET, sortering=None)[1:],
                facetter=_facetter(request.GET, resultat.facetter, filterset),
                forrige=_link(request.GET, side=resultat.side - 1) if resultat.side > 1 else "",
                naeste=_link(request.GET, side=resultat.side + 1)
                if resultat.side < resultat.sider
                else "",
            )
        else:
            context["uden_ord"] = True
    response = render(request, "portal/soeg.html", context)
    # The results depend on who asks.
    patch_vary_headers(response, ["Cookie"])
    return response
