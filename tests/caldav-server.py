#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""caldav-server.py USER PASSWORD - a real Radicale for the tests, and two
small servers in front of it:

  radicale  Radicale on a free loopback port, a temporary storage folder
            (no fsync, each collection's UIDs kept in a set: see
            UID_INDEX_STORAGE), htpasswd authentication (plain) for
            USER/PASSWORD
  nosync    a proxy to it that offers no sync tokens: sync-collection
            REPORTs are refused (403) and PROPFIND answers lose the
            supported-report of sync-collection and the sync-token
  fault     a bad server: /fault/500, /fault/close (closes mid-body),
            /fault/malformed, /fault/big (11 MB), /fault/deep,
            /fault/badics/ (a calendar holding one resource that is not
            iCalendar), redirects to
            the same and to another host name, /fault/echo-auth

Prints "READY <radicale> <nosync> <fault>" (the ports) once Radicale
answers, then runs until its standard input closes (the test ended, or
died) or it gets SIGTERM, and then stops Radicale and removes the folder.
"""

import ctypes
import http.client
import http.server
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

START_TIMEOUT = 30


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def die_with_parent():
    """Radicale gets SIGTERM should this helper itself be killed (Linux)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


# Radicale checks a new resource's UID against the collection by loading
# every item it holds (BaseCollection.has_uid), so PUTting n resources costs
# O(n^2) and a 2,000-resource first sync took tens of minutes. This storage
# keeps the UIDs of each collection in a set instead: the same check, kept
# up to date by uploads and dropped by any other change (and whenever the
# folder changed in a way it did not see). Both the client and the curl
# floor of bench-sync go through it.
UID_INDEX_STORAGE = """
import os
from radicale.storage import multifilesystem

_uids = {}  # collection folder -> (its mtime in ns, set of UIDs)


def _stamp(folder):
    return os.stat(folder).st_mtime_ns


class Collection(multifilesystem.Collection):
    def has_uid(self, uid):
        folder = self._filesystem_path
        known = _uids.get(folder)
        if known is None or known[0] != _stamp(folder):
            stamp = _stamp(folder)
            known = (stamp, {item.uid for item in self.get_all()})
            _uids[folder] = known
        return uid in known[1]

    def upload(self, href, item):
        folder = self._filesystem_path
        known = _uids.pop(folder, None)
        fresh = known is not None and known[0] == _stamp(folder)
        uploaded = super().upload(href, item)
        if fresh:
            known[1].add(uploaded.uid)
            _uids[folder] = (_stamp(folder), known[1])
        return uploaded

    def delete(self, href=None):
        _uids.clear()
        super().delete(href)

    def set_meta(self, props):
        _uids.clear()
        super().set_meta(props)


class Storage(multifilesystem.Storage):
    _collection_class = Collection

    def move(self, item, to_collection, to_href):
        _uids.clear()
        super().move(item, to_collection, to_href)

    def create_collection(self, href, items=None, props=None):
        _uids.clear()
        return super().create_collection(href, items, props)
"""


def start_radicale(folder, user, password):
    port = free_port()
    with open(os.path.join(folder, "rc_uid_index_storage.py"), "w") as f:
        f.write(UID_INDEX_STORAGE)
    with open(os.path.join(folder, "users"), "w") as f:
        f.write(f"{user}:{password}\n")
    with open(os.path.join(folder, "config"), "w") as f:
        f.write(f"""[server]
hosts = 127.0.0.1:{port}
max_content_length = 100000000
[auth]
type = htpasswd
htpasswd_filename = {folder}/users
htpasswd_encryption = plain
delay = 0
[rights]
type = owner_only
[storage]
type = rc_uid_index_storage
filesystem_folder = {folder}/collections
[logging]
level = warning
""")
    # A throwaway folder: no fsync per request keeps the tests quick (the
    # option for it is internal to Radicale, so the call itself goes).
    launch = ("import os, runpy, sys; os.fsync = lambda fd: None; sys.path.insert(0, " + repr(folder) + "); "
              "runpy.run_module('radicale', run_name='__main__', alter_sys=True)")
    proc = subprocess.Popen([sys.executable, "-c", launch, "--config", os.path.join(folder, "config")],
                            stdin=subprocess.DEVNULL, stdout=sys.stderr, stderr=sys.stderr,
                            preexec_fn=die_with_parent)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("radicale exited early")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("radicale did not start")


class Proxy(http.server.BaseHTTPRequestHandler):
    """Forwards to Radicale, hiding its sync-collection support."""
    protocol_version = "HTTP/1.1"
    upstream = 0

    def log_message(self, *args):
        pass

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        if self.command == "REPORT" and body and b"sync-collection" in body:
            reply = (b'<?xml version="1.0"?><D:error xmlns:D="DAV:"><D:supported-report/></D:error>')
            self.answer(403, reply, {"Content-Type": "application/xml"})
            return
        conn = http.client.HTTPConnection("127.0.0.1", self.upstream, timeout=60)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection", "accept-encoding")}
        conn.request(self.command, self.path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        if self.command == "PROPFIND":
            text = data.decode("utf-8")
            text = re.sub(r"<(\w+:)?supported-report>\s*<(\w+:)?report>\s*<(\w+:)?sync-collection\s*/>"
                          r"\s*</(\w+:)?report>\s*</(\w+:)?supported-report>", "", text)
            text = re.sub(r"<(\w+:)?sync-token>[^<]*</(\w+:)?sync-token>", "", text)
            text = re.sub(r"<(\w+:)?sync-token\s*/>", "", text)
            data = text.encode("utf-8")
        headers = {k: v for k, v in resp.getheaders()
                   if k.lower() not in ("content-length", "transfer-encoding", "connection")}
        self.answer(resp.status, data, headers)
        conn.close()

    def answer(self, status, data, headers):
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_MKCALENDAR = do_OPTIONS = forward


MULTISTATUS = ('<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/fault/x</D:href>'
               '<D:propstat><D:prop><D:displayname>{}</D:displayname></D:prop>'
               '<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>')


class Fault(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    port = 0

    def log_message(self, *args):
        pass

    def send(self, status, data, headers=None, length=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/xml; charset=utf-8")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data) if length is None else length))
        self.end_headers()
        self.wfile.write(data)

    def bad_ics(self, body):
        """A calendar whose one resource is not iCalendar at all."""
        if b"calendar-multiget" in body:
            prop = "<D:getetag>\"1\"</D:getetag><C:calendar-data>this is not iCalendar</C:calendar-data>"
        else:
            prop = "<D:getetag>\"1\"</D:getetag>"
        self.send(207, ('<?xml version="1.0"?><D:multistatus xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
                        '<D:response><D:href>/fault/badics/x.ics</D:href><D:propstat><D:prop>' + prop +
                        '</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>'
                        '<D:sync-token>http://example.com/sync/1</D:sync-token></D:multistatus>').encode())

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = self.path.rstrip("/")
        if "/fault/badics" in path:
            self.bad_ics(body)
        elif path.endswith("/500"):
            self.send(500, b"internal error")
        elif path.endswith("/close"):
            self.send(207, b'<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:resp', length=5000)
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif path.endswith("/malformed"):
            self.send(207, b'<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:hr')
        elif path.endswith("/big"):
            pad = b"<D:response><D:href>/fault/pad</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>"
            body = (b'<?xml version="1.0"?><D:multistatus xmlns:D="DAV:">' +
                    pad * (11 * 1024 * 1024 // len(pad) + 1) + b"</D:multistatus>")
            self.send(207, body)
        elif path.endswith("/deep"):
            body = b'<?xml version="1.0"?><D:multistatus xmlns:D="DAV:">' + b"<D:a>" * 100 + b"</D:a>" * 100 + b"</D:multistatus>"
            self.send(207, body)
        elif path.endswith("/redirect-other"):
            self.send(307, b"", {"Location": f"http://localhost:{self.port}/fault/echo-auth"})
        elif path.endswith("/redirect-same"):
            self.send(307, b"", {"Location": f"http://127.0.0.1:{self.port}/fault/echo-auth"})
        elif path.endswith("/echo-auth"):
            seen = "auth" if self.headers.get("Authorization") else "none"
            self.send(207, MULTISTATUS.format(seen).encode())
        else:
            self.send(404, b"")

    do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_MKCALENDAR = handle_any


def serve(handler, host="127.0.0.1"):
    server = http.server.ThreadingHTTPServer((host, 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    user, password = sys.argv[1], sys.argv[2]
    folder = tempfile.mkdtemp(prefix="rc-radicale-")
    radicale = None
    try:
        radicale, port = start_radicale(folder, user, password)
        Proxy.upstream = port
        nosync = serve(Proxy)
        fault = serve(Fault)
        Fault.port = fault.server_address[1]
        print(f"READY {port} {nosync.server_address[1]} {fault.server_address[1]}", flush=True)
        signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        if radicale is not None:
            radicale.terminate()
            try:
                radicale.wait(5)
            except subprocess.TimeoutExpired:
                radicale.kill()
                radicale.wait()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
