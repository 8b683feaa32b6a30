"""End-to-end checks of the fourth outside break-test's sync findings 1 and 2 (README, "Sites and
synchronisation", "This store's own entries"): a received copy of one of this store's own entries is
`known` only when this store holds that entry, the same one.

- A centre restored from an older copy imports ZAC-01's bundle, which holds the centre's entries
  made after the copy: refused (exit 1, `sync-rollback`), nothing written, the fix named; the centre
  that was not restored takes the same bundle (its copies `known`, no conflict), and twice changes nothing.
- A centre set up again under the same id (a new store) imports ZAC-01's bundle, which holds the old
  centre's entries: refused the same way, every time, with no conflict filed.

Usage: outside_fixes_h.py VETA WORKDIR
"""
import os
import shutil
import subprocess
import sys

from checks import check, finish
from stores import as_json, backup, curp, store_commands, workplace

veta, work, root = workplace(sys.argv)
run, must, end = store_commands(veta)
keys = os.path.join(work, "keys")
ORG = "MFR110315AB1"
for name in ("CENTRO", "ZAC01", "A01"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)


def key(name, part="private"):
    return os.path.join(keys, f"{name}.{part}.jwk")


def path(name):
    return os.path.join(work, name)


def cluster(folder):
    """A centre and site ZAC-01 that took its first bundle, with trainee T001 enrolled at the site (setup.sh of the repro)."""
    os.makedirs(folder)
    centre, site = os.path.join(folder, "centro.sqlite"), os.path.join(folder, "zac01.sqlite")
    must(centre, "sync", "init", "--id", "CENTRO", "--role", "centre")
    must(site, "sync", "init", "--id", "ZAC-01", "--role", "site")
    must(centre, "publish", os.path.join(root, "Curricula"))
    must(centre, "org", "add", "--rfc", ORG, "--name", "Minera Fresnillo", "--site", "Mina Saucito")
    must(centre, "assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "CONOCER EV-1234",
         "--unit", "RIIWHS201E", "--public-key", key("A01", "public"))
    down = os.path.join(folder, "down1.bundle")
    must(centre, "sync", "export", "--key", key("CENTRO"), "--for", "ZAC-01", "--to", down)
    must(site, "sync", "import", down)
    must(site, "trainee", "add", "--id", "T001", "--paternal", "García", "--maternal", "López", "--given", "Ana María",
         "--curp", curp("GALA900101MZSRPN0"), "--employer", ORG, "--occupation", "Operadora de camión", "--job-title", "Operadora")
    must(site, "enrol", "T001", "VTOPHT")
    return centre, site


def refused(store, bundle, label, words):
    """Imports `bundle` into `store` (JSON, then text) and checks: exit 1, sync-rollback, `words` in the message, nothing written."""
    before = end(store)
    r = run(store, "sync", "import", bundle, "--format", "json")
    j = as_json(r) or {}
    error = j.get("error", {})
    check(f"{label}: refused, exit 1, sync-rollback, naming what happened",
          r.returncode == 1 and error.get("code") == "sync-rollback" and words in error.get("message", ""), r.stdout + r.stderr)
    check(f"{label}: the fix says to restore the newer copy or take another site id",
          "restore this store from its newest copy" in str(error) and "another site id" in str(error), str(error))
    t = run(store, "sync", "import", bundle)
    check(f"{label}: in text too (exit 1, nothing was written, fix)",
          t.returncode == 1 and words in t.stderr and "nothing was written" in t.stderr and "fix:" in t.stderr, t.stdout + t.stderr)
    check(f"{label}: nothing written", end(store) == before, f"{before} -> {end(store)}")


# --- 1. a centre restored from an older copy ------------------------------------------------------------------------
centre, site = cluster(path("f1"))
older = backup(centre, path("f1/backup.sqlite"))
must(centre, "org", "add", "--rfc", "GMX010101AB1", "--name", "Grupo Minero", "--site", "Mina Proaño")
must(centre, "trainee", "add", "--id", "C001", "--paternal", "Ruiz", "--given", "Pedro", "--curp", curp("PERJ800202HZSRRN0"),
     "--employer", ORG, "--occupation", "Operador", "--job-title", "Operador")
must(centre, "sync", "export", "--key", key("CENTRO"), "--for", "ZAC-01", "--to", path("f1/d2.bundle"))
must(site, "sync", "import", path("f1/d2.bundle"))
live = backup(centre, path("f1/live.sqlite"))
restored = backup(older, path("f1/restored.sqlite"))
up = path("f1/up.bundle")
must(site, "sync", "export", "--key", key("ZAC01"), "--to", up)
refused(restored, up, "a centre restored from an older copy", f"ZAC-01 holds this store's entries through {end(live)}")
check("the restored centre's ledger still verifies and C001 is not taken for one of its own",
      run(restored, "ledger", "verify").returncode == 0 and run(restored, "trainee", "show", "C001").returncode == 1)
before = end(live)
r = run(live, "sync", "import", up, "--format", "json")
j = as_json(r) or {}
receipt = [e for e in as_json(run(live, "export", "--format", "json")) or [] if e.get("kind") == "receipt"][-1:]
lines = [line.split(" ") for line in receipt[0]["registry"]["fields"]["entries"].split("\n")] if receipt else []
known = [int(p[2]) for p in lines if len(p) > 2 and p[1] == "known"]
check("the centre that was not restored takes the same bundle: no conflict, its copies known as entries it holds",
      r.returncode == 0 and j.get("conflicts") == 0 and known and max(known) <= before, r.stdout + r.stderr + str(known))
again = as_json(run(live, "sync", "import", up, "--format", "json")) or {}
check("importing it again there changes nothing", again.get("received") == 0, str(again))
must(site, "record", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "element:1",
     "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", "--hours", "4", "--site", "Mina Saucito")
must(live, "sync", "export", "--key", key("CENTRO"), "--for", "ZAC-01", "--to", path("f1/d3.bundle"))
must(site, "sync", "import", path("f1/d3.bundle"))
must(site, "sync", "export", "--key", key("ZAC01"), "--to", path("f1/up2.bundle"))
r = run(live, "sync", "import", path("f1/up2.bundle"), "--format", "json")
j = as_json(r) or {}
check("a second round trip (centre, site, centre) still imports with no conflict and the chain verifies",
      r.returncode == 0 and j.get("conflicts") == 0 and j.get("copied", 0) >= 1 and run(live, "ledger", "verify").returncode == 0,
      r.stdout + r.stderr)

# --- 2. a centre set up again under the same id -------------------------------------------------------------------
centre, site = cluster(path("f3"))
fresh = path("f3/new-centre.sqlite")
must(fresh, "sync", "init", "--id", "CENTRO", "--role", "centre")
up = path("f3/up.bundle")
must(site, "sync", "export", "--key", key("ZAC01"), "--to", up)
refused(fresh, up, "a centre set up again under the same id", "set up again under")  # entries 1-2 (sync init) may match: either message
check("no conflict is filed and T001 is not taken in", run(fresh, "trainee", "show", "T001").returncode == 1
      and "T001" not in run(fresh, "sync", "conflicts").stdout)
r = run(fresh, "sync", "import", up, "--format", "json")
check("importing again is refused the same way (not 'nothing new')",
      r.returncode == 1 and (as_json(r) or {}).get("error", {}).get("code") == "sync-rollback", r.stdout + r.stderr)

shutil.rmtree(work, ignore_errors=True)
finish("outside fixes (h)")
