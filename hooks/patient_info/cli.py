"""`patient-info check [CONTENT_DIR]`: everything the strict build would stop on, without building the site.
`patient-info addresses [CONTENT_DIR]`: record the addresses the site publishes (see links/addresses.py).
`patient-info new topic <id>` and `patient-info new treatment <topic> <id>`: files to fill in.
`patient-info pdfs SITE_DIR [--content CONTENT_DIR]`: print the built site's summaries as PDFs (make build)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from .content.check import check_content
from .content.scaffold import ScaffoldRefused, new_topic, new_treatment
from .errors import ContentErrors
from .links.addresses import FILE_NAME as ADDRESSES_FILE, write_published
from .model import paths
from .take_away.pdfs import PdfError, make_pdfs, pdf_jobs
from .whole_site import Verdict, judge


# The content folder the commands read unless one is named: content/, or PATIENT_INFO_CONTENT, as the build
# reads it (mkdocs.yml's hooks), so that `make check` and `make build` judge the same files.
CONTENT_DIR_VARIABLE = "PATIENT_INFO_CONTENT"


def main(argv: list[str] | None = None) -> int:
    content_dir = os.environ.get(CONTENT_DIR_VARIABLE) or "content"
    parser = argparse.ArgumentParser(prog="patient-info", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every content file and report each mistake")
    check.add_argument("content_dir", nargs="?", default=content_dir, type=Path,
                       help=f"the content folder (default: ${CONTENT_DIR_VARIABLE}, else content)")
    addresses = commands.add_parser("addresses", help=f"write content/{ADDRESSES_FILE}: every address published")
    addresses.add_argument("content_dir", nargs="?", default=content_dir, type=Path,
                           help=f"the content folder (default: ${CONTENT_DIR_VARIABLE}, else content)")
    new = commands.add_parser("new", help="write the files of a new topic or treatment, with placeholders to fill")
    kinds = new.add_subparsers(dest="kind", required=True)
    topic = kinds.add_parser("topic", help="a topic folder: topic.yaml, factors.yaml, statements.yaml, sources/")
    topic.add_argument("topic_id")
    treatment = kinds.add_parser("treatment", help="treatments/<id>.yaml, a statement about it, its place in topic.yaml")
    treatment.add_argument("topic_id")
    treatment.add_argument("treatment_id")
    for scaffold in (topic, treatment):
        scaffold.add_argument("--content", dest="content_dir", default=Path("content"), type=Path)
    pdfs = commands.add_parser("pdfs", help="print each topic's summaries in the built site as PDFs")
    pdfs.add_argument("site_dir", type=Path)
    pdfs.add_argument("--content", dest="content_dir", default=content_dir, type=Path)
    args = parser.parse_args(argv)
    if args.command == "new":
        return _new(args)
    if args.command == "pdfs":
        return _pdfs(args.site_dir, args.content_dir)
    return _check(args.command, args.content_dir)


def _check(command: str, content_dir: Path) -> int:
    # The build reads SITE_URL too (mkdocs.yml); the handout's fit depends a little on its length.
    verdict = judge(content_dir, site_url=os.environ.get("SITE_URL") or paths.DEFAULT_SITE_URL, today=date.today())
    if command == "check":
        for notice in verdict.notices:
            print(notice.format("warning"), file=sys.stderr)
    if verdict.errors:
        print(ContentErrors(verdict.errors).report(), file=sys.stderr)
        return 1
    if command == "addresses":
        return _write_addresses(content_dir, verdict)
    # The strict build fails on these too, so editors hear of them here first.
    if verdict.warnings:
        print(ContentErrors(verdict.warnings).report(), file=sys.stderr)
        return 1
    topics = len(verdict.site.topics)
    print(f"Content is valid: {topics} {'topic' if topics == 1 else 'topics'}.")
    return 0


def _write_addresses(content_dir: Path, verdict: Verdict) -> int:
    file = content_dir / ADDRESSES_FILE
    write_published(file, verdict.links)
    print(f"Wrote {file}: review the change (a removed line is an address that clinics' links will no longer "
          "reach), then commit it.")
    return 0


def _new(args: argparse.Namespace) -> int:
    try:
        if args.kind == "topic":
            written = new_topic(args.content_dir, args.topic_id, today=date.today())
            next_step = f"next: patient-info new treatment {args.topic_id} <treatment-id>, for each treatment"
        else:
            written = new_treatment(args.content_dir, args.topic_id, args.treatment_id)
            next_step = "next: replace every FILL IN; make check lists each one"
    except ScaffoldRefused as refused:
        print(f"patient-info new: {refused}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    print(next_step)
    return 0


def _pdfs(site_dir: Path, content_dir: Path) -> int:
    # The build has checked the content already; only its model is needed here, so a review that falls
    # due between the two steps does not stop the PDFs.
    result = check_content(content_dir, today=date.today(), overdue_is_error=False)
    if result.errors:
        print(ContentErrors(result.errors).report(), file=sys.stderr)
        return 1
    jobs = pdf_jobs(result.site, site_dir)
    try:
        make_pdfs(jobs)
    except PdfError as error:
        print(f"patient-info pdfs: {error}", file=sys.stderr)
        return 1
    print(f"Made {len(jobs)} PDFs in {site_dir}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
