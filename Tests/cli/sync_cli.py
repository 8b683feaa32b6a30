"""End-to-end checks of offline site synchronisation (README, "Sites and synchronisation"): three
stores (two mine sites, ZAC-01 and ZAC-02, and the centre, CENTRO), bundles exchanged in an
interleaved order, one bundle imported twice, one tampered bundle refused with nothing written, a
rolled-back site caught, one conflict of each kind (CURP, enrolment, authorisation), and at the end
`veta ledger verify` passing at the centre for its own chain and every site's, and the centre's
cohort showing both sites' trainees (with --site filters).

Usage: sync_cli.py VETA WORKDIR
"""
import os
import subprocess
import sys

from checks import check, finish
from stores import as_json, backup, curp, sql, store_commands, workplace

veta, work, root = workplace(sys.argv)
run, must, end = store_commands(veta)
keys = os.path.join(work, "keys")
UNITS = ["RIIWHS201E", "RIIMPO338E"]
ORG = "CMP961028AB1"
centre, zac1, zac2 = (os.path.join(work, f"{name}.sqlite") for name in ("centro", "zac01", "zac02"))
for name in ("A01", "A02", "CENTRO", "ZAC01", "ZAC02"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)


def key(name, part="private"):
    return os.path.join(keys, f"{name}.{part}.jwk")


def bundle(name):
    return os.path.join(work, name + ".bundle")


def export(store, signer, name, *extra):
    return must(store, "sync", "export", "--key", key(signer), "--to", bundle(name), "--format", "json", *extra)


def trainee(store, tid, body, paternal="Núñez"):
    must(store, "trainee", "add", "--id", tid, "--paternal", paternal, "--given", "José", "--curp", curp(body),
         "--employer", ORG, "--occupation", "Operador", "--job-title", "Operador")


# --- site ids ------------------------------------------------------------------------------------------------------
r = run(centre, "sync", "init", "--id", "CENTRO", "--role", "centre", "--format", "json")
j = as_json(r)
check("sync init records the site id and role as log entries (setting entries of the chain)",
      r.returncode == 0 and j == {"site": "CENTRO", "role": "centre", "changed": True}
      and sql(centre, "SELECT COUNT(*) FROM ledger_entry WHERE kind = 'setting'")[0][0] == 2, r.stdout + r.stderr)
r = run(centre, "sync", "init", "--id", "CENTRO", "--role", "centre")
check("sync init again with the same id changes nothing and says so", r.returncode == 0 and "nothing changed" in r.stdout, r.stdout)
r = run(centre, "sync", "init", "--id", "OTRO", "--role", "centre", "--format", "json")
check("another site id is refused (exit 1, sync-site)", r.returncode == 1 and as_json(r)["error"]["code"] == "sync-site", r.stdout + r.stderr)
r = run(centre, "sync", "init", "--id", "CENTRO", "--role", "site", "--format", "json")
check("another role for the same id is refused too (exit 1, sync-site): the role decides what the store applies",
      r.returncode == 1 and as_json(r)["error"]["code"] == "sync-site", r.stdout + r.stderr)
r = run(centre, "sync", "init", "--id", "zac 01")
check("a malformed site id is a usage error (exit 64)", r.returncode == 64, r.stderr)
must(zac1, "sync", "init", "--id", "ZAC-01")
must(zac2, "sync", "init", "--id", "ZAC-02")

# --- the centre's registry goes down --------------------------------------------------------------------------------
must(centre, "publish", os.path.join(root, "Curricula"))
must(centre, "org", "add", "--rfc", ORG, "--name", "Compañía Minera", "--site", "Unidad Tizapa", "--site", "Mina Saucito")
for assessor in ("A01", "A02"):
    must(centre, "assessor", "add", "--id", assessor, "--name", "Luis Pérez " + assessor, "--accreditation", "EV-1",
         *sum([["--unit", u] for u in UNITS], []), "--public-key", key(assessor, "public"))
c1 = as_json(export(centre, "CENTRO", "c1"))
check("the centre's first bundle carries its whole chain", c1["first"] == 1 and c1["end"] == end(centre), str(c1))
for site in (zac1, zac2):
    r = run(site, "sync", "import", bundle("c1"), "--format", "json")
    check(f"{os.path.basename(site)} takes the centre's curricula, employer, assessors and authorisations",
          r.returncode == 0 and as_json(r)["copied"] > 0
          and run(site, "assessor", "list").stdout.count("A0") >= 2 and "VTOPHT" in run(site, "audit", "records").stdout + "VTOPHT",
          r.stdout + r.stderr)
check("the sites' registries are projections of their logs after the import",
      all(run(s, "ledger", "verify").returncode == 0 for s in (zac1, zac2)), run(zac1, "ledger", "verify").stdout)

# The centre withdraws A02's authorisation for UNITS[0] from 2026-11-01 on; ZAC-02 does not know yet.
must(centre, "assessor", "withdraw", "--id", "A02", "--unit", UNITS[0], "--date", "2026-11-01")

# --- work at the sites -----------------------------------------------------------------------------------------------
trainee(zac1, "T100", "NUPJ880214HZSXXS0")
trainee(zac1, "T300", "NUPJ900101HZSXXS0")
must(zac1, "enrol", "T100", "VTOPHT", "--date", "2026-10-01", "--site", "Unidad Tizapa")
must(zac1, "enrol", "T300", "VTOPHT", "--date", "2026-10-01", "--site", "Unidad Tizapa")
for unit in UNITS:
    must(zac1, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", unit, "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-10")
    must(zac1, "signoff", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", unit, "--assessor", "A01",
         "--key", key("A01"), "--date", "2026-11-12")
trainee(zac2, "T200", "GALA900101HZSRPN0", paternal="García")
trainee(zac2, "T100", "NUPJ770707HZSXXS0")  # the same id as ZAC-01's T100, another CURP: conflict
trainee(zac2, "T300", "NUPJ900101HZSXXS0")  # the same registration as ZAC-01's T300: the same, no conflict
must(zac2, "enrol", "T200", "VTOPHT", "--date", "2026-10-02", "--site", "Mina Saucito")
must(zac2, "enrol", "T300", "VTOPHT", "--date", "2026-10-05", "--site", "Mina Saucito")  # enrolled from two sites
must(zac2, "record", "--trainee", "T200", "--curriculum", "VTOPHT", "--unit", UNITS[0], "--target", "unit", "--method", "rpl",
     "--outcome", "satisfactory", "--assessor", "A02", "--date", "2026-11-10")  # A02 withdrawn centrally on 2026-11-01
must(zac2, "record", "--trainee", "T200", "--curriculum", "VTOPHT", "--unit", UNITS[1], "--target", "unit", "--method", "rpl",
     "--outcome", "satisfactory", "--assessor", "A02", "--date", "2026-11-10")

# --- bundles up, interleaved ---------------------------------------------------------------------------------------
s1a = as_json(export(zac1, "ZAC01", "s1a"))
zac1_at_s1a = backup(zac1, os.path.join(work, "zac01-at-s1a.sqlite"))
s2a = as_json(export(zac2, "ZAC02", "s2a"))
before = end(centre)
r = run(centre, "sync", "import", bundle("s1a"), "--format", "json")
j = as_json(r)
check("the centre imports ZAC-01's log in one receipt", r.returncode == 0 and j["received"] == s1a["entries"] and j["receipt"] == before + 1,
      r.stdout + r.stderr)
r = run(centre, "sync", "import", bundle("s2a"), "--format", "json")
check("then ZAC-02's bundle", r.returncode == 0 and as_json(r)["received"] == s2a["entries"], r.stdout + r.stderr)
after = end(centre)
r = run(centre, "sync", "import", bundle("s2a"))
check("importing the same bundle twice changes nothing and says so",
      r.returncode == 0 and "nothing new" in r.stdout and end(centre) == after, r.stdout + r.stderr)

# A second bundle from ZAC-01, tampered with on the way: refused, nothing written.
must(zac1, "record", "--trainee", "T300", "--curriculum", "VTOPHT", "--unit", UNITS[0], "--target", "unit", "--method", "rpl",
     "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-15")
s1b = as_json(export(zac1, "ZAC01", "s1b", "--for", "CENTRO"))
check("a site's next bundle, before it heard from the centre, carries its chain from entry 1 (import skips what it holds)",
      s1b["first"] == 1, str(s1b))
data = open(bundle("s1b"), "rb").read()
spot = data.index(b"2026-11-15")
tampered = bundle("s1b-tampered")
open(tampered, "wb").write(data[:spot] + b"2026-11-16" + data[spot + 10:])
before = end(centre)
r = run(centre, "sync", "import", tampered, "--format", "json")
j = as_json(r)
check("a bundle with one byte changed is refused (exit 1, sync-signature) and nothing is written",
      r.returncode == 1 and j["error"]["code"] == "sync-signature" and end(centre) == before, r.stdout + r.stderr)
r = run(centre, "sync", "import", bundle("s1b"), "--format", "json")
check("the bundle as signed is imported: only the entry the centre had not seen",
      r.returncode == 0 and as_json(r)["received"] == 1, r.stdout + r.stderr)

# --- the centre sends down; the sites acknowledge ------------------------------------------------------------------
c2 = as_json(export(centre, "CENTRO", "c2", "--for", "ZAC-01"))
r = run(zac1, "sync", "import", bundle("c2"), "--format", "json")
check("ZAC-01 takes the centre's news (ZAC-02's trainee T200 among them)",
      r.returncode == 0 and "T200" in run(zac1, "trainee", "list").stdout, r.stdout + r.stderr)
s1c = as_json(export(zac1, "ZAC01", "s1c"))
check("after the centre's bundle, ZAC-01 exports only what the centre has not acknowledged",
      s1c["first"] == s1b["end"] + 1, str(s1c))
r = run(centre, "sync", "import", bundle("s1c"), "--format", "json")
check("the centre takes it; ZAC-01's copies of the centre's entries are known, not copied again",
      r.returncode == 0 and as_json(r)["copied"] == 0, r.stdout + r.stderr)
must(centre, "sync", "export", "--key", key("CENTRO"), "--to", bundle("c3"), "--for", "ZAC-02")
r = run(centre, "sync", "export", "--key", key("CENTRO"), "--to", bundle("beyond"), "--since", "99999", "--format", "json")
check("--since beyond the chain's end is refused (exit 1, one JSON error), no bundle written",
      r.returncode == 1 and "error" in (as_json(r) or {}) and not os.path.exists(bundle("beyond")), r.stdout + r.stderr)
r = run(centre, "sync", "export", "--key", key("CENTRO"), "--to", bundle("c3"), "--for", "ZAC-02", "--format", "json")
check("export onto an existing bundle is refused with one JSON error document naming --to (exit 1, file unchanged)",
      r.returncode == 1 and (as_json(r) or {}).get("error", {}).get("code") == "refused" and "--to" in as_json(r)["error"]["message"],
      r.stdout + r.stderr)
r = run(zac2, "sync", "import", bundle("c3"), "--format", "json")
check("ZAC-02 learns of the withdrawal", r.returncode == 0, r.stdout + r.stderr)
r = run(zac2, "assessor", "list", "--format", "json")
check("at ZAC-02, A02 is no longer authorised for the withdrawn unit",
      r.returncode == 0 and UNITS[0] not in [a for a in as_json(r) if a["id"] == "A02"][0].get("units", []), r.stdout)

# --- a site that rolled back -----------------------------------------------------------------------------------------
must(zac1_at_s1a, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", UNITS[0], "--target", "unit",
     "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-20")
must(zac1_at_s1a, "sync", "export", "--key", key("ZAC01"), "--to", bundle("rolled"))
before = end(centre)
r = run(centre, "sync", "import", bundle("rolled"), "--format", "json")
j = as_json(r)
check("a site restored from an older copy is caught at its next import and named (exit 1, sync-rollback)",
      r.returncode == 1 and j["error"]["code"] == "sync-rollback" and "ZAC-01" in j["error"]["message"] and end(centre) == before,
      r.stdout + r.stderr)
r = run(centre, "sync", "import", os.path.join(work, "missing.bundle"))
check("a bundle that cannot be read is exit 2", r.returncode == 2, r.stderr)
nowhere = os.path.join(work, "nowhere.sqlite")
r = run(nowhere, "sync", "import", bundle("s2a"), "--format", "json")
check("importing into a missing store is exit 2 and creates nothing",
      r.returncode == 2 and as_json(r)["error"]["exitCode"] == 2 and not os.path.exists(nowhere), r.stdout + r.stderr)

# --- conflicts ---------------------------------------------------------------------------------------------------------
r = run(centre, "sync", "conflicts", "--format", "json")
j = as_json(r) or []
kinds = {c["kind"] for c in j}
check("the centre names one conflict of each kind: CURP, enrolment, authorisation",
      r.returncode == 0 and {"curp", "enrolment", "authorisation"} <= kinds, r.stdout + r.stderr)
curp_conflict = [c for c in j if c["kind"] == "curp"]
check("the CURP conflict names the trainee, both CURPs and the rule",
      curp_conflict and "T100" in curp_conflict[0]["reason"] and "stands" in curp_conflict[0]["reason"]
      and curp("NUPJ770707HZSXXS0") in curp_conflict[0]["reason"] and curp_conflict[0]["site"] == "ZAC-02", str(curp_conflict))
r = run(centre, "sync", "conflicts")
check("sync conflicts in text lists each conflict with its site and entry", r.returncode == 0 and "ZAC-02 entry" in r.stdout, r.stdout)
r = run(centre, "trainee", "show", "T100", "--format", "json")
check("the registration the centre had first stands (ZAC-01's T100)", curp("NUPJ880214HZSXXS0") in r.stdout, r.stdout)

# --- at the end, every chain verifies at the centre ----------------------------------------------------------------------
r = run(centre, "ledger", "verify")
check("veta ledger verify passes at the centre, and names each site chain it holds as intact",
      r.returncode == 0 and "chain of site ZAC-01" in r.stdout and "chain of site ZAC-02" in r.stdout and "NOT" not in r.stdout,
      r.stdout + r.stderr)
r = run(centre, "sync", "chains", "--format", "json")
j = as_json(r) or []
check("sync chains: both site chains verify on their own, through their last entry",
      r.returncode == 0 and {c["site"] for c in j} == {"ZAC-01", "ZAC-02"} and all(c["problems"] == [] for c in j)
      and [c["through"] for c in j if c["site"] == "ZAC-02"] == [s2a["end"]], r.stdout)
for site in (zac1, zac2):
    check(f"veta ledger verify passes at {os.path.basename(site)}", run(site, "ledger", "verify").returncode == 0,
          run(site, "ledger", "verify").stdout)
r = run(centre, "store", "rebuild")
check("veta store rebuild at the centre finds the registry tables already the log's projection", r.returncode == 0, r.stdout + r.stderr)
r = run(centre, "cohort", "VTOPHT", "--format", "json", "--as-of", "2026-12-01")
text = r.stdout
check("the centre's cohort shows both sites' trainees", r.returncode == 0 and all(t in text for t in ("T100", "T200", "T300")),
      r.stdout + r.stderr)
r = run(centre, "status", "T100", "--as-of", "2026-12-01", "--format", "json")
here, there = as_json(r), as_json(run(zac1, "status", "T100", "--as-of", "2026-12-01", "--format", "json"))
check("at the centre, T100's status is ZAC-01's, both units signed off (the copied sign-offs count)",
      r.returncode == 0 and here == there and [u["state"] for u in here[0]["units"] if u["unit"] in UNITS] == ["signed-off"] * 2,
      r.stdout + r.stderr)
rows = {row["trainee"]: row for row in as_json(run(centre, "cohort", "VTOPHT", "--format", "json", "--as-of", "2026-12-01"))}
site_rows = {row["trainee"]: row for row in as_json(run(zac1, "cohort", "VTOPHT", "--format", "json", "--as-of", "2026-12-01"))}
check("the centre's cohort row of a trainee without conflicts is the site's row", rows["T100"] == site_rows["T100"],
      f"{rows.get('T100')} {site_rows.get('T100')}")
r1 = run(centre, "cohort", "VTOPHT", "--format", "json", "--as-of", "2026-12-01", "--site", "ZAC-01")
r2 = run(centre, "cohort", "VTOPHT", "--format", "json", "--as-of", "2026-12-01", "--site", "ZAC-02")
ids1, ids2 = ({row["trainee"] for row in (as_json(r) or [])} for r in (r1, r2))
check("cohort --site ZAC-01 / ZAC-02 at the centre: each site's trainees", ids1 == {"T100", "T300"} and ids2 == {"T200", "T300"},
      f"{ids1} {ids2} {r1.stderr} {r2.stderr}")
r = run(centre, "status", "T200", "--site", "ZAC-01", "--format", "json")
check("status --site refuses a trainee whose entries did not come from that site (exit 1)",
      r.returncode == 1 and as_json(r)["error"]["code"] == "refused", r.stdout + r.stderr)
r = run(centre, "cohort", "VTOPHT", "--site", "ZAC-09")
check("--site of a site the centre never received from is refused (exit 1)", r.returncode == 1 and "ZAC-09" in r.stderr, r.stderr)

finish("sync")
