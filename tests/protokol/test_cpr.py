"""CPR-number-shaped strings before publishing: shown to the secretary, masked; publishing
with any needs a confirmation, which is logged; nothing is published without it."""

import datetime

import pytest
from django.urls import reverse

from kerne import cpr
from protokol.models import CprBekraeftelse
from protokol.services import optagelse
from sager.models import Adgang, Bilag
from tests import factories
from tests.conftest import login
from udvalg.models import MoedeStatus

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Borgeren, 010190-1234, har klaget.", ["010190-XXXX"]),
        ("<p>290200-4321 og 311299-0000</p>", ["290200-XXXX", "311299-XXXX"]),  # 2000 is leap
        ("290201-1234", []),  # 29 February 1901 and 2001 do not exist
        ("310490-1234", []),  # 31 April
        ("Sagsnr. 14/1175, tlf. 4477-2000, beløb 1.020.000", []),
        ("0101901234", []),  # no hyphen: a number, not the printed form
        ("12010190-1234", []),  # part of a longer number
        ("010190-12345", []),
        ("", []),
        (None, []),
    ],
)
def test_cpr_shaped_strings_are_found_and_masked(text, found):
    assert cpr.find(text) == found


@pytest.fixture
def draft(udvalg):
    moede = factories.make_moede(udvalg, dato=datetime.date(2015, 6, 10))
    factories.make_punkt(moede, titel="Nytteindsats", sagsbeskrivelse="<p>Ref. 010190-1234.</p>")
    lukket = factories.make_punkt(
        moede, titel="Personalesag 020290-2222", adgang=Adgang.LUKKET
    )  # closed: its real title is never published, so not shown
    lukket.offentlig_titel = "Personalesag 030390-3333"
    lukket.save()
    aaben = moede.punkter.get(titel="Nytteindsats")
    for filnavn, tekst, adgang in [("notat.pdf", "Ansøger 040490-4444", Adgang.AABEN),
                                   ("lukket.pdf", "050590-5555", Adgang.LUKKET)]:  # fmt: skip
        bilag = factories.make_bilag(aaben, filnavn=filnavn, adgang=adgang)
        Bilag.objects.filter(pk=bilag.pk).update(tekst=tekst)  # as extracted from the file
    return moede


def _release(client, moede, **data):
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/frigiv/"
    return url, client.post(url, data)


def test_release_shows_what_the_public_would_read_and_waits_for_a_confirmation(
    client, draft, sekretaer
):
    login(client, sekretaer)
    url = f"/udvalg/{draft.udvalg.slug}/moeder/{draft.url_slug}/frigiv/"
    page = client.get(url).content.decode()
    nummer = draft.punkter.get(titel="Nytteindsats").nummer
    for shown in ("010190-XXXX", "030390-XXXX", "040490-XXXX", f"Punkt {nummer}, Sagsbeskrivelse"):
        assert shown in page, shown
    for hidden in ("020290", "050590", "1234"):
        assert hidden not in page, hidden
    assert 'name="cpr_bekraeftet"' in page
    _, refused = _release(client, draft)
    assert refused.url == url
    draft.refresh_from_db()
    assert draft.status == MoedeStatus.KLADDE and not CprBekraeftelse.objects.exists()
    _, done = _release(client, draft, cpr_bekraeftet="1")
    draft.refresh_from_db()
    assert draft.status == MoedeStatus.FRIGIVET
    log = CprBekraeftelse.objects.get()
    assert (log.bruger, log.moede, log.handling) == (sekretaer, draft, "frigivelse")
    assert {f["tal"] for f in log.fund} == {"010190-XXXX", "030390-XXXX", "040490-XXXX"}


def test_without_findings_nothing_to_confirm(client, udvalg, sekretaer):
    moede = factories.make_moede(udvalg, dato=datetime.date(2015, 6, 10))
    factories.make_punkt(moede, titel="Nytteindsats", sagsbeskrivelse="<p>Sag 14/1175.</p>")
    login(client, sekretaer)
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/frigiv/"
    assert 'name="cpr_bekraeftet"' not in client.get(url).content.decode()
    _release(client, moede)
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.FRIGIVET and not CprBekraeftelse.objects.exists()


def test_sending_the_protocol_for_signing_checks_the_decisions_too(client, udvalg, sekretaer):
    moede, punkt, _ = factories.make_held_moede(udvalg, sekretaer)
    optagelse.beslutning_save(punkt=punkt, tekst="<p>Godkendt for 060690-6666.</p>")
    login(client, sekretaer)
    base = f"/udvalg/{udvalg.slug}/moeder/{moede.url_slug}/underskrift/"
    page = client.get(base).content.decode()
    assert f"Punkt {punkt.nummer}, beslutning" in page and "060690-XXXX" in page
    client.post(_send_url(moede))
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.AFHOLDT  # not sent
    client.post(_send_url(moede), {"cpr_bekraeftet": "1"})
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.TIL_UNDERSKRIFT
    assert CprBekraeftelse.objects.get().handling == "underskrift"


def _send_url(moede):
    return reverse("protokol:til-underskrift", args=[moede.udvalg.slug, moede.url_slug])
