"""A page's HTML → its text, one string per block (paragraph, list item, heading, table cell)."""

from __future__ import annotations

from html.parser import HTMLParser

BLOCK_TAGS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "caption", "dt", "dd",
                        "summary", "figcaption", "blockquote", "div", "section", "article", "table", "ul", "ol"})
SKIPPED_TAGS = frozenset({"script", "style", "template", "svg"})


def text_blocks(html: str) -> list[str]:
    """The text of each innermost block, whitespace folded, in reading order."""
    parser = _BlockParser()
    parser.feed(html)
    parser.close()
    return [block for block in parser.blocks if block]


class _BlockParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._open: list[list[str]] = [[]]
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self._skipping += 1
        elif tag in BLOCK_TAGS:
            self._flush()
            self._open.append([])

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in BLOCK_TAGS and len(self._open) > 1:
            self._flush()
            self._open.pop()

    def handle_data(self, data):
        if not self._skipping:
            self._open[-1].append(data)

    def close(self):
        super().close()
        self._flush()

    def _flush(self):
        """Text gathered so far in the current block becomes a block of its own."""
        text = " ".join("".join(self._open[-1]).split())
        if text:
            self.blocks.append(text)
        self._open[-1] = []
