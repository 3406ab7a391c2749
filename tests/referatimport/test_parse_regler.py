"""The legacy protocol parser's rules, on synthetic snippets written for each rule (the seeds
themselves: test_parse.py)."""

import datetime

import pytest

from referatimport import besparelse
from referatimport.parse import (
    find_punkt_starts,
    match_label,
    parse_afstemninger,
    parse_bilag_row,
    parse_protocol,
)
from referatimport.text import format_text, join_narrow
from tests.referatimport.seeds import EBU, seed, snippet

# --- rules on synthetic snippets (not copied from the seeds) --------------------------------

# "¬" marks a trailing space, which the extraction keeps and the rules use.
SYNTHETIC = snippet("""\
 TEKNIK- OG MILJØUDVALGET 2018-2021

1. Godkendelse af dagsorden

Sagsnr.:¬

Punkttype -

Tema -

Sagsbeskrivelse -

Administrationens¬
forslag

-

Bilag Nej

_________________________________________________________
Beslutning Teknik- og¬
Miljøudvalget 2018-
2021 den 04-09-2019

Godkendt.

Fraværende Ingen
 TEKNIK- OG MILJØUDVALGET 2018-2021

2. Ny cykelsti langs Stationsvej

Sagsnr.: 19/4412

Punkttype Beslutning

Tema Der skal tages stilling til tre forslag:
•  forslag A
·  forslag B

Sagsbeskrivelse Projektet blev drøftet på mødet
3. april 2019, hvor udvalget bad om en plan.

Økonomi¬
og finansiering

Anlægsudgiften er 2,1 mio. kr.

Bilag Skitse af cykelsti.pdf
Bilag 2 til skitsen med en meget lang¬
titel.pdf

_________________________________________________________
Beslutning Økonomiudvalge
t 2018-2021 den 12-
08-2019

Oversendt til Teknik- og Miljøudvalget.

Beslutning Teknik- og¬
Miljøudvalget 2018-

Godkendt med den ændring, at stien
 2021 den 04-09-2019
belyses.

Følgende forslag blev sat til afstemning:
”Sagen udsættes.”

Forslaget forkastet med 2 stemmer for (Anna Holm og Bo Lind). Imod stemte 3¬
medlemmer (Carl Berg, Dorte Kjær og Eva Juul).

Fraværende Finn Olsen og Gitte Rask
Teknik- og Miljøudvalget 2018-2021 onsdag den 4. september 2019 7
Signeret af:¬

_______________________________¬
Anna Holm
Formand

_______________________________¬
Bo Lind
""")


@pytest.fixture(scope="module")
def synthetic():
    return parse_protocol(SYNTHETIC)


def test_synthetic_committee_and_date_come_from_the_document(synthetic):
    assert synthetic.udvalg_navn == "Teknik- og Miljøudvalget 2018-2021"
    assert synthetic.valgperiode == "2018-2021"
    assert synthetic.dato == datetime.date(2019, 9, 4)
    assert [i.titel for i in synthetic.punkter] == [
        "Godkendelse af dagsorden",
        "Ny cykelsti langs Stationsvej",
    ]
    assert synthetic.underskrivere == ["Anna Holm", "Bo Lind"]  # incomplete page tolerated
    assert synthetic.ikke_placeret == []


def test_synthetic_other_committee_heading_wrapped_elsewhere(synthetic):
    beslutninger = synthetic.punkter[1].beslutninger
    assert [(dec.udvalg, dec.dato) for dec in beslutninger] == [
        ("Økonomiudvalget 2018-2021", datetime.date(2019, 8, 12)),
        ("Teknik- og Miljøudvalget 2018-2021", datetime.date(2019, 9, 4)),
    ]
    assert beslutninger[1].tekst.startswith("Godkendt med den ændring, at stien belyses.")


def test_synthetic_vote_rejected_with_plural(synthetic):
    [vote] = synthetic.punkter[1].afstemninger
    assert vote.resultat == "forkastet"
    assert vote.forslag == "”Sagen udsættes.”"
    assert vote.for_ == ["Anna Holm", "Bo Lind"]
    assert vote.imod == ["Carl Berg", "Dorte Kjær", "Eva Juul"]


def test_synthetic_sections_labels_and_attachments(synthetic):
    item = synthetic.punkter[1]
    assert (
        item.sektioner["Tema"]
        == "Der skal tages stilling til tre forslag:\n\n- forslag A\n- forslag B"
    )
    # A date at a line start is not an item or a list entry.
    assert item.sektioner["Sagsbeskrivelse"] == (
        "Projektet blev drøftet på mødet 3. april 2019, hvor udvalget bad om en plan."
    )
    assert item.sektioner["Økonomi og finansiering"] == "Anlægsudgiften er 2,1 mio. kr."
    assert [a.filnavn for a in item.bilag] == [
        "Skitse af cykelsti.pdf",
        "Bilag 2 til skitsen med en meget lang titel.pdf",
    ]
    assert item.fravaerende == ["Finn Olsen", "Gitte Rask"]
    assert synthetic.punkter[0].fravaerende == []


def test_item_start_needs_sagsnr_two_lines_later():
    lines = ["1. Første punkt", "", "Sagsnr.: 20/1", "tekst", "2. marts 2020 blev", "", "mere"]
    assert [number for _, number in find_punkt_starts(lines)] == [0]


def test_label_wrapped_over_two_lines_at_any_word():
    lines = [" Dialog/høring", "", "x"]
    assert match_label(lines, 0, ("Dialog/høring",)) == ("Dialog/høring", "", 1)
    lines = ["Afledte", "konsekvenser Ingen"]
    assert match_label(lines, 0, ("Afledte konsekvenser",)) == ("Afledte konsekvenser", "Ingen", 2)


def test_join_narrow_keeps_compound_space_and_mends_broken_words():
    assert join_narrow(
        ["Social- ", "og ", "Sundhedsudvalge", "t 2022-2025 den 01-", "02-2023"]
    ) == ("Social- og Sundhedsudvalget 2022-2025 den 01-02-2023")
    # Trailing spaces lost: a hyphen before a letter keeps its space.
    assert join_narrow(["Kultur-", "og", "Fritidsudvalget"]) == "Kultur- og Fritidsudvalget"


def test_join_narrow_without_trailing_spaces_uses_known_names_and_word_wraps():
    # An extraction without trailing spaces: a wrap is a word boundary unless a known name
    # or a hyphen before a digit says otherwise.
    lines = ["Erhvervs- og", "Beskæftigelsesudvalget", "2014-2017 den", "12-03-", "2014"]
    assert join_narrow(lines, (EBU,), keeps_trailing=False) == f"{EBU} den 12-03-2014"
    assert join_narrow(["Udvalget for teknik", "og miljø den", "01-02-2015"], (), False) == (
        "Udvalget for teknik og miljø den 01-02-2015"
    )
    broken = ["Erhvervs- og Beskæftigelsesudvalge", "t 2014-2017 den 12-03-2014"]
    assert join_narrow(broken, (EBU,), False) == f"{EBU} den 12-03-2014"


def test_labels_alone_on_their_line_signatures_without_rules_and_a_front_page():
    text = "\n".join(
        [
            "Kultur- og Fritidsudvalget 2018-2021",
            "",
            "tirsdag den 4. juni 2019",
            "Kl. 16:00",
            "",
            "Indhold",
            "1. Bemærkninger .......................... 2",
            "Signeret af .............................. 3",
            "",
            "\fKULTUR- OG FRITIDSUDVALGET 2018-2021",
            "",
            "1. Bemærkninger",
            "Sagsnr.:",
            "",
            "19/123",
            "",
            "Punkttype",
            "",
            "Beslutning",
            "",
            "Tema",
            "",
            "-",
            "",
            "Bilag",
            "",
            "Nej",
            "Besparelsesforslag 120/1 Lukning af et bibliotek",
            "(KFU)",
            "",
            "Beslutning Kultur- og",
            "Fritidsudvalget 2018-",
            "2021 den 04-06-2019",
            "",
            "Godkendt.",
            "",
            "Fraværende",
            "",
            "Ida Holm og Ole Berg",
            "",
            "\fSigneret af:",
            "",
            "Lene Dahl",
            "Formand",
            "",
            "Per Moe",
            "Medlem",
        ]
    )
    meeting = parse_protocol(text)
    assert meeting.udvalg_navn == "Kultur- og Fritidsudvalget 2018-2021"
    assert meeting.dato == datetime.date(2019, 6, 4)
    assert meeting.starttid == datetime.time(16, 0)
    (item,) = meeting.punkter
    assert (item.sagsnr, item.punkttype, item.bilag) == ("19/123", "Beslutning", [])
    assert [(d.udvalg, d.tekst) for d in item.beslutninger] == [
        ("Kultur- og Fritidsudvalget 2018-2021", "Godkendt.")
    ]
    assert item.fravaerende == ["Ida Holm", "Ole Berg"]
    assert meeting.underskrivere == ["Lene Dahl", "Per Moe"]
    assert meeting.ikke_placeret == []


def test_footer_of_another_date_inside_a_bullet_list():
    text = snippet("""\
 BØRNEUDVALGET 2022-2025

1. Skolestart

Sagsnr.: 22/100

Punkttype Orientering

Tema Tre skoler:
 Skole A
 Skole B



Børneudvalget 2022-2025 tirsdag den 7. juni 2022 3

 Skole C

Bilag Nej

_________________________________________________________
Beslutning Børneudvalget¬
2022-2025 den 07-06-2022

Taget til efterretning.

Fraværende Ingen
""")
    meeting = parse_protocol(text)
    assert meeting.punkter[0].sektioner["Tema"] == "Tre skoler:\n\n- Skole A\n- Skole B\n- Skole C"
    assert meeting.udvalg_navn == "Børneudvalget 2022-2025"
    assert meeting.ikke_placeret == []


def test_unrecognised_lines_are_reported_with_line_numbers():
    text = SYNTHETIC.replace("Fraværende Ingen\n", "Fraværende Ingen\n\nLøs tekst\n", 1)
    text = "Forside uden struktur\n" + text
    meeting = parse_protocol(text)
    assert [(u.linje, u.tekst) for u in meeting.ikke_placeret] == [
        (1, "Forside uden struktur"),
        (text.split("\n").index("Løs tekst") + 1, "Løs tekst"),
    ]


def test_format_text_blank_line_inside_wrapped_entry_is_not_a_break():
    lines = ["Formål:", "", " hjælpe borgere med at finde ", "", "bolig", " give råd"]
    assert format_text(lines) == "Formål:\n\n- hjælpe borgere med at finde bolig\n- give råd"


def test_attachment_row_skips_urls_and_joins_wrapped_names():
    lines = [
        "Notat om vej ",
        "a....pdf",
        "http://example.org/x",
        "Kort.PDF",
        "Oversigt uden filtype",
    ]
    got = [(a.nummer, a.filnavn) for a in parse_bilag_row(lines, 7)]
    assert got == [
        ("7.1", "Notat om vej a....pdf"),
        ("7.2", "Kort.PDF"),
        ("7.3", "Oversigt uden filtype"),
    ]


def test_vote_with_abstention():
    text = (
        "Følgende forslag blev sat til afstemning:\n\n”At sagen godkendes.”\n\n"
        "Forslaget godkendt med 2 stemmer for (A B og C D). Imod stemte 1 medlem (E F). "
        "1 medlem undlod at stemme (G H)."
    )
    [vote] = parse_afstemninger(text)
    assert (vote.for_, vote.imod, vote.undlod) == (["A B", "C D"], ["E F"], ["G H"])


FORM = """\
Kultur – Lukning af filial (KFU)

Afdelings nr. Forslag nr. Scenarie nr. Udvalg Udgiftstype Acadre
512 7 2 KFU Service/Anlæg 21/999

Titel Lukning af filial
Beskrivelse Filialen lukkes.

ØKONOMI

Overblik over
besparelsespotentiale de enkelte
år

Budget
år
Éngangs
udgift/
investering
Udgifter
- = mindre-
+ = mer-
Indtægter
- = mindre-
+ = mer- I alt netto

2022 50.000 -300.000 -20.000 -270.000

2023
- -300.000
-20.000 -320.000

Uddybende beskrivelse af
besparelsespotentialet
Halv effekt i 2022.

BILAG

Ingen
"""


def test_savings_form_of_another_committee_with_engangs_and_income():
    [proposal] = besparelse.parse_skemaer(FORM.split("\n"))
    assert (proposal.afdeling, proposal.forslag, proposal.scenarie, proposal.udvalg) == (
        512,
        7,
        2,
        "KFU",
    )
    assert proposal.problemer == []
    y2022, y2023 = proposal.aar[2022], proposal.aar[2023]
    assert (y2022.engangs, y2022.udgifter_service, y2022.indtaegter, y2022.netto) == (
        50_000,
        -300_000,
        -20_000,
        -270_000,
    )
    assert (y2023.engangs, y2023.udgifter_service, y2023.indtaegter, y2023.netto) == (
        None,
        -300_000,
        -20_000,
        -320_000,
    )
    assert proposal.uddybende_besparelse == "Halv effekt i 2022."


def test_a_footer_whose_weekday_is_wrong_is_reported_not_trusted():
    text = seed("001").replace(" onsdag den 12. marts 2014 ", " torsdag den 12. marts 2014 ")
    meeting = parse_protocol(text)
    assert meeting.dato == datetime.date(2014, 3, 12)  # from the decision headings
    (problem,) = [u for u in meeting.ikke_placeret if "ugedagen" in u.grund]
    assert "torsdag den 12. marts 2014" in problem.tekst


def test_a_footer_of_another_date_is_reported():
    text = seed("001").replace(" onsdag den 12. marts 2014 ", " onsdag den 19. marts 2014 ")
    meeting = parse_protocol(text)
    assert any("afviger fra mødedatoen 12-03-2014" in u.grund for u in meeting.ikke_placeret)


def test_savings_forms_belong_to_the_item_whose_attachment_carries_them():
    meeting = parse_protocol(seed("003"))
    assert [p.punkt_nummer for p in meeting.besparelsesforslag] == [3, 3, 3, 3]
