"""Pages of a signed meeting come from a cache keyed by the signed version's chain hash
(protokol.sidecache): rendered once, then the same bytes for every reader with their own name
and CSRF token filled in, 304 on a repeat, Cache-Control a reverse proxy can use for the public
version; and nothing of that may serve a page that is not the signed one."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.test import Client
from django.utils.http import http_date

from protokol import sidecache
from protokol.services import laasning, underskrift
from tests.conftest import login
from tests.security.test_underskrevet import _without_triggers
from udvalg.models import Moede, ProtokolVersion

pytestmark = pytest.mark.django_db

MOEDE = "/udvalg/ebu-2014-2017/moeder/2015-05-13/"
OFFENTLIG = MOEDE  # one URL: the public version for readers not logged in
MEMBER_PAGES = [MOEDE, MOEDE + "referat/"]
PUBLIC_PAGES = [OFFENTLIG, OFFENTLIG + "referat/"]


def user(name):
    return get_user_model().objects.get(username=name)


def without_token(html: str) -> str:
    return re.sub(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+', r"\1-", html)


@pytest.fixture
def renders(monkeypatch):
    """How often a page of a signed meeting is rendered."""
    calls = []
    original = sidecache.render_to_string

    def counting(*args, **kwargs):
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(sidecache, "render_to_string", counting)
    return calls


@pytest.mark.parametrize("url", MEMBER_PAGES)
def test_a_members_signed_page_is_rendered_once_and_then_answered_304(demo, client, url, renders):
    login(client, user("medlem"))
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"] == "private, no-cache"
    assert "Last-Modified" not in first  # the page carries the reader's name
    second = client.get(url)
    assert len(renders) == 1
    assert without_token(second.content.decode()) == without_token(first.content.decode())
    assert second["ETag"] == first["ETag"]
    repeat = client.get(url, headers={"if-none-match": first["ETag"]})
    assert repeat.status_code == 304 and repeat.content == b""
    assert repeat["ETag"] == first["ETag"]
    assert len(renders) == 1


@pytest.mark.parametrize("url", MEMBER_PAGES + PUBLIC_PAGES)
def test_the_kept_page_is_the_page_rendered_from_the_signed_copy(demo, client, url):
    login(client, user("medlem"))
    client.get(url)  # fills the cache
    kept = client.get(url).content.decode()
    for alias in ["sider", "default"]:
        caches[alias].clear()
    fresh = client.get(url).content.decode()
    assert without_token(kept) == without_token(fresh)
    assert "Gurli Nielsen" in kept.split("</header>")[0]  # the reader's name, filled in


def test_every_reader_gets_their_own_name_and_token_in_the_same_kept_page(demo, renders):
    readers = {"medlem": "Gurli Nielsen", "formand": "Nikolaj Bührmann", "sekretaer": None}
    pages = {}
    for username, name in readers.items():
        client = Client(enforce_csrf_checks=True)
        login(client, user(username))
        client.get(MOEDE)
        html = client.get(MOEDE).content.decode()
        header = html.split("</header>")[0]
        shown = name or user(username).get_full_name() or username
        assert f'<span class="sr-only">Logget ind som </span>{shown}</p>' in header
        assert "@@protokol" not in html
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        # The token in the kept page works: the reader can log out from it.
        assert client.post("/logout/", {"csrfmiddlewaretoken": token}).status_code == 302
        pages[username] = header
    assert len(renders) == 1
    assert len(set(pages.values())) == 3


def test_a_name_that_would_break_the_page_is_escaped(demo, client):
    reader = user("medlem")
    reader.first_name, reader.last_name = "<script>alert(1)</script>", "&"
    reader.save()
    login(client, reader)
    client.get(MOEDE)
    html = client.get(MOEDE).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in html


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_the_public_signed_page_is_cacheable_by_a_proxy(demo, client, url, renders):
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"] == f"public, max-age={sidecache.PUBLIC_MAX_AGE}"
    assert "Last-Modified" in first and "ETag" in first
    # No CSRF cookie or token for an anonymous reader: nothing per visitor in the page.
    assert "csrftoken" not in first.cookies and "sessionid" not in first.cookies
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert "X-CSRFToken" not in first.content.decode()
    second = Client().get(url)  # from the kept page
    assert second.content == first.content and second["ETag"] == first["ETag"]
    # The same moment as the version's own (a naive SQLite value read as local time was an
    # hour off).
    assert (
        second["Last-Modified"]
        == first["Last-Modified"]
        == http_date(ProtokolVersion.objects.get(moede__url_slug="2015-05-13").laast.timestamp())
    )
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    since = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304
    assert len(renders) == 1
    # A logged-in reader of the same URL gets their own, private page.
    login(client, user("medlem"))
    mine = client.get(url, headers={"if-none-match": first["ETag"]})
    assert mine.status_code == 200 and mine["Cache-Control"] == "private, no-cache"
    assert mine["ETag"] != first["ETag"]


def test_a_forged_signature_is_refused_even_when_the_page_is_kept(demo, client):
    login(client, user("medlem"))
    assert client.get(MOEDE + "referat/").status_code == 200
    assert client.get(OFFENTLIG + "referat/").status_code == 200
    _without_triggers()
    ProtokolVersion.objects.filter(moede__url_slug="2015-05-13").update(signatur="0" * 64)
    for url in [MOEDE + "referat/", OFFENTLIG + "referat/"]:
        page = client.get(url)
        assert page.status_code == 500, url
        assert "kan ikke vises" in page.content.decode()


def test_a_page_is_kept_only_after_its_copy_was_checked_in_full(demo, client):
    _without_triggers()
    version = ProtokolVersion.objects.get(moede__url_slug="2015-05-13")
    changed = {**version.indhold}
    changed["sider"] = {**changed["sider"], "referat": "<p>Falsk protokol</p>"}
    ProtokolVersion.objects.filter(pk=version.pk).update(indhold=changed)
    login(client, user("medlem"))
    page = client.get(MOEDE + "referat/")
    assert page.status_code == 500 and "Falsk" not in page.content.decode()
    assert not any(
        key
        for key in caches["sider"]._cache
        if version.kaede in key  # noqa: SLF001
    )
    with pytest.raises(laasning.ProtokolBrud):
        laasning.signed_version(version.moede)


def test_a_pending_message_is_shown_and_the_page_not_answered_304(demo, client, rf):
    login(client, user("medlem"))
    first = client.get(MOEDE)
    # A message waiting for the next page (as after signing) must be shown, not hidden behind
    # a 304 or a kept page.
    cookie = CookieStorage(rf.get("/"))._encode(  # noqa: SLF001
        [Message(constants.SUCCESS, "Du har underskrevet protokollen.")]
    )
    client.cookies["messages"] = cookie
    shown = client.get(MOEDE, headers={"if-none-match": first["ETag"]})
    assert shown.status_code == 200
    assert "Du har underskrevet protokollen." in shown.content.decode()
    assert "ETag" not in shown
    after = client.get(MOEDE, headers={"if-none-match": first["ETag"]})
    assert after.status_code == 304


@pytest.fixture
def clock(monkeypatch):
    """The monotonic clock sidecache remembers public heads by, moved by hand."""
    now = [1000.0]
    monkeypatch.setattr(sidecache.time, "monotonic", lambda: now[0])
    return now


def test_a_burst_of_public_readers_costs_one_query_a_moment(demo, clock, django_assert_num_queries):
    url = OFFENTLIG + "referat/"
    first = Client().get(url)
    assert first.status_code == 200
    second = Client().get(url)  # kept page, head read and remembered
    with django_assert_num_queries(0):
        third = Client().get(url)
    assert second.content == third.content == first.content
    clock[0] += sidecache.RECENT_SECONDS
    with django_assert_num_queries(1):
        assert Client().get(url).content == first.content
    # A logged-in reader is never answered from the memory: their right is theirs (at this
    # URL a member gets the members' protocol).
    client = Client()
    login(client, user("medlem"))
    client.get(url)
    with django_assert_num_queries(3):  # user, roles, head
        mine = client.get(url)
    assert mine.status_code == 200 and mine.content != first.content


@pytest.fixture
def reopen():
    def reopen():
        sekretaer = user("sekretaer")
        sekretaer.user_permissions.add(Permission.objects.get(codename="reopen_protokol"))
        sekretaer = user("sekretaer")  # fresh permission cache
        moede = Moede.objects.get(url_slug="2015-05-13")
        underskrift.referat_reopen(moede=moede, user=sekretaer, begrundelse="Fejl")

    return reopen


def test_a_reopening_reaches_the_public_page_of_its_own_process_at_once(
    demo, clock, reopen, django_capture_on_commit_callbacks
):
    url = OFFENTLIG + "referat/"
    for _ in range(2):
        assert Client().get(url).status_code == 200  # kept and remembered
    with django_capture_on_commit_callbacks(execute=True):
        reopen()
    assert Client().get(url).url.startswith("/login/")  # nothing public: a member logs in


def test_a_reopening_in_another_process_reaches_the_public_page_within_moments(demo, clock, reopen):
    url = OFFENTLIG + "referat/"
    for _ in range(2):
        assert Client().get(url).status_code == 200
    reopen()  # its commit clears the memory of the process that reopened, not this one's
    assert Client().get(url).status_code == 200
    clock[0] += sidecache.RECENT_SECONDS
    assert Client().get(url).url.startswith("/login/")


def test_a_forged_signature_reaches_public_readers_within_moments(demo, clock):
    url = OFFENTLIG + "referat/"
    for _ in range(2):
        assert Client().get(url).status_code == 200
    _without_triggers()
    ProtokolVersion.objects.filter(moede__url_slug="2015-05-13").update(signatur="0" * 64)
    # The remembered head answers with the page rendered from the checked copy (the signed
    # text, not the forgery) for at most RECENT_SECONDS; then the forgery is refused.
    assert "Falsk" not in Client().get(url).content.decode()
    clock[0] += sidecache.RECENT_SECONDS
    page = Client().get(url)
    assert page.status_code == 500 and "kan ikke vises" in page.content.decode()
