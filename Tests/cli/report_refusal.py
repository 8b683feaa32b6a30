"""End-to-end checks that the reporting commands refuse a log that does not verify: `veta cohort` and
`veta due` check the entries they report from (their hashes and their links to the entries before and
after them, as `veta status` does), and `veta export` exports only a log that `veta ledger verify`
passes. Each refusal is exit 1, points at `veta ledger verify`, prints nothing on stdout in text and
CSV, and exactly one JSON document with `--format json`. On the untouched store all of them work.
Prints `ok`/`FAIL` lines and the count of each.

Usage: report_refusal.py VETA WORKDIR
"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys

from checks import check, finish
from stores import backup, sql

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
keys = os.path.join(work, "keys")
base = os.path.join(work, "base.sqlite")


def run(store, *args):
    return subprocess.run([veta, *args, "--store", store], capture_output=True, text=True, timeout=300)


def must(store, *args):
    result = run(store, *args)
    if result.returncode != 0:
        raise SystemExit(f"setup failed: veta {' '.join(args)}: {result.stderr}")
    return result


def copy(name):
    target = os.path.join(work, name + ".sqlite")
    return backup(base, target)


def tamper(store, statement, *args):
    """What an attacker with the file does: drop the append-only triggers, then change rows."""
    db = sqlite3.connect(store)
    # The compact ledger (store schema 5): the table `ledger`, read back through the view `ledger_entry`.
    for trigger in ("ledger_append_only_update", "ledger_append_only_delete", "ledger_entry_append_only_update",
                    "ledger_entry_append_only_delete"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    db.execute(statement, args)
    db.commit()
    db.close()


for name in ("A01", "other"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
must(base, "publish", os.path.join(root, "Curricula"))
must(base, "org", "add", "--rfc", "CMP961028AB1", "--name", "Minera Peñoles", "--site", "Unidad Tizapa")
for trainee, curp in (("T100", "NUPJ880214HZSXXS09"), ("T101", "RUXA910303MZSZXN09")):
    must(base, "trainee", "add", "--id", trainee, "--paternal", "Núñez", "--given", "José", "--curp", curp,
         "--employer", "CMP961028AB1", "--occupation", "Operador", "--job-title", "Operador")
must(base, "assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "CONOCER EV-1234", "--unit", "RIIWHS201E",
     "--public-key", os.path.join(keys, "A01.public.jwk"))
for trainee in ("T100", "T101"):
    must(base, "enrol", trainee, "VTOPHT", "--date", "2026-10-01")
must(base, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "unit", "--method", "rpl",
     "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-10", "--hours", "2", "--note", "prior learning")
must(base, "signoff", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--assessor", "A01",
     "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-12")
for day in range(1, 4):
    must(base, "record", "--trainee", "T101", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", f"2026-11-{day:02d}", "--hours", "1")
evidence = [row[0] for row in sql(base, "SELECT sequence FROM ledger_entry WHERE kind = 'evidence' AND trainee_id = 'T101' ORDER BY sequence")]

commands = {
    "cohort": ["cohort", "VTOPHT", "--as-of", "2026-11-30"],
    "cohort csv": ["cohort", "VTOPHT", "--as-of", "2026-11-30", "--format", "csv"],
    "due": ["due", "--as-of", "2026-11-30", "--within", "3650d"],
    "export": ["export", "--format", "csv"],
}
json_commands = {
    "cohort": ["cohort", "VTOPHT", "--as-of", "2026-11-30", "--format", "json"],
    "due": ["due", "--as-of", "2026-11-30", "--within", "3650d", "--format", "json"],
    "export": ["export", "--format", "json"],
}

# --- the untouched store -----------------------------------------------------------------------------
intact = copy("intact")
for label, args in commands.items():
    result = run(intact, *args)
    check(f"on the untouched store {label} works (exit 0)", result.returncode == 0 and result.stdout, result.stderr)
for label, args in json_commands.items():
    result = run(intact, *args)
    try:
        json.loads(result.stdout)
        parsed = True
    except ValueError:
        parsed = False
    check(f"on the untouched store {label} --format json prints one JSON document (exit 0)", result.returncode == 0 and parsed,
          result.stdout + result.stderr)
result = run(intact, "cohort", "VTOPHT", "--as-of", "2026-11-30", "--format", "csv")
check("cohort on the untouched store lists both trainees", "T100" in result.stdout and "T101" in result.stdout, result.stdout)


def refused(label, store, reporting=("cohort", "cohort csv", "due", "export")):
    for name in reporting:
        result = run(store, *commands[name])
        check(f"{label}: {name} refuses (exit 1, pointing at ledger verify, nothing on stdout)",
              result.returncode == 1 and "veta ledger verify" in result.stderr and not result.stdout, result.stdout + result.stderr)
    for name in {n.split(" ")[0] for n in reporting}:
        result = run(store, *json_commands[name])
        try:
            document = json.loads(result.stdout)
        except ValueError:
            document = {}
        check(f"{label}: {name} --format json refuses with one JSON document (exit 1)",
              result.returncode == 1 and document.get("error", {}).get("exitCode") == 1
              and "veta ledger verify" in document.get("error", {}).get("message", ""),
              result.stdout + result.stderr)


# --- an evidence entry changed, its stored hash kept ---------------------------------------------------
store = copy("changed")
tamper(store, "UPDATE ledger SET outcome = 2 WHERE sequence = ?", evidence[1])  # 2: not-yet
refused("an evidence entry changed, its hash kept", store)

# --- an evidence entry's stored hash replaced (its content no longer matches it) -----------------------
store = copy("rehashed")
tamper(store, "UPDATE ledger SET hash = ? WHERE sequence = ?", hashlib.sha256(b"another content").digest(), evidence[0])
refused("an evidence entry whose stored hash was replaced", store)

# --- an evidence entry deleted ------------------------------------------------------------------------
store = copy("deleted")
tamper(store, "DELETE FROM ledger WHERE sequence = ?", evidence[1])
refused("an evidence entry deleted from the middle", store)

# --- the assessor's key swapped in the table (the log's key is the one that counts) ---------------------
store = copy("swapped")
other_key = json.load(open(os.path.join(keys, "other.public.jwk"))).get("x", "")
tamper(store, "UPDATE assessor SET public_key = ? WHERE id = 'A01'", other_key)
result = run(store, "ledger", "verify")
check("a key swapped in the assessor table: ledger verify names it (exit 1)", result.returncode == 1, result.stdout + result.stderr)
refused("a key swapped in the assessor table", store, reporting=("export",))

finish("report refusal")
