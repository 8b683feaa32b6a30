"""End-to-end checks of a PostgreSQL centre (README, "Sites and synchronisation"): two mine sites on
SQLite files (ZAC-01, ZAC-02) and the centre CENTRO on the throwaway cluster `make test` starts
(Tests/pg/with-cluster.sh sets VETA_TEST_POSTGRES). Bundles exchanged in an interleaved order, one
imported twice, one tampered with and refused with nothing written, a rolled-back site caught, one
conflict of each kind (CURP, enrolment, authorisation), and at the end every chain verifying at the
centre (`ledger verify`, `sync chains`), `sync export` from the centre taken by the sites, and the
--site filters of status, cohort, due and audit records. A twin centre on a SQLite file, set up apart
under the same id CENTRO, must refuse the sites' bundles (README, "This store's own entries").

Without VETA_TEST_POSTGRES nothing runs (a `skip` line); with it, a server that cannot be reached fails.
Usage: pg_sync_cli.py VETA WORKDIR
"""
import json
import os
import subprocess
import sys
import uuid

from checks import check, finish
from stores import backup, curp, must_on, run_on, sql, workplace

base = os.environ.get("VETA_TEST_POSTGRES", "")
if not base:
    print("skip PostgreSQL centre checks: VETA_TEST_POSTGRES is not set (make test starts a cluster and sets it)")
    sys.exit(0)
veta, work, root = workplace(sys.argv)
keys = os.path.join(work, "keys")
UNITS = ["RIIWHS201E", "RIIMPO338E"]
ORG = "CMP961028AB1"
ISSUER = "https://capacitacion.example.mx"


def psql(url, statement):
    return subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", url, "-c", statement],
                          capture_output=True, text=True, timeout=60)


name = "veta_sync_" + uuid.uuid4().hex
created = psql(base, f"CREATE DATABASE {name}")
if created.returncode != 0:
    print(f"FAIL the test cluster at {base} cannot be reached: {created.stderr.strip()}")
    finish("PostgreSQL centre")
centre = base.rsplit("/", 1)[0] + "/" + name
twin = os.path.join(work, "centro.sqlite")
zac1, zac2 = (os.path.join(work, f"{n}.sqlite") for n in ("zac01", "zac02"))
for n in ("A01", "A02", "CENTRO", "ZAC01", "ZAC02", "issuer"):
    subprocess.run([veta, "keys", "generate", "--name", n, "--out", keys], check=True, capture_output=True)


def key(n, part="private"):
    return os.path.join(keys, f"{n}.{part}.jwk")


def run(store, *args):
    return run_on(veta, store, *args)


def must(store, *args):
    return must_on(veta, store, *args)


def centres(*args):
    """Runs a set-up step on the PostgreSQL centre and on its SQLite twin."""
    return [must(store, *args) for store in (centre, twin)]


def end(store):
    if store == centre:
        result = psql(centre, "SELECT COUNT(*) FROM ledger_entry")
        return int(result.stdout.strip()) if result.returncode == 0 else -1
    return sql(store, "SELECT COUNT(*) FROM ledger_entry")[0][0]


def as_json(result):
    try:
        return json.loads(result.stdout)
    except ValueError:
        return None


def bundle(n):
    return os.path.join(work, n + ".bundle")


def export(store, signer, n, *extra):
    return as_json(must(store, "sync", "export", "--key", key(signer), "--to", bundle(n), "--format", "json", *extra))


def up(n, label, url=None):
    """Imports bundle `n` into the PostgreSQL centre (as `url`, by default its owner). The first time, also
    into the SQLite twin: a store set up apart under the same id CENTRO, which must refuse a site's bundle
    carrying the PostgreSQL centre's entries as a centre set up again under its id (sync-rollback), with
    nothing written (README, "This store's own entries"); the twin then takes no part in the exchange."""
    if n == "s1a":
        before = end(twin)
        r = run(twin, "sync", "import", bundle(n), "--format", "json")
        check(f"{label}: the SQLite twin, set up apart under the same id, refuses it (sync-rollback, nothing written)",
              r.returncode == 1 and (as_json(r) or {}).get("error", {}).get("code") == "sync-rollback" and end(twin) == before,
              r.stdout + r.stderr)
    return run(url or centre, "sync", "import", bundle(n), "--format", "json")


def trainee(store, tid, body, paternal="Núñez"):
    must(store, "trainee", "add", "--id", tid, "--paternal", paternal, "--given", "José", "--curp", curp(body),
         "--employer", ORG, "--occupation", "Operador", "--job-title", "Operador")


def record(store, tid, unit, assessor, date, method="rpl"):
    must(store, "record", "--trainee", tid, "--curriculum", "VTOPHT", "--unit", unit, "--target", "unit", "--method", method,
         "--outcome", "satisfactory", "--assessor", assessor, "--date", date)


# --- the centre on PostgreSQL, and its twin ---------------------------------------------------------------------------
r = run(centre, "sync", "init", "--id", "CENTRO", "--role", "centre", "--format", "json")
check("sync init on a PostgreSQL store records the site id and role as entries of its chain",
      r.returncode == 0 and as_json(r) == {"site": "CENTRO", "role": "centre", "changed": True}, r.stdout + r.stderr)
must(twin, "sync", "init", "--id", "CENTRO", "--role", "centre")
# The twin's chain differs from its second entry on, whatever the clock: it is another store under the same id.
must(twin, "org", "add", "--rfc", "TWI150101AB1", "--name", "Otra Compañía", "--site", "Mina Gemela")
must(zac1, "sync", "init", "--id", "ZAC-01")
must(zac2, "sync", "init", "--id", "ZAC-02")
centres("publish", os.path.join(root, "Curricula"))
centres("org", "add", "--rfc", ORG, "--name", "Compañía Minera", "--site", "Unidad Tizapa", "--site", "Mina Saucito")
for assessor in ("A01", "A02"):
    centres("assessor", "add", "--id", assessor, "--name", "Luis Pérez " + assessor, "--accreditation", "EV-1",
            *sum([["--unit", u] for u in UNITS], []), "--public-key", key(assessor, "public"))

# --- down: sync export at the PostgreSQL centre --------------------------------------------------------------------------
c1 = export(centre, "CENTRO", "c1")
check("sync export at the PostgreSQL centre carries its whole chain", c1["first"] == 1 and c1["end"] == end(centre), str(c1))
for site in (zac1, zac2):
    r = run(site, "sync", "import", bundle("c1"), "--format", "json")
    check(f"{os.path.basename(site)} takes the PostgreSQL centre's curricula, employer, assessors and authorisations",
          r.returncode == 0 and as_json(r)["copied"] > 0 and run(site, "assessor", "list").stdout.count("A0") >= 2
          and run(site, "ledger", "verify").returncode == 0, r.stdout + r.stderr)
# The centre withdraws A02's authorisation for UNITS[0] from 2026-11-01 on; ZAC-02 does not know yet.
centres("assessor", "withdraw", "--id", "A02", "--unit", UNITS[0], "--date", "2026-11-01")

# --- work at the sites ------------------------------------------------------------------------------------------------------
trainee(zac1, "T100", "NUPJ880214HZSXXS0")
trainee(zac1, "T300", "NUPJ900101HZSXXS0")
must(zac1, "enrol", "T100", "VTOPHT", "--date", "2026-10-01", "--site", "Unidad Tizapa")
must(zac1, "enrol", "T300", "VTOPHT", "--date", "2026-10-01", "--site", "Unidad Tizapa")
for unit in UNITS:
    record(zac1, "T100", unit, "A01", "2026-11-10")
    must(zac1, "signoff", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", unit, "--assessor", "A01",
         "--key", key("A01"), "--date", "2026-11-12")
trainee(zac2, "T200", "GALA900101HZSRPN0", paternal="García")
trainee(zac2, "T100", "NUPJ770707HZSXXS0")  # ZAC-01's id with another CURP: a CURP conflict
trainee(zac2, "T300", "NUPJ900101HZSXXS0")  # ZAC-01's T300 exactly: the same, no conflict
must(zac2, "enrol", "T200", "VTOPHT", "--date", "2026-10-02", "--site", "Mina Saucito")
must(zac2, "enrol", "T300", "VTOPHT", "--date", "2026-10-05", "--site", "Mina Saucito")  # enrolled from two sites
record(zac2, "T200", UNITS[0], "A02", "2026-11-10")  # A02 withdrawn centrally on 2026-11-01: an authorisation conflict
record(zac2, "T200", UNITS[1], "A02", "2026-11-10")

# The application role of the README's GRANTs (no UPDATE or DELETE on the log) imports ZAC-02's first bundle.
role = "veta_app_" + name[-8:]
granted = psql(centre, f"""
CREATE ROLE {role} LOGIN;
GRANT CONNECT ON DATABASE {name} TO {role};
GRANT USAGE ON SCHEMA public TO {role};
GRANT SELECT ON veta_schema, ledger_entry TO {role};
GRANT SELECT, INSERT ON ledger, ledger_name, ledger_detail, curriculum TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON organisation, site, trainee, assessor, assessor_unit, issuer, curriculum_lifecycle,
    record_serial, record_artifact TO {role};
""")
check("the README's GRANTs apply to the centre's database", granted.returncode == 0, granted.stderr)
app = centre.replace("postgresql://veta@", f"postgresql://{role}@")

# --- up, interleaved: ZAC-01, ZAC-02, ZAC-02 again, ZAC-01 tampered, ZAC-01 ----------------------------------------------
s1a = export(zac1, "ZAC01", "s1a")
zac1_at_s1a = backup(zac1, os.path.join(work, "zac01-at-s1a.sqlite"))
s2a = export(zac2, "ZAC02", "s2a")
before = end(centre)
r = up("s1a", "ZAC-01's first bundle")
check("the PostgreSQL centre imports ZAC-01's log in one receipt (kind 20 in its ledger)",
      r.returncode == 0 and as_json(r)["received"] == s1a["entries"] and as_json(r)["receipt"] == before + 1
      and psql(centre, f"SELECT kind FROM ledger WHERE sequence = {before + 1}").stdout.strip() == "20", r.stdout + r.stderr)
r = up("s2a", "ZAC-02's first bundle", url=app)
check("then ZAC-02's bundle, imported by the application role, with its conflicts counted", r.returncode == 0 and as_json(r)["received"] == s2a["entries"]
      and as_json(r)["conflicts"] >= 3, r.stdout + r.stderr)
after = end(centre)
r = run(centre, "sync", "import", bundle("s2a"))
check("importing the same bundle twice at the PostgreSQL centre changes nothing and says so",
      r.returncode == 0 and "nothing new" in r.stdout and end(centre) == after, r.stdout + r.stderr)
record(zac1, "T300", UNITS[0], "A01", "2026-11-15")
s1b = export(zac1, "ZAC01", "s1b", "--for", "CENTRO")
data = open(bundle("s1b"), "rb").read()
spot = data.index(b"2026-11-15")
tampered = bundle("s1b-tampered")
open(tampered, "wb").write(data[:spot] + b"2026-11-16" + data[spot + 10:])
before, receipts = end(centre), psql(centre, "SELECT COUNT(*) FROM ledger WHERE kind = 20").stdout.strip()
r = run(centre, "sync", "import", tampered, "--format", "json")
check("a tampered bundle is refused at the PostgreSQL centre (exit 1, sync-signature) and nothing is written",
      r.returncode == 1 and (as_json(r) or {}).get("error", {}).get("code") == "sync-signature" and end(centre) == before
      and psql(centre, "SELECT COUNT(*) FROM ledger WHERE kind = 20").stdout.strip() == receipts, r.stdout + r.stderr)
r = up("s1b", "ZAC-01's second bundle")
check("the bundle as signed is imported: only the entry the centre had not seen", r.returncode == 0 and as_json(r)["received"] == 1,
      r.stdout + r.stderr)

# --- down again, and acknowledgements up -------------------------------------------------------------------------------------
export(centre, "CENTRO", "c2", "--for", "ZAC-01")
r = run(zac1, "sync", "import", bundle("c2"), "--format", "json")
check("ZAC-01 takes the PostgreSQL centre's news (ZAC-02's trainee T200 among them)",
      r.returncode == 0 and "T200" in run(zac1, "trainee", "list").stdout, r.stdout + r.stderr)
s1c = export(zac1, "ZAC01", "s1c")
check("after the centre's bundle, ZAC-01 exports only what the PostgreSQL centre has not acknowledged",
      s1c["first"] == s1b["end"] + 1, str(s1c))
r = up("s1c", "ZAC-01's acknowledgement")
check("the centre takes it; ZAC-01's copies of the centre's entries are known, not copied again",
      r.returncode == 0 and as_json(r)["copied"] == 0, r.stdout + r.stderr)
export(centre, "CENTRO", "c3", "--for", "ZAC-02")
r = run(zac2, "sync", "import", bundle("c3"), "--format", "json")
check("ZAC-02 learns of the withdrawal from the PostgreSQL centre", r.returncode == 0 and UNITS[0] not in [
    a for a in as_json(run(zac2, "assessor", "list", "--format", "json")) if a["id"] == "A02"][0].get("units", []), r.stdout + r.stderr)
s2b = export(zac2, "ZAC02", "s2b")
r = up("s2b", "ZAC-02's acknowledgement")
check("ZAC-02's next bundle starts after what the centre acknowledged, and nothing of the centre's comes back",
      r.returncode == 0 and s2b["first"] == s2a["end"] + 1 and as_json(r)["copied"] == 0, r.stdout + r.stderr + str(s2b))

# --- a site that rolled back ----------------------------------------------------------------------------------------------------
record(zac1_at_s1a, "T100", UNITS[0], "A01", "2026-11-20", method="observation")
must(zac1_at_s1a, "sync", "export", "--key", key("ZAC01"), "--to", bundle("rolled"))
before = end(centre)
r = run(centre, "sync", "import", bundle("rolled"), "--format", "json")
j = as_json(r) or {}
check("a site restored from an older copy is caught at the PostgreSQL centre (exit 1, sync-rollback), nothing written",
      r.returncode == 1 and j.get("error", {}).get("code") == "sync-rollback" and "ZAC-01" in j["error"]["message"]
      and end(centre) == before, r.stdout + r.stderr)

empty = "veta_sync_empty_" + uuid.uuid4().hex[:8]
psql(base, f"CREATE DATABASE {empty}")
r = run(base.rsplit("/", 1)[0] + "/" + empty, "sync", "import", bundle("s2a"), "--format", "json")
tables = psql(base.rsplit("/", 1)[0] + "/" + empty, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")
check("importing into a PostgreSQL database without a Veta store is exit 2 (one JSON error) and creates no table",
      r.returncode == 2 and (as_json(r) or {}).get("error", {}).get("exitCode") == 2 and tables.stdout.strip() == "0",
      r.stdout + r.stderr + tables.stdout + tables.stderr)
psql(base, f"DROP DATABASE {empty} WITH (FORCE)")

# --- conflicts and chains at the centre ----------------------------------------------------------------------------------------
r = run(centre, "sync", "conflicts", "--format", "json")
j = as_json(r) or []
check("sync conflicts at the PostgreSQL centre names one conflict of each kind: CURP, enrolment, authorisation",
      r.returncode == 0 and {"curp", "enrolment", "authorisation"} <= {c["kind"] for c in j}, r.stdout + r.stderr)
r = run(centre, "trainee", "show", "T100", "--format", "json")
check("the registration the centre had first stands (ZAC-01's T100)", curp("NUPJ880214HZSXXS0") in r.stdout, r.stdout)
r = run(centre, "ledger", "verify")
check("veta ledger verify passes at the PostgreSQL centre and names each site chain as intact",
      r.returncode == 0 and "chain of site ZAC-01" in r.stdout and "chain of site ZAC-02" in r.stdout and "NOT" not in r.stdout,
      r.stdout + r.stderr)
r = run(centre, "sync", "chains", "--format", "json")
j = as_json(r) or []
ends = {"ZAC-01": s1c["end"], "ZAC-02": s2b["end"]}
check("sync chains at the PostgreSQL centre: both site chains verify on their own, through their last entry",
      r.returncode == 0 and {c["site"]: c["through"] for c in j} == ends and all(c["problems"] == [] for c in j), r.stdout + r.stderr)
r = run(centre, "store", "rebuild")
check("veta store rebuild at the PostgreSQL centre finds the registry tables already the log's projection",
      r.returncode == 0, r.stdout + r.stderr)

# --- the centre's view: cohort, status, and the --site filters ---------------------------------------------------------------
AS_OF = ["--as-of", "2026-12-01"]
cohort = as_json(run(centre, "cohort", "VTOPHT", "--format", "json", *AS_OF)) or []
rows = {row["trainee"]: row for row in cohort}
zac1_rows = {row["trainee"]: row for row in as_json(run(zac1, "cohort", "VTOPHT", "--format", "json", *AS_OF))}
zac2_rows = {row["trainee"]: row for row in as_json(run(zac2, "cohort", "VTOPHT", "--format", "json", *AS_OF))}
check("the PostgreSQL centre's cohort is the union of the sites' trainees",
      set(rows) == set(zac1_rows) | set(zac2_rows) == {"T100", "T200", "T300"}, f"{set(rows)} {set(zac1_rows)} {set(zac2_rows)}")
check("... and the row of each trainee whose entries came from ZAC-01 without conflict is ZAC-01's row",
      rows.get("T100") == zac1_rows.get("T100") and rows.get("T300") == zac1_rows.get("T300"), f"{rows} {zac1_rows}")
here = as_json(run(centre, "status", "T100", "--format", "json", *AS_OF))
check("at the PostgreSQL centre, T100's status is ZAC-01's (the copied sign-offs count)",
      here == as_json(run(zac1, "status", "T100", "--format", "json", *AS_OF)), str(here))
for store, engine in ((centre, "PostgreSQL"),):
    ids = [{row["trainee"] for row in as_json(run(store, "cohort", "VTOPHT", "--format", "json", *AS_OF, "--site", s)) or []}
           for s in ("ZAC-01", "ZAC-02")]
    check(f"cohort --site ZAC-01 / ZAC-02 at the {engine} centre: each site's trainees", ids == [{"T100", "T300"}, {"T200", "T300"}],
          str(ids))
    r = run(store, "status", "T200", "--site", "ZAC-01", "--format", "json")
    check(f"status --site at the {engine} centre refuses a trainee whose entries came from another site (exit 1)",
          r.returncode == 1 and (as_json(r) or {}).get("error", {}).get("code") == "refused", r.stdout + r.stderr)
    r = run(store, "status", "T100", "--site", "ZAC-01", "--format", "json", *AS_OF)
    check(f"status --site at the {engine} centre shows a trainee of that site", r.returncode == 0 and as_json(r) == here, r.stdout + r.stderr)
    due = ["due", "--within", "3650d", "--as-of", "2027-10-01", "--format", "json"]
    every, one, two = (as_json(run(store, *due, *extra)) for extra in ([], ["--site", "ZAC-01"], ["--site", "ZAC-02"]))
    check(f"due --site at the {engine} centre keeps the trainees of that site (T100's signed-off units are ZAC-01's)",
          every and {i["trainee"] for i in every} == {"T100"} and one == every and two == [], f"{every} {one} {two}")
    r = run(store, "due", "--site", "ZAC-09", "--format", "json")
    check(f"due --site of a site the {engine} centre never received from is refused (exit 1, one JSON error)",
          r.returncode == 1 and "ZAC-09" in (as_json(r) or {}).get("error", {}).get("message", ""), r.stdout + r.stderr)

# --- audit records --site: a record issued at the centre for ZAC-01's trainee ---------------------------------------------------
for store, engine in ((centre, "PostgreSQL"),):
    must(store, "issuer", "add", "--url", ISSUER, "--name", "Capacitación Minera", "--rfc", "CMN150101AB1",
         "--public-key", key("issuer", "public"))
    must(store, "issue", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", UNITS[0], "--format", "ob3", "--issuer", ISSUER,
         "--key", key("issuer"), "--out", os.path.join(work, f"records-{engine}"), "--as-of", "2026-12-01")
    reports = [run(store, "audit", "records", "--format", "json", *extra) for extra in ([], ["--site", "ZAC-01"], ["--site", "ZAC-02"])]
    every, one, two = (as_json(r) or {} for r in reports)
    check(f"audit records --site at the {engine} centre: ZAC-01's audit covers T100's record, ZAC-02's does not",
          all(r.returncode in (0, 1) for r in reports) and every.get("employers") == [ORG] and one.get("employers") == [ORG]
          and two.get("employers") == [] and two.get("curricula") == [], f"{every} {one} {two}")
    r = run(store, "audit", "records", "--site", "ZAC-09")
    check(f"audit records --site of an unknown site at the {engine} centre is refused (exit 1)", r.returncode == 1 and "ZAC-09" in r.stderr,
          r.stdout + r.stderr)

psql(base, f"DROP DATABASE {name} WITH (FORCE)")
psql(base, f"DROP ROLE IF EXISTS {role}")
finish("PostgreSQL centre")
