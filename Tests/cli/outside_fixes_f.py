"""End-to-end checks of faults an outside tester found (breakit6, part F), one per rule:
every `--format json` command that ends with findings prints the documented "error" object beside
its report (4); the trainee help's CURPs have their right check digit (6); libxml2's encoding and
markup messages and a TLS file that is no PEM are put in plain words (7); refusals name the real
reason: a date before the enrolment, no such trainee, no such calendar day, every reason of a
trainee row (8); a refused connection-string option is usage (64), a missing --key-public file is
I/O (2) and a value that is no key usage (64), a --key folder I/O (2) (10); `validate --format json`
reports every path, a missing one as an error entry, with the worst exit code (12); and the trivia
(articles, singular counts, the missing language named in R021's fix).
The streaming import's two readings (5) are checked in StreamingImportChangeTests (a test hook
changes the file between them).

Usage: outside_fixes_f.py VETA WORKDIR
"""
import json
import os
import re
import shutil
import subprocess
import sys

from checks import check, finish
from stores import curp

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
keys = os.path.join(work, "keys")
ORG = "MFR110315AB1"
NOW = "2027-01-15T18:00:00Z"
store = os.path.join(work, "store.sqlite")
for name in ("A01",):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)


def run(*args, store_path=store, now=NOW):
    env = dict(os.environ, VETA_NOW=now)
    env.pop("VETA_STORE", None)
    extra = ["--store", store_path] if store_path else []
    return subprocess.run([veta, *args, *extra], capture_output=True, text=True, timeout=300, env=env)


def must(*args):
    r = run(*args)
    if r.returncode != 0:
        print(f"FAIL setup: veta {' '.join(args[:4])}: {r.stderr.strip()}")
        sys.exit(1)
    return r


def one_json(text):
    try:
        return json.loads(text)
    except ValueError:
        return None


def write(name, text, encoding="utf-8"):
    path = os.path.join(work, name)
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text)
    return path


must("publish", os.path.join(root, "Curricula"))
must("org", "add", "--rfc", ORG, "--name", "Minera Fresnillo", "--site", "Mina Saucito")
must("trainee", "add", "--id", "T4001", "--paternal", "García", "--maternal", "López", "--given", "Ana",
     "--curp", curp("GALA900101MZSRPN0"), "--employer", ORG, "--occupation", "Operadora", "--job-title", "Operadora")
must("assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "EV-1", "--unit", "RIIWHS201E",
     "--public-key", os.path.join(keys, "A01.public.jwk"))
must("enrol", "T4001", "VTOPHT", "--date", "2026-11-02")
RECORD = ["record", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "unit", "--method", "practical",
          "--outcome", "satisfactory", "--assessor", "A01"]

# --- 4: --format json failures with findings carry {"error": {code, exitCode, message}} -----------------------------
header = "trainee;curriculum;unit;target;method;outcome;date;hours\r\n"
bad = write("ev3.csv", header + "T4001;VTOPHT;RIIWHS201E;criterion:9.9;observation;satisfactory;2026-11-03;1\r\n")
r = run("import", "--format", "json", bad)
doc = one_json(r.stdout)
check("import --format json with a bad row: exit 1, the error object beside the row errors (finding 4)",
      r.returncode == 1 and doc is not None and doc.get("error", {}).get("code") == "refused"
      and doc["error"].get("exitCode") == 1 and "nothing was imported" in doc["error"].get("message", "")
      and len(doc.get("errors", [])) == 1 and doc["errors"][0]["line"] == 2 and "written" in doc, r.stdout + r.stderr)
r = run("validate", "--format", "json", os.path.join(root, "Examples/VETA-R001-duplicate-unit-code.xml"), store_path=None)
doc = one_json(r.stdout)
check("validate --format json with errors: exit 1, the report and the error object",
      r.returncode == 1 and doc is not None and doc.get("error", {}).get("code") == "invalid-curriculum"
      and doc["error"].get("exitCode") == 1 and doc["summary"]["filesWithErrors"] == 1, r.stdout[:600])
r = run("validate", "--format", "json", os.path.join(root, "Examples/valid-working-safely.xml"), store_path=None)
doc = one_json(r.stdout)
check("validate --format json of a valid file: exit 0, no error object", r.returncode == 0 and doc is not None and "error" not in doc,
      r.stdout[:400])
r = run("ledger", "verify", "--format", "json")
doc = one_json(r.stdout)
check("ledger verify --format json on an intact log: exit 0, no error object",
      r.returncode == 0 and doc is not None and "error" not in doc, r.stdout[:400])

# --- 6: the help's CURPs have their check digit --------------------------------------------------------------------
for sub in ("add", "amend"):
    r = run("trainee", sub, "--help", store_path=None)
    curps = re.findall(r"\b[A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d\b", r.stdout)
    check(f"trainee {sub} --help: its example CURP has the right check digit (finding 6)",
          curps and all(curp(c[:17]) == c for c in curps), str(curps))

# --- 7: plain words for libxml2's and NIOSSL's messages -------------------------------------------------------------
valid = open(os.path.join(root, "Examples/valid-working-safely.xml"), encoding="utf-8").read()
cp1252 = valid.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>').replace(
    "Trabajo seguro en sitio minero", "Trabajo seguro en sitio minero: señalización")
path = os.path.join(work, "c1-1252-nodecl.xml")
with open(path, "wb") as f:
    f.write(cp1252.encode("cp1252"))
r = run("validate", path, store_path=None)
check("a Windows-1252 file without a declaration: plain words and the fix (encoding=\"windows-1252\" or UTF-8) (finding 7)",
      r.returncode == 1 and "VETA-X002" in r.stdout and "indicate encoding" not in r.stdout
      and "not UTF-8" in r.stdout and 'encoding="windows-1252"' in r.stdout, r.stdout)
r = run("validate", "--verbose", path, store_path=None)
check("... and libxml2's own text only with --verbose", "libxml2: Input is not proper UTF-8" in r.stdout, r.stdout)
markup = write("markup.xml", valid.replace("<es>Trabajo seguro en sitio minero</es>",
                                           "<es>Trabajo seguro en sitio <b>minero</b></es>"))
r = run("validate", markup, store_path=None)
check("markup inside a text: plain words, no libxml2 type jargon (finding 7)",
      r.returncode == 1 and "may hold only text" in r.stdout and "type definition is simple" not in r.stdout, r.stdout)
site = os.path.join(work, "site")
os.makedirs(site)
open(os.path.join(site, "index.html"), "w").write("<p>x</p>")
r = subprocess.run([veta, "serve", site, "--port", "0", "--tls-cert", os.path.join(keys, "A01.public.jwk"),
                    "--tls-key", os.path.join(keys, "A01.private.jwk")], capture_output=True, text=True, timeout=60)
check("serve with a JWK as the certificate: exit 2, plain words, no Swift enum name (finding 7)",
      r.returncode == 2 and "failedTo" not in r.stderr and "PEM certificate" in r.stderr, r.stderr)

# --- 8: refusals name the real reason --------------------------------------------------------------------------------
r = run(*RECORD, "--trainee", "T4001", "--date", "2026-11-01")
check("evidence dated before the enrolment says so, with the enrolment's date (finding 8)",
      r.returncode == 1 and "from 2026-11-02" in r.stderr and "before the enrolment" in r.stderr, r.stderr)
r = run(*RECORD, "--trainee", "t4001", "--curriculum", "VTOPHT@1.0.0", "--date", "2026-11-10")
check("an unregistered id (lowercase t4001) is named as no such trainee (finding 8)",
      r.returncode == 1 and "no trainee t4001" in r.stderr, r.stderr)
imp = write("ev-dates.csv", "trainee,curriculum,unit,target,method,outcome,date\n"
            "T4001,VTOPHT,RIIWHS201E,unit,practical,satisfactory,2026-02-29\n"
            "T4001,VTOPHT,RIIWHS201E,unit,practical,satisfactory,2026-11-01\n"
            "t4001,VTOPHT@1.0.0,RIIWHS201E,unit,practical,satisfactory,2026-11-10\n")
r = run("import", imp)
check("import: 2026-02-29 is not a real date, a row before the enrolment and an unknown trainee are named (finding 8)",
      r.returncode == 1 and "2026-02-29 is not a real calendar date" in r.stdout and "from 2026-11-02" in r.stdout
      and "no trainee t4001" in r.stdout, r.stdout + r.stderr)
trainees = write("trainees.csv", "id,paternal_surname,maternal_surname,given_names,curp,employer_rfc,occupation,job_title\n"
                 f"T4002,Pérez,Ruiz,Juan,{curp('GALA900101MZSRPN0')},XAXX010101000,Operador,Operador\n")
r = run("import", trainees)
check("a trainee row gives all its reasons: the CURP already held and the unknown employer (finding 8)",
      r.returncode == 1 and "already has the CURP" in r.stdout and "employer XAXX010101000 is not registered" in r.stdout,
      r.stdout + r.stderr)

# --- 10: exit codes ----------------------------------------------------------------------------------------------------
r = run("status", "T4001", store_path="postgresql://veta@127.0.0.1:55432/veta?sslmode=require")
check("sslmode=require is a usage error (64), refused before any connection (finding 10)",
      r.returncode == 64 and "sslmode=require" in r.stderr, f"{r.returncode} {r.stderr}")
r = run("ledger", "verify", "--checkpoint", os.path.join(work, "usb"), "--key-public", "nonsense")
check("ledger verify --key-public nonsense: usage (64), naming what it takes (finding 10)",
      r.returncode == 64 and "neither a key file nor a key" in r.stderr, f"{r.returncode} {r.stderr}")
r = run("ledger", "verify", "--checkpoint", os.path.join(work, "usb"), "--key-public", os.path.join(work, "no/such.public.jwk"))
check("ledger verify --key-public with a missing file: I/O (2)", r.returncode == 2 and "cannot read" in r.stderr,
      f"{r.returncode} {r.stderr}")
r = run("signoff", "--trainee", "T4001", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--assessor", "A01",
        "--key", keys, "--date", "2026-11-12")
check("signoff --key a folder: I/O (2) with a clear message (finding 10)",
      r.returncode == 2 and "is a folder" in r.stderr, f"{r.returncode} {r.stderr}")

# --- 12: validate --format json reports every path -------------------------------------------------------------------
good = os.path.join(root, "Examples/valid-working-safely.xml")
missing = os.path.join(work, "missing.xml")
r = run("validate", "--format", "json", good, missing, store_path=None)
doc = one_json(r.stdout)
files = {f["path"]: f for f in (doc or {}).get("files", [])}
check("validate --format json good.xml missing.xml: exit 2, both files reported, the missing one as an error (finding 12)",
      r.returncode == 2 and doc is not None and files.get(good, {}).get("valid") is True
      and files.get(missing, {}).get("valid") is False and "no such file" in files.get(missing, {}).get("error", "")
      and doc["summary"]["files"] == 2 and doc.get("error", {}).get("exitCode") == 2, r.stdout[:800])
r = run("validate", good, missing, store_path=None)
check("validate (text) good.xml missing.xml: the good file is reported, the missing one named, exit 2",
      r.returncode == 2 and "1 file checked" in r.stdout and "missing.xml" in r.stderr, r.stdout + r.stderr)

# --- trivia --------------------------------------------------------------------------------------------------------------
one = write("one-trainee.csv", "id,paternal_surname,maternal_surname,given_names,curp,employer_rfc,occupation,job_title\n"
            f"T4003,Pérez,Ruiz,Juan,{curp('PERJ900101HZSRZN0')},{ORG},Operador,Operador\n")
r = run("import", one)
check("imported 1 trainee row (not '1 trainees rows')", r.returncode == 0 and "imported 1 trainee row from" in r.stdout, r.stdout + r.stderr)
r = run("correct", "1", "--reason", "x")
check("a registry entry is named with its article ('an organisation' / 'a ...'), never 'a organisation'",
      "a organisation" not in r.stderr and "a enrolment" not in r.stderr, r.stderr)
draft = write("draft.xml", valid.replace('status="current"', 'status="draft"').replace(
    "<en>Working safely at a mine site</en>", ""))
r = run("validate", draft, store_path=None)
check("R021's fix names the missing language, not '<es> or <en>'",
      "VETA-R021" in r.stdout and "add the missing <en>" in r.stdout and "<es> or <en>" not in r.stdout, r.stdout)

finish("outside fixes (f)")
