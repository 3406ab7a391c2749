import pytest
from django.core.exceptions import ValidationError

from kerne.richtext import section_value
from sager import services
from sager.models import Punkt, Punkttype, Sag
from tests import factories
from tests.conftest import login


def create_url(moede):
    return f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/punkter/nyt/"


def numbers(moede):
    return list(moede.punkter.order_by("nummer").values_list("nummer", "titel"))


# --- adding items ----------------------------------------------------------------------------


def test_add_item_on_an_existing_case_found_by_sagsnr(client, moede, sekretaer):
    sag = factories.make_sag("14/1175", "Nytteindsats")
    login(client, sekretaer)
    search = client.get(create_url(moede), {"q": "14/11"}).content.decode()
    assert "14/1175" in search and f"?sag={sag.pk}" in search
    response = client.post(
        create_url(moede), {"sag": sag.pk, "punkttype": "beslutning", "adgang": "aaben"}
    )
    punkt = moede.punkter.get(nummer=3)
    assert response.status_code == 302
    assert (punkt.sag, punkt.titel) == (sag, "Nytteindsats")


def test_case_search_matches_every_word_of_the_title(client, moede, sekretaer):
    factories.make_sag("15/839", "Budgetlægning 2016 - 2019 - forslag til besparelser")
    factories.make_sag("15/840", "Budgetopfølgning")
    login(client, sekretaer)
    html = client.get(create_url(moede), {"q": "budget besparelser"}).content.decode()
    assert "15/839" in html and "15/840" not in html


def test_add_item_with_a_new_case(client, moede, sekretaer):
    login(client, sekretaer)
    client.post(
        create_url(moede),
        {
            "nyt_sagsnr": "15/839",
            "titel": "Budgetlægning 2016 - 2019",
            "punkttype": "beslutning",
            "adgang": "lukket",
        },
    )
    punkt = moede.punkter.get(nummer=3)
    assert punkt.sag.sagsnr == "15/839"
    assert punkt.sag.titel == "Budgetlægning 2016 - 2019"
    assert punkt.is_lukket


@pytest.mark.parametrize("sagsnr", ["2015/839", "15-839", "15/123456", "ab/12", "15/"])
def test_invalid_sagsnr_is_refused_and_nothing_is_written(client, moede, sekretaer, sagsnr):
    login(client, sekretaer)
    response = client.post(
        create_url(moede),
        {"nyt_sagsnr": sagsnr, "titel": "Ny sag", "punkttype": "beslutning", "adgang": "aaben"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sagsnummeret skal have formen ÅÅ/NNNNN" in html
    assert 'value="Ny sag"' in html  # the typed title is kept
    assert not Sag.objects.exists()
    assert moede.punkter.count() == 2


def test_duplicate_sagsnr_is_refused_and_nothing_is_written(client, moede, sekretaer):
    factories.make_sag("14/1175", "Nytteindsats")
    login(client, sekretaer)
    response = client.post(
        create_url(moede),
        {"nyt_sagsnr": "14/1175", "titel": "Andet", "punkttype": "beslutning", "adgang": "aaben"},
    )
    assert "Der findes allerede en sag med sagsnummer 14/1175" in response.content.decode()
    assert Sag.objects.count() == 1
    assert moede.punkter.count() == 2


def test_duplicate_sagsnr_is_refused_by_the_model_too(db):
    factories.make_sag("14/1175")

    with pytest.raises(ValidationError, match="Der findes allerede en sag"):
        services.sag_create(sagsnr="14/1175", titel="Igen")


def test_missing_title_is_refused_and_nothing_is_written(client, moede, sekretaer):
    login(client, sekretaer)
    response = client.post(
        create_url(moede), {"titel": "  ", "punkttype": "beslutning", "adgang": "aaben"}
    )
    assert "Angiv punktets titel." in response.content.decode()
    assert moede.punkter.count() == 2


def test_missing_title_on_edit_is_refused(client, moede, sekretaer):
    punkt = factories.make_punkt(moede, titel="Gammel titel")
    login(client, sekretaer)
    response = client.post(
        f"/punkter/{punkt.pk}/rediger/",
        {"titel": "", "punkttype": "beslutning", "adgang": "aaben", "version": punkt.version},
    )
    assert "Angiv punktets titel." in response.content.decode()
    punkt.refresh_from_db()
    assert punkt.titel == "Gammel titel"


# --- sections ---------------------------------------------------------------------------------

WORD_PASTE = """
<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style>
<script>alert(1)</script></head><body>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->
<p class="MsoNormal" style="color:red">Første <b>afsnit</b> med
<a href="https://alleroed.dk" onclick="x()">link</a>.<o:p></o:p></p>
<p class="MsoNormal">&nbsp;</p>
<ul><li style="mso-list:l0">Punkt et</li><li>Punkt to</li></ul>
<table class="MsoTableGrid" style="border:1px">
<tr><td colspan="2" style="width:10cm">Celle</td></tr></table>
<p><a href="javascript:alert(1)">farlig</a><img src=x onerror=alert(1)></p>
</body></html>
"""


def test_pasted_word_html_keeps_structure_and_loses_scripts_and_styles(client, moede, sekretaer):
    punkt = factories.make_punkt(moede)
    login(client, sekretaer)
    client.post(
        f"/punkter/{punkt.pk}/rediger/",
        {
            "titel": punkt.titel,
            "punkttype": "beslutning",
            "adgang": "aaben",
            "sagsbeskrivelse": WORD_PASTE,
            "version": punkt.version,
        },
    )
    punkt.refresh_from_db()
    html = punkt.sagsbeskrivelse
    assert "<b>afsnit</b> med\n" in html
    assert '<a href="https://alleroed.dk" rel="noopener noreferrer">link</a>' in html
    assert "<ul><li>Punkt et</li><li>Punkt to</li></ul>" in html
    assert '<td colspan="2">Celle</td>' in html
    for banned in ["script", "alert", "style", "class=", "onclick", "javascript:", "<img", "o:p"]:
        assert banned not in html, banned
    assert "<p></p>" not in html and "&nbsp;" not in html


def test_sections_keep_three_states_absent_dash_and_text(client, moede, sekretaer, medlem):
    punkt = factories.make_punkt(moede)
    login(client, sekretaer)
    client.post(
        f"/punkter/{punkt.pk}/rediger/",
        {
            "titel": punkt.titel,
            "punkttype": "orientering",
            "adgang": "aaben",
            "tema": "<p>-</p>",
            "sagsbeskrivelse": "<p>Tekst</p>",
            "afledte_konsekvenser": "Ingen",
            "dialog_hoering": "",
            "version": punkt.version,
        },
    )
    punkt.refresh_from_db()
    assert punkt.tema == "-"
    assert punkt.sagsbeskrivelse == "<p>Tekst</p>"
    assert punkt.afledte_konsekvenser == "<p>Ingen</p>"
    assert punkt.dialog_hoering is None
    assert punkt.punkttype == Punkttype.ORIENTERING
    labels = [label for _, label, _ in punkt.sektioner()]
    assert labels == ["Tema", "Sagsbeskrivelse", "Afledte konsekvenser"]


# --- order ------------------------------------------------------------------------------------


def test_move_up_and_down_renumbers(client, moede, sekretaer):
    a = factories.make_punkt(moede, titel="A")
    factories.make_punkt(moede, titel="B")
    login(client, sekretaer)
    client.post(f"/punkter/{a.pk}/flyt/", {"retning": "ned"})
    assert [t for _, t in numbers(moede)][2:] == ["B", "A"]
    client.post(f"/punkter/{a.pk}/flyt/", {"retning": "op"})
    client.post(f"/punkter/{a.pk}/flyt/", {"retning": "op"})
    assert numbers(moede)[1] == (2, "A")


def test_drag_and_drop_order_endpoint(client, moede, sekretaer):
    a = factories.make_punkt(moede, titel="A")
    b = factories.make_punkt(moede, titel="B")
    ids = list(moede.punkter.order_by("nummer").values_list("pk", flat=True))
    login(client, sekretaer)
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/raekkefoelge/"
    response = client.post(url, {"order": [b.pk, a.pk, *ids[:2]]})
    assert response.status_code == 200
    assert [t for _, t in numbers(moede)][:2] == ["B", "A"]
    assert [n for n, _ in numbers(moede)] == [1, 2, 3, 4]
    # an order that is not a permutation of the meeting's items is refused, nothing changes
    response = client.post(url, {"order": [a.pk, b.pk]})
    assert response.status_code == 400
    assert [t for _, t in numbers(moede)][:2] == ["B", "A"]


def test_delete_renumbers_the_rest(client, moede, sekretaer):
    a = factories.make_punkt(moede, titel="A")
    factories.make_punkt(moede, titel="B")
    login(client, sekretaer)
    assert client.get(f"/punkter/{a.pk}/slet/").status_code == 200
    client.post(f"/punkter/{a.pk}/slet/")
    assert numbers(moede)[2] == (3, "B")
    assert not Punkt.objects.filter(pk=a.pk).exists()


# --- two secretaries -------------------------------------------------------------------------


def test_second_save_of_the_same_item_is_refused_and_keeps_the_text(client, moede, sekretaer):
    punkt = factories.make_punkt(moede, titel="Nytteindsats")
    other = factories.make_user("kollega", first_name="Karen", last_name="Kollega")
    moede.udvalg.sekretaerer.add(other)
    opened_version = punkt.version
    # Karen saves first.
    services.punkt_update(
        punkt=punkt, version=opened_version, user=other, titel="Nytteindsats (rettet)"
    )
    # Then the first secretary saves from the version she opened.
    login(client, sekretaer)
    response = client.post(
        f"/punkter/{punkt.pk}/rediger/",
        {
            "titel": "Min titel",
            "punkttype": "beslutning",
            "adgang": "aaben",
            "sagsbeskrivelse": "<p>Min lange tekst, som ikke må gå tabt.</p>",
            "version": opened_version,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Punktet er ændret af Karen Kollega" in html
    assert "Min lange tekst, som ikke må gå tabt." in html
    assert "Nytteindsats (rettet)" in html  # the stored version is shown for comparison
    punkt.refresh_from_db()
    assert punkt.titel == "Nytteindsats (rettet)"
    # Saving again from the conflict page goes through on top of Karen's version.
    response = client.post(
        f"/punkter/{punkt.pk}/rediger/",
        {"titel": "Min titel", "punkttype": "beslutning", "adgang": "aaben", "version": 2},
    )
    punkt.refresh_from_db()
    assert (response.status_code, punkt.titel, punkt.version) == (302, "Min titel", 3)


# --- audit ------------------------------------------------------------------------------------


def test_history_page_shows_who_changed_what(client, moede, sekretaer):
    punkt = factories.make_punkt(moede, titel="Første titel")
    factories.make_bilag(punkt, filnavn="notat.pdf")
    login(client, sekretaer)
    client.post(
        f"/punkter/{punkt.pk}/rediger/",
        {"titel": "Anden titel", "punkttype": "beslutning", "adgang": "lukket",
         "version": punkt.version},
    )  # fmt: skip
    html = client.get(f"/punkter/{punkt.pk}/historik/").content.decode()
    assert "Sanne Sekretær" in html
    assert "Første titel → Anden titel" in html
    assert "Åben → Lukket" in html or "aaben → lukket" in html
    assert "Bilag notat.pdf: oprettet" in html


def test_plain_text_from_the_textarea_keeps_its_paragraphs_and_is_escaped():

    assert section_value("Første afsnit.\n\nAndet: 3 < 4 & mere.\nNy linje.") == (
        "<p>Første afsnit.</p>\n\n<p>Andet: 3 &lt; 4 &amp; mere.<br>Ny linje.</p>"
    )
    assert section_value(" - ") == "-"
    assert section_value("   ") is None
