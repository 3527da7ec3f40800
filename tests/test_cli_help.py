"""The command line speaks Vietnamese only: argparse's own strings, every sub-command's help and its errors."""

from __future__ import annotations

import argparse
import re

import pytest

from guongsang import cliargs
from guongsang.cli import _editor_parsers, main

# argparse's English, as it prints it when left untranslated
ENGLISH = re.compile(r"(?<![\w-])(usage|positional arguments|options:|optional arguments|show this help|error|"
                     r"required|invalid|choose from|unrecognized|expected|argument|not allowed|default)\b",
                     re.IGNORECASE)


def parsers(parser: argparse.ArgumentParser | None = None, words: str = "") -> dict[str, argparse.ArgumentParser]:
    """Every sub-command's parser by its words ("build"), nested ones too ("national assemble")."""
    if parser is None:
        with cliargs.vietnamese():
            parser = cliargs.parser(_editor_parsers)
    found: dict[str, argparse.ArgumentParser] = {}
    for sub in (a for a in parser._actions if isinstance(a, argparse._SubParsersAction)):
        for name, command in sub.choices.items():
            found[f"{words} {name}".strip()] = command
            found |= parsers(command, f"{words} {name}")
    return found


def sub_commands() -> list[str]:
    return sorted(parsers())


def help_of(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as stop:
        main([*" ".join(argv).split(), "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


def test_every_sub_command_is_walked():
    assert {"check", "build", "serve", "report", "booklet", "poster", "new", "from-issue", "import", "templates",
            "schema", "national", "national check", "national provinces", "national assemble"} <= set(sub_commands())


@pytest.mark.parametrize("command", ["", *sub_commands()])
def test_help_has_no_english_from_argparse(capsys, command):
    text = help_of(capsys, *([command] if command else []))
    assert text.startswith("cách dùng: guongsang")
    assert ENGLISH.search(text) is None, ENGLISH.search(text)
    assert "tùy chọn:" in text and "hiện hướng dẫn này rồi thoát" in text


@pytest.mark.parametrize("command", sub_commands())
def test_each_sub_command_has_a_description_and_two_examples(capsys, command):
    text = help_of(capsys, command)
    description = text.split("\n\n")[1]
    assert description.strip().endswith(".") and not description.startswith(" ")
    examples = text.split("ví dụ:\n", 1)[1].splitlines()
    assert len([line for line in examples if line.startswith(f"  guongsang {command}")]) == 2


def test_every_option_with_a_value_has_help_and_a_vietnamese_placeholder():
    for name, command in parsers().items():
        for action in command._actions:
            assert action.help, (name, action.dest)
            if action.nargs != 0 and not action.choices:
                assert action.metavar and action.metavar != action.dest.upper(), (name, action.dest)


@pytest.mark.parametrize("argv, vietnamese", [
    (["report"], "thiếu tham số bắt buộc: KẾ_HOẠCH, --output/--out"),
    (["check", "--format", "xml"], "tham số --format: không có lựa chọn 'xml' (chọn một trong:"),
    (["check", "--thu"], "không hiểu tham số: --thu"),
    (["nhap"], "tham số LỆNH: không có lựa chọn 'nhap'"),
    (["booklet", "--plan", "a", "--year", "2024", "--output", "x.pdf"], "không dùng cùng tham số --plan"),
    (["booklet", "--output", "x.pdf"], "cần một trong các tham số: --plan --movement --locality --year"),
    (["check", "--today"], "tham số --today: cần một giá trị"),
    (["check", "--today", "31/12/2025"], "ngày “31/12/2025” không hợp lệ; dùng dạng 2025-12-31."),
    (["report", "k", "--output", "x.csv", "--year", "hai"], "“hai” không phải là số"),
])
def test_usage_errors_are_in_vietnamese(capsys, argv, vietnamese):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert vietnamese in err
    assert ": lỗi: " in err and ENGLISH.search(err) is None, err


def test_argparse_speaks_english_again_after_the_command():
    main_parser = argparse.ArgumentParser(prog="khac")
    assert "show this help message and exit" in main_parser.format_help()
