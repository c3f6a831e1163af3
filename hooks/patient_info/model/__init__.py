"""The site as every stage sees it: frozen dataclasses, the glossary, diagnosis codes, page addresses and
fixed wording. Imports nothing from the stages that make or use it."""
