"""Searching the index (portal.models.Dokument) as one reader may: the rows anyone may find and
those of the meetings the reader may read (udvalg.models.moede_visible_q), never others. The
match, the count, the facets and the page of results all start from `synlige(user)`, so no
number or snippet can tell of a row the reader may not find.

The match is the database's: PostgreSQL's tsvector under the danish configuration, or SQLite's
FTS5 over Snowball stems (portal.tekst); both rank title words above text words.
"""

from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q

from portal import tekst
from portal.indeks import FTS_TABEL
from portal.models import Art, Dokument
from udvalg.models import moede_visible_q

MAKS_TAELLING = 10_000
RANG_VINDUE = 2_000  # beyond MAKS_TAELLING hits, relevance ranks the most recent this many
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


def _raekker(qs) -> list[tuple]:
    """The rows of a values_list query as the driver gives them: without Django's converters,
    which for 10,000 rows cost more than the query (a date stays text on SQLite)."""
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _nyeste_foerst(treffer):
    """The matches, most recently indexed first: on SQLite in the FTS5 table's own order
    (its rowid; the join's would sort every match), on PostgreSQL by the primary key."""
    if connection.vendor == "sqlite":
        return treffer.order_by().extra(order_by=[f"-{FTS_TABEL}.rowid"])
    return treffer.order_by("-pk")


def _fra_id(treffer, fra: int):
    if connection.vendor == "sqlite":
        return treffer.extra(where=[f"{FTS_TABEL}.rowid >= %s"], params=[fra])
    return treffer.filter(pk__gte=fra)


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
    """Search: `filtreret` is synlige(user) narrowed by the facet filters (portal.filters).

    One query reads up to MAKS_TAELLING + 1 matches' facet columns, most recently indexed
    first (the text index's own order: no sorting, so a word in half the documents costs
    little more than a rare one): their number is the count, exact up to the cap, and they
    give the facet numbers (beyond the cap: among those, which the page says). A second
    query orders the matches for the page asked for: by date, all of them; by relevance,
    beyond the cap those same most recent ones (by date: the rows at hand, sorted).
    """
    treffer = match(filtreret, f)
    udsnit = _raekker(_nyeste_foerst(treffer).values_list(*FACET_KOLONNER)[: MAKS_TAELLING + 1])
    antal = len(udsnit)
    synlige_antal = min(
        antal, RANG_VINDUE if antal > MAKS_TAELLING and sortering != "dato" else MAKS_TAELLING
    )
    sider = max(1, -(-synlige_antal // PR_SIDE))
    side = min(max(1, side), sider)
    start = (side - 1) * PR_SIDE
    if sortering == "dato":
        # From the rows at hand: all matches up to the cap, beyond it the most recent.
        nyeste = sorted(udsnit[:MAKS_TAELLING], key=lambda r: (str(r[2] or ""), r[0]), reverse=True)
        ids = [r[0] for r in nyeste[start : start + PR_SIDE]]
    else:
        ordnet = match(filtreret, f, rang=True)
        if antal > MAKS_TAELLING:
            # Ranking every match of a word in half the documents is most of a second, and
            # 10,000 of them on PostgreSQL (whose rank reads each row's tsvector) 120 ms:
            # rank the RANG_VINDUE most recently indexed (the page says so).
            ordnet = _fra_id(ordnet, udsnit[min(RANG_VINDUE, MAKS_TAELLING) - 1][0])
        ordnet = ordnet.order_by("-rang", "-dato", "-pk")
        ids = list(ordnet.values_list("pk", flat=True)[start : start + PR_SIDE])
    rows = {
        d.pk: d
        for d in Dokument.objects.filter(pk__in=ids).select_related(
            "udvalg", "moede", "punkt", "bilag", "sag", "person"
        )
    }
    hits = [rows[i] for i in ids if i in rows]
    return Resultat(
        forespoergsel=f,
        antal=antal,
        hits=hits,
        facetter=facetter(udsnit[:MAKS_TAELLING]),
        side=side,
        sider=sider,
    )


FACET_KOLONNER = ["pk", "udvalg_id", "dato", "punkttype", "art", "har_afstemning"]


def facetter(rows: list[tuple]) -> dict[str, list[tuple[object, int]]]:
    """Counts per committee, year, Punkttype, kind, vote and person over the matches' facet
    columns (FACET_KOLONNER; already the reader's: they come from synlige)."""
    tael = {name: Counter() for name in ("udvalg", "aar", "punkttype", "art", "afstemning")}
    beslutninger = []
    for pk, udvalg_id, dato, punkttype, art, har_afstemning in rows:
        tael["udvalg"][udvalg_id] += 1
        tael["aar"][int(str(dato)[:4]) if dato else None] += 1
        tael["punkttype"][punkttype] += 1
        tael["art"][art] += 1
        if art == Art.BESLUTNING:
            tael["afstemning"][bool(har_afstemning)] += 1
            beslutninger.append(pk)
    # Who the decisions name: one query (at most MAKS_TAELLING ids).
    tael["person"] = Counter(
        Dokument.personer.through.objects.filter(dokument_id__in=beslutninger).values_list(
            "person_id", flat=True
        )
    )

    def top(counter):
        rows = [(v, n) for v, n in counter.items() if v not in (None, "")]
        return sorted(rows, key=lambda r: (-r[1], str(r[0])))[:FACET_TOP]

    result = {name: top(counter) for name, counter in tael.items()}
    result["aar"] = sorted(result["aar"], reverse=True)
    return result
