"""The built site served as static hosts serve it: compressed, with validators and cache headers.

Python's plain static server (``bookbuild.site.served``, which the tests and the desktop pages section
use) sends every file uncompressed and without cache headers, so a browser asks for every file again on
every page. A reader's browser talks to a host that does what this server does:

* the body compressed when the browser accepts it: Brotli when the ``brotli`` module is installed and
  the browser asks for it, else gzip (level 6, as web servers default to), for text types only (HTML,
  CSS, JavaScript, JSON, SVG…; fonts in WOFF2 and images are compressed already);
* validators: ``ETag`` (a digest of the file's bytes) and ``Last-Modified``; a request with a matching
  ``If-None-Match`` (or, without one, an ``If-Modified-Since`` not older than the file) is answered
  ``304 Not Modified`` with no body;
* ``Cache-Control``: ``max-age`` of ten minutes for pages (``no-cache`` would make a second visit revalidate
  every page; a host's default is short), a day for the other files (the theme's files carry a digest in
  their address, the book's a version number).

The compressed copies are computed once per file and kept in memory; a benchmark run serves a few hundred
files.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import gzip
import hashlib
import http.server
import mimetypes
import os
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

try:  # used only when it is installed: the project does not require it
    import brotli
except ImportError:  # pragma: no cover - depends on the environment
    brotli = None

#: Media types worth compressing (the others are compressed already: WOFF2, PNG, JPEG…).
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/vnd.ms-fontobject",
    "font/ttf",
    "application/x-font-ttf",
)
PAGE_MAX_AGE = 600
ASSET_MAX_AGE = 86_400
GZIP_LEVEL = 6


def content_type(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix in (".js", ".mjs"):
        kind = "application/javascript"
    return kind + ("; charset=utf-8" if kind.startswith("text/") or kind == "application/javascript" else "")


def compressible(kind: str) -> bool:
    return kind.startswith(COMPRESSIBLE)


def choose_encoding(accept: str | None) -> str | None:
    """The coding to use for a request's ``Accept-Encoding``: ``br`` if accepted and available, else ``gzip``."""
    offered = {}
    for part in (accept or "").split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if name:
            offered[name.strip().lower()] = q
    if brotli is not None and offered.get("br", 0) > 0:
        return "br"
    if offered.get("gzip", 0) > 0:
        return "gzip"
    return None


@functools.lru_cache(maxsize=2048)
def _encoded(path: str, mtime_ns: int, coding: str | None) -> bytes:
    data = Path(path).read_bytes()
    if coding == "gzip":
        return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
    if coding == "br":
        return brotli.compress(data, quality=5)
    return data


@functools.lru_cache(maxsize=2048)
def etag(path: str, mtime_ns: int) -> str:
    return '"' + hashlib.sha1(Path(path).read_bytes()).hexdigest()[:20] + '"'


class StaticHostHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD of the files under ``directory``, as a static host answers them."""

    protocol_version = "HTTP/1.1"
    directory = "."

    def log_message(self, *args):  # keep the benchmark's output readable
        pass

    def _file(self) -> Path | None:
        root = Path(self.directory).resolve()
        rel = unquote(urlsplit(self.path).path).lstrip("/")
        path = (root / rel).resolve()
        if not path.is_relative_to(root):
            return None
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None

    def do_HEAD(self) -> None:
        self.do_GET(body=False)

    def do_GET(self, body: bool = True) -> None:
        path = self._file()
        if path is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        stat = path.stat()
        tag = etag(str(path), stat.st_mtime_ns)
        modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        kind = content_type(path)
        max_age = PAGE_MAX_AGE if kind.startswith("text/html") else ASSET_MAX_AGE
        coding = choose_encoding(self.headers.get("Accept-Encoding")) if compressible(kind) else None
        if self._not_modified(tag, stat.st_mtime):
            self.send_response(304)
            self._validators(tag, modified, max_age, coding is not None or compressible(kind))
            self.end_headers()
            return
        data = _encoded(str(path), stat.st_mtime_ns, coding)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        if coding:
            self.send_header("Content-Encoding", coding)
        self.send_header("Content-Length", str(len(data)))
        self._validators(tag, modified, max_age, compressible(kind))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _validators(self, tag: str, modified: str, max_age: int, vary: bool) -> None:
        self.send_header("ETag", tag)
        self.send_header("Last-Modified", modified)
        self.send_header("Cache-Control", f"public, max-age={max_age}")
        if vary:
            self.send_header("Vary", "Accept-Encoding")

    def _not_modified(self, tag: str, mtime: float) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            return any(t.strip().removeprefix("W/") in (tag, "*") for t in match.split(","))
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False


@contextlib.contextmanager
def served(directory: Path):
    """``directory`` served on 127.0.0.1 (a free port) as a static host does; yields its base URL."""
    handler = type("Handler", (StaticHostHandler,), {"directory": os.fspath(directory)})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
