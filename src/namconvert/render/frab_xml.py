"""``schedule.xml``: the frab/Pentabarf schedule that conference apps (Giggity, EventFahrplan,
ConfClerk) read, from an autoescaped template with a control-character filter."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from .. import __version__
from ..output import OutputWriter
from ..templating import make_environment, render_template
from ..views import View
from ..views.text import strip_control

NAME = "frab_xml"
SUFFIX = ".xml"
MEDIA_TYPE = "application/vnd.c3voc.schedule+xml"
TITLE = "Schedule for conference apps (frab XML)"
OUTPUT = "schedule.xml"


def dumps(view: View) -> str:
    env = make_environment(view.options.templates, filters={"x": strip_control})
    schedule = view.schedule
    base = schedule.base_url
    schedule_url = urljoin(base if base.endswith("/") else base + "/", OUTPUT) if base else None
    return render_template(env, f"{NAME}/schedule.xml.jinja", schedule=schedule,
                           schedule_url=schedule_url, generator_version=__version__)


def render(view: View, out: OutputWriter) -> list[Path]:
    return [out.write_text(OUTPUT, dumps(view))]
