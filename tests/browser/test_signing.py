"""Members sign the protocol one by one in Chromium; the last signature locks it, and the
stored PDF downloads with the hash shown on the page."""

import datetime
import hashlib

import pytest
from playwright.sync_api import expect

from protokol.services import optagelse
from protokol.services import underskrift as underskrift_services
from tests import factories
from tests.browser.conftest import log_in
from udvalg import services as udvalg_services
from udvalg.models import Moede, MoedeStatus, Rolle

pytestmark = pytest.mark.browser


@pytest.fixture
def ready(udvalg, sekretaer):
    """A held, recorded meeting sent to signing, with three members who have log-ins."""
    users = []
    for i, navn in enumerate(["Nikolaj Bührmann", "Erling Petersen", "Gurli Nielsen"]):
        user = factories.make_user(f"m{i}", first_name=navn.split()[0])
        m = factories.make_medlem(udvalg, user=user, navn=navn)
        m.sortering, m.rolle = i, Rolle.FORMAND if i == 0 else Rolle.MEDLEM
        m.save()
        users.append(user)
    moede = factories.make_moede(udvalg, dato=datetime.date(2015, 5, 13))
    punkt = factories.make_punkt(moede, titel="Nytteindsats", sag=factories.make_sag("14/1175"))
    udvalg_services.moede_release(moede=moede, user=sekretaer)
    optagelse.beslutning_save(punkt=punkt, tekst="<p>Indstilling godkendt.</p>")
    udvalg_services.moede_start_recording(moede=moede)
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    return moede, users


def test_members_sign_one_by_one_and_the_last_signature_locks(new_context, ready):
    moede, users = ready
    base = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/"
    for i, user in enumerate(users):
        page = new_context().new_page()
        log_in(page, user)
        page.goto(f"{base}underskrift/")
        expect(page.get_by_role("heading", name="Godkend og underskriv")).to_be_visible()
        page.get_by_label("Din adgangskode").fill("pw")
        page.get_by_role("button", name="Godkend og underskriv").click()
        expect(page.get_by_text("Du har underskrevet")).to_be_visible()
        status = Moede.objects.get(pk=moede.pk).status
        expected = MoedeStatus.UNDERSKREVET if i == len(users) - 1 else MoedeStatus.TIL_UNDERSKRIFT
        assert status == expected

    page = new_context().new_page()
    log_in(page, users[0])
    page.goto(f"{base}referat/")
    expect(page.get_by_text("Underskrevet", exact=True)).to_be_visible()
    shown = page.locator("code.sha").first.inner_text().strip()
    with page.expect_download() as download_info:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; a.download = '';"
            " document.body.appendChild(a); a.click(); }",
            f"{base}referat.pdf",
        )
    data = open(download_info.value.path(), "rb").read()  # noqa: SIM115 - one read
    assert data.startswith(b"%PDF-")
    assert hashlib.sha256(data).hexdigest() == shown
    # The locked meeting can no longer be edited from the pages.
    log_in(page, moede.udvalg.sekretaerer.get())
    response = page.goto(f"{base}referat/optag/")
    assert response.status == 403
