"""Stage 4: what happens to each page MkDocs has built: glossary links and its text (page_html),
readability, the content report and the theme's markup fixes."""
