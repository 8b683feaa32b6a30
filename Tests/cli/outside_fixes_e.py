"""End-to-end checks of faults an outside tester found (breakit6, findings 1, 2, 3, 9, 11), one per rule:
a record the store judges NOT VALID (its evidence voided since) is never published or listed as
valid: `site build` refuses it naming the serials and the fix, the DC-4 list says `sin respaldo`,
and after `veta revoke` the site publishes it revoked (1); an enrolment import with sites over many
trainees still checks each row's site (2; its speed is measured by hand, not here); evidence with no
assessor is no performance occasion, RPL and credit transfer included (3); `ledger verify
--checkpoint` never calls a checkpoint extended over a chain broken before its size, in text and
JSON (9); `veta badge --out` refuses an existing file unless --force (11).

Usage: outside_fixes_e.py VETA WORKDIR
"""
import csv
import io
import json
import os
import subprocess
import sys

from checks import check, finish
from stores import competent_store, curp, must_on, run_on, sql, workplace

veta, work, root = workplace(sys.argv)
keys = os.path.join(work, "keys")
ISSUER = "https://capacitacion.example.mx"
UNIT = "RIIWHS201E"
for name in ("A01", "issuer", "site"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
ISSUER_KEY = os.path.join(keys, "issuer.private.jwk")

store = competent_store(veta, os.path.join(work, "s.sqlite"), keys, root, [UNIT], ISSUER)


def run(*args):
    return run_on(veta, store, *args)


def must(*args):
    return must_on(veta, store, *args)


def evidence_of(trainee, unit):
    entries = json.loads(must("entries", "--trainee", trainee, "--unit", unit, "--format", "json").stdout)
    entries = entries.get("entries", entries) if isinstance(entries, dict) else entries
    return [e["sequence"] for e in entries if e.get("kind") == "evidence"]


def dc4_states():
    text = must("dc4", "--employer", "CMP961028AB1", "--year", "2026").stdout
    return {row["folio"]: row["estado"] for row in csv.DictReader(io.StringIO(text))}


# --- 1: a record no longer backed is never published or listed as valid --------------------------------------
records = os.path.join(work, "records")
must("issue", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", UNIT, "--format", "all", "--issuer", ISSUER,
     "--key", ISSUER_KEY, "--out", records)
jwt = os.path.join(records, "VETA-2026-000001.jwt")
site = os.path.join(work, "site")
r = run("site", "build", "--out", site, "--key", ISSUER_KEY)
check("a backed record is published (site build exit 0)", r.returncode == 0, r.stdout + r.stderr)
check("the DC-4 lists a backed constancia as vigente", dc4_states().get("VETA-2026-000002") == "vigente", str(dc4_states()))
page = os.path.join(site, "records", "VETA-2026-000001", "index.html")
before = open(page, encoding="utf-8").read()

for sequence in evidence_of("T100", UNIT):
    must("correct", str(sequence), "--reason", "prácticas no presenciadas")
r = run("verify", jwt)
check("veta verify on the store says NOT VALID, no longer backed (exit 1)",
      r.returncode == 1 and "NOT VALID" in r.stdout and "no longer backed" in r.stdout, r.stdout + r.stderr)
r = run("site", "build", "--out", site, "--key", ISSUER_KEY)
check("site build refuses while an issued record is no longer backed (exit 1), naming each serial and the fix",
      r.returncode == 1 and "VETA-2026-000001" in r.stderr and "VETA-2026-000002" in r.stderr
      and "veta revoke VETA-2026-000001 --reason" in r.stderr and "veta reissue" in r.stderr and "no longer backed" in r.stderr,
      r.stdout + r.stderr)
check("the refused build left the site as it was", open(page, encoding="utf-8").read() == before)
r = run("site", "build", "--out", site, "--key", ISSUER_KEY, "--format", "json")
try:
    document = json.loads(r.stdout)
except ValueError:
    document = {}
check("site build --format json prints one error document for the refusal (exit 1)",
      r.returncode == 1 and document.get("error", {}).get("exitCode") == 1 and "VETA-2026-000001" in document["error"]["message"],
      r.stdout + r.stderr)
check("the DC-4 lists a constancia no longer backed as 'sin respaldo', never vigente",
      dc4_states().get("VETA-2026-000002") == "sin respaldo", str(dc4_states()))
r = run("audit", "records", "--format", "json")
check("veta audit records agrees: VETA-B002 names the record", r.returncode == 1 and "VETA-B002" in r.stdout, r.stdout[:1500])

must("revoke", "VETA-2026-000001", "--reason", "evidencia anulada")
r = run("site", "build", "--out", site, "--key", ISSUER_KEY)
check("after veta revoke the site builds again (exit 0)", r.returncode == 0, r.stdout + r.stderr)
text = open(page, encoding="utf-8").read()
check("the record's page says REVOKED, not VALID", "REVOCADA" in text and "VÁLIDA" not in text.replace("NO VÁLIDA", ""), text[:600])
r = subprocess.run([veta, "verify", jwt, "--did-document", site], capture_output=True, text=True)
check("a store-less verify against the rebuilt site says NOT VALID, REVOKED (exit 1)",
      r.returncode == 1 and "REVOKED" in r.stdout, r.stdout + r.stderr)
check("the DC-4 lists it as revocada", dc4_states().get("VETA-2026-000002") == "revocada", str(dc4_states()))

# --- 3: evidence with no assessor is no performance occasion, whatever its method ----------------------------
must("trainee", "add", "--id", "T200", "--paternal", "Ruiz", "--given", "Ana", "--curp", curp("RUXA900101MZSXXN0"),
     "--employer", "CMP961028AB1", "--occupation", "Operadora", "--job-title", "Operadora")
must("enrol", "T200", "VTOPHT", "--date", "2026-10-01")
for method, day in (("rpl", "2026-11-20"), ("credit-transfer", "2026-11-21"), ("observation", "2026-11-22"),
                    ("practical", "2026-11-23")):
    must("record", "--trainee", "T200", "--curriculum", "VTOPHT", "--unit", UNIT, "--target", "unit", "--method", method,
         "--outcome", "satisfactory", "--date", day)
status = json.loads(must("status", "T200", "--format", "json").stdout)
enrolment = status[0] if isinstance(status, list) else status
unit = next(u for u in enrolment["units"] if u["unit"] == UNIT)
check("RPL, credit transfer, observation and practical evidence with no assessor count no occasion",
      unit["occasions"] == 0 and unit["occasionsRequired"] > 0 and unit["state"] != "evidence-complete", json.dumps(unit))
r = run("signoff", "--trainee", "T200", "--curriculum", "VTOPHT", "--unit", UNIT, "--assessor", "A01",
        "--key", os.path.join(keys, "A01.private.jwk"))
check("the unit cannot be signed off on unassessed evidence (exit 1, occasions missing)",
      r.returncode == 1 and "occasion" in r.stderr, r.stdout + r.stderr)

# --- 2: an enrolment import over many trainees with sites still checks every row's site ---------------------
must("org", "add", "--rfc", "OTR010101AB1", "--name", "Otra Minera", "--site", "Mina Norte")
lines_t = ["id,paternal_surname,maternal_surname,given_names,curp,employer_rfc,occupation,job_title"]
lines_e = ["trainee,curriculum,date,site"]
for i, n in enumerate(range(300, 360)):
    employer, site_name = ("OTR010101AB1", "Mina Norte") if n % 2 else ("CMP961028AB1", "Unidad Tizapa")
    number = curp("HES%s9001%02dHZSXXN0" % ("BCDFGHJKLMNPQRSTVWXYZ"[i % 21], i // 21 + 1))
    lines_t.append(f"T{n},Hernández,Sánchez,Juan {n},{number},{employer},Operador,Operador")
    lines_e.append(f"T{n},VTOPHT,2026-11-01,{site_name}")
trainees_csv = os.path.join(work, "trainees.csv")
open(trainees_csv, "w", encoding="utf-8").write("\n".join(lines_t) + "\n")
must("import", trainees_csv)
bad = list(lines_e)
bad[5] = bad[5].rsplit(",", 1)[0] + ",Mina Norte" if "Unidad Tizapa" in bad[5] else bad[5].rsplit(",", 1)[0] + ",Unidad Tizapa"
bad_csv = os.path.join(work, "enrol-bad.csv")
open(bad_csv, "w", encoding="utf-8").write("\n".join(bad) + "\n")
r = run("import", bad_csv)
check("an enrolment import names the one row whose site is not its trainee's employer's (exit 1, nothing written)",
      r.returncode == 1 and "enrol-bad.csv:6:" in (r.stdout + r.stderr) and "is not registered for employer" in (r.stdout + r.stderr),
      r.stdout + r.stderr)
good_csv = os.path.join(work, "enrol.csv")
open(good_csv, "w", encoding="utf-8").write("\n".join(lines_e) + "\n")
r = run("import", good_csv)
check("the same import with every site right enrols all 60 trainees (exit 0)", r.returncode == 0 and "60" in r.stdout,
      r.stdout + r.stderr)

# --- 9: a checkpoint over a chain broken before its size is not judged, never extended -----------------------
checkpoint = os.path.join(work, "cp", "now.checkpoint")
r = must("ledger", "checkpoint", "--key", os.path.join(keys, "site.private.jwk"), "--out", checkpoint, "--format", "json")
verifier = json.loads(r.stdout)
verifier = verifier.get("verifierKey") or verifier.get("verifier_key") or os.path.join(keys, "site.public.jwk")
r = run("ledger", "verify", "--checkpoint", checkpoint, "--key-public", os.path.join(keys, "site.public.jwk"))
check("an intact log extends the checkpoint (exit 0)", r.returncode == 0 and "extended" in r.stdout, r.stdout + r.stderr)
broken = sql(store, "SELECT MIN(sequence) FROM ledger WHERE kind = 3")[0][0]  # the compact ledger: kind 3 is evidence
sql(store, "DROP TRIGGER ledger_append_only_update")
sql(store, "UPDATE ledger SET minutes = 600 WHERE sequence = ?", broken)
r = run("ledger", "verify", "--checkpoint", checkpoint, "--key-public", os.path.join(keys, "site.public.jwk"))
check("an entry edited in place before the checkpoint's size: the checkpoint is not judged, not extended (exit 1)",
      r.returncode == 1 and ": extended:" not in r.stdout
      and f"not-judged: not judged: the chain is broken at entry {broken}, before this checkpoint's size" in r.stdout,
      r.stdout + r.stderr)
r = run("ledger", "verify", "--checkpoint", checkpoint, "--key-public", os.path.join(keys, "site.public.jwk"), "--format", "json")
try:
    document = json.loads(r.stdout)
except ValueError:
    document = {}
kinds = [c.get("kind") for c in document.get("checkpoints", [])]
check("the same in JSON: kind not-judged (exit 1)", r.returncode == 1 and kinds == ["not-judged"], r.stdout + r.stderr)

# --- 11: veta badge never overwrites a file unless --force --------------------------------------------------
fresh = os.path.join(work, "fresh.sqlite")
competent_store(veta, fresh, keys, root, [UNIT], ISSUER)
must_on(veta, fresh, "issue", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", UNIT, "--format", "ob3",
        "--issuer", ISSUER, "--key", ISSUER_KEY, "--out", os.path.join(work, "records2"))
badge = os.path.join(work, "badge.svg")
open(badge, "w").write("mine")
r = run_on(veta, fresh, "badge", "--record", "VETA-2026-000001", "--out", badge)
check("veta badge refuses an existing --out (exit 1, the fix named, the file unchanged)",
      r.returncode == 1 and "already exists" in r.stderr and "--force" in r.stderr and open(badge).read() == "mine",
      r.stdout + r.stderr)
r = run_on(veta, fresh, "badge", "--record", "VETA-2026-000001", "--out", badge, "--format", "json")
try:
    document = json.loads(r.stdout)
except ValueError:
    document = {}
check("the refusal in JSON is one error document (exit 1)", r.returncode == 1 and document.get("error", {}).get("exitCode") == 1,
      r.stdout + r.stderr)
r = run_on(veta, fresh, "badge", "--record", "VETA-2026-000001", "--out", badge, "--force")
check("--force replaces it with the badge (exit 0)", r.returncode == 0 and "openbadges:credential" in open(badge).read(),
      r.stdout + r.stderr)
new_badge = os.path.join(work, "badges", "new.png")
r = run_on(veta, fresh, "badge", "--record", "VETA-2026-000001", "--out", new_badge)
check("a new file is written without --force (exit 0)", r.returncode == 0 and os.path.getsize(new_badge) > 0, r.stdout + r.stderr)

finish("outside fixes (e)")
