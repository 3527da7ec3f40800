"""scripts/test sets the machine up with one block of Debian packages."""

from __future__ import annotations

import re

from support import ROOT


def test_scripts_test_installs_debian_packages_in_one_block():
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert len(re.findall(r"apt-get update", script)) == 1
    assert len(re.findall(r"apt-get install", script)) == 1
    listed = re.search(r"for pkg in ([^;]+);", script).group(1).split()
    assert set(listed) == {"chromium", "libpango-1.0-0", "libpangoft2-1.0-0", "poppler-utils"}
