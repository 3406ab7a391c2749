#!/usr/bin/env python
"""make bench: Protokol's pages at 1k, 100k and 1M agenda items, measured against a hello-world
view behind the same middleware, in the same run, on this machine.

For each data set (SQLite at 1k and 100k items, PostgreSQL 15 at 1k, 100k and 1M; BENCH_SIZES
and BENCH_ENGINES choose others) it

1. generates the data with `manage.py generate_data` into bench/ (gitignored), or reuses it when
   the generator, the migrations, the size and the seed are unchanged; PostgreSQL runs as a
   cluster of its own under bench/pg on a Unix socket, started and stopped here;
2. measures every page in-process (Django's test client, production settings): queries, p50 and
   p95 of BENCH_RUNS requests after a warm-up;
3. starts gunicorn (2 sync workers, production settings) on loopback and measures req/s of each
   page and of /_bench/hej/ with wrk (-t1 -c8, BENCH_SECONDS each);
4. on the last data set, reads the app server's RSS before and after 10,000 requests.

Then it runs scripts/bench_pdf.py (protocol PDF of 20 and 100 items: time and peak memory) and
prints one table with the targets of issue 13. Not part of `make test`: figures are machine
figures, and a test must not depend on them.

    make bench                  # everything
    BENCH_SIZES=1000 make bench # one size, quicker
"""

import argparse
import contextlib
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PY = sys.executable
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
SEED = 1
RUNS = int(os.environ.get("BENCH_RUNS", "60"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
RSS_REQUESTS = 10_000
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,100000,1000000").split(",")]
ENGINES = os.environ.get("BENCH_ENGINES", "sqlite,postgresql").split(",")
SQLITE_MAX = 100_000  # 1M items only on PostgreSQL
GENERATION_TARGETS = {("postgresql", 1_000_000): 180, ("sqlite", 100_000): 60}

# (key, label, who). The in-process part finds the URLs in the data set.
PAGES = [
    ("moede", "Møde, 20 punkter (medlem, ucachet)", "medlem"),
    ("referat", "Protokol, 20 punkter (medlem, ucachet)", "medlem"),
    ("underskrevet", "Underskrevet møde (medlem)", "medlem"),
    ("underskrevet_referat", "Underskrevet protokol (medlem)", "medlem"),
    ("offentlig_referat", "Underskrevet protokol (offentlig)", "anonym"),
    ("sag", "Sag (medlem)", "medlem"),
    ("udvalg", "Udvalg (medlem)", "medlem"),
    ("sager", "Sagsliste (medlem)", "medlem"),
    ("sager_filter", "Sagsliste, filtreret (medlem)", "medlem"),
    ("pdf", "Gemt underskrevet PDF (medlem)", "medlem"),
    # Search (portal.soegning): a place name in 0.1-0.2 % of the documents, a word in 40 %
    # ("administrationen", in every item's proposal), a phrase of two such words, and the
    # rare word by date; anonymous and as a member (whose closed items count too).
    ("soeg_sjaelden", "Søgning, sjældent ord (offentlig)", "anonym"),
    ("soeg_sjaelden_dato", "Søgning, sjældent ord efter dato (offentlig)", "anonym"),
    ("soeg_almindelig", "Søgning, ord i 40 % (offentlig)", "anonym"),
    ("soeg_frase", "Søgning, frase (offentlig)", "anonym"),
    ("soeg_almindelig_medlem", "Søgning, ord i 40 % (medlem)", "medlem"),
    ("soeg_frase_dato_medlem", "Søgning, frase efter dato (medlem)", "medlem"),
]
SOEG_SJAELDEN = "Skodsborg"
SOEG_ALMINDELIG = "administrationen"
SOEG_FRASE = '"administrationen foreslår"'
HELLO = [
    ("hej", "Hello-world (anonym)", "anonym"),
    ("hej_medlem", "Hello-world (medlem)", "medlem"),
]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)  # noqa: T201


# --------------------------------------------------------------------------- tools


def ensure_tools() -> None:
    """wrk (Debian) is installed when missing; the bench fails loudly without it."""
    if shutil.which("wrk") is None:
        log("wrk mangler; installerer Debian-pakken wrk ...")
        if os.geteuid() == 0:
            subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False)
        if shutil.which("wrk") is None:
            sys.exit("make bench: wrk mangler (apt-get install wrk)")
    if "postgresql" in ENGINES and not (PG_BIN / "pg_ctl").exists():
        log("PostgreSQL 15 mangler; installerer postgresql-15 ...")
        if os.geteuid() == 0:
            subprocess.run(["apt-get", "install", "-y", "-q", "postgresql-15"], check=False)
        if not (PG_BIN / "pg_ctl").exists():
            sys.exit(f"make bench: {PG_BIN}/pg_ctl mangler (apt-get install postgresql-15)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------------- PostgreSQL


class PgCluster:
    """A PostgreSQL 15 cluster of the bench's own under bench/pg, on a Unix socket only."""

    def __init__(self, path: Path):
        self.path = path
        self.sock = path / "sock"
        self.user = "postgres" if os.geteuid() == 0 else None

    def _run(self, *args, check=True, **kwargs):
        cmd = [str(a) for a in args]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        return subprocess.run(cmd, check=check, cwd=self.path, **kwargs)

    def start(self) -> None:
        if not (self.path / "data" / "PG_VERSION").exists():
            shutil.rmtree(self.path, ignore_errors=True)
            self.sock.mkdir(parents=True)
            if self.user:
                shutil.chown(self.path, self.user, self.user)
                shutil.chown(self.sock, self.user, self.user)
            self._run(
                PG_BIN / "initdb",
                "-D",
                self.path / "data",
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                stdout=subprocess.DEVNULL,
            )
        options = (
            f"-k {self.sock} -c listen_addresses='' -c shared_buffers=1GB "
            "-c maintenance_work_mem=512MB -c max_wal_size=8GB -c synchronous_commit=off "
            "-c checkpoint_timeout=30min"
        )
        self._run(
            PG_BIN / "pg_ctl",
            "-D",
            self.path / "data",
            "-l",
            self.path / "server.log",
            "-w",
            "-t",
            "60",
            "-o",
            options,
            "start",
            stdout=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        self._run(
            PG_BIN / "pg_ctl",
            "-D",
            self.path / "data",
            "-m",
            "fast",
            "-w",
            "stop",
            check=False,
            stdout=subprocess.DEVNULL,
        )

    def psql(self, sql: str, db: str = "postgres") -> str:
        out = subprocess.run(
            ["psql", "-X", "-At", "-h", str(self.sock), "-U", "postgres", "-d", db, "-c", sql],
            check=True,
            capture_output=True,
            text=True,
        )
        return out.stdout.strip()

    def url(self, db: str) -> str:
        return f"postgres://postgres@{str(self.sock).replace('/', '%2F')}/{db}"


# --------------------------------------------------------------------------- data sets


def fingerprint(items: int) -> str:
    """What the data depends on: the generator, the schema, the size and the seed."""
    h = hashlib.sha256(f"{items}:{SEED}".encode())
    files = [ROOT / "protokol" / "generator.py", ROOT / "protokol" / "generator_ord.py"]
    files += [ROOT / "portal" / "indeks.py", ROOT / "portal" / "tekst.py"]
    files += sorted(ROOT.glob("*/migrations/0*.py"))
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


class DataSet:
    def __init__(self, engine: str, items: int, pg: PgCluster | None):
        self.engine = engine
        self.items = items
        self.pg = pg
        self.dir = BENCH / "data" / f"{engine}-{items}"
        self.media = self.dir / "media"
        self.db = f"bench_{items}"
        self.generated: dict | None = None

    @property
    def name(self) -> str:
        kind = "SQLite" if self.engine == "sqlite" else "PostgreSQL"
        return f"{kind} {self.items:,}".replace(",", ".")

    def env(self) -> dict:
        url = (
            f"sqlite:///{self.dir / 'db.sqlite3'}"
            if self.engine == "sqlite"
            else self.pg.url(self.db)
        )
        return os.environ | {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "bench-secret-key-not-for-production-0123456789abcdef",
            "PROTOKOL_SIGNING_KEY": "bench-signing-key",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "DATABASE_URL": url,
            "PROTOKOL_MEDIA_ROOT": str(self.media),
            "PROTOKOL_BENCH": "1",
            "PYTHONPATH": str(ROOT),
        }

    def ensure(self) -> None:
        marker = self.dir / "fingerprint"
        want = fingerprint(self.items)
        if marker.exists() and marker.read_text() == want and self._exists():
            log(f"{self.name}: genbruger data")
            return
        log(f"{self.name}: genererer data ...")
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True)
        if self.engine == "postgresql":
            self.pg.psql(f"DROP DATABASE IF EXISTS {self.db}")
            self.pg.psql(f"CREATE DATABASE {self.db}")
        env = self.env()
        subprocess.run([PY, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
        started = time.monotonic()
        out = subprocess.run(
            [PY, "manage.py", "generate_data", "--items", str(self.items), "--seed", str(SEED)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        total = time.monotonic() - started
        # The search index, in bulk (generate_data writes around Django's signals).
        started = time.monotonic()
        subprocess.run(
            [PY, "manage.py", "soegeindeks"], cwd=ROOT, env=env, check=True, capture_output=True
        )
        index_seconds = time.monotonic() - started
        rows = re.search(r"\(([\d.]+) s\)", out.stdout)
        lock = re.search(r"Låsning: ([\d.]+) s", out.stdout)
        self.generated = {
            "seconds": total,
            "rows_seconds": float(rows.group(1)) if rows else None,
            "lock_seconds": float(lock.group(1)) if lock else None,
            "index_seconds": index_seconds,
        }
        if self.engine == "postgresql":
            self.pg.psql("VACUUM ANALYZE", db=self.db)
        (self.dir / "generate_data.txt").write_text(out.stdout)
        marker.write_text(want)

    def _exists(self) -> bool:
        if self.engine == "sqlite":
            return (self.dir / "db.sqlite3").exists()
        return self.pg.psql(f"SELECT 1 FROM pg_database WHERE datname = '{self.db}'") == "1"


# --------------------------------------------------------------------------- in-process


def inprocess() -> None:
    """Run inside the data set's environment (DATABASE_URL etc.): print JSON with each page's
    URL, queries, p50 and p95, and a member's session cookie for wrk."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from sager.models import Sag
    from udvalg.models import Medlemskab, Moede, MoedeStatus

    signed = Moede.objects.filter(status=MoedeStatus.UNDERSKREVET).order_by("-dato").first()
    udvalg = signed.udvalg
    held = Moede.objects.filter(udvalg=udvalg, status=MoedeStatus.AFHOLDT).order_by("-dato")[0]
    member = (
        Medlemskab.objects.filter(udvalg=udvalg, stedfortraeder=False, gyldig_fra__lte=held.dato)
        .select_related("person__user")
        .order_by("sortering")[0]
        .person.user
    )
    sag = (
        Sag.objects.filter(punkter__moede=held)
        .annotate(n=Count("punkter__moede"))
        .order_by("-n", "pk")[0]
    )
    args = [udvalg.slug]

    def moede_url(name, moede):
        return reverse(f"protokol:{name}", args=[udvalg.slug, moede.url_slug])

    def soeg(q, sortering="relevans"):
        return reverse("portal:soeg") + "?" + urlencode({"q": q, "sortering": sortering})

    urls = {
        "moede": moede_url("moede-detail", held),
        "referat": moede_url("referat", held),
        "underskrevet": moede_url("moede-detail", signed),
        "underskrevet_referat": moede_url("referat", signed),
        "offentlig_referat": moede_url("referat", signed),  # anonymous: the public version
        "sag": reverse("protokol:sag-detail", args=[sag.pk]),
        "udvalg": reverse("udvalg:udvalg-detail", args=args),
        "sager": reverse("sager:sag-list"),
        "sager_filter": reverse("sager:sag-list") + f"?titel=budget&aar={held.dato.year}"
        f"&udvalg={udvalg.pk}",
        "pdf": moede_url("referat-pdf", signed),
        "soeg_sjaelden": soeg(SOEG_SJAELDEN),
        "soeg_sjaelden_dato": soeg(SOEG_SJAELDEN, "dato"),
        "soeg_almindelig": soeg(SOEG_ALMINDELIG),
        "soeg_frase": soeg(SOEG_FRASE),
        "soeg_almindelig_medlem": soeg(SOEG_ALMINDELIG),
        "soeg_frase_dato_medlem": soeg(SOEG_FRASE, "dato"),
        "hej": "/_bench/hej/",
        "hej_medlem": "/_bench/hej/",
    }
    # As assertNumQueries does: a request must not empty the query log it is counted in.
    request_started.disconnect(reset_queries)
    clients = {"anonym": Client(), "medlem": Client()}
    clients["medlem"].force_login(member)
    who = {key: w for key, _, w in PAGES + HELLO}
    result = {"urls": urls, "cookie": clients["medlem"].cookies["sessionid"].value, "pages": {}}
    for key, url in urls.items():
        client = clients[who[key]]
        for _ in range(3):
            response = client.get(url)
        status = response.status_code
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries = [q["sql"] for q in captured.captured_queries]
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            response = client.get(url)
            if key == "pdf":
                b"".join(response.streaming_content if response.streaming else [response.content])
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        etag = response.headers.get("ETag")
        revalidated = None
        if etag:
            revalidated = client.get(url, headers={"if-none-match": etag}).status_code
        result["pages"][key] = {
            "status": status,
            "queries": len(queries),
            **explain(connection, queries),
            "sql": queries,
            "p50": statistics.median(times),
            "p95": times[int(len(times) * 0.95) - 1],
            "etag": bool(etag),
            "revalidated": revalidated,
            "cache_control": response.headers.get("Cache-Control", ""),
        }
    print(json.dumps(result))  # noqa: T201


BIG_TABLES = {
    "sager_punkt",
    "sager_sag",
    "sager_beslutning",
    "sager_bilag",
    "sager_stemme",
    "udvalg_moede",
}


def explain(connection, queries: list[str]) -> dict:
    """On PostgreSQL, each query of the page under EXPLAIN ANALYZE: the slowest one's time and
    any sequential scan of a large table (the check that every filter and sort has its index)."""
    if connection.vendor != "postgresql":
        return {"slowest_ms": None, "seq_scans": []}
    slowest, scans = 0.0, set()
    with connection.cursor() as cursor:
        for sql in queries:
            if not sql.lstrip("( ").upper().startswith("SELECT"):
                continue
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0][0]
            slowest = max(slowest, plan["Execution Time"])
            nodes = [plan["Plan"]]
            while nodes:
                node = nodes.pop()
                nodes += node.get("Plans", [])
                if node["Node Type"] == "Seq Scan" and node.get("Relation Name") in BIG_TABLES:
                    scans.add(node["Relation Name"])
    return {"slowest_ms": slowest, "seq_scans": sorted(scans)}


# --------------------------------------------------------------------------- gunicorn + wrk


class Gunicorn:
    def __init__(self, env: dict):
        self.env = env
        self.port = free_port()
        self.proc = None

    def __enter__(self):
        self.log = open(BENCH / "gunicorn.log", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [
                PY,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--workers",
                "2",
                "--worker-class",
                "sync",
                "--bind",
                f"127.0.0.1:{self.port}",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=self.log,
        )
        # Ready when the workers answer (the master listens before they have loaded Django).
        deadline = time.monotonic() + 60
        answered = 0
        while time.monotonic() < deadline and answered < 10:
            try:
                with urllib.request.urlopen(self.base() + "/_bench/hej/", timeout=5) as r:
                    answered += r.status == 200
            except OSError:
                time.sleep(0.2)
        if answered < 10:
            raise RuntimeError("gunicorn svarede ikke (se bench/gunicorn.log)")
        return self

    def __exit__(self, *exc):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)
        self.log.close()

    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_rss_mb(self) -> float:
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text()
        total = 0
        for pid in children.split():
            status = Path(f"/proc/{pid}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
        return total / 1024


def wrk(url: str, cookie: str | None, seconds: int = SECONDS, script: Path | None = None) -> dict:
    cmd = ["wrk", "-t1", "-c8", f"-d{seconds}s", "--timeout", "10s"]
    if cookie:
        cmd += ["-H", f"Cookie: sessionid={cookie}"]
    if script:
        cmd += ["-s", str(script)]
    out = subprocess.run([*cmd, url], check=True, capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rate": rate,
        "requests": total,
        "non_2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(1) if errors else "",
    }


RSS_SCRIPT = """
local paths = {%(paths)s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], {["Cookie"] = "sessionid=%(cookie)s"})
end
"""


def rss_growth(server: Gunicorn, inproc: dict, rates: dict) -> dict:
    """The member pages in turn until at least RSS_REQUESTS have been answered: the duration
    comes from the rates just measured (wrk has no request count), and the count is checked."""
    keys = [k for k, _, who in PAGES if who == "medlem" and k != "pdf"]
    paths = [inproc["urls"][k] for k in keys]
    script = BENCH / "rss.lua"
    script.write_text(
        RSS_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths), "cookie": inproc["cookie"]}
    )
    wrk(server.base() + paths[0], None, seconds=5, script=script)  # warm-up
    before = server.worker_rss_mb()
    # The mix's rate is the harmonic mean of the pages' rates.
    rate = len(keys) / sum(1 / max(rates[k]["rate"], 1) for k in keys)
    seconds = int(RSS_REQUESTS / rate * 1.3) + 2
    result = wrk(server.base() + paths[0], None, seconds=seconds, script=script)
    while result["requests"] < RSS_REQUESTS:
        more = wrk(server.base() + paths[0], None, seconds=seconds // 4 + 1, script=script)
        result["requests"] += more["requests"]
    after = server.worker_rss_mb()
    return {"before": before, "after": after, "requests": result["requests"]}


# --------------------------------------------------------------------------- report


def machine() -> str:
    cpu = ""
    with contextlib.suppress(OSError):
        cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text()).group(1)
    mem = ""
    with contextlib.suppress(OSError):
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    return f"{cpu}, {os.cpu_count()} kerner{mem}, Python {platform.python_version()}"


def fmt(x, digits=1) -> str:
    return (
        "-"
        if x is None
        else f"{x:,.{digits}f}".replace(",", "X").replace(".", ",").replace("X", ".")
    )


def report(results: list, rss: dict | None, pdf_lines: list[str]) -> bool:
    ok = True
    lines = [
        f"Protokol make bench {datetime.datetime.now():%Y-%m-%d %H:%M}: {machine()}",
        "gunicorn 2 sync-workers, wrk -t1 -c8 "
        f"-d{SECONDS}s; in-process: Djangos testklient, {RUNS} kørsler efter opvarmning.",
        "",
        "| Side | Data | Forespørgsler | Langsomste ms (PG) | Seq Scan | p50 ms | p95 ms | "
        "req/s | Andel af hello-world (anonym) | Andel af medlemmets hello-world | Mål |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    base: dict = {}
    for ds, inproc, rates in results:
        hello = rates["hej"]["rate"] or float("nan")
        hello_medlem = rates["hej_medlem"]["rate"] or float("nan")
        base.setdefault(ds.engine, {})[ds.items] = inproc["pages"]
        for key, label, who in HELLO + PAGES:
            page = inproc["pages"][key]
            rate = rates[key]
            share = rate["rate"] / hello * 100
            own = f"{fmt(rate['rate'] / hello_medlem * 100)} %" if who == "medlem" else ""
            target, good = targets(key, page, share, ds, base)
            if page["seq_scans"] and ds.items >= 100_000:  # every filter and sort indexed
                target, good = f"{target} indeks mangler".strip(), False
            ok = ok and good
            errors = "" if not rate["non_2xx"] else f" ({rate['non_2xx']} fejlsvar)"
            if page["status"] != 200 or rate["non_2xx"]:
                ok = False
            lines.append(
                f"| {label} | {ds.name} | {page['queries']} | {fmt(page['slowest_ms'], 2)} | "
                f"{', '.join(page['seq_scans']) or '–'} | {fmt(page['p50'])} | "
                f"{fmt(page['p95'])} | {fmt(rate['rate'], 0)}{errors} | {fmt(share)} % | "
                f"{own} | {target} |"
            )
    lines.append("")
    for ds, _, _ in results:
        if ds.generated:
            g = ds.generated
            limit = GENERATION_TARGETS.get((ds.engine, ds.items))
            verdict = ""
            if limit:
                good = g["seconds"] <= limit
                ok = ok and good
                verdict = f"; mål ≤ {limit} s: {'OK' if good else 'MISSET'}"
            lines.append(
                f"generate_data {ds.name}: {fmt(g['seconds'])} s i alt (rækker "
                f"{fmt(g['rows_seconds'])} s, underskrift og låsning {fmt(g['lock_seconds'])} s)"
                f"{verdict}; søgeindeks (manage.py soegeindeks) {fmt(g['index_seconds'])} s"
            )
        else:
            lines.append(f"generate_data {ds.name}: genbrugt")
    if rss:
        growth = rss["after"] - rss["before"]
        good = growth <= 20
        ok = ok and good
        lines.append(
            f"App-serverens RSS (2 workers) før {fmt(rss['before'])} MB, efter "
            f"{rss['requests']:,} forespørgsler {fmt(rss['after'])} MB: vækst {fmt(growth)} MB; "
            f"mål ≤ 20 MB: {'OK' if good else 'MISSET'}".replace(",", ".")
        )
    lines += ["", "Protokol-PDF (scripts/bench_pdf.py):", *pdf_lines]
    print("\n".join(lines))  # noqa: T201
    return ok


def targets(key, page, share, ds, base) -> tuple[str, bool]:
    """The issue's targets for this row: (text, met)."""
    parts, good = [], True
    if key == "moede":
        parts.append("≥ 5 %, ≤ 6 forespørgsler")
        good = share >= 5 and page["queries"] <= 6
    elif key in ("underskrevet", "underskrevet_referat", "offentlig_referat"):
        parts.append("≥ 50 %, 304")
        good = share >= 50 and page["revalidated"] == 304
    elif key == "pdf":
        parts.append("≥ 10 %")
        good = share >= 10
    if key.startswith("soeg_"):
        selective = key in ("soeg_sjaelden", "soeg_sjaelden_dato")
        limit = 50 if selective else 250
        parts.append(f"p95 ≤ {limit} ms")
        good = good and page["p95"] <= limit
    if key in ("moede", "referat", "underskrevet", "underskrevet_referat", "sag", "udvalg"):
        parts.append("p50 ≤ 15, p95 ≤ 30 ms")
        good = good and page["p50"] <= 15 and page["p95"] <= 30
        smallest = min(base[ds.engine])
        if ds.items >= 1_000_000 and smallest < ds.items:
            first = base[ds.engine][smallest][key]["p50"]
            parts.append("≤ 1,2 × 1k")
            good = good and page["p50"] <= 1.2 * first
    if not parts:
        return "", True
    return "; ".join(parts) + (" OK" if good else " MISSET"), good


# --------------------------------------------------------------------------- main


def main() -> int:
    ensure_tools()
    BENCH.mkdir(exist_ok=True)
    pg = PgCluster(BENCH / "pg") if "postgresql" in ENGINES else None
    datasets = [
        DataSet(engine, items, pg)
        for engine in ENGINES
        for items in SIZES
        if not (engine == "sqlite" and items > SQLITE_MAX)
    ]
    results, rss = [], None
    if pg:
        pg.start()
    try:
        for i, ds in enumerate(datasets):
            ds.ensure()
            env = ds.env()
            log(f"{ds.name}: måler in-process ...")
            out = subprocess.run(
                [PY, __file__, "--inprocess"],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            inproc = json.loads(out.stdout.strip().splitlines()[-1])
            log(f"{ds.name}: måler med wrk ...")
            with Gunicorn(env) as server:
                rates = {}
                for key, _, who in HELLO + PAGES:
                    cookie = inproc["cookie"] if who == "medlem" else None
                    url = server.base() + inproc["urls"][key]
                    wrk(url, cookie, seconds=1)  # warm-up: both workers, every cache
                    rates[key] = wrk(url, cookie)
                if i == len(datasets) - 1:
                    log(f"{ds.name}: RSS over {RSS_REQUESTS} forespørgsler ...")
                    rss = rss_growth(server, inproc, rates)
            results.append((ds, inproc, rates))
    finally:
        if pg:
            pg.stop()
    log("Protokol-PDF ...")
    pdf = subprocess.run(
        [PY, str(ROOT / "scripts" / "bench_pdf.py")], cwd=ROOT, capture_output=True, text=True
    )
    pdf_lines = pdf.stdout.strip().splitlines() or [pdf.stderr.strip()[-500:]]
    ok = report(results, rss, pdf_lines) and pdf.returncode == 0
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inprocess", action="store_true", help=argparse.SUPPRESS)
    if parser.parse_args().inprocess:
        inprocess()
    else:
        sys.exit(main())
