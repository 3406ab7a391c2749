"""Round trip (issue "Legacy importer", acceptance): the demo meetings exported by this app as
protocol PDFs with their attachments and imported into an empty database give the same
meetings - the same ``import_referat --json`` as `moede_json` of the demo, apart from ids
(the schema holds none).

The export runs once for the module, on the demo data in a transaction that is rolled back
before the tests, so the import test starts from an empty database.
"""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

from protokol import pdf
from referatimport.readback import moede_json
from udvalg.models import Moede

DATES = ("2014-03-12", "2015-05-13")


@pytest.fixture(scope="module")
def exported(demo_snapshot, django_db_blocker, tmp_path_factory):
    """The demo meetings as this app's protocol PDFs, beside the JSON they must import as."""
    folder = tmp_path_factory.mktemp("roundtrip")
    media = tmp_path_factory.mktemp("roundtrip-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        demo_snapshot.restore(media)
        for date in DATES:
            moede = Moede.objects.get(dato=date)
            user = moede.udvalg.sekretaerer.first() or get_user_model().objects.get(
                is_superuser=True
            )
            # The stored signatures in their stored order (the default signer list is the
            # participants in seat order, which the JSON does not use).
            data = pdf.render_moede_pdf(
                moede, user=user, med_bilag=True, underskrivere=pdf.signaturer(moede)
            )
            (folder / f"{date}.pdf").write_bytes(data)
            (folder / f"{date}.json").write_text(
                json.dumps(moede_json(moede), ensure_ascii=False), encoding="utf-8"
            )
        transaction.set_rollback(True)
    return folder


def test_demo_meetings_export_as_protocol_pdfs(db, exported):
    for date in DATES:
        assert (exported / f"{date}.pdf").read_bytes().startswith(b"%PDF-")
        meeting = json.loads((exported / f"{date}.json").read_text(encoding="utf-8"))
        assert meeting["date"] == date and meeting["items"], date


def test_exported_demo_meetings_import_into_an_empty_database_as_the_same_meetings(db, exported):
    paths = [exported / f"{date}.pdf" for date in DATES]
    assert not Moede.objects.exists()
    out = io.StringIO()
    call_command("import_referat", *map(str, paths), "--json", stdout=out, stderr=io.StringIO())
    got = {meeting["date"]: meeting for meeting in json.loads(out.getvalue())}
    for date in DATES:
        want = json.loads((exported / f"{date}.json").read_text(encoding="utf-8"))
        meeting = got[date]
        # Field by field, so a failure names what differs; then the whole object, so nothing
        # is left out. Nothing is ignored: every field is in the PDF (Bilagsnr is printed on
        # the attachments' cover pages).
        for key in ("committee", "date", "start_time", "signatures"):
            assert meeting[key] == want[key], (date, key)
        assert len(meeting["items"]) == len(want["items"]), date
        for item, expected in zip(meeting["items"], want["items"], strict=True):
            for key in expected:
                assert item[key] == expected[key], (date, item["number"], key)
        assert meeting["budget_proposals"] == want["budget_proposals"], date
        assert meeting == want, date
