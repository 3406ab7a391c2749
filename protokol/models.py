"""What the layer that combines the apps stores of its own: the one-time keys of sent forms."""

from django.conf import settings
from django.db import models


class Indsendelse(models.Model):
    """A form sent with its one-time key (kerne's {% formularnoegle %}): the first request with
    a key is handled, any other with the same key is not (a double click, a browser retry)."""

    noegle = models.CharField("nøgle", max_length=64, unique=True)
    bruger = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE
    )
    sti = models.CharField("sti", max_length=500)
    oprettet = models.DateTimeField("sendt", auto_now_add=True, db_index=True)
    # The first request's answer: 0 while it runs, then its HTTP status and redirect target.
    status = models.PositiveSmallIntegerField("svarets status", default=0)
    svar = models.CharField("sendt videre til", max_length=500, blank=True)

    class Meta:
        verbose_name = "indsendt formular"
        verbose_name_plural = "indsendte formularer"

    def __str__(self) -> str:
        return f"{self.sti} {self.oprettet:%Y-%m-%d %H:%M}"


class CprBekraeftelse(models.Model):
    """A secretary confirmed that CPR-number-shaped strings may be published
    (protokol.cpr_kontrol): who, when, for which step, and what was shown (masked)."""

    class Handling(models.TextChoices):
        FRIGIVELSE = "frigivelse", "Frigivelse af dagsorden"
        UNDERSKRIFT = "underskrift", "Protokol sendt til underskrift"

    moede = models.ForeignKey(
        "udvalg.Moede", verbose_name="møde", on_delete=models.PROTECT, related_name="+"
    )
    bruger = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="bruger", on_delete=models.PROTECT, related_name="+"
    )
    handling = models.CharField("handling", max_length=20, choices=Handling)
    fund = models.JSONField("fund", default=list)
    tidspunkt = models.DateTimeField("tidspunkt", auto_now_add=True)

    class Meta:
        verbose_name = "bekræftelse af CPR-lignende tal"
        verbose_name_plural = "bekræftelser af CPR-lignende tal"
        ordering = ["-tidspunkt"]

    def __str__(self) -> str:
        return f"{self.get_handling_display()} {self.tidspunkt:%Y-%m-%d %H:%M}"
