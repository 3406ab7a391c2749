"""Protokol settings: one env-driven file.

Environment variables:
  DATABASE_URL            sqlite:///path or postgres://user:pass@host:port/name
                          (default: db.sqlite3 in the project directory)
  DJANGO_DEBUG            "1" for development (make run sets it)
  DJANGO_SECRET_KEY       required when DEBUG is off
  DJANGO_ALLOWED_HOSTS    comma-separated
  PROTOKOL_MAX_UPLOAD_MB  largest accepted attachment in MB (default 50)
  PROTOKOL_AXES_FAILURE_LIMIT, PROTOKOL_AXES_COOLOFF_MIN, PROTOKOL_AXES_IP_FAILURE_LIMIT,
  PROTOKOL_PROXY_COUNT    log-in lockout (see the AXES_* block below)
  PROTOKOL_SIGNING_KEY, PROTOKOL_SIGNING_KEY_FILE  the key that signs stored protocols
  PROTOKOL_LOCK_SWEEP_SECONDS  how often the worker re-queues unlocked signed protocols (300)
  PROTOKOL_ABONNEMENT_INTERVAL  seconds between two messages to one e-mail subscription (3600)
  PROTOKOL_ABONNEMENT_PR_KOERSEL  messages per run of the subscription task (200)
  PROTOKOL_BENCH          "1" serves make bench's hello-world view at /_bench/hej/
  PROTOKOL_KOMMUNE_NAVN, PROTOKOL_KOMMUNE_LOGO  the municipality's name and logo in the header
  PROTOKOL_TILGAENGELIGHED_KONTAKT  e-mail for reporting an accessibility barrier
  PROTOKOL_TILGAENGELIGHEDSERKLAERING_URL  the official statement (WAS tool), if any
  PROTOKOL_KALENDER_DOMAENE  the domain in the calendar's meeting UIDs (default: the first
                          real host of DJANGO_ALLOWED_HOSTS)
"""

import os
from datetime import date, timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
# Production sets DJANGO_SECRET_KEY; `manage.py check --deploy` flags the development key.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "django-insecure-protokol-development-only"

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_filters",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    # The project's apps, bottom layer first (see README "Architecture").
    "kerne",
    "udvalg",
    "sager",
    "budget",
    "protokol",
    "portal",
    "referatimport",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "protokol.middleware.ProtokolBrudMiddleware",
    "protokol.middleware.EngangsformularMiddleware",
    # Must be last: it turns axes' lockout signal into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "kerne.auth.ModelBackend",  # Django's, with a cheaper per-request user lookup
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kerne.context_processors.kommune",
            ],
            "builtins": [
                "kerne.templatetags.dansk",
                "kerne.templatetags.jinja_makro",
                "budget.templatetags.beloeb",
            ],
        },
    },
    {
        # The per-item partials of the meeting, protocol, case and public pages and the PDFs
        # (kerne.jinja): compiled to Python, a fifth of the Django language's time for them.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "kerne.jinja.environment", "autoescape": True},
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Persistent connections (a new one per request cost more than the page's queries),
        # checked before reuse so a restarted database costs one failed request at most.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database must take concurrent users: readers never wait for a writer (WAL),
    # a write transaction takes the write lock when it begins (BEGIN IMMEDIATE), so it cannot
    # fail half-way on a lock upgrade, and a writer waits up to 20 s for another instead of
    # failing at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000; "
                # INSERT OR REPLACE must fire the protocol lock's DELETE triggers.
                "PRAGMA recursive_triggers=ON"
            ),
        }
    )
    # Tests run on a file, like production, so the concurrency tests meet real locking; one file
    # per test run (two runs side by side must not share it; xdist adds the worker's name).
    DATABASES["default"].setdefault("TEST", {})["NAME"] = str(
        BASE_DIR / f".test-db-{os.getpid()}.sqlite3"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "sider": pages of signed meetings, rendered once per signed version (protokol.sidecache).
# Keyed by the version's chain hash, so an entry is never stale and each process may keep its
# own; compressed, a 20-item protocol page takes about 15 KB.
#
# "sessions": sessions are read from a cache every process shares and written through to the
# database (cached_db), so a logged-in page costs no session query. On one machine a directory
# serves (a logout in one worker is seen by the others); several app servers need a shared
# cache server here (PROTOKOL_SESSION_CACHE_DIR is then unused).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "sessions"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "sessions": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get(
            "PROTOKOL_SESSION_CACHE_DIR", str(BASE_DIR / "var" / "cache" / "sessions")
        ),
        "TIMEOUT": 2 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
    "sider": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "protokol-sider",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PROTOKOL_SIDECACHE_ENTRIES", "1000"))},
    },
}

# The key that signs every stored protocol version (HMAC-SHA256, see
# protokol.services.laasning). It must not live in the database: from the environment, from a
# file (PROTOKOL_SIGNING_KEY_FILE), or, for development, derived from SECRET_KEY.
_signing_key_file = os.environ.get("PROTOKOL_SIGNING_KEY_FILE")
PROTOKOL_SIGNING_KEY = (
    os.environ.get("PROTOKOL_SIGNING_KEY")
    or (Path(_signing_key_file).read_text().strip() if _signing_key_file else "")
    or f"protokol-signing:{SECRET_KEY}"
)
# After locking, the worker renders the signed meeting's public PDFs and keeps them, so no
# visitor's request renders one (tests that do not look at them switch it off, for speed).
PROTOKOL_RENDER_PUBLIC_PDFS_AT_LOCK = True
# The worker (`manage.py worker`) queues the lock again for fully signed protocols that are not
# locked, at start and then every this many seconds (0: only at start).
PROTOKOL_LOCK_SWEEP_SECONDS = int(os.environ.get("PROTOKOL_LOCK_SWEEP_SECONDS", "300"))
# E-mail subscriptions (portal.abonnement): at most one message per subscription this often,
# and this many messages per run of the sending task.
PROTOKOL_ABONNEMENT_INTERVAL = int(os.environ.get("PROTOKOL_ABONNEMENT_INTERVAL", "3600"))
PROTOKOL_ABONNEMENT_PR_KOERSEL = int(os.environ.get("PROTOKOL_ABONNEMENT_PR_KOERSEL", "200"))
# make bench serves a hello-world view at /_bench/hej/ to measure every page against.
PROTOKOL_BENCH = os.environ.get("PROTOKOL_BENCH", "0") == "1"

# The municipality running Protokol: its name and logo (a URL or a path under static/) in every
# page's header, and what the accessibility statement (/tilgaengelighed/) names: whom to tell
# about a barrier, and the official statement in Digitaliseringsstyrelsen's WAS tool, if any.
PROTOKOL_KOMMUNE_NAVN = os.environ.get("PROTOKOL_KOMMUNE_NAVN", "")
PROTOKOL_KOMMUNE_LOGO = os.environ.get("PROTOKOL_KOMMUNE_LOGO", "")
PROTOKOL_TILGAENGELIGHED_KONTAKT = os.environ.get("PROTOKOL_TILGAENGELIGHED_KONTAKT", "")
PROTOKOL_TILGAENGELIGHEDSERKLAERING_URL = os.environ.get(
    "PROTOKOL_TILGAENGELIGHEDSERKLAERING_URL", ""
)
PROTOKOL_TILGAENGELIGHED_UDARBEJDET = date(2026, 12, 7)  # last self-evaluation

# The meetings' calendar (protokol.kalender): each meeting's UID ends in this domain, so two
# municipalities' calendars never collide in one calendar program. Keep it when the site moves.
PROTOKOL_KALENDER_DOMAENE = os.environ.get("PROTOKOL_KALENDER_DOMAENE") or next(
    (h for h in ALLOWED_HOSTS if h not in ("*", "localhost", "127.0.0.1", "testserver")),
    "protokol.local",
).lstrip(".")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
# Off: with it, every {{ obj.pk }} of 1000 or more printed as "1.234" in ids, links, form
# values and the PDF's CSS selectors. Amounts are formatted on purpose (kerne.danish, |kr).
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_ROOT = Path(os.environ.get("PROTOKOL_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"  # never served directly: attachments go through an access-checked view

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "forside"
LOGOUT_REDIRECT_URL = "login"

# Uploads: the limit is enforced while the body streams in (kerne.uploads), not after.
PROTOKOL_MAX_UPLOAD_BYTES = int(float(os.environ.get("PROTOKOL_MAX_UPLOAD_MB", "50")) * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "kerne.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# The body of a multipart upload may exceed Django's in-memory cap; the handler above guards size.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Failed log-ins (django-axes, counted in the database, so every worker process sees them):
# - AXES_FAILURE_LIMIT (5) failures for one user name from one IP address lock that name from
#   that address only. Locking by name alone let anyone lock the chair out before a signing.
# - PROTOKOL_LOGIN_IP_FAILURE_LIMIT (30) failures from one address across user names (password
#   spraying) lock the address. Higher, because municipal staff share NAT addresses. axes has
#   one limit for all its lockout parameters (["ip_address"] here would lock a NAT after 5), so
#   kerne.throttle.LoginHandler adds this second limit.
# - Signing's password re-entry counts with the first, and per session; past the limit it is
#   refused without checking the password (kerne.throttle.reauth_allowed).
# A failure during a lockout does not prolong it, or colleagues behind the same NAT would.
AXES_FAILURE_LIMIT = int(os.environ.get("PROTOKOL_AXES_FAILURE_LIMIT", "5"))
PROTOKOL_LOGIN_IP_FAILURE_LIMIT = int(os.environ.get("PROTOKOL_AXES_IP_FAILURE_LIMIT", "30"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("PROTOKOL_AXES_COOLOFF_MIN", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "kerne.throttle.LoginHandler"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# The client's address: REMOTE_ADDR, or behind N reverse proxies (PROTOKOL_PROXY_COUNT=N) the
# Nth entry from the right in X-Forwarded-For. Set it behind a proxy, or every user shares the
# proxy's address and the per-address limit locks everyone out.
AXES_CLIENT_IP_CALLABLE = "kerne.throttle.client_ip"
PROTOKOL_PROXY_COUNT = int(os.environ.get("PROTOKOL_PROXY_COUNT", "0"))
AXES_LOCKOUT_CALLABLE = "kerne.views.account_locked"
AXES_VERBOSE = False

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx and drag-and-drop read it
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
if not DEBUG:
    SESSION_COOKIE_SECURE = os.environ.get("DJANGO_SECURE_COOKIES", "0") == "1"
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Background work (rendering the signed protocol PDF) runs in a worker: `manage.py db_worker`,
# started by `make run`. The Django 6 tasks API, from the django-tasks backport.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("PROTOKOL_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "protokol@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
