import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from referatimport import importer, kilde, readback
from udvalg.models import Moede

SUFFIXES = {".txt", ".pdf"}


class Command(BaseCommand):
    help = (
        "Importér gamle beslutningsprotokoller (tekst eller PDF). Hver fil importeres helt "
        "eller slet ikke; en rapport pr. fil skrives på stderr. Exit-kode 1, hvis en fil fejlede."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="filer eller mapper")
        parser.add_argument("--dry-run", action="store_true", help="læs og rapportér, gem intet")
        parser.add_argument(
            "--json", action="store_true", help="de importerede møder som JSON på stdout"
        )
        parser.add_argument("--committee", help="udvalgets navn med valgperiode, fx »X 2014-2017«")

    def handle(self, *args, **options):
        files = self._files(options["paths"])
        err = self.stderr
        results = []
        progress = len(files) > 3
        for index, path in enumerate(files, start=1):
            if progress:
                done = int(30 * index / len(files))
                err.write(f"\r[{'#' * done}{' ' * (30 - done)}] {index}/{len(files)}", ending="")
            try:
                text = kilde.read_text(path)
            except (kilde.IkkeLaesbar, OSError) as exc:
                rapport = importer.Rapport(kilde=str(path), status="afvist", grund=str(exc))
            else:
                rapport = importer.import_tekst(
                    text,
                    kilde=str(path),
                    udvalg_navn=options["committee"],
                    dry_run=options["dry_run"],
                )
            results.append(rapport)
        if progress:
            err.write("")
        for rapport in results:
            self._report(rapport, dry_run=options["dry_run"])
        if options["json"]:
            ids = list(dict.fromkeys(r.moede_id for r in results if r.ok and r.moede_id))
            moeder = Moede.objects.in_bulk(ids)
            data = [readback.moede_json(moeder[i]) for i in ids]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        if not all(r.ok for r in results):
            sys.exit(1)

    def _files(self, paths: list[str]) -> list[Path]:
        files = []
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                files += sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
            elif path.exists():
                files.append(path)
            else:
                raise CommandError(f"{raw} findes ikke")
        return files

    def _report(self, rapport: importer.Rapport, *, dry_run: bool) -> None:
        err = self.stderr
        if rapport.status == "afvist":
            err.write(f"{rapport.kilde}: afvist – {rapport.grund}")
            return
        if rapport.status == "fejl":
            err.write(f"{rapport.kilde}: fejlede, intet gemt – {rapport.grund}")
            return
        if rapport.status == "uaendret":
            err.write(f"{rapport.kilde}: uændret – {rapport.grund}")
            return
        verb = "ville oprette" if dry_run else "oprettet"
        made = ", ".join(f"{n} {k}" for k, n in sorted(rapport.oprettet.items())) or "intet"
        reused = ", ".join(f"{n} {k}" for k, n in sorted(rapport.genbrugt.items())) or "intet"
        err.write(f"{rapport.kilde}: {'tjekket (prøvekørsel)' if dry_run else 'importeret'}")
        err.write(f"  {verb}: {made}")
        err.write(f"  genbrugt: {reused}")
        if rapport.ikke_placeret:
            err.write(f"  {len(rapport.ikke_placeret)} linjer kunne ikke placeres:")
            for u in rapport.ikke_placeret:
                err.write(f"    linje {u.linje}: {u.tekst[:100]} ({u.grund})")
        else:
            err.write("  alle linjer placeret")
