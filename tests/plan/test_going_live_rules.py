"""The going-live guard's rules, each by its whole answer (plan/going_live.py): why an address is a placeholder,
the two mistakes of a live site with their hint, and the notice naming the readers' help that is missing.
Pure: the plan, without MkDocs."""

import pytest

from conftest import plan_for
from test_going_live_plan import CLINIC, REAL_ADDRESS, set_site
from patient_info.plan.going_live import GOING_LIVE_HINT, placeholder_address

PROJECT = "it is this project's example address"
EXAMPLE = "it is an example domain, kept for examples and never a real site"
OWN = "it is this computer's own address"


@pytest.mark.parametrize("address, reason", [
    ("https://patient-info.example.org/", PROJECT), ("https://INFO.EXAMPLE-CLINIC.ORG./x/", PROJECT),
    ("https://example.org/", EXAMPLE), ("https://www.example.com/info/", EXAMPLE), ("http://a.b.example.net/", EXAMPLE),
    ("http://localhost:8000/", "it ends in '.localhost', a name kept for examples and local machines"),
    ("https://site.test/", "it ends in '.test', a name kept for examples and local machines"),
    ("https://clinic.internal/", "it ends in '.internal', a name kept for examples and local machines"),
    ("http://127.0.0.1/", OWN), ("http://[::1]:8000/", OWN), ("http://0.0.0.0/", OWN),
    ("https://notexample.org/", None), ("https://example.org.uk/", None), ("http://10.0.0.1/", None),
    ("https://localhost.clinic.org/", None), ("file:///tmp/site/", None)])
def test_each_kind_of_placeholder_address_says_why(address, reason):
    assert placeholder_address(address) == reason


def test_a_live_site_is_told_each_mistake_whole_with_its_hint(example_copy):
    set_site(example_copy, demonstration=False, clinic={"name": "Riverside Test Clinic"})
    errors = plan_for(example_copy, site_url="http://localhost:8000/").errors
    assert [(error.message, error.hint) for error in errors] == [
        ("this site is not a demonstration ('demonstration: false'), but the web address it is built for, "
         "http://localhost:8000/, cannot be published: it ends in '.localhost', a name kept for examples and local "
         "machines. Every QR code, printed address and shared link would lead nowhere",
         "build with SITE_URL set to the address the site is published at, such as "
         f"SITE_URL=https://info.your-hospital.org/ make build; {GOING_LIVE_HINT}"),
        ("this site is not a demonstration ('demonstration: false'), but it gives readers no one to call: its "
         "contact details ('clinic') have no phone number",
         "add a 'clinic' block with the name and the real phone number of the team or publisher readers can call; "
         f"{GOING_LIVE_HINT}")]
    assert GOING_LIVE_HINT == "see 'Going live' in README.md, or keep 'demonstration: true' until the site is ready"


def test_a_long_address_is_cut_in_the_message(example_copy):
    set_site(example_copy, demonstration=False, clinic=CLINIC)
    address = "https://example.org/" + "a" * 300
    [error] = plan_for(example_copy, site_url=address).errors
    assert f"built for, {address[:200]}, cannot" in error.message


HINT = ("add what your service really offers to site.yaml, as 'Who to contact' in README.md shows; never invent "
        "a number")


@pytest.mark.parametrize("fields, listed", [
    ({}, "no contact details with a phone number ('clinic'), no support lines ('support_lines') and nothing on "
         "what to do if unwell ('if_unwell')"),
    ({"clinic": CLINIC}, "no support lines ('support_lines') and nothing on what to do if unwell ('if_unwell')"),
    ({"clinic": CLINIC, "if_unwell": "If you feel unwell, call the made-up ward."},
     "no support lines ('support_lines')"),
    ({"clinic": {"name": "Riverside Test Clinic"}, "if_unwell": "Call the made-up ward.",
      "support_lines": [{"name": "Made-up line", "phone": "0808 157 0999"}]},
     "no contact details with a phone number ('clinic')")])
def test_the_notice_names_each_kind_of_help_missing(example_copy, fields, listed):
    if fields:
        set_site(example_copy, **fields)
    [notice] = [n for n in plan_for(example_copy).notices if "readers are given" in n.message]
    assert (notice.message, notice.hint) == (
        f"readers are given {listed}: each page's 'Who to contact' box and each printed summary tell them only to "
        "ask their care team", HINT)


def test_a_live_site_without_contact_details_is_told_so_at_the_demonstration_key(example_copy):
    line = set_site(example_copy, demonstration=False)
    [error] = [e for e in plan_for(example_copy, site_url=REAL_ADDRESS).errors]
    assert (error.line, error.column) == (line, 1)  # the key "demonstration:", where the editor changes it
    assert error.message == ("this site is not a demonstration ('demonstration: false'), but it gives readers no "
                             "one to call: it has no contact details ('clinic')")


def test_without_a_readable_site_file_the_mistakes_name_the_file_alone(example_copy, tmp_path):
    from patient_info.content.check import load_site
    from patient_info.plan.going_live import going_live_mistakes
    set_site(example_copy, demonstration=False)
    settings = load_site(example_copy).settings
    [error] = going_live_mistakes(tmp_path, settings, REAL_ADDRESS)
    assert (error.file, error.line, error.column) == ("site.yaml", None, None)
    assert error.message.endswith("it has no contact details ('clinic')")
    assert error.hint.endswith(GOING_LIVE_HINT)
