"""The imported seeds, read back as ``--json``, against the tables of seeds/INVENTORY.md: item
titles, Sagsnr and Punkttype, every Administrationens forslag and every decision (committee,
date, text). The tables are read from the inventory itself, so a change there is checked here."""

import io
import json
import re

import pytest
from django.core.management import call_command

from tests.referatimport.seeds import SEEDS

INVENTORY = (SEEDS / "INVENTORY.md").read_text()
COMMITTEES = {"EBU": "Erhvervs- og Beskæftigelsesudvalget 2014-2017"}


def _section(prefix: str) -> str:
    """The inventory's part about one seed file."""
    start = INVENTORY.index(f"## File `{prefix}_")
    end = INVENTORY.find("\n## File ", start + 1)
    return INVENTORY[start : end if end > 0 else None]


def _table(text: str, header_start: str) -> list[list[str]]:
    """The rows of the first markdown table whose header begins with `header_start`."""
    lines = text[text.index(header_start) :].splitlines()
    rows = []
    for line in lines[2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def _exact(cell: str) -> str:
    """A cell's exact text: inventory notes in parentheses or after the text dropped."""
    no_period = "no final period" in cell
    cell = re.sub(r"\s*\((?:no final period|inferred)\)", "", cell)
    cell = re.sub(r"\s+The source has .*$", "", cell)
    if no_period:
        cell = cell.rstrip().removesuffix(".")
    cell = re.sub(r"\*\*", "", cell)
    return cell.replace(" ¶ ", "\n\n").strip()


def _ddmmyyyy(text: str) -> str:
    day, month, year = text.strip("*").split("-")
    return f"{year}-{month}-{day}"


@pytest.fixture
def imported(db):
    def run(prefix: str) -> dict:
        out = io.StringIO()
        path = next(SEEDS.glob(f"{prefix}_*.txt"))
        call_command("import_referat", str(path), "--json", stdout=out, stderr=io.StringIO())
        (meeting,) = json.loads(out.getvalue())
        return meeting

    return run


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_items_match_the_inventory(imported, prefix):
    meeting = imported(prefix)
    rows = _table(_section(prefix), "| # | Title (exact)")
    assert len(meeting["items"]) == len(rows)
    for item, row in zip(meeting["items"], rows, strict=True):
        number, title, sagsnr, punkttype = row[:4]
        assert item["number"] == int(number)
        assert title.startswith(item["title"]), (item["title"], title)  # notes may follow
        assert item["sagsnr"] == (None if sagsnr == "(empty)" else sagsnr)
        assert item["punkttype"] == punkttype


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_administrationens_forslag_match_the_inventory(imported, prefix):
    meeting = imported(prefix)
    rows = _table(_section(prefix), "| # | Administrationens forslag")
    expected = {int(n): _exact(text) for n, text in rows}
    got = {
        item["number"]: " ".join(item["sections"]["Administrationens forslag"].split())
        for item in meeting["items"]
    }
    # The inventory joins a list's entries into one line ("anbefaler; - at …, og - at …").
    assert {n: " ".join(t.split()) for n, t in got.items()} == {
        n: " ".join(t.split()) for n, t in expected.items()
    }


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_every_decision_matches_the_inventory(imported, prefix):
    meeting = imported(prefix)
    rows = _table(_section(prefix), "| Item | Committee in heading")
    expected = [
        (int(item), COMMITTEES[committee], _ddmmyyyy(date), _exact(text))
        for item, committee, date, text, _lines in rows
    ]
    got = [
        (item["number"], d["committee"], d["date"], d["text"])
        for item in meeting["items"]
        for d in item["decisions"]
    ]
    assert got == expected


def test_attachments_of_003_match_the_inventory(imported):
    meeting = imported("003")
    rows = _table(_section("003"), "| No. | File name | Cover block?")
    expected = [
        (re.sub(r"\s*\*\*\(inferred\)\*\*", "", number).rstrip("."), name, _bilagsnr(bilagsnr))
        for number, name, _cover, bilagsnr, *_rest in rows
    ]
    got = [
        (a["number"], a["filename"], a["bilagsnr"])
        for item in meeting["items"]
        for a in item["attachments"]
    ]
    assert got == expected


def test_attachments_of_001_match_the_inventory(imported):
    meeting = imported("001")
    rows = _table(_section("001"), "| Item | No. (inferred) | File name (Bilag field)")
    expected = [
        (f"{item}.{number.strip('.').split('.')[-1]}", name) for item, number, name, *_ in rows
    ]
    got = [(a["number"], a["filename"]) for i in meeting["items"] for a in i["attachments"]]
    assert got == expected
    assert all(a["bilagsnr"] is None for i in meeting["items"] for a in i["attachments"])


def _bilagsnr(cell: str) -> str | None:
    match = re.search(r"\d+/\d{2}", cell)
    return match.group(0) if match else None
