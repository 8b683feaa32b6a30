"""End-to-end checks of curriculum versions (issue 10, "Versions"): a bare curriculum code means, per
trainee, the version they are enrolled in; publishing a version that declares <supersedes> moves the
older one to superseded with a lifecycle entry in the log (its bytes untouched), `veta retire`
withdraws a version, `veta store rebuild` rebuilds the lifecycle table; the catalogue audit reads the
lifecycle from the store and compares units across curricula, not across versions of one; `veta
migrate` moves only trainees still in training and lists only what they still need.

The test curricula are built from the shipped Curricula/operator-haul-truck.xml under WORKDIR.

Usage: versions_cli.py VETA WORKDIR
"""
import hashlib
import json
import os
import re
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
out = os.path.join(work, "records")
ISSUER = "https://capacitacion.example.mx"


def run(*args, at=None):
    return subprocess.run([veta, *args, "--store", at or store], capture_output=True, text=True, timeout=300)


def must(*args):
    result = run(*args)
    if result.returncode != 0:
        print(f"FAIL setup: veta {' '.join(args[:4])}: {result.stdout.strip()} {result.stderr.strip()}")
        sys.exit(1)
    return result


# --- test curricula: VTOPHT 1.0.0 as shipped, and 2.0.0 declaring it supersedes 1.0.0 -----------------------------
v1_path = os.path.join(work, "VTOPHT-1.0.0.xml")
shutil.copy(os.path.join(root, "Curricula/operator-haul-truck.xml"), v1_path)
v1 = open(v1_path, encoding="utf-8").read()
v2 = v1.replace('code="VTOPHT" version="1.0.0"', 'code="VTOPHT" version="2.0.0"', 1)
v2 = re.sub(r"(<published>[^<]*</published>)", r'\1\n  <supersedes code="VTOPHT" version="1.0.0" equivalent="no"/>', v2, count=1)


def change_first_criterion(text, unit):
    """Appends a word to the English text of the first criterion of `unit`: a changed requirement."""
    start = text.index(f'<unit code="{unit}"')
    at = text.index("</en>", text.index("<criterion", start))
    return text[:at] + " (revised)" + text[at:]


v2 = change_first_criterion(v2, "RIIWHS201E")  # a core unit
v2 = change_first_criterion(v2, "RIIRIS301D")  # an elective T1 never chose
v2_path = os.path.join(work, "VTOPHT-2.0.0.xml")
open(v2_path, "w", encoding="utf-8").write(v2)
r = subprocess.run([veta, "validate", v2_path], capture_output=True, text=True)
if r.returncode != 0:
    print("FAIL setup: the 2.0.0 test curriculum does not validate\n" + r.stdout + r.stderr)
    sys.exit(1)

subprocess.run([veta, "keys", "generate", "--name", "A01", "--out", keys], check=True, capture_output=True)
subprocess.run([veta, "keys", "generate", "--name", "issuer", "--out", keys], check=True, capture_output=True)
must("publish", v1_path, os.path.join(root, "Curricula/supervisor-mine-rescue.xml"))
must("org", "add", "--rfc", "CMP961028AB1", "--name", "Compañía Minera Peñoles, S.A. de C.V.", "--site", "Unidad Tizapa")
for trainee, body in (("T1", "RUXA910303MZSZXN0"), ("T2", "NUPJ880214HZSXXS0"), ("T3", "PEPJ900101HZSXXS0"), ("T4", "LOMM850505HZSXXS0")):
    must("trainee", "add", "--id", trainee, "--paternal", "Ruiz", "--given", "Ana " + trainee, "--curp", curp(body),
         "--employer", "CMP961028AB1", "--occupation", "Operadora", "--job-title", "Operadora")
units = ["RIIWHS201E", "RIIMPO338E", "RIIERR302E"]
must("assessor", "add", "--id", "A01", "--name", "Luis Pérez Ávila", "--accreditation", "CONOCER EV-1234",
     *sum([["--unit", u] for u in units], []), "--public-key", os.path.join(keys, "A01.public.jwk"))
must("issuer", "add", "--url", ISSUER, "--name", "Capacitación Minera del Norte, S.C.", "--rfc", "CMN150101AB1",
     "--stps", "CAP-123456-ABC-0013", "--public-key", os.path.join(keys, "issuer.public.jwk"))
for trainee in ("T1", "T2"):
    must("enrol", trainee, "VTOPHT", "--date", "2026-10-01")
# T2 completes 1.0.0 (before 2.0.0 is published).
for unit in units:
    must("record", "--trainee", "T2", "--curriculum", "VTOPHT", "--unit", unit, "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-10")
    must("signoff", "--trainee", "T2", "--curriculum", "VTOPHT", "--unit", unit, "--assessor", "A01",
         "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-12")
v1_sha = sql(store, "SELECT sha256 FROM curriculum WHERE code = 'VTOPHT' AND version = '1.0.0'")[0][0]

# --- publishing a version that declares <supersedes> ------------------------------------------------------------
r = run("publish", v2_path)
lifecycle = sql(store, "SELECT registry, note FROM ledger_entry WHERE kind = 'lifecycle'")
row = sql(store, "SELECT status, successor FROM curriculum_lifecycle WHERE code = 'VTOPHT' AND version = '1.0.0'")
stored = sql(store, "SELECT sha256, xml FROM curriculum WHERE code = 'VTOPHT' AND version = '1.0.0'")[0]
check("publishing a version that declares supersedes moves the older one to superseded with a lifecycle entry, its bytes untouched",
      r.returncode == 0 and len(lifecycle) == 1 and '"status":"superseded"' in lifecycle[0][0]
      and '"subject":"VTOPHT@1.0.0"' in lifecycle[0][0] and '"successor":"VTOPHT@2.0.0"' in lifecycle[0][0]
      and row == [("superseded", "VTOPHT@2.0.0")] and stored[0] == v1_sha and hashlib.sha256(stored[1]).hexdigest() == v1_sha,
      r.stdout + r.stderr + repr(lifecycle) + repr(row))
check("a store with a lifecycle entry verifies (its canonical version holds)", run("ledger", "verify").returncode == 0,
      run("ledger", "verify").stdout)
r = run("publish", v2_path)
check("publishing the same version again writes no second lifecycle entry",
      r.returncode == 0 and sql(store, "SELECT COUNT(*) FROM ledger_entry WHERE kind = 'lifecycle'") == [(1,)], r.stdout + r.stderr)

# --- a bare code resolves per trainee to the version they are enrolled in -------------------------------------------
r = run("record", "--trainee", "T1", "--curriculum", "VTOPHT", "--unit", "RIIERR302E", "--target", "criterion:1.1",
        "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-20")
r2 = run("record", "--trainee", "T1", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-20")
versions = sql(store, "SELECT DISTINCT curriculum_version FROM ledger_entry WHERE trainee_id = 'T1' AND kind = 'evidence'")
check("record with a bare code, after a newer version is published, records in the version the trainee is enrolled in",
      r.returncode == 0 and r2.returncode == 0 and versions == [("1.0.0",)], r.stderr + r2.stderr + repr(versions))
r = run("signoff", "--trainee", "T1", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--assessor", "A01",
        "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-21")
check("signoff with a bare code signs off in the version the trainee is enrolled in",
      r.returncode == 0 and sql(store, "SELECT curriculum_version FROM ledger_entry WHERE trainee_id = 'T1' AND kind = 'signoff'")
      == [("1.0.0",)], r.stdout + r.stderr)
r = run("status", "T1", "--as-of", "2026-11-30", "--format", "json")
statuses = json.loads(r.stdout) if r.returncode == 0 else []
check("status shows the trainee in the version they are enrolled in",
      [(s["curriculum"]["code"], s["curriculum"]["version"]) for s in statuses] == [("VTOPHT", "1.0.0")], r.stdout[:600] + r.stderr)
r = run("cohort", "VTOPHT", "--as-of", "2026-11-30", "--format", "json")
rows = json.loads(r.stdout) if r.returncode == 0 else []
check("cohort with a bare code lists each trainee in the version they are enrolled in",
      sorted((x["trainee"], x.get("curriculum")) for x in rows) == [("T1", "VTOPHT@1.0.0"), ("T2", "VTOPHT@1.0.0")], r.stdout + r.stderr)
issue = ["issue", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, "--as-of", "2026-11-30",
         "--format", "ob3"]
r = run(*issue, "--cohort", "VTOPHT@2.0.0")
check("issue --cohort that issues nothing because nobody is enrolled in that version exits 1 naming the version they are in",
      r.returncode == 1 and "VTOPHT@1.0.0" in r.stderr and not os.path.exists(out), r.stdout + r.stderr)
r = run(*issue, "--cohort", "VTOPHT")
check("issue --cohort with a bare code issues for each competent trainee in the version they are enrolled in",
      r.returncode == 0 and "for T2" in r.stdout and r.stdout.count("issued ") == 1, r.stdout + r.stderr)
r = run(*issue, "--cohort", "VTOPHT")
check("issue --cohort that issues nothing says why",
      r.returncode == 0 and "nothing to issue: 2 trainees in training" in r.stdout, r.stdout + r.stderr)

# --- migrate -------------------------------------------------------------------------------------------------------
r = run("migrate", "--from", "VTOPHT@1.0.0", "--to", "VTOPHT@2.0.0", "--dry-run", "--format", "json", "--date", "2026-11-30")
plan = json.loads(r.stdout) if r.returncode == 0 else {}
moved = [t["trainee"] for t in plan.get("trainees", [])]
check("migrate moves only enrolments still in training by default",
      moved == ["T1"] and plan.get("notInTraining") == ["T2"], r.stdout + r.stderr)
to_assess = plan["trainees"][0]["toAssess"] if moved else []
check("migrate lists per trainee only the units they must take: changed core units and started electives, not electives never chosen",
      any(i.startswith("RIIWHS201E") for i in to_assess) and any(i.startswith("RIIERR302E") for i in to_assess)
      and not any(i.startswith("RIIRIS301D") for i in to_assess), json.dumps(to_assess))
r = run("migrate", "--from", "VTOPHT@1.0.0", "--to", "VTOPHT@2.0.0", "--dry-run", "--include-completed", "--format", "json",
        "--date", "2026-11-30")
plan = json.loads(r.stdout) if r.returncode == 0 else {}
check("migrate --include-completed moves completed enrolments too",
      sorted(t["trainee"] for t in plan.get("trainees", [])) == ["T1", "T2"], r.stdout + r.stderr)
must("migrate", "--from", "VTOPHT@1.0.0", "--to", "VTOPHT@2.0.0", "--date", "2026-11-30")
r = run("record", "--trainee", "T1", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "unit", "--method", "rpl",
        "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-30")
check("after migrate, a bare code follows the trainee to the new version",
      r.returncode == 0 and sql(store, "SELECT curriculum_version FROM ledger_entry WHERE kind = 'evidence' ORDER BY sequence DESC LIMIT 1")
      == [("2.0.0",)], r.stdout + r.stderr)
r = run("cohort", "VTOPHT", "--as-of", "2026-11-30", "--format", "json")
rows = json.loads(r.stdout) if r.returncode == 0 else []
check("cohort with a bare code follows migrated trainees, and completed ones stay in their version",
      sorted((x["trainee"], x.get("curriculum")) for x in rows) == [("T1", "VTOPHT@2.0.0"), ("T2", "VTOPHT@1.0.0")], r.stdout)

# --- veta retire ---------------------------------------------------------------------------------------------------
r = run("retire", "VTOPHT@1.0.0")
check("retire without a reason is a usage error (exit 64)", r.returncode == 64, r.stderr)
r = run("retire", "VTOPHT", "--reason", "x")
check("retire needs a version: a bare code is a usage error (exit 64)", r.returncode == 64, r.stderr)
r = run("retire", "VTOPHT@1.0.0", "--reason", "replaced by the 2027 package", "--date", "2026-11-30")
row = sql(store, "SELECT status, successor, reason FROM curriculum_lifecycle WHERE code = 'VTOPHT' AND version = '1.0.0'")
check("veta retire CODE@VERSION withdraws the version with a lifecycle entry and its reason",
      r.returncode == 0 and row == [("withdrawn", "VTOPHT@2.0.0", "replaced by the 2027 package")]
      and sql(store, "SELECT COUNT(*) FROM ledger_entry WHERE kind = 'lifecycle'") == [(2,)], r.stdout + r.stderr + repr(row))
r = run("enrol", "T3", "VTOPHT@1.0.0", "--date", "2026-11-30")
check("a withdrawn version takes no new enrolments (exit 1)", r.returncode == 1 and "withdrawn" in r.stderr, r.stdout + r.stderr)
r = run("retire", "VTOPHT@1.0.0", "--reason", "again")
check("a withdrawal is final: retiring it again is refused (exit 1)", r.returncode == 1 and "final" in r.stderr, r.stderr)
r = run("retire", "VTOPHT@9.9.9", "--reason", "x")
check("retiring a version that is not published is refused (exit 1)", r.returncode == 1, r.stderr)
r = run("enrol", "T3", "VTOPHT", "--date", "2026-11-30")
check("enrolling with a bare code enrols in the newest version", r.returncode == 0 and "2.0.0" in r.stdout, r.stdout + r.stderr)

# --- the lifecycle table is a projection: ledger verify names it, store rebuild restores it ---------------------------
sql(store, "DELETE FROM curriculum_lifecycle")
r = run("ledger", "verify")
check("a lifecycle row missing from its table is named by ledger verify",
      r.returncode == 1 and "table curriculum_lifecycle, key VTOPHT@1.0.0" in r.stdout, r.stdout)
r = run("store", "rebuild")
check("veta store rebuild rebuilds the lifecycle table from the log",
      r.returncode == 0 and sql(store, "SELECT status FROM curriculum_lifecycle WHERE code = 'VTOPHT' AND version = '1.0.0'")
      == [("withdrawn",)] and run("ledger", "verify").returncode == 0, r.stdout + r.stderr)

# --- the catalogue audit -------------------------------------------------------------------------------------------
r = run("audit", "catalogue", "--published", "--format", "json")
report = json.loads(r.stdout) if r.stdout.strip() else {}
findings = [{"code": f["diagnostic"]["code"], "message": f["diagnostic"]["message"]} for f in report.get("findings", [])]
text = json.dumps(findings)
check("the catalogue audit reads lifecycle from the store: no two current versions, no superseded without successor",
      r.stdout.strip() != "" and not any(f["code"] in ("VETA-A005", "VETA-A006") for f in findings), text[:1500])
check("the catalogue audit's one-unit-code-one-meaning rule does not compare two versions of one curriculum",
      r.stdout.strip() != "" and not any("VTOPHT@1.0.0" in f.get("message", "") and "VTOPHT@2.0.0" in f.get("message", "") for f in findings)
      and not any("VTOPHT@1.0.0" in f.get("message", "") for f in findings if "differs" in f.get("message", "")), text[:1500])
check("the one-unit-code-one-meaning rule compares units across different curricula of the current catalogue",
      any("RIIRIS301D" in f.get("message", "") and "differs" in f.get("message", "") for f in findings), text[:1500])

finish("versions")
