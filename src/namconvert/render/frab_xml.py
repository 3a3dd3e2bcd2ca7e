"""``schedule.xml``: the frab/Pentabarf schedule that conference apps (Giggity, EventFahrplan,
ConfClerk) read, from an autoescaped template with a control-character filter."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from .. import __version__
from ..config import Options
from ..events import shape, strip_control
from ..model import Programme
from ..output import OutputWriter
from ..templating import make_environment, render_template

NAME = "frab_xml"
SUFFIX = ".xml"
MEDIA_TYPE = "application/vnd.c3voc.schedule+xml"
TITLE = "Schedule for conference apps (frab XML)"
OUTPUT = "schedule.xml"


def dumps(programme: Programme, options: Options) -> str:
    env = make_environment(options.templates, filters={"x": strip_control})
    schedule = shape(programme, options)
    base = schedule.base_url
    schedule_url = urljoin(base if base.endswith("/") else base + "/", OUTPUT) if base else None
    return render_template(env, f"{NAME}/schedule.xml.jinja", schedule=schedule,
                           schedule_url=schedule_url, generator_version=__version__)


def render(programme: Programme, options: Options, out: OutputWriter) -> list[Path]:
    return [out.write_text(OUTPUT, dumps(programme, options))]
