from django.core.management.base import BaseCommand

from protokol.services import laasning


class Command(BaseCommand):
    help = (
        "Forsegler protokolversioner, der blev låst før kæde og signatur fandtes: fryser "
        "indholdet, som det er nu, og kæder og signerer versionen. Kan køres flere gange."
    )

    def handle(self, *args, **options):
        sealed = laasning.versioner_seal()
        self.stdout.write(f"{len(sealed)} protokolversioner forseglet.")
