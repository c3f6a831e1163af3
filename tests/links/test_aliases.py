"""Ids never change silently: old ids (aliases) keep old addresses working, and may not lead to two places."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLE_CONTENT, build_or_fail, mkdocs_build
from conftest import plan_for

pytestmark = pytest.mark.build  # every test here builds a site

TOPIC = "glimmer-fever"


def edit_yaml(file: Path, change) -> None:
    data = yaml.safe_load(file.read_text("utf-8"))
    change(data)
    file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def line_of(file: Path, text: str) -> int:
    return next(n for n, line in enumerate(file.read_text("utf-8").splitlines(), 1) if text in line)


def failed_build(content: Path, site_dir: Path) -> str:
    result = mkdocs_build(site_dir, content)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build should have failed"
    assert "Traceback" not in output
    return output


def second_topic(content: Path, topic_id: str, *, icd10: str, snomed: str) -> Path:
    """A copy of the fixture topic under another id and codes."""
    folder = content / topic_id
    shutil.copytree(content / TOPIC, folder)

    def rename(data):
        data["id"], data["aliases"] = topic_id, []
        data["codes"] = {"icd10": [icd10], "snomed": [snomed]}
    edit_yaml(folder / "topic.yaml", rename)
    return folder / "topic.yaml"


def test_old_treatment_id_that_is_a_live_id_names_both_places(example_copy, tmp_path):
    moonlight = example_copy / TOPIC / "treatments" / "moonlight-therapy.yaml"
    edit_yaml(moonlight, lambda data: data.update(aliases=["humming"]))
    output = failed_build(example_copy, tmp_path / "site")
    humming = example_copy / TOPIC / "treatments" / "humming.yaml"
    assert (f"{moonlight}:{line_of(moonlight, '- humming')}:" in output
            and f"the old id 'humming' is the id of a treatment at {humming}:{line_of(humming, 'id: humming')}"
            in output), output


def test_old_id_given_to_two_factors_names_both_places(example_copy, tmp_path):
    factors = example_copy / TOPIC / "factors.yaml"
    edit_yaml(factors, lambda data: data["factors"][1].update(aliases=["glimmer-hue"]))
    output = failed_build(example_copy, tmp_path / "site")
    first = line_of(factors, "glimmer-hue")
    second = next(n for n, line in enumerate(factors.read_text().splitlines(), 1) if "glimmer-hue" in line and n > first)
    assert f"{factors}:{second}:" in output
    assert f"the old id 'glimmer-hue' is already an old id of a factor at {factors}:{first}" in output


def test_old_topic_id_that_is_another_topics_id_names_both_places(example_copy, tmp_path):
    other = second_topic(example_copy, "sparkle-fever", icd10="Z99.8", snomed="999999998")
    output = failed_build(example_copy, tmp_path / "site")
    topic = example_copy / TOPIC / "topic.yaml"
    assert f"{topic}:{line_of(topic, 'sparkle-fever')}:" in output
    assert f"the old id 'sparkle-fever' is the id of a topic at {other}:{line_of(other, 'id: sparkle-fever')}" in output


def test_two_topics_claiming_one_code_fail_the_build_naming_both_files(example_copy, tmp_path):
    other = second_topic(example_copy, "other-fever", icd10="Z99.9", snomed="999999998")
    output = failed_build(example_copy, tmp_path / "site")
    topic = example_copy / TOPIC / "topic.yaml"
    claimed = [line for line in output.splitlines() if "ICD-10 code 'Z99.9' is already claimed" in line]
    assert len(claimed) == 1, output
    assert str(topic) in claimed[0] and str(other) in claimed[0]


@pytest.mark.parametrize("reserved", ["link", "for-clinics"])
def test_topic_may_not_take_an_address_the_site_uses(example_copy, tmp_path, reserved):
    edit_yaml(example_copy / TOPIC / "topic.yaml", lambda data: data.update(aliases=[reserved]))
    output = failed_build(example_copy, tmp_path / "site")
    assert f"'{reserved}' cannot be a topic id: the site uses /{reserved}/ itself" in output


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    """The fixture topic after renaming its topic, a treatment, a factor and an answer, each keeping its old id."""
    content = tmp_path_factory.mktemp("renamed") / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    (content / TOPIC).rename(content / "glimmer-illness")
    topic = content / "glimmer-illness"
    edit_yaml(topic / "topic.yaml", lambda d: d.update(
        id="glimmer-illness", aliases=[*d["aliases"], TOPIC],
        treatments=["moonlight-cure" if t == "moonlight-therapy" else t for t in d["treatments"]]))
    (topic / "treatments" / "moonlight-therapy.yaml").rename(topic / "treatments" / "moonlight-cure.yaml")
    edit_yaml(topic / "treatments" / "moonlight-cure.yaml", lambda d: d.update(
        id="moonlight-cure", aliases=["moonlight-therapy"]))

    def rename_factor(data):
        factor = data["factors"][0]
        factor.update(id="glimmer-shade", aliases=[*factor["aliases"], "glimmer-colour"])
        factor["values"][0].update(id="argent", aliases=["silver"])
    edit_yaml(topic / "factors.yaml", rename_factor)

    def renamed_condition(condition):
        if "factor" not in condition:
            return {joined: [renamed_condition(part) for part in parts] for joined, parts in condition.items()}
        if condition["factor"] != "glimmer-colour":
            return condition
        answers = ["argent" if a == "silver" else a for a in condition.get("answers", [])]
        return {"factor": "glimmer-shade", **({"answers": answers} if answers else {})}

    def rename_in_statements(data):
        for statement in data["statements"]:
            if "about" in statement:
                statement["about"] = ["moonlight-cure" if t == "moonlight-therapy" else t for t in statement["about"]]
            if "conditions" in statement:
                statement["conditions"] = renamed_condition(statement["conditions"])
    edit_yaml(topic / "statements.yaml", rename_in_statements)
    # The PDFs were published too: the strict build stops if a listed address is not answered.
    with (content / "published-addresses.txt").open("a", encoding="utf-8") as listed:
        listed.write("".join(f"/{old}/{name}\n" for old in (TOPIC, "sparkle-fever")
                             for name in ("summary.pdf", "summary-large-print.pdf")))
    return build_or_fail(content.parent / "site", content)


def landing(site, old: str) -> str:
    """Where the redirect page at an old address sends a browser, as a site path."""
    page = site.page(old)
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None, f"no redirect page at {old}"
    delay, _, target = refresh["content"].partition(";")
    assert delay.strip() == "0" and target.strip().startswith("url=")
    href = target.strip().removeprefix("url=")
    assert page.select_one("main a")["href"] == href, "the visible link and the refresh disagree"
    assert page.find("link", rel="canonical")["href"] == "https://patient-info.example.org" + site.resolve(old, href)
    return site.resolve(old, href)


@pytest.mark.parametrize("old, new", [
    ("/glimmer-fever/", "/glimmer-illness/"),
    ("/sparkle-fever/", "/glimmer-illness/"),
    ("/glimmer-fever/treatments/moonlight-therapy/", "/glimmer-illness/treatments/moonlight-cure/"),
    ("/glimmer-fever/treatments/hum/", "/glimmer-illness/treatments/humming/"),
    ("/glimmer-illness/treatments/moonlight-therapy/", "/glimmer-illness/treatments/moonlight-cure/"),
    ("/glimmer-fever/how-treatment-is-chosen/", "/glimmer-illness/how-treatment-is-chosen/"),
    ("/glimmer-fever/situations/glimmer-colour/silver/", "/glimmer-illness/situations/glimmer-shade/argent/"),
    ("/glimmer-illness/situations/glimmer-hue/gold/", "/glimmer-illness/situations/glimmer-shade/gold/"),
])
def test_renamed_ids_keep_their_old_addresses_working(renamed_site, old, new):
    assert landing(renamed_site, old) == new
    assert renamed_site.file_for(new).is_file()
    assert renamed_site.page(new).find("meta", attrs={"http-equiv": "refresh"}) is None


@pytest.mark.parametrize("old_anchor", ["glimmer-colour", "glimmer-hue"])
def test_renamed_factor_keeps_its_old_anchor_on_the_live_page(renamed_site, old_anchor):
    page = renamed_site.page("/glimmer-illness/how-treatment-is-chosen/")
    old = page.find(id=old_anchor)
    assert old is not None
    assert old.find_next(["h2"])["id"] == "glimmer-shade", "the old anchor should sit just before the section"


def test_a_renamed_topic_keeps_its_old_pdf_addresses(renamed_site):
    """make build's second step puts the same PDF at each old address: a file cannot forward, a copy can."""
    content = renamed_site.root.parent / "content"
    made = subprocess.run([sys.executable, "-m", "patient_info.cli", "pdfs", str(renamed_site.root),
                           "--content", str(content)], capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    for name in ("summary.pdf", "summary-large-print.pdf"):
        live = (renamed_site.root / "glimmer-illness" / name).read_bytes()
        assert live.startswith(b"%PDF-")
        for old in (TOPIC, "sparkle-fever"):
            assert (renamed_site.root / old / name).read_bytes() == live, f"/{old}/{name}"
    listed = json.loads((renamed_site.root / "links.json").read_text("utf-8"))["links"]
    pdf = next(link for link in listed if link["id"] == "glimmer-illness/summary.pdf")
    assert pdf["previous_urls"] == [f"https://patient-info.example.org/{old}/summary.pdf"
                                    for old in ("sparkle-fever", TOPIC)]


def test_an_old_pdf_address_without_its_alias_is_named_with_the_alias_to_add(example_copy):
    """The same list without the alias: the PDF addresses are vanished addresses like any page's."""
    listed = example_copy / "published-addresses.txt"
    listed.write_text(listed.read_text("utf-8") + "/glimmer-fever/summary.pdf\n/old-fever/summary.pdf\n", "utf-8")
    verdict = plan_for(example_copy, judge_text=False)
    vanished = [warning for warning in verdict.warnings if "no longer exists" in warning.message]
    assert [warning.message for warning in vanished] == ["the published address /old-fever/summary.pdf no longer exists"]
    assert vanished[0].hint == "add 'old-fever' to the aliases in the topic.yaml of the topic that replaced it"
