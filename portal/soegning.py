"""Searching the index (portal.models.Dokument) as one reader may: the rows anyone may find and
those of the meetings the reader may read (udvalg.models.moede_visible_q), never others. The
match, the count, the facets and the page of results all start from `synlige(user)`, so no
number or snippet can tell of a row the reader may not find.

The match is the database's: PostgreSQL's tsvector under the danish configuration, or SQLite's
FTS5 over Snowball stems (portal.tekst); both rank title words above text words.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear

from portal import tekst
from portal.indeks import FTS_TABEL
from portal.models import Dokument
from udvalg.models import moede_visible_q

MAKS_TAELLING = 10_000
PR_SIDE = 20
FACET_TOP = 12


def synlige(user):
    laeser = moede_visible_q(user)
    if not laeser:
        # An empty Q is every meeting (an administrator); OR'ed it would vanish.
        return Dokument.objects.all()
    return Dokument.objects.filter(Q(offentlig=True) | laeser)


def _tsquery(f: tekst.Forespoergsel) -> tuple[str, list[str]]:
    """The query for PostgreSQL: each word or phrase through phraseto_tsquery (which stems
    and drops stop words as the index did), AND'ed, exclusions negated."""
    parts, params = [], []
    for led in f.krav:
        parts.append("phraseto_tsquery('danish'::regconfig, %s)")
        params.append(led.tekst)
    for led in f.udeladte:
        parts.append("!! phraseto_tsquery('danish'::regconfig, %s)")
        params.append(led.tekst)
    return "(" + " && ".join(parts) + ")", params


def match(qs, f: tekst.Forespoergsel, *, rang: bool = False):
    """The rows of `qs` that match the query; with rang=True annotated `rang` (higher is
    better)."""
    if connection.vendor == "postgresql":
        tsq, params = _tsquery(f)
        qs = qs.extra(where=[f"portal_dokument.soegevektor @@ {tsq}"], params=params)
        if rang:
            qs = qs.extra(
                select={"rang": f"ts_rank_cd(portal_dokument.soegevektor, {tsq}, 1)"},
                select_params=params,
            )
        return qs
    qs = qs.extra(
        tables=[FTS_TABEL],
        where=[f"{FTS_TABEL}.rowid = portal_dokument.id", f"{FTS_TABEL} MATCH %s"],
        params=[tekst.fts5(f)],
    )
    if rang:
        qs = qs.extra(select={"rang": f"-bm25({FTS_TABEL}, 5.0, 1.0)"})
    return qs


@dataclass
class Facet:
    navn: str
    vaerdier: list[tuple[object, str, int]]  # (value, label, count)


@dataclass
class Resultat:
    forespoergsel: tekst.Forespoergsel
    antal: int  # exact up to MAKS_TAELLING; MAKS_TAELLING + 1 means "more"
    hits: list
    facetter: dict[str, list[tuple[object, int]]]
    side: int
    sider: int

    @property
    def flere_end_maks(self) -> bool:
        return self.antal > MAKS_TAELLING


def soeg(user, f: tekst.Forespoergsel, filtreret, *, sortering: str = "relevans", side: int = 1):
    """Search: `filtreret` is synlige(user) narrowed by the facet filters (portal.filters)."""
    treffer = match(filtreret, f)
    antal = treffer.order_by()[: MAKS_TAELLING + 1].count()
    sider = max(1, -(-min(antal, MAKS_TAELLING) // PR_SIDE))
    side = min(max(1, side), sider)
    start = (side - 1) * PR_SIDE
    if sortering == "dato":
        ordnet = treffer.order_by("-dato", "-pk")
    else:
        ordnet = match(filtreret, f, rang=True).order_by("-rang", "-dato", "-pk")
    ids = list(ordnet.values_list("pk", flat=True)[start : start + PR_SIDE])
    rows = {
        d.pk: d
        for d in Dokument.objects.filter(pk__in=ids).select_related(
            "udvalg", "moede", "punkt", "bilag", "sag"
        )
    }
    hits = [rows[i] for i in ids if i in rows]
    return Resultat(
        forespoergsel=f,
        antal=antal,
        hits=hits,
        facetter=facetter(treffer) if antal else {},
        side=side,
        sider=sider,
    )


def facetter(treffer) -> dict[str, list[tuple[object, int]]]:
    """Counts per committee, year, Punkttype, vote and person over the matches (already the
    reader's: `treffer` starts from synlige)."""
    base = treffer.order_by()

    def tael(udtryk, **filter_):
        qs = base.filter(**filter_) if filter_ else base
        rows = (
            qs.values(v=F(udtryk) if isinstance(udtryk, str) else udtryk)
            .annotate(n=Count("pk", distinct=True))
            .order_by("-n", "v")
        )
        return [(r["v"], r["n"]) for r in rows[:FACET_TOP] if r["v"] not in (None, "")]

    return {
        "udvalg": tael("udvalg"),
        "aar": sorted(tael(ExtractYear("dato")), reverse=True),
        "punkttype": tael("punkttype"),
        "art": tael("art"),
        "afstemning": tael("har_afstemning", art="beslutning"),
        "person": tael("personer"),
    }
