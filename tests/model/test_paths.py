"""The address contract: no topic id may take a folder the site uses itself."""

from conftest import ROOT
from patient_info.model import paths
from patient_info.page_kinds import reserved_folders


def test_every_top_level_folder_of_docs_is_a_reserved_topic_id():
    # docs/overrides/ is left out of the site (exclude_docs), so a topic called 'overrides' lost its pages.
    folders = {entry.name for entry in (ROOT / "docs").iterdir() if entry.is_dir()}
    assert folders <= reserved_folders(), folders - reserved_folders()


def test_every_folder_a_page_kind_publishes_in_is_reserved():
    assert {"link", "for-clinics", "embed", "editors", "glossary", "about"} <= reserved_folders()


def test_the_default_site_url_is_mkdocs_yml_s():
    assert f'SITE_URL, "{paths.DEFAULT_SITE_URL}"' in (ROOT / "mkdocs.yml").read_text("utf-8")
