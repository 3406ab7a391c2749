"""Who may see and do what with budget rounds and savings proposals.

Any committee secretary or member (and finance staff with budget.view_alle_forslag) may open a
round; what they find in it is scoped by ``ForslagQuerySet.visible_to``. Only a committee's
secretaries write its proposals.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from budget.models import Besparelsesforslag, Budgetrunde, Ramme
from sager.models import Punkt
from udvalg import permissions
from udvalg.models import MoedeStatus, Udvalg


def can_view_budget(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.has_perm("budget.view_alle_forslag"):
        return True
    r = permissions.roller(user)
    return bool(r.sekretaer or r.medlem)


def sees_all(user) -> bool:
    return user.is_superuser or user.has_perm("budget.view_alle_forslag")


def require_budget_access(user) -> None:
    if not can_view_budget(user):
        raise Http404


def get_runde_for_user(user, slug: str) -> Budgetrunde:
    require_budget_access(user)
    return get_object_or_404(Budgetrunde, slug=slug)


def rammer_for_user(user, runde: Budgetrunde):
    """The frames whose committees' proposals the user sees, for the target comparison."""
    qs = Ramme.objects.filter(runde=runde).select_related("udvalg")
    if sees_all(user):
        return qs
    r = permissions.roller(user)
    return qs.filter(udvalg__in=r.sekretaer | medlem_i_runden(user, runde))


def medlem_i_runden(user, runde: Budgetrunde) -> set[int]:
    """Committees the user was a member of during the round's years (the same rule as
    ForslagQuerySet.visible_to)."""
    return {
        udvalg_id
        for udvalg_id, fra, til in permissions.roller(user).medlemskaber
        if (fra is None or fra.year <= runde.sidste_aar)
        and (til is None or til.year >= runde.foerste_aar)
    }


def udvalg_editable_by(user):
    """Committees whose proposals the user may write."""
    if user.is_superuser:
        return Udvalg.objects.all()
    return Udvalg.objects.filter(pk__in=permissions.roller(user).sekretaer)


def can_edit_forslag(user, forslag: Besparelsesforslag) -> bool:
    return permissions.is_sekretaer(user, forslag.udvalg)


def get_forslag_for_user(user, runde: Budgetrunde, noegle: str) -> Besparelsesforslag:
    """A proposal by its "434-1-1" key; 404 when malformed, absent or invisible."""
    try:
        afdeling, forslag, scenarie = (int(part) for part in noegle.split("-"))
    except ValueError:
        raise Http404 from None
    return get_object_or_404(
        Besparelsesforslag.objects.visible_to(user)
        .filter(runde=runde)
        .select_related("udvalg", "runde")
        .prefetch_related("aarstal"),
        afdeling_nr=afdeling,
        forslag_nr=forslag,
        scenarie_nr=scenarie,
    )


def get_forslag_for_editing(user, runde: Budgetrunde, noegle: str) -> Besparelsesforslag:
    forslag = get_forslag_for_user(user, runde, noegle)
    if not can_edit_forslag(user, forslag):
        raise PermissionDenied("Kun udvalgets sekretær kan rette forslaget.")
    return forslag


def require_forslag_creator(user) -> None:
    if not udvalg_editable_by(user).exists():
        raise PermissionDenied("Kun en udvalgssekretær kan oprette besparelsesforslag.")


def behandlinger_for_user(user, forslag: Besparelsesforslag) -> list[Punkt]:
    """The agenda items that treated the proposal, those the user may read, oldest first."""
    return list(
        Punkt.objects.visible_to(user)
        .filter(besparelsesforslag=forslag)
        .select_related("moede__udvalg", "beslutning")
        .order_by("moede__dato", "nummer")
    )


def punkter_attachable_by(user, forslag: Besparelsesforslag) -> list[Punkt]:
    """Items of meetings the user edits that are not yet signed, newest meetings first."""
    if not permissions.is_any_sekretaer(user):
        return []
    qs = Punkt.objects.filter(
        moede__status__in=[MoedeStatus.KLADDE, MoedeStatus.FRIGIVET, MoedeStatus.AFHOLDT]
    ).exclude(pk__in=forslag.punkter.values("pk"))
    if not user.is_superuser:
        qs = qs.filter(moede__udvalg__in=permissions.roller(user).sekretaer)
    return list(qs.select_related("moede__udvalg").order_by("-moede__dato", "nummer")[:200])


def can_detach(user, forslag: Besparelsesforslag, punkt: Punkt) -> bool:
    """A proposal comes off an item as long as the item's meeting can still be edited."""
    return permissions.can_edit_moede(user, punkt.moede)


def get_punkt_for_attaching(user, pk: str) -> Punkt:
    """The item named in the attach/detach form: the secretary of its committee only."""
    try:
        pk = int(pk)
    except ValueError:
        raise Http404 from None
    punkt = get_object_or_404(Punkt.objects.select_related("moede__udvalg"), pk=pk)
    if not permissions.is_sekretaer(user, punkt.moede.udvalg):
        raise PermissionDenied("Kun udvalgets sekretær kan vedlægge forslag til punktet.")
    return punkt
