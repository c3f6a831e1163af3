"""Synthetic content for benchmarks: made-up topics shaped like the real one, never medical text."""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import yaml

# Reviewed a month ago and due in a year, whenever the benchmark runs: a review is due at most three years on.
REVIEWED = date.today() - timedelta(days=30)
REVIEW_DUE = REVIEWED + timedelta(days=365)
TREATMENTS_PER_TOPIC = 8
FACTORS_PER_TOPIC = 5
VALUES_PER_FACTOR = 3
WORDS = ("amber lantern meadow pebble river quiet harbour willow cobalt ember falcon garden orchard "
         "prism saffron thistle velvet walnut yonder zephyr").split()
# Made-up glossary terms: every page links their first use and the readability scores treat them as easy.
TERMS = ("glimmerosis", "lumifaxia", "corvantine therapy", "brisolation", "tandremy")
MODELINE = "# yaml-language-server: $schema=https://patient-info.local/schemas/{}.schema.json\n"


def write_content(folder: Path, topics: int, *, seed: int = 1) -> Path:
    """Write `topics` made-up topics, site.yaml and a glossary of made-up terms into folder."""
    rng = random.Random(seed)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    _dump(folder / "site.yaml", "site", {
        "name": "Benchmark site", "publisher": "the benchmark",
        "contact": "This is benchmark data.", "disclaimer": "This is made-up benchmark data, not health information.",
        "reuse": "This is made-up benchmark data.",
    })
    _dump(folder / "glossary.yaml", "glossary", {
        "terms": [{"id": term.replace(" ", "-"), "term": term.capitalize(),
                   "definition": f"A made-up word for the benchmark, like {WORDS[index]}.", "basis": "dictionary"}
                  for index, term in enumerate(TERMS)],
        "everyday_words": ["information", "usually"],
    })
    for number in range(topics):
        _write_topic(folder / f"topic-{number:04d}", number, rng)
    # A site that has published nothing yet: the list exists (the strict build requires it) and holds no address.
    (folder / "published-addresses.txt").write_text("# Made-up content for the benchmark: nothing published.\n",
                                                    "utf-8")
    return folder


def _sentence(rng: random.Random, words: int = 10) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    chosen[rng.randrange(words)] = rng.choice(TERMS)
    return " ".join(chosen).capitalize() + "."


HEDGES = {"most-common": "most common", "sometimes": "sometimes", "a-small-number": "a small number",
          "may": "may", "usually-only": "usually only"}


def _hedged(rng: random.Random, likelihood: str) -> str:
    """A made-up sentence that carries its likelihood's words, as the content check requires. Short, as the
    real topic's are: the printed summary shows every statement, on one sheet."""
    words = _sentence(rng, words=6).removesuffix(".")
    return f"{words} {HEDGES[likelihood]}." if likelihood in HEDGES else f"{words}."


def _statement(statement_id: str, kind: str, likelihood: str, text: str, about=None, conditions=None) -> dict:
    statement = {"id": statement_id}
    if about:
        statement["about"] = about
    statement.update({"kind": kind, "likelihood": likelihood})
    if conditions:
        statement["conditions"] = conditions
    statement.update({"text": text, "source": {"document": "benchmark-source", "quotes": [text]}})
    return statement


def _write_topic(folder: Path, number: int, rng: random.Random) -> None:
    treatment_ids = [f"treatment-{t}" for t in range(TREATMENTS_PER_TOPIC)]
    factors = [{
        "id": f"factor-{f}",
        "question": f"Question {f} about topic {number}?",
        "importance": "main" if f < 3 else "also-matters",
        "explanation": [_sentence(rng), _sentence(rng)],
        "values": [{"id": f"value-{v}", "label": f"Answer {v}", "title": f"If your answer is {v}"}
                    for v in range(VALUES_PER_FACTOR)],
    } for f in range(FACTORS_PER_TOPIC)]
    _dump(folder / "topic.yaml", "topic", {
        "id": folder.name, "title": f"Made-up topic {number}", "summary": _sentence(rng),
        "treatments": treatment_ids,
        "codes": {"icd10": [f"Z{number % 100:02d}.{number // 100}"], "snomed": [f"{900000000 + number}"]},
        "review": {"last_reviewed": REVIEWED.isoformat(), "next_review_due": REVIEW_DUE.isoformat(),
                   "reviews": [{"date": REVIEWED.isoformat(), "kind": "editorial", "reviewer": "Benchmark",
                                "role": "Made up"}]},
        "caveats": [{"text": _sentence(rng), "importance": "important"}, {"text": _sentence(rng)}],
        "questions": [f"Question {q}?" for q in range(3)],
    })
    _dump(folder / "factors.yaml", "factors", {"factors": factors})
    statements = [_statement("aim", "aim", "stated", _hedged(rng, "stated"))]
    for index, treatment_id in enumerate(treatment_ids):
        partner = treatment_ids[(index + 1) % len(treatment_ids)]
        likelihood = rng.choice(list(HEDGES))
        first, second = f"factor-{index % FACTORS_PER_TOPIC}", f"factor-{(index + 1) % FACTORS_PER_TOPIC}"
        statements += [
            _statement(f"{treatment_id}-what", "what-it-is", "stated", _hedged(rng, "stated"), [treatment_id]),
            _statement(f"{treatment_id}-often", "how-often", likelihood, _hedged(rng, likelihood), [treatment_id]),
            _statement(f"{treatment_id}-when", "when-used", "may", _hedged(rng, "may"), [treatment_id],
                       {"all_of": [{"factor": first, "answers": ["value-0"]},
                                   {"any_of": [{"factor": second, "answers": ["value-1"]},
                                               {"factor": second, "answers": ["value-2"]}]}]}),
            _statement(f"{treatment_id}-not", "not-suitable", "stated", _hedged(rng, "stated"), [treatment_id],
                       {"factor": second, "answers": ["value-1"]}),
            _statement(f"{treatment_id}-with", "used-with", "may", _hedged(rng, "may"), [treatment_id, partner]),
        ]
        _dump(folder / "treatments" / f"{treatment_id}.yaml", "treatment", {
            "id": treatment_id, "name": f"Treatment {index}",
            "caveats": [{"text": _sentence(rng)}],
            "questions": [f"Could treatment {index} suit me?"],
        })
    _dump(folder / "statements.yaml", "statements", {"statements": statements})
    _dump(folder / "sources" / "benchmark-source.yaml", "source", {
        "id": "benchmark-source", "publisher": "The benchmark", "title": "Made-up source", "reference": "Generated",
        "accessed": "2026-01-01", "text": "\n".join(s["text"] for s in statements) + "\n",
    })


def _dump(path: Path, schema: str, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MODELINE.format(schema) + yaml.safe_dump(data, sort_keys=False), "utf-8")
