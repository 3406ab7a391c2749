"""The import page: upload old protocols, preview without writing, confirm, background import."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from referatimport import forms, importer
from referatimport.models import Importkoersel, Importstatus, Referatimport
from sager.models import Punkt, Sag
from tests import factories
from tests.conftest import login
from tests.referatimport.seeds import SEEDS
from udvalg.models import Moede

TITLER_001 = [
    "Bemærkninger til dagsordenen",
    "Meddelelser",
    "Introduktion til UU-Sjælsø",
    "Nytteindsats",
    "Gensidig forsørgerpligt",
    "Udredning af den aktive beskæftigelsesindsats",
    "Opfølgning på politisk aftale",
    "Status erhvervspolitik",
    "Velkomstmøde for nye borgere",
]
AFVIST_002 = "ingen dagsordenspunkter med Sagsnr. fundet"


def _seed(prefix: str) -> SimpleUploadedFile:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")


def _upload(client, *files, **data):
    return client.post(reverse("referatimport:import-create"), {"filer": list(files), **data})


def _run_dirs(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "import"
    return sorted(p for p in root.iterdir()) if root.exists() else []


@pytest.fixture
def admin(db):
    return factories.make_user("admin", is_superuser=True)


# --- access ---------------------------------------------------------------------------------


def test_import_page_permission_triad(client, sekretaer, medlem, borger, anden, admin):
    url = reverse("referatimport:import-create")
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    for user in (medlem, borger):
        assert login(client, user).get(url).status_code == 403
    for user in (sekretaer, anden, admin):  # a secretary of any committee, or a superuser
        response = login(client, user).get(url)
        assert response.status_code == 200
        assert 'accept=".pdf,.txt"' in response.content.decode()


def test_a_run_is_seen_only_by_its_uploader_and_superusers(client, sekretaer, medlem, anden, admin):
    login(client, sekretaer)
    koersel = Importkoersel.objects.get(pk=_upload(client, _seed("002")).url.split("/")[-2])
    url = reverse("referatimport:import-detail", args=[koersel.pk])
    client.logout()
    assert "/login/" in client.get(url)["Location"]
    for user in (anden, medlem):
        login(client, user)
        assert client.get(url).status_code == 404
        assert (
            client.post(reverse("referatimport:import-start", args=[koersel.pk])).status_code == 404
        )
        assert (
            client.post(reverse("referatimport:import-cancel", args=[koersel.pk])).status_code
            == 404
        )
    assert login(client, admin).get(url).status_code == 200
    assert login(client, sekretaer).get(url).status_code == 200
    koersel.refresh_from_db()
    assert koersel.status == Importstatus.KLAR


def test_the_front_page_links_the_import_for_secretaries_only(client, sekretaer, medlem):
    link = reverse("referatimport:import-create")
    page = login(client, sekretaer).get("/").content.decode()
    assert page.count(f'href="{link}"') == 1
    assert link not in login(client, medlem).get("/").content.decode()


# --- upload and preview ---------------------------------------------------------------------


def test_upload_shows_a_preview_and_writes_nothing(client, settings, sekretaer):
    login(client, sekretaer)
    response = _upload(client, _seed("001"), _seed("002"))
    assert response.status_code == 302
    koersel = Importkoersel.objects.get()
    assert response.url == reverse("referatimport:import-detail", args=[koersel.pk])
    assert koersel.status == Importstatus.KLAR and koersel.oprettet_af == sekretaer
    # Stored under generated names; the original names are data only.
    assert [f["navn"] for f in koersel.filer] == [_seed("001").name, _seed("002").name]
    (folder,) = _run_dirs(settings)
    assert sorted(p.name for p in folder.iterdir()) == ["01.txt", "02.txt"]

    page = client.get(response.url).content.decode()
    for nummer, titel in enumerate(TITLER_001, start=1):
        assert f"<td>{nummer}</td>\n      <td>{titel}" in page
    assert "14/1175" in page
    assert "Erhvervs- og Beskæftigelsesudvalget 2014-2017" in page
    assert "<dd>Onsdag den 12. marts 2014</dd>" in page
    assert "Godkendt: 3 for, 1 imod" in page  # item 4's named vote
    assert "punkter: 9" in page
    assert f"Afvises: {AFVIST_002}" in page
    assert "Bekræft import" in page and "1 kan importeres" in page
    assert not Moede.objects.exists()
    assert not Punkt.objects.exists()
    assert not Sag.objects.exists()
    assert not Referatimport.objects.exists()


def test_a_non_protocol_alone_cannot_be_confirmed(client, sekretaer):
    login(client, sekretaer)
    page = client.get(_upload(client, _seed("002")).url).content.decode()
    assert f"Afvises: {AFVIST_002}" in page
    assert "Bekræft import" not in page and "0 kan importeres" in page


def test_a_file_of_another_type_is_refused(client, settings, sekretaer):
    login(client, sekretaer)
    fil = SimpleUploadedFile("referat.docx", b"PK\x03\x04 ikke en protokol")
    response = _upload(client, fil)
    assert response.status_code == 400
    assert "»referat.docx« er hverken en PDF- eller en tekstfil" in response.content.decode()
    assert not Importkoersel.objects.exists() and not _run_dirs(settings)


def test_a_file_over_the_import_limit_is_refused(client, settings, monkeypatch, sekretaer):
    monkeypatch.setattr(forms, "MAX_FIL_BYTES", 1024 * 1024)
    login(client, sekretaer)
    big = SimpleUploadedFile("stor.txt", b"x" * (1024 * 1024 + 1))
    response = _upload(client, _seed("001"), big)
    assert response.status_code == 400
    assert "»stor.txt« er større end 1 MB." in response.content.decode()
    assert not Importkoersel.objects.exists() and not _run_dirs(settings)


def test_a_file_over_the_site_limit_is_dropped_while_streaming(client, settings, sekretaer):
    settings.PROTOKOL_MAX_UPLOAD_BYTES = 1024 * 1024
    login(client, sekretaer)
    big = SimpleUploadedFile("stor.txt", b"x" * (1024 * 1024 + 1))
    response = _upload(client, big)
    assert response.status_code == 400
    assert "Mindst én fil er større end 1 MB og blev ikke modtaget" in response.content.decode()
    assert not Importkoersel.objects.exists()


def test_more_than_fifty_files_are_refused(client, sekretaer):
    login(client, sekretaer)
    files = [SimpleUploadedFile(f"{n}.txt", b"tekst") for n in range(51)]
    response = _upload(client, *files)
    assert response.status_code == 400
    assert "Du kan højst uploade 50 filer ad gangen (du valgte 51)." in response.content.decode()


def test_an_empty_upload_asks_for_a_file(client, sekretaer):
    response = login(client, sekretaer).post(reverse("referatimport:import-create"), {})
    assert response.status_code == 400
    assert "Vælg mindst én fil." in response.content.decode()


# --- confirm, run, result -------------------------------------------------------------------


def test_confirming_imports_the_files_and_links_the_meeting(client, settings, sekretaer):
    login(client, sekretaer)
    detail = _upload(client, _seed("001"), _seed("002")).url
    koersel = Importkoersel.objects.get()
    response = client.post(reverse("referatimport:import-start", args=[koersel.pk]))
    assert response.url == detail

    koersel.refresh_from_db()
    assert koersel.status == Importstatus.FAERDIG and koersel.behandlet == 2
    moede = Moede.objects.get()
    assert moede.dato == datetime.date(2014, 3, 12)
    assert moede.punkter.count() == 9
    foerste, anden_fil = koersel.resultater
    assert foerste["status"] == "importeret" and foerste["moede_id"] == moede.pk
    assert foerste["oprettet"]["punkter"] == 9
    assert anden_fil["status"] == "afvist" and AFVIST_002 in anden_fil["grund"]

    page = client.get(detail).content.decode()
    assert f'<a href="{moede.get_absolute_url()}">' in page
    assert "Importen er færdig:</strong> 2 af 2 filer" in page
    assert f"Afvist: {AFVIST_002}" in page
    assert 'hx-trigger="every 2s"' not in page
    # The uploaded copies are deleted once the run ends; the names stay for the page.
    assert not any(folder.exists() for folder in _run_dirs(settings))
    assert all("sti" not in f for f in koersel.filer)


def test_a_run_starts_once(client, sekretaer, monkeypatch):
    login(client, sekretaer)
    _upload(client, _seed("001"))
    koersel = Importkoersel.objects.get()
    client.post(reverse("referatimport:import-start", args=[koersel.pk]))
    calls = []
    monkeypatch.setattr("referatimport.koersel.koersel_run", calls.append)
    client.post(reverse("referatimport:import-start", args=[koersel.pk]))
    assert calls == []
    assert Moede.objects.count() == 1


def test_an_unexpected_error_fails_the_run_and_says_why(client, settings, sekretaer, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("databasen svarer ikke")

    monkeypatch.setattr(importer, "import_tekst", boom)
    login(client, sekretaer)
    detail = _upload(client, _seed("001")).url
    koersel = Importkoersel.objects.get()
    client.post(reverse("referatimport:import-start", args=[koersel.pk]))
    koersel.refresh_from_db()
    assert koersel.status == Importstatus.FEJLET
    assert "databasen svarer ikke" in koersel.fejl
    assert "Uventet fejl" in client.get(detail).content.decode()
    assert not any(folder.exists() for folder in _run_dirs(settings))


def test_cancel_deletes_the_run_and_its_files(client, settings, sekretaer):
    login(client, sekretaer)
    _upload(client, _seed("001"))
    koersel = Importkoersel.objects.get()
    response = client.post(reverse("referatimport:import-cancel", args=[koersel.pk]))
    assert response.url == reverse("referatimport:import-create")
    assert not Importkoersel.objects.exists()
    assert not any(folder.exists() for folder in _run_dirs(settings))
    assert not Moede.objects.exists()


def test_a_started_run_cannot_be_cancelled(client, sekretaer):
    login(client, sekretaer)
    _upload(client, _seed("002"))
    koersel = Importkoersel.objects.get()
    client.post(reverse("referatimport:import-start", args=[koersel.pk]))
    client.post(reverse("referatimport:import-cancel", args=[koersel.pk]))
    assert Importkoersel.objects.filter(pk=koersel.pk).exists()


def test_runs_left_in_preview_are_removed_after_a_day(client, settings, sekretaer):
    login(client, sekretaer)
    _upload(client, _seed("002"))
    gammel = Importkoersel.objects.get()
    Importkoersel.objects.filter(pk=gammel.pk).update(
        oprettet=timezone.now() - datetime.timedelta(days=2)
    )
    _upload(client, _seed("002"))
    assert list(Importkoersel.objects.values_list("pk", flat=True)) != [gammel.pk]
    assert Importkoersel.objects.count() == 1
    assert len([f for f in _run_dirs(settings) if f.exists()]) == 1


# --- progress ---------------------------------------------------------------------------------


def _koersel(user, *, status, antal, behandlet=0, resultater=()):
    return Importkoersel.objects.create(
        oprettet_af=user,
        status=status,
        filer=[{"navn": f"{n}.pdf"} for n in range(antal)],
        behandlet=behandlet,
        resultater=list(resultater),
    )


def test_progress_polls_while_running_and_stops_when_finished(client, sekretaer):
    login(client, sekretaer)
    koersel = _koersel(sekretaer, status=Importstatus.KOERER, antal=10, behandlet=3)
    url = reverse("referatimport:import-detail", args=[koersel.pk])
    page = client.get(url).content.decode()
    assert 'aria-live="polite"' in page
    assert "3 af 10 filer" in page
    assert f'hx-get="{url}?del=fremdrift"' in page and 'hx-trigger="every 2s"' in page
    assert f'<a href="{url}">Opdater</a>' in page  # without JavaScript

    fragment = client.get(url, {"del": "fremdrift"}).content.decode()
    assert "<html" not in fragment and 'hx-trigger="every 2s"' in fragment

    Importkoersel.objects.filter(pk=koersel.pk).update(
        status=Importstatus.FAERDIG, behandlet=10, resultater=[_resultat(n) for n in range(10)]
    )
    fragment = client.get(url, {"del": "fremdrift"}).content.decode()
    assert "hx-trigger" not in fragment
    assert 'id="import-resultat" hx-swap-oob="true"' in fragment
    assert "0.pdf" in fragment and "Importeret" in fragment


def _resultat(n: int) -> dict:
    return {
        "navn": f"{n}.pdf",
        "status": "importeret" if n % 2 else "afvist",
        "grund": "" if n % 2 else "filen er tom",
        "oprettet": {"møder": 1, "punkter": 4},
        "genbrugt": {"udvalg": 1},
        "ikke_placeret": [{"linje": 12, "tekst": "løs linje", "grund": "ukendt rubrik"}],
        "moede_id": n,
        "moede_url": f"/udvalg/x/moeder/2014-03-{n + 1:02d}/",
        "moede_titel": f"Møde {n}",
    }


def test_result_page_queries_do_not_grow_with_the_number_of_files(client, sekretaer):
    login(client, sekretaer)
    counts = []
    for antal in (3, 10):
        koersel = _koersel(
            sekretaer,
            status=Importstatus.FAERDIG,
            antal=antal,
            behandlet=antal,
            resultater=[_resultat(n) for n in range(antal)],
        )
        url = reverse("referatimport:import-detail", args=[koersel.pk])
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url).content.decode()
        assert page.count("løs linje") == antal // 2
        counts.append(len(queries))
    assert counts[0] == counts[1]
