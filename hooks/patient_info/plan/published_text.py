"""The text a build publishes, judged as readers will read it: sentence length and reading level.

Each page's Markdown is turned into HTML with the same Markdown extensions MkDocs uses (mkdocs.yml;
a test holds the two lists together), read block by block as the built page is read (headings,
paragraphs, list items), and measured. `make check` and the build both judge this text, so what
stops one stops the other. A problem is reported at the content file and line whose value made the
sentence: most sentences are written in the content, but some are composed from a value and the
site's own words ("Back to the <topic title> treatment overview").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import markdown

from ..built_pages.page_html import read_page
from ..built_pages.readability import Readability, measure
from ..content.files import display_path
from ..content.load import Document, load_document
from ..errors import ContentError
from ..model.audiences import PATIENTS
from ..model.glossary import Glossary
from ..model.paths import url
from ..pages.render import Page
from ..sentences import TOO_LONG_SENTENCE_WORDS

# As mkdocs.yml's markdown_extensions, with the three MkDocs always adds (toc, tables, fenced_code).
MARKDOWN_EXTENSIONS = ("toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html")
EXTENSION_CONFIGS = {"toc": {"permalink": False}}
# Patient pages must be at or under these (the NHS reworks content above SMOG 14).
MAX_GRADE = 8
MAX_SMOG = 14


@dataclass(frozen=True)
class TextProblem:
    pages: tuple[str, ...]  # the source paths of the pages that show it
    error: ContentError


def page_html(page_markdown: str) -> str:
    """A page's Markdown as HTML, as MkDocs writes its content (front matter left out)."""
    converter = _converter()
    converter.reset()
    return converter.convert(_without_front_matter(page_markdown))


def readings(pages: Iterable[Page], glossary: Glossary) -> dict[str, Readability]:
    """Each patient page's text figures, by source path, from its Markdown turned into HTML as MkDocs turns it
    (`make check`; the build measures the HTML MkDocs made, with the same `measure`). Pages for clinics and
    editors are not prose."""
    return {page.src_uri: measured(page_html(page.markdown), glossary) for page in pages if page.audience == PATIENTS}


def measured(html: str, glossary: Glossary) -> Readability:
    """A page's text figures, read from its HTML block by block as readers read it."""
    return measure(list(read_page(html, glossary, None).blocks), glossary)


def text_problems(figures: dict[str, Readability], pages: Iterable[Page], sources: SourceFiles
                  ) -> list[TextProblem]:
    """Every sentence too long to publish and every page harder to read than the limits, once each, at the
    content line that made it. A sentence written whole in one value is left to the content check, which
    reports it at that value already; a sentence composed from a value and the site's words is reported here,
    once for all the pages that show it."""
    titles = {page.src_uri: page.title for page in pages}
    found: dict[tuple, tuple[list[str], ContentError]] = {}
    for src_uri, figure in figures.items():
        for sentence in figure.long_sentences:
            if sentence.words > TOO_LONG_SENTENCE_WORDS:
                error = sources.sentence_error(src_uri, sentence.text, sentence.words)
                if error is not None:
                    found.setdefault((error.where, sentence.text), ([], error))[0].append(src_uri)
        if figure.flesch_kincaid_grade > MAX_GRADE or figure.smog_index > MAX_SMOG:
            found[("level", src_uri)] = ([src_uri], sources.level_error(src_uri, titles[src_uri], figure))
    return [TextProblem(tuple(on), _on_pages(error, on)) for on, error in found.values()]


def _on_pages(error: ContentError, pages: list[str]) -> ContentError:
    """The message names every page that shows the sentence."""
    if len(pages) == 1:
        return error
    shown = ", ".join(_address(page) for page in pages[:3]) + (f" and {len(pages) - 3} more" if len(pages) > 3 else "")
    message = error.message.replace(f"on the page {_address(pages[0])},", f"on {len(pages)} pages ({shown}),", 1)
    return replace(error, message=message)


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5:]
    return text


_CONVERTER: list[markdown.Markdown] = []


def _converter() -> markdown.Markdown:
    if not _CONVERTER:
        _CONVERTER.append(markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS), extension_configs=EXTENSION_CONFIGS))
    return _CONVERTER[0]


class SourceFiles:
    """The content files a page's text came from, read again only when a problem must be placed."""

    def __init__(self, content_dir: Path, site_files: tuple[str, ...] = ("site.yaml", "glossary.yaml")):
        self.content_dir = Path(content_dir)
        self.site_files = site_files
        self._documents: dict[str, list[Document]] = {}

    def sentence_error(self, src_uri: str, sentence: str, words: int) -> ContentError | None:
        """Where a sentence too long to publish comes from; None when one value holds it whole (the content
        check has reported it there)."""
        message = (f"on the page {_address(src_uri)}, this sentence has {words} words, more than "
                   f"{TOO_LONG_SENTENCE_WORDS}: \"{_cut(sentence)}\"")
        found = self._value_in(src_uri, sentence)
        if found is None:
            return ContentError(f"hooks/patient_info/pages/templates ({src_uri})", None, None, message,
                                "the site's own wording makes this sentence: shorten the template's words")
        document, path, whole = found
        if whole:
            return None
        return document.error(path, message, "this value is part of the sentence, with the site's own words "
                                             "around it: shorten the value")

    def level_error(self, src_uri: str, title: str, figure: Readability) -> ContentError:
        message = (f"the page {_address(src_uri)} (\"{title}\") is too hard to read: grade {figure.flesch_kincaid_grade}"
                   f" (at most {MAX_GRADE}), SMOG {figure.smog_index} (at most {MAX_SMOG})")
        longest = sorted(figure.long_sentences, key=lambda s: -s.words)[:1]
        found = self._value_in(src_uri, longest[0].text) if longest else None
        if found is not None:
            document, path, _ = found
            return document.error(path, message, "shorter sentences and shorter words bring it down; this is "
                                                 "its longest sentence")
        documents = self._documents_for(src_uri)
        where = documents[0].path if documents else display_path(self.content_dir)
        return ContentError(where, None, None, message, "shorter sentences and shorter words bring it down")

    def _value_in(self, src_uri: str, sentence: str) -> tuple[Document, tuple, bool] | None:
        """The content value that makes the sentence (the sentence is in it, or it is in the sentence), the
        longest first; and whether the value holds the whole sentence."""
        wanted = _folded(sentence).rstrip(".!?:")
        best = None
        for document in self._documents_for(src_uri):
            for path, value in _strings(document.data, ()):
                text = _folded(value)
                if wanted in text:
                    return document, path, True
                if len(text) > 3 and text.rstrip(".!?") in wanted and (best is None or len(text) > best[3]):
                    best = (document, path, False, len(text))
        return best[:3] if best else None

    def _documents_for(self, src_uri: str) -> list[Document]:
        folder = _topic_folder(src_uri, self.content_dir)
        key = folder.name if folder else ""
        if key not in self._documents:
            files = sorted(folder.rglob("*.yaml")) if folder else []
            files += [self.content_dir / name for name in self.site_files]
            self._documents[key] = [document for file in files
                                    if (document := load_document(file, display_path(file))[0]) is not None]
        return self._documents[key]


def _topic_folder(src_uri: str, content_dir: Path) -> Path | None:
    first = src_uri.split("/")[0]
    folder = content_dir / first
    return folder if "/" in src_uri and folder.is_dir() else None


def _strings(data: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, path + (index,))


def _folded(text: str) -> str:
    return " ".join(text.split()).lower()


def _address(src_uri: str) -> str:
    return "/" + url(src_uri)


def _cut(sentence: str) -> str:
    return sentence if len(sentence) <= 200 else sentence[:200] + "…"

