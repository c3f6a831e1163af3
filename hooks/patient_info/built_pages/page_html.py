"""One pass over a page's HTML: link the first use of each glossary term, and collect the text.

It works on the HTML, so it sees the words exactly as readers do, whichever template or page
wrote them. Text inside links, headings, buttons and code is not linked: a link inside a link
is invalid, and a heading is the wrong place to send readers away. The text comes out block by
block (paragraph, list item, heading, table cell) for the readability figures.

Each linked term's definition goes into the page too, at its end, in a <template> (shown by
nothing, read by no screen reader, left out of search): assets/glossary-terms.js shows it in
place when the term is tapped, so the explanation needs no other page and no request. Without
JavaScript the term is a link to its place in the glossary.

Lexbor (through selectolax) parses and writes the HTML: about 0.1 ms a page, where two passes
of Python's html.parser took 1.9 ms, a fifth of a 1,000-topic build.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..model.glossary import Glossary, GlossaryTerm
from ..wording import wording

# Headings, table headers and a form's legends label what follows them: a term is linked in the text instead.
NO_LINK_TAGS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "th", "caption", "button", "label", "legend", "code",
                          "pre", "textarea", "title", "abbr", "dfn", "summary", "select", "option"})
BLOCK_TAGS = frozenset({"p", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "caption", "dt", "dd",
                        "summary", "figcaption", "blockquote", "div", "section", "article", "table", "ul", "ol"})
# Neither read nor linked: not text a reader reads.
SKIPPED_TAGS = frozenset({"script", "style", "template", "svg"})
LINK_CLASS = "glossary-term"
DEFINITION_ID = "glossary-definition-{}"  # a linked term's <template>, by term id: glossary-terms.js finds it


@dataclass(frozen=True)
class PageText:
    html: str  # the page, with glossary links if it asked for them
    blocks: tuple[str, ...]  # the text of each innermost block, whitespace folded, in reading order


def read_page(page_html: str, glossary: Glossary, glossary_href: str | None, *, language: str = "en") -> PageText:
    """The page's text blocks, and its HTML with each term's first linkable use linked to
    glossary_href#<term id> (left as it is when glossary_href is None), except terms in its h1, and
    the linked terms' definitions at its end (in the site's `language`)."""
    tree = LexborHTMLParser(page_html, is_fragment=True)
    reader = _Reader(tree, glossary, glossary_href)
    # A page's own subject (the surgery page's "surgery") is not sent away to the glossary.
    title = tree.css_first("h1")
    if title is not None:
        reader.linked.update(match.term.id for match in glossary.find(title.text()))
    reader.read_siblings(tree.root, linking=glossary_href is not None)
    reader.end_block()
    if not reader.changed:
        return PageText(page_html, tuple(reader.blocks))
    definitions = "".join(definition_template(term, glossary_href, language) for term in reader.terms)
    return PageText(tree.html + definitions, tuple(reader.blocks))


def definition_template(term: GlossaryTerm, glossary_href: str, language: str) -> str:
    """A term's definition as the page carries it, with a link to its place in the glossary. Neither search
    (Pagefind's, nor Material's in the offline copy) takes it as the page's own text."""
    words = wording(language)
    more = words("“{term}” in the glossary", term=term.term)
    return (f'<template id="{DEFINITION_ID.format(term.id)}" data-search-exclude data-pagefind-ignore="all">'
            f'<span class="glossary-definition"><strong>{html.escape(term.term)}:</strong> '
            f"{html.escape(term.definition)} "
            f'<a href="{html.escape(f"{glossary_href}#{term.id}")}">{html.escape(more)}</a></span></template>')


class _Reader:
    def __init__(self, tree: LexborHTMLParser, glossary: Glossary, glossary_href: str | None):
        self.tree = tree
        self.glossary = glossary
        self.href = glossary_href
        self.linked: set[str] = set()
        self.terms: list[GlossaryTerm] = []  # the terms linked, in order
        self.blocks: list[str] = []
        self.text: list[str] = []
        self.changed = False

    def read_siblings(self, node: LexborNode | None, *, linking: bool) -> None:
        while node is not None:
            following = node.next  # read first: linking replaces the node
            if node.is_text_node:
                self.text.append(node.text_content)
                if linking:
                    self._link(node)
            elif node.is_element_node and node.tag not in SKIPPED_TAGS:
                block = node.tag in BLOCK_TAGS
                if block:
                    self.end_block()
                self.read_siblings(node.child, linking=linking and node.tag not in NO_LINK_TAGS)
                if block:
                    self.end_block()
            node = following

    def end_block(self) -> None:
        """Text gathered since the last block boundary becomes a block of its own."""
        text = " ".join("".join(self.text).split())
        if text:
            self.blocks.append(text)
        self.text = []

    def _link(self, node: LexborNode) -> None:
        text = node.text_content
        if text.isspace() or len(self.linked) == len(self.glossary.terms):
            return
        position = 0
        for match in self.glossary.find(text):
            term = match.term
            if term.id in self.linked:
                continue
            self.linked.add(term.id)
            self.terms.append(term)
            link = self.tree.create_node("a")
            link.attrs["class"] = LINK_CLASS
            link.attrs["href"] = f"{self.href}#{term.id}"
            link.insert_child(text[match.start:match.end])
            if match.start > position:
                node.insert_before(text[position:match.start])
            node.insert_before(link)
            position = match.end
        if position:
            if position < len(text):
                node.insert_before(text[position:])
            node.decompose()
            self.changed = True
