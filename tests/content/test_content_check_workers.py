"""A large site is checked on every core: worker processes find the same site and the same mistakes."""

import shutil
from datetime import date

import pytest

from conftest import EXAMPLE_CONTENT, ROOT
from patient_info import workers
from patient_info.content.check import check_content


@pytest.fixture(autouse=True)
def one_topic_per_task(monkeypatch):
    """With two topics, each process can take one: the worker's results are copied back."""
    monkeypatch.setattr(workers, "PER_TASK", 1)


def two_topics(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    shutil.copytree(ROOT / "content" / "secondary-liver-cancer", content / "secondary-liver-cancer")
    return content


def test_worker_processes_build_the_same_site(tmp_path):
    content = two_topics(tmp_path)
    alone, shared = check_content(content, workers=1), check_content(content, workers=2)
    assert alone.errors == shared.errors == []
    assert shared.site == alone.site and len(shared.site.topics) == 2
    assert shared.unexplained == alone.unexplained


def test_worker_processes_report_the_same_mistakes_in_the_same_order(tmp_path):
    content = two_topics(tmp_path)
    humming = content / "glimmer-fever" / "treatments" / "humming.yaml"
    humming.write_text(humming.read_text("utf-8").replace("how_often:", "how_often_typo:"), "utf-8")
    topic = content / "secondary-liver-cancer" / "topic.yaml"
    topic.write_text(topic.read_text("utf-8").replace("next_review_due: ", "next_review_due: 2000-01-01\n#"), "utf-8")
    alone = check_content(content, today=date(2026, 11, 29), workers=1)
    shared = check_content(content, today=date(2026, 11, 29), workers=2)
    assert shared.site is None and len(alone.errors) >= 2
    assert [str(error) for error in shared.errors] == [str(error) for error in alone.errors]
