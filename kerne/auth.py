"""Django's ModelBackend with the per-request lookups (the user, their permissions) as plain
queries built once from the models."""

import functools

from django.contrib.auth import backends, get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from kerne import sql


class ModelBackend(backends.ModelBackend):
    """Every logged-in request loads its user (django.contrib.auth.get_user). The ORM compiled
    that query anew each time, a third of a kept signed page's time (issue 13); this is the
    same row by primary key, with the same checks (active user, session hash in Django's
    get_user)."""

    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            pk = user_model._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        found = sql.rows("bruger", _user_sql(), [pk])
        user = sql.instance(user_model, found[0]) if found else None
        return user if user is not None and self.user_can_authenticate(user) else None

    def _get_permissions(self, user_obj, obj, from_name):
        """Django's two queries (the user's own permissions, their groups') as one, filling
        both of Django's per-request caches; superusers and objects as Django does."""
        if (
            user_obj.is_active
            and not user_obj.is_anonymous
            and not user_obj.is_superuser
            and obj is None
            and not hasattr(user_obj, "_user_perm_cache")
        ):
            found = {"user": set(), "group": set()}
            for source, app_label, codename in sql.rows(
                "rettigheder", _permissions_sql(), [user_obj.pk, user_obj.pk]
            ):
                found[source].add(f"{app_label}.{codename}")
            user_obj._user_perm_cache = found["user"]
            user_obj._group_perm_cache = found["group"]
        return super()._get_permissions(user_obj, obj, from_name)


@functools.cache
def _user_sql() -> str:
    model = get_user_model()
    meta = model._meta
    return f"SELECT {sql.columns(model)} FROM {meta.db_table} WHERE {meta.pk.column} = %s"  # noqa: S608 - names from the model


@functools.cache
def _permissions_sql() -> str:
    user_model = get_user_model()
    own = user_model.user_permissions.through._meta
    member = user_model.groups.through._meta
    granted = Group.permissions.through._meta
    user_col = own.get_field(user_model._meta.model_name).column
    own_perm = own.get_field("permission").column
    member_user = member.get_field(user_model._meta.model_name).column
    member_group = member.get_field("group").column
    granted_group, granted_perm = (
        granted.get_field("group").column,
        granted.get_field("permission").column,
    )
    perm, ct = Permission._meta.db_table, ContentType._meta.db_table
    named = f"FROM {perm} p JOIN {ct} c ON c.id = p.content_type_id "
    return (
        f"SELECT 'user', c.app_label, p.codename {named}"  # noqa: S608 - names from the models
        f"JOIN {own.db_table} o ON o.{own_perm} = p.id WHERE o.{user_col} = %s "
        f"UNION ALL SELECT 'group', c.app_label, p.codename {named}"
        f"JOIN {granted.db_table} g ON g.{granted_perm} = p.id "
        f"JOIN {member.db_table} m ON m.{member_group} = g.{granted_group} "
        f"WHERE m.{member_user} = %s"
    )
