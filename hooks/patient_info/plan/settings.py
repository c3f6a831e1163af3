"""What a build is asked to do, read once from the environment: every command and the MkDocs hooks use this.

The variables (all optional):
- PATIENT_INFO_CONTENT: the content folder (content/ beside mkdocs.yml by default; tests move it).
- SITE_URL: the address the site is published at (mkdocs.yml's site_url reads it too).
- PATIENT_INFO_CACHE: where files kept between builds go (QR codes; .cache/patient-info by default).
- PATIENT_INFO_PREVIEW=1: the editors' preview (make serve): mistakes are shown in the browser and warnings
  as banners, instead of stopping the build.
- PATIENT_INFO_TOPICS=a,b: the preview builds only these topics (read only in the preview).
- PATIENT_INFO_OFFLINE=true: the copy that works from a folder (make offline).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model.paths import DEFAULT_SITE_URL

CONTENT = "PATIENT_INFO_CONTENT"
SITE_URL = "SITE_URL"
CACHE = "PATIENT_INFO_CACHE"
PREVIEW = "PATIENT_INFO_PREVIEW"
TOPICS = "PATIENT_INFO_TOPICS"
OFFLINE = "PATIENT_INFO_OFFLINE"


@dataclass(frozen=True)
class Settings:
    content_dir: Path
    site_url: str
    cache_dir: Path
    today: date
    preview: bool = False
    topics: tuple[str, ...] | None = None  # the preview of part of a library: only these topics
    offline: bool = False
    project_dir: Path = Path(".")  # the folder of mkdocs.yml
    docs_dir: Path | None = None  # hand-written pages and the theme's overrides (docs/ beside mkdocs.yml)

    @classmethod
    def read(cls, environ: Mapping[str, str], *, project_dir: Path, today: date,
             site_url: str | None = None) -> Settings:
        """The settings from the environment; `site_url` is the one the build was configured with, if any."""
        content = environ.get(CONTENT)
        cache = environ.get(CACHE)
        preview = environ.get(PREVIEW) == "1"
        named = environ.get(TOPICS, "") if preview else ""
        topics = tuple(name.strip() for name in named.split(",") if name.strip()) or None
        return cls(content_dir=project_dir / content if content else project_dir / "content",
                   site_url=site_url or environ.get(SITE_URL) or DEFAULT_SITE_URL,
                   cache_dir=Path(cache) if cache else project_dir / ".cache" / "patient-info",
                   today=today, preview=preview, topics=topics, offline=environ.get(OFFLINE) == "true",
                   project_dir=project_dir, docs_dir=project_dir / "docs")

    @property
    def strict(self) -> bool:
        """Whether warnings stop the build: always, except in the editors' preview."""
        return not self.preview
