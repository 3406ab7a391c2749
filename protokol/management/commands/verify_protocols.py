from django.core.management.base import BaseCommand, CommandError

from protokol.services import laasning
from udvalg.models import ProtokolVersion


class Command(BaseCommand):
    help = (
        "Genberegner SHA-256 for alle gemte, underskrevne protokoller og melder enhver "
        "afvigelse. Afslutter med kode 1, hvis noget ikke stemmer."
    )

    def handle(self, *args, **options):
        total = ProtokolVersion.objects.count()
        problems = laasning.verify_protocols()
        for version, problem in problems:
            self.stderr.write(f"FEJL: {version.moede} version {version.version}: {problem}")
        if problems:
            raise CommandError(f"{len(problems)} af {total} protokoller stemmer ikke.")
        self.stdout.write(self.style.SUCCESS(f"Alle {total} gemte protokoller er uændrede."))
