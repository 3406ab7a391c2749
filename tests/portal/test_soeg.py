"""The search page (/soeg/): Danish words in every inflection, phrases and exclusions, facets,
the capped count, and the one rule that decides what each reader can find: closed items,
closed attachments and unsigned decisions only for those who may read the meeting, never
through a result, a count, a snippet or a facet. Runs on SQLite (FTS5) and PostgreSQL
(tsvector, danish) alike."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal import indeks, soegning, tekst
from portal.models import Dokument
from sager.models import Adgang, Punkttype
from tests import factories
from tests.conftest import login
from udvalg import services as udvalg_services
from udvalg.models import Medlemskab

HEMMELIG = "Hemmelighedsfuld"


def _antal(html: str) -> str:
    m = re.search(r'id="resultater"[^>]*>([^<]*)', html)
    return m.group(1).strip() if m else ""


def _soeg(client, q, **params):
    response = client.get("/soeg/", {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def frigivet(udvalg, sekretaer, medlem):
    """A released agenda: an open item about wages for extra hours, a closed item and a closed
    attachment on the open item."""
    moede = factories.make_moede(udvalg, dato=datetime.date(2014, 3, 12))
    aaben = factories.make_punkt(
        moede,
        titel="Nytteindsats for ledige",
        sag=factories.make_sag("14/1175"),
        sagsbeskrivelse="<p>Deltagerne får timelønnen for ekstra timer udbetalt månedligt.</p>",
    )
    factories.make_bilag(
        aaben, filnavn=f"{HEMMELIG} notat.pdf", adgang=Adgang.LUKKET, titel=f"{HEMMELIG} notat"
    )
    lukket = factories.make_punkt(
        moede,
        titel=f"{HEMMELIG} personalesag",
        adgang=Adgang.LUKKET,
        sagsbeskrivelse=f"<p>{HEMMELIG} timelønnen for en medarbejder.</p>",
    )
    udvalg_services.moede_release(moede=moede, user=sekretaer)
    moede.refresh_from_db()
    return moede, aaben, lukket


@pytest.mark.django_db
def test_danish_words_are_found_in_every_inflection(client, frigivet):
    html = _soeg(client, "timeløn")
    assert _antal(html) == "1 resultat for »timeløn«"
    assert "Nytteindsats for ledige" in html
    # The snippet marks the inflected word where it stands.
    assert "<mark>timelønnen</mark>" in html
    assert _antal(_soeg(client, "ledig")) == "1 resultat for »ledig«"
    # The case number is searched with the title.
    assert "Nytteindsats" in _soeg(client, "14/1175")


@pytest.mark.django_db
def test_phrases_and_exclusions(client, frigivet):
    assert _antal(_soeg(client, '"ekstra timer"')).startswith("1 resultat")
    assert _antal(_soeg(client, '"timer ekstra"')).startswith("Ingen resultater")
    assert _antal(_soeg(client, "timeløn -ledige")).startswith("Ingen resultater")
    assert _antal(_soeg(client, "timeløn -pension")).startswith("1 resultat")


@pytest.mark.django_db
def test_closed_material_is_found_only_by_the_meetings_readers(
    client, frigivet, medlem, sekretaer, anden, borger
):
    # Anonymous, a logged-in citizen and another committee's member and secretary: neither
    # the closed item nor the closed attachment, in results, snippets or counts.
    for user in (None, borger, anden):
        client.logout()
        if user:
            login(client, user)
        html = _soeg(client, "timeløn")
        assert HEMMELIG not in html
        assert _antal(html) == "1 resultat for »timeløn«"
        assert _antal(_soeg(client, HEMMELIG)).startswith("Ingen resultater")
        html = _soeg(client, "notat")
        assert HEMMELIG not in html
    # The committee's member (on the meeting's date), its secretary and an administrator
    # find both.
    admin = factories.make_user("admin", is_superuser=True, is_staff=True)
    for user in (medlem, sekretaer, admin):
        login(client, user)
        html = _soeg(client, "timeløn")
        assert _antal(html) == "2 resultater for »timeløn«"
        assert f"<mark>{HEMMELIG}</mark>" not in html  # not the searched word
        assert HEMMELIG in html
        assert "Ikke offentlig" in html
        # The closed item and the closed attachment.
        assert _antal(_soeg(client, HEMMELIG)) == f"2 resultater for »{HEMMELIG}«"


@pytest.mark.django_db
def test_a_former_member_finds_only_what_the_public_finds(client, frigivet, udvalg):
    user = factories.make_user("tidligere")
    m = factories.make_medlem(udvalg, user=user)
    Medlemskab.objects.filter(pk=m.pk).update(gyldig_til=datetime.date(2013, 12, 31))
    login(client, user)
    assert _antal(_soeg(client, HEMMELIG)).startswith("Ingen resultater")
    assert _antal(_soeg(client, "timeløn")) == "1 resultat for »timeløn«"


@pytest.mark.django_db
def test_a_decision_is_public_once_the_protocol_is_signed(client, udvalg, sekretaer):
    held = factories.make_held_moede(udvalg, sekretaer)
    moede, punkt, users = held
    # Held, not signed: the item is public, its decision and named vote are not.
    html = _soeg(client, "Nytteindsats", art="beslutning")
    assert _antal(html).startswith("Ingen resultater")
    login(client, users[0])
    assert _antal(_soeg(client, "Nytteindsats", art="beslutning")).startswith("1 resultat")
    client.logout()
    factories.lock_moede(held, sekretaer)
    html = _soeg(client, "Rasmus Keis Neerbek", art="beslutning")
    assert _antal(html) == "1 resultat for »Rasmus Keis Neerbek«"
    assert "Beslutning" in html and re.search(r"/referat/#punkt-\d", html)
    # The named vote is searchable and filterable: by person and by "has a vote".
    neerbek = users[2].person
    assert _antal(_soeg(client, "Nytteindsats", person=neerbek.pk)).startswith("1 resultat")
    assert _antal(_soeg(client, "Nytteindsats", afstemning="ja")).startswith("1 resultat")


@pytest.mark.django_db
def test_the_index_follows_every_change_in_the_same_transaction(client, frigivet, sekretaer):
    moede, aaben, lukket = frigivet
    aaben.titel = "Jobpræmie til langtidsledige"
    aaben.save()
    assert _antal(_soeg(client, "jobpræmie")).startswith("1 resultat")
    assert _antal(_soeg(client, "nytteindsats")).startswith("Ingen resultater")
    # An item made open is found by the public; its attachment deleted is found by no one.
    login(client, sekretaer)
    bilag = aaben.bilag.get()
    bilag.delete()
    assert _antal(_soeg(client, HEMMELIG)) == f"1 resultat for »{HEMMELIG}«"
    # The whole meeting deleted: its rows go too (on SQLite the FTS5 rows with them).
    moede.delete()
    assert not Dokument.objects.exclude(art="person").exists()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {indeks.FTS_TABEL}")
            assert cursor.fetchone()[0] == Dokument.objects.count()


@pytest.mark.django_db
def test_a_draft_is_found_by_its_secretary_only(client, udvalg, sekretaer, medlem):
    moede = factories.make_moede(udvalg, dato=datetime.date(2015, 1, 14))
    factories.make_punkt(moede, titel="Kladde om vejvedligehold")
    assert _antal(_soeg(client, "vejvedligehold")).startswith("Ingen resultater")
    login(client, medlem)
    assert _antal(_soeg(client, "vejvedligehold")).startswith("Ingen resultater")
    login(client, sekretaer)
    assert _antal(_soeg(client, "vejvedligehold")).startswith("1 resultat")


@pytest.mark.django_db
def test_facets_count_only_what_the_reader_finds(client, frigivet, medlem, udvalg):
    anonymous = _soeg(client, "timeløn")
    assert f'{udvalg.visningsnavn}</a> <span class="soeg-antal">(1<' in anonymous
    login(client, medlem)
    member = _soeg(client, "timeløn")
    assert f'{udvalg.visningsnavn}</a> <span class="soeg-antal">(2<' in member
    # The facets as the search computes them, per reader.
    f = tekst.fortolk("timeløn")
    client.logout()
    treffer = soegning.match(soegning.synlige(factories.make_user("x")), f)
    anon = soegning.facetter(list(treffer.values_list(*soegning.FACET_KOLONNER)))
    assert anon["udvalg"] == [(udvalg.pk, 1)]
    assert anon["aar"] == [(2014, 1)]
    assert anon["punkttype"] == [(Punkttype.BESLUTNING, 1)]


@pytest.mark.django_db
def test_filters_narrow_and_sort(client, udvalg, sekretaer):
    for year in (2014, 2015, 2016):
        moede = factories.make_moede(udvalg, dato=datetime.date(year, 6, 1))
        factories.make_punkt(
            moede,
            titel=f"Budgetopfølgning {year}",
            punkttype=Punkttype.ORIENTERING if year == 2015 else Punkttype.BESLUTNING,
        )
        udvalg_services.moede_release(moede=moede, user=sekretaer)
    html = _soeg(client, "budgetopfølgning", sortering="dato")
    assert _antal(html).startswith("3 resultater")
    assert html.index("2016</a>") < html.index("2015</a>") < html.index("2014</a>")
    assert _antal(_soeg(client, "budgetopfølgning", aar=2015)).startswith("1 resultat")
    html = _soeg(client, "budgetopfølgning", punkttype="orientering")
    assert _antal(html).startswith("1 resultat") and "2015</a>" in html
    # A filter value that is no choice: a Danish message, no results, no error.
    html = _soeg(client, "budgetopfølgning", aar="abc")
    assert "Angiv et årstal" in html
    html = _soeg(client, "budgetopfølgning", udvalg="999999")
    assert "Vælg et af de viste filtre" in html


@pytest.mark.django_db
def test_counts_stop_at_the_cap(client, udvalg, sekretaer, monkeypatch):
    moede = factories.make_moede(udvalg)
    for i in range(4):
        factories.make_punkt(moede, titel=f"Vejplan del {i}")
    udvalg_services.moede_release(moede=moede, user=sekretaer)
    monkeypatch.setattr(soegning, "MAKS_TAELLING", 3)
    html = _soeg(client, "vejplan")
    assert _antal(html).startswith("Over 3 resultater") or "Over" in _antal(html)


@pytest.mark.django_db
def test_the_page_uses_the_same_number_of_queries_whatever_the_number_of_hits(
    client, udvalg, sekretaer
):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            _soeg(client, "havnebad")
        return len(ctx.captured_queries)

    moede = factories.make_moede(udvalg)
    factories.make_punkt(moede, titel="Havnebad 1")
    udvalg_services.moede_release(moede=moede, user=sekretaer)
    few = queries()
    moede2 = factories.make_moede(udvalg, dato=datetime.date(2015, 9, 9))
    for i in range(25):
        p = factories.make_punkt(moede2, titel=f"Havnebad {i}")
        factories.make_bilag(p, filnavn=f"havnebad-{i}.pdf")
    udvalg_services.moede_release(moede=moede2, user=sekretaer)
    assert queries() == few


@pytest.mark.django_db
def test_queries_of_only_small_words_or_exclusions_ask_for_a_word(client, frigivet):
    for q in ("og i", "-timeløn", '""'):
        html = _soeg(client, q)
        assert "Skriv mindst ét ord" in html


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=st.text(alphabet=st.sampled_from(list("ab \"-*:^()ØæNEAR OR AND\x00\\'é1")), max_size=30))
def test_any_typed_query_is_answered(client, frigivet, q):
    """FTS5 and tsquery syntax typed into the box is words, never an error."""
    response = client.get("/soeg/", {"q": q})
    assert response.status_code == 200


@pytest.mark.django_db
def test_persons_are_found_once_their_committee_has_published(client, udvalg, sekretaer):
    factories.make_medlem(udvalg, navn="Agnete Fog", parti="Socialistisk Folkeparti")
    moede = factories.make_moede(udvalg)
    assert _antal(_soeg(client, "Agnete Fog")).startswith("Ingen resultater")
    udvalg_services.moede_release(moede=moede, user=sekretaer)
    html = _soeg(client, "Agnete Fog")
    assert _antal(html) == "1 resultat for »Agnete Fog«"
    assert "/personer/" in html and "Socialistisk Folkeparti" in html
