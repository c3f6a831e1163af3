"""Everything the content decides about a build, judged once for `make check` and for the build alike.

The strict build fails on content mistakes, and on warnings the content causes: long
words the glossary does not explain, a printable summary that will not fit one page,
a published address that has vanished. `patient-info check` and the MkDocs hooks both
ask this module, so that one never passes what the other stops. Every message names a
content file and, where one is to blame, its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .content.check import CheckResult, check_content
from .content.files import display_path
from .content.load import load_document
from .content.web_addresses import web_address_problem
from .errors import ContentError
from .links.addresses import FILE_NAME as ADDRESSES_FILE, vanished_addresses
from .links.catalogue import Link, catalogue
from .model.site import Site
from .pages.handout import Handout, plan_sheet
from .pages.render import summary_handouts

SITE_URL_SOURCE = "SITE_URL"  # how messages name the setting: the environment variable, or mkdocs.yml's site_url
SITE_URL_EXAMPLE = "https://info.example-clinic.org/"


@dataclass(frozen=True)
class Verdict:
    """The site's model (None if it has mistakes), the mistakes that stop any build, the warnings that stop a
    strict build, and notices that stop nothing."""

    site: Site | None
    errors: list[ContentError]
    warnings: list[ContentError] = field(default_factory=list)
    notices: list[ContentError] = field(default_factory=list)
    unexplained: list[ContentError] = field(default_factory=list)  # among the warnings: for the content report
    handouts: dict[str, Handout] = field(default_factory=dict)
    links: tuple[Link, ...] = ()


def judge(content_dir: Path, *, site_url: str, today: date | None, overdue_is_error: bool = True,
          only_topics: tuple[str, ...] | None = None) -> Verdict:
    """With `only_topics`, the editors' preview of part of a library: the other topics are left out."""
    url_error = site_url_mistake(site_url)
    if url_error is not None:
        return Verdict(None, [url_error])
    result = check_content(content_dir, today=today, overdue_is_error=overdue_is_error, only_topics=only_topics)
    if result.errors:
        return Verdict(None, result.errors, notices=result.notices)
    return _judge_site(Path(content_dir), result, site_url)


def _judge_site(content_dir: Path, result: CheckResult, site_url: str) -> Verdict:
    site = result.site
    handouts = summary_handouts(site, site_url=site_url)
    links = catalogue(site)
    warnings = [*result.unexplained, *_handouts_too_long(content_dir, handouts)]
    notices = list(result.notices)
    addresses = content_dir / ADDRESSES_FILE
    shown = f"{display_path(content_dir)}/{ADDRESSES_FILE}"
    if addresses.exists():
        warnings += vanished_addresses(addresses, shown, links)
    else:
        notices.append(ContentError(shown, None, None, "there is no list of published addresses, so a renamed "
                                    "page would not be noticed", "run 'make addresses' and commit the list"))
    return Verdict(site, [], warnings, notices, result.unexplained, handouts, links)


def _handouts_too_long(content_dir: Path, handouts: dict[str, Handout]) -> list[ContentError]:
    errors = []
    for topic_id, handout in handouts.items():
        fit = plan_sheet(handout)
        if not fit.fits:
            file = content_dir / topic_id / "topic.yaml"
            document, _ = load_document(file, display_path(file))
            errors.append(document.error(("summary",), fit.overflow_message(), key=True))
    return errors


def site_url_mistake(site_url: str) -> ContentError | None:
    """The site's address is written on handouts, encoded in QR codes and used in canonical links: one address
    that means the same in each of them, or a message."""
    problem = web_address_problem(site_url, whole_site=True)
    if problem is None:
        return None
    return ContentError(SITE_URL_SOURCE, None, None, f"the site's web address '{site_url[:200]}' cannot be used: {problem}",
                        f"set SITE_URL, or site_url in mkdocs.yml, to an address such as {SITE_URL_EXAMPLE}")
