"""How an index row is shown: on the search page and in the feeds."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.safestring import SafeString

from kerne import danish
from portal import tekst
from portal.models import Art, Dokument
from sager.models import Punkttype
from udvalg.models import MoedeStatus


@dataclass
class Hit:
    art: str
    url: str
    titel: SafeString
    uddrag: SafeString
    meta: list[str]
    sag_url: str = ""  # the case's course, for an item, decision or attachment


def url(d: Dokument) -> str:
    if d.art == Art.PERSON:
        return reverse("protokol:person", args=[d.person_id])
    if d.art == Art.BILAG:
        if d.offentlig:
            return reverse("offentlig:bilag", args=[d.bilag_id])
        return reverse("sager:bilag-download", args=[d.bilag_id])
    args = [d.udvalg.slug, d.moede.url_slug]
    if d.art == Art.BESLUTNING and d.status == MoedeStatus.UNDERSKREVET:
        return reverse("protokol:referat", args=args) + f"#punkt-{d.punkt.nummer}"
    return reverse("protokol:moede-detail", args=args) + f"#punkt-{d.punkt.nummer}"


def hit(d: Dokument, fremhaev: frozenset[str]) -> Hit:
    meta = [d.udvalg.visningsnavn if d.udvalg else "", danish.long_date(d.dato) if d.dato else ""]
    if d.punkt_id:
        meta.append(f"Punkt {d.punkt.nummer}")
    if d.sagsnr:
        meta.append(f"Sagsnr. {d.sagsnr}")
    if d.punkttype and d.punkttype != Punkttype.INGEN and d.art != Art.BESLUTNING:
        meta.append(d.get_punkttype_display())
    if d.art == Art.PERSON:
        meta.append(d.person.parti or d.person.parti_bogstav)
    if not d.offentlig:
        meta.append("Ikke offentlig")
    return Hit(
        art=d.get_art_display(),
        url=url(d),
        titel=tekst.fremhaevet(d.titel, fremhaev),
        uddrag=tekst.uddrag(d.tekst, fremhaev),
        meta=[m for m in meta if m],
        sag_url=reverse("protokol:sag-detail", args=[d.sag_id]) if d.sag_id else "",
    )
