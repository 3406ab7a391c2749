import datetime

from django.core.management.base import BaseCommand, CommandError

from protokol.generator import PASSWORD, Generator, GeneratorFejl


class Command(BaseCommand):
    help = (
        "Fylder en tom database med en kommunes udvalg, møder, sager, beslutninger, afstemninger, "
        "bilag og budgetrunder: --items punkter i alt (ca. 20 pr. møde), de samme for det samme "
        "--seed. Til benchmarks og test, aldrig til drift (alle brugere har samme adgangskode)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, required=True, help="antal dagsordenspunkter")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--signed",
            type=int,
            default=2,
            help="så mange af de seneste afholdte møder i det første udvalg underskrives og låses "
            "(2)",
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="dagen møderne placeres efter (ÅÅÅÅ-MM-DD; standard: i dag)",
        )

    def handle(self, *args, items, seed, signed, today, **options):
        generator = Generator(items=items, seed=seed, signed=signed, today=today)
        try:
            result = generator.run()
        except GeneratorFejl as e:
            raise CommandError(str(e)) from e
        plan = result.plan
        self.stdout.write(
            f"{plan.items} punkter: {plan.terms} valgperioder, {plan.committees} udvalg pr. "
            f"periode, {plan.meetings_per_committee} møder pr. udvalg og periode "
            f"({result.seconds:.1f} s)"
        )
        for name, count in sorted(result.counts.items()):
            self.stdout.write(f"  {name:<28} {count:>10}")
        for moede in result.signed:
            self.stdout.write(f"Underskrevet og låst: {moede} ({moede.get_absolute_url()})")
        if result.signed:
            self.stdout.write(f"Låsning: {result.lock_seconds:.1f} s")
        self.stdout.write(f"Alle brugere har adgangskoden {PASSWORD!r}.")
