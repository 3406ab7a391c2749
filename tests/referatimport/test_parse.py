"""Tests of the legacy protocol parser against seeds/INVENTORY.md and synthetic snippets."""

import datetime
import os

import pytest

from referatimport.parse import (
    NotAProtocol,
    parse_protocol,
)
from referatimport.text import normalise_ws
from tests.referatimport.seeds import EBU, as_inventory, seed

# --- 001 ------------------------------------------------------------------------------------

ITEMS_001 = [
    (1, "Bemærkninger til dagsordenen", None, "-"),
    (2, "Meddelelser", None, "-"),
    (3, "Introduktion til UU-Sjælsø", "11/23767", "Orientering"),
    (4, "Nytteindsats", "14/1175", "Beslutning"),
    (5, "Gensidig forsørgerpligt", "13/14081", "Orientering"),
    (6, "Udredning af den aktive beskæftigelsesindsats", "14/3512", "Orientering"),
    (7, "Opfølgning på politisk aftale", "14/1795", "Beslutning"),
    (8, "Status erhvervspolitik", "10/21512", "Orientering"),
    (9, "Velkomstmøde for nye borgere", "14/1342", "Beslutning"),
]

VOTE_TEXT_001 = (
    "Følgende forslag blev sat til afstemning: ”Forvaltningens forslag godkendes, idet der "
    "foretages en evaluering efter 1 år med fokus på effekt, timetal, placering mv.” ¶ "
    "Forslaget godkendt med 3 stemmer for (Nikolaj Bührmann, Erling Petersen og Gurli "
    "Nielsen). Imod stemte 1 medlem (Rasmus Keis Neerbek). ¶ Rasmus Keis Neerbek har ønsket "
    "følgende mindretalsudtalelse ført til protokol: ¶ ”Enhedslisten kan ikke støtte "
    "forvaltningens forslag, da den beregnede timeløn på maks.tiden vil være langt under den "
    "gennemsnitlige sats i sammenlignelig overenskomst. Det er frivilligt for kommunen at "
    "oprette nyttejobs, og derfor mener vi det skal ske under samme forhold som ellers gælder "
    "på arbejdsmarkedet.”"
)

DECISIONS_001 = {
    1: [("12-03-2014", "-")],
    2: [("12-03-2014", "-")],
    3: [("12-03-2014", "Orienteringen taget til efterretning.")],
    4: [
        ("05-02-2014", "Sagen genoptages med supplerende notat fra Forvaltningen."),
        ("12-03-2014", VOTE_TEXT_001),
    ],
    5: [("12-03-2014", "Orienteringen taget til efterretning.")],
    6: [("12-03-2014", "Orienteringen taget til efterretning.")],
    7: [("12-03-2014", "Forvaltningens forslag godkendt.")],
    8: [("12-03-2014", "Orienteringen taget til efterretning.")],
    9: [("12-03-2014", "Forvaltningens indstilling godkendt.")],
}


def d(text: str) -> datetime.date:
    return datetime.datetime.strptime(text, "%d-%m-%Y").date()


def test_001_meeting_metadata(m001):
    assert m001.udvalg_navn == EBU
    assert m001.valgperiode == "2014-2017"
    assert m001.dato == datetime.date(2014, 3, 12)
    assert m001.starttid is None  # only stated in prose; no cover block


def test_001_items_titles_sagsnr_punkttype(m001):
    got = [(i.nummer, i.titel, i.sagsnr, i.punkttype) for i in m001.punkter]
    assert got == ITEMS_001


def test_001_every_decision(m001):
    for item in m001.punkter:
        got = [(dec.udvalg, dec.dato, as_inventory(dec.tekst)) for dec in item.beslutninger]
        want = [(EBU, d(date), text) for date, text in DECISIONS_001[item.nummer]]
        assert got == want, item.nummer


def test_001_vote_and_minority_statement_as_data(m001):
    item = m001.punkter[3]
    assert [vote.resultat for vote in item.afstemninger] == ["godkendt"]
    vote = item.afstemninger[0]
    assert vote.forslag == (
        "”Forvaltningens forslag godkendes, idet der foretages en evaluering efter 1 år med "
        "fokus på effekt, timetal, placering mv.”"
    )
    assert vote.for_ == ["Nikolaj Bührmann", "Erling Petersen", "Gurli Nielsen"]
    assert vote.imod == ["Rasmus Keis Neerbek"]
    assert vote.undlod == []
    [statement] = item.mindretalsudtalelser
    assert statement.medlem == "Rasmus Keis Neerbek"
    assert statement.tekst.startswith("”Enhedslisten kan ikke støtte forvaltningens forslag")
    assert statement.tekst.endswith("gælder på arbejdsmarkedet.”")
    assert all(not i.afstemninger for i in m001.punkter if i.nummer != 4)


def test_001_agnete_fog_absent_on_every_item(m001):
    assert [i.fravaerende for i in m001.punkter] == [["Agnete Fog"]] * 9


def test_001_sections_three_states(m001):
    items = {i.nummer: i for i in m001.punkter}
    assert items[1].sektioner == {
        "Tema": "-",
        "Sagsbeskrivelse": "-",
        "Administrationens forslag": "-",
    }
    optional = ("Afledte konsekvenser", "Økonomi og finansiering", "Dialog/høring")
    assert [items[3].sektioner[k] for k in optional] == ["Ingen", "Ingen", "Ingen"]
    assert [items[5].sektioner[k] for k in optional] == ["-", "-", "-"]
    assert items[4].sektioner["Dialog/høring"] == (
        "Det Lokale Beskæftigelsesråd kan på baggrund af en begrundet ansøgning fra kommunen "
        "træffe afgørelse om, at rimelighedskravet ikke skal gælde for personer i nytteindsats"
    )
    assert items[4].sektioner["Supplerende sagsbeskrivelse"] == (
        "Sagen er genoptaget fra udvalgets møde den 5. februar 2014 med supplerende notat fra "
        "Forvaltningen. Forvaltningens notat er vedlagt som bilag til punktet."
    )
    for number in (6, 7, 8, 9):
        assert not set(optional) & set(items[number].sektioner)


ADM_FORSLAG_001 = {
    3: "Forvaltningen anbefaler, at orienteringen tages til efterretning",
    4: "Forvaltningen anbefaler, at nytteindsatsen fastlægges med et ugentligt timetal på "
    "minimum 20 med mulighed for op til 37 timer ugentligt efter konkret individuel skøn af "
    "jobcenteret.",
    7: "Forvaltningen anbefaler; - at status på emnerne i konstitueringsaftalen tages til "
    "efterretning, og - at udvalget foretager en drøftelse og prioritering af emnerne.",
    8: "Forvaltningen anbefaler, at orienteringen om status på erhvervspolitikken 2011 – 2013 "
    "tages til efterretning.",
}


def test_001_administrationens_forslag(m001):
    items = {i.nummer: i for i in m001.punkter}
    for number, text in ADM_FORSLAG_001.items():
        assert normalise_ws(items[number].sektioner["Administrationens forslag"]) == text


def test_001_attachments(m001):
    got = {i.nummer: [(a.nummer, a.filnavn, a.bilagsnr) for a in i.bilag] for i in m001.punkter}
    assert got[4] == [("4.1", "Supplerende notat om nytteindsats.pdf", None)]
    assert got[6] == [
        ("6.1", "faktaark - anbefalinger pdf", None),
        ("6.2", "Reform af beskæftigelsesindsatsen - borgmesterbrev.pdf", None),
        (
            "6.3",
            "Bilag til KL's høringssvar til ekspertgruppens udredning af den aktive b....pdf",
            None,
        ),
        (
            "6.4",
            "KL's høringssvar til ekspertgruppens udredning af den aktive beskæftigel....pdf",
            None,
        ),
    ]
    assert got[7] == [("7.1", "EBU Opfølgning på politisk aftale ifm konstitueringen.pdf", None)]
    assert got[8] == [("8.1", "Erhvervspolitik som godkendt .pdf", None)]
    assert [n for n, atts in got.items() if atts] == [4, 6, 7, 8]


def test_001_signers(m001):
    assert m001.underskrivere == [
        "Nikolaj Bührmann",
        "Gurli Nielsen",
        "Erling Petersen",
        "Rasmus Keis Neerbek",
    ]


def test_001_has_no_unplaced_lines_and_no_proposals(m001):
    assert m001.ikke_placeret == []
    assert m001.besparelsesforslag == []


def test_001_bullet_lists_and_lost_glyphs(m001):
    text = m001.punkter[2].sektioner["Sagsbeskrivelse"]
    assert "- vejlede unge om valg af uddannelse og erhverv\n" in text
    text = m001.punkter[8].sektioner["Sagsbeskrivelse"]
    # " plancher o.l." starts a page, not a list entry.
    assert "forsyne det med plancher o.l., som fortæller" in text


# --- 003 ------------------------------------------------------------------------------------

ITEMS_003 = [
    (1, "Bemærkninger til dagsordenen", None, "-"),
    (2, "Meddelelser", None, "-"),
    (3, "Budgetlægning 2016 - 2019 - forslag til besparelser", "15/839", "Beslutning"),
    (4, "Danskuddannelse til voksne udlændinge", "14/11078", "Beslutning"),
    (5, "Ny aftale for Iværksætterhuset", "12/10411", "Beslutning"),
    (6, "Ændret lovgivning siden for-analyse i 2011 om fælles Jobcenter", "15/6585", "Orientering"),
]

DECISIONS_003 = {
    1: [("13-05-2015", "-")],
    2: [
        (
            "13-05-2015",
            "Udvalgets møde den 10. juni 2015 afholdes forud for byrådets møde den 25. juni "
            "2015 fra kl. 15.30.",
        )
    ],
    3: [("13-05-2015", "Indstilling godkendt.")],
    4: [
        (
            "03-12-2014",
            "Godkendes, idet indstillingen er på linje med hidtidig administration af området. ¶ "
            "Sagen genoptages i maj 2015 med henblik på vurdering af integrationsudfordring og "
            "økonomi i forhold til borgere der har andet behov for danskuddannelse end "
            "arbejdsmarkedstilknytningen.",
        ),
        (
            "13-05-2015",
            "Forslag om at nuværende administration på området fastholdes indtil videre "
            "godkendt. ¶ Erhvervs- og Beskæftigelsesudvalget foreslår endvidere, at området "
            "tilføres yderligere 300.000 kr. finansieret af de foreslåede merbesparelser vedr. "
            "overførselsudgifter. Forslaget oversendes til budgetlægning for 2016 – 2019.",
        ),
    ],
    5: [("13-05-2015", "Indstilling godkendt")],
    6: [("13-05-2015", "Orienteringen taget til efterretning.")],
}


def test_003_meeting_metadata(m003):
    assert m003.udvalg_navn == EBU
    assert m003.dato == datetime.date(2015, 5, 13)
    assert m003.starttid == datetime.time(7, 30)


def test_003_items_including_one_without_header_line(m003):
    got = [(i.nummer, i.titel, i.sagsnr, i.punkttype) for i in m003.punkter]
    assert got == ITEMS_003


def test_003_every_decision_including_interleaved_heading(m003):
    for item in m003.punkter:
        got = [(dec.udvalg, dec.dato, as_inventory(dec.tekst)) for dec in item.beslutninger]
        want = [(EBU, d(date), text) for date, text in DECISIONS_003[item.nummer]]
        assert got == want, item.nummer


def test_003_nobody_absent_no_votes(m003):
    assert [i.fravaerende for i in m003.punkter] == [[]] * 6
    assert all(not i.afstemninger and not i.mindretalsudtalelser for i in m003.punkter)


def test_003_sections(m003):
    item4 = m003.punkter[3].sektioner
    assert item4["Afledte konsekvenser"] == "-"
    assert item4["Økonomi og finansiering"] == (
        "Et modul på sprogskolen koster gennemsnitligt 30.000 kr."
    )
    assert item4["Dialog/høring"] == "-"
    assert m003.punkter[2].sektioner["Administrationens forslag"] == (
        "Forvaltningen anbefaler, at udvalget oversender besparelsesforlag, inkl. bilag til "
        "Økonomiudvalget."
    )


def test_003_footer_inside_bullet_list_is_removed(m003):
    text = m003.punkter[5].sektioner["Sagsbeskrivelse"]
    assert "onsdag den 13. maj 2015" not in text
    assert "- Kontanthjælpsreform\n- Beskæftigelsesreform.\n\nFor alle reformer" in text


def test_003_attachments_with_bilagsnr_from_cover_blocks(m003):
    got = [(a.nummer, a.filnavn, a.bilagsnr) for i in m003.punkter for a in i.bilag]
    assert got == [
        ("3.1", "Forslag til besparelser på ledighedsydelse.pdf", "33292/15"),
        ("3.2", "Intensiveret indsats for sygedagpengemodtagere.pdf", "33291/15"),
        ("3.3", "Styrkelse af virksomhedskontakt og jobformidling.pdf", None),
        ("3.4", "Oversigt over besparelsesforslag EBU.pdf", None),
        ("5.1", "Statistik Iværksætterhuset 2014.pdf", "30825/15"),
        ("6.1", "Notat om ændringer i lovgivning siden 2011.pdf", "33271/15"),
    ]
    assert {a.adgang for i in m003.punkter for a in i.bilag} == {"Åben"}


def test_003_signers(m003):
    assert m003.underskrivere == [
        "Nikolaj Bührmann",
        "Erling Petersen",
        "Rasmus Keis Neerbek",
        "Agnete Fog",
        "Gurli Nielsen",
    ]
    assert m003.ikke_placeret == []


PROPOSALS_003 = [
    # forslag, udgiftstype, title, service, overførsel, netto, årsværk
    (
        1,
        "Overførsel/Service",
        "Ansættelse af borgere på ledighedsydelse",
        650_000,
        -1_020_000,
        -370_000,
        0,
    ),
    (
        2,
        "Service/overførsel",
        "Intensiveret indsats for sygedagpengemodtagere",
        475_000,
        -1_100_000,
        -625_000,
        0,
    ),
    (
        3,
        "Overførsel",
        "Intensiveret indsats for kontanthjælpsmodtagere",
        None,
        -232_000,
        -232_000,
        None,
    ),
    (
        4,
        "Service/Overførsel",
        "Styrket virksomhedskontakt og jobformidling",
        950_000,
        -1_050_000,
        -100_000,
        0,
    ),
]


def test_003_budget_proposals_with_year_tables(m003):
    got = m003.besparelsesforslag
    assert [(p.afdeling, p.forslag, p.scenarie, p.udvalg, p.acadre) for p in got] == [
        (434, n, 1, "EBU", "15/6552") for n in (1, 2, 3, 4)
    ]
    for proposal, (nr, kind, title, service, overf, netto, fte) in zip(
        got, PROPOSALS_003, strict=True
    ):
        assert proposal.forslag == nr
        assert proposal.udgiftstype_tekst == kind
        assert proposal.titel == title
        assert proposal.problemer == []
        assert sorted(proposal.aar) == [2016, 2017, 2018, 2019]
        for year in proposal.aar.values():
            assert year.engangs is None
            assert year.indtaegter is None
            assert (year.udgifter_service, year.udgifter_overfoersel) == (service, overf)
            assert year.netto == netto
            assert year.aarsvaerk == fte
        assert proposal.ikrafttraedelse == "1. januar 2016"
        assert proposal.sammenhaenge == "Ingen"
        assert proposal.dialog_hoering == (
            "Drøftet med nedsat besparelses/effektiviseringsgruppe som repræsenterer den "
            "samlede Borgerservice."
        )
    assert [p.bilag for p in got] == [
        "Notat om besparelse på ledighedsydelse",
        "Intensiveret indsats for sygedagpengemodtagere",
        "Ingen",
        "Notat om styrket virksomhedskontakt og jobformidling.",
    ]
    assert got[2].uddybende_aarsvaerk == "Forslaget har ingen personalemæssige konsekvenser."


def test_003_form_label_interleaved_with_its_value(m003):
    assert m003.besparelsesforslag[2].sammenligning == (
        "De omkringliggende kommuner har fortsat lægekonsulenter ansat til vejledning af "
        "sagsbehandleren. Det vurderes at Allerød Kommunes behov kan dækkes ved en kombination "
        "af lægefaglig screening og vejledning fra Sundhedskoordinator."
    )


# --- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(lambda: seed("002"), id="attachment-note"),
        pytest.param(lambda: seed("004"), id="appendix-bundle"),
        pytest.param(lambda: "", id="empty"),
        pytest.param(lambda: " \n\n \n", id="whitespace"),
        pytest.param(lambda: os.urandom(4096).decode("latin-1"), id="random-bytes"),
    ],
)
def test_non_protocols_are_refused_with_a_reason(text):
    with pytest.raises(NotAProtocol) as excinfo:
        parse_protocol(text())
    assert excinfo.value.grund
    assert "\n" not in excinfo.value.grund
