"""Password guessing is limited: the re-entry before signing per user (and address) and per
session, the log-in per user name and address (so nobody locks the chair out from elsewhere),
and the log-in per address across user names (password spraying). See kerne.throttle."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.base_user import AbstractBaseUser
from django.test import Client, RequestFactory

from kerne import throttle
from protokol.services import underskrift as underskrift_services
from tests import factories
from tests.conftest import login
from udvalg.models import Underskrift

THROTTLED = "For mange forkerte adgangskoder. Prøv igen om 15 minutter."
WRONG = "Adgangskoden er forkert."
ACCOUNT_LOCKED = "Kontoen er midlertidigt låst"
ADDRESS_LOCKED = "Log ind er midlertidigt spærret"
HOME, OFFICE = "192.0.2.10", "198.51.100.20"


@pytest.fixture
def signing(udvalg, sekretaer):
    """A meeting out for signature; its chair (u0) is logged in, password 'pw'."""
    moede, _, users = factories.make_held_moede(udvalg, sekretaer)
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/underskrift/underskriv/"
    return moede, users[0], url


def sign(client, url, password, ip=OFFICE):
    return client.post(url, {"password": password}, REMOTE_ADDR=ip)


def signed(moede, user) -> bool:
    return Underskrift.objects.get(moede=moede, user=user).underskrevet is not None


@pytest.fixture
def password_checks(monkeypatch):
    """How many times a password is actually compared."""
    calls = []
    original = AbstractBaseUser.check_password

    def counting(self, raw_password):
        calls.append(raw_password)
        return original(self, raw_password)

    monkeypatch.setattr(AbstractBaseUser, "check_password", counting)
    return calls


def test_thirty_wrong_signing_passwords_then_the_right_one_is_refused(
    client, signing, settings, password_checks
):
    moede, formand, url = signing
    login(client, formand)
    answers = [sign(client, url, f"gæt{i}") for i in range(30)]
    limit = settings.AXES_FAILURE_LIMIT
    assert all(r.status_code == 400 and WRONG in r.content.decode() for r in answers[:limit])
    assert all(r.status_code == 429 and THROTTLED in r.content.decode() for r in answers[limit:])

    right = sign(client, url, "pw")
    assert right.status_code == 429 and THROTTLED in right.content.decode()
    assert not signed(moede, formand)
    # Past the limit the password is not even compared.
    assert len(password_checks) == limit


def test_a_new_session_of_the_same_user_is_still_throttled(client, signing, settings):
    moede, formand, url = signing
    login(client, formand)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign(client, url, "forkert")
    other_session = login(Client(), formand)
    assert other_session.session.session_key != client.session.session_key
    assert sign(other_session, url, "pw").status_code == 429
    assert not signed(moede, formand)


def test_one_session_is_throttled_even_when_it_changes_address(client, signing, settings):
    """A taken-over session cannot get fresh guesses by moving between addresses."""
    moede, formand, url = signing
    login(client, formand)
    for i in range(settings.AXES_FAILURE_LIMIT):
        assert sign(client, url, "forkert", ip=f"203.0.113.{i}").status_code == 400
    response = sign(client, url, "pw", ip="203.0.113.200")
    assert response.status_code == 429 and THROTTLED in response.content.decode()
    assert not signed(moede, formand)


def test_log_in_failures_under_the_chairs_name_elsewhere_do_not_stop_the_signing(
    client, signing, settings
):
    moede, formand, url = signing
    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT * 2):
        log_in(attacker, formand.get_username(), "forkert", ip=HOME)
    login(client, formand)
    assert sign(client, url, "pw", ip=OFFICE).status_code == 302
    assert signed(moede, formand)


def test_the_right_signing_password_resets_the_count(client, signing, settings, sekretaer):
    moede, formand, url = signing
    login(client, formand)
    below = settings.AXES_FAILURE_LIMIT - 1
    for _ in range(below):
        assert sign(client, url, "forkert").status_code == 400
    assert sign(client, url, "pw").status_code == 302
    assert not AccessAttempt.objects.filter(username=formand.get_username()).exists()
    # Out for signature again: as many wrong ones again are still below the limit.
    underskrift_services.referat_withdraw_from_signing(moede=moede)
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    for _ in range(below):
        assert sign(client, url, "forkert").status_code == 400
    assert sign(client, url, "pw").status_code == 302
    assert signed(moede, formand)


def test_wrong_signing_passwords_also_lock_the_log_in_from_that_address(client, signing, settings):
    _, formand, url = signing
    login(client, formand)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign(client, url, "forkert")
    assert log_in(Client(), formand.get_username(), "pw", ip=OFFICE).status_code == 429
    assert log_in(Client(), formand.get_username(), "pw", ip=HOME).status_code == 302


# --- Log-in ------------------------------------------------------------------------------------


def log_in(client, username: str, password: str, ip: str = OFFICE):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_log_in_lockout_is_per_user_name_and_address(db, settings):
    factories.make_user("formand")
    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(attacker, "formand", "forkert", ip=HOME)
    locked = log_in(Client(), "formand", "pw", ip=HOME)
    assert locked.status_code == 429 and ACCOUNT_LOCKED in locked.content.decode()

    chair = Client()
    assert log_in(chair, "formand", "pw", ip=OFFICE).status_code == 302
    assert "_auth_user_id" in chair.session


def test_one_address_trying_many_user_names_is_blocked(db, settings):
    factories.make_user("gurli")
    factories.make_user("sanne")
    limit = settings.PROTOKOL_LOGIN_IP_FAILURE_LIMIT
    sprayer = Client()
    for i in range(limit - 1):
        assert log_in(sprayer, f"bruger{i}", "Sommer2024", ip=HOME).status_code == 200
    # Below the limit a colleague behind the same address still gets in (shared NAT).
    assert log_in(Client(), "gurli", "pw", ip=HOME).status_code == 302

    log_in(sprayer, "endnu.en", "Sommer2024", ip=HOME)
    blocked = Client()
    response = log_in(blocked, "sanne", "pw", ip=HOME)
    assert response.status_code == 429 and ADDRESS_LOCKED in response.content.decode()
    assert "_auth_user_id" not in blocked.session
    assert log_in(Client(), "sanne", "pw", ip=OFFICE).status_code == 302


def test_the_client_address_comes_from_x_forwarded_for_only_behind_a_proxy(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7"
    )
    settings.PROTOKOL_PROXY_COUNT = 0
    assert throttle.client_ip(request) == "10.0.0.2"
    settings.PROTOKOL_PROXY_COUNT = 1
    assert throttle.client_ip(request) == "192.0.2.7"
    settings.PROTOKOL_PROXY_COUNT = 3
    assert throttle.client_ip(request) == "10.0.0.2"
