"""The index rebuilt in bulk (manage.py soegeindeks, for data loaded around Django) holds the
same rows as the index kept current change by change."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection

from portal import indeks
from portal.models import Dokument
from protokol.services import optagelse
from sager.models import Adgang
from tests import factories


def _snapshot():
    rows = set()
    for d in Dokument.objects.prefetch_related("personer"):
        fts = ()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT titel, tekst FROM {indeks.FTS_TABEL} WHERE rowid = %s", [d.pk]
                )
                fts = cursor.fetchone()
        rows.add((d.art, d.punkt_id, d.bilag_id, d.moede_id, d.sag_id, d.udvalg_id, d.dato,
                  d.status, d.offentlig, d.punkttype, d.har_afstemning, d.sagsnr, d.titel,
                  d.tekst, tuple(sorted(p.pk for p in d.personer.all())), fts))  # fmt: skip
    return rows


@pytest.mark.django_db
def test_the_rebuild_gives_the_rows_the_changes_gave(udvalg, sekretaer, capsys):
    moede, punkt, users = factories.make_held_moede(udvalg, sekretaer)
    beslutning = punkt.beslutning
    optagelse.mindretalsudtalelse_add(
        beslutning=beslutning, person=users[2].person, tekst="Enhedslisten ønsker timeløn."
    )
    lukket = factories.make_punkt(moede, titel="Personalesag", adgang=Adgang.LUKKET)
    factories.make_bilag(lukket, filnavn="fortroligt.pdf", adgang=Adgang.LUKKET)
    other = factories.make_moede(udvalg, dato=datetime.date(2015, 2, 4))
    factories.make_punkt(other, titel="Kladde på et udkast")
    before = _snapshot()
    assert len(before) >= 6
    call_command("soegeindeks")
    assert "Søgeindekset har" in capsys.readouterr().out
    assert _snapshot() == before
    # And the index is usable after it: a search finds the vote.
    assert Dokument.objects.filter(har_afstemning=True).count() == 1
