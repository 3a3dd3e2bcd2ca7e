"""``programme.json``: the model itself, for anyone who wants the data."""

from __future__ import annotations

import json
from pathlib import Path

from ..model import Programme
from ..output import OutputWriter
from ..serialise import to_dict
from ..views import View

NAME = "json"
SUFFIX = ".json"
MEDIA_TYPE = "application/json"
TITLE = "Programme data (JSON)"
OUTPUT = "programme.json"


def dumps(programme: Programme) -> str:
    return json.dumps(to_dict(programme), ensure_ascii=False, indent=2) + "\n"


def render(view: View, out: OutputWriter) -> list[Path]:
    return [out.write_text(OUTPUT, dumps(view.programme))]
