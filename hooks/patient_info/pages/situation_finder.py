"""A topic's situation finder (/<topic>/situations/): what its template needs besides every page's context.

Without JavaScript the page lists the questions that decide treatment, each answer a link to its own page.
With it, docs/assets/situation-finder.js lets a reader choose one answer per question and shows what the
information says for those answers (selection.my_situation): the build writes every statement into the page
once, hidden, in the summary's order, and each part the view may show (one per answer, one for everyone) as
lists of statement ids in the order the selection rule arranged them, and on each statement the answers that
rule it out (selection.ruled_out_by); the script only places, shows and hides statements by those lists. The answers live in the address after "#", so a nurse can print or send it and no
server ever receives them; the printed address and its QR code carry them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import page_kinds
from ..links.qr import qr_inline
from ..model import paths, selection
from ..model.selection import Group
from ..model.site import Factor, FactorValue, Site, Topic
from ..text import css_string
from ..wording import wording as wording_for

@dataclass(frozen=True)
class Part:
    """One part of the page the script may show: an answer's (factor and value), or everyone's (both None)."""

    factor: Factor | None
    value: FactorValue | None
    groups: tuple[Group, ...]  # each with statements (groups of statements shown earlier are left out)

    @property
    def name(self) -> str:
        """How the page and its address name the part: "<factor>=<answer>", or "everyone"."""
        return f"{self.factor.id}={self.value.id}" if self.factor else "everyone"


def context(kind, site: Site, inputs, catalogue, topic: Topic) -> dict:
    """The parts, the page's published address and its QR code (the script redraws both with the answers), and
    the printed sheet's words, shared with the summary's (its source line, review status, dates and contact)."""
    w = wording_for(inputs.language)
    address = paths.absolute_url(inputs.site_url, kind.address(topic))
    parts = tuple(Part(*(answer or (None, None)), tuple(group for group in groups if group.statements))
                  for answer, groups in selection.my_situation_parts(topic))
    # For each statement that answers can rule out: the sets of answers that do, "a+b" for a set, space between.
    ruled_out = {s.id: " ".join("+".join(sorted(combination)) for combination in combinations)
                 for s in topic.statements if (combinations := selection.ruled_out_by(topic, s))}
    # Under everyone's part, a treatment shown by what it is alone must not read as offered to the reader: the
    # script shows a link to its page when one of these (when it is used, whom it does not suit) is not shown.
    here = kind.address(topic)
    limits = {t.id: (" ".join(s.id for s in selection.limits_of(topic, t)),
                     paths.relative_url(here, page_kinds.TREATMENT.address(topic, t))) for t in topic.treatments}
    return {"parts": parts, "ruled_out": ruled_out, "limits": limits, "address": address,
            "qr_code": qr_inline(address, css_class="my-situation-qr"),
            "sheet": inputs.handouts[topic.id].words,
            "meta": {"situation_finder": "yes", "print_title": css_string(kind.title(w, site, topic))}}
