from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from protokol import demo


class Command(BaseCommand):
    help = (
        "Opretter demo-data: Erhvervs- og Beskæftigelsesudvalget 2014-2017 med medlemmer, "
        "møderne 12-03-2014 og 13-05-2015 med punkter og bilag, og demo-brugere. "
        "Kan køres flere gange; eksisterende data røres ikke."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Opret demo-brugere (adgangskode 'demo') selv når DEBUG er slået fra.",
        )
        parser.add_argument(
            "--uden-brugere", action="store_true", help="Opret kun data, ingen brugere."
        )

    def handle(self, *args, force=False, uden_brugere=False, **options):
        with_users = not uden_brugere
        if with_users and not settings.DEBUG and not force:
            raise CommandError(
                "Demo-brugere med adgangskoden 'demo' oprettes kun, når DEBUG er slået til. "
                "Brug --force for at oprette dem alligevel, eller --uden-brugere."
            )
        result = demo.load(with_users=with_users)
        for moede in result.created_meetings:
            self.stdout.write(f"Oprettet møde: {moede}")
        if not result.created_meetings:
            self.stdout.write("Demo-møderne fandtes allerede.")
        if result.users:
            self.stdout.write(self.style.SUCCESS("\nDemo-log-ins (adgangskode: demo):"))
            for username, beskrivelse in result.users:
                self.stdout.write(f"  {username:<10} {beskrivelse}")
            self.stdout.write("\nÅbn http://127.0.0.1:8000/ og log ind.")
