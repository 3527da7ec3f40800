"""The ``guongsang`` command: parses arguments, calls the pipeline stages, sets exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from . import cliargs
from .model.diagnostics import render, summary
from .project import Loaded, Settings, load, plugin_options
from .site.derive import PER_PAGE

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _editor_parsers(sub: argparse._SubParsersAction) -> None:
    from .editors import issue_form, new_record, spreadsheet

    new = cliargs.command(sub, "new", "tạo hồ sơ mới: hỏi từng mục (có gợi ý), hoặc nhận đủ qua tham số",
                          "new", "new --draft --name \"Nguyễn Văn An\" --locality \"phường Khương Đình, Hà Nội\"")
    new_record.add_arguments(new)
    from_issue = cliargs.command(sub, "from-issue", "tạo hồ sơ từ nội dung một issue “Đề xuất gương điển hình”",
                                 "from-issue issue.md", "from-issue issue.md --dry-run")
    issue_form.add_arguments(from_issue)
    sheet = cliargs.command(sub, "import", "tạo hồ sơ từ bảng tính .xlsx hoặc .csv, mỗi dòng một hồ sơ",
                            "import danh-sach.xlsx", "import --template mau.xlsx")
    spreadsheet.add_arguments(sheet)
    templates = cliargs.command(sub, "templates",
                                "viết lại mẫu issue GitHub “Đề xuất gương điển hình” từ danh sách trường",
                                "templates", "templates --catalog content/catalog", shared=False)
    templates.add_argument("--catalog", default="content/catalog", metavar="THƯ_MỤC",
                           help="thư mục danh mục (mặc định: content/catalog)")


def _settings(args: argparse.Namespace) -> Settings:
    if args.today:  # one build date for guongsang and MkDocs (sitemap) alike
        os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.combine(args.today, dt.time(), dt.UTC).timestamp()))
    # Contests refer to the project's own records, so another --exemplars folder leaves them out unless asked.
    own_records = (args.root / args.exemplars).resolve() == (args.root / "exemplars").resolve()
    contests = args.contests or ("content/contests" if own_records else None)
    per_page = plugin_options(args.root / getattr(args, "config_file", Path("mkdocs.yml"))).get("per_page", PER_PAGE)
    return Settings.at(args.root, args.exemplars, today=args.today, contests=contests, per_page=int(per_page),
                       only_province=getattr(args, "only_province", None),
                       only_locality=getattr(args, "only_locality", None))


def _report(loaded: Loaded, fmt: str = "text") -> None:
    if loaded.diagnostics or fmt == "json":  # JSON output is always valid JSON: [] when all is well
        print(render(loaded.diagnostics, fmt), file=sys.stdout if fmt != "text" else sys.stderr)
    if fmt == "text":
        print(summary(loaded.diagnostics, loaded.files, loaded.contest_files), file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    loaded = load(_settings(args), derive=False)
    _report(loaded, args.format)
    return EXIT_OK if loaded.ok else EXIT_INVALID


def cmd_build(args: argparse.Namespace) -> int:
    from .mkdocs.build import build_site_dir
    from .model.memo import StoredMemo

    settings = _settings(args)
    cache_dir = None if args.no_cache else (args.cache_dir or Path(".cache/guongsang"))
    if cache_dir is not None and not cache_dir.is_absolute():
        cache_dir = settings.root / cache_dir
    memo = StoredMemo(cache_dir / "records.pickle") if cache_dir is not None else None
    loaded = load(settings, memo=memo)
    if memo is not None:
        memo.save()
    if loaded.diagnostics:  # errors stop the build; warnings (e.g. HTML removed from a story) are shown
        _report(loaded)
    if not loaded.ok:
        print("Không xây dựng trang vì hồ sơ còn lỗi; thư mục đầu ra giữ nguyên.", file=sys.stderr)
        return EXIT_INVALID
    config_file = args.config_file if args.config_file.is_absolute() else settings.root / args.config_file
    site_dir = args.site_dir if args.site_dir.is_absolute() else settings.root / args.site_dir
    scope = f" của {loaded.site.scope}" if loaded.site.scope else ""
    count = len(loaded.site.exemplars)
    handed = [loaded]  # the build takes the records over, and frees them before Pagefind's memory peak
    del loaded, memo
    stats = build_site_dir(handed.pop, config_file, site_dir, cache_dir, args.site_url, args.wider_index,
                           search_delta=args.search_delta)
    print(f"Đã xây dựng {stats['pages']} trang ({count} gương{scope}) vào {site_dir} "
          f"trong {stats['seconds']:.1f} giây.", file=sys.stderr)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .mkdocs.plugin import RECORDS
    from .mkdocs.serving import serve

    settings = _settings(args)
    loaded = load(settings, derive=False, memo=RECORDS)  # the preview's first build reuses these checks
    if not loaded.ok:  # show every problem in the editor's words before MkDocs' own error
        _report(loaded)
        return EXIT_INVALID
    serve(settings, args.config_file if args.config_file.is_absolute() else settings.root / args.config_file,
          args.dev_addr)
    return EXIT_OK


def _write(output: Path, root: Path, content: bytes) -> Path:
    """Write ``content`` whole (to a temporary file first), so a failure leaves no half-written file."""
    output = output if output.is_absolute() else root / output
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.tmp")
    partial.write_bytes(content)
    partial.replace(output)
    return output


def _valid_site(args: argparse.Namespace) -> Loaded | None:
    loaded = load(_settings(args))
    if not loaded.ok or loaded.site is None:
        _report(loaded)
        return None
    return loaded


def _output_format(output: Path, given: str | None, formats: tuple[str, ...]) -> str | None:
    """The format ``--format`` names, or else the output file's extension; None (and why) when they disagree."""
    suffix = output.suffix.lower().removeprefix(".")
    if given is None and suffix not in formats:
        listed = ", ".join(f".{f}" for f in formats)
        print(f"Không rõ định dạng của “{output}”: đặt tên tệp có đuôi {listed}, hoặc ghi --format.",
              file=sys.stderr)
        return None
    if given is not None and suffix and suffix != given:
        print(f"Tệp “{output}” có đuôi .{suffix} nhưng --format là {given}: đổi đuôi tệp thành .{given} "
              "hoặc bỏ --format.", file=sys.stderr)
        return None
    return given or suffix


def cmd_report(args: argparse.Namespace) -> int:
    from .outputs.report import render as render_report
    from .site.progress import plan_progress

    fmt = _output_format(args.output, args.format, ("csv", "xlsx", "pdf"))
    if fmt is None:
        return EXIT_USAGE
    loaded = _valid_site(args)
    if loaded is None:
        return EXIT_INVALID
    assert loaded.catalog and loaded.site
    plan = loaded.catalog.plan_models.get(args.plan)
    if plan is None:
        print(f"Không có kế hoạch “{args.plan}”; các kế hoạch: {', '.join(loaded.catalog.plan_models)}.",
              file=sys.stderr)
        return EXIT_USAGE
    if args.year is not None and args.year not in plan.years:
        print(f"Năm {args.year} nằm ngoài thời gian kế hoạch ({plan.period_label}).", file=sys.stderr)
        return EXIT_USAGE
    progress = plan_progress(plan, loaded.site.exemplars, list(loaded.catalog.kinds), loaded.settings.today,
                             args.year)
    content = render_report(progress, fmt, loaded.settings.root / "theme", args.year)
    output = _write(args.output, loaded.settings.root, content)
    print(f"Đã ghi báo cáo {plan.label} ({len(progress.exemplars)} gương) vào {output}", file=sys.stderr)
    return EXIT_OK


def _site_url(root: Path) -> str:
    import yaml

    config = root / "mkdocs.yml"
    if config.is_file():
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # tolerate !!python tags
        if isinstance(data, dict) and data.get("site_url"):
            return str(data["site_url"])
    return "https://guongsang.github.io/guongsang/"


def cmd_booklet(args: argparse.Namespace) -> int:
    from .outputs.booklet import BookletError, select
    from .outputs.booklet import render as render_booklet

    by, value = next((k, v) for k in ("plan", "movement", "locality", "year") if (v := getattr(args, k)))
    if _output_format(args.output, args.format, ("pdf",)) is None:
        return EXIT_USAGE
    loaded = _valid_site(args)
    if loaded is None:
        return EXIT_INVALID
    assert loaded.catalog and loaded.site
    try:
        selection = select(loaded.site, loaded.catalog, by, str(value), args.limit)
    except BookletError as exc:
        print(f"Không tạo được tài liệu: {exc}", file=sys.stderr)
        return EXIT_USAGE
    root = loaded.settings.root
    pdf = render_booklet(selection, args.site_url or _site_url(root), root / "theme", loaded.settings.today)
    output = _write(args.output, root, pdf)
    print(f"Đã ghi tài liệu “{selection.title}” ({len(selection.exemplars)} gương) vào {output}", file=sys.stderr)
    return EXIT_OK


def cmd_poster(args: argparse.Namespace) -> int:
    import shutil

    import yaml

    from .filecache import DEFAULT_DIR
    from .outputs.posters import render_posters

    if not args.slugs and not args.all:
        print("Hãy nêu định danh gương điển hình (ví dụ: guongsang poster nguyen-van-an) hoặc dùng --all.",
              file=sys.stderr)
        return EXIT_USAGE
    loaded = _valid_site(args)
    if loaded is None:
        return EXIT_INVALID
    assert loaded.site
    drafts = {record.slug for record in loaded.records if record.draft}
    unknown = [slug for slug in args.slugs if slug not in loaded.site.by_slug and slug not in drafts]
    if unknown:
        print("Không có gương điển hình: " + ", ".join(unknown), file=sys.stderr)
        return EXIT_INVALID
    drafted = [slug for slug in args.slugs if slug in drafts]
    if drafted:
        print("Hồ sơ còn là bản nháp (draft: true), chưa in áp phích: " + ", ".join(drafted)
              + ". Bỏ dòng draft: true khi hồ sơ đã duyệt.", file=sys.stderr)
        return EXIT_INVALID
    root = loaded.settings.root
    config_file = args.config_file if args.config_file.is_absolute() else root / args.config_file
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) if config_file.is_file() else {}
    chosen = loaded.site.exemplars if args.all else [loaded.site.by_slug[s] for s in args.slugs]
    made = render_posters(chosen, config.get("site_name", "Gương sáng"), _site_url(root), root / DEFAULT_DIR,
                          root / "theme")
    out = args.output if args.output.is_absolute() else root / args.output
    out.mkdir(parents=True, exist_ok=True)
    for slug, path in made.items():
        shutil.copyfile(path, out / f"{slug}.pdf")
    print(f"Đã ghi {len(made)} áp phích vào {out}", file=sys.stderr)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .model.catalogues import load_catalog
    from .model.contest_schema import json_schemas as contest_schemas
    from .model.schema import json_schema

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
    for name, schema in contest_schemas().items():  # beside it: contest files and contest entries
        path = output.parent / f"{name}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"Đã ghi {path}", file=sys.stderr)
    return EXIT_OK


def cmd_national(args: argparse.Namespace) -> int:
    from .outputs import national

    if args.action == "provinces":
        national.print_matrix(args.github_output)
        return EXIT_OK
    if args.action == "assemble":
        return EXIT_OK if national.run_assembly(args.shards, args.output, args.site_name, args.move) else EXIT_INVALID
    settings = _settings(args)
    cache = args.cache_dir if args.cache_dir.is_absolute() else settings.root / args.cache_dir
    return EXIT_OK if national.check_once(settings, cache, args.format) else EXIT_INVALID


def _editor_command(args: argparse.Namespace) -> int:
    from .editors import issue_form, new_record, spreadsheet
    from .editors.proposal import editor_context

    settings = _settings(args) if args.command != "templates" else Settings.at(args.root, catalog=args.catalog)
    ctx, problems = editor_context(settings)
    if ctx is None:
        print(render(problems), file=sys.stderr)
        return EXIT_INVALID
    if args.command == "templates":
        for path in issue_form.write(ctx.root, ctx.catalog):
            print(f"Đã ghi {path}", file=sys.stderr)
        return EXIT_OK
    run = {"new": new_record.run, "from-issue": issue_form.run, "import": spreadsheet.run}[args.command]
    return run(args, ctx, settings.exemplars)


def main(argv: list[str] | None = None) -> int:
    with cliargs.vietnamese():
        args = cliargs.parser(_editor_parsers).parse_args(argv)
    handlers = {"check": cmd_check, "build": cmd_build, "serve": cmd_serve, "schema": cmd_schema,
                "report": cmd_report, "booklet": cmd_booklet,
                "new": _editor_command, "from-issue": _editor_command, "import": _editor_command,
                "templates": _editor_command, "poster": cmd_poster, "national": cmd_national}
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
