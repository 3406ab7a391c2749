from functools import partial

from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.csrf import csrf_exempt

from kerne.throttle import client_ip
from portal import abonnement, soegning, tasks, tekst, visning
from portal.filters import SoegFilter
from portal.forms import AbonnerForm
from portal.models import Art, Dokument, Emne
from protokol import offentlig
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


# --- e-mail subscriptions --------------------------------------------------------------------


def _emne(data) -> tuple[str, dict] | None:
    """What the sign-up is for, checked to be public: (emne, fields for tilmeld) or None."""
    emne = data.get("emne")
    try:
        if emne == Emne.UDVALG:
            udvalg = offentlig.udvalg_list().get(pk=int(data.get("udvalg")))
            return emne, {"udvalg": udvalg}
        if emne == Emne.SAG:
            return emne, {"sag": offentlig.sag(int(data.get("sag")))}
    except (TypeError, ValueError, Udvalg.DoesNotExist, Http404):
        return None
    if emne == Emne.SOEGNING:
        params = {k: data.get(k) for k in abonnement.SOEGEFELTER if data.get(k)}
        filterset = SoegFilter(params, queryset=Dokument.objects.none())
        if tekst.fortolk(params.get("q", "")).kan_soeges and filterset.is_valid():
            return emne, {"soegning_": params}
    return None


@login_not_required
def abonner(request: HttpRequest) -> HttpResponse:
    """Sign up for e-mail about a committee, a case or a search: GET shows the form (?udvalg=,
    ?sag= or the search's parameters), POST sends the confirmation. The answer is the same
    whether or not the address was subscribed already."""
    data = request.POST if request.method == "POST" else request.GET
    if "emne" not in data:
        data = data.copy()
        data["emne"] = (
            Emne.UDVALG if data.get("udvalg") else Emne.SAG if data.get("sag") else Emne.SOEGNING
        )
    emne = _emne(data)
    if emne is None:
        raise Http404("Det, du vil abonnere på, findes ikke eller er ikke offentligt.")
    form = AbonnerForm(request.POST if request.method == "POST" else None, initial=data.dict())
    context = {"form": form, "beskrivelse": _beskrivelse(*emne), "skjulte": _skjulte(data)}
    if request.method == "POST" and form.is_valid():
        try:
            a = abonnement.tilmeld(
                email=form.cleaned_data["email"],
                adresse=request.build_absolute_uri("/"),
                ip=client_ip(request),
                emne=emne[0],
                **emne[1],
            )
        except abonnement.ForMange as fejl:
            form.add_error(None, str(fejl))
        else:
            if a is not None:
                transaction.on_commit(partial(tasks.send_bekraeftelse.enqueue, a.pk))
            return render(request, "portal/abonnement_tjek.html", context)
    return render(request, "portal/abonner.html", context, status=400 if form.errors else 200)


def _beskrivelse(emne: str, felter: dict) -> str:
    if emne == Emne.UDVALG:
        return felter["udvalg"].visningsnavn
    if emne == Emne.SAG:
        return f"sag {felter['sag'].sagsnr}: {felter['sag'].visningstitel}"
    return f"søgningen »{felter['soegning_']['q']}«"


def _skjulte(data) -> list[tuple[str, str]]:
    navne = ["emne", "udvalg", "sag", *abonnement.SOEGEFELTER]
    return [(k, data.get(k)) for k in navne if data.get(k) and k != "email"]


def _abonnement(noegle: str):
    a = abonnement.find(noegle)
    if a is None:
        raise Http404("Linket er ikke gyldigt. Måske er det skrevet forkert af.")
    return a


@login_not_required
def abonnement_bekraeft(request: HttpRequest, noegle: str) -> HttpResponse:
    """The link in the confirmation e-mail. GET asks (mail scanners open links); POST
    confirms."""
    a = _abonnement(noegle)
    if request.method == "POST":
        abonnement.bekraeft(a)
        return render(
            request,
            "portal/abonnement_bekraeftet.html",
            {"a": a, "beskrivelse": abonnement.beskrivelse(a)},
        )
    return render(
        request,
        "portal/abonnement_bekraeft.html",
        {"a": a, "beskrivelse": abonnement.beskrivelse(a)},
    )


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs without a form; the key is the right
@login_not_required
def abonnement_afmeld(request: HttpRequest, noegle: str) -> HttpResponse:
    a = _abonnement(noegle)
    if request.method == "POST":
        abonnement.afmeld(a)
        return render(
            request, "portal/abonnement_afmeldt.html", {"beskrivelse": abonnement.beskrivelse(a)}
        )
    return render(
        request, "portal/abonnement_afmeld.html", {"a": a, "beskrivelse": abonnement.beskrivelse(a)}
    )
