"""A meeting as the importer's JSON (issue "Legacy importer", ``--json``), read from the
database: what was stored, not what the parser saw. Texts: paragraphs split by a blank line,
list entries on lines of their own ("- …", "n. …"), lines inside a paragraph joined."""

from __future__ import annotations

from html.parser import HTMLParser

from budget.models import Besparelsesforslag
from protokol import deltagelse, selectors
from sager.models import SEKTIONER, Beslutning, Punkt, PunktFravaer
from udvalg.models import Moede

PUNKTTYPE = {"beslutning": "Beslutning", "orientering": "Orientering", "ingen": "-"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.lists: list[list] = []  # [kind, counter]
        self.items: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self._flush()
            start = int(dict(attrs).get("start") or 1)
            self.lists.append([tag, start])
        elif tag == "li":
            self._flush_item()
        elif tag in ("p", "div", "h1", "h2", "h3", "h4", "table", "tr"):
            self._flush()
        elif tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag):
        if tag == "li":
            self._flush_item()
        elif tag in ("ul", "ol"):
            self._flush_item()
            if self.lists:
                self.lists.pop()
            if self.items and not self.lists:
                self.blocks.append("\n".join(self.items))
                self.items = []
        elif tag in ("p", "div", "td", "th"):
            if not self.lists:
                self._flush()
            elif tag != "p":
                self.current.append(" ")

    def handle_data(self, data):
        self.current.append(data)

    def _text(self) -> str:
        text = " ".join("".join(self.current).split())
        self.current = []
        return text

    def _flush_item(self):
        text = self._text()
        if text and self.lists:
            kind, counter = self.lists[-1]
            prefix = "-" if kind == "ul" else f"{counter}."
            if kind == "ol":
                self.lists[-1][1] += 1
            self.items.append(f"{prefix} {text}")

    def _flush(self):
        text = self._text()
        if text:
            self.blocks.append(text)

    def result(self) -> str:
        self._flush_item() if self.lists else self._flush()
        if self.items:
            self.blocks.append("\n".join(self.items))
        return "\n\n".join(self.blocks)


def html_to_text(html: str | None) -> str:
    if html is None:
        return ""
    if html.strip() == "-":
        return "-"
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser.result()


def _beslutning_tekst(beslutning: Beslutning, order: dict[int, int]) -> str:
    paragraphs = []
    own = html_to_text(beslutning.tekst) if beslutning.tekst else ""
    if own:
        paragraphs.append(own)
    afstemning = getattr(beslutning, "afstemning", None)
    if afstemning is not None:
        # Lines inside a paragraph are joined by a space, as everywhere in the JSON.
        paragraphs += [
            " ".join(a.split("\n")) for a in deltagelse.afstemning_tekst(afstemning, order).afsnit
        ]
    return "\n\n".join(paragraphs)


def moede_json(moede: Moede) -> dict:
    """The meeting, its items and its savings proposals in the importer's JSON schema."""
    paa_moedet = selectors.moede_deltagelse(moede)
    order = {d.person_id: d.sortering for d in paa_moedet.deltagere}
    order.update({f.person_id: f.sortering for f in paa_moedet.fravaerende})
    punkter = list(
        Punkt.objects.filter(moede=moede)
        .select_related("sag")
        .prefetch_related("bilag")
        .order_by("nummer")
    )
    fravaer: dict[int, list] = {}
    for f in PunktFravaer.objects.filter(punkt__in=punkter):
        fravaer.setdefault(f.punkt_id, []).append(f)
    punkt_by_sag = {p.sag_id: p for p in punkter if p.sag_id}
    beslutninger: dict[int, list[Beslutning]] = {}
    for b in (
        selectors.beslutninger_queryset()
        .filter(sag_id__in=punkt_by_sag, dato__lte=moede.dato)
        .order_by("dato", "pk")
    ):
        beslutninger.setdefault(b.sag_id, []).append(b)
    own_decisions = {
        b.punkt_id: b
        for b in selectors.beslutninger_queryset().filter(punkt__in=punkter, sag__isnull=True)
    }
    items = []
    for punkt in punkter:
        decisions = list(beslutninger.get(punkt.sag_id, [])) if punkt.sag_id else []
        if punkt.pk in own_decisions:
            decisions.append(own_decisions[punkt.pk])
        votes, statements = [], []
        for b in decisions:
            afstemning = getattr(b, "afstemning", None)
            if afstemning is None:
                continue
            tekst = deltagelse.afstemning_tekst(afstemning, order)
            groups = {v: [] for v in ("for", "imod", "undlod")}
            for s in sorted(
                afstemning.stemmeliste, key=lambda s: (order.get(s.person_id, 999), s.person.navn)
            ):
                groups[s.valg].append(s.person.navn)
            votes.append(
                {
                    "motion": afstemning.forslag,
                    "result": "godkendt"
                    if deltagelse.is_approved(len(groups["for"]), len(groups["imod"]))
                    else "forkastet",
                    "for": groups["for"],
                    "against": groups["imod"],
                    "abstain": groups["undlod"],
                }
            )
            statements += [{"member": navn, "text": text} for navn, text in tekst.mindretal]
        sections = {}
        for name, label in SEKTIONER:
            value = getattr(punkt, name)
            if value is not None:
                sections[label] = html_to_text(value)
        items.append(
            {
                "number": punkt.nummer,
                "title": punkt.titel,
                "sagsnr": punkt.sag.sagsnr if punkt.sag else None,
                "punkttype": PUNKTTYPE.get(punkt.punkttype, "-"),
                "access": punkt.get_adgang_display(),
                "sections": sections,
                "attachments": [
                    {"number": b.nummer.rstrip("."), "filename": b.filnavn, "bilagsnr": b.bilagsnr}
                    for b in punkt.bilag.all()
                ],
                "decisions": [
                    {
                        "committee": b.udvalg.visningsnavn,
                        "date": b.dato.isoformat(),
                        "text": _beslutning_tekst(b, order),
                    }
                    for b in decisions
                ],
                "votes": votes,
                "minority_statements": statements,
                "absent": deltagelse.punkt_deltagelse(
                    paa_moedet, fravaer.get(punkt.pk, [])
                ).fravaerende_navne,
            }
        )
    proposals = (
        Besparelsesforslag.objects.filter(punkter__moede=moede)
        .distinct()
        .prefetch_related("aarstal")
        .order_by("afdeling_nr", "forslag_nr", "scenarie_nr")
    )
    return {
        "committee": moede.udvalg.visningsnavn,
        "date": moede.dato.isoformat(),
        "start_time": moede.starttid.strftime("%H:%M") if moede.starttid else None,
        "items": items,
        "signatures": list(
            moede.underskrifter.order_by("sortering").values_list("navn", flat=True)
        ),
        "budget_proposals": [
            {
                "afdeling": f.afdeling_nr,
                "forslag": f.forslag_nr,
                "scenarie": f.scenarie_nr,
                "title": f.titel,
                "years": {
                    str(a.aar): {
                        "engangs": a.engangs,
                        "udgifter_service": a.udgifter_service,
                        "udgifter_overfoersel": a.udgifter_overfoersel,
                        "indtaegter": a.indtaegter,
                        "netto": a.netto,
                    }
                    for a in f.aarstal.all()
                },
            }
            for f in proposals
        ],
    }
