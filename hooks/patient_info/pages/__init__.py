"""Stage 3: model → Markdown pages, one template each (in templates/): topic pages, the printable
handout, the pages for clinics and the field reference."""
