"""YAML files → plain data, keeping the line and column of every value for error messages."""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError

Location = tuple[int, int]
DataPath = tuple[Any, ...]
MAX_DEPTH = 40
# Aliases can repeat a subtree many times over; this bounds the work a small file can cause.
MAX_NODES = 20_000
# Far above any real content file (a source's text is at most 200,000 characters), so that an over-long value
# is still reported at its field, with its limit; this only keeps a runaway file from filling the memory.
MAX_FILE_BYTES = 16_000_000
# libyaml's composer recurses once per level of nesting, in C, before MAX_DEPTH can apply: 30,000 levels
# overflow the stack and end the process without a message (20,000 still pass, in a thread too). A file that
# could nest deeper than about 4,000 levels is read event by event first (libyaml's parser keeps its own
# stack), and refused if it is nested too deeply. A level needs a bracket or a brace, a step of indentation (at
# most two levels a column), or a '- ' or '? ' entry on the line of the one before.
_SAFE_OPENERS = 1000
_SAFE_INDENT = "\n" + " " * 1000
_STR_TAG = "tag:yaml.org,2002:str"


# libyaml's parser, where PyYAML has it, reads content about ten times faster than the pure-Python one.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """A safe loader that keeps dates as text, so the schema checks them and reports bad ones."""

    def resolve(self, kind, value, implicit):
        """PyYAML's choice of tag, answered directly for the scalars that make up nearly every file.

        The composer asks for every value of every file; PyYAML's general version also walks path
        resolvers, which this loader has none of (a fifth of the time to read 1,000 topics).
        """
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        if implicit[0]:
            for tag, pattern in self.yaml_implicit_resolvers.get(value[:1], ()):
                if pattern.match(value):
                    return tag
        return _STR_TAG


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Document:
    """One content file: its text, its data and where each value and key stands in the file."""

    path: str
    data: Any
    text: str

    def location(self, path: DataPath, *, key: bool = False) -> Location | None:
        """The nearest known location of `path`, walking up to its parents."""
        values, keys = self._marks
        path = tuple(path)
        if key and path in keys:
            return keys[path]
        while path:
            if path in values:
                return values[path]
            path = path[:-1]
        return values.get(())

    def line_of(self, path: DataPath) -> int | str:
        """The line `path` stands on, for messages that point to a second place ("already used on line 4")."""
        return (self.location(path) or ("?",))[0]

    def error(self, path: DataPath, message: str, hint: str = "", *, key: bool = False) -> ContentError:
        line, column = self.location(path, key=key) or (None, None)
        return ContentError(self.path, line, column, message, hint)

    @cached_property
    def _marks(self) -> tuple[dict[DataPath, Location], dict[DataPath, Location]]:
        """Where each value and each key stands. Only a file with a mistake is asked, so the file is read
        again then, rather than the position of every value of every file being kept (0.2 s of loading
        1,000 topics)."""
        loader = _Loader(self.text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        values: dict[DataPath, Location] = {}
        keys: dict[DataPath, Location] = {}
        _record_marks(node, (), values, keys, [0])
        return values, keys


def _record_marks(node: yaml.Node, path: DataPath, values: dict, keys: dict, nodes: list[int]) -> None:
    """The positions of the values and keys that _Builder turns into data, within the same limits."""
    nodes[0] += 1
    if nodes[0] > MAX_NODES or len(path) > MAX_DEPTH:
        return
    values[path] = _location(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _STR_TAG:
                key_path = path + (key_node.value,)
                if key_path not in keys:  # a repeated field is left out of the data: the first one counts
                    keys[key_path] = _location(key_node.start_mark)
                    _record_marks(value_node, key_path, values, keys, nodes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_marks(item, path + (index,), values, keys, nodes)


def load_document(file: str | Path, display_path: str) -> tuple[Document | None, list[ContentError]]:
    raw, refusal = read_ordinary_file(file, display_path)
    if refusal is not None:
        return None, [refusal]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        readable = raw[:exc.start].decode("utf-8")
        line, column = _position(readable, len(readable))
        return None, [ContentError(display_path, line, column, f"the file is not UTF-8 text ({exc.reason})",
                                   "save the file with UTF-8 encoding")]
    return parse_document(text, display_path)


def read_ordinary_file(file: str | Path, display_path: str) -> tuple[bytes, ContentError | None]:
    """The bytes of an ordinary file inside the content folder. A link is not followed (it could publish, or
    echo in a message, a file from anywhere), and a device or pipe is not read (it could never end)."""
    try:
        descriptor = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return b"", ContentError(display_path, None, None, "this file is a link to another file, which the "
                                     "site does not follow", "put the content itself in this file")
        return b"", ContentError(display_path, None, None, f"the file cannot be read: {exc.strerror}",
                                 "check that the file exists and that you may read it")
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return b"", ContentError(display_path, None, None, "this is not an ordinary file",
                                     "content files are text files saved in the content folder")
        raw = stream.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        return b"", ContentError(display_path, None, None,
                                 f"the file is larger than the limit of {MAX_FILE_BYTES:,} bytes",
                                 "split the text, or shorten it")
    return raw, None


def parse_document(text: str, display_path: str) -> tuple[Document | None, list[ContentError]]:
    try:
        too_deep = _nested_too_deeply(text)
        if too_deep is not None:
            return None, [ContentError(display_path, *_location(too_deep), "the content is nested too deeply",
                                       "content files are at most a few levels deep")]
        loader = _Loader(text)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(display_path, exc, text)]
    except yaml.reader.ReaderError as exc:
        line, column = _position(text, exc.position)
        return None, [ContentError(display_path, line, column, f"the file contains a control character "
                                   f"(#x{exc.character:04x}) that YAML does not allow",
                                   "delete it; it is often pasted in by accident")]
    except RecursionError:
        line, column = (getattr(loader, "line", 0) + 1, getattr(loader, "column", 0) + 1)
        return None, [ContentError(display_path, line, column, "the content is nested too deeply",
                                   "content files are at most a few levels deep")]
    except yaml.YAMLError as exc:
        return None, [ContentError(display_path, 1, 1, f"the file is not valid YAML: {exc}")]
    if node is None:
        return None, [ContentError(display_path, 1, 1, "the file is empty",
                                   "write the fields this file needs, as 'field: value' lines")]
    builder = _Builder(display_path, loader)
    data = builder.build(node, 0)
    loader.dispose()
    return Document(display_path, data, text), [*builder.errors, *_invisible_characters(text, display_path),
                                                *_cut_by_a_comment(text, display_path)]


# Characters a reader cannot see: zero-width spaces and joiners, and the controls that reverse the order in which
# text is shown (so that what an editor reviews is not what a reader reads). A byte-order mark opening the file is
# allowed: editors on Windows save one, and YAML ignores it there.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _invisible_characters(text: str, path: str) -> list[ContentError]:
    errors = []
    for match in _INVISIBLE.finditer(text, 1 if text.startswith("\ufeff") else 0):
        line, column = _position(text, match.start())
        errors.append(ContentError(path, line, column, f"an invisible character (U+{ord(match.group()):04X}) is in "
                                   "the text", "delete it; it is often pasted in by accident, and it can change how "
                                   "the text is shown"))
    return errors


def _cut_by_a_comment(text: str, path: str) -> list[ContentError]:
    """Text after ' #' is a comment to YAML, so `- Could it be #2?` is published as "Could it be". A comment
    after text of several words is taken to be part of the text, cut off by mistake."""
    if " #" not in text and "\t#" not in text:
        return []
    lines = text.split("\n")
    loader = _Loader(text)
    errors = []
    try:
        while (token := loader.get_token()) is not None:
            if isinstance(token, yaml.ScalarToken) and token.plain and " " in token.value:
                end = token.end_mark
                rest = lines[end.line][end.column:]
                if rest.lstrip(" \t").startswith("#"):
                    column = end.column + len(rest) - len(rest.lstrip(" \t")) + 1
                    errors.append(ContentError(path, end.line + 1, column, "the text stops at ' #': YAML reads the "
                                               "rest of the line as a comment, so readers would not see it",
                                               "quote the text if the # belongs to it, for example "
                                               "\"Could it be in #2 places?\""))
    finally:
        loader.dispose()
    return errors


def _nested_too_deeply(text: str) -> yaml.Mark | None:
    """Where the nesting first goes deeper than MAX_DEPTH, for a file that could be nested very deeply.

    Counting the characters that open a level bounds the depth with a few searches in C (a few ms for 1,000
    topics' files, where reading each line took seconds); only a file past the bound is read event by event.
    """
    openers = text.count("[") + text.count("{")
    entries = text.count("- ") + text.count("? ") + text.count("-\t") + text.count("?\t")
    if openers <= _SAFE_OPENERS and entries <= _SAFE_OPENERS and _SAFE_INDENT not in text:
        return None
    loader = _Loader(text)
    try:
        depth = 0
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH + 1:  # the document's own mapping is the first level
                    return event.start_mark
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return None
    finally:
        loader.dispose()


class _Builder:
    """Turns a composed YAML node tree into dicts, lists and scalars, reporting what cannot be data."""

    def __init__(self, path: str, loader: _Loader):
        self.path = path
        self.loader = loader
        self.errors: list[ContentError] = []
        self.nodes = 0

    def build(self, node: yaml.Node, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            if self.nodes == MAX_NODES + 1:
                self._error(node, "the file expands to too much content", "remove repeated '*alias' references")
            return None
        if depth > MAX_DEPTH:
            self._error(node, "the content is nested too deeply", "content files are at most a few levels deep")
            return None
        kind = type(node)
        if kind is yaml.MappingNode:
            return self._mapping(node, depth)
        if kind is yaml.SequenceNode:
            return [self.build(item, depth + 1) for item in node.value]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self._error(key_node, "a field name must be a plain word",
                            "write the field as 'name: value'; quote names that look like numbers or dates")
                continue
            if key in result:
                first = next((other for other, _ in node.value if other.tag == _STR_TAG and other.value == key),
                             key_node)
                self._error(key_node, f"the field '{key}' is given twice (first on line {first.start_mark.line + 1})",
                            "keep one of them; a repeated field would silently replace the first")
                continue
            result[key] = self.build(value_node, depth + 1)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STR_TAG:
            return node.value  # most values are text: skip PyYAML's general constructor
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            self._error(node, f"this value cannot be read: {getattr(exc, 'problem', exc)}",
                        "remove YAML tags such as '!!python/...'; write plain text, numbers or lists")
            return None

    def _error(self, node: yaml.Node, message: str, hint: str) -> None:
        line, column = _location(node.start_mark)
        self.errors.append(ContentError(self.path, line, column, message, hint))


def _location(mark: yaml.Mark) -> Location:
    return mark.line + 1, mark.column + 1


def _position(text: str, offset: int) -> Location:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _tab_near(text: str, mark: yaml.Mark | None) -> bool:
    """Whether the line the parser stopped on is indented with a tab: its messages for that vary."""
    if mark is None:
        return False
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    indent = line[:len(line) - len(line.lstrip(" \t"))]
    return "\t" in indent or line[mark.column:mark.column + 1] == "\t"


def _syntax_error(path: str, exc: yaml.MarkedYAMLError, text: str) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line, column = _location(mark) if mark else (None, None)
    problem = exc.problem or "the YAML cannot be read"
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        # The parser stops at the end of the file; the mistake is where the quote opens.
        return ContentError(path, *_location(exc.context_mark), "this quote is opened but never closed",
                            "end the text with the same quote mark it starts with")
    if "tab character" in problem or _tab_near(text, mark):
        return ContentError(path, line, column, "a tab character is used for indentation",
                            "indent with spaces, not tabs")
    if "expected a single document" in str(exc):
        return ContentError(path, line, column, "the file holds more than one YAML document",
                            "remove the '---' line; each file holds one document")
    return ContentError(path, line, column, f"YAML syntax error: {problem}",
                        "check the indentation, colons and quotes on this line and the one before")
