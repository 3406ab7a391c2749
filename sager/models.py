import re
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from udvalg import permissions
from udvalg.locking import LockGuarded, LockGuardQuerySet
from udvalg.models import Moede, MoedeStatus, moede_visible_q

SAGSNR_VALIDATOR = RegexValidator(
    r"^\d{2}/\d{1,5}$",
    "Sagsnummeret skal have formen ÅÅ/NNNNN, fx 14/1175.",
    code="sagsnr_format",
)
SAGSNR_PREFIX = re.compile(r"^\d{1,2}(/\d{0,5})?$")
# A title search uses at most this many words (each is a condition in the query).
MAX_SEARCH_WORDS = 12
BILAGSNR_VALIDATOR = RegexValidator(
    r"^\d{1,6}/\d{2}$",
    "Bilagsnummeret skal have formen NNNNN/ÅÅ, fx 33292/15.",
    code="bilagsnr_format",
)


class Adgang(models.TextChoices):
    AABEN = "aaben", "Åben"
    LUKKET = "lukket", "Lukket"


class Punkttype(models.TextChoices):
    BESLUTNING = "beslutning", "Beslutning"
    ORIENTERING = "orientering", "Orientering"
    INGEN = "ingen", "-"


NEUTRAL_SAGSTITEL = "Sag uden offentlig titel"


class SagQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Cases with at least one agenda item the user may read (a list's: the set of the
        items read once)."""
        return self.filter(pk__in=Punkt.objects.visible_to(user).values("sag_id"))

    def visible_one(self, user, pk: int):
        """Case `pk` if the user may read one of its items: the same rule as visible_to, as
        EXISTS over that case's items (the case index) rather than the set of every item the
        user may read, which a long-serving member's tens of thousands made slow (the case
        page's query at 100k items on SQLite: 28.8 -> 8.5 ms)."""
        items = Punkt.objects.visible_to(user).filter(sag_id=OuterRef("pk"))
        return self.filter(pk=pk).filter(Exists(items))

    def pickable_by(self, user):
        """Cases a secretary may put on an agenda: those of their own committees' items and
        those with an open item on a released agenda (cases cross committees). A case that
        exists only as closed or draft items elsewhere is neither listed nor pickable."""
        if not permissions.is_any_sekretaer(user):
            return self.none()
        if user.is_superuser:
            return self
        items = Punkt.objects.filter(sag=OuterRef("pk"))
        own = items.filter(moede__udvalg__in=permissions.roller(user).sekretaer)
        # A case with no item yet (made in the admin, or its item deleted) is in the register.
        return self.filter(Exists(own) | Exists(items.offentlige()) | ~Exists(items))

    def with_visningstitel(self, user):
        """`visningstitel`, the case's title as this user may see it. Sag.titel may come from
        a closed item, so it is shown only when no item of the case is hidden from the user;
        otherwise the title of the most open item that treats the case (the oldest open item
        on a released agenda, else the oldest item the user may read), else a neutral label."""
        items = Punkt.objects.filter(sag=OuterRef("pk")).order_by("moede__dato", "pk")
        # Conditions on each item's own meeting (by index), not sets of all items.
        hidden = items.exclude(punkt_offentlig_q()).exclude(moede_visible_q(user, "moede__"))
        return self.annotate(
            visningstitel=Case(
                When(~Exists(hidden), then=F("titel")),
                default=Coalesce(
                    Subquery(items.offentlige().values("titel")[:1]),
                    Subquery(items.visible_to(user).values("titel")[:1]),
                    Value(NEUTRAL_SAGSTITEL),
                ),
            )
        )

    def search(self, query: str):
        """Match a Sagsnr prefix or every word of the shown title (with_visningstitel)."""
        query = (query or "").replace("\x00", "").strip()
        if not query:
            return self
        if SAGSNR_PREFIX.match(query):
            return self.filter(sagsnr__startswith=query)
        qs = self
        for word in query.split()[:MAX_SEARCH_WORDS]:
            qs = qs.filter(visningstitel__icontains=word)
        return qs


class Sag(models.Model):
    sagsnr = models.CharField(
        "sagsnr.",
        max_length=8,
        unique=True,
        validators=[SAGSNR_VALIDATOR],
        error_messages={"unique": "Der findes allerede en sag med dette sagsnummer."},
    )
    titel = models.CharField("titel", max_length=300)
    oprettet = models.DateTimeField("oprettet", auto_now_add=True)

    objects = SagQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "sag"
        verbose_name_plural = "sager"
        ordering = ["-oprettet"]

    def __str__(self):
        return f"{self.sagsnr} {self.titel}"

    def get_absolute_url(self):
        return reverse("protokol:sag-detail", args=[self.pk])


# The sections of an agenda item in the order the protocols print them (DOMAIN §2.5).
# Each is None (absent), "-" or text (sanitised HTML).
SEKTIONER = [
    ("tema", "Tema"),
    ("sagsbeskrivelse", "Sagsbeskrivelse"),
    ("supplerende_sagsbeskrivelse", "Supplerende sagsbeskrivelse"),
    ("administrationens_forslag", "Administrationens forslag"),
    ("afledte_konsekvenser", "Afledte konsekvenser"),
    ("oekonomi_og_finansiering", "Økonomi og finansiering"),
    ("dialog_hoering", "Dialog/høring"),
]


def punkt_offentlig_q(prefix: str = "") -> Q:
    """Items anyone may read (KSL §§ 8, 20), as a Q for Punkt rows or rows reaching one through
    `prefix`: open items of released agendas."""
    return Q(**{f"{prefix}adgang": Adgang.AABEN}) & ~Q(
        **{f"{prefix}moede__status": MoedeStatus.KLADDE}
    )


class PunktQuerySet(LockGuardQuerySet):
    def visible_to(self, user, moede=None):
        """Items the user may read: those of the meetings they may read (udvalg.permissions:
        the committee's secretaries, its members on the meeting's date), closed items
        (lukkede punkter) included, for whoever may read the meeting is the committee's own.

        Pass `moede` when all items belong to one meeting: it saves the permission query.
        """
        if moede is not None and permissions.can_view_moede(user, moede):
            return self.filter(moede=moede)
        return self.filter(moede_visible_q(user, "moede__"))

    def offentlige(self):
        """Items anyone may read (KSL §§ 8, 20): open items of released agendas."""
        return self.filter(punkt_offentlig_q())

    def for_moede_page(self, user, moede):
        return (
            self.visible_to(user, moede)
            .select_related("sag")
            .prefetch_related(
                # The list shows names, numbers and sizes; never the extracted text (search's).
                Prefetch("bilag", queryset=Bilag.objects.visible_to(user, moede).defer("tekst")),
            )
            .order_by("nummer")
        )

    def for_sag_page(self, user):
        return (
            self.visible_to(user)
            .select_related("moede__udvalg", "sag")
            .prefetch_related(
                Prefetch("bilag", queryset=Bilag.objects.visible_to(user).defer("tekst")),
            )
            .order_by("moede__dato", "moede__starttid", "nummer")
        )


class Punkt(LockGuarded):
    lock_path = "moede"

    moede = models.ForeignKey(
        Moede, verbose_name="møde", on_delete=models.CASCADE, related_name="punkter"
    )
    nummer = models.PositiveSmallIntegerField("nummer")
    titel = models.CharField("titel", max_length=300)
    sag = models.ForeignKey(
        Sag,
        verbose_name="sag",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="punkter",
    )
    punkttype = models.CharField(
        "punkttype", max_length=20, choices=Punkttype, default=Punkttype.BESLUTNING
    )
    adgang = models.CharField("adgang", max_length=10, choices=Adgang, default=Adgang.AABEN)
    offentlig_titel = models.CharField(
        "titel til offentligheden",
        max_length=300,
        blank=True,
        help_text="Kun for lukkede punkter: den titel, der må offentliggøres. "
        "Tom: punktet vises som »Lukket punkt«.",
    )
    fast_punkt = models.BooleanField("fast punkt", default=False)
    tillaeg = models.BooleanField(
        "tillægsdagsorden", default=False, help_text="Tilføjet efter at dagsordenen blev frigivet."
    )
    # NULL means "section absent", distinct from "-" and from text (DOMAIN §2.5): hence null=True.
    tema = models.TextField("tema", null=True, blank=True)  # noqa: DJ001
    sagsbeskrivelse = models.TextField("sagsbeskrivelse", null=True, blank=True)  # noqa: DJ001
    supplerende_sagsbeskrivelse = models.TextField(  # noqa: DJ001
        "supplerende sagsbeskrivelse", null=True, blank=True
    )
    administrationens_forslag = models.TextField("administrationens forslag", null=True, blank=True)  # noqa: DJ001
    afledte_konsekvenser = models.TextField("afledte konsekvenser", null=True, blank=True)  # noqa: DJ001
    oekonomi_og_finansiering = models.TextField("økonomi og finansiering", null=True, blank=True)  # noqa: DJ001
    dialog_hoering = models.TextField("dialog/høring", null=True, blank=True)  # noqa: DJ001
    # Optimistic locking: a save must name the version it was edited from.
    version = models.PositiveIntegerField("version", default=1)
    aendret = models.DateTimeField("senest ændret", auto_now=True)
    aendret_af = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="senest ændret af",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = PunktQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["aendret"])

    class Meta:
        verbose_name = "punkt"
        verbose_name_plural = "punkter"
        ordering = ["moede", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["moede", "nummer"], name="punkt_unique_nummer"),
        ]
        permissions = [("view_lukket_punkt", "Kan se lukkede punkter i alle udvalg")]

    def __str__(self):
        return f"{self.nummer}. {self.titel}"

    def get_absolute_url(self):
        return (
            reverse("protokol:moede-detail", args=[self.moede.udvalg.slug, self.moede.url_slug])
            + f"#punkt-{self.nummer}"
        )

    @property
    def is_lukket(self) -> bool:
        return self.adgang == Adgang.LUKKET

    @property
    def offentlig_visningstitel(self) -> str:
        """The title the public may see (KSL § 20: closed items are not published)."""
        if not self.is_lukket:
            return self.titel
        return self.offentlig_titel or "Lukket punkt"

    def sektioner(self) -> list[tuple[str, str, str]]:
        """(field, label, value) for the sections present, in protocol order.

        Supplerende sagsbeskrivelse is not a row of its own: it is printed inside the
        Sagsbeskrivelse row under a bold sub-heading, as in the protocols.
        """
        return [
            (field, label, getattr(self, field))
            for field, label in SEKTIONER
            if field != "supplerende_sagsbeskrivelse" and getattr(self, field) is not None
        ]


def bilag_upload_to(instance, filename):
    # The storage name is random; the verbatim file name lives in `filnavn`.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"bilag/{uuid.uuid4().hex}{suffix}"


class BilagQuerySet(LockGuardQuerySet):
    def visible_to(self, user, moede=None):
        """Attachments, closed ones too, of the items the user may read (PunktQuerySet).
        Single downloads go through sager.permissions.get_bilag_for_user."""
        qs = self.order_by("sekvens")
        if moede is not None and permissions.can_view_moede(user, moede):
            return qs.filter(punkt__moede=moede)
        return qs.filter(moede_visible_q(user, "punkt__moede__"))

    def offentlige(self):
        """Open attachments of open items on released agendas."""
        return self.filter(Q(adgang=Adgang.AABEN) & punkt_offentlig_q("punkt__")).order_by(
            "sekvens"
        )


class Bilag(LockGuarded):
    lock_path = "punkt__moede"

    punkt = models.ForeignKey(
        Punkt, verbose_name="punkt", on_delete=models.CASCADE, related_name="bilag"
    )
    sekvens = models.PositiveSmallIntegerField("nummer i punktet")
    filnavn = models.CharField("filnavn", max_length=255)
    titel = models.CharField("titel", max_length=300, blank=True)
    # Most attachments have no registry number (DOMAIN §2.9); NULL says "none".
    bilagsnr = models.CharField(  # noqa: DJ001
        "bilagsnr.", max_length=10, null=True, blank=True, validators=[BILAGSNR_VALIDATOR]
    )
    adgang = models.CharField("adgang", max_length=10, choices=Adgang, default=Adgang.AABEN)
    # Blank only for attachments imported from old protocols that name a file the protocol
    # did not carry (referatimport); every upload has a file.
    fil = models.FileField("fil", upload_to=bilag_upload_to, max_length=200, blank=True)
    stoerrelse = models.PositiveBigIntegerField("størrelse (bytes)", default=0)
    indholdstype = models.CharField("indholdstype", max_length=100, blank=True)
    sidetal = models.PositiveIntegerField("sidetal", null=True, blank=True)
    tekst = models.TextField("udtrukket tekst", blank=True)
    oprettet = models.DateTimeField("uploadet", auto_now_add=True)

    objects = BilagQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["tekst"])

    class Meta:
        verbose_name = "bilag"
        verbose_name_plural = "bilag"
        ordering = ["punkt", "sekvens"]
        constraints = [
            models.UniqueConstraint(fields=["punkt", "sekvens"], name="bilag_unique_sekvens"),
        ]

    def __str__(self):
        return f"{self.nummer} {self.filnavn}"

    def get_absolute_url(self):
        return reverse("sager:bilag-download", args=[self.pk])

    @property
    def nummer(self) -> str:
        """'3.1.' – uses the already loaded item."""
        return f"{self.punkt.nummer}.{self.sekvens}."

    @property
    def is_lukket(self) -> bool:
        return self.adgang == Adgang.LUKKET


class Fravaersaarsag(models.TextChoices):
    GIK = "gik", "Gik før punktet"
    KOM = "kom", "Kom efter punktet"
    INHABIL = "inhabil", "Inhabil"


class PunktFravaer(LockGuarded):
    """A member who did not take part in one item (left, arrived later, or inhabil, KSL §14)."""

    lock_path = "punkt__moede"

    punkt = models.ForeignKey(
        Punkt, verbose_name="punkt", on_delete=models.CASCADE, related_name="fravaer"
    )
    person = models.ForeignKey(
        "udvalg.Person", verbose_name="person", on_delete=models.PROTECT, related_name="+"
    )
    type = models.CharField("årsag", max_length=10, choices=Fravaersaarsag)
    note = models.CharField("note", max_length=300, blank=True)

    objects = LockGuardQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "fravær på punkt"
        verbose_name_plural = "fravær på punkter"
        constraints = [
            models.UniqueConstraint(fields=["punkt", "person"], name="punktfravaer_unique"),
        ]

    def __str__(self):
        return f"{self.person.navn}: {self.get_type_display()}"


class BeslutningQuerySet(LockGuardQuerySet):
    """A decision is visible exactly when its own item is; a decision entered by hand (an
    earlier one, with no item here) goes with its case. Votes and minority statements go with
    their decision. Wherever decisions are shown (case history, earlier decisions under an
    item, PDFs, public pages), they come through one of these."""

    def visible_to(self, user):
        # A hand-entered decision: an item of its case the user may read. EXISTS per decision
        # (the decisions asked for are few), not the set of every case the user may read (a
        # long-serving member reads tens of thousands).
        case_item = Punkt.objects.filter(sag_id=OuterRef("sag_id")).filter(
            moede_visible_q(user, "moede__")
        )
        return self.filter(
            (Q(punkt__isnull=False) & moede_visible_q(user, "punkt__moede__"))
            | (Q(punkt__isnull=True) & Exists(case_item))
        )

    def offentlige(self):
        """What anyone may read: decisions of open items in signed protocols, and earlier
        decisions entered by hand (shown under open items only)."""
        return self.filter(
            Q(punkt__adgang=Adgang.AABEN, punkt__moede__status=MoedeStatus.UNDERSKREVET)
            | Q(punkt__isnull=True)
        )

    def for_udvalg(self, udvalg):
        """What a committee's signed protocol may print for all its members: the public
        decisions and those of the committee's own items."""
        return self.filter(
            Q(punkt__adgang=Adgang.AABEN, punkt__moede__status=MoedeStatus.UNDERSKREVET)
            | Q(punkt__isnull=True)
            | Q(punkt__moede__udvalg=udvalg)
        )


class Beslutning(LockGuarded):
    """A decision on a case. Committee and date are stored directly: earlier decisions often
    come from meetings that are not in the system (another committee, an earlier term)."""

    lock_path = "punkt__moede"

    sag = models.ForeignKey(
        Sag,
        verbose_name="sag",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beslutninger",
    )
    punkt = models.OneToOneField(
        Punkt,
        verbose_name="punkt",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="beslutning",
    )
    udvalg = models.ForeignKey(
        "udvalg.Udvalg", verbose_name="udvalg", on_delete=models.PROTECT, related_name="+"
    )
    dato = models.DateField("dato")
    tekst = models.TextField("beslutning", blank=True)
    offentlig_tekst = models.TextField(
        "beslutning til offentligheden",
        blank=True,
        help_text="Kun for lukkede punkter: beslutningen i den form, der må offentliggøres.",
    )
    version = models.PositiveIntegerField("version", default=1)
    aendret = models.DateTimeField("senest ændret", auto_now=True)
    aendret_af = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="senest ændret af",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = BeslutningQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["aendret"])

    class Meta:
        verbose_name = "beslutning"
        verbose_name_plural = "beslutninger"
        ordering = ["dato", "pk"]
        constraints = [
            # An item has one decision (the one-to-one field); a case treated by two items of
            # one meeting (an open and a closed part) has one decision on each. An earlier
            # decision entered by hand is once per case, committee and day.
            models.UniqueConstraint(
                fields=["sag", "udvalg", "dato"],
                condition=Q(punkt__isnull=True),
                name="beslutning_unique_tidligere_sag_udvalg_dato",
                violation_error_message="Sagen har allerede en beslutning fra udvalget den dag.",
            ),
            models.CheckConstraint(
                condition=Q(sag__isnull=False) | Q(punkt__isnull=False),
                name="beslutning_has_sag_or_punkt",
                violation_error_message="En beslutning skal høre til en sag eller et punkt.",
            ),
        ]

    def __str__(self):
        return f"Beslutning {self.udvalg_id} den {self.dato:%d-%m-%Y}"


class Valg(models.TextChoices):
    FOR = "for", "For"
    IMOD = "imod", "Imod"
    UNDLOD = "undlod", "Undlod at stemme"


class Afstemning(LockGuarded):
    """A named vote (navneopråb) on the motion; the result is computed, never typed."""

    lock_path = "beslutning__punkt__moede"

    beslutning = models.OneToOneField(
        Beslutning, verbose_name="beslutning", on_delete=models.CASCADE, related_name="afstemning"
    )
    forslag = models.TextField("forslag sat til afstemning")

    objects = LockGuardQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "afstemning"
        verbose_name_plural = "afstemninger"

    def __str__(self):
        return f"Afstemning: {self.forslag[:60]}"


class Stemme(LockGuarded):
    lock_path = "afstemning__beslutning__punkt__moede"

    afstemning = models.ForeignKey(
        Afstemning, verbose_name="afstemning", on_delete=models.CASCADE, related_name="stemmer"
    )
    person = models.ForeignKey(
        "udvalg.Person", verbose_name="person", on_delete=models.PROTECT, related_name="+"
    )
    valg = models.CharField("stemme", max_length=10, choices=Valg)

    objects = LockGuardQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "stemme"
        verbose_name_plural = "stemmer"
        constraints = [
            models.UniqueConstraint(fields=["afstemning", "person"], name="stemme_unique_person"),
        ]

    def __str__(self):
        return f"{self.person.navn}: {self.get_valg_display()}"


class Mindretalsudtalelse(LockGuarded):
    """A minority statement entered into the protocol (KSL §13 stk. 2)."""

    lock_path = "beslutning__punkt__moede"

    beslutning = models.ForeignKey(
        Beslutning,
        verbose_name="beslutning",
        on_delete=models.CASCADE,
        related_name="mindretalsudtalelser",
    )
    person = models.ForeignKey(
        "udvalg.Person", verbose_name="person", on_delete=models.PROTECT, related_name="+"
    )
    tekst = models.TextField("udtalelse")

    objects = LockGuardQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "mindretalsudtalelse"
        verbose_name_plural = "mindretalsudtalelser"
        constraints = [
            models.UniqueConstraint(
                fields=["beslutning", "person"], name="mindretalsudtalelse_unique_person"
            ),
        ]

    def __str__(self):
        return f"{self.person.navn}: {self.tekst[:60]}"


class Standardtekst(models.Model):
    """A committee's own decision phrase, offered in the phrase picker beside the standard ones."""

    udvalg = models.ForeignKey(
        "udvalg.Udvalg",
        verbose_name="udvalg",
        on_delete=models.CASCADE,
        related_name="standardtekster",
    )
    tekst = models.CharField("tekst", max_length=500)
    sortering = models.PositiveSmallIntegerField("sortering", default=0)

    class Meta:
        verbose_name = "standardtekst"
        verbose_name_plural = "standardtekster"
        ordering = ["udvalg", "sortering", "tekst"]
        constraints = [
            models.UniqueConstraint(fields=["udvalg", "tekst"], name="standardtekst_unique"),
        ]

    def __str__(self):
        return self.tekst
