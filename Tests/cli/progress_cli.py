"""End-to-end checks of veta's progress commands on a fresh store: the supervisor's day,
refusals and exit codes, two processes recording at once, a bulk import killed with SIGKILL,
and tamper detection. Prints `ok`/`FAIL` lines and the count of each.

Usage: progress_cli.py VETA WORKDIR
"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from checks import check, finish

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
os.makedirs(work, exist_ok=True)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(store, *args, stdin=None):
    return subprocess.run([veta, *args, "--store", store], capture_output=True, text=True, input=stdin, timeout=300)


def fresh(name):
    store = os.path.join(work, name + ".sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(store + suffix):
            os.remove(store + suffix)
    return store


def setup(store, keys):
    steps = [
        ["publish", os.path.join(root, "Curricula"), os.path.join(root, "Examples", "valid-working-safely.xml")],
        ["org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo", "--site", "Mina Saucito"],
        ["trainee", "add", "--id", "T001", "--paternal", "García", "--maternal", "López", "--given", "Ana María",
         "--curp", "GALA900101MZSRPN05", "--employer", "MFR110315AB1", "--occupation", "Operadora de camión", "--job-title", "Operadora"],
        ["assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "CONOCER EV-1234",
         "--unit", "RIIWHS201E", "--unit", "RIIERR302D", "--public-key", os.path.join(keys, "A01.public.jwk")],
        ["enrol", "T001", "EXWSAFE", "--date", "2026-01-05"],
    ]
    for step in steps:
        result = run(store, *step)
        if result.returncode != 0:
            return f"{' '.join(step[:2])}: {result.stderr.strip()}"
    return None


keys = os.path.join(work, "keys")
if not os.path.exists(os.path.join(keys, "A01.public.jwk")):
    subprocess.run([veta, "keys", "generate", "--name", "A01", "--out", keys], check=True, capture_output=True)
check("the private key file is mode 0600", oct(os.stat(os.path.join(keys, "A01.private.jwk")).st_mode & 0o777) == "0o600")
generated = subprocess.run([veta, "keys", "generate", "--name", "A01", "--out", keys], capture_output=True, text=True)
check("keys generate never overwrites a key", generated.returncode == 1 and "never overwritten" in generated.stderr)

# --- the supervisor's day ------------------------------------------------------------------------
store = fresh("day")
problem = setup(store, keys)
check("publish, org add, trainee add, assessor add, enrol", problem is None, problem or "")
record = ["record", "--trainee", "T001", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--assessor", "A01"]
for target, method, date in [("element:1", "observation", "2026-02-01"), ("element:2", "practical", "2026-02-03"),
                             ("knowledge:K1", "written-test", "2026-02-03"), ("knowledge:K2", "oral-test", "2026-02-03")]:
    result = run(store, *record, "--target", target, "--method", method, "--outcome", "satisfactory", "--date", date, "--hours", "2")
    check(f"record {target}", result.returncode == 0, result.stderr)
signoff = ["signoff", "--trainee", "T001", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--assessor", "A01",
           "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-02-05"]
wrong_key = [a if a != os.path.join(keys, "A01.private.jwk") else os.path.join(keys, "A01.public.jwk") for a in signoff]
result = run(store, *wrong_key)
check("a public key given to --key is named as such (exit 1), not sent to chmod",
      result.returncode == 1 and "holds a public key" in result.stderr and "chmod" not in result.stderr, result.stderr)
result = run(store, *signoff)
check("signoff of a complete unit", result.returncode == 0, result.stderr)
status = run(store, "status", "T001", "--as-of", "2026-03-01")
check("status shows the unit signed off and what is missing next",
      status.returncode == 0 and "signed-off" in status.stdout and "still needed" in status.stdout, status.stdout + status.stderr)
status_json = json.loads(run(store, "status", "T001", "--as-of", "2026-03-01", "--format", "json").stdout)
check("status --format json is one document", status_json[0]["units"][0]["state"] == "signed-off")
cohort = run(store, "cohort", "EXWSAFE", "--format", "csv", "--as-of", "2026-03-01")
check("cohort --format csv has a header and one row", cohort.returncode == 0 and len(cohort.stdout.strip().splitlines()) == 2, cohort.stdout)
due = run(store, "due", "--within", "400d", "--as-of", "2026-03-01", "--format", "json")
check("due --within lists nothing for a curriculum without expiry", due.returncode == 0 and json.loads(due.stdout) == [], due.stdout)
check("ledger verify on an untouched store exits 0", run(store, "ledger", "verify").returncode == 0)

# --- refusals and exit codes ----------------------------------------------------------------------
r = run(store, *record, "--target", "criterion:9.9", "--method", "observation", "--outcome", "satisfactory")
check("evidence for a criterion the unit lacks exits 1 with the reason", r.returncode == 1 and "no performance criterion 9.9" in r.stderr, r.stderr)
r = run(store, "record", "--trainee", "T001", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--assessor", "A01",
        "--target", "unit", "--method", "observation", "--outcome", "satisfactory", "--date", "2025-01-01")
check("evidence dated before the enrolment is refused", r.returncode == 1 and "not enrolled" in r.stderr, r.stderr)
r = run(store, "trainee", "add", "--id", "T002", "--paternal", "X", "--given", "Y", "--curp", "GALA900101MZSRPN04",
        "--employer", "MFR110315AB1", "--occupation", "o", "--job-title", "j")
check("a CURP with a wrong check digit exits 1", r.returncode == 1 and "check digit" in r.stderr, r.stderr)
check("an unknown subcommand option exits 64", run(store, "status", "--nope").returncode == 64)
check("a store that cannot be created exits 2", subprocess.run([veta, "status", "T001", "--store", "/proc/veta/x.sqlite"], capture_output=True).returncode == 2)
# The second progress entry (the registrations before it are entries of the log too).
with sqlite3.connect(store) as db:
    second = db.execute("SELECT sequence FROM ledger_entry WHERE registry IS NULL ORDER BY sequence LIMIT 1 OFFSET 1").fetchone()[0]
r = run(store, "correct", str(second), "--reason", "recorded against the wrong element", "--date", "2026-02-06")
check("correct voids an entry", r.returncode == 0, r.stderr)
after = json.loads(run(store, "status", "T001", "--as-of", "2026-03-01", "--format", "json").stdout)
check("the corrected evidence no longer counts", after[0]["units"][0]["criteriaCovered"] < status_json[0]["units"][0]["criteriaCovered"])

# --- two processes recording at the same time lose no entry ---------------------------------------
before = sqlite3.connect(store).execute("SELECT COUNT(*) FROM ledger_entry").fetchone()[0]
script = f"""for i in $(seq 1 40); do out=$("{veta}" record --store "{store}" --trainee T001 --curriculum EXWSAFE --unit RIIWHS201E \
  --assessor A01 --target criterion:1.1 --method observation --outcome not-yet --date 2026-02-10 --note "$1-$i" 2>&1 >/dev/null) || echo "FAILED $1-$i: $out"; done"""
procs = [subprocess.Popen(["bash", "-c", script, "bash", name], stdout=subprocess.PIPE, text=True) for name in ("p1", "p2")]
outputs = [p.communicate(timeout=600)[0] for p in procs]
after_count = sqlite3.connect(store).execute("SELECT COUNT(*) FROM ledger_entry").fetchone()[0]
notes = {row[0] for row in sqlite3.connect(store).execute("SELECT note FROM ledger_entry WHERE note LIKE 'p_-%'")}
check("two processes recording 40 entries each lose none", after_count == before + 80 and len(notes) == 80 and "FAILED" not in "".join(outputs),
      f"{after_count - before} entries, {len(notes)} distinct notes; " + "".join(outputs)[:600])
check("the ledger verifies after concurrent recording", run(store, "ledger", "verify").returncode == 0)

# --- a bulk import killed with SIGKILL part-way leaves the store as it was -------------------------
rows = 200_000
csv_path = os.path.join(work, "big.csv")
with open(csv_path, "w") as f:
    f.write("trainee,curriculum,unit,target,method,outcome,date,hours,note\n")
    for i in range(rows):  # the note makes every row distinct: a row repeating an earlier one is refused
        f.write(f"T001,EXWSAFE,RIIWHS201E,criterion:1.{i % 3 + 1},observation,not-yet,2026-03-{i % 28 + 1:02d},0.5,row {i}\n")
counts = lambda: sqlite3.connect(store).execute("SELECT COUNT(*), MAX(sequence) FROM ledger_entry").fetchone()
state_before = counts()
# An empty WAL, so the import's writes grow it: the compact rows of this import fit in the store's
# page cache, so they may reach the WAL only at the commit, where an earlier, larger WAL file would be reused.
with sqlite3.connect(store) as db:
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
victim = subprocess.Popen([veta, "import", csv_path, "--store", store], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wal = store + "-wal"
start_size = os.path.getsize(wal) if os.path.exists(wal) else 0
# The compact rows of this import fit in the page cache: they reach the WAL only at the commit, after
# every row was checked, which takes a debug build on a busy machine longer than two minutes.
deadline = time.time() + 900
killed_while_writing = False
while time.time() < deadline and victim.poll() is None:
    if os.path.exists(wal) and os.path.getsize(wal) > start_size + 2_000_000:
        victim.send_signal(signal.SIGKILL)
        killed_while_writing = True
        break
    time.sleep(0.005)
victim.wait()
check("the import was killed while it was writing", killed_while_writing, f"exit {victim.returncode}")
check("after SIGKILL the store holds exactly the entries it held before", counts() == state_before, f"{counts()} vs {state_before}")
check("after SIGKILL the ledger verifies", run(store, "ledger", "verify").returncode == 0)
r = run(store, "import", csv_path)
# The rows and the `import` entry that marks them.
check("the same import then succeeds in full", r.returncode == 0 and counts()[0] == state_before[0] + rows + 1, r.stdout + r.stderr)

# --- a row changed directly in SQLite is detected ----------------------------------------------------
db = sqlite3.connect(store)
db.execute("DROP TRIGGER ledger_append_only_update")
db.execute("UPDATE ledger SET outcome = 1 WHERE sequence = 7")  # 1: satisfactory, in the compact table
db.commit()
db.close()
r = run(store, "ledger", "verify")
check("ledger verify names the first changed entry and exits 1", r.returncode == 1 and "first bad entry is 7" in r.stdout, r.stdout)

# --- only commands that write create a store; nothing else is ever opened as one (F03) ---------------------
import hashlib


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


reading = [["status", "T001"], ["cohort", "EXWSAFE"], ["due"], ["export", "--format", "json"], ["export", "--format", "csv"],
           ["ledger", "verify"], ["audit", "records"], ["audit", "catalogue", "--published"], ["trainee", "list"],
           ["trainee", "show", "T001"], ["dc4", "--employer", "MFR110315AB1", "--year", "2026"]]
for args in reading:
    missing = os.path.join(work, "typo", "sub", "veta-typo.sqlite")
    result = run(missing, *args)
    check(f"{' '.join(args[:2])} on a missing store: exit 2 'no store at', nothing created",
          result.returncode == 2 and "no store at" in result.stderr and not os.path.exists(os.path.join(work, "typo")),
          f"exit {result.returncode}: {result.stderr[:300]}")
    missing_here = os.path.join(work, "veta-typo.sqlite")
    result = run(missing_here, *args)
    check(f"{' '.join(args[:2])} on a mistyped store name: exit 2, no file created",
          result.returncode == 2 and not os.path.exists(missing_here), f"exit {result.returncode}: {result.stderr[:300]}")
foreign = os.path.join(work, "foreign.sqlite")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(foreign + suffix):
        os.remove(foreign + suffix)
with sqlite3.connect(foreign) as db:
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    db.execute("INSERT INTO notes (body) VALUES ('hola')")
db.close()
text_file = os.path.join(work, "notes.txt")
with open(text_file, "w") as f:
    f.write("not a database\n")
for path, what in [(foreign, "another program's SQLite file"), (text_file, "a text file")]:
    before = sha256(path)
    for args in reading[:6] + [["publish", os.path.join(root, "Curricula")],
                               ["org", "add", "--rfc", "MFR110315AB1", "--name", "Minera"]]:
        result = run(path, *args)
        check(f"{' '.join(args[:2])} on {what}: refused (exit 2) as not a Veta store",
              result.returncode == 2 and "not a Veta store" in result.stderr, f"exit {result.returncode}: {result.stderr[:300]}")
    check(f"{what} is byte for byte unchanged after every command", sha256(path) == before)
    check(f"{what} got no -wal file", not os.path.exists(path + "-wal"))

# A store path SQLite would read as something else (a file: URI opens whatever file it names, past
# every check made on the path; :memory: keeps nothing) is refused, by --store (usage, 64) and by
# VETA_STORE (2), and the file the URI names is left as it was.
before = sha256(foreign)
for store_path in [f"file:{os.path.abspath(foreign)}", f"FILE:{os.path.abspath(foreign)}", ":memory:"]:
    result = run(store_path, "org", "add", "--rfc", "MFR110315AB1", "--name", "Minera")
    check(f"--store {store_path[:12]}…: a usage error (exit 64)", result.returncode == 64, f"exit {result.returncode}: {result.stderr[:300]}")
    env = dict(os.environ, VETA_STORE=store_path)
    result = subprocess.run([veta, "org", "add", "--rfc", "MFR110315AB1", "--name", "Minera"], capture_output=True, text=True, env=env,
                            cwd=work, timeout=60)
    check(f"VETA_STORE={store_path[:12]}…: refused (exit 2) as not a file path", result.returncode == 2 and "not a store file path" in result.stderr,
          f"exit {result.returncode}: {result.stderr[:300]}")
check("the database a file: URI names is byte for byte unchanged", sha256(foreign) == before)
check("no folder named after the URI was created", not os.path.exists(os.path.join(work, "file:")))

# --- a trainee is enrolled once at a time, whatever the dates (F06) ---------------------------------------
store = fresh("twice")
problem = setup(store, keys)
check("setup for double enrolment", problem is None, problem or "")
for date in ["2026-01-01", "2025-06-30", "2026-01-05", "2026-03-01"]:
    result = run(store, "enrol", "T001", "EXWSAFE", "--date", date)
    check(f"a second enrolment dated {date} is refused (exit 1, already enrolled)",
          result.returncode == 1 and "already enrolled" in result.stderr, f"exit {result.returncode}: {result.stderr[:300]}")
csv_path = os.path.join(work, "enrol-earlier.csv")
with open(csv_path, "w") as f:
    f.write("trainee,curriculum,date\nT001,EXWSAFE,2026-01-02\n")
result = run(store, "import", csv_path)
check("import of an earlier enrolment of an enrolled trainee is refused", result.returncode == 1, result.stdout + result.stderr)
exported = run(store, "export", "--format", "json")
enrolments = [e for e in json.loads(exported.stdout) if e.get("kind") == "enrolment"] if exported.returncode == 0 else None
check("the ledger holds one enrolment", enrolments is not None and len(enrolments) == 1, exported.stdout[:300])
result = run(store, "withdraw", "T001", "EXWSAFE", "--date", "2026-02-01", "--reason", "left")
again = run(store, "enrol", "T001", "EXWSAFE", "--date", "2026-01-20")
check("after a withdrawal the trainee may enrol again", result.returncode == 0 and again.returncode == 0,
      result.stderr + again.stderr)

# --- a curriculum's huge numbers never crash status, cohort or due (F07) -----------------------------------
store = fresh("huge")
problem = setup(store, keys)
huge = os.path.join(work, "occasions-huge.xml")
with open(os.path.join(root, "Examples", "valid-working-safely.xml"), encoding="utf-8") as f:
    xml = f.read()
import re

xml = re.sub(r'occasions="\d+"', 'occasions="9223372036854775807"', xml)
xml = re.sub(r'code="EXWSAFE"', 'code="EXHUGE"', xml, count=1)
with open(huge, "w", encoding="utf-8") as f:
    f.write(xml)
steps = [["publish", huge], ["enrol", "T001", "EXHUGE", "--date", "2026-01-05"],
         ["record", "--trainee", "T001", "--curriculum", "EXHUGE", "--unit", "RIIWHS201E", "--target", "unit",
          "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-01-20"]]
for step in steps:
    result = run(store, *step)
    check(f"occasions = Int.max: {step[0]} succeeds", result.returncode == 0, result.stderr[:300])
for args in [["status", "T001", "--as-of", "2026-02-01"], ["status", "T001", "--format", "json", "--as-of", "2026-02-01"],
             ["cohort", "EXHUGE", "--as-of", "2026-02-01"], ["due", "--as-of", "2026-02-01"]]:
    result = run(store, *args)
    check(f"occasions = Int.max: {' '.join(args[:3])} exits 0 (no arithmetic trap)", result.returncode == 0,
          f"exit {result.returncode}: {result.stderr[:300]}")

finish("progress")
