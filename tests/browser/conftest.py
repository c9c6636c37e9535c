"""Browser tests: Debian's Chromium driven by Playwright for Python, the site served by
pytest-django's live_server, axe-core injected into each page.

One browser per test module (module-scoped fixture), a fresh context (cookies, storage)
per test. Playwright's own browser download is never used: Chromium comes from Debian's
package (`.ci/run` installs it); without it, the browser tests are skipped and say why.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings

from guichet_web.annuaire.loading import load_territory_into_db

from .checks import with_axe
from .pages import KIOSK_TOKEN

CHROMIUM = Path(os.environ.get("GUICHET_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VENDOR = Path(__file__).parent / "vendor"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason=f"Chromium absent ({CHROMIUM}) : installez le paquet Debian « chromium »"
    )
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # The Playwright sync API keeps an asyncio loop in the test thread; Django's ORM would
    # refuse to run there (SynchronousOnlyOperation) although every call is synchronous.
    # Allowed while a browser module runs, and only then.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # Playwright gives each launch a fresh temporary user-data dir.
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def kiosk_token(settings):
    settings.GUICHET_KIOSK_TOKEN = KIOSK_TOKEN


@pytest.fixture
def site(live_server):
    """The site with the default territory in its database; returns the base URL."""
    load_territory_into_db("besancon-planoise")
    return live_server.url


class Browsing:
    """Opens fresh contexts on the live site and records the errors each page logs."""

    def __init__(self, browser, base_url: str):
        self.browser = browser
        self.base_url = base_url
        self.contexts = []
        self.errors: list[str] = []

    def context(self, **options):
        options.setdefault("viewport", {"width": 1280, "height": 800})
        options.setdefault("locale", "fr-FR")
        context = self.browser.new_context(base_url=self.base_url, **options)
        self.contexts.append(context)
        return context

    def page(self, axe: bool = False, **options):
        context = self.context(**options)
        if axe:
            with_axe(context, axe_source())
        page = context.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        page.on("console", lambda message: self._console(page, message))
        return page

    def _console(self, page, message) -> None:
        # A 404 page is expected to answer 404: only the page's own resources must load.
        if message.type != "error" or message.location.get("url") == page.url:
            return
        self.errors.append(f"{page.url}: {message.text} {message.location.get('url', '')}")

    def log_in(self, context, client, user) -> None:
        """Give a browser context the session of a user logged in with the test client."""
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": self.base_url}])

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def browsing(browser, site):
    """Fresh contexts for one test; a JavaScript error or a CSP refusal fails the test."""
    browsing = Browsing(browser, site)
    yield browsing
    browsing.close()
    assert not browsing.errors, "\n".join(browsing.errors)


@pytest.fixture
def page(browsing):
    return browsing.page()


@cache
def axe_source() -> str:
    return (VENDOR / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
