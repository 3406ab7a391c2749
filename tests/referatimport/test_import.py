"""``import_referat``: seeds into an empty database, read back as JSON from the database."""

import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from budget.models import Besparelsesforslag
from protokol import pdf
from protokol.services import optagelse
from referatimport.models import Referatimport
from sager import services as sager_services
from sager.models import Beslutning, Bilag, Punkt, Punkttype, Sag
from tests.factories import pdf_bytes
from tests.referatimport.seeds import seed_path as seed
from udvalg.models import Medlemskab, Moede, Person, Udvalg


def run(*args) -> tuple[int, list, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("import_referat", *[str(a) for a in args], stdout=out, stderr=err)
    except SystemExit as exc:
        code = exc.code
    text = out.getvalue()
    return code, (json.loads(text) if "--json" in args and text.strip() else []), err.getvalue()


def counts() -> dict:
    models = [Udvalg, Person, Medlemskab, Moede, Punkt, Sag, Bilag, Beslutning]
    return {m.__name__: m.objects.count() for m in models + [Besparelsesforslag]}


def test_seed_001_reads_back_as_in_the_inventory(db):
    code, data, err = run(seed("001"), "--json")
    assert code == 0, err
    (m,) = data
    assert m["committee"] == "Erhvervs- og Beskæftigelsesudvalget 2014-2017"
    assert m["date"] == "2014-03-12" and m["start_time"] is None
    assert [i["number"] for i in m["items"]] == list(range(1, 10))
    assert m["items"][3]["title"] == "Nytteindsats" and m["items"][3]["sagsnr"] == "14/1175"
    assert all(i["absent"] == ["Agnete Fog"] for i in m["items"])
    assert sum(len(i["decisions"]) for i in m["items"]) == 10
    item4 = m["items"][3]
    assert [d["date"] for d in item4["decisions"]] == ["2014-02-05", "2014-03-12"]
    (vote,) = item4["votes"]
    assert vote["result"] == "godkendt"
    assert vote["for"] == ["Nikolaj Bührmann", "Erling Petersen", "Gurli Nielsen"]
    assert vote["against"] == ["Rasmus Keis Neerbek"] and vote["abstain"] == []
    assert vote["motion"].startswith("Forvaltningens forslag godkendes, idet der foretages")
    (statement,) = item4["minority_statements"]
    assert statement["member"] == "Rasmus Keis Neerbek"
    assert statement["text"].startswith("Enhedslisten kan ikke støtte forvaltningens forslag")
    text = item4["decisions"][1]["text"]
    assert text.startswith("Følgende forslag blev sat til afstemning: ”Forvaltningens")
    assert "Imod stemte 1 medlem (Rasmus Keis Neerbek)." in text
    assert item4["attachments"] == [
        {"number": "4.1", "filename": "Supplerende notat om nytteindsats.pdf", "bilagsnr": None}
    ]
    assert m["signatures"] == [
        "Nikolaj Bührmann",
        "Gurli Nielsen",
        "Erling Petersen",
        "Rasmus Keis Neerbek",
    ]
    assert "unplaced" not in err and "alle linjer placeret" in err


def test_seed_003_and_its_savings_proposals(db):
    code, data, err = run(seed("003"), "--json")
    assert code == 0, err
    (m,) = data
    assert m["date"] == "2015-05-13" and m["start_time"] == "07:30"
    assert [(i["number"], i["sagsnr"], i["punkttype"]) for i in m["items"]][2:] == [
        (3, "15/839", "Beslutning"),
        (4, "14/11078", "Beslutning"),
        (5, "12/10411", "Beslutning"),
        (6, "15/6585", "Orientering"),
    ]
    assert all(i["absent"] == [] for i in m["items"])
    item3 = m["items"][2]
    assert [a["bilagsnr"] for a in item3["attachments"]] == ["33292/15", "33291/15", None, None]
    assert item3["decisions"][-1]["text"] == "Indstilling godkendt."
    nets = {p["forslag"]: {y["netto"] for y in p["years"].values()} for p in m["budget_proposals"]}
    assert nets == {1: {-370_000}, 2: {-625_000}, 3: {-232_000}, 4: {-100_000}}
    first = m["budget_proposals"][0]["years"]["2016"]
    assert (first["udgifter_service"], first["udgifter_overfoersel"]) == (650_000, -1_020_000)
    assert Besparelsesforslag.objects.get(forslag_nr=1).punkter.get().nummer == 3


def test_one_committee_and_one_set_of_people_and_reimport_changes_nothing(db):
    assert run(seed("001"))[0] == 0
    assert run(seed("003"))[0] == 0
    assert Udvalg.objects.count() == 1
    assert Person.objects.filter(navn="Agnete Fog").count() == 1
    before = counts()
    code, _, err = run(seed("001"))
    assert code == 0 and "uændret" in err
    assert counts() == before
    assert Referatimport.objects.count() == 2


def test_files_that_are_not_protocols_are_refused_and_change_nothing(db, tmp_path):
    empty = tmp_path / "tom.txt"
    empty.write_text("")
    junk = tmp_path / "stoej.bin"
    junk.write_bytes(bytes(range(256)) * 40)
    truncated = tmp_path / "afkortet.pdf"

    truncated.write_bytes(pdf_bytes(3)[:300])
    code, _, err = run(seed("002"), seed("004"), empty, junk, truncated)
    assert code == 1
    assert err.count("afvist") == 5
    assert counts() == dict.fromkeys(counts(), 0)  # nothing written for refused files
    code, _, err = run(seed("002"), seed("004"), empty, junk, truncated, seed("001"))
    assert code == 1  # some files failed, the protocol still imported
    lines = [line for line in err.splitlines() if "afvist" in line]
    assert len(lines) == 5
    assert "tom" in err and "afkortet" in err and "ligner et bilag" in err
    assert Moede.objects.count() == 1


def test_dry_run_writes_nothing(db):
    code, data, err = run(seed("001"), "--dry-run", "--json")
    assert code == 0 and data == []
    assert "ville oprette" in err and "9 punkter" in err
    assert counts() == dict.fromkeys(counts(), 0)


def test_a_case_treated_again_adds_to_its_history(db, tmp_path):
    run(seed("001"))
    # The same old system at a later meeting treats case 14/1175 again.
    later = seed("003").read_text().replace("Sagsnr.: 14/11078", "Sagsnr.: 14/1175")
    path = tmp_path / "senere.txt"
    path.write_text(later)
    code, _, err = run(path)
    assert code == 0, err
    sag = Sag.objects.get(sagsnr="14/1175")
    assert Sag.objects.filter(sagsnr="14/1175").count() == 1
    assert sorted(p.moede.dato.isoformat() for p in sag.punkter.all()) == [
        "2014-03-12",
        "2015-05-13",
    ]
    dates = sorted(b.dato.isoformat() for b in Beslutning.objects.filter(sag=sag))
    assert dates.count("2014-03-12") == 1 and "2015-05-13" in dates
    assert "1 sager" in err.split("genbrugt:")[1]


def test_a_missing_path_is_a_clear_error(db):

    with pytest.raises(CommandError, match="findes ikke"):
        call_command("import_referat", "/nowhere/x.txt")


def test_committee_option_names_the_committee(db):
    code, data, err = run(seed("003"), "--committee", "Økonomiudvalget 2014-2017", "--json")
    assert code == 0, err
    assert data[0]["committee"] == "Økonomiudvalget 2014-2017"
    assert Udvalg.objects.get().navn == "Økonomiudvalget"  # its decisions are this meeting's
    own = data[0]["items"][2]["decisions"][-1]
    assert (own["committee"], own["date"]) == ("Økonomiudvalget 2014-2017", "2015-05-13")


def test_an_exported_demo_meeting_that_treats_a_case_again_adds_to_its_history(demo, tmp_path):
    """A later meeting of the demo treats Nytteindsats (14/1175) again; exported as this app's
    protocol PDF and imported, it joins the case's history instead of making a second case."""
    sag = Sag.objects.get(sagsnr="14/1175")
    ebu = Udvalg.objects.get(slug="ebu-2014-2017")
    moede = sager_services.moede_create(
        udvalg=ebu, dato=datetime.date(2015, 6, 10), starttid=datetime.time(7, 30)
    )
    punkt = sager_services.punkt_create(
        moede=moede,
        titel="Nytteindsats – evaluering",
        sag=sag,
        punkttype=Punkttype.BESLUTNING,
        tema="<p>Evalueringen efter et år foreligger.</p>",
    )
    optagelse.beslutning_save(punkt=punkt, tekst="<p>Evalueringen taget til efterretning.</p>")
    user = get_user_model().objects.get(username="sekretaer")
    path = tmp_path / "2015-06-10.pdf"
    path.write_bytes(pdf.render_moede_pdf(moede, user=user))
    Beslutning.objects.filter(punkt__moede=moede).delete()
    Punkt.objects.filter(moede=moede).delete()
    moede.delete()
    cases = Sag.objects.count()

    code, data, err = run(path, "--json")
    assert code == 0, err
    assert Sag.objects.count() == cases
    dates = sorted(p.moede.dato.isoformat() for p in sag.punkter.all())
    assert dates == ["2014-03-12", "2015-06-10"]
    item = next(i for i in data[0]["items"] if i["sagsnr"] == "14/1175")
    assert [d["date"] for d in item["decisions"]] == ["2014-02-05", "2014-03-12", "2015-06-10"]
    assert item["decisions"][-1]["text"] == "Evalueringen taget til efterretning."
