"""Recording a held meeting in a real browser: the secretary registers attendance, a decision
by standard phrase, a named vote and a minority statement (htmx, item by item), a refused
minority statement keeps what was typed, and a member reads the result in the protocol. A
second test records a decision with JavaScript off."""

import datetime
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from sager.models import Beslutning, Mindretalsudtalelse
from tests import factories
from tests.browser.conftest import log_in
from udvalg import services as udvalg_services
from udvalg.models import MoedeStatus, Rolle

pytestmark = pytest.mark.browser

MEMBERS = [
    ("Nikolaj Bührmann", Rolle.FORMAND),
    ("Erling Petersen", Rolle.MEDLEM),
    ("Rasmus Keis Neerbek", Rolle.MEDLEM),
    ("Agnete Fog", Rolle.MEDLEM),
    ("Gurli Nielsen", Rolle.MEDLEM),
]
FORSLAG = (
    "Forvaltningens forslag godkendes, idet der foretages en evaluering efter 1 år med fokus "
    "på effekt, timetal, placering mv."
)
UDTALELSE = "Nytteindsats flytter ikke ledige nærmere et ordinært job."


@pytest.fixture
def ebu(udvalg, sekretaer):
    """The committee's five members in seat order, Gurli Nielsen with a login, and a released
    meeting with two items after the standard ones: 3. Nytteindsats and 4. Ungeindsats."""
    gurli = factories.make_user("gurli", first_name="Gurli", last_name="Nielsen")
    for sortering, (navn, rolle) in enumerate(MEMBERS, start=1):
        user = gurli if navn == "Gurli Nielsen" else None
        medlemskab = factories.make_medlem(udvalg, user=user, navn=navn, rolle=rolle)
        medlemskab.sortering = sortering
        medlemskab.save()
    moede = factories.make_moede(udvalg, dato=datetime.date(2014, 3, 12))
    nytte = factories.make_punkt(
        moede, titel="Nytteindsats", sag=factories.make_sag("14/1175", "Nytteindsats")
    )
    unge = factories.make_punkt(
        moede, titel="Ungeindsats", sag=factories.make_sag("14/2210", "Ungeindsats")
    )
    udvalg_services.moede_release(moede=moede, user=sekretaer)
    base = f"/udvalg/{udvalg.slug}/moeder/{moede.url_slug}/referat/"
    return SimpleNamespace(
        moede=moede, nytte=nytte, unge=unge, gurli=gurli, referat=base, optag=base + "optag/"
    )


def item_form(page, nummer: int, titel: str):
    """The item's recording form (the section also holds other forms, e.g. earlier decisions)."""
    section = page.get_by_role("region", name=f"{nummer}. {titel}", exact=True)
    save = page.get_by_role("button", name=f"Gem punkt {nummer}", exact=True)
    return section.locator("form").filter(has=save)


def decision(article):
    return article.locator("dt:text-matches('^Beslutning') + dd")


def test_secretary_records_a_vote_and_a_member_reads_the_protocol(
    page, new_context, sekretaer, ebu
):
    log_in(page, sekretaer)
    page.goto(ebu.optag)

    # 1. Attendance: Agnete Fog sent her apologies.
    fremmoede = page.get_by_role("region", name="Fremmøde", exact=True)
    fremmoede.get_by_label("Agnete Fog", exact=True).select_option(label="Afbud")
    fremmoede.get_by_role("button", name="Gem fremmøde").click()
    expect(page.get_by_text("Fremmødet er gemt.")).to_be_visible()
    expect(fremmoede.get_by_label("Agnete Fog", exact=True)).to_have_value("afbud")
    ebu.moede.refresh_from_db()
    assert ebu.moede.status == MoedeStatus.AFHOLDT

    # 2. Item 3: the phrase picker fills the decision (optag.js), then a named vote.
    item = item_form(page, 3, "Nytteindsats")
    item.get_by_label("Standardtekst", exact=True).select_option("Indstilling godkendt.")
    expect(item.get_by_label("Beslutning", exact=True)).to_have_value("Indstilling godkendt.")
    item.locator("summary", has_text="Afstemning").click()
    item.get_by_label("Forslag sat til afstemning").fill(FORSLAG)
    votes = item.get_by_role("table", name="Stemmer på punkt 3")
    # Agnete Fog is absent, so she has no vote.
    expect(votes.locator("tbody th")).to_have_text(
        ["Nikolaj Bührmann", "Erling Petersen", "Rasmus Keis Neerbek", "Gurli Nielsen"]
    )
    for navn, valg in [
        ("Nikolaj Bührmann", "For"),
        ("Erling Petersen", "For"),
        ("Rasmus Keis Neerbek", "Imod"),
        ("Gurli Nielsen", "For"),
    ]:
        votes.get_by_label(navn, exact=True).select_option(label=valg)
    item.get_by_label("Mindretalsudtalelse fra").select_option(label="Rasmus Keis Neerbek")
    item.get_by_label("Udtalelse", exact=True).fill(UDTALELSE)
    page.evaluate("window.noFullReload = true")  # a full page load would drop this
    url = page.url
    item.get_by_role("button", name="Gem punkt 3").click()
    expect(item.get_by_text("Punkt 3 er gemt.")).to_be_visible()
    assert page.evaluate("window.noFullReload") is True
    assert page.url == url
    # The saved statement is listed with a checkbox to remove it.
    expect(item.get_by_label(f"Rasmus Keis Neerbek: ”{UDTALELSE}”")).not_to_be_checked()
    beslutning = Beslutning.objects.get(punkt=ebu.nytte)
    assert beslutning.afstemning.forslag == FORSLAG

    # 3. A member who voted with the majority may not have a minority statement (KSL §13.2):
    # refused, nothing saved, and the typed statement stays in the form.
    bad = "Formanden ønsker også en udtalelse."
    item.get_by_label("Mindretalsudtalelse fra").select_option(label="Nikolaj Bührmann")
    item.get_by_label("Udtalelse", exact=True).fill(bad)
    item.get_by_role("button", name="Gem punkt 3").click()
    expect(item.get_by_role("alert")).to_contain_text("§ 13, stk. 2")
    expect(item.get_by_role("alert")).to_contain_text("Nikolaj Bührmann kan ikke få")
    expect(item.get_by_label("Udtalelse", exact=True)).to_have_value(bad)
    expect(item.get_by_text("Punkt 3 er gemt.")).to_have_count(0)
    assert page.evaluate("window.noFullReload") is True
    assert list(
        Mindretalsudtalelse.objects.filter(beslutning=beslutning).values_list(
            "person__navn", flat=True
        )
    ) == ["Rasmus Keis Neerbek"]
    assert Beslutning.objects.get(pk=beslutning.pk).version == beslutning.version

    # 4. The member reads the protocol.
    member = new_context().new_page()
    log_in(member, ebu.gurli)
    member.goto(ebu.referat)
    expect(member.get_by_text("Ikke underskrevet")).to_be_visible()
    nytte = member.get_by_role("article", name="3. Nytteindsats")
    expect(decision(nytte).locator(":scope > p")).to_have_text(["Indstilling godkendt."])
    expect(decision(nytte).locator(".afstemning p")).to_have_text(
        [
            f"Følgende forslag blev sat til afstemning: ”{FORSLAG}”",
            "Forslaget godkendt med 3 stemmer for (Nikolaj Bührmann, Erling Petersen og "
            "Gurli Nielsen). Imod stemte 1 medlem (Rasmus Keis Neerbek).",
            "Rasmus Keis Neerbek har ønsket følgende mindretalsudtalelse ført til protokol:",
            f"”{UDTALELSE}”",
        ],
        use_inner_text=True,  # the <br> between the intro and the motion
    )
    expect(nytte.locator("dt:text-is('Fraværende') + dd")).to_have_text("Agnete Fog")
    expect(nytte).not_to_contain_text(bad)
    member.screenshot(path="/tmp/browser_referat.png", full_page=True)


def test_secretary_records_a_decision_by_phrase_without_javascript(new_context, sekretaer, ebu):
    page = new_context(java_script_enabled=False).new_page()
    log_in(page, sekretaer)
    page.goto(ebu.optag)
    item = item_form(page, 4, "Ungeindsats")
    item.get_by_label("Standardtekst", exact=True).select_option(
        "Forvaltningens indstilling godkendt."
    )
    # No optag.js: the textarea stays empty and the server takes the chosen phrase.
    expect(item.get_by_label("Beslutning", exact=True)).to_have_value("")
    item.get_by_role("button", name="Gem punkt 4").click()
    expect(page.get_by_text("Punkt 4 er gemt.")).to_be_visible()
    expect(item.get_by_label("Beslutning", exact=True)).to_have_value(
        "Forvaltningens indstilling godkendt."
    )
    page.get_by_role("link", name="Vis beslutningsprotokollen").click()
    unge = page.get_by_role("article", name="4. Ungeindsats")
    expect(decision(unge).locator(":scope > p")).to_have_text(
        ["Forvaltningens indstilling godkendt."]
    )
    expect(unge.locator("dt:text-is('Fraværende') + dd")).to_have_text("Ingen")
