"""End-to-end checks of what a record means (issue 10, the last gaps), one per rule:

- `veta import`: an evidence row naming a bare curriculum code means, for that row's trainee, the
  version the trainee is enrolled in (as `veta record` resolves it), whether the file is streamed or
  read whole;
- voiding is transitive along prerequisites: once a prerequisite's sign-off stops counting (voided, or
  its evidence voided), a sign-off of a unit that required it counts nowhere;
- `veta correct` with several entries follows exactly the rules of one entry: a correction of a
  correction reinstates; reinstating an enrolment while enrolled again is refused, and nothing is written.

Usage: record_rules_cli.py VETA WORKDIR
"""
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
diffs = os.path.join(root, "Tests", "fixtures", "diff")
RESCUE = ["RIIERR302E", "RIIERR403D"]  # RIIERR403D requires RIIERR302E
HEADER = "trainee,curriculum,unit,target,method,outcome,date,hours,site,note,assessor\n"


run, must, sql, last_sequence = on_store(veta, store)


def entries(trainee):
    return json.loads(run("entries", "--trainee", trainee, "--format", "json").stdout or "[]")


def signoff(trainee, curriculum, unit, date):
    must("signoff", "--trainee", trainee, "--curriculum", curriculum, "--unit", unit, "--assessor", "A01",
         "--key", os.path.join(keys, "A01.private.jwk"), "--date", date)
    return last_sequence()


def states(trainee):
    r = run("status", trainee, "--format", "json")
    for enrolment in json.loads(r.stdout or "[]"):
        if enrolment["curriculum"]["code"] == "VTSRES":
            return {u["unit"]: u["state"] for u in enrolment["units"]}
    return {}


subprocess.run([veta, "keys", "generate", "--name", "A01", "--out", keys], check=True, capture_output=True)
must("publish", os.path.join(diffs, "base.xml"), os.path.join(root, "Curricula", "supervisor-mine-rescue.xml"))
must("org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo", "--site", "Mina Saucito")
for index, trainee in enumerate(["T1", "T2", "T3", "T4", "T5"]):
    must("trainee", "add", "--id", trainee, "--paternal", "García", "--given", f"Ana {index}",
         "--curp", curp(f"GALA90010{index + 1}MZSRPN0"), "--employer", "MFR110315AB1", "--occupation", "Operadora",
         "--job-title", "Operadora")
must("assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "EV-1",
     *sum([["--unit", u] for u in ["RIIWHS201E", "RIIERR302D", *RESCUE]], []), "--public-key", os.path.join(keys, "A01.public.jwk"))

# --- import: a bare code resolves per trainee ---------------------------------------------------------------------
must("enrol", "T1", "EXWSAFE@1.1.0", "--date", "2026-01-05")
must("publish", os.path.join(diffs, "major.xml"))
must("enrol", "T2", "EXWSAFE@2.0.0", "--date", "2026-01-05")
streamed = os.path.join(work, "streamed.csv")
rows = [f"{t},EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-0{d},1,,,A01\n" for d in (1, 2) for t in ("T1", "T2")]
open(streamed, "w", encoding="utf-8").write(HEADER + "".join(rows))
first = run("import", streamed)
# A row already stored sends the file to be read whole (allowed with --allow-repeat): the same rule there.
whole = os.path.join(work, "whole.csv")
more = [f"{t},EXWSAFE,RIIWHS201E,criterion:1.2,observation,satisfactory,2026-02-03,1,,,A01\n" for t in ("T1", "T2")]
open(whole, "w", encoding="utf-8").write(HEADER + rows[0] + "".join(more))
second = run("import", whole, "--allow-repeat")
versions = {t: sorted({e["curriculum"] for e in entries(t) if e["kind"] == "evidence"}) for t in ("T1", "T2")}
counts = {t: sum(1 for e in entries(t) if e["kind"] == "evidence") for t in ("T1", "T2")}
check("veta import: a bare code in an evidence row is the version its trainee is enrolled in (streamed and read whole)",
      first.returncode == 0 and second.returncode == 0 and versions == {"T1": ["EXWSAFE@1.1.0"], "T2": ["EXWSAFE@2.0.0"]}
      and counts == {"T1": 4, "T2": 3}, f"{first.stdout}{first.stderr}{second.stdout}{second.stderr} {versions} {counts}")
recorded = run("record", "--trainee", "T1", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--target", "criterion:2.1",
               "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-02-04")
check("veta import and veta record resolve a bare code to the same version",
      recorded.returncode == 0 and entries("T1")[-1]["curriculum"] == "EXWSAFE@1.1.0", recorded.stderr)

# --- voiding is transitive along prerequisites ------------------------------------------------------------------
evidence = {}
for trainee in ("T3", "T4"):
    must("enrol", trainee, "VTSRES", "--date", "2026-01-05")
    for unit in RESCUE:
        must("record", "--trainee", trainee, "--curriculum", "VTSRES", "--unit", unit, "--target", "unit", "--method", "rpl",
             "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-02-01")
        evidence[trainee, unit] = last_sequence()
prerequisite = {t: signoff(t, "VTSRES", RESCUE[0], "2026-02-02") for t in ("T3", "T4")}
for trainee in ("T3", "T4"):
    signoff(trainee, "VTSRES", RESCUE[1], "2026-02-03")
before = states("T3"), states("T4")
must("correct", str(prerequisite["T3"]), "--reason", "signed off by mistake", "--date", "2026-02-10")
must("correct", str(evidence["T4", RESCUE[0]]), "--reason", "forged RPL documents", "--date", "2026-02-10")
after = states("T3"), states("T4")
check("voiding is transitive along prerequisites: a voided prerequisite sign-off takes the sign-off that required it with it",
      all(s.get(u) == "signed-off" for s in before for u in RESCUE) and after[0].get(RESCUE[1]) != "signed-off"
      and after[0].get(RESCUE[0]) != "signed-off", f"{before} {after}")
check("voiding is transitive along prerequisites: so does a prerequisite sign-off whose evidence was voided",
      after[1].get(RESCUE[0]) != "signed-off" and after[1].get(RESCUE[1]) != "signed-off", f"{after}")
again = run("signoff", "--trainee", "T3", "--curriculum", "VTSRES", "--unit", RESCUE[1], "--assessor", "A01",
            "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-02-11")
check("a unit whose sign-off no longer counts because of its prerequisite is not signed off again until the prerequisite is",
      again.returncode == 1 and RESCUE[0] in again.stderr, again.stdout + again.stderr)

# --- veta correct with several entries follows the rules of one -------------------------------------------------
must("enrol", "T5", "EXWSAFE@1.1.0", "--date", "2026-01-05")
must("record", "--trainee", "T5", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--target", "criterion:1.1",
     "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-02-01")
ev = last_sequence()
must("record", "--trainee", "T5", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--target", "criterion:1.2",
     "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-02-01")
other = last_sequence()
must("record", "--trainee", "T5", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--target", "criterion:2.1",
     "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-02-01")
spare = last_sequence()
must("correct", str(ev), "--reason", "wrong date", "--date", "2026-02-02")
voiding = last_sequence()
batch = run("correct", str(voiding), str(other), "--reason", "the first was right", "--date", "2026-02-03")
listed = run("entries", "--trainee", "T5").stdout
lines = {int(line.split("\t")[0]): line for line in listed.splitlines() if "\t" in line}
check("veta correct with several entries: a correction of a correction reinstates the entry, as with one",
      batch.returncode == 0 and "[voided by entry" in lines.get(voiding, "") and "[voided by entry" in lines.get(other, "")
      and f"voids entry {voiding}" in batch.stdout,
      batch.stdout + batch.stderr + listed)
enrolment = [e["sequence"] for e in entries("T5") if e["kind"] == "enrolment"][0]
must("correct", str(enrolment), "--reason", "wrong date", "--date", "2026-02-04")
void_enrolment = last_sequence()
must("enrol", "T5", "EXWSAFE@1.1.0", "--date", "2026-02-04")
size = last_sequence()
several = run("correct", str(void_enrolment), str(spare), "--reason", "it was right", "--date", "2026-02-05")
one = run("correct", str(void_enrolment), "--reason", "it was right", "--date", "2026-02-05")
check("veta correct with several entries: reinstating an enrolment while enrolled again is refused as with one, nothing written",
      several.returncode == 1 and one.returncode == 1 and last_sequence() == size
      and "enrol T5 twice" in several.stderr and "enrol T5 twice" in one.stderr, several.stderr + one.stderr)
record_entry = run("correct", "1", str(spare), "--reason", "x", "--date", "2026-02-05")
check("veta correct with several entries refuses a registry entry as with one, nothing written",
      record_entry.returncode == 1 and run("correct", "1", "--reason", "x", "--date", "2026-02-05").returncode == 1
      and last_sequence() == size, record_entry.stderr)

finish("record rules")
