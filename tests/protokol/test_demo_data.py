"""The demo data transcribed from the seeds (protokol/demo_data.py) against the seeds'
inventory: items, attachments and decisions per meeting, and none of the extraction artefacts
of DOMAIN §7 (page-break spaces, footers, broken quotes)."""

import re
from datetime import date

from protokol.demo_data import ANDRE_UDVALG, MEDLEMMER, MOEDER, UDVALG


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_demo_data_matches_the_seed_inventory_and_is_clean():
    expected = {
        date(2014, 3, 12): {
            "bilag": [0, 0, 0, 1, 0, 4, 1, 1, 0],
            "beslutninger": [1, 1, 1, 2, 1, 1, 1, 1, 1],
        },
        date(2015, 5, 13): {
            "bilag": [0, 0, 4, 0, 1, 1],
            "beslutninger": [1, 1, 1, 2, 1, 1],
        },
    }
    punkt_keys = {
        "nummer",
        "titel",
        "sagsnr",
        "sag_titel",
        "punkttype",
        "adgang",
        "tema",
        "sagsbeskrivelse",
        "supplerende_sagsbeskrivelse",
        "administrationens_forslag",
        "afledte_konsekvenser",
        "oekonomi_og_finansiering",
        "dialog_hoering",
        "bilag",
        "beslutninger",
        "afstemning",
    }
    medlemmer = {m["navn"] for m in MEDLEMMER}
    assert [m["dato"] for m in MOEDER] == list(expected)
    for moede in MOEDER:
        exp = expected[moede["dato"]]
        punkter = moede["punkter"]
        assert len(punkter) == len(exp["bilag"]), (moede["dato"], len(punkter))
        assert [p["nummer"] for p in punkter] == list(range(1, len(punkter) + 1))
        assert [len(p["bilag"]) for p in punkter] == exp["bilag"], moede["dato"]
        assert [len(p["beslutninger"]) for p in punkter] == exp["beslutninger"], moede["dato"]
        assert set(moede["fravaerende"]) | set(moede["underskrivere"]) == medlemmer
        assert not set(moede["fravaerende"]) & set(moede["underskrivere"])
        for p in punkter:
            assert set(p) == punkt_keys, p["nummer"]
            assert p["punkttype"] in {"Beslutning", "Orientering", "-"}
            assert (p["sagsnr"] is None) == (p["punkttype"] == "-")
            assert p["sagsnr"] is None or re.fullmatch(r"\d{2}/\d{1,5}", p["sagsnr"])
            assert p["sag_titel"] == (p["titel"] if p["sagsnr"] else None)
            datoer = [b["dato"] for b in p["beslutninger"]]
            assert datoer == sorted(datoer) and datoer[-1] == moede["dato"], p["nummer"]
            for bilag in p["bilag"]:
                assert bilag["bilagsnr"] is None or re.fullmatch(r"\d{5}/\d{2}", bilag["bilagsnr"])
                assert 0 < len(bilag["tekst"]) <= 1500, bilag["filnavn"]
            if p["afstemning"]:
                vote = p["afstemning"]
                protokol = p["beslutninger"][-1]["protokoltekst"]
                assert set(vote["for"]) | set(vote["imod"]) <= medlemmer - set(moede["fravaerende"])
                assert f"”{vote['forslag']}”" in protokol
                for udtalelse in vote["mindretalsudtalelser"]:
                    assert f"”{udtalelse['tekst']}”" in protokol
    footer = "Erhvervs- og Beskæftigelsesudvalget 2014-2017 onsdag den"
    for text in strings([UDVALG, MEDLEMMER, ANDRE_UDVALG, MOEDER]):
        assert "\ufffd" not in text, text[:60]
        assert footer not in text, text[:60]
        assert "   " not in text, text[:60]
        assert text == text.strip(), repr(text[:60])
        if text.startswith("<"):
            assert text.count("<p>") == text.count("</p>"), text[:60]
            assert text.count("<li>") == text.count("</li>"), text[:60]
