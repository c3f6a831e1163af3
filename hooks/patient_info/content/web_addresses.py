"""Web and e-mail addresses from content and settings: parsed, then held to explicit rules.

A pattern such as `^https?://\\S+$` let `https://clinic.example/>)[Feedback](javascript:…)` through, and the
page then wrote the value into Markdown link syntax, which read it as a second, script link. Here an address
is split by the standard library's parser (urllib.parse) and must then be, character by character, what
RFC 3986 allows (an e-mail address: a plain address, as RFC 6068's mailto: carries it with nothing after
it). Pages write the result only as an escaped HTML attribute (pages/render.py).

Each function returns the first thing wrong with one value, in plain words, or None: one message per field.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import quote, urlsplit

from ..errors import ContentError
from .load import Document, unusual_character
from .shapes import field_of

# RFC 3986, section 2: unreserved, gen-delims and sub-delims; "%" only as the start of a percent-encoding.
_URI_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
                            ":/?#[]@" "!$&'()*+,;=" "%")
_PERCENT_ENCODING = re.compile(r"%(?![0-9A-Fa-f]{2})")
_HOST_NAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")
# A plain address: no quoted local part, no comments, and nothing a mailto: link would read as more than the
# address ("?" starts headers such as bcc=, "%" an encoding, "#" a fragment, "," a second address).
_MAIL_LOCAL_PART = re.compile(r"^[A-Za-z0-9_+'-]+(\.[A-Za-z0-9_+'-]+)*$")
_MAIL_DOMAIN = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")

WEB_SCHEMES = ("https", "http")
FORM_SCHEMES = ("https",)  # readers type into a feedback form: never over plain http
MAX_LENGTH = 500


def web_address_problem(value: str, *, schemes: tuple[str, ...] = WEB_SCHEMES, whole_site: bool = False) -> str | None:
    """What stops `value` being used as a link to another site, or None. `whole_site`: the site's own address,
    which is also written on paper and in QR codes, so it has no query or fragment either."""
    if not value:
        return "it is empty"
    if len(value) > MAX_LENGTH:
        return f"it is {len(value)} characters long, more than the {MAX_LENGTH} allowed"
    odd = _first_odd_character(value)
    if odd is not None:
        return f"it contains {odd}, which a web address cannot contain"
    if _PERCENT_ENCODING.search(value):
        return "it has a '%' that is not followed by two hexadecimal digits"
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as error:
        return f"it cannot be read as a web address ({error})"
    allowed = " or ".join(f"{scheme}://" for scheme in schemes)
    if parts.scheme.lower() not in schemes or not value.lower().startswith(parts.scheme.lower() + "://"):
        return f"it must start with {allowed}"
    if "@" in parts.netloc:
        return "it has a user name or an '@' before the host name, which can hide the real site"
    if not _is_host(parts.hostname or "", bracketed=parts.netloc.startswith("[")):
        return f"'{parts.hostname or ''}' is not a host name"
    if port == 0:
        return "its port number is 0"
    after_host = value[len(parts.scheme) + 3 + len(parts.netloc):]
    if "[" in after_host or "]" in after_host:
        return "it has '[' or ']' after the host name, which must be written %5B and %5D"
    if whole_site and ("?" in value or "#" in value):
        return "it has a '?' or '#', and the site's own address cannot have a query or a fragment"
    if whole_site and "'" in value:
        return "it has a quote ('), which the site's own address cannot have"
    return None


def email_address_problem(value: str) -> str | None:
    """What stops `value` being used as a plain e-mail address in a mailto: link, or None."""
    if not value:
        return "it is empty"
    if len(value) > 254:
        return f"it is {len(value)} characters long, more than the 254 an e-mail address can have"
    odd = _first_odd_character(value)
    if odd is not None:
        return f"it contains {odd}, which an e-mail address here cannot contain"
    if value.count("@") != 1:
        return f"it has {value.count('@')} '@' signs where a plain address has one"
    local, domain = value.split("@")
    if len(local) > 64:
        return f"the part before the '@' is {len(local)} characters long, more than the 64 an address can have"
    if not local or not _MAIL_LOCAL_PART.match(local):
        wrong = next((character for character in local if not (character.isalnum() or character in "._+'-")), "")
        what = f"'{wrong}'" if wrong else "an empty part or two dots in a row"
        return (f"the part before the '@' has {what}: only letters, digits and . _ + ' - are allowed, and "
                "nothing after the address (no ?subject= or other header)")
    if not _MAIL_DOMAIN.match(domain):
        return f"'{domain}' after the '@' is not a domain name such as clinic.example.org"
    return None


def _first_odd_character(value: str) -> str | None:
    """The first character outside RFC 3986's set, named so that an invisible one can be found."""
    for position, character in enumerate(value, start=1):
        if character not in _URI_CHARACTERS:
            return f"{_named(character)} at character {position}"
    return None


def _named(character: str) -> str:
    if not character.isascii() and character.isprintable() and not character.isspace():
        return f"'{character}' (a web address has it percent-encoded: {quote(character)})"
    if character == " ":
        return "a space"
    if character == "\\":
        return "a backslash (\\)"
    if character.isprintable() and not character.isspace():
        return f"'{character}'"
    return f"the invisible character U+{ord(character):04X} ({unicodedata.name(character, 'no name')})"


def _is_host(host: str, *, bracketed: bool) -> bool:
    if bracketed:
        try:
            return isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address)
        except ValueError:
            return False
    return _HOST_NAME.match(host) is not None


# The content's address fields -----------------------------------------------

def _reported_by_the_loader(value: str) -> bool:
    """Whether the value holds a character the loader reports wherever it is (an invisible character, a line
    separator): one message for that mistake is enough."""
    return unusual_character(value) is not None


def site_address_mistakes(document: Document) -> list[ContentError]:
    """site.yaml's feedback form and e-mail address."""
    feedback = document.data.get("feedback") if isinstance(document.data, dict) else None
    errors = []
    form = field_of(feedback, "form", str)
    if form is not None and not _reported_by_the_loader(form):
        problem = web_address_problem(form, schemes=FORM_SCHEMES)
        if problem:
            errors.append(document.error(("feedback", "form"), f"the feedback form's address cannot be used: {problem}",
                                         "write the form's whole address as the browser shows it, such as "
                                         "https://clinic.example.org/feedback"))
    email = field_of(feedback, "email", str)
    if email is not None and not _reported_by_the_loader(email):
        problem = email_address_problem(email)
        if problem:
            errors.append(document.error(("feedback", "email"),
                                         f"the feedback e-mail address cannot be used: {problem}",
                                         "write one plain address, such as feedback@clinic.example.org"))
    return errors


def source_address_mistakes(document: Document) -> list[ContentError]:
    """A source file's web address."""
    url = field_of(document.data, "url", str)
    problem = None if url is None or _reported_by_the_loader(url) else web_address_problem(url)
    if problem is None:
        return []
    return [document.error(("url",), f"the source's web address cannot be used: {problem}",
                           "copy the address from the browser's address bar; it starts with https:// or http://")]
