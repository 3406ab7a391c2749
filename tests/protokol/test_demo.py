import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from sager.models import Afstemning, Beslutning, Bilag, Punkt
from tests.conftest import login
from udvalg.models import Fremmoede, Medlemskab, Moede, MoedeStatus, Udvalg


def test_load_demo_refuses_to_create_users_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo")
    assert not get_user_model().objects.exists()


def test_load_demo_builds_the_seed_meetings_and_is_idempotent(demo, client):
    # `demo` is what `load_demo --force` built (once per test session, tests/demo.py).
    call_command("load_demo", "--force", verbosity=0)  # a second run adds nothing

    ebu = Udvalg.objects.get(slug="ebu-2014-2017")
    assert ebu.visningsnavn == "Erhvervs- og Beskæftigelsesudvalget 2014-2017"
    roles = dict(Medlemskab.objects.filter(udvalg=ebu).values_list("person__navn", "rolle"))
    assert roles == {
        "Nikolaj Bührmann": "formand",
        "Erling Petersen": "medlem",
        "Rasmus Keis Neerbek": "medlem",
        "Agnete Fog": "medlem",
        "Gurli Nielsen": "medlem",
    }
    moeder = list(Moede.objects.filter(udvalg=ebu).order_by("dato"))
    assert [m.url_slug for m in moeder] == ["2014-03-12", "2015-05-13"]
    # Both are signed by their participants (12-03-2014 without the absent Agnete Fog).
    assert all(m.status == MoedeStatus.UNDERSKREVET for m in moeder)
    names = [
        list(m.underskrifter.order_by("sortering").values_list("navn", flat=True)) for m in moeder
    ]
    assert names == [
        ["Nikolaj Bührmann", "Gurli Nielsen", "Erling Petersen", "Rasmus Keis Neerbek"],
        ["Nikolaj Bührmann", "Erling Petersen", "Rasmus Keis Neerbek", "Agnete Fog",
         "Gurli Nielsen"],
    ]  # fmt: skip
    assert all(m.versioner.count() == 1 for m in moeder)
    assert [m.punkter.count() for m in moeder] == [9, 6]

    nytte = Punkt.objects.get(moede=moeder[0], nummer=4)
    assert (nytte.titel, nytte.sag.sagsnr, nytte.get_punkttype_display()) == (
        "Nytteindsats",
        "14/1175",
        "Beslutning",
    )
    assert "genoptaget fra udvalgets møde den 5. februar 2014" in nytte.supplerende_sagsbeskrivelse
    assert (nytte.afledte_konsekvenser, nytte.oekonomi_og_finansiering) == ("-", "-")
    item6 = Punkt.objects.get(moede=moeder[0], nummer=6)
    assert list(item6.bilag.values_list("filnavn", flat=True)) == [
        "faktaark - anbefalinger pdf",
        "Reform af beskæftigelsesindsatsen - borgmesterbrev.pdf",
        "Bilag til KL's høringssvar til ekspertgruppens udredning af den aktive b....pdf",
        "KL's høringssvar til ekspertgruppens udredning af den aktive beskæftigel....pdf",
    ]
    assert Bilag.objects.filter(punkt__moede__udvalg=ebu).count() == 13
    first = Bilag.objects.get(punkt__moede=moeder[1], punkt__nummer=3, sekvens=1)
    assert (first.filnavn, first.bilagsnr) == (
        "Forslag til besparelser på ledighedsydelse.pdf",
        "33292/15",
    )
    assert first.sidetal >= 1 and first.indholdstype == "application/pdf"
    assert first.titel.split()[0] in first.tekst  # the generated PDF carries its title

    # Decisions: one per item of each meeting plus the earlier EBU decisions of 05-02-2014
    # (14/1175) and 03-12-2014 (14/11078); Agnete Fog absent on 12-03-2014 only.
    assert Beslutning.objects.filter(punkt__moede=moeder[0]).count() == 9
    assert Beslutning.objects.filter(punkt__moede=moeder[1]).count() == 6
    earlier = Beslutning.objects.filter(punkt__isnull=True).order_by("dato")
    assert [(b.sag.sagsnr, b.dato.isoformat()) for b in earlier] == [
        ("14/1175", "2014-02-05"),
        ("14/11078", "2014-12-03"),
    ]
    vote = Afstemning.objects.get()
    assert sorted(vote.stemmer.values_list("valg", flat=True)) == ["for", "for", "for", "imod"]
    assert vote.beslutning.mindretalsudtalelser.get().person.navn == "Rasmus Keis Neerbek"
    assert list(Fremmoede.objects.values_list("moede__dato", "person__navn", "status")) == [
        (moeder[0].dato, "Agnete Fog", "afbud")
    ]

    users = get_user_model().objects
    for username in ["sekretaer", "formand", "medlem", "erling", "rasmus", "agnete"]:
        assert users.get(username=username).check_password("demo"), username
    assert users.get(username="formand").person.navn == "Nikolaj Bührmann"
    assert ebu.sekretaerer.filter(username="sekretaer").exists()

    login(client, users.get(username="medlem"))
    html = client.get("/udvalg/ebu-2014-2017/moeder/2014-03-12/").content.decode()
    assert "onsdag den 12. marts 2014" in html
    assert "4. Nytteindsats" in html
    assert "Supplerende sagsbeskrivelse" in html
    assert "4.1." in html and "Supplerende notat om nytteindsats.pdf" in html
