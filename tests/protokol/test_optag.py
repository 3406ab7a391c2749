"""Recording a meeting through the pages: attendance, decisions, votes, minority statements."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from protokol import deltagelse
from protokol.services import optagelse
from sager.models import Beslutning, Fravaersaarsag, PunktFravaer, Standardtekst
from tests import factories
from tests.conftest import login
from udvalg import services as udvalg_services
from udvalg.models import Fremmoede, MoedeStatus, Rolle

NAMES = [
    "Nikolaj Bührmann",
    "Erling Petersen",
    "Rasmus Keis Neerbek",
    "Agnete Fog",
    "Gurli Nielsen",
]


@pytest.fixture
def ebu(udvalg):
    people = {}
    for i, navn in enumerate(NAMES, start=1):
        m = factories.make_medlem(udvalg, navn=navn)
        m.sortering, m.rolle = i, Rolle.FORMAND if i == 1 else Rolle.MEDLEM
        m.save()
        people[navn] = m.person
    return people


@pytest.fixture
def moede(udvalg, ebu, sekretaer):
    moede = factories.make_moede(udvalg, dato=datetime.date(2014, 3, 12))
    udvalg_services.moede_release(moede=moede, user=sekretaer)
    return moede


@pytest.fixture
def punkt(moede):
    return factories.make_punkt(moede, titel="Nytteindsats", sag=factories.make_sag("14/1175"))


def post_item(client, punkt, data, htmx=False):
    prefix = f"p{punkt.pk}-"
    payload = {prefix + k: v for k, v in data.items()}
    payload.setdefault(prefix + "version", "0")
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(f"/punkter/{punkt.pk}/optag/", payload, headers=headers)


def referat(client, moede):
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/referat/"
    return client.get(url).content.decode()


def test_decision_by_phrase_picker_without_javascript(client, sekretaer, moede, punkt, medlem):
    login(client, sekretaer)
    response = post_item(client, punkt, {"frase": "Indstilling godkendt.", "tekst": ""})
    assert response.status_code == 302
    assert punkt.beslutning.tekst == "<p>Indstilling godkendt.</p>"
    moede.refresh_from_db()
    assert moede.status == MoedeStatus.AFHOLDT  # recording started
    login(client, medlem)
    html = referat(client, moede)
    assert "Beslutning Erhvervs- og Beskæftigelsesudvalget 2014-2017 den 12-03-2014" in html
    assert "Indstilling godkendt." in html
    assert "Ikke underskrevet" in html


def test_named_vote_and_minority_statement_give_the_seed_text(client, sekretaer, moede, punkt, ebu):
    login(client, sekretaer)
    client.post(
        f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/referat/fremmoede/",
        {f"status_{p.pk}": "afbud" if n == "Agnete Fog" else "til_stede" for n, p in ebu.items()},
    )
    votes = {"Nikolaj Bührmann": "for", "Erling Petersen": "for", "Gurli Nielsen": "for",
             "Rasmus Keis Neerbek": "imod"}  # fmt: skip
    data = {f"stemme_{ebu[n].pk}": v for n, v in votes.items()}
    data.update(
        forslag="Forvaltningens forslag godkendes, idet der foretages en evaluering efter 1 år "
        "med fokus på effekt, timetal, placering mv.",
        mindretal_person=str(ebu["Rasmus Keis Neerbek"].pk),
        mindretal_tekst="Enhedslisten kan ikke støtte forvaltningens forslag.",
    )
    response = post_item(client, punkt, data, htmx=True)
    assert response.status_code == 200
    assert "Punkt 3 er gemt." in response.content.decode()
    html = referat(client, moede)
    assert "Følgende forslag blev sat til afstemning:" in html
    assert (
        "”Forvaltningens forslag godkendes, idet der foretages en evaluering efter 1 år med "
        "fokus på effekt, timetal, placering mv.”"
    ) in html
    assert (
        "Forslaget godkendt med 3 stemmer for (Nikolaj Bührmann, Erling Petersen og Gurli "
        "Nielsen). Imod stemte 1 medlem (Rasmus Keis Neerbek)."
    ) in html
    assert "Rasmus Keis Neerbek har ønsket følgende mindretalsudtalelse ført til protokol:" in html
    assert "”Enhedslisten kan ikke støtte forvaltningens forslag.”" in html
    assert html.count("<dd>Agnete Fog</dd>") == 3  # items 1, 2 and 3


def test_a_refused_minority_statement_saves_nothing_and_keeps_the_text(
    client, sekretaer, moede, punkt, ebu
):
    login(client, sekretaer)
    data = {f"stemme_{p.pk}": "for" for p in ebu.values()}
    data.update(
        tekst="Min lange beslutningstekst.",
        forslag="Forslag",
        mindretal_person=str(ebu["Gurli Nielsen"].pk),
        mindretal_tekst="Jeg er imod.",
    )
    data[f"fravaer_{ebu['Agnete Fog'].pk}"] = Fravaersaarsag.INHABIL
    data.pop(f"stemme_{ebu['Agnete Fog'].pk}")
    response = post_item(client, punkt, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "§ 13, stk. 2" in html
    assert "Min lange beslutningstekst." in html and "Jeg er imod." in html
    assert not Beslutning.objects.exists()
    assert not PunktFravaer.objects.exists()  # the inhabilitet went with the rollback


def test_votes_without_a_motion_are_refused(client, sekretaer, moede, punkt, ebu):
    login(client, sekretaer)
    response = post_item(
        client, punkt, {"tekst": "Noget", f"stemme_{ebu['Erling Petersen'].pk}": "for"}
    )
    assert response.status_code == 400
    assert "Skriv forslaget, der blev stemt om." in response.content.decode()
    assert not Beslutning.objects.exists()


def test_inhabil_member_cannot_vote_and_is_named_in_the_protocol(
    client, sekretaer, moede, punkt, ebu
):
    login(client, sekretaer)
    rasmus = ebu["Rasmus Keis Neerbek"].pk
    response = post_item(
        client,
        punkt,
        {"tekst": "x", "forslag": "F", f"stemme_{rasmus}": "imod",
         f"fravaer_{rasmus}": Fravaersaarsag.INHABIL},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Kun medlemmer, der deltager i behandlingen af punktet, kan stemme." in (
        response.content.decode()
    )
    post_item(client, punkt, {"tekst": "Godkendt.", f"fravaer_{rasmus}": Fravaersaarsag.INHABIL})
    html = referat(client, moede)
    assert (
        "Rasmus Keis Neerbek deltog ikke i behandlingen af punktet på grund af inhabilitet."
    ) in html
    assert "<dd>Rasmus Keis Neerbek</dd>" in html  # Fraværende on that item
    assert html.count("<dt>Fraværende</dt>\n  <dd>Ingen</dd>") == 2  # the standing items


def test_second_secretary_saving_the_same_item_is_refused(client, sekretaer, moede, punkt):
    login(client, sekretaer)
    post_item(client, punkt, {"tekst": "Første udgave."})  # opened at version 0
    response = post_item(client, punkt, {"tekst": "Min udgave, som ikke må tabes."})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Beslutningen er ændret af Sanne Sekretær" in html
    assert "Min udgave, som ikke må tabes." in html
    assert punkt.beslutning.tekst == "<p>Første udgave.</p>"


def test_attendance_with_a_substitute(client, sekretaer, moede, punkt, ebu):
    vikar = factories.make_person("Vibeke Vikar")
    login(client, sekretaer)
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/referat/fremmoede/"
    data = {f"status_{p.pk}": "til_stede" for p in ebu.values()}
    erling = ebu["Erling Petersen"].pk
    data[f"vikar_{erling}"] = str(vikar.pk)
    response = client.post(url, data)  # Erling is still "til stede": refused
    assert response.status_code == 400
    assert "Et medlem, der er til stede, kan ikke have en stedfortræder." in (
        response.content.decode()
    )
    assert not Fremmoede.objects.exists()
    data[f"status_{erling}"] = "sygdom"
    assert client.post(url, data).status_code == 302
    html = referat(client, moede)
    assert "Vibeke Vikar, stedfortræder for Erling Petersen" in html
    assert "Erling Petersen (sygdom)" in html


def test_recording_needs_a_released_agenda(client, sekretaer, udvalg):
    draft = factories.make_moede(udvalg, dato=datetime.date(2014, 4, 2))
    login(client, sekretaer)
    url = f"/udvalg/{udvalg.slug}/moeder/{draft.url_slug}/referat/optag/"
    assert client.get(url).status_code == 403


def test_decisions_and_votes_keep_an_audit_history(client, sekretaer, moede, punkt):
    login(client, sekretaer)
    post_item(client, punkt, {"tekst": "Første."})
    post_item(client, punkt, {"tekst": "Anden.", "version": "1"})
    beslutning = punkt.beslutning
    history = list(beslutning.history.order_by("history_date"))
    assert [h.tekst for h in history] == ["<p>Første.</p>", "<p>Anden.</p>"]
    assert all(h.history_user == sekretaer for h in history)


# --- the demo protocol (acceptance) ------------------------------------------------------------


def test_demo_protocol_pages(client, demo):
    login(client, get_user_model().objects.get(username="medlem"))
    html = client.get("/udvalg/ebu-2014-2017/moeder/2014-03-12/referat/").content.decode()
    for line in [
        "Følgende forslag blev sat til afstemning:",
        "”Forvaltningens forslag godkendes, idet der foretages en evaluering efter 1 år med "
        "fokus på effekt, timetal, placering mv.”",
        "Forslaget godkendt med 3 stemmer for (Nikolaj Bührmann, Erling Petersen og Gurli "
        "Nielsen). Imod stemte 1 medlem (Rasmus Keis Neerbek).",
        "Rasmus Keis Neerbek har ønsket følgende mindretalsudtalelse ført til protokol:",
        "”Enhedslisten kan ikke støtte forvaltningens forslag, da den beregnede timeløn på "
        "maks.tiden vil være langt under den gennemsnitlige sats i sammenlignelig overenskomst. "
        "Det er frivilligt for kommunen at oprette nyttejobs, og derfor mener vi det skal ske "
        "under samme forhold som ellers gælder på arbejdsmarkedet.”",
    ]:
        assert line in html, line
    assert html.count("<dt>Fraværende</dt>\n  <dd>Agnete Fog</dd>") == 9

    html = client.get("/udvalg/ebu-2014-2017/moeder/2015-05-13/referat/").content.decode()
    assert html.count("<dt>Fraværende</dt>\n  <dd>Ingen</dd>") == 6
    item4 = html[html.index('id="punkt-4"') : html.index('id="punkt-5"')]
    older = item4.index("Beslutning Erhvervs- og Beskæftigelsesudvalget 2014-2017 den 03-12-2014")
    newer = item4.index("Beslutning Erhvervs- og Beskæftigelsesudvalget 2014-2017 den 13-05-2015")
    assert older < newer


def test_a_decision_can_be_kept_as_the_committees_own_phrase(client, sekretaer, moede, punkt):

    login(client, sekretaer)
    post_item(client, punkt, {"tekst": "Udvalget anbefaler forslaget.", "gem_frase": "on"})
    assert list(Standardtekst.objects.values_list("tekst", flat=True)) == [
        "Udvalget anbefaler forslaget."
    ]
    page = client.get(f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/referat/optag/")
    assert '<option value="Udvalget anbefaler forslaget.">' in page.content.decode()


def test_copy_item_attendance_to_all_items(client, sekretaer, moede, punkt, ebu):
    login(client, sekretaer)
    agnete = ebu["Agnete Fog"].pk
    post_item(client, punkt, {"tekst": "x", f"fravaer_{agnete}": Fravaersaarsag.GIK})
    client.post(f"/punkter/{punkt.pk}/fravaer-kopier/")
    rows = PunktFravaer.objects.filter(person_id=agnete)
    assert sorted(rows.values_list("punkt__nummer", flat=True)) == [1, 2, 3]
    # The data stays per item: changing one item later leaves the others alone.
    post_item(client, punkt, {"tekst": "x", f"fravaer_{agnete}": "", "version": "1"})
    assert sorted(rows.values_list("punkt__nummer", flat=True)) == [1, 2]


def test_an_earlier_decision_by_hand(client, sekretaer, moede, punkt, medlem):
    oeu = factories.make_udvalg(navn="Økonomiudvalget", forkortelse="ØU")
    login(client, sekretaer)
    url = f"/punkter/{punkt.pk}/tidligere-beslutning/"
    prefix = f"t{punkt.pk}-"
    bad = client.post(url, {prefix + "udvalg": oeu.pk, prefix + "dato": "2014-06-01",
                            prefix + "tekst": "Oversendt til udvalget."})  # fmt: skip
    assert bad.status_code == 400
    assert "En tidligere beslutning skal ligge før mødet." in bad.content.decode()
    assert "Oversendt til udvalget." in bad.content.decode()
    assert not Beslutning.objects.exists()
    ok = client.post(url, {prefix + "udvalg": oeu.pk, prefix + "dato": "18-02-2014",
                           prefix + "tekst": "Oversendt til udvalget."})  # fmt: skip
    assert ok.status_code == 302
    post_item(client, punkt, {"tekst": "Godkendt."})
    html = referat(client, moede)
    older = html.index("Beslutning Økonomiudvalget 2014-2017 den 18-02-2014")
    newer = html.index("Beslutning Erhvervs- og Beskæftigelsesudvalget 2014-2017 den 12-03-2014")
    assert older < newer


def test_item_history_covers_decision_vote_and_attendance(client, sekretaer, moede, punkt, ebu):
    login(client, sekretaer)
    data = {f"stemme_{p.pk}": "for" for n, p in ebu.items() if n != "Agnete Fog"}
    data.update(tekst="Godkendt.", forslag="F", **{f"fravaer_{ebu['Agnete Fog'].pk}": "kom"})
    post_item(client, punkt, data)
    html = client.get(f"/punkter/{punkt.pk}/historik/").content.decode()
    for kind in ["Beslutning: oprettet", "Afstemning: oprettet", "Stemme: oprettet",
                 "Fremmøde på punktet: oprettet"]:  # fmt: skip
        assert kind in html, kind
    assert "Sanne Sekretær" in html


def test_concurrent_attendance_change_is_refused_and_the_choices_are_kept(
    client, sekretaer, moede, ebu
):

    login(client, sekretaer)
    page = client.get(f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/referat/optag/")
    snapshot = page.context["fremmoede_form"]["snapshot"].value()
    assert snapshot == deltagelse.attendance_snapshot([])
    # Meanwhile another secretary records Gurli's illness.
    optagelse.fremmoede_set(moede=moede, person=ebu["Gurli Nielsen"], status="sygdom")
    data = {f"status_{p.pk}": "til_stede" for p in ebu.values()}
    data[f"status_{ebu['Agnete Fog'].pk}"] = "afbud"
    data["snapshot"] = snapshot
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/referat/fremmoede/"
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Fremmødet er ændret af" in html
    assert Fremmoede.objects.get().person == ebu["Gurli Nielsen"]  # nothing overwritten
    form = response.context["fremmoede_form"]
    assert form[f"status_{ebu['Agnete Fog'].pk}"].value() == "afbud"  # the user's choice
    # Saving again from the conflict page goes through.
    data["snapshot"] = form["snapshot"].value()
    assert client.post(url, data).status_code == 302
    assert Fremmoede.objects.get().person == ebu["Agnete Fog"]


def test_a_minority_statement_can_be_removed_so_the_votes_can_change(
    client, sekretaer, moede, punkt, ebu
):
    login(client, sekretaer)
    rasmus = ebu["Rasmus Keis Neerbek"].pk
    votes = {f"stemme_{p.pk}": "for" for n, p in ebu.items() if n != "Agnete Fog"}
    first = dict(votes, **{f"stemme_{rasmus}": "imod"}, tekst="x", forslag="F",
                 mindretal_person=str(rasmus), mindretal_tekst="Imod.")  # fmt: skip
    assert post_item(client, punkt, first).status_code == 302
    # Rasmus now votes for: refused while his statement stands...
    second = dict(votes, tekst="x", forslag="F", version="1")
    response = post_item(client, punkt, second)
    assert "Markér udtalelsen til fjernelse" in response.content.decode()
    # ... and accepted when the statement is marked for removal in the same save.
    second["fjern_mindretal"] = [str(rasmus)]
    assert post_item(client, punkt, second).status_code == 302
    assert not punkt.beslutning.mindretalsudtalelser.exists()


def test_a_stale_version_without_any_decision_is_refused_not_a_server_error(
    client, sekretaer, moede, punkt
):
    login(client, sekretaer)
    response = post_item(client, punkt, {"tekst": "Noget.", "version": "7"})
    assert response.status_code == 400
    assert "Beslutningen er ændret af en anden bruger" in response.content.decode()
    assert not Beslutning.objects.exists()
