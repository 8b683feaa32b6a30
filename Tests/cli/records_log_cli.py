"""End-to-end checks that issued records live in the one hash-chained log, on real stores:
deleting a revocation entry and inserting a forged record are detected by `veta ledger verify` and
never make a record VALID; two concurrent `veta revoke` of one serial append exactly one
revocation; `veta issue` killed with SIGKILL at random moments (at least 100 runs) never leaves a
file the log does not back, never a temporary file, never a serial given twice, and what it
registered can be exported again; a store made before records entered the log (the fixture in
Tests/fixtures/legacy-store, made by main's veta) migrates with every hash intact and its records
still verify.

Usage: records_log_cli.py VETA WORKDIR [KILL_RUNS]
"""
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

from checks import check, finish
from stores import backup, competent_store, must_on, run_on, sql

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
kill_runs = int(sys.argv[3]) if len(sys.argv) > 3 else 100
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
keys = os.path.join(work, "keys")
ISSUER = "https://capacitacion.example.mx"
UNITS = ["RIIWHS201E", "RIIMPO338E", "RIIERR302E"]


def run(store, *args):
    return run_on(veta, store, *args)


def must(store, *args):
    return must_on(veta, store, *args)


def canonical(entry):
    """LedgerCanonicalEncoding: sorted-key compact JSON, absent values left out (JCS escaping)."""
    return json.dumps({k: v for k, v in entry.items() if v is not None}, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode()


def copy(store, name):
    return backup(store, os.path.join(work, name + ".sqlite"))


def issue(store, out, *args):
    return run(store, "issue", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out,
               "--as-of", "2026-11-30", "--trainee", "T100", "--curriculum", "VTOPHT", *args)


# --- a store with a competent trainee ---------------------------------------------------------------
store = os.path.join(work, "veta.sqlite")
out = os.path.join(work, "records")
subprocess.run([veta, "keys", "generate", "--name", "A01", "--out", keys], check=True, capture_output=True)
subprocess.run([veta, "keys", "generate", "--name", "issuer", "--out", keys], check=True, capture_output=True)
competent_store(veta, store, keys, root, UNITS, ISSUER)

r = issue(store, out, "--format", "all")
check("issue registers a credential and a DC-3", r.returncode == 0 and r.stdout.count("issued ") == 2, r.stdout + r.stderr)
before_issue = sql(store, "SELECT MIN(sequence) - 1 FROM ledger_entry WHERE kind = 'issue'")[0][0]
kinds = sql(store, "SELECT kind, serial, signature IS NOT NULL, checkpoint_size FROM ledger_entry WHERE serial IS NOT NULL ORDER BY sequence")
check("each issued record is an issue entry in the log, signed, naming the checkpoint it was issued at",
      [(k, s, signed) for k, s, signed, _ in kinds] == [("issue", "VETA-2026-000001", 1), ("issue", "VETA-2026-000002", 1)]
      and all(size == before_issue for *_, size in kinds), str(kinds))
check("the registry's separate tables are gone", not sql(store, "SELECT name FROM sqlite_master WHERE name IN ('issued_record', 'record_event')"))
jwt, pdf = os.path.join(out, "VETA-2026-000001.jwt"), os.path.join(out, "VETA-2026-000002.pdf")
payload = open(jwt).read().split(".")[1]
claims = json.loads(__import__("base64").urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
head = sql(store, "SELECT hash FROM ledger_entry WHERE sequence = ?", before_issue)[0][0]
check("the credential names the checkpoint (log size, head hash) it was issued at as OB3 evidence",
      claims.get("evidence", [{}])[0].get("id") == f"urn:veta:log:{before_issue}:{head}", json.dumps(claims.get("evidence")))
r = run(store, "verify", jwt, "--as-of", "2026-11-30")
check("veta verify: VALID, with the log check", r.returncode == 0 and "ok   log:" in r.stdout, r.stdout + r.stderr)

issue_sequence = sql(store, "SELECT sequence FROM ledger_entry WHERE kind = 'issue' ORDER BY sequence LIMIT 1")[0][0]
r = run(store, "correct", str(issue_sequence), "--reason", "try")
check("an entry about a record cannot be corrected (exit 1: revoke or re-issue it)", r.returncode == 1 and "revoke" in r.stderr, r.stderr)

# --- deleting a revocation entry ------------------------------------------------------------------------
unit_jwt = os.path.join(out, "VETA-2026-000003.jwt")
check("a unit credential is issued", issue(store, out, "--unit", "RIIWHS201E", "--format", "ob3").returncode == 0)
r = run(store, "revoke", "VETA-2026-000003", "--reason", "signed off in error", "--date", "2026-11-30")
check("revoke appends a revocation entry", r.returncode == 0
      and sql(store, "SELECT COUNT(*) FROM ledger_entry WHERE kind = 'revocation' AND serial = 'VETA-2026-000003'") == [(1,)], r.stderr)
check("another record is issued after the revocation", issue(store, out, "--unit", "RIIMPO338E", "--format", "ob3").returncode == 0)
r = run(store, "verify", unit_jwt, "--as-of", "2026-11-30")
check("the revoked credential is reported revoked", r.returncode == 1 and "revoked on 2026-11-30" in r.stdout, r.stdout)
deleted = copy(store, "deleted-revocation")
sequence = sql(deleted, "SELECT sequence FROM ledger_entry WHERE kind = 'revocation'")[0][0]
sql(deleted, "DROP TRIGGER ledger_append_only_delete")
sql(deleted, "DELETE FROM ledger WHERE sequence = ?", sequence)
r = run(deleted, "ledger", "verify")
check("deleting a revocation entry (not the newest) is named by ledger verify", r.returncode == 1
      and f"entry {sequence} is missing" in r.stdout, r.stdout + r.stderr)
r = run(deleted, "verify", unit_jwt, "--as-of", "2026-11-30")
check("and the credential it revoked is not VALID again", r.returncode == 1 and "NOT VALID" in r.stdout and "FAIL log" in r.stdout, r.stdout)
r = run(deleted, "audit", "records")
check("audit records reports the broken log", r.returncode == 1, r.stdout[-500:] + r.stderr)
r = issue(deleted, os.path.join(work, "not-issued"), "--unit", "RIIWHS201E", "--format", "ob3")
check("veta issue refuses to act on a log that does not verify", r.returncode == 1 and "does not verify" in r.stderr, r.stderr)

# --- a record column stored with another type: named, never a crash ------------------------------------------
for value, kind in (("seven", "TEXT"), (b"\x07", "BLOB")):
    retyped = copy(store, "retyped-" + kind)
    sql(retyped, "DROP TRIGGER ledger_detail_append_only_update")  # the record columns are in the side table ledger_detail
    sql(retyped, "UPDATE ledger_detail SET checkpoint_size = ? WHERE serial = 'VETA-2026-000003' AND kind = 6", value)  # 6: issue
    r = run(retyped, "ledger", "verify")
    check(f"a checkpoint_size stored as {kind} is named by ledger verify (exit 1)",
          r.returncode == 1 and f"checkpoint_size is stored as {kind}" in r.stdout, r.stdout + r.stderr)
    r = run(retyped, "verify", unit_jwt, "--as-of", "2026-11-30")
    check(f"and verify of its credential says why, exit 1, no crash ({kind})",
          r.returncode == 1 and f"checkpoint_size is stored as {kind}" in r.stdout + r.stderr, r.stdout + r.stderr)

# --- inserting a forged record ----------------------------------------------------------------------------
forged_store = copy(store, "forged")
forged_pdf = os.path.join(work, "forged.pdf")
open(forged_pdf, "wb").write(b"%PDF-1.4 a constancia nobody issued")
last_sequence, last_hash = sql(forged_store, "SELECT sequence, hash FROM ledger_entry ORDER BY sequence DESC LIMIT 1")[0]
entry = {"kind": "issue", "trainee": "T100", "curriculum": "VTOPHT@1.0.0", "date": "2026-11-30", "unit": None,
         "attachmentSHA256": hashlib.sha256(open(forged_pdf, "rb").read()).hexdigest(), "serial": "VETA-2026-000900",
         "format": "dc3", "issuer": ISSUER, "validFrom": "2026-11-12", "checkpointSize": last_sequence, "checkpointHash": last_hash,
         "sequence": last_sequence + 1, "recordedAt": "2026-11-30T12:00:00Z", "previousHash": last_hash, "v": 2}
forged_hash = hashlib.sha256(canonical(entry)).hexdigest()
# Into the compact table: kind 6 is issue; trainee, curriculum, recording time and date are ids of ledger_name (roles 1, 2, 3, 8, 9);
# the attachment, signature and record columns go to the side table ledger_detail, keyed by the sequence.
sql(forged_store, "INSERT INTO ledger_name (role, value) VALUES (8, '2026-11-30T12:00:00Z')")
sql(forged_store, "INSERT OR IGNORE INTO ledger_name (role, value) VALUES (9, '2026-11-30')")
sql(forged_store, """INSERT INTO ledger (sequence, kind, trainee, curriculum_code, curriculum_version, date, recorded_at, hash)
    VALUES (?, 6, (SELECT id FROM ledger_name WHERE role = 1 AND value = 'T100'),
    (SELECT id FROM ledger_name WHERE role = 2 AND value = 'VTOPHT'), (SELECT id FROM ledger_name WHERE role = 3 AND value = '1.0.0'),
    (SELECT id FROM ledger_name WHERE role = 9 AND value = '2026-11-30'), (SELECT id FROM ledger_name WHERE role = 8 AND value = '2026-11-30T12:00:00Z'), ?)""",
    last_sequence + 1, bytes.fromhex(forged_hash))
sql(forged_store, """INSERT INTO ledger_detail (sequence, kind, attachment_sha256, signature, serial, record_format, issuer_id, valid_from,
    checkpoint_size, checkpoint_hash) VALUES (?, 6, ?, 'AAAA', 'VETA-2026-000900', 'dc3', ?, '2026-11-12', ?, ?)""",
    last_sequence + 1, bytes.fromhex(entry["attachmentSHA256"]), ISSUER, last_sequence, last_hash)
r = run(forged_store, "ledger", "verify")
check("a forged record entry, hashes recomputed, is named by ledger verify (no issuer signature)", r.returncode == 1
      and f"first bad entry is {last_sequence + 1}" in r.stdout and "signature" in r.stdout, r.stdout + r.stderr)
r = run(forged_store, "verify", forged_pdf)
check("and the forged DC-3 is never VALID", r.returncode == 1 and "NOT VALID" in r.stdout, r.stdout)
artifact_store = copy(store, "forged-artifact")
sql(artifact_store, "INSERT INTO record_artifact (serial, bytes) VALUES ('VETA-2026-000901', x'25504446')")
r = run(artifact_store, "ledger", "verify")
check("a forged row beside the log (a stored file no entry issued) is reported", r.returncode == 1 and "VETA-2026-000901" in r.stdout,
      r.stdout + r.stderr)
changed_file = copy(store, "changed-artifact")
sql(changed_file, "UPDATE record_artifact SET bytes = x'25504446' WHERE serial = 'VETA-2026-000002'")
sql(changed_file, "DELETE FROM record_artifact WHERE serial = 'VETA-2026-000001'")
r = run(changed_file, "ledger", "verify")
check("a stored file changed or removed beside the log is reported", r.returncode == 1 and "stored file of VETA-2026-000002 is not the one"
      in r.stdout and "stored file of VETA-2026-000001, kept with its entry, is missing" in r.stdout, r.stdout + r.stderr)
r = run(changed_file, "reexport", "VETA-2026-000002", "--out", os.path.join(work, "changed-out"))
check("and reexport refuses to write bytes the log does not prove", r.returncode == 1 and not os.path.exists(os.path.join(work, "changed-out")),
      r.stderr)
legacy_row = copy(store, "forged-legacy-table")
sql(legacy_row, "CREATE TABLE issued_record (serial TEXT, format TEXT, sha256 TEXT)")
sql(legacy_row, "INSERT INTO issued_record VALUES ('VETA-2026-000902', 'dc3', ?)", entry["attachmentSHA256"])
r = run(legacy_row, "verify", forged_pdf)
check("a row in a table of the old registry makes nothing VALID", r.returncode == 1 and "NOT VALID" in r.stdout, r.stdout)

# --- two concurrent revocations of one serial ----------------------------------------------------------------
racing_ok = True
details = []
for round_ in range(3):
    r = issue(store, out, "--unit", "RIIERR302E", "--format", "ob3")
    serial = r.stdout.split()[1] if r.returncode == 0 else "?"
    processes = [subprocess.Popen([veta, "revoke", serial, "--reason", f"race {i}", "--store", store], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for i in range(2)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in processes]
    codes = sorted(code for code, _ in results)
    count = sql(store, "SELECT COUNT(*) FROM ledger_entry WHERE kind = 'revocation' AND serial = ?", serial)[0][0]
    refused = [message for code, message in results if code == 1]
    if codes != [0, 1] or count != 1 or not all("already revoked" in m for m in refused):
        racing_ok = False
        details.append(f"{serial}: exits {codes}, {count} revocations, {refused}")
check("2 concurrent revokes of one serial: exactly one revocation entry, the other refused (exit 1, already revoked), 3 rounds",
      racing_ok, "; ".join(details))
check("the log verifies after the races", run(store, "ledger", "verify").returncode == 0)

# --- veta issue killed with SIGKILL at random moments ------------------------------------------------------------
kill_out = os.path.join(work, "killed")
os.makedirs(kill_out)
random.seed(9)
killed = 0
started = time.time()
for attempt in range(kill_runs):
    process = subprocess.Popen([veta, "issue", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", kill_out,
                                "--as-of", "2026-11-30", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E",
                                "--format", "all", "--store", store], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.uniform(0, 0.3))
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
        killed += 1
    process.wait()
elapsed = time.time() - started
check(f"veta issue was killed part-way in most of {kill_runs} runs ({killed} killed, {elapsed:.0f} s)", killed >= kill_runs // 2,
      f"{killed} of {kill_runs}")
names = sorted(os.listdir(kill_out))
temporary = [n for n in names if n.startswith(".") or n.endswith(".tmp")]
check("no temporary file is ever left behind", not temporary, str(temporary))
registered = dict(sql(store, "SELECT serial, attachment_sha256 FROM ledger_entry WHERE kind = 'issue'"))
unbacked = [n for n in names if n.rsplit(".", 1)[0] not in registered
            or hashlib.sha256(open(os.path.join(kill_out, n), "rb").read()).hexdigest() != registered[n.rsplit(".", 1)[0]]]
check("every file written is a registered record with the registered sha256", not unbacked, str(unbacked))
failing = []
for name in names:
    r = run(store, "verify", os.path.join(kill_out, name), "--as-of", "2026-11-30")
    if r.returncode != 0:
        failing.append(f"{name}: {r.stdout}")
check(f"every file written verifies ({len(names)} files)", not failing, "\n".join(failing[:3]))
serials = [row[0] for row in sql(store, "SELECT serial FROM ledger_entry WHERE kind = 'issue' ORDER BY sequence")]
counter = sql(store, "SELECT last FROM record_serial WHERE year = 2026")[0][0]
check("serials are never given twice and the counter is past every registered one",
      len(serials) == len(set(serials)) and counter >= max(int(s[-6:]) for s in serials), f"{len(serials)} serials, counter {counter}")
check("the log verifies after the kills", run(store, "ledger", "verify").returncode == 0)
missing = [s for s in serials if s.startswith("VETA-") and not any(n.startswith(s + ".") for n in os.listdir(out) + names)]
exported = []
for serial in missing:
    r = run(store, "reexport", serial, "--out", kill_out)
    path = r.stdout.strip().rsplit(": ", 1)[-1]
    exported.append(r.returncode == 0 and os.path.exists(path)
                    and hashlib.sha256(open(path, "rb").read()).hexdigest() == registered.get(serial))
check(f"a record registered but killed before its file was written is exported again ({len(missing)} such)", all(exported), str(exported))
r = run(store, "reexport", "VETA-2026-000777", "--out", kill_out)
check("reexport of a serial the log does not hold is refused (exit 1)", r.returncode == 1 and "no record" in r.stderr, r.stderr)

# --- reissue supersedes the record and the one issued with it, never others of the same second ------------
grouped = copy(store, "reissue-grouping")
before = {serial for (serial,) in sql(grouped, "SELECT serial FROM ledger_entry WHERE kind = 'supersession'")}
check("a credential with its DC-3, then a credential alone, are issued",
      issue(grouped, os.path.join(work, "grouped"), "--format", "all").returncode == 0
      and issue(grouped, os.path.join(work, "grouped"), "--format", "ob3").returncode == 0)
alone = sql(grouped, "SELECT MAX(serial) FROM ledger_entry WHERE kind = 'issue'")[0][0]
r = run(grouped, "reissue", alone, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", os.path.join(work, "grouped"))
after = {serial for (serial,) in sql(grouped, "SELECT serial FROM ledger_entry WHERE kind = 'supersession'")}
check("reissue of the credential issued alone supersedes it and nothing else", r.returncode == 0 and after - before == {alone},
      f"{sorted(after - before)} {r.stdout} {r.stderr}")

# --- two supervisors issuing a cohort at once: one credential per trainee ----------------------------------
racing = copy(store, "cohort-race")
for (serial,) in sql(racing, "SELECT serial FROM ledger_entry WHERE kind = 'issue' AND trainee_id = 'T100' AND unit_code IS NULL "
                             "AND record_format = 'ob3'"):
    run(racing, "revoke", serial, "--reason", "re-issue test", "--date", "2026-11-30")
count = lambda: sql(racing, "SELECT COUNT(*) FROM ledger_entry WHERE kind = 'issue' AND trainee_id = 'T100' AND unit_code IS NULL")[0][0]
before = count()
cohort = [veta, "issue", "--cohort", "VTOPHT", "--format", "ob3", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"),
          "--as-of", "2026-11-30", "--store", racing]
processes = [subprocess.Popen(cohort + ["--out", os.path.join(work, f"cohort-{i}")], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for i in range(4)]
outputs = [p.communicate(timeout=300) for p in processes]
codes = [p.returncode for p in processes]
check("4 concurrent issue --cohort give the trainee exactly one new credential (\"not yet issued\" holds inside the write)",
      codes == [0] * 4 and count() == before + 1, f"{codes} {before} -> {count()} {[e.decode()[-300:] for _, e in outputs]}")

# --- a store made by main's veta, before records entered the log --------------------------------------------------------
fixture = os.path.join(root, "Tests", "fixtures", "legacy-store")
legacy = os.path.join(work, "legacy.sqlite")
shutil.copy(os.path.join(fixture, "store.sqlite"), legacy)
before = sql(legacy, "SELECT sequence, hash FROM ledger_entry ORDER BY sequence")
r = run(legacy, "ledger", "verify")
check("a reading command leaves an old store as it is and names `veta store upgrade`",
      r.returncode == 2 and "veta store upgrade" in r.stderr
      and sql(legacy, "SELECT sequence, hash FROM ledger_entry ORDER BY sequence") == before, r.stderr)
r = run(legacy, "store", "upgrade")
check("`veta store upgrade` migrates an old store", r.returncode == 0, r.stdout + r.stderr)
r = run(legacy, "ledger", "verify")
check("the migrated store's ledger verifies", r.returncode == 0, r.stdout + r.stderr)
after = sql(legacy, "SELECT sequence, hash FROM ledger_entry ORDER BY sequence")
appended = [k for (k,) in sql(legacy, f"SELECT kind FROM ledger_entry WHERE sequence > {len(before)} ORDER BY sequence")]
check("every hash of the old store is unchanged; its 3 records and 1 revocation were appended after them (then its registry)",
      after[:len(before)] == before and appended[:4] == ["issue", "issue", "issue", "revocation"]
      and sql(legacy, f"SELECT COUNT(*) FROM ledger_entry WHERE sequence > {len(before) + 4} AND registry IS NULL") == [(0,)],
      f"{len(before)} -> {len(after)}: {appended}")
r = run(legacy, "verify", os.path.join(fixture, "records", "VETA-2026-000002.pdf"), "--as-of", "2026-11-30")
check("the old store's DC-3 is not VALID on an unsigned migrated entry alone (a DC-3 has no signature of its own): "
      "exit 1, saying to re-issue it", r.returncode == 1 and "veta reissue VETA-2026-000002" in r.stdout, r.stdout + r.stderr)
for name, as_of, code in (("VETA-2026-000001.jwt", "2026-11-30", 0), ("VETA-2026-000003.jwt", "2026-12-15", 1)):
    r = run(legacy, "verify", os.path.join(fixture, "records", name), "--as-of", as_of)
    check(f"the old store's {name} verifies as before ({'VALID' if code == 0 else 'revoked'})", r.returncode == code
          and ("migrated" in r.stdout if code == 0 else "revoked on 2026-12-01" in r.stdout), r.stdout + r.stderr)
r = run(legacy, "reexport", "VETA-2026-000001", "--out", os.path.join(work, "legacy-out"))
check("a migrated record's file cannot be exported again (it was never kept), said plainly", r.returncode == 1
      and "before issued records entered the log" in r.stderr, r.stderr)

finish("records in the log")
