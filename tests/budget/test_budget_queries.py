"""The proposal list and the overview run a constant number of queries (3 vs 30 proposals,
each with four years), as do the exports that share their loading."""

import pytest

from budget import services
from tests import factories
from tests.conftest import login
from tests.test_queries import count_queries

URLS = [
    "/budget/{slug}/",
    "/budget/{slug}/?udgiftstype=begge&status=udkast",
    "/budget/{slug}/oversigt/",
    "/budget/{slug}/oversigt.csv",
    "/budget/{slug}/oversigt.xlsx",
    "/budget/{slug}/katalog.csv",
]


def build(udvalg, n: int):
    runde = factories.make_runde()
    services.ramme_set(
        runde=runde, udvalg=udvalg, nettodriftsbudget=115_900_000, besparelsesmaal=100_000
    )
    other = factories.make_udvalg()
    for i in range(n):
        factories.make_forslag(runde, udvalg if i % 2 else other, afdeling_nr=400 + i % 4)
    return runde


@pytest.mark.parametrize("url", URLS)
def test_budget_pages_queries_are_constant(client, udvalg, sekretaer, url):
    sekretaer.is_superuser = True  # sees both committees' proposals
    sekretaer.save()
    small, large = build(udvalg, 3), build(udvalg, 30)
    login(client, sekretaer)
    counts = [count_queries(client, url.format(slug=r.slug)) for r in (small, large)]
    assert counts[0] == counts[1], counts


def test_proposal_page_queries_do_not_grow_with_treatments(client, udvalg, sekretaer):
    runde = factories.make_runde()
    login(client, sekretaer)
    counts = []
    for n in (1, 6):
        forslag = factories.make_forslag(runde, udvalg)
        moede = factories.make_moede(udvalg, dato=None)
        for _ in range(n):
            forslag.punkter.add(factories.make_punkt(moede))
        counts.append(count_queries(client, forslag.get_absolute_url()))
    assert counts[0] == counts[1], counts
