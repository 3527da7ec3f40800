"""Skeletons (guongsang.mkdocs.skeleton) on a small frame: holes filled per page, the frame rendered once, and pages
outside a frame, or whose first heading is not on the page, rendered whole."""

from __future__ import annotations

from types import SimpleNamespace

import jinja2
import pytest

from guongsang.mkdocs import skeleton

FRAME = ('{% import "lang.html" as lang with context %}<html>{% block htmltitle %}<title>{{ page.title }}</title>'
         '{{ lang.hello() }}{% endblock %}|{{ frame() }}|'
         '{% if page.toc | first is defined %}<a href="{{ (page.toc | first).url }}">skip</a>{% endif %}'
         '{% block container %}{% block content %}{% endblock %}{% endblock %}</html>')
TEMPLATES = {
    "base.html": FRAME,
    "lang.html": "{% macro hello() %}hello {{ page.title }}{% endmacro %}",
    "child.html": '{% extends "base.html" %}{% block content %}<p>{{ page.body }}</p>{{ super() }}{% endblock %}',
    "plain.html": "<p>{{ page.title }}</p>",
}


@pytest.fixture
def env(monkeypatch):
    calls: list[str] = []
    environment = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES))
    skeleton.install(environment)
    environment.globals["frame"] = lambda: calls.append("frame") or "F"
    monkeypatch.setattr(skeleton, "shape", lambda *args: ("same shape",))
    environment.calls = calls
    return environment


def page(title: str, body: str = "", toc: tuple = ()) -> dict:
    return {"page": SimpleNamespace(title=title, body=body, toc=[SimpleNamespace(url=u) for u in toc]),
            "nav": object(), "gs_page": object(), "base_url": ".."}


def test_pages_of_one_shape_share_the_frame_and_keep_their_own_blocks(env):
    template = env.get_template("child.html")
    pages = [page("Một", "một"), page("Hai", "hai"), page("Ba", "ba", ("#dau",)), page("Bốn", "bốn", ("#cuoi",))]
    filled = [template.render(p) for p in pages]
    assert len(env.calls) == 2  # one frame with headings, one without
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(skeleton, "ENABLED", False)
    try:
        assert filled == [template.render(p) for p in pages]
    finally:
        monkeypatch.undo()
    assert filled[0] == "<html><title>Một</title>hello Một|F|<p>một</p></html>"  # the macros imported again
    assert filled[3] == ('<html><title>Bốn</title>hello Bốn|F|'
                         '<a href="#cuoi">skip</a><p>bốn</p></html>')


def test_a_template_outside_the_frame_is_rendered_whole_for_every_page(env):
    template = env.get_template("plain.html")
    assert [template.render(page(t)) for t in ("Một", "Hai")] == ["<p>Một</p>", "<p>Hai</p>"]


def test_a_first_heading_on_another_page_is_not_a_shape(env):
    assert skeleton._key(env.get_template("child.html"), page("Một", toc=("khac/#dau",))) is None
