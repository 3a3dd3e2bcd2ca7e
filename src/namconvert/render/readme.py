"""``README.md``: the model written back in the README shape the parser reads.

Organisers can keep the programme as data (``programme.json``) and regenerate
the README from it: ``parse(write(programme)) == programme``. The shape is the
NAM one: ``#`` title, description, ``##`` day headings with hours and notes,
``###`` linked session headings, "Organisers:"/"Chair:" lines and an HTML table
whose talk rows are followed by full-width abstract rows.

The time zone, language and (when no heading or title gives it) the year are
settings, not README text: keep ``namconvert.toml`` beside the README.
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from ..model import Person
from ..output import OutputWriter
from ..templating import make_environment, render_template
from ..views import View

NAME = "readme"
SUFFIX = ".md"
MEDIA_TYPE = "text/markdown"
TITLE = "Programme README"
OUTPUT = "README.md"

# CommonMark lets a backslash escape any ASCII punctuation; these are the characters
# that would otherwise start markup inline or a block at the start of a line.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|!])")
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Characters a link destination cannot hold unencoded.
_URL_UNSAFE = re.compile(r"[\s()<>\\\"]")


def markdown_text(text: str) -> Markup:
    """TEXT as inline Markdown that reads back as exactly TEXT (after white-space squashing)."""
    escaped = _ENTITY_LIKE.sub(r"\\&", _MARKDOWN_SPECIAL.sub(r"\\\1", text))
    # A list, quote, fence or setext marker at the start would open a block instead.
    escaped = re.sub(r"^([-+=~])", r"\\\1", escaped)
    escaped = re.sub(r"^(\d{1,9})([.)])", r"\1\\\2", escaped)
    return Markup(escaped)


def link_url(url: str) -> Markup:
    """A URL safe to place between ``(`` and ``)``: only the characters that would end it encoded."""
    return Markup(_URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode()),
                                  url))


def person(who: Person) -> Markup:
    name = markdown_text(who.name)
    if who.email:
        return Markup(f"[{name}]({link_url('mailto:' + who.email)})")
    if who.url:
        return Markup(f"[{name}]({link_url(who.url)})")
    return name


def title_cell(fragment: str) -> Markup:
    """A title in the NAM styling, ``<b><i> ... </i></b>``, unless it holds bold or italics itself:
    then the styling could not be told from the author's and would not read back."""
    if "<b>" in fragment or "<i>" in fragment:
        return Markup(fragment)
    return Markup(f"<b><i> {fragment} </i></b>")


def clock(value: object) -> str:
    return format(value, "%H:%M")


def render(view: View, out: OutputWriter) -> list[Path]:
    env = make_environment(view.options.templates, filters={
        "md": markdown_text, "url": link_url, "person": person, "clock": clock,
        "title_cell": title_cell})
    text = render_template(env, f"{NAME}/README.md.jinja", programme=view.programme)
    return [out.write_text(OUTPUT, text)]
