import datetime

from protokol.services import optagelse
from sager.models import Adgang
from tests import factories
from tests.conftest import login
from udvalg import services
from udvalg.models import Medlemskab


def released(udvalg, dato):
    moede = factories.make_moede(udvalg, dato=dato)
    services.moede_release(moede=moede, user=None)
    return moede


def test_case_page_shows_the_case_across_meetings_and_committees_oldest_first(
    client, udvalg, medlem
):
    sag = factories.make_sag("14/11078", "Danskuddannelse")
    other = factories.make_udvalg(navn="Økonomiudvalget", forkortelse="ØU")
    Medlemskab.objects.create(udvalg=other, person=medlem.person)
    later = released(udvalg, datetime.date(2015, 5, 13))
    earlier = released(udvalg, datetime.date(2014, 12, 3))
    between = released(other, datetime.date(2015, 1, 20))
    for m, titel in [(later, "Maj"), (earlier, "December"), (between, "Januar ØU")]:
        factories.make_punkt(m, sag=sag, titel=titel)
    login(client, medlem)
    html = client.get(f"/sager/{sag.pk}/").content.decode()
    positions = [html.index(t) for t in ["December", "Januar ØU", "Maj"]]
    assert positions == sorted(positions)
    assert "Økonomiudvalget 2014-2017, tirsdag den 20. januar 2015" in html


def test_case_page_hides_what_the_user_may_not_see(client, udvalg, medlem):
    sag = factories.make_sag("14/1175", "Nytteindsats")
    other = factories.make_udvalg(navn="Økonomiudvalget", forkortelse="ØU")
    synlig = released(udvalg, datetime.date(2014, 3, 12))
    fremmed = released(other, datetime.date(2014, 3, 20))
    kladde = factories.make_moede(udvalg, dato=datetime.date(2014, 4, 2))
    factories.make_punkt(synlig, sag=sag, titel="Synligt punkt")
    factories.make_punkt(fremmed, sag=sag, titel="Lukket i ØU", adgang=Adgang.LUKKET)
    factories.make_punkt(fremmed, sag=sag, titel="Åbent i ØU")
    factories.make_punkt(kladde, sag=sag, titel="Kladdepunkt")
    login(client, medlem)
    html = client.get(f"/sager/{sag.pk}/").content.decode()
    assert "Synligt punkt" in html
    assert "Lukket i ØU" not in html  # another committee's closed item
    assert "Åbent i ØU" not in html  # a meeting of a committee the member is not on
    assert "Kladdepunkt" not in html  # drafts are for secretaries


def test_a_secretary_elsewhere_can_pick_the_case_but_not_read_our_items(client, anden, udvalg):
    sag = factories.make_sag("14/1175", "Nytteindsats")
    factories.make_punkt(released(udvalg, datetime.date(2014, 3, 12)), sag=sag, titel="Vores")
    login(client, anden)
    # The case's page is the public version (its open item is public), not ours.
    response = client.get(f"/sager/{sag.pk}/")
    assert response.status_code == 200
    assert "offentlige udgave" in response.content.decode()
    assert "14/1175" not in client.get("/sager/").content.decode()
    # ... but may put the case on an agenda of their own committee.
    other = anden.sekretaer_for.get()
    moede = factories.make_moede(other)
    picker = f"/udvalg/{other.slug}/moeder/{moede.url_slug}/punkter/nyt/?q=14/1175"
    html = client.get(picker).content.decode()
    assert "Nytteindsats" in html
    assert "Vores" not in html


def test_a_member_cannot_open_a_case_they_have_never_seen(client, medlem, udvalg):
    sag = factories.make_sag("14/1175", "Nytteindsats")
    factories.make_punkt(factories.make_moede(udvalg), sag=sag)  # a draft only
    login(client, medlem)
    assert client.get(f"/sager/{sag.pk}/").status_code == 404


def test_case_list_filters_by_sagsnr_words_committee_and_year(client, udvalg, sekretaer):
    m2014 = released(udvalg, datetime.date(2014, 3, 12))
    m2015 = released(udvalg, datetime.date(2015, 5, 13))
    factories.make_punkt(m2014, sag=factories.make_sag("14/1175", "Nytteindsats"))
    factories.make_punkt(m2015, sag=factories.make_sag("15/839", "Budgetlægning 2016 - 2019"))
    login(client, sekretaer)

    def found(**params):
        html = client.get("/sager/", params).content.decode()
        return [s for s in ["14/1175", "15/839"] if s in html]

    assert found() == ["14/1175", "15/839"]
    assert found(sagsnr="15/") == ["15/839"]
    assert found(titel="budgetlægning 2019") == ["15/839"]
    assert found(aar="2014") == ["14/1175"]
    assert found(udvalg=udvalg.pk, aar="2015") == ["15/839"]


def test_case_list_bad_year_gives_a_message_not_an_error(client, sekretaer):
    login(client, sekretaer)
    response = client.get("/sager/", {"aar": "sidste år"})
    assert response.status_code == 200
    assert "Angiv et årstal" in response.content.decode()


def test_case_page_shows_the_whole_decision_history_across_committees(client, udvalg, medlem):

    sag = factories.make_sag("14/11078", "Danskuddannelse")
    oeu = factories.make_udvalg(navn="Økonomiudvalget", forkortelse="ØU")
    moede = released(udvalg, datetime.date(2015, 5, 13))
    punkt = factories.make_punkt(moede, sag=sag)
    optagelse.beslutning_add_earlier(
        sag=sag, udvalg=udvalg, dato=datetime.date(2014, 12, 3), tekst="<p>Genoptages.</p>"
    )
    optagelse.beslutning_add_earlier(
        sag=sag, udvalg=oeu, dato=datetime.date(2015, 6, 1), tekst="<p>Oversendt.</p>"
    )
    optagelse.beslutning_save(punkt=punkt, tekst="<p>Godkendt.</p>")
    login(client, medlem)
    html = client.get(f"/sager/{sag.pk}/").content.decode()
    headings = [
        "Beslutning Erhvervs- og Beskæftigelsesudvalget 2014-2017 den 03-12-2014",
        "Beslutning Erhvervs- og Beskæftigelsesudvalget 2014-2017 den 13-05-2015",
        "Beslutning Økonomiudvalget 2014-2017 den 01-06-2015",
    ]
    positions = [html.index(h) for h in headings]
    assert positions == sorted(positions)
