"""``guongsang serve``: MkDocs' live-reload server on the project, with the preview's rebuilds."""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path
from typing import Any

from ..project import Settings
from . import preview


def show_log() -> None:
    """MkDocs' messages (the preview's address, each rebuild, reloads) on stderr, as ``mkdocs serve`` shows them."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
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
    print("Đang mở bản xem trước: địa chỉ ở dòng “Serving on …” bên dưới. Sửa hồ sơ, trang tự tải lại; "
          "Ctrl+C để dừng.", file=sys.stderr)
    mkdocs_serve(str(config_file), dev_addr=dev_addr, livereload=True, build_type="dirty")
