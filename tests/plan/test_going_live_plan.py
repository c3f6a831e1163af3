"""No placeholder reaches the public: a site that is not a demonstration is refused while its address is an
example or readers have no one to call, one mistake each at site.yaml's line; a demonstration is built and
says so. Readers' help that is missing is a notice the preview shows. Pure: the plan, without MkDocs."""

import pytest
import yaml

from conftest import plan_for
from patient_info.plan.going_live import placeholder_address

REAL_ADDRESS = "https://info.riverside-hospital.org.uk/"
CLINIC = {"name": "Riverside Test Clinic", "phone": "020 7946 0999"}


def set_site(content, **fields) -> int:
    """Adds fields to site.yaml; returns the line the first one is on (1-based)."""
    site = content / "site.yaml"
    text = site.read_text("utf-8")
    line = text.count("\n") + 1
    site.write_text(text + yaml.safe_dump(fields, sort_keys=False, allow_unicode=True), "utf-8")
    return line


@pytest.mark.parametrize("address", [
    "https://patient-info.example.org/", "https://example.org/", "https://www.example.com/info/",
    "http://sub.example.net/", "https://info.example-clinic.org/", "http://localhost:8000/", "http://127.0.0.1/",
    "http://[::1]/", "https://patient-info.example/", "https://site.test/", "https://clinic.local/",
    "https://PATIENT-INFO.EXAMPLE.ORG./"])
def test_example_and_local_addresses_are_placeholders(address):
    assert placeholder_address(address) is not None


@pytest.mark.parametrize("address", [REAL_ADDRESS, "https://example-health.org/", "https://examples.org.uk/",
                                     "http://192.0.2.10/", "https://nhs.uk/"])
def test_a_public_address_is_not_a_placeholder(address):
    assert placeholder_address(address) is None


def test_a_site_is_a_demonstration_unless_it_says_otherwise(example_copy):
    plan = plan_for(example_copy, site_url="https://patient-info.example.org/")
    assert plan.errors == [] and plan.site.settings.demonstration is True


def test_a_live_site_at_the_example_address_without_contact_is_refused_twice_at_the_line(example_copy):
    line = set_site(example_copy, demonstration=False)
    plan = plan_for(example_copy, site_url="https://patient-info.example.org/")
    assert plan.site is None and len(plan.errors) == 2
    assert {(error.file, error.line) for error in plan.errors} == {(str(example_copy / "site.yaml"), line)}
    address, contact = sorted(plan.errors, key=lambda error: "address" not in error.message)
    assert "https://patient-info.example.org/" in address.message and "example address" in address.message
    assert "SITE_URL" in address.hint
    assert "no one to call" in contact.message and "'clinic'" in contact.message


def test_a_live_site_at_a_real_address_still_needs_a_phone_number(example_copy):
    set_site(example_copy, demonstration=False, clinic={"name": "Riverside Test Clinic"})
    [error] = plan_for(example_copy, site_url=REAL_ADDRESS).errors
    assert "have no phone number" in error.message


def test_a_live_site_with_a_real_address_and_a_phone_number_is_planned(example_copy):
    set_site(example_copy, demonstration=False, clinic=CLINIC)
    plan = plan_for(example_copy, site_url=REAL_ADDRESS)
    assert plan.errors == [] and plan.site.settings.demonstration is False


def test_the_preview_shows_a_live_sites_placeholders_as_warnings_not_a_page_of_mistakes(example_copy):
    set_site(example_copy, demonstration=False)
    plan = plan_for(example_copy, site_url="http://127.0.0.1:8000/", preview=True)
    assert plan.errors == [] and plan.site is not None
    assert sum("not a demonstration" in warning.message for warning in plan.warnings) == 2


def test_missing_help_is_a_notice_naming_what_is_missing(example_copy):
    [notice] = [n for n in plan_for(example_copy).notices if "readers are given" in n.message]
    assert notice.file == str(example_copy / "site.yaml") and notice.line == 5  # the contact line
    for name in ("'clinic'", "'support_lines'", "'if_unwell'"):
        assert name in notice.message
    set_site(example_copy, clinic=CLINIC, if_unwell="If you feel unwell, call the made-up ward.")
    [notice] = [n for n in plan_for(example_copy).notices if "readers are given" in n.message]
    assert "'support_lines'" in notice.message and "'clinic'" not in notice.message
    set_site(example_copy, support_lines=[{"name": "Made-up line", "phone": "0808 157 0999"}])
    assert not [n for n in plan_for(example_copy).notices if "readers are given" in n.message]


def test_help_is_read_into_the_model_and_the_sheet(example_copy):
    set_site(example_copy, if_unwell="If you feel unwell, call the made-up ward.",
             support_lines=[{"name": "Made-up line", "phone": "0808 157 0999", "what_for": "Support for anyone.",
                             "hours": "Every day"}, {"name": "Night line", "phone": "020 7946 0888"}])
    plan = plan_for(example_copy)
    settings = plan.site.settings
    assert [line.name for line in settings.support_lines] == ["Made-up line", "Night line"]
    [summary] = [page for page in plan.pages if page.kind == "summary"]
    assert "Made-up line: 0808 157 0999 (Every day). Support for anyone." in summary.markdown
    assert "Night line: 020 7946 0888." in summary.markdown
    assert "If you feel unwell, call the made-up ward." in summary.markdown
