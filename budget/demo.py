"""Demo data for the budget app (called by ``load_demo``): the 2016-2019 round of seed 003."""

from decimal import Decimal

from sager.models import Punkt
from udvalg.models import Moede, Udvalg

from . import demo_data, services
from .models import Besparelsesforslag, Budgetrunde


def load(*, udvalg: Udvalg, moede: Moede | None = None) -> Budgetrunde:
    """The round, EBU's frame and proposals 434/1-4; attached to the seed's item 3 of
    13-05-2015 when ``moede`` is that meeting and it is not yet closed for signing.
    Idempotent: existing proposals are left as they are."""
    runde = Budgetrunde.objects.filter(slug=demo_data.RUNDE["slug"]).first()
    if runde is None:
        runde = services.runde_create(**demo_data.RUNDE)
    services.ramme_set(runde=runde, udvalg=udvalg, **demo_data.RAMME)
    forslag_list = []
    for data in demo_data.FORSLAG:
        data = dict(data)
        aar = data.pop("aar")
        forslag = Besparelsesforslag.objects.filter(
            runde=runde,
            afdeling_nr=data["afdeling_nr"],
            forslag_nr=data["forslag_nr"],
            scenarie_nr=data["scenarie_nr"],
        ).first()
        if forslag is None:
            rows = [
                services.AarRaekke(
                    aar=year,
                    udgifter_service=cells["udgifter_service"],
                    udgifter_overfoersel=cells["udgifter_overfoersel"],
                    aarsvaerk=None if cells["aarsvaerk"] is None else Decimal(cells["aarsvaerk"]),
                )
                for year, cells in aar.items()
            ]
            forslag = services.forslag_save(
                forslag=Besparelsesforslag(runde=runde, udvalg=udvalg, **data), aar=rows
            )
        forslag_list.append(forslag)
    if moede is not None and moede.dato == demo_data.PUNKT["dato"] and not moede.is_frozen:
        punkt = Punkt.objects.get(moede=moede, nummer=demo_data.PUNKT["nummer"])
        for forslag in forslag_list:
            if not forslag.punkter.filter(pk=punkt.pk).exists():
                services.forslag_attach(forslag=forslag, punkt=punkt)
    return runde
