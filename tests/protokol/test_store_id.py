"""Ids of 1,000 and more (every real register has them) are printed as plain digits: with the
thousand separator on, "1.234" broke the PDF's CSS selectors (the lock of a protocol with an
attachment failed), the agenda builder's item ids and form values."""

import pytest

from portal.models import Dokument
from protokol import pdf
from sager.models import Bilag, Punkt
from tests import factories


@pytest.fixture
def moede(udvalg):
    return factories.make_moede(udvalg)


def test_a_protocol_with_an_attachment_of_a_large_id_renders(moede, sekretaer):
    punkt = factories.make_punkt(moede)
    bilag = factories.make_bilag(punkt, pages=2)
    Bilag.objects.filter(pk=bilag.pk).update(id=123456)
    # The search index's row follows (ids never change outside this test).
    Dokument.objects.filter(bilag_id=bilag.pk).update(bilag_id=123456)
    html, sider = pdf.moede_pdf_html(moede, user=sekretaer, med_bilag=True)
    assert "#bilag-123456 {" in html
    data = pdf.pdf_from_html(html, sider)["pdf/ua-1"]
    assert data.startswith(b"%PDF")


def test_the_agenda_builder_prints_large_ids_as_digits(moede, sekretaer, client):
    Punkt.objects.create(pk=12345, moede=moede, nummer=9, titel="Et punkt med stort id")
    client.force_login(sekretaer)
    page = client.get(f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/dagsorden/")
    assert 'data-id="12345"' in page.content.decode()
