"""``guongsang serve``: MkDocs' live-reload server on the project, with the preview's rebuilds."""

from __future__ import annotations

import logging
import os
import re
import signal
import sys
from pathlib import Path
from typing import Any

from ..project import Settings
from . import preview

# MkDocs' own messages while serving, in Vietnamese (pattern → replacement)
MESSAGES = [
    (r"^Building documentation\.\.\.$", "Đang dựng trang…"),
    (r"^Building documentation to directory: (.*)$", r"Dựng trang vào thư mục \1"),
    (r"^The directory contains stale files\..*$", "Thư mục có tệp cũ; bản xem trước chỉ ghi lại các trang thay đổi."),
    (r"^Documentation built in ([\d.]+) seconds$", r"Đã dựng trang trong \1 giây"),
    (r"^Watching paths for changes: (.*)$", r"Theo dõi thay đổi trong: \1"),
    (r"^Serving on (\S+)( and opening it in a browser)?$", r"Xem trước tại \1"),
    (r"^Detected file changes$", "Có tệp thay đổi"),
    (r"^Reloading browsers$", "Tải lại trình duyệt"),
    (r"^Browser connected: (.*)$", r"Trình duyệt đã kết nối: \1"),
    (r"^Shutting down\.\.\.$", "Đang dừng bản xem trước…"),
]
LEVELS = {"DEBUG": "GỠ LỖI", "INFO": "TIN", "WARNING": "CẢNH BÁO", "ERROR": "LỖI", "CRITICAL": "LỖI NẶNG"}


class VietnameseLog(logging.Formatter):
    """MkDocs' log lines as ``mkdocs serve`` shows them, its known messages and the levels in Vietnamese."""

    def format(self, record: logging.LogRecord) -> str:
        stamp, message = re.match(r"(\[[\d:]+\] )?(.*)", record.getMessage(), re.S).groups(default="")  # type: ignore[union-attr]
        for pattern, replacement in MESSAGES:
            message, count = re.subn(pattern, replacement, message)
            if count:
                break
        return f"{LEVELS.get(record.levelname, record.levelname):<8} -  {stamp}{message}"


def show_log() -> None:
    """MkDocs' messages (the preview's address, each rebuild, reloads) on stderr, in Vietnamese."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(VietnameseLog())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def stop_on_terminate() -> None:
    """SIGTERM ends the server as Ctrl+C does, so MkDocs removes its temporary folder (``/tmp/mkdocs_*``)."""
    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def serve(settings: Settings, config_file: Path, dev_addr: str) -> None:
    """Serve the preview until Ctrl+C or SIGTERM."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    os.environ["GUONGSANG_EXEMPLARS"] = str(settings.exemplars)
    os.environ["GUONGSANG_TODAY"] = settings.today.isoformat()
    os.environ["GUONGSANG_CONTESTS"] = str(settings.contests or "")
    preview.start()  # rebuilds write only the pages an edit changed
    show_log()
    stop_on_terminate()
    print("Đang mở bản xem trước: địa chỉ ở dòng “Xem trước tại …” bên dưới. Sửa hồ sơ, trang tự tải lại; "
          "Ctrl+C để dừng.", file=sys.stderr)
    mkdocs_serve(str(config_file), dev_addr=dev_addr, livereload=True, build_type="dirty")
