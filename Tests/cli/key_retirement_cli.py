"""End-to-end checks of retiring a compromised issuer key (`veta issuer retire-key`).

An issuer signs unit A on 2026-11-20 and unit B on 2026-11-25 with key-1, rotates to key-2 and
retires key-1 as compromised since 2026-11-25: B (credential and DC-3) verifies NOT VALID, KEY
COMPROMISED, with the store, with the built site and after `veta store rebuild`; A, signed before,
stays VALID with the store and the site, but not with the DID document alone (its date is only the
signer's word); did.json keeps key-1 marked "revoked" and drops it from assertionMethod; the
current key, a retired key, a future date and a key that does not exist are refused; `veta reissue
--compromised` re-signs B with the current key. openbadgeslib rejects B through the status list; a
credential forged with the stolen key and backdated is refused with the site (not published).

Usage: key_retirement_cli.py VETA WORKDIR
"""
import base64
import csv
import io
import json
import os
import subprocess

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from checks import check, finish
from stores import competent_store, must_on, run_on, workplace

veta, work, root = workplace(__import__("sys").argv)
store = os.path.join(work, "veta.sqlite")
keys = os.path.join(work, "keys")
out = os.path.join(work, "records")
site = os.path.join(work, "site")
ISSUER = "https://capacitacion.example.mx"


def at(day):
    """Runs what follows at noon UTC of `day` (the instant entries are recorded at, and today)."""
    os.environ["VETA_NOW"] = f"{day}T12:00:00Z"


def run(*args):
    return run_on(veta, store, *args)


def must(*args):
    return must_on(veta, store, *args)


def verify(path, *options):
    r = run("verify", path, *options, "--format", "json")
    try:
        return r.returncode, json.loads(r.stdout).get("verdict"), r.stdout
    except json.JSONDecodeError:
        return r.returncode, None, r.stdout + r.stderr


at("2026-11-20")
for name in ("A01", "issuer", "issuer-2"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
competent_store(veta, store, keys, root, ["RIIWHS201E", "RIIERR302E"], ISSUER)
key1, key2 = os.path.join(keys, "issuer.private.jwk"), os.path.join(keys, "issuer-2.private.jwk")


def issue(unit, day):
    at(day)
    must("issue", "--issuer", ISSUER, "--key", key1, "--out", out, "--as-of", day, "--trainee", "T100", "--curriculum", "VTOPHT",
         "--unit", unit, "--format", "all")


issue("RIIWHS201E", "2026-11-20")  # A: VETA-2026-000001 (credential) and 000002 (DC-3)
issue("RIIERR302E", "2026-11-25")  # B: VETA-2026-000003 and 000004
A, A_PDF, B, B_PDF = (os.path.join(out, f"VETA-2026-00000{n}.{ext}") for n, ext in ((1, "jwt"), (2, "pdf"), (3, "jwt"), (4, "pdf")))

at("2026-11-27")
r = run("issuer", "retire-key", "--key-id", "1", "--compromised-since", "2026-11-25", "--reason", "robo")
check("the current key is not retired: rotate first (exit 1)", r.returncode == 1 and "rotate" in r.stderr, r.stdout + r.stderr)
must("issuer", "rotate-key", "--url", ISSUER, "--public-key", os.path.join(keys, "issuer-2.public.jwk"), "--reason", "key-1 leaked")
r = run("issuer", "retire-key", "--key-id", "1", "--compromised-since", "2026-11-28", "--reason", "robo")
check("a compromise date after today is refused (exit 1)", r.returncode == 1, r.stdout + r.stderr)
r = run("issuer", "retire-key", "--key-id", "3", "--compromised-since", "2026-11-25", "--reason", "robo")
check("a key the issuer never had is refused (exit 1)", r.returncode == 1 and "key-3" in r.stderr, r.stdout + r.stderr)
r = run("issuer", "retire-key", "--key-id", "uno", "--compromised-since", "2026-11-25", "--reason", "robo")
check("a --key-id that is not N, key-N or DID#key-N is a usage error (exit 64)", r.returncode == 64, r.stdout + r.stderr)
r = subprocess.run([veta, "issuer", "retire-key", "--key-id", "1", "--compromised-since", "2026-11-25", "--reason", "robo",
                    "--store", os.path.join(work, "missing.sqlite")], capture_output=True, text=True)
check("a missing store is exit 2", r.returncode == 2, r.stdout + r.stderr)

# breakit7: a DID#key-N names its issuer; another issuer's DID never retires this issuer's key.
r = run("issuer", "retire-key", "--key-id", "did:web:evil.example#key-1", "--compromised-since", "2026-11-25", "--reason", "robo")
check("a DID#key-N naming another issuer's did:web is refused (exit 1) and retires nothing",
      r.returncode == 1 and "did:web:evil.example" in r.stderr and "nothing was retired" in r.stderr, r.stdout + r.stderr)
r = run("issuer", "retire-key", "--key-id", "garbage#key-1", "--compromised-since", "2026-11-25", "--reason", "robo")
check("a --key-id whose DID part is not a did:web is a usage error (exit 64)", r.returncode == 64, r.stdout + r.stderr)
r = run("issuer", "retire-key", "--key-id", "key-1", "--compromised-since", "2026-11-25",
        "--reason", "laptop robada en la oficina de Saucito", "--format", "json")
try:
    report = json.loads(r.stdout)
except json.JSONDecodeError:
    report = {}
check("retire-key retires key-1 and lists the standing records it voids (B only), in one JSON document",
      r.returncode == 0 and report.get("keyID") == "did:web:capacitacion.example.mx#key-1"
      and report.get("affected") == ["VETA-2026-000003", "VETA-2026-000004"], r.stdout + r.stderr)
r = run("issuer", "retire-key", "--key-id", "1", "--compromised-since", "2026-11-25", "--reason", "otra vez")
check("a key already retired is refused (exit 1)", r.returncode == 1 and "already retired" in r.stderr, r.stdout + r.stderr)

# --- with the store -----------------------------------------------------------------------------------
# breakit7: the DC-4 list judges as verify does: B's DC-3 is "clave comprometida", never "vigente"; A's stays vigente.
dc4 = {row["folio"]: row["estado"] for row in csv.DictReader(io.StringIO(must("dc4", "--employer", "CMP961028AB1", "--year", "2026").stdout))}
check("the DC-4 lists B's DC-3 as clave comprometida and A's as vigente",
      dc4.get("VETA-2026-000004") == "clave comprometida" and dc4.get("VETA-2026-000002") == "vigente", str(dc4))
for path, name in ((B, "credential"), (B_PDF, "DC-3")):
    code, verdict, text = verify(path)
    check(f"B's {name}, signed with key-1 on the compromise date, is NOT VALID, KEY COMPROMISED (exit 1)",
          code == 1 and verdict == "KEY COMPROMISED", text)
r = run("verify", B)
check("the text report says NOT VALID, KEY COMPROMISED and names the key and the date",
      r.returncode == 1 and "NOT VALID, KEY COMPROMISED" in r.stdout and "key-1" in r.stdout and "2026-11-25" in r.stdout, r.stdout)
for path, name in ((A, "credential"), (A_PDF, "DC-3")):
    code, verdict, text = verify(path)
    check(f"A's {name}, signed with key-1 before the compromise, stays VALID", code == 0 and verdict == "VALID", text)

r = run("store", "rebuild")
check("veta store rebuild succeeds", r.returncode == 0, r.stdout + r.stderr)
code, verdict, text = verify(B)
check("after store rebuild B is still KEY COMPROMISED (the retirement is in the log)", verdict == "KEY COMPROMISED", text)
r = run("ledger", "verify")
check("the log with the retirement verifies", r.returncode == 0, r.stdout + r.stderr)

# --- the site -----------------------------------------------------------------------------------------
r = run("site", "build", "--out", site, "--key", key2)
check("site build with the current key", r.returncode == 0, r.stdout + r.stderr)
document = json.load(open(os.path.join(site, ".well-known", "did.json")))
methods = {m["id"].rsplit("#", 1)[1]: m for m in document["verificationMethod"]}
check("did.json keeps key-1 marked revoked from the compromise date (W3C Controlled Identifiers 1.0)",
      methods.get("key-1", {}).get("revoked", "").startswith("2026-11-2") and "revoked" not in methods.get("key-2", {}), document)
check("did.json drops key-1 from assertionMethod and authentication, keeps key-2",
      all(not any(i.endswith("#key-1") for i in document[k]) and any(i.endswith("#key-2") for i in document[k])
          for k in ("assertionMethod", "authentication")), document)
check("did.json adds the Controlled Identifiers context that defines revoked", "https://www.w3.org/ns/cid/v1" in document["@context"],
      document["@context"])
page = open(os.path.join(site, "records", "VETA-2026-000003", "index.html"), encoding="utf-8").read()
check("B's page says CLAVE COMPROMETIDA / KEY COMPROMISED", "CLAVE COMPROMETIDA / KEY COMPROMISED" in page, page[:400])
code, verdict, text = verify(B, "--did-document", site)
check("verify --did-document SITE: B is KEY COMPROMISED (exit 1)", code == 1 and verdict == "KEY COMPROMISED", text)
code, verdict, text = verify(A, "--did-document", site)
check("verify --did-document SITE: A, which the site dates before the compromise, is VALID", code == 0 and verdict == "VALID", text)
code, verdict, text = verify(A, "--did-document", os.path.join(site, "did.json"))
check("verify --did-document FILE alone: A is KEY COMPROMISED too (its date is only the signer's word)",
      code == 1 and verdict == "KEY COMPROMISED", text)



def openbadgeslib_verdict(token_path):
    """openbadgeslib (PyPI) resolving the did:web from the site's files and checking the status list."""
    from openbadgeslib.ob3.verifier import OB3Verifier

    def download(url):
        if not url.startswith(ISSUER):
            raise ValueError(f"not the issuer's site: {url}")
        return open(site + url[len(ISSUER):], "rb").read()

    try:
        OB3Verifier.for_issuer_did("did:web:capacitacion.example.mx", download=download).verify(
            open(token_path).read().strip(), check_status=True, download=download)
        return "VALID"
    except Exception as error:  # noqa: BLE001 - the verifier's refusal is the finding
        return f"{type(error).__name__}: {error}"


verdict = openbadgeslib_verdict(B)
check("openbadgeslib (independent) rejects B: its bit is set in the status list", "is set at index" in verdict, verdict)
verdict = openbadgeslib_verdict(A)
check("openbadgeslib accepts A, which the issuer's log dates before the compromise", verdict == "VALID", verdict)

# A credential forged with the stolen key, backdated (validFrom before the compromise), under a serial never issued.
def b64e(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64d(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


stolen = Ed25519PrivateKey.from_private_bytes(b64d(json.load(open(os.path.join(keys, "issuer.private.jwk")))["d"]))
claims = json.loads(b64d(open(A).read().strip().split(".")[1]))
claims["id"] = claims["jti"] = "urn:veta:record:VETA-2026-000099"
header = b64e(json.dumps({"alg": "EdDSA", "kid": "did:web:capacitacion.example.mx#key-1", "typ": "JWT"}).encode())
payload = b64e(json.dumps(claims).encode())
forged = os.path.join(work, "forged.jwt")
open(forged, "w").write(f"{header}.{payload}." + b64e(stolen.sign(f"{header}.{payload}".encode())))
code, verdict, text = verify(forged, "--did-document", site)
check("a backdated credential forged with the retired key is KEY COMPROMISED with the site (it publishes no such credential)",
      code == 1 and verdict == "KEY COMPROMISED", text)
code, verdict, text = verify(forged)
check("... and NOT VALID with the store (no such record)", code == 1 and verdict != "VALID", text)

# --- re-issue with the current key --------------------------------------------------------------------
at("2026-11-28")
r = run("reissue", "--compromised", "--key", key2, "--out", out)
check("reissue --compromised re-signs B with the current key (one issuance, two files)",
      r.returncode == 0 and r.stdout.count("issued ") == 2 and "superseding VETA-2026-000003" in r.stdout, r.stdout + r.stderr)
code, verdict, text = verify(os.path.join(out, "VETA-2026-000005.jwt"))
check("the re-issued credential is VALID", code == 0 and verdict == "VALID", text)
code, verdict, text = verify(B)
check("B itself stays NOT VALID", code == 1 and verdict == "KEY COMPROMISED", text)
r = run("reissue", "--compromised", "--key", key2, "--out", out)
check("a second reissue --compromised has nothing left to re-issue (exit 0)",
      r.returncode == 0 and "no standing record" in r.stdout, r.stdout + r.stderr)
r = run("reissue", "VETA-2026-000001", "--compromised", "--key", key2)
check("reissue takes a SERIAL or --compromised, not both (exit 64)", r.returncode == 64, r.stdout + r.stderr)

finish("key retirement")
