"""The generated protocol text and the rules behind it (KSL §§13-15)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from protokol import deltagelse, selectors
from protokol.services import optagelse
from sager.models import Beslutning, Fravaersaarsag, Valg
from tests import factories
from udvalg.models import FremmoedeStatus, Medlemskab, Rolle

A, B, C, D, E = "Nikolaj Bührmann", "Erling Petersen", "Gurli Nielsen", "Rasmus Keis Neerbek", "X"


def test_the_seed_vote_reads_exactly_as_in_the_protocol():
    assert deltagelse.vote_sentence([A, B, C], [D], []) == (
        "Forslaget godkendt med 3 stemmer for (Nikolaj Bührmann, Erling Petersen og "
        "Gurli Nielsen). Imod stemte 1 medlem (Rasmus Keis Neerbek)."
    )


@pytest.mark.parametrize(
    ("for_", "imod", "undlod", "expected"),
    [
        # for: 0 / 1 / many
        ([], [A], [], "Forslaget forkastet uden stemmer for. Imod stemte 1 medlem (A)."),
        ([A], [], [], "Forslaget godkendt med 1 stemme for (A). Ingen stemte imod."),
        ([A, B, C], [], [], "Forslaget godkendt med 3 stemmer for (A, B og C). Ingen stemte imod."),
        # against: 0 / 1 / many
        ([A, B], [C], [], "Forslaget godkendt med 2 stemmer for (A og B). "
                          "Imod stemte 1 medlem (C)."),
        ([A], [B, C], [], "Forslaget forkastet med 1 stemme for (A). "
                          "Imod stemte 2 medlemmer (B og C)."),
        # abstain: 0 / 1 / many
        ([A, B], [C], [D], "Forslaget godkendt med 2 stemmer for (A og B). "
                           "Imod stemte 1 medlem (C). Undlod at stemme: 1 medlem (D)."),
        ([A], [], [B, C, D], "Forslaget godkendt med 1 stemme for (A). Ingen stemte imod. "
                             "Undlod at stemme: 3 medlemmer (B, C og D)."),
        # a tie rejects
        ([A, B], [C, D], [], "Forslaget forkastet med 2 stemmer for (A og B). "
                             "Imod stemte 2 medlemmer (C og D)."),
    ],
)  # fmt: skip
def test_vote_sentence_table(for_, imod, undlod, expected):
    names = {A: "A", B: "B", C: "C", D: "D"}
    assert (
        deltagelse.vote_sentence(
            [names[n] for n in for_], [names[n] for n in imod], [names[n] for n in undlod]
        )
        == expected
    )


@pytest.mark.parametrize(
    ("person", "stemmer", "allowed"),
    [
        (4, {1: "for", 2: "for", 3: "for", 4: "imod"}, True),  # against an approved motion
        (1, {1: "for", 2: "for", 3: "for", 4: "imod"}, False),  # voted with the majority
        (3, {1: "for", 2: "for", 3: "undlod"}, True),  # abstained
        (9, {1: "for", 2: "imod"}, False),  # did not take part in the vote
        (1, {1: "for", 2: "imod"}, True),  # tie: the motion fell, "for" is the minority
        (2, {1: "for", 2: "imod"}, False),  # tie: "imod" prevailed
    ],
)
def test_ksl_13_stk_2_who_may_enter_a_minority_statement(person, stemmer, allowed):
    assert deltagelse.may_enter_minority_statement(person, stemmer) is allowed


# --- with the database ------------------------------------------------------------------------


@pytest.fixture
def ebu(udvalg):
    personer = {}
    for sortering, (navn, rolle) in enumerate(
        [(A, Rolle.MEDLEM), (B, Rolle.MEDLEM), (D, Rolle.MEDLEM), ("Agnete Fog", Rolle.MEDLEM),
         (C, Rolle.MEDLEM)], start=1
    ):  # fmt: skip
        m = factories.make_medlem(udvalg, navn=navn, rolle=rolle)
        m.sortering = sortering
        if navn == A:
            m.rolle = Rolle.FORMAND
        m.save()
        personer[navn] = m.person
    return personer


@pytest.fixture
def meeting(udvalg, ebu):
    moede = factories.make_moede(udvalg, dato=datetime.date(2014, 3, 12))
    punkt = factories.make_punkt(moede, titel="Nytteindsats", sag=factories.make_sag("14/1175"))
    return moede, punkt


def paa_punktet(punkt):
    moede = selectors.moede_deltagelse(punkt.moede)
    return deltagelse.punkt_deltagelse(moede, list(punkt.fravaer.all()))


def test_everyone_is_present_by_default_chair_first(meeting, ebu):
    _, punkt = meeting
    d = paa_punktet(punkt)
    assert [x.navn for x in d.deltagere] == [A, B, D, "Agnete Fog", C]
    assert d.fravaerende_tekst == "Ingen"


def test_afbud_and_fravaerende_row(meeting, ebu):
    moede, punkt = meeting
    optagelse.fremmoede_set(moede=moede, person=ebu["Agnete Fog"], status=FremmoedeStatus.AFBUD)
    assert paa_punktet(punkt).fravaerende_tekst == "Agnete Fog"
    optagelse.fremmoede_set(moede=moede, person=ebu[B], status=FremmoedeStatus.SYGDOM)
    assert paa_punktet(punkt).fravaerende_tekst == "Erling Petersen og Agnete Fog"


def test_inhabil_member_is_absent_from_the_item_and_cannot_vote(meeting, ebu):
    moede, punkt = meeting
    optagelse.punktfravaer_set(
        punkt=punkt, person=ebu[D], type=Fravaersaarsag.INHABIL, note="Bestyrelsesmedlem"
    )
    d = paa_punktet(punkt)
    assert D not in [x.navn for x in d.deltagere]
    assert d.fravaerende_tekst == "Rasmus Keis Neerbek"
    assert d.inhabile == [(D, "Bestyrelsesmedlem")]
    assert deltagelse.inhabil_sentence(D) == (
        "Rasmus Keis Neerbek deltog ikke i behandlingen af punktet på grund af inhabilitet."
    )
    beslutning = optagelse.beslutning_save(punkt=punkt, tekst="")
    with pytest.raises(ValidationError, match="deltager i behandlingen"):
        optagelse.afstemning_register(
            beslutning=beslutning, forslag="Forslag", stemmer={ebu[D].pk: Valg.IMOD}
        )
    # Another item of the same meeting is not affected.
    other = factories.make_punkt(moede)
    assert paa_punktet(other).fravaerende_tekst == "Ingen"


def test_a_substitute_votes_in_the_members_place(meeting, ebu, udvalg):
    moede, punkt = meeting
    vikar = factories.make_person("Vibeke Vikar")
    optagelse.fremmoede_set(
        moede=moede, person=vikar, status=FremmoedeStatus.TIL_STEDE, stedfortraeder_for=ebu[B]
    )
    d = paa_punktet(punkt)
    assert [x.navn for x in d.deltagere] == [A, "Vibeke Vikar", D, "Agnete Fog", C]
    assert d.fravaerende_tekst == "Erling Petersen"
    beslutning = optagelse.beslutning_save(punkt=punkt, tekst="")
    optagelse.afstemning_register(
        beslutning=beslutning,
        forslag="Forvaltningens forslag godkendes.",
        stemmer={ebu[A].pk: "for", vikar.pk: "for", ebu[D].pk: "imod"},
    )
    with pytest.raises(ValidationError):
        optagelse.afstemning_register(
            beslutning=beslutning, forslag="Igen", stemmer={ebu[B].pk: "for"}
        )


def test_minority_statement_rule_is_enforced_by_the_service(meeting, ebu):
    _, punkt = meeting
    beslutning = optagelse.beslutning_save(punkt=punkt, tekst="")
    optagelse.afstemning_register(
        beslutning=beslutning,
        forslag="Forvaltningens forslag godkendes.",
        stemmer={ebu[A].pk: "for", ebu[B].pk: "for", ebu[C].pk: "for", ebu[D].pk: "imod"},
    )
    optagelse.mindretalsudtalelse_add(beslutning=beslutning, person=ebu[D], tekst="Vi kan ikke.")
    with pytest.raises(ValidationError, match="§ 13, stk. 2"):
        optagelse.mindretalsudtalelse_add(beslutning=beslutning, person=ebu[A], tekst="Også mig.")
    with pytest.raises(ValidationError, match="§ 13, stk. 2"):
        optagelse.mindretalsudtalelse_add(
            beslutning=beslutning, person=ebu["Agnete Fog"], tekst="Jeg stemte ikke."
        )
    assert beslutning.mindretalsudtalelser.count() == 1


def test_protocol_text_of_the_seed_vote(meeting, ebu):
    moede, punkt = meeting
    optagelse.fremmoede_set(moede=moede, person=ebu["Agnete Fog"], status=FremmoedeStatus.AFBUD)
    beslutning = optagelse.beslutning_save(punkt=punkt, tekst="")
    optagelse.afstemning_register(
        beslutning=beslutning,
        forslag="Forvaltningens forslag godkendes, idet der foretages en evaluering efter 1 år "
        "med fokus på effekt, timetal, placering mv.",
        stemmer={ebu[D].pk: "imod", ebu[C].pk: "for", ebu[A].pk: "for", ebu[B].pk: "for"},
    )
    optagelse.mindretalsudtalelse_add(beslutning=beslutning, person=ebu[D], tekst="Enhedslisten …")
    moede_d = selectors.moede_deltagelse(moede)
    (pp,) = selectors.attach_protocol(moede, [punkt], moede_d, synlige=Beslutning.objects.all())
    assert pp.beslutninger[-1].afstemning_tekst.afsnit == [
        "Følgende forslag blev sat til afstemning:\n”Forvaltningens forslag godkendes, idet der "
        "foretages en evaluering efter 1 år med fokus på effekt, timetal, placering mv.”",
        "Forslaget godkendt med 3 stemmer for (Nikolaj Bührmann, Erling Petersen og Gurli "
        "Nielsen). Imod stemte 1 medlem (Rasmus Keis Neerbek).",
        "Rasmus Keis Neerbek har ønsket følgende mindretalsudtalelse ført til protokol:",
        "”Enhedslisten …”",
    ]
    assert pp.deltagelse.fravaerende_tekst == "Agnete Fog"


def test_earlier_decisions_come_first_and_later_ones_are_not_shown(meeting, udvalg):
    moede, punkt = meeting
    oeu = factories.make_udvalg(navn="Økonomiudvalget", forkortelse="ØU")
    optagelse.beslutning_add_earlier(
        sag=punkt.sag, udvalg=udvalg, dato=datetime.date(2014, 2, 5), tekst="Sagen genoptages."
    )
    optagelse.beslutning_add_earlier(
        sag=punkt.sag, udvalg=oeu, dato=datetime.date(2014, 2, 18), tekst="Oversendt."
    )
    optagelse.beslutning_add_earlier(
        sag=punkt.sag, udvalg=oeu, dato=datetime.date(2014, 6, 1), tekst="Senere."
    )
    optagelse.beslutning_save(punkt=punkt, tekst="Indstilling godkendt.")
    (pp,) = selectors.attach_protocol(
        moede, [punkt], selectors.moede_deltagelse(moede), synlige=Beslutning.objects.all()
    )
    assert [(b.dato.isoformat(), b.tekst) for b in pp.beslutninger] == [
        ("2014-02-05", "Sagen genoptages."),
        ("2014-02-18", "Oversendt."),
        ("2014-03-12", "Indstilling godkendt."),
    ]


def test_a_past_member_is_not_a_participant(meeting, ebu, udvalg):
    moede, punkt = meeting
    Medlemskab.objects.filter(person=ebu[C]).update(gyldig_til=datetime.date(2014, 1, 31))
    assert C not in [x.navn for x in paa_punktet(punkt).deltagere]
