"""End-to-end checks of `veta audit`: each catalogue rule on a failing and a passing fixture
(Tests/fixtures/audit), each records rule on a store built here, HTML determinism (two runs,
identical bytes) and completeness (every finding in the page), SARIF validity.

Usage: audit_cli.py VETA WORKDIR
"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys

from checks import check, finish

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
fixtures = os.path.join(root, "Tests", "fixtures", "audit")
policy = os.path.join(fixtures, "policy.xml")


def codes(output):
    return {d["diagnostic"]["code"] for d in json.loads(output)["findings"]}


for rule in sorted(os.listdir(fixtures)):
    if not rule.startswith("A"):
        continue
    results = {}
    for kind in ("pass", "fail"):
        r = subprocess.run([veta, "audit", "catalogue", os.path.join(fixtures, rule, kind), "--policy", policy, "--format", "json"],
                           capture_output=True, text=True)
        results[kind] = (r.returncode, codes(r.stdout) if r.stdout.strip() else set(), r.stderr)
    code = "VETA-" + rule
    check(f"{code} reported on its failing fixture", code in results["fail"][1], str(results["fail"]))
    check(f"{code} not reported on its passing fixture", code not in results["pass"][1], str(results["pass"]))

r = subprocess.run([veta, "audit", "catalogue", os.path.join(root, "Curricula"), "--policy", os.path.join(root, "Schemas", "audit-policy.xml")],
                   capture_output=True, text=True)
check("the shipped catalogue passes its audit", r.returncode == 0, r.stdout + r.stderr)

# --- reports: determinism, completeness, SARIF ---------------------------------------------------------
mixed = [os.path.join(fixtures, "A002", "fail"), os.path.join(fixtures, "A006", "fail")]
first = subprocess.run([veta, "audit", "catalogue", *mixed, "--policy", policy, "--format", "html"], capture_output=True).stdout
second = subprocess.run([veta, "audit", "catalogue", *mixed, "--policy", policy, "--format", "html"], capture_output=True).stdout
check("the HTML report is byte-for-byte reproducible", first == second and len(first) > 0)
report = json.loads(subprocess.run([veta, "audit", "catalogue", *mixed, "--policy", policy, "--format", "json"], capture_output=True, text=True).stdout)
html = first.decode()
check("the HTML report has a section per finding and no external asset",
      html.count("<article") == len(report["findings"]) > 0 and "http://" not in html.split("<body>")[1] and "<link" not in html and "<script" not in html)
escape = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
check("every finding's message is in the HTML report", all(escape(f["diagnostic"]["message"]) in html for f in report["findings"]))
sarif = subprocess.run([veta, "audit", "catalogue", *mixed, "--policy", policy, "--format", "sarif"], capture_output=True, text=True).stdout
schema_path = os.path.join(root, "Tests", "cli", "fixtures", "sarif-schema-2.1.0.json")
try:
    import jsonschema
    log = json.loads(sarif)
    schema = json.load(open(schema_path))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    ok = all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in log["runs"][0]["results"])
    check("the SARIF audit report validates and indexes its rules", ok and len(log["runs"][0]["results"]) == len(report["findings"]))
except Exception as error:  # noqa: BLE001 - report any failure as a failed check
    check("the SARIF audit report validates and indexes its rules", False, str(error))

# --- records audit ------------------------------------------------------------------------------------------
store = os.path.join(work, "veta.sqlite")
keys = os.path.join(work, "keys")
run = lambda *a: subprocess.run([veta, *a, "--store", store], capture_output=True, text=True)


def must(*args):
    r = run(*args)
    if r.returncode != 0:
        print(f"FAIL setup veta {' '.join(args[:3])}: {r.stderr}")
        sys.exit(1)


for name in ("A01", "issuer"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
must("publish", os.path.join(root, "Examples", "valid-working-safely.xml"))
must("org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo")
must("trainee", "add", "--id", "T1", "--paternal", "García", "--given", "Ana", "--curp", "GALA900101MZSRPN05", "--employer", "MFR110315AB1",
     "--occupation", "Operadora", "--job-title", "Operadora")
must("assessor", "add", "--id", "A01", "--name", "Luis", "--accreditation", "EV", "--unit", "RIIWHS201E", "--unit", "RIIERR302D",
     "--public-key", os.path.join(keys, "A01.public.jwk"))
must("issuer", "add", "--url", "https://issuer.example.mx", "--name", "Emisor", "--rfc", "CMN150101AB1", "--public-key", os.path.join(keys, "issuer.public.jwk"))
must("enrol", "T1", "EXWSAFE", "--date", "2026-01-05")
for unit in ("RIIWHS201E", "RIIERR302D"):
    must("record", "--trainee", "T1", "--curriculum", "EXWSAFE", "--unit", unit, "--target", "unit", "--method", "rpl", "--outcome", "satisfactory",
         "--assessor", "A01", "--date", "2026-02-02")
    must("signoff", "--trainee", "T1", "--curriculum", "EXWSAFE", "--unit", unit, "--assessor", "A01", "--key", os.path.join(keys, "A01.private.jwk"),
         "--date", "2026-02-03")
must("issue", "--trainee", "T1", "--curriculum", "EXWSAFE", "--format", "all", "--issuer", "https://issuer.example.mx",
     "--key", os.path.join(keys, "issuer.private.jwk"), "--out", os.path.join(work, "records"), "--as-of", "2026-03-01")


def audit():
    r = run("audit", "records", "--format", "json")
    return r.returncode, codes(r.stdout) if r.stdout.strip() else set()


import datetime

today = datetime.date.today()
recent = (today - datetime.timedelta(days=1)).isoformat()
must("trainee", "add", "--id", "T2", "--paternal", "Pérez", "--given", "Luis", "--curp", "PERL850607HZSRRS04", "--employer", "MFR110315AB1",
     "--occupation", "Operador", "--job-title", "Operador")
must("enrol", "T2", "EXWSAFE", "--date", "2026-01-05")
for unit in ("RIIWHS201E", "RIIERR302D"):
    must("record", "--trainee", "T2", "--curriculum", "EXWSAFE", "--unit", unit, "--target", "unit", "--method", "rpl", "--outcome", "satisfactory",
         "--assessor", "A01", "--date", recent)
    must("signoff", "--trainee", "T2", "--curriculum", "EXWSAFE", "--unit", unit, "--assessor", "A01", "--key", os.path.join(keys, "A01.private.jwk"),
         "--date", recent)
must("issue", "--trainee", "T2", "--curriculum", "EXWSAFE", "--format", "all", "--issuer", "https://issuer.example.mx",
     "--key", os.path.join(keys, "issuer.private.jwk"), "--out", os.path.join(work, "records"))
r = run("audit", "records", "--format", "json")
late = [f["diagnostic"]["message"] for f in json.loads(r.stdout)["findings"] if f["diagnostic"]["code"] == "VETA-B004"]
check("VETA-B004 a DC-3 issued months after completion is late", any("VETA-2026-000002" in m for m in late), str(late))
check("VETA-B004 not reported for a DC-3 issued the day after completion", not any("VETA-2026-000004" in m for m in late), str(late))
rc, found = audit()
check("a clean store passes its records audit except the late DC-3", found <= {"VETA-B004"}, str(found))
shutil.copy(store, store + ".clean")

# Authorisations are dated entries of the log: withdrawn before the sign-off, it was not authorised that day.
must("assessor", "withdraw", "--id", "A01", "--unit", "RIIERR302D", "--date", "2026-02-01")
rc, found = audit()
check("VETA-B003 a sign-off by an assessor not authorised for the unit on that day", "VETA-B003" in found, str(found))
must("assessor", "authorise", "--id", "A01", "--unit", "RIIERR302D", "--date", "2026-02-02")
rc, found = audit()
check("VETA-B003 not reported once the authorisation is there", "VETA-B003" not in found, str(found))

db = sqlite3.connect(store)
signoff = db.execute("SELECT MIN(sequence) FROM ledger_entry WHERE kind = 'signoff' AND unit_code = 'RIIERR302D'").fetchone()[0]
r = run("correct", str(signoff), "--reason", "sign-off of RIIERR302D made in error", "--date", "2026-03-02")
rc, found = audit()
check("VETA-B002 a record no longer backed by evidence after a correction", r.returncode == 0 and "VETA-B002" in found, r.stderr + str(found))

# A supersession entry naming a successor that does not exist, appended with a good chain (as a program
# writing the file could): the records audit reports it, whatever the chain says.
trainee, code, version, unit = db.execute(
    "SELECT trainee_id, curriculum_code, curriculum_version, unit_code FROM ledger_entry WHERE kind = 'issue' AND serial = 'VETA-2026-000001'").fetchone()
last, head = db.execute("SELECT sequence, hash FROM ledger_entry ORDER BY sequence DESC LIMIT 1").fetchone()
entry = {"curriculum": f"{code}@{version}", "date": "2026-03-05", "kind": "supersession", "previousHash": head, "recordedAt": "2026-03-05T00:00:00Z",
         "sequence": last + 1, "serial": "VETA-2026-000001", "supersededBy": "VETA-2026-999999", "trainee": trainee, "unit": unit, "v": 2}
canonical = json.dumps({k: v for k, v in entry.items() if v is not None}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
# Into the compact table: kind 8 is supersession; trainee, curriculum, unit, recording time and date are ids of
# ledger_name (roles 1-4, 8 and 9).
name = "(SELECT id FROM ledger_name WHERE role = {} AND value = ?)"
db.execute("INSERT INTO ledger_name (role, value) VALUES (8, '2026-03-05T00:00:00Z')")
db.execute("INSERT OR IGNORE INTO ledger_name (role, value) VALUES (9, '2026-03-05')")
db.execute(f"""INSERT INTO ledger (sequence, kind, trainee, curriculum_code, curriculum_version, unit, date, recorded_at,
    hash) VALUES (?, 8, {name.format(1)}, {name.format(2)}, {name.format(3)}, {name.format(4)}, {name.format(9)},
    {name.format(8)}, ?)""",
    (last + 1, trainee, code, version, unit, '2026-03-05', '2026-03-05T00:00:00Z', __import__("hashlib").sha256(canonical.encode()).digest()))
# The record columns are in the side table ledger_detail, keyed by the sequence, with the kind again.
db.execute("INSERT INTO ledger_detail (sequence, kind, serial, superseded_by) VALUES (?, 8, 'VETA-2026-000001', 'VETA-2026-999999')",
           (last + 1,))
db.commit()
rc, found = audit()
check("VETA-B005 a record superseded by a serial that does not exist", "VETA-B005" in found, str(found))

db.execute("DROP TRIGGER ledger_append_only_update")
db.execute("UPDATE ledger SET date = '2026-02-04' WHERE sequence = (SELECT sequence FROM ledger_entry WHERE registry IS NULL "
           "ORDER BY sequence LIMIT 1 OFFSET 1)")
db.commit()
db.close()
rc, found = audit()
check("VETA-B001 a ledger changed behind Veta's back", "VETA-B001" in found and rc == 1, str(found))
shutil.copy(store + ".clean", store)
for suffix in ("-wal", "-shm"):
    if os.path.exists(store + suffix):
        os.remove(store + suffix)
rc, found = audit()
check("VETA-B001, B002, B003, B005 not reported on the clean store", not (found & {"VETA-B001", "VETA-B002", "VETA-B003", "VETA-B005"}), str(found))

# --- veta diff and veta migrate ---------------------------------------------------------------------------
diffs = os.path.join(root, "Tests", "fixtures", "diff")
r = subprocess.run([veta, "diff", os.path.join(diffs, "base.xml"), os.path.join(diffs, "major.xml"), "--format", "json"], capture_output=True, text=True)
check("veta diff classifies a removed criterion as a major change", r.returncode == 0 and '"major"' in r.stdout, r.stdout[-500:] + r.stderr)
r = subprocess.run([veta, "diff", os.path.join(diffs, "base.xml"), os.path.join(diffs, "bump-too-small.xml")], capture_output=True, text=True)
check("veta diff exits 1 when the declared version bump is too small", r.returncode == 1, r.stdout + r.stderr)
mstore = os.path.join(work, "migrate.sqlite")
mrun = lambda *a: subprocess.run([veta, *a, "--store", mstore], capture_output=True, text=True)
for step in (["publish", os.path.join(diffs, "base.xml"), os.path.join(diffs, "major.xml")],
             ["org", "add", "--rfc", "MFR110315AB1", "--name", "M"],
             ["trainee", "add", "--id", "T1", "--paternal", "A", "--given", "B", "--curp", "GALA900101MZSRPN05", "--employer", "MFR110315AB1",
              "--occupation", "o", "--job-title", "j"],
             ["assessor", "add", "--id", "A01", "--name", "A", "--accreditation", "E", "--unit", "RIIWHS201E", "--unit", "RIIERR302D",
              "--public-key", os.path.join(keys, "A01.public.jwk")],
             ["enrol", "T1", "EXWSAFE@1.1.0", "--date", "2026-01-05"]):
    if mrun(*step).returncode != 0:
        check(f"migration setup {step[0]}", False)
for target in ("criterion:1.1", "criterion:1.2", "criterion:1.3", "element:2", "knowledge:K1"):
    mrun("record", "--trainee", "T1", "--curriculum", "EXWSAFE@1.1.0", "--unit", "RIIWHS201E", "--target", target, "--method", "observation",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-02-01")
before = sqlite3.connect(mstore).execute("SELECT COUNT(*) FROM ledger_entry").fetchone()[0]
dry = json.loads(mrun("migrate", "--from", "EXWSAFE@1.1.0", "--to", "EXWSAFE@2.0.0", "--dry-run", "--date", "2026-03-01", "--format", "json").stdout)
after_dry = sqlite3.connect(mstore).execute("SELECT COUNT(*) FROM ledger_entry").fetchone()[0]
plan = dry["trainees"][0]
# The registrations before the enrolment are entries of the log too: R of them.
R = sqlite3.connect(mstore).execute("SELECT MIN(sequence) - 1 FROM ledger_entry WHERE registry IS NULL").fetchone()[0]
check("migrate --dry-run writes nothing and plans carry-over", after_dry == before and len(plan["carriedOver"]) == 4 and plan["notCarried"] == [R + 4], json.dumps(plan))
check("the plan lists what must be assessed again", any("more performance occasion" in item for item in plan["toAssess"]), json.dumps(plan))
r = mrun("migrate", "--from", "EXWSAFE@1.1.0", "--to", "EXWSAFE@2.0.0", "--date", "2026-03-01")
rows = sqlite3.connect(mstore).execute("SELECT derived_from, curriculum_version FROM ledger_entry WHERE derived_from IS NOT NULL").fetchall()
check("migrate carries evidence over as new entries that name the originals", r.returncode == 0 and sorted(d for d, _ in rows) == [R + 2, R + 3, R + 5, R + 6]
      and all(v == "2.0.0" for _, v in rows), str(rows))
check("the ledger verifies after a migration", mrun("ledger", "verify").returncode == 0)

finish("audit")
