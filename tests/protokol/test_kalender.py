"""The released meetings as iCalendar (/kalender.ics, /udvalg/<slug>/kalender.ics): what the
public pages show and nothing more, one UID per meeting for good, a moved meeting moves."""

import datetime

import icalendar
import pytest
from django.test import Client
from django.utils import timezone

from protokol import kalender
from sager.models import Adgang
from tests import factories
from udvalg import services

pytestmark = pytest.mark.django_db

MARKER = "HEMMELIGT9K"


def events(response) -> dict[str, icalendar.Event]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = icalendar.Calendar.from_ical(response.content)
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def uid(moede) -> str:
    return f"moede-{moede.pk}@protokol.local"


@pytest.fixture
def dag():
    return timezone.localdate() + datetime.timedelta(days=10)


def test_released_meetings_only_and_nothing_of_their_items(udvalg, sekretaer, dag):
    released = factories.make_moede(udvalg, dato=dag, sted="Rådhuset, mødelokale 2")
    factories.make_punkt(released, titel=f"Lukket {MARKER}", adgang=Adgang.LUKKET)
    factories.make_punkt(released, titel=f"Åbent {MARKER}")
    services.moede_release(moede=released, user=sekretaer)
    draft = factories.make_moede(udvalg, dato=dag + datetime.timedelta(days=7))
    response = Client().get("/kalender.ics")  # no log-in
    assert MARKER.encode() not in response.content
    found = events(response)
    assert set(found) == {uid(released)} and uid(draft) not in found
    event = found[uid(released)]
    start = event.decoded("dtstart")
    assert (start.date(), start.hour, start.minute) == (dag, 7, 30)
    assert str(start.tzinfo) == "Europe/Copenhagen"
    assert str(event["location"]) == "Rådhuset, mødelokale 2"
    assert str(event["url"]) == f"http://testserver/udvalg/{udvalg.slug}/moeder/{dag}/"
    assert str(event["summary"]) == f"Møde i {udvalg.visningsnavn}"


def test_a_moved_meeting_keeps_its_uid_and_raises_its_sequence(client, udvalg, sekretaer, dag):
    moede = factories.make_moede(udvalg, dato=dag)
    services.moede_release(moede=moede, user=sekretaer)
    before = events(client.get(f"/udvalg/{udvalg.slug}/kalender.ics"))[uid(moede)]
    later = dag + datetime.timedelta(days=2)
    services.moede_update(moede=moede, dato=later, starttid=None, sted="Jobcentret")
    after = events(client.get(f"/udvalg/{udvalg.slug}/kalender.ics"))[uid(moede)]
    assert int(after["sequence"]) > int(before["sequence"])
    assert after.decoded("dtstart") == later  # no time: a whole day
    assert str(after["url"]).endswith(f"/moeder/{later}/")
    assert str(after["location"]) == "Jobcentret"


def test_a_committees_calendar_holds_its_meetings_from_a_year_back(client, udvalg, sekretaer):
    today = timezone.localdate()
    andet = factories.make_udvalg(navn="Økonomiudvalget", forkortelse="ØU")
    andet.sekretaerer.add(sekretaer)
    made = {}
    for name, u, days in [("old", udvalg, -400), ("recent", udvalg, -300), ("coming", udvalg, 30),
                          ("other", andet, 5)]:  # fmt: skip
        made[name] = factories.make_moede(u, dato=today + datetime.timedelta(days=days))
        services.moede_release(moede=made[name], user=sekretaer)
    mine = events(client.get(f"/udvalg/{udvalg.slug}/kalender.ics"))
    assert set(mine) == {uid(made["recent"]), uid(made["coming"])}
    alle = events(client.get("/kalender.ics"))
    assert set(alle) == {uid(made[n]) for n in ("recent", "coming", "other")}
    assert client.get("/udvalg/findes-ikke/kalender.ics").status_code == 404


def test_one_query_whatever_the_number_of_meetings(
    client, udvalg, sekretaer, dag, django_assert_num_queries
):
    for i in range(3):
        services.moede_release(
            moede=factories.make_moede(udvalg, dato=dag + datetime.timedelta(days=i)),
            user=sekretaer,
        )
    with django_assert_num_queries(1):
        few = client.get("/kalender.ics")
    for i in range(3, 20):
        services.moede_release(
            moede=factories.make_moede(udvalg, dato=dag + datetime.timedelta(days=i)),
            user=sekretaer,
        )
    with django_assert_num_queries(1):
        many = client.get("/kalender.ics")
    assert (len(events(few)), len(events(many))) == (3, 20)
    assert "public" in many["Cache-Control"]


def test_the_calendar_validates_as_rfc_5545(udvalg, sekretaer, dag):
    moede = factories.make_moede(udvalg, dato=dag)
    services.moede_release(moede=moede, user=sekretaer)
    data = kalender.ics(kalender.moeder(), navn="Test", base_url="https://x.dk")
    cal = icalendar.Calendar.from_ical(data)
    assert [c.name for c in cal.subcomponents] == ["VTIMEZONE", "VEVENT"]
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line  # folded
    event = cal.walk("VEVENT")[0]
    for prop in ("uid", "dtstamp", "dtstart", "summary", "sequence"):
        assert prop in event, prop
