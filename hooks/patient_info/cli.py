"""`patient-info check [CONTENT_DIR]`: everything the strict build would stop on, without building the site.
`patient-info plan [CONTENT_DIR] [--json]`: every page and file the build publishes.
`patient-info addresses [CONTENT_DIR]`: record the addresses the site publishes (see links/addresses.py).
`patient-info new topic <id>` and `patient-info new treatment <topic> <id>`: files to fill in.
`patient-info pdfs SITE_DIR [--content CONTENT_DIR]`: print the built site's summaries as PDFs (make build).

Without CONTENT_DIR, the content folder is PATIENT_INFO_CONTENT's, or content/, as for the build."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from .content.scaffold import ScaffoldRefused, new_topic, new_treatment
from .errors import ContentErrors
from .links.addresses import FILE_NAME as ADDRESSES_FILE, write_published
from .model.paths import url
from .plan import Plan, make_plan
from .plan.settings import Settings
from .take_away.pdfs import PdfError, make_pdfs, pdf_jobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="patient-info", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check every content file and the text the site would publish")
    plan = commands.add_parser("plan", help="list every page and file the build publishes")
    plan.add_argument("--json", action="store_true", help="as JSON, for tools")
    addresses = commands.add_parser("addresses", help=f"write content/{ADDRESSES_FILE}: every address published")
    for command in (check, plan, addresses):
        command.add_argument("content_dir", nargs="?", type=Path,
                             help="the content folder (default: $PATIENT_INFO_CONTENT, else content), as the build reads")
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
    pdfs.add_argument("--content", dest="content_dir", type=Path)
    args = parser.parse_args(argv)
    if args.command == "new":
        return _new(args)
    settings = _settings(args.content_dir)
    if args.command == "pdfs":
        return _pdfs(args.site_dir, settings)
    if args.command == "plan":
        return _plan(settings, as_json=args.json)
    return _check(args.command, settings)


def _settings(content_dir: Path | None) -> Settings:
    """As the build reads them (SITE_URL, PATIENT_INFO_CONTENT, ...); a folder named on the command line wins."""
    settings = Settings.read(os.environ, project_dir=Path.cwd(), today=date.today())
    return replace(settings, content_dir=content_dir) if content_dir is not None else settings


def _check(command: str, settings: Settings) -> int:
    plan = make_plan(settings, judge_text=command == "check")
    if command == "check":
        for notice in plan.notices:
            print(notice.format("warning"), file=sys.stderr)
    if plan.errors:
        print(ContentErrors(plan.errors).report(), file=sys.stderr)
        return 1
    if command == "addresses":
        file = settings.content_dir / ADDRESSES_FILE
        write_published(file, plan.links)
        print(f"Wrote {file}: review the change (a removed line is an address that clinics' links will no longer "
              "reach), then commit it.")
        return 0
    # The strict build fails on these too, so editors hear of them here first.
    if plan.warnings:
        print(ContentErrors(plan.warnings).report(), file=sys.stderr)
        return 1
    topics = len(plan.site.topics)
    print(f"Content is valid: {topics} {'topic' if topics == 1 else 'topics'}, {len(plan.pages)} pages.")
    return 0


def _plan(settings: Settings, *, as_json: bool) -> int:
    plan = make_plan(settings, judge_text=False)
    if plan.errors:
        print(ContentErrors(plan.errors).report(), file=sys.stderr)
        return 1
    listed = published(plan)
    if as_json:
        print(json.dumps(listed, ensure_ascii=False, indent=1))
        return 0
    for item in listed:
        print(f"/{item['address']}\t{item['kind']}\t{item.get('title', '')}")
    return 0


def published(plan: Plan) -> list[dict]:
    """Every address the build publishes: pages (with their kind, title and statements), files, PDFs."""
    pages = [{"address": url(page.src_uri), "file": page.src_uri, "kind": page.kind, "title": page.title,
              "audience": page.audience, "statements": list(page.statements)} for page in plan.pages]
    files = [{"address": url(file.path), "file": file.path, "kind": "file"} for file in plan.files]
    codes = [{"address": url(code.path), "file": code.path, "kind": "qr-code", "title": code.title}
             for code in plan.qr_codes]
    pdfs = [{"address": pdf.pdf, "file": pdf.pdf, "kind": "pdf", "title": pdf.title} for pdf in plan.pdfs]
    hand_written = [{"address": url(path), "file": f"docs/{path}", "kind": "hand-written"} for path in plan.hand_written]
    after = [{"address": path, "file": path, "kind": "written-after-the-pages"} for path in plan.written_after_the_pages]
    return pages + hand_written + files + codes + pdfs + after


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


def _pdfs(site_dir: Path, settings: Settings) -> int:
    # The build has checked the content already; only the plan's PDFs are needed here, so a review that falls
    # due between the two steps does not stop them.
    plan = make_plan(replace(settings, preview=True), judge_text=False)
    if plan.errors:
        print(ContentErrors(plan.errors).report(), file=sys.stderr)
        return 1
    jobs = pdf_jobs(plan.pdfs, site_dir)
    try:
        make_pdfs(jobs)
    except PdfError as error:
        print(f"patient-info pdfs: {error}", file=sys.stderr)
        return 1
    print(f"Made {len(jobs)} PDFs in {site_dir}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
