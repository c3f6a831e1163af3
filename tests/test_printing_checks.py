"""The check that large print leaves no heading or list item alone finds each fault it looks for: made-up pages
with a heading at the foot of a page, and a list's last item at the top of the next."""

from printing import Block, block_pages, left_alone

HEADING = Block("heading", "Things to keep in mind")
TEXT = Block("other", "Important: This page gives general information.")
QUESTIONS = [Block("item", text, list=1, index=i, size=3)
             for i, text in enumerate(["What is the aim?", "What side effects might I have?", "How long to recover?"])]


def compact(*texts: str) -> str:
    return "".join("".join(text.split()) for text in texts)


def test_blocks_are_found_on_the_page_they_start_on_even_across_a_page_break():
    pages = [compact("Things to keep", ), compact("in mind", TEXT.text)]
    assert block_pages(pages, [HEADING, TEXT]) == [0, 1]


def test_a_page_break_between_whole_blocks_in_their_places_is_no_problem():
    pages = [compact(TEXT.text), compact(HEADING.text, TEXT.text, *(q.text for q in QUESTIONS))]
    assert left_alone(pages, [TEXT, HEADING, TEXT, *QUESTIONS]) == []


def test_a_heading_at_the_foot_of_a_page_is_found():
    pages = [compact(TEXT.text, HEADING.text), compact(TEXT.text)]
    assert left_alone(pages, [TEXT, HEADING, TEXT]) == ["heading alone on page 1: 'Things to keep in mind'"]


def test_a_lists_last_item_alone_at_the_top_of_a_page_is_found():
    pages = [compact(QUESTIONS[0].text, QUESTIONS[1].text), compact(QUESTIONS[2].text, TEXT.text)]
    assert left_alone(pages, [*QUESTIONS, TEXT]) == ["last item alone at the top of page 2: 'How long to recover?'"]


def test_the_last_two_items_together_at_the_top_of_a_page_are_not_alone():
    pages = [compact(QUESTIONS[0].text), compact(QUESTIONS[1].text, QUESTIONS[2].text)]
    assert left_alone(pages, QUESTIONS) == []


def test_a_block_missing_from_the_printed_text_is_named():
    assert left_alone([compact(TEXT.text)], [TEXT, HEADING]) == ["not found in the printed text: 'Things to keep in mind'"]
