"""Word classes: can a word be a noun, a verb, an adjective?

Open classes come from the English lemma table that ships inside the ``lemminflect``
distribution (``resources/lemma_lu.csv.gz``: word, class, lemma). It is read lazily, the first
time a rule asks, and never imported as a Python package (that would load numpy); a run with
the on-disk cache keeps what it read there (see :func:`use_store`). Closed classes
(pronouns, determiners, prepositions, conjunctions, auxiliaries) are grammar and are listed here;
they win over the table, which also lists rare noun senses of words like "or" and "I".

Classes: ``noun``, ``verb``, ``adj``, ``adv``, ``function`` (a closed-class word) and ``none``
(no word follows: the sentence or clause ends).
"""

from __future__ import annotations

import importlib.util
import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .digest import digest as new_digest
from .lazyre import lazy_compile
from .wordsets import word_set as _words

if TYPE_CHECKING:
    from .scan_base import DatabaseStore

WORD_CLASSES = ("noun", "verb", "adj", "adv", "function", "none")


FUNCTION_WORDS = _words(
    # pronouns
    "i me my mine we us our ours you your yours he him his she her hers it its they them their "
    "theirs who whom whose which what that this these those there here myself yourself himself "
    "herself itself ourselves themselves everyone everybody someone somebody anyone nobody "
    # determiners and quantifiers
    "a an the some any no every each all both either neither many much more most few fewer "
    "several such another other "
    # prepositions and particles
    "of in on at to for from by with without into onto upon about above below over under "
    "between among through during before after since until till against toward towards across "
    "along around behind beyond near off out up down via per than as like unlike despite "
    "amid amidst amongst within throughout beside beneath underneath alongside atop unto "
    "versus whilst including excluding regarding concerning "
    # conjunctions and complementizers
    "and or but nor so yet if because while when whenever where whereas although though unless "
    "whether once "
    # auxiliaries and copulas
    "is are was were be been being am do does did have has had having can could will would "
    "shall should may might must cannot "
    # cardinal numbers, which count a noun rather than name one ("three addicts"); "one" also
    # stands for a noun ("the disabled one"), so it is left to the table
    "zero two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million dozen dozens hundreds thousands millions "
    # adverbs of degree and negation that never head a noun phrase
    "not never also often always still too very just only even already again"
)
# Nouns for people that the table also lists as verbs ("to man the desk", "to people")
_PEOPLE_NOT_VERBS = _words(
    "man people person mother father crowd camp vet family parent partner staff host"
)
# Nouns for people that the table lists only as verbs: "the disabled vets"
_ALSO_NOUNS = _words("vet vets")
# The first words of prepositions that end in "of"
_BEFORE_OF = _words("ahead instead because regardless irrespective outside inside out")
# Prepositions after a participle that show it is the verb of a reduced clause: "the homeless
# engaged in …", "the disabled placed in care"
_CLAUSE_PREPOSITIONS = _words(
    "in on at to from into onto under near along across around inside outside behind by with "
    "without through throughout since"
)
# Words after an ambiguous noun/verb that show it is the verb: "the homeless need the …".
_OBJECT_STARTERS = _words(
    "that the a an their them it this these those his her our its to what how why more "
    "themselves himself herself ourselves yourselves him"
)


def _table_path() -> Path | None:
    spec = importlib.util.find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        path = Path(location) / "resources" / "lemma_lu.csv.gz"
        if path.is_file():
            return path
    return None


_ROW = lazy_compile(r"^([^,\n]+),([a-z]+),", re.MULTILINE)
_BITS = {"noun": 1, "verb": 2, "aux": 2, "adj": 4, "adv": 8}
_SETS = tuple(
    frozenset(name for name, bit in (("noun", 1), ("verb", 2), ("adj", 4), ("adv", 8)) if n & bit)
    for n in range(16)
)


# The table, read from its gzip file (about 70 ms), is kept in a store (the on-disk cache,
# see :func:`use_store`) as plain text: one line per set of classes, its bit set and then its
# words, all separated by commas (a word of the table never holds a comma or a line break).
# Reading that back takes about a fifth of that. What comes back is only words and small numbers:
# a stored table that is not exactly that is ignored and the gzip file read instead.
_STORE_FORMAT = 1
_BIT_SETS = {str(n): n for n in range(16)}  # how a line of the stored table may start
_store: DatabaseStore | None = None


def use_store(store: DatabaseStore | None) -> None:
    """Keep the table read from its file in ``store`` between runs (None: read the file)."""
    global _store
    _store = store


def stored() -> bool:
    """Whether the table is kept in a store (see :func:`use_store`)."""
    return _store is not None


@cache
def _table() -> dict[str, int]:
    """Open-class word -> a bit set of its possible classes (empty when the data is missing).

    Read once per process, the first time a rule asks; about 80,000 rows."""
    path = _table_path()
    if path is None:
        return {}
    store = _store
    key = _store_key(path) if store is not None else None
    if store is not None and key is not None:
        data = store.load_blob(key)
        found = _decoded(data) if data is not None else None
        if found is not None:
            return found
    found = _read_table(path)
    if store is not None and key is not None and found:
        store.store_blob(key, _encoded(found))
    return found


def _read_table(path: Path) -> dict[str, int]:
    import gzip  # imported here: most runs never ask

    try:
        data = gzip.decompress(path.read_bytes()).decode("utf-8").lower()
    except (OSError, EOFError, UnicodeDecodeError):
        return {}
    found: dict[str, int] = {}
    get = found.get
    bits = _BITS
    for word, kind in _ROW.findall(data):
        found[word] = get(word, 0) | bits.get(kind, 0)
    return found


def _store_key(path: Path) -> str | None:
    """The store key of the table read from ``path`` by this module's code, or None."""
    try:
        parts = [os.stat(path), os.stat(__file__)]
    except OSError:
        return None
    digest = new_digest(f"{_STORE_FORMAT}\0{path}".encode("utf-8", "surrogatepass"))
    for st in parts:
        digest.update(f"\0{st.st_size}:{st.st_mtime_ns}".encode())
    return "word-classes-" + digest.hexdigest()


def _encoded(table: dict[str, int]) -> bytes:
    by_bits: dict[int, list[str]] = {}
    for word, bits in table.items():
        by_bits.setdefault(bits, []).append(word)
    lines = (",".join([str(bits), *words]) for bits, words in sorted(by_bits.items()))
    return "\n".join(lines).encode("utf-8")


def _decoded(data: bytes) -> dict[str, int] | None:
    """The table :func:`_encoded` made, or None for anything else."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    found: dict[str, int] = {}
    for line in text.split("\n"):
        head, _, rest = line.partition(",")
        if head not in _BIT_SETS or not rest:
            return None
        words = rest.split(",")
        if "" in words:
            return None
        found.update(dict.fromkeys(words, _BIT_SETS[head]))
    return found


def available() -> bool:
    """Whether the word-class table can be read."""
    return bool(_table())


# Auxiliaries with "not" joined to them, with or without the apostrophe ("don't", "dont")
_NEGATED = ("n't", "n\u2019t")
_NEGATED_BARE = frozenset(
    (  # noqa: SIM905 (a list of words reads better as words)
        "dont doesnt didnt cant wont isnt arent wasnt werent havent hasnt hadnt shouldnt "
        "wouldnt couldnt mustnt"
    ).split()
)


# endings of participles of verbs made with -ify and -ize, which the table may not list
_PARTICIPLE_ENDINGS = ("ified", "ized", "ised")


def classes(word: str, *, capitalized: bool = False) -> frozenset[str]:
    """The classes ``word`` can have. Unknown words count as nouns (names, identifiers, jargon),
    so that a rule that asks "is a noun next?" errs on the side of not reporting."""
    lower = word.lower()
    base = lower.split("'", 1)[0]
    if lower in FUNCTION_WORDS or base in FUNCTION_WORDS or lower.replace(",", "").isdigit():
        return frozenset({"function"})
    if lower.endswith(_NEGATED) or lower in _NEGATED_BARE:
        return frozenset({"function"})  # an auxiliary with "not": "the homeless don't …"
    known = _table().get(lower, 0)
    if lower in _ALSO_NOUNS:
        known |= 1
    if not known and len(lower) > 6 and lower.endswith(_PARTICIPLE_ENDINGS):
        known = 4  # an unlisted participle of a verb in -ify or -ize ("zombified"), used as
        # an adjective: read as a verb it would take the noun after it as its object
    if capitalized and not lower.startswith(("i'", "i\u2019")):
        return _SETS[known | 1]
    return _SETS[known] if known else _SETS[1]


def listed(word: str) -> bool:
    """Whether ``word`` is a word of the language (a closed-class word or one the table
    lists), rather than a name or jargon."""
    lower = word.lower()
    return lower in FUNCTION_WORDS or _table().get(lower, 0) != 0


def _noun_head(word: str) -> bool:
    """Whether ``word`` can head a noun phrase after adjectives: a noun that is no function
    word, or a hyphenated compound."""
    if "-" in word:
        return True
    found = classes(word)
    if "verb" in found and not word.endswith("s") and word not in _PEOPLE_NOT_VERBS:
        return False  # a plural subject's verb: "the homeless and hungry need …"
    return "noun" in found and "function" not in found


def next_word_classes(
    words: list[str], *, capitalized: bool = False, plural_subject: bool = True
) -> frozenset[str]:
    """The classes the first of ``words`` can have where it stands, ``none`` when there is no
    word. A word that can be a noun or a verb counts as a verb when an object follows it ("the
    homeless need the …"), unless it ends in -s: the rules that ask follow a plural group
    noun, so "the homeless shelters" has the noun. After a singular ("an alien body") a verb
    would end in -s, so a word that can be a noun is one."""
    if not words:
        return frozenset({"none"})
    if "-" in words[0] or "_" in words[0]:
        return frozenset({"noun", "adj"})  # a compound or an identifier ("built-in", "use_x")
    if words[0] in _BEFORE_OF and len(words) > 1 and words[1] == "of":
        return frozenset({"function"})  # a preposition of two words: "ahead of", "instead of"
    if words[0] in ("and", "or") and len(words) > 1:
        rest = words[1:]
        if len(rest) > 1 and rest[0].endswith("ly") and "adv" in classes(rest[0]):
            rest = rest[1:]  # "or recently homeless families"
        described = "adj" in classes(rest[0]) or (
            rest[0].endswith("ed") and "verb" in classes(rest[0])
        )
        if described:
            if len(rest) > 1 and _noun_head(rest[1]):
                # adjectives in a row before a noun: "the undocumented and unofficial workers",
                # "the homeless or recently homeless families"
                return frozenset({"adj"})
            return frozenset({"function"})  # two groups: "the homeless and hungry"
    if words[0] == "loved" and words[1:2] in (["one"], ["ones"]):
        return frozenset({"adj"})  # "their mentally ill loved ones"
    found = classes(words[0], capitalized=capitalized)
    third_person = words[0].endswith("s") and not words[0].endswith("ss")
    # After a group noun ("the homeless"), a verb takes the plural: "shelters" is the noun.
    ambiguous = "noun" in found and "verb" in found and len(words) > 1
    if ambiguous and words[0] in _PEOPLE_NOT_VERBS:
        return found - {"verb"}  # "the homeless man left": a person, not "to man"
    if ambiguous and plural_subject and not (third_person or capitalized):
        then = classes(words[1])
        if then == frozenset({"verb"}):
            return found - {"verb"}  # a noun then its verb: "the disabled bit specifies"
        if words[1] in _OBJECT_STARTERS or (
            "function" not in then and ("noun" not in then or then & {"adj", "adv"})
        ):
            # an object or a complement follows: "the homeless need the …", "stay warm"
            return found - {"noun"}
    if (
        len(words) > 1
        and words[1] in _CLAUSE_PREPOSITIONS
        and found & {"verb"}
        and not found & {"noun", "function"}
        and (words[0].endswith("ed") or (words[0].endswith("ing") and "adj" in found))
    ):
        # a participle with its preposition: "the homeless engaged in", "the disabled placed
        # in"; not an -ing word that only the table calls a verb, which often names a thing
        # ("the disabled parking at the station")
        return frozenset({"verb"})
    # ("during winter" is a preposition and its object)
    gerund = words[0].endswith("ing") and not found & {"noun", "function"}
    if gerund and len(words) > 1 and "noun" in classes(words[1]):
        return found | {"noun"}  # a gerund before a noun ("the disabled parking bay")
    return found
