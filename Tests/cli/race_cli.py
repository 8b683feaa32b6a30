"""End-to-end checks that every check a write makes holds inside the write, with real processes racing
on one store: 8 trainees x 3 concurrent `veta enrol`, 8 entries x 2 concurrent `veta correct`, 3
concurrent `veta signoff` of one unit and 3 concurrent `veta withdraw` of one enrolment each store
exactly one entry, the others are refused normally (exit 1, the usual message); `veta ledger verify`
passes afterwards. Then store versions: a store newer than this veta is refused by every command and
left unchanged; reading commands never create a store nor upgrade an older one.

Usage: race_cli.py VETA WORKDIR
"""
import collections
import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys

from checks import check, finish
from stores import curp

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
os.makedirs(work, exist_ok=True)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
store = os.path.join(work, "race.sqlite")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(store + suffix):
        os.remove(store + suffix)
keys = os.path.join(work, "keys")
key = os.path.join(keys, "A01.private.jwk")


def run(*args, path=store):
    return subprocess.run([veta, *args, "--store", path], capture_output=True, text=True, timeout=300)


def must(*args):
    result = run(*args)
    if result.returncode != 0:
        print(f"FAIL set-up: veta {' '.join(args[:2])}: {result.stderr.strip()}")
        finish("race")
    return result


def race(commands):
    """Starts every command at once; returns (command index, exit code, stderr) for each."""
    procs = [subprocess.Popen([veta, *args, "--store", store], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for args in commands]
    return [(i, p.wait(timeout=300), p.stderr.read()) for i, p in enumerate(procs)]


def exactly_one_each(name, groups, refusal):
    """groups: one list of (exit, stderr) per contested thing; one exit 0 each, the others exit 1 naming `refusal`."""
    bad = []
    for key_, results in groups.items():
        codes = sorted(code for code, _ in results)
        if codes != [0] + [1] * (len(results) - 1):
            bad.append(f"{key_}: exits {codes}")
        for code, err in results:
            if code == 1 and refusal not in err:
                bad.append(f"{key_}: exit 1 without '{refusal}': {err.strip()}")
            if "internal error" in err or "changed while" in err:
                bad.append(f"{key_}: {err.strip()}")
    check(name, not bad, "; ".join(bad)[:1200])


def count(sql, *args):
    with contextlib.closing(sqlite3.connect(store)) as db:
        return db.execute(sql, args).fetchone()[0]


subprocess.run([veta, "keys", "generate", "--name", "A01", "--out", keys], check=True, capture_output=True)
must("publish", os.path.join(root, "Examples", "valid-working-safely.xml"))
must("org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo")
must("assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "EV-1", "--unit", "RIIWHS201E",
     "--public-key", os.path.join(keys, "A01.public.jwk"))
trainees = [f"T{i}" for i in range(1, 9)]
for i, trainee in enumerate(trainees, start=1):
    must("trainee", "add", "--id", trainee, "--paternal", "García", "--given", "Ana", "--curp", curp(f"GALA900101MZSRPN{i}"),
         "--employer", "MFR110315AB1", "--occupation", "Operadora", "--job-title", "Operadora")

# --- 8 trainees x 3 concurrent enrolments: one each --------------------------------------------------------
commands = [("enrol", t, "EXWSAFE", "--date", "2026-01-05") for t in trainees for _ in range(3)]
groups = collections.defaultdict(list)
for i, code, err in race(commands):
    groups[commands[i][1]].append((code, err))
exactly_one_each("8 trainees x 3 concurrent `veta enrol`: one enrolment each, the others exit 1 'already enrolled'",
                 groups, "is already enrolled in EXWSAFE@")
check("the store holds exactly 8 enrolments, one per trainee",
      count("SELECT COUNT(*) FROM ledger_entry WHERE kind = 'enrolment'") == 8
      and count("SELECT COUNT(DISTINCT trainee_id) FROM ledger_entry WHERE kind = 'enrolment'") == 8)

# --- 8 entries x 2 concurrent corrections: one each --------------------------------------------------------
record = ["record", "--trainee", "T2", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--assessor", "A01",
          "--target", "element:1", "--method", "observation", "--outcome", "not-yet"]
targets = []
for day in range(1, 9):
    must(*record, "--date", f"2026-02-0{day}")
    targets.append(count("SELECT MAX(sequence) FROM ledger_entry"))
commands = [("correct", str(t), "--reason", f"race {n}", "--date", "2026-02-10") for t in targets for n in range(2)]
groups = collections.defaultdict(list)
for i, code, err in race(commands):
    groups[commands[i][1]].append((code, err))
exactly_one_each("8 entries x 2 concurrent `veta correct`: one correction each, the other exits 1 'already corrected by entry N'",
                 groups, "is already corrected by entry ")
with contextlib.closing(sqlite3.connect(store)) as db:
    corrected = [row[0] for row in db.execute("SELECT corrects FROM ledger_entry WHERE kind = 'correction' ORDER BY corrects")]
    winners = dict(db.execute("SELECT corrects, sequence FROM ledger_entry WHERE kind = 'correction'").fetchall())
check("the store holds exactly one correction of each entry", corrected == targets, str(corrected))
named = all(f"already corrected by entry {winners[int(t)]}" in err for t, results in groups.items() for code, err in results if code == 1)
check("each refused correction names the correction that won", named)

# --- 3 concurrent sign-offs of one unit: one ---------------------------------------------------------------
for target, method, date in [("element:1", "observation", "2026-02-01"), ("element:2", "practical", "2026-02-03"),
                             ("knowledge:K1", "written-test", "2026-02-03"), ("knowledge:K2", "oral-test", "2026-02-03")]:
    must("record", "--trainee", "T1", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--assessor", "A01",
         "--target", target, "--method", method, "--outcome", "satisfactory", "--date", date)
signoff = ("signoff", "--trainee", "T1", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--assessor", "A01",
           "--key", key, "--date", "2026-02-05")
results = race([signoff] * 3)
exactly_one_each("3 concurrent `veta signoff` of one unit: one sign-off, the others exit 1 'already signed off'",
                 {"RIIWHS201E": [(code, err) for _, code, err in results]}, "RIIWHS201E is already signed off for T1 on 2026-02-05 by entry")
check("the store holds exactly one sign-off", count("SELECT COUNT(*) FROM ledger_entry WHERE kind = 'signoff'") == 1)

# --- 3 concurrent withdrawals of one enrolment: one --------------------------------------------------------
withdraw = ("withdraw", "T3", "EXWSAFE", "--reason", "left the company", "--date", "2026-03-01")
results = race([withdraw] * 3)
exactly_one_each("3 concurrent `veta withdraw` of one enrolment: one withdrawal, the others exit 1 'not enrolled'",
                 {"T3": [(code, err) for _, code, err in results]}, "trainee T3 is not enrolled in EXWSAFE@")
check("the store holds exactly one withdrawal", count("SELECT COUNT(*) FROM ledger_entry WHERE kind = 'withdrawal'") == 1)

verify = run("ledger", "verify")
check("`veta ledger verify` passes after the races", verify.returncode == 0 and "ledger intact" in verify.stdout, verify.stdout + verify.stderr)


# --- store versions: newer refused untouched; reading commands never create nor upgrade ------------------
def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def copy_store(name, sql):
    path = os.path.join(work, name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    # Closed explicitly, so the copy's write-ahead log is folded into the file before it is hashed.
    with contextlib.closing(sqlite3.connect(store)) as source, contextlib.closing(sqlite3.connect(path)) as target:
        source.backup(target)
        target.execute(sql)
        target.commit()
    return path


reading = [("status", "T1"), ("cohort", "EXWSAFE"), ("due",), ("ledger", "verify"), ("export", "ledger"), ("trainee", "list"), ("trainee", "show", "T1")]
newer = copy_store("newer.sqlite", "INSERT INTO grdb_migrations (identifier) VALUES ('v99 from the future')")
before = digest(newer)
bad = []
for args in reading + [("enrol", "T9", "EXWSAFE"), ("store", "upgrade")]:
    r = run(*args, path=newer)
    if r.returncode != 2 or "has schema version 99, newer than this veta knows (schema version" not in r.stderr or "left unchanged" not in r.stderr:
        bad.append(f"{args[0]}: exit {r.returncode}: {r.stderr.strip()}")
check("a store newer than this veta is refused by reading and writing commands (exit 2) naming both versions", not bad, "; ".join(bad)[:1200])
# (SQLite's read-only look at a WAL-mode file may leave its empty side files, -wal and -shm, beside it.)
check("... and left byte for byte unchanged, with nothing in a write-ahead log",
      digest(newer) == before and (not os.path.exists(newer + "-wal") or os.path.getsize(newer + "-wal") == 0))

older = copy_store("older.sqlite", "DELETE FROM grdb_migrations WHERE identifier LIKE 'v2 %'")
before = digest(older)
bad = []
for args in reading:
    r = run(*args, path=older)
    if r.returncode != 2 or "older than this veta's" not in r.stderr or "veta store upgrade --store" not in r.stderr:
        bad.append(f"{args[0]}: exit {r.returncode}: {r.stderr.strip()}")
check("reading commands refuse a store that needs upgrading (exit 2) and name `veta store upgrade`", not bad, "; ".join(bad)[:1200])
check("... and leave it unchanged (no migration run)", digest(older) == before)

foreign = os.path.join(work, "other-program.sqlite")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(foreign + suffix):
        os.remove(foreign + suffix)
with contextlib.closing(sqlite3.connect(foreign)) as db:
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    db.execute("INSERT INTO notes (body) VALUES ('hola')")
    db.commit()
before = digest(foreign)
bad = []
for args in [("ledger", "verify"), ("status", "T1"), ("org", "add", "--rfc", "MFR110315AB1", "--name", "X"), ("store", "upgrade")]:
    r = run(*args, path=foreign)
    if r.returncode != 2 or "is not a Veta store" not in r.stderr:
        bad.append(f"{args[0]}: exit {r.returncode}: {r.stderr.strip()}")
with contextlib.closing(sqlite3.connect(foreign)) as db:
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
check("another program's SQLite file (WAL mode) is refused by reading and writing commands (exit 2)", not bad, "; ".join(bad)[:1200])
check("... and keeps exactly its own table and bytes", tables == ["notes"] and digest(foreign) == before, str(tables))

missing = os.path.join(work, "mistyped", "veta.sqlite")
bad = [args[0] for args in reading if run(*args, path=missing).returncode != 2]
check("reading commands refuse a missing store (exit 2) and create nothing", not bad and not os.path.exists(os.path.dirname(missing)), str(bad))

os.chmod(store, 0o444)
r = run("ledger", "verify")
os.chmod(store, 0o644)
check("a reading command works on a store file it may only read", r.returncode == 0 and "ledger intact" in r.stdout, r.stdout + r.stderr)
r = run("store", "upgrade")
check("`veta store upgrade` on a current store says it is up to date", r.returncode == 0 and "already up to date" in r.stdout, r.stdout + r.stderr)

finish("race")
