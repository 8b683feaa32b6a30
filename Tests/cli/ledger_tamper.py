"""End-to-end tamper checks of the ledger on a real store made with the CLI: with signed checkpoints,
deleting the newest 1, 2 and 10 entries, putting back an older copy of the file and rewriting entries
after the last sign-off (hashes recomputed here in Python from the documented canonical encoding);
without a checkpoint, re-encoding a stored value without changing it. Each is named by
`veta ledger verify`, and `veta status` / `veta issue` refuse to act where the damage is in what
they read. Also: forged checkpoints, checkpoints after every write (VETA_CHECKPOINTS), a NUL in a
CSV note. Prints `ok`/`FAIL` lines and the count of each.

Usage: ledger_tamper.py VETA WORKDIR
"""
import base64
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys

from checks import check, finish
from stores import backup

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
keys = os.path.join(work, "keys")
ISSUER = "https://capacitacion.example.mx"
base = os.path.join(work, "base.sqlite")


def run(store, *args, env=None):
    return subprocess.run([veta, *args, "--store", store], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def must(store, *args, env=None):
    result = run(store, *args, env=env)
    if result.returncode != 0:
        raise SystemExit(f"setup failed: veta {' '.join(args)}: {result.stderr}")
    return result


def copy(source, name):
    """A consistent copy of a store (SQLite's backup API, so nothing in the WAL is lost)."""
    target = os.path.join(work, name + ".sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(target + suffix):
            os.remove(target + suffix)
    return backup(source, target)


def tamper(store, *statements):
    """What an attacker with the file does: drop the append-only triggers, then change rows (of the
    compact table `ledger`, or of `ledger_name`, which its ids point into)."""
    db = sqlite3.connect(store)
    for trigger in ("ledger_append_only_update", "ledger_append_only_delete", "ledger_name_append_only_update"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in statements:
        db.execute(*statement) if isinstance(statement, tuple) else db.executescript(statement)
    db.commit()
    db.close()


def verify(store, *checkpoints, keys_given=None):
    args = ["ledger", "verify", "--format", "json"]
    for path in checkpoints:
        args += ["--checkpoint", path]
    for key in (keys_given if keys_given is not None else ([verifier_key] if checkpoints else [])):
        args += ["--key-public", key]
    result = run(store, *args)
    try:
        document = json.loads(result.stdout)
    except ValueError:
        document = {}
    return result.returncode, document, result


def kinds(document):
    return [finding["kind"] for finding in document.get("checkpoints", [])]


# --- the documented canonical encoding, written again here -----------------------------------------
COLUMNS = {"assessor": "assessor_id", "attachmentSHA256": "attachment_sha256", "corrects": "corrects", "date": "date",
           "derivedFrom": "derived_from", "kind": "kind", "method": "method", "minutes": "minutes", "note": "note",
           "outcome": "outcome", "previousHash": "previous_hash", "recordedAt": "recorded_at", "sequence": "sequence",
           "site": "site", "target": "target", "trainee": "trainee_id", "unit": "unit_code"}


def canonical(row):
    value = {key: row[column] for key, column in COLUMNS.items() if row[column] is not None}
    value["curriculum"] = f"{row['curriculum_code']}@{row['curriculum_version']}"
    value["v"] = 1
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


OUTCOMES = {"satisfactory": 1, "not-yet": 2}  # the compact table's outcome codes


def rewrite(store, sequence, changes, rechain=True):
    """Changes entry `sequence` (its outcome) and recomputes its hash and (with rechain) every later
    hash. Rows are read from the view `ledger_entry` and written to the compact table `ledger`,
    whose hashes are 32-byte BLOBs and whose previous hash is the hash of the entry before."""
    db = sqlite3.connect(store)
    db.row_factory = sqlite3.Row
    db.execute("DROP TRIGGER IF EXISTS ledger_append_only_update")
    rows = [dict(r) for r in db.execute("SELECT * FROM ledger_entry WHERE sequence >= ? ORDER BY sequence", (sequence,))]
    previous = None
    for index, row in enumerate(rows):
        if index == 0:
            row.update(changes)
        elif not rechain:
            break
        else:
            row["previous_hash"] = previous
        row["hash"] = hashlib.sha256(canonical(row)).hexdigest()
        previous = row["hash"]
        db.execute("UPDATE ledger SET outcome = ?, hash = ? WHERE sequence = ?",
                   [OUTCOMES[row["outcome"]], bytes.fromhex(row["hash"]), row["sequence"]])
    db.commit()
    db.close()


def entries(store):
    with sqlite3.connect(store) as db:
        return db.execute("SELECT COUNT(*) FROM ledger_entry").fetchone()[0]


# --- a store made with the CLI ---------------------------------------------------------------------
for name in ("A01", "issuer", "site", "other"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
must(base, "publish", os.path.join(root, "Curricula"))
must(base, "org", "add", "--rfc", "CMP961028AB1", "--name", "Minera Peñoles", "--site", "Unidad Tizapa")
for trainee, curp in (("T100", "NUPJ880214HZSXXS09"), ("T101", "RUXA910303MZSZXN09")):
    must(base, "trainee", "add", "--id", trainee, "--paternal", "Núñez", "--given", "José", "--curp", curp,
         "--employer", "CMP961028AB1", "--occupation", "Operador", "--job-title", "Operador")
must(base, "assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "CONOCER EV-1234", "--unit", "RIIWHS201E",
     "--public-key", os.path.join(keys, "A01.public.jwk"))
must(base, "issuer", "add", "--url", ISSUER, "--name", "Capacitación Minera del Norte, S.C.", "--rfc", "CMN150101AB1",
     "--stps", "CAP-123456-ABC-0013", "--public-key", os.path.join(keys, "issuer.public.jwk"))
# The registrations above are entries of the log too: the progress entries below start after them.
with sqlite3.connect(base) as _db:
    R = _db.execute("SELECT COUNT(*) FROM ledger_entry").fetchone()[0]
for trainee in ("T100", "T101"):
    must(base, "enrol", trainee, "VTOPHT", "--date", "2026-10-01")
must(base, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "unit", "--method", "rpl",
     "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-10", "--hours", "2", "--note", "prior learning")
must(base, "signoff", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--assessor", "A01",
     "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-12")
site_key = os.path.join(keys, "site.private.jwk")
early = os.path.join(work, "early.checkpoint")
result = run(base, "ledger", "checkpoint", "--key", site_key, "--out", early, "--format", "json")
check("ledger checkpoint writes a signed checkpoint (exit 0, JSON)", result.returncode == 0, result.stdout + result.stderr)
verifier_key = json.loads(result.stdout)["verifierKey"] if result.returncode == 0 else ""
older = copy(base, "older")  # the file as it was at the early checkpoint
for day in range(1, 13):
    must(base, "record", "--trainee", "T101", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", f"2026-11-{day:02d}", "--hours", "1")
latest = os.path.join(work, "latest.checkpoint")
result = run(base, "ledger", "checkpoint", "--key", site_key, "--out", latest)
check("a second checkpoint; the text output gives the verifier key", result.returncode == 0 and verifier_key in result.stdout,
      result.stdout + result.stderr)
size = entries(base)

# The format: C2SP tlog-checkpoint body in a C2SP signed note.
text = open(latest, encoding="utf-8").read()
body, signatures = text.split("\n\n")
lines = body.split("\n")
with sqlite3.connect(base) as db:
    first_hash, head = (db.execute("SELECT hash FROM ledger_entry WHERE sequence = ?", (n,)).fetchone()[0] for n in (1, size))
check("the checkpoint is origin, size, base64 head, time, then a signature line",
      lines[0] == "veta-ledger/" + first_hash and lines[1] == str(size) and base64.b64decode(lines[2]).hex() == head
      and lines[3].startswith("time ") and signatures.startswith("— site "), text)
name, key_id, key_b64 = verifier_key.split("+", 2)
raw_key = base64.b64decode(key_b64)
signature = base64.b64decode(signatures.split(" ")[2])
check("the key id is sha256(name || 0x0A || 0x01 || key)[:4], on the verifier key and the signature line",
      hashlib.sha256(name.encode() + b"\n" + raw_key).digest()[:4].hex() == key_id and signature[:4].hex() == key_id and raw_key[0] == 1)
open(os.path.join(work, "body.txt"), "wb").write((body + "\n").encode())
open(os.path.join(work, "sig.bin"), "wb").write(signature[4:])
spki = b"-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(bytes.fromhex("302a300506032b6570032100") + raw_key[1:]) + b"\n-----END PUBLIC KEY-----\n"
open(os.path.join(work, "site.pem"), "wb").write(spki)
openssl = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "site.pem", "-rawin", "-in", "body.txt",
                          "-sigfile", "sig.bin"], capture_output=True, text=True, cwd=work)
check("openssl verifies the Ed25519 signature over the note text", openssl.returncode == 0, openssl.stdout + openssl.stderr)

code, document, result = verify(base, early, latest)
check("an intact store extends both checkpoints (exit 0)", code == 0 and kinds(document) == ["extended", "extended"], result.stdout)
public_jwk = os.path.join(keys, "site.public.jwk")
code, document, result = verify(base, latest, keys_given=[public_jwk])
check("the signing key may be given as a public JWK too", code == 0 and kinds(document) == ["extended"], result.stdout + result.stderr)
result = run(base, "ledger", "verify", "--checkpoint", latest)
check("--checkpoint without --key-public is a usage error (64)", result.returncode == 64, result.stderr)

# --- deleting the newest entries ---------------------------------------------------------------------
for count in (1, 2, 10):
    store = copy(base, f"cut{count}")
    tamper(store, ("DELETE FROM ledger WHERE sequence > ?", (size - count,)))
    plain, _, _ = verify(store)
    code, document, result = verify(store, latest)
    check(f"deleting the last {count} entries passes a plain verify but not the checkpoint: truncated (exit 1)",
          plain == 0 and code == 1 and kinds(document) == ["truncated"]
          and f"entries {size - count + 1}–{size} were removed" in document["checkpoints"][0]["message"], result.stdout)
text_result = run(os.path.join(work, "cut1.sqlite"), "ledger", "verify", "--checkpoint", latest, "--key-public", verifier_key)
check("the text report names the truncation", text_result.returncode == 1 and "NOT intact" in text_result.stdout
      and "truncated" in text_result.stdout, text_result.stdout)

# --- an older copy of the file put back ------------------------------------------------------------
restored = copy(older, "restored")
code, document, result = verify(restored, early, latest)
check("an older copy put back is named rolled back to the early checkpoint (exit 1)",
      code == 1 and kinds(document) == ["extended", "rolled-back"], result.stdout)
code, document, result = verify(restored, latest)
check("with only the newest checkpoint it is named truncated (exit 1)", code == 1 and kinds(document) == ["truncated"], result.stdout)
must(restored, "record", "--trainee", "T101", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "unit", "--method", "rpl",
     "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-20", "--hours", "1")
for _ in range(size):
    if entries(restored) >= size:
        break
    must(restored, "record", "--trainee", "T101", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "unit", "--method",
         "rpl", "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-21", "--hours", "1")
code, document, result = verify(restored, latest)
check("an older copy written to until it is as long again is named rewritten (exit 1)", code == 1 and kinds(document) == ["rewritten"],
      result.stdout)

# --- rewriting entries after the last sign-off, hashes recomputed ------------------------------------
store = copy(base, "rewritten")
rewrite(store, size - 3, {"outcome": "not-yet"})
plain, _, _ = verify(store)
code, document, result = verify(store, early, latest)
check("a rewrite after the last sign-off with every hash recomputed passes a plain verify but not the newest checkpoint",
      plain == 0 and code == 1 and kinds(document) == ["extended", "rewritten"]
      and f"entries {R + 5}–{size} were rewritten" in document["checkpoints"][1]["message"], result.stdout)
store = copy(base, "rewritten-one")
rewrite(store, size - 3, {"outcome": "not-yet"}, rechain=False)
code, document, result = verify(store)
# The compact ledger keeps no previous-hash column: the next entry, whose hash covers the old hash, no longer matches.
check("a rewrite whose later hashes were not recomputed is named by verify", code == 1
      and any(p["sequence"] == size - 2 and "does not match its hash" in p["reason"] for p in document.get("problems", [])), result.stdout)
result = run(store, "status", "T101")
check("status refuses to act on it (exit 1, pointing at ledger verify)", result.returncode == 1 and "veta ledger verify" in result.stderr,
      result.stderr)
result = run(store, "status", "T100")
check("status of a trainee whose entries are intact still works", result.returncode == 0, result.stderr)

# --- re-encoding a value without changing it (no checkpoint needed) ----------------------------------
issue = ["issue", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--format", "ob3", "--issuer", ISSUER,
         "--key", os.path.join(keys, "issuer.private.jwk"), "--out", os.path.join(work, "records"), "--as-of", "2026-11-30"]


def renamed(column, role, value, sequence):
    """Points entry `sequence`'s `column` at a new ledger_name row (of `role`) holding `value`, an SQL
    expression of the old row's value (the old row names other entries too)."""
    return (f"INSERT INTO ledger_name (role, value) SELECT {role}, {value} FROM ledger_name WHERE id = "
            f"(SELECT {column} FROM ledger WHERE sequence = {sequence}); "
            f"UPDATE ledger SET {column} = last_insert_rowid() WHERE sequence = {sequence}")


cases = [
    ("a note stored as a BLOB", f"UPDATE ledger SET note = CAST(note AS BLOB) WHERE sequence = {R + 3}", R + 3, "note is stored as BLOB"),
    ("a version stored as a BLOB", renamed("curriculum_version", 3, "CAST(value AS BLOB)", R + 4), R + 4,
     "curriculum_version is stored as BLOB"),
    ("minutes stored as a BLOB", f"UPDATE ledger SET minutes = CAST(CAST(minutes AS TEXT) AS BLOB) WHERE sequence = {R + 3}", R + 3,
     "minutes is stored as BLOB"),
    ("a version written 01.0.0", renamed("curriculum_version", 3, "'0' || value", R + 4), R + 4,
     "curriculum_version"),
    ("a date written 2026-11-010", renamed("date", 9, "'2026-11-010'", R + 3), R + 3, "date"),
    ("a hash one byte shorter", f"UPDATE ledger SET hash = substr(hash, 1, 31) WHERE sequence = {R + 3}", R + 3, "hash is 31 bytes long, not 32"),
    ("a hash stored as its hex text", f"UPDATE ledger SET hash = lower(hex(hash)) WHERE sequence = {R + 3}", R + 3,
     "hash is 64 bytes long, not 32"),
    ("an unknown outcome code", f"UPDATE ledger SET outcome = 9 WHERE sequence = {R + 3}", R + 3, "outcome holds 9"),
    ("a unit id with no name", f"UPDATE ledger SET unit = 999999 WHERE sequence = {R + 3}", R + 3, "unit holds id 999999"),
]
for index, (label, statement, sequence, reason) in enumerate(cases):
    store = copy(base, f"encoded{index}")
    tamper(store, statement)
    code, document, result = verify(store)
    problems = document.get("problems", [])
    check(f"{label}: ledger verify names entry {sequence} (exit 1)",
          code == 1 and problems and problems[0]["sequence"] == sequence and reason in problems[0]["reason"], result.stdout)
    result = run(store, "status", "T100")
    check(f"{label}: status refuses (exit 1, pointing at ledger verify)",
          result.returncode == 1 and "veta ledger verify" in result.stderr and not result.stdout, result.stdout + result.stderr)
    if index < 2:
        result = run(store, *issue)
        out = os.path.join(work, "records")
        check(f"{label}: issue refuses (exit 1, pointing at ledger verify) and writes nothing",
              result.returncode == 1 and "veta ledger verify" in result.stderr and not (os.path.exists(out) and os.listdir(out)),
              result.stdout + result.stderr)
result = run(copy(base, "issue-ok"), *issue)
check("on the untouched store issue succeeds", result.returncode == 0, result.stderr)

# --- forged and foreign checkpoints ------------------------------------------------------------------
forged = os.path.join(work, "forged.checkpoint")
lines = text.split("\n")
lines[1] = str(size - 5)
open(forged, "w", encoding="utf-8").write("\n".join(lines))
other = os.path.join(work, "other.checkpoint")
must(base, "ledger", "checkpoint", "--key", os.path.join(keys, "other.private.jwk"), "--out", other)
garbage = os.path.join(work, "garbage.checkpoint")
open(garbage, "w").write("not a checkpoint\n")
code, document, result = verify(base, forged, other, garbage, latest)
check("a forged size, another key's signature and a non-checkpoint are each named (exit 1)",
      code == 1 and kinds(document) == ["bad-signature", "bad-signature", "unreadable", "extended"], result.stdout)
result = run(base, "ledger", "checkpoint", "--key", site_key, "--out", latest)
check("a checkpoint file is never overwritten (exit 1)", result.returncode == 1 and "never overwritten" in result.stderr, result.stderr)
store = copy(base, "damaged")
tamper(store, f"UPDATE ledger SET note = 'changed' WHERE sequence = {R + 3}")
result = run(store, "ledger", "checkpoint", "--key", site_key, "--out", os.path.join(work, "damaged.checkpoint"))
check("a ledger that does not verify is not checkpointed (exit 1)",
      result.returncode == 1 and not os.path.exists(os.path.join(work, "damaged.checkpoint")), result.stderr)

# --- a checkpoint after every write ------------------------------------------------------------------
store = copy(base, "auto")
folder = os.path.join(work, "usb")
os.makedirs(folder)
auto = {"VETA_CHECKPOINTS": folder, "VETA_CHECKPOINT_KEY": site_key}
record = ["record", "--trainee", "T101", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "unit", "--method", "rpl",
          "--outcome", "satisfactory", "--assessor", "A01", "--hours", "1"]
for day in ("2026-11-25", "2026-11-26"):
    must(store, *record, "--date", day, env=auto)
names = sorted(os.listdir(folder))
check("each writing command leaves one checkpoint in the folder, named by size",
      len(names) == 2 and names[0].startswith(f"{size + 1:012d}-") and names[1].startswith(f"{size + 2:012d}-"), str(names))
must(store, "status", "T101", env=auto)
check("a reading command writes none", len(os.listdir(folder)) == 2)
code, document, result = verify(store, folder)
check("verify --checkpoint FOLDER checks every checkpoint in it (exit 0)", code == 0 and kinds(document) == ["extended"] * 2, result.stdout)
tamper(store, ("DELETE FROM ledger WHERE sequence = ?", (size + 2,)))
code, document, result = verify(store, folder)
check("after deleting the newest entry the folder names it (exit 1)", code == 1 and kinds(document) == ["extended", "rolled-back"],
      result.stdout)
result = run(store, *record, "--date", "2026-11-27", env={**auto, "VETA_CHECKPOINTS": os.path.join(work, "no-usb")})
check("a missing checkpoint folder refuses the write (exit 2) and stores nothing",
      result.returncode == 2 and "no-usb" in result.stderr and entries(store) == size + 1, result.stderr)
result = run(store, *record, "--date", "2026-11-27", env=auto)
check("a write on a log that no longer extends the newest checkpoint is refused before it writes (exit 1): nothing stored, "
      "no checkpoint", result.returncode == 1 and "does not extend the newest checkpoint" in result.stderr
      and entries(store) == size + 1 and len(os.listdir(folder)) == 2, result.stderr + str(os.listdir(folder)))
# An older copy put back: `veta issue` must not sign a credential under a serial the newer copy already handed out.
store = copy(base, "auto-issue")
folder = os.path.join(work, "usb-issue")
os.makedirs(folder)
auto = {"VETA_CHECKPOINTS": folder, "VETA_CHECKPOINT_KEY": site_key}
older = copy(store, "auto-issue-older")
must(store, *record, "--date", "2026-11-25", env=auto)
source, target = sqlite3.connect(older), sqlite3.connect(store)  # the older copy put back over the store
source.backup(target)
source.close()
target.close()
result = run(store, *record, "--date", "2026-11-26", env=auto)
check("after an older copy of the store is put back, the next write is refused before anything is made (exit 1)",
      result.returncode == 1 and "ends at entry" in result.stderr and entries(store) == size, result.stderr)

# --- an entry moved to another trainee (its stored hash kept) -------------------------------------------
store = copy(base, "moved")
moved = sqlite3.connect(base).execute(
    "SELECT MIN(sequence) FROM ledger_entry WHERE trainee_id = 'T100' AND kind = 'evidence'").fetchone()[0]
tamper(store, ("UPDATE ledger SET trainee = (SELECT id FROM ledger_name WHERE role = 1 AND value = 'T101') WHERE sequence = ?", (moved,)))
for trainee in ("T100", "T101"):
    result = run(store, "status", trainee)
    check(f"an entry moved from T100 to T101 makes status {trainee} refuse (exit 1): its neighbours are recomputed, not trusted",
          result.returncode == 1 and f"entry {moved}" in result.stderr, result.stdout + result.stderr)

# --- a registry column stored as a BLOB (not UTF-8): named, never a crash -----------------------------
store = copy(base, "blob-name")
db = sqlite3.connect(store)
db.execute("UPDATE trainee SET paternal_surname = X'FF00' WHERE id = 'T100'")
db.commit()
db.close()
for command in (["trainee", "show", "T100"], ["status", "T100"], ["trainee", "list"], ["ledger", "verify"]):
    result = run(store, *command)
    check(f"a trainee name stored as a BLOB: veta {' '.join(command)} exits 0 or 1, never a crash",
          result.returncode in (0, 1) and "Fatal error" not in result.stderr, f"{result.returncode} {result.stderr[-300:]}")
result = run(store, "ledger", "verify")
check("and ledger verify names the table and key (exit 1)", result.returncode == 1 and "table trainee, key T100" in result.stdout,
      result.stdout)

# --- the published curriculum's bytes changed in place (its sha256 left as it was) ---------------------
store = copy(base, "curriculum-bytes")
db = sqlite3.connect(store)
db.execute("DROP TRIGGER IF EXISTS curriculum_immutable_update")
xml = db.execute("SELECT xml FROM curriculum WHERE code = 'VTOPHT'").fetchone()[0]
db.execute("UPDATE curriculum SET xml = ? WHERE code = 'VTOPHT'", (xml.replace(b'validityMonths="', b'validityMonths="1'),))
db.commit()
db.close()
result = run(store, "ledger", "verify")
check("published curriculum bytes changed in place are named by ledger verify (exit 1)",
      result.returncode == 1 and "not the ones published" in result.stdout + result.stderr, result.stdout + result.stderr)
result = run(store, "status", "T101")
check("status refuses to read a curriculum whose bytes are not the ones published (exit 1)",
      result.returncode == 1 and "not the ones published" in result.stderr, result.stdout + result.stderr)

# --- a NUL in a CSV note is refused at the door ------------------------------------------------------
csv = os.path.join(work, "nul.csv")
open(csv, "wb").write(b"trainee,curriculum,unit,target,method,outcome,date,hours,site,note,assessor\n"
                      b"T101,VTOPHT,RIIWHS201E,unit,rpl,satisfactory,2026-11-28,1,,ok\x00cut,A01\n")
store = copy(base, "nul")
result = run(store, "import", csv)
check("a NUL in an imported note is refused with the line and field (exit 1), nothing stored",
      result.returncode == 1 and ":2: note: U+0000" in result.stdout and entries(store) == size, result.stdout + result.stderr)

finish("ledger tamper")
