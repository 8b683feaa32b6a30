"""End-to-end checks of everyday administration, one per rule: org/assessor/issuer listings with the
amendment history, key rotation (old sign-offs keep verifying) and no key shared by two assessors,
`veta entries`, corrections of several entries at once, import ids and `import --undo`, drafts and
sites at enrolment, withdrawals in `trainee show`, names and --employer in `veta due`, and audit
summaries that never say "pass" where an error was found.

Usage: admin_cli.py VETA WORKDIR
"""
import os
import re
import subprocess
import sys

from checks import check, finish
from stores import as_json, backup, curp, sql, store_commands, workplace

veta, work, root = workplace(sys.argv)
run, must, entries = store_commands(veta)
keys = os.path.join(work, "keys")
ISSUER = "https://capacitacion.example.mx"
UNITS = ["RIIWHS201E", "RIIMPO338E", "RIIERR302E"]
ORG, OTHER = "CMP961028AB1", "MFR110315AB1"


def key(name, part="public"):
    return os.path.join(keys, f"{name}.{part}.jwk")


store = os.path.join(work, "veta.sqlite")
for name in ("A01", "A01-2027", "A02", "issuer"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
must(store, "publish", os.path.join(root, "Curricula"))
draft = os.path.join(work, "draft.xml")
text = open(os.path.join(root, "Examples", "valid-working-safely.xml"), encoding="utf-8").read()
open(draft, "w", encoding="utf-8").write(text.replace('status="current"', 'status="draft"', 1))
must(store, "publish", draft)
must(store, "org", "add", "--rfc", ORG, "--name", "Compañía Minera", "--site", "Unidad Tizapa")
must(store, "org", "add", "--rfc", OTHER, "--name", "Minera Fresnillo", "--site", "Mina Saucito")
must(store, "trainee", "add", "--id", "T100", "--paternal", "Núñez", "--given", "José", "--curp", curp("NUPJ880214HZSXXS0"),
     "--employer", ORG, "--occupation", "Operador", "--job-title", "Operador")
must(store, "trainee", "add", "--id", "T200", "--paternal", "García", "--given", "Ana", "--curp", curp("GALA900101MZSRPN0"),
     "--employer", OTHER, "--occupation", "Operadora", "--job-title", "Operadora")
must(store, "assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "EV-1", *sum([["--unit", u] for u in UNITS], []),
     "--public-key", key("A01"))
must(store, "issuer", "add", "--url", ISSUER, "--name", "Capacitación Minera", "--rfc", "CMN150101AB1", "--stps", "CAP-1",
     "--public-key", key("issuer"))

# --- listings and amendments ---------------------------------------------------------------------------------
must(store, "org", "amend", "--rfc", ORG, "--name", "Compañía Minera, S.A. de C.V.", "--site", "Unidad Charcas",
     "--reason", "razón social completa")
r, j = run(store, "org", "list"), as_json(run(store, "org", "list", "--format", "json"))
check("org list prints every registered employer, in text and as one JSON document",
      r.returncode == 0 and ORG in r.stdout and OTHER in r.stdout and isinstance(j, list)
      and sorted(o["rfc"] for o in j) == [ORG, OTHER], r.stdout + r.stderr)
r, j = run(store, "org", "show", ORG), as_json(run(store, "org", "show", ORG, "--format", "json"))
check("org show gives the employer's data now and every amendment with its reason and what changed",
      r.returncode == 0 and "razón social completa" in r.stdout and "Compañía Minera -> Compañía Minera, S.A. de C.V." in r.stdout
      and j is not None and j["name"] == "Compañía Minera, S.A. de C.V." and j["sites"] == ["Unidad Charcas", "Unidad Tizapa"]
      and [c["event"] for c in j["history"]["changes"]] == ["registered", "amended"]
      and j["history"]["changes"][1]["reason"] == "razón social completa", r.stdout + r.stderr)
r = run(store, "org", "show", "XXX010101AB1", "--format", "json")
check("org show of an unregistered employer is refused (exit 1) with one JSON document",
      r.returncode == 1 and as_json(r) is not None, r.stdout + r.stderr)
must(store, "assessor", "amend", "--id", "A01", "--name", "Luis Pérez Ruiz", "--reason", "segundo apellido")
r, j = run(store, "assessor", "list"), as_json(run(store, "assessor", "list", "--format", "json"))
check("assessor list prints every registered assessor with the units authorised now, text and JSON",
      r.returncode == 0 and "A01" in r.stdout and j is not None and j[0]["id"] == "A01" and j[0]["units"] == sorted(UNITS),
      r.stdout + r.stderr)
r = run(store, "issuer", "list")
j = as_json(run(store, "issuer", "list", "--format", "json"))
check("issuer list prints every registered issuer, text and JSON",
      r.returncode == 0 and ISSUER in r.stdout and j is not None and j[0]["url"] == ISSUER and j[0]["stpsRegistration"] == "CAP-1",
      r.stdout + r.stderr)

# --- progress, key rotation --------------------------------------------------------------------------------------
must(store, "enrol", "T100", "VTOPHT", "--date", "2026-10-01", "--site", "Unidad Tizapa")
for unit in UNITS[:2]:
    must(store, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", unit, "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-10")
    must(store, "signoff", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", unit, "--assessor", "A01",
         "--key", key("A01", "private"), "--date", "2026-11-12")
r = run(store, "assessor", "rotate-key", "--id", "A01", "--public-key", key("A01-2027"), "--reason", "llave renovada")
must(store, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", UNITS[2], "--target", "unit", "--method", "rpl",
     "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-10")
old = run(store, "signoff", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", UNITS[2], "--assessor", "A01",
          "--key", key("A01", "private"), "--date", "2026-11-12")
new = run(store, "signoff", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", UNITS[2], "--assessor", "A01",
          "--key", key("A01-2027", "private"), "--date", "2026-11-12")
verify = run(store, "ledger", "verify")
shown = run(store, "assessor", "show", "A01")
check("an assessor's key can be rotated: sign-offs made before keep verifying, only the new key signs from then on",
      r.returncode == 0 and old.returncode == 1 and new.returncode == 0 and verify.returncode == 0
      and "llave renovada" in shown.stdout and "publicKey:" in shown.stdout and "segundo apellido" in shown.stdout,
      r.stderr + old.stderr + new.stderr + verify.stdout + shown.stdout)
size = entries(store)
shared_old = run(store, "assessor", "add", "--id", "A02", "--name", "Otra", "--accreditation", "EV-2", "--unit", UNITS[0],
                 "--public-key", key("A01"))
shared_now = run(store, "assessor", "add", "--id", "A02", "--name", "Otra", "--accreditation", "EV-2", "--unit", UNITS[0],
                 "--public-key", key("A01-2027"))
must(store, "assessor", "add", "--id", "A02", "--name", "Otra", "--accreditation", "EV-2", "--unit", UNITS[0],
     "--public-key", key("A02"))
size = entries(store)
shared_amend = run(store, "assessor", "rotate-key", "--id", "A02", "--public-key", key("A01-2027"), "--reason", "x")
check("two assessors never share a public key (the current one or one rotated away), and nothing is written",
      shared_old.returncode == 1 and shared_now.returncode == 1 and shared_amend.returncode == 1 and entries(store) == size
      and "two assessors never share a key" in shared_now.stderr, shared_old.stderr + shared_now.stderr + shared_amend.stderr)

# --- entries and corrections ---------------------------------------------------------------------------------------
for day in ("2026-11-14", "2026-11-15"):
    must(store, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", UNITS[0], "--target", "element:1",
         "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", "--date", day)
r = run(store, "entries", "--trainee", "T100")
j = as_json(run(store, "entries", "--trainee", "T100", "--unit", UNITS[0], "--format", "json"))
evidence = [e["sequence"] for e in as_json(run(store, "entries", "--trainee", "T100", "--format", "json")) if e["kind"] == "evidence"][-2:]
check("veta entries lists a trainee's entry numbers with what each is; --unit keeps one unit",
      r.returncode == 0 and re.search(r"^\d+\t2026-10-01  VTOPHT@\S+  enrolment at Unidad Tizapa$", r.stdout, re.M)
      and "sign-off RIIWHS201E by A01" in r.stdout and j is not None and {e["unit"] for e in j} == {UNITS[0]}
      and {e["kind"] for e in j} == {"evidence", "signoff"}, r.stdout + r.stderr)
size = entries(store)
bad = run(store, "correct", str(evidence[0]), str(evidence[1]), "999999", "--reason", "wrong trainee")
unchanged = entries(store) == size
good = run(store, "correct", str(evidence[0]), str(evidence[1]), "--reason", "wrong trainee")
notes = sql(store, "SELECT note, corrects FROM ledger_entry WHERE kind = 'correction' ORDER BY sequence")
listed = run(store, "entries", "--trainee", "T100").stdout
check("veta correct voids several entries at once with one reason, all or none",
      bad.returncode == 1 and unchanged and "there is no entry 999999" in bad.stderr and good.returncode == 0
      and notes == [("wrong trainee", evidence[0]), ("wrong trainee", evidence[1])] and listed.count("[voided by entry") == 2,
      bad.stderr + good.stdout + good.stderr + str(notes))

# --- import ids and undo -----------------------------------------------------------------------------------------
csv = os.path.join(work, "evidence.csv")
open(csv, "w", encoding="utf-8").write(
    "trainee,curriculum,unit,target,method,outcome,date,hours,site,note,assessor\n"
    + "".join(f"T100,VTOPHT,{UNITS[0]},element:1,observation,satisfactory,2026-11-2{d},1,Unidad Tizapa,,A01\n" for d in range(3)))
r = run(store, "import", csv)
m = re.search(r"import id (\d+-\d+)", r.stdout)
size = entries(store)
undo = run(store, "import", "--undo", m.group(1) if m else "1-1", "--reason", "archivo de otra unidad", "--format", "json")
voided = sql(store, "SELECT corrects FROM ledger_entry WHERE kind = 'correction' AND note = 'archivo de otra unidad' ORDER BY corrects")
again = run(store, "import", "--undo", m.group(1) if m else "1-1", "--reason", "otra vez")
wrong = run(store, "import", "--undo", "1-3", "--reason", "x")
check("veta import prints an import id, and --undo voids every entry of that import with one reason (once)",
      r.returncode == 0 and m is not None and undo.returncode == 0 and len(voided) == 3 and entries(store) == size + 3
      and as_json(undo) is not None and len(as_json(undo)["voided"]) == 3 and again.returncode == 1 and wrong.returncode == 1,
      r.stdout + r.stderr + undo.stdout + undo.stderr + again.stderr + wrong.stderr)

# --- drafts, sites, withdrawals ------------------------------------------------------------------------------------
size = entries(store)
refused = run(store, "enrol", "T200", "EXWSAFE", "--date", "2026-10-01")
allowed = run(store, "enrol", "T200", "EXWSAFE", "--date", "2026-10-01", "--allow-draft")
check("a curriculum published as a draft takes no enrolment unless --allow-draft",
      refused.returncode == 1 and "draft" in refused.stderr and allowed.returncode == 0 and entries(store) == size + 1,
      refused.stderr + allowed.stderr)
size = entries(store)
site_enrol = run(store, "enrol", "T200", "VTOPHT", "--date", "2026-10-01", "--site", "Unidad Tizapa")
site_record = run(store, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", UNITS[0], "--target", "unit",
                  "--method", "observation", "--outcome", "satisfactory", "--date", "2026-11-20", "--site", "Mina Saucito")
bad_csv = os.path.join(work, "enrolments.csv")
open(bad_csv, "w", encoding="utf-8").write("trainee,curriculum,date,site\nT200,VTOPHT,2026-10-01,Mina Inexistente\n")
site_import = run(store, "import", bad_csv)
ok_site = run(store, "enrol", "T200", "VTOPHT", "--date", "2026-10-01", "--site", "Mina Saucito")
check("--site must be one of the trainee's employer's registered sites (enrol, record and import)",
      site_enrol.returncode == 1 and site_record.returncode == 1 and site_import.returncode == 1 and ok_site.returncode == 0
      and "not registered for employer" in site_enrol.stderr and entries(store) == size + 1,
      site_enrol.stderr + site_record.stderr + site_import.stdout + ok_site.stderr)
must(store, "withdraw", "T200", "EXWSAFE", "--date", "2026-10-20", "--reason", "cambio de puesto")
r = run(store, "trainee", "show", "T200")
check("trainee show shows withdrawals with date and reason",
      r.returncode == 0 and re.search(r"withdrawn from EXWSAFE@1\.1\.0 on 2026-10-20 \(cambio de puesto\), log entry \d+", r.stdout),
      r.stdout + r.stderr)

# --- due: names and --employer -------------------------------------------------------------------------------------
due = run(store, "due", "--within", "3650d", "--as-of", "2027-10-01")
mine = run(store, "due", "--within", "3650d", "--as-of", "2027-10-01", "--employer", ORG)
other = as_json(run(store, "due", "--within", "3650d", "--as-of", "2027-10-01", "--employer", OTHER, "--format", "json"))
named = as_json(run(store, "due", "--within", "3650d", "--as-of", "2027-10-01", "--format", "json"))
check("veta due prints each trainee's name and --employer keeps one employer's trainees",
      due.returncode == 0 and "T100 José Núñez" in due.stdout and "T100 José Núñez" in mine.stdout and other == []
      and named and all(i.get("name") and i.get("employer") for i in named), due.stdout + due.stderr + mine.stdout + str(other))

# --- audit summaries -----------------------------------------------------------------------------------------------
out = os.path.join(work, "records")
must(store, "issue", "--issuer", ISSUER, "--key", key("issuer", "private"), "--out", out, "--as-of", "2026-11-30",
     "--trainee", "T100", "--curriculum", "VTOPHT", "--format", "ob3")
good_html = run(store, "audit", "records", "--format", "html").stdout
broken = backup(store, os.path.join(work, "broken.sqlite"))
sql(broken, "DROP TRIGGER ledger_append_only_update")
sql(broken, "UPDATE ledger SET note = 'edited' WHERE kind = 1")  # the compact ledger: kind 1 is enrolment
r = run(broken, "audit", "records", "--format", "html")
rows = re.findall(r'<td class="(pass|fail)">', r.stdout)
check("a log that does not verify fails every summary row of the audit (never pass)",
      'class="pass"' in good_html and rows and set(rows) == {"fail"}, r.stdout[:2000] + r.stderr)

finish("admin")
