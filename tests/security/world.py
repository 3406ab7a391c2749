"""An attacker's world: one case treated by a closed and an open item of committee A and by
an open item of committee B, both meetings signed; a unique marker in every field of every
closed object, and the people who must or must not see it.

Who may read A's closed item: A's secretary, A's member on the meeting's date, an
administrator. Who may not: anonymous visitors, a logged-in user with no role, B's secretary
and member (another committee on a shared case), A's former member (membership ended before
the meeting) and a staff user without superuser rights.
"""

import datetime
import io
from dataclasses import dataclass, field

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from weasyprint import HTML

from budget import services as budget_services
from protokol.services import optagelse
from protokol.services import underskrift as underskrift_services
from referatimport.models import Importkoersel
from sager import services as sager_services
from sager.models import Adgang
from tests import factories
from udvalg import services as udvalg_services
from udvalg.models import Medlemskab, Rolle, Underskrift

MARKER = "HEMMELIGXQ7"
SECTIONS = [
    "tema",
    "sagsbeskrivelse",
    "supplerende_sagsbeskrivelse",
    "administrationens_forslag",
    "afledte_konsekvenser",
    "oekonomi_og_finansiering",
    "dialog_hoering",
]
FORBIDDEN = ["anonym", "borger", "sekretaer_b", "medlem_b", "tidligere_medlem", "staff"]
ALLOWED = ["sekretaer_a", "medlem_a", "admin"]


def marked_pdf(text: str) -> bytes:
    out = io.BytesIO()
    HTML(string=f"<p>{text}</p>").write_pdf(out)
    return out.getvalue()


@dataclass
class World:
    users: dict = field(default_factory=dict)
    udvalg_a: object = None
    udvalg_b: object = None
    m1: object = None
    n1: object = None
    sag: object = None
    lukket: object = None
    aaben: object = None
    b_punkt: object = None
    bilag: list = field(default_factory=list)
    runde: object = None
    tidligere: object = None
    forslag: object = None
    koersel: object = None

    @property
    def punkter(self):
        return [self.lukket, self.aaben, self.b_punkt]

    @property
    def moeder(self):
        return [(self.udvalg_a, self.m1), (self.udvalg_b, self.n1)]


def _sign(moede, sekretaer):
    underskrift_services.referat_close_for_signing(moede=moede, user=sekretaer)
    users = [u.user for u in Underskrift.objects.filter(moede=moede).select_related("user")]
    factories.sign_all(moede, users)
    moede.refresh_from_db()
    assert moede.is_locked


def build() -> World:
    w = World()
    w.udvalg_a = factories.make_udvalg(navn="Erhvervsudvalget", forkortelse="EU")
    w.udvalg_b = factories.make_udvalg(navn="Økonomiudvalget", forkortelse="ØU")
    users = w.users
    users["sekretaer_a"] = factories.make_user("sek_a")
    w.udvalg_a.sekretaerer.add(users["sekretaer_a"])
    users["medlem_a"] = factories.make_user("medlem_a")
    factories.make_medlem(
        w.udvalg_a, user=users["medlem_a"], navn="Anna Aagaard", rolle=Rolle.FORMAND
    )
    users["medlem_a2"] = factories.make_user("medlem_a2")
    factories.make_medlem(w.udvalg_a, user=users["medlem_a2"], navn="Bent Berg")
    users["tidligere_medlem"] = factories.make_user("tidligere")
    tidligere = factories.make_medlem(w.udvalg_a, user=users["tidligere_medlem"], navn="Tove Tidl")
    Medlemskab.objects.filter(pk=tidligere.pk).update(
        gyldig_fra=datetime.date(2014, 1, 1), gyldig_til=datetime.date(2014, 12, 31)
    )
    users["sekretaer_b"] = factories.make_user("sek_b")
    w.udvalg_b.sekretaerer.add(users["sekretaer_b"])
    users["medlem_b"] = factories.make_user("medlem_b")
    factories.make_medlem(w.udvalg_b, user=users["medlem_b"], navn="Bo Bech", rolle=Rolle.FORMAND)
    users["borger"] = factories.make_user("borger")
    users["staff"] = factories.make_user("staff", is_staff=True)
    # Every model permission of the apps (the admin's add/change/delete/view), none of the
    # domain ones that grant reading closed items or every committee's proposals.
    users["staff"].user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["sager", "udvalg", "budget"]
        ).exclude(codename__in=["view_lukket_punkt", "view_alle_forslag", "reopen_protokol"])
    )
    users["admin"] = factories.make_user("admin", is_staff=True, is_superuser=True)
    users["anonym"] = None

    # A's meeting: a closed and an open item on one case; the closed one carries the marker
    # in every field that is not meant for the public.
    w.m1 = factories.make_moede(w.udvalg_a, dato=datetime.date(2015, 5, 13))
    w.sag = factories.make_sag("15/999", f"Sag {MARKER} titel")
    w.lukket = factories.make_punkt(
        w.m1,
        titel=f"Personalesag {MARKER}",
        sag=w.sag,
        adgang=Adgang.LUKKET,
        **{name: f"<p>{MARKER} {name}</p>" for name in SECTIONS},
    )
    w.lukket.offentlig_titel = "Personalesag"
    w.lukket.save()
    w.bilag.append(
        sager_services.bilag_add(
            punkt=w.lukket,
            fil=SimpleUploadedFile("x.pdf", marked_pdf(MARKER), "application/pdf"),
            filnavn=f"{MARKER}.pdf",
            titel=f"Titel {MARKER}",
            bilagsnr="12345/15",
        )
    )
    w.aaben = factories.make_punkt(w.m1, titel="Åben del af sagen", sag=w.sag)
    w.bilag.append(factories.make_bilag(w.aaben, filnavn="Offentligt notat.pdf"))
    w.bilag.append(
        sager_services.bilag_add(
            punkt=w.aaben,
            fil=SimpleUploadedFile("y.pdf", marked_pdf(MARKER), "application/pdf"),
            filnavn=f"Fortroligt {MARKER}.pdf",
            titel=f"Lukket bilag {MARKER}",
            adgang=Adgang.LUKKET,
        )
    )
    udvalg_services.moede_release(moede=w.m1, user=users["sekretaer_a"])
    beslutning = optagelse.beslutning_save(
        punkt=w.lukket, tekst=f"<p>{MARKER} beslutning</p>", offentlig_tekst="<p>Godkendt.</p>"
    )
    optagelse.afstemning_register(
        beslutning=beslutning,
        forslag=f"{MARKER} forslag",
        stemmer={users["medlem_a"].person.pk: "for", users["medlem_a2"].person.pk: "imod"},
    )
    optagelse.mindretalsudtalelse_add(
        beslutning=beslutning, person=users["medlem_a"].person, tekst=f"{MARKER} mindretal"
    )
    optagelse.beslutning_save(punkt=w.aaben, tekst="<p>Indstilling godkendt.</p>")
    # An earlier decision entered by hand: printed in the case history of both protocols.
    w.tidligere = optagelse.beslutning_add_earlier(
        sag=w.sag, udvalg=w.udvalg_b, dato=datetime.date(2015, 2, 4), tekst="<p>Oversendt.</p>"
    )
    udvalg_services.moede_start_recording(moede=w.m1)

    # A savings proposal treated under the closed item only.
    w.runde = factories.make_runde(slug="2016-2019")
    w.forslag = factories.make_forslag(w.runde, w.udvalg_a, titel=f"Forslag {MARKER}")
    budget_services.forslag_attach(forslag=w.forslag, punkt=w.lukket)
    _sign(w.m1, users["sekretaer_a"])

    # B's meeting treats the same case in the open, later, and is signed too.
    w.n1 = factories.make_moede(w.udvalg_b, dato=datetime.date(2015, 6, 10))
    w.b_punkt = factories.make_punkt(w.n1, titel="Orientering om sagen", sag=w.sag)
    udvalg_services.moede_release(moede=w.n1, user=users["sekretaer_b"])
    optagelse.beslutning_save(punkt=w.b_punkt, tekst="<p>Taget til efterretning.</p>")
    udvalg_services.moede_start_recording(moede=w.n1)
    _sign(w.n1, users["sekretaer_b"])

    w.koersel = Importkoersel.objects.create(oprettet_af=users["sekretaer_a"])
    return w
