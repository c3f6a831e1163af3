"""Fixed wording: page titles, one-line descriptions and labels that appear in several places (the page
itself, its <head>, links.json, the "for clinics" page, the handout). Defined once so they cannot disagree.
The wording of a single page stays in its template."""

from __future__ import annotations

from .site import Factor, FactorValue, Topic

FACTORS_TITLE = "How your treatment is chosen"
GLOSSARY_TITLE = "Glossary"
GLOSSARY_DESCRIPTION = "What the medical words on this site mean, in plain words."
ABOUT_TITLE = "About this information"
ABOUT_DESCRIPTION = "Who publishes this information, how it is written and checked, and who to contact."
HOME_SUMMARY = ("Clear information about conditions and their treatments, to read before or after you talk to "
                "your care team.")
FOR_CLINICS_TITLE = "Linking to this information"
FOR_CLINICS_SUMMARY = ("Web addresses that keep working, links by diagnosis code, QR codes and a machine-readable "
                       "list, for clinics that link to this information.")
# The link from the overview and each treatment page to the printable summary.
PRINT_SUMMARY_LINK = "Printable summary"
INFOBUTTON_TITLE = "Information by diagnosis code"
INFOBUTTON_SUMMARY = ("The address record systems and patient portals send diagnosis codes to (HL7 infobutton "
                      "requests): it opens the topic for the code.")
CONTENT_REPORT_TITLE = "Content report"
CONTENT_REPORT_DESCRIPTION = "How easy each page is to read."
FIELD_REFERENCE_TITLE = "Field reference"
FIELD_REFERENCE_DESCRIPTION = "Every field of every content file, from the JSON Schemas."
# The label before a caveat, on the web pages and on the handout.
CAVEAT_TITLES = {"important": "Important", "note": "Good to know"}
# Shown on every page of a topic that no clinician has checked, on its printed summary, and given to clinics
# (links.json, the code answers, the "for clinics" pages) so they can see it before they link.
REVIEW_NOTICE_TITLE = "Not yet checked by a doctor or nurse"
REVIEW_NOTICE_SHORT = "A doctor or nurse has not yet checked this information."  # where space is short: the handout
REVIEW_NOTICE = (REVIEW_NOTICE_SHORT + " It is adapted from a published source. "
                 "Ask your care team about your own treatment.")
# A treatment page's sections, one per kind of statement. Neutral on purpose: each statement's own
# words say how likely it is ("not usually", "may not"), so a heading never makes it stronger or weaker.
KIND_HEADINGS = {
    "what-it-is": "What it is",
    "how-often": "How often it is used",
    "when-used": "When it may be used",
    "not-suitable": "When it may not be suitable",
    "can-achieve": "What it can do",
    "used-with": "Used with other treatments",
}


def overview_title(topic: Topic) -> str:
    return f"{topic.title}: treatment overview"


def summary_title(topic: Topic) -> str:
    return f"{topic.title}: treatment summary"


def large_print_title(topic: Topic) -> str:
    return f"{topic.title}: treatment summary in large print"


def large_print_description(topic: Topic) -> str:
    return f"The printable summary of {topic.title.lower()} in large print, for people who find small print hard to read."


def summary_pdf_title(topic: Topic) -> str:
    return f"{topic.title}: treatment summary (PDF)"


def summary_pdf_description(topic: Topic) -> str:
    return f"The printable summary of {topic.title.lower()} as a PDF, to attach to a letter or a message."


def large_print_pdf_title(topic: Topic) -> str:
    return f"{topic.title}: treatment summary in large print (PDF)"


def large_print_pdf_description(topic: Topic) -> str:
    return f"The large-print summary of {topic.title.lower()} as a PDF, to attach to a letter or a message."


def factors_description(topic: Topic) -> str:
    return f"What decides the treatment for {topic.title.lower()}."


def statements_report_title(topic: Topic) -> str:
    return f"Statements and their source: {topic.title}"


def statements_report_description(topic: Topic) -> str:
    return f"Each statement about {topic.title.lower()} beside the source words it restates."


def situation_title(factor: Factor, value: FactorValue) -> str:
    """A situation page's h1: the factor's question and this answer, both in the content's own words."""
    return f"{factor.question} {value.label}"


def situation_description(factor: Factor, value: FactorValue) -> str:
    return f"What this information says about treatment if your answer to '{factor.question}' is '{value.label}'."


def summary_description(topic: Topic) -> str:
    return f"A printable summary of {topic.title.lower()} and its treatments, on one sheet of paper."


def for_clinics_topic_title(topic: Topic) -> str:
    return f"Links for {topic.title.lower()}"


def for_clinics_topic_description(topic: Topic) -> str:
    return f"Web addresses for {topic.title.lower()} that keep working, with QR codes and HTML to paste."


def review_notice(topic: Topic) -> str | None:
    """The notice a topic's pages show while no clinician has checked it; None once one has."""
    return None if topic.review.clinically_reviewed else REVIEW_NOTICE


def code_link_title(topic: Topic, system_name: str, code: str) -> str:
    return f"{topic.title} ({system_name} code {code})"


def code_answer_subtitle(system_name: str, code: str) -> str:
    """What a record system shows above the links it reads for a diagnosis code."""
    return f"Information for {system_name} code {code}"


# The embed card's links (on the card, and in the HTML clinics paste instead of it), by the kind of page.
CARD_LINK_TEXT = {"topic": "Read about the treatments", "summary": "Print a one-page summary"}


def embed_iframe_title(topic: Topic) -> str:
    """The iframe's title, which screen readers announce on the clinic's page."""
    return f"{topic.title}: patient information"


def embed_title(topic: Topic) -> str:
    return f"Card for your web page: {topic.title.lower()}"


def embed_description(topic: Topic) -> str:
    return f"A small card about {topic.title.lower()} to show on your own web page, always up to date."
