from django.core.management.base import BaseCommand

from protokol.services import underskrift


class Command(BaseCommand):
    help = (
        "Sætter låsningen i kø igen for hver protokol, som alle har underskrevet, men som ikke "
        "er låst (fx fordi arbejdsprocessen stoppede). Kan køres når som helst, fx fra cron."
    )

    def handle(self, *args, **options):
        ids = underskrift.referater_requeue_locks()
        versions = underskrift.referater_requeue_public_pdfs()
        self.stdout.write(f"{len(ids)} protokoller sat i kø til låsning.")
        self.stdout.write(f"{len(versions)} underskrevne versioner sat i kø til offentlige PDF'er.")
