"""Building the search index (portal.models.Dokument) from its sources.

An item gives up to three kinds of rows: the item (title, case number, sections), its decision
(text, the vote as the protocol words it, minority statements with their authors) and one row
per attachment (title, file name, extracted text). Each row says whether anyone may find it
(`offentlig`), by the same rule as the public pages (protokol.offentlig): an open item once the
agenda is released, an open attachment of an open item likewise, a decision of an open item
once the protocol is signed. Everything else is found only by those who may read the meeting
(udvalg.models.moede_visible_q on the row's committee, date and status).

The rows of an item are rebuilt whole whenever the item, its meeting, decision, vote, minority
statements or attachments change (portal.signals), in the caller's transaction.
"""

import re
from pathlib import PurePath
from types import SimpleNamespace

from django.db import connection, transaction
from django.db.models import Max, Prefetch
from django.utils import timezone

from kerne.bulk import Skriver
from kerne.richtext import plain_text
from portal import tekst
from portal.models import Art, Dokument
from protokol import offentlig
from protokol.deltagelse import vote_sentence
from sager.models import (
    SEKTIONER,
    Adgang,
    Afstemning,
    Beslutning,
    Bilag,
    Mindretalsudtalelse,
    Punkt,
    Stemme,
    Valg,
)
from udvalg.models import Medlemskab, Moede, MoedeStatus, Person

# A tsvector holds at most 1 MB; the text of a long attachment is searched in its first part.
MAKS_TEKST = 400_000
FTS_TABEL = "portal_dokument_fts"
BATCH = 500
_FILTEGN = re.compile(r"[._]+")
GENOPBYG_BATCH = 5_000


def _punkter(ids):
    return (
        Punkt.objects.filter(pk__in=ids)
        .select_related("moede", "sag", "beslutning__afstemning")
        .prefetch_related(
            Prefetch("bilag", queryset=Bilag.objects.order_by("sekvens")),
            Prefetch(
                "beslutning__afstemning__stemmer",
                queryset=Stemme.objects.select_related("person").order_by("pk"),
            ),
            Prefetch(
                "beslutning__mindretalsudtalelser",
                queryset=Mindretalsudtalelse.objects.select_related("person").order_by("pk"),
            ),
        )
    )


def _navn(person) -> str:
    parti = person.parti or person.parti_bogstav
    return f"{person.navn} ({parti})" if parti else person.navn


def dokumenter(punkt) -> list[tuple[dict, list[int]]]:
    """The index rows of one item, as column values, with the person ids each names. `punkt`
    is an item loaded as _punkter loads it, or its light copy from _Laeser (the rebuild)."""
    moede = punkt.moede
    aaben = punkt.adgang == Adgang.AABEN
    frigivet = moede.status != MoedeStatus.KLADDE
    underskrevet = moede.status == MoedeStatus.UNDERSKREVET
    faelles = {
        "punkt_id": punkt.pk,
        "moede_id": moede.pk,
        "sag_id": punkt.sag_id,
        "udvalg_id": moede.udvalg_id,
        "dato": moede.dato,
        "status": moede.status,
        "punkttype": punkt.punkttype,
        "sagsnr": punkt.sag.sagsnr if punkt.sag else "",
        "titel": punkt.titel[:300],
    }
    sektioner = [plain_text(getattr(punkt, f) or "") for f, _label in SEKTIONER]
    rows = [
        (
            dict(
                art=Art.PUNKT,
                offentlig=aaben and frigivet,
                tekst=" ".join(s for s in sektioner if s and s != "-"),
                **faelles,
            ),
            [],
        )
    ]
    beslutning: Beslutning | None = getattr(punkt, "beslutning", None)
    if beslutning is not None:
        dele = [plain_text(beslutning.tekst)]
        personer = []
        afstemning = getattr(beslutning, "afstemning", None)
        if afstemning is not None:
            stemmer = list(afstemning.stemmer.all())
            grupper = {v: [_navn(s.person) for s in stemmer if s.valg == v] for v in Valg.values}
            dele += [
                afstemning.forslag,
                vote_sentence(grupper[Valg.FOR], grupper[Valg.IMOD], grupper[Valg.UNDLOD]),
            ]
            personer += [s.person_id for s in stemmer]
        for m in beslutning.mindretalsudtalelser.all():
            dele.append(f"Mindretalsudtalelse fra {_navn(m.person)}: {m.tekst}")
            personer.append(m.person_id)
        if any(dele):
            rows.append(
                (
                    dict(
                        art=Art.BESLUTNING,
                        offentlig=aaben and underskrevet,
                        har_afstemning=afstemning is not None,
                        tekst=" ".join(d for d in dele if d),
                        **faelles,
                    ),
                    sorted(set(personer)),
                )
            )
    for b in punkt.bilag.all():
        # The file name as words: PostgreSQL's parser reads "notat.pdf" as one token.
        filnavn = _FILTEGN.sub(" ", b.filnavn).strip()
        titel = b.titel or _FILTEGN.sub(" ", PurePath(b.filnavn).stem).strip() or b.filnavn
        rows.append(
            (
                dict(
                    art=Art.BILAG,
                    bilag_id=b.pk,
                    offentlig=aaben and frigivet and b.adgang == Adgang.AABEN,
                    tekst=f"{filnavn} {b.tekst[:MAKS_TEKST]}",
                    **{**faelles, "titel": titel[:300]},
                ),
                [],
            )
        )
    return rows


def gem(rows: list[tuple[dict, list[int]]]) -> None:
    """Insert the rows, their persons and, on SQLite, their stems into the FTS5 table."""
    if not rows:
        return
    docs = Dokument.objects.bulk_create([Dokument(**d) for d, _p in rows], batch_size=BATCH)
    Through = Dokument.personer.through
    Through.objects.bulk_create(
        [
            Through(dokument_id=d.pk, person_id=p)
            for d, (_d, ps) in zip(docs, rows, strict=True)
            for p in ps
        ],
        batch_size=BATCH,
    )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.executemany(
                _FTS_INSERT, [_fts_row(d.pk, d.titel, d.sagsnr, d.tekst) for d in docs]
            )


_FTS_INSERT = f"INSERT INTO {FTS_TABEL} (rowid, titel, tekst) VALUES (%s, %s, %s)"


def _fts_row(pk: int, titel: str, sagsnr: str, tekst_: str) -> tuple:
    return (pk, tekst.stammetekst(f"{titel} {sagsnr}"), tekst.stammetekst(tekst_))


@transaction.atomic
def opdater_punkter(ids) -> None:
    """Rebuild the rows of these items (those that no longer exist lose theirs)."""
    ids = sorted(set(ids))
    if not ids:
        return
    Dokument.objects.filter(punkt_id__in=ids).delete()
    rows = []
    for punkt in _punkter(ids):
        rows += dokumenter(punkt)
    gem(rows)


def person_dokument(person, medlemskaber: list, er_offentlig: bool) -> dict:
    """A person's row: name, party, and the committees of their seats."""
    parti = f"{person.parti} ({person.parti_bogstav})" if person.parti_bogstav else person.parti
    udvalg = sorted({m.udvalg.visningsnavn for m in medlemskaber})
    return {
        "art": Art.PERSON,
        "person_id": person.pk,
        "offentlig": er_offentlig,
        "titel": person.navn[:300],
        "tekst": f"{parti}. {', '.join(udvalg)}".strip(". "),
        "sagsnr": "",
    }


@transaction.atomic
def opdater_personer(ids) -> None:
    """Rebuild the rows of these persons: found by anyone when the public pages show them
    (protokol.offentlig.personer), else by no one but an administrator."""
    ids = sorted(set(ids))
    if not ids:
        return
    Dokument.objects.filter(art=Art.PERSON, person_id__in=ids).delete()
    offentlige = set(offentlig.personer().filter(pk__in=ids).values_list("pk", flat=True))
    rows = []
    for person in Person.objects.filter(pk__in=ids).prefetch_related(
        Prefetch("medlemskaber", queryset=Medlemskab.objects.select_related("udvalg"))
    ):
        rows.append(
            (person_dokument(person, person.medlemskaber.all(), person.pk in offentlige), [])
        )
    gem(rows)


def opdater_moede(moede_id: int) -> None:
    opdater_punkter(Punkt.objects.filter(moede_id=moede_id).values_list("pk", flat=True))


def genopbyg(fremdrift=None) -> int:
    """Rebuild the whole index, a range of items per transaction, written in bulk
    (kerne.bulk: COPY on PostgreSQL); returns the number of rows. The rows are those of
    dokumenter(), from light copies of the items (_Laeser) rather than model instances: a
    million items in minutes, not hours."""
    with transaction.atomic(), connection.cursor() as cursor:
        # Below the ORM: its delete would load every row first.
        cursor.execute(f"DELETE FROM {Dokument.personer.through._meta.db_table}")
        cursor.execute(f"DELETE FROM {Dokument._meta.db_table}")
    laeser = _Laeser()
    top = Punkt.objects.aggregate(m=Max("pk"))["m"] or 0
    total = Punkt.objects.count()
    done = 0
    for start in range(0, top + 1, GENOPBYG_BATCH):
        with transaction.atomic():
            skriver = Skriver(timezone.now())
            fts = []
            punkter = laeser.punkter(start, start + GENOPBYG_BATCH)
            for punkt in punkter:
                for row, personer in dokumenter(punkt):
                    pk = skriver.add(Dokument, **row)
                    for person in personer:
                        skriver.add(Dokument.personer.through, dokument_id=pk, person_id=person)
                    if connection.vendor == "sqlite":
                        fts.append(_fts_row(pk, row["titel"], row["sagsnr"], row["tekst"]))
            skriver.flush()
            if fts:
                with connection.cursor() as cursor:
                    cursor.executemany(_FTS_INSERT, fts)
            skriver.reset_sequences()
        done += len(punkter)
        if fremdrift and punkter:
            fremdrift(done, total)
    personer = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(personer), BATCH):
        opdater_personer(personer[start : start + BATCH])
    return Dokument.objects.count()


class _Liste(list):
    """A list that answers .all(), as a related manager does (for dokumenter())."""

    def all(self):
        return self


class _Laeser:
    """Light copies of the items in a range of ids, with what dokumenter() reads: the
    meeting, the case number, the decision with its vote and minority statements, the
    attachments. Plain values, a handful of queries per range."""

    def __init__(self):
        self.personer = {
            pk: SimpleNamespace(navn=n, parti=p, parti_bogstav=b)
            for pk, n, p, b in Person.objects.values_list("pk", "navn", "parti", "parti_bogstav")
        }
        self.moeder = {
            pk: SimpleNamespace(pk=pk, udvalg_id=u, dato=d, status=s)
            for pk, u, d, s in Moede.objects.values_list("pk", "udvalg_id", "dato", "status")
        }

    def punkter(self, fra: int, til: int) -> list:
        omraade = {"punkt_id__gte": fra, "punkt_id__lt": til}
        felter = [f for f, _label in SEKTIONER]
        punkter = {}
        rows = Punkt.objects.filter(pk__gte=fra, pk__lt=til).values_list(
            "pk", "moede_id", "sag_id", "sag__sagsnr", "adgang", "punkttype", "titel", *felter
        )
        for pk, moede_id, sag_id, sagsnr, adgang, punkttype, titel, *sektioner in rows:
            punkter[pk] = SimpleNamespace(
                pk=pk, moede=self.moeder[moede_id], sag_id=sag_id,
                sag=SimpleNamespace(sagsnr=sagsnr) if sag_id else None,
                adgang=adgang, punkttype=punkttype, titel=titel, bilag=_Liste(),
                **dict(zip(felter, sektioner, strict=True)),
            )  # fmt: skip
        beslutninger = {}
        for pk, punkt_id, tekst_ in Beslutning.objects.filter(**omraade).values_list(
            "pk", "punkt_id", "tekst"
        ):
            b = SimpleNamespace(tekst=tekst_, mindretalsudtalelser=_Liste())
            beslutninger[pk] = punkter[punkt_id].beslutning = b
        afstemninger = {}
        for pk, beslutning_id, forslag in Afstemning.objects.filter(
            beslutning__punkt_id__gte=fra, beslutning__punkt_id__lt=til
        ).values_list("pk", "beslutning_id", "forslag"):
            a = SimpleNamespace(forslag=forslag, stemmer=_Liste())
            afstemninger[pk] = beslutninger[beslutning_id].afstemning = a
        for afstemning_id, person_id, valg in (
            Stemme.objects.filter(
                afstemning__beslutning__punkt_id__gte=fra, afstemning__beslutning__punkt_id__lt=til
            )
            .order_by("pk")
            .values_list("afstemning_id", "person_id", "valg")
        ):
            afstemninger[afstemning_id].stemmer.append(
                SimpleNamespace(person_id=person_id, person=self.personer[person_id], valg=valg)
            )
        for beslutning_id, person_id, tekst_ in (
            Mindretalsudtalelse.objects.filter(
                beslutning__punkt_id__gte=fra, beslutning__punkt_id__lt=til
            )
            .order_by("pk")
            .values_list("beslutning_id", "person_id", "tekst")
        ):
            beslutninger[beslutning_id].mindretalsudtalelser.append(
                SimpleNamespace(person_id=person_id, person=self.personer[person_id], tekst=tekst_)
            )
        for pk, punkt_id, titel, filnavn, adgang, tekst_ in (
            Bilag.objects.filter(**omraade)
            .order_by("sekvens")
            .values_list("pk", "punkt_id", "titel", "filnavn", "adgang", "tekst")
        ):
            punkter[punkt_id].bilag.append(
                SimpleNamespace(pk=pk, titel=titel, filnavn=filnavn, adgang=adgang, tekst=tekst_)
            )
        return list(punkter.values())
