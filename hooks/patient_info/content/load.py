"""YAML files → plain data, keeping the line and column of every value for error messages."""

from __future__ import annotations

import errno
import os
import re
import stat
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError

Location = tuple[int, int]
DataPath = tuple[Any, ...]
MAX_DEPTH = 40
# Aliases can repeat a subtree many times over; this bounds the work a small file can cause: at most this many
# values are made by repeating others. A file without anchors repeats nothing, and its size bounds its work.
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



# Lines, as an editor numbers them and as YAML does. YAML also breaks lines at NEL (U+0085) and the line and
# paragraph separators (U+2028, U+2029), where an editor shows none; the parser's marks count those lines, so a
# position is taken from a mark's character offset instead whenever the text holds one of them.
_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")
_EDITOR_BREAK = re.compile("\r\n|[\r\n]")
_YAML_BREAK_CHARACTERS = ("\r", "\n", *_YAML_ONLY_BREAKS)
_YAML_BREAK = re.compile("[\r\n\x85\u2028\u2029]")
_BOM = "\ufeff"


class Lines:
    """Line and column numbers of a file's text, counted as an editor counts them (at \\n, \\r\\n and \\r).

    The parser's marks count characters after a byte-order mark opening the file, as `body` does.
    """

    def __init__(self, text: str):
        self.body = text[1:] if text.startswith(_BOM) else text
        self._parser_lines_differ = any(character in self.body for character in _YAML_ONLY_BREAKS)
        self._starts: list[int] | None = None

    def of_mark(self, mark: yaml.Mark) -> Location:
        if not self._parser_lines_differ:
            return mark.line + 1, mark.column + 1
        return self.of_offset(mark.index)

    def of_offset(self, offset: int) -> Location:
        """The line and column of the character at `offset` in the body."""
        if self._starts is None:
            self._starts = [0, *(match.end() for match in _EDITOR_BREAK.finditer(self.body))]
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def parser_line_end(self, offset: int) -> int:
        """Where the line YAML reads at `offset` ends, in the body."""
        after = _YAML_BREAK.search(self.body, offset)
        return after.start() if after else len(self.body)

    def parser_line_at(self, offset: int) -> tuple[int, int]:
        """Where the line YAML reads around `offset` starts and ends, in the body (for one message: the search
        back for a character the text lacks reads it all)."""
        start = max(self.body.rfind(character, 0, offset) for character in _YAML_BREAK_CHARACTERS) + 1
        return start, self.parser_line_end(offset)


def editor_lines(text: str) -> list[str]:
    """The text's lines as an editor shows them: str.splitlines also breaks at characters editors do not."""
    return _EDITOR_BREAK.split(text)


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
        _record_marks(node, (), values, keys, _Repeats(self.text), Lines(self.text))
        return values, keys


class _Repeats:
    """Counts the values a file makes by repeating others through '*alias' references, within MAX_NODES."""

    def __init__(self, text: str):
        self.counting = "&" in text  # without an anchor, no alias can repeat anything
        self._seen: set[int] = set()
        self.count = 0

    def over_limit(self, node: yaml.Node) -> bool:
        """Whether making `node` goes past the limit: it counts when it was made before."""
        if not self.counting:
            return False
        if id(node) in self._seen:
            self.count += 1
        else:
            self._seen.add(id(node))
        return self.count > MAX_NODES


def _record_marks(node: yaml.Node, path: DataPath, values: dict, keys: dict, repeats: _Repeats, lines: Lines) -> None:
    """The positions of the values and keys that _Builder turns into data, within the same limits."""
    if repeats.over_limit(node) or len(path) > MAX_DEPTH:
        return
    values[path] = lines.of_mark(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _STR_TAG:
                key_path = path + (key_node.value,)
                if key_path not in keys:  # a repeated field is left out of the data: the first one counts
                    keys[key_path] = lines.of_mark(key_node.start_mark)
                    _record_marks(value_node, key_path, values, keys, repeats, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_marks(item, path + (index,), values, keys, repeats, lines)


def load_document(file: str | Path, display_path: str) -> tuple[Document | None, list[ContentError]]:
    raw, refusal = read_ordinary_file(file, display_path)
    if refusal is not None:
        return None, [refusal]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        readable = raw[:exc.start].decode("utf-8")
        line, column = Lines(readable).of_offset(len(Lines(readable).body))
        return None, [ContentError(display_path, line, column, f"the file is not UTF-8 text ({exc.reason})",
                                   "save the file with UTF-8 encoding")]
    return parse_document(text, display_path)


def read_ordinary_file(file: str | Path, display_path: str) -> tuple[bytes, ContentError | None]:
    """The bytes of an ordinary file inside the content folder, or why it is not read.

    Only a plain file with one name is read. A link is not followed, nor a hard link with other names read
    (either could publish, or echo in a message, a file from anywhere); a folder, pipe or device is not opened
    (a pipe or a device could never end). The messages name the file and echo nothing of what it holds.
    """
    try:
        refusal = _not_ordinary(os.lstat(file), display_path)  # before opening: opening a device can act on it
        if refusal is not None:
            return b"", refusal
        descriptor = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return b"", _link_refused(display_path)
        return b"", ContentError(display_path, None, None, f"the file cannot be read: {exc.strerror}",
                                 "check that the file exists and that you may read it")
    try:
        refusal = _not_ordinary(os.fstat(descriptor), display_path)  # the same file, if it changed meanwhile
        if refusal is not None:
            return b"", refusal
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return b"", ContentError(display_path, None, None, f"the file cannot be read: {exc.strerror or exc}",
                                 "check that the file exists and that you may read it")
    finally:
        os.close(descriptor)
    if len(raw) > MAX_FILE_BYTES:
        return b"", ContentError(display_path, None, None,
                                 f"the file is larger than the limit of {MAX_FILE_BYTES:,} bytes",
                                 "split the text, or shorten it")
    return raw, None


def _not_ordinary(status: os.stat_result, shown: str) -> ContentError | None:
    mode = status.st_mode
    if stat.S_ISLNK(mode):
        return _link_refused(shown)
    if stat.S_ISDIR(mode):
        return ContentError(shown, None, None, "this is a folder, where a file is expected",
                            "a content file is a text file; move the folder's files where they belong and remove it")
    if not stat.S_ISREG(mode):
        kind = "a named pipe" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) \
            else "a socket" if stat.S_ISSOCK(mode) else "not an ordinary file"
        return ContentError(shown, None, None, f"this is {kind}, where a text file is expected; the site does not "
                            "read it", "content files are text files saved in the content folder")
    if status.st_nlink > 1:
        return ContentError(shown, None, None, f"this file has {status.st_nlink - 1:,} other "
                            f"{'name' if status.st_nlink == 2 else 'names'} (a hard link), so it may be a file from "
                            "outside the content folder; the site does not read it",
                            "save the content as a file of its own: copy it to a new file, then replace this one")
    return None


def _link_refused(shown: str) -> ContentError:
    return ContentError(shown, None, None, "this file is a link to another file, which the site does not follow",
                        "put the content itself in this file")


def parse_document(text: str, display_path: str) -> tuple[Document | None, list[ContentError]]:
    lines = Lines(text)
    characters = _unusual_characters(lines, display_path)
    loader = None
    try:
        too_deep = _nested_too_deeply(text)
        if too_deep is not None:
            return None, [*characters, ContentError(display_path, *lines.of_mark(too_deep),
                                                    "the content is nested too deeply",
                                                    "content files are at most a few levels deep")]
        loader = _Loader(text)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [*characters, _syntax_error(display_path, exc, lines)]
    except yaml.reader.ReaderError as exc:
        return None, characters or [_not_allowed(display_path, exc, lines)]
    # Neither is known to happen: the pre-scan refuses deep nesting first, and PyYAML's errors carry a place.
    # Kept so that a file they miss is still one message, not a traceback.
    except RecursionError:
        line, column = (getattr(loader, "line", 0) + 1, getattr(loader, "column", 0) + 1)
        return None, [*characters, ContentError(display_path, line, column, "the content is nested too deeply",
                                                "content files are at most a few levels deep")]
    except yaml.YAMLError as exc:
        return None, [*characters, ContentError(display_path, 1, 1, f"the file is not valid YAML: {exc}",
                                                "check the file's indentation, colons and quotes")]
    if node is None:
        return None, [*characters, ContentError(display_path, 1, 1, "the file is empty",
                                                "write the fields this file needs, as 'field: value' lines")]
    builder = _Builder(display_path, loader, lines)
    data = builder.build(node, 0)
    loader.dispose()
    return Document(display_path, data, text), [*builder.errors, *characters,
                                                *_cut_by_a_comment(text, display_path, lines)]


def _not_allowed(path: str, exc: yaml.reader.ReaderError, lines: Lines) -> ContentError:
    """A character YAML refuses to read. libyaml gives its place in bytes; the first one in the text is it."""
    offset = lines.body.find(chr(exc.character)) if isinstance(exc.character, int) else -1
    line, column = lines.of_offset(offset) if offset >= 0 else (None, None)
    return ContentError(path, line, column, f"the file contains a character (U+{exc.character:04X}) that YAML does "
                        "not allow" if isinstance(exc.character, int) else "the file contains a character that YAML "
                        "does not allow", "delete it; it is often pasted in by accident")


# Characters a reader cannot see: zero-width spaces and joiners, the marks and controls that change the order in
# which text is shown (so that what an editor reviews is not what a reader reads), and the tag characters that can
# hide text in plain sight. A byte-order mark opening the file is allowed: editors on Windows save one, and YAML
# ignores it there.
_INVISIBLE = "\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f"
# Control characters other than tab and line breaks: nothing a reader could see, and some end or garble a page.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"
_BREAK_NAMES = {"\x85": "next-line character (NEL, U+0085)", "\u2028": "line separator (U+2028)",
                "\u2029": "paragraph separator (U+2029)"}
_UNUSUAL_IN_TEXT = re.compile(f"[{_INVISIBLE}{_CONTROLS}{''.join(_BREAK_NAMES)}]")
# In a value, a carriage return can only come from an escape ("\r"): the parser turns line breaks into "\n".
_UNUSUAL_IN_VALUE = re.compile(f"[{_INVISIBLE}{_CONTROLS}{''.join(_BREAK_NAMES)}\r]")


def unusual_character(value: str) -> str | None:
    """The first character in a value that the loader reports wherever it is (invisible, a control, a line
    separator), or None: other checks leave those to it, so one mistake is one message."""
    found = _UNUSUAL_IN_VALUE.search(value)
    return found.group() if found else None


def _unusual_characters(lines: Lines, path: str) -> list[ContentError]:
    """The characters in the file that a reader would not see, or that start a line no editor shows: one
    message for each kind on a line, at the first."""
    found: dict[tuple[int, str], list] = {}
    for match in _UNUSUAL_IN_TEXT.finditer(lines.body):
        line, column = lines.of_offset(match.start())
        found.setdefault((line, match.group()), [column, 0])[1] += 1
    return [ContentError(path, line, column, *_character_message(character, count=count))
            for (line, character), (column, count) in found.items()]


def _character_message(character: str, *, escaped: bool = False, count: int = 1) -> tuple[str, str]:
    written = ", written as an escape" if escaped else f" ({count} times on this line)" if count > 1 else ""
    if character in _BREAK_NAMES and escaped:
        return (f"a {_BREAK_NAMES[character]} is in the text{written}",
                "delete it; pages show text as paragraphs and list items, not as lines")
    if character in _BREAK_NAMES:
        return (f"a {_BREAK_NAMES[character]} is in the text{written}: YAML starts a new line there, though most "
                "editors show none", "delete it; if a new line is meant, start one with Enter")
    code = f"U+{ord(character):04X}"
    if re.fullmatch(f"[{_CONTROLS}\r]", character):
        return (f"a control character ({code}) is in the text{written}",
                "delete it; readers would see nothing, or a box, in its place")
    return (f"an invisible character ({code}) is in the text{written}",
            "delete it; it is often pasted in by accident, and it can change how the text is shown")


def _cut_by_a_comment(text: str, path: str, lines: Lines) -> list[ContentError]:
    """Text after ' #' is a comment to YAML, so `- Could it be #2?` is published as "Could it be". A comment
    after text of several words is taken to be part of the text, cut off by mistake."""
    if " #" not in text and "\t#" not in text:
        return []
    loader = _Loader(text)
    errors = []
    try:
        while (token := loader.get_token()) is not None:
            if isinstance(token, yaml.ScalarToken) and token.plain and " " in token.value:
                end = token.end_mark.index
                rest = lines.body[end:lines.parser_line_end(end)]
                if rest.lstrip(" \t").startswith("#"):
                    line, column = lines.of_offset(end + len(rest) - len(rest.lstrip(" \t")))
                    errors.append(ContentError(path, line, column, "the text stops at ' #': YAML reads the "
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

    def __init__(self, path: str, loader: _Loader, lines: Lines):
        self.path = path
        self.loader = loader
        self.lines = lines
        self.errors: list[ContentError] = []
        self.repeats = _Repeats(lines.body)
        # Only a double-quoted value can hold an escape ("\u202e"), and only a file with a backslash can have one.
        self.escapes_possible = "\\" in lines.body
        self._escapes_seen: set[int] = set()

    def build(self, node: yaml.Node, depth: int) -> Any:
        if self.repeats.counting and self.repeats.over_limit(node):
            if self.repeats.count == MAX_NODES + 1:
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
                self._error(key_node, f"the field '{key}' is given twice (first on line "
                                      f"{self.lines.of_mark(first.start_mark)[0]})",
                            "keep one of them; a repeated field would silently replace the first")
                continue
            result[key] = self.build(value_node, depth + 1)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STR_TAG:
            if self.escapes_possible and node.style == '"':
                self._check_escapes(node)
            return node.value  # most values are text: skip PyYAML's general constructor
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", exc)
        except (ValueError, TypeError, KeyError, AttributeError):  # PyYAML's own constructors, on '!!int x' and such
            problem = f"it does not fit its tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}'"
        self._error(node, f"this value cannot be read: {problem}",
                    "remove YAML tags such as '!!python/...'; write plain text, numbers or lists")
        return None

    def _check_escapes(self, node: yaml.ScalarNode) -> None:
        """Characters the file's text cannot show, written as escapes ("\\u202e", "\\x80"): the text's own
        characters are reported where they stand (_unusual_characters), these at their value."""
        if id(node) in self._escapes_seen:
            return
        self._escapes_seen.add(id(node))
        written = self.lines.body[node.start_mark.index:node.end_mark.index]
        for character in dict.fromkeys(_UNUSUAL_IN_VALUE.findall(node.value)):
            if character not in written:
                self._error(node, *_character_message(character, escaped=True))

    def _error(self, node: yaml.Node, message: str, hint: str) -> None:
        line, column = self.lines.of_mark(node.start_mark)
        self.errors.append(ContentError(self.path, line, column, message, hint))


def _tab_near(lines: Lines, mark: yaml.Mark | None) -> bool:
    """Whether the line the parser stopped on is indented with a tab: its messages for that vary."""
    if mark is None:
        return False
    start, end = lines.parser_line_at(min(mark.index, len(lines.body)))
    line = lines.body[start:end]
    indent = line[:len(line) - len(line.lstrip(" \t"))]
    return "\t" in indent or lines.body[mark.index:mark.index + 1] == "\t"


def _syntax_error(path: str, exc: yaml.MarkedYAMLError, lines: Lines) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line, column = lines.of_mark(mark) if mark else (None, None)
    problem = exc.problem or "the YAML cannot be read"
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        # The parser stops at the end of the file; the mistake is where the quote opens.
        return ContentError(path, *lines.of_mark(exc.context_mark), "this quote is opened but never closed",
                            "end the text with the same quote mark it starts with")
    if "tab character" in problem or _tab_near(lines, mark):
        return ContentError(path, line, column, "a tab character is used for indentation",
                            "indent with spaces, not tabs")
    if "expected a single document" in str(exc):
        return ContentError(path, line, column, "the file holds more than one YAML document",
                            "remove the '---' line; each file holds one document")
    return ContentError(path, line, column, f"YAML syntax error: {problem}",
                        "check the indentation, colons and quotes on this line and the one before")
