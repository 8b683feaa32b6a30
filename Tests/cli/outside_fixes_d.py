"""End-to-end checks of faults an outside tester found (breakit5, part D), one per rule:
`site build` refuses a log that does not verify (3); the status list is never valid from a time
after it is signed, whatever the store's zone (6); public pages show a revocation's status and date,
never its reason (7); working folders of a killed build are removed by the next one, and files the
old site held that the build does not write are named (10, 11); `serve` names a certificate or key
it cannot read or that do not go together, and a busy address in plain words (12); a badge with
two credentials is ambiguous, a malformed SVG gets a plain message (13); a one-language draft's
titles have no dangling " / " and issuing from a draft warns (16); help reads at 80 columns, the
site has a home page, .veta-site and file/ are 404, and a foreign store is named as such (17).

Usage: outside_fixes_d.py VETA WORKDIR
"""
import base64
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import urllib.parse
import zlib

from checks import check, finish
from serving import Server
from stores import curp, sql, store_commands_at, workplace
from testca import make_ca_and_localhost

veta, work, root = workplace(sys.argv)
keys = os.path.join(work, "keys")
ISSUER = "https://capacitacion.example.mx"
UNITS = ["RIIWHS201E", "RIIMPO338E", "RIIERR302E"]
ORG = "MFR110315AB1"
NOW = "2027-03-01T02:00:00Z"
run, must = store_commands_at(veta, NOW)
for name in ("A01", "issuer"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
ISSUER_KEY = os.path.join(keys, "issuer.private.jwk")


def payload(jwt):
    part = jwt.strip().split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def setup(name, zone, curriculum="VTOPHT", units=UNITS, source=None, allow_draft=False):
    """A store in `zone` with one trainee whose units are signed off, and the issuer."""
    store = os.path.join(work, name + ".sqlite")
    must(store, "store", "set-timezone", zone, "--reason", "sitio")
    must(store, "publish", source or os.path.join(root, "Curricula"))
    must(store, "org", "add", "--rfc", ORG, "--name", "Minera Fresnillo", "--site", "Mina Saucito")
    must(store, "trainee", "add", "--id", "T001", "--paternal", "Núñez", "--maternal", "Peña", "--given", "María",
         "--curp", curp("NUPM900101MZSXXR0"), "--employer", ORG, "--occupation", "Operadora", "--job-title", "Operadora")
    must(store, "assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "EV-1",
         *sum([["--unit", u] for u in units], []), "--public-key", os.path.join(keys, "A01.public.jwk"))
    must(store, "enrol", "T001", curriculum, *(["--allow-draft"] if allow_draft else []))
    for unit in units:
        must(store, "record", "--trainee", "T001", "--curriculum", curriculum, "--unit", unit, "--target", "unit", "--method",
             "rpl", "--outcome", "satisfactory", "--assessor", "A01", "--hours", "4", "--site", "Mina Saucito")
        must(store, "signoff", "--trainee", "T001", "--curriculum", curriculum, "--unit", unit, "--assessor", "A01", "--key",
             os.path.join(keys, "A01.private.jwk"))
    must(store, "issuer", "add", "--url", ISSUER, "--name", "Capacitación Minera del Norte, S.C.", "--rfc", "CMN150101AB1",
         "--stps", "CAP-123456-ABC-0013", "--public-key", os.path.join(keys, "issuer.public.jwk"))
    return store


# --- 6: the status list is valid from the site's midnight, not UTC's -------------------------------------
store = setup("tokyo", "Asia/Tokyo")
out = os.path.join(work, "records")
issued = must(store, "issue", "--trainee", "T001", "--curriculum", "VTOPHT", "--format", "all", "--issuer", ISSUER, "--key",
              ISSUER_KEY, "--out", out)
REVOKED_AT = "2027-03-02T20:00:00Z"  # 2027-03-03 05:00 in Tokyo
must(store, "revoke", "VETA-2027-000001", "--reason", "evidencia fabricada por el supervisor", now=REVOKED_AT)
site = os.path.join(work, "site")
r = run(store, "site", "build", "--out", site, "--key", ISSUER_KEY, now=REVOKED_AT)
check("site build works on a verifying log", r.returncode == 0, r.stdout + r.stderr)
status = payload(open(os.path.join(site, "status/revocation-1.jwt")).read())
signed_at = 1804104000  # 2027-03-02T20:00:00Z
check("in Asia/Tokyo the status list's nbf is not after the instant it is signed (finding 6)",
      status["nbf"] <= signed_at and status["validFrom"] == "2027-03-02T15:00:00Z", json.dumps(status)[:300])

# --- 7: no free-text reason on public pages ---------------------------------------------------------------
pages = [open(os.path.join(d, f), encoding="utf-8").read() for d, _, fs in os.walk(site) for f in fs if f.endswith(".html")]
check("the revoked record's page says REVOKED and when", any("REVOCADA / REVOKED" in p and "2027-03-03" in p for p in pages))
check("no public page carries the revocation's reason (finding 7)", not any("fabricada" in p for p in pages))
page = open(os.path.join(site, "records/VETA-2027-000001/index.html"), encoding="utf-8").read()
check("a validity end names the last valid day", "no expiry" in page or "last valid day" in page, page[:400])

# --- 17: the site's home page, .veta-site and file/ are 404 ---------------------------------------------
home = os.path.join(site, "index.html")
check("the site has a home page naming the issuer and how to verify, es/en",
      os.path.isfile(home) and "Capacitación Minera del Norte" in open(home, encoding="utf-8").read()
      and "Cómo verificar" in open(home, encoding="utf-8").read() and "How to verify" in open(home, encoding="utf-8").read())
check("the home page lists no records", "VETA-2027" not in open(home, encoding="utf-8").read())


def get(url, path):
    parts = urllib.parse.urlparse(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


server = Server(veta, site)
if server.url:
    check("serve: / is the home page (200)", get(server.url, "/") == 200)
    check("serve: /.veta-site is 404", get(server.url, "/.veta-site") == 404)
    check("serve: a file named with a trailing slash is 404", get(server.url, "/records/VETA-2027-000001/badge.png/") == 404)
    check("serve: the file itself is 200", get(server.url, "/records/VETA-2027-000001/badge.png") == 200)
    # --- 12: a busy address in plain words
    port = urllib.parse.urlparse(server.url).port
    r = subprocess.run([veta, "serve", site, "--port", str(port)], capture_output=True, text=True, timeout=60)
    check("serve on a busy port: exit 2, plain words, no Swift internals (finding 12)",
          r.returncode == 2 and "VETA-SERVE-003" in r.stderr and "bind(" not in r.stderr and "descriptor" not in r.stderr, r.stderr)
else:
    check("serve starts", False, server.line)
server.stop()

# --- 12: certificate and key --------------------------------------------------------------------------
ca, cert, key = make_ca_and_localhost(os.path.join(work, "tls"))
_, cert2, key2 = make_ca_and_localhost(os.path.join(work, "tls2"))
r = subprocess.run([veta, "serve", site, "--port", "0", "--tls-cert", os.path.join(work, "missing.crt"), "--tls-key", key],
                   capture_output=True, text=True, timeout=60)
check("serve: a missing certificate file says it cannot be read (exit 2)",
      r.returncode == 2 and "cannot read" in r.stderr and "failedToLoad" not in r.stderr, r.stderr)
r = subprocess.run([veta, "serve", site, "--port", "0", "--tls-cert", cert, "--tls-key", key2], capture_output=True, text=True,
                   timeout=60)
check("serve: a key that is not the certificate's has its own code and a fix about certificate and key",
      r.returncode == 2 and "VETA-SERVE-004" in r.stderr and "certificate" in r.stderr and "port" not in r.stderr.split("Fix:")[-1],
      r.stderr)

# --- 10, 11: stale working folders and files the build does not write -----------------------------------
dead = 999_999_9
stale_build = os.path.join(work, f".site.veta-build-{dead}")
stale_old = os.path.join(work, f".site.veta-old-{dead}")
foreign = os.path.join(work, f".site.veta-old-{dead + 1}")
for folder in (stale_build, stale_old):
    os.makedirs(os.path.join(folder, "records"))
    open(os.path.join(folder, ".veta-site"), "w").write("x")
os.makedirs(foreign)
open(os.path.join(foreign, "mine.txt"), "w").write("not veta's")
open(os.path.join(site, "CNAME"), "w").write("capacitacion.example.mx\n")
r = run(store, "site", "build", "--out", site, "--key", ISSUER_KEY, now=REVOKED_AT)
check("a rebuild removes the working folders a killed build left (finding 10)",
      r.returncode == 0 and not os.path.exists(stale_build) and not os.path.exists(stale_old), r.stderr)
check("a folder of that name without Veta's marker is left alone", os.path.isfile(os.path.join(foreign, "mine.txt")))
check("a rebuild says it removed the file veta did not write (finding 11)", "CNAME" in r.stdout and "removed" in r.stdout, r.stdout)
r = run(store, "site", "build", "--out", site, "--key", ISSUER_KEY, "--format", "json", now=REVOKED_AT)
check("--format json lists nothing removed on a plain rebuild", r.returncode == 0 and json.loads(r.stdout)["removed"] == [], r.stdout)

# --- 3: site build refuses a log that does not verify ---------------------------------------------------
tampered = os.path.join(work, "tampered.sqlite")
shutil.copy(store, tampered)
for trigger in [row[0] for row in sql(tampered, "SELECT name FROM sqlite_master WHERE type = 'trigger'")]:
    sql(tampered, f"DROP TRIGGER {trigger}")
sql(tampered, "UPDATE ledger SET hash = randomblob(32) WHERE sequence = 5")
fresh = os.path.join(work, "tampered-site")
r = run(tampered, "site", "build", "--out", fresh, "--key", ISSUER_KEY, now=REVOKED_AT)
check("site build on a log that does not verify: exit 1, nothing written (finding 3)",
      r.returncode == 1 and "does not verify" in r.stderr and not os.path.exists(fresh), r.stdout + r.stderr)

# --- 13: ambiguous badges, plain XML errors -------------------------------------------------------------
png = open(os.path.join(site, "records/VETA-2027-000001/badge.png"), "rb").read()
end = png.rindex(b"IEND") - 4
text = b"openbadgecredential\x00\x00\x00\x00\x00" + b"e30.e30.AAAA"
chunk = len(text).to_bytes(4, "big") + b"iTXt" + text + zlib.crc32(b"iTXt" + text).to_bytes(4, "big")
double_png = os.path.join(work, "double.png")
open(double_png, "wb").write(png[:end] + chunk + png[end:])
r = run(store, "verify", double_png, "--did-document", site)
check("a PNG with two credential chunks is refused as ambiguous (finding 13)",
      r.returncode != 0 and "VETA-BADGE-005" in r.stdout + r.stderr and "VALID" not in r.stdout.replace("NOT VALID", ""), r.stdout + r.stderr)
svg = open(os.path.join(site, "records/VETA-2027-000001/badge.svg"), encoding="utf-8").read()
element = re.search(r"<openbadges:credential[^>]*/>", svg).group(0)
double_svg = os.path.join(work, "double.svg")
open(double_svg, "w", encoding="utf-8").write(svg.replace(element, element + element.replace('verify="', 'verify="x'), 1))
r = run(store, "verify", double_svg, "--did-document", site)
check("an SVG with two credential elements is refused as ambiguous", r.returncode != 0 and "VETA-BADGE-005" in r.stdout + r.stderr,
      r.stdout + r.stderr)
bomb = os.path.join(work, "bomb.svg")
open(bomb, "w").write('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>')
r = run(store, "verify", bomb)
check("an SVG that does not parse gets a plain message, not the parser's domain and number",
      r.returncode != 0 and "NSXMLParserErrorDomain" not in r.stdout + r.stderr and "Error Domain" not in r.stdout + r.stderr,
      r.stdout + r.stderr)

# --- 16: a one-language draft -----------------------------------------------------------------------------
draft = os.path.join(work, "draft.xml")
subprocess.run([veta, "new", "curriculum", "--code", "VTBORR", "--level", "operator", "--lang", "es", "--out", draft],
               check=True, capture_output=True)
unit = re.search(r'<unit code="([^"]+)"', open(draft, encoding="utf-8").read()).group(1)
dstore = setup("draft", "America/Mexico_City", curriculum="VTBORR", units=[unit], source=draft, allow_draft=True)
dout = os.path.join(work, "draft-records")
r = run(dstore, "issue", "--trainee", "T001", "--curriculum", "VTBORR", "--format", "ob3", "--issuer", ISSUER, "--key", ISSUER_KEY,
        "--out", dout)
check("issuing from a draft curriculum works and warns on stderr (finding 16)",
      r.returncode == 0 and "draft" in r.stderr and "warning" in r.stderr, r.stdout + r.stderr)
jwts = [os.path.join(dout, f) for f in os.listdir(dout) if f.endswith(".jwt")] if os.path.isdir(dout) else []
names = [payload(open(j).read())["credentialSubject"]["achievement"]["name"] for j in jwts]
check("a one-language draft's credential title has no dangling ' / '",
      names and not any(n.strip().endswith("/") or " / " in n for n in names), str(names))
dsite = os.path.join(work, "draft-site")
r = run(dstore, "site", "build", "--out", dsite, "--key", ISSUER_KEY)
html = "".join(open(os.path.join(d, f), encoding="utf-8").read() for d, _, fs in os.walk(dsite) for f in fs if f.endswith((".html", ".svg")))
check("nor do its page and badge", r.returncode == 0 and " / <" not in html and " / \n" not in html and "/ —" not in html, r.stderr)

# --- 17: help at 80 columns ---------------------------------------------------------------------------------
for command in (["serve"], ["site", "build"], ["badge"], ["issuer", "rotate-key"]):
    env = dict(os.environ, COLUMNS="80")
    text = subprocess.run([veta, *command, "--help"], capture_output=True, text=True, env=env).stdout
    lines = text.split("\n")
    orphans = [b for a, b in zip(lines, lines[1:]) if a.strip() and 0 < len(b.strip()) <= 12 and not b.strip().startswith("-")
               and len(a) >= 70 and b.startswith(" ") and len(b) - len(b.lstrip()) == len(a) - len(a.lstrip())]
    check(f"veta {' '.join(command)} --help fits 80 columns with no orphan lines",
          all(len(line) <= 80 for line in lines if not line.startswith("USAGE:")) and not orphans, "\n".join([l for l in lines if len(l) > 80] + orphans))

# --- 17: --format json where a success output exists ---------------------------------------------------------
r = run(store, "badge", "--record", "VETA-2027-000001", "--out", os.path.join(work, "b.svg"), "--format", "json")
check("badge --format json prints one document", r.returncode == 0 and json.loads(r.stdout)["format"] == "svg", r.stdout + r.stderr)
subprocess.run([veta, "keys", "generate", "--name", "issuer-2", "--out", keys], check=True, capture_output=True)
r = run(store, "issuer", "rotate-key", "--url", ISSUER, "--public-key", os.path.join(keys, "issuer-2.public.jwk"), "--reason", "renewed",
        "--format", "json")
check("issuer rotate-key --format json prints one document", r.returncode == 0 and json.loads(r.stdout)["keyID"].endswith("#key-2"),
      r.stdout + r.stderr)

# --- 17: a store that is not Veta's ---------------------------------------------------------------------------
foreign_store = os.path.join(work, "foreign.sqlite")
shutil.copy(store, foreign_store)
sql(foreign_store, "INSERT INTO grdb_migrations (identifier) VALUES ('createUsers')")
r = run(foreign_store, "trainee", "list")
check("a store with another program's migrations is named as not a Veta store, not 'newer'",
      r.returncode == 2 and "not a Veta store" in r.stderr and "newer than" not in r.stderr, r.stderr)

finish("outside fixes (d)")
