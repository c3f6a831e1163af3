"""Serving a folder over HTTP and waiting for a server: shared by the tests and `make bench`."""

from __future__ import annotations

import functools
import gzip
import socket
import urllib.error
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# The Chromium the build prints its PDFs with, started the same way.
from patient_info.take_away.pdfs import CHROMIUM, CHROMIUM_ARGS


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


# What a static host compresses: text, scripts, JSON and SVG (Pagefind's index files are compressed already).
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class _GzipHandler(_QuietHandler):
    """Sends text gzip-compressed to a browser that accepts it, as a static host would (for `make bench`)."""

    def do_GET(self):
        path = self.translate_path(self.path)
        if Path(path).is_dir():
            if not self.path.partition("?")[0].endswith("/"):
                return super().do_GET()  # the redirect to the address with its slash
            path = str(Path(path) / "index.html")
        kind = self.guess_type(path)
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and kind.startswith(COMPRESSED_TYPES) and Path(path).is_file()):
            return super().do_GET()
        body = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(directory: Path, *, compressed: bool = False) -> Iterator[str]:
    """Any folder on http://127.0.0.1:<free port> until the block ends, yielding its base URL; `compressed`
    sends text gzip-compressed."""
    handler = functools.partial(_GzipHandler if compressed else _QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page's text, or None while nothing answers there."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def fetch_page(url: str, timeout: float = 5) -> tuple[int, str] | None:
    """(status, text) of any answer, error pages included; None while nothing listens there.

    A server that accepts the request but does not answer within `timeout` raises, so a test
    never waits on a page that hangs.
    """
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except urllib.error.URLError as error:
        if isinstance(error.reason, ConnectionRefusedError):
            return None
        raise


def wait_for(predicate: Callable, seconds: float, step: float = 0.3):
    """predicate()'s first true value within `seconds`, else None."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None
