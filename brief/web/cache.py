"""An on-disk HTTP cache for conditional requests: a re-run fetches only what changed.

For each URL whose answer carried an ``ETag`` or ``Last-Modified`` header, the cache keeps the
body and those validators. The next request for the URL sends ``If-None-Match`` /
``If-Modified-Since``; a ``304 Not Modified`` answer is served from the stored body.

Layout: ``<folder>/<sha256 of the URL>.json`` (validators, final URL, content type) next to
``<same>.body``. Both are written atomically (temporary file, then rename), body first, so a
crash leaves either the old entry or the new one. A damaged entry is ignored, never fatal.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from brief import deliver

log = logging.getLogger("brief")


@dataclass(frozen=True, slots=True)
class Entry:
    """What was stored for one URL."""

    url: str
    final_url: str
    content_type: str
    etag: str | None
    last_modified: str | None
    body: bytes = field(repr=False)

    def validators(self) -> dict[str, str]:
        """The headers that make a request conditional on this entry."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True, slots=True)
class Cache:
    folder: Path

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def load(self, url: str) -> Entry | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            body = body_path.read_bytes()
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            log.warning("ignored a damaged cache entry for %s (%s)", url, error)
            return None
        if not isinstance(meta, dict) or meta.get("url") != url:
            return None
        return Entry(
            url=url,
            final_url=str(meta.get("final_url") or url),
            content_type=str(meta.get("content_type") or ""),
            etag=meta.get("etag"),
            last_modified=meta.get("last_modified"),
            body=body,
        )

    def store(self, entry: Entry) -> None:
        """Keep ``entry`` if it can be revalidated; a cache that cannot be written is skipped."""
        if not (entry.etag or entry.last_modified):
            return
        meta_path, body_path = self._paths(entry.url)
        meta = {
            "url": entry.url,
            "final_url": entry.final_url,
            "content_type": entry.content_type,
            "etag": entry.etag,
            "last_modified": entry.last_modified,
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            deliver.atomic_write(body_path, entry.body)
            deliver.atomic_write(
                meta_path, json.dumps(meta, indent=1, sort_keys=True).encode("utf-8")
            )
        except OSError as error:
            log.warning("could not cache %s in %s (%s)", entry.url, self.folder, error)
