"""End-to-end checks of the PostgreSQL store (`--store postgresql://...`), against the throwaway
cluster `make test` starts (Tests/pg/with-cluster.sh sets VETA_TEST_POSTGRES): publish, org,
assessor, trainee, enrol, record, signoff, status and ledger verify on PostgreSQL; completion records (issuer,
issue, verify, revoke, site build) and a curriculum's lifecycle (retire) on PostgreSQL; 8 processes
recording at once lose nothing and 8 x 3 racing enrolments keep one each; the log is append-only in
the database (triggers, and a role without UPDATE/DELETE on it, as the README grants); an entry
changed behind veta's back is named by `ledger verify` and refused by `status`; a bad connection
string exits 64, an unreachable server or an empty database exits 2, never a crash.

Without VETA_TEST_POSTGRES nothing runs (a `skip` line); with it, a server that cannot be reached fails.
Usage: pg_cli.py VETA WORKDIR
"""
import collections
import json
import os
import subprocess
import sys
import uuid

from checks import check, finish
from stores import curp

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
os.makedirs(work, exist_ok=True)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
base = os.environ.get("VETA_TEST_POSTGRES", "")
if not base:
    print("skip PostgreSQL checks: VETA_TEST_POSTGRES is not set (make test starts a cluster and sets it)")
    sys.exit(0)


def psql(url, statement):
    return subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", url, "-c", statement],
                          capture_output=True, text=True, timeout=60)


def new_database():
    name = "veta_cli_" + uuid.uuid4().hex
    result = psql(base, f"CREATE DATABASE {name}")
    if result.returncode != 0:
        print(f"FAIL the test cluster at {base} cannot be reached: {result.stderr.strip()}")
        finish("PostgreSQL store")
    return name, base.rsplit("/", 1)[0] + "/" + name


name, store = new_database()
keys = os.path.join(work, "keys")
key = os.path.join(keys, "A01.private.jwk")


def run(*args, url=None, env=None):
    return subprocess.run([veta, *args, "--store", url or store], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def must(*args):
    result = run(*args)
    if result.returncode != 0:
        print(f"FAIL set-up: veta {' '.join(args[:2])}: {result.stderr.strip()}")
        finish("PostgreSQL store")
    return result


def count(statement, url=None):
    result = psql(url or store, statement)
    return int(result.stdout.strip()) if result.returncode == 0 else -1


def race(commands):
    procs = [subprocess.Popen([veta, *args, "--store", store], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for args in commands]
    return [(i, p.wait(timeout=300), p.stderr.read()) for i, p in enumerate(procs)]


# --- connection strings and servers that cannot be used -----------------------------------------------------
for bad in ["postgresql://veta@127.0.0.1:99999/veta", "postgresql://veta@127.0.0.1:5432", "postgresql://veta@h/db?nonsense=1"]:
    result = run("status", "T1", url=bad)
    check(f"--store {bad}: exit 64 with a clear message", result.returncode == 64 and "PostgreSQL connection string" in result.stderr,
          f"exit {result.returncode}: {result.stderr.strip()}")
result = subprocess.run([veta, "status", "T1"], capture_output=True, text=True, env={**os.environ, "VETA_STORE": "postgresql://x@h/"})
check("VETA_STORE=postgresql://x@h/ (no database): exit 64", result.returncode == 64, f"exit {result.returncode}: {result.stderr.strip()}")
closed = "postgresql://veta@127.0.0.1:1/veta"
result = run("status", "T1", url=closed)
check("a server that does not answer: exit 2, 'cannot reach', no crash",
      result.returncode == 2 and "cannot reach the PostgreSQL server" in result.stderr and "internal" not in result.stderr,
      f"exit {result.returncode}: {result.stderr.strip()}")
result = run("ledger", "verify", "--format", "json", url=closed)
try:
    document = json.loads(result.stdout)
except ValueError:
    document = None
check("... and with --format json, one JSON error document", result.returncode == 2 and isinstance(document, dict), result.stdout)
result = run("ledger", "verify")
check("an empty database is not a store for a reading command: exit 2, nothing created",
      result.returncode == 2 and "holds no Veta store" in result.stderr
      and count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") == 0,
      f"exit {result.returncode}: {result.stderr.strip()}")

# --- the everyday commands on PostgreSQL ----------------------------------------------------------------------
subprocess.run([veta, "keys", "generate", "--name", "A01", "--out", keys], check=True, capture_output=True)
must("publish", os.path.join(root, "Examples", "valid-working-safely.xml"))
again = run("publish", os.path.join(root, "Examples", "valid-working-safely.xml"))
check("publishing the same bytes again changes nothing", again.returncode == 0 and count("SELECT count(*) FROM curriculum") == 1,
      again.stderr)
must("org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo")
must("assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "EV-1", "--unit", "RIIWHS201E",
     "--public-key", os.path.join(keys, "A01.public.jwk"))
trainees = [f"T{i}" for i in range(1, 9)]
for i, trainee in enumerate(trainees, start=1):
    must("trainee", "add", "--id", trainee, "--paternal", "García", "--given", "Ana", "--curp", curp(f"GALA900101MZSRPN{i}"),
         "--employer", "MFR110315AB1", "--occupation", "Operadora", "--job-title", "Operadora")
duplicate = run("trainee", "add", "--id", "T1", "--paternal", "García", "--given", "Ana", "--curp", curp("GALA900101MZSRPN1"),
                "--employer", "MFR110315AB1", "--occupation", "Operadora", "--job-title", "Operadora")
check("a trainee id registered twice: exit 1", duplicate.returncode == 1 and "already exists" in duplicate.stderr, duplicate.stderr)

# 8 trainees x 3 concurrent enrolments: one each.
commands = [("enrol", t, "EXWSAFE", "--date", "2026-01-05") for t in trainees for _ in range(3)]
groups = collections.defaultdict(list)
for i, code, err in race(commands):
    groups[commands[i][1]].append((code, err))
bad = [f"{t}: {sorted(c for c, _ in r)} {[e.strip() for c, e in r if c not in (0, 1) or (c == 1 and 'already enrolled' not in e)]}"
       for t, r in groups.items() if sorted(c for c, _ in r) != [0, 1, 1]
       or any(c == 1 and "is already enrolled in EXWSAFE@" not in e for c, e in r)]
check("8 trainees x 3 concurrent `veta enrol` on PostgreSQL: one each, the others exit 1 'already enrolled'", not bad, "; ".join(bad)[:1500])
check("... the store holds exactly 8 enrolments, one per trainee",
      count("SELECT count(*) FROM ledger_entry WHERE kind = 'enrolment'") == 8
      and count("SELECT count(DISTINCT trainee_id) FROM ledger_entry WHERE kind = 'enrolment'") == 8)

# 8 processes recording at once, three rounds: nothing lost.
targets = [("element:1", "observation", "2026-02-01"), ("element:2", "practical", "2026-02-03"),
           ("knowledge:K1", "written-test", "2026-02-03"), ("knowledge:K2", "oral-test", "2026-02-03")]
codes = []
for _ in range(3):
    commands = [("record", "--trainee", t, "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--assessor", "A01",
                 "--target", targets[n % 4][0], "--method", targets[n % 4][1], "--outcome", "satisfactory", "--date", targets[n % 4][2])
                for n, t in enumerate(trainees)]
    codes += [(code, err) for _, code, err in race(commands)]
check("8 processes x 3 rounds of concurrent `veta record` on PostgreSQL: all 24 exit 0",
      all(code == 0 for code, _ in codes), "; ".join(err.strip() for code, err in codes if code)[:1500])
check("... and the log holds exactly 24 evidence entries", count("SELECT count(*) FROM ledger_entry WHERE kind = 'evidence'") == 24)
sequences = count("SELECT count(*) FROM ledger l WHERE l.sequence <> (SELECT count(*) FROM ledger m WHERE m.sequence <= l.sequence)")
check("... with sequences 1..N and no gap", sequences == 0)

for target, method, date in targets:
    must("record", "--trainee", "T1", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--assessor", "A01",
         "--target", target, "--method", method, "--outcome", "satisfactory", "--date", date)
signoff = ("signoff", "--trainee", "T1", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--assessor", "A01",
           "--key", key, "--date", "2026-02-05")
results = race([signoff] * 3)
check("3 concurrent `veta signoff` of one unit on PostgreSQL: one exits 0, the others 1",
      sorted(code for _, code, _ in results) == [0, 1, 1], str([(c, e.strip()) for _, c, e in results])[:1200])
check("... the store holds exactly one sign-off", count("SELECT count(*) FROM ledger_entry WHERE kind = 'signoff'") == 1)
status = run("status", "T1", "--format", "json")
check("`veta status` reads the trainee from PostgreSQL", status.returncode == 0 and "RIIWHS201E" in status.stdout, status.stderr)
upgrade = run("store", "upgrade")
check("`veta store upgrade` on a PostgreSQL store of this veta's version: already up to date",
      upgrade.returncode == 0 and "PostgreSQL store schema version 3, already up to date" in upgrade.stdout, upgrade.stdout + upgrade.stderr)
verify = run("ledger", "verify")
check("`veta ledger verify` on PostgreSQL: intact", verify.returncode == 0 and "ledger intact" in verify.stdout, verify.stdout + verify.stderr)
listed = run("trainee", "list")
check("`veta trainee list` on PostgreSQL lists the 8 trainees", listed.returncode == 0 and all(t in listed.stdout for t in trainees),
      listed.stderr)

# --- completion records on PostgreSQL: issuer, issue, verify, revoke, site build ---------------------------
ISSUER = "https://capacitacion.example.mx"
issuer_key = os.path.join(keys, "issuer.private.jwk")
out = os.path.join(work, "records")
subprocess.run([veta, "keys", "generate", "--name", "issuer", "--out", keys], check=True, capture_output=True)
must("issuer", "add", "--url", ISSUER, "--name", "Capacitación Minera del Norte, S.C.", "--rfc", "CMN150101AB1",
     "--public-key", os.path.join(keys, "issuer.public.jwk"))
again = run("issuer", "add", "--url", ISSUER + "/", "--name", "Otra", "--rfc", "CMN150101AB1",
            "--public-key", os.path.join(keys, "issuer.public.jwk"))
check("an issuer whose did:web another has is refused on PostgreSQL: exit 1", again.returncode == 1 and "did:web" in again.stderr,
      f"exit {again.returncode}: {again.stderr.strip()}")
issued = run("issue", "--trainee", "T1", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--format", "ob3", "--issuer", ISSUER,
             "--key", issuer_key, "--out", out, "--as-of", "2026-02-10")
check("`veta issue` on PostgreSQL issues a unit credential", issued.returncode == 0 and "issued VETA-2026-000001" in issued.stdout,
      issued.stdout + issued.stderr)
jwt = os.path.join(out, "VETA-2026-000001.jwt")
check("... its bytes are kept in record_artifact and its issue entry in the log",
      count("SELECT count(*) FROM record_artifact WHERE serial = 'VETA-2026-000001'") == 1
      and count("SELECT count(*) FROM ledger_entry WHERE kind = 'issue' AND serial = 'VETA-2026-000001'") == 1)
verified = run("verify", jwt, "--as-of", "2026-02-10")
check("`veta verify` on PostgreSQL: VALID", verified.returncode == 0 and "VALID" in verified.stdout, verified.stdout + verified.stderr)
revoked = run("revoke", "VETA-2026-000001", "--reason", "prueba", "--date", "2026-02-11")
check("`veta revoke` on PostgreSQL: exit 0", revoked.returncode == 0, revoked.stderr)
twice = run("revoke", "VETA-2026-000001", "--reason", "otra vez", "--date", "2026-02-11")
check("... a second revocation is refused: exit 1, 'already revoked'", twice.returncode == 1 and "already revoked" in twice.stderr,
      twice.stderr)
verified = run("verify", jwt, "--as-of", "2026-02-12")
check("`veta verify` after the revocation: exit 1, revoked on its date",
      verified.returncode == 1 and "revoked on 2026-02-11" in verified.stdout, verified.stdout + verified.stderr)
site = run("site", "build", "--out", os.path.join(work, "site"), "--key", issuer_key)
check("`veta site build` on PostgreSQL: exit 0, the record's page, and the revocation in the status list",
      site.returncode == 0 and "1 record pages, 1 revoked in the status list" in site.stdout
      and os.path.isdir(os.path.join(work, "site", "records", "VETA-2026-000001")), site.stdout + site.stderr)
verify = run("ledger", "verify")
check("`veta ledger verify` after issue and revoke on PostgreSQL: intact (records and their bytes checked)",
      verify.returncode == 0 and "ledger intact" in verify.stdout, verify.stdout + verify.stderr)
retired = run("retire", "EXWSAFE@1.1.0", "--reason", "prueba")
check("`veta retire` on PostgreSQL: a lifecycle entry and its projection row",
      retired.returncode == 0 and count("SELECT count(*) FROM curriculum_lifecycle WHERE code = 'EXWSAFE'") == 1,
      f"exit {retired.returncode}: {retired.stderr.strip()}")

# --- append-only in the database -------------------------------------------------------------------------
end = count("SELECT max(sequence) FROM ledger")
for statement in ["UPDATE ledger SET minutes = 1", "DELETE FROM ledger WHERE sequence = 1", "TRUNCATE ledger CASCADE",
                  "DELETE FROM ledger_name", "DELETE FROM ledger_detail", "UPDATE curriculum SET sha256 = 'x'"]:
    result = psql(store, statement)
    check(f"the owner's `{statement}` is refused by the append-only trigger",
          result.returncode != 0 and "append-only" in result.stderr, result.stderr.strip())
grants = f"""
CREATE ROLE veta_app_{name[-8:]} LOGIN;
GRANT CONNECT ON DATABASE {name} TO veta_app_{name[-8:]};
GRANT USAGE ON SCHEMA public TO veta_app_{name[-8:]};
GRANT SELECT ON veta_schema, ledger_entry TO veta_app_{name[-8:]};
GRANT SELECT, INSERT ON ledger, ledger_name, ledger_detail, curriculum TO veta_app_{name[-8:]};
GRANT SELECT, INSERT, UPDATE, DELETE ON organisation, site, trainee, assessor, assessor_unit, issuer, curriculum_lifecycle,
    record_serial, record_artifact TO veta_app_{name[-8:]};
"""
granted = psql(store, grants)
check("the README's GRANTs apply", granted.returncode == 0, granted.stderr)
app = store.replace("postgresql://veta@", f"postgresql://veta_app_{name[-8:]}@")
result = run("record", "--trainee", "T2", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--assessor", "A01",
             "--target", "element:1", "--method", "observation", "--outcome", "satisfactory", "--date", "2026-02-01", url=app)
check("the application role records evidence", result.returncode == 0, result.stderr)
for statement in ["DELETE FROM ledger WHERE sequence = 1", "UPDATE ledger SET note = 'x'"]:
    result = psql(app, statement)
    check(f"the application role's `{statement}` is refused: no privilege",
          result.returncode != 0 and "permission denied" in result.stderr, result.stderr.strip())

# --- an entry changed behind veta's back ------------------------------------------------------------------
evidence = count("SELECT min(sequence) FROM ledger_entry WHERE kind = 'evidence' AND trainee_id = 'T1'")
changed = psql(store, f"ALTER TABLE ledger DISABLE TRIGGER ledger_append_only; UPDATE ledger SET minutes = 600 WHERE sequence = {evidence}")
check("(the owner turns the trigger off and changes an entry)", changed.returncode == 0, changed.stderr)
verify = run("ledger", "verify")
check("`veta ledger verify` names the changed entry: exit 1",
      verify.returncode == 1 and f"first bad entry is {evidence}" in verify.stdout, verify.stdout + verify.stderr)
status = run("status", "T1")
check("`veta status` refuses to act on it: exit 1", status.returncode == 1 and "does not verify" in status.stderr, status.stderr)

psql(base, f"DROP DATABASE {name} WITH (FORCE)")
psql(base, f"DROP ROLE IF EXISTS veta_app_{name[-8:]}")
finish("PostgreSQL store")
