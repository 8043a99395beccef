"""brief: news articles about one story -> a short, structured, fully cited briefing.

    import brief

    settings = brief.Settings(length="short", formats=("md", "json"))
    built = brief.build(["seeds"], settings)      # read, brief, render: nothing written
    print(built.texts["md"])
    brief.write(built, settings)                  # out/YYYY-MM-DD-<slug>.md, .json

Everything here is the public API (``__all__``); inner modules may change. Names load on first
use, so ``import brief`` (and ``brief --help``) stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from brief.version import __version__

# name -> the module that defines it
_PUBLIC = {
    "build": "brief.api",
    "write": "brief.api",
    "read": "brief.api",
    "summarize": "brief.api",
    "Built": "brief.api",
    "daily": "brief.daily.run",
    "brief": "brief.pipeline",
    "Settings": "brief.config",
    "Daily": "brief.config",
    "load_settings": "brief.api",
    "Article": "brief.models",
    "Brief": "brief.models",
    "Item": "brief.models",
    "Section": "brief.models",
    "Source": "brief.models",
    "Support": "brief.models",
    "BriefError": "brief.errors",
    "ConfigError": "brief.errors",
    "InputError": "brief.errors",
    "OutputError": "brief.errors",
    "FetchError": "brief.errors",
    "DeliveryError": "brief.errors",
    "methods": "brief.scoring",
}
# the public name -> its name in that module, where the two differ
_RENAMED = {"daily": "main", "methods": "METHODS"}

__all__ = [
    "Article",
    "Brief",
    "BriefError",
    "Built",
    "ConfigError",
    "Daily",
    "DeliveryError",
    "FetchError",
    "InputError",
    "Item",
    "OutputError",
    "Section",
    "Settings",
    "Source",
    "Support",
    "__version__",
    "brief",
    "build",
    "daily",
    "load_settings",
    "methods",
    "read",
    "summarize",
    "write",
]

if TYPE_CHECKING:
    from brief.api import Built, build, load_settings, read, summarize, write
    from brief.config import Daily, Settings
    from brief.daily.run import main as daily
    from brief.errors import (
        BriefError,
        ConfigError,
        DeliveryError,
        FetchError,
        InputError,
        OutputError,
    )
    from brief.models import Article, Brief, Item, Section, Source, Support
    from brief.pipeline import brief
    from brief.scoring import METHODS as methods


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'brief' has no attribute {name!r}")
    value = getattr(importlib.import_module(_PUBLIC[name]), _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
