"""Finding 8, every other form: eight submits of one form at the same moment give no 500 and
change things once (a nervous double click, a browser's retry, a proxy's resend).

The forms of the meeting cycle's main path (meeting, item, upload, recording, earlier decision,
attendance, release, send for signing, signing) are in test_samtidighed.py; this module takes
the rest, so that every form the templates carry is sent eight times at once somewhere.
`test_every_form_is_sent_eight_times_at_once` fails when a template gets a form that neither
module sends."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import resolve

from budget.models import Besparelsesforslag
from portal.models import Abonnement
from protokol.services import optagelse
from referatimport.models import Importkoersel
from sager.models import Bilag, Fravaersaarsag, Punkt, PunktFravaer
from tests.factories import (
    lock_moede,
    make_bilag,
    make_forslag,
    make_held_moede,
    make_punkt,
    make_runde,
)
from tests.referatimport.seeds import SEEDS
from tests.security import test_samtidighed
from tests.security.klient import Klient, hidden_fields
from tests.security.test_samtidighed import _base, _eight_at_once, _run_together
from udvalg.models import Genaabning, Moede, MoedeStatus, Underskrift

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def held(udvalg, sekretaer):
    return make_held_moede(udvalg, sekretaer)


def _numbers(moede) -> list[str]:
    """The titles of the test's own items (A, B, C) in agenda order; the committee's standing
    items come first and stay."""
    punkter = Punkt.objects.filter(moede=moede).order_by("nummer")
    return [t for t in punkter.values_list("titel", flat=True) if len(t) == 1]


# --- the meeting ---------------------------------------------------------------------------------


def test_eight_meeting_edits_save_once(live_server, udvalg, sekretaer, moede):
    before = moede.history.count()
    data = {"dato": "2015-05-13", "starttid": "08:00", "sted": "Mødelokale 2"}
    _eight_at_once(live_server, sekretaer, _base(moede) + "rediger/", None, data)
    moede.refresh_from_db()
    assert moede.sted == "Mødelokale 2"
    assert moede.history.count() == before + 1
    assert Moede.objects.filter(udvalg=udvalg).count() == 1


def test_eight_marks_as_held_mark_once(live_server, udvalg, sekretaer, moede):
    make_punkt(moede, titel="Et punkt")
    from udvalg import services as udvalg_services

    udvalg_services.moede_release(moede=moede, user=sekretaer)
    before = moede.history.count()
    page = _base(moede) + "dagsorden/"
    _eight_at_once(live_server, sekretaer, page, _base(moede) + "afholdt/", {})
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.AFHOLDT
    assert moede.history.count() == before + 1


# --- items ---------------------------------------------------------------------------------------


def test_eight_item_edits_make_one_new_version(live_server, udvalg, sekretaer, moede):
    punkt = make_punkt(moede, titel="Stier")
    before, version = punkt.history.count(), punkt.version
    data = {
        "titel": "Stier og cykelruter",
        "punkttype": punkt.punkttype,
        "adgang": punkt.adgang,
        "offentlig_titel": "",
        "sagsbeskrivelse": "<p>Ny beskrivelse.</p>",
    }
    _eight_at_once(live_server, sekretaer, f"/punkter/{punkt.pk}/rediger/", None, data)
    punkt.refresh_from_db()
    assert punkt.titel == "Stier og cykelruter"
    assert punkt.version == version + 1
    assert punkt.history.count() == before + 1


def test_eight_moves_down_move_the_item_one_place(live_server, udvalg, sekretaer, moede):
    first, *_ = [make_punkt(moede, titel=t) for t in ("A", "B", "C")]
    action = f"/punkter/{first.pk}/flyt/"
    _eight_at_once(live_server, sekretaer, _base(moede) + "dagsorden/", action, {"retning": "ned"})
    assert _numbers(moede) == ["B", "A", "C"]


def test_eight_reorders_give_the_order_asked_for(live_server, udvalg, sekretaer, moede):
    a, b, c = [make_punkt(moede, titel=t) for t in ("A", "B", "C")]
    klient = Klient(live_server.url)
    klient.login(sekretaer.username)
    klient.get(_base(moede) + "dagsorden/")
    url = _base(moede) + "raekkefoelge/"
    faste = list(moede.punkter.exclude(pk__in=[a.pk, b.pk, c.pk]).values_list("pk", flat=True))
    order = [*faste, c.pk, a.pk, b.pk]
    jobs = [(lambda: None, lambda _: [klient.post(url, {"order": order})])] * 8
    answers = _run_together(jobs)
    assert [a.status for a in answers] == [200] * 8
    assert _numbers(moede) == ["C", "A", "B"]
    numre = Punkt.objects.filter(moede=moede).order_by("nummer").values_list("nummer", flat=True)
    assert list(numre) == list(range(1, len(order) + 1))


def test_eight_deletes_delete_one_item_and_renumber(live_server, udvalg, sekretaer, moede):
    a, b, c = [make_punkt(moede, titel=t) for t in ("A", "B", "C")]
    _eight_at_once(live_server, sekretaer, f"/punkter/{b.pk}/slet/", None, {})
    assert _numbers(moede) == ["A", "C"]
    numre = Punkt.objects.filter(moede=moede).order_by("nummer").values_list("nummer", flat=True)
    assert list(numre) == list(range(1, moede.punkter.count() + 1))
    assert Punkt.history.filter(id=b.pk, history_type="-").count() == 1


# --- attachments ---------------------------------------------------------------------------------


def test_eight_attachment_edits_save_once(live_server, udvalg, sekretaer, moede):
    punkt = make_punkt(moede, titel="Med bilag")
    bilag = make_bilag(punkt, filnavn="notat.pdf", titel="Notat")
    before = bilag.history.count()
    data = {"filnavn": "notat.pdf", "titel": "Notat om stier", "bilagsnr": "", "adgang": "aaben"}
    _eight_at_once(live_server, sekretaer, f"/bilag/{bilag.pk}/rediger/", None, data)
    bilag.refresh_from_db()
    assert bilag.titel == "Notat om stier"
    assert bilag.history.count() == before + 1


def test_eight_attachment_moves_move_it_one_place(live_server, udvalg, sekretaer, moede):
    punkt = make_punkt(moede, titel="Med bilag")
    first, *_ = [make_bilag(punkt, filnavn=f"{n}.pdf", titel=n) for n in ("x", "y", "z")]
    action = f"/bilag/{first.pk}/flyt/"
    page = f"/punkter/{punkt.pk}/rediger/"
    _eight_at_once(live_server, sekretaer, page, action, {"retning": "ned"})
    order = list(
        Bilag.objects.filter(punkt=punkt).order_by("sekvens").values_list("titel", "sekvens")
    )
    assert order == [("y", 1), ("x", 2), ("z", 3)]


def test_eight_attachment_deletes_delete_one(live_server, udvalg, sekretaer, moede):
    punkt = make_punkt(moede, titel="Med bilag")
    x, y = [make_bilag(punkt, filnavn=f"{n}.pdf", titel=n) for n in ("x", "y")]
    _eight_at_once(live_server, sekretaer, f"/bilag/{x.pk}/slet/", None, {})
    assert list(Bilag.objects.filter(punkt=punkt).values_list("titel", "sekvens")) == [("y", 1)]
    assert Bilag.history.filter(id=x.pk, history_type="-").count() == 1


# --- recording and signing -----------------------------------------------------------------------


def test_eight_attendance_copies_copy_once(live_server, udvalg, sekretaer, held):
    moede, punkt, users = held
    make_punkt(moede, titel="Andet punkt")
    make_punkt(moede, titel="Tredje punkt")
    optagelse.punktfravaer_set(punkt=punkt, person=users[1].person, type=Fravaersaarsag.GIK)
    action = f"/punkter/{punkt.pk}/fravaer-kopier/"
    _eight_at_once(live_server, sekretaer, _base(moede) + "referat/optag/", action, {})
    rows = PunktFravaer.objects.filter(punkt__moede=moede)
    assert sorted((r.punkt_id, r.person_id) for r in rows) == sorted(
        (pk, users[1].person.pk) for pk in moede.punkter.values_list("pk", flat=True)
    )


def test_eight_reminders_remind_each_missing_signer_once(live_server, sekretaer, held, mailoutbox):
    moede, _, users = held
    from protokol.services import underskrift as underskrift_services

    for i, user in enumerate(users):
        user.email = f"medlem{i}@example.dk"
        user.save()
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    underskrift_services.referat_sign(moede=moede, user=users[0], password="pw")
    mailoutbox.clear()
    page = _base(moede) + "underskrift/"
    _eight_at_once(live_server, sekretaer, page, page + "paamind/", {})
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in users[1:3])


def test_eight_withdrawals_withdraw_once(live_server, sekretaer, held):
    moede, _, _ = held
    from protokol.services import underskrift as underskrift_services

    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    before = moede.history.count()
    page = _base(moede) + "underskrift/"
    _eight_at_once(live_server, sekretaer, page, page + "tilbagekald/", {})
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.AFHOLDT
    assert not Underskrift.objects.filter(moede=moede).exists()
    assert moede.history.count() == before + 1


def test_eight_reopenings_reopen_once(live_server, sekretaer, held):
    moede, _, _ = lock_moede(held, sekretaer)
    sekretaer.user_permissions.add(Permission.objects.get(codename="reopen_protokol"))
    page = _base(moede) + "underskrift/"
    data = {"begrundelse": "En fejl i punkt 1."}
    _eight_at_once(live_server, sekretaer, page, _base(moede) + "genaabn/", data)
    moede.refresh_from_db()
    assert not moede.is_locked
    assert list(Genaabning.objects.filter(moede=moede).values_list("version", flat=True)) == [1]


# --- budget --------------------------------------------------------------------------------------


def _forslag_data(udvalg, runde, titel):
    data = {
        "udvalg": str(udvalg.pk),
        "afdeling_nr": "434",
        "afdeling_navn": "Borgerservice",
        "forslag_nr": "77",
        "scenarie_nr": "1",
        "udgiftstype": "begge",
        "titel": titel,
        "status": "udkast",
        "aar-TOTAL_FORMS": "4",
        "aar-INITIAL_FORMS": "4",
        "aar-MIN_NUM_FORMS": "0",
        "aar-MAX_NUM_FORMS": "20",
    }
    for i, year in enumerate(runde.aarene):
        data[f"aar-{i}-aar"] = str(year)
        data[f"aar-{i}-udgifter_service"] = "650.000"
        data[f"aar-{i}-udgifter_overfoersel"] = "-1.020.000"
    return data


def test_eight_proposal_creates_make_one(live_server, udvalg, sekretaer):
    runde = make_runde()
    page = f"/budget/{runde.slug}/forslag/nyt/"
    data = _forslag_data(udvalg, runde, "Flere virksomhedskonsulenter")
    _eight_at_once(live_server, sekretaer, page, None, data)
    forslag = Besparelsesforslag.objects.get(runde=runde)
    assert forslag.titel == "Flere virksomhedskonsulenter"
    assert forslag.aarstal.count() == 4


def test_eight_proposal_edits_save_once(live_server, udvalg, sekretaer):
    runde = make_runde()
    forslag = make_forslag(runde, udvalg, forslag_nr=77)
    before = forslag.history.count()
    data = _forslag_data(udvalg, runde, "Færre konsulenter")
    _eight_at_once(live_server, sekretaer, forslag.get_absolute_url() + "rediger/", None, data)
    forslag.refresh_from_db()
    assert forslag.titel == "Færre konsulenter"
    assert forslag.history.count() == before + 1
    assert forslag.aarstal.count() == 4


def test_eight_attaches_and_detaches_of_a_proposal(live_server, udvalg, sekretaer, moede):
    punkt = make_punkt(moede, titel="Budget 2016")
    forslag = make_forslag(make_runde(), udvalg)
    page = forslag.get_absolute_url()
    before = forslag.history.count()
    _eight_at_once(live_server, sekretaer, page, page + "vedlaeg/", {"punkt": punkt.pk})
    assert list(forslag.punkter.values_list("pk", flat=True)) == [punkt.pk]
    # once: the link (an m2m history row) and the status "fremlagt" (a second row)
    assert forslag.history.count() == before + 2
    _eight_at_once(live_server, sekretaer, page, page + "fjern/", {"punkt": punkt.pk})
    assert not forslag.punkter.exists()


# --- the import of old protocols -----------------------------------------------------------------


def _seed_001():
    path = next(SEEDS.glob("001_*.txt"))
    return {"filer": (path.name, path.read_bytes(), "text/plain")}


def test_eight_import_uploads_make_one_run_and_one_start_imports_once(
    live_server, udvalg, sekretaer
):
    _eight_at_once(live_server, sekretaer, "/import/", "/import/", {}, _seed_001())
    koersel = Importkoersel.objects.get()
    page = f"/import/{koersel.pk}/"
    _eight_at_once(live_server, sekretaer, page, page + "start/", {})
    assert Moede.objects.filter(dato=datetime.date(2014, 3, 12)).count() == 1
    assert Punkt.objects.filter(moede__dato=datetime.date(2014, 3, 12)).count() == 9


def test_eight_import_cancels_cancel_once(live_server, udvalg, sekretaer):
    klient = Klient(live_server.url)
    klient.login(sekretaer.username)
    shown = klient.post("/import/", {"csrfmiddlewaretoken": klient.csrf()}, _seed_001())
    assert shown.status in (200, 302), shown.status
    koersel = Importkoersel.objects.get()
    page = f"/import/{koersel.pk}/"
    _eight_at_once(live_server, sekretaer, page, page + "annuller/", {})
    assert not Importkoersel.objects.exists()
    assert not list((Path(settings.MEDIA_ROOT) / "import").glob("*/*"))


# --- log-in --------------------------------------------------------------------------------------


def test_eight_log_ins_at_once_all_succeed(live_server, sekretaer):
    klienter = [Klient(live_server.url) for _ in range(8)]
    for klient in klienter:
        klient.get("/login/")

    def log_in(klient):
        return lambda _: [klient.login(sekretaer.username)]

    answers = _run_together([(lambda: None, log_in(k)) for k in klienter])
    assert [a.status for a in answers] == [302] * 8, [(a.status, a.body[:200]) for a in answers]
    assert all("Logget ind som" in k.get("/").body for k in klienter)


def test_eight_log_outs_at_once_log_out(live_server, sekretaer):
    klient = Klient(live_server.url)
    klient.login(sekretaer.username)
    page = klient.get("/")
    assert "Logget ind som" in page.body
    fields = hidden_fields(page.body, "/logout/")
    jobs = [(lambda: None, lambda _: [klient.post("/logout/", fields)])] * 8
    answers = _run_together(jobs)
    assert [a.status for a in answers if a.status >= 500] == []
    assert "Logget ind som" not in klient.get("/").body


def test_eight_subscription_sign_ups_confirms_and_unsubscribes_act_once(
    live_server, udvalg, sekretaer, mailoutbox
):
    moede = Moede.objects.create(udvalg=udvalg, dato=datetime.date(2015, 5, 13), url_slug="m")
    Moede.objects.filter(pk=moede.pk).update(status=MoedeStatus.FRIGIVET)
    klient = Klient(live_server.url)
    side = f"/abonnement/?udvalg={udvalg.pk}"
    shown = klient.get(side)
    assert shown.status == 200
    fields = {**hidden_fields(shown.body, "/abonnement/"), "email": "otte@eksempel.dk"}
    jobs = [(lambda: None, lambda _: [klient.post("/abonnement/", fields)]) for _ in range(8)]
    answers = _run_together(jobs)
    assert [a.status for a in answers] == [200] * 8, [(a.status, a.body[:300]) for a in answers]
    assert Abonnement.objects.filter(email="otte@eksempel.dk").count() == 1
    # One confirmation per accepted sign-up, at most the three of a day.
    assert 1 <= len(mailoutbox) <= 3
    a = Abonnement.objects.get()
    for sti in (f"/abonnement/{a.noegle}/bekraeft/", f"/abonnement/{a.noegle}/afmeld/"):
        _eight_at_once_anonymous(klient, sti)
    a.refresh_from_db()
    assert a.bekraeftet is not None and a.afmeldt is not None


def _eight_at_once_anonymous(klient, page):
    shown = klient.get(page)
    assert shown.status == 200, (page, shown.status)
    fields = hidden_fields(shown.body)
    jobs = [(lambda: None, lambda _: [klient.post(page, fields)]) for _ in range(8)]
    answers = _run_together(jobs)
    assert [a.status for a in answers] == [200] * 8, [(a.status, a.body[:300]) for a in answers]


# --- coverage: every form in the templates is sent eight times somewhere -------------------------

SENT = {
    # test_samtidighed.py
    "protokol:moede-create",
    "sager:punkt-create",
    "sager:bilag-create",
    "protokol:punkt-optag",
    "protokol:tidligere-beslutning",
    "protokol:fremmoede",
    "protokol:moede-release",
    "protokol:til-underskrift",
    "protokol:underskriv",
    # this module
    "protokol:moede-update",
    "protokol:moede-held",
    "sager:punkt-update",
    "sager:punkt-move",
    "sager:punkt-reorder",
    "sager:punkt-delete",
    "sager:bilag-update",
    "sager:bilag-move",
    "sager:bilag-delete",
    "protokol:fravaer-kopier",
    "protokol:paamind",
    "protokol:tilbagekald",
    "protokol:genaabn",
    "budget:forslag-create",
    "budget:forslag-update",
    "budget:forslag-attach",
    "budget:forslag-detach",
    "referatimport:import-create",
    "referatimport:import-start",
    "referatimport:import-cancel",
    "portal:abonner",
    "portal:abonnement-bekraeft",
    "portal:abonnement-afmeld",
    "login",
    "logout",  # eight log-outs are eight redirects to the front page; nothing is written
}

# A form without an action posts to the page that shows it.
FORM_PAGES = {
    "protokol/moede_form.html": ["protokol:moede-create", "protokol:moede-update"],
    "protokol/moede_release.html": ["protokol:moede-release"],
    "sager/punkt_create.html": ["sager:punkt-create"],
    "sager/punkt_form.html": ["sager:punkt-update"],
    "sager/punkt_delete.html": ["sager:punkt-delete"],
    "sager/bilag_form.html": ["sager:bilag-update"],
    "sager/bilag_delete.html": ["sager:bilag-delete"],
    "budget/forslag_form.html": ["budget:forslag-create", "budget:forslag-update"],
    "referatimport/import_create.html": ["referatimport:import-create"],
    "registration/login.html": ["login"],
    "portal/abonnement_bekraeft.html": ["portal:abonnement-bekraeft"],
    "portal/abonnement_afmeld.html": ["portal:abonnement-afmeld"],
}


def _posted_url_names() -> set[str]:
    names = set()
    root = Path(settings.BASE_DIR) / "templates"
    for path in root.rglob("*.html"):
        text = path.read_text()
        rel = path.relative_to(root).as_posix()
        for form in re.finditer(r"<form\b[^>]*method=\"post\"[^>]*>", text):
            action = re.search(r"action=\"\{% url '([^']+)'", form.group(0))
            if action:
                names.add(action.group(1))
            else:
                assert rel in FORM_PAGES, f"{rel}: a form posting to its own page is not listed"
                names.update(FORM_PAGES[rel])
        for url in re.findall(r"hx-post=\"\{% url '([^']+)'", text):
            names.add(url)
    return names


def test_every_form_is_sent_eight_times_at_once():
    missing = _posted_url_names() - SENT
    assert missing == set(), f"forms that no concurrency test sends eight times: {missing}"
    assert resolve("/login/").url_name == "login"
    assert test_samtidighed.RUNDER >= 1
