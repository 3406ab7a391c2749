"""The meeting rule written as SQL (udvalg.models.moede_visible_q, MedlemPaaDato) agrees with
the same rule for one loaded meeting (udvalg.permissions.can_view_moede), for random
memberships, secretaries, meetings and dates around today: on meetings, through a join, and
negated."""

import datetime
import random

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from sager.models import Punkt
from tests import factories
from udvalg.models import Medlemskab, Moede, MoedeStatus, moede_visible_q
from udvalg.permissions import can_view_moede

pytestmark = pytest.mark.django_db

STATUSES = [MoedeStatus.KLADDE, MoedeStatus.FRIGIVET, MoedeStatus.AFHOLDT]


def _day(rng: random.Random, today: datetime.date) -> datetime.date:
    """Dates from a few weeks around today, so meetings fall on the first and last days of
    memberships and on today itself: the rule's edges."""
    return today + datetime.timedelta(days=rng.randint(-12, 12))


def test_the_rule_in_sql_agrees_with_the_rule_for_one_meeting():
    rng = random.Random(20261207)
    today = timezone.localdate()
    udvalg = [factories.make_udvalg() for _ in range(4)]
    meetings = []
    for i in range(90):
        moede = Moede.objects.create(
            udvalg=rng.choice(udvalg),
            dato=_day(rng, today),
            status=rng.choice(STATUSES),
            url_slug=f"m{i}",
        )
        Punkt.objects.create(moede=moede, nummer=1, titel=f"Punkt {i}")
        meetings.append(moede)
    all_ids = {m.pk for m in meetings}
    checked_visible = checked_hidden = 0
    for _ in range(30):
        person = factories.make_person(user=factories.make_user())
        for _ in range(rng.randint(0, 6)):
            fra = rng.choice([None, _day(rng, today)])
            til = rng.choice([None, max(fra or today, _day(rng, today))])
            Medlemskab.objects.create(
                udvalg=rng.choice(udvalg), person=person, gyldig_fra=fra, gyldig_til=til
            )
        if rng.random() < 0.2:
            rng.choice(udvalg).sekretaerer.add(person.user)
        user = get_user_model().objects.get(pk=person.user_id)  # roles loaded anew
        expected = {m.pk for m in meetings if can_view_moede(user, m)}
        assert set(Moede.objects.visible_to(user).values_list("pk", flat=True)) == expected
        hidden = Moede.objects.exclude(moede_visible_q(user)).values_list("pk", flat=True)
        assert set(hidden) == all_ids - expected
        items = Punkt.objects.filter(moede_visible_q(user, "moede__"))
        assert set(items.values_list("moede_id", flat=True)) == expected
        checked_visible += len(expected)
        checked_hidden += len(all_ids - expected)
    # The draw reaches both sides of the rule, so the comparison means something.
    assert checked_visible > 100 and checked_hidden > 100
