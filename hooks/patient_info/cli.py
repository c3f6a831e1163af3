"""`patient-info check [CONTENT_DIR]`: validate content without building the site."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .content.check import check_content
from .errors import ContentErrors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="patient-info", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every content file and report each mistake")
    check.add_argument("content_dir", nargs="?", default="content", type=Path)
    args = parser.parse_args(argv)
    result = check_content(args.content_dir, today=date.today())
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


if __name__ == "__main__":
    sys.exit(main())
