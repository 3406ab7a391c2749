"""Atom feeds from the search index: a search's newest public matches (/soeg/feed.atom?q=…, with
the page's filters) and a case's course (/sager/<pk>/feed.atom: its public items, decisions
and attachments). A feed reader fetches without the reader's session and shares its address:
a feed shows what anyone may read, whoever asks (soegning.synlige for an anonymous reader).
Newest change first (Dokument.aendret: when the row last changed or became public), the 50
last, a constant number of queries; an entry's id is what it is about, so a rebuilt row is the
same entry, updated.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode

from portal import soegning, tekst, visning
from portal.filters import SoegFilter
from portal.models import Dokument
from protokol import offentlig

ANTAL = 50
_RELATERET = ("udvalg", "moede", "punkt", "bilag", "sag", "person")


class _IndeksFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, d):
        hvor = f" – {d.udvalg.visningsnavn}" if d.udvalg_id else ""
        return f"{d.get_art_display()}: {d.titel}{hvor}"

    def item_link(self, d):
        return visning.url(d)

    def item_guid(self, d):
        return f"tag:protokol,2014:{d.noegle}"

    item_guid_is_permalink = False

    def item_updateddate(self, d):
        return d.aendret

    def item_pubdate(self, d):
        return d.aendret

    def item_author_name(self, d):
        return d.udvalg.visningsnavn if d.udvalg_id else None


class Soegning(_IndeksFeed):
    """The newest public matches of a search, with its filters."""

    def get_object(self, request):
        filterset = SoegFilter(request.GET or None, queryset=soegning.synlige(AnonymousUser()))
        f = tekst.fortolk(request.GET.get("q", ""))
        if not f.kan_soeges or not filterset.is_valid():
            raise Http404("Skriv mindst ét ord at følge.")
        params = {k: v for k, v in request.GET.items() if k not in ("side", "sortering")}
        return {"f": f, "qs": filterset.qs, "params": params}

    def title(self, obj):
        return f"Søgning: {obj['f'].raa}"

    def subtitle(self, obj):
        return "Nye og ændrede dagsordenspunkter, beslutninger og bilag, der matcher søgningen."

    def link(self, obj):
        return reverse("portal:soeg") + "?" + urlencode(obj["params"])

    def items(self, obj):
        ids = list(
            soegning.match(obj["qs"], obj["f"])
            .order_by("-aendret", "-pk")
            .values_list("pk", flat=True)[:ANTAL]
        )
        rows = Dokument.objects.filter(pk__in=ids).select_related(*_RELATERET)
        # On each row, not on the feed: one Feed instance answers every request.
        fremhaev = obj["f"].fremhaev()
        for d in rows:
            d.fremhaev = fremhaev
        return sorted(rows, key=lambda d: (d.aendret, d.pk), reverse=True)

    def item_description(self, d):
        return tekst.uddrag(d.tekst, d.fremhaev)


class Sag(_IndeksFeed):
    """A case's course as the public may read it."""

    def get_object(self, request, pk):
        return offentlig.sag(pk)

    def title(self, sag):
        return f"Sag {sag.sagsnr}: {sag.visningstitel}"

    def subtitle(self, sag):
        return "Sagens gang: dagsordenspunkter, beslutninger og bilag, når de offentliggøres."

    def link(self, sag):
        return reverse("protokol:sag-detail", args=[sag.pk])

    def items(self, sag):
        return list(
            Dokument.objects.filter(sag=sag, offentlig=True)
            .select_related(*_RELATERET)
            .order_by("-aendret", "-pk")[:ANTAL]
        )

    def item_description(self, d):
        return tekst.uddrag(d.tekst, frozenset())
