"""Atom feeds of what the public pages publish: new agendas (released) and new protocols
(signed), for every committee and for one.

An entry is the meeting as the public sees it: committee, date, time and place, and for an
agenda its items by number and the title the public may see (a closed item by its approved
title, else "Lukket punkt"); the link is the meeting's one URL. Newest first, the 50 last; two
queries whatever their number (the meetings, and their items for the agendas).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import F, Max, Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join

from kerne import danish
from protokol import offentlig
from sager.models import Punkt
from udvalg.models import Moede, MoedeStatus, Udvalg

ANTAL = 50


def _midnat(dato: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dato, datetime.time()))


class _MoedeFeed(Feed):
    feed_type = Atom1Feed
    navn = ""  # "Dagsorden": an entry's title
    flertal = ""  # "Dagsordener": the feed's

    def title(self, udvalg):
        return (
            f"{self.flertal} – {udvalg.visningsnavn}"
            if udvalg
            else f"Udvalgenes {self.flertal.lower()}"
        )

    def link(self, udvalg):
        if udvalg is None:
            return reverse("offentlig:forside")
        return reverse("offentlig:udvalg", args=[udvalg.slug])

    def get_object(self, request, slug=None):
        return get_object_or_404(Udvalg, slug=slug) if slug else None

    def _moeder(self, udvalg):
        qs = Moede.objects.select_related("udvalg")
        return qs.filter(udvalg=udvalg) if udvalg is not None else qs

    def item_title(self, moede):
        return f"{self.navn}: {moede.udvalg.visningsnavn}, {danish.long_date(moede.dato)}"

    def item_author_name(self, moede):
        return moede.udvalg.visningsnavn

    def item_pubdate(self, moede):
        return self.item_updateddate(moede)

    def _meta(self, moede) -> str:
        parts = [danish.long_date(moede.dato)]
        if moede.starttid:
            parts.append(danish.klokken(moede.starttid).lower())
        if moede.sted:
            parts.append(moede.sted)
        return ", ".join(parts)


class Dagsordener(_MoedeFeed):
    navn, flertal = "Dagsorden", "Dagsordener"

    def subtitle(self, udvalg):
        return "Dagsordener, når de er udsendt. Lukkede punkter vises kun med nummer og titel."

    def items(self, udvalg):
        return list(
            self._moeder(udvalg)
            .filter(status__in=offentlig.PUBLISHED)
            .prefetch_related(Prefetch("punkter", queryset=Punkt.objects.order_by("nummer")))
            .order_by(F("frigivet_tid").desc(nulls_last=True), "-dato", "-pk")[:ANTAL]
        )

    def item_link(self, moede):
        return moede.get_absolute_url()

    def item_updateddate(self, moede):
        return moede.frigivet_tid or _midnat(moede.dato)

    def item_description(self, moede):
        punkter = format_html_join(
            "",
            "<li>{}. {}</li>",  # the item's own number, as on the agenda
            ((p.nummer, p.offentlig_visningstitel) for p in moede.punkter.all()),
        )
        return format_html("<p>{}</p><ul>{}</ul>", self._meta(moede), punkter)


class Protokoller(_MoedeFeed):
    navn, flertal = "Beslutningsprotokol", "Beslutningsprotokoller"

    def subtitle(self, udvalg):
        return "Beslutningsprotokoller, når de er underskrevet."

    def items(self, udvalg):
        return list(
            self._moeder(udvalg)
            .filter(status=MoedeStatus.UNDERSKREVET)
            .annotate(underskrevet=Max("versioner__laast"))
            .order_by(F("underskrevet").desc(nulls_last=True), "-dato", "-pk")[:ANTAL]
        )

    def item_link(self, moede):
        return reverse("protokol:referat", args=[moede.udvalg.slug, moede.url_slug])

    def item_updateddate(self, moede):
        return moede.underskrevet or _midnat(moede.dato)

    def item_description(self, moede):
        return format_html(
            "<p>{}</p><p>Beslutningsprotokollen er underskrevet.</p>", self._meta(moede)
        )
