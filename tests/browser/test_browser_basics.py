"""The built site works in a real browser: pages render, and nothing is fetched from other hosts."""

from urllib.parse import urlsplit

import pytest

from conftest import TOPIC

URLS = ["/", f"/{TOPIC}/", f"/{TOPIC}/how-treatment-is-chosen/", f"/{TOPIC}/treatments/surgery/", f"/{TOPIC}/summary/"]


@pytest.mark.parametrize("path", URLS)
def test_page_loads_only_from_its_own_host(served_site, browser, path):
    page = browser.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        response = page.goto(served_site.url(path), wait_until="networkidle")
        assert response.status == 200
        assert page.locator("h1").count() == 1
    finally:
        page.close()
    own = urlsplit(served_site.base_url).netloc
    foreign = [url for url in requested if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own]
    assert foreign == []
