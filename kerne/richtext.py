"""Server-side sanitising of section text (the editor's HTML is never trusted).

A pasted Word document keeps paragraphs, lists, bold/italic, links and simple tables; scripts,
styles, classes, Office namespaces and comments are removed.
"""

import functools
import re
from html import unescape

import nh3
from django.utils.html import linebreaks

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "sub", "sup",
    "ul", "ol", "li", "a", "h3", "h4", "blockquote",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|\u00a0|<br>)*</p>")
_TAG = re.compile(r"<[^>]+>")
_LOOKS_LIKE_HTML = re.compile(r"<[A-Za-z/!]")


@functools.lru_cache(maxsize=512)
def sanitise(html: str) -> str:
    """Safe HTML from any HTML. Pure, so the same text is cleaned once per process: the pages
    sanitise every section again on output (kerne.templatetags.dansk), about 70 a meeting."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        clean_content_tags={"script", "style", "xml", "title", "head"},
        strip_comments=True,
    )
    cleaned = _EMPTY_PARAGRAPH.sub("", cleaned)
    return cleaned.strip()


def plain_text(html: str) -> str:
    return re.sub(r"\s+", " ", _TAG.sub(" ", html)).replace("&nbsp;", " ").strip()


def section_value(raw: str | None) -> str | None:
    """A section's stored value: None (absent) when empty, '-' kept as the dash, else safe HTML."""
    if raw is None:
        return None
    if not _LOOKS_LIKE_HTML.search(raw):
        # Typed into the plain textarea (no JS): a blank line starts a new paragraph.
        raw = linebreaks(raw.strip(), autoescape=True)
    cleaned = sanitise(raw)
    text = plain_text(cleaned)
    if not text:
        return None
    if text in {"-", "–"}:
        return "-"
    return cleaned


_ONLY_P_AND_BR = re.compile(r"<(?!/?(?:p|br)\b)[A-Za-z/!]")


def editable_text(html: str | None) -> str:
    """Stored HTML as plain paragraphs for a plain textarea, when it is only <p> and <br>;
    anything richer (lists, tables, links) is returned as HTML so nothing is lost on save."""
    if not html:
        return ""
    if _ONLY_P_AND_BR.search(html) or "<p" not in html:
        return html
    paragraphs = re.findall(r"<p>(.*?)</p>", html, flags=re.S)
    return "\n\n".join(unescape(re.sub(r"<br\s*/?>\s*", "\n", p)).strip() for p in paragraphs)
