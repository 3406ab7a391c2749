"""A member's public record (/personer/<pk>/): seats, attendance and the named votes and
minority statements of open items in signed protocols; nothing from closed items or protocols
not yet signed."""

import datetime

import pytest

from protokol.services import optagelse
from sager.models import Adgang
from tests import factories
from udvalg import services as udvalg_services

HEMMELIG = "Lukketstemmemærke"


@pytest.fixture
def signed(udvalg, sekretaer):
    held = factories.make_held_moede(udvalg, sekretaer)
    moede, punkt, users = held
    neerbek = users[2].person
    optagelse.mindretalsudtalelse_add(
        beslutning=punkt.beslutning, person=neerbek, tekst="Enhedslisten kan ikke støtte."
    )
    lukket = factories.make_punkt(moede, titel=f"{HEMMELIG} punkt", adgang=Adgang.LUKKET)
    beslutning = optagelse.beslutning_save(punkt=lukket, tekst="<p>Afgjort.</p>")
    optagelse.afstemning_register(
        beslutning=beslutning, forslag=f"{HEMMELIG} forslag",
        stemmer={users[0].person.pk: "for", users[1].person.pk: "for", neerbek.pk: "imod"},
    )  # fmt: skip
    optagelse.mindretalsudtalelse_add(
        beslutning=beslutning, person=neerbek, tekst=f"{HEMMELIG} udtalelse"
    )
    factories.lock_moede(held, sekretaer)
    # A later meeting, held but not signed, with a vote.
    naeste = factories.make_moede(udvalg, dato=datetime.date(2014, 4, 9))
    p2 = factories.make_punkt(naeste, titel=f"{HEMMELIG} usigneret")
    udvalg_services.moede_release(moede=naeste, user=sekretaer)
    b2 = optagelse.beslutning_save(punkt=p2, tekst="<p>Godkendt.</p>")
    optagelse.afstemning_register(beslutning=b2, forslag="Forslaget",
                                  stemmer={u.person.pk: "imod" for u in users[:3]})  # fmt: skip
    return users


@pytest.mark.django_db
def test_a_members_public_record(client, signed):
    neerbek = signed[2].person
    response = client.get(f"/personer/{neerbek.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rasmus Keis Neerbek" in html
    assert "Deltog i <strong>1 af 1</strong>" in html
    # The open item's named vote and minority statement; nothing of the closed item nor of
    # the protocol not yet signed.
    assert "1 afstemning." in html and "Nytteindsats" in html and "Imod" in html
    assert "Enhedslisten kan ikke støtte." in html
    assert HEMMELIG not in html


@pytest.mark.django_db
def test_absence_is_counted_from_the_signed_protocols(client, signed):
    fog = signed[3].person  # Agnete: afbud at the signed meeting
    html = client.get(f"/personer/{fog.pk}/").content.decode()
    assert "Deltog i <strong>0 af 1</strong>" in html
    assert "Afbud" in html


@pytest.mark.django_db
def test_a_person_of_no_published_committee_is_not_found(client, udvalg):
    m = factories.make_medlem(udvalg, navn="Ikke Offentliggjort")
    factories.make_moede(udvalg)  # a draft
    assert client.get(f"/personer/{m.person_id}/").status_code == 404
    assert client.get("/personer/999999/").status_code == 404
