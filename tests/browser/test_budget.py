"""Savings proposals (besparelsesforslag) in a real browser: the secretary writes a proposal
with amounts typed the Danish way, sees each year's net computed while typing (htmx, no page
load), saves it and finds it on the proposal page, in the catalogue and in the overview against
the committee's target. Also: refused amounts, the same form with JavaScript off, and axe-core
on the budget pages."""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from budget import services as budget_services
from budget.models import Besparelsesforslag
from tests import factories
from tests.browser.conftest import log_in
from tests.browser.test_accessibility import AxeRun

pytestmark = pytest.mark.browser

TITEL = "Ansættelse af borgere på ledighedsydelse"
# (year, column label, what the secretary types); 2019 stays empty.
CELLER = [
    (2016, "Udgifter, service", "650.000"),
    (2016, "Udgifter, overførsel", "-1.020.000"),
    (2017, "Udgifter, overførsel", "-0,37 mio."),
    (2018, "Udgifter, service", "650 t.kr."),
]


@pytest.fixture
def runde(udvalg):
    """The 2016-2019 round with a frame for EBU (the secretary's committee)."""
    runde = factories.make_runde(navn="Budgetlægning 2016 - 2019", slug="2016-2019")
    budget_services.ramme_set(
        runde=runde, udvalg=udvalg, nettodriftsbudget=115_900_000, besparelsesmaal=300_000
    )
    base = f"/budget/{runde.slug}/"
    return SimpleNamespace(
        runde=runde, katalog=base, oversigt=f"{base}oversigt/", nyt=f"{base}forslag/nyt/"
    )


def cell(page, aar: int, kolonne: str):
    return page.get_by_label(f"{kolonne}, {aar}", exact=True)


def netto(page, aar: int):
    """The row's computed net (<output id="netto-N">), rows in the round's year order."""
    return page.locator(f"#netto-{aar - 2016}")


def fill_proposal(page, udvalg, *, forslag_nr: int = 7) -> None:
    page.get_by_label("Udvalg", exact=True).select_option(str(udvalg.pk))
    page.get_by_label("Afdelings nr.", exact=True).fill("434")
    page.get_by_label("Forslag nr.", exact=True).fill(str(forslag_nr))
    page.get_by_label("Afdeling (frivilligt)", exact=True).fill("Borgerservice")
    page.get_by_label("Udgiftstype", exact=True).select_option(label="Service og overførsel")
    page.get_by_label("Titel", exact=True).fill(TITEL)


def type_cells(page, cells) -> None:
    """Type each amount and leave the cell with Tab, as a user would (that fires `change`)."""
    for aar, kolonne, tekst in cells:
        field = cell(page, aar, kolonne)
        field.fill(tekst)
        field.press("Tab")


def cell_texts(row) -> list[str]:
    return [" ".join(t.split()) for t in row.locator("td").all_inner_texts()]


def test_secretary_writes_a_proposal_and_finds_it_in_the_overview(page, udvalg, sekretaer, runde):
    log_in(page, sekretaer)
    page.goto(runde.katalog)
    expect(page.get_by_role("table").first).to_contain_text("Ingen forslag")
    page.get_by_role("link", name="Nyt forslag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nyt besparelsesforslag")
    page.wait_for_load_state()  # htmx listens from DOMContentLoaded on; a robot types sooner
    fill_proposal(page, udvalg)

    # The nets are computed on the server as each cell is left, without a page load.
    page.evaluate("window.noFullReload = true")
    url = page.url
    type_cells(page, CELLER)
    expect(netto(page, 2016)).to_have_text("-370.000")
    expect(netto(page, 2017)).to_have_text("-370.000")
    expect(netto(page, 2018)).to_have_text("650.000")
    expect(netto(page, 2019)).to_have_text("")
    assert page.evaluate("window.noFullReload") is True
    assert page.url == url
    # The preview keeps what was typed, and saves nothing.
    expect(cell(page, 2017, "Udgifter, overførsel")).to_have_value("-0,37 mio.")
    assert not Besparelsesforslag.objects.exists()

    page.get_by_role("button", name="Gem forslaget").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Besparelsesforslag 434/7")
    expect(page.get_by_text("Forslag 434/7 er gemt.")).to_be_visible()
    forslag = Besparelsesforslag.objects.get(runde=runde.runde, afdeling_nr=434, forslag_nr=7)
    assert forslag.udvalg == udvalg
    assert forslag.aendret_af == sekretaer
    assert [
        (a.aar, a.udgifter_service, a.udgifter_overfoersel, a.netto) for a in forslag.aarstal.all()
    ] == [
        (2016, 650_000, -1_020_000, -370_000),
        (2017, None, -370_000, -370_000),
        (2018, 650_000, None, 650_000),
    ]

    # The ØKONOMI table: Budget år | Éngangs | Service | Overførsel | Indtægter | I alt netto.
    oekonomi = page.locator("table.forslag-oekonomi tbody tr")
    expect(oekonomi.locator("th")).to_have_text(["2016", "2017", "2018"])
    assert [cell_texts(oekonomi.nth(i)) for i in range(3)] == [
        ["", "650.000", "-1.020.000", "", "-370.000"],
        ["", "", "-370.000", "", "-370.000"],
        ["", "650.000", "", "", "650.000"],
    ]

    # The catalogue lists it with its net per year.
    page.get_by_role("link", name="Budgetlægning 2016 - 2019").click()
    katalog = page.locator("#katalog")
    expect(katalog.get_by_role("caption")).to_have_text("1 forslag, i alt netto pr. budgetår")
    row = katalog.locator("tbody tr").filter(has=page.get_by_role("link", name="434/7"))
    assert cell_texts(row) == [
        "434/7",
        TITEL,
        "EBU",
        "Service og overførsel",
        "Udkast",
        "-370.000",
        "-370.000",
        "650.000",
        "",
    ]

    # The overview: the proposal's figures, EBU's total and the target (300.000 a year).
    page.get_by_role("link", name="Samlet oversigt").click()
    blok = page.get_by_role("region", name=udvalg.visningsnavn)
    # Per year: Engangs | Service | Overførsel | I alt.
    row = blok.get_by_role("row").filter(has=page.get_by_role("link", name="Forslag 434/7"))
    expect(row.get_by_role("rowheader")).to_contain_text(TITEL)
    assert cell_texts(row) == [
        *["", "650.000", "-1.020.000", "-370.000"],
        *["", "", "-370.000", "-370.000"],
        *["", "650.000", "", "650.000"],
        *["", "", "", ""],
    ]
    total = blok.get_by_role("row").filter(has=page.get_by_role("rowheader", name="I alt EBU"))
    assert cell_texts(total) == [
        *["0", "650.000", "-1.020.000", "-370.000"],
        *["0", "0", "-370.000", "-370.000"],
        *["0", "650.000", "0", "650.000"],
        *["0", "0", "0", "0"],
    ]
    maal = blok.get_by_role(
        "table", name="EBU holdt op mod besparelsesmålet på 300.000 kr. om året"
    )
    rows = maal.locator("tbody tr")
    # 2016 and 2017 save 370.000, 70.000 beyond the target; 2018 spends more, 2019 saves nothing.
    assert [
        (rows.nth(i).locator("th").inner_text(), cell_texts(rows.nth(i))) for i in range(3)
    ] == [
        ("I alt netto", ["-370.000", "-370.000", "650.000", "0"]),
        (
            "Forskel til målet",
            [
                "+70.000 +23,3 % af målet",
                "+70.000 +23,3 % af målet",
                "-950.000 -316,7 % af målet",
                "-300.000 -100,0 % af målet",
            ],
        ),
        ("Målet er", ["Opfyldt", "Opfyldt", "Ikke opfyldt", "Ikke opfyldt"]),
    ]


@pytest.mark.parametrize(
    ("tekst", "besked"),
    [
        ("1,020", "»1,020« kan læses på to måder (skriv 1020 eller 1,02)."),
        ("abc", "»abc« er ikke et beløb."),
    ],
    ids=["tvetydig", "ikke-tal"],
)
def test_an_amount_that_is_not_understood_is_refused_by_cell_and_kept(
    page, udvalg, sekretaer, runde, tekst, besked
):
    log_in(page, sekretaer)
    page.goto(runde.nyt)
    fill_proposal(page, udvalg)
    type_cells(page, [*CELLER[1:], (2016, "Udgifter, service", tekst)])
    expect(netto(page, 2016)).to_have_text("Ret rækken")
    expect(netto(page, 2017)).to_have_text("-370.000")

    page.get_by_role("button", name="Gem forslaget").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Forslaget er ikke gemt")
    expect(summary.get_by_role("link")).to_have_text([f"2016, Udgifter, service: {besked}"])
    field = cell(page, 2016, "Udgifter, service")
    expect(field).to_have_value(tekst)
    expect(field).to_have_attribute("aria-invalid", "true")
    # Every other cell and field keeps what was typed too.
    expect(cell(page, 2016, "Udgifter, overførsel")).to_have_value("-1.020.000")
    expect(cell(page, 2018, "Udgifter, service")).to_have_value("650 t.kr.")
    expect(page.get_by_label("Titel", exact=True)).to_have_value(TITEL)
    # The summary's link takes the user to the cell.
    summary.get_by_role("link").click()
    expect(field).to_be_focused()
    assert not Besparelsesforslag.objects.exists()


def test_secretary_computes_the_nets_and_saves_without_javascript(
    new_context, udvalg, sekretaer, runde
):
    page = new_context(java_script_enabled=False).new_page()
    log_in(page, sekretaer)
    page.goto(runde.nyt)
    fill_proposal(page, udvalg)
    for aar, kolonne, tekst in CELLER:
        cell(page, aar, kolonne).fill(tekst)

    page.get_by_role("button", name="Beregn netto").click()
    expect(page.get_by_role("status").filter(has_text="Nettobeløbene")).to_have_text(
        "Nettobeløbene er beregnet. Forslaget er ikke gemt endnu."
    )
    expect(netto(page, 2016)).to_have_text("-370.000")
    expect(netto(page, 2017)).to_have_text("-370.000")
    expect(netto(page, 2018)).to_have_text("650.000")
    expect(cell(page, 2017, "Udgifter, overførsel")).to_have_value("-0,37 mio.")
    expect(page.get_by_label("Afdelings nr.", exact=True)).to_have_value("434")
    assert not Besparelsesforslag.objects.exists()

    page.get_by_role("button", name="Gem forslaget").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Besparelsesforslag 434/7")
    expect(page.get_by_text("Forslag 434/7 er gemt.")).to_be_visible()
    forslag = Besparelsesforslag.objects.get(runde=runde.runde, afdeling_nr=434, forslag_nr=7)
    assert [(a.aar, a.netto) for a in forslag.aarstal.all()] == [
        (2016, -370_000),
        (2017, -370_000),
        (2018, 650_000),
    ]


def test_budget_pages_have_no_wcag_violations(new_context, udvalg, sekretaer, runde):
    factories.make_forslag(
        runde.runde,
        udvalg,
        afdeling_nr=434,
        afdeling_navn="Borgerservice",
        forslag_nr=7,
        titel=TITEL,
        aar={
            2016: {"udgifter_service": 650_000, "udgifter_overfoersel": -1_020_000},
            2017: {"udgifter_overfoersel": -370_000},
        },
    )
    axe = AxeRun()
    page = new_context().new_page()
    log_in(page, sekretaer)

    page.goto(runde.katalog)
    expect(page.locator("#katalog tbody tr")).to_have_count(1)
    axe.check(page, "catalogue")

    page.goto(f"{runde.katalog}?udgiftstype=service")
    expect(page.locator("#katalog")).to_contain_text("Ingen forslag matcher filteret.")
    axe.check(page, "catalogue with a filter")

    page.goto(runde.oversigt)
    axe.check(page, "overview")

    page.goto(f"{runde.katalog}forslag/434-7-1/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Besparelsesforslag 434/7")
    axe.check(page, "proposal page")

    page.goto(runde.nyt)
    axe.check(page, "create form")

    page.get_by_label("Udgifter, service, 2016", exact=True).fill("1,020")
    page.get_by_role("button", name="Gem forslaget").click()
    expect(page.get_by_role("alert")).to_be_visible()
    axe.check(page, "create form with errors")

    page.goto(f"{runde.katalog}forslag/434-7-1/rediger/")
    axe.check(page, "edit form")

    axe.assert_clean()
