"""Log-in through the real form, the Danish error, account lockout (django-axes) and log-out."""

import pytest

from tests import factories

LOCKED = "Kontoen er midlertidigt låst"


@pytest.fixture
def sanne(db):
    return factories.make_user("sanne", first_name="Sanne")


def log_in(client, username: str, password: str):
    return client.post("/login/", {"username": username, "password": password})


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_login_form_logs_in_and_lands_on_the_front_page(client, sanne):
    form = client.get("/login/")
    assert form.status_code == 200 and 'name="password"' in form.content.decode()
    response = log_in(client, "sanne", "pw")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200
    assert client.session["_auth_user_id"] == str(sanne.pk)


def test_wrong_password_shows_the_danish_error_and_keeps_the_username(client, sanne):
    response = log_in(client, "sanne", "forkert")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Indtast venligst korrekt brugernavn og adgangskode." in html
    assert 'value="sanne"' in html
    assert not logged_in(client)


def test_account_is_locked_after_too_many_failures_even_for_the_right_password(
    client, sanne, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert LOCKED not in log_in(client, "sanne", "forkert").content.decode()
    last_failure = log_in(client, "sanne", "forkert")
    assert last_failure.status_code == 429 and LOCKED in last_failure.content.decode()
    assert "er kontoen låst i 15 minutter" in last_failure.content.decode()

    response = log_in(client, "sanne", "pw")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert not logged_in(client)


def test_lockout_is_per_account_not_per_address(client, sanne, settings):
    factories.make_user("gurli")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "sanne", "forkert")
    # Same client and IP address: municipal staff share NAT addresses.
    response = log_in(client, "gurli", "pw")
    assert response.status_code == 302
    assert logged_in(client)


def test_failures_below_the_limit_are_forgotten_after_a_good_login(client, sanne, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "sanne", "forkert")
    assert log_in(client, "sanne", "pw").status_code == 302
    client.post("/logout/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "sanne", "forkert")
    assert log_in(client, "sanne", "pw").status_code == 302


def test_logout_is_a_post_and_ends_the_session(client, sanne):
    log_in(client, "sanne", "pw")
    assert client.get("/logout/").status_code == 405
    assert logged_in(client)
    response = client.post("/logout/")
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert not logged_in(client)
    front = client.get("/")
    assert front.status_code == 302 and front["Location"].startswith("/login/")
