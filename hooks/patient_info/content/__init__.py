"""Stage 1: find the content files, load them with line marks, check them (schemas, cross-file references,
ids, plain language, review dates) and build the model. Every mistake is returned as data."""
