"""Findings 12 and 13: input that used to answer 500 gets a clear Danish answer, and two items
of one case in one meeting (an open and a closed part) each carry their own decision."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from protokol import indhold, pdf
from protokol.services import optagelse
from sager.models import Adgang, Beslutning
from tests.conftest import login
from tests.factories import lock_moede, make_held_moede, make_moede, make_punkt
from udvalg.models import Moede, ProtokolUdgave, ProtokolVersion

pytestmark = pytest.mark.django_db


def _admin_form_data(page) -> dict:
    """What the admin's change form would send back unchanged (its inlines' management forms
    included)."""
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    for inline in page.context.get("inline_admin_formsets", []):
        formset = inline.formset
        management = formset.management_form
        data.update({f"{formset.prefix}-{k}": v for k, v in management.initial.items()})
    return data


def test_a_title_search_of_a_thousand_words_answers_with_a_message(client, sekretaer):
    login(client, sekretaer)
    words = " ".join(f"ord{i}" for i in range(1000))
    response = client.get("/sager/", {"titel": words})
    assert response.status_code == 200
    assert "Der søges på de første 12 ord" in response.content.decode()


def test_a_free_text_case_search_of_a_thousand_words_answers(client, sekretaer, moede):
    login(client, sekretaer)
    words = " ".join(f"ord{i}" for i in range(1000))
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/punkter/nyt/"
    response = client.get(url, {"q": words})
    assert response.status_code == 200
    assert "Der søges på de første 12 ord" in response.content.decode()


@pytest.mark.parametrize(
    ("dato", "besked"),
    [
        ("0001-01-01", "Mødedatoen skal ligge i år 1900 eller senere."),
        ("9999-12-31", "Mødedatoen skal ligge i år 2199 eller før."),
    ],
)
def test_a_meeting_on_the_edge_of_the_calendar_is_refused(client, udvalg, sekretaer, dato, besked):
    login(client, sekretaer)
    data = {"dato": dato, "starttid": "16:00", "sted": "Byrådssalen"}
    response = client.post(f"/udvalg/{udvalg.slug}/moeder/nyt/", data)
    assert response.status_code == 200
    assert besked in response.content.decode()
    assert not Moede.objects.exists()


def test_a_meeting_dated_year_one_by_other_means_still_shows_its_pages(client, udvalg, sekretaer):
    """A date the form refuses may still arrive (an import, the shell): its agenda and release
    pages work all the same."""
    moede = make_moede(udvalg)
    punkt = make_punkt(moede, titel="Et punkt")
    Moede.objects.filter(pk=moede.pk).update(dato=datetime.date(1, 1, 1))
    login(client, sekretaer)
    base = f"/udvalg/{udvalg.slug}/moeder/{moede.url_slug}/"
    for page in ["", "dagsorden/", "frigiv/", "rediger/", "dagsorden.pdf"]:
        assert client.get(base + page).status_code == 200, page
    assert client.get(f"/punkter/{punkt.pk}/rediger/").status_code == 200


def test_reverting_a_signed_items_history_in_the_admin_is_refused(client, udvalg, sekretaer):
    moede, punkt, _ = lock_moede(make_held_moede(udvalg, sekretaer), sekretaer)
    historik = punkt.history.order_by("history_id").first()
    admin = get_user_model().objects.create_superuser("rod", "rod@example.dk", "pw")
    client.force_login(admin)
    url = f"/admin/sager/punkt/{punkt.pk}/history/{historik.history_id}/"
    data = _admin_form_data(client.get(url))
    data["titel"] = "Tilbagerullet"
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Protokollen er underskrevet og låst" in response.content.decode()
    punkt.refresh_from_db()
    assert punkt.titel == "Nytteindsats"


def test_moving_an_item_into_a_signed_meeting_in_the_admin_is_refused(client, udvalg, sekretaer):
    moede, _, _ = lock_moede(make_held_moede(udvalg, sekretaer), sekretaer)
    andet = make_punkt(make_moede(udvalg, dato=datetime.date(2015, 6, 3)), titel="Et andet")
    admin = get_user_model().objects.create_superuser("rod", "rod@example.dk", "pw")
    client.force_login(admin)
    url = f"/admin/sager/punkt/{andet.pk}/change/"
    data = _admin_form_data(client.get(url))
    data.update(moede=moede.pk, nummer=99)
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Protokollen er underskrevet og låst" in response.content.decode()
    andet.refresh_from_db()
    assert andet.moede_id != moede.pk


def test_two_items_of_one_case_in_one_meeting_each_get_their_decision(udvalg, sekretaer):
    moede, punkt, _ = make_held_moede(udvalg, sekretaer)
    lukket = make_punkt(moede, titel="Lukket del", sag=punkt.sag, adgang=Adgang.LUKKET)
    optagelse.beslutning_save(punkt=lukket, tekst="<p>Den lukkede del godkendt.</p>")
    optagelse.beslutning_save(punkt=punkt, tekst="<p>Den åbne del godkendt.</p>")
    assert Beslutning.objects.filter(sag=punkt.sag, dato=moede.dato).count() == 2
    assert Beslutning.objects.get(punkt=lukket).tekst == "<p>Den lukkede del godkendt.</p>"
    assert Beslutning.objects.get(punkt=punkt).tekst == "<p>Den åbne del godkendt.</p>"


def test_the_public_pdfs_of_a_signed_meeting_are_rendered_at_locking_never_per_request(
    client, udvalg, sekretaer, settings, monkeypatch
):
    """Finding 11: an anonymous visitor cannot make the server render a PDF of a signed
    meeting; the worker renders them once, right after the lock, and they are kept."""
    settings.PROTOKOL_RENDER_PUBLIC_PDFS_AT_LOCK = True
    moede, _, _ = lock_moede(make_held_moede(udvalg, sekretaer), sekretaer)
    version = ProtokolVersion.objects.get(moede=moede)
    kept = set(ProtokolUdgave.objects.filter(version=version).values_list("udgave", flat=True))
    assert kept == {key for key, value in indhold.PDF_UDGAVER.items() if value[1]}

    def no_rendering(*args, **kwargs):
        raise AssertionError("a request rendered a PDF")

    monkeypatch.setattr(pdf, "pdf_from_html", no_rendering)
    monkeypatch.setattr(pdf, "render_moede_pdf", no_rendering)
    base = f"/udvalg/{udvalg.slug}/moeder/{moede.url_slug}/"
    for url in ["referat.pdf", "referat.pdf?bilag=1", "dagsorden.pdf", "dagsorden.pdf?bilag=1"]:
        response = client.get(base + url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content)
        assert body.startswith(b"%PDF"), url
