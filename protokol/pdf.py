"""The meeting PDFs: the decision protocol (beslutningsprotokol) and the agenda (dagsorden),
optionally followed by the attachments, each behind a cover page (DOMAIN §2.9-2.11 and §4).

The items are rendered by the same partials as the web pages (templates/protokol/pdf/protokol.html
calls the Jinja2 macros of templates/jinja2/protokol/punkt.html with ``pdf=True``) and loaded
the same way (``selectors.punkter_for_moede_page`` and ``selectors.attach_protocol``), so a
user's PDF shows exactly what their web page shows. Rendering goes through kerne.pdf
(restricted URL fetcher).
"""

import io
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone
from pypdf import PasswordType, PdfReader, PdfWriter

from kerne import danish, pdfrens
from kerne.pdf import PDF_VARIANTS, render
from protokol import selectors
from protokol.offentlig import punkter as offentlige_punkter
from sager import files
from sager.models import Beslutning, Bilag, Punkt

logger = logging.getLogger(__name__)

TITLER = {"referat": "Beslutningsprotokol", "dagsorden": "Dagsorden"}


@dataclass(frozen=True)
class Signatur:
    """One line on the "Signeret af:" page."""

    navn: str
    rolle: str  # "Formand", "Medlem", "Stedfortræder" ...
    tidspunkt: datetime | None = None  # when signed (None: not yet)

    @property
    def underskrevet_tekst(self) -> str:
        """'Underskrevet 14. maj 2015 kl. 09:12' in Danish local time; '' if not signed."""
        if self.tidspunkt is None:
            return ""
        lokal = self.tidspunkt
        if timezone.is_aware(lokal):
            lokal = timezone.localtime(lokal)
        return f"Underskrevet {danish.date_without_weekday(lokal)} kl. {lokal:%H:%M}"


# --- attachments -------------------------------------------------------------------------------


@dataclass
class BilagSide:
    """An attachment to append: its cover page says what follows it."""

    bilag: Bilag
    status: str  # "pdf" | "billede" | "ulaeselig" | "andet"
    pdf: bytes | None = None
    sider: int = 0
    billede_url: str = ""
    filtype: str = ""
    side_navn: str = ""
    side_spring: int = 1  # how far the page counter moves on the cover page (see template)


def _read(bilag: Bilag) -> bytes | None:
    try:
        with bilag.fil.open("rb") as handle:
            return handle.read()
    except (OSError, ValueError):
        logger.warning("Bilag %s: the stored file cannot be read", bilag.pk, exc_info=True)
        return None


def _clean_pdf(data: bytes, bilag: Bilag) -> tuple[bytes, int] | None:
    """The attachment rewritten by pypdf (so a broken file fails here, not in the merge) and its
    page count; None when it is damaged or needs a password.

    Its active content is removed first (kerne.pdfrens). Uploads are cleaned when stored
    (sager.files); this also covers files stored before that, or put in place otherwise.
    """
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            logger.warning("Bilag %s is left out of the PDF, it needs a password", bilag.pk)
            return None
        removed = pdfrens.strip_active_content(reader)
        if removed:
            logger.warning("Bilag %s: active content left out: %s", bilag.pk, ", ".join(removed))
        writer = PdfWriter()
        writer.append(reader, import_outline=False)
        if not writer.pages:
            return None
        out = io.BytesIO()
        writer.write(out)
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        logger.warning("Bilag %s is left out of the PDF, it cannot be read: %r", bilag.pk, exc)
        return None
    return out.getvalue(), len(writer.pages)


def _bilag_side(bilag: Bilag) -> BilagSide:
    data = _read(bilag)
    if data is None:
        return BilagSide(bilag=bilag, status="ulaeselig")
    kind = files.detected_extension(data[:8192])
    declared = bilag.indholdstype == "application/pdf"
    if kind == "pdf" or (declared and kind is None):
        cleaned = _clean_pdf(data, bilag)
        if cleaned is None:
            return BilagSide(bilag=bilag, status="ulaeselig")
        return BilagSide(bilag=bilag, status="pdf", pdf=cleaned[0], sider=cleaned[1])
    names = dict(files.ALLOWED.values())  # mime type -> human name
    filtype = files.ALLOWED[kind][1] if kind in files.ALLOWED else None
    filtype = filtype or names.get(bilag.indholdstype, "ukendt filtype")
    if kind in ("png", "jpg", "jpeg"):
        try:
            path = Path(bilag.fil.path)
        except NotImplementedError:  # a storage without local paths
            path = None
        if path is not None:
            return BilagSide(bilag=bilag, status="billede", billede_url=path.as_uri())
    return BilagSide(bilag=bilag, status="andet", filtype=filtype)


def _bilag_sider(punkter: list[Punkt]) -> list[BilagSide]:
    return bilag_sider([bilag for punkt in punkter for bilag in punkt.bilag.all()])


def bilag_sider(bilag_list: list[Bilag]) -> list[BilagSide]:
    """The attachments to append, in order, each with its cover page's name and page jump."""
    result = []
    inserted = 0
    for bilag in bilag_list:
        side = _bilag_side(bilag)
        side.side_navn = f"bilag-{len(result) + 1}"
        # The cover page counts itself plus the pages of the previous attachment, which are
        # inserted after rendering; so footers and the table of contents stay right.
        side.side_spring = 1 + inserted
        inserted = side.sider
        result.append(side)
    return result


def _insert_attachments(data: bytes, document, sider: list[BilagSide]) -> bytes:
    """Put each attachment's pages right after its cover page."""
    cover_page = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith("bilag-") and anchor not in cover_page:
                cover_page[anchor] = index
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    # Back to front, so the earlier cover pages keep their index.
    for side in reversed(sider):
        if side.pdf is None:
            continue
        position = cover_page[f"bilag-{side.bilag.pk}"] + 1
        writer.merge(position, PdfReader(io.BytesIO(side.pdf)), import_outline=False)
        for page in writer.pages[position : position + side.sider]:
            # Their structure entries point into the attachment's own (dropped) tag tree.
            page.pop("/StructParents", None)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _forslag_bilag(punkter: list[Punkt]) -> list[tuple[Punkt, object]]:
    """The savings proposals attached to the items, each to be rendered as its form."""
    rows = [(punkt, forslag) for punkt in punkter for forslag in punkt.besparelsesforslag.all()]
    prefetch_related_objects([forslag for _, forslag in rows], "aarstal")
    return rows


def signaturer(moede) -> list[Signatur]:
    """The "Signeret af:" lines from the meeting's stored signatures, in their order."""
    return [
        Signatur(navn=u.navn, rolle=u.rolle, tidspunkt=u.underskrevet)
        for u in moede.underskrifter.order_by("sortering")
    ]


# --- the document ------------------------------------------------------------------------------


def render_moede_pdf(moede, *, pdf_variant: str = "pdf/ua-1", **kwargs) -> bytes:
    """One PDF of the meeting; see render_moede_pdfs for the arguments."""
    return render_moede_pdfs(moede, pdf_variants=(pdf_variant,), **kwargs)[pdf_variant]


def render_moede_pdfs(moede, *, pdf_variants: tuple[str, ...] = ("pdf/ua-1",), **kwargs):
    """The meeting's PDF in each variant (variant -> bytes); see moede_pdf_html."""
    html, sider = moede_pdf_html(moede, **kwargs)
    return pdf_from_html(html, sider, pdf_variants)


def pdf_from_html(
    html: str, sider: list[BilagSide], pdf_variants: tuple[str, ...] = ("pdf/ua-1",)
) -> dict[str, bytes]:
    """Lay the document out once and write it once per variant, with each attachment's pages
    after its cover page."""
    unknown = set(pdf_variants) - PDF_VARIANTS
    if unknown:
        raise ValueError(f"Unsupported PDF variant {sorted(unknown)!r}")
    document = render(html)
    result = {}
    for variant in pdf_variants:
        data = document.write_pdf(pdf_variant=variant)
        if any(side.pdf for side in sider):
            data = _insert_attachments(data, document, sider)
        result[variant] = data
    return result


def moede_pdf_html(
    moede,
    *,
    user,
    kind: str = "referat",
    udkast: bool = False,
    underskrivere: list[Signatur] | None = None,
    med_bilag: bool = False,
    offentlig: bool = False,
    beslutninger=None,
    punkter: list[Punkt] | None = None,
) -> tuple[str, list[BilagSide]]:
    """The HTML of the meeting's protocol (``kind="referat"``) or agenda (``"dagsorden"``) PDF,
    as ``user`` may see it (closed items and attachments as on their web page).

    ``underskrivere``: the "Signeret af:" lines; by default the meeting's participants, chair
    first, unsigned. ``med_bilag``: append the visible attachments behind cover pages, and the
    savings proposals attached to the items as rendered forms before them.
    ``udkast``: watermark every page.
    ``offentlig``: the public version (KSL §§ 8, 20): closed items only as number, approved
    title and redacted decision (protokol.offentlig), no closed attachments; ``user`` is unused.
    ``beslutninger``: the decisions that may be printed (a BeslutningQuerySet); by default
    those ``user`` may read. ``punkter``: the items, loaded (by default those ``user`` may
    read). Returns the HTML and the attachments to insert after their cover pages.
    """
    if kind not in TITLER:
        raise ValueError(f"Unknown PDF kind {kind!r}")
    udvalg = moede.udvalg
    deltagelse = selectors.moede_deltagelse(moede)
    if offentlig:
        items = offentlige_punkter(moede, med_beslutninger=kind == "referat")
        rows = [(i.punkt, i) if hasattr(i, "punkt") else (i, None) for i in items]
        punkter = [p for p, _ in rows if not p.is_lukket]
    elif kind == "referat":
        punkter = punkter if punkter is not None else selectors.punkter_for_moede_page(moede, user)
        synlige = Beslutning.objects.visible_to(user) if beslutninger is None else beslutninger
        rows = [
            (pp.punkt, pp)
            for pp in selectors.attach_protocol(moede, punkter, deltagelse, synlige=synlige)
        ]
    else:
        punkter = punkter if punkter is not None else selectors.punkter_for_moede_page(moede, user)
        rows = [(p, None) for p in punkter]
    if kind != "referat":
        underskrivere = []
    elif underskrivere is None:
        underskrivere = [Signatur(d.navn, d.rolle) for d in deltagelse.deltagere]
    bilag_sider = _bilag_sider(punkter) if med_bilag else []
    # The public version lists no proposals (their pages need a log-in); see protokol.offentlig.
    forslag_bilag = _forslag_bilag(punkter) if med_bilag and not offentlig else []
    titel = TITLER[kind]
    html = render_to_string(
        "protokol/pdf/protokol.html",
        {
            "moede": moede,
            "udvalg": udvalg,
            "kind": kind,
            "titel": titel,
            "dokument_titel": (
                f"{'Udkast til ' + titel.lower() if udkast else titel} "
                f"{udvalg.visningsnavn} {danish.long_date(moede.dato)}"
            ),
            "udkast": udkast,
            "offentlig": offentlig,
            "rows": rows,
            "deltagelse": deltagelse,
            # The agenda lists the seats' members; a substitute is known only at the meeting.
            "medlemmer": [
                navn
                for _, navn in sorted(
                    [
                        (d.sortering, d.navn)
                        for d in deltagelse.deltagere
                        if not d.stedfortraeder_for
                    ]
                    + [(f.sortering, f.navn) for f in deltagelse.fravaerende]
                )
            ],
            "underskrivere": underskrivere,
            "bilag_sider": bilag_sider,
            "forslag_bilag": forslag_bilag,
        },
    )
    return html, bilag_sider
