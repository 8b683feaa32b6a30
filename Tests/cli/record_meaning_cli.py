"""End-to-end checks of what a record means (issue 10, the remaining faults), one per rule:

- a credential's validity window is the site's local days: `validUntil` is the first instant of the
  first local day it is no longer valid (the end of its last valid day), written in UTC, so the
  credential's own `exp` and `veta verify` (which judges by the site's date) agree at every instant,
  in a zone west of UTC and one east of it: never expired a day early, never valid a day late;
- who a trainee, an employer or an assessor is, is read from the log: names and a CURP changed by SQL
  in the registry tables are never shown by status, cohort or due, `veta ledger verify` names the rows
  and `veta issue` refuses the store;
- `--known-at T` on status, cohort and due shows the names the store knew at T, not later amendments;
- `veta issue`, `veta issue --cohort` and `veta reissue` with `--as-of` after the site's today are
  refused like every other future-dated write, and write nothing.

Usage: record_meaning_cli.py VETA WORKDIR
"""
import base64
import datetime
import json
import os
import subprocess
import sys

from checks import check, finish
from stores import backup, competent_store, last_sequence, sql, workplace

veta, work, root = workplace(sys.argv)
keys = os.path.join(work, "keys")
ISSUER = "https://capacitacion.example.mx"
UNITS = ["RIIWHS201E", "RIIMPO338E", "RIIERR302E"]
SETUP_NOW = "2026-11-30T18:00:00Z"
for name in ("A01", "issuer"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)


def run(store, *args, now=SETUP_NOW):
    env = dict(os.environ, VETA_NOW=now)
    return subprocess.run([veta, *args, "--store", store], capture_output=True, text=True, timeout=300, env=env)


def issue(store, out, *args, now=SETUP_NOW):
    return run(store, "issue", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, *args, now=now)


def claims(path):
    payload = open(path).read().split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def store_in(zone, name):
    """A store `name` in the time zone `zone` whose trainee T100 is competent in VTOPHT (signed off 2026-11-12)."""
    store = os.path.join(work, name + ".sqlite")
    os.environ["VETA_NOW"] = SETUP_NOW
    try:
        check(f"the store's time zone is set to {zone}",
              run(store, "store", "set-timezone", zone, "--reason", "site").returncode == 0)
        competent_store(veta, store, keys, root, UNITS, ISSUER)
    finally:
        del os.environ["VETA_NOW"]
    return store


# --- a credential expires at the end of its last valid day on the site's calendar --------------------------------
# VTOPHT is valid 12 months: signed off on 2026-11-12, no longer valid from 2027-11-12 (the site's date).
for zone, expiry in (("America/Mexico_City", "2027-11-12T06:00:00Z"), ("Asia/Tokyo", "2027-11-11T15:00:00Z")):
    store = store_in(zone, zone.replace("/", "-"))
    out = os.path.join(work, "records-" + zone.replace("/", "-"))
    r = issue(store, out, "--trainee", "T100", "--curriculum", "VTOPHT", "--format", "ob3")
    check(f"{zone}: a competent trainee is issued a credential", r.returncode == 0, r.stdout + r.stderr)
    jwt = os.path.join(out, "VETA-2026-000001.jwt")
    c = claims(jwt)
    check(f"{zone}: validUntil is the first instant of 2027-11-12 there, in UTC ({expiry})",
          c.get("validUntil") == expiry, str(c.get("validUntil")))
    exp = c.get("exp")
    # The last second of 2027-11-11 and the first of 2027-11-12 on the site's calendar.
    for offset, valid in ((-1, True), (0, False)):
        instant = datetime.datetime.strptime(expiry, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc) \
            + datetime.timedelta(seconds=offset)
        now = instant.strftime("%Y-%m-%dT%H:%M:%SZ")
        r = run(store, "verify", jwt, now=now)
        jwt_valid = exp is not None and instant.timestamp() < exp
        check(f"{zone}: at {now} veta verify says {'VALID' if valid else 'expired'}, and so does the credential's exp",
              (r.returncode == 0) == valid and jwt_valid == valid and (valid or "expired on 2027-11-12" in r.stdout),
              r.stdout + r.stderr + f" exp={exp}")

# --- identity is read from the log, never from a table changed by SQL --------------------------------------------
base = store_in("America/Mexico_City", "base")
tampered = backup(base, os.path.join(work, "tampered.sqlite"))
sql(tampered, "UPDATE trainee SET given_names = 'Impostor', paternal_surname = 'Falso', curp = 'XAXX010101HZSXXXA9' WHERE id = 'T100'")
sql(tampered, "UPDATE organisation SET name = 'Minera Falsa'")
sql(tampered, "UPDATE assessor SET name = 'Nadie'")
r = run(tampered, "status", "T100", "--as-of", "2026-11-30")
check("status shows the trainee's name the log registers, not one changed by SQL in the table",
      r.returncode == 0 and "José Núñez" in r.stdout and "Impostor" not in r.stdout, r.stdout + r.stderr)
r = run(tampered, "cohort", "VTOPHT", "--as-of", "2026-11-30", "--format", "json")
check("cohort shows the log's name", "José Núñez" in r.stdout and "Impostor" not in r.stdout, r.stdout + r.stderr)
r = run(tampered, "due", "--as-of", "2026-11-30", "--within", "3650d")
check("due shows the log's name", "José Núñez" in r.stdout and "Impostor" not in r.stdout, r.stdout + r.stderr)
r = run(tampered, "due", "--as-of", "2026-11-30", "--within", "3650d", "--employer", "CMP961028AB1")
check("due --employer filters by the employer the log registers", "T100" in r.stdout, r.stdout + r.stderr)
r = run(tampered, "trainee", "show", "T100")
check("trainee show shows the log's name", "José" in r.stdout and "Impostor" not in r.stdout, r.stdout + r.stderr)
r = run(tampered, "ledger", "verify")
check("ledger verify names each table row changed behind the log (trainee, organisation, assessor)",
      r.returncode == 1 and all(f"table {t}" in r.stdout for t in ("trainee", "organisation", "assessor")), r.stdout)
before = last_sequence(tampered)
r = issue(tampered, os.path.join(work, "tampered-records"), "--trainee", "T100", "--curriculum", "VTOPHT", "--format", "all")
check("issue refuses a store whose registry tables are not the log's projection, and writes nothing",
      r.returncode == 1 and "ledger verify" in r.stderr and last_sequence(tampered) == before, r.stdout + r.stderr)

# --- --known-at shows the names known then ------------------------------------------------------------------------
known = backup(base, os.path.join(work, "known.sqlite"))
AMENDED = "2026-12-01T18:00:00Z"
r = run(known, "trainee", "amend", "--id", "T100", "--given", "José Ángel", "--paternal", "Nuñez", "--reason", "acta", now=AMENDED)
check("the trainee's name is amended (an entry of the log)", r.returncode == 0, r.stdout + r.stderr)
r = run(known, "org", "amend", "--rfc", "CMP961028AB1", "--name", "Minera Renombrada", "--reason", "razón social", now=AMENDED)
check("the employer's name is amended", r.returncode == 0, r.stdout + r.stderr)
for label, args in (("status", ["status", "T100"]), ("cohort", ["cohort", "VTOPHT"]), ("due", ["due", "--within", "3650d"])):
    then = run(known, *args, "--as-of", "2026-11-30", "--known-at", SETUP_NOW, now="2026-12-02T18:00:00Z")
    now = run(known, *args, "--as-of", "2026-11-30", now="2026-12-02T18:00:00Z")
    check(f"{label} --known-at T shows the name known at T; without it, the name as amended since",
          then.returncode == 0 and "José Núñez" in then.stdout and "José Ángel" not in then.stdout
          and now.returncode == 0 and "José Ángel Nuñez" in now.stdout,
          then.stdout + then.stderr + "\n---\n" + now.stdout + now.stderr)

# --- an issue dated after the site's today is refused -------------------------------------------------------------
future = backup(base, os.path.join(work, "future.sqlite"))
out = os.path.join(work, "future-records")
# 2026-12-01T03:00Z is 21:00 on 30 November in Mexico City: today is the 30th, the 1st is in the future.
LATE = "2026-12-01T03:00:00Z"
before = last_sequence(future)
for label, args in (("issue", ["--trainee", "T100", "--curriculum", "VTOPHT", "--format", "all"]),
                    ("issue --cohort", ["--cohort", "VTOPHT", "--format", "all"])):
    r = issue(future, out, *args, "--as-of", "2026-12-01", now=LATE)
    check(f"{label} --as-of a date after the site's today is refused (exit 1), naming the date and today, and writes nothing",
          r.returncode == 1 and "2026-12-01 is after today (2026-11-30)" in r.stderr and last_sequence(future) == before
          and (not os.path.exists(out) or not os.listdir(out)), r.stdout + r.stderr)
r = issue(future, out, "--trainee", "T100", "--curriculum", "VTOPHT", "--format", "all", "--as-of", "2026-11-30", now=LATE)
check("issue --as-of the site's today still works", r.returncode == 0 and r.stdout.count("issued ") == 2, r.stdout + r.stderr)
before = last_sequence(future)
r = run(future, "reissue", "VETA-2026-000001", "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out,
        "--as-of", "2026-12-01", now=LATE)
check("reissue --as-of a date after the site's today is refused and writes nothing",
      r.returncode == 1 and "after today" in r.stderr and last_sequence(future) == before, r.stdout + r.stderr)
r = issue(future, out, "--cohort", "VTOPHT", "--format", "ob3", "--as-of", "2026-12-01", now=LATE)
check("issue --cohort refuses the whole cohort at once (one refusal, not one per trainee)",
      r.returncode == 1 and r.stderr.count("after today") == 1 and "not issued for" not in r.stderr, r.stderr)

finish("record meaning")
