"""Every view: anonymous -> log-in, wrong role -> 403/404, right role -> 200."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from referatimport.models import Importkoersel
from sager.models import Adgang, Bilag, Punkt
from tests import factories
from tests.conftest import login
from udvalg import services

PUBLIC = {"login"}  # the only pages an anonymous visitor may see


@pytest.fixture
def world(udvalg, sekretaer, medlem, anden, borger):
    moede = factories.make_moede(udvalg)
    punkt = factories.make_punkt(moede, sag=factories.make_sag("14/1175", "Nytteindsats"))
    bilag = factories.make_bilag(punkt)
    lukket = factories.make_punkt(moede, titel="Lukket punkt", adgang=Adgang.LUKKET)
    services.moede_release(moede=moede, user=sekretaer)
    services.moede_start_recording(moede=moede)
    runde = factories.make_runde(slug="2016-2019")
    forslag = factories.make_forslag(
        runde, udvalg, titel="Ansættelse af borgere på ledighedsydelse", status="fremlagt"
    )
    return {
        "runde": runde,
        "forslag": forslag,
        "udvalg": udvalg,
        "moede": moede,
        "punkt": punkt,
        "lukket": lukket,
        "bilag": bilag,
        "sag": punkt.sag,
    }


def _patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            yield from _patterns(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p


def _fill(route: str, w) -> str:
    values = {
        "slug": w["udvalg"].slug,
        "moede": w["moede"].url_slug,
        "pk": w["punkt"].pk,
        "object_id": w["punkt"].pk,
        "app_label": "sager",
        "model_name": "punkt",
        "content_type_id": 1,
        "url": "x",
    }

    def sub(m):
        return str(values.get(m.group(2), 1))

    path = re.sub(r"<(?:(\w+):)?(\w+)>", sub, route)
    path = path.lstrip("^").rstrip("$").replace("\\", "")
    return "/" + path


def test_every_url_sends_anonymous_visitors_to_log_in(client, world):
    checked = 0
    for route, pattern in _patterns():
        if "(?P<" in route:  # admin regex routes; the admin has its own log-in
            continue
        url = _fill(route, world)
        response = client.get(url)
        if route.startswith("offentlig/"):
            assert response.status_code in (200, 404), (url, response.status_code)
        elif pattern.name in PUBLIC:
            assert response.status_code == 200, url
        else:
            assert response.status_code in (302, 405), (url, response.status_code)
            if response.status_code == 302:
                assert "/login/" in response["Location"], url
        checked += 1
    assert checked >= 20


# (name, url builder, method, allowed persona, expected status for the allowed persona)
VIEWS = [
    ("forside", lambda w: "/", "get", "medlem", 200),
    ("udvalg", lambda w: f"/udvalg/{w['udvalg'].slug}/", "get", "medlem", 200),
    ("moede", lambda w: w["moede"].get_absolute_url(), "get", "medlem", 200),
    ("dagsorden", lambda w: _m(w, "dagsorden/"), "get", "sekretaer", 200),
    ("moede-create", lambda w: f"/udvalg/{w['udvalg'].slug}/moeder/nyt/", "get", "sekretaer", 200),
    ("moede-update", lambda w: _m(w, "rediger/"), "get", "sekretaer", 200),
    ("moede-release", lambda w: _m(w, "frigiv/"), "get", "sekretaer", 200),
    ("moede-held", lambda w: _m(w, "afholdt/"), "post", "sekretaer", 302),
    ("punkt-create", lambda w: _m(w, "punkter/nyt/"), "get", "sekretaer", 200),
    ("punkt-reorder", lambda w: _m(w, "raekkefoelge/"), "post", "sekretaer", 400),
    ("punkt-update", lambda w: f"/punkter/{w['punkt'].pk}/rediger/", "get", "sekretaer", 200),
    ("punkt-move", lambda w: f"/punkter/{w['punkt'].pk}/flyt/", "post", "sekretaer", 302),
    ("punkt-delete", lambda w: f"/punkter/{w['punkt'].pk}/slet/", "get", "sekretaer", 200),
    ("punkt-history", lambda w: f"/punkter/{w['punkt'].pk}/historik/", "get", "sekretaer", 200),
    ("bilag-create", lambda w: f"/punkter/{w['punkt'].pk}/bilag/nyt/", "get", "sekretaer", 200),
    ("bilag-download", lambda w: f"/bilag/{w['bilag'].pk}/", "get", "medlem", 200),
    ("bilag-update", lambda w: f"/bilag/{w['bilag'].pk}/rediger/", "get", "sekretaer", 200),
    ("bilag-move", lambda w: f"/bilag/{w['bilag'].pk}/flyt/", "post", "sekretaer", 302),
    ("bilag-delete", lambda w: f"/bilag/{w['bilag'].pk}/slet/", "get", "sekretaer", 200),
    ("referat", lambda w: _m(w, "referat/"), "get", "medlem", 200),
    ("referat-optag", lambda w: _m(w, "referat/optag/"), "get", "sekretaer", 200),
    ("fremmoede", lambda w: _m(w, "referat/fremmoede/"), "post", "sekretaer", 400),
    ("punkt-optag", lambda w: f"/punkter/{w['punkt'].pk}/optag/", "post", "sekretaer", 302),
    ("underskrift", lambda w: _m(w, "underskrift/"), "get", "medlem", 200),
    ("referat-pdf", lambda w: _m(w, "referat.pdf"), "get", "medlem", 200),
    ("dagsorden-pdf", lambda w: _m(w, "dagsorden.pdf"), "get", "medlem", 200),
    ("til-underskrift", lambda w: _m(w, "underskrift/send/"), "post", "sekretaer", 302),
    ("tilbagekald", lambda w: _m(w, "underskrift/tilbagekald/"), "post", "sekretaer", 302),
    ("paamind", lambda w: _m(w, "underskrift/paamind/"), "post", "sekretaer", 302),
    ("sag-list", lambda w: "/sager/", "get", "medlem", 200),
    ("sag-detail", lambda w: f"/sager/{w['sag'].pk}/", "get", "medlem", 200),
    ("runde-list", lambda w: "/budget/", "get", "medlem", 200),
    ("katalog", lambda w: "/budget/2016-2019/", "get", "medlem", 200),
    ("oversigt", lambda w: "/budget/2016-2019/oversigt/", "get", "medlem", 200),
    ("katalog-csv", lambda w: "/budget/2016-2019/katalog.csv", "get", "medlem", 200),
    ("katalog-xlsx", lambda w: "/budget/2016-2019/katalog.xlsx", "get", "medlem", 200),
    ("katalog-pdf", lambda w: "/budget/2016-2019/katalog.pdf", "get", "medlem", 200),
    ("oversigt-csv", lambda w: "/budget/2016-2019/oversigt.csv", "get", "medlem", 200),
    ("oversigt-xlsx", lambda w: "/budget/2016-2019/oversigt.xlsx", "get", "medlem", 200),
    ("forslag-detail", lambda w: w["forslag"].get_absolute_url(), "get", "medlem", 200),
    ("forslag-update", lambda w: _f(w, "rediger/"), "get", "sekretaer", 200),
    ("forslag-create", lambda w: "/budget/2016-2019/forslag/nyt/", "get", "sekretaer", 200),
    ("import-create", lambda w: "/import/", "get", "sekretaer", 200),
    ("import-detail", lambda w: f"/import/{_import(w)}/", "get", "sekretaer", 200),
    ("import-start", lambda w: f"/import/{_import(w)}/start/", "post", "sekretaer", 302),
    ("import-cancel", lambda w: f"/import/{_import(w)}/annuller/", "post", "sekretaer", 302),
]

# Pages that list only what the user may see: an outsider gets the page without our things.
OWN_THINGS_ONLY = {
    "forside",
    "sag-list",
    "runde-list",
    "katalog",
    "oversigt",
    "katalog-csv",
    "katalog-xlsx",
    "katalog-pdf",
    "oversigt-csv",
    "oversigt-xlsx",
    "forslag-create",  # the outsider is a secretary of another committee
    "import-create",  # likewise: any committee's secretary may import
}


def _f(w, rest):
    return w["forslag"].get_absolute_url() + rest


def _import(w) -> int:
    """An import run uploaded by the committee's secretary (only they and superusers see it)."""

    return Importkoersel.objects.create(oprettet_af=w["udvalg"].sekretaerer.get()).pk


def _m(w, rest):
    return f"/udvalg/{w['udvalg'].slug}/moeder/{w['moede'].url_slug}/{rest}"


@pytest.mark.parametrize(
    ("name", "url", "method", "allowed", "ok"), VIEWS, ids=[v[0] for v in VIEWS]
)
def test_permission_triad(client, world, request, name, url, method, allowed, ok):
    target = url(world)
    call = getattr(client, method)

    anonymous = call(target)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]

    login(client, request.getfixturevalue("anden"))
    outsider = call(target)
    if name in OWN_THINGS_ONLY:
        # Pages that list only the user's own things: they answer, but show none of ours.
        assert outsider.status_code == 200
        content = outsider.content.decode(errors="replace")
        if name != "forslag-create":
            assert world["udvalg"].visningsnavn not in content
        assert "Nytteindsats" not in content or name == "sag-list"
        assert "Ansættelse af borgere" not in content
    else:
        assert outsider.status_code in (403, 404), (name, outsider.status_code)

    if allowed == "sekretaer":
        login(client, request.getfixturevalue("medlem"))
        assert call(target).status_code in (403, 404), f"{name}: member may not edit"

    login(client, request.getfixturevalue(allowed))
    assert call(target).status_code == ok


def test_closed_items_reach_only_the_committee_and_admins(world, anden, medlem, sekretaer):

    admin = factories.make_user("admin", is_superuser=True)
    lukket = world["lukket"]
    closed_bilag = factories.make_bilag(lukket, filnavn="fortroligt.pdf", adgang=Adgang.LUKKET)
    for user in (medlem, sekretaer, admin):
        assert Punkt.objects.visible_to(user).filter(pk=lukket.pk).exists()
        assert Bilag.objects.visible_to(user).filter(pk=closed_bilag.pk).exists()
    assert not Punkt.objects.visible_to(anden).filter(moede=world["moede"]).exists()
    assert not Bilag.objects.visible_to(anden).filter(pk=closed_bilag.pk).exists()


JUNK = ["?sag=abc", "?side=-1", "?aar=abc&status=nope", "?q=%00%ff", "?udvalg=999999&aar=99999"]


@pytest.mark.parametrize("junk", JUNK)
def test_odd_query_strings_never_break_a_page(client, world, sekretaer, junk):
    login(client, sekretaer)
    for _, url, method, _, _ in VIEWS:
        if method == "get":
            target = url(world) + junk
            assert client.get(target).status_code < 500, target
