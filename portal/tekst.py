"""Danish words for search: Snowball stems, the query language and highlighted snippets.

The stems are those of PostgreSQL's `danish` configuration (the same Snowball algorithm, and
its stop words), so the embedded SQLite index finds what PostgreSQL finds. The query language
is a search box's: words that must all occur (in any inflection), "a phrase" whose words follow
each other, and -word or -"a phrase" that must not occur.
"""

import re
import threading
from dataclasses import dataclass, field

import Stemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ORD = re.compile(r"\w+")
_LED = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
MAKS_LED = 12
MAKS_ORD_I_FRASE = 12

# PostgreSQL's danish.stop (the Snowball list): not indexed there, not required here.
_STOPORD = """
    og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om
    vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv
    her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end
    dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din
    nogle hos blive mange ad bliver hendes været thi jer sådan
"""
STOPORD = frozenset(_STOPORD.split())

_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    # A PyStemmer object is not safe to share between threads: one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("danish", 50_000)
    return stemmer


def ord_i(tekst: str) -> list[str]:
    return ORD.findall(tekst.lower())


def stammer(ord: list[str]) -> list[str]:
    return _stemmer().stemWords(ord)


def stammetekst(tekst: str) -> str:
    """The text as its stems, in order (stop words kept, so phrases keep their positions)."""
    return " ".join(stammer(ord_i(tekst)))


@dataclass(frozen=True)
class Led:
    """A word or a phrase of the query, as the user wrote it and as stems."""

    tekst: str
    stammer: tuple[str, ...]
    udelad: bool = False


@dataclass(frozen=True)
class Forespoergsel:
    raa: str
    led: tuple[Led, ...] = field(default_factory=tuple)

    @property
    def krav(self) -> list[Led]:
        return [led for led in self.led if not led.udelad]

    @property
    def udeladte(self) -> list[Led]:
        return [led for led in self.led if led.udelad]

    @property
    def kan_soeges(self) -> bool:
        """At least one word or phrase must occur: a query of only exclusions or stop words
        would list everything."""
        return bool(self.krav)

    def fremhaev(self) -> frozenset[str]:
        """The stems to highlight in snippets."""
        return frozenset(s for led in self.krav for s in led.stammer if s not in STOPORD)


def fortolk(raa: str) -> Forespoergsel:
    raa = (raa or "").replace("\x00", "").strip()[:500]
    led = []
    for m in _LED.finditer(raa):
        minus, del_ = (m.group(1), m.group(2)) if m.group(2) is not None else m.group(3, 4)
        ord_ = ord_i(del_)[:MAKS_ORD_I_FRASE]
        if not ord_ or all(o in STOPORD for o in ord_):
            continue
        # A phrase, or one token of several words ("14/1175", "kan-opgave"): its words in
        # order. PostgreSQL gets the text as typed (its parser keeps "14/1175" whole).
        led.append(Led(del_.strip()[:200], tuple(stammer(ord_)), bool(minus)))
    unikke = list(dict.fromkeys(led))[:MAKS_LED]
    return Forespoergsel(raa=raa, led=tuple(unikke))


def fts5(f: Forespoergsel) -> str:
    """The query for SQLite's FTS5 over the stems: every term quoted (stems are word
    characters only, so nothing the user typed is FTS5 syntax)."""

    def term(led: Led) -> str:
        return '"' + " ".join(led.stammer) + '"'

    query = " AND ".join(term(led) for led in f.krav)
    for led in f.udeladte:
        query = f"{query} NOT {term(led)}"
    return query


def uddrag(
    tekst: str, fremhaev: frozenset[str], laengde: int = 260, *, hele: bool = False
) -> SafeString:
    """A piece of the text around its first words that match the query, those words marked
    (<mark>), escaped; the text's beginning when none match."""
    tekst = tekst or ""
    hits = _hits(tekst, fremhaev) if fremhaev else []
    if not hits or hele:
        start = 0
    else:
        # The window with the most different query words, among the first matches.
        best, best_score = hits[0][0], -1
        for i, (s, _e, stem) in enumerate(hits):
            words = {stem} | {h[2] for h in hits[i + 1 :] if h[0] < s + laengde}
            if len(words) > best_score:
                best, best_score = s, len(words)
        start = max(0, best - laengde // 4)
        space = tekst.rfind(" ", 0, start)
        start = space + 1 if start and space >= 0 and start - space < 30 else start
    end = min(len(tekst), start + laengde)
    if end < len(tekst):
        space = tekst.rfind(" ", start, end)
        end = space if space > start + laengde // 2 else end
    parts = ["…" if start > 0 else ""]
    pos = start
    for s, e, _stem in hits:
        if s < start or e > end:
            continue
        parts += [escape(tekst[pos:s]), "<mark>", escape(tekst[s:e]), "</mark>"]
        pos = e
    parts += [escape(tekst[pos:end]), "…" if end < len(tekst) else ""]
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def fremhaevet(tekst: str, fremhaev: frozenset[str]) -> SafeString:
    """The whole (short) text with the query's words marked: for titles."""
    return uddrag(tekst, fremhaev, laengde=max(len(tekst or ""), 1), hele=True)


def _hits(tekst: str, fremhaev: frozenset[str], maks: int = 60) -> list[tuple[int, int, str]]:
    # A Danish Snowball stem is a prefix of its word (suffixes are removed, a doubled final
    # consonant undoubled): find words starting with a stem, keep those that stem to one.
    pattern = re.compile(
        r"\b(?:"
        + "|".join(re.escape(s) for s in sorted(fremhaev, key=len, reverse=True))
        + r")\w*",
        re.IGNORECASE,
    )
    hits = []
    for scanned, m in enumerate(pattern.finditer(tekst)):
        if scanned > 20 * maks:
            break
        (stem,) = stammer([m.group(0).lower()])
        if stem in fremhaev:
            hits.append((m.start(), m.end(), stem))
            if len(hits) >= maks:
                break
    return hits
