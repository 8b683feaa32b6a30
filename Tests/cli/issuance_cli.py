"""End-to-end checks of what a completion record means (issue 10, "Completion records"), one check
per rule:

- hours on the DC-3, in the DC-4 list and in `creditsAvailable` are those of the units achieved;
- `issue --cohort` issues the rest when one trainee's record cannot be made, and lists each failure
  with the trainee and the fix (exit 1); bad data is exit 1 naming its field, never exit 2;
- a DC-3 with long Spanish names and four assessors is issued, every name printed;
- the credential and the DC-3 of one issuance are revoked together and either file reports it; a
  revoked record is not re-issued; a superseded record is SUPERSEDED (exit 1), never VALID;
- the DC-3 carries the STPS heading; DC-3 delivery is counted in working days that skip Mexico's
  statutory rest days and an audit policy's holidays.

Usage: issuance_cli.py VETA WORKDIR
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys

from checks import check, finish
from stores import curp

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
store = os.path.join(work, "veta.sqlite")
keys = os.path.join(work, "keys")
out = os.path.join(work, "records")
ISSUER = "https://capacitacion.example.mx"
RFC = "CMP961028AB1"


def run(*args, faketime=None, store_path=None):
    command = [veta, *args, "--store", store_path or store]
    if faketime:
        command = ["faketime", faketime, *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def must(*args, **kwargs):
    result = run(*args, **kwargs)
    if result.returncode != 0:
        print(f"FAIL setup: veta {' '.join(args[:3])}: {result.stderr.strip()}")
        sys.exit(1)
    return result


def text_of(pdf):
    return subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout


def issued(stdout):
    """{(trainee, format): path} from `veta issue` output."""
    found = {}
    for serial, fmt, trainee, path in re.findall(r"^issued (\S+) \((\w+)\)[^\n]*? for (\S+): (\S+)$", stdout, re.M):
        found[(trainee, fmt)] = path
    return found


def claims(jwt):
    import base64
    payload = open(jwt).read().strip().split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def setup(store_path):
    for name in ("issuer", "A01", "A02", "A03", "A04"):
        if not os.path.exists(os.path.join(keys, f"{name}.private.jwk")):
            subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
    must("publish", os.path.join(root, "Curricula"), store_path=store_path)
    must("org", "add", "--rfc", RFC, "--name", "Compañía Minera Peñoles, S.A. de C.V.", "--site", "Unidad Tizapa",
         "--legal-representative", "Lic. Begoña Güémez Treviño", "--workers", "320", "--workers-representative", "Íñigo Ordóñez Cañas",
         store_path=store_path)
    names = ["Ing. María de los Ángeles Hernández Villaseñor de la Garza", "Lic. José Guadalupe Fernández de Córdoba y Ruiz de Alarcón",
             "Mtro. Juan Nepomuceno Almonte Ibáñez de Santa Anna", "Dra. Guillermina Concepción Peñaloza Echeverría Güemes"]
    for index, name in enumerate(names):
        must("assessor", "add", "--id", f"A0{index + 1}", "--name", name, "--accreditation", f"CONOCER EV-{index + 1}",
             *sum([["--unit", u] for u in ["RIIWHS201E", "RIIMPO338E", "RIIERR302E", "RIIRIS301D"]], []),
             "--public-key", os.path.join(keys, f"A0{index + 1}.public.jwk"), store_path=store_path)
    must("issuer", "add", "--url", ISSUER, "--name", "Capacitación Minera del Norte, S.C.", "--rfc", "CMN150101AB1",
         "--stps", "CAP-123456-ABC-0013", "--public-key", os.path.join(keys, "issuer.public.jwk"), store_path=store_path)
    return names


def trainee(store_path, id, body, given="Ana", paternal="Ruiz", maternal="Soto"):
    must("trainee", "add", "--id", id, "--paternal", paternal, "--maternal", maternal, "--given", given, "--curp", curp(body),
         "--employer", RFC, "--occupation", "Operadora de camión", "--job-title", "Operadora", store_path=store_path)
    must("enrol", id, "VTOPHT", "--date", "2026-10-01", store_path=store_path)


def complete(store_path, id, units, date="2026-11-12", assessors=("A01",)):
    for index, unit in enumerate(units):
        assessor = assessors[index % len(assessors)]
        must("record", "--trainee", id, "--curriculum", "VTOPHT", "--unit", unit, "--target", "unit", "--method", "rpl",
             "--outcome", "satisfactory", "--assessor", assessor, "--date", date, store_path=store_path)
        must("signoff", "--trainee", id, "--curriculum", "VTOPHT", "--unit", unit, "--assessor", assessor,
             "--key", os.path.join(keys, f"{assessor}.private.jwk"), "--date", date, store_path=store_path)


issue = ["issue", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, "--as-of", "2026-11-30"]
assessor_names = setup(store)
core_and_one = ["RIIWHS201E", "RIIMPO338E", "RIIERR302E"]

# --- 1. hours are those of the units achieved -------------------------------------------------------------
trainee(store, "T100", "RUSA900101MZSZXN0")
complete(store, "T100", core_and_one)
r = run(*issue, "--trainee", "T100", "--curriculum", "VTOPHT", "--format", "all")
files = issued(r.stdout)
jwt, pdf = files.get(("T100", "ob3"), ""), files.get(("T100", "dc3"), "")
dc4 = list(csv.DictReader(io.StringIO(run("dc4", "--employer", RFC, "--year", "2026").stdout)))
pdf_text = text_of(pdf) if pdf else ""
check("hours on the DC-3, in the DC-4 list and in creditsAvailable are the 124 h of the units achieved (core 20 + 80, elective 24), "
      "not the curriculum's 130 h (core plus the dearer elective)",
      r.returncode == 0 and claims(jwt)["credentialSubject"]["achievement"]["creditsAvailable"] == 124
      and re.search(r"Duración en horas.*?\n124\n", pdf_text, re.S) is not None and "130" not in pdf_text and [row["horas"] for row in dc4] == ["124"],
      f"{r.stdout}{r.stderr} dc4={dc4} pdf={pdf_text[:600]}")

# --- 2. the cohort issues the rest and lists each failure with its fix ---------------------------------------
trainee(store, "T201", "RUSB900101MZSZXN0")
trainee(store, "T202", "RUSC900101MZSZXN0", given="Łucja")  # Ł (U+0141) is not on the form's Windows-1252 font
trainee(store, "T203", "RUSD900101MZSZXN0", given=" ".join(["María de los Ángeles Guadalupe del Sagrado Corazón"] * 30))
trainee(store, "T204", "RUSE900101MZSZXN0")
for id in ("T201", "T202", "T203", "T204"):
    complete(store, id, core_and_one)
r = run("issue", "--cohort", "VTOPHT", "--format", "all", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"),
        "--out", out, "--as-of", "2026-11-30")
files = issued(r.stdout)
check("issue --cohort issues every other trainee when one trainee's DC-3 cannot be made, lists each failure with the trainee "
      "and the fix, and exits 1 (bad data, never 'internal error' exit 2)",
      r.returncode == 1 and {t for t, _ in files} == {"T201", "T204"}
      and "not issued for T202" in r.stderr and "not issued for T203" in r.stderr and r.stderr.count("fix:") == 2
      and "U+141" in r.stderr and "does not fit" in r.stderr and "internal error" not in r.stderr,
      f"exit {r.returncode}\n{r.stdout}{r.stderr}")

# --- 3. long Spanish names and four assessors ----------------------------------------------------------------
trainee(store, "T300", "FEGM900101MZSZXN0", given="María Guadalupe del Perpetuo Socorro Natividad",
        paternal="Fernández de Lizardi y Montemayor", maternal="Gutiérrez de Quiñones Bustamante")
complete(store, "T300", ["RIIWHS201E", "RIIMPO338E", "RIIERR302E", "RIIRIS301D"], assessors=("A01", "A02", "A03", "A04"))
r = run(*issue, "--trainee", "T300", "--curriculum", "VTOPHT", "--format", "dc3")
files = issued(r.stdout)
words = set(re.split(r"[\s,]+", text_of(files[("T300", "dc3")]))) if ("T300", "dc3") in files else set()
wanted = " ".join(assessor_names + ["María Guadalupe del Perpetuo Socorro Natividad", "Fernández de Lizardi y Montemayor",
                                    "Gutiérrez de Quiñones Bustamante"]).split()
check("a DC-3 with long Spanish names and four assessors is issued (exit 0) with every word of every name printed",
      r.returncode == 0 and all(w in words for w in wanted), f"exit {r.returncode}: {r.stderr} missing {[w for w in wanted if w not in words]}")

# --- 4. one issuance: revoked together; revoked is not re-issued; superseded is not VALID --------------------
serial = os.path.basename(jwt)[:-4]
r = run("revoke", serial, "--reason", "evidence found to be forged", "--date", "2026-11-30")
v_jwt = run("verify", jwt, "--as-of", "2026-11-30")
v_pdf = run("verify", pdf, "--as-of", "2026-11-30")
check("revoking the credential revokes the DC-3 issued with it, and veta verify of either reports it (exit 1)",
      r.returncode == 0 and os.path.basename(pdf)[:-4] in r.stdout and v_jwt.returncode == 1 and v_pdf.returncode == 1
      and "REVOKED" in v_jwt.stdout and "REVOKED" in v_pdf.stdout and "revoked" in v_pdf.stdout,
      r.stdout + r.stderr + v_jwt.stdout + v_pdf.stdout)
r = run("reissue", os.path.basename(pdf)[:-4], "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, "--as-of", "2026-11-30")
check("a revoked record cannot be re-issued with reissue (exit 1, saying to issue anew)",
      r.returncode == 1 and "cannot be re-issued" in r.stderr and "veta issue" in r.stderr, r.stdout + r.stderr)
old = run("issue", "--trainee", "T204", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--format", "all", "--issuer", ISSUER,
          "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, "--as-of", "2026-11-30")
old_files = issued(old.stdout)
old_serial = os.path.basename(old_files.get(("T204", "ob3"), "x.jwt"))[:-4]
new = run("reissue", old_serial, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out, "--as-of", "2026-11-30")
successor = re.findall(r"^issued (\S+) \(ob3\)", new.stdout, re.M)
verdicts = [run("verify", old_files.get(("T204", f), "/nonexistent"), "--as-of", "2026-11-30") for f in ("ob3", "dc3")]
check("a superseded record (credential and DC-3) verifies as SUPERSEDED by its successor with exit 1, not as VALID",
      new.returncode == 0 and successor and all(v.returncode == 1 and "SUPERSEDED" in v.stdout and successor[0] in v.stdout
                                                and ": VALID" not in v.stdout for v in verdicts),
      old.stdout + old.stderr + new.stdout + new.stderr + "".join(v.stdout for v in verdicts))

# --- 5. the STPS form: heading, signatories stored with the organisation, occupation key -----------------------
verified = run("ledger", "verify")
check("the DC-3 is the complete STPS form: the STPS heading, the employer's legal representative and the workers' representative "
      "(320 workers: mixed commission) registered with the organisation, the occupation's catalogue key beside its name; "
      "and the log with those registry entries still verifies",
      "SECRETARÍA DEL TRABAJO Y PREVISIÓN SOCIAL" in pdf_text and "CONSTANCIA DE COMPETENCIAS O DE HABILIDADES LABORALES" in pdf_text
      and "Begoña Güémez Treviño" in pdf_text and "Íñigo Ordóñez Cañas" in pdf_text and "Representante de los trabajadores" in pdf_text
      and "8351 Operadora de camión" in pdf_text and verified.returncode == 0, pdf_text[:1500] + verified.stdout + verified.stderr)

# --- 6. working days skip statutory rest days and a policy's holidays ------------------------------------------
late = os.path.join(work, "late.sqlite")
setup(late)
trainee(late, "T400", "RUSF900101MZSZXN0")
trainee(late, "T401", "RUSG900101MZSZXN0")
complete(late, "T400", core_and_one, date="2026-11-02")  # to 2026-12-01: 21 weekdays, 20 working days (16 Nov is a rest day)
complete(late, "T401", core_and_one, date="2026-10-30")  # to 2026-12-01: 21 working days
late_out = os.path.join(work, "late-records")
r = run("issue", "--cohort", "VTOPHT", "--format", "all", "--issuer", ISSUER, "--key", os.path.join(keys, "issuer.private.jwk"),
        "--out", late_out, "--as-of", "2026-11-30", faketime="2026-12-01 18:00:00", store_path=late)
files = issued(r.stdout)
dc3 = {t: os.path.basename(p)[:-4] for (t, f), p in files.items() if f == "dc3"}
policy = os.path.join(work, "policy.xml")
open(policy, "w").write('<auditPolicy xmlns="urn:veta:audit-policy:1"><holiday date="2026-11-18" name="Fiesta local"/></auditPolicy>')
plain = run("audit", "records", "--format", "json", store_path=late)
with_policy = run("audit", "records", "--format", "json", "--policy", policy, store_path=late)
late_in = lambda report, serial: serial in report and re.search(rf"DC-3 {serial} was issued \d+ working days", report) is not None
check("DC-3 delivery counts working days without Mexico's statutory rest days (16 Nov 2026) and without an audit policy's holidays",
      r.returncode == 0 and len(dc3) == 2 and not late_in(plain.stdout, dc3.get("T400", "?")) and late_in(plain.stdout, dc3.get("T401", "?"))
      and with_policy.returncode in (0, 1) and not late_in(with_policy.stdout, dc3.get("T401", "?")),
      f"{r.stdout}{r.stderr}\n{plain.stdout[-1500:]}\n{with_policy.stdout[-800:]}{with_policy.stderr}")

finish("issuance")
