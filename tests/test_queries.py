"""Pages run a constant number of queries whatever their size (3 vs 30 rows)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protokol.services import optagelse
from sager.models import Adgang
from tests import factories
from tests.conftest import login
from udvalg import services
from udvalg.models import FremmoedeStatus


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def build(udvalg, n: int, sag=None):
    """A released meeting with n extra items, each with two attachments (one closed)."""
    moede = factories.make_moede(udvalg, dato=datetime.date(2015, 1, 1) + datetime.timedelta(n))
    for i in range(n):
        punkt = factories.make_punkt(
            moede,
            sag=sag or factories.make_sag(),
            adgang=Adgang.LUKKET if i % 3 == 0 else Adgang.AABEN,
        )
        factories.make_bilag(punkt, filnavn=f"bilag {i}.pdf")
        factories.make_bilag(punkt, filnavn=f"lukket {i}.pdf", adgang=Adgang.LUKKET)
    services.moede_release(moede=moede, user=None)
    return moede


@pytest.fixture
def small_and_large(udvalg):
    return build(udvalg, 3), build(udvalg, 30)


@pytest.mark.parametrize("persona", ["medlem", "sekretaer"])
def test_meeting_page_queries_are_constant_and_at_most_6(client, small_and_large, persona, request):
    """User, meeting, roles, items, attachments, and savings proposals for the items that
    carry any (with sessions read from the shared cache): 6, whatever the size."""
    for moede in small_and_large:
        punkt = moede.punkter.order_by("nummer").last()
        factories.make_forslag(udvalg=moede.udvalg).punkter.add(punkt)
    login(client, request.getfixturevalue(persona))
    small, large = (count_queries(client, m.get_absolute_url()) for m in small_and_large)
    assert small == large
    assert large <= 6


def test_a_meeting_without_savings_proposals_does_not_ask_for_them(client, udvalg, medlem):
    moede = build(udvalg, 5)
    login(client, medlem)
    with CaptureQueriesContext(connection) as ctx:
        client.get(moede.get_absolute_url())
    assert not [q for q in ctx.captured_queries if 'budget_besparelsesforslag"' in q["sql"]]


def test_agenda_builder_queries_are_constant(client, small_and_large, sekretaer):
    login(client, sekretaer)
    urls = [f"/udvalg/{m.udvalg.slug}/moeder/{m.url_slug}/dagsorden/" for m in small_and_large]
    assert count_queries(client, urls[0]) == count_queries(client, urls[1])


def test_case_page_queries_are_constant(client, udvalg, medlem):
    small_sag, large_sag = factories.make_sag("14/1"), factories.make_sag("14/2")
    for _ in range(3):
        build(udvalg, 1, sag=small_sag)
    for _ in range(30):
        build(udvalg, 1, sag=large_sag)
    login(client, medlem)
    assert count_queries(client, f"/sager/{small_sag.pk}/") == count_queries(
        client, f"/sager/{large_sag.pk}/"
    )


def test_lists_queries_are_constant(client, udvalg, sekretaer):
    login(client, sekretaer)
    build(udvalg, 3)
    few = [count_queries(client, url) for url in ["/", f"/udvalg/{udvalg.slug}/", "/sager/"]]
    for _ in range(27):
        build(udvalg, 1)
    many = [count_queries(client, url) for url in ["/", f"/udvalg/{udvalg.slug}/", "/sager/"]]
    assert few == many


def test_front_page_queries_do_not_grow_with_committees(client, sekretaer):
    login(client, sekretaer)
    for _ in range(3):
        u = factories.make_udvalg()
        u.sekretaerer.add(sekretaer)
        build(u, 1)
    few = count_queries(client, "/")
    for _ in range(10):
        u = factories.make_udvalg()
        u.sekretaerer.add(sekretaer)
        build(u, 1)
    assert count_queries(client, "/") == few


def build_recorded(udvalg, n: int):
    """A held meeting with n items, each with a decision, a named vote, a minority statement,
    an earlier decision on its case and one member absent from the item."""

    members = [factories.make_medlem(udvalg).person for _ in range(5)]
    moede = build(udvalg, n)
    optagelse.fremmoede_set(moede=moede, person=members[3], status=FremmoedeStatus.AFBUD)
    for punkt in moede.punkter.filter(sag__isnull=False):
        optagelse.beslutning_add_earlier(
            sag=punkt.sag, udvalg=udvalg, dato=datetime.date(2014, 1, 1), tekst="Genoptages."
        )
        optagelse.punktfravaer_set(punkt=punkt, person=members[2], type="gik")
        beslutning = optagelse.beslutning_save(punkt=punkt, tekst="<p>Godkendt.</p>")
        optagelse.afstemning_register(
            beslutning=beslutning,
            forslag="Forslaget",
            stemmer={members[0].pk: "for", members[1].pk: "imod", members[4].pk: "for"},
        )
        optagelse.mindretalsudtalelse_add(beslutning=beslutning, person=members[1], tekst="Imod.")
    services.moede_start_recording(moede=moede)
    return moede


@pytest.mark.parametrize("page", ["referat/", "referat/optag/"])
def test_protocol_and_recording_pages_queries_are_constant(client, udvalg, sekretaer, page):
    small, large = build_recorded(udvalg, 3), build_recorded(udvalg, 30)
    login(client, sekretaer)
    counts = [
        count_queries(client, f"/udvalg/{udvalg.slug}/moeder/{m.url_slug}/{page}")
        for m in (small, large)
    ]
    assert counts[0] == counts[1], counts
