"""Atom feeds of a search and of a case: what anyone may read, whoever asks (a feed reader has
no session, and its address is shared), the same entry across rebuilds."""

import re

import pytest
from django.core.management import call_command

from sager.models import Adgang
from tests import factories
from tests.conftest import login

HEMMELIG = "Fortroligfeedmærke"


@pytest.fixture
def sag(udvalg, sekretaer):
    held = factories.make_held_moede(udvalg, sekretaer)
    moede, punkt, users = held
    factories.make_punkt(moede, titel=f"{HEMMELIG} nytteindsats", sag=punkt.sag,
                         adgang=Adgang.LUKKET)  # fmt: skip
    factories.make_bilag(punkt, filnavn=f"{HEMMELIG} nytteindsats.pdf", adgang=Adgang.LUKKET)
    factories.lock_moede(held, sekretaer)
    return punkt.sag, users


def _entries(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return re.findall(r"<entry>.*?</entry>", response.content.decode(), re.S)


@pytest.mark.django_db
def test_a_search_feed_has_the_public_matches_whoever_asks(client, sag):
    _sag, users = sag
    anonymous = _entries(client.get("/soeg/feed.atom", {"q": "nytteindsats"}))
    # The item, its signed decision and its open attachment; not the closed ones.
    assert len(anonymous) == 3
    assert all(HEMMELIG not in e for e in anonymous)
    login(client, users[0])
    member = _entries(client.get("/soeg/feed.atom", {"q": "nytteindsats"}))
    assert member == anonymous
    filtered = _entries(client.get("/soeg/feed.atom", {"q": "nytteindsats", "art": "beslutning"}))
    assert len(filtered) == 1 and "Beslutning: Nytteindsats" in filtered[0]


@pytest.mark.django_db
def test_a_search_feed_needs_a_word(client, sag):
    assert client.get("/soeg/feed.atom", {"q": "og"}).status_code == 404
    assert client.get("/soeg/feed.atom", {"q": "x", "aar": "abc"}).status_code == 404


@pytest.mark.django_db
def test_a_case_feed_follows_its_public_course(client, sag, udvalg):
    sag, _users = sag
    entries = _entries(client.get(f"/sager/{sag.pk}/feed.atom"))
    assert len(entries) == 3 and all(HEMMELIG not in e for e in entries)
    ids = sorted(re.findall(r"<id>(.*?)</id>", "".join(entries)))
    # A rebuild of the index makes new rows; the entries stay the same entries.
    call_command("soegeindeks", verbosity=0)
    again = _entries(client.get(f"/sager/{sag.pk}/feed.atom"))
    assert sorted(re.findall(r"<id>(.*?)</id>", "".join(again))) == ids
    # A case of closed items only has no feed.
    moede = factories.make_moede(udvalg)
    lukket = factories.make_sag("15/4711")
    factories.make_punkt(moede, sag=lukket, adgang=Adgang.LUKKET)
    assert client.get(f"/sager/{lukket.pk}/feed.atom").status_code == 404
