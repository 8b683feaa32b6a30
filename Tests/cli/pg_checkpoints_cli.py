"""End-to-end checks of checkpoints after every write (`VETA_CHECKPOINTS`) and of the streaming import on a PostgreSQL store,
against the throwaway cluster `make test` starts (Tests/pg/with-cluster.sh sets VETA_TEST_POSTGRES):
each writing command leaves one signed checkpoint, a reading command none; `ledger verify
--checkpoint` judges them; a log the owner cut back behind veta's back is refused before anything is
written (the check runs inside the write transaction); a missing folder or key refuses the command
and nothing is written. An evidence import killed while it appends leaves nothing; run again it
stores every row and its mark, and the log verifies against every checkpoint.

Without VETA_TEST_POSTGRES nothing runs (a `skip` line); with it, a server that cannot be reached fails.
Usage: pg_checkpoints_cli.py VETA WORKDIR
"""
import json
import os
import signal
import subprocess
import sys
import time
import uuid

from checks import check, finish
from stores import curp, workplace

base = os.environ.get("VETA_TEST_POSTGRES", "")
if not base:
    print("skip PostgreSQL checkpoint checks: VETA_TEST_POSTGRES is not set (make test starts a cluster and sets it)")
    sys.exit(0)
veta, work, root = workplace(sys.argv)
keys = os.path.join(work, "keys")
ORG = "CMP961028AB1"


def psql(url, statement):
    return subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", url, "-c", statement],
                          capture_output=True, text=True, timeout=60)


name = "veta_ckpt_" + uuid.uuid4().hex
created = psql(base, f"CREATE DATABASE {name}")
if created.returncode != 0:
    print(f"FAIL the test cluster at {base} cannot be reached: {created.stderr.strip()}")
    finish("PostgreSQL checkpoints")
store = base.rsplit("/", 1)[0] + "/" + name
for n in ("A01", "site"):
    subprocess.run([veta, "keys", "generate", "--name", n, "--out", keys], check=True, capture_output=True)
folder = os.path.join(work, "usb")
os.makedirs(folder)
auto = {"VETA_CHECKPOINTS": folder, "VETA_CHECKPOINT_KEY": os.path.join(keys, "site.private.jwk")}


def run(*args, env=None):
    return subprocess.run([veta, *args, "--store", store], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env if env is not None else auto)})


def must(*args):
    result = run(*args)
    if result.returncode != 0:
        print(f"FAIL setup: veta {' '.join(args[:3])}: {result.stdout.strip()} {result.stderr.strip()}")
        finish("PostgreSQL checkpoints")
    return result


def entries():
    result = psql(store, "SELECT COUNT(*) FROM ledger")
    return int(result.stdout.strip()) if result.returncode == 0 else -1


def checkpoints():
    return sorted(n for n in os.listdir(folder) if n.endswith(".checkpoint"))


RECORD = ["record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "unit", "--method", "rpl",
          "--outcome", "satisfactory", "--assessor", "A01", "--hours", "1"]
commands = [
    ["publish", os.path.join(root, "Curricula")],
    ["org", "add", "--rfc", ORG, "--name", "Compañía Minera", "--site", "Unidad Tizapa"],
    ["trainee", "add", "--id", "T100", "--paternal", "Núñez", "--given", "José", "--curp", curp("NUPJ880214HZSXXS0"),
     "--employer", ORG, "--occupation", "Operador", "--job-title", "Operador"],
    ["assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "EV-1", "--unit", "RIIWHS201E",
     "--public-key", os.path.join(keys, "A01.public.jwk")],
    ["enrol", "T100", "VTOPHT", "--date", "2026-10-01"],
    RECORD + ["--date", "2026-11-02"],
]
for command in commands:
    must(*command)
names = checkpoints()
check("on PostgreSQL, each writing command leaves one checkpoint in the folder, named by the log's size",
      len(names) == len(commands) and names[-1].startswith(f"{entries():012d}-"), f"{names} {entries()}")
must("status", "T100")
check("a reading command writes none", len(checkpoints()) == len(commands), str(checkpoints()))
result = run("ledger", "verify", "--format", "json", "--checkpoint", folder, "--key-public", os.path.join(keys, "site.public.jwk"))
document = json.loads(result.stdout) if result.stdout.startswith("{") else {}
check("ledger verify --checkpoint FOLDER on PostgreSQL: every checkpoint extended (exit 0)",
      result.returncode == 0 and [c["kind"] for c in document.get("checkpoints", [])] == ["extended"] * len(commands),
      result.stdout + result.stderr)

# --- the streaming import on PostgreSQL ---------------------------------------------------------------------------------
ROWS = 4000
csv_path = os.path.join(work, "evidence.csv")
with open(csv_path, "w") as f:
    f.write("trainee,curriculum,unit,target,method,outcome,date,hours,note\n")
    for i in range(ROWS):  # the note makes every row distinct
        f.write(f"T100,VTOPHT,RIIWHS201E,unit,observation,not-yet,2026-11-{i % 28 + 1:02d},0.5,row {i}\n")
size, held = entries(), len(checkpoints())
victim = subprocess.Popen([veta, "import", csv_path, "--store", store], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          env={**os.environ, **auto})
deadline, killed = time.time() + 600, False
while time.time() < deadline and victim.poll() is None:
    # The append lock is held while the import's one write transaction appends.
    lock = psql(store, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")
    if lock.returncode == 0 and lock.stdout.strip() not in ("", "0"):
        time.sleep(0.2)
        victim.send_signal(signal.SIGKILL)
        killed = True
        break
    time.sleep(0.01)
victim.wait()
time.sleep(1)  # the server notices the dropped connection and rolls the transaction back
check("the PostgreSQL import was killed while it held the append lock", killed, f"exit {victim.returncode}")
check("after SIGKILL the PostgreSQL store holds exactly the entries it held before, and no checkpoint was added",
      entries() == size and len(checkpoints()) == held, f"{entries()} vs {size}")
result = run("import", csv_path)
check("the same import then succeeds in full on PostgreSQL: every row and the import's mark, one checkpoint more",
      result.returncode == 0 and entries() == size + ROWS + 1 and len(checkpoints()) == held + 1, result.stdout + result.stderr)
result = run("ledger", "verify", "--checkpoint", folder, "--key-public", os.path.join(keys, "site.public.jwk"))
check("the ledger verifies against every checkpoint after the import", result.returncode == 0, result.stdout + result.stderr)
result = run("import", csv_path)
check("importing the same file again is refused (its rows are in the store) and writes nothing",
      result.returncode == 1 and entries() == size + ROWS + 1, result.stdout + result.stderr)

# --- refusals before anything is written ---------------------------------------------------------------------------------
size, held = entries(), len(checkpoints())
result = run(*RECORD, "--date", "2026-11-03", env={**auto, "VETA_CHECKPOINTS": os.path.join(work, "no-usb")})
check("a missing checkpoint folder refuses the write on PostgreSQL (exit 2) and stores nothing",
      result.returncode == 2 and "no-usb" in result.stderr and entries() == size, result.stderr)
result = run(*RECORD, "--date", "2026-11-03", env={"VETA_CHECKPOINTS": folder})
check("VETA_CHECKPOINTS without VETA_CHECKPOINT_KEY refuses the write (exit 1) and stores nothing",
      result.returncode == 1 and "VETA_CHECKPOINT_KEY" in result.stderr and entries() == size, result.stderr)
cut = psql(store, "ALTER TABLE ledger DISABLE TRIGGER ledger_append_only; ALTER TABLE ledger_detail DISABLE TRIGGER ledger_detail_append_only; "
           f"DELETE FROM ledger_detail WHERE sequence = {size}; DELETE FROM ledger WHERE sequence = {size}")
check("(the owner turns the triggers off and removes the last entry)", cut.returncode == 0 and entries() == size - 1, cut.stderr)
result = run(*RECORD, "--date", "2026-11-04")
check("a write on a log that no longer extends the newest checkpoint is refused inside the write (exit 1): nothing stored, "
      "no checkpoint", result.returncode == 1 and "does not extend the newest checkpoint" in result.stderr
      and entries() == size - 1 and len(checkpoints()) == held, result.stdout + result.stderr)
result = run(*RECORD, "--date", "2026-11-04", env={})
check("without VETA_CHECKPOINTS the same write goes through (the refusal was the checkpoint's)", result.returncode == 0,
      result.stdout + result.stderr)

psql(base, f"DROP DATABASE {name} WITH (FORCE)")
finish("PostgreSQL checkpoints")
