import datetime
import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from kerne import danish, sql
from udvalg.locking import LOCKED, LockGuarded, LockGuardQuerySet, ProtokolLaast

DEFAULT_FASTE_PUNKTER = ["Bemærkninger til dagsordenen", "Meddelelser"]


def default_faste_punkter():
    return list(DEFAULT_FASTE_PUNKTER)


class Underskriftsregel(models.TextChoices):
    ALLE = "alle", "Alle deltagende medlemmer underskriver"
    FORMAND_SEKRETAER = "formand_sekretaer", "Formand og sekretær underskriver"


class UdvalgQuerySet(models.QuerySet):
    def for_user(self, user):
        """Committees the user may read: as secretary or as (past or present) member."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(Q(sekretaerer=user) | Q(medlemskaber__person__user=user)).distinct()


class Udvalg(models.Model):
    navn = models.CharField("navn", max_length=200)
    forkortelse = models.CharField("forkortelse", max_length=20)
    periode_start = models.PositiveSmallIntegerField(
        "valgperiode fra", validators=[MinValueValidator(1970)]
    )
    periode_slut = models.PositiveSmallIntegerField(
        "valgperiode til", validators=[MinValueValidator(1970)]
    )
    slug = models.SlugField(
        "URL-navn",
        max_length=80,
        unique=True,
        blank=True,
        help_text="Dannes af forkortelse og valgperiode, fx ebu-2014-2017, hvis feltet er tomt.",
    )
    faste_punkter = models.JSONField(
        "faste punkter",
        default=default_faste_punkter,
        blank=True,
        help_text="Titler på de punkter, der oprettes automatisk på hvert nyt møde, i rækkefølge.",
    )
    underskriftsregel = models.CharField(
        "underskrift af protokollen",
        max_length=20,
        choices=Underskriftsregel,
        default=Underskriftsregel.ALLE,
        help_text="Kommunestyrelseslovens § 13: normalt alle deltagende medlemmer.",
    )
    sekretaerer = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="sekretærer",
        related_name="sekretaer_for",
        blank=True,
    )

    objects = UdvalgQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[sekretaerer])

    class Meta:
        verbose_name = "udvalg"
        verbose_name_plural = "udvalg"
        ordering = ["-periode_start", "navn"]
        constraints = [
            models.CheckConstraint(
                condition=Q(periode_slut__gte=models.F("periode_start")),
                name="udvalg_periode_order",
                violation_error_message="Valgperioden slutter før den begynder.",
            ),
        ]

    def __str__(self):
        return self.visningsnavn

    def get_absolute_url(self):
        return reverse("udvalg:udvalg-detail", args=[self.slug])

    @property
    def visningsnavn(self) -> str:
        return f"{self.navn} {self.periode_start}-{self.periode_slut}"

    def default_slug(self) -> str:
        return danish.slugify(f"{self.forkortelse} {self.periode_start}-{self.periode_slut}")

    def clean(self):
        if not self.slug and self.forkortelse and self.periode_start and self.periode_slut:
            self.slug = self.default_slug()
        if not isinstance(self.faste_punkter, list) or not all(
            isinstance(t, str) and t.strip() for t in self.faste_punkter
        ):
            raise ValidationError(
                {"faste_punkter": "Angiv de faste punkter som en liste af titler."},
                code="faste_punkter",
            )


class Person(models.Model):
    navn = models.CharField("navn", max_length=200)
    parti = models.CharField("parti", max_length=100, blank=True)
    parti_bogstav = models.CharField("partibogstav", max_length=3, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="brugerkonto",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "personer"
        ordering = ["navn"]

    def __str__(self):
        if self.parti_bogstav:
            return f"{self.navn} ({self.parti_bogstav})"
        return self.navn


class Rolle(models.TextChoices):
    FORMAND = "formand", "Formand"
    NAESTFORMAND = "naestformand", "Næstformand"
    MEDLEM = "medlem", "Medlem"


class MedlemskabQuerySet(models.QuerySet):
    def active_on(self, dag):
        """Memberships valid on `dag` (an open end is no limit)."""
        return self.filter(
            Q(gyldig_fra__isnull=True) | Q(gyldig_fra__lte=dag),
            Q(gyldig_til__isnull=True) | Q(gyldig_til__gte=dag),
        )


def medlem_paa_moedets_dato(user, prefix: str = "") -> Q:
    """The one rule for a member's access to a meeting's closed content (and its pages): a
    membership of the meeting's committee valid on the meeting's date, or, for a meeting still
    to come, valid today. A Q for Moede rows, or for rows that reach one through `prefix`
    ("moede__", "punkt__moede__"). An ended membership keeps only what the public sees.

    Written with the user's memberships as values (roller(), loaded once per request): plain
    conditions on the meeting's committee and date, which the database answers from the
    (udvalg, dato) index at any size, where a correlated subquery per meeting was not."""
    today = timezone.localdate()
    # Memberships of one term share their dates: one condition per period, not per committee
    # (a councillor of eight terms has dozens of memberships).
    per_period: dict[tuple, set[int]] = {}
    today_ids: set[int] = set()
    for udvalg_id, fra, til in roller(user).medlemskaber:
        per_period.setdefault((fra, til), set()).add(udvalg_id)
        if (fra is None or fra <= today) and (til is None or today <= til):
            today_ids.add(udvalg_id)
    perioder = [
        (tuple(sorted(ids)), fra, til, None)
        for (fra, til), ids in sorted(per_period.items(), key=str)
    ]
    if today_ids:
        perioder.append((tuple(sorted(today_ids)), None, None, today))
    return _any([Q(MedlemPaaDato(prefix, perioder))] if perioder else [], prefix)


class MedlemPaaDato(models.Expression):
    """medlem_paa_moedets_dato's condition as one SQL expression: per period `udvalg_id IN
    (...) AND dato >= fra AND dato <= til` (and `dato > today` for meetings to come), OR'ed.
    The meeting's two columns are resolved through the joins once; written as Q lookups a
    member of nine terms gave 27, each resolved and compiled anew: 2 ms per use at 100k items,
    and the case page uses the rule seven times (tests/udvalg/test_synlighed.py holds it to
    udvalg.permissions.can_view_moede)."""

    conditional = True
    output_field = models.BooleanField()

    def __init__(self, prefix: str, perioder):
        super().__init__()
        # (committee ids, from, to, after): None is an open end.
        self.perioder = [tuple(p) for p in perioder]
        self.udvalg = models.F(f"{prefix}udvalg_id")
        self.dato = models.F(f"{prefix}dato")

    def get_source_expressions(self):
        return [self.udvalg, self.dato]

    def set_source_expressions(self, exprs):
        self.udvalg, self.dato = exprs

    def as_sql(self, compiler, connection):
        udvalg_sql, udvalg_params = compiler.compile(self.udvalg)
        dato_sql, dato_params = compiler.compile(self.dato)
        parts, params = [], []
        for ids, fra, til, efter in self.perioder:
            conditions = [f"{udvalg_sql} IN ({', '.join(['%s'] * len(ids))})"]
            params += [*udvalg_params, *ids]
            for operator, value in ((">=", fra), ("<=", til), (">", efter)):
                if value is not None:
                    conditions.append(f"{dato_sql} {operator} %s")
                    params += [*dato_params, connection.ops.adapt_datefield_value(value)]
            parts.append(f"({' AND '.join(conditions)})")
        return f"({' OR '.join(parts)})", params


def _any(conditions: list[Q], prefix: str) -> Q:
    """OR of the conditions; none is a condition no row meets."""
    if not conditions:
        return Q(**{f"{prefix}pk__in": []})
    combined = conditions[0]
    for condition in conditions[1:]:
        combined |= condition
    return combined


@dataclass(frozen=True)
class Roller:
    sekretaer: frozenset[int] = field(default_factory=frozenset)
    medlem: frozenset[int] = field(default_factory=frozenset)  # ever a member (any dates)
    # (udvalg id, valid from, valid to) per membership; None is an open end
    medlemskaber: tuple[tuple[int, datetime.date | None, datetime.date | None], ...] = ()

    def medlem_on(self, udvalg_id: int, dag: datetime.date) -> bool:
        return any(
            u == udvalg_id and (fra is None or fra <= dag) and (til is None or dag <= til)
            for u, fra, til in self.medlemskaber
        )


def roller(user) -> Roller:
    """The user's committee roles, loaded once per request (one query) and cached on the user
    object (a request's user is new each request)."""
    if not user.is_authenticated:
        return Roller()
    cached = getattr(user, "_protokol_roller", None)
    if cached is None:
        # Every logged-in page asks this, the signed pages' fast path first among them: plain
        # SQL built once from the models, not the ORM's compilation of a union per request.
        rows = [
            (u, sql.dato(fra), sql.dato(til), sekretaer)
            for u, fra, til, sekretaer in sql.rows("roller", _roller_sql(), [user.pk, user.pk])
        ]
        medlemskaber = tuple((u, fra, til) for u, fra, til, sekretaer in rows if not sekretaer)
        cached = Roller(
            sekretaer=frozenset(u for u, _, _, sekretaer in rows if sekretaer),
            medlem=frozenset(u for u, _, _ in medlemskaber),
            medlemskaber=medlemskaber,
        )
        user._protokol_roller = cached
    return cached


@functools.cache
def _roller_sql() -> str:
    medlemskab, person = Medlemskab._meta.db_table, Person._meta.db_table
    sekretaer = Udvalg.sekretaerer.through._meta.db_table
    return (
        f"SELECT m.udvalg_id, m.gyldig_fra, m.gyldig_til, 0 FROM {medlemskab} m "  # noqa: S608 - table names from the models
        f"JOIN {person} p ON p.id = m.person_id WHERE p.user_id = %s "
        f"UNION ALL SELECT s.udvalg_id, NULL, NULL, 1 FROM {sekretaer} s WHERE s.user_id = %s"
    )


class Medlemskab(models.Model):
    udvalg = models.ForeignKey(
        Udvalg, verbose_name="udvalg", on_delete=models.CASCADE, related_name="medlemskaber"
    )
    person = models.ForeignKey(
        Person, verbose_name="person", on_delete=models.PROTECT, related_name="medlemskaber"
    )
    rolle = models.CharField("rolle", max_length=20, choices=Rolle, default=Rolle.MEDLEM)
    sortering = models.PositiveSmallIntegerField("sortering", default=0)
    gyldig_fra = models.DateField("gyldig fra", null=True, blank=True)
    gyldig_til = models.DateField("gyldig til", null=True, blank=True)
    stedfortraeder = models.BooleanField("stedfortræderplads", default=False)

    objects = MedlemskabQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "medlemskab"
        verbose_name_plural = "medlemskaber"
        ordering = ["udvalg", "sortering", "person__navn"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gyldig_til__isnull=True)
                | Q(gyldig_fra__isnull=True)
                | Q(gyldig_til__gte=models.F("gyldig_fra")),
                name="medlemskab_periode_order",
                violation_error_message="Medlemskabet slutter før det begynder.",
            ),
        ]

    def __str__(self):
        return f"{self.person.navn}, {self.get_rolle_display().lower()} i {self.udvalg.forkortelse}"

    def is_active_on(self, dag: datetime.date) -> bool:
        return (self.gyldig_fra is None or self.gyldig_fra <= dag) and (
            self.gyldig_til is None or dag <= self.gyldig_til
        )


class MoedeStatus(models.TextChoices):
    KLADDE = "kladde", "Kladde"
    FRIGIVET = "frigivet", "Dagsorden frigivet"
    AFHOLDT = "afholdt", "Afholdt"
    TIL_UNDERSKRIFT = "til_underskrift", "Til underskrift"
    UNDERSKREVET = "underskrevet", "Underskrevet"


class MoedeQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if self.filter(status=LOCKED).exists():
            raise ProtokolLaast()
        return super().update(**kwargs)

    def delete(self):
        if self.filter(status=LOCKED).exists():
            raise ProtokolLaast()
        return super().delete()

    def visible_to(self, user):
        """Secretaries see their committees' meetings, drafts too; a member sees the released
        meetings of the days their membership was valid (medlem_paa_moedets_dato), and with
        them the closed items."""
        return self.filter(moede_visible_q(user))


def moede_visible_q(user, prefix: str = "") -> Q:
    """MoedeQuerySet.visible_to as a Q, for Moede rows or rows that reach one through `prefix`
    ("moede__", "punkt__moede__"): a condition on the joined meeting, no subquery, so the
    items, attachments and decisions of the visible meetings are found by index at any size.
    A forward foreign key joins one meeting per row: no duplicates."""
    if not user.is_authenticated:
        return Q(**{f"{prefix}pk__in": []})
    if user.is_superuser:
        return Q()
    visible = moede_synlig_q(user, prefix)
    if user.has_perm("sager.view_lukket_punkt"):
        visible |= ~Q(**{f"{prefix}status": MoedeStatus.KLADDE})
    return visible


def moede_synlig_q(user, prefix: str = "") -> Q:
    """A Q for the meetings (or rows reaching one through `prefix`) an authenticated, non-super
    user may read by their roles; see MoedeQuerySet.visible_to."""
    sekretaer = sorted(roller(user).sekretaer)
    member = medlem_paa_moedets_dato(user, prefix) & ~Q(**{f"{prefix}status": MoedeStatus.KLADDE})
    return (
        _any([Q(**{f"{prefix}udvalg_id__in": sekretaer})], prefix) | member if sekretaer else member
    )


# Meetings are held in a sane span of years: the agenda's deadlines count working days back
# from the date, which before year 1 is no date at all.
FOERSTE_MOEDEDATO = datetime.date(1900, 1, 1)
SIDSTE_MOEDEDATO = datetime.date(2199, 12, 31)


class Moede(models.Model):
    udvalg = models.ForeignKey(
        Udvalg, verbose_name="udvalg", on_delete=models.PROTECT, related_name="moeder"
    )
    dato = models.DateField(
        "mødedato",
        validators=[
            MinValueValidator(FOERSTE_MOEDEDATO, "Mødedatoen skal ligge i år 1900 eller senere."),
            MaxValueValidator(SIDSTE_MOEDEDATO, "Mødedatoen skal ligge i år 2199 eller før."),
        ],
    )
    starttid = models.TimeField("starttidspunkt", null=True, blank=True)
    sted = models.CharField("mødested", max_length=200, blank=True)
    url_slug = models.SlugField(
        "URL-dato",
        max_length=20,
        editable=False,
        help_text="ÅÅÅÅ-MM-DD, med -2 osv. ved flere møder",
    )
    status = models.CharField(
        "status", max_length=20, choices=MoedeStatus, default=MoedeStatus.KLADDE
    )
    frigivet_tid = models.DateTimeField("dagsorden frigivet", null=True, blank=True)
    frigivet_af = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="frigivet af",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    oprettet = models.DateTimeField("oprettet", auto_now_add=True)

    objects = MoedeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "møde"
        verbose_name_plural = "møder"
        ordering = ["-dato", "-starttid"]
        constraints = [
            models.UniqueConstraint(fields=["udvalg", "url_slug"], name="moede_unique_url"),
        ]
        permissions = [("reopen_protokol", "Kan genåbne en underskrevet protokol")]

    def __str__(self):
        return f"{self.udvalg.visningsnavn} {danish.long_date(self.dato)}"

    def save(self, *args, **kwargs):
        # Only the logged reopening (protokol.services.underskrift.referat_reopen) may move a
        # meeting out of "underskrevet" (it sets _genaabning), and only the lock
        # (protokol.services.laasning) may move one in (it sets _laasning). The database
        # triggers check the same below the ORM: the log, and a stored version.
        stored_locked = self._stored_locked()
        if stored_locked and not getattr(self, "_genaabning", False):
            raise ProtokolLaast()
        if self.status == LOCKED and not stored_locked and not getattr(self, "_laasning", False):
            raise ProtokolLaast(
                "Et møde bliver kun underskrevet ved at alle underskriver protokollen."
            )
        return super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("protokol:moede-detail", args=[self.udvalg.slug, self.url_slug])

    def delete(self, *args, **kwargs):
        if self._stored_locked():
            raise ProtokolLaast()
        return super().delete(*args, **kwargs)

    def _stored_locked(self) -> bool:
        return (
            self.pk is not None
            and type(self)._base_manager.filter(pk=self.pk, status=LOCKED).exists()
        )

    @property
    def is_draft(self) -> bool:
        return self.status == MoedeStatus.KLADDE

    @property
    def is_released(self) -> bool:
        return self.status != MoedeStatus.KLADDE

    @property
    def is_locked(self) -> bool:
        """Signed minutes are immutable (see udvalg.locking)."""
        return self.status == MoedeStatus.UNDERSKREVET

    @property
    def is_frozen(self) -> bool:
        """No edits while members sign, nor after."""
        return self.status in (MoedeStatus.TIL_UNDERSKRIFT, MoedeStatus.UNDERSKREVET)


class FremmoedeStatus(models.TextChoices):
    TIL_STEDE = "til_stede", "Til stede"
    AFBUD = "afbud", "Afbud"
    SYGDOM = "sygdom", "Sygdom"
    ANDET = "andet", "Andet fravær"


class Fremmoede(LockGuarded):
    """Attendance of one person at a meeting: a member who deviates from "present", or a
    substitute (stedfortræder, KSL §15) taking a member's seat. Members without a row are
    present."""

    lock_path = "moede"

    moede = models.ForeignKey(
        Moede, verbose_name="møde", on_delete=models.CASCADE, related_name="fremmoede"
    )
    person = models.ForeignKey(
        Person, verbose_name="person", on_delete=models.PROTECT, related_name="fremmoede"
    )
    status = models.CharField(
        "status", max_length=20, choices=FremmoedeStatus, default=FremmoedeStatus.TIL_STEDE
    )
    grund = models.CharField("anden grund", max_length=200, blank=True)
    stedfortraeder_for = models.ForeignKey(
        Person,
        verbose_name="stedfortræder for",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="erstattet_af",
    )

    objects = LockGuardQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "fremmøde"
        verbose_name_plural = "fremmøde"
        constraints = [
            models.UniqueConstraint(fields=["moede", "person"], name="fremmoede_unique_person"),
            models.CheckConstraint(
                condition=~Q(stedfortraeder_for=models.F("person")),
                name="fremmoede_not_own_substitute",
                violation_error_message="En person kan ikke være stedfortræder for sig selv.",
            ),
        ]

    def __str__(self):
        return f"{self.person.navn}: {self.get_status_display()}"

    @property
    def is_present(self) -> bool:
        return self.status == FremmoedeStatus.TIL_STEDE


class Underskrift(LockGuarded):
    """One required signature on a meeting's protocol (KSL §13 stk. 1)."""

    lock_path = "moede"

    moede = models.ForeignKey(
        Moede, verbose_name="møde", on_delete=models.CASCADE, related_name="underskrifter"
    )
    person = models.ForeignKey(
        Person,
        verbose_name="person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="underskrifter",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="bruger",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="underskrifter",
    )
    navn = models.CharField("navn", max_length=200)
    rolle = models.CharField("rolle", max_length=50)
    sortering = models.PositiveSmallIntegerField("rækkefølge")
    underskrevet = models.DateTimeField("underskrevet", null=True, blank=True)

    objects = LockGuardQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "underskrift"
        verbose_name_plural = "underskrifter"
        ordering = ["moede", "sortering"]
        constraints = [
            models.UniqueConstraint(fields=["moede", "sortering"], name="underskrift_unique_plads"),
        ]

    def __str__(self):
        return f"{self.navn} ({self.rolle})"


def protokol_upload_to(instance, filename):
    return f"protokoller/{instance.moede_id}/v{instance.version}-{instance.sha256[:12]}.pdf"


def protokol_arkiv_upload_to(instance, filename):
    return (
        f"protokoller/{instance.moede_id}/v{instance.version}-{instance.arkiv_sha256[:12]}-pdfa.pdf"
    )


class ProtokolVersion(models.Model):
    """A locked protocol as rendered once and stored; never changed or deleted (a correction
    is a new version). It carries the frozen copy of everything the signed meeting shows
    (`indhold`, see protokol.indhold), and a link in a chain over all versions: `kaede` hashes
    the previous version's link with this version's files and copy, and `signatur` is an HMAC
    of it with a key kept outside the database (settings.PROTOKOL_SIGNING_KEY), so a version
    written, changed or removed by anything but the lock is detected (verify_protocols)."""

    moede = models.ForeignKey(
        Moede, verbose_name="møde", on_delete=models.PROTECT, related_name="versioner"
    )
    version = models.PositiveSmallIntegerField("version")
    fil = models.FileField("PDF", upload_to=protokol_upload_to, max_length=200)
    sha256 = models.CharField("SHA-256", max_length=64)
    # The archival copy: PDF/A-3b of the same protocol, stored at the same lock.
    arkiv = models.FileField(
        "PDF/A (arkiv)", upload_to=protokol_arkiv_upload_to, max_length=200, blank=True
    )
    arkiv_sha256 = models.CharField("SHA-256 (arkiv)", max_length=64, blank=True)
    laast = models.DateTimeField("låst", auto_now_add=True)
    indhold = models.JSONField("frosset indhold", default=dict, blank=True)
    indhold_sha256 = models.CharField("SHA-256 (indhold)", max_length=64, blank=True)
    forrige_kaede = models.CharField("forrige versions kædehash", max_length=64, blank=True)
    kaede = models.CharField("kædehash", max_length=64, blank=True)
    signatur = models.CharField("signatur (HMAC-SHA256)", max_length=64, blank=True)

    class Meta:
        verbose_name = "protokolversion"
        verbose_name_plural = "protokolversioner"
        ordering = ["moede", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["moede", "version"], name="protokolversion_unique"),
            # One chain: no two versions follow the same link.
            models.UniqueConstraint(
                fields=["forrige_kaede"],
                condition=~Q(forrige_kaede=""),
                name="protokolversion_kaede_lineaer",
            ),
        ]

    def __str__(self):
        return f"{self.moede} v{self.version}"


def protokol_udgave_upload_to(instance, filename):
    version = instance.version
    return (
        f"protokoller/{version.moede_id}/v{version.version}-{instance.udgave}"
        f"-{instance.sha256[:12]}.pdf"
    )


class ProtokolUdgave(models.Model):
    """A further PDF of a signed version (the public protocol, the agenda, with or without
    attachments), rendered from the version's frozen copy the first time it is asked for and
    kept: never rendered per request, never changed."""

    version = models.ForeignKey(
        ProtokolVersion, verbose_name="version", on_delete=models.PROTECT, related_name="udgaver"
    )
    udgave = models.CharField("udgave", max_length=40)
    fil = models.FileField("PDF", upload_to=protokol_udgave_upload_to, max_length=200)
    sha256 = models.CharField("SHA-256", max_length=64)
    signatur = models.CharField("signatur (HMAC-SHA256)", max_length=64)
    oprettet = models.DateTimeField("oprettet", auto_now_add=True)

    class Meta:
        verbose_name = "protokoludgave"
        verbose_name_plural = "protokoludgaver"
        constraints = [
            models.UniqueConstraint(fields=["version", "udgave"], name="protokoludgave_unik"),
        ]

    def __str__(self):
        return f"{self.version} {self.udgave}"


class Genaabning(models.Model):
    """The logged reopening of a signed protocol: who, when and why."""

    moede = models.ForeignKey(
        Moede, verbose_name="møde", on_delete=models.PROTECT, related_name="genaabninger"
    )
    version = models.PositiveSmallIntegerField("genåbnet version")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="genåbnet af", on_delete=models.PROTECT
    )
    tidspunkt = models.DateTimeField("tidspunkt", auto_now_add=True)
    begrundelse = models.TextField("begrundelse")

    class Meta:
        verbose_name = "genåbning"
        verbose_name_plural = "genåbninger"
        ordering = ["moede", "tidspunkt"]

    def __str__(self):
        return f"{self.moede} genåbnet {self.tidspunkt:%d-%m-%Y}"
