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

from django.db import connection, transaction
from django.db.models import Prefetch

from kerne.richtext import plain_text
from portal import tekst
from portal.models import Art, Dokument
from protokol.deltagelse import vote_sentence
from sager.models import SEKTIONER, Adgang, Beslutning, Bilag, Mindretalsudtalelse, Punkt, Valg
from udvalg.models import MoedeStatus

# A tsvector holds at most 1 MB; the text of a long attachment is searched in its first part.
MAKS_TEKST = 400_000
FTS_TABEL = "portal_dokument_fts"
BATCH = 500


def _punkter(ids):
    return (
        Punkt.objects.filter(pk__in=ids)
        .select_related("moede", "sag", "beslutning__afstemning")
        .prefetch_related(
            Prefetch("bilag", queryset=Bilag.objects.order_by("sekvens")),
            "beslutning__afstemning__stemmer__person",
            Prefetch(
                "beslutning__mindretalsudtalelser",
                queryset=Mindretalsudtalelse.objects.select_related("person").order_by("pk"),
            ),
        )
    )


def _navn(person) -> str:
    parti = person.parti or person.parti_bogstav
    return f"{person.navn} ({parti})" if parti else person.navn


def dokumenter(punkt: Punkt) -> list[tuple[Dokument, list[int]]]:
    """The index rows of one item (loaded as _punkter loads it), with the person ids each
    names."""
    moede = punkt.moede
    aaben = punkt.adgang == Adgang.AABEN
    frigivet = moede.status != MoedeStatus.KLADDE
    underskrevet = moede.status == MoedeStatus.UNDERSKREVET
    faelles = {
        "punkt": punkt,
        "moede": moede,
        "sag": punkt.sag,
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
            Dokument(
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
                    Dokument(
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
        titel = b.titel or b.filnavn
        rows.append(
            (
                Dokument(
                    art=Art.BILAG,
                    bilag=b,
                    offentlig=aaben and frigivet and b.adgang == Adgang.AABEN,
                    tekst=f"{b.filnavn} {b.tekst[:MAKS_TEKST]}",
                    **{**faelles, "titel": titel[:300]},
                ),
                [],
            )
        )
    return rows


def gem(rows: list[tuple[Dokument, list[int]]]) -> None:
    """Insert the rows, their persons and, on SQLite, their stems into the FTS5 table."""
    if not rows:
        return
    docs = Dokument.objects.bulk_create([d for d, _p in rows], batch_size=BATCH)
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
                f"INSERT INTO {FTS_TABEL} (rowid, titel, tekst) VALUES (%s, %s, %s)",
                [
                    (d.pk, tekst.stammetekst(f"{d.titel} {d.sagsnr}"), tekst.stammetekst(d.tekst))
                    for d in docs
                ],
            )


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


def opdater_moede(moede_id: int) -> None:
    opdater_punkter(Punkt.objects.filter(moede_id=moede_id).values_list("pk", flat=True))


def genopbyg(fremdrift=None) -> int:
    """Rebuild the whole index, a batch of items per transaction; returns the number of rows."""
    with transaction.atomic(), connection.cursor() as cursor:
        # Below the ORM: its delete would load every row first.
        cursor.execute(f"DELETE FROM {Dokument.personer.through._meta.db_table}")
        cursor.execute(f"DELETE FROM {Dokument._meta.db_table}")
    ids = list(Punkt.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        opdater_punkter(ids[start : start + BATCH])
        if fremdrift:
            fremdrift(min(start + BATCH, len(ids)), len(ids))
    return Dokument.objects.count()
