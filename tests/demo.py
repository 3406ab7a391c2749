"""The demo data, built once per test session and restored where a test needs it.

``load_demo`` renders some twenty attachment PDFs and signs and locks two protocols (a tagged
PDF and a PDF/A each): seconds of WeasyPrint. The session builds it once, through the command
itself, and keeps the rows (Django's serializer, in memory) and the media files it wrote. A test
that asks for ``demo`` gets the same rows saved into its own transaction (rolled back after the
test, as usual) and its own copy of the files.

Rows are saved raw, as ``loaddata`` does: no ``save()`` overrides, no signals that would write
history or send mail. A signed meeting is first saved as out for signing and set to
"underskrevet" after
its rows (as out for signing, so its stored version is admitted), because the lock triggers
rightly refuse rows added to a signed meeting.
"""

import os
import pickle
import shutil
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test.utils import override_settings
from filelock import FileLock

from udvalg.models import Moede, MoedeStatus, ProtokolUdgave, ProtokolVersion

# Rows that migrations (not load_demo) create, or that belong to a request.
SKIP_APPS = {"contenttypes", "sessions", "admin", "axes"}
SKIP_MODELS = {("auth", "permission")}
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _models() -> list:
    chosen = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label not in SKIP_APPS
        and (model._meta.app_label, model._meta.model_name) not in SKIP_MODELS
        and not model._meta.proxy
    ]
    ordered = serializers.sort_dependencies(
        [(None, [m for m in chosen if not m._meta.auto_created])], allow_cycles=True
    )
    # Protocol versions after everything of their meeting (the lock triggers admit a version
    # only for a fully signed meeting out for signing); M2M tables last, their rows point at
    # both sides.
    last = [ProtokolVersion, ProtokolUdgave]
    ordered = [m for m in ordered if m not in last] + last
    return ordered + [m for m in chosen if m._meta.auto_created]


@dataclass
class DemoSnapshot:
    rows: list[dict]
    media: Path
    locked: list[int]

    @classmethod
    def build(cls, media: Path) -> "DemoSnapshot":
        """Run ``load_demo --force`` in a transaction that is rolled back, keeping its rows."""
        with (
            override_settings(
                MEDIA_ROOT=media, PASSWORD_HASHERS=FAST_HASHER, TASKS=IMMEDIATE_TASKS
            ),
            transaction.atomic(),
        ):
            call_command("load_demo", "--force", verbosity=0)
            rows = []
            for model in _models():
                objects = model._base_manager.order_by("pk")
                rows += serializers.serialize("python", objects)
            locked = list(
                Moede.objects.filter(status=MoedeStatus.UNDERSKREVET).values_list("pk", flat=True)
            )
            transaction.set_rollback(True)
        return cls(rows=rows, media=media, locked=locked)

    @classmethod
    def shared(cls, tmp_path_factory) -> "DemoSnapshot":
        """Built once per run. Under pytest-xdist every worker is a session of its own, so
        the first one builds and stores the snapshot beside the workers' temporary
        directories, under the run's id, and the others wait for it and read it."""
        run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
        if run is None:
            return cls.build(tmp_path_factory.mktemp("demo-media"))
        folder = tmp_path_factory.getbasetemp().parent / f"demo-{run}"
        with FileLock(f"{folder}.lock"):
            stored = folder / "snapshot.pickle"
            if stored.exists():
                return pickle.loads(stored.read_bytes())  # noqa: S301 - written by this run
            folder.mkdir()
            snapshot = cls.build(folder / "media")
            stored.write_bytes(pickle.dumps(snapshot))
            return snapshot

    def restore(self, media: Path) -> None:
        """Save the demo's rows in the current transaction and copy its files to ``media``."""
        shutil.copytree(self.media, media, dirs_exist_ok=True)
        held = dict.fromkeys(self.locked, MoedeStatus.TIL_UNDERSKRIFT)
        with transaction.atomic():
            for obj in serializers.deserialize("python", self.rows):
                if isinstance(obj.object, Moede) and obj.object.pk in held:
                    obj.object.status = held[obj.object.pk]
                obj.save(save_m2m=False)
            Moede._base_manager.filter(pk__in=self.locked).update(status=MoedeStatus.UNDERSKREVET)
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), _models()):
                    cursor.execute(sql)
