"""The country from its provinces: the CI matrix of province sub-sites and the assembly of the national site.

A national build is one corpus split by province. The records are checked once for the country and the checks
(the build's record memo, ``records.pickle``) handed to every province's job, so no job checks them again;
every matrix job builds one current province's sub-site (``guongsang build --only-province CODE --site-url
<national>/<slug>/ --wider-index <national>/tim-kiem/``: its search links to the national one), then one job
assembles them:

- each province site under one root, at ``/<province slug>/`` (its own pages, feeds, open data and search),
  the theme's assets common to them kept once at ``/assets/`` (``national_share``);
- the national home page: every province with its number of exemplars (the national list of provinces);
- the national search page ``/tim-kiem/``: Pagefind over the province indexes merged at query time
  (``mergeIndex``). The reader's first query searches the province chosen (or the largest ones) and merges
  further provinces only while it has fewer results than a page shows, so the first query does not fetch the
  metadata of every province's index; "search the rest of the country" merges the others. A province whose
  index is split into bundles (its ``pagefind/shards.json``) is merged whole, every bundle.

    guongsang national check [--format github]                 # check every record once
    guongsang national provinces [--github-output FILE]         # the matrix: every province
    guongsang national assemble --shards DIR --out DIR [--move] # assemble the national site
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..model.diagnostics import render
from ..model.memo import StoredMemo
from ..model.places import Gazetteer, LocalityError, Unit, gazetteer
from ..model.scope import resolve_province
from ..model.text import collation_key
from ..project import Settings, load
from ..render.templating import vi_number
from .national_share import share
from .search import INDEX_DIR
from .search_shards import MANIFEST as BUNDLES

FILES = Path(__file__).with_name("national_files")  # templates, script and stylesheet of the national pages
ASSETS = "tai-nguyen"  # the national pages' own script and stylesheet, beside the province folders
SEARCH = "tim-kiem"
MANIFEST = "ca-nuoc.json"  # the provinces assembled, for portals and tools
PAGE_SIZE = 10  # results the national search shows at a time; it merges provinces until it has that many
SHARD_PREFIX = "tinh-"  # CI artifacts are named tinh-<code>
_BUNDLE = re.compile(r"(?:[a-z0-9][a-z0-9_-]*/)*")  # "", "s1/": a folder below pagefind/, never above it
_PAGED = re.compile(r"trang-\d+")


class NationalError(Exception):
    """A problem with the shards handed to the assembly, in Vietnamese."""


@dataclass(frozen=True)
class Shard:
    """One province's built sub-site."""

    unit: Unit
    path: Path
    exemplars: int
    bundles: tuple[str, ...] = ("",)  # its search index's bundles, relative to ``index`` (pagefind/shards.json)

    @property
    def index(self) -> str:
        """Its Pagefind bundle, relative to the national root."""
        return f"{self.unit.slug}/pagefind/"

    @property
    def indexes(self) -> list[str]:
        """Every bundle of its search index, relative to the national root: a search merges them all."""
        return [f"{self.index}{bundle}" for bundle in self.bundles]


def provinces(gaz: Gazetteer | None = None) -> list[dict[str, str]]:
    """Every current province, in code order: the national build's matrix (one job each)."""
    gaz = gaz or gazetteer()
    units = sorted(gaz.provinces.values(), key=lambda u: u.code)
    return [{"code": u.code, "slug": u.slug, "name": u.name} for u in units]


def count_exemplars(site: Path) -> int:
    """Exemplar pages of a built site: ``guong/<slug>/index.html``, list pages (``trang-N``) left out."""
    return sum(1 for page in site.glob("guong/*/index.html") if not _PAGED.fullmatch(page.parent.name))


def search_bundles(site: Path) -> tuple[str, ...]:
    """The bundles of a built site's search index, from ``pagefind/shards.json`` (absent: the one bundle at
    ``pagefind/``), each a folder below ``pagefind/`` holding a complete Pagefind bundle."""
    listing = site / INDEX_DIR / BUNDLES  # {"bundles": ["", "s1/", …]}, relative to its pagefind/
    if not listing.is_file():
        return ("",)
    try:
        bundles = json.loads(listing.read_text(encoding="utf-8"))["bundles"]
    except (ValueError, KeyError, TypeError):
        raise NationalError(f"{listing}: không đọc được danh sách chỉ mục tìm kiếm "
                            '(cần {"bundles": ["", …]}).') from None
    if not isinstance(bundles, list) or not bundles or len(set(map(str, bundles))) != len(bundles):
        raise NationalError(f"{listing}: danh sách chỉ mục tìm kiếm phải có ít nhất một mục, không lặp lại.")
    for bundle in bundles:
        if not isinstance(bundle, str) or not _BUNDLE.fullmatch(bundle):
            raise NationalError(f"{listing}: “{bundle}” không phải thư mục con của pagefind/ (ví dụ: \"s1/\").")
        if not (site / "pagefind" / bundle / "pagefind-entry.json").is_file():
            raise NationalError(f"{listing}: thiếu chỉ mục tìm kiếm pagefind/{bundle}pagefind-entry.json.")
    return tuple(bundles)


def read_shards(shards: Path, gaz: Gazetteer | None = None) -> list[Shard]:
    """The province sites in ``shards``, each a folder named by the province's code or slug (``01``,
    ``ha-noi``), optionally prefixed ``tinh-``; ordered by exemplars (most first), then by name."""
    gaz = gaz or gazetteer()
    found: dict[str, Shard] = {}
    for folder in sorted(p for p in shards.iterdir() if p.is_dir()):
        if not (folder / "index.html").is_file():
            raise NationalError(f"{folder}: không phải trang đã xây dựng (thiếu index.html).")
        try:
            unit = resolve_province(gaz, folder.name.removeprefix(SHARD_PREFIX)).unit
        except LocalityError as exc:
            raise NationalError(f"{folder}: tên thư mục phải là mã hoặc tên tỉnh, thành phố; {exc.message}") from None
        if unit.code in found:
            raise NationalError(f"{folder}: {unit.name} đã có ở {found[unit.code].path}.")
        found[unit.code] = Shard(unit, folder, count_exemplars(folder), search_bundles(folder))
    return sorted(found.values(), key=lambda s: (-s.exemplars, collation_key(s.unit.short)))


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(FILES), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["so"] = vi_number
    return env


def search_config(shards: list[Shard], root: str) -> dict[str, object]:
    """What the national search page's script needs: the national root (relative to the page) and each
    province's index (relative to the root) with its bundles (relative to the index; all are merged), largest
    first."""
    return {"root": root, "pageSize": PAGE_SIZE,
            "provinces": [{"slug": s.unit.slug, "name": s.unit.short, "count": s.exemplars, "index": s.index,
                           "bundles": list(s.bundles)} for s in shards if s.exemplars]}


def _place(shard: Shard, out: Path, move: bool) -> None:
    target = out / shard.unit.slug
    if move:
        shard.path.rename(target)
    else:
        shutil.copytree(shard.path, target)


def assemble(shards: Path, out: Path, site_name: str = "Gương sáng", move: bool = False,
             ) -> tuple[list[Shard], dict[str, int]]:
    """Put every province site of ``shards`` under ``out`` (replaced), their common assets once at the root
    (``national_share``), and write the national pages; returns the provinces and the assets' bytes.
    ``move`` moves the province folders instead of copying them (same file system; CI's disk is small)."""
    found = read_shards(shards)
    if not found:
        raise NationalError(f"{shards}: không có trang tỉnh, thành phố nào để ghép.")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for shard in found:
        _place(shard, out, move)
    assets = share(out, {shard.unit.slug: out / shard.unit.slug for shard in found})
    by_name = sorted(found, key=lambda s: collation_key(s.unit.short))
    total = sum(s.exemplars for s in found)
    env = _environment()
    pages = {"index.html": ("trang-chu.html", ""), f"{SEARCH}/index.html": ("tim-kiem.html", "../")}
    for path, (template, root) in pages.items():
        html = env.get_template(template).render(site_name=site_name, provinces=by_name, total=total, root=root,
                                                 assets=f"{root}{ASSETS}/", search=f"{root}{SEARCH}/",
                                                 config=search_config(found, root))
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(html, encoding="utf-8")
    (out / ASSETS).mkdir()
    for name in ("guongsang-national.js", "guongsang-national.css"):
        shutil.copyfile(FILES / name, out / ASSETS / name)
    manifest = [{"code": s.unit.code, "slug": s.unit.slug, "name": s.unit.name, "exemplars": s.exemplars,
                 "site": f"{s.unit.slug}/", "search_index": s.index, "search_bundles": s.indexes}
                for s in by_name]
    (out / MANIFEST).write_text(json.dumps({"exemplars": total, "provinces": manifest}, ensure_ascii=False,
                                           indent=1) + "\n", encoding="utf-8")
    return found, assets


MEMO = "records.pickle"  # the build's record memo in its cache folder (guongsang.model.memo.StoredMemo)


def check_once(settings: Settings, cache_dir: Path, fmt: str = "text") -> bool:
    """Check every record and keep the checks in ``cache_dir`` as a build keeps them: a province's build that
    finds this memo in its cache folder checks no unchanged record again. Problems are printed."""
    memo = StoredMemo(cache_dir / MEMO)
    loaded = load(settings, derive=False, memo=memo)
    memo.save()
    if loaded.diagnostics:
        print(render(loaded.diagnostics, fmt), file=sys.stdout if fmt != "text" else sys.stderr)
    return loaded.ok


def print_matrix(github_output: str | None = None) -> None:
    """Every province as JSON for the CI matrix: appended as ``provinces=[…]`` to ``github_output`` (GitHub's
    step outputs file), else printed."""
    matrix = json.dumps(provinces(), ensure_ascii=False, separators=(",", ":"))
    if github_output:
        with open(github_output, "a", encoding="utf-8") as output:
            output.write(f"provinces={matrix}\n")
    else:
        print(matrix)


def run_assembly(shards: Path, out: Path, site_name: str = "Gương sáng", move: bool = False) -> bool:
    """``assemble`` for the command line: what was done, or why not, in Vietnamese on stderr."""
    try:
        found, assets = assemble(shards, out, site_name, move)
    except NationalError as exc:
        print(f"Không ghép được trang cả nước: {exc}", file=sys.stderr)
        return False
    print(f"Đã ghép {len(found)} tỉnh, thành phố ({sum(s.exemplars for s in found)} gương) vào {out}; "
          f"tài nguyên chung giữ một bản ở assets/ ({assets['shared']} tệp): {vi_number(assets['before'])} byte "
          f"còn {vi_number(assets['after'])} byte.", file=sys.stderr)
    return True
