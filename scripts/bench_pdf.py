#!/usr/bin/env python
"""Time and memory of the protocol PDF (protokol.pdf.render_moede_pdf) for 20 and 100 items.

Standalone: it sets up Django itself on a throwaway SQLite database and MEDIA_ROOT in a
temporary directory, builds two meetings through the services, renders each protocol three
times and prints the best wall time and the peak memory against the targets.

    .venv/bin/python scripts/bench_pdf.py

Not a test (pytest collects only tests/test_*.py).
"""

import datetime
import os
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {20: (1.5, 150), 100: (8.0, None)}  # items: (seconds, MB of peak RSS)
RUNS = 3

PARAGRAPHS = [
    "Fagudvalgene skal udarbejde et katalog med forslag til besparelser og effektiviseringer "
    "på i alt 50 mio. kr. Udvalget har et nettodriftsbudget i budget 2016 på 115,9 mio. kr., "
    "og der skal udarbejdes forslag til driftsbesparelser på 0,1 mio. kr.",
    "Som afsæt for udvalgets drøftelse af besparelsesforslag blev udvalget på mødet den 11. "
    "marts 2015 orienteret om serviceudgifterne på udvalgets område. Udvalget oversendte "
    "forslag til driftsbesparelser vedr. serviceudgifter til Økonomiudvalget.",
    "Rent lovgivningsmæssigt er der siden 2013 kommet markant fokus på, at Jobcentret skal "
    "levere en tværfaglig og koordineret indsats. Siden for-analysen i 2011 er der "
    "implementeret flere reformer på beskæftigelsesområdet, der alle lægger vægt på, at "
    "borgeren skal mødes med en helhedsorienteret og koordineret indsats.",
    "Det tværfaglige samarbejde har været praktiseret i Allerød Kommune i flere år, og "
    "erfaringen er, at den fysiske nærhed i dagligdagen og kendskabet til både personer og "
    "arbejdsområder er afgørende for en god koordinering.",
]
MEMBERS = [
    "Nikolaj Bührmann",
    "Erling Petersen",
    "Rasmus Keis Neerbek",
    "Agnete Fog",
    "Gurli Nielsen",
]


def setup_django(tmp: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ["PROTOKOL_MEDIA_ROOT"] = str(tmp / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def build_meeting(antal: int, dato: datetime.date):
    """A released and held meeting with `antal` items (the two standing ones included)."""
    from django.contrib.auth import get_user_model

    from protokol.services import optagelse
    from sager import services as sager_services
    from sager.models import Valg
    from udvalg import services as udvalg_services
    from udvalg.models import Medlemskab, Person, Rolle, Udvalg

    udvalg = Udvalg(
        navn=f"Bench-udvalget {antal}",
        forkortelse=f"B{antal}",
        periode_start=2014,
        periode_slut=2017,
    )
    udvalg.full_clean()
    udvalg.save()
    users = get_user_model().objects
    sekretaer = users.create_user(username=f"sekretaer{antal}", password="x")
    udvalg.sekretaerer.add(sekretaer)
    personer = []
    for i, navn in enumerate(MEMBERS, start=1):
        person = Person.objects.create(navn=navn)
        Medlemskab.objects.create(
            udvalg=udvalg,
            person=person,
            rolle=Rolle.FORMAND if i == 1 else Rolle.MEDLEM,
            sortering=i,
        )
        personer.append(person)
    moede = sager_services.moede_create(
        udvalg=udvalg, dato=dato, starttid=datetime.time(7, 30), sted="Mødelokale 1"
    )
    for n in range(3, antal + 1):
        sag = sager_services.sag_create(sagsnr=f"{antal % 90 + 10}/{n}", titel=f"Sag {n}")
        sager_services.punkt_create(
            moede=moede,
            titel=f"Punkt {n} om besparelser og beskæftigelsesindsatsen",
            sag=sag,
            tema=html(PARAGRAPHS[:1]),
            sagsbeskrivelse=html(PARAGRAPHS[n % 2 :] + PARAGRAPHS[:2]),
            administrationens_forslag=(
                "<p>Forvaltningen anbefaler, at udvalget oversender forslagene til "
                "Økonomiudvalget.</p>"
            ),
            oekonomi_og_finansiering="<p>Et modul koster gennemsnitligt 30.000 kr.</p>",
        )
    udvalg_services.moede_release(moede=moede, user=sekretaer)
    for punkt in moede.punkter.order_by("nummer"):
        beslutning = optagelse.beslutning_save(punkt=punkt, tekst="<p>Indstilling godkendt.</p>")
        if punkt.nummer % 5 == 0:
            stemmer = {p.pk: Valg.FOR for p in personer[:3]}
            stemmer.update({p.pk: Valg.IMOD for p in personer[3:]})
            optagelse.afstemning_register(
                beslutning=beslutning,
                forslag="Forvaltningens forslag godkendes med en evaluering efter 1 år.",
                stemmer=stemmer,
            )
            optagelse.mindretalsudtalelse_add(
                beslutning=beslutning,
                person=personer[4],
                tekst="Vi kan ikke støtte forslaget, da det forringer servicen for borgerne.",
            )
    return moede, sekretaer


def rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench(moede, user) -> tuple[float, float, float, int]:
    """Best wall time of RUNS renders, peak RSS after them, the Python heap peak of one more
    render (traced separately: tracemalloc slows rendering down) and the page count."""
    import io

    from pypdf import PdfReader

    from protokol import pdf

    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        data = pdf.render_moede_pdf(moede, user=user)
        best = min(best, time.perf_counter() - start)
    rss = rss_mb()
    tracemalloc.start()
    pdf.render_moede_pdf(moede, user=user)
    python_peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    return best, rss, python_peak, len(PdfReader(io.BytesIO(data)).pages)


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="protokol-bench-"))
    try:
        setup_django(tmp)
        meetings = {
            antal: build_meeting(antal, datetime.date(2015, 5, 13) + datetime.timedelta(days=i))
            for i, antal in enumerate(TARGETS)
        }
        # Warm up imports and fonts once, so the first measurement is not penalised.
        from protokol import pdf

        moede, user = meetings[20]
        pdf.render_moede_pdf(moede, user=user)
        ok = True
        for antal, (moede, user) in meetings.items():
            best, rss, python_peak, pages = bench(moede, user)
            max_s, max_mb = TARGETS[antal]
            verdict = best <= max_s and (max_mb is None or rss <= max_mb)
            ok = ok and verdict
            target = f"≤ {max_s} s" + (f" and ≤ {max_mb} MB" if max_mb else "")
            print(  # noqa: T201
                f"{antal:>3} items ({pages} pages): best of {RUNS} {best:.2f} s, "
                f"peak RSS {rss:.0f} MB "
                f"(Python heap peak {python_peak:.0f} MB); target {target}: "
                f"{'OK' if verdict else 'MISSED'}"
            )
        return 0 if ok else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
