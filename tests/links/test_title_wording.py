"""A page's title where it stands alone (the browser tab, a shared link's preview) names the page, its topic
and who publishes it, composed in the site's wording."""

import pytest

from patient_info.links.head import full_title
from patient_info.model.site import SiteSettings
from patient_info.wording import Wording


class _Site:
    settings = SiteSettings(name="Patient information", publisher="Riverside Hospital", contact="Ask.",
                            disclaimer="General.")


class _Topic:
    title = "Secondary cancer in the liver"


@pytest.mark.parametrize("title, topic, expected", [
    ("Surgery", _Topic, "Surgery – Secondary cancer in the liver – Riverside Hospital"),
    ("If the cancer started in the bowel", _Topic,
     "If the cancer started in the bowel – Secondary cancer in the liver – Riverside Hospital"),
    # A title that names its topic already does not name it twice.
    ("Secondary cancer in the liver: treatment overview", _Topic,
     "Secondary cancer in the liver: treatment overview – Riverside Hospital"),
    ("Links for secondary cancer in the liver", _Topic, "Links for secondary cancer in the liver – Riverside Hospital"),
    ("Glossary", None, "Glossary – Riverside Hospital"),
])
def test_the_title_names_the_page_its_topic_and_the_publisher(title, topic, expected):
    assert full_title(Wording("en"), _Site, title, topic) == expected


def test_the_title_is_composed_in_the_sites_wording():
    words = Wording("xx", {"{page} – {topic} – {publisher}": "{publisher} | {topic} | {page}"})
    assert full_title(words, _Site, "Surgery", _Topic) == "Riverside Hospital | Secondary cancer in the liver | Surgery"
