"""Patient information content: load → validate → model → render.

Pure Python; nothing here imports MkDocs, so the core is testable without a
build and can move to another site engine.
"""
