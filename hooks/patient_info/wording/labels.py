"""Labels keyed by the content's own closed lists (a caveat's importance, a statement's kind): the words
readers see for each value, marked for the catalogue. Looked up with the site's Wording."""

from . import N_

# The label before a caveat, on the web pages and on the printed summary.
CAVEAT = {"important": N_("Important"), "note": N_("Good to know")}
# A treatment page's sections, one per kind of statement. Neutral on purpose: each statement's own words say
# how likely it is ("not usually", "may not"), so a heading never makes it stronger or weaker.
KIND_HEADING = {
    "how-often": N_("How often it is used"),
    "what-it-is": N_("What it is"),
    "when-used": N_("When it may be used"),
    "not-suitable": N_("When it may not be suitable"),
    "can-achieve": N_("What it can do"),
    "used-with": N_("Used with other treatments"),
}

# Said on every page of a topic that no clinician has checked, on its printed summary and its card, and given
# to clinics (links.json, the code answers, the pages for clinics) so they can see it before they link.
REVIEW_NOTICE_TITLE = N_("Not yet checked by a doctor or nurse")
REVIEW_LINE = N_("Not yet checked by a doctor or nurse.")  # the line at the top of each page
REVIEW_NOTICE = N_("A doctor or nurse has not yet checked this information.")
REVIEW_NOTICE_MORE = N_("It is adapted from a published source. Ask your care team about your own treatment.")


def review_notice(words, *, clinically_reviewed: bool) -> str | None:
    """The whole notice a topic's pages show while no clinician has checked it; None once one has."""
    return None if clinically_reviewed else f"{words(REVIEW_NOTICE)} {words(REVIEW_NOTICE_MORE)}"
