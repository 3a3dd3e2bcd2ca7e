"""What a careful human reads in each real programme of ../shared/corpus/.

One module per corpus file, written by reading the file, never from the parser's output.
"""

import datetime as dt
import importlib
import pkgutil
from typing import Any

# Files read before these modules were written, and the flags their SOURCES.md row names.
_EARLIER: dict[str, dict[str, Any]] = {
    "duetosymmetry__pcgm34-web-site__Schedule.md": {"start_date": "2018-03-16"},
}


def corpus_flags(name: str) -> dict[str, Any]:
    """The settings SOURCES.md names for corpus file NAME, as make_options takes them."""
    flags: dict[str, Any] = dict(_EARLIER.get(name, {}))
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if getattr(module, "FILE", None) == name:
            flags.update(module.OPTIONS)
    if "start_date" in flags:
        flags["start_date"] = dt.date.fromisoformat(flags["start_date"])
    return flags
