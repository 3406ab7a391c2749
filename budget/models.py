"""Budget rounds, committee frames and savings proposals (besparelsesforslag), DOMAIN §5.

Money is whole kroner in integers. Signs as the forms print them: negative = less
(mindreudgift/mindreindtægt), positive = more. The net of a year row is a generated column,
so it is the sum of its parts in every query, export and aggregate, and nobody can type it.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from sager.models import SAGSNR_VALIDATOR, Punkt
from udvalg import permissions
from udvalg.models import Medlemskab, Udvalg

from .beloeb import MAKS


class Budgetrunde(models.Model):
    """One budget round ("Budgetlægning 2016 - 2019") with the all-committee savings target."""

    navn = models.CharField("navn", max_length=200)
    slug = models.SlugField("kortnavn i adressen", max_length=40, unique=True)
    foerste_aar = models.PositiveSmallIntegerField(
        "første budgetår", validators=[MinValueValidator(2000), MaxValueValidator(2200)]
    )
    sidste_aar = models.PositiveSmallIntegerField(
        "sidste budgetår", validators=[MinValueValidator(2000), MaxValueValidator(2200)]
    )
    samlet_maal = models.BigIntegerField(
        "samlet besparelsesmål (kr.)",
        validators=[MinValueValidator(0), MaxValueValidator(MAKS)],
        help_text="Alle udvalg tilsammen, fx 50.000.000.",
    )

    class Meta:
        verbose_name = "budgetrunde"
        verbose_name_plural = "budgetrunder"
        ordering = ["-foerste_aar", "navn"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sidste_aar__gte=F("foerste_aar"))
                & Q(sidste_aar__lte=F("foerste_aar") + 9),
                name="budgetrunde_aar_interval",
                violation_error_message="Sidste budgetår skal ligge 0-9 år efter det første.",
            ),
        ]

    def __str__(self):
        return self.navn

    def get_absolute_url(self):
        return reverse("budget:katalog", args=[self.slug])

    @property
    def aarene(self) -> list[int]:
        return list(range(self.foerste_aar, self.sidste_aar + 1))


class Ramme(models.Model):
    """A committee's frame in a round: its net operating budget and its savings target."""

    runde = models.ForeignKey(
        Budgetrunde, verbose_name="budgetrunde", on_delete=models.CASCADE, related_name="rammer"
    )
    udvalg = models.ForeignKey(
        Udvalg, verbose_name="udvalg", on_delete=models.PROTECT, related_name="budgetrammer"
    )
    nettodriftsbudget = models.BigIntegerField(
        "nettodriftsbudget (kr.)", validators=[MinValueValidator(0), MaxValueValidator(MAKS)]
    )
    besparelsesmaal = models.BigIntegerField(
        "besparelsesmål (kr. pr. år)",
        validators=[MinValueValidator(0), MaxValueValidator(MAKS)],
        help_text="Den årlige besparelse udvalget skal finde, som et positivt beløb.",
    )

    class Meta:
        verbose_name = "budgetramme"
        verbose_name_plural = "budgetrammer"
        constraints = [
            models.UniqueConstraint(fields=["runde", "udvalg"], name="ramme_unik_pr_udvalg"),
        ]

    def __str__(self):
        return f"{self.udvalg.forkortelse} i {self.runde}"

    @property
    def maal_procent(self) -> Decimal | None:
        """The target as a share of the net operating budget (0,1 pct. for EBU in 2016)."""
        if not self.nettodriftsbudget:
            return None
        return Decimal(self.besparelsesmaal * 100) / Decimal(self.nettodriftsbudget)


class Udgiftstype(models.TextChoices):
    SERVICE = "service", "Service"
    OVERFOERSEL = "overfoersel", "Overførsel"
    BEGGE = "begge", "Service og overførsel"


class Status(models.TextChoices):
    UDKAST = "udkast", "Udkast"
    FREMLAGT = "fremlagt", "Fremlagt"
    VEDTAGET = "vedtaget", "Vedtaget"
    FORKASTET = "forkastet", "Forkastet"
    UDSKUDT = "udskudt", "Udskudt"


class ForslagQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A committee's secretaries see all its proposals; its members, whose membership
        falls within the round's years, all but drafts (udkast); anyone sees a proposal
        attached to an agenda item they may read; holders of budget.view_alle_forslag (finance
        staff) see every committee's. A former member keeps only what the public sees."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser or user.has_perm("budget.view_alle_forslag"):
            return self
        r = permissions.roller(user)
        behandlet = Besparelsesforslag.punkter.through.objects.filter(
            punkt__in=Punkt.objects.visible_to(user)
        ).values("besparelsesforslag_id")
        i_runden = Medlemskab.objects.filter(
            Q(gyldig_fra__isnull=True) | Q(gyldig_fra__year__lte=OuterRef("runde__sidste_aar")),
            Q(gyldig_til__isnull=True) | Q(gyldig_til__year__gte=OuterRef("runde__foerste_aar")),
            person__user=user,
            udvalg=OuterRef("udvalg"),
        )
        return self.filter(
            Q(udvalg__in=r.sekretaer)
            | (Exists(i_runden) & ~Q(status=Status.UDKAST))
            | Q(pk__in=behandlet)
        )

    def for_list(self):
        return (
            self.select_related("udvalg", "runde")
            .prefetch_related("aarstal")
            .order_by("udvalg__navn", "afdeling_nr", "forslag_nr", "scenarie_nr")
        )


class Besparelsesforslag(models.Model):
    """One savings proposal form (DOMAIN §5.1), every field in print order."""

    runde = models.ForeignKey(
        Budgetrunde,
        verbose_name="budgetrunde",
        on_delete=models.PROTECT,
        related_name="forslag",
    )
    udvalg = models.ForeignKey(
        Udvalg, verbose_name="udvalg", on_delete=models.PROTECT, related_name="besparelsesforslag"
    )
    afdeling_nr = models.PositiveIntegerField(
        "afdelings nr.", validators=[MinValueValidator(1), MaxValueValidator(99999)]
    )
    afdeling_navn = models.CharField(
        "afdeling", max_length=100, blank=True, help_text="Fx Borgerservice (står i overskriften)."
    )
    forslag_nr = models.PositiveIntegerField(
        "forslag nr.", validators=[MinValueValidator(1), MaxValueValidator(9999)]
    )
    scenarie_nr = models.PositiveIntegerField(
        "scenarie nr.", default=1, validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    udgiftstype = models.CharField("udgiftstype", max_length=12, choices=Udgiftstype.choices)
    udgiftstype_tekst = models.CharField(
        "udgiftstype som skrevet",
        max_length=60,
        blank=True,
        help_text="Fx Overførsel/Service; tom: navnet på udgiftstypen.",
    )
    acadre = models.CharField(
        "Acadre", max_length=8, blank=True, validators=[SAGSNR_VALIDATOR], help_text="Fx 15/6552."
    )
    titel = models.CharField("titel", max_length=300)
    beskrivelse = models.TextField("beskrivelse", blank=True)
    sammenhaenge = models.TextField("sammenhænge med andre besparelsesforslag", blank=True)
    ikrafttraeden = models.DateField("ikrafttrædelsestidspunkt", null=True, blank=True)
    oekonomi_note = models.TextField(
        "note til økonomitabellen",
        blank=True,
        help_text="Fx »Merudgifterne er serviceudgifter«.",
    )
    oekonomi_beskrivelse = models.TextField(
        "uddybende beskrivelse af besparelsespotentialet", blank=True
    )
    personale_beskrivelse = models.TextField(
        "uddybende beskrivelse af konsekvenser i årsværk", blank=True
    )
    serviceniveau_nu = models.TextField("nuværende serviceniveau", blank=True)
    serviceniveau_fremtidig = models.TextField("forslag til fremtidig serviceniveau", blank=True)
    serviceniveau_konsekvenser = models.TextField(
        "konsekvenser ved fremtidig serviceniveau (fordele/ulemper)", blank=True
    )
    serviceniveau_sammenligning = models.TextField(
        "sammenligning af serviceniveau med andre kommuner", blank=True
    )
    dialog_hoering = models.TextField("dialog/høring", blank=True)
    bilag_tekst = models.TextField("bilag", blank=True)
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.UDKAST
    )
    punkter = models.ManyToManyField(
        "sager.Punkt",
        verbose_name="behandlet under punkt",
        related_name="besparelsesforslag",
        blank=True,
    )
    aendret = models.DateTimeField("ændret", auto_now=True)
    aendret_af = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ændret af",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ForslagQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[punkter], excluded_fields=["aendret"])

    class Meta:
        verbose_name = "besparelsesforslag"
        verbose_name_plural = "besparelsesforslag"
        ordering = ["runde", "udvalg", "afdeling_nr", "forslag_nr", "scenarie_nr"]
        constraints = [
            models.UniqueConstraint(
                fields=["runde", "afdeling_nr", "forslag_nr", "scenarie_nr"],
                name="besparelsesforslag_identitet",
                violation_error_message=(
                    "Der findes allerede et forslag med dette afdelings-, forslags- og "
                    "scenarienummer i budgetrunden."
                ),
            ),
        ]
        permissions = [("view_alle_forslag", "Kan se alle udvalgs besparelsesforslag")]

    def __str__(self):
        return f"{self.nummer} {self.titel}"

    def get_absolute_url(self):
        return reverse("budget:forslag-detail", args=[self.runde.slug, self.url_noegle])

    @property
    def nummer(self) -> str:
        """434/1, or 434/1 scenarie 2 for a second scenario."""
        text = f"{self.afdeling_nr}/{self.forslag_nr}"
        return text if self.scenarie_nr == 1 else f"{text} scenarie {self.scenarie_nr}"

    @property
    def url_noegle(self) -> str:
        return f"{self.afdeling_nr}-{self.forslag_nr}-{self.scenarie_nr}"

    @property
    def overskrift(self) -> str:
        """The form's title line: "Borgerservice – Titel (EBU)"."""
        prefix = f"{self.afdeling_navn} – " if self.afdeling_navn else ""
        return f"{prefix}{self.titel} ({self.udvalg.forkortelse})"

    @property
    def udgiftstype_visning(self) -> str:
        return self.udgiftstype_tekst or self.get_udgiftstype_display()


def _sum_parts():
    parts = ["engangs", "udgifter_service", "udgifter_overfoersel", "indtaegter"]
    expression = Coalesce(F(parts[0]), Value(0))
    for part in parts[1:]:
        expression = expression + Coalesce(F(part), Value(0))
    return expression


class Aarstal(models.Model):
    """One budget year of a proposal's ØKONOMI and PERSONALE tables. Empty cells are None."""

    forslag = models.ForeignKey(
        Besparelsesforslag,
        verbose_name="besparelsesforslag",
        on_delete=models.CASCADE,
        related_name="aarstal",
    )
    aar = models.PositiveSmallIntegerField("budgetår")
    engangs = models.BigIntegerField("éngangsudgift/investering", null=True, blank=True)
    udgifter_service = models.BigIntegerField("udgifter, service", null=True, blank=True)
    udgifter_overfoersel = models.BigIntegerField("udgifter, overførsel", null=True, blank=True)
    indtaegter = models.BigIntegerField("indtægter", null=True, blank=True)
    netto = models.GeneratedField(
        verbose_name="i alt netto",
        expression=_sum_parts(),
        output_field=models.BigIntegerField(),
        db_persist=True,
    )
    aarsvaerk = models.DecimalField(
        "total reduktion i antal årsværk", max_digits=6, decimal_places=2, null=True, blank=True
    )

    history = HistoricalRecords(excluded_fields=["netto"])

    class Meta:
        verbose_name = "budgetår"
        verbose_name_plural = "budgetår"
        ordering = ["aar"]
        constraints = [
            models.UniqueConstraint(fields=["forslag", "aar"], name="aarstal_unikt_aar"),
        ]

    def __str__(self):
        return f"{self.aar}"

    @property
    def udgifter(self) -> int | None:
        """Service and overførsel together, as the old single Udgifter cell."""
        if self.udgifter_service is None and self.udgifter_overfoersel is None:
            return None
        return (self.udgifter_service or 0) + (self.udgifter_overfoersel or 0)

    @classmethod
    def compute_netto(cls, **parts) -> int:
        """The net before the row is saved (the form's preview): the same sum as the column."""
        return sum(parts.get(name) or 0 for name in AARSTAL_BELOEB)


AARSTAL_BELOEB = ["engangs", "udgifter_service", "udgifter_overfoersel", "indtaegter"]
