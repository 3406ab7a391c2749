from django.core.management.base import BaseCommand, CommandError

from protokol.services import laasning
from udvalg.models import ProtokolVersion


class Command(BaseCommand):
    help = (
        "Kontrollerer alle gemte, underskrevne protokoller: filernes SHA-256, det frosne "
        "indhold, kæden mellem versionerne og signaturerne. Melder enhver afvigelse og "
        "afslutter med kode 1, hvis noget ikke stemmer."
    )

    def handle(self, *args, **options):
        total = ProtokolVersion.objects.count()
        problems = laasning.verify_protocols()
        for version, problem in problems:
            where = f"{version.moede} version {version.version}" if version else "Kæden"
            self.stderr.write(f"FEJL: {where}: {problem}")
        if problems:
            bad = {version.pk for version, _ in problems if version}
            broken = any(version is None for version, _ in problems)
            chain = " Kæden mellem versionerne er brudt." if broken else ""
            raise CommandError(f"{len(bad)} af {total} protokoller stemmer ikke.{chain}")
        self.stdout.write(self.style.SUCCESS(f"Alle {total} gemte protokoller er uændrede."))
