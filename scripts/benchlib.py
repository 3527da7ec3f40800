"""Shared by the benchmark and screenshot scripts: generate a corpus, build it, serve a site on loopback."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
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


GZIP_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """A static server that, like GitHub Pages, gzips text files for clients that accept it."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in GZIP_TYPES and path.is_file()):
            return super().send_head()
        if self.path.split("?")[0].endswith("/") is False and (Path(self.translate_path(self.path))).is_dir():
            return super().send_head()  # let the base class redirect /dir to /dir/
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free loopback port; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
