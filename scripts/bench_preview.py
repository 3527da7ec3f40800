"""Live preview at scale: how long after an editor saves a record does the preview show it?

    python scripts/bench_preview.py [--count 2000] [--seed 7] [--work .bench] [--edits 3]

Starts ``guongsang serve`` on N generated records, waits for the first build, then edits the story and the
summary of the newest record a few times. Before the edits it reads every record (as ``cat`` or an editor
opening them does) and counts the rebuilds in the next 5 s (target 0). For each edit it prints the seconds
until the record's page, and the first page of the list of all exemplars (which shows the summary), are served
with the change, and until the preview tells browsers to reload, and how many rebuilds the save caused in the
5 s after it (target exactly 1). Target: the page and its lists within 2 s at 2,000 records.
"""

from __future__ import annotations

import argparse
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from benchlib import ROOT, generate


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def wait_for(predicate, timeout: float, step: float = 0.02) -> float:
    """Seconds until ``predicate()`` holds (or ``timeout``, then raise)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if predicate():
            return time.perf_counter() - started
        time.sleep(step)
    raise TimeoutError("the preview did not show the change in time")


REBUILT = "đã dựng lại bản xem trước"  # the preview's line for each rebuild


def rebuilds_within(lines: queue.Queue[str], seconds: float) -> int:
    """How many rebuilds the preview logs in the next ``seconds``."""
    count, deadline = 0, time.perf_counter() + seconds
    while (left := deadline - time.perf_counter()) > 0:
        try:
            count += REBUILT in lines.get(timeout=left)
        except queue.Empty:
            break
    return count


def drain(lines: queue.Queue[str]) -> None:
    while not lines.empty():
        lines.get_nowait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=ROOT / ".bench")
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    corpus = generate(args.count, args.seed, work)
    port = free_port()
    base = f"http://127.0.0.1:{port}/guongsang/"
    lines: queue.Queue[str] = queue.Queue()
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "guongsang.cli", "--root", str(ROOT), "serve", "--exemplars", str(corpus),
         "--dev-addr", f"127.0.0.1:{port}", "--today", "2025-11-01"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    log = open(work / "preview.log", "w", encoding="utf-8")  # noqa: SIM115
    threading.Thread(target=lambda: [(lines.put(line), log.write(line), log.flush()) for line in server.stderr],
                     daemon=True).start()
    try:
        wait_for(lambda: "<html" in fetch(f"{base}guong/"), timeout=900, step=0.5)
        print(f"{args.count:,} records: first preview build served after {time.perf_counter() - started:.1f} s")
        slug = re.search(r'href="([^"/]+)/"', fetch(f"{base}guong/").split('class="gs-grid"', 1)[1]).group(1)
        record = next(corpus.rglob(f"{slug}.md"))
        original = record.read_text(encoding="utf-8")
        time.sleep(2)  # let the first build's last messages pass
        drain(lines)
        for path in sorted(corpus.rglob("*.md")):
            path.read_bytes()
        print(f"rebuilds in the 5 s after reading every record: {rebuilds_within(lines, 5)} (target 0)")
        try:
            for n in range(1, args.edits + 1):
                marker = f"Bản sửa thử số {n}"
                drain(lines)
                summary = f"summary: {marker} — tóm tắt mới của câu chuyện."  # valid: ≥ 20 characters, no colon
                text = re.sub(r"^summary: .*$", summary, original, count=1, flags=re.M)
                record.write_text(f"{text}\n{marker} của câu chuyện.\n", encoding="utf-8")
                # Polled ten times a second: faster polling competes with the rebuild for the server's process.
                page = wait_for(lambda m=marker: f"{m} của câu chuyện" in fetch(f"{base}guong/{slug}/"), 120, 0.1)
                listed = wait_for(lambda m=marker: m in fetch(f"{base}guong/"), 120, 0.1)

                seen: list[str] = []

                def reloaded(seen: list[str] = seen) -> bool:
                    while not lines.empty():
                        seen.append(lines.get_nowait())
                        if "Tải lại trình duyệt" in seen[-1]:
                            return True
                    return False

                reload = wait_for(reloaded, 120)
                rebuilt = sum(REBUILT in line for line in seen) + rebuilds_within(lines, 5)
                print(f"edit {n}: page served after {page:.2f} s, list after {page + listed:.2f} s, "
                      f"browser reload after {page + listed + reload:.2f} s (target ≤ 2 s for page and list); "
                      f"rebuilds after the save: {rebuilt} (target exactly 1)")
        finally:
            record.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=180)  # MkDocs removes its folder of thousands of pages first


if __name__ == "__main__":
    main()
