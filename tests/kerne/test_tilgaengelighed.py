"""The accessibility statement (webtilgængelighedsloven) and the municipality in the header."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_statement_is_public_and_linked_from_every_page(client):
    page = client.get("/tilgaengelighed/")  # no log-in
    assert page.status_code == 200
    html = page.content.decode()
    for heading in ("Overholdelsesstatus", "Indhold, der ikke er tilgængeligt",
                    "Feedback og kontakt", "Håndhævelse", "WCAG 2.1"):  # fmt: skip
        assert heading in html, heading
    for url in ("/offentlig/", "/login/"):
        assert 'href="/tilgaengelighed/"' in client.get(url).content.decode(), url


def test_the_statement_names_the_contact_and_the_official_statement(settings):
    settings.PROTOKOL_KOMMUNE_NAVN = "Furesø Kommune"
    settings.PROTOKOL_TILGAENGELIGHED_KONTAKT = "web@fureso.dk"
    settings.PROTOKOL_TILGAENGELIGHEDSERKLAERING_URL = "https://www.was.digst.dk/fureso-dk"
    html = Client().get("/tilgaengelighed/").content.decode()
    assert 'href="mailto:web@fureso.dk"' in html
    assert 'href="https://www.was.digst.dk/fureso-dk"' in html
    assert "Furesø Kommune ønsker" in html


def test_the_header_carries_the_municipalitys_name_and_logo(settings):
    settings.PROTOKOL_KOMMUNE_NAVN = "Furesø Kommune"
    settings.PROTOKOL_KOMMUNE_LOGO = "https://fureso.dk/logo.svg"
    html = Client().get("/offentlig/").content.decode()
    assert 'Protokol<span class="kommune-navn"> · Furesø Kommune</span>' in html
    assert '<img class="kommune-logo" src="https://fureso.dk/logo.svg" alt=""' in html
    assert "for Furesø Kommunes udvalg" in html
    settings.PROTOKOL_KOMMUNE_LOGO = "img/kommune.svg"  # a file under static/
    assert 'src="/static/img/kommune.svg"' in Client().get("/offentlig/").content.decode()


def test_without_settings_no_name_and_no_logo():
    html = Client().get("/offentlig/").content.decode()
    assert "kommune-navn" not in html and "kommune-logo" not in html
    assert "for kommunens udvalg" in html
