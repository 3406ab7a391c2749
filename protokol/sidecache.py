"""The pages of a signed meeting, rendered once per signed version and served from a cache.

A signed protocol never changes: a correction is a new version with a new chain link (kaede).
So its pages (the members' meeting page and protocol, the public agenda and protocol) are
rendered once from the frozen copy, after the copy has been checked in full against its
signature, and kept in the "sider" cache under that link. A later request costs one query
(the meeting's status and its newest version's link, without the copy): the link and its
signature are checked (two HMACs), the reader's right is decided by the same rule as for any
meeting (udvalg.permissions, protokol.offentlig), and the kept page is sent with the two things
that belong to the request filled in: the reader's name and their CSRF token.

Readers not logged in of the public version, often many at once when a protocol is published:
the head a process found signed and public in the last RECENT_SECONDS answers them without a
query. A reopening clears that memory in its own process at once and reaches the others within
RECENT_SECONDS, well inside the PUBLIC_MAX_AGE a reverse proxy may keep the page for anyway; the
page served meanwhile is the one rendered from the signed copy, checked when it was kept.

A reader who has the page already gets 304 Not Modified (ETag; Last-Modified too where the page
is the same for everyone). The public version says `Cache-Control: public` so a reverse proxy
may keep it; the members' version `private, no-cache` (the browser keeps it and asks each time).
"""

import functools
import hashlib
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.html import escape
from django.utils.http import http_date, quote_etag

from kerne import sql
from protokol.services import laasning
from udvalg.models import Moede, MoedeStatus, ProtokolVersion, Udvalg

# Holes in a kept page, filled per request. Plain ASCII that escaping leaves alone and that no
# rendered text contains (a page holding more of them than the templates put there is not kept).
NAVN = "@@protokol-sidecache-navn@@"
CSRF = "@@protokol-sidecache-csrf@@"

PUBLIC_MAX_AGE = 300  # a reopened and re-signed protocol reaches a proxy within five minutes
RECENT_SECONDS = 2.0  # a public head remembered by a process (see above)
RECENT_ENTRIES = 1000

# Public page path -> (monotonic time until which it is remembered, its head).
_recent: dict[str, tuple[float, "Head"]] = {}

# A version's columns without its copy (and its meeting, known already): what the link, the
# signature and the stored files are checked with.
VERSION_FIELDS = [
    f.attname for f in ProtokolVersion._meta.concrete_fields if f.name not in ("moede", "indhold")
]


def cache():
    return caches["sider"]


@dataclass(frozen=True)
class Page:
    """Which page of a meeting: its template, and whether it is the public version."""

    template: str
    public: bool


@dataclass(frozen=True)
class Head:
    """A meeting's status and its newest version's link, from one query."""

    moede: Moede  # id, udvalg_id, dato, status, url_slug only
    version: ProtokolVersion | None  # without its copy
    forkortelse: str  # the committee's abbreviation (file names)


@functools.cache
def _head_sql() -> str:
    v, m, u = (model._meta.db_table for model in (ProtokolVersion, Moede, Udvalg))
    columns = ", ".join(f"v.{name}" for name in VERSION_FIELDS)
    return (
        f"SELECT m.id, m.udvalg_id, m.dato, m.status, u.forkortelse, {columns} "  # noqa: S608 - table names from the models
        f"FROM {m} m JOIN {u} u ON u.id = m.udvalg_id "
        f"LEFT JOIN {v} v ON v.moede_id = m.id "
        "WHERE u.slug = %s AND m.url_slug = %s ORDER BY v.version DESC LIMIT 1"
    )


def head(udvalg_slug: str, url_slug: str) -> Head | None:
    """One query, without the ORM's compilation (the hot path of every signed page)."""
    found = sql.rows("hoved", _head_sql(), [udvalg_slug, url_slug])
    if not found:
        return None
    row = found[0]
    moede_id, udvalg_id, dato, status, forkortelse, *rest = row
    moede = Moede(
        id=moede_id, udvalg_id=udvalg_id, dato=sql.dato(dato), status=status, url_slug=url_slug
    )
    if rest[0] is None:
        return Head(moede, None, forkortelse)
    fields = dict(zip(VERSION_FIELDS, rest, strict=True))
    fields["laast"] = sql.utc_tidspunkt(fields["laast"])
    return Head(moede, ProtokolVersion(moede_id=moede_id, **fields), forkortelse)


def kept(
    request: HttpRequest,
    udvalg_slug: str,
    url_slug: str,
    page: Page,
    *,
    allowed: Callable[[Moede], bool],
) -> HttpResponse | None:
    """The kept page of a signed meeting (or 304), when the reader may see it and it is kept;
    None sends the request the ordinary way (which renders and keeps it, or refuses)."""
    if cache().get(_known(request)) is None:
        return None  # no page kept here by this process: the ordinary way costs no extra query
    if page.public and not request.user.is_authenticated:
        found = _signed_public(request.path, udvalg_slug, url_slug, allowed=allowed)
    else:
        found = signed(udvalg_slug, url_slug, allowed=allowed)
    if found is None or _pending_messages(request):
        return None
    etag, last_modified, shared = _validators(request, found.version, page)
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        return _headers(not_modified, etag, last_modified, shared=shared)
    stored = cache().get(_key(request, found.version, page))
    if stored is None:
        return None
    html = _fill(zlib.decompress(stored).decode(), request)
    return _headers(HttpResponse(html), etag, last_modified, shared=shared)


def signed(udvalg_slug: str, url_slug: str, *, allowed: Callable[[Moede], bool]) -> Head | None:
    """A signed meeting's head from one query, its version's link and signature checked, when
    `allowed` lets the reader see it; None sends the request the ordinary way (which refuses,
    or serves a meeting not signed). The kept pages and the stored PDF start here."""
    found = head(udvalg_slug, url_slug)
    if found is None or found.version is None or found.moede.status != MoedeStatus.UNDERSKREVET:
        return None
    if not allowed(found.moede):
        return None
    _check(found.version)
    return found


def _signed_public(path: str, udvalg_slug: str, url_slug: str, *, allowed) -> Head | None:
    now = time.monotonic()
    remembered = _recent.get(path)
    if remembered is not None and remembered[0] > now:
        return remembered[1]
    found = signed(udvalg_slug, url_slug, allowed=allowed)
    if found is not None:
        if len(_recent) >= RECENT_ENTRIES:
            _recent.clear()
        _recent[path] = (now + RECENT_SECONDS, found)
    return found


def forget_recent() -> None:
    """After a reopening: this process answers the public pages from the database again."""
    _recent.clear()


def render_and_keep(
    request: HttpRequest,
    moede: Moede,
    page: Page,
    *,
    context: Callable[[ProtokolVersion], dict],
) -> HttpResponse:
    """A signed meeting's page rendered from its copy, checked in full first, and kept under
    the version's link. `context(version)` builds the template's context."""
    version = laasning.signed_version(moede)
    html = render_to_string(
        page.template, {**context(version), "csrf_token": CSRF, "bruger_navn": NAVN}, request
    )
    if _pending_messages(request) or html.count(NAVN) > 1 or html.count(CSRF) > 2:
        response = HttpResponse(_fill(html, request))
        patch_cache_control(response, private=True, no_cache=True)
        return response
    cache().set_many(
        {_key(request, version, page): zlib.compress(html.encode(), 1), _known(request): 1}
    )
    etag, last_modified, shared = _validators(request, version, page)
    return _headers(HttpResponse(_fill(html, request)), etag, last_modified, shared=shared)


def _check(version: ProtokolVersion) -> None:
    if laasning.version_problems(version, files=False, indhold=False):
        laasning.signed_version(version.moede)  # checks again in full, logs and refuses


def _pending_messages(request) -> bool:
    """A message waiting to be shown (after signing, say) must be shown: no kept page, no 304."""
    return bool(len(get_messages(request)))


def _known(request) -> str:
    """A hint that a page of a signed meeting was kept for this URL (never trusted: the query
    in kept() decides whether it is still the page to send)."""
    return f"kendt:{request.path}:{int(request.user.is_authenticated)}"


def _key(request, version: ProtokolVersion, page: Page) -> str:
    logged_in = int(request.user.is_authenticated)
    return f"side:{version.kaede}:{page.template}:{request.path}:{logged_in}"


def _validators(request, version: ProtokolVersion, page: Page):
    """(ETag, Last-Modified, shared). The page a reader holds stays right while the version,
    the reader and their CSRF secret are the same (the token in it is valid for the secret).
    Last-Modified only where the page is the same for everyone: a browser that sends
    If-Modified-Since alone must not get another reader's page confirmed."""
    user = request.user
    logged_in = user.is_authenticated
    secret = ""
    if logged_in:
        if "CSRF_COOKIE" not in request.META:
            get_token(request)  # the reader's CSRF secret, made now (the page's token is _fill's)
        secret = request.META["CSRF_COOKIE"]
    parts = [version.kaede, page.template, request.path, str(user.pk or ""), secret]
    etag = quote_etag(hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32])
    shared = page.public and not logged_in
    last_modified = int(version.laast.timestamp()) if shared else None
    return etag, last_modified, shared


def _fill(html: str, request: HttpRequest) -> str:
    user = request.user
    if NAVN in html:
        html = html.replace(NAVN, escape(user.get_full_name() or user.get_username()))
    if CSRF in html:
        html = html.replace(CSRF, get_token(request))
    return html


def _headers(response, etag, last_modified, *, shared: bool):
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    if shared:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response
