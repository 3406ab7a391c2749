"""Signed minutes are immutable: the ORM refuses to write anything of a locked meeting.

Every model that belongs to a meeting names the path to it (`lock_path`, e.g.
"beslutning__punkt__moede"). Instance saves and deletes, and queryset updates, deletes and
bulk creates, check the meeting's status first. The database triggers of migration
udvalg/0004 enforce the same below the ORM (raw SQL too). The only way out is
protokol.services.underskrift.referat_reopen, which logs who, when and why.
"""

from django.contrib import messages
from django.db import models, transaction
from django.shortcuts import redirect

LOCKED = "underskrevet"
MESSAGE = "Protokollen er underskrevet og låst. Den kan kun ændres efter en genåbning."


class ProtokolLaast(Exception):
    """Raised on any attempt to change a signed meeting."""

    def __init__(self, message: str = MESSAGE):
        super().__init__(message)
        self.message = message


def _status_filter(path: str) -> dict:
    return {f"{path}__status": LOCKED} if path else {"status": LOCKED}


class LockGuardQuerySet(models.QuerySet):
    def _touches_locked(self) -> bool:
        return self.filter(**_status_filter(self.model.lock_path)).exists()

    def update(self, **kwargs):
        if self._touches_locked():
            raise ProtokolLaast()
        return super().update(**kwargs)

    def delete(self):
        if self._touches_locked():
            raise ProtokolLaast()
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        if any(obj.belongs_to_locked_meeting() for obj in objs):
            raise ProtokolLaast()
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        if any(obj.belongs_to_locked_meeting() for obj in objs):
            raise ProtokolLaast()
        return super().bulk_update(objs, fields, *args, **kwargs)


class LockGuarded(models.Model):
    """Abstract base for rows of a meeting. Subclasses set `lock_path`."""

    lock_path: str = ""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.belongs_to_locked_meeting():
            raise ProtokolLaast()
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.belongs_to_locked_meeting():
            raise ProtokolLaast()
        return super().delete(*args, **kwargs)

    def belongs_to_locked_meeting(self) -> bool:
        """True if the row's meeting is locked, now (in the database) or via its new parent."""
        if self.lock_path and self.pk is not None:
            stored = type(self)._base_manager.filter(pk=self.pk, **_status_filter(self.lock_path))
            if stored.exists():
                return True
        if not self.lock_path:
            return False
        first, _, rest = self.lock_path.partition("__")
        field = self._meta.get_field(first)
        parent_id = getattr(self, field.attname)
        if parent_id is None:
            return False
        return field.related_model._base_manager.filter(
            pk=parent_id, **_status_filter(rest)
        ).exists()


class LockedReadOnlyAdminMixin:
    """In the admin, rows of a signed meeting can be viewed but not changed or deleted."""

    def _is_locked(self, obj) -> bool:
        if obj is None:
            return False
        if hasattr(obj, "belongs_to_locked_meeting"):
            return obj.belongs_to_locked_meeting()
        return getattr(obj, "is_locked", False)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._is_locked(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._is_locked(obj)

    def _refused(self, request, error: ProtokolLaast):
        self.message_user(request, error.message, messages.ERROR)
        return redirect(request.path)

    def changeform_view(self, request, *args, **kwargs):
        # A form may still aim at a signed meeting (an item moved into it): refused, not a 500.
        try:
            return super().changeform_view(request, *args, **kwargs)
        except ProtokolLaast as error:
            return self._refused(request, error)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # django-simple-history saves a reverted version without asking has_change_permission.
        if request.method == "POST" and self._is_locked(self.get_object(request, object_id)):
            return self._refused(request, ProtokolLaast())
        try:
            with transaction.atomic():
                return super().history_form_view(request, object_id, version_id, extra_context)
        except ProtokolLaast as error:
            return self._refused(request, error)
