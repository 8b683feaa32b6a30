"""End-to-end checks of `veta serve`: content types, index.html for folders, traversal refused
(plain, percent-encoded, through a symbolic link), 404 and 405, HTTPS with a test CA, and a clean
stop on SIGTERM and SIGINT.

Usage: serve_cli.py VETA WORKDIR
"""
import http.client
import os
import shutil
import signal
import ssl
import subprocess
import sys
import urllib.parse

from checks import check, finish
from serving import Server
from testca import make_ca_and_localhost

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
site = os.path.join(work, "site")
for folder in (".well-known", "records/VETA-2026-000001", "status", "badges"):
    os.makedirs(os.path.join(site, folder))
files = {
    "index.html": b"<!doctype html><title>Veta</title><p>inicio</p>",
    ".well-known/did.json": b'{"id": "did:web:localhost"}',
    "records/VETA-2026-000001/index.html": b"<!doctype html><title>VETA-2026-000001</title>",
    "records/VETA-2026-000001/credential.jwt": b"aaa.bbb.ccc",
    "status/1.json": b'{"type": ["VerifiableCredential"]}',
    "badges/b.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>',
    "badges/b.png": b"\x89PNG\r\n\x1a\n",
}
for name, data in files.items():
    open(os.path.join(site, name), "wb").write(data)
open(os.path.join(work, "secret.txt"), "w").write("SECRET-OUTSIDE-THE-SITE")
os.symlink(os.path.join(work, "secret.txt"), os.path.join(site, "leak.txt"))


def get(server, path, method="GET", context=None):
    parts = urllib.parse.urlsplit(server.url)
    if context:
        connection = http.client.HTTPSConnection(parts.hostname, parts.port, context=context, timeout=20)
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
    connection.putrequest(method, path, skip_accept_encoding=True)  # the path goes out exactly as written
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.getheader("Content-Type"), response.getheader("Location"), body


server = Server(veta, site)
check("veta serve prints the URL it serves", server.url is not None and server.url.startswith("http://127.0.0.1:"), server.line)
if server.url is None:
    server.stop()
    finish("serve")

types = {"/": "text/html; charset=utf-8", "/.well-known/did.json": "application/json",
         "/records/VETA-2026-000001/": "text/html; charset=utf-8", "/records/VETA-2026-000001/credential.jwt": "application/jwt",
         "/status/1.json": "application/json", "/badges/b.svg": "image/svg+xml", "/badges/b.png": "image/png"}
for path, expected in types.items():
    status, kind, _, body = get(server, path)
    name = path.rstrip("/").split("/")[-1] or "index.html"
    check(f"{path} is served as {expected}", status == 200 and kind == expected and body
          == files[path.lstrip("/") + ("index.html" if path.endswith("/") else "")], f"{status} {kind}")
status, _, location, _ = get(server, "/records/VETA-2026-000001")
check("a folder without its / redirects there", status == 301 and location == "/records/VETA-2026-000001/", f"{status} {location}")
status, kind, _, body = get(server, "/", method="HEAD")
check("HEAD gives the headers and no body", status == 200 and kind == "text/html; charset=utf-8" and body == b"", f"{status} {body[:20]}")

for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/records/..%2f..%2fsecret.txt",
             "/records/%2e%2e/%2e%2e/secret.txt", "/.%2e/secret.txt", "/leak.txt", "/records/..\\..\\secret.txt"):
    status, _, _, body = get(server, path)
    check(f"traversal {path} is refused with 404 and reveals nothing", status == 404 and b"SECRET" not in body, f"{status} {body[:60]}")
status, kind, _, _ = get(server, "/records/VETA-2026-999999/")
check("a missing record page is 404", status == 404, str(status))
status, _, _, _ = get(server, "/status/", method="GET")
check("a folder with no index.html is 404 (no listing)", status == 404, str(status))
status, _, _, _ = get(server, "/index.html", method="POST")
check("POST is 405", status == 405, str(status))

code = server.stop(signal.SIGTERM)
check("SIGTERM stops the server cleanly (exit 0)", code == 0, f"exit {code}: {server.process.stderr.read()[-400:]}")

# --- HTTPS ---------------------------------------------------------------------------------------------
ca, cert, key = make_ca_and_localhost(os.path.join(work, "tls"))
server = Server(veta, site, "--tls-cert", cert, "--tls-key", key)
check("with a certificate and key it serves https", server.url is not None and server.url.startswith("https://127.0.0.1:"), server.line)
if server.url:
    context = ssl.create_default_context(cafile=ca)
    status, kind, _, body = get(server, "/.well-known/did.json", context=context)
    check("a client trusting the test CA gets did.json over TLS", status == 200 and kind == "application/json", f"{status} {kind}")
    try:
        get(server, "/", context=ssl.create_default_context())
        refused = False
    except ssl.SSLError:
        refused = True
    check("a client that does not trust the test CA is refused", refused)
code = server.stop(signal.SIGINT)
check("SIGINT stops the TLS server cleanly (exit 0)", code == 0, f"exit {code}")

# --- refusals -------------------------------------------------------------------------------------------
r = subprocess.run([veta, "serve", site, "--tls-cert", cert], capture_output=True, text=True, timeout=60)
check("--tls-cert without --tls-key is a usage error (64)", r.returncode == 64, r.stderr)
r = subprocess.run([veta, "serve", site, "--port", "70000"], capture_output=True, text=True, timeout=60)
check("a port out of range is a usage error (64)", r.returncode == 64, r.stderr)
r = subprocess.run([veta, "serve", os.path.join(work, "no-such-site")], capture_output=True, text=True, timeout=60)
check("a missing site folder is exit 2, naming it", r.returncode == 2 and "VETA-SERVE-001" in r.stderr, r.stderr)
r = subprocess.run([veta, "serve", site, "--port", "0", "--tls-cert", os.path.join(site, "index.html"), "--tls-key", key],
                   capture_output=True, text=True, timeout=60)
check("a certificate that is not PEM is exit 2, naming it", r.returncode == 2 and "VETA-SERVE-002" in r.stderr, r.stderr)

finish("serve")
