"""manage.py generate_data: the same data for the same seed, a consistent database at any size
(on SQLite and PostgreSQL), the benchmark's meetings, and pages that open on it."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.db.models import Count
from django.utils import timezone

from kerne.bulk import Skriver
from protokol.generator import PASSWORD, Generator, plan_for
from protokol.services import laasning
from sager.models import Adgang, Afstemning, Beslutning, Bilag, Punkt, Sag, Stemme
from udvalg.models import Medlemskab, Moede, MoedeStatus, ProtokolVersion, Udvalg

TODAY = datetime.date(2026, 12, 5)
NOW = timezone.make_aware(datetime.datetime(2026, 12, 5, 12))


class Optager(Skriver):
    """A writer that keeps the rows instead of writing them."""

    def __init__(self):
        super().__init__(NOW)
        self.rows = []

    def new_id(self, model):
        self.next_ids.setdefault(model, 1)
        pk = self.next_ids[model]
        self.next_ids[model] += 1
        return pk

    def _write(self, model, rows):
        self.rows.extend((model._meta.db_table, tuple(map(str, row))) for row in rows)


def rows_of(seed: int, items: int = 400) -> list:
    writer = Optager()
    generator = Generator(items=items, seed=seed, today=TODAY, now=NOW, writer=writer)
    generator.pdfs = [("bilag/generator/x.pdf", 1000, 1, "Notat")]
    generator.generate()
    return writer.rows


def test_the_same_seed_gives_the_same_rows_and_another_seed_others(db):
    first = rows_of(7)
    assert first == rows_of(7)
    assert first != rows_of(8)
    tables = {table for table, _ in first}
    assert {"sager_punkt", "sager_beslutning", "sager_stemme", "budget_besparelsesforslag"} <= (
        tables
    )


def test_the_plan_grows_terms_then_committees():
    small, medium, large = plan_for(1_000), plan_for(100_000), plan_for(1_000_000)
    assert (small.terms, small.committees) == (1, 2)
    assert medium.terms > 1 and medium.committees >= 13
    assert large.terms == 15
    for plan in (small, medium, large):
        # About 20 items a meeting, at most 11 meetings a year per committee.
        assert 18 <= plan.items / plan.meetings <= 20
        assert plan.meetings_per_committee <= 44


@pytest.fixture
def generated(db, settings):
    out = io.StringIO()
    call_command("generate_data", items=600, seed=3, signed=1, today=TODAY, stdout=out)
    return out.getvalue()


def test_generate_data_fills_a_consistent_database(generated):
    assert "600 punkter" in generated
    assert Punkt.objects.count() == 600
    held = Moede.objects.filter(status__in=[MoedeStatus.AFHOLDT, MoedeStatus.UNDERSKREVET])
    assert held.exists()
    assert Moede.objects.filter(status=MoedeStatus.KLADDE).exists()
    # Every item of a held meeting has its decision; no item of a future one has.
    assert not Punkt.objects.filter(moede__in=held, beslutning__isnull=True).exists()
    assert not Beslutning.objects.filter(punkt__moede__dato__gt=TODAY).exists()
    # Cases recur across meetings and committees; closed items and attachments exist.
    recurring = Sag.objects.annotate(n=Count("punkter__moede", distinct=True)).filter(n__gt=1)
    assert recurring.exists()
    assert (
        Sag.objects.annotate(n=Count("punkter__moede__udvalg", distinct=True))
        .filter(n__gt=1)
        .exists()
    )
    assert Punkt.objects.filter(adgang=Adgang.LUKKET).exists()
    assert Bilag.objects.exclude(tekst="").exists()
    # A named vote has a vote from every participant, none from anyone else.
    for afstemning in Afstemning.objects.select_related("beslutning__punkt__moede")[:10]:
        moede = afstemning.beslutning.punkt.moede
        voters = set(Stemme.objects.filter(afstemning=afstemning).values_list("person", flat=True))
        members = set(
            Medlemskab.objects.filter(udvalg=moede.udvalg).values_list("person", flat=True)
        )
        assert voters and voters <= members
    # The benchmark's meetings: the signed one and the held one before it, 20 items each.
    signed = Moede.objects.get(status=MoedeStatus.UNDERSKREVET)
    assert signed.punkter.count() == 20
    before = Moede.objects.filter(udvalg=signed.udvalg, status=MoedeStatus.AFHOLDT).first()
    assert before.punkter.count() == 20
    assert ProtokolVersion.objects.filter(moede=signed).count() == 1
    assert laasning.verify_protocols() == []


def test_rows_made_afterwards_get_new_ids(generated):
    """On PostgreSQL the sequences are moved past the generated ids."""
    udvalg = Udvalg.objects.create(
        navn="Nyt udvalg", forkortelse="NU", periode_start=2026, periode_slut=2029, slug="nu"
    )
    assert udvalg.pk > Udvalg.objects.exclude(pk=udvalg.pk).order_by("-pk").first().pk
    sag = Sag.objects.create(sagsnr="99/1", titel="Ny sag")
    assert Sag.objects.filter(pk=sag.pk).count() == 1


def test_the_pages_open_on_generated_data(generated, client):
    signed = Moede.objects.get(status=MoedeStatus.UNDERSKREVET)
    member = (
        Medlemskab.objects.filter(udvalg=signed.udvalg, stedfortraeder=False)
        .select_related("person__user")
        .first()
        .person.user
    )
    assert member.check_password(PASSWORD)
    client.force_login(member)
    held = Moede.objects.filter(udvalg=signed.udvalg, status=MoedeStatus.AFHOLDT).first()
    for url in [
        held.get_absolute_url(),
        signed.get_absolute_url(),
        signed.udvalg.get_absolute_url(),
        held.punkter.exclude(sag=None).first().sag.get_absolute_url(),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    client.logout()
    closed = Punkt.objects.filter(moede=signed, adgang=Adgang.LUKKET).first()
    public = client.get(f"/udvalg/{signed.udvalg.slug}/moeder/{signed.url_slug}/")
    assert public.status_code == 200
    if closed is not None:
        assert closed.titel not in public.content.decode()


def test_generate_data_refuses_a_database_with_data(generated):
    with pytest.raises(CommandError, match="tom database"):
        call_command("generate_data", items=100, stdout=io.StringIO())


def test_the_lock_triggers_are_on_again_after_generating(generated):
    """The generator writes its rows with the lock's row triggers off (PostgreSQL); afterwards
    they refuse any change to the signed meeting again, on both databases."""
    signed = Moede.objects.get(status=MoedeStatus.UNDERSKREVET)
    punkt = signed.punkter.first()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM pg_trigger WHERE tgname = 'protokol_laas' AND tgenabled = 'D'"
            )
            assert cursor.fetchone()[0] == 0
        for sql in [
            f"UPDATE sager_punkt SET titel = 'Ændret' WHERE id = {punkt.pk}",
            f"UPDATE udvalg_moede SET sted = 'Andetsteds' WHERE id = {signed.pk}",
        ]:
            with pytest.raises(DatabaseError), transaction.atomic():
                cursor.execute(sql)
    punkt.refresh_from_db()
    assert punkt.titel != "Ændret"
