"""Attachments (bilag): upload checks, the streaming size limit, ordering, download access."""

import base64
import functools
import io
import random
from pathlib import Path
from urllib.parse import quote

import pytest
import weasyprint
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import (
    MemoryFileUploadHandler,
    SkipFile,
    TemporaryFileUploadHandler,
)
from pypdf import PdfReader, PdfWriter

from kerne import uploads
from sager import files
from sager.models import Adgang, Bilag
from tests import factories
from tests.conftest import login
from udvalg import services as udvalg_services

# A 1x1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@functools.cache
def notat_pdf() -> bytes:
    return weasyprint.HTML(
        string="<h1>Supplerende notat om nytteindsats</h1><p>Side et</p>"
        "<p style='break-before:page'>Side to</p>"
    ).write_pdf()


def encrypted_pdf(user_password: str = "secret", owner_password: str | None = None) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(notat_pdf())))
    writer.encrypt(user_password, owner_password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def upload_url(punkt) -> str:
    return f"/punkter/{punkt.pk}/bilag/nyt/"


def upload(client, punkt, filnavn: str, data: bytes, **fields):
    payload = {"titel": "", "bilagsnr": "", "adgang": "aaben", **fields}
    payload["fil"] = SimpleUploadedFile(filnavn, data)
    return client.post(upload_url(punkt), payload)


def stored_files(settings) -> list[Path]:
    media = Path(settings.MEDIA_ROOT)
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def download(client, bilag, **params):
    return client.get(f"/bilag/{bilag.pk}/", params)


@pytest.fixture
def punkt(moede):
    return factories.make_punkt(moede, titel="Nytteindsats")


@pytest.fixture
def frigivet(moede):
    udvalg_services.moede_release(moede=moede, user=None)
    return moede


# --- uploading ---------------------------------------------------------------------------------


def test_secretary_uploads_a_pdf_with_its_verbatim_name_pages_and_text(client, punkt, sekretaer):
    data = notat_pdf()
    login(client, sekretaer)
    response = upload(client, punkt, "Erhvervspolitik som godkendt .pdf", data, titel="Notat")
    assert response.status_code == 302
    assert response["Location"] == f"/punkter/{punkt.pk}/rediger/"
    bilag = punkt.bilag.get()
    assert bilag.filnavn == "Erhvervspolitik som godkendt .pdf"
    assert (bilag.sekvens, bilag.sidetal, bilag.titel) == (1, 2, "Notat")
    assert (bilag.stoerrelse, bilag.indholdstype) == (len(data), "application/pdf")
    assert "Supplerende notat om nytteindsats" in " ".join(bilag.tekst.split())
    assert "Side to" in bilag.tekst
    with bilag.fil.open("rb") as stored:
        assert stored.read() == data


def test_second_upload_is_numbered_after_the_first_on_the_item_page(client, punkt, sekretaer):
    login(client, sekretaer)
    upload(client, punkt, "Erhvervspolitik som godkendt .pdf", notat_pdf())
    upload(client, punkt, "Bilag 2 – Beskæftigelsesplan.pdf", factories.pdf_bytes(3))
    assert list(punkt.bilag.values_list("sekvens", "sidetal")) == [(1, 2), (2, 3)]
    html = client.get(f"/punkter/{punkt.pk}/rediger/").content.decode()
    first, second = f"{punkt.nummer}.1.", f"{punkt.nummer}.2."
    assert html.index(first) < html.index("Erhvervspolitik som godkendt .pdf")
    assert html.index("Erhvervspolitik som godkendt .pdf") < html.index(second)
    assert html.index(second) < html.index("Bilag 2 – Beskæftigelsesplan.pdf")


def _objstm_renamed() -> bytes:
    # WeasyPrint keeps its objects in object streams; renaming the type makes pypdf trip over
    # its own assertion instead of raising one of its errors.
    return notat_pdf().replace(b"/ObjStm", b"/ObjStX")


BAD_UPLOADS = {
    "empty": ("notat.pdf", lambda: b"", {}, "Filen er tom."),
    "png-named-pdf": (
        "notat.pdf",
        lambda: PNG,
        {},
        "Filens indhold er PNG-billede, men navnet siger .pdf.",
    ),
    "pdf-named-xlsx": (
        "regneark.xlsx",
        factories.pdf_bytes,
        {},
        "Filens indhold er PDF, men navnet siger .xlsx.",
    ),
    "pdf-header-then-garbage": (
        "notat.pdf",
        lambda: b"%PDF-1.7\n" + b"x" * 500,
        {},
        "Filen kan ikke åbnes som PDF.",
    ),
    "truncated-pdf": (
        "notat.pdf",
        lambda: notat_pdf()[: len(notat_pdf()) // 2],
        {},
        "Filen kan ikke åbnes som PDF.",
    ),
    "pdf-with-broken-object-stream": (
        "notat.pdf",
        _objstm_renamed,
        {},
        "Filen kan ikke åbnes som PDF.",
    ),
    "plain-text": (
        "x.txt",
        lambda: b"Bare almindelig tekst.\n",
        {},
        "Filtypen kan ikke genkendes eller er ikke tilladt.",
    ),
    "bilagsnr-with-four-digit-year": (
        "notat.pdf",
        factories.pdf_bytes,
        {"bilagsnr": "33292/2015"},
        "Bilagsnummeret skal have formen NNNNN/ÅÅ",
    ),
}


@pytest.mark.parametrize("case", BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
def test_bad_upload_is_refused_with_a_message_and_nothing_is_written(
    client, punkt, sekretaer, settings, case
):
    filnavn, make_data, fields, message = case
    login(client, sekretaer)
    response = upload(client, punkt, filnavn, make_data(), titel="Mit notat", **fields)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'value="Mit notat"' in html
    assert not Bilag.objects.exists()
    assert stored_files(settings) == []


def test_file_over_the_size_limit_is_refused_and_the_typed_title_is_kept(
    client, punkt, sekretaer, settings
):
    settings.PROTOKOL_MAX_UPLOAD_BYTES = 1000
    login(client, sekretaer)
    data = factories.pdf_bytes() + b"\n" * 5000
    response = upload(client, punkt, "notat.pdf", data, titel="Mit notat", bilagsnr="33292/15")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Filen er større end" in html and "MB og er ikke gemt." in html
    assert 'value="Mit notat"' in html and 'value="33292/15"' in html
    assert not Bilag.objects.exists()
    assert stored_files(settings) == []


def test_file_over_the_size_limit_sent_without_other_fields_still_gets_the_message(
    client, punkt, sekretaer, settings
):
    settings.PROTOKOL_MAX_UPLOAD_BYTES = 1000
    login(client, sekretaer)
    response = client.post(upload_url(punkt), {"fil": SimpleUploadedFile("a.pdf", b"%" * 5000)})
    assert response.status_code == 400
    assert "MB og er ikke gemt." in response.content.decode()
    assert not Bilag.objects.exists()


def test_size_limit_skips_the_file_at_the_first_chunk_past_the_limit(
    client, punkt, sekretaer, settings, monkeypatch
):
    settings.PROTOKOL_MAX_UPLOAD_BYTES = 1000
    checked: list[tuple[int, str]] = []  # (chunk length, what the size handler did)
    buffered: list[int] = []  # bytes that reached a handler that keeps them

    limit_chunk = uploads.SizeLimitUploadHandler.receive_data_chunk

    def checking(self, raw_data, start):
        try:
            result = limit_chunk(self, raw_data, start)
        except SkipFile:
            checked.append((len(raw_data), "skip"))
            raise
        checked.append((len(raw_data), "pass"))
        return result

    def recording(original):
        def receive(self, raw_data, start):
            buffered.append(len(raw_data))
            return original(self, raw_data, start)

        return receive

    monkeypatch.setattr(uploads.SizeLimitUploadHandler, "receive_data_chunk", checking)
    for handler in (MemoryFileUploadHandler, TemporaryFileUploadHandler):
        monkeypatch.setattr(handler, "receive_data_chunk", recording(handler.receive_data_chunk))

    login(client, sekretaer)
    response = upload(client, punkt, "stor.pdf", b"%PDF-1.7\n" + b"0" * 200_000)
    # One chunk (64 KB less the part headers read with it), then the file is skipped.
    [(first_chunk, outcome)] = checked
    assert outcome == "skip"
    assert 1000 < first_chunk <= uploads.SizeLimitUploadHandler.chunk_size
    assert buffered == []
    assert "fil" not in response.context["form"].files
    assert "MB og er ikke gemt." in response.content.decode()
    assert not Bilag.objects.exists()


def test_encrypted_pdf_is_accepted_with_its_page_count_and_no_text(client, punkt, sekretaer):
    login(client, sekretaer)
    response = upload(client, punkt, "Fortroligt notat.pdf", encrypted_pdf("secret"))
    assert response.status_code == 302
    bilag = punkt.bilag.get()
    assert (bilag.sidetal, bilag.tekst, bilag.indholdstype) == (2, "", "application/pdf")


def test_pdf_locked_only_against_changes_keeps_its_text(client, punkt, sekretaer):
    login(client, sekretaer)
    upload(client, punkt, "Notat.pdf", encrypted_pdf("", owner_password="kommunen"))
    bilag = punkt.bilag.get()
    assert bilag.sidetal == 2
    assert "Supplerende notat om nytteindsats" in " ".join(bilag.tekst.split())


def test_damaged_pdfs_are_refused_with_a_message_never_an_exception():
    """Seeded byte flips, cuts and splices of real PDFs; pypdf raises many kinds of errors."""
    seeds = [notat_pdf(), factories.pdf_bytes(3), encrypted_pdf()]
    rnd = random.Random(20150513)
    for _ in range(300):
        data = bytearray(rnd.choice(seeds))
        how = rnd.randrange(3)
        if how == 0:
            for _ in range(rnd.randint(1, 20)):
                data[rnd.randrange(5, len(data))] = rnd.randrange(256)
        elif how == 1:
            start = rnd.randrange(5, len(data))
            del data[start : start + rnd.randint(1, 500)]
        else:
            data = data[: rnd.randrange(5, len(data))] + data[-rnd.randint(0, 200) :]
        try:
            files.inspect(SimpleUploadedFile("notat.pdf", bytes(data)), "notat.pdf")
        except ValidationError as exc:
            assert exc.code == "pdf_broken", bytes(data)


# --- renaming, moving and removing ---------------------------------------------------------------


def test_secretary_renames_an_attachment(client, punkt, sekretaer):
    bilag = factories.make_bilag(punkt, "scan0001.pdf")
    login(client, sekretaer)
    response = client.post(
        f"/bilag/{bilag.pk}/rediger/",
        {
            "filnavn": " Bilag 1 – Erhvervspolitik 2015-2018.pdf ",
            "titel": "Som vedtaget",
            "bilagsnr": "33292/15",
            "adgang": "lukket",
        },
    )
    assert response.status_code == 302
    bilag.refresh_from_db()
    assert bilag.filnavn == "Bilag 1 – Erhvervspolitik 2015-2018.pdf"
    assert (bilag.titel, bilag.bilagsnr, bilag.adgang) == ("Som vedtaget", "33292/15", "lukket")


def test_rename_refuses_an_empty_name_and_a_bad_bilagsnr(client, punkt, sekretaer):
    bilag = factories.make_bilag(punkt, "scan0001.pdf")
    login(client, sekretaer)
    response = client.post(
        f"/bilag/{bilag.pk}/rediger/",
        {"filnavn": "  ", "titel": "", "bilagsnr": "15/33292", "adgang": "aaben"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Angiv filnavnet." in html
    assert "Bilagsnummeret skal have formen NNNNN/ÅÅ" in html
    bilag.refresh_from_db()
    assert (bilag.filnavn, bilag.bilagsnr) == ("scan0001.pdf", None)


def order(punkt) -> list[tuple[int, str]]:
    return list(punkt.bilag.order_by("sekvens").values_list("sekvens", "filnavn"))


def test_moving_an_attachment_up_and_down_renumbers_it(client, punkt, sekretaer):
    a, b, c = (factories.make_bilag(punkt, name) for name in ("a.pdf", "b.pdf", "c.pdf"))
    login(client, sekretaer)
    response = client.post(f"/bilag/{c.pk}/flyt/", {"retning": "op"})
    assert response.status_code == 302
    assert order(punkt) == [(1, "a.pdf"), (2, "c.pdf"), (3, "b.pdf")]
    c.refresh_from_db()
    assert c.nummer == f"{punkt.nummer}.2."
    html = client.get(f"/punkter/{punkt.pk}/rediger/").content.decode()
    assert html.index(f"{punkt.nummer}.2.") < html.index("c.pdf") < html.index("b.pdf")

    client.post(f"/bilag/{a.pk}/flyt/", {"retning": "ned"})
    assert order(punkt) == [(1, "c.pdf"), (2, "a.pdf"), (3, "b.pdf")]


def test_moving_past_either_end_or_in_no_direction_changes_nothing(client, punkt, sekretaer):
    a, b = (factories.make_bilag(punkt, name) for name in ("a.pdf", "b.pdf"))
    login(client, sekretaer)
    client.post(f"/bilag/{a.pk}/flyt/", {"retning": "op"})
    client.post(f"/bilag/{b.pk}/flyt/", {"retning": "ned"})
    client.post(f"/bilag/{a.pk}/flyt/", {"retning": "sidelæns"})
    assert order(punkt) == [(1, "a.pdf"), (2, "b.pdf")]


def test_removing_an_attachment_renumbers_the_rest(client, punkt, sekretaer):
    a, b, c = (factories.make_bilag(punkt, name) for name in ("a.pdf", "b.pdf", "c.pdf"))
    login(client, sekretaer)
    confirm = client.get(f"/bilag/{b.pk}/slet/")
    assert confirm.status_code == 200 and "b.pdf" in confirm.content.decode()
    assert order(punkt) == [(1, "a.pdf"), (2, "b.pdf"), (3, "c.pdf")]
    response = client.post(f"/bilag/{b.pk}/slet/")
    assert response.status_code == 302
    assert order(punkt) == [(1, "a.pdf"), (2, "c.pdf")]


# --- downloading -------------------------------------------------------------------------------


def test_secretary_downloads_the_bytes_under_the_verbatim_name(client, punkt, sekretaer):
    login(client, sekretaer)
    upload(client, punkt, "Erhvervspolitik som godkendt .pdf", notat_pdf())
    bilag = punkt.bilag.get()
    response = download(client, bilag, hent="1")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == notat_pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="Erhvervspolitik som godkendt .pdf"'
    )


def test_member_downloads_from_a_released_meeting_under_the_danish_name(
    client, punkt, frigivet, medlem
):
    filnavn = "Bilag 2 – Beskæftigelsesplan for 2016.pdf"
    bilag = factories.make_bilag(punkt, filnavn)
    login(client, medlem)
    response = download(client, bilag)
    assert response.status_code == 200
    with bilag.fil.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert response["Content-Disposition"] == f"inline; filename*=utf-8''{quote(filnavn)}"


def test_anonymous_download_is_sent_to_login(client, punkt):
    bilag = factories.make_bilag(punkt)
    response = download(client, bilag)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.parametrize("persona", ["anden", "borger"])
def test_outsiders_get_404_for_an_attachment(client, punkt, frigivet, persona, request):
    bilag = factories.make_bilag(punkt)
    login(client, request.getfixturevalue(persona))
    assert download(client, bilag).status_code == 404


def test_member_cannot_download_from_a_draft_meeting(client, punkt, medlem):
    bilag = factories.make_bilag(punkt)
    login(client, medlem)
    assert download(client, bilag).status_code == 404


@pytest.mark.parametrize("closed", ["bilag", "punkt"])
def test_closed_attachments_are_for_the_committee_only(client, moede, medlem, anden, closed):
    punkt_adgang = Adgang.LUKKET if closed == "punkt" else Adgang.AABEN
    bilag_adgang = Adgang.LUKKET if closed == "bilag" else Adgang.AABEN
    punkt = factories.make_punkt(moede, adgang=punkt_adgang)
    bilag = factories.make_bilag(punkt, "Lukket notat.pdf", adgang=bilag_adgang)
    udvalg_services.moede_release(moede=moede, user=None)
    assert download(login(client, medlem), bilag).status_code == 200
    assert download(login(client, anden), bilag).status_code == 404


# --- who may change attachments ------------------------------------------------------------------

CHANGES = {
    "upload-form": ("get", "create", 200),
    "upload": ("post", "create", 302),
    "rename-form": ("get", "update", 200),
    "rename": ("post", "update", 302),
    "move": ("post", "move", 302),
    "remove-confirm": ("get", "delete", 200),
    "remove": ("post", "delete", 302),
}


def change_request(client, method: str, view: str, punkt, bilag):
    url, data = {
        "create": (
            upload_url(punkt),
            {"fil": SimpleUploadedFile("ny.pdf", factories.pdf_bytes()), "adgang": "aaben"},
        ),
        "update": (f"/bilag/{bilag.pk}/rediger/", {"filnavn": "nyt navn.pdf", "adgang": "aaben"}),
        "move": (f"/bilag/{bilag.pk}/flyt/", {"retning": "ned"}),
        "delete": (f"/bilag/{bilag.pk}/slet/", {}),
    }[view]
    return client.get(url) if method == "get" else client.post(url, data)


@pytest.fixture
def two_bilag(punkt, frigivet):
    # Released, so a member can see the item and must be stopped by the role, not by visibility.
    return factories.make_bilag(punkt, "a.pdf"), factories.make_bilag(punkt, "b.pdf")


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
@pytest.mark.parametrize(
    ("persona", "allowed"), [(None, {302}), ("anden", {403, 404}), ("medlem", {403})]
)
def test_only_the_secretary_changes_attachments(
    client, punkt, two_bilag, persona, allowed, change, request
):
    method, view, _ = change
    if persona:
        login(client, request.getfixturevalue(persona))
    response = change_request(client, method, view, punkt, two_bilag[0])
    assert response.status_code in allowed
    if persona is None:
        assert response["Location"].startswith("/login/")
    assert order(punkt) == [(1, "a.pdf"), (2, "b.pdf")]


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_secretary_changes_attachments(client, punkt, two_bilag, sekretaer, change):
    method, view, expected = change
    login(client, sekretaer)
    response = change_request(client, method, view, punkt, two_bilag[0])
    assert response.status_code == expected


def test_download_of_a_lost_file_is_a_404_not_a_server_error(client, punkt, sekretaer):

    bilag = factories.make_bilag(punkt, filnavn="notat.pdf")
    bilag.fil.storage.delete(bilag.fil.name)
    client.force_login(sekretaer)
    response = client.get(f"/bilag/{bilag.pk}/")
    assert response.status_code == 404
    assert "Siden findes ikke" in response.content.decode()
