"""``guongsang new``: a new record from options, or from Vietnamese questions answered on the terminal or stdin.

Every answer is checked at once by the record validator (a wrong answer is asked again), the finished record
is checked again as the file it becomes, and an existing slug is refused.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from ..model.catalog import Catalog
from ..model.diagnostics import Diagnostic
from ..model.places import Gazetteer
from ..model.validate import Context
from .proposal import (
    FIELDS,
    G_AWARD,
    G_CONSENT,
    G_SOURCE,
    STORY_KEY,
    FormField,
    block_required,
    check_answers,
    duplicate,
    existing_slugs,
    needs_consent,
    options,
    province_folders,
    recheck_file,
    record_path,
    record_text,
    split_many,
    write_records,
)

MAX_TRIES = 3
# The first question of an optional block: left empty, the rest of the block is skipped.
_BLOCK_OPENERS = {G_AWARD: "award_form", G_SOURCE: "source_title"}


DATE_HINT = {"date": " (2024-07-20 hoặc 20/07/2024)"}
_METAVARS = {"number": "NĂM", "date": "NGÀY", "url": "URL", "select": "MÃ_HOẶC_TÊN", "multi": "MÃ_HOẶC_TÊN"}


class Stop(Exception):
    """The editor's input ended (or was refused too often) before the record was complete."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    for spec in FIELDS:
        if spec.key == STORY_KEY:
            continue
        kwargs: dict[str, Any] = {"dest": spec.key, "metavar": _METAVARS.get(spec.widget, "CHỮ"),
                                  "help": spec.label.lower() + DATE_HINT.get(spec.widget, "")}
        if spec.many:
            kwargs.update(action="append", help=f"{spec.label.lower()} (lặp lại tham số cho mỗi mục)")
        parser.add_argument(spec.option, **kwargs)
    parser.add_argument("--story-file", type=Path, metavar="TỆP",
                        help="tệp Markdown chứa câu chuyện (mặc định: khung để viết)")
    parser.add_argument("--slug", metavar="TÊN", help="tên tệp (mặc định: tên người, không dấu)")
    parser.add_argument("--draft", action="store_true", help="ghi draft: true (bản nháp)")
    parser.add_argument("--no-input", action="store_true", help="không hỏi; thiếu thông tin thì báo lỗi")


def _given(args: argparse.Namespace) -> dict[str, Any]:
    answers = {s.key: getattr(args, s.key) for s in FIELDS if s.key != STORY_KEY and getattr(args, s.key) is not None}
    if args.story_file:
        answers[STORY_KEY] = args.story_file.read_text(encoding="utf-8")
    if args.slug:
        answers["slug"] = args.slug
    return answers


class Asker:
    """Asks the questions on ``out`` and reads answers from ``inp`` (a terminal or a pipe)."""

    def __init__(self, inp: TextIO, out: TextIO, catalog: Catalog, gaz: Gazetteer) -> None:
        self.inp, self.out, self.catalog, self.gaz = inp, out, catalog, gaz
        self.tty = inp.isatty()
        self._readline: Any = None
        if self.tty:
            try:
                import readline

                readline.set_completer_delims("")
                readline.parse_and_bind("tab: complete")
                self._readline = readline
            except ImportError:  # Windows without pyreadline: questions still work, without completion
                self._readline = None

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def read(self, prompt: str, choices: list[str]) -> str:
        if self._readline is not None:
            self._readline.set_completer(_completer(choices))
            try:
                return input(prompt)
            except EOFError:
                raise Stop from None
        self.out.write(prompt)
        self.out.flush()
        line = self.inp.readline()
        if not line:
            raise Stop
        self.out.write(line if line.endswith("\n") else line + "\n")  # piped answers: keep a readable transcript
        return line.rstrip("\n")

    def choices(self, spec: FormField, answers: dict[str, Any]) -> list[tuple[str, str]]:
        found = options(self.catalog, spec.options) if spec.options else []
        if spec.key == "award_level" and (form := self.catalog.award_forms.find(str(answers.get("award_form")))):
            allowed = form.get("levels") or []
            found = [c for c in found if not allowed or c[0] in allowed]
        return found

    def completions(self, spec: FormField, answers: dict[str, Any]) -> list[str]:
        if spec.key == "locality":
            return ward_spellings(self.gaz)
        return [s for code, label in self.choices(spec, answers) for s in (label, code)]

    def ask(self, spec: FormField, answers: dict[str, Any]) -> Any:
        choices = self.choices(spec, answers)
        if choices:
            for i, (code, label) in enumerate(choices, 1):
                self.say(f"  {i:>2}. {label} ({code})")
        hint = {"multi": " (số thứ tự hoặc tên, cách nhau bằng “;”)", "lines": " (các mục cách nhau bằng “;”)",
                **DATE_HINT}.get(spec.widget, "")
        needed = spec.required or (block_required(spec) and (spec.group == G_CONSENT or spec.key in answers
                                                             or bool(answers.get(_BLOCK_OPENERS.get(spec.group, "")))))
        optional = "" if needed else ", Enter để bỏ qua"
        text = self.read(f"{spec.label}{hint}{optional}: ", self.completions(spec, answers)).strip()
        return _pick(text, spec, choices, self.catalog)


def _pick(text: str, spec: FormField, choices: list[tuple[str, str]], catalog: Catalog) -> Any:
    """Numbers pick from the listed choices; anything else is taken as written."""
    labels = [label for _code, label in choices]
    if spec.many:
        tokens = text.replace(",", " ").split()
        if choices and tokens and all(t.isdigit() and 1 <= int(t) <= len(labels) for t in tokens):
            return [labels[int(t) - 1] for t in tokens]
        return split_many(text, catalog, spec.options)
    if choices and text.isdigit() and 1 <= int(text) <= len(labels):
        return labels[int(text) - 1]
    return text


def _completer(choices: list[str]) -> Callable[[str, int], str | None]:
    from ..model.text import fold

    def complete(text: str, state: int) -> str | None:
        typed = fold(text)
        matches = [c for c in choices if fold(c).startswith(typed)]
        return matches[state] if state < len(matches) else None

    return complete


def ward_spellings(gaz: Gazetteer) -> list[str]:
    """Current wards written the post-2025 way (“Phường Khương Đình, Hà Nội”), for completion."""
    return sorted(f"{ward.name}, {gaz.provinces[p].short}" for p, wards in gaz.wards.items()
                  for ward in wards.values())


def _problems_of(spec: FormField, answers: dict[str, Any], ctx: Context) -> list[Diagnostic]:
    """Problems the validator finds in this one answer (others are left for their own questions)."""
    line = FIELDS.index(spec) + 1
    positions = {s.key: (i + 1, 1) for i, s in enumerate(FIELDS)}
    _, found = check_answers(answers, ctx, "", Path("."), positions, header_line=0)
    return [d for d in found if d.line == line and not (d.code == "GS010" and not spec.required)]


def _skip(spec: FormField, answers: dict[str, Any], catalog: Catalog) -> bool:
    if spec.key == STORY_KEY:
        return True
    if spec.group == G_CONSENT:
        return not needs_consent(answers, catalog)
    opener = _BLOCK_OPENERS.get(spec.group)
    return bool(opener and opener != spec.key and not answers.get(opener))


def interview(asker: Asker, answers: dict[str, Any], ctx: Context) -> None:
    """Ask every question not answered by an option, re-asking an answer the validator refuses."""
    asker.say("Tạo hồ sơ gương điển hình mới. Trả lời từng câu hỏi; Tab để gợi ý, Ctrl+C để thôi.")
    group = ""
    for spec in FIELDS:
        if spec.key in answers or _skip(spec, answers, ctx.catalog):
            continue
        if spec.group != group:
            group = spec.group
            asker.say(f"\n— {group} —")
        for _attempt in range(MAX_TRIES):
            value = asker.ask(spec, answers)
            if value in ("", []):
                answers.pop(spec.key, None)
            else:
                answers[spec.key] = value
            problems = _problems_of(spec, answers, ctx)
            if not problems:
                break
            for problem in problems:
                asker.say(f"  ✗ {problem.message}")
        else:
            raise Stop


def _option_report(found: list[Diagnostic]) -> str:
    """Problems with given options: ``--year: error[GS015]: …``."""
    lines = []
    for d in found:
        spec = FIELDS[d.line - 1] if 1 <= d.line <= len(FIELDS) else None
        where = spec.option if spec and spec.key != STORY_KEY else ("--story-file" if spec else "hồ sơ")
        lines.append(f"{where}: {d.severity}[{d.code}]: {d.message}")
    return "\n".join(lines)


def run(args: argparse.Namespace, ctx: Context, exemplars: Path, err: TextIO | None = None,
        inp: TextIO | None = None, out: TextIO | None = None) -> int:
    """The ``new`` command; returns the exit code."""
    err, out, inp = err or sys.stderr, out or sys.stdout, inp or sys.stdin
    answers = _given(args)
    if args.draft:
        answers["draft"] = True
    missing = [s for s in FIELDS if s.required and s.key not in answers]
    if missing and not args.no_input:
        try:
            interview(Asker(inp, out, ctx.catalog, ctx.gazetteer), answers, ctx)
        except (Stop, KeyboardInterrupt):
            print("\nĐã dừng: chưa ghi hồ sơ nào.", file=err)
            return 1
    positions = {s.key: (i + 1, 1) for i, s in enumerate(FIELDS)}
    _, found = check_answers({STORY_KEY: "…", **answers}, ctx, "", Path("."), positions, header_line=0)
    if found:
        print(_option_report(found), file=err)
        print(f"Chưa ghi hồ sơ: {len(found)} lỗi.", file=err)
        return 1
    relative = os.path.relpath(exemplars, ctx.root).replace(os.sep, "/")
    path = record_path(answers, province_folders(ctx.gazetteer), relative)
    if (clash := duplicate(path, ctx.root, existing_slugs(exemplars))) is not None:
        print(clash.text(), file=err)
        return 1
    if not answers.get(STORY_KEY):
        answers["draft"] = True  # a skeleton is not a story yet: checked, but not published
    target = ctx.root / path
    write_records([(target, record_text(answers, path))])
    problems = recheck_file(target, path, ctx)
    if problems:  # cannot happen unless the writer and the validator disagree; never leave a broken file
        target.unlink()
        print("\n".join(d.text() for d in problems), file=err)
        return 1
    print(f"Đã tạo {path}", file=out)
    if answers.get("draft") and not args.draft:
        print("Hồ sơ đang là bản nháp (draft: true): viết câu chuyện thay cho khung có sẵn, rồi xóa dòng "
              "“draft: true” để đăng.", file=err)
    return 0

