"""Every view: anonymous -> log-in, wrong role -> 403/404, right role -> the page.

The triad is parametrised over the URL resolver itself: a new URL pattern without an entry in
TRIAD (or in PUBLIC) fails ``test_permission_triad`` until someone says who may use it.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.db import transaction
from django.test.utils import override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from budget import services as budget_services
from protokol.services import optagelse
from protokol.services import underskrift as underskrift_services
from referatimport.models import Importkoersel
from sager.models import Adgang, Bilag, Punkt
from tests import factories
from tests.conftest import login
from tests.demo import FAST_HASHER, IMMEDIATE_TASKS
from udvalg import services
from udvalg.models import Underskrift

# Anyone may open these (the public pages, KSL §§ 8, 20, and the log-in itself).
# Anyone may also follow what the public pages publish (calendars, feeds).
FOLLOWING = {
    "protokol:kalender",
    "protokol:udvalg-kalender",
    "protokol:feed-dagsordener",
    "protokol:feed-protokoller",
    "protokol:udvalg-feed-dagsordener",
    "protokol:udvalg-feed-protokoller",
}
# Public, but 404 where the crawler's URL names nothing public (a feed of no search words).
PUBLIC_OR_NONE = {
    "protokol:person",
    "portal:feed-soegning",
    "portal:feed-sag",
    "portal:abonner",
    "portal:abonnement-bekraeft",
    "portal:abonnement-afmeld",
}
PUBLIC_NAMES = {"login", "logout", "tilgaengelighed", "portal:soeg", *PUBLIC_OR_NONE, *FOLLOWING}
# Every test runs in its own transaction inside the module's (see `world`).
pytestmark = pytest.mark.django_db
PUBLIC_NAMESPACES = {"offentlig"}


def _patterns(resolver=None, prefix="", namespace=None):
    """(route, "namespace:name", pattern) for every URL pattern but the admin's."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue
            yield from _patterns(p, prefix + str(p.pattern), p.namespace or namespace)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace else p.name
            yield prefix + str(p.pattern), name, p


ROUTES = {name: route for route, name, _ in _patterns()}
PROTECTED = sorted(
    name
    for name in ROUTES
    if name not in PUBLIC_NAMES and name.split(":")[0] not in PUBLIC_NAMESPACES
)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """A committee with its secretary and a member, another committee's member and secretary
    (anden), a user with no role (borger); a held meeting with an open and a closed item, a
    signed meeting, a budget round with a proposal attached to the open item. Built once for
    the module; each test's own writes are rolled back."""
    media = tmp_path_factory.mktemp("permissions")
    settings = {"MEDIA_ROOT": media, "PASSWORD_HASHERS": FAST_HASHER, "TASKS": IMMEDIATE_TASKS}
    with django_db_blocker.unblock(), override_settings(**settings):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _build_world(media)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _build_world(media) -> dict:
    udvalg = factories.make_udvalg(navn="Erhvervs- og Beskæftigelsesudvalget", forkortelse="EBU")
    sekretaer = factories.make_user("sekretaer", first_name="Sanne", last_name="Sekretær")
    sekretaer.user_permissions.add(Permission.objects.get(codename="reopen_protokol"))
    udvalg.sekretaerer.add(sekretaer)
    medlem = factories.make_user("medlem", first_name="Gurli", last_name="Nielsen")
    factories.make_medlem(udvalg, user=medlem, navn="Gurli Nielsen")
    andet = factories.make_udvalg(navn="Økonomiudvalget", forkortelse="ØU")
    anden = factories.make_user("anden")
    factories.make_medlem(andet, user=anden)
    andet.sekretaerer.add(anden)
    borger = factories.make_user("borger")

    moede = factories.make_moede(udvalg)
    punkt = factories.make_punkt(moede, sag=factories.make_sag("14/1175", "Nytteindsats"))
    bilag = factories.make_bilag(punkt)
    lukket = factories.make_punkt(moede, titel="Lukket punkt", adgang=Adgang.LUKKET)
    services.moede_release(moede=moede, user=sekretaer)
    services.moede_start_recording(moede=moede)

    # A signed meeting (stored PDF v1) for the version PDF and the reopening.
    laast = factories.make_moede(udvalg, dato=datetime.date(2015, 6, 10))
    services.moede_release(moede=laast, user=sekretaer)
    optagelse.beslutning_save(punkt=laast.punkter.first(), tekst="<p>Godkendt.</p>")
    services.moede_start_recording(moede=laast)
    underskrift_services.referat_close_for_signing(moede=laast, user=sekretaer)
    signers = [u.user for u in Underskrift.objects.filter(moede=laast).select_related("user")]
    factories.sign_all(laast, signers)
    laast.refresh_from_db()
    assert laast.is_locked

    runde = factories.make_runde(slug="2016-2019")
    forslag = factories.make_forslag(
        runde, udvalg, titel="Ansættelse af borgere på ledighedsydelse", status="fremlagt"
    )
    budget_services.forslag_attach(forslag=forslag, punkt=punkt)
    return {
        "media": media,
        "udvalg": udvalg,
        "sekretaer": sekretaer,
        "medlem": medlem,
        "anden": anden,
        "borger": borger,
        "moede": moede,
        "punkt": punkt,
        "lukket": lukket,
        "bilag": bilag,
        "sag": punkt.sag,
        "laast": laast,
        "runde": runde,
        "forslag": forslag,
    }


@pytest.fixture(autouse=True)
def _world_files(request, settings):
    """The tests read the world's attachments and stored PDFs."""
    if "world" in request.fixturenames:
        settings.MEDIA_ROOT = request.getfixturevalue("world")["media"]


def _m(w, rest, moede="moede"):
    return f"/udvalg/{w['udvalg'].slug}/moeder/{w[moede].url_slug}/{rest}"


def _f(w, rest):
    return w["forslag"].get_absolute_url() + rest


def _import(w) -> int:
    """An import run uploaded by the committee's secretary (only they and superusers see it)."""
    return Importkoersel.objects.create(oprettet_af=w["sekretaer"]).pk


def _punkt(w, rest):
    return f"/punkter/{w['punkt'].pk}/{rest}"


# name -> (url builder, method, data, the persona allowed, that persona's status)
TRIAD = {
    "forside": (lambda w: "/", "get", None, "medlem", 200),
    "udvalg:udvalg-detail": (lambda w: f"/udvalg/{w['udvalg'].slug}/", "get", None, "medlem", 200),
    # the meeting cycle
    "protokol:moede-create": (
        lambda w: f"/udvalg/{w['udvalg'].slug}/moeder/nyt/",
        "get",
        None,
        "sekretaer",
        200,
    ),
    "protokol:moede-detail": (lambda w: _m(w, ""), "get", None, "medlem", 200),
    "protokol:moede-update": (lambda w: _m(w, "rediger/"), "get", None, "sekretaer", 200),
    "protokol:dagsorden": (lambda w: _m(w, "dagsorden/"), "get", None, "sekretaer", 200),
    "protokol:moede-release": (lambda w: _m(w, "frigiv/"), "get", None, "sekretaer", 200),
    "protokol:moede-held": (lambda w: _m(w, "afholdt/"), "post", None, "sekretaer", 302),
    "protokol:referat": (lambda w: _m(w, "referat/"), "get", None, "medlem", 200),
    "protokol:referat-pdf": (lambda w: _m(w, "referat.pdf"), "get", None, "medlem", 200),
    "protokol:version-pdf": (
        lambda w: _m(w, "referat/v1.pdf", moede="laast"),
        "get",
        None,
        "medlem",
        200,
    ),
    "protokol:dagsorden-pdf": (lambda w: _m(w, "dagsorden.pdf"), "get", None, "medlem", 200),
    "protokol:underskrift": (lambda w: _m(w, "underskrift/"), "get", None, "medlem", 200),
    "protokol:til-underskrift": (
        lambda w: _m(w, "underskrift/send/"),
        "post",
        None,
        "sekretaer",
        302,
    ),
    "protokol:tilbagekald": (
        lambda w: _m(w, "underskrift/tilbagekald/"),
        "post",
        None,
        "sekretaer",
        302,
    ),
    "protokol:paamind": (lambda w: _m(w, "underskrift/paamind/"), "post", None, "sekretaer", 302),
    # Without a password the signature is refused with the form (400), not the page.
    "protokol:underskriv": (
        lambda w: _m(w, "underskrift/underskriv/"),
        "post",
        None,
        "medlem",
        400,
    ),
    # Without a reason the reopening is refused with the form (400), not the page.
    "protokol:genaabn": (
        lambda w: _m(w, "genaabn/", moede="laast"),
        "post",
        None,
        "sekretaer",
        400,
    ),
    "protokol:referat-optag": (lambda w: _m(w, "referat/optag/"), "get", None, "sekretaer", 200),
    "protokol:fremmoede": (lambda w: _m(w, "referat/fremmoede/"), "post", None, "sekretaer", 400),
    "protokol:punkt-optag": (lambda w: _punkt(w, "optag/"), "post", None, "sekretaer", 302),
    "protokol:fravaer-kopier": (
        lambda w: _punkt(w, "fravaer-kopier/"),
        "post",
        None,
        "sekretaer",
        302,
    ),
    "protokol:tidligere-beslutning": (
        lambda w: _punkt(w, "tidligere-beslutning/"),
        "post",
        None,
        "sekretaer",
        400,
    ),
    "protokol:sag-detail": (lambda w: f"/sager/{w['sag'].pk}/", "get", None, "medlem", 200),
    # items and attachments
    "sager:punkt-create": (lambda w: _m(w, "punkter/nyt/"), "get", None, "sekretaer", 200),
    "sager:punkt-reorder": (lambda w: _m(w, "raekkefoelge/"), "post", None, "sekretaer", 400),
    "sager:punkt-update": (lambda w: _punkt(w, "rediger/"), "get", None, "sekretaer", 200),
    "sager:punkt-move": (lambda w: _punkt(w, "flyt/"), "post", None, "sekretaer", 302),
    "sager:punkt-delete": (lambda w: _punkt(w, "slet/"), "get", None, "sekretaer", 200),
    "sager:punkt-history": (lambda w: _punkt(w, "historik/"), "get", None, "sekretaer", 200),
    "sager:bilag-create": (lambda w: _punkt(w, "bilag/nyt/"), "get", None, "sekretaer", 200),
    "sager:bilag-download": (lambda w: f"/bilag/{w['bilag'].pk}/", "get", None, "medlem", 200),
    "sager:bilag-update": (
        lambda w: f"/bilag/{w['bilag'].pk}/rediger/",
        "get",
        None,
        "sekretaer",
        200,
    ),
    "sager:bilag-move": (lambda w: f"/bilag/{w['bilag'].pk}/flyt/", "post", None, "sekretaer", 302),
    "sager:bilag-delete": (
        lambda w: f"/bilag/{w['bilag'].pk}/slet/",
        "get",
        None,
        "sekretaer",
        200,
    ),
    "sager:sag-list": (lambda w: "/sager/", "get", None, "medlem", 200),
    # budget
    "budget:runde-list": (lambda w: "/budget/", "get", None, "medlem", 200),
    "budget:katalog": (lambda w: "/budget/2016-2019/", "get", None, "medlem", 200),
    "budget:oversigt": (lambda w: "/budget/2016-2019/oversigt/", "get", None, "medlem", 200),
    "budget:katalog-csv": (lambda w: "/budget/2016-2019/katalog.csv", "get", None, "medlem", 200),
    "budget:katalog-xlsx": (lambda w: "/budget/2016-2019/katalog.xlsx", "get", None, "medlem", 200),
    "budget:katalog-pdf": (lambda w: "/budget/2016-2019/katalog.pdf", "get", None, "medlem", 200),
    "budget:oversigt-csv": (lambda w: "/budget/2016-2019/oversigt.csv", "get", None, "medlem", 200),
    "budget:oversigt-xlsx": (
        lambda w: "/budget/2016-2019/oversigt.xlsx",
        "get",
        None,
        "medlem",
        200,
    ),
    "budget:forslag-detail": (lambda w: _f(w, ""), "get", None, "medlem", 200),
    "budget:forslag-update": (lambda w: _f(w, "rediger/"), "get", None, "sekretaer", 200),
    "budget:forslag-create": (
        lambda w: "/budget/2016-2019/forslag/nyt/",
        "get",
        None,
        "sekretaer",
        200,
    ),
    "budget:forslag-attach": (
        lambda w: _f(w, "vedlaeg/"),
        "post",
        lambda w: {"punkt": w["lukket"].pk},
        "sekretaer",
        302,
    ),
    "budget:forslag-detach": (
        lambda w: _f(w, "fjern/"),
        "post",
        lambda w: {"punkt": w["punkt"].pk},
        "sekretaer",
        302,
    ),
    # the import of old protocols
    "referatimport:import-create": (lambda w: "/import/", "get", None, "sekretaer", 200),
    "referatimport:import-detail": (
        lambda w: f"/import/{_import(w)}/",
        "get",
        None,
        "sekretaer",
        200,
    ),
    "referatimport:import-start": (
        lambda w: f"/import/{_import(w)}/start/",
        "post",
        None,
        "sekretaer",
        302,
    ),
    "referatimport:import-cancel": (
        lambda w: f"/import/{_import(w)}/annuller/",
        "post",
        None,
        "sekretaer",
        302,
    ),
}

# Pages that list only what the user may see: an outsider gets the page without our things.
OWN_THINGS_ONLY = {
    "forside",
    "sager:sag-list",
    "budget:runde-list",
    "budget:katalog",
    "budget:oversigt",
    "budget:katalog-csv",
    "budget:katalog-xlsx",
    "budget:katalog-pdf",
    "budget:oversigt-csv",
    "budget:oversigt-xlsx",
    "budget:forslag-create",  # the outsider is a secretary of another committee
    "referatimport:import-create",  # likewise: any committee's secretary may import
}


def _fill(route: str, w) -> str:
    values = {"slug": w["udvalg"].slug, "moede": w["moede"].url_slug, "pk": w["punkt"].pk}
    path = re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: str(values.get(m.group(2), 1)), route)
    return "/" + path


# A meeting's one URL (protokol.views_offentlig.medlem_eller_offentlig): whoever may not read
# the meeting gets its public version there, if there is one (the world's meeting is released,
# so its agenda is public; its protocol is not signed, so not).
ONE_URL = {
    "protokol:moede-detail",
    "protokol:dagsorden-pdf",
    "protokol:referat",
    "protokol:referat-pdf",
    "protokol:sag-detail",
}
PUBLIC_IN_WORLD = {"protokol:moede-detail", "protokol:dagsorden-pdf", "protokol:sag-detail"}


def assert_public_version(response):
    if response["Content-Type"] == "application/pdf":
        return  # its text is read by tests/security/test_lukket_indhold.py's crawl
    assert "Cookie" in response["Vary"]
    content = response.content.decode()
    assert "offentlige udgave" in content or "for at læse" in content
    assert "Gurli" not in content or "Logget ind" in content  # no member's page


def test_the_triad_names_only_existing_urls():
    assert set(TRIAD) <= set(PROTECTED), sorted(set(TRIAD) - set(PROTECTED))


def test_every_url_sends_anonymous_visitors_to_log_in(client, world):
    for route, name, _ in _patterns():
        url = _fill(route, world)
        response = client.get(url)
        if name.split(":")[0] in PUBLIC_NAMESPACES:
            # 301: an old link of a meeting, now at its one URL
            assert response.status_code in (200, 301, 404), (url, response.status_code)
        elif name in ONE_URL and response.status_code == 200:
            assert_public_version(response)
        elif name in PUBLIC_OR_NONE:
            # public once the person's committee has published; the crawler's pk may be none
            assert response.status_code in (200, 404), url
        elif name in ("login", "tilgaengelighed", "portal:soeg") or name in FOLLOWING:
            assert response.status_code == 200, url
        else:
            assert response.status_code in (302, 405), (url, response.status_code)
            if response.status_code == 302:
                assert "/login/" in response["Location"], url
    assert len(ROUTES) >= 60


@pytest.mark.parametrize("name", PROTECTED)
def test_permission_triad(client, world, name):
    if name not in TRIAD:
        pytest.fail(f"{name} ({ROUTES[name]}) has no permission triad entry: add it to TRIAD")
    url, method, data, allowed, ok = TRIAD[name]
    target = url(world)
    payload = data(world) if data else {}

    def call():
        return getattr(client, method)(target, payload)

    client.logout()
    anonymous = call()
    if name in PUBLIC_IN_WORLD:
        assert anonymous.status_code == 200, name
        assert_public_version(anonymous)
    else:
        assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]

    login(client, world["anden"])
    outsider = call()
    if name in PUBLIC_IN_WORLD:
        assert outsider.status_code == 200, name
        assert_public_version(outsider)
    elif name in OWN_THINGS_ONLY:
        # Pages that list only the user's own things: they answer, but show none of ours.
        assert outsider.status_code == 200
        content = outsider.content.decode(errors="replace")
        if name != "budget:forslag-create":
            assert world["udvalg"].visningsnavn not in content
        assert "Nytteindsats" not in content or name == "sager:sag-list"
        assert "Ansættelse af borgere" not in content
    else:
        assert outsider.status_code in (403, 404), (name, outsider.status_code)

    login(client, world["borger"])
    expected = (200, 403, 404) if name in OWN_THINGS_ONLY | PUBLIC_IN_WORLD else (403, 404)
    assert call().status_code in expected, f"{name}: a user with no role"

    if allowed == "sekretaer":
        login(client, world["medlem"])
        assert call().status_code in (403, 404), f"{name}: member may not edit"

    login(client, world[allowed])
    assert call().status_code == ok


def test_closed_items_reach_only_the_committee_and_admins(world):
    admin = factories.make_user("admin", is_superuser=True)
    lukket = world["lukket"]
    closed_bilag = factories.make_bilag(lukket, filnavn="fortroligt.pdf", adgang=Adgang.LUKKET)
    for user in (world["medlem"], world["sekretaer"], admin):
        assert Punkt.objects.visible_to(user).filter(pk=lukket.pk).exists()
        assert Bilag.objects.visible_to(user).filter(pk=closed_bilag.pk).exists()
    anden = world["anden"]
    assert not Punkt.objects.visible_to(anden).filter(moede=world["moede"]).exists()
    assert not Bilag.objects.visible_to(anden).filter(pk=closed_bilag.pk).exists()


JUNK = ["?sag=abc", "?side=-1", "?aar=abc&status=nope", "?q=%00%ff", "?udvalg=999999&aar=99999"]


@pytest.mark.parametrize("junk", JUNK)
def test_odd_query_strings_never_break_a_page(client, world, junk):
    login(client, world["sekretaer"])
    for url, method, _, _, _ in TRIAD.values():
        if method == "get":
            target = url(world) + junk
            assert client.get(target).status_code < 500, target
