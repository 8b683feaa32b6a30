"""The benchmark's C floor (Tests/bench/floor/ledger_floor.c) and `veta ledger verify` agree on a store
of the current schema (version 8: the side table `ledger_detail`) holding every kind the CLI writes:
registry kinds (organisation, trainee, assessor, issuer, authorisation, publication, amendment,
lifecycle, setting, import), progress kinds (enrolment, evidence, sign-off, correction, withdrawal)
and record kinds (issue, revocation). Both pass on the store as written; on copies with one stored
value changed (a note in `ledger`, the registry data and a serial in `ledger_detail`, the append-only
triggers dropped) both fail. The floor's `verify` re-implements the canonical encoding in C, so this
is also a cross-check of `LedgerCanonicalEncoding` by an independent implementation.

Usage: floor_agrees.py VETA WORKDIR   (needs `cc`, SQLite's and OpenSSL's headers: `make deps`)
"""
import json
import os
import subprocess
import sys

from checks import check, finish
from stores import backup, curp, must_on, sql, workplace

veta, work, root = workplace(sys.argv)
floor = os.path.join(work, "ledger-floor")
built = subprocess.run(["cc", "-O2", "-o", floor, os.path.join(root, "Tests/bench/floor/ledger_floor.c"), "-lsqlite3", "-lcrypto"],
                       capture_output=True, text=True)
if built.returncode != 0:
    print(f"FAIL setup: cc ledger_floor.c: {built.stderr.strip()}")
    sys.exit(1)

store = os.path.join(work, "veta.sqlite")
keys = os.path.join(work, "keys")
must = lambda *args: must_on(veta, store, *args)
ISSUER = "https://capacitacion.example.mx"
must("publish", os.path.join(root, "Curricula"))
must("store", "set-timezone", "America/Mexico_City", "--reason", "sitio en Zacatecas")
must("org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo", "--site", "Mina Saucito",
     "--legal-representative", "Lic. Begoña Güémez Treviño")
must("trainee", "add", "--id", "T001", "--paternal", "García", "--maternal", "López", "--given", "Ana \"María\"",
     "--curp", curp("GALA900101MZSRPN0"), "--employer", "MFR110315AB1", "--occupation", "Operadora", "--job-title", "Operadora")
for name in ("A01", "issuer"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], capture_output=True, check=True)
must("assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "EV-1", "--unit", "RIIWHS201E",
     "--unit", "RIIMPO338E", "--public-key", os.path.join(keys, "A01.public.jwk"))
must("issuer", "add", "--url", ISSUER, "--name", "Capacitación Minera", "--rfc", "CMN150101AB1",
     "--public-key", os.path.join(keys, "issuer.public.jwk"))
must("enrol", "T001", "VTOPHT", "--date", "2026-11-02", "--site", "Mina Saucito")
record = ["record", "--trainee", "T001", "--curriculum", "VTOPHT", "--assessor", "A01", "--outcome", "satisfactory"]
must(*record, "--unit", "RIIWHS201E", "--target", "unit", "--method", "rpl", "--date", "2026-11-09",
     "--note", "tab\there, quote \" and backslash \\ ñ")
must("signoff", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--assessor", "A01",
     "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-12")
must("issue", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--format", "ob3", "--issuer", ISSUER,
     "--key", os.path.join(keys, "issuer.private.jwk"), "--out", os.path.join(work, "records"), "--as-of", "2026-11-20")
must("revoke", "VETA-2026-000001", "--reason", "prueba", "--date", "2026-11-20")
must("trainee", "amend", "--id", "T001", "--job-title", "Operadora de camión", "--reason", "puesto corregido")
wrong = must(*record, "--unit", "RIIMPO338E", "--target", "element:1", "--method", "observation", "--date", "2026-11-18")
must("correct", wrong.stdout.split(":")[0].split()[-1], "--reason", "equivocada", "--date", "2026-11-19")
evidence = os.path.join(work, "evidence.csv")
with open(evidence, "w") as f:
    f.write("trainee,curriculum,unit,target,method,outcome,date,hours,site,note,assessor,attachment_sha256\n")
    f.write("T001,VTOPHT@1.0.0,RIIMPO338E,element:2,practical,satisfactory,2026-11-19,1.5,Mina Saucito,importada,A01,\n")
must("import", evidence)
must("withdraw", "T001", "VTOPHT", "--date", "2026-11-25", "--reason", "baja")

kinds = {kind for (kind,) in sql(store, "SELECT DISTINCT kind FROM ledger_entry")}
version = sql(store, "SELECT COUNT(*) FROM grdb_migrations")[0][0]
details = sql(store, "SELECT COUNT(*) FROM ledger_detail")[0][0]
check("the store holds the registry, progress and record kinds, some in ledger_detail",
      {"organisation", "trainee", "assessor", "issuer", "authorisation", "publication", "amendment", "setting", "import",
       "enrolment", "evidence", "signoff", "correction", "withdrawal", "issue", "revocation"} <= kinds and details > 0,
      f"kinds {sorted(kinds)}, {details} detail rows, {version} migrations")


def both(path):
    """(veta's exit code, the floor's exit code, the floor's row count or its message)."""
    v = subprocess.run([veta, "ledger", "verify", "--store", path], capture_output=True, text=True)
    f = subprocess.run([floor, "verify", path], capture_output=True, text=True)
    rows = json.loads(f.stdout)["rows"] if f.returncode == 0 else f.stderr.strip()
    return v.returncode, f.returncode, rows, v.stdout + v.stderr


entries = sql(store, "SELECT COUNT(*) FROM ledger")[0][0]
v, f, rows, said = both(store)
check("veta ledger verify and the floor's verify both pass on the store, over every entry",
      v == 0 and f == 0 and rows == entries, f"veta {v}: {said.strip()}; floor {f}: {rows}; {entries} entries")


def tampered(name, *statements):
    """A copy of the store with `statements` run on it (the append-only triggers dropped first)."""
    path = backup(store, os.path.join(work, name + ".sqlite"))
    for trigger in ("ledger_append_only_update", "ledger_detail_append_only_update"):
        sql(path, f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in statements:
        sql(path, statement)
    return path


cases = [
    ("a note in ledger", "UPDATE ledger SET note = note || '.' WHERE note IS NOT NULL AND kind = "
     "(SELECT kind FROM ledger WHERE sequence = (SELECT MIN(sequence) FROM ledger_entry WHERE kind = 'evidence'))"),
    ("the registry data of the trainee in ledger_detail",
     "UPDATE ledger_detail SET registry = replace(registry, 'García', 'Garcia') WHERE registry LIKE '%García%'"),
    ("the serial of the revocation in ledger_detail",
     "UPDATE ledger_detail SET serial = 'VETA-2026-000009' WHERE sequence = "
     "(SELECT sequence FROM ledger_entry WHERE kind = 'revocation')"),
]
for index, (what, statement) in enumerate(cases):
    v, f, rows, said = both(tampered(f"tampered-{index}", statement))
    check(f"both fail when {what} is changed", v != 0 and f != 0, f"veta {v}: {said.strip()}; floor {f}: {rows}")

finish("floor agrees")
