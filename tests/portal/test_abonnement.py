"""E-mail subscriptions without an account: double opt-in, news of what anyone may read, at
most one message per interval, one-click unsubscribe (RFC 8058), no address shown, no way to
tell whether an address is subscribed, throttled sign-ups."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client

from portal.models import Abonnement
from sager.models import Adgang
from tests import factories
from udvalg import services as udvalg_services

HEMMELIG = "Abonnementhemmelig"
EMAIL = "borger@eksempel.dk"


def _link(message, name: str) -> str:
    url = re.search(rf"http://testserver(/abonnement/\S+/{name}/)", message.body).group(1)
    return url


def _tilmeld(client, capture, **params):
    with capture(execute=True):
        response = client.post("/abonnement/", {"email": EMAIL, **params})
    assert response.status_code == 200
    assert "Tjek din e-mail" in response.content.decode()
    assert EMAIL not in response.content.decode()
    return response


@pytest.fixture
def abonneret(client, udvalg, sekretaer, django_capture_on_commit_callbacks, settings):
    """A confirmed subscription to the committee (which has published a meeting)."""
    settings.PROTOKOL_ABONNEMENT_INTERVAL = 0
    forrige = factories.make_moede(udvalg, dato=datetime.date(2014, 1, 8))
    udvalg_services.moede_release(moede=forrige, user=sekretaer)
    page = client.get(f"/abonnement/?udvalg={udvalg.pk}")
    assert page.status_code == 200 and udvalg.visningsnavn in page.content.decode()
    _tilmeld(client, django_capture_on_commit_callbacks, emne="udvalg", udvalg=udvalg.pk)
    (bekraeft,) = mail.outbox
    assert bekraeft.to == [EMAIL] and "Bekræft" in bekraeft.subject
    url = _link(bekraeft, "bekraeft")
    # Opening the link (as a mail scanner would) confirms nothing; the button does.
    assert "Bekræft abonnement" in client.get(url).content.decode()
    assert Abonnement.objects.get().bekraeftet is None
    assert "bekræftet" in client.post(url).content.decode()
    mail.outbox.clear()
    return Abonnement.objects.get()


@pytest.mark.django_db
def test_news_of_a_released_agenda_reach_the_subscriber(
    abonneret, udvalg, sekretaer, django_capture_on_commit_callbacks
):
    moede = factories.make_moede(udvalg, dato=datetime.date(2014, 3, 12))
    factories.make_punkt(moede, titel="Nytteindsats")
    factories.make_punkt(moede, titel=f"{HEMMELIG} personalesag", adgang=Adgang.LUKKET)
    with django_capture_on_commit_callbacks(execute=True):
        udvalg_services.moede_release(moede=moede, user=sekretaer)
    (besked,) = mail.outbox
    assert besked.to == [EMAIL]
    assert besked.subject == f"Nyt om {udvalg.visningsnavn}"
    assert "Dagsordenspunkt: Nytteindsats" in besked.body
    assert HEMMELIG not in besked.body
    afmeld = f"http://testserver/abonnement/{abonneret.noegle}/afmeld/"
    assert besked.extra_headers["List-Unsubscribe"] == f"<{afmeld}>"
    assert besked.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Told once: the next run has nothing new.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moede.sted = "Rådhuset"
        moede.save()
    assert mail.outbox == []


@pytest.mark.django_db
def test_one_message_per_interval(
    abonneret, udvalg, sekretaer, settings, django_capture_on_commit_callbacks
):
    settings.PROTOKOL_ABONNEMENT_INTERVAL = 3600
    for dag in (12, 19):
        moede = factories.make_moede(udvalg, dato=datetime.date(2014, 3, dag))
        factories.make_punkt(moede, titel=f"Punkt den {dag}.")
        with django_capture_on_commit_callbacks(execute=True):
            udvalg_services.moede_release(moede=moede, user=sekretaer)
    assert len(mail.outbox) == 1
    assert "Punkt den 12." in mail.outbox[0].body


@pytest.mark.django_db
def test_one_click_unsubscribe_without_a_form(
    abonneret, udvalg, sekretaer, django_capture_on_commit_callbacks
):
    mailclient = Client(enforce_csrf_checks=True)
    url = f"/abonnement/{abonneret.noegle}/afmeld/"
    response = mailclient.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    abonneret.refresh_from_db()
    assert abonneret.afmeldt is not None
    moede = factories.make_moede(udvalg, dato=datetime.date(2014, 3, 12))
    factories.make_punkt(moede, titel="Nytteindsats")
    with django_capture_on_commit_callbacks(execute=True):
        udvalg_services.moede_release(moede=moede, user=sekretaer)
    assert mail.outbox == []


@pytest.mark.django_db
def test_signing_up_twice_tells_nothing_and_mails_are_limited(
    client, abonneret, udvalg, django_capture_on_commit_callbacks
):
    # Already subscribed: the same page, no mail.
    _tilmeld(client, django_capture_on_commit_callbacks, emne="udvalg", udvalg=udvalg.pk)
    assert mail.outbox == []
    # A new address gets at most three confirmations a day.
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                "/abonnement/", {"email": "ny@eksempel.dk", "emne": "udvalg", "udvalg": udvalg.pk}
            )
    assert len(mail.outbox) == 3
    assert Abonnement.objects.filter(email="ny@eksempel.dk").count() == 1


@pytest.mark.django_db
def test_bad_input_gets_a_danish_answer(client, udvalg, sekretaer):
    moede = factories.make_moede(udvalg)
    udvalg_services.moede_release(moede=moede, user=sekretaer)
    response = client.post(
        "/abonnement/", {"email": "ikke en adresse", "emne": "udvalg", "udvalg": udvalg.pk}
    )
    assert response.status_code == 400
    assert "Skriv en gyldig e-mailadresse" in response.content.decode()
    assert not Abonnement.objects.exists()
    assert client.get("/abonnement/?udvalg=999999").status_code == 404
    assert client.get("/abonnement/?udvalg=abc").status_code == 404
    assert client.get("/abonnement/?q=og").status_code == 404
    assert client.get("/abonnement/nogle-forkerte-tegn/bekraeft/").status_code == 404
    # A committee with nothing published cannot be followed.
    tom = factories.make_udvalg()
    assert client.get(f"/abonnement/?udvalg={tom.pk}").status_code == 404


@pytest.mark.django_db
def test_a_saved_search_tells_of_new_public_matches(
    client, udvalg, sekretaer, settings, django_capture_on_commit_callbacks
):
    settings.PROTOKOL_ABONNEMENT_INTERVAL = 0
    _tilmeld(client, django_capture_on_commit_callbacks, emne="soegning", q="havnebad")
    client.post(_link(mail.outbox[0], "bekraeft"))
    mail.outbox.clear()
    moede = factories.make_moede(udvalg, dato=datetime.date(2015, 6, 3))
    factories.make_punkt(moede, titel="Havnebad ved Nordhavn")
    factories.make_punkt(moede, titel="Cykelstier")
    factories.make_punkt(moede, titel=f"Havnebad {HEMMELIG}", adgang=Adgang.LUKKET)
    with django_capture_on_commit_callbacks(execute=True):
        udvalg_services.moede_release(moede=moede, user=sekretaer)
    (besked,) = mail.outbox
    assert "Havnebad ved Nordhavn" in besked.body
    assert "Cykelstier" not in besked.body and HEMMELIG not in besked.body
