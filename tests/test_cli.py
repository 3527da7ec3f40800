import json

from guongsang.cli import main


def test_check_passes_on_the_sample(root, capsys):
    assert main(["--root", str(root), "check", "--today", "2025-11-01"]) == 0
    assert "không có lỗi" in capsys.readouterr().err


def test_check_reports_all_problems_and_fails(root, capsys):
    code = main(["--root", str(root), "check", "--exemplars", "tests/fixtures/broken", "--today", "2025-11-01"])
    assert code == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if ": error[" in line]
    assert len(lines) == 33
    assert lines[0].startswith("tests/fixtures/broken/Ten File Sai.md:1:1: error[GS061]: ")
    assert err.strip().endswith("Đã kiểm tra 13 hồ sơ: 33 lỗi, 0 cảnh báo.")


def test_check_github_and_json_formats(root, capsys):
    args = ["--root", str(root), "check", "--exemplars", "tests/fixtures/broken", "--today", "2025-11-01"]
    assert main([*args, "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("::error file=tests/fixtures/broken/Ten File Sai.md,line=1,col=1,title=GS061 ")
    assert all(line.startswith("::error ") for line in out)
    assert main([*args, "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {"path", "line", "col", "code", "message", "severity"} == set(data[0])


def test_schema_file_is_generated_from_the_code(root, tmp_path):
    out = tmp_path / "schema.json"
    assert main(["--root", str(root), "schema", "--output", str(out)]) == 0
    committed = (root / "schema" / "exemplar.schema.json").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed, "run `guongsang schema` and commit the result"
    schema = json.loads(committed)
    assert set(schema["required"]) >= {"title", "name", "kind", "movements", "field", "locality", "unit", "year"}
    assert "Dân vận khéo" in schema["properties"]["movements"]["items"]["enum"]
    assert "Vietnamese" not in schema["properties"]["title"]["description"]


def test_check_json_is_valid_json_when_all_is_well(root, capsys):
    assert main(["--root", str(root), "check", "--today", "2025-11-01", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_check_counts_records_apart_from_contest_files(root, capsys):
    assert main(["--root", str(root), "check", "--today", "2025-11-01"]) == 0
    records = len(list((root / "exemplars").rglob("*.md")))
    assert f"Đã kiểm tra {records} hồ sơ và " in capsys.readouterr().err


def test_the_command_line_build_takes_per_page_from_mkdocs_yml(root, tmp_path):
    """``guongsang build`` hands MkDocs the records it loaded: the plugin's ``per_page`` must reach that load."""
    import argparse

    from guongsang import cli
    from guongsang.project import plugin_options

    assert plugin_options(root / "mkdocs.yml")["per_page"] == 48
    config = tmp_path / "mkdocs.yml"
    config.write_text((root / "mkdocs.yml").read_text(encoding="utf-8").replace("per_page: 48", "per_page: 7"),
                      encoding="utf-8")
    args = argparse.Namespace(root=root, exemplars="exemplars", today=None, contests=None, config_file=config)
    assert cli._settings(args).per_page == 7
    assert plugin_options(tmp_path / "missing.yml") == {}
    tagged = tmp_path / "tagged.yml"
    tagged.write_text("site_url: !ENV [SITE, 'x']\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
                      "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
                      "plugins:\n  - search\n  - guongsang:\n      per_page: 12\n", encoding="utf-8")
    assert plugin_options(tagged) == {"per_page": 12}
