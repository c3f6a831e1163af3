"""Links the first use of each glossary term on a page to its definition.

Works on the page's HTML, so it sees the words exactly as readers do, whichever template or
page wrote them. Text inside links, headings, buttons and code is left alone: a link inside a
link is invalid, and a heading is the wrong place to send readers away.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from .glossary import Glossary

# Headings and table headers label what follows them: a term is linked in the text instead.
NO_LINK_TAGS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "th", "caption", "button", "label", "code", "pre",
                          "script", "style", "textarea", "title", "abbr", "dfn", "svg", "summary", "select", "option"})
LINK_CLASS = "glossary-term"


def link_first_uses(page_html: str, glossary: Glossary, glossary_href: str) -> str:
    """The HTML with each term's first linkable use wrapped in a link to glossary_href#<term id>."""
    linker = _Linker(glossary, glossary_href)
    linker.feed(page_html)
    linker.close()
    return "".join(linker.out)


class _Linker(HTMLParser):
    """Copies the HTML token by token, as written, adding links in the text between tags."""

    def __init__(self, glossary: Glossary, glossary_href: str):
        super().__init__(convert_charrefs=False)
        self.glossary = glossary
        self.href = glossary_href
        self.out: list[str] = []
        self.linked: set[str] = set()
        self.inside_no_link = 0

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in NO_LINK_TAGS:
            self.inside_no_link += 1

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in NO_LINK_TAGS:
            self.inside_no_link = max(0, self.inside_no_link - 1)

    def handle_data(self, data):
        self.out.append(data if self.inside_no_link else self._link(data))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

    def _link(self, text: str) -> str:
        parts, position = [], 0
        for match in self.glossary.find(text):
            term = match.term
            if term.id in self.linked:
                continue
            self.linked.add(term.id)
            href = html.escape(f"{self.href}#{term.id}", quote=True)
            title = html.escape(f"{term.term}: {term.definition}", quote=True)
            parts += [text[position:match.start],
                      f'<a class="{LINK_CLASS}" href="{href}" title="{title}">{text[match.start:match.end]}</a>']
            position = match.end
        return "".join(parts) + text[position:]
