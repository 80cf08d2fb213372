"""The web checker: a private page, served on this computer, for checking and fixing drafts.

Installed with the ``web`` extra (``pip install 'respectful-lint[web]'``) and started with
``respectful-lint serve``. It uses the command line's readers, engine and lexicons; all it
needs from a fixer comes from :mod:`respectful_lint.fixer`, :mod:`respectful_lint.docxfix`
and :mod:`respectful_lint.edits`.

This module imports nothing from the web stack, so the command line can ask
:func:`missing` before importing :mod:`respectful_lint.web.server`.
"""

from __future__ import annotations

from importlib.util import find_spec

REQUIRED = ("starlette", "uvicorn", "python_multipart", "jinja2")


def missing() -> list[str]:
    """The web extra's modules that cannot be imported here."""
    return [name for name in REQUIRED if find_spec(name) is None]
