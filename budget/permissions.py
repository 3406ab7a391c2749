"""Who may see and do what with budget rounds and savings proposals.

Any committee secretary or member (and finance staff with budget.view_alle_forslag) may open a
round; what they find in it is scoped by ``ForslagQuerySet.visible_to``. Only a committee's
secretaries write its proposals.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from udvalg import permissions
from udvalg.models import Udvalg

from .models import Besparelsesforslag, Budgetrunde, Ramme


def can_view_budget(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.has_perm("budget.view_alle_forslag"):
        return True
    r = permissions.roller(user)
    return bool(r.sekretaer or r.medlem)


def sees_all(user) -> bool:
    return user.is_superuser or user.has_perm("budget.view_alle_forslag")


def get_runde_for_user(user, slug: str) -> Budgetrunde:
    if not can_view_budget(user):
        raise Http404
    return get_object_or_404(Budgetrunde, slug=slug)


def rammer_for_user(user, runde: Budgetrunde):
    """The frames whose committees' proposals the user sees, for the target comparison."""
    qs = Ramme.objects.filter(runde=runde).select_related("udvalg")
    if sees_all(user):
        return qs
    r = permissions.roller(user)
    return qs.filter(udvalg__in=r.sekretaer | r.medlem)


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
