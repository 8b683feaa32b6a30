"""End-to-end checks of dates and time, one per rule: "today" is the site's local date (a store setting
for the time zone, else the system's), `VETA_NOW` fixes the instant for tests, stored instants stay
UTC, `--as-of D` answers by the evidence dates, `--known-at T` by what the store had recorded by T,
and the records audit judges an issue with what was known when it was issued.

Usage: dates_cli.py VETA WORKDIR
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys

from checks import check, finish

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
store = os.path.join(work, "veta.sqlite")
keys = os.path.join(work, "keys")
out = os.path.join(work, "records")
ISSUER = "https://capacitacion.example.mx"
# 21:00 on 29 November in Zacatecas (UTC-6, no daylight saving) is 03:00 UTC on 30 November.
EVENING = "2026-11-30T03:00:00Z"


def run(*args, now=None, tz="UTC", path=store):
    env = dict(os.environ, TZ=tz)
    env.pop("VETA_NOW", None)
    if now:
        env["VETA_NOW"] = now
    return subprocess.run([veta, *args, "--store", path], capture_output=True, text=True, env=env, timeout=300)


def must(*args, now=None, tz="UTC", path=store):
    r = run(*args, now=now, tz=tz, path=path)
    if r.returncode != 0:
        print(f"FAIL setup: veta {' '.join(args[:3])}: {r.stderr.strip()}")
        sys.exit(1)
    return r


def rows(query, *args, path=store):
    db = sqlite3.connect(path)
    try:
        return db.execute(query, args).fetchall()
    finally:
        db.close()


subprocess.run([veta, "keys", "generate", "--name", "A01", "--out", keys], check=True, capture_output=True)
subprocess.run([veta, "keys", "generate", "--name", "issuer", "--out", keys], check=True, capture_output=True)
setup = "2026-11-01T15:00:00Z"
must("publish", os.path.join(root, "Curricula"), now=setup)
must("org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo", "--site", "Mina Saucito", now=setup)
for tid, curp in (("T001", "GALA900101MZSRPN05"), ("T002", "PERL850607HZSRRS04")):
    must("trainee", "add", "--id", tid, "--paternal", "García", "--given", "Ana", "--curp", curp, "--employer", "MFR110315AB1",
         "--occupation", "Operadora", "--job-title", "Operadora", now=setup)
must("assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "EV-1", "--unit", "RIIWHS201E",
     "--public-key", os.path.join(keys, "A01.public.jwk"), now=setup)
must("issuer", "add", "--url", ISSUER, "--name", "Capacitación Minera", "--rfc", "CMN150101AB1",
     "--public-key", os.path.join(keys, "issuer.public.jwk"), now=setup)

# --- the time zone setting -----------------------------------------------------------------------------
r = run("store", "set-timezone", "CST", now=setup)
check("a time zone that is not an IANA name is a usage error naming the fix, and appends nothing",
      r.returncode == 64 and "not an IANA time zone" in r.stderr and "America/Mexico_City" in r.stderr
      and rows("SELECT COUNT(*) FROM ledger_entry WHERE kind = 'setting'") == [(0,)], r.stderr)
r = run("store", "set-timezone", "America/Mexico_City", "--reason", "sitio en Zacatecas", now=setup)
setting = rows("SELECT date, recorded_at, note FROM ledger_entry WHERE kind = 'setting'")
verified = run("ledger", "verify")
check("the time zone setting is one entry of the log, and the log verifies",
      r.returncode == 0 and setting == [("2026-11-01", "2026-11-01T15:00:00Z", "sitio en Zacatecas")] and verified.returncode == 0,
      r.stderr + str(setting) + verified.stdout + verified.stderr)
shown = run("store", "timezone", "--format", "json", now=EVENING)
report = json.loads(shown.stdout) if shown.returncode == 0 else {}
check("store timezone shows the store's zone and today on its calendar",
      report.get("timeZone") == "America/Mexico_City" and report.get("source") == "store" and report.get("today") == "2026-11-29",
      shown.stdout + shown.stderr)

# --- today is the site's local date ------------------------------------------------------------------
must("enrol", "T001", "VTOPHT", "--date", "2026-11-01", now=setup)  # not after the site's today at that instant
must("enrol", "T002", "VTOPHT", "--date", "2026-11-01", now=setup)  # not after the site's today at that instant
must("record", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "element:1", "--method", "observation",
     "--outcome", "satisfactory", "--assessor", "A01", now=EVENING)
last = rows("SELECT date, recorded_at FROM ledger_entry ORDER BY sequence DESC LIMIT 1")
check("evidence recorded at 21:00 in Zacatecas is dated that local day; its instant is stored in UTC",
      last == [("2026-11-29", EVENING)], str(last))
other = os.path.join(work, "system.sqlite")
must("org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo", path=other)
local = run("store", "timezone", "--format", "json", now=EVENING, tz="America/Mexico_City", path=other)
utc = run("store", "timezone", "--format", "json", now=EVENING, tz="UTC", path=other)
check("without a store setting, today is the system's zone (TZ): the local day in Zacatecas, the next day in UTC",
      local.returncode == 0 and json.loads(local.stdout)["source"] == "system" and json.loads(local.stdout)["today"] == "2026-11-29"
      and utc.returncode == 0 and json.loads(utc.stdout)["today"] == "2026-11-30", local.stdout + utc.stdout + local.stderr)
r = run("status", "T001", now="yesterday")
check("a VETA_NOW that is not an instant is refused with exit 1, naming the form", r.returncode == 1 and "VETA_NOW" in r.stderr, r.stderr)

# --- verify does not call a credential expired a day early ---------------------------------------------
R = ["record", "--trainee", "T002", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--assessor", "A01", "--outcome", "satisfactory"]
must(*R, "--target", "element:1", "--method", "observation", "--date", "2026-11-09", now="2026-11-09T18:00:00Z")
must(*R, "--target", "element:2", "--method", "practical", "--date", "2026-11-16", now="2026-11-16T18:00:00Z")
for k in ("K1", "K2", "K3", "K4", "K5", "K6", "K7"):
    must(*R, "--target", f"knowledge:{k}", "--method", "written-test", "--date", "2026-11-16", now="2026-11-16T18:00:00Z")
must("signoff", "--trainee", "T002", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--assessor", "A01",
     "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-17", now="2026-11-17T18:00:00Z")
must("issue", "--trainee", "T002", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--format", "ob3", "--issuer", ISSUER,
     "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, now="2026-11-18T18:00:00Z")
jwt = os.path.join(out, "VETA-2026-000001.jwt")
evening = run("verify", jwt, now="2027-11-17T03:00:00Z")
utc_day = run("verify", jwt, "--as-of", "2027-11-17")
check("verify at 21:00 in Zacatecas on the day before expiry says valid (the UTC date would say expired)",
      evening.returncode == 0 and utc_day.returncode == 1 and "expired on 2027-11-17" in utc_day.stdout,
      evening.stdout + evening.stderr + utc_day.stdout)

# --- --as-of: what was true on D, by the evidence dates ------------------------------------------------
def unit_state(*args, now=None):
    r = run("status", "T002", "--format", "json", *args, now=now)
    if r.returncode != 0:
        return r.stderr
    status = json.loads(r.stdout)[0]
    return next(u["state"] for u in status["units"] if u["unit"] == "RIIWHS201E")


check("--as-of D: the unit is signed off on the sign-off date, not the day before",
      unit_state("--as-of", "2026-11-16") != "signed-off" and unit_state("--as-of", "2026-11-17") == "signed-off",
      str((unit_state("--as-of", "2026-11-16"), unit_state("--as-of", "2026-11-17"))))

# --- --known-at: what the store had recorded by T ------------------------------------------------------
before = unit_state("--known-at", "2026-11-17T17:59:59Z", "--as-of", "2026-12-31")
after = unit_state("--known-at", "2026-11-17T12:00:00-06:00", "--as-of", "2026-12-31")
check("--known-at T: a sign-off recorded after T is not seen, one recorded by T is (with a UTC offset too)",
      before != "signed-off" and after == "signed-off", str((before, after)))
cohort = run("cohort", "VTOPHT", "--known-at", "2026-11-10T00:00:00Z", "--as-of", "2026-12-31", "--format", "json")
rows_then = json.loads(cohort.stdout) if cohort.returncode == 0 else []
check("cohort --known-at counts only what was recorded by T",
      cohort.returncode == 0 and all(row["unitsSignedOff"] == 0 for row in rows_then), cohort.stdout + cohort.stderr)
bad = run("status", "T002", "--known-at", "2026-11-17")
check("--known-at takes an instant: a bare date is a usage error", bad.returncode == 64, bad.stderr)

# --- the records audit: judged with what was known at issue; no longer backed reported apart -----------
def audit():
    r = run("audit", "records", "--format", "json")
    found = json.loads(r.stdout)["findings"] if r.stdout.strip() else []
    return {(f["diagnostic"]["code"], f["diagnostic"]["message"].split(" ")[0]) for f in found}


found = audit()
check("a record issued on what the store knew is neither B006 nor B002",
      not any(serial == "VETA-2026-000001" for code, serial in found if code in ("VETA-B002", "VETA-B006")), str(found))
signoff = rows("SELECT sequence FROM ledger_entry WHERE kind = 'signoff' AND trainee_id = 'T002'")[0][0]
must("correct", str(signoff), "--reason", "firmado por error", "--date", "2026-11-20", now="2026-11-20T18:00:00Z")
found = audit()
check("a record backed when issued but voided later is B002 (no longer backed), not B006",
      ("VETA-B002", "VETA-2026-000001") in found and ("VETA-B006", "VETA-2026-000001") not in found, str(found))
# T001 completes the unit with entries recorded on 1 December, then a record is issued by a machine whose
# clock says 25 November: at the issue's instant the store knew none of that evidence.
R = ["record", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--assessor", "A01", "--outcome", "satisfactory"]
late = "2026-12-01T18:00:00Z"
must(*R, "--target", "element:1", "--method", "observation", "--date", "2026-11-19", now=late)
must(*R, "--target", "element:2", "--method", "practical", "--date", "2026-11-20", now=late)
for k in ("K1", "K2", "K3", "K4", "K5", "K6", "K7"):
    must(*R, "--target", f"knowledge:{k}", "--method", "written-test", "--date", "2026-11-20", now=late)
must("signoff", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--assessor", "A01",
     "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-21", now=late)
must("issue", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--format", "ob3", "--issuer", ISSUER,
     "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, "--as-of", "2026-11-25", now="2026-11-25T18:00:00Z")
found = audit()
serial = rows("SELECT serial FROM ledger_entry WHERE kind = 'issue' ORDER BY sequence DESC LIMIT 1")
serial = serial[0][0] if serial and serial[0][0] else "VETA-2026-000002"
# What the store knew at issue is the log before the issue entry (not the recording times, which a
# clock set behind, or one second's resolution, would misorder): the evidence precedes the issue there.
check("a record issued after its evidence in the log is not B006, whatever the issuing machine's clock said",
      ("VETA-B006", serial) not in found, str(found))

finish("dates")
