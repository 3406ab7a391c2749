from django.core.management.base import BaseCommand

from portal import indeks


class Command(BaseCommand):
    help = (
        "Genopbygger søgeindekset fra alle punkter, beslutninger og bilag. Indekset holdes "
        "ellers ajour ved hver ændring; kør det efter en opgradering eller en indlæsning uden "
        "om Django (fx generate_data)."
    )

    def handle(self, *args, **options):
        def fremdrift(done, total):
            if options["verbosity"] > 1 or done == total:
                self.stdout.write(f"{done} af {total} punkter indekseret")

        rows = indeks.genopbyg(fremdrift)
        self.stdout.write(self.style.SUCCESS(f"Søgeindekset har {rows} rækker."))
