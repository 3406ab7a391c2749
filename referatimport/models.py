"""The importer's own records: which old protocol made which meeting, and the runs of the
import page. Both models moved here from ``sager`` (migration sager/0007 and
referatimport/0001); their tables keep their old names, so no data moved."""

from django.conf import settings
from django.db import models

from udvalg.models import Moede


class Referatimport(models.Model):
    """One old protocol file brought in by ``import_referat``: which meeting it made, so the
    same file imported again changes nothing, and where every imported meeting came from."""

    sha256 = models.CharField("SHA-256 af teksten", max_length=64, unique=True)
    kilde = models.CharField("fil", max_length=255)
    moede = models.ForeignKey(
        Moede, verbose_name="møde", on_delete=models.PROTECT, related_name="importer"
    )
    importeret = models.DateTimeField("importeret", auto_now_add=True)
    ikke_placeret = models.JSONField("linjer der ikke kunne placeres", default=list, blank=True)

    class Meta:
        db_table = "sager_referatimport"
        verbose_name = "import af referat"
        verbose_name_plural = "importer af referater"

    def __str__(self):
        return f"{self.kilde} → {self.moede}"


class Importstatus(models.TextChoices):
    KLAR = "klar", "Klar til gennemsyn"
    VENTER = "venter", "Venter"
    KOERER = "koerer", "Kører"
    FAERDIG = "faerdig", "Færdig"
    FEJLET = "fejlet", "Fejlet"


class Importkoersel(models.Model):
    """One upload of old protocol files on the import page: previewed while "klar", then
    imported file by file by a background task (referatimport.tasks.importer_filer). The
    per-file results are kept as JSON so the result page needs no query per file."""

    oprettet_af = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="oprettet af",
        on_delete=models.PROTECT,
        related_name="importkoersler",
    )
    oprettet = models.DateTimeField("oprettet", auto_now_add=True)
    status = models.CharField(
        "status", max_length=10, choices=Importstatus.choices, default=Importstatus.KLAR
    )
    udvalg_navn = models.CharField(
        "udvalg (i stedet for protokollens eget)", max_length=200, blank=True
    )
    # [{"navn": original file name, "sti": path under MEDIA_ROOT}]; "sti" is dropped once the
    # uploaded copies are deleted after the run.
    filer = models.JSONField("filer", default=list, blank=True)
    # One dict per file done: navn, status, grund, oprettet, genbrugt, ikke_placeret,
    # moede_id, moede_url, moede_titel.
    resultater = models.JSONField("resultater", default=list, blank=True)
    behandlet = models.PositiveIntegerField("filer behandlet", default=0)
    fejl = models.TextField("fejlbesked", blank=True)

    class Meta:
        db_table = "sager_importkoersel"
        verbose_name = "importkørsel"
        verbose_name_plural = "importkørsler"
        ordering = ["-oprettet"]

    def __str__(self):
        return f"Import {self.pk} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (Importstatus.FAERDIG, Importstatus.FEJLET)

    @property
    def antal(self) -> int:
        return len(self.filer)
