"""PDF rendering shared by every PDF of the app (protocols, agendas, the budget catalogue).

WeasyPrint is used through its public API only. Its URL fetcher reads our own static and media
files and refuses everything else, so no stored text can make the server fetch a URL.
"""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

PDF_VARIANTS = {"pdf/ua-1", "pdf/a-3b"}


def _roots() -> list[Path]:
    roots = [Path(p) for p in settings.STATICFILES_DIRS] + [Path(settings.MEDIA_ROOT)]
    return [p.resolve() for p in roots]


class LocalFetcher(URLFetcher):
    """Serves file: URLs under our static directories and MEDIA_ROOT, nothing else.

    A section's HTML is sanitised, but the PDF must not depend on that: a remote URL (an
    ``<img src="http://…">``) would otherwise make the server fetch it while rendering. WeasyPrint
    catches the ValueError, logs it and leaves the resource out.
    """

    def __init__(self, roots: list[Path] | None = None):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self.roots = roots if roots is not None else _roots()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"PDF-renderingen henter ikke {url[:200]}")
        path = Path(url2pathname(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
            raise ValueError(f"PDF-renderingen henter ikke {url[:200]}")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            path.as_uri(), body=path.read_bytes(), headers={"Content-Type": mime}
        )


def _static_base_url() -> str:
    return Path(settings.STATICFILES_DIRS[0]).resolve().as_uri() + "/"


# WeasyPrint 70 can fail an internal assertion ("assert not page_is_empty") when a tall block
# with break-inside: avoid lands at certain places on a page (Kozea/WeasyPrint #255, #1252 are
# of the same family). Keeping blocks together is a nicety; a document is not, so the layout is
# retried once with every "avoid" switched off. The classes are those of templates/pdf/ that
# begin a new page; they keep doing so.
NO_AVOID = (
    "<style>*{break-inside:auto!important;break-after:auto!important;"
    "break-before:auto!important}.punkt,.underskrifter,.bilag-forside,.forslag-bilag,"
    ".forslag-side{break-before:page!important}</style>"
)


def render(html: str):
    """Lay out the HTML (not yet written), so the caller can see on which page things fell."""
    try:
        return _layout(html)
    except AssertionError:
        logger.warning("WeasyPrint layout assertion; rendering again without break avoidance")
        return _layout(html.replace("</head>", NO_AVOID + "</head>", 1))


def _layout(html: str):
    document = HTML(string=html, base_url=_static_base_url(), url_fetcher=LocalFetcher())
    return document.render(font_config=FontConfiguration())


def html_to_pdf(html: str, *, pdf_variant: str = "pdf/ua-1") -> bytes:
    """Render one of our PDF templates with the restricted fetcher."""
    if pdf_variant not in PDF_VARIANTS:
        raise ValueError(f"Unsupported PDF variant {pdf_variant!r}")
    return render(html).write_pdf(pdf_variant=pdf_variant)


def stored_response(fil, filename: str, sha256: str, *, public: bool = False) -> FileResponse:
    """A stored PDF (a signed protocol, a kept copy of one) with its SHA-256 in a header."""
    if not fil:
        raise Http404("Den gemte protokol findes ikke.")
    try:
        handle = fil.open("rb")
    except OSError as exc:
        raise Http404("Den gemte protokol findes ikke.") from exc
    response = FileResponse(handle, content_type="application/pdf", filename=filename)
    response["X-Protokol-SHA256"] = sha256
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    return response


def http_response(data: bytes, filename: str) -> HttpResponse:
    """A rendered PDF shown inline in the browser; never cached by shared caches."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
