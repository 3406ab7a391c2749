"""Who may import old protocols: any committee's secretary (and superusers). A run is seen only
by the one who uploaded it and by superusers."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from referatimport.models import Importkoersel
from udvalg import permissions as udvalg_permissions


def require_importer(user) -> None:
    if not udvalg_permissions.is_any_sekretaer(user):
        raise PermissionDenied("Kun udvalgssekretærer kan importere gamle protokoller.")


def get_koersel_for_user(user, pk: int) -> Importkoersel:
    """A run is seen by the one who uploaded it and by superusers; 404 for everyone else."""
    koersel = get_object_or_404(Importkoersel, pk=pk)
    if not (user.is_superuser or koersel.oprettet_af_id == user.pk):
        raise Http404("Importen findes ikke.")
    return koersel
