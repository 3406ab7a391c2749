"""Active content in uploaded PDFs (JavaScript, launch and web actions, embedded files, XFA):
removed when an attachment is uploaded, and again when attachments are merged into the
meeting PDFs, also for a file that reached the storage some other way."""

import functools
import io
import re
from pathlib import Path

import pytest
import weasyprint
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    StreamObject,
    TextStringObject,
)

from kerne import pdfrens
from sager import files
from tests import factories
from tests.conftest import login
from udvalg import services as udvalg_services

# Names that only active content uses. (/URI is checked by the address, since the meeting
# PDFs' own web links are URI actions too.)
ACTIVE = {
    "/JavaScript",
    "/JS",
    "/AA",
    "/OpenAction",
    "/Launch",
    "/EmbeddedFiles",
    "/EmbeddedFile",
    "/EF",
    "/FileAttachment",
    "/XFA",
    "/SubmitForm",
    "/ImportData",
    "/GoToR",
    "/GoToE",
}
ACTIVE_BYTES = re.compile(
    rb"/(?:JavaScript|JS|AA|OpenAction|Launch|EmbeddedFiles?|EF|FileAttachment|XFA|SubmitForm"
    rb"|ImportData|GoToR|GoToE)(?![A-Za-z0-9#])"
)
# What the hostile file's scripts, web actions and embedded file say, in strings and streams.
MARKERS = ("app.alert", "evil.example", "MZ-payload")


def _name(value: str) -> NameObject:
    return NameObject(value)


def _javascript(code: str) -> DictionaryObject:
    return DictionaryObject(
        {_name("/S"): _name("/JavaScript"), _name("/JS"): TextStringObject(code)}
    )


def _link(action: DictionaryObject, subtype: str = "/Link") -> DictionaryObject:
    rect = ArrayObject([FloatObject(50), FloatObject(50), FloatObject(200), FloatObject(70)])
    return DictionaryObject(
        {
            _name("/Type"): _name("/Annot"),
            _name("/Subtype"): _name(subtype),
            _name("/Rect"): rect,
            _name("/A"): action,
        }
    )


@functools.cache
def notat_pdf() -> bytes:
    return weasyprint.HTML(
        string="<h1>Notat om nytteindsats</h1><p>Teksten skal blive</p>"
        "<p style='break-before:page'>Side to bliver også</p>"
    ).write_pdf()


@functools.cache
def hostile_pdf() -> bytes:
    """A two-page notat with active content in every usual place, and one internal link."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(notat_pdf())))
    writer.add_attachment("regnskab.exe", b"MZ-payload")
    root = writer.root_object
    root[_name("/OpenAction")] = _javascript("app.alert('open')")
    root[_name("/AA")] = DictionaryObject({_name("/WC"): _javascript("app.alert('close')")})
    names = root["/Names"]
    names[_name("/JavaScript")] = DictionaryObject(
        {_name("/Names"): ArrayObject([TextStringObject("x"), _javascript("app.alert('doc')")])}
    )
    root[_name("/AcroForm")] = DictionaryObject(
        {_name("/Fields"): ArrayObject(), _name("/XFA"): TextStringObject("<xdp:xdp/>")}
    )
    root[_name("/URI")] = DictionaryObject(
        {_name("/Base"): TextStringObject("http://evil.example/")}
    )
    page = writer.pages[0]
    page[_name("/AA")] = DictionaryObject({_name("/O"): _javascript("app.alert('page')")})
    launch = {_name("/S"): _name("/Launch"), _name("/F"): TextStringObject("cmd.exe")}
    uri = {_name("/S"): _name("/URI"), _name("/URI"): TextStringObject("http://evil.example/")}
    submit = {
        _name("/S"): _name("/SubmitForm"),
        _name("/F"): TextStringObject("http://evil.example/"),
    }
    goto = {
        _name("/S"): _name("/GoTo"),
        _name("/D"): ArrayObject([writer.pages[1].indirect_reference, _name("/Fit")]),
        # A harmless jump that chains a script after it.
        _name("/Next"): _javascript("app.alert('next')"),
    }
    for action in (launch, uri, goto):
        writer.add_annotation(0, _link(DictionaryObject(action)))
    writer.add_annotation(0, _link(DictionaryObject(submit), subtype="/Widget"))
    attachment = _link(DictionaryObject(goto), subtype="/FileAttachment")
    writer.add_annotation(0, attachment)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def active_content(data: bytes) -> set[str]:
    """The active names, and the hostile file's markers in strings and (decoded) streams, in
    every object the file lists, in use or not, and in its trailer."""
    reader = PdfReader(io.BytesIO(data))
    refs = [(num, gen) for gen, nums in reader.xref.items() for num in nums]
    refs += [(num, 0) for num in reader.xref_objStm]
    stack = [reader.trailer] + [IndirectObject(num, gen, reader).get_object() for num, gen in refs]
    found = set()
    while stack:
        obj = stack.pop()
        if isinstance(obj, StreamObject):
            content = obj.get_data()
            found |= {marker for marker in MARKERS if marker.encode() in content}
        if isinstance(obj, DictionaryObject):
            found |= set(obj.keys()) & ACTIVE
            stack.extend(v for v in obj.values() if not isinstance(v, IndirectObject))
        elif isinstance(obj, ArrayObject):
            stack.extend(v for v in obj if not isinstance(v, IndirectObject))
        elif isinstance(obj, NameObject) and obj in ACTIVE:
            found.add(str(obj))
        elif isinstance(obj, TextStringObject | ByteStringObject):
            found |= {marker for marker in MARKERS if marker in str(obj)}
    return found


def assert_no_active_content(data: bytes) -> None:
    assert active_content(data) == set()
    assert ACTIVE_BYTES.findall(data) == []  # pypdf writes no object streams: all is in sight
    reader = PdfReader(io.BytesIO(data))
    assert reader.attachments == {}
    assert "/OpenAction" not in reader.root_object


def text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def upload(client, punkt, data: bytes, filnavn: str = "notat.pdf"):
    payload = {
        "titel": "",
        "bilagsnr": "",
        "adgang": "aaben",
        "fil": SimpleUploadedFile(filnavn, data),
    }
    return client.post(f"/punkter/{punkt.pk}/bilag/nyt/", payload)


def stored(bilag) -> bytes:
    with bilag.fil.open("rb") as handle:
        return handle.read()


@pytest.fixture
def punkt(moede):
    return factories.make_punkt(moede, titel="Nytteindsats")


def test_the_hostile_file_has_what_the_tests_look_for():
    data = hostile_pdf()
    assert active_content(data) == {
        *("/JavaScript", "/JS", "/AA", "/OpenAction", "/Launch", "/EmbeddedFiles"),
        *("/EmbeddedFile", "/EF", "/FileAttachment", "/XFA", "/SubmitForm", *MARKERS),
    }
    assert ACTIVE_BYTES.search(data)
    assert "Teksten skal blive" in text(data)


# --- upload ------------------------------------------------------------------------------------


def test_upload_stores_the_pdf_without_its_active_content_and_with_its_text(
    client, punkt, sekretaer
):
    login(client, sekretaer)
    assert upload(client, punkt, hostile_pdf()).status_code == 302
    bilag = punkt.bilag.get()
    data = stored(bilag)
    assert_no_active_content(data)
    assert "Notat om nytteindsats Teksten skal blive Side to bliver også" in text(data)
    assert (bilag.sidetal, bilag.stoerrelse) == (2, len(data))
    assert bilag.fil.size == len(data) < len(hostile_pdf())
    assert "Teksten skal blive" in " ".join(bilag.tekst.split())
    # The internal link to page two is kept; the other links and the form field stay inert.
    annots = [a.get_object() for a in PdfReader(io.BytesIO(data)).pages[0]["/Annots"]]
    assert [a["/A"]["/S"] for a in annots if "/A" in a] == ["/GoTo"]
    assert sorted(a["/Subtype"] for a in annots) == ["/Link", "/Link", "/Link", "/Widget"]


def test_a_large_upload_kept_in_a_temporary_file_is_cleaned_too(client, punkt, sekretaer, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1
    login(client, sekretaer)
    assert upload(client, punkt, hostile_pdf()).status_code == 302
    bilag = punkt.bilag.get()
    data = stored(bilag)
    assert_no_active_content(data)
    assert bilag.stoerrelse == len(data)
    assert "Teksten skal blive" in text(data)


def test_the_public_download_of_an_uploaded_pdf_has_no_active_content(
    client, punkt, sekretaer, moede
):
    login(client, sekretaer)
    upload(client, punkt, hostile_pdf())
    udvalg_services.moede_release(moede=moede, user=None)
    client.logout()
    response = client.get(f"/offentlig/bilag/{punkt.bilag.get().pk}/")
    assert response.status_code == 200
    assert_no_active_content(b"".join(response.streaming_content))


def test_a_pdf_without_active_content_is_stored_as_it_came():
    fil = SimpleUploadedFile("notat.pdf", notat_pdf())
    info = files.inspect(fil, "notat.pdf")
    assert info.sidetal == 2
    fil.seek(0)
    assert (fil.read(), fil.size) == (notat_pdf(), len(notat_pdf()))


def test_a_pdf_locked_only_against_changes_is_cleaned_and_keeps_its_text():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(hostile_pdf())))
    writer.encrypt("", "ejer")
    out = io.BytesIO()
    writer.write(out)
    fil = SimpleUploadedFile("notat.pdf", out.getvalue())
    info = files.inspect(fil, "notat.pdf")
    fil.seek(0)
    data = fil.read()
    assert_no_active_content(data)
    assert fil.size == len(data)
    assert "Teksten skal blive" in " ".join(info.tekst.split())


def test_an_encrypted_pdf_with_active_content_is_refused_with_a_message(client, punkt, sekretaer):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(hostile_pdf())))
    writer.encrypt("hemmelig")
    out = io.BytesIO()
    writer.write(out)
    login(client, sekretaer)
    response = upload(client, punkt, out.getvalue())
    assert response.status_code == 400
    assert "indeholder aktivt indhold" in response.content.decode()
    assert not punkt.bilag.exists()


# --- the merged meeting PDFs -------------------------------------------------------------------


def agenda_with_attachments(client, moede) -> bytes:
    response = client.get(f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/dagsorden.pdf",
                          {"bilag": "1"})  # fmt: skip
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def public_agenda_with_attachments(client, moede) -> bytes:
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/dagsorden.pdf"
    response = client.get(url, {"bilag": "1"})
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_agenda_with_an_uploaded_attachment_has_no_active_content(client, punkt, sekretaer):
    login(client, sekretaer)
    upload(client, punkt, hostile_pdf())
    data = agenda_with_attachments(client, punkt.moede)
    assert_no_active_content(data)
    assert "Teksten skal blive Side to bliver også" in text(data)


@pytest.mark.parametrize("public", [False, True], ids=["sekretaer", "offentlig"])
def test_a_hostile_file_put_in_storage_directly_is_cleaned_in_the_merged_agenda(
    client, punkt, sekretaer, moede, public
):
    """Defence in depth: files stored before uploads were cleaned, or put there otherwise."""
    bilag = factories.make_bilag(punkt, pages=2)
    Path(bilag.fil.path).write_bytes(hostile_pdf())
    assert active_content(stored(bilag))
    if public:
        udvalg_services.moede_release(moede=moede, user=None)
        data = public_agenda_with_attachments(client, moede)
    else:
        data = agenda_with_attachments(login(client, sekretaer), moede)
    assert_no_active_content(data)
    assert "Teksten skal blive Side to bliver også" in text(data)


def test_strip_active_content_reports_what_it_removed():
    reader = PdfReader(io.BytesIO(hostile_pdf()))
    removed = pdfrens.strip_active_content(reader)
    assert {"/OpenAction /JavaScript", "/AA", "/JavaScript", "/EmbeddedFiles", "/XFA", "/URI",
            "/A /Launch", "/A /URI", "/A /SubmitForm", "/Next /JavaScript",
            "/Annots /FileAttachment"} <= set(removed)  # fmt: skip
    assert pdfrens.strip_active_content(reader) == []
