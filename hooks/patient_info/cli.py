"""`patient-info check [CONTENT_DIR]`: validate content without building the site.
`patient-info pdfs SITE_DIR [--content CONTENT_DIR]`: print the built site's summaries as PDFs (make build)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .content.check import check_content
from .errors import ContentErrors
from .take_away.pdfs import PdfError, make_pdfs, pdf_jobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="patient-info", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every content file and report each mistake")
    check.add_argument("content_dir", nargs="?", default="content", type=Path)
    pdfs = commands.add_parser("pdfs", help="print each topic's summaries in the built site as PDFs")
    pdfs.add_argument("site_dir", type=Path)
    pdfs.add_argument("--content", dest="content_dir", default="content", type=Path)
    args = parser.parse_args(argv)
    return _check(args.content_dir) if args.command == "check" else _pdfs(args.site_dir, args.content_dir)


def _check(content_dir: Path) -> int:
    result = check_content(content_dir, today=date.today())
    for notice in result.notices:
        print(notice.format("warning"), file=sys.stderr)
    if result.errors:
        print(ContentErrors(result.errors).report(), file=sys.stderr)
        return 1
    # The build fails on these too (strict mode), so editors hear of them here first.
    if result.unexplained:
        print(ContentErrors(result.unexplained).report(), file=sys.stderr)
        return 1
    topics = len(result.site.topics)
    print(f"Content is valid: {topics} {'topic' if topics == 1 else 'topics'}.")
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
