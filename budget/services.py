"""Writes of budget rounds and savings proposals; each is one transaction."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from sager.models import Punkt
from udvalg.models import Udvalg

from .models import Aarstal, Besparelsesforslag, Budgetrunde, Ramme, Status


@dataclass(frozen=True)
class AarRaekke:
    """One parsed row of the year table; None is an empty cell."""

    aar: int
    engangs: int | None = None
    udgifter_service: int | None = None
    udgifter_overfoersel: int | None = None
    indtaegter: int | None = None
    aarsvaerk: Decimal | None = None

    @property
    def is_empty(self) -> bool:
        return all(
            v is None
            for v in (
                self.engangs,
                self.udgifter_service,
                self.udgifter_overfoersel,
                self.indtaegter,
                self.aarsvaerk,
            )
        )


@transaction.atomic
def runde_create(
    *, navn: str, slug: str, foerste_aar: int, sidste_aar: int, samlet_maal: int
) -> Budgetrunde:
    runde = Budgetrunde(
        navn=navn,
        slug=slug,
        foerste_aar=foerste_aar,
        sidste_aar=sidste_aar,
        samlet_maal=samlet_maal,
    )
    runde.full_clean()
    runde.save()
    return runde


@transaction.atomic
def ramme_set(
    *, runde: Budgetrunde, udvalg: Udvalg, nettodriftsbudget: int, besparelsesmaal: int
) -> Ramme:
    ramme = Ramme.objects.filter(runde=runde, udvalg=udvalg).first() or Ramme(
        runde=runde, udvalg=udvalg
    )
    ramme.nettodriftsbudget = nettodriftsbudget
    ramme.besparelsesmaal = besparelsesmaal
    ramme.full_clean()
    ramme.save()
    return ramme


@transaction.atomic
def forslag_save(
    *, forslag: Besparelsesforslag, aar: Iterable[AarRaekke], user=None
) -> Besparelsesforslag:
    """Save a proposal and replace its year table: a row per year with any figure; years left
    empty are dropped, so a proposal may cover only some years of the round. All or nothing."""
    rows = [row for row in aar if not row.is_empty]
    runde = forslag.runde
    errors = []
    seen = set()
    for row in rows:
        if not runde.foerste_aar <= row.aar <= runde.sidste_aar:
            errors.append(
                ValidationError(
                    f"{row.aar} ligger uden for budgetrunden "
                    f"{runde.foerste_aar}-{runde.sidste_aar}.",
                    code="aar_uden_for_runde",
                )
            )
        if row.aar in seen:
            errors.append(ValidationError(f"{row.aar} står to gange.", code="aar_dublet"))
        seen.add(row.aar)
    if errors:
        raise ValidationError(errors)
    forslag.aendret_af = user if user is not None and user.is_authenticated else None
    forslag.full_clean()
    forslag.save()
    existing = {a.aar: a for a in forslag.aarstal.all()}
    for row in rows:
        aarstal = existing.pop(row.aar, None) or Aarstal(forslag=forslag, aar=row.aar)
        changed = aarstal.pk is None
        for name in ("engangs", "udgifter_service", "udgifter_overfoersel", "indtaegter"):
            value = getattr(row, name)
            changed |= getattr(aarstal, name) != value
            setattr(aarstal, name, value)
        if aarstal.aarsvaerk != row.aarsvaerk:
            changed = True
            aarstal.aarsvaerk = row.aarsvaerk
        if changed:
            aarstal.full_clean(exclude=["forslag"])
            aarstal.save()
    for stale in existing.values():
        stale.delete()
    return forslag


def _check_punkt(punkt: Punkt) -> None:
    if punkt.moede.is_frozen:
        raise ValidationError(
            "Mødets protokol er sendt til underskrift eller underskrevet; punktets bilag kan "
            "ikke ændres.",
            code="protokol_laast",
        )


@transaction.atomic
def forslag_attach(*, forslag: Besparelsesforslag, punkt: Punkt) -> None:
    """List the proposal under the item's Bilag; a draft becomes "fremlagt" (presented).

    The item may belong to another committee: proposals travel on to Økonomiudvalget."""
    _check_punkt(punkt)
    forslag.punkter.add(punkt)
    if forslag.status == Status.UDKAST:
        forslag.status = Status.FREMLAGT
        forslag.save(update_fields=["status", "aendret"])


@transaction.atomic
def forslag_detach(*, forslag: Besparelsesforslag, punkt: Punkt) -> None:
    _check_punkt(punkt)
    forslag.punkter.remove(punkt)
