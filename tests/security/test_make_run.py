"""`make run`, end to end: the real server and the real task worker on a fresh embedded database.

The secretary creates a meeting with an open and a closed item on one case, records it and
sends it for signing; the members log in one after another and sign; the worker started beside
the server (`manage.py worker`) locks the protocol. Then an anonymous visitor reads every
public page and PDF: the open item's decision is there, nothing of the closed item is.

Everything goes over HTTP, as a browser would send it (each form as rendered, its hidden fields
and one-time key included). The server gets its own SQLite file and media folder, so the
developer's db.sqlite3 is never touched, and CI's PostgreSQL run still tests the embedded
default here, which is what `make run` serves."""

import html.parser
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from weasyprint import HTML

from tests.security.klient import Klient, Svar

ROOT = Path(__file__).resolve().parents[2]
# `make run` would reinstall the venv when pyproject.toml is newer than this stamp; the test
# runs the app as installed (make -o treats the stamp as up to date).
STAMP = ".venv/.installed-stamp"
SLUG = "ebu-2014-2017"
DATO = "2016-03-09"
MOEDE = f"/udvalg/{SLUG}/moeder/{DATO}"
OFFENTLIG = f"/udvalg/{SLUG}/moeder/{DATO}"  # one URL per meeting
PASSWORD = "demo"  # protokol.demo.DEMO_PASSWORD; make run sets DJANGO_DEBUG=1, which creates them
# The demo members (protokol.demo.DEMO_USERS), all present, so all sign.
SIGNERS = ["formand", "medlem", "erling", "rasmus", "agnete"]
SECTIONS = [
    "tema",
    "sagsbeskrivelse",
    "supplerende_sagsbeskrivelse",
    "administrationens_forslag",
    "afledte_konsekvenser",
    "oekonomi_og_finansiering",
    "dialog_hoering",
]

MARKER = "HEMMELIGMARKOR"
LUKKET_TITEL = f"Fratraedelsesaftale {MARKER} direktoer"
LUKKET_BESLUTNING = f"Udvalget godkendte fratraedelsesaftalen {MARKER}beslutning"
LUKKET_TEXTS = [MARKER, LUKKET_TITEL, LUKKET_BESLUTNING, "Fratraedelsesaftale"]

AABEN_TITEL = "Erhvervsfremme AABENTITEL"
AABEN_BESLUTNING = "Udvalget anbefalede indstillingen AABENBESLUTNING"
AABEN_FORSLAG = "AABENFORSLAG om erhvervsfremme"
AABEN_MINDRETAL = "AABENMINDRETAL kan ikke stoette forslaget"
AABEN_BILAG = "AABENBILAGTEKST"

SERVER_START_S = 90
LOCK_WAIT_S = 60


# --- a browser's forms -------------------------------------------------------------------------


class _Forms(html.parser.HTMLParser):
    """Every form of a page with what a browser would send unchanged: inputs with their values,
    each select's selected (else first) option, checked boxes, textareas' text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._fields: dict | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v if v is not None else "" for k, v in attrs}
        if tag == "form":
            self._fields = {}
            method = a.get("method", "get").lower()
            self.forms.append(
                {"action": a.get("action", ""), "method": method, "fields": self._fields}
            )
            return
        if self._fields is None:
            return
        if tag == "option" and self._select:
            if self._fields[self._select] is None or "selected" in a:
                self._fields[self._select] = a.get("value", "")
            return
        name = a.get("name")
        if not name:
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._fields[name] = a.get("value", "on")
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self._fields[name] = a.get("value", "")
        elif tag == "select":
            self._select = name
            self._fields.setdefault(name, None)
        elif tag == "textarea":
            self._textarea = name
            self._fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self._fields is not None:
            # A browser drops the newline right after <textarea>.
            text = self._fields[self._textarea] + data
            self._fields[self._textarea] = text.removeprefix("\n")


def _form(page: str, action: str | None = None, has: str | None = None) -> dict:
    """The fields of the post form sent to `action` ("" = the page itself) and holding `has`."""
    parser = _Forms()
    parser.feed(page)
    for form in parser.forms:
        if form["method"] != "post":
            continue
        if action is not None and form["action"] != action:
            continue
        if has is not None and has not in form["fields"]:
            continue
        fields = {k: v for k, v in form["fields"].items() if v is not None}
        fields.pop("csrfmiddlewaretoken", None)  # Klient.post adds the cookie's
        return fields
    raise AssertionError(f"no form (action={action!r}, field={has!r}) on the page")


# --- HTTP --------------------------------------------------------------------------------------


class _Klient(Klient):
    """Klient that records every answer (no 5xx anywhere in the flow) and waits out the
    moment runserver's autoreloader restarts (connection refused: nothing was handled)."""

    def __init__(self, base: str, answers: list):
        super().__init__(base)
        self.answers = answers

    def _open(self, request):
        deadline = time.monotonic() + 20
        while True:
            try:
                svar = super()._open(request)
            except urllib.error.URLError as exc:
                if not isinstance(exc.reason, ConnectionRefusedError):
                    raise
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
                continue
            self.answers.append((request.get_method(), request.full_url, svar.status))
            return svar

    def get_bytes(self, path: str) -> tuple[int, str, bytes]:
        request = urllib.request.Request(self.base + path)
        try:
            with self.opener.open(request, timeout=120) as response:
                result = response.status, response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as error:
            result = error.code, error.headers.get_content_type(), error.read()
        self.answers.append(("GET", request.full_url, result[0]))
        return result

    def submit(self, page_path: str, data: dict, action: str | None = "", has=None) -> Svar:
        """GET the page, fill in its form as rendered with `data`, and post it."""
        page = self.get(page_path)
        assert page.status == 200, (page_path, page.status)
        fields = {**_form(page.body, action, has), **data}
        return self.post(action or page_path, fields)


def _ok(svar: Svar, what: str, *, redirect: bool = True) -> Svar:
    expected = 302 if redirect else 200
    assert svar.status == expected, f"{what}: HTTP {svar.status}\n{svar.body[:3000]}"
    return svar


def _status(klient: _Klient) -> str:
    page = klient.get(f"{MOEDE}/underskrift/")
    assert page.status == 200, page.status
    found = re.search(r'Status: <span class="badge[^"]*">([^<]+)</span>', page.body)
    assert found, "no status on the signature page"
    return found.group(1)


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    assert data.startswith(b"%PDF-"), data[:200]
    path = tmp_path / "udtraek.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return " ".join(out.stdout.decode().split())


def _pdf_bytes(text: str) -> bytes:
    return HTML(string=f"<p>{text}</p>").write_pdf()


# --- make run ----------------------------------------------------------------------------------


@dataclass
class Server:
    base: str
    process: subprocess.Popen
    log: Path

    def log_tail(self) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-60:])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _group(pgid: int) -> dict[int, str]:
    """The live processes of a process group (zombies left out), with their command lines."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        # The fields after the command name "(...)": state, ppid, pgrp.
        state, _ppid, pgrp = stat.rsplit(")", 1)[1].split()[:3]
        if int(pgrp) == pgid and state != "Z":
            found[int(entry.name)] = cmdline
    return found


def _stop(process: subprocess.Popen) -> dict[int, str]:
    """Stop make, runserver (with its autoreloader's child) and the worker: the whole process
    group, which make leads (start_new_session). Returns what is still alive: nothing."""
    pgid = process.pid
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + 15
        while _group(pgid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if not _group(pgid):
            break
    process.wait(timeout=10)
    return _group(pgid)


@pytest.fixture
def make_run(tmp_path):
    if not (ROOT / ".venv" / "bin" / "python").exists():
        pytest.fail(f"{ROOT}/.venv is missing: run `make install` first (make run uses it)")
    if shutil.which("make") is None:
        pytest.fail("`make` is missing (Debian package make)")
    port = _free_port()
    env = dict(os.environ)
    # Nothing of the developer's or CI's database, media, task backend or make invocation.
    for name in (
        "DATABASE_URL",
        "DATABASE_CONN_MAX_AGE",
        "PROTOKOL_TASKS_BACKEND",
        "MAKEFLAGS",
        "MFLAGS",
        "MAKELEVEL",
        "DJANGO_ALLOWED_HOSTS",
    ):
        env.pop(name, None)
    env.update(
        HOST=f"127.0.0.1:{port}",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        PROTOKOL_MEDIA_ROOT=str(tmp_path / "media"),
        DJANGO_DEBUG="1",
        DJANGO_SETTINGS_MODULE="config.settings",
        PYTHONUNBUFFERED="1",
    )
    log = tmp_path / "make-run.log"
    started = time.monotonic()
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "-o", STAMP, "run"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(base=f"http://127.0.0.1:{port}", process=process, log=log)
    try:
        deadline = started + SERVER_START_S
        while True:
            if process.poll() is not None:
                pytest.fail(f"make run stopped (exit {process.returncode}):\n{server.log_tail()}")
            try:
                with urllib.request.urlopen(server.base + "/login/", timeout=5) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"no answer within {SERVER_START_S} s:\n{server.log_tail()}")
            time.sleep(0.5)
        running = " | ".join(_group(process.pid).values())
        assert "manage.py worker" in running and "manage.py runserver" in running, running
        yield server
    finally:
        left = _stop(process)
        assert not left, f"processes of make run still alive after the test: {left}"


# --- the flow ----------------------------------------------------------------------------------


def _create_meeting_and_items(sek: _Klient) -> tuple[int, int, int]:
    """Meeting, open item on a new case, closed item on the same case, an attachment on each.
    Returns (open item, closed item, closed attachment)."""
    svar = _ok(
        sek.submit(
            f"/udvalg/{SLUG}/moeder/nyt/",
            {"dato": DATO, "starttid": "16:00", "sted": "Rådhuset"},
        ),
        "create meeting",
    )
    assert svar.location == f"{MOEDE}/dagsorden/", svar.location

    opret = f"{MOEDE}/punkter/nyt/"
    svar = _ok(
        sek.submit(
            opret,
            {
                "nyt_sagsnr": "16/77001",
                "ny_sag_titel": "Erhvervsfremme i kommunen",
                "titel": AABEN_TITEL,
                "punkttype": "beslutning",
                "adgang": "aaben",
            },
        ),
        "create open item",
    )
    aaben = int(re.fullmatch(r"/punkter/(\d+)/rediger/", svar.location).group(1))
    edit = sek.get(svar.location).body
    sag = int(re.search(r'href="/sager/(\d+)/"', edit).group(1))
    _ok(
        sek.submit(
            f"/punkter/{aaben}/rediger/",
            {"sagsbeskrivelse": "Sagen om AABENSAGSBESKRIVELSE"},
            has="version",
        ),
        "edit open item",
    )

    svar = _ok(
        sek.submit(
            opret,
            {"sag": str(sag), "titel": LUKKET_TITEL, "punkttype": "beslutning", "adgang": "lukket"},
        ),
        "create closed item on the same case",
    )
    lukket = int(re.fullmatch(r"/punkter/(\d+)/rediger/", svar.location).group(1))
    _ok(
        sek.submit(
            f"/punkter/{lukket}/rediger/",
            {
                "titel": LUKKET_TITEL,
                "offentlig_titel": "Personalesag",
                **{s: f"<p>{MARKER} i {s}</p>" for s in SECTIONS},
            },
            has="version",
        ),
        "edit closed item",
    )
    for punkt, titel, tekst, filnavn in (
        (aaben, "Aabent bilag", AABEN_BILAG, "aabent.pdf"),
        # The upload form's default access (open) on a closed item: the item's access rules.
        (lukket, f"{MARKER} bilag", f"{MARKER} bilagstekst", f"{MARKER}.pdf"),
    ):
        page = f"/punkter/{punkt}/bilag/nyt/"
        fields = _form(sek.get(page).body, has="titel")
        fields.update(titel=titel, bilagsnr="")
        svar = sek.post(
            page, fields, files={"fil": (filnavn, _pdf_bytes(tekst), "application/pdf")}
        )
        _ok(svar, f"attachment on item {punkt}")
    bilag = re.findall(r'href="/bilag/(\d+)/"', sek.get(f"/punkter/{lukket}/rediger/").body)
    assert len(set(bilag)) == 1, bilag
    return aaben, lukket, int(bilag[0])


def _record(sek: _Klient, aaben: int, lukket: int) -> None:
    _ok(sek.submit(f"{MOEDE}/frigiv/", {}), "release agenda")
    assert _status(sek) == "Dagsorden frigivet"
    _ok(sek.submit(f"{MOEDE}/dagsorden/", {}, action=f"{MOEDE}/afholdt/"), "mark held")
    assert _status(sek) == "Afholdt"

    optag = f"{MOEDE}/referat/optag/"
    fremmoede = _form(sek.get(optag).body, action=f"{MOEDE}/referat/fremmoede/")
    personer = sorted(int(k.removeprefix("status_")) for k in fremmoede if k.startswith("status_"))
    assert len(personer) == len(SIGNERS), fremmoede
    _ok(
        sek.submit(
            optag,
            {f"status_{p}": "til_stede" for p in personer},
            action=f"{MOEDE}/referat/fremmoede/",
        ),
        "attendance",
    )
    mindretal = personer[-1]
    for punkt, tekst, forslag, udtalelse, extra in (
        (aaben, AABEN_BESLUTNING, AABEN_FORSLAG, AABEN_MINDRETAL, {}),
        (
            lukket,
            LUKKET_BESLUTNING,
            f"{MARKER}forslag om fratraedelse",
            f"{MARKER}mindretal er imod aftalen",
            # What the committee decided may be published of the closed item: nothing.
            {f"p{lukket}-offentlig_tekst": ""},
        ),
    ):
        p = f"p{punkt}-"
        stemmer = {f"{p}stemme_{q}": "for" for q in personer}
        stemmer[f"{p}stemme_{mindretal}"] = "imod"
        data = {
            f"{p}tekst": tekst,
            f"{p}forslag": forslag,
            **stemmer,
            f"{p}mindretal_person": str(mindretal),
            f"{p}mindretal_tekst": udtalelse,
            **extra,
        }
        svar = sek.submit(optag, data, action=f"/punkter/{punkt}/optag/")
        _ok(svar, f"record item {punkt}")
        assert svar.location.startswith(optag), svar.location
    referat = sek.get(f"{MOEDE}/referat/")
    assert referat.status == 200
    # The secretary sees both decisions before signing (the closed one included).
    assert AABEN_BESLUTNING in referat.body and LUKKET_BESLUTNING in referat.body

    send = f"{MOEDE}/underskrift/send/"
    _ok(sek.submit(f"{MOEDE}/underskrift/", {}, action=send), "close for signing")
    assert _status(sek) == "Til underskrift"


def _sign_one_after_another(base: str, answers: list) -> None:
    """Each member logs in, in a session of their own, while the one before signs: the next
    signer has logged in and opened the signature page before the previous signature is sent."""
    underskriv = f"{MOEDE}/underskrift/underskriv/"

    def logged_in(username: str) -> _Klient:
        klient = _Klient(base, answers)
        _ok(klient.login(username, PASSWORD), f"log-in {username}")
        page = klient.get(f"{MOEDE}/underskrift/")
        assert page.status == 200 and underskriv in page.body, (username, page.status)
        return klient

    klient = logged_in(SIGNERS[0])
    for i, username in enumerate(SIGNERS):
        naeste = logged_in(SIGNERS[i + 1]) if i + 1 < len(SIGNERS) else None
        svar = klient.submit(f"{MOEDE}/underskrift/", {"password": PASSWORD}, action=underskriv)
        _ok(svar, f"signature by {username}")
        assert svar.location == f"{MOEDE}/underskrift/", svar.location
        klient = naeste


def _wait_for_lock(sek: _Klient) -> None:
    """Only the worker locks: the last signature queues the task (protokol.tasks.lock_protokol)."""
    started = time.monotonic()
    while True:
        status = _status(sek)
        if status == "Underskrevet":
            return
        assert status == "Til underskrift", status
        if time.monotonic() - started > LOCK_WAIT_S:
            pytest.fail(f"the worker did not lock the protocol within {LOCK_WAIT_S} s")
        time.sleep(0.5)


def test_make_run_locks_the_signed_protocol_and_publishes_nothing_of_the_closed_item(
    make_run, tmp_path
):
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils (.ci/run does)")
    answers: list = []
    sek = _Klient(make_run.base, answers)
    _ok(sek.login("sekretaer", PASSWORD), "log-in sekretaer")
    aaben, lukket, lukket_bilag = _create_meeting_and_items(sek)
    _record(sek, aaben, lukket)
    _sign_one_after_another(make_run.base, answers)
    _wait_for_lock(sek)

    anonym = _Klient(make_run.base, answers)
    pages = {}
    for path in ("/offentlig/", f"/offentlig/{SLUG}/", f"{OFFENTLIG}/", f"{OFFENTLIG}/referat/"):
        svar = anonym.get(path)
        assert svar.status == 200, (path, svar.status)
        pages[path] = svar.body
    assert f"{OFFENTLIG}/referat/" in pages[f"/offentlig/{SLUG}/"]
    # An old public link leads to the meeting's one URL.
    old = anonym.get(f"/offentlig/{SLUG}/moeder/{DATO}/referat/")
    assert old.status == 301 and old.location == f"{OFFENTLIG}/referat/?visning=offentlig"
    referat = pages[f"{OFFENTLIG}/referat/"]
    for text in (AABEN_TITEL, AABEN_BESLUTNING, AABEN_FORSLAG, AABEN_MINDRETAL):
        assert text in referat, f"{text!r} missing on the public protocol page"
    assert AABEN_TITEL in pages[f"{OFFENTLIG}/"]

    # The open attachment is public; the closed item's is not, though uploaded as "open".
    public_bilag = set(re.findall(r'href="(/offentlig/bilag/\d+/)"', "".join(pages.values())))
    assert public_bilag, "the open item's attachment is not linked on the public pages"
    assert f"/offentlig/bilag/{lukket_bilag}/" not in public_bilag
    status, _, _ = anonym.get_bytes(f"/offentlig/bilag/{lukket_bilag}/")
    assert status == 404, status

    pdfs = {}
    for path in (
        f"{OFFENTLIG}/referat.pdf",
        f"{OFFENTLIG}/referat.pdf?bilag=1",
        f"{OFFENTLIG}/dagsorden.pdf",
        f"{OFFENTLIG}/dagsorden.pdf?bilag=1",
        *sorted(public_bilag),
    ):
        status, content_type, data = anonym.get_bytes(path)
        assert status == 200 and content_type == "application/pdf", (path, status, content_type)
        pdfs[path] = _pdf_text(data, tmp_path)
    assert "Signeret af" in pdfs[f"{OFFENTLIG}/referat.pdf"]
    assert AABEN_BESLUTNING in pdfs[f"{OFFENTLIG}/referat.pdf"]
    # The closed item is there, under its public title only.
    assert "Personalesag" in referat and "Personalesag" in pdfs[f"{OFFENTLIG}/referat.pdf"]
    assert AABEN_MINDRETAL in pdfs[f"{OFFENTLIG}/referat.pdf"]
    assert AABEN_TITEL in pdfs[f"{OFFENTLIG}/dagsorden.pdf"]
    assert AABEN_BILAG in pdfs[f"{OFFENTLIG}/referat.pdf?bilag=1"]
    assert AABEN_BILAG in pdfs[f"{OFFENTLIG}/dagsorden.pdf?bilag=1"]

    # A case's page at its one URL: its public version where it has an open item on a
    # released agenda (read for the closed texts below), else a log-in.
    sager = set(re.findall(r'href="(/sager/\d+/)"', sek.get(f"{MOEDE}/referat/").body))
    assert sager
    for path in sager:
        svar = anonym.get(path)
        if svar.status == 200:
            assert "offentlige udgave" in svar.body
            pages[path] = svar.body
        else:
            assert svar.status == 302 and svar.location.startswith("/login/"), (path, svar.status)

    for where, text in [*pages.items(), *pdfs.items()]:
        for secret in LUKKET_TEXTS:
            assert secret not in text, f"{secret!r} of the closed item is public in {where}"

    errors = [a for a in answers if a[2] >= 500]
    assert not errors, errors
    # The server ran on the test's own database and media folder, not the developer's.
    assert (tmp_path / "db.sqlite3").stat().st_size > 0
    assert any((tmp_path / "media").rglob("*.pdf"))
