"""End-to-end checks that the registry (organisations, trainees, assessors, issuers, published
curricula) lives in the one hash-chained log and its tables are projections of it, on real stores:
an issuer row inserted with sqlite3 issues nothing and makes nothing VALID, and `veta ledger verify`
names it; an assessor's public key swapped in its table is named by `ledger verify` and signs nothing;
`veta store rebuild` restores damaged tables from the log (and refuses a log that does not verify);
a store made before the registry entered the log (Tests/fixtures/legacy-store) migrates with every
hash intact and its rows registered as migrated.

Usage: registry_log_cli.py VETA WORKDIR
"""
import json
import os
import shutil
import subprocess
import sys

from checks import check, finish
from stores import backup, competent_store, curp, must_on, run_on, sql

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
keys = os.path.join(work, "keys")
ISSUER = "https://capacitacion.example.mx"
ROGUE = "https://rogue.example.mx"
UNITS = ["RIIWHS201E", "RIIMPO338E", "RIIERR302E"]
REGISTRY_TABLES = {"organisation": "rfc", "site": "organisation_rfc, name", "trainee": "id", "assessor": "id",
                   "assessor_unit": "assessor_id, unit_code", "issuer": "id"}


def run(store, *args):
    return run_on(veta, store, *args)


def must(store, *args):
    return must_on(veta, store, *args)


def copy(store, name):
    return backup(store, os.path.join(work, name + ".sqlite"))


def tables(store):
    return {table: sql(store, f"SELECT * FROM {table} ORDER BY {order}") for table, order in REGISTRY_TABLES.items()}


def public_key(name):
    """The base64url key the store keeps, from a JWK written by `veta keys generate`."""
    return json.load(open(os.path.join(keys, f"{name}.public.jwk")))["x"]


def issue(store, issuer, key, out):
    return run(store, "issue", "--issuer", issuer, "--key", os.path.join(keys, f"{key}.private.jwk"), "--out", out,
               "--as-of", "2026-11-30", "--trainee", "T100", "--curriculum", "VTOPHT", "--format", "ob3")


# --- a store registered through veta: every registration is an entry of the log --------------------------------
store = os.path.join(work, "veta.sqlite")
for name in ("A01", "issuer", "rogue"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
competent_store(veta, store, keys, root, UNITS, ISSUER)
kinds = [k for (k,) in sql(store, "SELECT kind FROM ledger_entry WHERE registry IS NOT NULL ORDER BY sequence")]
check("publish, org add, trainee add, assessor add and issuer add each append registry entries to the log",
      kinds.count("publication") == 3 and kinds[3:] == ["organisation", "trainee", "assessor"] + ["authorisation"] * 3 + ["issuer"],
      str(kinds))
check("registry entries name no trainee and no curriculum",
      sql(store, "SELECT COUNT(*) FROM ledger_entry WHERE registry IS NOT NULL AND (trainee_id IS NOT NULL OR curriculum_code IS NOT NULL)")
      == [(0,)])
row = sql(store, "SELECT registry FROM ledger_entry WHERE kind = 'assessor'")[0][0]
check("the assessor's entry registers its public key", json.loads(row).get("publicKey") == public_key("A01"), row)
r = run(store, "ledger", "verify")
check("the log verifies", r.returncode == 0 and "ledger intact" in r.stdout, r.stdout + r.stderr)
good_tables = tables(store)

# --- an issuer row inserted with sqlite3 -------------------------------------------------------------------------
rogue_store = copy(store, "rogue-registered")
must(rogue_store, "issuer", "add", "--url", ROGUE, "--name", "Rogue", "--rfc", "CMN150101AB1",
     "--public-key", os.path.join(keys, "rogue.public.jwk"))
rogue_out = os.path.join(work, "rogue-out")
r = issue(rogue_store, ROGUE, "rogue", rogue_out)
check("(a credential signed by the rogue key, issued on another store where it is registered)", r.returncode == 0, r.stderr)
credential = os.path.join(rogue_out, sorted(os.listdir(rogue_out))[0]) if os.path.isdir(rogue_out) and os.listdir(rogue_out) else ""
inserted = copy(store, "inserted-issuer")
sql(inserted, "INSERT INTO issuer (id, name, rfc, stps_registration, public_key) VALUES (?, 'Rogue', 'CMN150101AB1', NULL, ?)",
    ROGUE, public_key("rogue"))
r = run(inserted, "ledger", "verify")
check("an issuer row the log does not register is named by ledger verify (table and key)",
      r.returncode == 1 and f"table issuer, key {ROGUE}: a row the log does not register" in r.stdout, r.stdout + r.stderr)
r = issue(inserted, ROGUE, "rogue", os.path.join(work, "not-issued"))
check("veta issue with the inserted issuer is refused (exit 1) and writes nothing",
      r.returncode == 1 and not os.path.exists(os.path.join(work, "not-issued")), r.stdout + r.stderr)
r = run(inserted, "verify", credential, "--as-of", "2026-11-30")
check("a credential signed by the inserted issuer's key is NOT VALID", r.returncode == 1 and "NOT VALID" in r.stdout, r.stdout + r.stderr)

# --- an assessor's public key swapped in its table ------------------------------------------------------------------
swapped = copy(store, "swapped-key")
sql(swapped, "UPDATE assessor SET public_key = ? WHERE id = 'A01'", public_key("rogue"))
r = run(swapped, "ledger", "verify")
check("a swapped assessor key is named by ledger verify (table, key and column)",
      r.returncode == 1 and "table assessor, key A01: its columns differ from what the log registers (publicKey)" in r.stdout,
      r.stdout + r.stderr)
check("and the sign-offs still verify against the key the log registered (no signature finding)",
      "signature" not in r.stdout, r.stdout)
r = run(swapped, "signoff", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--assessor", "A01",
        "--key", os.path.join(keys, "rogue.private.jwk"), "--date", "2026-11-20")
check("a sign-off with the swapped-in key is refused (exit 1): the key is checked against the log",
      r.returncode == 1 and "not the one registered" in r.stderr, r.stdout + r.stderr)
curp_swapped = copy(store, "swapped-curp")
sql(curp_swapped, "UPDATE trainee SET curp = ? WHERE id = 'T100'", curp("PEPJ900101HZSXXS0"))
r = run(curp_swapped, "ledger", "verify")
check("a trainee's CURP changed in its table is named by ledger verify",
      r.returncode == 1 and "table trainee, key T100: its columns differ from what the log registers (curp)" in r.stdout, r.stdout)

# --- veta store rebuild ----------------------------------------------------------------------------------------------
damaged = copy(store, "damaged")
sql(damaged, "UPDATE assessor SET public_key = ? WHERE id = 'A01'", public_key("rogue"))
sql(damaged, "DELETE FROM assessor_unit WHERE unit_code = 'RIIMPO338E'")
sql(damaged, "INSERT INTO issuer (id, name, rfc, stps_registration, public_key) VALUES (?, 'Rogue', 'CMN150101AB1', NULL, ?)",
    ROGUE, public_key("rogue"))
sql(damaged, "UPDATE trainee SET curp = ? WHERE id = 'T100'", curp("PEPJ900101HZSXXS0"))
sql(damaged, "DELETE FROM site")
sql(damaged, "INSERT INTO organisation (rfc, name) VALUES ('XAXX010101000', 'Nadie')")
r = run(damaged, "store", "rebuild")
check("veta store rebuild restores damaged tables and lists what it repaired (exit 0)",
      r.returncode == 0 and r.stdout.count("repaired table") == 6, r.stdout + r.stderr)
check("the rebuilt tables are exactly the tables veta wrote", tables(damaged) == good_tables,
      json.dumps(tables(damaged), ensure_ascii=False)[:800])
check("the rebuilt store verifies", run(damaged, "ledger", "verify").returncode == 0)
r = run(damaged, "store", "rebuild", "--format", "json")
report = json.loads(r.stdout) if r.returncode == 0 else {}
check("a second rebuild finds nothing to repair (one JSON document)", report.get("repaired") == [] and report.get("remaining") == [],
      r.stdout + r.stderr)
broken = copy(store, "broken-log")
sql(broken, "UPDATE assessor SET public_key = ? WHERE id = 'A01'", public_key("rogue"))
sql(broken, "DROP TRIGGER ledger_append_only_update")
sql(broken, "UPDATE ledger SET note = 'changed' WHERE sequence = (SELECT MIN(sequence) FROM ledger_entry WHERE kind = 'evidence')")
before = tables(broken)
r = run(broken, "store", "rebuild")
check("veta store rebuild refuses a log that does not verify (exit 1) and changes nothing",
      r.returncode == 1 and "does not verify" in r.stderr and tables(broken) == before, r.stdout + r.stderr)
r = run(os.path.join(work, "missing.sqlite"), "store", "rebuild")
check("veta store rebuild refuses a missing store (exit 2) and creates nothing",
      r.returncode == 2 and not os.path.exists(os.path.join(work, "missing.sqlite")), r.stderr)

# --- amendments and authorisations: entries of the log, with history ------------------------------------------------
amended = copy(store, "amended")
subprocess.run([veta, "keys", "generate", "--name", "A01-2027", "--out", keys], check=True, capture_output=True)
r = run(amended, "assessor", "amend", "--id", "A01", "--public-key", os.path.join(keys, "A01-2027.public.jwk"), "--reason", "key renewed")
check("veta assessor amend renews a key (exit 0)", r.returncode == 0, r.stderr)
r = run(amended, "trainee", "amend", "--id", "T100", "--job-title", "Supervisor", "--reason", "promoted")
check("veta trainee amend changes identity data (exit 0)", r.returncode == 0, r.stderr)
r = run(amended, "org", "amend", "--rfc", "CMP961028AB1", "--site", "Unidad Charcas", "--reason", "new site")
check("veta org amend adds a site (exit 0)", r.returncode == 0, r.stderr)
r = run(amended, "trainee", "amend", "--id", "T100", "--job-title", "Supervisor", "--reason", "again")
check("an amendment that changes nothing is refused (exit 1)", r.returncode == 1, r.stderr)
rows = sql(amended, "SELECT kind, note, registry FROM ledger_entry WHERE kind IN ('trainee', 'amendment') ORDER BY sequence")
check("the log keeps the history: the registration, then each amendment with its reason",
      [(k, n) for k, n, _ in rows] == [("trainee", None), ("amendment", "key renewed"), ("amendment", "promoted"), ("amendment", "new site")]
      and json.loads(rows[0][2])["jobTitle"] == "Operador" and json.loads(rows[2][2])["jobTitle"] == "Supervisor", str(rows))
check("the tables show the data as amended", sql(amended, "SELECT job_title FROM trainee") == [("Supervisor",)]
      and sql(amended, "SELECT public_key FROM assessor") == [(public_key("A01-2027"),)])
r = run(amended, "signoff", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--assessor", "A01",
        "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-20")
check("a sign-off with the old key after the renewal is refused (exit 1)", r.returncode == 1 and "not the one registered" in r.stderr,
      r.stderr)
r = run(amended, "ledger", "verify")
check("sign-offs made before the renewal still verify with the key they were made with", r.returncode == 0, r.stdout + r.stderr)
r = run(amended, "assessor", "withdraw", "--id", "A01", "--unit", "RIIERR302E", "--date", "2026-11-01")
check("veta assessor withdraw (exit 0)", r.returncode == 0, r.stderr)
r = run(amended, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIERR302E", "--target", "unit", "--method", "rpl",
        "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-15")
check("evidence by an assessor whose authorisation was withdrawn is refused (exit 1)", r.returncode == 1 and "not authorised" in r.stderr,
      r.stderr)
r = run(amended, "assessor", "authorise", "--id", "A01", "--unit", "RIIERR302E", "--date", "2026-11-20")
r2 = run(amended, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIERR302E", "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-15")
r3 = run(amended, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIERR302E", "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-21")
check("authorised again from a date: evidence dated between is refused, after it accepted",
      r.returncode == 0 and r2.returncode == 1 and "was not authorised for RIIERR302E on 2026-11-15" in r2.stderr and r3.returncode == 0,
      r.stderr + r2.stderr + r3.stderr)
check("the amended store verifies", run(amended, "ledger", "verify").returncode == 0)

# --- a store made before the registry entered the log -----------------------------------------------------------------
fixture = os.path.join(root, "Tests", "fixtures", "legacy-store")
legacy = os.path.join(work, "legacy.sqlite")
shutil.copy(os.path.join(fixture, "store.sqlite"), legacy)
before = sql(legacy, "SELECT sequence, hash FROM ledger_entry ORDER BY sequence")
legacy_tables = tables(legacy)
r = run(legacy, "store", "upgrade")
check("`veta store upgrade` migrates the old store", r.returncode == 0, r.stdout + r.stderr)
after = sql(legacy, "SELECT sequence, hash FROM ledger_entry ORDER BY sequence")
check("every hash of the old store is unchanged", after[:len(before)] == before, f"{len(before)} -> {len(after)}")
migrated = sql(legacy, "SELECT kind, registry FROM ledger_entry WHERE registry IS NOT NULL ORDER BY sequence")
check("its registry rows were appended after every old entry, each marked as migrated",
      [k for k, _ in migrated] == ["organisation", "issuer", "assessor"] + ["authorisation"] * 3 + ["trainee"] + ["publication"] * 3
      and all("migrated" in json.loads(text) for _, text in migrated)
      and sql(legacy, f"SELECT MIN(sequence) FROM ledger_entry WHERE registry IS NOT NULL")[0][0] > max(s for s, _ in before),
      str([k for k, _ in migrated]))
check("its tables are unchanged", tables(legacy) == legacy_tables)
r = run(legacy, "ledger", "verify")
check("the migrated store verifies, tables and all", r.returncode == 0, r.stdout + r.stderr)
r = run(legacy, "verify", os.path.join(fixture, "records", "VETA-2026-000001.jwt"), "--as-of", "2026-11-30")
check("its records still verify", r.returncode == 0, r.stdout + r.stderr)
sql(legacy, "UPDATE assessor SET public_key = ? WHERE id = 'A01'", public_key("rogue"))
r = run(legacy, "ledger", "verify")
check("a key swapped after the migration is named too", r.returncode == 1 and "table assessor, key A01" in r.stdout, r.stdout)

finish("registry in the log")
