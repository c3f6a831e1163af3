"""The core's addresses are MkDocs' own. model/paths.py restates MkDocs' rules for `use_directory_urls` so that the
core never imports MkDocs; here, for every page and file the site publishes (listed by the core, as the hooks
hand them to MkDocs), paths.url gives the address MkDocs itself publishes it at, and every address in the link
catalogue is one of them.

The offline copy's .html addresses are computed by MkDocs alone (the core has no function for them):
tests/take_away/test_offline.py holds MkDocs' rule there to the files `make offline` writes.
"""

import pytest

from conftest import EXAMPLE_CONTENT, ROOT
from patient_info.model import paths
from published_files import mkdocs_config, mkdocs_url, published

# The real content, and the example fixture, whose aliases add pages at old addresses.
SITES = {"real": ROOT / "content", "example": EXAMPLE_CONTENT}


@pytest.fixture(scope="module")
def config():
    return mkdocs_config(offline=False)


@pytest.fixture(scope="module", params=sorted(SITES))
def site_files(request):
    return published(SITES[request.param])


def test_the_published_site_has_directory_urls(config):
    assert config.use_directory_urls


def test_every_published_page_and_file_is_at_the_address_mkdocs_gives_it(config, site_files):
    pages, static, _ = site_files
    assert len(pages) > 10 and any(uri.endswith("index.html") for uri in static)
    disagree = {uri: (paths.url(uri), mkdocs_url(config, uri)) for uri in [*pages, *static]
                if paths.url(uri) != mkdocs_url(config, uri)}
    assert disagree == {}


def test_every_catalogue_address_is_where_mkdocs_publishes_a_file(config, site_files):
    pages, static, links = site_files
    published_at = {mkdocs_url(config, uri) for uri in [*pages, *static]}
    # The PDFs are printed after the build, beside the pages; an old #anchor is an id on the live page.
    addresses = [link.page_address for link in links if link.kind != "pdf"]
    addresses += [old for link in links if link.kind != "pdf" for old in link.previous if "#" not in old]
    assert len(addresses) > 20
    assert [address for address in addresses if address not in published_at] == []


def test_old_addresses_are_compared_too():
    """The example content's aliases publish pages at old addresses: the comparison above covers them."""
    _, static, links = published(EXAMPLE_CONTENT)
    old = [address for link in links if link.kind != "pdf" for address in link.previous if "#" not in address]
    assert old and all(paths.redirect_file(address) in static for address in old)


@pytest.mark.parametrize("src_uri", ["guide/README.md", "guide/README/index.md"])
def test_the_comparison_finds_a_rule_the_core_does_not_share(config, src_uri):
    """MkDocs publishes README.md as its folder's index; paths.url does not (no page of ours is called README).
    So the comparison above can fail: had the core named a page README.md, the address would differ."""
    assert mkdocs_url(config, "guide/README.md") == "guide/"
    assert (paths.url(src_uri) == mkdocs_url(config, src_uri)) == (src_uri != "guide/README.md")
