"""What a selector names: the one grammar of ``--select``, ``--ignore``, ``per-file-ignores``
and suppression comments.

A selector is ``ALL``, a category (``sex-work``), a lexicon's id (``sex-work``, or
``sex-work/``: every rule of the lexicon), a whole rule id (``sex-work/hooker``: that rule only,
not ``sex-work/hooker-slang``), or a prefix that ends in ``*`` (``sex-work/pro*``). A rule id
never matches a longer id by its first characters alone, as Vale and ESLint read rule names:
``sex-work/ho`` is no selector of ``sex-work/hooker``.
"""

from __future__ import annotations


def selects(selector: str, rule_id: str, category: str) -> bool:
    """Whether ``selector`` names the rule ``rule_id`` of ``category``."""
    if selector in (rule_id, category) or selector.upper() == "ALL":
        return True
    if selector.endswith("*"):
        return rule_id.startswith(selector[:-1])
    if selector.endswith("/"):
        return rule_id.startswith(selector)
    return "/" not in selector and rule_id.startswith(selector + "/")


def names_of(rule_id: str, category: str) -> set[str]:
    """Every selector, as it may be written, that names ``rule_id`` of ``category``: for
    finding the suppressions keyed by the names they were written with."""
    lexicon = rule_id.split("/", 1)[0]
    names = {rule_id, category, lexicon, lexicon + "/", "ALL"}
    names.update(rule_id[:i] + "*" for i in range(len(rule_id) + 1))
    return names
