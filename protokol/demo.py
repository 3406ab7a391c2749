"""Creates the demo committee (EBU 2014-2017) from the seed minutes; used by `load_demo`. The
meetings are built through the same services as the pages: created, filled, recorded, signed
and locked; the budget app adds its savings round (budget.demo)."""

import datetime
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from budget import demo as budget_demo
from budget import demo_data as budget_demo_data
from kerne import richtext
from protokol import demo_data
from protokol.services import laasning, optagelse, underskrift
from sager import services as sager_services
from sager.models import Adgang, Beslutning, Punkttype, Sag, Valg
from udvalg import services
from udvalg.models import (
    FremmoedeStatus,
    Medlemskab,
    Moede,
    MoedeStatus,
    Person,
    Rolle,
    Udvalg,
)

DEMO_PASSWORD = "demo"
# username -> (member name or None, first name, last name)
DEMO_USERS = {
    "sekretaer": (None, "Udvalgssekretær", "EBU"),
    "formand": ("Nikolaj Bührmann", "Nikolaj", "Bührmann"),
    "medlem": ("Gurli Nielsen", "Gurli", "Nielsen"),
    "erling": ("Erling Petersen", "Erling", "Petersen"),
    "rasmus": ("Rasmus Keis Neerbek", "Rasmus", "Keis Neerbek"),
    "agnete": ("Agnete Fog", "Agnete", "Fog"),
}
PUNKTTYPE = {"Beslutning": Punkttype.BESLUTNING, "Orientering": Punkttype.ORIENTERING}
SECTION_KEYS = [
    "tema",
    "sagsbeskrivelse",
    "supplerende_sagsbeskrivelse",
    "administrationens_forslag",
    "afledte_konsekvenser",
    "oekonomi_og_finansiering",
    "dialog_hoering",
]


@dataclass
class DemoResult:
    udvalg: Udvalg
    created_meetings: list[Moede] = field(default_factory=list)
    users: list[tuple[str, str]] = field(default_factory=list)


def attachment_pdf(*, titel: str, filnavn: str, tekst: str, udvalg: Udvalg, moede: Moede) -> bytes:
    """A small PDF that carries the attachment's title (and its text where the seed has it)."""
    html = render_to_string(
        "protokol/pdf/demo_bilag.html",
        {"titel": titel, "filnavn": filnavn, "tekst": tekst, "udvalg": udvalg, "moede": moede},
    )
    out = io.BytesIO()
    HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(out)
    return out.getvalue()


def _user(username: str, first: str, last: str, *, force_password: bool):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": first, "last_name": last}
    )
    if created or force_password:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


@transaction.atomic
def load(*, with_users: bool = True) -> DemoResult:
    data = demo_data.UDVALG
    udvalg, _ = Udvalg.objects.get_or_create(
        forkortelse=data["forkortelse"],
        periode_start=data["periode_start"],
        periode_slut=data["periode_slut"],
        defaults={"navn": data["navn"]},
    )
    if not udvalg.slug:
        udvalg.full_clean()
        udvalg.save()
    result = DemoResult(udvalg=udvalg)

    personer = {}
    for sortering, m in enumerate(demo_data.MEDLEMMER, start=1):
        person, _ = Person.objects.get_or_create(
            navn=m["navn"], defaults={"parti": m["parti"], "parti_bogstav": m["parti_bogstav"]}
        )
        personer[m["navn"]] = person
        Medlemskab.objects.get_or_create(
            udvalg=udvalg,
            person=person,
            defaults={
                "rolle": Rolle(m["rolle"]),
                "sortering": sortering,
                "gyldig_fra": datetime.date(data["periode_start"], 1, 1),
                "gyldig_til": datetime.date(data["periode_slut"], 12, 31),
            },
        )
    for navn in getattr(demo_data, "ANDRE_UDVALG", []):
        _other_udvalg(navn, data)

    if with_users:
        User = get_user_model()
        if not User.objects.filter(is_superuser=True).exists():
            admin = _user("admin", "Administrator", "", force_password=True)
            admin.is_staff = admin.is_superuser = True
            admin.save()
        result.users.append(("admin", "administrator (Django-admin)"))
        for username, (navn, first, last) in DEMO_USERS.items():
            user = _user(username, first, last, force_password=False)
            if navn is None:
                udvalg.sekretaerer.add(user)
                result.users.append((username, f"sekretær for {udvalg.forkortelse}"))
            else:
                person = personer[navn]
                if person.user_id is None:
                    person.user = user
                    person.save()
                rolle = next(m["rolle"] for m in demo_data.MEDLEMMER if m["navn"] == navn)
                result.users.append((username, f"{navn}, {Rolle(rolle).label.lower()}"))

    for moede_data in demo_data.MOEDER:
        moede = Moede.objects.filter(udvalg=udvalg, dato=moede_data["dato"]).first()
        if moede is None:
            moede = _create_moede(udvalg, moede_data)
            result.created_meetings.append(moede)
        if not Beslutning.objects.filter(punkt__moede=moede).exists():
            _record(moede, moede_data, personer)
        if moede.dato == budget_demo_data.PUNKT["dato"]:
            budget_demo.load(udvalg=udvalg, moede=moede)
        if with_users and moede.status == MoedeStatus.AFHOLDT and not moede.versioner.exists():
            _sign(moede, moede_data.get("underskrivere", []))
    return result


def _other_udvalg(navn: str, data: dict) -> Udvalg:
    forkortelse = "".join(w[0] for w in navn.split() if w[0].isupper())[:10] or navn[:10]
    udvalg, _ = Udvalg.objects.get_or_create(
        navn=navn,
        periode_start=data["periode_start"],
        periode_slut=data["periode_slut"],
        defaults={"forkortelse": forkortelse},
    )
    if not udvalg.slug:
        udvalg.full_clean()
        udvalg.save()
    return udvalg


def _sections(punkt_data: dict) -> dict:
    return {key: punkt_data.get(key) for key in SECTION_KEYS}


def _create_moede(udvalg: Udvalg, moede_data: dict) -> Moede:
    moede = sager_services.moede_create(
        udvalg=udvalg,
        dato=moede_data["dato"],
        starttid=moede_data.get("starttid"),
        sted=moede_data.get("sted") or "",
    )
    faste = {p.nummer: p for p in moede.punkter.all()}
    for p in moede_data["punkter"]:
        sag = None
        if p.get("sagsnr"):
            sag, _ = Sag.objects.get_or_create(
                sagsnr=p["sagsnr"], defaults={"titel": p.get("sag_titel") or p["titel"]}
            )
        fields = {
            "titel": p["titel"],
            "sag": sag,
            "punkttype": PUNKTTYPE.get(p["punkttype"], Punkttype.INGEN),
            "adgang": Adgang.LUKKET if p.get("adgang") == "lukket" else Adgang.AABEN,
            **_sections(p),
        }
        if p["nummer"] in faste and faste[p["nummer"]].titel == p["titel"]:
            punkt = faste[p["nummer"]]
            for name, value in fields.items():
                setattr(punkt, name, value)
            punkt.full_clean()
            punkt.save()
        else:
            punkt = sager_services.punkt_create(moede=moede, **fields)
        for b in p.get("bilag", []):
            pdf = attachment_pdf(
                titel=b.get("titel") or b["filnavn"],
                filnavn=b["filnavn"],
                tekst=b.get("tekst", ""),
                udvalg=udvalg,
                moede=moede,
            )
            sager_services.bilag_add(
                punkt=punkt,
                fil=SimpleUploadedFile("bilag.pdf", pdf, content_type="application/pdf"),
                filnavn=b["filnavn"],
                titel=b.get("titel") or "",
                bilagsnr=b.get("bilagsnr"),
                adgang=Adgang.LUKKET if b.get("adgang") == "lukket" else Adgang.AABEN,
            )
    # The demo meetings were released on time: at noon on the deadline day, and then held.
    frist = services.release_deadline(moede.dato)
    moede.status = MoedeStatus.AFHOLDT
    moede.frigivet_tid = timezone.make_aware(datetime.datetime.combine(frist, datetime.time(12)))
    moede.save()
    return moede


def _record(moede: Moede, moede_data: dict, personer: dict[str, Person]) -> None:
    """What happened at the meeting: absences, decisions (earlier ones too), votes."""
    for navn in moede_data.get("fravaerende", []):
        optagelse.fremmoede_set(moede=moede, person=personer[navn], status=FremmoedeStatus.AFBUD)
    udvalg_by_name = {u.forkortelse: u for u in Udvalg.objects.all()}
    udvalg_by_name.update({u.navn: u for u in Udvalg.objects.all()})
    punkter = {p.nummer: p for p in moede.punkter.select_related("sag")}
    for p in moede_data["punkter"]:
        punkt = punkter[p["nummer"]]
        for b in p.get("beslutninger", []):
            tekst = richtext.section_value(b["tekst"]) or ""
            if b["dato"] == moede.dato:
                beslutning = optagelse.beslutning_save(punkt=punkt, tekst=tekst)
            elif not Beslutning.objects.filter(sag=punkt.sag, dato=b["dato"]).exists():
                optagelse.beslutning_add_earlier(
                    sag=punkt.sag, udvalg=udvalg_by_name[b["udvalg"]], dato=b["dato"], tekst=tekst
                )
        vote = p.get("afstemning")
        if vote:
            stemmer = {personer[n].pk: Valg.FOR for n in vote["for"]}
            stemmer.update({personer[n].pk: Valg.IMOD for n in vote["imod"]})
            stemmer.update({personer[n].pk: Valg.UNDLOD for n in vote["undlod"]})
            optagelse.afstemning_register(
                beslutning=beslutning, forslag=vote["forslag"], stemmer=stemmer
            )
            for m in vote["mindretalsudtalelser"]:
                optagelse.mindretalsudtalelse_add(
                    beslutning=beslutning, person=personer[m["navn"]], tekst=m["tekst"]
                )


def _sign(moede: Moede, order: list[str]) -> None:
    """The participants sign the morning after the meeting, in the order of the seed's
    signature page; the last signature locks it."""
    sekretaer = moede.udvalg.sekretaerer.order_by("pk").first()
    rows = underskrift.referat_close_for_signing(moede=moede, user=sekretaer)
    rank = {navn: i for i, navn in enumerate(order)}
    rows.sort(key=lambda r: rank.get(r.navn, len(rank) + r.sortering))
    underskrift.underskrifter_reorder(moede=moede, rows=rows)
    dag = moede.dato + datetime.timedelta(days=1)
    for i, row in enumerate(rows):
        tidspunkt = timezone.make_aware(datetime.datetime.combine(dag, datetime.time(9, 5 * i)))
        underskrift.referat_sign(
            moede=moede, user=row.user, password=DEMO_PASSWORD, tidspunkt=tidspunkt
        )
    # The demo does not wait for the worker: lock now (the queued task then finds it done).
    laasning.referat_lock(moede_id=moede.pk, user_id=rows[-1].user_id)
