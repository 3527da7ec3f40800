"""Browser tests: the built sample site served on loopback, opened in Debian's headless Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        raise pytest.UsageError("CI needs Chromium for browser tests: apt-get install chromium")
    skip = pytest.mark.skip(reason="Chromium not installed (apt-get install chromium)")
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def built_site_dir(tmp_path_factory) -> Path:
    """The sample site, built once per session."""
    from guongsang.cli import main

    root = Path(__file__).resolve().parents[2]
    out = tmp_path_factory.mktemp("browser") / "build"
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        assert main(["--root", str(root), "build", "--site-dir", str(out), "--today", "2025-11-01"]) == 0
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
    return out


@pytest.fixture(scope="session")
def site_url(built_site_dir):
    handler = functools.partial(_QuietHandler, directory=str(built_site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser(site_url):  # the site is built before Playwright's event loop starts
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 412, "height": 915})
    tab = context.new_page()
    yield tab
    context.close()
