"""Keeping the search index current: every save or delete of what an index row is made from
rebuilds that item's rows (portal.indeks) in the same transaction."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal import indeks, tasks
from sager.models import Afstemning, Beslutning, Bilag, Mindretalsudtalelse, Punkt, Sag, Stemme
from udvalg.models import Medlemskab, Moede, Person, Udvalg

# A delete that starts at one of these takes the item's rows with it (the foreign keys
# cascade): nothing to rebuild, and rebuilding would write rows for an item being deleted.
_HELE = (Punkt, Moede, Udvalg, Sag)


def _fra_helheden(origin) -> bool:
    model = getattr(origin, "model", None) or type(origin)
    return issubclass(model, _HELE)


@receiver(post_save, sender=Punkt)
def _punkt_gemt(sender, instance, raw=False, **kwargs):
    if not raw:
        indeks.opdater_punkter([instance.pk])
        if instance.moede.is_released:  # a supplementary item, a correction
            tasks.efter_commit_koer_nyheder()


@receiver(post_save, sender=Moede)
def _moede_gemt(sender, instance, raw=False, **kwargs):
    # Its status, date or committee decide who finds its items; a committee's first published
    # meeting makes its members public.
    if not raw:
        indeks.opdater_moede(instance.pk)
        if instance.is_released:
            tasks.efter_commit_koer_nyheder()  # subscribers may have news
        indeks.opdater_personer(
            Medlemskab.objects.filter(udvalg_id=instance.udvalg_id).values_list(
                "person_id", flat=True
            )
        )


@receiver(post_save, sender=Person)
def _person_gemt(sender, instance, raw=False, **kwargs):
    if not raw:
        indeks.opdater_personer([instance.pk])


@receiver(post_save, sender=Medlemskab)
@receiver(post_delete, sender=Medlemskab)
def _medlemskab(sender, instance, raw=False, origin=None, **kwargs):
    if raw or (origin is not None and isinstance(origin, Person)):
        return
    indeks.opdater_personer([instance.person_id])


@receiver(post_save, sender=Sag)
def _sag_gemt(sender, instance, raw=False, **kwargs):
    if not raw:
        indeks.opdater_punkter(instance.punkter.values_list("pk", flat=True))


def _punkt_id(instance) -> int | None:
    if isinstance(instance, Beslutning | Bilag):
        return instance.punkt_id
    if isinstance(instance, Afstemning | Mindretalsudtalelse):
        return (
            Beslutning.objects.filter(pk=instance.beslutning_id)
            .values_list("punkt_id", flat=True)
            .first()
        )
    if isinstance(instance, Stemme):
        return (
            Afstemning.objects.filter(pk=instance.afstemning_id)
            .values_list("beslutning__punkt_id", flat=True)
            .first()
        )
    return None


@receiver(post_save, sender=Beslutning)
@receiver(post_save, sender=Bilag)
@receiver(post_save, sender=Afstemning)
@receiver(post_save, sender=Stemme)
@receiver(post_save, sender=Mindretalsudtalelse)
def _del_gemt(sender, instance, raw=False, **kwargs):
    if not raw and (punkt_id := _punkt_id(instance)):
        indeks.opdater_punkter([punkt_id])


@receiver(post_delete, sender=Beslutning)
@receiver(post_delete, sender=Bilag)
@receiver(post_delete, sender=Afstemning)
@receiver(post_delete, sender=Stemme)
@receiver(post_delete, sender=Mindretalsudtalelse)
def _del_slettet(sender, instance, origin=None, **kwargs):
    if origin is not None and _fra_helheden(origin):
        return
    if punkt_id := _punkt_id(instance):
        indeks.opdater_punkter([punkt_id])
