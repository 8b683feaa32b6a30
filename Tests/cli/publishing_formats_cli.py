"""End-to-end checks of `--format json` for `veta serve` and `veta new curriculum`, of `veta verify
--help` on the store-less modes, of `verify --did-document` for an issuer whose did:web has a path
(the host's web root holding the site under that path), and of the DC-3 verification code rule:
an issuer URL whose record page would not fit the code, measured with the form's font metrics, is
refused at `issuer add` (wide capitals under 80 characters), while a long URL of narrow letters fits
and issues a DC-3.

Usage: publishing_formats_cli.py VETA WORKDIR
"""
import json
import os
import queue
import signal
import subprocess
import threading

from checks import check, finish
from stores import competent_store, must_on, run_on, workplace

veta, work, root = workplace(__import__("sys").argv)
keys = os.path.join(work, "keys")
os.environ["VETA_NOW"] = "2026-11-30T12:00:00Z"
for name in ("A01", "issuer"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)


def documents(text):
    """The JSON documents in `text` (one or more, back to back), or None when it is not JSON."""
    decoder, found, index = json.JSONDecoder(), [], 0
    text = text.strip()
    while index < len(text):
        try:
            value, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError:
            return None
        found.append(value)
        index = end
        while index < len(text) and text[index].isspace():
            index += 1
    return found


# --- veta new curriculum --format json -----------------------------------------------------------------
target = os.path.join(work, "new.xml")
r = subprocess.run([veta, "new", "curriculum", "--code", "VTNEW", "--level", "operator", "--out", target, "--format", "json"],
                   capture_output=True, text=True)
docs = documents(r.stdout)
check("new curriculum --out --format json: one document naming the file (exit 0)",
      r.returncode == 0 and docs is not None and len(docs) == 1 and docs[0].get("out") == target and os.path.isfile(target),
      r.stdout + r.stderr)
r = subprocess.run([veta, "new", "curriculum", "--code", "VTNEW", "--level", "operator", "--format", "json"],
                   capture_output=True, text=True)
docs = documents(r.stdout)
check("new curriculum --format json without --out: one document carrying the XML",
      r.returncode == 0 and docs is not None and len(docs) == 1 and docs[0].get("xml", "").startswith("<?xml"), r.stdout[:300])
r = subprocess.run([veta, "new", "curriculum", "--code", "VTNEW", "--level", "operator", "--out", target, "--format", "json"],
                   capture_output=True, text=True)
docs = documents(r.stdout)
check("new curriculum --format json onto an existing file: exit 1, one error document, the file unchanged",
      r.returncode == 1 and docs is not None and len(docs) == 1 and docs[0]["error"]["exitCode"] == 1, r.stdout + r.stderr)
r = subprocess.run([veta, "new", "curriculum", "--code", "bad code", "--level", "operator", "--format", "json"],
                   capture_output=True, text=True)
docs = documents(r.stdout)
check("new curriculum --format json with a bad code: exit 64, one error document",
      r.returncode == 64 and docs is not None and len(docs) == 1 and docs[0]["error"]["code"] == "usage", r.stdout + r.stderr)

# --- veta verify --help --------------------------------------------------------------------------------
r = subprocess.run([veta, "verify", "--help"], capture_output=True, text=True)
text = r.stdout
check("verify --help explains the store-less modes with examples",
      all(s in text for s in ("--did-document SITE", "--did-document FILE", "--trusted-key KEY", "--embedded-key",
                              "veta verify credential.jwt --did-document site", "SITE/path/did.json")), text)

# --- an issuer URL with a path: did:web:host:cursos -> WEBROOT/cursos/did.json ----------------------------
ISSUER = "https://capacitacion.example.mx/cursos"
store = os.path.join(work, "path.sqlite")
competent_store(veta, store, keys, root, ["RIIWHS201E"], ISSUER)
out = os.path.join(work, "records")
must_on(veta, store, "issue", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out,
        "--as-of", "2026-11-30", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--format", "ob3")
webroot = os.path.join(work, "webroot")
must_on(veta, store, "site", "build", "--out", os.path.join(webroot, "cursos"), "--key", os.path.join(keys, "issuer.private.jwk"))
credential = os.path.join(out, "VETA-2026-000001.jwt")
for folder, name in ((webroot, "the host's web root (WEBROOT/cursos/did.json)"), (os.path.join(webroot, "cursos"), "the site folder")):
    r = subprocess.run([veta, "verify", credential, "--did-document", folder, "--format", "json"], capture_output=True, text=True)
    docs = documents(r.stdout)
    report = docs[0] if docs else {}
    check(f"verify --did-document with {name}: VALID, status and publication checked for did:web:…:cursos",
          r.returncode == 0 and report.get("verdict") == "VALID"
          and {"status", "publication"} <= {c["name"] for c in report.get("checks", [])}, r.stdout + r.stderr)
must_on(veta, store, "revoke", "VETA-2026-000001", "--reason", "error")
must_on(veta, store, "site", "build", "--out", os.path.join(webroot, "cursos"), "--key", os.path.join(keys, "issuer.private.jwk"))
r = subprocess.run([veta, "verify", credential, "--did-document", webroot, "--format", "json"], capture_output=True, text=True)
docs = documents(r.stdout)
check("... and after revoke and site build, the web root gives REVOKED (its status list is the one under the path)",
      r.returncode == 1 and docs and docs[0].get("verdict") == "REVOKED", r.stdout + r.stderr)

# --- veta serve --format json --------------------------------------------------------------------------
process = subprocess.Popen([veta, "serve", os.path.join(webroot, "cursos"), "--port", "0", "--format", "json"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
lines = queue.Queue()
threading.Thread(target=lambda: lines.put(process.stdout.readline()), daemon=True).start()
try:
    line = lines.get(timeout=60)
except queue.Empty:
    line = ""
try:
    start = json.loads(line)
except json.JSONDecodeError:
    start = {}
check("serve --format json prints one JSON line once it listens (folder, tls, url)",
      start.get("url", "").startswith("http://127.0.0.1:") and start.get("tls") is False and start.get("folder", "").endswith("cursos"),
      line)
process.send_signal(signal.SIGTERM)
try:
    code = process.wait(timeout=20)
except subprocess.TimeoutExpired:
    process.kill()
    code = None
rest = process.stdout.read()
check("... and stops on SIGTERM (exit 0) with nothing more on stdout", code == 0 and rest.strip() == "", rest)
r = subprocess.run([veta, "serve", os.path.join(work, "no-such-site"), "--port", "0", "--format", "json"],
                   capture_output=True, text=True, timeout=60)
docs = documents(r.stdout)
check("serve --format json of a missing site: exit 2, one error document VETA-SERVE-001",
      r.returncode == 2 and docs is not None and len(docs) == 1 and docs[0]["error"]["code"] == "VETA-SERVE-001",
      r.stdout + r.stderr)

# --- the DC-3 verification code: measured, not counted ---------------------------------------------------
fit_store = os.path.join(work, "fit.sqlite")
for url in ("https://" + "W" * 55 + ".mx", "https://m.mx/" + "M" * 63):
    r = run_on(veta, fit_store, "issuer", "add", "--url", url, "--name", "X", "--rfc", "CMN150101AB1",
               "--public-key", os.path.join(keys, "issuer.public.jwk"))
    check(f"issuer add refuses a {len(url)}-character URL of wide capitals ({url[8:12]}…): its record page does not fit "
          "the DC-3's verification code (exit 1)",
          r.returncode == 1 and "verification code" in r.stderr and "points" in r.stderr, r.stdout + r.stderr)
narrow = "https://" + "i" * 60 + ".mx/" + "i" * 60 + "/" + "l" * 20
narrow_store = os.path.join(work, "narrow.sqlite")
competent_store(veta, narrow_store, keys, root, ["RIIWHS201E"], narrow)
narrow_out = os.path.join(work, "narrow-records")
r = run_on(veta, narrow_store, "issue", "--issuer", narrow, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", narrow_out,
           "--as-of", "2026-11-30", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--format", "all")
check(f"a {len(narrow)}-character issuer URL of narrow letters is registered and issues a credential and a DC-3",
      r.returncode == 0 and os.path.isfile(os.path.join(narrow_out, "VETA-2026-000002.pdf")), r.stdout + r.stderr)

finish("publishing formats")
