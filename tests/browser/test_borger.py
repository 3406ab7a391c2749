"""A citizen's path through the public portal in Chromium, without an account: search
"nytteindsats", open the case, read the decision of 12 March 2014 and its named vote,
subscribe to the committee by e-mail, confirm by the link in the e-mail, and download the
committee's calendar."""

import datetime
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests import factories
from udvalg import services as udvalg_services

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_a_citizen_finds_reads_subscribes_and_follows(page, udvalg, sekretaer):
    held = factories.make_held_moede(udvalg, sekretaer)
    sag = held[1].sag
    sag.titel = "Nytteindsats"
    sag.save()
    factories.lock_moede(held, sekretaer)
    # The next meeting, agenda out: the calendar's (it holds meetings from a year back on).
    naeste = factories.make_moede(udvalg, dato=datetime.date.today() + datetime.timedelta(days=14))
    udvalg_services.moede_release(moede=naeste, user=sekretaer)

    page.goto("/offentlig/")
    page.get_by_label("Søg i dagsordener, beslutninger og bilag").fill("nytteindsats")
    page.get_by_role("button", name="Søg", exact=True).last.click()
    expect(page.locator("#resultater")).to_contain_text("resultater for »nytteindsats«")

    # The case, from the decision's hit.
    hit = page.locator(".soeg-hit", has_text="Beslutning").first
    hit.get_by_role("link", name=re.compile("Sagens gang")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nytteindsats")
    beslutninger = page.locator("dl.punkt-rows").first
    expect(beslutninger).to_contain_text("den 12-03-2014")
    expect(beslutninger).to_contain_text("Forslaget godkendt med 2 stemmer for")
    expect(beslutninger).to_contain_text("Imod stemte 1 medlem (Rasmus Keis Neerbek).")

    # Subscribe to the committee.
    page.get_by_role("link", name="Alle udvalg").click()
    page.get_by_role("link", name=udvalg.visningsnavn).click()
    page.get_by_role("link", name="Få besked på e-mail").click()
    page.get_by_label("Din e-mailadresse").fill("borger@eksempel.dk")
    page.get_by_role("button", name="Tilmeld").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tjek din e-mail")
    (bekraeft,) = mail.outbox
    link = re.search(r"http://\S+/bekraeft/", bekraeft.body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Bekræft abonnement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Abonnementet er bekræftet")

    # The committee's calendar.
    page.go_back()
    page.goto(f"/offentlig/{udvalg.slug}/")
    href = page.get_by_role("link", name="Udvalgets møder i din kalender").get_attribute("href")
    ics = page.request.get(href)
    assert ics.ok and ics.headers["content-type"].startswith("text/calendar")
    body = ics.text()
    assert body.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in body
    assert f"DTSTART;TZID=Europe/Copenhagen:{naeste.dato:%Y%m%d}T073000" in body
