"""Access to cases, items and attachments; builds on udvalg.permissions."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from sager.models import Bilag, Punkt, Sag
from udvalg import permissions as udvalg_permissions


def get_punkt_for_editing(user, pk: int) -> Punkt:
    punkt = get_object_or_404(
        Punkt.objects.select_related("moede__udvalg", "sag", "aendret_af"), pk=pk
    )
    if not udvalg_permissions.can_view_moede(user, punkt.moede):
        raise Http404("Punktet findes ikke.")
    if not udvalg_permissions.is_sekretaer(user, punkt.moede.udvalg):
        raise PermissionDenied("Kun udvalgets sekretær kan redigere punktet.")
    if punkt.moede.is_frozen:
        raise PermissionDenied(udvalg_permissions.FROZEN_MESSAGE)
    return punkt


def get_bilag_for_user(user, pk: int) -> Bilag:
    """An attachment, closed or open, of an item the user may read (the meeting's own people
    on its date); everyone else gets the public download (offentlig:bilag) or nothing."""
    bilag = get_object_or_404(Bilag.objects.select_related("punkt__moede__udvalg"), pk=pk)
    if not udvalg_permissions.can_view_moede(user, bilag.punkt.moede):
        raise Http404("Bilaget findes ikke.")
    return bilag


def get_bilag_for_editing(user, pk: int) -> Bilag:
    bilag = get_bilag_for_user(user, pk)
    if not udvalg_permissions.is_sekretaer(user, bilag.punkt.moede.udvalg):
        raise PermissionDenied("Kun udvalgets sekretær kan ændre bilag.")
    if bilag.punkt.moede.is_frozen:
        raise PermissionDenied(udvalg_permissions.FROZEN_MESSAGE)
    return bilag


def get_sag_for_user(user, pk: int) -> Sag:
    return get_object_or_404(Sag.objects.visible_one(user, pk).with_visningstitel(user))


def get_punkt_for_recording(user, pk: int) -> Punkt:
    punkt = get_punkt_for_editing(user, pk)
    if punkt.moede.is_draft:
        raise PermissionDenied("Frigiv dagsordenen, før mødet registreres.")
    return punkt


def get_punkt_for_history(user, pk: int) -> Punkt:
    """The audit history stays readable for the secretary whatever the meeting's status."""
    punkt = get_object_or_404(Punkt.objects.select_related("moede__udvalg"), pk=pk)
    if not udvalg_permissions.can_view_moede(user, punkt.moede):
        raise Http404("Punktet findes ikke.")
    if not udvalg_permissions.is_sekretaer(user, punkt.moede.udvalg):
        raise PermissionDenied("Kun udvalgets sekretær kan se historikken.")
    return punkt
