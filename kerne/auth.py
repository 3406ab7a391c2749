"""Django's ModelBackend with the per-request user lookup as one plain query."""

import functools

from django.contrib.auth import backends, get_user_model
from django.core.exceptions import ValidationError


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
        user = next(iter(user_model._default_manager.raw(_user_sql(), [pk])), None)
        return user if user is not None and self.user_can_authenticate(user) else None


@functools.cache
def _user_sql() -> str:
    meta = get_user_model()._meta
    columns = ", ".join(field.column for field in meta.concrete_fields)
    return f"SELECT {columns} FROM {meta.db_table} WHERE {meta.pk.column} = %s"  # noqa: S608 - names from the model
