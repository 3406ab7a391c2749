"""Who may see and do what. Every view asks here; nothing else decides access.

Roles: a superuser administers everything; a secretary (Udvalg.sekretaerer) edits that
committee's meetings; a member (a Medlemskab whose Person is linked to the user) reads the
released agendas and protocols of the meetings held while the membership was valid, closed
items included, never drafts; an ended membership keeps only what the public sees (the public
pages). Holders of sager.view_lukket_punkt read every released meeting. Anyone else sees only
the public pages. Everything derived from an item (its attachments, decision, vote, minority
statements, absence) is visible exactly when the item is.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from udvalg.models import Moede, MoedeStatus, Udvalg, roller  # the roles live with the rule


def is_sekretaer(user, udvalg: Udvalg) -> bool:
    return is_sekretaer_for(user, udvalg.pk)


def is_sekretaer_for(user, udvalg_id: int) -> bool:
    return user.is_authenticated and (user.is_superuser or udvalg_id in roller(user).sekretaer)


def is_medlem(user, udvalg: Udvalg) -> bool:
    """Ever a member of the committee (the committee's page, its budget proposals)."""
    return user.is_authenticated and udvalg.pk in roller(user).medlem


def is_medlem_on(user, moede: Moede) -> bool:
    """A member on the meeting's date, or today for a meeting still to come: the same rule as
    udvalg.models.medlem_paa_moedets_dato, for one meeting already loaded."""
    if not user.is_authenticated:
        return False
    r = roller(user)
    if r.medlem_on(moede.udvalg_id, moede.dato):
        return True
    today = timezone.localdate()
    return moede.dato > today and r.medlem_on(moede.udvalg_id, today)


def can_view_udvalg(user, udvalg: Udvalg) -> bool:
    return is_sekretaer(user, udvalg) or is_medlem(user, udvalg)


def can_view_moede(user, moede: Moede) -> bool:
    """The meeting's pages, closed items and closed attachments included: its committee's
    secretaries, its members on the day (a released meeting), and holders of
    sager.view_lukket_punkt (every released meeting). The same rule as
    MoedeQuerySet.visible_to, for one meeting. Reads only the meeting's udvalg_id, dato and
    status (protokol.sidecache asks it with no more than those loaded)."""
    if is_sekretaer_for(user, moede.udvalg_id):
        return True
    if moede.status == MoedeStatus.KLADDE:
        return False
    return is_medlem_on(user, moede) or user.has_perm("sager.view_lukket_punkt")


def can_edit_moede(user, moede: Moede) -> bool:
    """Secretaries edit until the protocol goes to signing; then only a reopening helps."""
    return is_sekretaer(user, moede.udvalg) and not moede.is_frozen


def is_any_sekretaer(user) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(roller(user).sekretaer))


def get_udvalg_for_user(user, slug: str) -> Udvalg:
    udvalg = get_object_or_404(Udvalg, slug=slug)
    if not can_view_udvalg(user, udvalg):
        raise Http404("Udvalget findes ikke.")
    return udvalg


def get_udvalg_for_editing(user, slug: str) -> Udvalg:
    udvalg = get_udvalg_for_user(user, slug)
    if not is_sekretaer(user, udvalg):
        raise PermissionDenied("Kun udvalgets sekretær kan oprette og redigere møder.")
    return udvalg


def get_moede_for_user(user, udvalg_slug: str, url_slug: str) -> Moede:
    moede = get_object_or_404(
        Moede.objects.select_related("udvalg", "frigivet_af"),
        udvalg__slug=udvalg_slug,
        url_slug=url_slug,
    )
    if not can_view_moede(user, moede):
        raise Http404("Mødet findes ikke.")
    return moede


def can_view_referat(user, moede: Moede) -> bool:
    """The protocol exists once the meeting is held; secretaries see it while they record."""
    held = (MoedeStatus.AFHOLDT, MoedeStatus.TIL_UNDERSKRIFT, MoedeStatus.UNDERSKREVET)
    return can_view_moede(user, moede) and (
        moede.status in held or is_sekretaer_for(user, moede.udvalg_id)
    )


def get_referat_for_user(user, udvalg_slug: str, url_slug: str) -> Moede:
    moede = get_moede_for_user(user, udvalg_slug, url_slug)
    if not can_view_referat(user, moede):
        raise Http404("Mødet er ikke afholdt endnu.")
    return moede


def get_moede_for_recording(user, udvalg_slug: str, url_slug: str) -> Moede:
    """Recording needs a released agenda and the committee's secretary."""
    moede = get_moede_for_editing(user, udvalg_slug, url_slug)
    if moede.status == MoedeStatus.KLADDE:
        raise PermissionDenied("Frigiv dagsordenen, før mødet registreres.")
    return moede


FROZEN_MESSAGE = (
    "Protokollen er sendt til underskrift eller underskrevet og kan ikke ændres. "
    "Tilbagekald den fra underskrift, eller genåbn den, for at rette."
)


def get_moede_for_editing(user, udvalg_slug: str, url_slug: str) -> Moede:
    moede = get_moede_for_user(user, udvalg_slug, url_slug)
    if not is_sekretaer(user, moede.udvalg):
        raise PermissionDenied("Kun udvalgets sekretær kan redigere mødet.")
    if moede.is_frozen:
        raise PermissionDenied(FROZEN_MESSAGE)
    return moede


def get_moede_for_secretary(user, udvalg_slug: str, url_slug: str) -> Moede:
    """Secretary actions that are allowed whatever the status (signing, reminders)."""
    moede = get_moede_for_user(user, udvalg_slug, url_slug)
    if not is_sekretaer(user, moede.udvalg):
        raise PermissionDenied("Kun udvalgets sekretær kan gøre dette.")
    return moede


def can_reopen(user, udvalg: Udvalg) -> bool:
    """Reopening signed minutes: the committee's secretary holding udvalg.reopen_protokol."""
    return is_sekretaer(user, udvalg) and user.has_perm("udvalg.reopen_protokol")


def get_moede_for_reopening(user, udvalg_slug: str, url_slug: str) -> Moede:
    moede = get_moede_for_secretary(user, udvalg_slug, url_slug)
    if not user.has_perm("udvalg.reopen_protokol"):
        raise PermissionDenied("Du har ikke ret til at genåbne protokoller.")
    return moede
