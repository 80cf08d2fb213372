"""Checks of what a lexicon declares once for its entries to refer to: its sources, its named
word lists and its concept groups; and the references to them that guard tests resolve."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from ..inflect import normalize_term, phrase_too_long
from ..model import ConceptGroup, Source
from ..validation import did_you_mean as _hint
from ..validation import last_key as _key
from ..validation import typename as _typename
from .validate_base import GROUP_KEYS, GROUP_REF_RE, ID_RE, SOURCE_KEYS, UNDATED, BaseChecks
from .yamlload import Path


class DeclaredChecks(BaseChecks):
    """The lexicon's ``sources:``, ``lists:`` and ``groups:``, and references to them."""

    # --- sources -------------------------------------------------------------------------------

    def sources(self, raw: Any) -> dict[str, Source]:
        if not isinstance(raw, dict):
            self.fail(("sources",), f"'sources' must be a mapping, got {_typename(raw)}")
        out: dict[str, Source] = {}
        for key, value in raw.items():
            source = self.attempt(partial(self.source, key, value))
            if source is not None:
                out[key] = source
        return out

    def source(self, key: str, value: Any) -> Source:
        path: Path = ("sources", key)
        spec = self.mapping(value, path, SOURCE_KEYS, f"source '{key}'")
        title = self.string(self.require(spec, path, "title", f"source '{key}'"), (*path, "title"))
        url = self.string(self.require(spec, path, "url", f"source '{key}'"), (*path, "url"))
        if not re.match(r"^https?://\S+$", url):
            self.fail((*path, "url"), f"'url' of source '{key}' must be an http(s) URL")
        year: int | str | None = None
        if spec.get("year") == UNDATED:
            year = UNDATED
        elif "year" in spec:
            year = self.integer(spec["year"], (*path, "year"))
        return Source(key=key, title=title, year=year, url=url)

    # --- named word lists (the guard tests that use them are in ``respectful_lint.guards``) ---

    def word_lists(self, raw: Any) -> dict[str, tuple[str, ...]]:
        if not isinstance(raw, dict):
            self.fail(("lists",), f"'lists' must be a mapping, got {_typename(raw)}")
        out: dict[str, tuple[str, ...]] = {}
        for name, words in raw.items():
            path: Path = ("lists", name)
            if not isinstance(name, str) or not ID_RE.match(name):
                self.fail(
                    path,
                    f"list name {name!r} must be lower-case letters, digits and hyphens",
                    key=True,
                )
            found = self.attempt(partial(self.strings, words, path, nonempty_list=True))
            if found is not None:
                out[name] = found
        return out

    def named_list(self, name: Any, path: Path) -> tuple[str, ...]:
        words = self.lists.get(name)
        if words is None:
            known = sorted(self.lists)
            hint = _hint(str(name), known) or (
                f" (this lexicon declares {', '.join(known)})"
                if known
                else " (this lexicon declares no 'lists:')"
            )
            self.fail(path, f"unknown list '{name}' in '{_key(path)}'{hint}")
        return words

    def term(self, text: str) -> str:
        return normalize_term(text)

    # --- concept groups (conflation rules) -----------------------------------------------------

    def group_ref(self, ref: str, path: Path) -> str:
        return self.qualify(ref, path)

    def qualify(self, ref: str, path: Path) -> str:
        if not GROUP_REF_RE.match(ref):
            self.fail(path, f"group id {ref!r} must be 'name' or 'lexicon/name'")
        return ref if "/" in ref else f"{self.lexicon_id}/{ref}"

    def groups(self, raw: Any, lex_id: str) -> tuple[ConceptGroup, ...]:
        if not isinstance(raw, dict):
            self.fail(("groups",), f"'groups' must be a mapping, got {_typename(raw)}")
        found = (
            self.attempt(partial(self.group, key, value, lex_id)) for key, value in raw.items()
        )
        return tuple(group for group in found if group is not None)

    def group(self, key: Any, value: Any, lex_id: str) -> ConceptGroup:
        path: Path = ("groups", key)
        if not isinstance(key, str) or not GROUP_REF_RE.match(key):
            self.fail(path, f"group id {key!r} must be 'name' or 'lexicon/name'", key=True)
        spec = self.mapping(value, path, GROUP_KEYS, f"group '{key}'")
        terms = self.strings(
            self.require(spec, path, "terms", f"group '{key}'"),
            (*path, "terms"),
            nonempty_list=True,
        )
        for i, term in enumerate(terms):
            if not term.strip("*~- \t"):  # "*" alone would stand for any word at all
                self.fail((*path, "terms", i), f"term {term!r} of group '{key}' has no word")
            if (why := phrase_too_long(term)) is not None:
                self.fail((*path, "terms", i), f"group '{key}': {why}")
        extends = "/" in key
        if extends:
            description = ""
            if "description" in spec:
                description = self.string(spec["description"], (*path, "description"))
        else:
            description = self.string(
                self.require(spec, path, "description", f"group '{key}'"),
                (*path, "description"),
            )
        inflect = self.boolean(spec.get("inflect", True), (*path, "inflect"))
        return ConceptGroup(
            id=key if extends else f"{lex_id}/{key}",
            description=description,
            terms=tuple(normalize_term(t) for t in terms),
            inflect=inflect,
            extends=extends,
            line=self.doc.where(path)[0],
        )
