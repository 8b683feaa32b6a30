"""End-to-end checks of the first half of the outside tester's findings (issue 10): every "today" is
the site's (store time zone, VETA_NOW); no write is dated after it (correct, withdraw, retire,
assessor withdraw); a local date past 9999 is refused; `veta migrate` applies the enrolment admission
rules; a bare code for an enrolment is the newest version that takes enrolments; `veta publish` says
what it did to a superseded version; a voided sign-off blocks nothing.

Each section works in its own store under WORKDIR, built from the shipped Curricula.

Usage: outside_fixes_a.py VETA WORKDIR
"""
import json
import os
import re
import shutil
import subprocess
import sys

from checks import check, finish
from stores import curp, sql

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
keys = os.path.join(work, "keys")
subprocess.run([veta, "keys", "generate", "--name", "A01", "--out", keys], check=True, capture_output=True)
subprocess.run([veta, "keys", "generate", "--name", "A02", "--out", keys], check=True, capture_output=True)

v1_path = os.path.join(root, "Curricula/operator-haul-truck.xml")
v1 = open(v1_path, encoding="utf-8").read()
v2 = v1.replace('code="VTOPHT" version="1.0.0"', 'code="VTOPHT" version="2.0.0"', 1)
v2 = re.sub(r"(<published>[^<]*</published>)", r'\1\n  <supersedes code="VTOPHT" version="1.0.0" equivalent="no"/>', v2, count=1)
v2_path = os.path.join(work, "VTOPHT-2.0.0.xml")
open(v2_path, "w", encoding="utf-8").write(v2)
v3 = v1.replace('version="1.0.0" level="operator"', 'version="3.0.0" level="operator"', 1).replace('status="current"', 'status="draft"', 1)
v3_path = os.path.join(work, "VTOPHT-3.0.0-draft.xml")
open(v3_path, "w", encoding="utf-8").write(v3)
UNITS = ["RIIWHS201E", "RIIMPO338E", "RIIERR302E"]


class Store:
    def __init__(self, name, now="2026-11-30T10:00:00Z"):
        self.path = os.path.join(work, name, "veta.sqlite")
        os.makedirs(os.path.dirname(self.path))
        self.now = now

    def run(self, *args, now=None, tz=None):
        env = dict(os.environ, VETA_NOW=now or self.now)
        if tz:
            env["TZ"] = tz
        return subprocess.run([veta, *args, "--store", self.path], capture_output=True, text=True, timeout=300, env=env)

    def must(self, *args):
        r = self.run(*args)
        if r.returncode != 0:
            print(f"FAIL setup: veta {' '.join(args[:4])}: {r.stdout.strip()} {r.stderr.strip()}")
            sys.exit(1)
        return r

    def base(self, enrol=True):
        self.must("publish", v1_path)
        self.must("org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo", "--site", "Mina Saucito")
        for assessor in ("A01", "A02"):
            self.must("assessor", "add", "--id", assessor, "--name", "Luis Pérez " + assessor, "--accreditation", "CONOCER EV-1234",
                      *sum([["--unit", u] for u in UNITS], []), "--public-key", os.path.join(keys, f"{assessor}.public.jwk"))
        self.must("trainee", "add", "--id", "T001", "--paternal", "García", "--given", "Ana", "--curp", curp("GALA900101MZSRPN0"),
                  "--employer", "MFR110315AB1", "--occupation", "Operadora", "--job-title", "Operadora")
        if enrol:
            self.must("enrol", "T001", "VTOPHT", "--date", "2026-11-01")

    def record(self, unit, *date, now=None, tz=None):
        return self.run("record", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", unit, "--target", "unit",
                        "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", *date, now=now, tz=tz)

    def count(self):
        return sql(self.path, "SELECT COUNT(*) FROM ledger_entry")[0][0]


# --- repro-8: the "after today" check is the site's today, at VETA_NOW -----------------------------------------
s = Store("today", now="2999-06-01T03:30:00Z")  # 21:30 on 31 May in Mexico City; the machine runs in UTC
s.base()
s.must("store", "set-timezone", "America/Mexico_City", "--reason", "sitio en Zacatecas")
r = s.record("RIIWHS201E", "--date", "2999-06-01", tz="UTC")
check("evidence dated the site's tomorrow is refused although it is already that date in UTC (exit 1)",
      r.returncode == 1 and "after today (2999-05-31)" in r.stderr, r.stdout + r.stderr)
r = s.record("RIIWHS201E", tz="UTC")
dates = sql(s.path, "SELECT date FROM ledger_entry WHERE kind = 'evidence'")
check("evidence with the default date (the site's today at VETA_NOW) is not refused as after today",
      r.returncode == 0 and dates == [("2999-05-31",)], r.stdout + r.stderr + repr(dates))

# --- repro-2: every write with a date refuses a date after today --------------------------------------------
s = Store("future")
s.base()
s.must("record", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "unit", "--method",
       "observation", "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-10")
evidence = sql(s.path, "SELECT sequence FROM ledger_entry WHERE kind = 'evidence'")[0][0]
before = s.count()
for name, args in (
    ("correct", ["correct", str(evidence), "--reason", "future-dated void", "--date", "2027-05-01"]),
    ("withdraw", ["withdraw", "T001", "VTOPHT", "--date", "2027-01-01", "--reason", "future"]),
    ("retire --date", ["retire", "VTOPHT@1.0.0", "--reason", "future", "--date", "2030-01-01"]),
    ("assessor withdraw --date", ["assessor", "withdraw", "--id", "A02", "--unit", "RIIWHS201E", "--date", "2031-01-01"]),
    ("assessor authorise --date", ["assessor", "authorise", "--id", "A02", "--unit", "RIIWHS201E", "--date", "2031-01-01"]),
):
    r = s.run(*args)
    check(f"{name} dated after today is refused (exit 1), nothing written",
          r.returncode == 1 and "after today (2026-11-30)" in r.stderr and s.count() == before, r.stdout + r.stderr)
r = s.run("correct", str(evidence), "--reason", "dated today", "--date", "2026-11-30")
check("a correction dated today is accepted", r.returncode == 0, r.stdout + r.stderr)

# --- repro-9: a local date past 9999 is refused, not 1970-01-01 ------------------------------------------------
s = Store("y10k")
s.must("store", "set-timezone", "Pacific/Kiritimati", "--reason", "UTC+14")
r = s.run("store", "timezone", now="9999-12-31T23:59:59Z")
check("an instant whose site-local date is past 9999 is refused (exit 1), no 1970 date",
      r.returncode == 1 and "9999" in r.stderr and "1970" not in r.stdout + r.stderr, r.stdout + r.stderr)
r = s.run("store", "timezone", "--format", "json", now="9999-12-31T23:59:59Z")
try:
    document = json.loads(r.stdout)
except ValueError:
    document = None
check("the same in JSON: one JSON document, exit 1", r.returncode == 1 and isinstance(document, dict) and "1970" not in r.stdout,
      r.stdout + r.stderr)

# --- repro-11: migrate applies the enrolment admission rules ---------------------------------------------------
s = Store("migrate")
s.base()
s.must("publish", v2_path)
s.must("retire", "VTOPHT@2.0.0", "--reason", "withdrawn: wrong hours")
before = s.count()
r = s.run("migrate", "--from", "VTOPHT@1.0.0", "--to", "VTOPHT@2.0.0")
check("migrate into a withdrawn version is refused (exit 1), nothing written",
      r.returncode == 1 and "no new enrolments" in r.stderr and s.count() == before, r.stdout + r.stderr)
s.must("publish", v3_path)
before = s.count()
r = s.run("migrate", "--from", "VTOPHT@1.0.0", "--to", "VTOPHT@3.0.0")
check("migrate into a draft without --allow-draft is refused (exit 1), nothing written",
      r.returncode == 1 and "--allow-draft" in r.stderr and s.count() == before, r.stdout + r.stderr)
r = s.run("migrate", "--from", "VTOPHT@1.0.0", "--to", "VTOPHT@3.0.0", "--allow-draft")
check("migrate into a draft with --allow-draft moves the trainee", r.returncode == 0 and "T001" in r.stdout, r.stdout + r.stderr)

# --- repro-19: a bare code for an enrolment is the newest version that takes enrolments ------------------------
s = Store("bare")
s.base(enrol=False)
s.must("publish", v3_path)
r = s.run("enrol", "T001", "VTOPHT", "--date", "2026-11-01")
check("with a newer draft published, enrol CODE enrols in the current version (exit 0)",
      r.returncode == 0 and "VTOPHT@1.0.0" in r.stdout, r.stdout + r.stderr)
s.must("withdraw", "T001", "VTOPHT", "--date", "2026-11-01", "--reason", "again by import")
csv = os.path.join(work, "enrolments.csv")
open(csv, "wb").write(b"\xef\xbb\xbftrainee,curriculum,date\r\nT001,VTOPHT,2026-11-02\r\n")
r = s.run("import", csv)
versions = sql(s.path, "SELECT curriculum_version FROM ledger_entry WHERE kind = 'enrolment' AND date = '2026-11-02'")
check("an enrolment import with a bare code enrols in the current version, not the draft",
      r.returncode == 0 and versions == [("1.0.0",)], r.stdout + r.stderr + repr(versions))

# --- repro-5: publish says what it did to the version it supersedes --------------------------------------------
s = Store("publish")
s.must("publish", v1_path)
s.must("retire", "VTOPHT@1.0.0", "--reason", "replaced by the 2027 package")
r = s.run("publish", v2_path)
entries = sql(s.path, "SELECT COUNT(*) FROM ledger_entry WHERE kind = 'lifecycle'")[0][0]
check("publishing over a withdrawn version says it stays withdrawn and claims no lifecycle entry",
      r.returncode == 0 and "superseded by it" not in r.stdout and "stays withdrawn" in r.stdout and entries == 1,
      r.stdout + r.stderr + repr(entries))

# --- repro-6: a voided sign-off blocks no new sign-off, whatever the dates -------------------------------------
s = Store("signoff")
s.base()
s.must("record", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", "RIIMPO338E", "--target", "unit", "--method",
       "observation", "--outcome", "satisfactory", "--assessor", "A01", "--hours", "4", "--date", "2026-11-13")
s.must("signoff", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", "RIIMPO338E", "--assessor", "A02",
       "--key", os.path.join(keys, "A02.private.jwk"), "--date", "2026-11-14")
signoff = sql(s.path, "SELECT sequence FROM ledger_entry WHERE kind = 'signoff'")[0][0]
s.must("correct", str(signoff), "--reason", "signed by the wrong assessor")
r = s.run("signoff", "--trainee", "T001", "--curriculum", "VTOPHT", "--unit", "RIIMPO338E", "--assessor", "A01",
          "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-20")
check("a sign-off dated before the correction that voided the earlier one is accepted (exit 0)",
      r.returncode == 0, r.stdout + r.stderr)

finish("outside fixes (a)")
