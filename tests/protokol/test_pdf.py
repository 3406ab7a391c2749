"""The meeting PDFs (protokol.pdf): real WeasyPrint, text read back with poppler's pdftotext.

The demo (the two seed meetings) is loaded once for the module inside a transaction that is
rolled back at the end; each test runs in a savepoint inside it.
"""

import base64
import datetime
import io
import re
import shutil
import socket
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader, PdfWriter

from kerne import pdf as kerne_pdf
from protokol import demo_data, pdf
from protokol.services import optagelse
from sager import services as sager_services
from sager.models import Adgang, Bilag, Punkt
from tests import factories
from udvalg import services as udvalg_services
from udvalg.models import Moede, Udvalg

UDVALG = "Erhvervs- og Beskæftigelsesudvalget 2014-2017"
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A 1x1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

if shutil.which("pdftotext") is None:  # CI installs poppler-utils; never skip silently
    raise RuntimeError("pdftotext (poppler-utils) is required by tests/sager/test_pdf.py")


# --- helpers -----------------------------------------------------------------------------------


def pdftotext(data: bytes, page: int | None = None) -> str:
    args = ["pdftotext", "-raw", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    result = subprocess.run([*args, "-", "-"], input=data, capture_output=True, check=True)
    return result.stdout.decode()


def flex(phrase: str) -> str:
    """A regex for the phrase that allows line breaks wherever the PDF may wrap it: at spaces
    and after hyphens (the narrow label column wraps 'Beslutning … den 13-05-2015')."""
    parts = []
    for char in phrase:
        if char == " ":
            parts.append(r"\s+")
        elif char == "-":
            parts.append(r"-\s*")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def assert_in_order(text: str, phrases: list[str]) -> list[int]:
    """Each phrase occurs after the previous one; returns where each was found."""
    pos, found = 0, []
    for phrase in phrases:
        match = re.compile(flex(phrase)).search(text, pos)
        assert match, f"{phrase!r} not found after position {pos}:\n{text[pos : pos + 400]}"
        found.append(match.start())
        pos = match.end()
    return found


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def outline_titles(data: bytes) -> list[str]:
    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item.title

    return list(walk(PdfReader(io.BytesIO(data)).outline))


def after_signature_heading(text: str) -> str:
    return text[text.index("Signeret af:") :]


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def media_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, media_root):
    """Overrides the conftest fixture: the module's demo files stay readable in every test."""
    settings.PASSWORD_HASHERS = FAST_HASHER
    settings.MEDIA_ROOT = media_root


@pytest.fixture(scope="module")
def demo(demo_snapshot, django_db_blocker, media_root):
    """The demo data for the whole module (the tests read it; each test's own changes are
    rolled back to this point)."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media_root, PASSWORD_HASHERS=FAST_HASHER),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo_snapshot.restore(media_root)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def medlem(demo, db):
    return get_user_model().objects.get(username="medlem")


def demo_moede(dato: str) -> Moede:
    return Moede.objects.select_related("udvalg").get(udvalg__slug="ebu-2014-2017", url_slug=dato)


@pytest.fixture(scope="module")
def referat_2015(demo, django_db_blocker, media_root) -> bytes:
    """The 13-05-2015 protocol as the member Gurli Nielsen sees it (rendered once)."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        user = get_user_model().objects.get(username="medlem")
        return pdf.render_moede_pdf(demo_moede("2015-05-13"), user=user)


@pytest.fixture
def ny_moede(medlem):
    """A released meeting of the demo committee that the tests may change."""
    ebu = Udvalg.objects.get(slug="ebu-2014-2017")
    moede = factories.make_moede(ebu, dato=datetime.date(2015, 6, 10))
    udvalg_services.moede_release(
        moede=moede, user=get_user_model().objects.get(username="sekretaer")
    )
    return moede


# --- the protocol ------------------------------------------------------------------------------


def test_protocol_prints_items_decisions_and_absence_in_order(referat_2015):
    text = pdftotext(referat_2015)
    titles = [f"{p['nummer']}. {p['titel']}" for p in demo_data.MOEDER[1]["punkter"]]
    assert titles[0] == "1. Bemærkninger til dagsordenen"
    assert titles[5].startswith("6. Ændret lovgivning siden for-analyse i 2011")
    decision = f"Beslutning {UDVALG} den 13-05-2015"
    contents = text.index("Indhold")
    expected = []
    for title in titles:
        expected += [UDVALG.upper(), title, "Sagsnr.:", "Punkttype", "Bilag", decision]
        expected += ["Fraværende Ingen"]
    assert_in_order(text[contents:], titles)  # the contents first
    item_1 = text.index(UDVALG.upper())
    assert item_1 > contents
    assert_in_order(text[item_1:], [*expected, "Signeret af:"])
    assert len(re.findall(flex(decision), text)) == 6
    assert len(re.findall(r"Fraværende\s+Ingen", text)) == 6 + 1  # + the front page
    # The item with an earlier decision prints both, oldest first.
    assert_in_order(
        text, [f"Beslutning {UDVALG} den 03-12-2014", f"Beslutning {UDVALG} den 13-05-2015"]
    )


def test_front_page_and_contents_with_page_numbers(referat_2015):
    first = pdftotext(referat_2015, page=1)
    assert_in_order(
        first,
        [UDVALG, "Beslutningsprotokol", "onsdag den 13. maj 2015", "Kl. 7:30", "Deltagere"],
    )
    assert "Nikolaj Bührmann, formand" in first
    assert re.search(r"Fraværende\s+Ingen", first)
    contents = first[first.index("Indhold") :]
    numbers = []
    for p in demo_data.MOEDER[1]["punkter"]:
        title = f"{p['nummer']}. {p['titel']}"
        match = re.search(flex(title) + r"[\s.]*?(\d+)\s", contents)
        assert match, title
        numbers.append(int(match.group(1)))
    assert numbers == sorted(numbers) and numbers[0] == 2  # item 1 on page 2, as in the seeds
    signed = re.search(r"Signeret af[\s.]*?(\d+)\s", contents)
    assert signed and int(signed.group(1)) == page_count(referat_2015)
    # The numbers are right: each item's title is on the page the contents name.
    for p, number in zip(demo_data.MOEDER[1]["punkter"], numbers, strict=True):
        assert re.search(flex(f"{p['nummer']}. {p['titel']}"), pdftotext(referat_2015, number))


def test_footer_on_every_page(referat_2015):
    pages = page_count(referat_2015)
    assert pages >= 8
    footer = flex(f"{UDVALG} onsdag den 13. maj 2015")
    for page in range(1, pages + 1):
        text = pdftotext(referat_2015, page)
        assert re.search(footer + rf"\s+{page}\s*$", text.strip()), (page, text[-200:])


def test_signature_page_lists_the_participants_chair_first(referat_2015):
    last = pdftotext(referat_2015, page_count(referat_2015))
    names = [
        "Nikolaj Bührmann",
        "Erling Petersen",
        "Rasmus Keis Neerbek",
        "Agnete Fog",
        "Gurli Nielsen",
    ]
    roles = ["Formand"] + ["Medlem"] * 4
    assert_in_order(
        last, ["Signeret af:", *[x for pair in zip(names, roles, strict=True) for x in pair]]
    )
    assert "Underskrevet" not in last  # no times given


def test_vote_and_minority_statement_verbatim_and_absent_member_does_not_sign(medlem):
    data = pdf.render_moede_pdf(demo_moede("2014-03-12"), user=medlem)
    text = pdftotext(data)
    vote = demo_data.MOEDER[0]["punkter"][3]["afstemning"]
    minority = vote["mindretalsudtalelser"][0]
    flat = normalised(text)
    for sentence in [
        "Følgende forslag blev sat til afstemning:",
        f"”{vote['forslag']}”",
        "Forslaget godkendt med 3 stemmer for (Nikolaj Bührmann, Erling Petersen og Gurli "
        "Nielsen). Imod stemte 1 medlem (Rasmus Keis Neerbek).",
        "Rasmus Keis Neerbek har ønsket følgende mindretalsudtalelse ført til protokol:",
        f"”{minority['tekst']}”",
    ]:
        assert normalised(sentence) in flat, sentence
    assert re.search(r"Fraværende\s+Agnete Fog", text)
    signatures = after_signature_heading(text)
    # Derived from who took part: the chair first, then the seats in order.
    assert_in_order(
        signatures,
        ["Nikolaj Bührmann", "Erling Petersen", "Rasmus Keis Neerbek", "Gurli Nielsen"],
    )
    assert "Agnete Fog" not in signatures
    assert len(re.findall(r"Formand|Medlem", signatures)) == 4


def test_signature_times_in_danish_local_time(medlem):
    signed = datetime.datetime(2015, 5, 14, 7, 12, tzinfo=datetime.UTC)  # 09:12 in Copenhagen
    data = pdf.render_moede_pdf(
        demo_moede("2015-05-13"),
        user=medlem,
        underskrivere=[
            pdf.Signatur("Nikolaj Bührmann", "Formand", signed),
            pdf.Signatur("Lise Stedfortræder", "Stedfortræder", None),
        ],
    )
    last = pdftotext(data, page_count(data))
    assert_in_order(
        last,
        [
            "Signeret af:",
            "Nikolaj Bührmann",
            "Formand",
            "Underskrevet 14. maj 2015 kl. 09:12",
            "Lise Stedfortræder",
            "Stedfortræder",
        ],
    )
    assert last.count("Underskrevet") == 1


def test_agenda_has_no_decisions_absence_or_signatures(medlem):
    data = pdf.render_moede_pdf(demo_moede("2015-05-13"), user=medlem, kind="dagsorden")
    text = pdftotext(data)
    assert_in_order(text, [UDVALG, "Dagsorden", "onsdag den 13. maj 2015", "Medlemmer"])
    assert "Beslutningsprotokol" not in text
    assert not re.search(flex(f"Beslutning {UDVALG} den"), text)
    assert "Fraværende" not in text and "Signeret af" not in text
    titles = [f"{p['nummer']}. {p['titel']}" for p in demo_data.MOEDER[1]["punkter"]]
    assert_in_order(text[text.index(UDVALG.upper()) :], titles)
    assert PdfReader(io.BytesIO(data)).metadata.title.startswith("Dagsorden ")


def test_draft_is_watermarked_on_every_page(medlem):
    data = pdf.render_moede_pdf(demo_moede("2015-05-13"), user=medlem, udkast=True)
    assert "Udkast til beslutningsprotokol" in pdftotext(data, 1)
    for page in range(1, page_count(data) + 1):
        # The rotated word comes out one letter per line.
        assert "Udkast" in re.sub(r"\s+", "", pdftotext(data, page)), page
    assert PdfReader(io.BytesIO(data)).metadata.title.startswith("Udkast til beslutningsprotokol")


def test_tagged_pdf_ua_with_language_and_title(referat_2015):
    reader = PdfReader(io.BytesIO(referat_2015))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title == f"Beslutningsprotokol {UDVALG} onsdag den 13. maj 2015"
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()
    titles = outline_titles(referat_2015)
    assert "3. Budgetlægning 2016 - 2019 - forslag til besparelser" in titles


def test_pdf_a_3b_variant(ny_moede, medlem):
    factories.make_punkt(ny_moede, titel="Arkivering")
    data = pdf.render_moede_pdf(ny_moede, user=medlem, pdf_variant="pdf/a-3b")
    xmp = PdfReader(io.BytesIO(data)).trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in xmp and b"3" in xmp
    assert "3. Arkivering" in pdftotext(data)


def test_queries_do_not_grow_with_the_items(ny_moede):
    def render_counting() -> int:
        user = get_user_model().objects.get(username="medlem")  # no cached roles
        with CaptureQueriesContext(connection) as queries:
            pdf.render_moede_pdf(ny_moede, user=user, med_bilag=True)
        return len(queries)

    def add_item(n: int) -> None:
        punkt = factories.make_punkt(ny_moede, titel=f"Punkt {n}", sag=factories.make_sag())
        factories.make_bilag(punkt, filnavn=f"Notat {n}.pdf")
        optagelse.beslutning_save(punkt=punkt, tekst="<p>Indstilling godkendt.</p>")

    add_item(3)
    few = render_counting()
    for n in range(4, 9):
        add_item(n)
    assert render_counting() == few


# --- attachments -------------------------------------------------------------------------------


def test_attachments_follow_their_cover_pages_with_bookmarks(medlem):
    data = pdf.render_moede_pdf(demo_moede("2015-05-13"), user=medlem, med_bilag=True)
    text = pdftotext(data)
    first = Bilag.objects.get(
        punkt__moede__url_slug="2015-05-13",
        punkt__nummer=3,
        sekvens=1,
        punkt__moede__udvalg__slug="ebu-2014-2017",
    )
    cover = [
        "Bilag: 3.1. Forslag til besparelser på ledighedsydelse.pdf",
        f"Udvalg: {UDVALG}",
        "Mødedato: 13. maj 2015 - Kl. 7:30",
        "Adgang: Åben",
        "Bilagsnr: 33292/15",
    ]
    assert_in_order(text[text.index("Signeret af:") :], cover)
    # The attachment's own page comes right after its cover.
    pages = [pdftotext(data, i) for i in range(1, page_count(data) + 1)]
    cover_page = next(i for i, t in enumerate(pages) if "Bilagsnr: 33292/15" in t)
    assert re.search(flex(" ".join(first.titel.split()[:4])), pages[cover_page + 1])
    assert (
        "Bilag: 3.2. Intensiveret indsats for sygedagpengemodtagere.pdf"
        in pages[cover_page + 1 + first.sidetal]
    )
    titles = outline_titles(data)
    assert "1. Bemærkninger til dagsordenen" in titles and "Bilag" in titles
    assert "3.1. Forslag til besparelser på ledighedsydelse.pdf" in titles
    assert "6.1. Notat om ændringer i lovgivning siden 2011.pdf" in titles
    # The contents name the cover pages' final page numbers, after the inserted pages.
    contents = pdftotext(data, 1)
    match = re.search(flex("Bilag 3.2. Intensiveret indsats") + r"[^\d]*?(\d+)\s", contents)
    assert match and int(match.group(1)) == cover_page + 1 + first.sidetal + 1


def test_unreadable_attachments_get_a_danish_cover_instead_of_failing(medlem):
    bilag = list(
        Bilag.objects.filter(punkt__moede__url_slug="2015-05-13", punkt__nummer=3).order_by(
            "sekvens"
        )[:2]
    )
    paths = [Path(b.fil.path) for b in bilag]
    saved = [p.read_bytes() for p in paths]
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(saved[1])))
    writer.encrypt("hemmelig")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    try:
        paths[0].write_bytes(b"%PDF-1.7\n" + b"\x00garbage\xff" * 200)
        paths[1].write_bytes(encrypted.getvalue())
        data = pdf.render_moede_pdf(demo_moede("2015-05-13"), user=medlem, med_bilag=True)
    finally:
        for path, content in zip(paths, saved, strict=True):
            path.write_bytes(content)
    text = normalised(pdftotext(data))
    for filnavn in [b.filnavn for b in bilag]:
        assert f"{filnavn} Udvalg:" in text
    assert text.count("Bilaget kunne ikke indsættes") == 2
    assert "Bilag: 3.3. Styrkelse af virksomhedskontakt og jobformidling.pdf" in text


def test_other_file_types_get_a_note_or_the_image(ny_moede, medlem):
    punkt = factories.make_punkt(ny_moede, titel="Bilag af andre typer")
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    for filnavn, content in [("Notat.docx", docx.getvalue()), ("Kort.png", PNG)]:
        sager_services.bilag_add(punkt=punkt, fil=SimpleUploadedFile(filnavn, content))
    data = pdf.render_moede_pdf(ny_moede, user=medlem, med_bilag=True)
    text = normalised(pdftotext(data))
    assert "Bilag: 3.1. Notat.docx" in text
    assert (
        "Bilaget (Word-dokument) er vedhæftet punktet i systemet, men indgår ikke i denne PDF."
        in text
    )
    assert "Bilag: 3.2. Kort.png" in text
    last = PdfReader(io.BytesIO(data)).pages[-1]
    assert "/XObject" in last["/Resources"]  # the image is embedded on its cover page


def test_closed_items_and_attachments_are_left_out_for_a_reader_without_access(ny_moede, medlem):
    """Whoever may read a meeting (its secretaries, its members on the day) may read its
    closed items; everyone else reads the public version, which leaves them out."""
    aaben = factories.make_punkt(ny_moede, titel="Åbent punkt om erhvervsfremme")
    factories.make_bilag(aaben, filnavn="Offentligt notat.pdf")
    factories.make_bilag(aaben, filnavn="Fortroligt notat.pdf", adgang=Adgang.LUKKET)
    factories.make_punkt(ny_moede, titel="Personsag om en medarbejder", adgang=Adgang.LUKKET)

    everything = normalised(pdftotext(pdf.render_moede_pdf(ny_moede, user=medlem)))
    assert "Personsag om en medarbejder (lukket punkt)" in everything  # plain text, no badge
    assert "Fortroligt notat.pdf (lukket)" in everything

    data = pdf.render_moede_pdf(
        ny_moede, user=None, kind="dagsorden", med_bilag=True, offentlig=True
    )
    text = normalised(pdftotext(data))
    assert "3. Åbent punkt om erhvervsfremme" in text
    assert "Offentligt notat.pdf" in text and "Bilag: 3.1. Offentligt notat.pdf" in text
    assert "Personsag" not in text
    assert "Fortroligt" not in text
    assert Punkt.objects.filter(moede=ny_moede, adgang=Adgang.LUKKET).exists()


# --- fetching ----------------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access in a test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


def test_remote_image_in_a_section_neither_fetches_nor_fails(ny_moede, medlem, no_network):
    remote = '<p>Se kortet.</p><img src="http://example.com/x.png" alt="kort">'
    punkt = factories.make_punkt(ny_moede, titel="Punkt med billede")
    # Straight into the row: the sanitiser would otherwise drop the <img> on the way in.
    Punkt.objects.filter(pk=punkt.pk).update(sagsbeskrivelse=remote)
    data = pdf.render_moede_pdf(ny_moede, user=medlem)
    assert "Se kortet." in pdftotext(data)
    # And the same image in our own PDF template, past any sanitiser, reaches only the fetcher.
    html = (
        '<!DOCTYPE html><html lang="da"><head><title>Prøve</title>'
        '<link rel="stylesheet" href="http://example.com/x.css"></head><body><p>Tekst</p>'
        f"{remote}</body></html>"
    )
    assert "Tekst" in pdftotext(kerne_pdf.html_to_pdf(html))
    assert no_network == []
