"""E-mail subscriptions (portal.models.Abonnement): signing up, confirming, unsubscribing and
the messages that tell of what is new.

What is new for a subscription is the index rows anyone may read (portal.soegning.synlige for
an anonymous reader: a subscriber has no account) of its committee, its case or its search,
changed since the last message told of them (Dokument.aendret > sidst_med). Messages go from a
background task (portal.tasks.send_nyheder), at most one per subscription per
PROTOKOL_ABONNEMENT_INTERVAL seconds and PROTOKOL_ABONNEMENT_PR_KOERSEL per run; the task
queues itself again for what it left. Sign-ups are throttled per address and per sender.
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from portal import soegning, tekst, visning
from portal.filters import SoegFilter
from portal.models import Abonnement, Dokument, Emne

MAKS_PR_MAIL = 25
BEKRAEFTELSER_PR_DOEGN = 3  # per address
TILMELDINGER_PR_TIME = 20  # per sender (hashed IP address)
SOEGEFELTER = ("q", "udvalg", "aar", "punkttype", "art", "afstemning", "person")


class ForMange(Exception):
    """Too many sign-ups: the caller says so in Danish."""


def _ip_hash(ip: str | None) -> str:
    if not ip:
        return ""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()


@transaction.atomic
def tilmeld(
    *,
    email: str,
    emne: str,
    adresse: str,
    ip: str | None,
    udvalg=None,
    sag=None,
    soegning_: dict | None = None,
) -> Abonnement | None:
    """A pending subscription (or the pending or active one the address already has for the
    same thing), and a confirmation to send: returns the subscription whose confirmation is to
    be sent, or None when the address is already subscribed (the page says the same either
    way: nothing tells a visitor whether an address is subscribed)."""
    email = email.strip().lower()
    ip_hash = _ip_hash(ip)
    siden = timezone.now() - datetime.timedelta(hours=1)
    if ip_hash and (
        Abonnement.objects.filter(ip_hash=ip_hash, oprettet__gte=siden).count()
        >= TILMELDINGER_PR_TIME
    ):
        raise ForMange("For mange tilmeldinger fra din adresse. Prøv igen om en time.")
    soegning_ = {k: str(v) for k, v in (soegning_ or {}).items() if k in SOEGEFELTER and v}
    maal = _maal(emne, udvalg, sag, soegning_)
    eksisterende = (
        Abonnement.objects.select_for_update()
        .filter(email=email, maal=maal, afmeldt__isnull=True)
        .first()
    )
    if eksisterende and eksisterende.bekraeftet:
        return None
    nu = timezone.now()
    if eksisterende:
        if (
            eksisterende.bekraeftelse_sendt
            and nu - eksisterende.bekraeftelse_sendt < datetime.timedelta(days=1)
        ):
            if eksisterende.bekraeftelser >= BEKRAEFTELSER_PR_DOEGN:
                return None  # asked often enough today: no more mail to that address
        else:
            eksisterende.bekraeftelser = 0
        eksisterende.bekraeftelser += 1
        eksisterende.bekraeftelse_sendt = nu
        eksisterende.save(update_fields=["bekraeftelser", "bekraeftelse_sendt"])
        return eksisterende
    try:
        with transaction.atomic():
            return Abonnement.objects.create(
                email=email,
                emne=emne,
                udvalg=udvalg,
                sag=sag,
                soegning=soegning_,
                maal=maal,
                noegle=secrets.token_urlsafe(32),
                adresse=adresse,
                ip_hash=ip_hash,
                bekraeftelser=1,
                bekraeftelse_sendt=nu,
            )
    except IntegrityError:
        return None  # a concurrent sign-up of the same address made it; its mail goes


def _maal(emne: str, udvalg, sag, soegning_: dict) -> str:
    if emne == Emne.UDVALG:
        return f"udvalg:{udvalg.pk}"
    if emne == Emne.SAG:
        return f"sag:{sag.pk}"
    noegle = "&".join(f"{k}={v}" for k, v in sorted(soegning_.items()))
    return f"soegning:{hashlib.sha256(noegle.encode()).hexdigest()[:40]}"


def find(noegle: str) -> Abonnement | None:
    return Abonnement.objects.select_related("udvalg", "sag").filter(noegle=noegle).first()


@transaction.atomic
def bekraeft(abonnement: Abonnement) -> None:
    """Confirmed: from now on, what changes is told (not what was there before)."""
    if abonnement.bekraeftet is None:
        abonnement.bekraeftet = timezone.now()
        abonnement.sidst_med = abonnement.bekraeftet
        abonnement.afmeldt = None
        abonnement.save(update_fields=["bekraeftet", "sidst_med", "afmeldt"])


def afmeld(abonnement: Abonnement) -> None:
    if abonnement.afmeldt is None:
        Abonnement.objects.filter(pk=abonnement.pk).update(afmeldt=timezone.now())


def beskrivelse(a: Abonnement) -> str:
    if a.emne == Emne.UDVALG:
        return a.udvalg.visningsnavn
    if a.emne == Emne.SAG:
        return f"sag {a.sag.sagsnr}"
    return f"søgningen »{a.soegning.get('q', '')}«"


def nyheder(a: Abonnement):
    """The public index rows new to this subscription, newest change first."""
    qs = soegning.synlige(AnonymousUser())
    if a.emne == Emne.UDVALG:
        qs = qs.filter(udvalg=a.udvalg)
    elif a.emne == Emne.SAG:
        qs = qs.filter(sag=a.sag)
    else:
        filterset = SoegFilter(a.soegning, queryset=qs)
        f = tekst.fortolk(a.soegning.get("q", ""))
        if not f.kan_soeges or not filterset.is_valid():
            return Dokument.objects.none()
        qs = soegning.match(filterset.qs, f)
    if a.sidst_med:
        qs = qs.filter(aendret__gt=a.sidst_med)
    return qs.select_related("udvalg", "moede", "punkt", "bilag", "sag", "person").order_by(
        "-aendret", "-pk"
    )


def _url(a: Abonnement, sti: str) -> str:
    return a.adresse.rstrip("/") + sti


def bekraeftelsesmail(a: Abonnement) -> EmailMessage:
    sti = reverse("portal:abonnement-bekraeft", args=[a.noegle])
    body = render_to_string(
        "portal/mail/bekraeft.txt", {"emne": beskrivelse(a), "url": _url(a, sti)}
    )
    return EmailMessage(
        subject=f"Bekræft dit abonnement på {beskrivelse(a)}", body=body, to=[a.email]
    )


@dataclass
class Besked:
    mail: EmailMessage
    sidst_med: datetime.datetime


def nyhedsmail(a: Abonnement) -> Besked | None:
    rows = list(nyheder(a)[: MAKS_PR_MAIL + 1])
    if not rows:
        return None
    afmeld = _url(a, reverse("portal:abonnement-afmeld", args=[a.noegle]))
    punkter = [(d, _url(a, visning.url(d))) for d in rows[:MAKS_PR_MAIL]]
    body = render_to_string(
        "portal/mail/nyheder.txt",
        {
            "emne": beskrivelse(a),
            "punkter": punkter,
            "flere": len(rows) > MAKS_PR_MAIL,
            "afmeld": afmeld,
            "side": _url(a, _side(a)),
        },
    )
    mail = EmailMessage(
        subject=f"Nyt om {beskrivelse(a)}",
        body=body,
        to=[a.email],
        headers={
            "List-Unsubscribe": f"<{afmeld}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    return Besked(mail=mail, sidst_med=max(d.aendret for d in rows[:MAKS_PR_MAIL]))


def _side(a: Abonnement) -> str:
    if a.emne == Emne.UDVALG:
        return reverse("offentlig:udvalg", args=[a.udvalg.slug])
    if a.emne == Emne.SAG:
        return reverse("protokol:sag-detail", args=[a.sag.pk])
    return reverse("portal:soeg") + "?" + urlencode(sorted(a.soegning.items()))


def forfaldne(nu=None):
    """Active subscriptions whose last message is older than the interval."""
    nu = nu or timezone.now()
    graense = nu - datetime.timedelta(seconds=settings.PROTOKOL_ABONNEMENT_INTERVAL)
    return Abonnement.objects.filter(bekraeftet__isnull=False, afmeldt__isnull=True).filter(
        Q(sidst_sendt__isnull=True) | Q(sidst_sendt__lte=graense)
    )


def senest_aendret():
    return Dokument.objects.filter(offentlig=True).aggregate(m=Max("aendret"))["m"]
