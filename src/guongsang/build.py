"""Render and write: run MkDocs over the validated model into a fresh directory, then swap it in.

The output directory is replaced only when the whole build has succeeded, so a failed build never
leaves a half-written site behind.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from .project import Loaded


def build_site_dir(loaded: Loaded, config_file: Path, site_dir: Path, cache_dir: Path | None = None,
                   site_url: str | None = None, wider_index: str | None = None) -> dict[str, float]:
    """Build the site for ``loaded`` into ``site_dir`` atomically; returns simple statistics.

    ``cache_dir`` holds the render cache (pages whose data is unchanged are not rendered again); None
    renders every page. A sub-site (``loaded.area``) may be published at its own ``site_url``; its search can
    also query ``wider_index``, by default the Pagefind bundle of the site named in mkdocs.yml."""
    started = time.perf_counter()
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        config = load_config(str(config_file), site_dir=str(staging))
        plugin = config.plugins["guongsang"]
        plugin.config.exemplars = str(loaded.settings.exemplars)
        plugin.preloaded = loaded
        plugin.config.cache = cache_dir is not None
        plugin.config.cache_dir = str(cache_dir) if cache_dir else None
        if loaded.area is not None:
            plugin.config.wider_index = wider_index or plugin.config.wider_index or (
                f"{config.site_url.rstrip('/')}/pagefind/" if config.site_url else None)
        if site_url:
            config.site_url = site_url if site_url.endswith("/") else f"{site_url}/"
        build(config)
        _swap(staging, site_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    return {"pages": pages, "seconds": time.perf_counter() - started}


def _swap(staging: Path, site_dir: Path) -> None:
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}-old-{staging.name}")
        site_dir.rename(old)
    staging.chmod(0o755)  # mkdtemp makes it private; the published site is not
    staging.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
