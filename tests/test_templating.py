"""The templates' words: each message put together with its values escaped, whatever was said before it."""

from patient_info.templating import environment
from patient_info.text import Markdown


def words():
    return environment("patient_info.pages", "templates", markdown=True).globals["_"]


def test_a_value_is_escaped_even_after_the_same_text_passed_as_markdown():
    say = words()
    link = "[Surgery](surgery.md)"
    # The message's own full stop is escaped too (text.escape_inline); the value passes whole only as Markdown.
    assert say("See {link}.", link=Markdown(link)) == "See [Surgery](surgery.md)\\."
    assert say("See {link}.", link=link) == "See \\[Surgery\\]\\(surgery\\.md\\)\\."
    assert say("See {link}.", link=Markdown(link)) == "See [Surgery](surgery.md)\\."


def test_the_same_message_with_other_values_says_them():
    say = words()
    assert say("Another answer: {answer}", answer="Yes") == "Another answer: Yes"
    assert say("Another answer: {answer}", answer="No") == "Another answer: No"
