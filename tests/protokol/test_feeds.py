"""Atom feeds of new agendas and protocols: what the public pages publish, nothing more."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from sager.models import Adgang
from tests import factories
from udvalg import services

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
MARKER = "HEMMELIGT3F"


def entries(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return [
        {
            "title": e.findtext(f"{ATOM}title"),
            "link": e.find(f"{ATOM}link").get("href"),
            "summary": e.findtext(f"{ATOM}summary") or "",
            "updated": e.findtext(f"{ATOM}updated"),
        }
        for e in root.findall(f"{ATOM}entry")
    ]


@pytest.fixture
def meetings(udvalg, sekretaer):
    released = factories.make_moede(udvalg, dato=datetime.date(2015, 6, 10), sted="Rådhuset")
    factories.make_punkt(released, titel="Nytteindsats")
    lukket = factories.make_punkt(released, titel=f"Personalesag {MARKER}", adgang=Adgang.LUKKET)
    lukket.offentlig_titel = "Personalesag"
    lukket.save()
    factories.make_punkt(released, titel=f"Udbud {MARKER}", adgang=Adgang.LUKKET)
    services.moede_release(moede=released, user=sekretaer)
    draft = factories.make_moede(udvalg, dato=datetime.date(2015, 7, 1))
    factories.make_punkt(draft, titel=f"Kladde {MARKER}")
    signed, _, _ = factories.lock_moede(factories.make_held_moede(udvalg, sekretaer), sekretaer)
    return released, draft, signed


def test_new_agendas_show_items_as_the_public_agenda_does(client, udvalg, meetings):
    released, draft, signed = meetings
    for url in ("/dagsordener.atom", f"/udvalg/{udvalg.slug}/dagsordener.atom"):
        response = client.get(url)  # no log-in
        assert MARKER.encode() not in response.content, url
        found = {e["link"]: e for e in entries(response)}
        base = f"http://testserver/udvalg/{udvalg.slug}/moeder/"
        assert set(found) == {f"{base}{released.url_slug}/", f"{base}{signed.url_slug}/"}, url
        entry = found[f"{base}{released.url_slug}/"]
        assert entry["title"] == f"Dagsorden: {udvalg.visningsnavn}, onsdag den 10. juni 2015"
        for text in ("kl. 7:30", "Rådhuset", "Nytteindsats", "Personalesag", "Lukket punkt"):
            assert text in entry["summary"], text


def test_new_protocols_once_signed(client, udvalg, meetings):
    released, draft, signed = meetings
    found = entries(client.get(f"/udvalg/{udvalg.slug}/protokoller.atom"))
    assert [e["link"] for e in found] == [
        f"http://testserver/udvalg/{udvalg.slug}/moeder/{signed.url_slug}/referat/"
    ]
    assert found[0]["updated"].startswith(str(signed.versioner.get().laast.date()))
    assert entries(client.get("/protokoller.atom")) == found


def test_another_committees_feed_and_an_unknown_one(client, udvalg, meetings):
    andet = factories.make_udvalg(navn="Økonomiudvalget", forkortelse="ØU")
    assert entries(client.get(f"/udvalg/{andet.slug}/dagsordener.atom")) == []
    assert client.get("/udvalg/findes-ikke/protokoller.atom").status_code == 404


def test_two_queries_whatever_the_number_of_meetings(
    udvalg, sekretaer, meetings, django_assert_num_queries
):
    with django_assert_num_queries(2):
        few = Client().get("/dagsordener.atom")
    for i in range(10):
        moede = factories.make_moede(udvalg, dato=datetime.date(2016, 1, 4 + i))
        factories.make_punkt(moede)
        services.moede_release(moede=moede, user=sekretaer)
    with django_assert_num_queries(2):
        many = Client().get("/dagsordener.atom")
    assert (len(entries(few)), len(entries(many))) == (2, 12)
