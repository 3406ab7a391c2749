"""The administrator manages committees, people, memberships and users in the Django admin."""

import pytest

from tests import factories
from udvalg.models import Udvalg

MODELS = ["udvalg/udvalg", "udvalg/person", "udvalg/moede", "sager/sag", "sager/punkt",
          "sager/bilag", "auth/user"]  # fmt: skip


@pytest.fixture
def admin_client(client, db):
    client.force_login(factories.make_user("admin", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", MODELS)
def test_admin_list_add_and_change_pages_render(admin_client, model, udvalg, sekretaer):
    moede = factories.make_moede(udvalg)
    punkt = factories.make_punkt(moede, sag=factories.make_sag("14/1175"))
    factories.make_bilag(punkt)
    factories.make_medlem(udvalg, navn="Gurli Nielsen")
    assert admin_client.get(f"/admin/{model}/").status_code == 200
    assert admin_client.get(f"/admin/{model}/add/").status_code == 200
    first = admin_client.get(f"/admin/{model}/").context["cl"].result_list[0]
    assert admin_client.get(f"/admin/{model}/{first.pk}/change/").status_code == 200
    assert admin_client.get(f"/admin/{model}/{first.pk}/history/").status_code == 200


def test_admin_creates_a_committee_with_a_danish_slug(admin_client):

    response = admin_client.post(
        "/admin/udvalg/udvalg/add/",
        {
            "navn": "Børne- og Skoleudvalget",
            "forkortelse": "BØS",
            "periode_start": "2022",
            "periode_slut": "2025",
            "slug": "",
            "underskriftsregel": "alle",
            "faste_punkter": '["Bemærkninger til dagsordenen", "Meddelelser"]',
            "medlemskaber-TOTAL_FORMS": "0",
            "medlemskaber-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Udvalg.objects.get(forkortelse="BØS").slug == "boes-2022-2025"
