"""The demo round against the issue's acceptance figures (seed 003, DOMAIN §5)."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from pypdf import PdfReader

from budget.models import Besparelsesforslag
from tests.conftest import login
from udvalg.models import Moede, Udvalg


def test_demo_overview_holds_ebu_against_its_target(demo, client):
    call_command("load_demo", "--force", verbosity=0)  # idempotent
    assert Besparelsesforslag.objects.count() == 4

    login(client, get_user_model().objects.get(username="sekretaer"))
    page = client.get("/budget/2016-2019/oversigt/").content.decode()
    for net in ["-370.000", "-625.000", "-232.000", "-100.000"]:
        assert page.count(net) >= 4, net  # every year 2016-2019
    assert page.count("-1.327.000") >= 8  # the committee total and the target row, 4 years each
    assert page.count("2.075.000") >= 4  # service spending rises
    assert page.count("-3.402.000") >= 4  # transfers fall
    assert "Nettodriftsbudget 115,9 mio. kr." in page
    assert "besparelsesmål 0,1 mio. kr." in page and "0,1 pct." in page
    # The net meets the 100.000 kr. target, service spending alone misses it by 2.175.000.
    assert page.count("+1.227.000") == 4 and page.count("Opfyldt") == 4
    assert page.count("-2.175.000") == 4 and page.count("Ikke opfyldt") == 4

    # The proposals are attachments of item 3 of 13-05-2015, and the signed protocol carries them.
    ebu = Udvalg.objects.get(slug="ebu-2014-2017")
    moede = Moede.objects.get(udvalg=ebu, dato="2015-05-13")
    forslag = Besparelsesforslag.objects.get(forslag_nr=1)
    assert list(forslag.punkter.values_list("nummer", flat=True)) == [3]
    meeting = client.get(moede.get_absolute_url()).content.decode()
    assert "434/1 Ansættelse af borgere på ledighedsydelse" in meeting
    version = moede.versioner.order_by("-version").first()
    with version.fil.open("rb") as handle:
        pages = PdfReader(io.BytesIO(handle.read())).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())  # labels wrap
    assert "Bilag til punkt 3: Besparelsesforslag 434/1" in text
    assert "Overblik over besparelsespotentiale" in text
    assert "-1.020.000" in text
