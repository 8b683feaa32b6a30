"""End-to-end checks of publication (`veta site build`) and of verification without the store.

A credential is issued, the site is built twice (byte for byte the same), every HTML page parses
(Python's html.parser, with tags balanced) and carries no CURP and no script, the JSON-LD
documents have the Open Badges 3.0 shape and validate against the official 1EdTech OB 3.0 JSON
Schemas (issuer profile, achievements, credential claims; Tests/fixtures/ob3-schema), the did.json key verifies the credential JWT
(Python `cryptography`), openbadgeslib (PyPI) resolves the did:web from the site's files and
checks the credential and its status list, the status list decodes (gzip, base64url) with the credential's bit
clear, then set after `veta revoke` and a rebuild; `veta verify` works with --did-document (a
file or the site), --trusted-key and --embedded-key, and says what it could not check; a
non-empty folder that is not a site is refused and left as it was.

Usage: site_cli.py VETA WORKDIR
"""
import base64
import filecmp
import gzip
import hashlib
import html.parser
import json
import os
import shutil
import subprocess
import sys

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from checks import check, finish
from ob3_schema import problems as ob3_problems
from stores import curp

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
store = os.path.join(work, "veta.sqlite")
keys = os.path.join(work, "keys")
out = os.path.join(work, "records")
site = os.path.join(work, "site")
ISSUER = "https://capacitacion.example.mx:8443/veta"
DID = "did:web:capacitacion.example.mx%3A8443:veta"
CURP = curp("NUPJ880214HZSXXS0")


def run(*args, store_arg=True):
    return subprocess.run([veta, *args, *(["--store", store] if store_arg else [])], capture_output=True, text=True, timeout=300)


def must(*args):
    result = run(*args)
    if result.returncode != 0:
        print(f"FAIL setup: veta {' '.join(args[:3])}: {result.stderr.strip()}")
        sys.exit(1)
    return result


def b64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def jwt_parts(path):
    header, payload, signature = open(path).read().strip().split(".")
    return json.loads(b64(header)), json.loads(b64(payload)), (header + "." + payload).encode(), b64(signature)


def tree(folder):
    files = {}
    for dirpath, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(dirpath, name)
            files[os.path.relpath(path, folder)] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return files


def status_bit(site_dir, index):
    _, claims, _, _ = jwt_parts(os.path.join(site_dir, "status", "revocation-1.jwt"))
    encoded = claims["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")
    bits = gzip.decompress(b64(encoded[1:]))
    return len(bits) * 8, bool(bits[index // 8] & (0x80 >> (index % 8)))


def openbadgeslib_verdict(site_dir, token_path):
    """openbadgeslib (PyPI) resolving the issuer's did:web from the site folder (its download hook
    reads the site's files for the issuer's URLs) and checking the status list: 'VALID' or the error."""
    from openbadgeslib.ob3.verifier import OB3Verifier

    def download(url):
        host = "https://capacitacion.example.mx:8443/veta"
        if not url.startswith(host):
            raise ValueError(f"not the issuer's site: {url}")
        return open(site_dir + url[len(host):], "rb").read()

    try:
        verifier = OB3Verifier.for_issuer_did(DID, download=download)
        verifier.verify(open(token_path).read().strip(), check_status=True, download=download)
        return "VALID"
    except Exception as error:  # noqa: BLE001
        return f"{type(error).__name__}: {error}"


class Balanced(html.parser.HTMLParser):
    VOID = {"meta", "br", "link", "img", "hr", "input"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.tags = [], [], set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()


subprocess.run([veta, "keys", "generate", "--name", "A01", "--out", keys], check=True, capture_output=True)
subprocess.run([veta, "keys", "generate", "--name", "issuer", "--out", keys], check=True, capture_output=True)
must("publish", os.path.join(root, "Curricula"))
must("org", "add", "--rfc", "CMP961028AB1", "--name", "Compañía Minera Peñoles, S.A. de C.V.", "--site", "Unidad Tizapa")
must("trainee", "add", "--id", "T100", "--paternal", "Núñez", "--maternal", "Peña", "--given", "José Ángel", "--curp", CURP,
     "--employer", "CMP961028AB1", "--occupation", "Operador", "--job-title", "Operador")
units = ["RIIWHS201E", "RIIMPO338E", "RIIERR302E"]
must("assessor", "add", "--id", "A01", "--name", "Luis Pérez Ávila", "--accreditation", "CONOCER EV-1234", *sum([["--unit", u] for u in units], []),
     "--public-key", os.path.join(keys, "A01.public.jwk"))
must("issuer", "add", "--url", ISSUER, "--name", "Capacitación Minera del Norte, S.C.", "--rfc", "CMN150101AB1",
     "--public-key", os.path.join(keys, "issuer.public.jwk"))
must("enrol", "T100", "VTOPHT", "--date", "2026-10-01")
for unit in units:
    must("record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", unit, "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-10")
    must("signoff", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", unit, "--assessor", "A01",
         "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-12")
must("issue", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, "--as-of", "2026-11-30",
     "--trainee", "T100", "--curriculum", "VTOPHT", "--format", "all")
jwt = os.path.join(out, "VETA-2026-000001.jwt")
header, claims, signed, signature = jwt_parts(jwt)
check("a new credential names its issuer by did:web and its kid is DID#key-1",
      claims["issuer"]["id"] == DID and claims["iss"] == DID and header["kid"] == DID + "#key-1" and claims["issuer"]["url"] == ISSUER,
      json.dumps([header, claims["issuer"]]))
status = claims.get("credentialStatus", {})
index = int(status.get("statusListIndex", "-1"))
check("it carries a BitstringStatusListEntry for revocation at the serial's index",
      status.get("type") == "BitstringStatusListEntry" and status.get("statusPurpose") == "revocation"
      and index == 26 * 200_000 + 1 and status.get("statusListCredential") == ISSUER + "/status/revocation-1.jwt", json.dumps(status))

build = ["site", "build", "--key", os.path.join(keys, "issuer.private.jwk")]
r = run(*build, "--out", site)
check("site build writes the site and prints the record page's URL",
      r.returncode == 0 and ISSUER + "/records/VETA-2026-000001/" in r.stdout, r.stdout + r.stderr)
r2 = run(*build, "--out", site + "2")
check("two builds are byte for byte the same", r2.returncode == 0 and tree(site) == tree(site + "2"),
      str(set(tree(site).items()) ^ set(tree(site + "2").items())))
layout = [".well-known/did.json", "issuer.json", "achievements/VTOPHT-1.0.0.json", "status/revocation-1.jwt",
          "records/VETA-2026-000001/index.html", "records/VETA-2026-000001/credential.jwt", "records/VETA-2026-000002/index.html"]
check("the site has the agreed layout", all(os.path.isfile(os.path.join(site, p)) for p in layout),
      str(sorted(tree(site))))
check("the published credential is the issued one", filecmp.cmp(jwt, os.path.join(site, "records/VETA-2026-000001/credential.jwt"), shallow=False))

pages = [os.path.join(d, n) for d, _, ns in os.walk(site) for n in ns if n.endswith(".html")]
problems = []
for page in pages:
    text = open(page, encoding="utf-8").read()
    parser = Balanced()
    parser.feed(text)
    parser.close()
    if parser.errors or parser.stack:
        problems.append(f"{page}: {parser.errors} unclosed {parser.stack}")
    if "script" in parser.tags or CURP in text:
        problems.append(f"{page}: script or CURP")
    if not text.startswith("<!DOCTYPE html>") or 'name="viewport"' not in text:
        problems.append(f"{page}: no doctype or viewport")
check("every page parses as balanced HTML, with a viewport, no script and no CURP", pages and not problems, "\n".join(problems))
page = open(os.path.join(site, "records/VETA-2026-000001/index.html"), encoding="utf-8").read()
check("the page shows holder, curriculum, units, dates (the last valid day), status and issuer, in Spanish and English",
      all(s in page for s in ["José Ángel Núñez Peña", "VTOPHT", "RIIWHS201E", "2026-11-12", "2027-11-11", "last valid day", "VÁLIDA / VALID",
                              "Capacitación Minera del Norte", DID, "Cómo verificar", "How to verify"]), page[:2000])

did = json.load(open(os.path.join(site, ".well-known/did.json")))
method = next((m for m in did.get("verificationMethod", []) if m["id"] == header["kid"]), None)
ok = False
if method:
    try:
        Ed25519PublicKey.from_public_bytes(b64(method["publicKeyJwk"]["x"])).verify(signature, signed)
        ok = True
    except Exception as error:  # noqa: BLE001
        ok = repr(error)
check("the kid resolves in did.json and its key verifies the credential (Python cryptography)",
      did["id"] == DID and ok is True and header["kid"] in did.get("assertionMethod", []), str(ok))

issuer_doc = json.load(open(os.path.join(site, "issuer.json")))
achievement = json.load(open(os.path.join(site, "achievements/VTOPHT-1.0.0.json")))
check("issuer.json is an OB 3.0 Profile at the credential's issuer id",
      issuer_doc["id"] == DID and "Profile" in issuer_doc["type"] and issuer_doc["name"] and "@context" in issuer_doc)
check("the achievement JSON-LD is an OB 3.0 Achievement at the id the credential uses",
      achievement["id"] == claims["credentialSubject"]["achievement"]["id"] == ISSUER + "/achievements/VTOPHT-1.0.0.json"
      and "Achievement" in achievement["type"] and achievement["criteria"]["narrative"] and "@context" in achievement)

schema_problems = [f"issuer.json {p}" for p in ob3_problems("profile", issuer_doc)]
for path in sorted(p for p in tree(site) if p.startswith("achievements/") and p.endswith(".json")):
    schema_problems += [f"{path} {p}" for p in ob3_problems("achievement", json.load(open(os.path.join(site, path))))]
for path in sorted(p for p in tree(site) if p.endswith("credential.jwt")):
    schema_problems += [f"{path} {p}" for p in ob3_problems("credential", jwt_parts(os.path.join(site, path))[1])]
check("issuer.json, every achievement and every published credential's claims validate against the "
      "1EdTech Open Badges 3.0 JSON Schemas (Tests/fixtures/ob3-schema, Python jsonschema)",
      not schema_problems and any(p.startswith("achievements/") for p in tree(site)), "\n".join(schema_problems[:20]))
_, list_claims, list_signed, list_signature = jwt_parts(os.path.join(site, "status/revocation-1.jwt"))
try:
    Ed25519PublicKey.from_public_bytes(b64(method["publicKeyJwk"]["x"])).verify(list_signature, list_signed)
    list_ok = True
except Exception as error:  # noqa: BLE001
    list_ok = repr(error)
check("the status list is a BitstringStatusListCredential signed by the issuer's key",
      list_ok is True and "BitstringStatusListCredential" in list_claims["type"] and list_claims["issuer"] == DID
      and list_claims["id"] == status["statusListCredential"], str(list_ok))
size, bit = status_bit(site, index)
check("the status list holds at least 131072 bits and the credential's bit is clear", size >= 131072 and size % 131072 == 0 and not bit)

verdict = openbadgeslib_verdict(site, jwt)
check("openbadgeslib resolves the did:web (did.json under the path), verifies the credential and its status list: VALID",
      verdict == "VALID", verdict)
r = run("verify", os.path.join(site, "records/VETA-2026-000001/credential.jwt"), "--did-document", site, "--as-of", "2026-11-30",
        "--format", "json", store_arg=False)
report = json.loads(r.stdout or "{}")
check("verify --did-document SITE (no store) is VALID, checks the status list and says the registry was not checked",
      r.returncode == 0 and report.get("verdict") == "VALID" and any(c["name"] == "status" and c["passed"] for c in report["checks"])
      and [c["name"] for c in report.get("unchecked", [])] == ["registry"], r.stdout + r.stderr)
r = run("verify", jwt, "--did-document", os.path.join(site, ".well-known/did.json"), "--as-of", "2026-11-30", store_arg=False)
check("verify --did-document did.json says the status list was not checked", r.returncode == 0 and "--   status" in r.stdout, r.stdout)
r = run("verify", jwt, "--trusted-key", os.path.join(keys, "issuer.public.jwk"), "--as-of", "2026-11-30", store_arg=False)
check("verify --trusted-key is VALID", r.returncode == 0 and "VALID" in r.stdout, r.stdout + r.stderr)
r = run("verify", jwt, "--trusted-key", os.path.join(keys, "A01.public.jwk"), "--as-of", "2026-11-30", "--format", "json", store_arg=False)
check("verify with another key is NOT VALID (exit 1), one JSON document", r.returncode == 1 and json.loads(r.stdout)["verdict"] == "NOT VALID",
      r.stdout)
r = run("verify", jwt, "--embedded-key", "--as-of", "2026-11-30", store_arg=False)
check("--embedded-key on a did:web credential says it embeds no key (exit 1)", r.returncode == 1 and "embeds no key" in r.stdout, r.stdout)
r = run("verify", jwt, "--as-of", "2026-11-30")
check("verify with the store still finds the issuer by its did:web", r.returncode == 0 and "VALID" in r.stdout, r.stdout + r.stderr)

# --- key rotation: the old key stays in did.json, so the old credential still verifies ---------------
subprocess.run([veta, "keys", "generate", "--name", "issuer-2027", "--out", keys], check=True, capture_output=True)
r = run("issuer", "rotate-key", "--url", ISSUER, "--public-key", os.path.join(keys, "issuer-2027.public.jwk"), "--reason", "key renewed")
check("issuer rotate-key names the new key key-2", r.returncode == 0 and DID + "#key-2" in r.stdout, r.stdout + r.stderr)
r = run("issuer", "rotate-key", "--url", ISSUER, "--public-key", os.path.join(keys, "issuer.public.jwk"), "--reason", "back")
check("rotating back to a key the issuer had is refused (exit 1)", r.returncode == 1 and "had this key" in r.stderr, r.stderr)
r = run("issue", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, "--as-of", "2026-11-30",
        "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--format", "ob3")
check("the rotated-out key no longer issues (exit 1)", r.returncode == 1, r.stdout + r.stderr)
must("issue", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer-2027.private.jwk"), "--out", out, "--as-of", "2026-11-30",
     "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--format", "ob3")
new_jwt = os.path.join(out, "VETA-2026-000003.jwt")
build = ["site", "build", "--key", os.path.join(keys, "issuer-2027.private.jwk")]
r = run(*build, "--out", site)
did = json.load(open(os.path.join(site, ".well-known/did.json")))
check("after a rotation did.json lists key-2 (current, first) and key-1, and the new credential's kid is key-2",
      r.returncode == 0 and [m["id"] for m in did["verificationMethod"]] == [DID + "#key-2", DID + "#key-1"]
      and jwt_parts(new_jwt)[0]["kid"] == DID + "#key-2", json.dumps(did))
both = [run("verify", p, "--did-document", site, "--as-of", "2026-11-30", store_arg=False) for p in (jwt, new_jwt)]
both += [run("verify", p, "--as-of", "2026-11-30") for p in (jwt, new_jwt)]
check("credentials signed before and after the rotation verify, with the site and with the store",
      all(x.returncode == 0 for x in both), "\n".join(x.stdout + x.stderr for x in both))
r = run("ledger", "verify")
check("the log still verifies after the rotation (old issue entries with the old key)", r.returncode == 0, r.stdout + r.stderr)
r = run("store", "rebuild")
r2 = run("verify", jwt, "--as-of", "2026-11-30")
check("store rebuild keeps the issuer's keys (the old credential still verifies)", r.returncode == 0 and r2.returncode == 0, r.stderr + r2.stdout)

must("revoke", "VETA-2026-000001", "--reason", "evidence found to be fabricated", "--date", "2026-11-30")
r = run(*build, "--out", site)
size, bit = status_bit(site, index)
check("revoke then site build sets the credential's bit (and only a rebuild replaces the site)", r.returncode == 0 and bit, r.stderr)
check("the pages then say REVOKED", "REVOCADA / REVOKED" in open(os.path.join(site, "records/VETA-2026-000001/index.html")).read()
      and "REVOCADA / REVOKED" in open(os.path.join(site, "records/VETA-2026-000002/index.html")).read())
verdict = openbadgeslib_verdict(site, jwt)
check("openbadgeslib then reports it revoked from the status list", "is set at index" in verdict, verdict)
r = run("verify", jwt, "--did-document", site, "--as-of", "2026-11-30", store_arg=False)
check("verify --did-document SITE reports it revoked (exit 1)", r.returncode == 1 and "REVOKED" in r.stdout, r.stdout + r.stderr)

other = os.path.join(work, "not-a-site")
os.makedirs(other)
open(os.path.join(other, "keep.txt"), "w").write("mine")
r = run(*build, "--out", other, "--format", "json")
check("a non-empty folder that is not a site is refused (exit 1, one JSON document) and left as it was",
      r.returncode == 1 and json.loads(r.stdout)["error"]["exitCode"] == 1 and os.listdir(other) == ["keep.txt"], r.stdout + r.stderr)
r = run("site", "build", "--out", os.path.join(work, "site3"), "--key", os.path.join(keys, "A01.private.jwk"))
check("a key that is not the issuer's is refused (exit 1) and writes nothing", r.returncode == 1 and not os.path.exists(os.path.join(work, "site3")),
      r.stderr)
# --- credentials issued before did:web (did:key kid, the URL as issuer) still verify --------------------
legacy = os.path.join(root, "Tests/fixtures/legacy-store")
legacy_jwt = os.path.join(legacy, "records/VETA-2026-000001.jwt")
r = run("verify", legacy_jwt, "--embedded-key", "--as-of", "2026-11-30", store_arg=False)
check("an old did:key credential's signature verifies with --embedded-key, not VALID (exit 1): the issuer is not authenticated",
      r.returncode == 1 and "SIGNATURE VALID, ISSUER NOT AUTHENTICATED" in r.stdout and "did:key in the credential's kid" in r.stdout and "--   registry" in r.stdout, r.stdout + r.stderr)
legacy_store = os.path.join(work, "legacy.sqlite")
shutil.copy(os.path.join(legacy, "store.sqlite"), legacy_store)
subprocess.run([veta, "store", "upgrade", "--store", legacy_store], capture_output=True)
r = subprocess.run([veta, "verify", legacy_jwt, "--store", legacy_store, "--as-of", "2026-11-30"], capture_output=True, text=True)
check("an old did:key credential still verifies against its (upgraded) store", r.returncode == 0 and "VALID" in r.stdout, r.stdout + r.stderr)
finish("site")
