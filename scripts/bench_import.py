#!/usr/bin/env python
"""Time of ``import_referat`` for 100 protocols (target: under a minute on the 2-core machine).

Standalone, like bench_pdf.py: on a throwaway SQLite database it loads the demo, builds 98
more meetings varied from the two demo meetings (other dates, a seeded shuffle and subset of
their items, decisions, a named vote with a minority statement on some, an absent member on
some), exports all 100 as protocol PDFs with this app's own renderer, then imports the folder
into a second, empty database in a separate process and times that run (Django start-up
included). Generating the PDFs is not part of the measured time.

    .venv/bin/python scripts/bench_import.py [--antal 100] [--behold DIR]

Not a test (pytest collects only tests/test_*.py).
"""

import argparse
import datetime
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 60.0


def setup_django(tmp: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'kilde.sqlite3'}"
    os.environ["PROTOKOL_MEDIA_ROOT"] = str(tmp / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--force", verbosity=0, stdout=io.StringIO())


def build_variants(antal: int) -> list:
    """The demo meetings plus `antal - 2` variants of them, all held, none signed."""
    from protokol.services import optagelse
    from sager import services as sager_services
    from sager.models import Punkt, Valg
    from udvalg.models import FremmoedeStatus, Medlemskab, Moede

    rng = random.Random(2014)
    demo = list(Moede.objects.order_by("dato"))
    udvalg = demo[0].udvalg
    medlemmer = [m.person for m in Medlemskab.objects.filter(udvalg=udvalg).order_by("sortering")]
    moeder = list(demo)
    dato = datetime.date(2015, 6, 3)
    while len(moeder) < antal:
        kilde = demo[len(moeder) % 2]
        items = [p for p in Punkt.objects.filter(moede=kilde).order_by("nummer") if p.sag_id]
        chosen = rng.sample(items, k=rng.randint(max(1, len(items) - 3), len(items)))
        moede = sager_services.moede_create(
            udvalg=udvalg, dato=dato, starttid=datetime.time(7 + rng.randint(0, 9), 30)
        )
        dato += datetime.timedelta(days=7)
        if rng.random() < 0.4:
            optagelse.fremmoede_set(
                moede=moede, person=rng.choice(medlemmer), status=FremmoedeStatus.AFBUD
            )
        for source in chosen:
            fields = {
                name: getattr(source, name)
                for name in (
                    "tema",
                    "sagsbeskrivelse",
                    "administrationens_forslag",
                    "afledte_konsekvenser",
                    "oekonomi_og_finansiering",
                    "dialog_hoering",
                )
            }
            punkt = sager_services.punkt_create(
                moede=moede,
                titel=source.titel,
                sag=source.sag,
                punkttype=source.punkttype,
                **fields,
            )
            beslutning = optagelse.beslutning_save(
                punkt=punkt, tekst="<p>Indstilling godkendt.</p>"
            )
            if rng.random() < 0.15:
                present = [
                    p
                    for p in medlemmer
                    if not moede.fremmoede.filter(person=p).exclude(status="til_stede").exists()
                ]
                stemmer = {p.pk: Valg.FOR for p in present[:-1]}
                stemmer[present[-1].pk] = Valg.IMOD
                optagelse.afstemning_register(
                    beslutning=beslutning,
                    forslag="Forvaltningens forslag godkendes med en evaluering efter 1 år.",
                    stemmer=stemmer,
                )
                optagelse.mindretalsudtalelse_add(
                    beslutning=beslutning,
                    person=present[-1],
                    tekst="Vi kan ikke støtte forslaget, da det forringer servicen for borgerne.",
                )
        moede.status = "afholdt"
        moede.save(update_fields=["status"])
        moeder.append(moede)
    return moeder


def export(moeder: list, folder: Path) -> None:
    from django.contrib.auth import get_user_model

    from protokol import pdf

    user = get_user_model().objects.get(username="sekretaer")
    folder.mkdir(parents=True, exist_ok=True)
    for index, moede in enumerate(moeder, start=1):
        data = pdf.render_moede_pdf(moede, user=user, med_bilag=False)
        (folder / f"{index:03d}-{moede.dato}.pdf").write_bytes(data)
        print(f"\reksporteret {index}/{len(moeder)}", end="", file=sys.stderr)  # noqa: T201
    print(file=sys.stderr)  # noqa: T201


def run_import(folder: Path, tmp: Path) -> tuple[float, str]:
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp / 'import.sqlite3'}")
    env["PROTOKOL_MEDIA_ROOT"] = str(tmp / "import-media")
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    start = time.perf_counter()
    result = subprocess.run(
        [*manage, "import_referat", str(folder)], env=env, capture_output=True, text=True
    )
    return time.perf_counter() - start, result.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--antal", type=int, default=100)
    parser.add_argument("--behold", type=Path, help="keep the exported PDFs in this folder")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="protokol-bench-import-"))
    try:
        setup_django(tmp)
        started = time.perf_counter()
        moeder = build_variants(args.antal)
        folder = args.behold or tmp / "pdf"
        export(moeder, folder)
        prepared = time.perf_counter() - started
        seconds, report = run_import(folder, tmp)
        imported = report.count(": importeret")
        refused = report.count(": afvist") + report.count(": fejlede")
        ok = seconds <= TARGET_SECONDS and imported == len(moeder)
        print(  # noqa: T201
            f"{len(moeder)} protocol PDFs (made in {prepared:.0f} s): import_referat took "
            f"{seconds:.1f} s, {imported} imported, {refused} refused or failed; "
            f"target ≤ {TARGET_SECONDS:.0f} s with all imported: {'OK' if ok else 'MISSED'}"
        )
        if refused:
            print(report[-3000:], file=sys.stderr)  # noqa: T201
        return 0 if ok else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
