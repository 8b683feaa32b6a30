"""End-to-end checks of corrections and provenance (issue 10), one per rule:

- voiding is transitive along provenance: evidence carried by `veta migrate` stops counting once the
  original is voided, the sign-offs resting on it stop counting, and a record issued on it is
  reported by `veta audit records` and by `veta verify` (exit 1, not VALID);
- voided sign-offs count nowhere (the DC-3's instructor line names no assessor of a voided sign-off);
- a correction of a correction reinstates the entry; after voiding an enrolment, enrolling again works;
- a unit signed off and not expired cannot be signed off again; evidence, sign-offs and enrolments
  dated after today are refused; evidence with no assessor is no assessed performance occasion.

Usage: corrections_cli.py VETA WORKDIR
"""
import datetime
import json
import os
import shutil
import subprocess
import sys

from checks import check, finish
from stores import curp, on_store

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
store = os.path.join(work, "veta.sqlite")
keys = os.path.join(work, "keys")
out = os.path.join(work, "records")
diffs = os.path.join(root, "Tests", "fixtures", "diff")
ISSUER = "https://capacitacion.example.mx"
UNITS = ["RIIWHS201E", "RIIERR302D"]


run, must, sql, last_sequence = on_store(veta, store)


def status(trainee, version):
    r = run("status", trainee, "--format", "json", "--as-of", "2026-11-30")
    for enrolment in json.loads(r.stdout or "[]"):
        if enrolment["curriculum"]["version"] == version:
            return {u["unit"]: u for u in enrolment["units"]}
    return {}


for name in ("A01", "A02", "issuer"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
must("publish", os.path.join(diffs, "base.xml"), os.path.join(diffs, "patch.xml"))
must("org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo", "--site", "Mina Saucito")
for index, trainee in enumerate(["T1", "T2", "T3", "T4", "T5"]):
    must("trainee", "add", "--id", trainee, "--paternal", "García", "--given", f"Ana {index}",
         "--curp", curp(f"GALA90010{index + 1}MZSRPN0"), "--employer", "MFR110315AB1", "--occupation", "Operadora", "--job-title", "Operadora")
must("assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "EV-1", *sum([["--unit", u] for u in UNITS], []),
     "--public-key", os.path.join(keys, "A01.public.jwk"))
must("assessor", "add", "--id", "A02", "--name", "Bernardo Quintana Ortiz", "--accreditation", "EV-2", *sum([["--unit", u] for u in UNITS], []),
     "--public-key", os.path.join(keys, "A02.public.jwk"))
must("issuer", "add", "--url", ISSUER, "--name", "Capacitación Minera del Norte, S.C.", "--rfc", "CMN150101AB1",
     "--stps", "CAP-123456-ABC-0013", "--public-key", os.path.join(keys, "issuer.public.jwk"))
issue = ["issue", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out]


def signoff(trainee, curriculum, unit, date, assessor="A01"):
    return run("signoff", "--trainee", trainee, "--curriculum", curriculum, "--unit", unit, "--assessor", assessor,
               "--key", os.path.join(keys, f"{assessor}.private.jwk"), "--date", date)


def record(trainee, curriculum, unit, target, method, date, assessor="A01"):
    return run("record", "--trainee", trainee, "--curriculum", curriculum, "--unit", unit, "--target", target, "--method", method,
               "--outcome", "satisfactory", "--date", date, *(["--assessor", assessor] if assessor else []))


# --- voiding is transitive along provenance ---------------------------------------------------------
must("enrol", "T1", "EXWSAFE@1.1.0", "--date", "2026-01-05")
originals = []
for unit in UNITS:
    must("record", "--trainee", "T1", "--curriculum", "EXWSAFE@1.1.0", "--unit", unit, "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-02-01")
    originals.append(last_sequence())
migrated = run("migrate", "--from", "EXWSAFE@1.1.0", "--to", "EXWSAFE@1.1.1", "--date", "2026-03-01")
carried = sql("SELECT sequence, derived_from FROM ledger_entry WHERE derived_from IS NOT NULL")
for unit in UNITS:
    must("signoff", "--trainee", "T1", "--curriculum", "EXWSAFE@1.1.1", "--unit", unit, "--assessor", "A01",
         "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-03-02")
issued = run(*issue, "--trainee", "T1", "--curriculum", "EXWSAFE@1.1.1", "--format", "ob3", "--as-of", "2026-03-03")
jwt = os.path.join(out, "VETA-2026-000001.jwt")
before = run("verify", jwt, "--as-of", "2026-03-04")
audit_before = run("audit", "records", "--format", "json")
for sequence in originals:
    must("correct", str(sequence), "--reason", "forged RPL documents", "--date", "2026-04-01")
units = status("T1", "1.1.1")
check("voiding is transitive along provenance: evidence carried by migrate stops counting once its original is voided",
      migrated.returncode == 0 and sorted(d for _, d in carried) == sorted(originals) and issued.returncode == 0
      and all(units.get(u, {}).get("criteriaCovered") == 0 for u in UNITS), f"{migrated.stderr} {carried} {issued.stderr} {units}")
check("a sign-off resting on voided evidence counts nowhere (status, issue)",
      all(units.get(u, {}).get("state") != "signed-off" and units.get(u, {}).get("signedOffOn") is None for u in UNITS)
      and run(*issue, "--trainee", "T1", "--curriculum", "EXWSAFE@1.1.1", "--format", "ob3", "--as-of", "2026-11-30").returncode == 1,
      json.dumps(units))
audit = run("audit", "records")
first = min(originals)
check("a record issued on evidence voided later is reported by veta audit records",
      "VETA-2026-000001" not in audit_before.stdout and audit.returncode == 1 and "VETA-2026-000001" in audit.stdout
      and f"no longer backed by evidence: entry {first} voided on 2026-04-01" in audit.stdout, audit.stdout + audit.stderr)
after = run("verify", jwt, "--as-of", "2026-11-30")
check("veta verify reports a record issued on voided evidence: no longer backed by evidence, exit 1, not VALID",
      before.returncode == 0 and after.returncode == 1 and "NOT VALID" in after.stdout
      and f"no longer backed by evidence: entry {first} voided on 2026-04-01" in after.stdout, before.stdout + after.stdout + after.stderr)

# --- voided sign-offs count nowhere -----------------------------------------------------------------
must("enrol", "T2", "EXWSAFE@1.1.1", "--date", "2026-01-05")
for unit in UNITS:
    must("record", "--trainee", "T2", "--curriculum", "EXWSAFE@1.1.1", "--unit", unit, "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-02-01")
wrong = signoff("T2", "EXWSAFE@1.1.1", "RIIWHS201E", "2026-02-02", assessor="A02")
wrong_sequence = last_sequence()
must("correct", str(wrong_sequence), "--reason", "signed off by the wrong assessor", "--date", "2026-02-03")
for unit in UNITS:
    must("signoff", "--trainee", "T2", "--curriculum", "EXWSAFE@1.1.1", "--unit", unit, "--assessor", "A01",
         "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-02-04")
dc3 = run(*issue, "--trainee", "T2", "--curriculum", "EXWSAFE@1.1.1", "--format", "all", "--as-of", "2026-02-05")
pdfs = sorted(f for f in os.listdir(out) if f.endswith(".pdf")) if os.path.isdir(out) else []
text = subprocess.run(["pdftotext", "-layout", os.path.join(out, pdfs[-1]), "-"], capture_output=True, text=True).stdout if pdfs else ""
units = status("T2", "1.1.1")
check("voided sign-offs count nowhere: the DC-3's instructor line does not name the assessor of a voided sign-off",
      wrong.returncode == 0 and dc3.returncode == 0 and "Luis Pérez" in text and "Quintana" not in text
      and units.get("RIIWHS201E", {}).get("signedOffOn") == "2026-02-04", dc3.stderr + text[-800:] + json.dumps(units))

# --- a correction of a correction reinstates; correcting an enrolment leaves the trainee enrollable ---
must("enrol", "T3", "EXWSAFE@1.1.1", "--date", "2026-01-05")
must("record", "--trainee", "T3", "--curriculum", "EXWSAFE@1.1.1", "--unit", "RIIWHS201E", "--target", "element:1", "--method", "observation",
     "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-02-01")
evidence = last_sequence()
must("correct", str(evidence), "--reason", "thought it was the wrong trainee", "--date", "2026-02-02")
correction = last_sequence()
voided_units = status("T3", "1.1.1")
no_reason = run("correct", str(correction), "--reason", " ", "--date", "2026-02-03")
reinstated = run("correct", str(correction), "--reason", "it was the right trainee after all", "--date", "2026-02-03")
units = status("T3", "1.1.1")
check("a mistaken correction is undone by a correction of the correction (reinstatement, with a reason)",
      voided_units["RIIWHS201E"]["criteriaCovered"] == 0 and no_reason.returncode != 0 and reinstated.returncode == 0
      and units["RIIWHS201E"]["criteriaCovered"] == 3, no_reason.stderr + reinstated.stderr + json.dumps(units))
must("enrol", "T4", "EXWSAFE@1.1.1", "--date", "2026-01-05")
enrolment = last_sequence()
must("correct", str(enrolment), "--reason", "enrolled the wrong person", "--date", "2026-01-06")
again = run("enrol", "T4", "EXWSAFE@1.1.1", "--date", "2026-01-07")
recorded = record("T4", "EXWSAFE@1.1.1", "RIIWHS201E", "element:1", "observation", "2026-02-01")
check("after voiding an enrolment the trainee can be enrolled again and recorded",
      again.returncode == 0 and recorded.returncode == 0, again.stderr + recorded.stderr)

# --- refusals at the door ---------------------------------------------------------------------------
repeat = signoff("T2", "EXWSAFE@1.1.1", "RIIERR302D", "2026-03-01")
check("a unit already signed off and not expired cannot be signed off again (exit 1)",
      repeat.returncode == 1 and "already signed off on 2026-02-04" in repeat.stderr, repeat.stdout + repeat.stderr)
future = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
late_enrol = run("enrol", "T5", "EXWSAFE@1.1.1", "--date", future)
late_record = record("T3", "EXWSAFE@1.1.1", "RIIWHS201E", "element:2", "observation", future)
late_signoff = signoff("T3", "EXWSAFE@1.1.1", "RIIERR302D", future)
check("evidence, sign-offs and enrolments dated after today are refused (exit 1, clear message)",
      all(r.returncode == 1 and "after today" in r.stderr for r in (late_enrol, late_record, late_signoff)),
      late_enrol.stderr + late_record.stderr + late_signoff.stderr)
must("enrol", "T5", "EXWSAFE@1.1.1", "--date", "2026-01-05")
unassessed = [record("T5", "EXWSAFE@1.1.1", "RIIWHS201E", "unit", "observation", day, assessor=None) for day in ("2026-02-01", "2026-02-02")]
units = status("T5", "1.1.1")
check("evidence with no assessor never counts as an assessed performance occasion",
      all(r.returncode == 0 for r in unassessed) and units["RIIWHS201E"]["occasions"] == 0
      and units["RIIWHS201E"]["state"] != "evidence-complete", json.dumps(units) + "".join(r.stderr for r in unassessed))

finish("corrections")
