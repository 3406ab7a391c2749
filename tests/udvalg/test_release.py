import datetime

import pytest
from django.core.exceptions import ValidationError

from sager.models import Adgang
from tests import factories
from tests.conftest import login
from udvalg import services
from udvalg.models import Moede, MoedeStatus


def release_url(moede):
    return f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/frigiv/"


def test_release_records_who_and_when(client, udvalg, sekretaer):
    moede = factories.make_moede(udvalg, dato=datetime.date(2099, 6, 10))
    login(client, sekretaer)
    response = client.post(release_url(moede), follow=True)
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.FRIGIVET
    assert moede.frigivet_af == sekretaer
    assert moede.frigivet_tid is not None
    html = response.content.decode()
    assert "Dagsordenen er frigivet" in html
    assert "senere end 4 hverdage" not in html


def test_late_release_warns_with_the_date_it_should_have_gone_out(client, udvalg, sekretaer):
    # Meeting on Wednesday 13 May 2015 (long past): the deadline was Thursday 7 May 2015.
    moede = factories.make_moede(udvalg, dato=datetime.date(2015, 5, 13))
    login(client, sekretaer)
    confirm = client.get(release_url(moede)).content.decode()
    assert "Den skulle være udsendt senest torsdag den 7. maj 2015." in confirm
    html = client.post(release_url(moede), follow=True).content.decode()
    assert "Den skulle være udsendt senest torsdag den 7. maj 2015." in html
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.FRIGIVET


def test_release_warning_respects_holidays():
    # Meeting Wednesday 8 April 2015 after Easter: deadline Monday 30 March.
    m = Moede(dato=datetime.date(2015, 4, 8))
    assert services.release_warning(m, datetime.date(2015, 3, 30)) is None
    assert "mandag den 30. marts 2015" in services.release_warning(m, datetime.date(2015, 3, 31))


def test_release_twice_is_refused(moede, sekretaer):
    services.moede_release(moede=moede, user=sekretaer)
    with pytest.raises(ValidationError, match="allerede frigivet"):
        services.moede_release(moede=moede, user=sekretaer)


def test_items_added_after_release_are_supplementary(moede, sekretaer):
    before = factories.make_punkt(moede)
    services.moede_release(moede=moede, user=sekretaer)
    after = factories.make_punkt(moede)
    assert (before.tillaeg, after.tillaeg) == (False, True)


def test_members_never_see_drafts_but_see_released_agendas(client, moede, medlem):
    login(client, medlem)
    assert client.get(moede.get_absolute_url()).status_code == 404
    services.moede_release(moede=moede, user=None)
    assert client.get(moede.get_absolute_url()).status_code == 200


def test_members_see_closed_items_of_their_own_committee(client, moede, medlem):

    factories.make_punkt(moede, titel="Personalesag", adgang=Adgang.LUKKET)
    services.moede_release(moede=moede, user=None)
    login(client, medlem)
    html = client.get(moede.get_absolute_url()).content.decode()
    assert "Personalesag" in html
    assert "Lukket punkt" in html


def test_mark_held(client, moede, sekretaer):
    login(client, sekretaer)
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/afholdt/"
    client.post(url)
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.KLADDE  # a draft cannot be held
    services.moede_release(moede=moede, user=sekretaer)
    client.post(url)
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.AFHOLDT
