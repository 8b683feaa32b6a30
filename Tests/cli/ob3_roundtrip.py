"""The independent round trip: a credential Veta issues is verified by openbadgeslib (PyPI), which
resolves the issuer's did:web over HTTPS from the site `veta site build` wrote and `veta serve`
serves with a test CA's certificate for localhost, and checks the Bitstring Status List; after
`veta revoke` and `site build` again, the same verifier reports it revoked.

openbadgeslib fetches with urllib's verifying TLS context, which trusts SSL_CERT_FILE: the test
sets it to its own CA for the verifier's process only. Its fetcher refuses loopback hosts unless
told otherwise (allow_private=True), which the verifier below passes for localhost.

Usage: ob3_roundtrip.py VETA WORKDIR
"""
import json
import os
import shutil
import socket
import subprocess
import sys

from checks import check, finish
from serving import Server
from stores import issued_unit_store
from testca import make_ca_and_localhost

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
store = os.path.join(work, "veta.sqlite")
keys = os.path.join(work, "keys")
out = os.path.join(work, "records")
site = os.path.join(work, "site")

with socket.socket() as probe:  # a free port, named in the issuer URL before the server starts
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
ISSUER = f"https://localhost:{port}"

VERIFY = r'''
import json, sys
from openbadgeslib.ob3.verifier import OB3Verifier, OB3VerificationError
from openbadgeslib.util import download_file
import jwt as pyjwt

path = sys.argv[1]
if path.endswith(".png"):  # a baked badge: openbadgeslib reads the credential out of it
    token = OB3Verifier.extract_token_from_png(open(path, "rb").read())
else:
    token = open(path).read().strip()
issuer = pyjwt.decode(token, options={"verify_signature": False})["issuer"]
issuer = issuer["id"] if isinstance(issuer, dict) else issuer
fetch = lambda url: download_file(url, allow_private=True)  # the test server is on localhost
try:
    verifier = OB3Verifier.for_issuer_did(issuer, download=fetch)
    credential = verifier.verify(token, check_status=True, download=fetch)
    print("VALID", issuer, credential.issuer.id)
except OB3VerificationError as error:
    print("INVALID", issuer, error)
    sys.exit(1)
'''


def independent(credential, ca):
    env = dict(os.environ, SSL_CERT_FILE=ca)
    r = subprocess.run([sys.executable, "-c", VERIFY, credential], capture_output=True, text=True, env=env, timeout=120)
    return r.returncode, (r.stdout + r.stderr).strip()


def run(*args):
    return subprocess.run([veta, *args, "--store", store], capture_output=True, text=True, timeout=300)


def must(*args):
    result = run(*args)
    if result.returncode != 0:
        print(f"FAIL setup: veta {' '.join(args[:3])}: {(result.stderr or result.stdout).strip()}")
        sys.exit(1)
    return result


issued_unit_store(veta, store, keys, root, ISSUER, out, "2026-11-20", "ob3")
credential = os.path.join(out, "VETA-2026-000001.jwt")

r = run("site", "build", "--out", site, "--key", os.path.join(keys, "issuer.private.jwk"))
check("veta site build writes the site", r.returncode == 0 and os.path.isfile(os.path.join(site, ".well-known", "did.json")),
      r.stdout + r.stderr)

ca, cert, key = make_ca_and_localhost(os.path.join(work, "tls"))
server = Server(veta, site, "--tls-cert", cert, "--tls-key", key, port=port)
check("veta serve serves the site over TLS on the issuer's port", server.url == f"https://127.0.0.1:{port}/", server.line)
try:
    code, output = independent(credential, ca)
    check("openbadgeslib verifies the fresh credential: did:web resolved over TLS (test CA), status list checked -> valid",
          code == 0 and output.startswith("VALID did:web:localhost"), output)

    import ssl
    import urllib.request

    badge = os.path.join(work, "served-badge.png")
    context = ssl.create_default_context(cafile=ca)
    with urllib.request.urlopen(f"https://localhost:{port}/records/VETA-2026-000001/badge.png", context=context) as response:
        open(badge, "wb").write(response.read())
        badge_type = response.headers.get("Content-Type")
    code, output = independent(badge, ca)
    check("the baked PNG badge the site serves (image/png) carries the credential and openbadgeslib verifies it",
          badge_type == "image/png" and code == 0 and output.startswith("VALID"), f"{badge_type}: {output}")

    must("revoke", "VETA-2026-000001", "--reason", "evidencia falsificada", "--date", "2026-11-20")
    r = run("site", "build", "--out", site, "--key", os.path.join(keys, "issuer.private.jwk"))
    check("site build after the revocation", r.returncode == 0, r.stdout + r.stderr)
    code, output = independent(credential, ca)
    check("openbadgeslib reports the credential revoked after veta revoke and site build", code == 1 and ("revoked" in output.lower() or "status 'revocation' is set" in output),
          output)
finally:
    stopped = server.stop()
check("the server stops cleanly", stopped == 0, f"exit {stopped}")

finish("ob3 round trip")
