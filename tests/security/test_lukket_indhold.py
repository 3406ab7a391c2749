"""Closed stays closed: every URL pattern, for every role, with every object of the world
(tests/security/world.py) and the query strings an attacker would try; the marker planted in
every field of every closed object appears nowhere a role without the right can reach: not in a
page, a PDF (stored, public, with and without attachments, PDF/A), a CSV/XLSX export, a search
result, a response header or the admin. A new URL pattern that the crawler cannot fill fails
the first test until it is taught the pattern."""

import io
import re
import subprocess
import zipfile
from urllib.parse import quote

import pytest
from django.db import transaction
from django.test.utils import override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from tests.demo import FAST_HASHER, IMMEDIATE_TASKS
from tests.security import world as world_module
from tests.security.world import ALLOWED, FORBIDDEN, MARKER
from udvalg.models import Person

pytestmark = pytest.mark.django_db


def _patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            yield from _patterns(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


ROUTES = [route for route in _patterns() if not route.startswith("admin/")]
ADMIN_MODELS = [
    "udvalg/udvalg",
    "udvalg/moede",
    "udvalg/person",
    "udvalg/protokolversion",
    "sager/sag",
    "sager/punkt",
    "sager/bilag",
    "sager/beslutning",
    "budget/besparelsesforslag",
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("sikkerhed")
    settings = {"MEDIA_ROOT": media, "PASSWORD_HASHERS": FAST_HASHER, "TASKS": IMMEDIATE_TASKS}
    with django_db_blocker.unblock(), override_settings(**settings):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            w = world_module.build()
            w.media = media
            yield w
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _world_files(world, settings):
    settings.MEDIA_ROOT = world.media


def _fill(route: str, w) -> list[str]:
    """Every URL the route gives with the world's objects; [] if the crawler does not know
    one of the route's parameters."""
    params = re.findall(r"<(?:\w+:)?(\w+)>", route)
    values: list[dict] = [{}]
    if "moede" in params:
        values = [{"slug": u.slug, "moede": m.url_slug} for u, m in w.moeder]
    elif "slug" in params and route.startswith("budget/"):
        values = [{"slug": w.runde.slug}]
    elif "slug" in params:
        values = [{"slug": w.udvalg_a.slug}, {"slug": w.udvalg_b.slug}]
    if "noegle" in params:
        values = [{**v, "noegle": w.forslag.url_noegle} for v in values]
    if "version" in params:
        values = [{**v, "version": 1} for v in values]
    if "pk" in params:
        if route.startswith("punkter/"):
            pks = [p.pk for p in w.punkter]
        elif "bilag/" in route:
            pks = [b.pk for b in w.bilag]
        elif route.startswith("sager/"):
            pks = [w.sag.pk]
        elif route.startswith("import/"):
            pks = [w.koersel.pk]
        elif route.startswith("personer/"):
            pks = [p.pk for p in Person.objects.all()]
        else:
            return []
        values = [{**v, "pk": pk} for v in values for pk in pks]
    known = {"slug", "moede", "noegle", "version", "pk"}
    if set(params) - known:
        return []
    urls = []
    for v in values:
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m, v=v: str(v[m.group(1)]), route)
        urls.append("/" + path)
    return urls


def _variants(url: str, w) -> list[str]:
    """The URL and the query strings an attacker would try on it."""
    # A search for part of the marker: the page echoes the query, never the marked title.
    probe = MARKER[:8]
    variants = [url]
    if url.endswith(".pdf"):
        variants += [f"{url}?bilag=1", f"{url}?arkiv=1"]
    if url == "/sager/":
        variants += [f"{url}?titel={probe}", f"{url}?titel=Sag", f"{url}?sagsnr=15"]
    if url.endswith("/punkter/nyt/"):
        variants += [f"{url}?q={probe}", f"{url}?q=15/999", f"{url}?sag={w.sag.pk}"]
    if url == "/soeg/":
        # The words beside the marker in every closed place (world.py), each kind of row,
        # both orders, a facet: a result, its title or snippet would carry the marker.
        words = ["Personalesag", "Fortroligt", "Lukket bilag", "beslutning", "forslag",
                 "mindretal", "tema", "sagsbeskrivelse", "15/999"]  # fmt: skip
        variants += [f"{url}?q={quote(word)}" for word in words]
        variants += [f"{url}feed.atom?q={quote(word)}" for word in words]
        variants += [f"{url}?q=beslutning&sortering=dato", f"{url}?q=forslag&art=beslutning",
                     f"{url}?q=mindretal&afstemning=ja", f"{url}?q=bilag&art=bilag"]  # fmt: skip
    if "/budget/" in url and url.endswith("/"):
        variants += [f"{url}?udvalg={w.udvalg_a.pk}"]
    return variants


def _admin_urls(w) -> list[str]:
    urls = ["/admin/"] + [f"/admin/{m}/" for m in ADMIN_MODELS]
    urls += [f"/admin/sager/punkt/{w.lukket.pk}/change/", f"/admin/sager/sag/{w.sag.pk}/change/"]
    urls += [
        f"/admin/sager/bilag/{w.bilag[0].pk}/change/",
        f"/admin/sager/punkt/{w.lukket.pk}/history/",
    ]
    urls += [f"/admin/sager/sag/?q={MARKER[:8]}"]
    return urls


def all_urls(w) -> list[str]:
    urls = [v for route in ROUTES for url in _fill(route, w) for v in _variants(url, w)]
    return urls + _admin_urls(w)


def _pdf_text(data: bytes) -> str:
    result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True)
    return result.stdout.decode(errors="replace")


def readable(response) -> str:
    """Everything a client gets: the headers and the body as text (PDFs and XLSX read)."""
    if getattr(response, "streaming", False):
        data = b"".join(response.streaming_content)
    else:
        data = response.content
    headers = " ".join(f"{k}: {v}" for k, v in response.items())
    if data.startswith(b"%PDF"):
        return headers + _pdf_text(data)
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return headers + " ".join(
                archive.read(name).decode(errors="replace") for name in archive.namelist()
            )
    return headers + data.decode(errors="replace")


def _login(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def test_every_url_pattern_is_crawled(world):
    unknown = [route for route in ROUTES if not _fill(route, world)]
    assert unknown == [], "teach tests/security the parameters of these URL patterns"


@pytest.mark.parametrize("role", FORBIDDEN)
def test_closed_content_reaches_no_one_without_the_right(client, world, role):
    _login(client, world.users[role])
    leaks = []
    for url in all_urls(world):
        response = client.get(url)
        assert response.status_code < 500, (url, response.status_code)
        if MARKER in readable(response):
            leaks.append(url)
    assert leaks == [], f"{role} reads closed content at {leaks}"


@pytest.mark.parametrize("role", ALLOWED)
def test_the_crawler_finds_the_marker_where_it_may_be_read(client, world, role):
    """The same crawl as an allowed reader finds the marker: the test can fail."""
    _login(client, world.users[role])
    a = world.udvalg_a
    base = f"/udvalg/{a.slug}/moeder/{world.m1.url_slug}/"
    search = ["/soeg/?q=Personalesag", "/soeg/?q=mindretal", "/soeg/?q=Fortroligt"]
    for url in [f"{base}referat/", f"/sager/{world.sag.pk}/", f"/bilag/{world.bilag[0].pk}/",
                *search]:  # fmt: skip
        assert MARKER in readable(client.get(url)), url
    assert MARKER in readable(client.get(f"{base}referat.pdf"))
