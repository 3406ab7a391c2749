import datetime

from django.utils import timezone

from sager.models import Punkt, Punkttype
from tests import factories
from tests.conftest import login
from udvalg import services
from udvalg.models import Moede, MoedeStatus


def create_url(udvalg):
    return f"/udvalg/{udvalg.slug}/moeder/nyt/"


def test_creating_a_meeting_adds_the_standing_items(client, udvalg, sekretaer):
    login(client, sekretaer)
    response = client.post(create_url(udvalg), {"dato": "12-03-2014", "starttid": "7:30"})
    moede = Moede.objects.get(udvalg=udvalg)
    assert response.status_code == 302
    assert moede.dato == datetime.date(2014, 3, 12)
    assert moede.starttid == datetime.time(7, 30)
    assert moede.status == MoedeStatus.KLADDE
    assert moede.url_slug == "2014-03-12"
    punkter = list(moede.punkter.order_by("nummer"))
    assert [(p.nummer, p.titel, p.punkttype) for p in punkter] == [
        (1, "Bemærkninger til dagsordenen", Punkttype.INGEN),
        (2, "Meddelelser", Punkttype.INGEN),
    ]
    assert all(p.fast_punkt and p.sag is None for p in punkter)


def test_standing_items_are_configurable_per_committee(udvalg):
    udvalg.faste_punkter = ["Godkendelse af dagsorden", "Meddelelser", "Eventuelt"]
    udvalg.save()
    moede = factories.make_moede(udvalg)
    assert list(moede.punkter.values_list("titel", flat=True)) == udvalg.faste_punkter


def test_second_meeting_on_the_same_day_gets_a_suffix(udvalg):
    first = factories.make_moede(udvalg, dato=datetime.date(2015, 5, 13))
    second = factories.make_moede(udvalg, dato=datetime.date(2015, 5, 13))
    assert (first.url_slug, second.url_slug) == ("2015-05-13", "2015-05-13-2")
    assert second.get_absolute_url() == f"/udvalg/{udvalg.slug}/moeder/2015-05-13-2/"


def test_a_date_that_does_not_parse_is_refused_and_nothing_is_written(client, udvalg, sekretaer):
    login(client, sekretaer)
    response = client.post(create_url(udvalg), {"dato": "31-02-2015", "sted": "Rådhuset"})
    assert response.status_code == 200
    assert "Datoen kan ikke læses. Skriv den som dd-mm-åååå" in response.content.decode()
    assert 'value="Rådhuset"' in response.content.decode()
    assert not Moede.objects.exists()
    assert not Punkt.objects.exists()


def test_a_missing_date_is_refused(client, udvalg, sekretaer):
    login(client, sekretaer)
    response = client.post(create_url(udvalg), {"dato": ""})
    assert "Angiv mødedatoen." in response.content.decode()
    assert not Moede.objects.exists()


def test_meeting_page_header_has_long_danish_date_and_time(client, moede, medlem):

    services.moede_release(moede=moede, user=None)
    login(client, medlem)
    html = client.get(moede.get_absolute_url()).content.decode()
    assert "onsdag den 13. maj 2015" in html
    assert "Kl. 7:30" in html
    assert "1. Bemærkninger til dagsordenen" in html


def test_changing_the_date_moves_the_url(client, moede, sekretaer):
    login(client, sekretaer)
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/rediger/"
    client.post(url, {"dato": "2015-06-10", "starttid": "15:30", "sted": "Byrådssalen"})
    moede.refresh_from_db()
    assert (moede.url_slug, moede.sted) == ("2015-06-10", "Byrådssalen")


def test_committee_page_filters_meetings_by_year_and_status(client, udvalg, sekretaer):
    factories.make_moede(udvalg, dato=datetime.date(2014, 3, 12))
    m2015 = factories.make_moede(udvalg, dato=datetime.date(2015, 5, 13))

    services.moede_release(moede=m2015, user=sekretaer)
    login(client, sekretaer)
    html = client.get(f"/udvalg/{udvalg.slug}/?aar=2015").content.decode()
    assert "onsdag den 13. maj 2015" in html
    assert "onsdag den 12. marts 2014" not in html
    html = client.get(f"/udvalg/{udvalg.slug}/?status=kladde").content.decode()
    assert "onsdag den 12. marts 2014" in html
    assert "onsdag den 13. maj 2015" not in html


def test_front_page_lists_next_and_latest_meeting(client, udvalg, medlem):

    today = timezone.localdate()
    past = factories.make_moede(udvalg, dato=today - datetime.timedelta(days=30))
    future = factories.make_moede(udvalg, dato=today + datetime.timedelta(days=30))
    draft = factories.make_moede(udvalg, dato=today + datetime.timedelta(days=10))
    for m in (past, future):
        services.moede_release(moede=m, user=None)
    login(client, medlem)
    html = client.get("/").content.decode()
    assert udvalg.visningsnavn in html
    assert future.get_absolute_url() in html
    assert past.get_absolute_url() in html
    assert draft.get_absolute_url() not in html  # members never see drafts
