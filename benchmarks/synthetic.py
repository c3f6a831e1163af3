"""Synthetic content for benchmarks: made-up topics shaped like the real one, never medical text."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

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
        "name": "Benchmark site", "publisher": "Published by the benchmark.",
        "contact": "This is benchmark data.", "disclaimer": "This is made-up benchmark data, not health information.",
    })
    _dump(folder / "glossary.yaml", "glossary", {
        "terms": [{"id": term.replace(" ", "-"), "term": term.capitalize(),
                   "definition": f"A made-up word for the benchmark, like {WORDS[index]}.", "basis": "dictionary"}
                  for index, term in enumerate(TERMS)],
        "everyday_words": ["information"],
    })
    for number in range(topics):
        _write_topic(folder / f"topic-{number:04d}", number, rng)
    return folder


def _sentence(rng: random.Random, words: int = 10) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    chosen[rng.randrange(words)] = rng.choice(TERMS)
    return " ".join(chosen).capitalize() + "."


def _write_topic(folder: Path, number: int, rng: random.Random) -> None:
    treatment_ids = [f"treatment-{t}" for t in range(TREATMENTS_PER_TOPIC)]
    factors = [{
        "id": f"factor-{f}",
        "question": f"Question {f} about topic {number}?",
        "importance": "main" if f < 3 else "also-matters",
        "explanation": [_sentence(rng), _sentence(rng)],
        "values": [{"id": f"value-{v}", "label": f"Answer {v}"} for v in range(VALUES_PER_FACTOR)],
    } for f in range(FACTORS_PER_TOPIC)]
    _dump(folder / "topic.yaml", "topic", {
        "id": folder.name, "title": f"Made-up topic {number}", "summary": _sentence(rng),
        "aim": [_sentence(rng)], "treatments": treatment_ids,
        "codes": {"icd10": [f"Z{number % 100:02d}.{number // 100}"], "snomed": [f"{900000000 + number}"]},
        "review": {"last_reviewed": "2026-01-01", "next_review_due": "2099-01-01", "reviewed_by": "benchmark",
                   "sources": [{"title": "Benchmark", "reference": "Generated", "accessed": "2026-01-01"}]},
        "caveats": [{"text": _sentence(rng), "importance": "important"}, {"text": _sentence(rng)}],
        "questions": [f"Question {q}?" for q in range(3)],
    })
    _dump(folder / "factors.yaml", "factors", {"factors": factors})
    for index, treatment_id in enumerate(treatment_ids):
        partner = treatment_ids[(index + 1) % len(treatment_ids)]
        _dump(folder / "treatments" / f"{treatment_id}.yaml", "treatment", {
            "id": treatment_id, "name": f"Treatment {index}", "summary": _sentence(rng),
            "how_often": rng.choice(["most-common", "sometimes", "small-number", "may-be-used", "not-stated"]),
            "what_it_is": [_sentence(rng, 14), _sentence(rng, 14)],
            "when_used": [{"text": _sentence(rng), "factors": {f"factor-{index % FACTORS_PER_TOPIC}": ["value-0"]}}],
            "not_suitable_when": [{"text": _sentence(rng),
                                   "factors": {f"factor-{(index + 1) % FACTORS_PER_TOPIC}": ["value-1"]}}],
            "used_with": [{"treatment": partner, "role": "alongside", "text": _sentence(rng)}],
            "caveats": [{"text": _sentence(rng)}],
            "questions": [f"Could treatment {index} suit me?"],
        })


def _dump(path: Path, schema: str, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MODELINE.format(schema) + yaml.safe_dump(data, sort_keys=False), "utf-8")
