"""Outside tester, findings 1, 2, 4, 5, 8, 9, 14 and 15, each kept as an example of its rule.

1/9/15: one issuer URL rule at `issuer add` (https, ASCII DNS host, port 1-65535, no userinfo/query/
fragment/empty or dot segments or ':' in segments, short enough for the DC-3's code) and one issuer per
did:web; the longest allowed URL still prints on the DC-3. 2: an embedded did:key never gives VALID.
4/8: site build signs with the current key only; verify --did-document SITE refuses a credential the
site does not publish and reports a superseded one SUPERSEDED; reissue names each format's own old
serial. 5: without a store validity follows the nbf/exp instants. 14: missing files exit 2, big inputs
are refused unread.

Usage: outside_fixes_c.py VETA WORKDIR
"""
import base64
import datetime
import json
import os
import shutil
import subprocess
import sys

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

from checks import check, finish
from stores import curp

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ISSUER = "https://capacitacion.example.mx"
DID = "did:web:capacitacion.example.mx"


def run(store, *args, env=None):
    return subprocess.run([veta, *args, *(["--store", store] if store else [])], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def setup(name, issuer):
    """A store with one trainee competent in VTOPHT, `issuer` registered, a credential and its DC-3 issued."""
    folder = os.path.join(work, name)
    store, keys, out = os.path.join(folder, "veta.sqlite"), os.path.join(folder, "keys"), os.path.join(folder, "records")
    os.makedirs(folder)
    steps = [
        ["keys", "generate", "--name", "A01", "--out", keys], ["keys", "generate", "--name", "issuer", "--out", keys],
        ["publish", os.path.join(root, "Curricula")],
        ["org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo", "--site", "Mina Saucito"],
        ["trainee", "add", "--id", "T001", "--paternal", "Núñez", "--maternal", "Peña", "--given", "María", "--curp",
         curp("NUPM900101MZSXXR0"), "--employer", "MFR110315AB1", "--occupation", "Operadora", "--job-title", "Operadora"],
        ["assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "CONOCER EV-1234", "--unit", "RIIWHS201E",
         "--unit", "RIIMPO338E", "--unit", "RIIERR302E", "--public-key", os.path.join(keys, "A01.public.jwk")],
        ["issuer", "add", "--url", issuer, "--name", "Capacitación Minera del Norte, S.C.", "--rfc", "CMN150101AB1",
         "--stps", "CAP-123456-ABC-0013", "--public-key", os.path.join(keys, "issuer.public.jwk")],
        ["enrol", "T001", "VTOPHT", "--date", "2026-10-01"],
    ]
    for unit in ["RIIWHS201E", "RIIMPO338E", "RIIERR302E"]:
        steps.append(["record", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", unit, "--target", "unit", "--method", "rpl",
                      "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-10"])
        steps.append(["signoff", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", unit, "--assessor", "A01",
                      "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-12"])
    steps.append(["issue", "--trainee", "T001", "--curriculum", "VTOPHT", "--format", "all", "--issuer", issuer,
                  "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, "--as-of", "2026-11-30"])
    for step in steps:
        r = run(None if step[0] == "keys" else store, *step)
        if r.returncode != 0:
            return store, keys, out, f"veta {' '.join(step[:3])}: {r.stderr.strip()}"
    return store, keys, out, None


def b64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64e(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def base58(data):
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    n, text = int.from_bytes(data, "big"), ""
    while n:
        n, r = divmod(n, 58)
        text = alphabet[r] + text
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + text


def sign(claims, private, kid):
    header = b64e(json.dumps({"alg": "EdDSA", "typ": "JWT", "kid": kid}).encode())
    payload = b64e(json.dumps(claims).encode())
    return f"{header}.{payload}." + b64e(private.sign(f"{header}.{payload}".encode()))


store, keys, out, failure = setup("main", ISSUER)
if failure:
    print(f"FAIL setup: {failure}")
    sys.exit(1)
jwt = os.path.join(out, "VETA-2026-000001.jwt")
claims = json.loads(b64(open(jwt).read().strip().split(".")[1]))

# --- 1, 9, 15: one issuer URL rule, one issuer per did:web ------------------------------------------
for variant in ["https://CAPACITACION.example.mx", "https://capacitacion.example.mx/", "HTTPS://Capacitacion.Example.MX/"]:
    r = run(store, "issuer", "add", "--url", variant, "--name", "Impostor", "--rfc", "CMN150101AB1",
            "--public-key", os.path.join(keys, "A01.public.jwk"))
    check(f"issuer add refuses {variant}: its did:web is already registered (exit 1)",
          r.returncode == 1 and DID in r.stderr, r.stdout + r.stderr)
listing = run(store, "issuer", "list").stdout
check("the issuer list still holds one issuer", listing.count("https://") == 1, listing)
bad = ["https://capacitacion.example.org?x=1", "https://x.mx/a/../b", "https://x.mx//b", "https://user:pw@x.mx", "https://x.mx#frag",
       "https://x.mx/a:b", "https://capacitación.mx", "https://[::1]:8443", "https://x.mx/a\"onmouseover=alert(1)", "https://x.mx/%2e%2e",
       "https://x.mx:0", "https://x.mx:99999", "http://x.mx", "https://x.mx/" + "a" * 430]
for url in bad:
    r = run(store, "issuer", "add", "--url", url, "--name", "X", "--rfc", "CMN150101AB1", "--public-key", os.path.join(keys, "A01.public.jwk"))
    check(f"issuer add refuses {url[:50]} (exit 1, the rule it breaks)",
          r.returncode == 1 and "cannot be an issuer URL" in r.stderr, r.stdout + r.stderr)
r = run(store, "issuer", "add", "--url", "https://x.mx/" + "a" * 430, "--name", "X", "--rfc", "CMN150101AB1",
        "--public-key", os.path.join(keys, "A01.public.jwk"))
check("a too-long issuer URL is refused at issuer add naming the DC-3's verification code", "verification code" in r.stderr, r.stderr)
# A long URL (80 characters) of ordinary letters fits (whether one fits is measured with the form's font metrics at
# issuer add: publishing_formats_cli.py checks wide capitals).
longest = "https://capacitacion-minera-del-norte.zacatecas.example.mx"
longest = longest + "/" + ("sitios-mineros-" * 5)[: 80 - len(longest) - 1]
_, _, long_out, failure = setup("longest", longest)
check(f"the longest issuer URL allowed ({len(longest)} characters) still issues a credential and a DC-3",
      failure is None and os.path.exists(os.path.join(long_out, "VETA-2026-000002.pdf")), failure or "")

# --- 2: an embedded did:key never gives VALID -------------------------------------------------------
forger = Ed25519PrivateKey.generate()
raw = forger.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
mb = "z" + base58(b"\xed\x01" + raw)
forged = os.path.join(work, "forged.jwt")
open(forged, "w").write(sign(claims, forger, f"did:key:{mb}#{mb}"))
r = run(None, "verify", forged, "--embedded-key")
check("verify --embedded-key of a self-signed credential naming the issuer is not VALID (exit 1)",
      r.returncode == 1 and "SIGNATURE VALID, ISSUER NOT AUTHENTICATED" in r.stdout, r.stdout)
r = run(None, "verify", forged, "--embedded-key", "--format", "json")
check("... and in JSON", r.returncode == 1 and json.loads(r.stdout)["verdict"] == "SIGNATURE VALID, ISSUER NOT AUTHENTICATED", r.stdout)

# --- 5: without a store, validity by the nbf/exp instants ------------------------------------------
def at(seconds):
    stamp = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"VETA_NOW": stamp, "TZ": "Pacific/Kiritimati"}


key = os.path.join(keys, "issuer.public.jwk")
cases = [(claims["nbf"] - 1, 1), (claims["nbf"], 0)]
if "exp" in claims:
    cases += [(claims["exp"] - 1, 0), (claims["exp"], 1)]
for instant, code in cases:
    r = run(None, "verify", jwt, "--trusted-key", key, env=at(instant))
    check(f"store-less verify at {at(instant)['VETA_NOW']} (nbf {claims['nbf']}, exp {claims.get('exp')}) exits {code}, whatever TZ",
          r.returncode == code, r.stdout + r.stderr)

# --- 8: superseded records; the reissue message names each format's own serial ---------------------
r = run(store, "reissue", "VETA-2026-000001", "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, "--as-of", "2026-11-30")
check("reissue names the DC-3's own superseded serial",
      r.returncode == 0 and "(dc3), superseding VETA-2026-000002" in r.stdout and "(ob3), superseding VETA-2026-000001" in r.stdout, r.stdout + r.stderr)
site = os.path.join(work, "site")
r = run(store, "site", "build", "--out", site, "--key", os.path.join(keys, "issuer.private.jwk"))
check("site build", r.returncode == 0, r.stderr)
badge = os.path.join(site, "records/VETA-2026-000001/badge.png")
for path in (jwt, badge):
    r = run(None, "verify", path, "--did-document", site, "--as-of", "2026-11-30")
    check(f"verify {os.path.basename(path)} --did-document SITE says SUPERSEDED like the page (exit 1)",
          r.returncode == 1 and "SUPERSEDED" in r.stdout, r.stdout + r.stderr)
new_jwt = os.path.join(out, "VETA-2026-000003.jwt")
r = run(None, "verify", new_jwt, "--did-document", site, "--as-of", "2026-11-30")
check("the re-issued credential verifies with the site (exit 0)", r.returncode == 0 and "publication" in r.stdout, r.stdout + r.stderr)

# --- 4: only the current key signs the site; the site must publish the credential -------------------
run(None, "keys", "generate", "--name", "issuer-2", "--out", keys)
r = run(store, "issuer", "rotate-key", "--url", ISSUER, "--public-key", os.path.join(keys, "issuer-2.public.jwk"), "--reason", "renewal")
check("rotate-key", r.returncode == 0, r.stderr)
r = run(store, "site", "build", "--out", site, "--key", os.path.join(keys, "issuer.private.jwk"))
check("site build with the rotated-out key is refused (exit 1)", r.returncode == 1 and "rotated-out" in r.stderr, r.stdout + r.stderr)
r = run(store, "site", "build", "--out", site, "--key", os.path.join(keys, "issuer-2.private.jwk"))
check("site build with the current key", r.returncode == 0, r.stderr)
old = Ed25519PrivateKey.from_private_bytes(b64(json.load(open(os.path.join(keys, "issuer.private.jwk")))["d"]))
fake = dict(claims, id="urn:veta:record:VETA-2026-000099", jti="urn:veta:record:VETA-2026-000099")
forged_old = os.path.join(work, "forged-old.jwt")
open(forged_old, "w").write(sign(fake, old, DID + "#key-1"))
r = run(None, "verify", forged_old, "--did-document", site, "--as-of", "2026-11-30")
check("a credential signed with the old key but not published by the site is NOT VALID (exit 1)",
      r.returncode == 1 and "NOT VALID" in r.stdout and "publishes no credential" in r.stdout, r.stdout + r.stderr)
r = run(None, "verify", new_jwt, "--did-document", site, "--as-of", "2026-11-30")
check("a published credential signed with the old key still verifies (exit 0)", r.returncode == 0, r.stdout + r.stderr)

# --- 14: missing files exit 2, big inputs refused unread --------------------------------------------
r = run(None, "verify", jwt, "--did-document", "/nonexistent", "--format", "json")
check("verify --did-document /nonexistent exits 2 'cannot read' (one JSON document)",
      r.returncode == 2 and "cannot read" in json.loads(r.stdout)["error"]["message"], r.stdout + r.stderr)
r = run(store, "issuer", "rotate-key", "--url", ISSUER, "--public-key", os.path.join(work, "missing.jwk"), "--reason", "x")
check("rotate-key --public-key missing.jwk exits 2 'cannot read'", r.returncode == 2 and "cannot read" in r.stderr, r.stdout + r.stderr)
big = os.path.join(work, "big.jwt")
with open(big, "wb") as f:
    f.truncate(17 * 1024 * 1024)
r = run(None, "verify", big, "--embedded-key")
check("verify refuses a file above 16 MiB unread (exit 2)", r.returncode == 2 and "more than" in r.stderr, r.stdout + r.stderr)
finish("outside fixes (c)")
