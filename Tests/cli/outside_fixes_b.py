"""End-to-end checks of faults an outside tester found (issue 10, part B), one per rule:
`audit records` judges "what the store knew at issue" by log position (the entries before the issue
entry), not by one-second recording times; `veta entries` and `import --undo` use the engine's
voiding rule (a correction of a correction reinstates; a migrated copy is voided through its
original); a refused `issue --as-of` says what is missing even when only the sign-off is; `assessor
show` says that the first authorisation reaches back.

Usage: outside_fixes_b.py VETA WORKDIR
"""
import hashlib
import json
import os
import re
import subprocess
import sys

from checks import check, finish
from stores import as_json, curp, sql, store_commands_at, workplace

veta, work, root = workplace(sys.argv)
keys = os.path.join(work, "keys")
ISSUER = "https://capacitacion.example.mx"
UNITS = ["RIIWHS201E", "RIIMPO338E", "RIIERR302E", "RIIRIS301D"]
ORG = "MFR110315AB1"
NOW = "2026-11-30T10:00:00Z"
run, must = store_commands_at(veta, NOW)
for name in ("A01", "A02", "issuer"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)


def key(name, part="public"):
    return os.path.join(keys, f"{name}.{part}.jwk")


def site(name):
    """A fresh store with VTOPHT published, one employer, assessors A01 and A02, the issuer, and T001 enrolled."""
    store = os.path.join(work, name + ".sqlite")
    must(store, "publish", os.path.join(root, "Curricula"))
    must(store, "org", "add", "--rfc", ORG, "--name", "Minera Fresnillo", "--site", "Mina Saucito")
    for assessor in ("A01", "A02"):
        must(store, "assessor", "add", "--id", assessor, "--name", "Luis Pérez " + assessor, "--accreditation", "EV-" + assessor,
             *sum([["--unit", u] for u in UNITS], []), "--public-key", key(assessor))
    must(store, "issuer", "add", "--url", ISSUER, "--name", "Capacitación Minera", "--rfc", "CMN150101AB1", "--stps", "CAP-1",
         "--public-key", key("issuer"))
    must(store, "trainee", "add", "--id", "T001", "--paternal", "García", "--given", "Ana", "--curp", curp("GALA900101MZSRPN0"),
         "--employer", ORG, "--occupation", "Operadora", "--job-title", "Operadora")
    must(store, "enrol", "T001", "VTOPHT", "--date", "2026-11-01")
    return store


def evidence(store, unit, date, now=NOW):
    return must(store, "record", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", unit, "--target", "unit",
                "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", "--hours", "4", "--date", date,
                "--site", "Mina Saucito", now=now)


def signoff(store, unit, date, assessor="A01"):
    return must(store, "signoff", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", unit, "--assessor", assessor,
                "--key", key(assessor, "private"), "--date", date)


def entries(store):
    return {e["sequence"]: e for e in as_json(run(store, "entries", "--trainee", "T001", "--format", "json")) or []}


def sequence_of(result):
    found = re.findall(r"\d+", result.stdout)
    return int(found[0]) if found else None


# --- audit records: what the store knew at issue is the log before the issue entry --------------------------------
store = site("audit")
evidence(store, "RIIWHS201E", "2026-11-10")
evidence(store, "RIIWHS201E", "2026-11-11")
signoff(store, "RIIWHS201E", "2026-11-12")
evidence(store, "RIIMPO338E", "2026-11-13")
signoff(store, "RIIMPO338E", "2026-11-14", "A02")
evidence(store, "RIIERR302E", "2026-11-15")
signoff(store, "RIIERR302E", "2026-11-16")
mpo = [s for s, e in entries(store).items() if e.get("unit") == "RIIMPO338E" and e["kind"] == "evidence"]
later = "2026-11-30T12:00:00Z"  # the issue and the correction in the same second
must(store, "issue", "--trainee", "T001", "--curriculum", "VTOPHT", "--format", "ob3", "--issuer", ISSUER,
     "--key", key("issuer", "private"), "--out", os.path.join(work, "records"), now=later)
must(store, "correct", str(mpo[0]), "--reason", "wrong trainee", now=later)
r = run(store, "audit", "records", "--format", "json", now="2026-12-01T09:00:00Z")
text = r.stdout
check("evidence voided in the same second as the issue, after its entry: the audit says 'no longer backed' (B002), not B006",
      "VETA-B006" not in text and "VETA-B002" in text, r.stdout[:1500] + r.stderr)

# --- entries: the engine's voiding rule --------------------------------------------------------------------------
store = site("entries")
csv = os.path.join(work, "ev.csv")
open(csv, "w", encoding="utf-8", newline="").write(
    "\ufefftrainee,curriculum,unit,target,method,outcome,date,hours,assessor\r\n"
    "T001,VTOPHT,RIIWHS201E,unit,observation,satisfactory,2026-11-10,2,A01\r\n"
    "T001,VTOPHT,RIIWHS201E,unit,observation,satisfactory,2026-11-11,3,A01\r\n")
r = must(store, "import", csv)
imported = re.search(r"import id (\d+)-(\d+)", r.stdout)
first, last = int(imported.group(1)), int(imported.group(2))
must(store, "import", "--undo", f"{first}-{last}", "--reason", "wrong file")
listed = entries(store)
undo_of_last = next(s for s, e in listed.items() if e.get("corrects") == last)
must(store, "correct", str(undo_of_last), "--reason", f"entry {last} was right after all")
listed = entries(store)
check("after a reinstatement (a correction of a correction) entries shows the entry in force again, in JSON and text",
      listed[last].get("voidedBy") is None and listed[first].get("voidedBy") is not None
      and f"{last}\t" in (t := run(store, "entries", "--trainee", "T001").stdout)
      and "voided" not in next(line for line in t.splitlines() if line.startswith(f"{last}\t")), json.dumps(listed)[:1500])
r = run(store, "import", "--undo", f"{first}-{last}", "--reason", "undo again", "--format", "json")
check("import --undo again voids the reinstated entry instead of calling every entry already voided",
      r.returncode == 0 and (as_json(r) or {}).get("voided") == [last], r.stdout + r.stderr)

store = site("migrated")
evidence(store, "RIIWHS201E", "2026-11-10")
evidence(store, "RIIWHS201E", "2026-11-11")
original = min(s for s, e in entries(store).items() if e["kind"] == "evidence")
v2 = open(os.path.join(root, "Curricula", "operator-haul-truck.xml"), encoding="utf-8").read()
v2 = v2.replace('code="VTOPHT" version="1.0.0"', 'code="VTOPHT" version="2.0.0"', 1)
v2 = re.sub(r"(<published>[^<]*</published>)", r'\1\n  <supersedes code="VTOPHT" version="1.0.0" equivalent="yes"/>', v2, count=1)
v2_path = os.path.join(work, "VTOPHT-2.0.0.xml")
open(v2_path, "w", encoding="utf-8").write(v2)
must(store, "publish", v2_path)
must(store, "migrate", "--from", "VTOPHT@1.0.0", "--to", "VTOPHT@2.0.0")
listed = entries(store)
copies = [s for s, e in listed.items() if e["kind"] == "evidence" and e["curriculum"] == "VTOPHT@2.0.0" and e["date"] == "2026-11-10"]
r = must(store, "correct", str(original), "--reason", "wrong trainee")
listed = entries(store)
correction = max(listed)
text = run(store, "entries", "--trainee", "T001").stdout
check("a migrated copy is shown voided through its original, by the correction of the original",
      len(copies) == 1 and listed[copies[0]].get("voidedBy") == correction and listed[copies[0]].get("voidedThrough") == original
      and f"[voided by entry {correction}, through entry {original}]" in text,
      json.dumps({s: listed[s] for s in [original] + copies}) + "\n" + text)

# --- import ids: one import entry marks each import; recording times are never read -------------------------------
store = site("imports")
csv = os.path.join(work, "two.csv")
open(csv, "w", encoding="utf-8", newline="").write(
    "\ufefftrainee,curriculum,unit,target,method,outcome,date,assessor\r\n"
    "T001,VTOPHT,RIIWHS201E,unit,observation,satisfactory,2026-11-10,A01\r\n"
    "T001,VTOPHT,RIIWHS201E,unit,observation,satisfactory,2026-11-11,A01\r\n")
r = must(store, "import", csv)
printed = re.search(r"import id (\d+-\d+)", r.stdout)
evidence(store, "RIIMPO338E", "2026-11-12")  # a supervisor records in the same second
undo = run(store, "import", "--undo", printed.group(1) if printed else "1-1", "--reason", "file of another site", "--format", "json")
check("an import followed in the same second by veta record is undone by the id it printed (its two entries only)",
      printed is not None and undo.returncode == 0 and len((as_json(undo) or {}).get("voided", [])) == 2, r.stdout + undo.stdout + undo.stderr)
marks = sql(store, "SELECT registry, attachment_sha256 FROM ledger_entry WHERE kind = 'import'")
check("the import is marked by one 'import' entry naming its range and the file's sha256; the log verifies and rebuilds",
      len(marks) == 1 and printed is not None and f'"subject":"{printed.group(1)}"' in marks[0][0]
      and marks[0][1] == hashlib.sha256(open(csv, "rb").read()).hexdigest()
      and run(store, "ledger", "verify").returncode == 0 and run(store, "store", "rebuild").returncode == 0
      and run(store, "ledger", "verify").returncode == 0, str(marks))
later = "2026-11-30T10:05:00Z"
evidence(store, "RIIERR302E", "2026-11-13", now=later)
evidence(store, "RIIERR302E", "2026-11-14", now=later)
last = max(entries(store))
size = sql(store, "SELECT COUNT(*) FROM ledger_entry")[0][0]
r = run(store, "import", "--undo", f"{last - 1}-{last}", "--reason", "not an import", now=later)
check("two entries veta record wrote in one second are not undone as an import (exit 1, nothing written)",
      r.returncode == 1 and "not one import" in r.stderr and sql(store, "SELECT COUNT(*) FROM ledger_entry")[0][0] == size, r.stderr)

# --- issue --as-of: what is missing, even when only the sign-off is ------------------------------------------------
store = site("missing")
evidence(store, "RIIWHS201E", "2026-11-10")
evidence(store, "RIIWHS201E", "2026-11-11")
signoff(store, "RIIWHS201E", "2026-11-12")
r = run(store, "issue", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--as-of", "2026-11-11",
        "--issuer", ISSUER, "--key", key("issuer", "private"), "--out", os.path.join(work, "r"))
tail = r.stderr.split("missing:", 1)[1] if "missing:" in r.stderr else ""
check("issue --as-of before the sign-off is refused (exit 1) and names the missing sign-off after 'missing:'",
      r.returncode == 1 and "sign-off" in tail and tail.strip() != "", r.stderr)

# --- assessor show: the first authorisation reaches back ------------------------------------------------------------
r = run(store, "assessor", "show", "A01")
line = next((x for x in r.stdout.splitlines() if "RIIWHS201E" in x), "")
j = as_json(run(store, "assessor", "show", "A01", "--format", "json")) or {}
first_period = next((a for a in j.get("authorisations", []) if a.get("unit") == "RIIWHS201E"), {})
check("assessor show says the first authorisation covers earlier dates too, not 'from' its registration day",
      "earlier dates" in line and " from " not in line and first_period.get("reachesBack") is True, r.stdout + json.dumps(j))

finish("outside fixes B")
