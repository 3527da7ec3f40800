"""Shared by the benchmark and screenshot scripts: generate a corpus, build it, serve a site on loopback."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def generate(count: int, seed: int, work: Path) -> Path:
    """``scripts/gen_corpus.py`` into ``work/corpus-COUNT`` (replacing what was there)."""
    corpus = work / f"corpus-{count}"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_corpus.py"), "--count", str(count), "--out",
                    str(corpus), "--seed", str(seed), "--force"], check=True, stdout=subprocess.DEVNULL)
    return corpus


def build(corpus: Path, site: Path, quiet: bool = True) -> float:
    """``guongsang build`` of ``corpus`` into ``site`` in a fresh process; returns wall seconds."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "guongsang.cli", "--root", str(ROOT), "build", "--exemplars", str(corpus),
                    "--site-dir", str(site), "--today", "2025-11-01"], check=True,
                   stderr=subprocess.DEVNULL if quiet else None)
    return time.perf_counter() - started


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free loopback port; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
