"""The Content-Security-Policy every page carries, as a ``<meta>`` tag written by the theme.

Only the site's own files may run, style or load: no third-party requests, no inline event handlers, no
``eval``. WebAssembly may be compiled (``'wasm-unsafe-eval'``: Pagefind's search runs in it). The few inline
scripts Material writes into each page (its storage helpers and the colour-scheme switch) are allowed by their
SHA-256 hashes, computed per page by :func:`seal` once the page is rendered, so an injected script — whatever
slipped past the escaping and the cleaning — does not run.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Stands in the template's policy until :func:`seal` replaces it with the hashes of the page's inline scripts.
# Left unreplaced it is an invalid source expression, which browsers ignore: inline scripts stay blocked.
PLACEHOLDER = "'gs-inline-scripts'"

# Styles, fonts, fetches, media, workers and manifests fall back to default-src ('self'): not repeated.
DIRECTIVES: dict[str, str] = {
    "default-src": "'self'",
    "script-src": f"'self' 'wasm-unsafe-eval' {PLACEHOLDER}",
    "img-src": "'self' data:",  # data: for the icons Material's stylesheet embeds
    "object-src": "'none'",
    "frame-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}

_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_NOT_SCRIPT = re.compile(r'\btype="(?!module|text/javascript)[^"]*"', re.IGNORECASE)


def policy() -> str:
    """The policy as the theme writes it (with the placeholder for inline-script hashes)."""
    return "; ".join(f"{name} {value}" for name, value in DIRECTIVES.items())


def _digest(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_hashes(html: str) -> list[str]:
    """Hashes of the page's inline scripts (not of JSON data blocks, which never run), sorted, once each."""
    return sorted({_digest(body) for attrs, body in _INLINE_SCRIPT.findall(html) if not _NOT_SCRIPT.search(attrs)})


def seal(html: str) -> str:
    """``html`` with its policy's placeholder replaced by the hashes of its own inline scripts."""
    match = _META.search(html)
    if match is None or PLACEHOLDER not in match.group(2):
        return html
    hashes = inline_hashes(html)
    sealed = match.group(2).replace(f" {PLACEHOLDER}", "".join(f" {h}" for h in hashes))
    return html[: match.start(2)] + sealed + html[match.end(2):]
