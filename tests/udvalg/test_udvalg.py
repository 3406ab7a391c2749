"""A committee's own fields."""

from udvalg.models import Udvalg


def test_udvalg_display_name_and_default_slug(db):
    udvalg = Udvalg(
        navn="Erhvervs- og Beskæftigelsesudvalget",
        forkortelse="EBU",
        periode_start=2014,
        periode_slut=2017,
    )
    udvalg.full_clean()
    udvalg.save()
    assert udvalg.visningsnavn == "Erhvervs- og Beskæftigelsesudvalget 2014-2017"
    assert udvalg.slug == "ebu-2014-2017"
    assert udvalg.faste_punkter == ["Bemærkninger til dagsordenen", "Meddelelser"]
