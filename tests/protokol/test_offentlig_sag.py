"""A case at its one URL (/sager/<pk>/): the full Sagens gang for those who may read its
items, the public one for everyone else: open items of released agendas across committees,
decisions of signed protocols, titled as the public may see it; never a closed item, its title
or its decision, never a decision before the protocol is signed."""

import datetime

import pytest

from protokol.services import optagelse
from sager.models import Adgang
from tests import factories
from tests.conftest import login
from udvalg import services as udvalg_services

HEMMELIG = "Fortrolighedsmærke"


@pytest.fixture
def sag(udvalg, sekretaer):
    """A case first treated in a closed item (the case's title is the closed item's), then in
    an open item of a held (not signed) meeting, and in an open item of a signed one."""
    held = factories.make_held_moede(udvalg, sekretaer, sagsnr="14/1175")
    moede, punkt, users = held
    sag = punkt.sag
    sag.titel = f"{HEMMELIG} sagstitel"
    sag.save()
    lukket = factories.make_punkt(moede, titel=f"{HEMMELIG} punkt", sag=sag, adgang=Adgang.LUKKET)
    optagelse.beslutning_save(punkt=lukket, tekst=f"<p>{HEMMELIG} beslutning</p>")
    factories.lock_moede(held, sekretaer)
    naeste = factories.make_moede(udvalg, dato=datetime.date(2014, 4, 9))
    senere = factories.make_punkt(naeste, titel="Nytteindsats, opfølgning", sag=sag)
    udvalg_services.moede_release(moede=naeste, user=sekretaer)
    optagelse.beslutning_save(punkt=senere, tekst="<p>Ikke underskrevet endnu.</p>")
    return sag, users


@pytest.mark.django_db
def test_the_public_reads_the_cases_public_record(client, sag, anden):
    sag, _users = sag
    for user in (None, anden):
        client.logout()
        if user:
            login(client, user)
        response = client.get(f"/sager/{sag.pk}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "offentlige udgave" in html and "Cookie" in response["Vary"]
        assert HEMMELIG not in html
        # Titled by its oldest open item; both open items in the case's course.
        assert "<h1>Nytteindsats</h1>" in html
        assert "Nytteindsats, opfølgning" in html
        # The signed decision with its named vote; not the decision of the unsigned protocol.
        assert "Forslaget godkendt med 2 stemmer for" in html
        assert "Ikke underskrevet endnu" not in html


@pytest.mark.django_db
def test_members_read_the_whole_case_at_the_same_url(client, sag):
    sag, users = sag
    login(client, users[0])
    html = client.get(f"/sager/{sag.pk}/").content.decode()
    assert f"{HEMMELIG} beslutning" in html and f"{HEMMELIG} punkt" in html
    assert "offentlige udgave" not in html
    public = client.get(f"/sager/{sag.pk}/?visning=offentlig").content.decode()
    assert HEMMELIG not in public and "offentlige udgave" in public


@pytest.mark.django_db
def test_a_case_with_nothing_public_asks_for_a_login_or_is_not_found(client, udvalg, anden):
    moede = factories.make_moede(udvalg)
    sag = factories.make_sag("15/4711", f"{HEMMELIG} alene")
    factories.make_punkt(moede, titel=f"{HEMMELIG} alene", sag=sag, adgang=Adgang.LUKKET)
    response = client.get(f"/sager/{sag.pk}/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    login(client, anden)
    assert client.get(f"/sager/{sag.pk}/").status_code == 404
    assert client.get("/sager/999999/").status_code == 404
