"""What the repository gives GitHub: workflows (checked by actionlint), the issue form, the PR template."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from support import ROOT

GITHUB = ROOT / ".github"


def _actionlint() -> str:
    beside = Path(sys.executable).parent / "actionlint"
    found = str(beside) if beside.exists() else shutil.which("actionlint")
    assert found, "actionlint is installed with the test extras (pip install -e .[test])"
    return found


def test_workflows_pass_actionlint():
    workflows = sorted((GITHUB / "workflows").glob("*.yml"))
    assert {w.name for w in workflows} >= {"kiem-tra.yml", "trang.yml", "de-xuat.yml"}
    done = subprocess.run([_actionlint(), "-no-color", *map(str, workflows)], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "hong.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - uses: actions/checkout@v4\n        wiht:\n          depth: 1\n", encoding="utf-8")
    done = subprocess.run([_actionlint(), "-no-color", str(broken)], capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "wiht" in done.stdout


def _workflow(name: str) -> dict:
    return yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))


def _uses(workflow: dict) -> list[str]:
    return [step.get("uses", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_pull_requests_are_checked_with_annotations_and_built():
    flow = _workflow("kiem-tra.yml")
    runs = " ".join(step.get("run", "") for step in flow["jobs"]["kiem-tra"]["steps"])
    assert "pull_request" in flow[True]  # PyYAML reads the key `on` as True
    assert "guongsang check --format github" in runs and "guongsang build" in runs
    assert any(u.startswith("actions/upload-artifact@") for u in _uses(flow))


def test_a_pull_request_builds_on_the_published_sites_cache_and_indexes_only_what_changed():
    preview, main = _workflow("kiem-tra.yml"), _workflow("trang.yml")
    saved = next(s for s in main["jobs"]["xay-dung"]["steps"] if s.get("uses", "").startswith("actions/cache@"))
    restored = next(s for s in preview["jobs"]["kiem-tra"]["steps"]
                    if s.get("uses", "").startswith("actions/cache/restore@"))  # read only: a PR never saves
    assert saved["with"]["path"] == restored["with"]["path"] == ".cache/guongsang"
    assert restored["with"]["restore-keys"] == saved["with"]["restore-keys"] == "guongsang-"
    steps = preview["jobs"]["kiem-tra"]["steps"]
    build = next(i for i, s in enumerate(steps) if "guongsang build" in s.get("run", ""))
    assert steps.index(restored) < build and "--search-delta" in steps[build]["run"]
    assert "--search-delta" not in " ".join(s.get("run", "") for s in main["jobs"]["xay-dung"]["steps"])


def test_main_is_deployed_with_the_official_pages_actions():
    flow = _workflow("trang.yml")
    assert flow[True]["push"]["branches"] == ["main"]
    uses = _uses(flow)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_issue_bodies_reach_the_shell_only_through_the_environment():
    text = (GITHUB / "workflows" / "de-xuat.yml").read_text(encoding="utf-8")
    for line in text.splitlines():
        if "github.event.issue" in line and "${{" in line:
            assert re.match(r"\s+(\w+:|if:|group:)", line), f"untrusted text expanded in a script: {line}"


def test_issue_form_ids_and_labels_are_unique():
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "de-xuat-guong.yml").read_text(encoding="utf-8"))
    elements = [e for e in form["body"] if e["type"] != "markdown"]
    ids = [e["id"] for e in elements]
    labels = [e["attributes"]["label"] for e in elements]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[a-z0-9_-]+", i) for i in ids)
    assert len(set(labels)) == len(labels)
    for element in elements:
        choices = element["attributes"].get("options", [])
        names = [c["label"] if isinstance(c, dict) else c for c in choices]
        assert len(set(names)) == len(names)


def test_pull_request_template_has_the_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    for item in ("Sự đồng ý", "Quyền dùng ảnh", "Nguồn", "Riêng tư"):
        assert f"- [ ] **{item}**" in text


def test_editorconfig_matches_what_the_checker_reads():
    text = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    assert "charset = utf-8" in text and "end_of_line = lf" in text and "indent_style = space" in text
