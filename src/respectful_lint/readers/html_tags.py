"""The names of HTML elements and attributes that the HTML reader and the Markdown readers treat
alike, apart from the HTML reader itself: a Markdown file without raw HTML never needs the
parser (:mod:`html.parser`) that the HTML reader is built on.
"""

from __future__ import annotations

from ..lazyre import lazy_compile
from ..wordsets import word_set as _words

INLINE = _words(
    "a abbr acronym b bdi bdo big cite data del dfn em font i ins mark nobr q rb rp rt "
    "ruby s small span strike strong sub sup time u wbr"
)
# code and its kin: <var> names a variable, <tt> is the old element for code
SKIP = _words("script style template code pre kbd samp var tt svg math xmp listing plaintext")
SKIP_INLINE = _words("code kbd samp var tt svg math")  # inline: replaced by a placeholder
VOID = _words("area base br col embed hr img input keygen link meta param source track wbr")
DATA_ATTRIBUTES: tuple[str, ...] = (
    "data-*error*",
    "data-*help*",
    "data-*hint*",
    "data-*message*",
    "data-msg*",
    "data-val-*",
    "data-*tooltip*",
    "data-*title",
    "data-*label",
    "data-*description",
    "data-*placeholder",
)

TAG_NAME = lazy_compile(r"</?([A-Za-z][^\s/>]*)")


def tag_name(raw: str) -> tuple[str, bool] | None:
    """The lower-case element name of a raw tag and whether it is an end tag."""
    m = TAG_NAME.match(raw)
    return (m.group(1).lower(), raw.startswith("</")) if m else None
