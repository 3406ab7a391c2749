"""Public agendas and protocols (KSL §§ 8, 20): a closed item shows only its number, the
approved title and the redacted decision; a closed attachment never shows."""

import datetime
import io
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from weasyprint import HTML

from protokol.services import optagelse
from protokol.services import underskrift as underskrift_services
from sager import services as sager_services
from sager.models import Adgang, Fravaersaarsag, Punkt
from tests import factories
from udvalg import services
from udvalg.models import Rolle

MARKER = "HEMMELIGT7Q"


def marked_pdf(text: str) -> bytes:

    out = io.BytesIO()
    HTML(string=f"<p>{text}</p>").write_pdf(out)
    return out.getvalue()


@pytest.fixture
def published(udvalg, sekretaer):
    users = []
    for i, navn in enumerate(["Nikolaj Bührmann", "Erling Petersen", "Gurli Nielsen"]):
        user = factories.make_user(f"p{i}")
        m = factories.make_medlem(udvalg, user=user, navn=navn)
        m.sortering, m.rolle = i, Rolle.FORMAND if i == 0 else Rolle.MEDLEM
        m.save()
        users.append(user)
    moede = factories.make_moede(udvalg, dato=datetime.date(2015, 5, 13), sted="Rådhuset")
    aaben = factories.make_punkt(moede, titel="Nytteindsats", sag=factories.make_sag("14/1175"))
    factories.make_bilag(aaben, filnavn="Offentligt notat.pdf")
    sections = {name: f"<p>{MARKER} {name}</p>" for name in [
        "tema", "sagsbeskrivelse", "supplerende_sagsbeskrivelse", "administrationens_forslag",
        "afledte_konsekvenser", "oekonomi_og_finansiering", "dialog_hoering"]}  # fmt: skip
    lukket = factories.make_punkt(
        moede,
        titel=f"Personalesag {MARKER}",
        sag=factories.make_sag("15/999", f"Sag {MARKER}"),
        adgang=Adgang.LUKKET,
        **sections,
    )
    lukket.offentlig_titel = "Personalesag"
    lukket.save()
    sager_services.bilag_add(
        punkt=lukket,
        fil=SimpleUploadedFile("x.pdf", marked_pdf(MARKER), "application/pdf"),
        filnavn=f"{MARKER}.pdf",
        titel=MARKER,
    )
    # A closed attachment on the open item, too.
    sager_services.bilag_add(
        punkt=aaben,
        fil=SimpleUploadedFile("y.pdf", marked_pdf(MARKER), "application/pdf"),
        filnavn=f"Fortroligt {MARKER}.pdf",
        titel=MARKER,
        adgang=Adgang.LUKKET,
    )
    services.moede_release(moede=moede, user=sekretaer)
    optagelse.beslutning_save(punkt=aaben, tekst="<p>Indstilling godkendt.</p>")
    beslutning = optagelse.beslutning_save(
        punkt=lukket, tekst=f"<p>{MARKER} beslutning</p>", offentlig_tekst="<p>Godkendt.</p>"
    )
    optagelse.punktfravaer_set(
        punkt=lukket, person=users[2].person, type=Fravaersaarsag.INHABIL, note=MARKER
    )
    optagelse.afstemning_register(
        beslutning=beslutning,
        forslag=f"{MARKER} forslag",
        stemmer={users[0].person.pk: "for", users[1].person.pk: "imod"},
    )
    # A tie rejects the motion: the member who voted for may enter a minority statement.
    optagelse.mindretalsudtalelse_add(
        beslutning=beslutning, person=users[0].person, tekst=f"{MARKER} mindretal"
    )
    services.moede_start_recording(moede=moede)
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    factories.sign_all(moede, users)
    moede.refresh_from_db()
    return moede, aaben, lukket


def public_urls(moede, aaben):
    # The committee's public page, and the meeting at its one URL (the public version for a
    # reader not logged in).
    base = f"/udvalg/{moede.udvalg.slug}/"
    urls = ["/offentlig/", f"/offentlig/{moede.udvalg.slug}/", f"{base}moeder/{moede.url_slug}/",
            f"{base}moeder/{moede.url_slug}/referat/"]  # fmt: skip
    urls += [f"/offentlig/bilag/{b.pk}/" for b in aaben.bilag.filter(adgang=Adgang.AABEN)]
    for pdf in ["dagsorden.pdf", "referat.pdf"]:
        urls += [
            f"{base}moeder/{moede.url_slug}/{pdf}",
            f"{base}moeder/{moede.url_slug}/{pdf}?bilag=1",
        ]
    return urls


def pdf_text(data: bytes) -> str:

    result = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode()


def test_public_pages_show_closed_items_only_as_number_title_and_redacted_decision(
    client, published
):
    moede, aaben, lukket = published
    assert moede.status == "underskrevet"
    for url in public_urls(moede, aaben):
        response = client.get(url)  # anonymous
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert MARKER.encode() not in body, url
        if body.startswith(b"%PDF-"):
            text = pdf_text(body)
            assert MARKER not in text, url
            if "/moeder/" in url:  # our own renders: prove the text was really read
                assert "Nytteindsats" in text, url
    html = client.get(f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/referat/")
    html = html.content.decode()
    assert "4. Personalesag" in html and "Godkendt." in html
    assert "3. Nytteindsats" in html and "Indstilling godkendt." in html
    assert "Offentligt notat.pdf" in html
    referat_pdf = client.get(f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/referat.pdf")
    text = " ".join(pdf_text(b"".join(referat_pdf.streaming_content)).split())
    assert "4. Personalesag" in text and "Godkendt." in text
    # The marker is really in the data: the committee's own members see it.
    client.force_login(moede.udvalg.medlemskaber.first().person.user)
    full = client.get(f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/referat/")
    assert MARKER in full.content.decode()


def test_closed_attachments_are_never_served_publicly(client, published):
    _, aaben, lukket = published
    for bilag in [*lukket.bilag.all(), *aaben.bilag.filter(adgang=Adgang.LUKKET)]:
        assert client.get(f"/offentlig/bilag/{bilag.pk}/").status_code == 404


def test_unsigned_protocols_and_drafts_are_not_public(client, udvalg, sekretaer):
    draft = factories.make_moede(udvalg, dato=datetime.date(2016, 1, 6))
    base = f"/udvalg/{udvalg.slug}/moeder/{draft.url_slug}/"
    to_log_in = f"/login/?next={base}"
    assert client.get(base).url == to_log_in  # a draft agenda: nothing public, a member logs in
    services.moede_release(moede=draft, user=sekretaer)
    assert client.get(base).status_code == 200  # the released agenda
    assert client.get(f"{base}referat/").url == f"/login/?next={base}referat/"  # not signed
    for pdf in ("dagsorden.pdf", "referat.pdf"):
        assert client.get(f"{base}{pdf}").status_code == (200 if pdf == "dagsorden.pdf" else 302)


def test_without_an_approved_title_a_closed_item_is_lukket_punkt(client, published):
    moede, aaben, lukket = published

    # The data is locked; check the rule on an unsaved copy.
    copy = Punkt(titel="Fortroligt", adgang=Adgang.LUKKET)
    assert copy.offentlig_visningstitel == "Lukket punkt"
    assert lukket.offentlig_visningstitel == "Personalesag"


# --- one URL per meeting -------------------------------------------------------------------------


def _read(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return pdf_text(body) if body.startswith(b"%PDF-") else body.decode()


@pytest.mark.parametrize("page", ["", "referat/", "referat.pdf", "dagsorden.pdf?bilag=1"])
def test_one_url_full_for_the_meetings_readers_public_for_everyone_else(
    client, published, sekretaer, page
):
    moede, _, _ = published
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/{page}"
    member = factories.make_user("medlem-paa-dagen")
    factories.make_medlem(moede.udvalg, user=member)
    former = factories.make_user("tidligere")
    seat = factories.make_medlem(moede.udvalg, user=former)
    seat.gyldig_til = moede.dato - datetime.timedelta(days=1)
    seat.save()
    stranger = factories.make_user("fremmed")
    factories.make_medlem(factories.make_udvalg(navn="Andet udvalg", forkortelse="AU"), stranger)
    for reader, full in [(None, False), (former, False), (stranger, False), (member, True),
                         (sekretaer, True)]:  # fmt: skip
        client.logout()
        if reader is not None:
            client.force_login(reader)
        response = client.get(url)
        assert response.status_code == 200, (reader, url)
        assert "Cookie" in response.get("Vary", ""), (reader, url)
        assert (MARKER in _read(response)) is full, (reader, url)
        # Anyone may ask for the public version at the same URL: what the public sees.
        sep = "&" if "?" in url else "?"
        public = client.get(f"{url}{sep}visning=offentlig")
        assert public.status_code == 200 and MARKER not in _read(public), (reader, url)


def test_the_public_version_offers_a_member_to_log_in(client, published):
    moede, _, _ = published
    url = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/"
    html = client.get(url).content.decode()
    assert f'href="/login/?next={url}"' in html and "med lukkede punkter" in html
    client.force_login(factories.make_user("udenfor"))
    html = client.get(url).content.decode()
    assert "Du ser den offentlige udgave" in html and "/login/?next=" not in html


def test_a_logged_in_reader_without_the_right_gets_404_where_nothing_is_public(
    client, udvalg, sekretaer
):
    moede = factories.make_moede(udvalg, dato=datetime.date(2016, 2, 3))
    services.moede_release(moede=moede, user=sekretaer)  # released, not held: no protocol
    base = f"/udvalg/{udvalg.slug}/moeder/{moede.url_slug}/"
    client.force_login(factories.make_user("udenfor"))
    assert client.get(base).status_code == 200  # the public agenda
    assert client.get(f"{base}referat/").status_code == 404
    assert client.get(f"{base}referat.pdf").status_code == 404


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("", ""),
        ("referat/", "referat/"),
        ("referat.pdf?bilag=1", "referat.pdf?bilag=1&visning=offentlig"),
        ("dagsorden.pdf", "dagsorden.pdf"),
    ],
)
def test_old_public_links_lead_to_the_meetings_one_url(client, published, old, new):
    moede, _, _ = published
    response = client.get(f"/offentlig/{moede.udvalg.slug}/moeder/{moede.url_slug}/{old}")
    target = f"/udvalg/{moede.udvalg.slug}/moeder/{moede.url_slug}/{new}"
    if "visning" not in new:
        target += "?visning=offentlig"
    assert response.status_code == 301 and response["Location"] == target
    # A member who follows it sees the public version, as the old link showed.
    client.force_login(factories.make_user("medlem-x"))
    assert MARKER not in _read(client.get(target))


# --- the committee's public page -----------------------------------------------------------------


def test_the_committee_page_shows_its_members_with_party_and_its_other_terms(
    client, udvalg, sekretaer, django_assert_max_num_queries
):
    formand = factories.make_medlem(
        udvalg, rolle=Rolle.FORMAND, navn="Nikolaj Bührmann", parti="Venstre", parti_bogstav="V"
    )
    formand.sortering = 0
    formand.save()
    konto = factories.make_user("agnete", email="agnete@x.dk")
    senere = factories.make_medlem(udvalg, navn="Agnete Fog", parti_bogstav="A", user=konto)
    senere.sortering, senere.gyldig_fra = 1, datetime.date(2015, 3, 1)
    senere.save()
    suppleant = factories.make_medlem(udvalg, navn="Erik Suppleant", parti_bogstav="O")
    suppleant.stedfortraeder = True
    suppleant.save()
    services.moede_release(moede=factories.make_moede(udvalg), user=sekretaer)
    tidligere = factories.make_udvalg(
        navn=udvalg.navn, forkortelse="EBU", periode_start=2010, periode_slut=2013
    )
    tidligere.sekretaerer.add(sekretaer)
    services.moede_release(
        moede=factories.make_moede(tidligere, dato=datetime.date(2012, 5, 2)), user=sekretaer
    )
    uden = factories.make_udvalg(  # nothing published
        navn=udvalg.navn, forkortelse="EBU", periode_start=2006, periode_slut=2009
    )
    with django_assert_max_num_queries(5):
        html = client.get(f"/offentlig/{udvalg.slug}/").content.decode()
    members = html[html.index("<h2>Medlemmer</h2>") :]
    assert members.index("Nikolaj Bührmann") < members.index("Agnete Fog")
    assert "Venstre (V)" in members and "Formand" in members
    assert "fra 01-03-2015" in members and "hele perioden" in members
    stedfortraedere = members[members.index("<h3>Stedfortrædere</h3>") :]
    assert "Erik Suppleant (O)" in stedfortraedere
    assert "agnete@x.dk" not in html and "agnete<" not in html
    assert f'href="/offentlig/{tidligere.slug}/"' in html
    assert f'href="/offentlig/{uden.slug}/"' not in html
