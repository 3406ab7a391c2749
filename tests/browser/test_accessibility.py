"""WCAG 2.1 A/AA in a real browser: axe-core on every kind of page, keyboard use of the agenda
builder, and reflow at 320 CSS px.

axe-core is vendored in tests/browser/vendor/ (see its README) and injected into each page, so
the run needs no network. Each axe test visits all its pages with one context per user, then
fails once, listing every violation by page, rule, impact and the first elements hit.
"""

import datetime
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from playwright.sync_api import expect

from protokol.services import optagelse
from sager import services as sager_services
from sager.models import Adgang, Punkttype
from tests import factories
from tests.browser.conftest import PASSWORD, log_in
from udvalg import services as udvalg_services

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SHOWN_TARGETS = 3

# Runs in the page. Returns only what the failure message needs, not axe's whole result.
RUN_AXE = """async ([tags, shown]) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    count: v.nodes.length,
    targets: v.nodes.slice(0, shown).map((n) => n.target.join(' ')),
    summary: v.nodes[0].failureSummary,
  }));
}"""
# WCAG 2.1 SC 4.1.1 (Parsing) forbids duplicate ids; axe 4.14 no longer runs its duplicate-id
# rules for the wcag2* tags (the criterion is obsolete in WCAG 2.2), but DKFDS claims 2.1.
DUPLICATE_IDS = """() => {
  const count = {};
  for (const el of document.querySelectorAll('[id]')) count[el.id] = (count[el.id] || 0) + 1;
  return Object.keys(count).filter((id) => count[id] > 1).sort();
}"""

SAGSBESKRIVELSE = """
<p>Jobcentret foreslår at udvide <strong>nytteindsatsen</strong> med 40 pladser.</p>
<ul><li>20 pladser i Park og Vej</li><li>20 pladser i Ældreplejen</li></ul>
<table>
  <caption>Pladser og udgifter</caption>
  <thead>
    <tr><th scope="col">År</th><th scope="col">Pladser</th><th scope="col">Kr.</th></tr>
  </thead>
  <tbody>
    <tr><td>2015</td><td>20</td><td>1.200.000</td></tr>
    <tr><td>2016</td><td>40</td><td>2.400.000</td></tr>
  </tbody>
</table>
"""
FORSLAG = "<p>Administrationen indstiller,</p><ol><li>at forslaget godkendes.</li></ol>"


class AxeRun:
    """Collects each page's violations; `assert_clean()` fails once with all of them."""

    def __init__(self):
        self.found: dict[str, list[dict]] = {}

    def check(self, page, name: str, *, known_duplicate_ids: frozenset[str] = frozenset()) -> None:
        page.add_script_tag(path=AXE)
        violations = page.evaluate(RUN_AXE, [WCAG_21_AA, SHOWN_TARGETS])
        duplicates = [i for i in page.evaluate(DUPLICATE_IDS) if i not in known_duplicate_ids]
        if duplicates:
            violations.append(
                {
                    "id": "duplicate-id",
                    "impact": "serious",
                    "help": "id attribute values must be unique (WCAG 2.1 SC 4.1.1)",
                    "helpUrl": "https://www.w3.org/WAI/WCAG21/Understanding/parsing.html",
                    "count": len(duplicates),
                    "targets": [f"#{i}" for i in duplicates[:SHOWN_TARGETS]],
                    "summary": "Give each element its own id (forms on one page: auto_id).",
                }
            )
        if violations:
            self.found[f"{name} ({page.url})"] = violations

    def assert_clean(self) -> None:
        if not self.found:
            return
        lines = []
        for where, violations in self.found.items():
            lines.append(f"{where}:")
            for v in violations:
                more = (
                    f" (+{v['count'] - SHOWN_TARGETS} more)" if v["count"] > SHOWN_TARGETS else ""
                )
                lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} <{v['helpUrl']}>")
                lines.append(f"      targets: {' | '.join(v['targets'])}{more}")
                lines.append("      " + v["summary"].replace("\n", "\n      "))
        pytest.fail("axe found WCAG 2.1 AA violations:\n" + "\n".join(lines), pytrace=False)


@pytest.fixture
def agenda(udvalg, sekretaer, medlem):
    """A released meeting with standing items, an open and a closed item on cases with rich
    sections and attachments, a supplementary item, a draft meeting, and edit history."""
    dato = datetime.date.today() + datetime.timedelta(weeks=4)
    moede = factories.make_moede(udvalg, dato=dato, sted="Mødelokale 1, Rådhuset")
    factories.make_moede(udvalg, dato=dato + datetime.timedelta(weeks=4))  # a draft
    nytte = factories.make_sag("14/1175", "Nytteindsats")
    budget = factories.make_sag("15/839", "Budgetlægning 2016 - 2019")
    aaben = factories.make_punkt(
        moede,
        titel="Nytteindsats",
        sag=nytte,
        tema="Beskæftigelse",
        sagsbeskrivelse=SAGSBESKRIVELSE,
        administrationens_forslag=FORSLAG,
        oekonomi_og_finansiering="-",
    )
    lukket = factories.make_punkt(
        moede,
        titel="Budgetlægning 2016 - 2019 - forslag til besparelser",
        sag=budget,
        adgang=Adgang.LUKKET,
        administrationens_forslag=FORSLAG,
    )
    factories.make_bilag(aaben, "Supplerende notat om nytteindsats.pdf", pages=2, bilagsnr="1/15")
    factories.make_bilag(aaben, "Høringssvar.pdf", titel="Høringssvar fra MED-udvalget")
    factories.make_bilag(lukket, "Besparelseskatalog.pdf", adgang=Adgang.LUKKET)
    aaben = sager_services.punkt_update(
        punkt=aaben,
        version=aaben.version,
        user=sekretaer,
        sagsbeskrivelse=SAGSBESKRIVELSE + "<p>Ordningen evalueres i 2016.</p>",
    )
    udvalg_services.moede_release(moede=moede, user=sekretaer)
    factories.make_punkt(moede, titel="Orientering om ledighed", punkttype=Punkttype.ORIENTERING)
    moede_url = f"/udvalg/{udvalg.slug}/moeder/{moede.url_slug}/"
    return SimpleNamespace(
        udvalg=udvalg,
        moede=moede,
        aaben=aaben,
        lukket=lukket,
        nytte=nytte,
        medlem_person=medlem.person,
        moede_url=moede_url,
        dagsorden_url=f"{moede_url}dagsorden/",
    )


def test_secretary_pages_have_no_wcag_violations(new_context, sekretaer, agenda):
    axe = AxeRun()
    page = new_context().new_page()
    log_in(page, sekretaer)

    page.goto("/")
    axe.check(page, "front page")

    page.goto(f"/udvalg/{agenda.udvalg.slug}/?status=frigivet")
    expect(page.get_by_role("form", name="Filtrer møder")).to_be_visible()
    axe.check(page, "committee page with filter")

    page.goto(agenda.moede_url)
    axe.check(page, "meeting page (secretary)")

    page.goto(agenda.dagsorden_url)
    axe.check(page, "agenda builder")

    page.goto(f"/punkter/{agenda.aaben.pk}/rediger/")
    expect(page.get_by_role("textbox", name="Sagsbeskrivelse", exact=True)).to_be_visible()
    expect(page.locator(".jodit-toolbar__box").first).to_be_visible()
    axe.check(page, "item edit page with Jodit")

    # The attachment form on the item page, sent empty: the upload page shows the errors.
    page.get_by_role("button", name="Upload bilag").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Upload bilag")
    expect(page.get_by_role("alert")).to_contain_text("Vælg en fil.")
    axe.check(page, "attachment upload with validation error")

    page.goto(f"{agenda.moede_url}punkter/nyt/?q=Nytte")
    expect(page.get_by_role("link", name="Vælg 14/1175 Nytteindsats")).to_be_visible()
    axe.check(page, "item add page with search result")

    page.goto("/sager/")
    axe.check(page, "case list")

    page.goto(f"/sager/{agenda.nytte.pk}/")
    axe.check(page, "case page")

    page.goto(f"/punkter/{agenda.aaben.pk}/historik/")
    expect(page.get_by_role("cell", name=re.compile("ændret"))).not_to_have_count(0)
    axe.check(page, "history page")

    assert page.goto("/udvalg/findes-ikke/").status == 404
    axe.check(page, "404 page")

    # Recording: a decision with a named vote and a minority statement, then both pages.
    beslutning = optagelse.beslutning_save(punkt=agenda.aaben, tekst="<p>Godkendt.</p>")
    deltagere = [factories.make_medlem(agenda.udvalg).person for _ in range(3)]
    optagelse.afstemning_register(
        beslutning=beslutning,
        forslag="Forslaget",
        stemmer={deltagere[0].pk: "for", deltagere[1].pk: "for", deltagere[2].pk: "imod"},
    )
    optagelse.mindretalsudtalelse_add(
        beslutning=beslutning, person=deltagere[2], tekst="Vi er imod."
    )
    page.goto(f"{agenda.moede_url}referat/optag/")
    axe.check(page, "recording page")
    page.goto(f"{agenda.moede_url}referat/")
    axe.check(page, "protocol page (referat)")

    # Signing, then the public versions an anonymous visitor reads.
    udvalg_services.moede_start_recording(moede=agenda.moede)
    page.goto(f"{agenda.moede_url}underskrift/")
    axe.check(page, "signing page (secretary)")
    anonymous = new_context().new_page()
    public = f"/offentlig/{agenda.udvalg.slug}/"
    for url, name in [
        ("/offentlig/", "public front page"),
        ("/tilgaengelighed/", "accessibility statement"),
        (public, "public committee page"),
        (agenda.moede_url, "public agenda with a closed item (its one URL)"),
        ("/soeg/", "search page, empty"),
        ("/soeg/?q=nytteindsats", "search results with facets"),
        ("/soeg/?q=nytteindsats&sortering=dato&art=bilag", "search results, filtered"),
        ("/soeg/?q=og", "search with only small words"),
        ("/soeg/?q=ukendtord", "search without results"),
        (f"/sager/{agenda.nytte.pk}/", "public case page (its one URL)"),
        (f"/personer/{agenda.medlem_person.pk}/", "public person page"),
    ]:
        anonymous.goto(url)
        axe.check(anonymous, name)

    axe.assert_clean()


def test_member_and_anonymous_pages_have_no_wcag_violations(new_context, medlem, agenda):
    axe = AxeRun()
    page = new_context().new_page()
    page.goto("/login/")
    axe.check(page, "login page")

    page.locator("#id_username").fill(medlem.get_username())
    page.locator("#id_password").fill("forkert")
    page.get_by_role("button", name="Log ind", exact=True).click()
    expect(page.get_by_role("alert")).to_be_visible()
    axe.check(page, "login page with error")

    log_in(page, medlem)
    page.goto(agenda.moede_url)
    expect(page.locator("article.punkt--lukket")).to_have_count(1)
    axe.check(page, "meeting page (member)")

    # django-axes locks the account after AXES_FAILURE_LIMIT wrong passwords.
    anonymous = new_context().new_page()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        anonymous.goto("/login/")
        anonymous.locator("#id_username").fill(medlem.get_username())
        anonymous.locator("#id_password").fill(PASSWORD + "x")
        anonymous.get_by_role("button", name="Log ind", exact=True).click()
    expect(anonymous.get_by_role("heading", level=1)).to_have_text("Kontoen er midlertidigt låst")
    axe.check(anonymous, "lockout page")

    axe.assert_clean()


def test_agenda_builder_item_controls_are_reached_by_tab_with_visible_focus(
    new_context, sekretaer, agenda
):
    page = new_context().new_page()
    log_in(page, sekretaer)
    page.goto(agenda.dagsorden_url)
    # Like a keyboard user: the skip link first, then on into the page.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Gå til sideindhold")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    wanted = {"Rediger punkt 2", "Op: flyt punkt 2 op", "Ned: flyt punkt 2 ned"}
    reached = {}
    for _ in range(20):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
              const el = document.activeElement;
              const style = getComputedStyle(el);
              return {
                name: el.textContent.replace(/\\s+/g, ' ').trim(),
                outline: style.outlineStyle === 'none' ? 'none'
                  : `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`,
                boxShadow: style.boxShadow,
                focusVisible: el.matches(':focus-visible'),
              };
            }"""
        )
        reached[focused["name"]] = focused
        if wanted <= reached.keys():
            break
    assert wanted <= reached.keys(), f"Tab reached only {list(reached)}"
    for name in sorted(wanted):
        focus = reached[name]
        assert focus["focusVisible"], name
        assert focus["outline"] != "none" or focus["boxShadow"] != "none", (
            f"{name!r} has no visible focus indicator: {focus}"
        )
        # An outline of zero width or a transparent one is no indicator either.
        if focus["boxShadow"] == "none":
            assert not focus["outline"].startswith("0px"), (name, focus)
            assert "rgba(0, 0, 0, 0)" not in focus["outline"], (name, focus)


def test_item_edit_page_labels_each_upload_field_with_its_own_label(new_context, sekretaer, agenda):
    page = new_context().new_page()
    log_in(page, sekretaer)
    page.goto(f"/punkter/{agenda.aaben.pk}/rediger/")
    upload_form = page.locator("form[enctype='multipart/form-data']")
    unlabelled = upload_form.evaluate(
        """(form) => [...form.querySelectorAll('input:not([type=hidden]), select, textarea')]
          .filter((el) => el.labels.length !== 1 || !form.contains(el.labels[0])
                  || document.querySelectorAll('#' + CSS.escape(el.id)).length !== 1)
          .map((el) => el.name)"""
    )
    assert unlabelled == []


def test_pages_reflow_at_320_css_pixels_without_horizontal_scrolling(
    new_context, sekretaer, agenda
):
    # WCAG 2.1 SC 1.4.10. Pages whose data tables are wider than 320 px fall under its
    # two-dimensional-content exception and are not listed here.
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    log_in(page, sekretaer)
    too_wide = {}
    for url in ["/", agenda.moede_url, agenda.dagsorden_url, f"/sager/{agenda.nytte.pk}/"]:
        page.goto(url)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 320:
            too_wide[url] = width
    assert too_wide == {}, f"wider than the 320 px viewport (px): {too_wide}"
