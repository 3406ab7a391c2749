"""Savings proposals: the model's rules, the edit form's year table, the pages and attaching a
proposal to an agenda item."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budget import services
from budget.models import Aarstal, Besparelsesforslag, Status
from tests import factories
from tests.conftest import login
from udvalg import services as udvalg_services

amount = st.one_of(st.none(), st.integers(min_value=-(10**11), max_value=10**11))


@pytest.fixture
def runde(db):
    return factories.make_runde(slug="2016-2019")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(engangs=amount, service=amount, overfoersel=amount, indtaegter=amount)
def test_the_net_is_always_the_sum_of_its_parts(runde, engangs, service, overfoersel, indtaegter):
    with transaction.atomic():
        forslag = factories.make_forslag(
            runde,
            aar={
                2016: {
                    "engangs": engangs,
                    "udgifter_service": service,
                    "udgifter_overfoersel": overfoersel,
                    "indtaegter": indtaegter,
                }
            },
        )
        parts = [engangs, service, overfoersel, indtaegter]
        rows = list(forslag.aarstal.all())
        if all(p is None for p in parts):
            assert rows == []  # an empty year is not stored
        else:
            (row,) = rows
            assert row.netto == sum(p or 0 for p in parts)  # the database's generated column
            assert (
                Aarstal.compute_netto(
                    engangs=engangs,
                    udgifter_service=service,
                    udgifter_overfoersel=overfoersel,
                    indtaegter=indtaegter,
                )
                == row.netto
            )
        transaction.set_rollback(True)


def test_identity_is_unique_per_round_but_a_second_scenario_is_allowed(runde, udvalg):
    factories.make_forslag(runde, udvalg, afdeling_nr=434, forslag_nr=1)
    factories.make_forslag(runde, udvalg, afdeling_nr=434, forslag_nr=1, scenarie_nr=2)
    factories.make_forslag(factories.make_runde(), udvalg, afdeling_nr=434, forslag_nr=1)
    with pytest.raises(ValidationError, match="findes allerede"):
        factories.make_forslag(runde, udvalg, afdeling_nr=434, forslag_nr=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Besparelsesforslag.objects.create(
            runde=runde, udvalg=udvalg, afdeling_nr=434, forslag_nr=1, udgiftstype="service"
        )


def test_a_proposal_may_cover_only_some_years(runde, udvalg):
    forslag = factories.make_forslag(runde, udvalg, aar={2018: {"udgifter_service": -5000}})
    assert [a.aar for a in forslag.aarstal.all()] == [2018]


def test_the_service_refuses_a_year_outside_the_round_and_saves_nothing(runde, udvalg):
    with pytest.raises(ValidationError, match="uden for budgetrunden"):
        factories.make_forslag(runde, udvalg, aar={2021: {"indtaegter": 5}})
    assert not Besparelsesforslag.objects.exists()


# --- the edit form ------------------------------------------------------------------------------


def _post_data(**overrides):
    data = {
        "udvalg": "",
        "afdeling_nr": "434",
        "afdeling_navn": "Borgerservice",
        "forslag_nr": "5",
        "scenarie_nr": "1",
        "udgiftstype": "begge",
        "titel": "Flere virksomhedskonsulenter",
        "status": "udkast",
        "aar-TOTAL_FORMS": "4",
        "aar-INITIAL_FORMS": "4",
        "aar-MIN_NUM_FORMS": "0",
        "aar-MAX_NUM_FORMS": "20",
    }
    for i, year in enumerate([2016, 2017, 2018, 2019]):
        data[f"aar-{i}-aar"] = str(year)
        data[f"aar-{i}-udgifter_service"] = "650.000"
        data[f"aar-{i}-udgifter_overfoersel"] = "-1.020.000"
    data.update(overrides)
    return data


def test_secretary_creates_a_proposal_with_danish_amounts(client, runde, udvalg, sekretaer):
    login(client, sekretaer)
    data = _post_data(
        udvalg=str(udvalg.pk),
        **{
            "aar-1-udgifter_overfoersel": "-0,37 mio.",
            "aar-1-udgifter_service": "",
            "aar-2-udgifter_service": "650 t.kr.",
            "aar-2-udgifter_overfoersel": "",
            "aar-3-udgifter_service": "",
            "aar-3-udgifter_overfoersel": "",
            "aar-0-aarsvaerk": "1,35",
        },
    )
    response = client.post("/budget/2016-2019/forslag/nyt/", data)
    assert response.status_code == 302
    forslag = Besparelsesforslag.objects.get()
    assert response["Location"] == forslag.get_absolute_url()
    assert forslag.aendret_af == sekretaer
    rows = {
        a.aar: (a.udgifter_service, a.udgifter_overfoersel, a.netto) for a in forslag.aarstal.all()
    }
    assert rows == {
        2016: (650_000, -1_020_000, -370_000),
        2017: (None, -370_000, -370_000),
        2018: (650_000, None, 650_000),
    }
    assert str(forslag.aarstal.get(aar=2016).aarsvaerk) == "1.35"
    page = client.get(forslag.get_absolute_url()).content.decode()
    assert "-1.020.000" in page and "-370.000" in page and "1,35" in page


@pytest.mark.parametrize(
    ("cell", "value", "message"),
    [
        ("aar-1-udgifter_service", "mange penge", "er ikke et beløb"),
        ("aar-2-indtaegter", "1,5,3", "har to decimaltegn"),
        ("aar-0-engangs", "1,020", "kan læses på to måder"),
        ("aar-3-aar", "2021", "2021 ligger uden for"),
        ("aar-3-aar", "2016", "2016 står to gange"),
        ("aar-0-aarsvaerk", "1,3,5", "har to decimaltegn"),
    ],
)
def test_bad_input_in_the_year_table_is_refused_per_cell_and_nothing_is_saved(
    client, runde, udvalg, sekretaer, cell, value, message
):
    login(client, sekretaer)
    response = client.post(
        "/budget/2016-2019/forslag/nyt/", _post_data(udvalg=str(udvalg.pk), **{cell: value})
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Forslaget er ikke gemt" in page
    # The summary names the cell and links to it; the typed value is kept.
    row = cell.split("-")[1]
    year = {"0": "2016", "1": "2017", "2": "2018", "3": value}[row]
    assert f'href="#id_{cell}"' in page
    assert f"{year}, " in page
    assert f'value="{value}"' in page
    assert not Besparelsesforslag.objects.exists()
    assert not Aarstal.objects.exists()


def test_a_duplicate_proposal_number_is_refused_on_the_field(client, runde, udvalg, sekretaer):
    factories.make_forslag(runde, udvalg, afdeling_nr=434, forslag_nr=5)
    login(client, sekretaer)
    response = client.post("/budget/2016-2019/forslag/nyt/", _post_data(udvalg=str(udvalg.pk)))
    assert response.status_code == 200
    assert "Forslag 434/5 scenarie 1 findes allerede" in response.content.decode()
    assert Besparelsesforslag.objects.count() == 1


def test_computing_the_net_without_saving(client, runde, udvalg, sekretaer):
    login(client, sekretaer)
    data = _post_data(udvalg=str(udvalg.pk), beregn="1")
    page = client.post("/budget/2016-2019/forslag/nyt/", data).content.decode()
    assert "-370.000" in page and "ikke gemt endnu" in page
    assert not Besparelsesforslag.objects.exists()
    # The htmx preview answers with just the net cells, swapped by id.
    fragment = client.post(
        "/budget/2016-2019/forslag/nyt/", data, headers={"HX-Request": "true"}
    ).content.decode()
    assert fragment.count('hx-swap-oob="true"') == 4
    assert 'id="netto-0"' in fragment and "-370.000" in fragment
    assert "<form" not in fragment


def test_editing_keeps_history_and_drops_emptied_years(client, runde, udvalg, sekretaer):
    forslag = factories.make_forslag(runde, udvalg, forslag_nr=5, afdeling_nr=434)
    login(client, sekretaer)
    data = _post_data(
        udvalg=str(udvalg.pk),
        **{"aar-3-udgifter_service": "", "aar-3-udgifter_overfoersel": "", "status": "vedtaget"},
    )
    response = client.post(forslag.get_absolute_url() + "rediger/", data)
    assert response.status_code == 302
    forslag.refresh_from_db()
    assert forslag.status == Status.VEDTAGET
    assert sorted(forslag.aarstal.values_list("aar", flat=True)) == [2016, 2017, 2018]
    assert forslag.history.count() == 2


def test_members_read_but_never_edit_and_do_not_see_drafts(client, runde, udvalg, medlem):
    fremlagt = factories.make_forslag(runde, udvalg, titel="Fremlagt forslag", status="fremlagt")
    udkast = factories.make_forslag(runde, udvalg, titel="Et udkast", status="udkast")
    login(client, medlem)
    page = client.get("/budget/2016-2019/").content.decode()
    assert "Fremlagt forslag" in page and "Et udkast" not in page
    assert client.get(udkast.get_absolute_url()).status_code == 404
    assert client.get(fremlagt.get_absolute_url() + "rediger/").status_code == 403
    assert client.get("/budget/2016-2019/forslag/nyt/").status_code == 403


# --- lists and filters ----------------------------------------------------------------------------


def test_catalogue_totals_follow_the_filter(client, runde, udvalg, sekretaer):
    factories.make_forslag(
        runde, udvalg, udgiftstype="service", aar={2016: {"udgifter_service": -100_000}}
    )
    factories.make_forslag(
        runde, udvalg, udgiftstype="overfoersel", aar={2016: {"udgifter_overfoersel": -250_000}}
    )
    login(client, sekretaer)
    page = client.get("/budget/2016-2019/").content.decode()
    assert "-350.000" in page
    page = client.get("/budget/2016-2019/?udgiftstype=service").content.decode()
    assert "-350.000" not in page and "-100.000" in page and "-250.000" not in page
    page = client.get("/budget/2016-2019/?udgiftstype=overfoersel&status=udkast").content.decode()
    assert "-250.000" in page and "-100.000" not in page
    assert client.get("/budget/2016-2019/?afdeling=abc&status=x").status_code == 200


def test_other_committees_proposals_stay_hidden(client, runde, udvalg, anden):
    factories.make_forslag(runde, udvalg, titel="EBU-forslaget", status="fremlagt")
    login(client, anden)
    for url in ["/budget/2016-2019/", "/budget/2016-2019/oversigt/"]:
        assert "EBU-forslaget" not in client.get(url).content.decode()
    csv = client.get("/budget/2016-2019/katalog.csv").content.decode("utf-8-sig")
    assert "EBU-forslaget" not in csv


def test_people_without_a_committee_see_no_budget(client, runde, borger):
    login(client, borger)
    assert client.get("/budget/").status_code == 404
    assert client.get("/budget/2016-2019/").status_code == 404


# --- attached to an agenda item ---------------------------------------------------------------


def test_a_proposal_attached_to_an_item_is_listed_under_bilag(
    client, runde, udvalg, sekretaer, medlem
):
    forslag = factories.make_forslag(runde, udvalg, titel="Styrket jobformidling")
    moede = factories.make_moede(udvalg)
    punkt = factories.make_punkt(moede, titel="Budgetlægning 2016 - 2019")
    login(client, sekretaer)
    response = client.post(forslag.get_absolute_url() + "vedlaeg/", {"punkt": punkt.pk})
    assert response.status_code == 302
    forslag.refresh_from_db()
    assert forslag.status == Status.FREMLAGT  # a draft is presented once it is on an agenda
    udvalg_services.moede_release(moede=moede, user=sekretaer)
    login(client, medlem)
    page = client.get(moede.get_absolute_url()).content.decode()
    assert "Besparelsesforslag" in page and "Styrket jobformidling" in page
    detail = client.get(forslag.get_absolute_url()).content.decode()
    assert "punkt 1. Budgetlægning 2016 - 2019" in detail or "Budgetlægning 2016 - 2019" in detail


def test_attaching_needs_the_items_secretary_and_an_open_protocol(
    client, runde, udvalg, sekretaer, anden
):
    forslag = factories.make_forslag(runde, udvalg, status="fremlagt")
    punkt = factories.make_punkt(factories.make_moede(udvalg))
    login(client, anden)  # a secretary, but of another committee
    assert client.post(
        forslag.get_absolute_url() + "vedlaeg/", {"punkt": punkt.pk}
    ).status_code in (
        403,
        404,
    )
    assert not forslag.punkter.exists()
    moede = punkt.moede
    moede.status = "til_underskrift"  # out for signing: frozen, like a signed one
    moede.save(update_fields=["status"])
    with pytest.raises(ValidationError, match="underskrevet"):
        services.forslag_attach(forslag=forslag, punkt=punkt)
    assert not forslag.punkter.exists()
