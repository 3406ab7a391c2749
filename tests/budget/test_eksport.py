"""The round's exports (budget.eksport): the overview and catalogue tables, CSV and XLSX for a
Danish Excel, and the catalogue PDF (text read back with pypdf and poppler's pdftotext).

The property tests generate whole rounds and check that every export agrees with the
overview's totals, the database's generated netto column and the figures that went in."""

import csv
import io
import itertools
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.db import transaction
from django.db.models import Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from budget import eksport, katalog_pdf, services
from budget.beloeb import format_kr
from budget.models import Aarstal, Besparelsesforslag, Ramme, Status, Udgiftstype
from budget.oversigt import oversigt_build
from tests.factories import make_forslag, make_runde, make_udvalg

if shutil.which("pdftotext") is None:  # CI installs poppler-utils; never skip silently
    raise RuntimeError("pdftotext (poppler-utils) is required by tests/budget/test_eksport.py")

AARENE = [2016, 2017, 2018, 2019]
BELOEB = ["engangs", "udgifter_service", "udgifter_overfoersel", "indtaegter"]
COLUMNS = ["Engangs", "Udgifter service", "Udgifter overførsel", "Indtægter"]


# --- helpers -----------------------------------------------------------------------------------


def load_oversigt(runde):
    forslag = Besparelsesforslag.objects.filter(runde=runde).for_list()
    rammer = Ramme.objects.filter(runde=runde).select_related("udvalg")
    return oversigt_build(runde, forslag, rammer)


def read_csv(data: bytes) -> tuple[list[str], list[list[str]]]:
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))
    return rows[0], rows[1:]


def read_xlsx(data: bytes):
    sheet = load_workbook(io.BytesIO(data)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    return sheet, rows[0], rows[1:]


def pdftotext(data: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    )
    return result.stdout.decode()


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def as_int(cell: str) -> int:
    return int(cell) if cell else 0


def demo_runde():
    """The seed's EBU round (DOMAIN §5.3): 434/1-4 and the frame of item 3, and a second
    committee with a one-off cost and income in some years only."""
    runde = make_runde(navn="Budgetlægning 2016 - 2019")
    ebu = make_udvalg(navn="Erhvervs- og Beskæftigelsesudvalget", forkortelse="EBU")
    services.ramme_set(
        runde=runde, udvalg=ebu, nettodriftsbudget=115_900_000, besparelsesmaal=100_000
    )
    figures = [
        (1, "Ansættelse af borgere på ledighedsydelse", 650_000, -1_020_000, "1.35"),
        (2, "Intensiveret indsats for sygedagpengemodtagere", 475_000, -1_100_000, "1"),
        (3, "Intensiveret indsats for kontanthjælpsmodtagere", None, -232_000, None),
        (4, "Styrket virksomhedskontakt og jobformidling", 950_000, -1_050_000, "2"),
    ]
    for nr, titel, service, overfoersel, aarsvaerk in figures:
        make_forslag(
            runde=runde,
            udvalg=ebu,
            afdeling_nr=434,
            afdeling_navn="Borgerservice",
            forslag_nr=nr,
            titel=titel,
            acadre="15/6552",
            udgiftstype=Udgiftstype.BEGGE if service else Udgiftstype.OVERFOERSEL,
            beskrivelse="Borgere der er visiteret til fleksjob har ret til ledighedsydelse.",
            dialog_hoering="Drøftet med nedsat besparelses/effektiviseringsgruppe.",
            aar={
                aar: {
                    "udgifter_service": service,
                    "udgifter_overfoersel": overfoersel,
                    "aarsvaerk": None if aarsvaerk is None else Decimal(aarsvaerk),
                }
                for aar in AARENE
            },
        )
    oeu = make_udvalg(navn="Økonomiudvalget", forkortelse="ØU")
    make_forslag(
        runde=runde,
        udvalg=oeu,
        afdeling_nr=120,
        forslag_nr=1,
        titel="Færre kopimaskiner på rådhuset",
        udgiftstype=Udgiftstype.SERVICE,
        status=Status.FREMLAGT,
        aar={
            2016: {"engangs": 250_000, "udgifter_service": -400_000},
            2017: {"udgifter_service": -800_000, "indtaegter": 35_000},
        },
    )
    return runde


# --- the tables --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_oversigt_tabel_lists_proposals_totals_and_targets_per_committee():
    tabel = eksport.oversigt_tabel(load_oversigt(demo_runde()))

    assert tabel.header[:7] == [
        "Udvalg",
        "Forslag",
        "Titel",
        "Udgiftstype",
        "Status",
        "2016 Engangs",
        "2016 Udgifter service",
    ]
    assert tabel.header[-5:] == [
        "2019 Engangs",
        "2019 Udgifter service",
        "2019 Udgifter overførsel",
        "2019 Indtægter",
        "2019 I alt",
    ]
    labels = [row[0] if row[1] is None else row[1] for row in tabel.rows]
    assert labels == [
        "434/1",
        "434/2",
        "434/3",
        "434/4",
        "I alt EBU",
        "Besparelsesmål EBU",
        "Forskel netto EBU",
        "Forskel kun service EBU",
        "120/1",
        "I alt ØU",
        "I alt",
    ]
    assert tabel.rows[0][:10] == [
        "EBU",
        "434/1",
        "Ansættelse af borgere på ledighedsydelse",
        "Service og overførsel",
        "Udkast",
        None,
        650_000,
        -1_020_000,
        None,
        -370_000,
    ]
    # 120/1 has no 2018: empty cells, not zeros.
    assert tabel.rows[8][15:20] == [None] * 5
    i_alt_2016 = tabel.header.index("2016 I alt")
    by_label = dict(zip(labels, tabel.rows, strict=True))
    assert by_label["I alt EBU"][i_alt_2016] == -1_327_000
    assert by_label["Besparelsesmål EBU"][i_alt_2016] == -100_000
    assert by_label["Besparelsesmål EBU"][i_alt_2016 - 1] is None
    assert by_label["Forskel netto EBU"][i_alt_2016] == 1_227_000
    assert by_label["Forskel kun service EBU"][i_alt_2016] == -2_175_000
    assert by_label["I alt"][5:10] == [250_000, 1_675_000, -3_402_000, 0, -1_477_000]
    assert tabel.fed == {4, 9, 10}
    assert tabel.beloeb == set(range(5, 25))


@pytest.mark.django_db
def test_katalog_tabel_has_every_field_per_proposal_and_a_total_row():
    tabel = eksport.katalog_tabel(load_oversigt(demo_runde()))

    assert tabel.header[:10] == [
        "Afdelings nr.",
        "Forslag nr.",
        "Scenarie nr.",
        "Udvalg",
        "Udgiftstype",
        "Acadre",
        "Titel",
        "Status",
        "Ikrafttrædelsestidspunkt",
        "2016 Engangs",
    ]
    assert tabel.header[9:15] == [
        "2016 Engangs",
        "2016 Udgifter service",
        "2016 Udgifter overførsel",
        "2016 Indtægter",
        "2016 I alt netto",
        "2016 Årsværk",
    ]
    assert tabel.header[33:] == [
        "Beskrivelse",
        "Sammenhænge med andre besparelsesforslag",
        "Note til økonomitabellen",
        "Uddybende beskrivelse af besparelsespotentialet",
        "Uddybende beskrivelse af konsekvenser i årsværk",
        "Nuværende serviceniveau",
        "Forslag til fremtidig serviceniveau",
        "Konsekvenser ved fremtidig serviceniveau (fordele/ulemper)",
        "Sammenligning af serviceniveau med andre kommuner",
        "Dialog/høring",
        "Bilag",
    ]
    first = tabel.rows[0]
    assert first[:9] == [
        434,
        1,
        1,
        "EBU",
        "Service og overførsel",
        "15/6552",
        "Ansættelse af borgere på ledighedsydelse",
        "Udkast",
        None,
    ]
    assert first[9:15] == [None, 650_000, -1_020_000, None, -370_000, Decimal("1.35")]
    assert first[33].startswith("Borgere der er visiteret")
    assert first[42] == "Drøftet med nedsat besparelses/effektiviseringsgruppe."
    total = tabel.rows[-1]
    assert total[0] == "I alt"
    assert total[9:15] == [250_000, 1_675_000, -3_402_000, 0, -1_477_000, Decimal("4.35")]
    assert total[33:] == [None] * 11
    assert tabel.fed == {5}
    assert 14 not in tabel.beloeb and 13 in tabel.beloeb and 0 not in tabel.beloeb


@pytest.mark.django_db
def test_a_committee_with_a_frame_and_no_proposals_shows_its_missed_target(
    django_assert_num_queries,
):
    runde = make_runde()
    services.ramme_set(
        runde=runde,
        udvalg=make_udvalg(forkortelse="KFU"),
        nettodriftsbudget=40_000_000,
        besparelsesmaal=400_000,
    )
    oversigt = load_oversigt(runde)
    with django_assert_num_queries(0):
        tabel = eksport.oversigt_tabel(oversigt)
        katalog = eksport.katalog_tabel(oversigt)

    assert [row[0] for row in tabel.rows] == [
        "I alt KFU",
        "Besparelsesmål KFU",
        "Forskel netto KFU",
        "Forskel kun service KFU",
        "I alt",
    ]
    i_alt_2019 = tabel.header.index("2019 I alt")
    assert [row[i_alt_2019] for row in tabel.rows] == [0, -400_000, -400_000, -400_000, 0]
    assert katalog.rows == [["I alt"] + [None] * 8 + [0, 0, 0, 0, 0, None] * 4 + [None] * 11]


# --- CSV ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_csv_is_utf8_with_bom_semicolons_crlf_and_decimal_commas():
    data = eksport.csv_bytes(eksport.katalog_tabel(load_oversigt(demo_runde())))

    assert data.startswith("\ufeffAfdelings nr.;Forslag nr.;Scenarie nr.;Udvalg;".encode())
    text = data[3:].decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # no bare line feeds between records
    first = text.split("\r\n")[1]
    assert first.startswith(
        "434;1;1;EBU;Service og overførsel;15/6552;Ansættelse af borgere på ledighedsydelse;"
        "Udkast;;;650000;-1020000;;-370000;1,35;"
    )
    assert "Økonomiudvalget" not in text  # the catalogue names the committee by abbreviation
    assert ";ØU;" in text and "Færre kopimaskiner på rådhuset" in text
    header, rows = read_csv(data)
    assert header[13] == "2016 I alt netto"
    assert rows[-1][0] == "I alt" and rows[-1][14] == "4,35"


def test_csv_cells_that_excel_would_run_as_formulas_are_quoted_as_text():
    tabel = eksport.Tabel(
        titel="T",
        header=["Titel", "Beløb"],
        rows=[['=HYPERLINK("http://x")', -5], ["-nedskæring", None], ["@SUM(A1)", 7]],
        beloeb={1},
    )
    _, rows = read_csv(eksport.csv_bytes(tabel))
    assert rows == [['\'=HYPERLINK("http://x")', "-5"], ["'-nedskæring", ""], ["'@SUM(A1)", "7"]]
    _, _, xlsx_rows = read_xlsx(eksport.xlsx_bytes(tabel))
    sheet = load_workbook(io.BytesIO(eksport.xlsx_bytes(tabel))).active
    assert sheet["A2"].data_type == "s"
    assert xlsx_rows[0] == ['=HYPERLINK("http://x")', -5]


def test_csv_response_is_a_private_download():
    tabel = eksport.Tabel(titel="T", header=["Udvalg"], rows=[["ØU"]])
    response = eksport.csv_response(tabel, "oversigt-2016-2019.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="oversigt-2016-2019.csv"'
    assert response["Cache-Control"] == "private, no-store"
    assert response.content == "\ufeffUdvalg\r\nØU\r\n".encode()


# --- XLSX --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_xlsx_has_numbers_with_kroner_format_and_a_bold_frozen_header():
    oversigt = load_oversigt(demo_runde())
    response = eksport.xlsx_response(eksport.katalog_tabel(oversigt), "katalog.xlsx")
    assert response["Content-Type"] == eksport.XLSX_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="katalog.xlsx"'
    assert response["Cache-Control"] == "private, no-store"

    sheet, header, rows = read_xlsx(response.content)
    assert sheet.title == "Katalog over besparelsesforslag"
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    service_2016 = sheet.cell(row=2, column=header.index("2016 Udgifter service") + 1)
    assert service_2016.value == 650_000 and type(service_2016.value) is int
    assert "kr" in service_2016.number_format
    assert service_2016.data_type == "n"
    aarsvaerk = sheet.cell(row=2, column=header.index("2016 Årsværk") + 1)
    assert aarsvaerk.value == pytest.approx(1.35)
    assert aarsvaerk.number_format == "0.00"
    afdeling = sheet.cell(row=2, column=1)
    assert afdeling.value == 434 and "kr" not in afdeling.number_format
    total_row = len(rows) + 1
    assert sheet.cell(row=total_row, column=1).value == "I alt"
    assert sheet.cell(row=total_row, column=header.index("2016 I alt netto") + 1).font.bold
    assert not sheet.cell(row=2, column=header.index("2016 I alt netto") + 1).font.bold
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    assert sheet.column_dimensions["G"].width >= len("Ansættelse af borgere på ledighedsydelse")


def test_xlsx_sheet_title_is_made_legal_for_excel():
    for titel, expected in [
        ("Samlet oversigt over besparelser", "Samlet oversigt over besparelse"),
        ("Budget 2016/2019: [udkast]?", "Budget 2016-2019- -udkast--"),
        ("'History'", "Ark1"),
    ]:
        data = eksport.xlsx_bytes(eksport.Tabel(titel=titel, header=["A"], rows=[]))
        assert load_workbook(io.BytesIO(data)).active.title == expected


# --- PDF ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_katalog_pdf_prints_the_overview_and_one_form_per_page(django_assert_num_queries):
    runde = demo_runde()
    oversigt = load_oversigt(runde)
    with django_assert_num_queries(0):  # the template uses what for_list prefetched
        data = katalog_pdf.katalog_pdf(oversigt)
    pages = page_texts(data)
    reader = PdfReader(io.BytesIO(data))

    assert "Katalog over besparelsesforslag" in pages[0]
    assert "Budgetlægning 2016 - 2019" in pages[0]
    assert normalised(pages[1]).startswith("Samlet oversigt over besparelser")
    box = reader.pages[1].mediabox
    assert box.width > box.height  # the overview is landscape
    overview = normalised(pdftotext(data).split("\f")[1])
    assert "Nettodriftsbudget 115,9 mio. kr., besparelsesmål 0,1 mio. kr. pr. år" in overview
    assert "-1.020.000 -370.000" in overview
    assert "Forskel netto opfyldt 1.227.000" in overview
    assert "Forskel kun service ikke opfyldt -2.175.000" in overview
    assert "2016" in overview and "2.016" not in overview

    overskrifter = [linje.forslag.overskrift for linje in oversigt.linjer]
    starts = []
    for overskrift in overskrifter:
        # Page 0 is the title page, whose contents list the proposals too.
        found = [i for i, text in enumerate(pages) if i and overskrift in normalised(text)]
        assert len(found) == 1, overskrift
        assert normalised(pages[found[0]]).startswith(overskrift)
        starts.append(found[0])
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert reader.pages[starts[0]].mediabox.width < reader.pages[starts[0]].mediabox.height
    form = normalised(pages[starts[0]])
    assert "2016 650.000 -1.020.000 -370.000" in form
    assert "2.016" not in form

    total = len(pages)
    assert f"Side {starts[0] + 1} af {total}" in pages[starts[0]]
    assert "Side 1 af" not in pages[0]  # no footer on the title page
    contents = normalised(pdftotext(data).split("\f")[0])
    assert f"434/1 Ansættelse af borgere på ledighedsydelse (EBU) {starts[0] + 1}" in re.sub(
        r"\.{2,}", "", contents
    ).replace("  ", " ")


# --- properties --------------------------------------------------------------------------------

beloeb = st.one_of(st.none(), st.integers(min_value=-50_000_000, max_value=50_000_000))
aar_celler = st.fixed_dictionaries(
    {
        "engangs": beloeb,
        "udgifter_service": beloeb,
        "udgifter_overfoersel": beloeb,
        "indtaegter": beloeb,
        "aarsvaerk": st.one_of(
            st.none(),
            st.decimals(
                min_value=-99, max_value=99, places=2, allow_nan=False, allow_infinity=False
            ),
        ),
    }
)


@st.composite
def runder(draw):
    """A round of 1-10 budget years (so the PDF must split long rounds), 1-5 committees, each
    with or without a frame and with 0-6 proposals covering any subset of the years."""
    aarene = list(range(2016, 2016 + draw(st.integers(min_value=1, max_value=10))))
    forslag = st.dictionaries(st.sampled_from(aarene), aar_celler, max_size=len(aarene))
    udvalg = st.fixed_dictionaries(
        {
            "forslag": st.lists(forslag, max_size=6),
            "maal": st.one_of(st.none(), st.integers(min_value=0, max_value=50_000_000)),
        }
    )
    return aarene, draw(st.lists(udvalg, min_size=1, max_size=5))


def build(aarene, data):
    """The generated round in the database; returns it and the expected totals per year."""
    runde = make_runde(navn="Budgetlægning i test", foerste_aar=aarene[0], sidste_aar=aarene[-1])
    expected = {aar: dict.fromkeys([*BELOEB, "netto"], 0) for aar in aarene}
    for udvalg in data:
        u = make_udvalg()
        if udvalg["maal"] is not None:
            services.ramme_set(
                runde=runde,
                udvalg=u,
                nettodriftsbudget=100_000_000,
                besparelsesmaal=udvalg["maal"],
            )
        for aar in udvalg["forslag"]:
            make_forslag(runde=runde, udvalg=u, aar=aar)
            for year, cells in aar.items():
                for name in BELOEB:
                    expected[year][name] += cells[name] or 0
                    expected[year]["netto"] += cells[name] or 0
    return runde, expected


def db_totals(runde, aar):
    sums = Aarstal.objects.filter(forslag__runde=runde, aar=aar).aggregate(
        **{name: Sum(name) for name in [*BELOEB, "netto"]}
    )
    return {name: value or 0 for name, value in sums.items()}


@pytest.mark.django_db
@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(runde=runder())
def test_every_export_agrees_on_the_yearly_totals(runde):
    aarene, data = runde
    with transaction.atomic():
        runde, expected = build(aarene, data)
        oversigt = load_oversigt(runde)
        tabeller = [eksport.oversigt_tabel(oversigt), eksport.katalog_tabel(oversigt)]
        kolonner = [[*COLUMNS, "I alt"], [*COLUMNS, "I alt netto"]]
        csv_sheets = [read_csv(eksport.csv_bytes(t)) for t in tabeller]
        xlsx_sheets = [read_xlsx(eksport.xlsx_bytes(t))[1:] for t in tabeller]

        for aar in aarene:
            tal = oversigt.i_alt[aar]
            got = {
                "engangs": tal.engangs,
                "udgifter_service": tal.service,
                "udgifter_overfoersel": tal.overfoersel,
                "indtaegter": tal.indtaegter,
                "netto": tal.netto,
            }
            assert got == expected[aar] == db_totals(runde, aar)

            want = [expected[aar][name] for name in [*BELOEB, "netto"]]
            for (header, rows), navne in zip(csv_sheets, kolonner, strict=True):
                index = [header.index(f"{aar} {navn}") for navn in navne]
                assert rows[-1][0] == "I alt"
                assert [as_int(rows[-1][i]) for i in index] == want
                proposals = [r for r in rows[:-1] if r[1]]  # Forslag (nr.) is set
                assert [sum(as_int(r[i]) for r in proposals) for i in index] == want
            for (header, rows), navne in zip(xlsx_sheets, kolonner, strict=True):
                index = [header.index(f"{aar} {navn}") for navn in navne]
                assert rows[-1][0] == "I alt"
                assert [rows[-1][i] for i in index] == want
                assert all(type(rows[-1][i]) is int for i in index)
                proposals = [r for r in rows[:-1] if r[1] is not None]
                assert [sum(r[i] or 0 for r in proposals) for i in index] == want
        transaction.set_rollback(True)


@pytest.mark.django_db
@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(runde=runder())
def test_katalog_pdf_prints_each_years_grand_total(runde):
    aarene, data = runde
    with transaction.atomic():
        runde, expected = build(aarene, data)
        oversigt = load_oversigt(runde)
        pages = pdftotext(katalog_pdf.katalog_pdf(oversigt)).split("\f")

        # The all-committee pages: from the heading "Alle udvalg" to the first form.
        heading = re.compile(r"^\s*Alle udvalg\s*$", re.M)
        first = next(i for i, page in enumerate(pages) if heading.search(page))
        samlet = [pages[first][heading.search(pages[first]).start() :]]
        samlet += itertools.takewhile(lambda p: "Afdelings nr." not in p, pages[first + 1 :])
        # The "I alt" row of each table of years: Engangs, Service, Overførsel, I alt per year.
        printed = [
            number
            for page in samlet
            for line in page.splitlines()
            if line.strip().startswith("I alt")
            for number in re.findall(r"-?\d[\d.]*", line)
        ]
        want = [
            format_kr(expected[aar][name])
            for aar in aarene
            for name in ["engangs", "udgifter_service", "udgifter_overfoersel", "netto"]
        ]
        assert printed == want
        # Every year's net total is on those pages (a long round's tables of years may run
        # over more than one page).
        for aar in aarene:
            assert format_kr(oversigt.i_alt[aar].netto) in "".join(samlet)
        transaction.set_rollback(True)
