"""What a signed protocol shows, frozen at the lock (ProtokolVersion.indhold).

At the lock every page and PDF of the meeting is rendered once from the live data, as the
committee may read it: the protocol page and the agenda page, their public versions, and the
HTML of every PDF (with the ids of the attachments to insert). From then on the meeting's
pages and PDFs are shown from this copy, so a later change anywhere (a case's title, a
person's name, an earlier decision added from a later meeting, a savings proposal) never alters
what was signed. The copy is hashed into the version's chain and signed (services.laasning).
"""

import hashlib
import json

from kerne import jinja
from protokol import offentlig, pdf, selectors
from sager.models import Beslutning

FORMAT = 1
PUNKTER = "protokol/punkt.html"  # the Jinja2 macros of every page's items (kerne.jinja)
# key -> (kind, public, with attachments): every PDF of a signed meeting.
PDF_UDGAVER = {
    "referat-bilag": ("referat", False, True),
    "dagsorden": ("dagsorden", False, False),
    "dagsorden-bilag": ("dagsorden", False, True),
    "offentlig-referat": ("referat", True, False),
    "offentlig-referat-bilag": ("referat", True, True),
    "offentlig-dagsorden": ("dagsorden", True, False),
    "offentlig-dagsorden-bilag": ("dagsorden", True, True),
}


def pdf_udgave(kind: str, *, offentlig: bool, med_bilag: bool) -> str:
    return next(key for key, value in PDF_UDGAVER.items() if value == (kind, offentlig, med_bilag))


def kanonisk(indhold: dict) -> bytes:
    """The copy as bytes for its hash: sorted keys, no spaces, UTF-8."""
    return json.dumps(indhold, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def indhold_sha256(indhold: dict) -> str:
    return hashlib.sha256(kanonisk(indhold)).hexdigest()


def indhold_build(moede) -> dict:
    """Render everything the signed meeting shows, from the live data (inside the lock's
    transaction, while every row of the meeting is frozen)."""
    udvalg = moede.udvalg
    beslutninger = Beslutning.objects.for_udvalg(udvalg)
    punkter = selectors.punkter_for_udvalget(moede)
    deltagelse = selectors.moede_deltagelse(moede)
    protokol_punkter = selectors.attach_protocol(moede, punkter, deltagelse, synlige=beslutninger)
    sider = {
        "referat": jinja.makro(
            PUNKTER, "referat_indhold", punkter=protokol_punkter, deltagelse=deltagelse
        ),
        "dagsorden": jinja.makro(PUNKTER, "moede_indhold", punkter=punkter),
        "offentlig_referat": jinja.makro(
            PUNKTER,
            "offentlig_indhold",
            kind="referat",
            punkter=offentlig.punkter(moede, med_beslutninger=True),
        ),
        "offentlig_dagsorden": jinja.makro(
            PUNKTER,
            "offentlig_indhold",
            kind="dagsorden",
            punkter=offentlig.punkter(moede, med_beslutninger=False),
        ),
    }
    underskrivere = pdf.signaturer(moede)
    pdfs = {}
    for key, (kind, offentlig_udgave, med_bilag) in PDF_UDGAVER.items():
        html, sider_ = pdf.moede_pdf_html(
            moede,
            user=None,
            kind=kind,
            underskrivere=underskrivere,
            med_bilag=med_bilag,
            offentlig=offentlig_udgave,
            beslutninger=beslutninger,
            punkter=punkter,
        )
        pdfs[key] = {"html": html, "bilag": [side.bilag.pk for side in sider_]}
    return {
        "format": FORMAT,
        "sider": sider,
        "pdf": pdfs,
        "data": {
            "udvalg": udvalg.visningsnavn,
            "frigivet_af": (
                (moede.frigivet_af.get_full_name() or moede.frigivet_af.get_username())
                if moede.frigivet_af
                else None
            ),
            "dato": moede.dato.isoformat(),
            "starttid": moede.starttid.isoformat() if moede.starttid else None,
            "sted": moede.sted,
            "punkter": [
                {
                    "nummer": p.nummer,
                    "titel": p.titel,
                    "offentlig_titel": p.offentlig_visningstitel,
                    "adgang": p.adgang,
                    "sagsnr": p.sag.sagsnr if p.sag else None,
                }
                for p in punkter
            ],
            "underskrifter": [
                {
                    "navn": s.navn,
                    "rolle": s.rolle,
                    "underskrevet": s.tidspunkt.isoformat() if s.tidspunkt else None,
                }
                for s in underskrivere
            ],
        },
    }
