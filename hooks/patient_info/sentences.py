"""Sentences and their words, counted one way for the content check and for the built pages.

`make check` reports a sentence that is too long at its YAML line; the build measures the
same sentences on the page a reader sees. Both count with these functions, so they agree.
"""

from __future__ import annotations

import re

LONG_SENTENCE_WORDS = 20  # the NHS content guide's limit: listed in the report
TOO_LONG_SENTENCE_WORDS = 25  # more stops the build and `make check`

# A sentence ends at . ! or ? before anything but a lowercase letter ("e.g. the"); a label's colon before a
# capital letter ends it too ("The aim of treatment: Treatment ...").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^a-z])|(?<=:)\s+(?=[A-Z])")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


def split_sentences(block: str) -> list[str]:
    """A block's sentences. A block without an end mark (a heading, a list item) is one sentence."""
    if not block.endswith((".", "!", "?")):
        block = block.rstrip(":;,") + "."
    return [sentence for sentence in _SENTENCE_END.split(block) if sentence]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))
