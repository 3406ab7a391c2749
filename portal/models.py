"""The search index: one row per thing a reader can find (an agenda item, its decision, an
attachment, a person), with the text to search and what decides who may find it.

Who may find a row is the visibility rule of the rows it was made from, kept on the row so a
search never joins the meetings: `offentlig` (anyone may read it now: portal.indeks decides
it as protokol.offentlig does) and the meeting's committee, date and status, to which
udvalg.models.moede_visible_q applies as to a meeting. Rows are rebuilt from their sources in
the same transaction as every change (portal.signals), so the index never shows what its
sources no longer say.

The text is searched by the database: PostgreSQL through a stored tsvector column with the
`danish` configuration and a GIN index, SQLite through an FTS5 table of the Danish Snowball
stems (migration 0001; portal.tekst stems the same way as PostgreSQL's danish_stem).
"""

from django.db import models

from sager.models import Bilag, Punkt, Punkttype, Sag
from udvalg.models import Moede, MoedeStatus, Person, Udvalg


class Art(models.TextChoices):
    PUNKT = "punkt", "Dagsordenspunkt"
    BESLUTNING = "beslutning", "Beslutning"
    BILAG = "bilag", "Bilag"
    PERSON = "person", "Person"


class Dokument(models.Model):
    art = models.CharField("art", max_length=12, choices=Art)
    punkt = models.ForeignKey(
        Punkt, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    bilag = models.ForeignKey(
        Bilag, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    moede = models.ForeignKey(
        Moede, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    sag = models.ForeignKey(Sag, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # The meeting's committee, date and status: what moede_visible_q reads (a prefix-less Q).
    udvalg = models.ForeignKey(
        Udvalg, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    dato = models.DateField("dato", null=True, blank=True)
    status = models.CharField("mødets status", max_length=20, choices=MoedeStatus, blank=True)
    offentlig = models.BooleanField("offentlig", default=False)
    punkttype = models.CharField("punkttype", max_length=12, choices=Punkttype, blank=True)
    har_afstemning = models.BooleanField("har afstemning", default=False)
    sagsnr = models.CharField("sagsnr.", max_length=8, blank=True)
    titel = models.CharField("titel", max_length=300)
    tekst = models.TextField("tekst", blank=True)
    # When the row was last built: when what it shows last changed or became findable (feeds).
    aendret = models.DateTimeField("indekseret", auto_now=True)
    # Who a decision names (votes, minority statements): the person facet.
    personer = models.ManyToManyField(Person, related_name="+", blank=True)

    class Meta:
        verbose_name = "søgedokument"
        verbose_name_plural = "søgedokumenter"
        indexes = [
            models.Index(fields=["udvalg", "dato"], name="portal_dok_udvalg_dato"),
            models.Index(fields=["dato"], name="portal_dok_dato"),
            # Not (offentlig, ...): PostgreSQL AND'ed such an index (1.4M public rows at 1M
            # items) with the text index's bitmap, 108 ms for a 15,000-hit word.
            models.Index(fields=["aendret"], name="portal_dok_aendret"),
        ]

    def __str__(self):
        return f"{self.get_art_display()}: {self.titel}"

    @property
    def noegle(self) -> str:
        """What the row is about, the same across rebuilds (a feed entry's id)."""
        return f"{self.art}-{self.bilag_id or self.punkt_id or self.person_id}"


class Emne(models.TextChoices):
    UDVALG = "udvalg", "Udvalg"
    SAG = "sag", "Sag"
    SOEGNING = "soegning", "Søgning"


class Abonnement(models.Model):
    """An e-mail subscription without an account: to a committee, a case or a saved search.
    Confirmed by a link sent to the address (double opt-in); every message carries a one-click
    unsubscribe (RFC 8058). The address is never shown on any page."""

    email = models.EmailField("e-mailadresse")
    emne = models.CharField("emne", max_length=10, choices=Emne)
    udvalg = models.ForeignKey(
        Udvalg, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    sag = models.ForeignKey(Sag, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    soegning = models.JSONField("søgning", default=dict, blank=True)  # q and the filters
    # What is followed as one value ("udvalg:5", "sag:7", "soegning:<hash of the search>"):
    # an address follows a thing once (the constraint holds it against concurrent sign-ups).
    maal = models.CharField("mål", max_length=80)
    noegle = models.CharField("nøgle", max_length=64, unique=True)
    adresse = models.URLField("sidens adresse", max_length=200)  # for the links in messages
    ip_hash = models.CharField("afsenderadresse (hash)", max_length=64, blank=True)
    oprettet = models.DateTimeField("oprettet", auto_now_add=True)
    bekraeftelser = models.PositiveSmallIntegerField("bekræftelsesmails sendt", default=0)
    bekraeftelse_sendt = models.DateTimeField("bekræftelse sendt", null=True, blank=True)
    bekraeftet = models.DateTimeField("bekræftet", null=True, blank=True)
    afmeldt = models.DateTimeField("afmeldt", null=True, blank=True)
    # The newest index change a message has told of, and when the last message went.
    sidst_med = models.DateTimeField("nyt til og med", null=True, blank=True)
    sidst_sendt = models.DateTimeField("sidst sendt", null=True, blank=True)

    class Meta:
        verbose_name = "abonnement"
        verbose_name_plural = "abonnementer"
        indexes = [models.Index(fields=["email"], name="portal_abon_email")]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "maal"],
                condition=models.Q(afmeldt__isnull=True),
                name="portal_abonnement_et_pr_adresse",
            )
        ]

    def __str__(self):
        return f"{self.get_emne_display()} ({'bekræftet' if self.bekraeftet else 'afventer'})"

    @property
    def aktivt(self) -> bool:
        return self.bekraeftet is not None and self.afmeldt is None
