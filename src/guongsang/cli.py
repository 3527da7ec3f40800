"""The ``guongsang`` command: parses arguments, calls the pipeline stages, sets exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from .diagnostics import render, summary
from .project import Loaded, Settings, load

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày “{value}” không hợp lệ; dùng dạng 2025-12-31.") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="guongsang",
                                     description="Trang gương điển hình tiên tiến, người tốt việc tốt.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="thư mục dự án (chứa mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--exemplars", default="exemplars", help="thư mục hồ sơ (mặc định: exemplars)")
        p.add_argument("--today", type=_date,
                       help="ngày xây dựng YYYY-MM-DD (mặc định: SOURCE_DATE_EPOCH hoặc hôm nay)")

    check = sub.add_parser("check", help="kiểm tra hồ sơ, báo mọi lỗi một lần")
    common(check)
    check.add_argument("--format", choices=["text", "github", "json"], default="text")

    build = sub.add_parser("build", help="kiểm tra rồi xây dựng trang vào build/")
    common(build)
    build.add_argument("--site-dir", type=Path, default=Path("build"))
    build.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("--cache-dir", type=Path, default=None,
                       help="bộ nhớ đệm trang đã dựng (mặc định: .cache/guongsang)")
    build.add_argument("--no-cache", action="store_true", help="dựng lại mọi trang, không dùng bộ nhớ đệm")
    only = build.add_mutually_exclusive_group()
    only.add_argument("--only-province", metavar="MÃ",
                      help="chỉ xây dựng trang của một tỉnh, thành phố (mã 2 chữ số, ví dụ 01, hoặc tên: ha-noi)")
    only.add_argument("--only-locality", metavar="MÃ",
                      help="chỉ xây dựng trang của một phường, xã (mã 5 chữ số) hoặc quận, huyện cũ (mã 3 chữ số, "
                           "hoặc viết như trong hồ sơ: “quận Thanh Xuân, Hà Nội”)")
    build.add_argument("--site-url", help="địa chỉ công bố của trang (mặc định: site_url trong mkdocs.yml)")
    build.add_argument("--wider-index", metavar="URL",
                       help="trang con: chỉ mục Pagefind để tìm thêm toàn tỉnh "
                            "(mặc định: <site_url trong mkdocs.yml>/pagefind/)")

    serve = sub.add_parser("serve", help="xem trước trang, tự tải lại khi sửa hồ sơ")
    common(serve)
    serve.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")

    schema = sub.add_parser("schema", help="xuất JSON Schema của hồ sơ")
    schema.add_argument("--output", type=Path, default=Path("schema/exemplar.schema.json"))
    schema.add_argument("--catalog", default="content/catalog")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    if args.today:  # one build date for guongsang and MkDocs (sitemap) alike
        os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.combine(args.today, dt.time(), dt.UTC).timestamp()))
    return Settings.at(args.root, args.exemplars, today=args.today, only_province=getattr(args, "only_province", None),
                       only_locality=getattr(args, "only_locality", None))


def _report(loaded: Loaded, fmt: str = "text") -> None:
    if loaded.diagnostics:
        print(render(loaded.diagnostics, fmt), file=sys.stdout if fmt != "text" else sys.stderr)
    if fmt == "text":
        print(summary(loaded.diagnostics, loaded.files), file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    loaded = load(_settings(args), derive=False)
    _report(loaded, args.format)
    return EXIT_OK if loaded.ok else EXIT_INVALID


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build_site_dir

    settings = _settings(args)
    loaded = load(settings)
    if not loaded.ok:
        _report(loaded)
        print("Không xây dựng trang vì hồ sơ còn lỗi; thư mục đầu ra giữ nguyên.", file=sys.stderr)
        return EXIT_INVALID
    config_file = args.config_file if args.config_file.is_absolute() else settings.root / args.config_file
    site_dir = args.site_dir if args.site_dir.is_absolute() else settings.root / args.site_dir
    cache_dir = None if args.no_cache else (args.cache_dir or Path(".cache/guongsang"))
    if cache_dir is not None and not cache_dir.is_absolute():
        cache_dir = settings.root / cache_dir
    stats = build_site_dir(loaded, config_file, site_dir, cache_dir, args.site_url, args.wider_index)
    scope = f" của {loaded.site.scope}" if loaded.site.scope else ""
    print(f"Đã xây dựng {stats['pages']} trang ({len(loaded.site.exemplars)} gương{scope}) vào {site_dir} "
          f"trong {stats['seconds']:.1f} giây.", file=sys.stderr)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    from .mkdocs_plugin import RECORDS

    settings = _settings(args)
    loaded = load(settings, derive=False, memo=RECORDS)  # the preview's first build reuses these checks
    if not loaded.ok:  # show every problem in the editor's words before MkDocs' own error
        _report(loaded)
        return EXIT_INVALID
    config_file = args.config_file if args.config_file.is_absolute() else settings.root / args.config_file
    os.environ["GUONGSANG_EXEMPLARS"] = str(settings.exemplars)
    os.environ["GUONGSANG_TODAY"] = settings.today.isoformat()
    print("Đang mở bản xem trước: địa chỉ ở dòng “Serving on …” bên dưới. Sửa hồ sơ, trang tự tải lại; "
          "Ctrl+C để dừng.", file=sys.stderr)
    serve(str(config_file), dev_addr=args.dev_addr, livereload=True)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .catalog import load_catalog
    from .schema import json_schema

    root = args.root.resolve()
    catalog, problems = load_catalog(root / args.catalog, root)
    if problems:
        print(render(problems), file=sys.stderr)
        return EXIT_INVALID

    def spellings(table) -> list[str]:
        return sorted({v for e in table for v in (e.code, e.label)})

    enums = {"kind": spellings(catalog.kinds), "field": spellings(catalog.fields),
             "movements": spellings(catalog.movements), "award_form": spellings(catalog.award_forms),
             "award_level": spellings(catalog.award_levels)}
    output = args.output if args.output.is_absolute() else root / args.output
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(json_schema(enums), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Đã ghi {output}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {"check": cmd_check, "build": cmd_build, "serve": cmd_serve, "schema": cmd_schema}
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
