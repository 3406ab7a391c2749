"""The round overview ("Samlet oversigt over besparelser", DOMAIN §5.4) as plain data.

One builder serves the overview page, the catalogue totals, the CSV and XLSX exports and the
PDF, so their figures cannot drift apart. It works on proposals whose year rows are already
prefetched (``ForslagQuerySet.for_list``) and runs no query of its own.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from budget.models import Aarstal, Besparelsesforslag, Budgetrunde, Ramme


@dataclass
class Tal:
    """One year's figures; sums of Tal are the totals rows. Signs: negative = less."""

    engangs: int = 0
    service: int = 0
    overfoersel: int = 0
    indtaegter: int = 0
    netto: int = 0

    @classmethod
    def from_aarstal(cls, row: Aarstal) -> "Tal":
        return cls(
            engangs=row.engangs or 0,
            service=row.udgifter_service or 0,
            overfoersel=row.udgifter_overfoersel or 0,
            indtaegter=row.indtaegter or 0,
            netto=row.netto,  # the database's generated column
        )

    @property
    def udgifter(self) -> int:
        return self.service + self.overfoersel

    def __add__(self, other: "Tal") -> "Tal":
        return Tal(
            engangs=self.engangs + other.engangs,
            service=self.service + other.service,
            overfoersel=self.overfoersel + other.overfoersel,
            indtaegter=self.indtaegter + other.indtaegter,
            netto=self.netto + other.netto,
        )


def procent(taeller: int, naevner: int) -> Decimal | None:
    """taeller/naevner in percent with one decimal, rounded half up as a Dane expects."""
    if not naevner:
        return None
    return (Decimal(taeller) * 100 / Decimal(naevner)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


@dataclass
class Maalopfyldelse:
    """A yearly figure held against a savings target (a positive amount of kroner).

    ``beloeb`` keeps the forms' sign: -1.327.000 is a saving of 1.327.000.
    """

    maal: int
    beloeb: int
    nettodriftsbudget: int | None = None

    @property
    def besparelse(self) -> int:
        return -self.beloeb

    @property
    def forskel(self) -> int:
        """Kroner beyond the target (positive) or missing (negative)."""
        return self.besparelse - self.maal

    @property
    def opfyldt(self) -> bool:
        return self.forskel >= 0

    @property
    def forskel_procent(self) -> Decimal | None:
        """The gap in percent of the target."""
        return procent(self.forskel, self.maal)

    @property
    def andel_af_budget(self) -> Decimal | None:
        """The saving in percent of the net operating budget (the frame's "svarende til")."""
        return procent(self.besparelse, self.nettodriftsbudget or 0)


def _sum_years(aarene: list[int], rows: Iterable[dict[int, Tal]]) -> dict[int, Tal]:
    total = {aar: Tal() for aar in aarene}
    for row in rows:
        for aar in aarene:
            total[aar] = total[aar] + row.get(aar, Tal())
    return total


@dataclass
class ForslagLinje:
    forslag: Besparelsesforslag
    aar: dict[int, Tal]
    aarene: list[int]

    @cached_property
    def kolonner(self) -> list[Tal | None]:
        """The figures in the round's year order; None where the proposal has no row."""
        return [self.aar.get(aar) for aar in self.aarene]


@dataclass
class UdvalgBlok:
    udvalg: object
    ramme: Ramme | None
    aarene: list[int]
    linjer: list[ForslagLinje] = field(default_factory=list)

    @cached_property
    def i_alt(self) -> dict[int, Tal]:
        return _sum_years(self.aarene, (linje.aar for linje in self.linjer))

    def _maal(self, attr: str) -> dict[int, Maalopfyldelse]:
        if self.ramme is None:
            return {}
        total = self.i_alt
        return {
            aar: Maalopfyldelse(
                maal=self.ramme.besparelsesmaal,
                beloeb=getattr(total[aar], attr),
                nettodriftsbudget=self.ramme.nettodriftsbudget,
            )
            for aar in self.aarene
        }

    @cached_property
    def maal_netto(self) -> dict[int, Maalopfyldelse]:
        return self._maal("netto")

    @cached_property
    def maal_service(self) -> dict[int, Maalopfyldelse]:
        """The target against service spending alone: a net saving made of lower transfers
        (overførsler) can hide rising service spending, which the frame is about."""
        return self._maal("service")


@dataclass
class Oversigt:
    runde: Budgetrunde
    aarene: list[int]
    blokke: list[UdvalgBlok]

    @cached_property
    def linjer(self) -> list[ForslagLinje]:
        return [linje for blok in self.blokke for linje in blok.linjer]

    @cached_property
    def i_alt(self) -> dict[int, Tal]:
        return _sum_years(self.aarene, (linje.aar for linje in self.linjer))

    @cached_property
    def samlet_maal(self) -> dict[int, Maalopfyldelse]:
        total = self.i_alt
        return {
            aar: Maalopfyldelse(maal=self.runde.samlet_maal, beloeb=total[aar].netto)
            for aar in self.aarene
        }


def oversigt_build(
    runde: Budgetrunde,
    forslag: Iterable[Besparelsesforslag],
    rammer: Iterable[Ramme] = (),
) -> Oversigt:
    """Group the proposals by committee (in the order given) with each committee's frame;
    a committee with a frame but no proposal still gets its block, so a missed target shows."""
    aarene = runde.aarene
    blokke: dict[int, UdvalgBlok] = {}
    rammer_by_udvalg = {r.udvalg_id: r for r in rammer}
    for f in forslag:
        blok = blokke.get(f.udvalg_id)
        if blok is None:
            blok = blokke[f.udvalg_id] = UdvalgBlok(
                udvalg=f.udvalg, ramme=rammer_by_udvalg.get(f.udvalg_id), aarene=aarene
            )
        years = {row.aar: Tal.from_aarstal(row) for row in f.aarstal.all() if row.aar in aarene}
        blok.linjer.append(ForslagLinje(forslag=f, aar=years, aarene=aarene))
    for ramme in rammer_by_udvalg.values():
        if ramme.udvalg_id not in blokke:
            blokke[ramme.udvalg_id] = UdvalgBlok(udvalg=ramme.udvalg, ramme=ramme, aarene=aarene)
    ordered = sorted(blokke.values(), key=lambda b: b.udvalg.navn)
    return Oversigt(runde=runde, aarene=aarene, blokke=ordered)


@dataclass(frozen=True)
class Celler:
    """One year's amounts in a row; None is an empty cell."""

    engangs: int | None = None
    service: int | None = None
    overfoersel: int | None = None
    indtaegter: int | None = None
    netto: int | None = None

    @classmethod
    def from_aarstal(cls, row: Aarstal | None) -> "Celler":
        if row is None:
            return cls()
        return cls(
            engangs=row.engangs,
            service=row.udgifter_service,
            overfoersel=row.udgifter_overfoersel,
            indtaegter=row.indtaegter,
            netto=row.netto,
        )

    @classmethod
    def from_tal(cls, tal: Tal) -> "Celler":
        return cls(
            engangs=tal.engangs,
            service=tal.service,
            overfoersel=tal.overfoersel,
            indtaegter=tal.indtaegter,
            netto=tal.netto,
        )

    def as_list(self) -> list[int | None]:
        return [self.engangs, self.service, self.overfoersel, self.indtaegter, self.netto]


def forslag_aarstal(forslag: Besparelsesforslag, aarene: list[int]) -> dict[int, Aarstal]:
    """The proposal's year rows within the round (prefetched by for_list, as oversigt_build
    uses)."""
    return {row.aar: row for row in forslag.aarstal.all() if row.aar in aarene}
