"""The public meetings as iCalendar (RFC 5545), for anyone's calendar program.

Only what the public pages show: released meetings (offentlig.PUBLISHED), never a draft, with
their committee, date, time, place and the link to the agenda; no item. Each meeting keeps its
UID for good, and its SEQUENCE is the number of times it was saved (its history rows), so a
calendar that subscribed sees a moved meeting move, a new time replace the old. A meeting
without a start time is a whole day. The feed holds the meetings from a year back and all
coming ones.
"""

import datetime
import zoneinfo

import icalendar
from django.conf import settings
from django.db.models import Count, Max, OuterRef, QuerySet, Subquery
from django.utils import timezone

from protokol import offentlig
from udvalg.models import Moede, Udvalg

TZ = zoneinfo.ZoneInfo("Europe/Copenhagen")
HISTORY_DAYS = 365
PRODID = "-//Protokol//Dagsordener og beslutningsprotokoller//DA"


def moeder(udvalg: Udvalg | None = None) -> QuerySet[Moede]:
    """Released meetings from a year back on, with how often each was saved and when last."""
    history = Moede.history.model.objects.filter(id=OuterRef("pk")).order_by().values("id")
    qs = Moede.objects.filter(
        status__in=offentlig.PUBLISHED,
        dato__gte=timezone.localdate() - datetime.timedelta(days=HISTORY_DAYS),
    )
    if udvalg is not None:
        qs = qs.filter(udvalg=udvalg)
    return (
        qs.select_related("udvalg")
        .annotate(
            gemt=Subquery(history.annotate(n=Count("*")).values("n")),
            sidst_gemt=Subquery(history.annotate(t=Max("history_date")).values("t")),
        )
        .order_by("dato", "starttid", "pk")
    )


def ics(moeder, *, navn: str, base_url: str) -> bytes:
    """The calendar of `moeder` (from moeder() above); links start with `base_url`."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", navn)
    cal.add("x-wr-timezone", str(TZ))
    now = timezone.now()
    for moede in moeder:
        cal.add_component(_event(moede, base_url=base_url, now=now))
    cal.add_missing_timezones()
    return cal.to_ical()


def _event(moede: Moede, *, base_url: str, now: datetime.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"moede-{moede.pk}@{settings.PROTOKOL_KALENDER_DOMAENE}")
    event.add("sequence", max((moede.gemt or 1) - 1, 0))
    event.add("dtstamp", now)
    if moede.sidst_gemt is not None:
        event.add("last-modified", moede.sidst_gemt)
    event.add("summary", f"Møde i {moede.udvalg.visningsnavn}")
    if moede.starttid is not None:
        event.add("dtstart", datetime.datetime.combine(moede.dato, moede.starttid, tzinfo=TZ))
    else:
        event.add("dtstart", moede.dato)  # a whole day
    if moede.sted:
        event.add("location", moede.sted)
    url = f"{base_url}{moede.get_absolute_url()}"
    event.add("url", url)
    event.add("description", f"Dagsorden: {url}")
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event
