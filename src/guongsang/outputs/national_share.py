"""One copy of the province sites' common assets in the assembled national site.

Every province sub-site carries the theme's assets (stylesheets, scripts, fonts, icons: about 3 MB), the same
bytes in each. The assembly keeps one copy at the national root's ``/assets/`` and points the province pages
at it: a reference that leads to the province's own ``assets/<path>`` (relative, ``../../assets/x.css``, or
absolute, ``https://…/<province>/assets/x.css``) is rewritten to lead to the root's, one level up. Safely:

- only a file with the same bytes in every province that has it is shared; a province's own (its social card)
  stays in the province;
- a shared stylesheet or script that names a file left in the provinces, or reaches outside ``assets/``
  with a relative path, is not shared (it would look for that file at the root);
- a province keeps its copy of a shared file whose name its pages still mention in a form not rewritten
  (written by a script, say), so no page loses a file it may ask for.

Province pages are relative URLs throughout (MkDocs), so the rewritten pages work wherever the national root
is published.
"""

from __future__ import annotations

import gzip
import hashlib
import posixpath
import re
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

ASSETS = "assets"
SKIP = {ASSETS, "pagefind"}  # a province's folders whose files are not rewritten (assets move whole; binary index)
TEXT = {".html", ".xml", ".json", ".webmanifest", ".css", ".js", ".svg", ".txt", ".csv"}
CODE = {".css", ".js", ".svg", ".html", ".json", ".webmanifest"}  # assets that may name other files
# A URL that ends in assets/<path>: from after a quote, bracket, space or entity up to one, a query or a
# fragment. Found from each "assets/" (bytes.find), its start by matching backwards on the reversed text.
_MARK = f"{ASSETS}/".encode()
_URL_START = re.compile(rb"""[^\s"'<>()\\,;&{}\[\]`=]*""")
_URL_PATH = re.compile(rb"""[^\s"'<>()\\,;&?#{}\[\]`]+""")
_UP = re.compile(rb"""(?:\./)?(?:\.\./)+[^\s"'<>()\\,;&?#{}\[\]`]*""")
# What a file resolves against its own address: a script's imports, a stylesheet's url() and @import. (A
# script's fetch or new URL(x, base) resolves against the page or the base it names, not the script.)
_RELATIVE_TO_FILE = {
    ".js": re.compile(rb"""(?:\bfrom|\bimport)\s*\(?\s*["'`]([^"'`]+)["'`]"""),
    ".css": re.compile(rb"""url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)"""),
}
_SCHEME = re.compile(rb"[a-z][a-z0-9+.-]*:|/|#")
_ABSOLUTE = re.compile(rb"(?:[a-z][a-z0-9+.-]*:)?/")


def _digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def _asset_files(site: Path) -> dict[str, Path]:
    root = site / ASSETS
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def common(sites: list[Path]) -> set[str]:
    """Asset paths (relative to ``assets/``) whose bytes are the same in every site that has them."""
    seen: dict[str, set[str]] = {}
    for site in sites:
        for name, path in _asset_files(site).items():
            seen.setdefault(name, set()).add(_digest(path))
    return {name for name, digests in seen.items() if len(digests) == 1}


def _names(text: bytes, names: Iterable[str]) -> set[str]:
    return {name for name in names if posixpath.basename(name).encode() in text}


def _relative_paths(text: bytes, suffix: str) -> list[str]:
    """The paths the asset's own address resolves (any ``../`` path in a file of another kind, or a script
    that asks for its own address), scheme-less and not from the site's root."""
    own = _RELATIVE_TO_FILE.get(suffix)
    if own is None or b"import.meta" in text:
        return [m.decode() for m in _UP.findall(text)]
    found = (next(g for g in m.groups() if g) for m in own.finditer(text))
    return [path.decode() for path in found if not _SCHEME.match(path)]


def _escapes(text: bytes, name: str) -> bool:
    """Whether a relative path in the asset ``name`` reaches outside ``assets/``."""
    folder = posixpath.dirname(f"{ASSETS}/{name}")
    return any(not posixpath.normpath(posixpath.join(folder, path)).startswith(f"{ASSETS}/")
               for path in _relative_paths(text, posixpath.splitext(name)[1]))


def shareable(sites: list[Path], shared: set[str]) -> set[str]:
    """Of ``shared``, what can move to the root: no shared stylesheet or script names a file left behind in
    the provinces or leads outside ``assets/`` (each read in one site: the shared bytes are the same in all)."""
    files: dict[str, Path] = {}
    for site in reversed(sites):
        files |= _asset_files(site)
    kept = set(files) - shared
    shared = set(shared)
    changed = True
    while changed:
        changed = False
        for name in sorted(shared):
            if posixpath.splitext(name)[1] not in CODE:
                continue
            text = files[name].read_bytes()
            if _names(text, kept) or _escapes(text, name):
                shared.discard(name)
                kept.add(name)
                changed = True
    return shared


def _urls(text: bytes) -> Iterator[tuple[int, int]]:
    """Where each URL ending in ``assets/<path>`` is in ``text``: (start, end)."""
    reverse, size = text[::-1], len(text)
    found = text.find(_MARK)
    while found != -1:
        path = _URL_PATH.match(text, found + len(_MARK))
        if path:
            yield found - (_URL_START.match(reverse, size - found).end() - (size - found)), path.end()
        found = text.find(_MARK, path.end() if path else found + len(_MARK))


class Rewriter:
    """Rewrites one province's pages to take the shared assets from the root, and tells which shared files
    the province must still keep (named in a way not rewritten)."""

    def __init__(self, slug: str, shared: set[str]) -> None:
        self.mine = f"{slug}/{ASSETS}/".encode()
        self.shared = shared
        self.by_name: dict[bytes, set[str]] = {}  # a shared file's name (no folder): its paths under assets/
        for name in shared:
            self.by_name.setdefault(posixpath.basename(name).encode(), set()).add(name)
        self.by_suffix: dict[bytes, list[bytes]] = {}  # ".css": the shared names that end so
        for name in sorted(self.by_name):
            self.by_suffix.setdefault(posixpath.splitext(name)[1] or name, []).append(name)
        self.keep: set[str] = set()

    def url(self, url: bytes, name: str, folder: str) -> bytes | None:
        """The URL of the root's copy for a URL to this province's ``assets/<name>``; None for any other."""
        if name not in self.shared:
            return None
        if _ABSOLUTE.match(url):
            return url[: -len(self.mine) - len(name.encode())] + f"{ASSETS}/{name}".encode() \
                if url.endswith(self.mine + name.encode()) else None
        target = posixpath.normpath(posixpath.join(folder, url.decode()))
        return b"../" + url if target == f"{ASSETS}/{name}" else None

    def text(self, text: bytes, folder: str) -> bytes:
        """``text`` of a file in ``folder`` (relative to the province's root) with its references rewritten."""
        handled: Counter[bytes] = Counter()
        pieces, done = [], 0
        for start, end in _urls(text):
            url, name = text[start:end], text[text.rfind(_MARK, start, end) + len(_MARK):end]
            handled[posixpath.basename(name)] += 1
            new = self.url(url, name.decode(errors="replace"), folder)
            if new is not None:
                pieces += [text[done:start], new]
                done = end
        self._unhandled(text, handled)
        return b"".join([*pieces, text[done:]]) if pieces else text

    def _unhandled(self, text: bytes, handled: Counter[bytes]) -> None:
        """Keep in the province the shared files ``text`` names more often than it has URLs to them. Names are
        counted by their ending first (".css"): where every one is a URL's end, none is named otherwise."""
        for suffix, names in self.by_suffix.items():
            if text.count(suffix) == sum(n for url_name, n in handled.items() if url_name.endswith(suffix)):
                continue
            for name in names:
                if text.count(name) > handled[name]:
                    self.keep |= self.by_name[name]

    def site(self, site: Path) -> None:
        """Rewrite every text file of the province but its assets and search index; a compressed one
        (``sitemap.xml.gz``, open data) is not rewritten: a shared file it names stays in the province."""
        for path in sorted(site.rglob("*")):
            relative = path.relative_to(site)
            if relative.parts[0] in SKIP or not path.is_file():
                continue
            if path.suffix == ".gz" and Path(path.stem).suffix in TEXT:
                self._unhandled(gzip.decompress(path.read_bytes()), Counter())
                continue
            if path.suffix not in TEXT:
                continue
            before = path.read_bytes()
            after = self.text(before, relative.parent.as_posix() if relative.parent.parts else ".")
            if after != before:
                path.write_bytes(after)


def share(root: Path, sites: dict[str, Path]) -> dict[str, int]:
    """Keep one copy of the assets common to ``sites`` (slug → province folder under ``root``) at
    ``root/assets/`` and point the provinces at it. Returns bytes before and after, for the log."""
    folders = [sites[slug] for slug in sorted(sites)]
    shared = shareable(folders, common(folders))
    before = sum(p.stat().st_size for site in folders for p in _asset_files(site).values())
    for slug in sorted(sites):
        rewriter = Rewriter(slug, shared)
        rewriter.site(sites[slug])
        files = _asset_files(sites[slug])
        for name in sorted(shared & set(files)):
            target = root / ASSETS / name
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(files[name], target)
            if name not in rewriter.keep:
                files[name].unlink()
        _prune(sites[slug] / ASSETS)
    after = sum(p.stat().st_size for p in (root / ASSETS).rglob("*") if p.is_file()) if shared else 0
    after += sum(p.stat().st_size for site in folders for p in _asset_files(site).values())
    return {"shared": len(shared), "before": before, "after": after}


def _prune(folder: Path) -> None:
    """Remove the folders left empty under ``folder`` (and it, if empty)."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    if not any(folder.iterdir()):
        folder.rmdir()
