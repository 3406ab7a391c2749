"""Finding 8: signing never sticks, and a form sent eight times at once is saved once.

Threads against the live server (pytest-django's, threaded) on the suite's database: the
embedded SQLite file, or PostgreSQL in CI's second run. The last signature arrives while
other users log in and write; the protocol must lock every round. PROTOKOL_SAMTIDIGHED_RUNDER
sets the number of rounds (CI runs 50 on each database; `make test` runs a few)."""

import datetime
import os
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections

from protokol.services import underskrift as underskrift_services
from sager.models import Afstemning, Beslutning, Bilag, Punkt, Sag, Stemme
from tests.factories import (
    make_held_moede,
    make_medlem,
    make_punkt,
    make_udvalg,
    make_user,
    pdf_bytes,
)
from tests.security.klient import Klient, Svar, hidden_fields
from udvalg.models import Fremmoede, Moede, ProtokolVersion, Underskrift

RUNDER = int(os.environ.get("PROTOKOL_SAMTIDIGHED_RUNDER", "3"))

pytestmark = pytest.mark.django_db(transaction=True)  # threads see committed rows only


def _run_together(jobs) -> list[Svar]:
    """Start every job at the same moment (a barrier) and return all their answers."""
    barrier = threading.Barrier(len(jobs))

    def run(job):
        prepare, act = job
        try:
            state = prepare()
            barrier.wait(timeout=60)
            return act(state)
        finally:
            # Connections persist (CONN_MAX_AGE); a thread's own would outlive the test and
            # keep PostgreSQL from dropping the test database.
            connections.close_all()

    with ThreadPoolExecutor(len(jobs)) as pool:
        results = list(pool.map(run, jobs))
    return [svar for result in results for svar in result]


def _round(live_server, n: int) -> tuple[Moede, list[Svar]]:
    udvalg = make_udvalg(navn=f"Runde {n}", forkortelse=f"R{n}")
    sekretaer = make_user(f"r{n}sek")
    udvalg.sekretaerer.add(sekretaer)
    moede, _, users = make_held_moede(udvalg, sekretaer, prefix=f"r{n}u", sagsnr=f"16/{n}")
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    for user in users[:2]:
        underskrift_services.referat_sign(moede=moede, user=user, password="pw")
    base = f"/udvalg/{udvalg.slug}/moeder/{moede.url_slug}/"
    andet = make_udvalg(navn=f"Andet {n}", forkortelse=f"A{n}")
    skriver = make_user(f"r{n}skriver")
    andet.sekretaerer.add(skriver)
    for i in range(3):
        make_medlem(andet, user=make_user(f"r{n}m{i}"))

    def signer():
        klient = Klient(live_server.url)
        klient.login(users[2].username)
        klient.get(base + "underskrift/")
        return klient

    def sign(klient):
        return [klient.post(base + "underskrift/underskriv/", {"password": "pw"})]

    def logs_in(username):
        def act(_):
            klient = Klient(live_server.url)
            return [klient.login(username), klient.get("/")]

        return (lambda: None, act)

    def writes(_):
        klient = Klient(live_server.url)
        svar = [klient.login(skriver.username)]
        svar.append(klient.get(f"/udvalg/{andet.slug}/moeder/nyt/"))
        data = {"dato": f"2016-0{1 + n % 9}-1{n % 10}", "starttid": "16:00", "sted": "Rådhuset"}
        svar.append(klient.post(f"/udvalg/{andet.slug}/moeder/nyt/", data))
        return svar

    jobs = [
        (signer, sign),
        logs_in(users[0].username),
        logs_in(users[3].username),
        logs_in(sekretaer.username),
        *[logs_in(f"r{n}m{i}") for i in range(3)],
        (lambda: None, writes),
    ]
    answers = _run_together(jobs)
    moede.refresh_from_db()
    return moede, answers


def test_the_last_signature_locks_the_protocol_while_others_log_in_and_write(live_server):
    for n in range(RUNDER):
        moede, answers = _round(live_server, n)
        failed = [(a.status, a.body[:300]) for a in answers if a.status >= 500]
        assert failed == [], f"round {n}: {failed}"
        assert Underskrift.objects.filter(moede=moede).count() == 3, f"round {n}"
        assert moede.is_locked, f"round {n}: every signature is in, the protocol is not locked"
        assert ProtokolVersion.objects.filter(moede=moede).count() == 1, f"round {n}"


# --- eight submits of one form at once: no 500, nothing twice -----------------------------------


def _eight_at_once(live_server, user, page: str, action: str | None, data: dict, files=None):
    """One user's form, read once, sent eight times at the same moment (a nervous double
    click, a browser's retry)."""
    klient = Klient(live_server.url)
    klient.login(user.username)
    shown = klient.get(page)
    assert shown.status == 200, (page, shown.status)
    fields = {**hidden_fields(shown.body, action), **data}
    target = action or page
    jobs = [(lambda: None, lambda _: [klient.post(target, fields, files)]) for _ in range(8)]
    answers = _run_together(jobs)
    failed = [(a.status, a.body[:500]) for a in answers if a.status >= 500]
    assert failed == [], failed
    return answers


@pytest.fixture
def held(udvalg, sekretaer):
    moede, punkt, users = make_held_moede(udvalg, sekretaer)
    return moede, punkt, users


def _base(moede) -> str:
    return f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/"


def test_eight_meeting_creates_make_one_meeting(live_server, udvalg, sekretaer):
    page = f"/udvalg/{udvalg.slug}/moeder/nyt/"
    data = {"dato": "2016-05-11", "starttid": "16:00", "sted": "Rådhuset"}
    _eight_at_once(live_server, sekretaer, page, None, data)
    assert Moede.objects.filter(udvalg=udvalg, dato=datetime.date(2016, 5, 11)).count() == 1


def test_eight_item_creates_make_one_item_and_one_case(live_server, udvalg, sekretaer, moede):
    data = {
        "titel": "Ny sag om stier",
        "nyt_sagsnr": "16/4242",
        "ny_sag_titel": "Stier",
        "punkttype": "beslutning",
        "adgang": "aaben",
    }
    _eight_at_once(live_server, sekretaer, _base(moede) + "punkter/nyt/", None, data)
    assert Punkt.objects.filter(titel="Ny sag om stier").count() == 1
    assert Sag.objects.filter(sagsnr="16/4242").count() == 1


def test_eight_uploads_make_one_attachment(live_server, udvalg, sekretaer, moede):
    punkt = make_punkt(moede, titel="Med bilag")
    files = {"fil": ("Notat om stier.pdf", pdf_bytes(), "application/pdf")}
    data = {"titel": "Notat om stier", "bilagsnr": "", "adgang": "aaben"}
    action = f"/punkter/{punkt.pk}/bilag/nyt/"
    _eight_at_once(live_server, sekretaer, f"/punkter/{punkt.pk}/rediger/", action, data, files)
    assert Bilag.objects.filter(punkt=punkt).count() == 1


def test_eight_recordings_make_one_decision_and_one_vote(live_server, sekretaer, held):
    moede, punkt, users = held
    p = f"p{punkt.pk}"
    data = {
        f"{p}-tekst": "Udvalget godkendte indstillingen.",
        f"{p}-forslag": "Forslag om stier",
        **{f"{p}-stemme_{u.person.pk}": "for" for u in users[:3]},
    }
    page = _base(moede) + "referat/optag/"
    _eight_at_once(live_server, sekretaer, page, f"/punkter/{punkt.pk}/optag/", data)
    beslutning = Beslutning.objects.get(punkt=punkt)
    assert "Udvalget godkendte indstillingen." in beslutning.tekst
    assert Afstemning.objects.get(beslutning=beslutning).forslag == "Forslag om stier"
    assert Stemme.objects.filter(afstemning__beslutning=beslutning).count() == 3


def test_eight_earlier_decisions_make_one(live_server, udvalg, sekretaer, held):
    moede, punkt, _ = held
    prefix = f"t{punkt.pk}"
    data = {
        f"{prefix}-udvalg": udvalg.pk,
        f"{prefix}-dato": "2013-01-09",
        f"{prefix}-tekst": "Før.",
    }
    action = f"/punkter/{punkt.pk}/tidligere-beslutning/"
    _eight_at_once(live_server, sekretaer, _base(moede) + "referat/optag/", action, data)
    assert Beslutning.objects.filter(sag=punkt.sag, dato=datetime.date(2013, 1, 9)).count() == 1


def test_eight_attendance_saves_keep_one_row_per_member(live_server, sekretaer, held):
    moede, _, users = held
    data = {f"status_{u.person.pk}": "til_stede" for u in users}
    data[f"status_{users[3].person.pk}"] = "sygdom"
    action = _base(moede) + "referat/fremmoede/"
    _eight_at_once(live_server, sekretaer, _base(moede) + "referat/optag/", action, data)
    rows = Fremmoede.objects.filter(moede=moede)  # only absence is stored; presence is default
    assert [(r.person_id, r.status) for r in rows] == [(users[3].person.pk, "sygdom")]


def test_eight_releases_release_once(live_server, udvalg, sekretaer, moede):
    make_punkt(moede, titel="Et punkt")
    _eight_at_once(live_server, sekretaer, _base(moede) + "frigiv/", None, {})
    moede.refresh_from_db()
    assert moede.is_released


def test_eight_sends_for_signing_ask_each_signer_once(live_server, sekretaer, held, mailoutbox):
    moede, _, _ = held
    page = _base(moede) + "underskrift/"
    _eight_at_once(live_server, sekretaer, page, page + "send/", {})
    signers = Underskrift.objects.filter(moede=moede)
    assert signers.count() == 3
    assert len(mailoutbox) == len({m.to[0] for m in mailoutbox})


def test_eight_signatures_of_one_member_sign_once(live_server, sekretaer, held):
    moede, _, users = held
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    page = _base(moede) + "underskrift/"
    _eight_at_once(live_server, users[0], page, page + "underskriv/", {"password": "pw"})
    signed = Underskrift.objects.filter(moede=moede, underskrevet__isnull=False)
    assert signed.count() == 1


# --- the one-time key itself (Django's test client) ---------------------------------------------


def test_a_repeated_key_goes_where_the_first_went_and_an_error_frees_it(client, sekretaer, held):
    moede, _, users = held
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    url = _base(moede) + "underskrift/underskriv/"
    client.force_login(users[0])
    key = {"formularnoegle": "a" * 32}
    wrong = client.post(url, {"password": "forkert", **key})
    assert wrong.status_code == 400  # an error answer frees the key: the corrected form goes
    right = client.post(url, {"password": "pw", **key})
    assert right.status_code == 302
    again = client.post(url, {"password": "pw", **key}, follow=True)
    assert again.redirect_chain[0][0] == right["Location"]
    assert "Formularen blev sendt mere end én gang" in again.content.decode()
    htmx = client.post(url, {"password": "pw", **key}, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 204
    assert Underskrift.objects.filter(moede=moede, underskrevet__isnull=False).count() == 1
