"""The ``guongsang`` command's arguments, help and argparse's own messages, all in Vietnamese."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

# argparse's own strings (its gettext message ids), as Python 3.11–3.13 spell them.
MESSAGES = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "show program's version number and exit": "hiện số phiên bản rồi thoát",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số: %s",
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ, có thể là: %(matches)s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "can't open '%(filename)s': %(error)s": "không mở được “%(filename)s”: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
}


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


@contextmanager
def vietnamese() -> Iterator[None]:
    """argparse speaks Vietnamese while parsers are made, parse and print help or errors."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày “{value}” không hợp lệ; dùng dạng 2025-12-31.") from None


def number(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}” không phải là số; ví dụ: 2025.") from None


def command(sub: argparse._SubParsersAction, name: str, summary: str, *examples: str,
            shared: bool = True) -> argparse.ArgumentParser:
    """A sub-command with its one-line summary, a description and examples in ``--help``; ``shared``: with the
    options every command on records takes (``--exemplars``, ``--contests``, ``--today``)."""
    epilog = "ví dụ:\n" + "\n".join(f"  guongsang {example}" for example in examples)
    parser = sub.add_parser(name, help=summary, description=summary[:1].upper() + summary[1:] + ".", epilog=epilog,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    if shared:
        common(parser)
    return parser


def common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--exemplars", default="exemplars", metavar="THƯ_MỤC", help="thư mục hồ sơ (mặc định: exemplars)")
    p.add_argument("--contests", metavar="THƯ_MỤC", help="thư mục cuộc thi viết (mặc định: content/contests; khi chọn "
                                      "--exemplars khác thì chỉ kiểm tra cuộc thi nếu ghi rõ thư mục này)")
    p.add_argument("--today", type=date, metavar="NGÀY",
                   help="ngày xây dựng, dạng YYYY-MM-DD, ví dụ 2025-12-31 (mặc định: SOURCE_DATE_EPOCH hoặc hôm nay)")


def config_file(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"), metavar="TỆP",
                   help="tệp cấu hình trang (mặc định: mkdocs.yml)")


LOCALITY_HELP = ("một phường, xã (mã 5 chữ số), quận, huyện cũ (mã 3 chữ số) hoặc tỉnh, thành phố (mã 2 chữ số, "
                 "hoặc như trong đường dẫn: ha-noi); hoặc viết như trong hồ sơ: “quận Thanh Xuân, Hà Nội”")


def parser(editors: Callable[[argparse._SubParsersAction], None]) -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="guongsang", description="Trang gương điển hình tiên tiến, người tốt việc tốt.",
                                   epilog="Xem hướng dẫn từng lệnh: guongsang LỆNH --help",
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    main.add_argument("--root", type=Path, default=Path.cwd(), metavar="THƯ_MỤC",
                      help="thư mục dự án (chứa mkdocs.yml; mặc định: thư mục hiện tại)")
    sub = main.add_subparsers(dest="command", required=True, title="lệnh", metavar="LỆNH")
    _check(sub)
    _build(sub)
    _serve(sub)
    _report(sub)
    _booklet(sub)
    editors(sub)
    _poster(sub)
    _national(sub)
    schema = command(sub, "schema", "xuất JSON Schema của hồ sơ (cho trình soạn thảo)",
                     "schema", "schema --output schema/exemplar.schema.json", shared=False)
    schema.add_argument("--output", type=Path, default=Path("schema/exemplar.schema.json"), metavar="TỆP",
                        help="tệp kết quả (mặc định: schema/exemplar.schema.json)")
    schema.add_argument("--catalog", default="content/catalog", metavar="THƯ_MỤC",
                        help="thư mục danh mục (mặc định: content/catalog)")
    return main


def _check(sub: argparse._SubParsersAction) -> None:
    check = command(sub, "check", "kiểm tra hồ sơ, báo mọi lỗi một lần",
                    "check", "check --format json --exemplars exemplars/ha-noi")
    check.add_argument("--format", choices=["text", "github", "json"], default="text",
                       help="cách báo lỗi: text (cho người đọc, mặc định), github (chú thích trên GitHub), "
                            "json (luôn là JSON hợp lệ, [] khi không có lỗi)")


def _build(sub: argparse._SubParsersAction) -> None:
    build = command(sub, "build", "kiểm tra rồi xây dựng trang vào build/",
                    "build", "build --only-locality \"quận Thanh Xuân, Hà Nội\" --site-dir build-thanh-xuan")
    build.add_argument("--site-dir", type=Path, default=Path("build"), metavar="THƯ_MỤC",
                       help="thư mục ghi trang (mặc định: build)")
    config_file(build)
    build.add_argument("--cache-dir", type=Path, default=None, metavar="THƯ_MỤC",
                       help="bộ nhớ đệm trang đã dựng (mặc định: .cache/guongsang)")
    build.add_argument("--no-cache", action="store_true", help="dựng lại mọi trang, không dùng bộ nhớ đệm")
    only = build.add_mutually_exclusive_group()
    only.add_argument("--only-province", metavar="MÃ",
                      help="chỉ xây dựng trang của một tỉnh, thành phố (mã 2 chữ số, ví dụ 01, hoặc tên: ha-noi)")
    only.add_argument("--only-locality", metavar="NƠI", help="chỉ xây dựng trang của " + LOCALITY_HELP)
    build.add_argument("--site-url", metavar="URL",
                       help="địa chỉ công bố của trang (mặc định: site_url trong mkdocs.yml)")
    build.add_argument("--wider-index", metavar="URL",
                       help="trang con: chỉ mục Pagefind để tìm thêm toàn tỉnh (mặc định: <site_url trong "
                            "mkdocs.yml>/pagefind/); hoặc trang tìm kiếm cả nước (…/tim-kiem/), trang tỉnh dẫn tới đó")
    build.add_argument("--search-delta", action="store_true",
                       help="bản xem trước của yêu cầu hợp nhất: giữ nguyên chỉ mục tìm kiếm của lần dựng đầy đủ "
                            "trước (trong bộ nhớ đệm), chỉ lập chỉ mục thêm các trang đã sửa")


def _serve(sub: argparse._SubParsersAction) -> None:
    serve = command(sub, "serve", "xem trước trang, tự tải lại khi sửa hồ sơ",
                    "serve", "serve --dev-addr 127.0.0.1:8001")
    config_file(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="ĐỊA_CHỈ:CỔNG",
                       help="địa chỉ xem trước (mặc định: 127.0.0.1:8000)")


def output(p: argparse.ArgumentParser, what: str, metavar: str = "TỆP", **kwargs: object) -> None:
    """``--output`` (``--out`` kept as another spelling)."""
    p.add_argument("--output", "--out", dest="output", type=Path, metavar=metavar, help=what,
                   **kwargs)  # type: ignore[arg-type]


def _report(sub: argparse._SubParsersAction) -> None:
    report = command(sub, "report", "báo cáo tiến độ một kế hoạch (CSV, Excel, PDF)",
                     "report thanh-xuan-2023 --output bao-cao.xlsx",
                     "report thanh-xuan-2023 --year 2024 --output bao-cao-2024.pdf")
    report.add_argument("plan", metavar="KẾ_HOẠCH",
                        help="tên tệp kế hoạch trong content/plans/ (không có .yml), ví dụ thanh-xuan-2023")
    report.add_argument("--year", type=number, metavar="NĂM",
                        help="chỉ năm này, ví dụ 2024 (chỉ tiêu cả giai đoạn: lũy kế đến hết năm)")
    report.add_argument("--format", choices=["csv", "xlsx", "pdf"],
                        help="định dạng (mặc định: theo đuôi tệp kết quả: .csv, .xlsx hoặc .pdf)")
    output(report, "tệp kết quả (.csv, .xlsx hoặc .pdf)", required=True)


def _booklet(sub: argparse._SubParsersAction) -> None:
    booklet = command(sub, "booklet", "tài liệu tuyên truyền (PDF): bìa, mục lục, mỗi gương một trang",
                      "booklet --plan thanh-xuan-2023 --output tai-lieu.pdf",
                      "booklet --locality \"quận Thanh Xuân, Hà Nội\" --limit 20 --output thanh-xuan.pdf")
    pick = booklet.add_mutually_exclusive_group(required=True)
    pick.add_argument("--plan", metavar="KẾ_HOẠCH", help="mã, số hiệu hoặc tên kế hoạch")
    pick.add_argument("--movement", metavar="PHONG_TRÀO", help="mã hoặc tên phong trào")
    pick.add_argument("--locality", metavar="NƠI", help=LOCALITY_HELP)
    pick.add_argument("--year", metavar="NĂM", help="năm đề xuất, ví dụ 2024")
    booklet.add_argument("--limit", type=number, metavar="SỐ", help="số gương tối đa (ưu tiên gương nổi bật, mới nhất)")
    booklet.add_argument("--site-url", metavar="URL",
                         help="địa chỉ trang web cho mã QR (mặc định: site_url trong mkdocs.yml)")
    booklet.add_argument("--format", choices=["pdf"], help="định dạng (chỉ có pdf; mặc định: theo đuôi tệp)")
    output(booklet, "tệp PDF kết quả", required=True)


def _poster(sub: argparse._SubParsersAction) -> None:
    poster = command(sub, "poster", "xuất áp phích A4 (PDF, có mã QR) để in dán bảng tin",
                     "poster nguyen-van-an", "poster --all --output ap-phich")
    poster.add_argument("slugs", nargs="*", metavar="ĐỊNH_DANH", help="định danh gương điển hình (tên tệp hồ sơ)")
    poster.add_argument("--all", action="store_true", help="xuất áp phích cho mọi gương điển hình")
    output(poster, "thư mục ghi PDF (mặc định: ap-phich)", "THƯ_MỤC", default=Path("ap-phich"))
    config_file(poster)


def _national(sub: argparse._SubParsersAction) -> None:
    national = command(sub, "national", "trang cả nước: kiểm tra hồ sơ một lần, liệt kê tỉnh, thành phố cho ma trận "
                       "CI, ghép trang của từng tỉnh, thành phố dưới một gốc",
                       "national check --format github", "national assemble --shards shards --out ca-nuoc --move",
                       shared=False)
    actions = national.add_subparsers(dest="action", required=True, title="việc", metavar="VIỆC",
                                      help="check, provinces hoặc assemble (xem: guongsang national VIỆC --help)")
    check = command(actions, "check", "kiểm tra mọi hồ sơ một lần cho cả nước, lưu kết quả vào bộ nhớ đệm để "
                    "việc xây dựng từng tỉnh (guongsang build --only-province) không kiểm tra lại",
                    "national check", "national check --format github --cache-dir .cache/guongsang")
    check.add_argument("--cache-dir", type=Path, default=Path(".cache/guongsang"), metavar="THƯ_MỤC",
                       help="bộ nhớ đệm mà guongsang build của từng tỉnh dùng (mặc định: .cache/guongsang)")
    check.add_argument("--format", choices=["text", "github", "json"], default="text",
                       help="cách báo lỗi: text (mặc định), github (chú thích trên GitHub) hoặc json")
    matrix = command(actions, "provinces", "mọi tỉnh, thành phố (JSON: mã, slug, tên) cho ma trận CI",
                     "national provinces", "national provinces --github-output \"$GITHUB_OUTPUT\"", shared=False)
    matrix.add_argument("--github-output", default=os.environ.get("GITHUB_OUTPUT"), metavar="TỆP",
                        help="ghi provinces=[…] vào tệp này (mặc định: $GITHUB_OUTPUT nếu có, nếu không thì in ra)")
    join = command(actions, "assemble", "ghép trang các tỉnh, thành phố (guongsang build --only-province) thành "
                   "trang cả nước: trang chủ, tìm kiếm cả nước, tài nguyên chung một bản",
                   "national assemble --shards shards --out ca-nuoc",
                   "national assemble --shards shards --out ca-nuoc --move", shared=False)
    join.add_argument("--shards", type=Path, required=True, metavar="THƯ_MỤC",
                      help="thư mục chứa trang từng tỉnh, mỗi thư mục con tên là mã hoặc slug tỉnh (01, tinh-01, "
                           "ha-noi)")
    output(join, "thư mục trang cả nước (bị thay thế)", "THƯ_MỤC", required=True)
    join.add_argument("--site-name", default="Gương sáng", metavar="TÊN",
                      help="tên trang trên trang chủ cả nước (mặc định: Gương sáng)")
    join.add_argument("--move", action="store_true",
                      help="chuyển thay vì sao chép thư mục các tỉnh (cùng ổ đĩa; đỡ tốn chỗ trên máy CI)")
