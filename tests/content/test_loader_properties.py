"""Whatever an editor saves, checking content ends in a model or in errors with file and line, never a crash.

Property-based: random text and bytes, random YAML documents, deep nesting,
huge strings, and random mutations of the real content.
"""

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from patient_info.content.check import check_content
from patient_info.content.load import parse_document
from patient_info.content.schemas import validator
from patient_info.content.validate import is_valid_fast

REAL_CONTENT = ROOT / "content"
REAL_FILES = sorted(p.relative_to(REAL_CONTENT) for p in REAL_CONTENT.rglob("*.yaml"))
# No deadline: a check takes milliseconds, but on a loaded machine a 10 s deadline failed a correct run.
# Time is measured by `make bench`, not asserted here.
PATIENT = settings(max_examples=60, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40),
                    st.dates().map(str), st.sampled_from(["surgery", "bowel", "primary-cancer", "sometimes", "<b>x"]))
documents = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["id", "name", "summary", "text", "factors", "when_used", "values", "review",
                                     "treatments", "title", "used_with", "caveats", "x"]) | st.text(max_size=8),
                    inner, max_size=5)), max_leaves=25)


def assert_errors_are_located(result):
    assert result.site is not None or result.errors
    for error in result.errors:
        assert error.file and error.message
        if error.file.endswith(".yaml") and "missing" not in error.message and "not read" not in error.message:
            assert error.line and error.line >= 1, error


def check_with(replacements: dict[Path, bytes]):
    """check_content on a copy of the real content with some files replaced."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(REAL_CONTENT, content)
        for relative, data in replacements.items():
            (content / relative).write_bytes(data)
        return check_content(content)


@PATIENT
@given(st.text(max_size=400))
def test_any_text_parses_or_gives_located_errors(text):
    document, errors = parse_document(text, "random.yaml")
    assert document is not None or errors
    assert all(error.line and error.line >= 1 for error in errors)


@PATIENT
@given(st.sampled_from(REAL_FILES), st.binary(max_size=300))
def test_random_bytes_in_a_content_file_give_errors_not_exceptions(file, data):
    assert_errors_are_located(check_with({file: data}))


@PATIENT
@given(st.sampled_from(REAL_FILES), documents)
def test_random_yaml_documents_give_errors_not_exceptions(file, document):
    text = yaml.safe_dump(document, allow_unicode=True)
    assert_errors_are_located(check_with({file: text.encode("utf-8")}))


@PATIENT
@given(st.sampled_from(REAL_FILES), st.integers(min_value=1, max_value=20_000), st.sampled_from("[{-"))
def test_deep_nesting_gives_an_error_not_an_exception(file, depth, opener):
    if opener == "-":
        text = "".join(f"{'  ' * i}- \n" for i in range(min(depth, 3000)))
    else:
        closer = "]" if opener == "[" else "}"
        text = "a: " + (opener + ("a: " if opener == "{" else "")) * depth + "1" + closer * depth
    assert_errors_are_located(check_with({file: text.encode("utf-8")}))


@settings(max_examples=5, deadline=None)
@given(st.integers(min_value=100_000, max_value=3_000_000))
def test_a_huge_string_gives_an_error_not_an_exception(size):
    file = Path("secondary-liver-cancer/treatments/surgery.yaml")
    text = (REAL_CONTENT / file).read_text("utf-8").replace("name: Surgery", "name: " + "x" * size)
    result = check_with({file: text.encode("utf-8")})
    assert result.site is None and any("'name'" in e.message for e in result.errors)


def paths_of(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths_of(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths_of(value, prefix + (index,))


@st.composite
def mutated_real_file(draw):
    file = draw(st.sampled_from(REAL_FILES))
    data = yaml.safe_load((REAL_CONTENT / file).read_text("utf-8"))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        candidates = [p for p in paths_of(data) if p]
        if not candidates:
            break
        path = draw(st.sampled_from(candidates))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["drop", "retype", "rename-id"]))
        if action == "drop":
            del parent[path[-1]]
        elif action == "retype":
            parent[path[-1]] = draw(scalars | st.lists(scalars, max_size=2) | st.dictionaries(st.text(max_size=5), scalars, max_size=2))
        else:
            parent[path[-1]] = draw(st.sampled_from(["surgery", "chemotherapy", "bowel", "renamed-id", "Bad Id", ""]))
    return file, yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@PATIENT
@given(mutated_real_file())
def test_mutated_real_content_gives_a_site_or_located_errors(mutation):
    file, text = mutation
    assert_errors_are_located(check_with({file: text.encode("utf-8")}))


SCHEMA_FOR = {"site.yaml": "site", "topic.yaml": "topic", "factors.yaml": "factors"}


@PATIENT
@given(mutated_real_file())
def test_the_fast_schema_check_agrees_with_the_full_validator(mutation):
    file, text = mutation
    document, errors = parse_document(text, str(file))
    if document is None:
        return
    schema_name = SCHEMA_FOR.get(file.name, "treatment")
    full_errors = list(validator(schema_name).iter_errors(document.data))
    assert is_valid_fast(document.data, schema_name) == (not full_errors)
