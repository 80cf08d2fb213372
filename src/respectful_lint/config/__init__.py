"""Project configuration: finding it, reading it and checking every key.

A configuration is ``.respectful-lint.yaml`` (or ``.yml``), or the ``[tool.respectful-lint]``
table of ``pyproject.toml``. It is looked for in the current folder and then in each parent
folder up to the root; the first folder that has one wins, and in one folder the YAML file wins
over ``pyproject.toml``. Keys are the command-line option names (kebab-case); options given on
the command line replace the configuration's values, lists included. A configuration may
``extend`` presets and other files (see :mod:`.load`).

Every problem is one :class:`ConfigError` line that starts with ``file:line:col:`` and names
the key. Nothing heavy is imported while looking: a folder without a configuration costs a few
``stat`` calls, and ``pyproject.toml`` is parsed only when its text mentions the table.

The package: :mod:`.model` (:class:`Config`, :class:`Settings`), :mod:`.load` (discovery,
reading, ``extends``), :mod:`.tomlfile` (TOML parsing and key positions), :mod:`.check`
(every key's checks) and :mod:`.globs` (patterns).
"""

from __future__ import annotations

from .load import (
    CONFIG_FILES,
    PYPROJECT,
    TABLE,
    builtin_presets,
    discover_config,
    find_config,
    load_config,
)
from .model import Config, ConfigError, KeyPath, Origin, Settings, Where

__all__ = [
    "CONFIG_FILES",
    "PYPROJECT",
    "TABLE",
    "Config",
    "ConfigError",
    "KeyPath",
    "Origin",
    "Settings",
    "Where",
    "builtin_presets",
    "discover_config",
    "find_config",
    "load_config",
]
