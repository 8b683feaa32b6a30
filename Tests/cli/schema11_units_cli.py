"""End-to-end checks of the schema 1.1 unit constructs of issue 12 through the CLI: performance
requirements (evidence names one with --target performance:ID; a unit is complete only when every
requirement has its occasions), a unit swapped for its successor (veta diff reports one change; veta
migrate carries an equivalent predecessor's evidence over), and what veta show prints for
notStatedInSource / notYetTranscribed markers and a unit's provenance.

Usage: schema11_units_cli.py VETA WORKDIR
"""
import json
import os
import shutil
import subprocess
import sys

from checks import check, finish
from stores import curp, sql

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
store = os.path.join(work, "veta.sqlite")
keys = os.path.join(work, "keys")
example = lambda name: os.path.join(root, "Examples", name)


def run(*args):
    return subprocess.run([veta, *args, "--store", store], capture_output=True, text=True, timeout=300)


def plain(*args):
    return subprocess.run([veta, *args], capture_output=True, text=True, timeout=300)


def must(*args):
    result = run(*args)
    if result.returncode != 0:
        print(f"FAIL setup: veta {' '.join(args[:4])}: {result.stdout.strip()} {result.stderr.strip()}")
        sys.exit(1)
    return result


# --- show --------------------------------------------------------------------------------------------------------
r = plain("show", "--detail", "--lang", "en", example("valid-performance-requirements.xml"))
check("show --detail prints each performance requirement with its occasions",
      r.returncode == 0 and "P1 (2 occasion(s)) responded to a real or simulated local emergency" in r.stdout
      and "evidence on P1 2 + P2 1 occasion(s)" in r.stdout, r.stdout[-1500:] + r.stderr)
r = plain("show", "--detail", "--lang", "en", example("valid-not-yet-transcribed.xml"))
check("show --detail says what the source does not state and what is not transcribed yet",
      r.returncode == 0 and "Assessment conditions: not stated in source" in r.stdout
      and "Knowledge evidence: not yet transcribed" in r.stdout and "(criteria not yet transcribed)" in r.stdout, r.stdout[-1500:])
r = plain("show", "--format", "json", example("valid-provenance.xml"))
unit = json.loads(r.stdout)["units"][0] if r.returncode == 0 else {}
check("show --format json has the unit's provenance",
      unit.get("provenance", {}).get("code") == "RIIWHS201E" and [p["part"] for p in unit["provenance"]["written"]]
      == ["knowledgeEvidence", "assessmentConditions"], r.stdout[:300] + r.stderr)

# --- diff of a unit swap -------------------------------------------------------------------------------------------
r = plain("diff", example("valid-knowledge-points.xml"), example("valid-unit-supersession.xml"), "--format", "json")
report = json.loads(r.stdout) if r.stdout.strip().startswith("{") else {}
changes = report.get("changes", [])
check("diff reports an equivalent unit swap as one minor change, not a removal and an addition",
      r.returncode == 0 and len(changes) == 1 and changes[0].get("aspect") == "supersededBy" and changes[0].get("bump") == "minor",
      r.stdout[:800] + r.stderr)

# --- a store: performance requirements in the engine ---------------------------------------------------------------
subprocess.run([veta, "keys", "generate", "--name", "A01", "--out", keys], check=True, capture_output=True)
must("publish", example("valid-knowledge-points.xml"))
must("org", "add", "--rfc", "CMP961028AB1", "--name", "Compañía Minera Peñoles, S.A. de C.V.", "--site", "Unidad Tizapa")
must("trainee", "add", "--id", "T1", "--paternal", "Ruiz", "--given", "Ana", "--curp", curp("RUXA910303MZSZXN0"),
     "--employer", "CMP961028AB1", "--occupation", "Operadora", "--job-title", "Operadora")
must("assessor", "add", "--id", "A01", "--name", "Luis Pérez Ávila", "--accreditation", "CONOCER EV-1234",
     "--unit", "RIIWHS201E", "--unit", "RIIERR302D", "--unit", "RIIERR302E", "--public-key", os.path.join(keys, "A01.public.jwk"))
must("enrol", "T1", "EXWSAFE@1.1.0", "--date", "2026-10-01")
must("record", "--trainee", "T1", "--curriculum", "EXWSAFE", "--unit", "RIIERR302D", "--target", "unit",
     "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-10-05")

# The swap: 1.2.0 replaces RIIERR302D by the equivalent RIIERR302E.
must("publish", example("valid-unit-supersession.xml"))
r = run("migrate", "--from", "EXWSAFE@1.1.0", "--to", "EXWSAFE@1.2.0", "--format", "json", "--date", "2026-11-01")
plan = json.loads(r.stdout) if r.returncode == 0 else {}
trainee = (plan.get("trainees") or [{}])[0]
carried = sql(store, "SELECT unit_code, curriculum_version FROM ledger_entry WHERE kind = 'evidence' AND curriculum_version = '1.2.0'")
check("migrate carries evidence on the earlier unit over to its equivalent successor",
      r.returncode == 0 and len(trainee.get("carriedOver", [])) == 1 and trainee.get("reassess") == []
      and carried == [("RIIERR302E", "1.2.0")], r.stdout[:800] + r.stderr + repr(carried))

# Performance requirements: a store with the requirements example.
must("publish", example("valid-performance-requirements.xml"))
must("trainee", "add", "--id", "T2", "--paternal", "Nuñez", "--given", "José", "--curp", curp("NUPJ880214HZSXXS0"),
     "--employer", "CMP961028AB1", "--occupation", "Operador", "--job-title", "Operador")
must("enrol", "T2", "EXPERF@1.1.0", "--date", "2026-10-01")
record = lambda target, date, method="observation": run(
    "record", "--trainee", "T2", "--curriculum", "EXPERF", "--unit", "RIIERR302D", "--target", target, "--method", method,
    "--outcome", "satisfactory", "--assessor", "A01", "--date", date)
r = record("performance:P9", "2026-10-02")
check("record refuses a performance requirement the unit does not have (exit 1, named)",
      r.returncode == 1 and "no performance requirement P9" in (r.stdout + r.stderr), r.stdout + r.stderr)
r = record("performance:p 1", "2026-10-02")
check("record refuses a malformed performance target as a usage error (exit 64)", r.returncode == 64, r.stdout + r.stderr)
for target, date in (("element:1", "2026-10-02"), ("knowledge:K1", "2026-10-02"), ("performance:P1", "2026-10-03"),
                     ("performance:P1", "2026-10-04")):
    must("record", "--trainee", "T2", "--curriculum", "EXPERF", "--unit", "RIIERR302D", "--target", target,
         "--method", "observation" if target.startswith(("performance", "element")) else "written-test",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", date)


def unit_status():
    r = run("status", "T2", "--as-of", "2026-11-30", "--format", "json")
    statuses = json.loads(r.stdout) if r.returncode == 0 else []
    units = statuses[0]["units"] if statuses else []
    return next((u for u in units if u["unit"] == "RIIERR302D"), {}), r


u, r = unit_status()
check("a unit with two requirements is not complete while one lacks its occasions, and says which",
      u.get("occasions") == 2 and u.get("occasionsRequired") == 3
      and "performance requirement P2: 1 more occasion on a different date" in u.get("missing", []), json.dumps(u) + r.stderr)
must("record", "--trainee", "T2", "--curriculum", "EXPERF", "--unit", "RIIERR302D", "--target", "performance:P2",
     "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-10-05")
u, r = unit_status()
check("evidence naming the missing requirement completes the unit",
      u.get("occasions") == 3 and u.get("missing") == [], json.dumps(u) + r.stderr)
check("the log with performance targets verifies", run("ledger", "verify").returncode == 0)

finish("schema 1.1 units")
