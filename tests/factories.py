"""Plain make_* functions; every one goes through the same services the app uses."""

import datetime
import io
import itertools

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from pypdf import PdfWriter

from budget import services as budget_services
from budget.models import Besparelsesforslag, Udgiftstype
from protokol.services import optagelse
from protokol.services import underskrift as underskrift_services
from sager import services as sager_services
from sager.models import Adgang, Bilag, Punkt, Punkttype, Sag
from udvalg import services as udvalg_services
from udvalg.models import Medlemskab, Moede, Person, Rolle, Udvalg

_seq = itertools.count(1)


def make_user(username: str | None = None, **kw):
    username = username or f"bruger{next(_seq)}"
    user = get_user_model().objects.create_user(username=username, password="pw", **kw)
    return user


def make_udvalg(**kw) -> Udvalg:
    n = next(_seq)
    defaults = {
        "navn": f"Udvalg nr. {n}",
        "forkortelse": f"U{n}",
        "periode_start": 2014,
        "periode_slut": 2017,
    }
    defaults.update(kw)
    udvalg = Udvalg(**defaults)
    udvalg.full_clean()
    udvalg.save()
    return udvalg


def make_person(navn: str | None = None, **kw) -> Person:
    return Person.objects.create(navn=navn or f"Person {next(_seq)}", **kw)


def make_medlem(udvalg: Udvalg, user=None, rolle=Rolle.MEDLEM, **kw) -> Medlemskab:
    person = make_person(user=user, **kw)
    return Medlemskab.objects.create(udvalg=udvalg, person=person, rolle=rolle)


def make_moede(udvalg: Udvalg | None = None, dato=None, **kw) -> Moede:
    return sager_services.moede_create(
        udvalg=udvalg or make_udvalg(),
        dato=dato or datetime.date(2015, 5, 13),
        starttid=kw.pop("starttid", datetime.time(7, 30)),
        **kw,
    )


def make_sag(sagsnr: str | None = None, titel: str = "En sag") -> Sag:
    return sager_services.sag_create(sagsnr=sagsnr or f"15/{next(_seq)}", titel=titel)


def make_punkt(moede: Moede | None = None, **kw) -> Punkt:
    kw.setdefault("titel", f"Punkt {next(_seq)}")
    kw.setdefault("punkttype", Punkttype.BESLUTNING)
    kw.setdefault("sagsbeskrivelse", "<p>Beskrivelse.</p>")
    return sager_services.punkt_create(moede=moede or make_moede(), **kw)


def pdf_bytes(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_bilag(punkt: Punkt, filnavn: str = "notat.pdf", adgang=Adgang.AABEN, **kw) -> Bilag:
    fil = SimpleUploadedFile(filnavn, pdf_bytes(kw.pop("pages", 1)), "application/pdf")
    return sager_services.bilag_add(punkt=punkt, fil=fil, filnavn=filnavn, adgang=adgang, **kw)


def make_runde(**kw):
    n = next(_seq)
    defaults = {
        "navn": f"Budgetlægning {n}",
        "slug": f"runde-{n}",
        "foerste_aar": 2016,
        "sidste_aar": 2019,
        "samlet_maal": 50_000_000,
    }
    defaults.update(kw)
    return budget_services.runde_create(**defaults)


def make_forslag(runde=None, udvalg: Udvalg | None = None, aar=None, **kw):
    """A proposal through the service; ``aar`` maps a year to its figures (dict of AarRaekke
    fields), by default every year of the round with 650.000 service and -1.020.000 transfer."""
    runde = runde or make_runde()
    defaults = {
        "afdeling_nr": 434,
        "forslag_nr": next(_seq),
        "udgiftstype": Udgiftstype.BEGGE,
        "titel": "Et besparelsesforslag",
    }
    defaults.update(kw)
    forslag = Besparelsesforslag(runde=runde, udvalg=udvalg or make_udvalg(), **defaults)
    if aar is None:
        aar = {
            year: {"udgifter_service": 650_000, "udgifter_overfoersel": -1_020_000}
            for year in runde.aarene
        }
    rows = [budget_services.AarRaekke(aar=year, **cells) for year, cells in aar.items()]
    return budget_services.forslag_save(forslag=forslag, aar=rows)


# --- a held meeting, ready to sign (protocol signing and locking tests) -------------


HELD_NAMES = ["Nikolaj Bührmann", "Erling Petersen", "Rasmus Keis Neerbek", "Agnete Fog"]


def make_held_moede(udvalg, sekretaer, prefix="u", sagsnr="14/1175"):
    """A held meeting with four members (users u0..u3, password 'pw'), Agnete absent,
    an item with a decision and a named vote."""
    users = []
    for i, navn in enumerate(HELD_NAMES):
        user = make_user(f"{prefix}{i}", first_name=navn.split()[0])
        m = make_medlem(udvalg, user=user, navn=navn)
        m.sortering, m.rolle = i, Rolle.FORMAND if i == 0 else Rolle.MEDLEM
        m.save()
        users.append(user)
    moede = make_moede(udvalg, dato=datetime.date(2014, 3, 12))
    punkt = make_punkt(moede, titel="Nytteindsats", sag=make_sag(sagsnr))
    make_bilag(punkt, filnavn="Supplerende notat om nytteindsats.pdf")
    udvalg_services.moede_release(moede=moede, user=sekretaer)
    agnete = users[3].person
    optagelse.fremmoede_set(moede=moede, person=agnete, status="afbud")
    beslutning = optagelse.beslutning_save(punkt=punkt, tekst="<p>Godkendt.</p>")
    optagelse.afstemning_register(
        beslutning=beslutning,
        forslag="Forslaget",
        stemmer={users[0].person.pk: "for", users[1].person.pk: "for", users[2].person.pk: "imod"},
    )
    udvalg_services.moede_start_recording(moede=moede)
    moede.refresh_from_db()
    return moede, punkt, users


def sign_all(moede, users):
    """Each user signs; the last signature's lock task is queued when the transaction commits,
    which a test's transaction never does, so the commit hooks run here (and the immediate
    task backend of the tests locks at once)."""
    result = None
    with TestCase.captureOnCommitCallbacks(execute=True):
        for user in users:
            result = underskrift_services.referat_sign(moede=moede, user=user, password="pw")
    return result


def lock_moede(held, sekretaer):
    """Close the held meeting (make_held_moede) for signing and sign it: it locks."""
    moede, punkt, users = held
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    sign_all(moede, users[:3])
    moede.refresh_from_db()
    return moede, punkt, users
