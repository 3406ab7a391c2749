"""Playwright against Debian's Chromium, driving pytest-django's live server.

No browser is downloaded: Debian's chromium-headless-shell (Chromium's own build for
automation, the one Playwright itself uses for headless runs) is used, and a missing one fails
the run instead of skipping it, so CI cannot go green without the browser tests.
PLAYWRIGHT_CHROMIUM_EXECUTABLE=/usr/bin/chromium runs them in the full browser instead.
"""

import os
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium-headless-shell")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
PASSWORD = "pw"  # tests.factories.make_user


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install Debian's chromium-headless-shell or set "
            "PLAYWRIGHT_CHROMIUM_EXECUTABLE. Browser tests are never skipped.",
            pytrace=False,
        )
    # Playwright's sync API keeps an asyncio loop in the test thread from here on, and Django
    # then refuses ORM calls in that thread (test setup and assertions). They are deliberate.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    finally:
        # While Playwright's loop runs in this thread, Django's connections are kept per
        # context (asgiref), apart from the ones before: close the ones opened meanwhile, or
        # one stays open past the session and PostgreSQL refuses to drop the test database
        # (the session named by tests/conftest.py came from a test run between browser tests).
        connections.close_all()
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Lets `new_context` know whether the test body failed, for the screenshot below.
    report = yield
    if report.when == "call":
        item.browser_failed = report.failed
    return report


@pytest.fixture
def new_context(request, browser, live_server):
    """Open browser contexts (one per user) that are closed after the test.

    Call it as `new_context()` or `new_context(java_script_enabled=False)`. On failure each
    context's open pages are saved as /tmp/browser-failure-<test>-<n>.png.
    """
    contexts = []

    def open_context(**kw):
        kw.setdefault("viewport", {"width": 1280, "height": 900})
        kw.setdefault("locale", "da-DK")
        kw.setdefault("timezone_id", "Europe/Copenhagen")
        context = browser.new_context(base_url=live_server.url, **kw)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield open_context
    failed = getattr(request.node, "browser_failed", False)
    for n, context in enumerate(contexts, start=1):
        if failed:
            for page in context.pages:
                path = Path("/tmp") / f"browser-failure-{request.node.name}-{n}.png"
                try:
                    page.screenshot(path=path, full_page=True)
                except Exception:  # noqa: BLE001 - a screenshot must not hide the real failure
                    continue
        context.close()


@pytest.fixture
def page(new_context):
    """A page in a fresh context (1280x900, da-DK)."""
    return new_context().new_page()


def log_in(page, user):
    """Log in through the login form, as a user would."""
    page.goto("/login/")
    page.locator("#id_username").fill(user.get_username())
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log ind", exact=True).click()
    page.wait_for_url(lambda url: "/login/" not in url)
