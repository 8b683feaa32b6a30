"""End-to-end checks of completion records: refusal with the missing list, OB3 credentials that
pass an independent verifier (openbadgeslib from PyPI, through Tests/cli/ob3_check.py, judged at a
fixed date with faketime), tampering caught by it and by `veta verify`, revocation, expiry,
re-issue, the DC-3 PDF's text, the DC-4 list, cohort issuing.

When the environment names the project's shared OB3 oracle (OB3_ORACLE, a folder, and
ORACLE_PYTHON, the Python its requirements are installed in), its verdicts are checked in addition.

Usage: records_cli.py VETA WORKDIR
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys

from checks import check, finish
from stores import curp

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
store = os.path.join(work, "veta.sqlite")
keys = os.path.join(work, "keys")
out = os.path.join(work, "records")
NOW = "2026-11-30T00:00:00Z"
oracle_dir = os.environ.get("OB3_ORACLE", "")
oracle_python = os.environ.get("ORACLE_PYTHON", "")
has_oracle = os.path.isfile(os.path.join(oracle_dir, "ob3-verify")) and os.access(oracle_python, os.X_OK)
ISSUER = "https://capacitacion.example.mx"


def independent(*credentials):
    """openbadgeslib's verdict at NOW, and the shared oracle's when present: (all valid, output)."""
    r = subprocess.run(["faketime", NOW.replace("T", " ").rstrip("Z"), sys.executable, os.path.join(root, "Tests/cli/ob3_check.py"),
                        os.path.join(keys, "issuer.public.jwk"), *credentials], capture_output=True, text=True)
    verdicts = [r.returncode]
    output = r.stdout + r.stderr
    if has_oracle:
        # The oracle resolves no did:web offline: it is given the issuer's key, as a verifier
        # that fetched the issuer's DID document would hold it.
        o = subprocess.run([oracle_python, os.path.join(oracle_dir, "ob3-verify"), "--now", NOW,
                            "--public-key", os.path.join(keys, "issuer.public.jwk"), *credentials], capture_output=True, text=True)
        verdicts.append(o.returncode)
        output += o.stdout + o.stderr
    return verdicts, output


def run(*args):
    return subprocess.run([veta, *args, "--store", store], capture_output=True, text=True, timeout=300)


def must(*args):
    result = run(*args)
    if result.returncode != 0:
        print(f"FAIL setup: veta {' '.join(args[:3])}: {result.stderr.strip()}")
        sys.exit(1)
    return result


worker = {"paternal": "Núñez", "maternal": "Peña", "given": "José Ángel", "curp": curp("NUPJ880214HZSXXS0"),
          "occupation": "Operador de camión de acarreo", "job": "Operador de acarreo"}
company = "Compañía Minera Peñoles, S.A. de C.V."
subprocess.run([veta, "keys", "generate", "--name", "A01", "--out", keys], check=True, capture_output=True)
subprocess.run([veta, "keys", "generate", "--name", "issuer", "--out", keys], check=True, capture_output=True)
must("publish", os.path.join(root, "Curricula"))
must("org", "add", "--rfc", "CMP961028AB1", "--name", company, "--site", "Unidad Tizapa")
must("trainee", "add", "--id", "T100", "--paternal", worker["paternal"], "--maternal", worker["maternal"], "--given", worker["given"],
     "--curp", worker["curp"], "--employer", "CMP961028AB1", "--occupation", worker["occupation"], "--job-title", worker["job"])
must("trainee", "add", "--id", "T101", "--paternal", "Ruiz", "--given", "Ana", "--curp", curp("RUXA910303MZSZXN0"),
     "--employer", "CMP961028AB1", "--occupation", "Operadora", "--job-title", "Operadora")
units = ["RIIWHS201E", "RIIMPO338E", "RIIERR302E"]
must("assessor", "add", "--id", "A01", "--name", "Luis Pérez Ávila", "--accreditation", "CONOCER EV-1234", *sum([["--unit", u] for u in units], []),
     "--public-key", os.path.join(keys, "A01.public.jwk"))
must("issuer", "add", "--url", ISSUER, "--name", "Capacitación Minera del Norte, S.C.", "--rfc", "CMN150101AB1",
     "--stps", "CAP-123456-ABC-0013", "--public-key", os.path.join(keys, "issuer.public.jwk"))
issue = ["issue", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, "--as-of", "2026-11-30"]

for trainee in ("T100", "T101"):
    must("enrol", trainee, "VTOPHT", "--date", "2026-10-01")
r = run(*issue, "--trainee", "T100", "--curriculum", "VTOPHT", "--format", "all")
check("issuing before completion is refused with the missing list",
      r.returncode == 1 and "core unit RIIWHS201E" in r.stderr and "1 more elective from group A" in r.stderr, r.stderr)
check("a refused issue writes nothing", not os.path.exists(out) or not os.listdir(out))

for trainee in ("T100", "T101"):
    for unit in units:
        must("record", "--trainee", trainee, "--curriculum", "VTOPHT", "--unit", unit, "--target", "unit", "--method", "rpl",
             "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-10")
        must("signoff", "--trainee", trainee, "--curriculum", "VTOPHT", "--unit", unit, "--assessor", "A01",
             "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-12")

r = run(*issue, "--trainee", "T100", "--curriculum", "VTOPHT", "--format", "all")
check("a competent trainee gets an OB3 credential and a DC-3", r.returncode == 0 and r.stdout.count("issued ") == 2, r.stdout + r.stderr)
jwt = os.path.join(out, "VETA-2026-000001.jwt")
pdf = os.path.join(out, "VETA-2026-000002.pdf")
r = run(*issue, "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--format", "ob3")
check("a unit (Competency) credential is issued", r.returncode == 0, r.stderr)
unit_jwt = os.path.join(out, "VETA-2026-000003.jwt")

verdicts, output = independent(jwt, unit_jwt)
check("every issued credential passes the independent OB3 verifier (openbadgeslib)" + (" and the shared oracle" if has_oracle else ""),
      set(verdicts) == {0}, output)
claims = json.loads(subprocess.run([sys.executable, "-c", "import sys,base64,json;p=open(sys.argv[1]).read().split('.')[1];"
                                    "print(base64.urlsafe_b64decode(p+'='*(-len(p)%4)).decode())", jwt], capture_output=True, text=True).stdout)
subject = claims["credentialSubject"]
check("the credential carries a salted CURP hash, never the CURP", worker["curp"] not in json.dumps(claims)
      and subject["identifier"][0]["identityHash"].startswith("sha256$"))
check("achievementType is Certification for a curriculum, humanCode its code, creditsAvailable the hours of the units achieved "
      "(20 + 80 + 24, not the curriculum's 130 declared for the dearer elective)",
      subject["achievement"]["achievementType"] == "Certification" and subject["achievement"]["humanCode"] == "VTOPHT"
      and subject["achievement"]["creditsAvailable"] == 124)
check("validUntil is the recertification expiry", claims.get("validUntil", "").startswith("2027-11-12") and claims["exp"] > claims["nbf"])

r = run("verify", jwt, "--as-of", "2026-11-30")
check("veta verify accepts the issued credential", r.returncode == 0 and "VALID" in r.stdout, r.stdout + r.stderr)
r = run("verify", pdf, "--as-of", "2026-11-30")
check("veta verify accepts the issued DC-3", r.returncode == 0, r.stdout + r.stderr)

# --- tampering --------------------------------------------------------------------------------------
header, payload, signature = open(jwt).read().strip().split(".")
import base64

body = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
body["credentialSubject"]["achievement"]["creditsAvailable"] = 1540
forged = base64.urlsafe_b64encode(json.dumps(body, separators=(",", ":")).encode()).decode().rstrip("=")
tampered = os.path.join(work, "tampered.jwt")
open(tampered, "w").write(f"{header}.{forged}.{signature}")
verdicts, output = independent(tampered)
check("the independent verifier rejects a tampered copy", set(verdicts) == {1}, output)
r = run("verify", tampered, "--as-of", "2026-11-30")
check("veta verify rejects a tampered copy, naming the signature", r.returncode == 1 and "FAIL signature" in r.stdout, r.stdout)
tampered_pdf = os.path.join(work, "tampered.pdf")
data = bytearray(open(pdf, "rb").read())
data[len(data) // 2] ^= 0x01
open(tampered_pdf, "wb").write(bytes(data))
r = run("verify", tampered_pdf)
check("veta verify rejects an altered DC-3", r.returncode == 1 and "not issued here" in r.stdout, r.stdout)

# --- expiry, revocation, re-issue ---------------------------------------------------------------------
r = run("verify", jwt, "--as-of", "2028-01-01")
check("an expired credential is reported with its expiry date", r.returncode == 1 and "expired on 2027-11-12" in r.stdout, r.stdout)
r = run("revoke", "VETA-2026-000003", "--reason", "signed off in error", "--date", "2026-11-20")
check("revoke succeeds", r.returncode == 0, r.stderr)
r = run("verify", unit_jwt, "--as-of", "2026-12-15")
check("a revoked credential is reported as revoked on its date", r.returncode == 1 and "revoked on 2026-11-20" in r.stdout, r.stdout)
r = run("verify", unit_jwt, "--as-of", "2026-11-19")
check("before its revocation date it still verifies", r.returncode == 0, r.stdout)
r = run("reissue", "VETA-2026-000001", "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, "--as-of", "2026-11-30")
check("reissue gives new serials", r.returncode == 0 and "VETA-2026-000004" in r.stdout and "VETA-2026-000005" in r.stdout, r.stdout + r.stderr)
r = run("verify", jwt, "--as-of", "2026-11-30")
check("the old record is NOT VALID, SUPERSEDED by its successor (exit 1)",
      r.returncode == 1 and "SUPERSEDED by VETA-2026-000004" in r.stdout, r.stdout)
verdicts, output = independent(os.path.join(out, "VETA-2026-000004.jwt"))
check("the re-issued credential passes the independent verifier", set(verdicts) == {0}, output)

# --- cohort ---------------------------------------------------------------------------------------------
r = run("issue", "--cohort", "VTOPHT", "--format", "all", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"),
        "--out", out, "--as-of", "2026-11-30")
check("issue --cohort issues only for competent trainees without a standing record", r.returncode == 0
      and "for T101" in r.stdout and "for T100" not in r.stdout, r.stdout + r.stderr)

# --- data the DC-3 form cannot hold is a refusal (exit 1), never an internal error --------------------
# (A long real name is printed smaller and wrapped; only one longer than the page itself is refused.)
long_given = " ".join(["María de los Ángeles Guadalupe del Sagrado Corazón"] * 30)
must("trainee", "add", "--id", "T102", "--paternal", "Ruiz", "--given", long_given, "--curp", curp("RUXM920404MZSZXR0"),
     "--employer", "CMP961028AB1", "--occupation", "Operadora", "--job-title", "Operadora")
must("enrol", "T102", "VTOPHT", "--date", "2026-10-01")
for unit in units:
    must("record", "--trainee", "T102", "--curriculum", "VTOPHT", "--unit", unit, "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-10")
    must("signoff", "--trainee", "T102", "--curriculum", "VTOPHT", "--unit", unit, "--assessor", "A01",
         "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-12")
long_out = os.path.join(work, "records-long")
r = run("issue", "--trainee", "T102", "--curriculum", "VTOPHT", "--format", "dc3", "--issuer", ISSUER,
        "--key", os.path.join(keys, "issuer.private.jwk"), "--out", long_out, "--as-of", "2026-11-30")
check("a name too long for the DC-3 form is a refusal (exit 1) naming the field, not an internal error",
      r.returncode == 1 and "does not fit on the form" in r.stderr and "internal error" not in r.stderr, f"exit {r.returncode}: {r.stderr}")
check("the refused DC-3 leaves no file", not os.path.exists(long_out) or not os.listdir(long_out))

# --- the DC-3's text and the DC-4 list ------------------------------------------------------------------
text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
values = [worker["paternal"], worker["maternal"], worker["given"], worker["curp"], worker["occupation"], worker["job"], company,
          "CMP961028AB1", "VTOPHT", "124", "2026-10-01", "2026-11-12", "6000 Seguridad", "Capacitación Minera del Norte, S.C.",
          "CAP-123456-ABC-0013", "Luis Pérez Ávila", "VETA-2026-000002", "VETA-2026-000001"]
missing = [v for v in values if v not in text]
check("the DC-3 PDF's text holds every field value, accents intact", not missing, f"missing: {missing}")
pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
check("the DC-3 is one page", __import__("re").search(r"^Pages:\s+1$", pages, __import__("re").M) is not None, pages)
r = run("dc4", "--employer", "CMP961028AB1", "--year", "2026")
rows = list(csv.DictReader(io.StringIO(r.stdout)))
dc3_files = sorted(f[:-4] for f in os.listdir(out) if f.endswith(".pdf"))
check("the DC-4 list has one row per issued constancia", r.returncode == 0 and sorted(row["folio"] for row in rows) == dc3_files,
      f"{[row['folio'] for row in rows]} vs {dc3_files}")
first = next((row for row in rows if row["folio"] == "VETA-2026-000002"), {})
check("DC-4 rows match the constancias", first.get("curp") == worker["curp"] and first.get("nombre") == worker["given"]
      and first.get("horas") == "124" and first.get("estado") == "sustituida"
      and first.get("constancia_sha256") == __import__("hashlib").sha256(open(pdf, "rb").read()).hexdigest(), str(first))

finish("records")
