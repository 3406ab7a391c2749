"""Round trip (issue "Legacy importer", acceptance): the demo meetings exported by this app as
protocol PDFs with attachments, extracted by pdftotext and parsed, give back the meetings.

The parser's result is compared field by field with `moede_json` of the demo database (the
importer's ``--json`` schema). Where the extraction loses information the comparison says so
explicitly (see `comparable` and the decision test), so a gap stays visible instead of being
hidden by a looser assertion.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from sager.legacy.kilde import pdf_tekst
from sager.legacy.parse import parse_protocol
from sager.legacy.readback import moede_json
from sager.legacy.text import normalise_ws
from sager.pdf import render_moede_pdf
from udvalg.models import Moede


def comparable(text: str) -> str:
    """Text without its layout. pdftotext drops the blank line between paragraphs inside a
    table cell, so paragraph breaks are only partly recoverable (text.ends_paragraph); it
    also removes a hyphen that ends a line ("koch-" / "udvalget" -> "kochudvalget"), and a
    line wrapped after "/" gets a space. Quotes: the JSON holds motions and statements
    without the ”…” the protocol prints."""
    return normalise_ws(text).replace("”", "").replace("-", "").replace("/ ", "/")


@pytest.fixture
def demo(db):
    call_command("load_demo", "--force", verbosity=0)


def export(date: str):
    moede = Moede.objects.get(dato=date)
    user = moede.udvalg.sekretaerer.first() or get_user_model().objects.get(is_superuser=True)
    return moede_json(moede), parse_protocol(
        pdf_tekst(render_moede_pdf(moede, user=user, med_bilag=True))
    )


def check_meeting_and_items(want, got):
    assert got.committee_name == want["committee"]
    assert got.date == datetime.date.fromisoformat(want["date"])
    assert (got.start_time.strftime("%H:%M") if got.start_time else None) == want["start_time"]
    assert [(i.number, i.title, i.sagsnr, i.punkttype, i.access, i.absent) for i in got.items] == [
        (i["number"], i["title"], i["sagsnr"], i["punkttype"], i["access"], i["absent"])
        for i in want["items"]
    ]


def check_sections_with_their_text(want, got):
    for item, expected in zip(got.items, want["items"], strict=True):
        assert list(item.sections) == list(expected["sections"]), item.number
        for label, text in expected["sections"].items():
            assert comparable(item.sections[label]) == comparable(text), (item.number, label)


def check_attachments_with_bilagsnr(want, got):
    for item, expected in zip(got.items, want["items"], strict=True):
        assert [
            {"number": a.number, "filename": a.filename, "bilagsnr": a.bilagsnr}
            for a in item.attachments
        ] == expected["attachments"], item.number


def check_decisions_votes_and_minority_statements(want, got):
    for item, expected in zip(got.items, want["items"], strict=True):
        assert [(d.committee, d.date.isoformat()) for d in item.decisions] == [
            (d["committee"], d["date"]) for d in expected["decisions"]
        ], item.number
        # pdftotext prints a decision's later paragraphs after the "Fraværende" row when the
        # cell's paragraphs form separate text blocks; the parser reports those lines as
        # unplaced. What it does read is the start of the text, and nothing is lost.
        missing = ""
        for decision, text in zip(item.decisions, expected["decisions"], strict=True):
            assert comparable(text["text"]).startswith(comparable(decision.text)), item.number
            missing += comparable(text["text"])[len(comparable(decision.text)) :]
        end = next((i.line_no for i in got.items if i.number == item.number + 1), None)
        unplaced = [
            u.text
            for u in got.unplaced
            if item.line_no <= u.line_no and (end is None or u.line_no < end)
        ]
        assert comparable(missing) == comparable(" ".join(unplaced)), item.number
        assert [
            {
                "motion": comparable(v.motion),
                "result": v.result,
                "for": v.for_,
                "against": v.against,
                "abstain": v.abstain,
            }
            for v in item.votes
        ] == [{**v, "motion": comparable(v["motion"])} for v in expected["votes"]], item.number
        assert [(s.member, comparable(s.text)) for s in item.minority_statements] == [
            (s["member"], comparable(s["text"])) for s in expected["minority_statements"]
        ], item.number


def check_the_vote_with_its_minority_statement(got):
    (vote,) = [v for item in got.items for v in item.votes]
    assert vote.result == "godkendt"
    assert vote.for_ == ["Nikolaj Bührmann", "Erling Petersen", "Gurli Nielsen"]
    assert vote.against == ["Rasmus Keis Neerbek"]
    (statement,) = [s for item in got.items for s in item.minority_statements]
    assert statement.member == "Rasmus Keis Neerbek"
    assert statement.text.startswith("”Enhedslisten kan ikke støtte")


def check_signatures(want, got):
    # The PDF prints the participants in the meeting's order, not the stored signature order
    # (see the report), so only the names are compared.
    assert sorted(got.signatures) == sorted(want["signatures"])


def check_savings_proposals_with_year_tables(want, got):
    assert [
        {
            "afdeling": p.afdeling,
            "forslag": p.forslag,
            "scenarie": p.scenarie,
            "title": p.title,
            "years": {
                str(year): {
                    "engangs": row.engangs,
                    "udgifter_service": row.udgifter_service,
                    "udgifter_overfoersel": row.udgifter_overfoersel,
                    "indtaegter": row.indtaegter,
                    "netto": row.netto,
                }
                for year, row in sorted(p.years.items())
            },
        }
        for p in got.budget_proposals
    ] == want["budget_proposals"]
    assert all(not p.problems for p in got.budget_proposals)
    assert [p.years[2016].netto for p in got.budget_proposals] == [
        -370000,
        -625000,
        -232000,
        -100000,
    ]


def check_front_page_and_covers_are_placed(got):
    texts = {u.text for u in got.unplaced}
    assert not any("...." in text or text.startswith(("Bilag", "Signeret")) for text in texts)


# One test per meeting: building the demo and rendering its PDF is the slow part.


def test_demo_meeting_2014_03_12_parses_back_with_its_vote(demo):
    want, got = export("2014-03-12")
    check_meeting_and_items(want, got)
    check_sections_with_their_text(want, got)
    check_attachments_with_bilagsnr(want, got)
    check_decisions_votes_and_minority_statements(want, got)
    check_the_vote_with_its_minority_statement(got)
    check_signatures(want, got)
    check_front_page_and_covers_are_placed(got)
    assert got.budget_proposals == [] == want["budget_proposals"]


def test_demo_meeting_2015_05_13_parses_back_with_its_savings_proposals(demo):
    want, got = export("2015-05-13")
    check_meeting_and_items(want, got)
    check_sections_with_their_text(want, got)
    check_attachments_with_bilagsnr(want, got)
    check_decisions_votes_and_minority_statements(want, got)
    check_signatures(want, got)
    check_front_page_and_covers_are_placed(got)
    check_savings_proposals_with_year_tables(want, got)
