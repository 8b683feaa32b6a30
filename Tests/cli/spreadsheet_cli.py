"""End-to-end checks of `veta import` on files as clerks save them from Excel, and of the CSV Veta
writes: UTF-8 with a byte-order mark and CR LF, Windows-1252 (`Núñez`), `;`-separated files with
decimal commas, a header naming a column twice, ids padded with no-break spaces, a bidirectional
override in a name, a NUL in a note, a repeated row, a re-import; and formula neutralisation in
`veta cohort --format csv` and `veta export --format csv`; hours under the rule of `record --hours`,
Excel's trailing empty columns, a nameless column, a header pasted twice, a malformed target, a
separator mismatch, empty required names, and 8 concurrent imports of one file (stored once).
Bad data must exit 1, never 2.

Usage: spreadsheet_cli.py VETA WORKDIR
"""
import csv
import io
import json
import os
import subprocess
import sys

from checks import check, finish


veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
os.makedirs(work, exist_ok=True)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BOM = b"\xef\xbb\xbf"
TRAINEES = "id,paternal_surname,maternal_surname,given_names,curp,employer_rfc,occupation,job_title"
EVIDENCE = "trainee,curriculum,unit,target,method,outcome,date,hours,site,note,assessor"


def run(*args):
    return subprocess.run([veta, *args, "--store", store], capture_output=True, text=True, timeout=300)


def save(name, data):
    path = os.path.join(work, name)
    with open(path, "wb") as handle:
        handle.write(data)
    return path


def excel_utf8(lines):
    """What Excel writes for "CSV UTF-8 (delimitado por comas)": a byte-order mark and CR LF."""
    return BOM + "".join(line + "\r\n" for line in lines).encode("utf-8")


def trainee(trainee_id):
    result = run("trainee", "show", trainee_id, "--format", "json")
    return json.loads(result.stdout) if result.returncode == 0 else None


def ledger():
    return json.loads(run("export", "--format", "json").stdout)


store = os.path.join(work, "spreadsheet.sqlite")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(store + suffix):
        os.remove(store + suffix)
keys = os.path.join(work, "keys")
if not os.path.exists(os.path.join(keys, "A01.public.jwk")):
    subprocess.run([veta, "keys", "generate", "--name", "A01", "--out", keys], check=True, capture_output=True)
for step in [
    ["publish", os.path.join(root, "Examples", "valid-working-safely.xml")],
    ["org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo", "--site", "Mina Saucito"],
    ["assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "CONOCER EV-1234",
     "--unit", "RIIWHS201E", "--public-key", os.path.join(keys, "A01.public.jwk")],
]:
    result = run(*step)
    check(f"set-up: {' '.join(step[:2])}", result.returncode == 0, result.stderr)

# --- trainees: Excel "CSV UTF-8", ids padded with no-break spaces ---------------------------------
path = save("trainees-utf8.csv", excel_utf8([
    TRAINEES,
    "\u00a0T001\u00a0,García,López,Ana María,GALA900101MZSRPN05,MFR110315AB1,Operadora,Operadora",
    "T002\u202f,Pérez,Ruiz,\"=HYPERLINK(\"\"http://x\"\")\",PERL850607HZSRRS04,MFR110315AB1,Operador,Operador",
]))
result = run("import", path)
check("Excel 'CSV UTF-8' (BOM, CR LF) imports", result.returncode == 0, result.stdout + result.stderr)
check("an id padded with no-break spaces is stored trimmed", (trainee("T001") or {}).get("id") == "T001", str(trainee("T001")))
check("accents survive UTF-8 with a BOM", (trainee("T001") or {}).get("paternalSurname") == "García", str(trainee("T001")))

# --- trainees: Excel's plain "CSV" on Spanish Windows is Windows-1252 ----------------------------
cp1252 = ("\r\n".join([TRAINEES, "T003,Núñez,Muñoz,José,MOHJ921212HZSNRN00,MFR110315AB1,Perforista,Perforista"]) + "\r\n").encode("cp1252")
path = save("trainees-cp1252.csv", cp1252)
result = run("import", path)
check("Windows-1252 is refused with exit 1, not stored with replacement characters",
      result.returncode == 1 and trainee("T003") is None, f"{result.returncode} {result.stderr}")
check("the refusal names the line and the likely encoding",
      "line 2" in result.stderr and "looks like Windows-1252 (Excel 'CSV' on Spanish Windows)" in result.stderr
      and "--encoding windows-1252" in result.stderr, result.stderr)
result = run("import", "--encoding", "windows-1252", path)
check("--encoding windows-1252 imports it", result.returncode == 0, result.stdout + result.stderr)
check("Núñez is stored as Núñez", (trainee("T003") or {}).get("paternalSurname") == "Núñez", str(trainee("T003")))
result = run("import", "--encoding", "latin-9", path)
check("an unknown --encoding is bad usage (64)", result.returncode == 64, f"{result.returncode} {result.stderr}")

path = save("trainees-sep.csv", excel_utf8(["sep=;", TRAINEES.replace(",", ";"),
                                           "T005;Ríos;;Juana;RIJU900101MZSRPN0X;MFR110315AB1;Perforista;Operadora, nivel 2"]))
result = run("import", path)
check("a first line sep=; declares the separator", result.returncode == 1 and ":3: " in result.stdout and "CURP" in result.stdout,
      result.stdout + result.stderr)
path = save("trainees-sep.csv", excel_utf8(["sep=;", TRAINEES.replace(",", ";"),
                                           "T005;Ríos;;Juana;RIJU900101MZSRPN00;MFR110315AB1;Perforista;Operadora, nivel 2"]))
result = run("import", path)
check("a sep=; file imports with commas inside cells", result.returncode == 0
      and (trainee("T005") or {}).get("jobTitle") == "Operadora, nivel 2", result.stdout + result.stderr + str(trainee("T005")))

# --- refusals of bad text ------------------------------------------------------------------------
path = save("trainees-bidi.csv", excel_utf8([TRAINEES, "T004,Mora,\u202eArreola,Juan,MOHJ921212HZSNRN00,MFR110315AB1,Op,Op"]))
result = run("import", path)
check("a bidirectional override in a name is refused with exit 1 naming line and field",
      result.returncode == 1 and ":2: maternal_surname: U+202E" in result.stdout and trainee("T004") is None,
      f"{result.returncode} {result.stdout} {result.stderr}")
path = save("twice.csv", excel_utf8(["trainee,curriculum,date,trainee", "T001,EXWSAFE,2026-01-05,T001"]))
result = run("import", path)
check("a header naming a column twice is refused with exit 1", result.returncode == 1 and "twice" in result.stderr,
      f"{result.returncode} {result.stderr}")

# --- enrolments and evidence: Spanish-locale Excel separates with ; and writes 1,5 ----------------
path = save("enrolments.csv", excel_utf8(["trainee;curriculum;date;site", "T001;EXWSAFE;2026-01-05;Mina Saucito",
                                          "T002;EXWSAFE;2026-01-05;Mina Saucito"]))
result = run("import", path)
check("a ;-separated enrolments file imports", result.returncode == 0, result.stdout + result.stderr)
semicolon = [EVIDENCE.replace(",", ";"),
             "T001;EXWSAFE;RIIWHS201E;criterion:1.1;observation;satisfactory;2026-02-01;1,5;Mina Saucito;=1+2 revisado;A01",
             "T001;EXWSAFE;RIIWHS201E;criterion:1.2;observation;satisfactory;2026-02-01;2;Mina Saucito;\"uno\tdos\";A01"]
path = save("evidence-semicolon.csv", excel_utf8(semicolon))
result = run("import", path)
check("a ;-separated evidence file with decimal commas imports", result.returncode == 0, result.stdout + result.stderr)
entries = [e for e in ledger() if e.get("kind") == "evidence"]
check("1,5 hours in a ;-separated file is stored as 90 minutes", [e.get("minutes") for e in entries] == [90, 120], str(entries))
check("a tab inside a note is stored whole", any(e.get("note") == "uno\tdos" for e in entries), str(entries))

path = save("evidence-comma-decimal.csv", excel_utf8(
    [EVIDENCE, "T001,EXWSAFE,RIIWHS201E,element:1,observation,satisfactory,2026-02-02,\"1,5\",,,A01"]))
result = run("import", path)
check("a decimal comma in a ,-separated file is refused with the fix", result.returncode == 1 and "write 1.5" in result.stdout,
      f"{result.returncode} {result.stdout}")

path = save("evidence-nul.csv", BOM + (EVIDENCE + "\r\nT001,EXWSAFE,RIIWHS201E,element:1,observation,satisfactory,2026-02-02,1,,ok\x00cut,A01\r\n").encode())
before = len(ledger())
result = run("import", path)
check("a NUL in a note is refused with exit 1 naming line and field",
      result.returncode == 1 and ":2: note: U+0000" in result.stdout and len(ledger()) == before, f"{result.returncode} {result.stdout}")

# --- repeats -------------------------------------------------------------------------------------
row = "T002,EXWSAFE,RIIWHS201E,element:1,observation,satisfactory,2026-02-03,1,,,A01"
path = save("evidence-repeated-row.csv", excel_utf8([EVIDENCE, row, row.replace("element:1", "element:2"), row.replace("T002", "T002\u00a0")]))
result = run("import", path)
check("a row repeated within the file is refused naming the earlier line",
      result.returncode == 1 and ":4: repeats line 2 " in result.stdout, f"{result.returncode} {result.stdout}")
path = save("evidence-semicolon-again.csv", excel_utf8(semicolon + [row.replace(",", ";")]))
before = len(ledger())
result = run("import", path)
check("a re-import is refused saying how many rows are already in the store",
      result.returncode == 1 and "2 of 3 rows are already in the store (first: line 2); pass --allow-repeat" in result.stderr
      and len(ledger()) == before, f"{result.returncode} {result.stderr}")
result = run("import", "--allow-repeat", path)
# The three rows and the `import` entry that marks them.
check("--allow-repeat imports them again", result.returncode == 0 and len(ledger()) == before + 3 + 1, result.stdout + result.stderr)
check("the ledger verifies after every import", run("ledger", "verify").returncode == 0, run("ledger", "verify").stdout)

# --- hours: one rule with record --hours; refusals echo the text as written -----------------------
ev_row = "T001;EXWSAFE;RIIWHS201E;element:2;observation;satisfactory;2026-02-04;{};;;A01"
hours_cases = [("0", "hours '0' is not more than 0"),
               ("0,00000000000000000000001", "is less than one minute"),
               ("24,0001", "hours '24,0001' is more than 24"),
               ("1.234,5", "write no thousands separators; read as 1234.5 it is more than 24"),
               ("1\u00a0,5", "hours '1\u00a0,5' is not a plain decimal"),
               ("\uff11,\uff15", "hours '\uff11,\uff15' is not a plain decimal")]
for index, (hours, words) in enumerate(hours_cases):
    path = save(f"evidence-hours-{index}.csv", excel_utf8([EVIDENCE.replace(",", ";"), ev_row.format(hours)]))
    before = len(ledger())
    result = run("import", path)
    check(f"import refuses hours {hours!r} as record --hours does, saying what is wrong",
          result.returncode == 1 and words in result.stdout and len(ledger()) == before, f"{result.returncode} {result.stdout}")
    record = run("record", "--trainee", "T001", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--target", "element:2",
                 "--method", "observation", "--outcome", "satisfactory", "--assessor", "A01", "--hours", hours.replace(",", "."))
    check(f"record --hours {hours.replace(',', '.')!r} is refused too (exit 64)", record.returncode == 64, record.stderr)
check("1.234,5 is never suggested as 1.234.5", "1.234.5" not in run("import", os.path.join(work, "evidence-hours-3.csv")).stdout)

# --- the header as spreadsheets write it ---------------------------------------------------------
path = save("trainees-trailing-empty.csv", excel_utf8([TRAINEES + ",,,", "T006,Luna,,Eva,IAPM850505MZSXXR01,MFR110315AB1,Op,Op,,,"]))
result = run("import", path)
check("Excel's trailing empty columns (,,, on every line) are ignored", result.returncode == 0 and trainee("T006") is not None,
      result.stdout + result.stderr)
path = save("middle-empty-column.csv", excel_utf8(["trainee,,curriculum,date", "T001,x,EXWSAFE,2026-01-05"]))
result = run("import", path)
check("an empty header column in the middle is refused as 'column 2 has no name'",
      result.returncode == 1 and ":1: column 2 has no name" in result.stderr, f"{result.returncode} {result.stderr}")
path = save("header-twice.csv", excel_utf8([TRAINEES, TRAINEES, "T007,Luna,,Eva,IAPM850505MZSXXR01,MFR110315AB1,Op,Op"]))
result = run("import", path)
check("a header pasted twice is refused as 'line 2 repeats the header'",
      result.returncode == 1 and ":2: line 2 repeats the header" in result.stderr, f"{result.returncode} {result.stderr}")
path = save("target-space.csv", excel_utf8([EVIDENCE, "T001,EXWSAFE,RIIWHS201E,criterion: 1.1,observation,satisfactory,2026-02-04,1,,,A01"]))
result = run("import", path)
check("a target with a space after the colon is a format problem, not a missing criterion",
      result.returncode == 1 and "target 'criterion: 1.1' is not one of unit, element:N, criterion:N.M, knowledge:ID" in result.stdout
      and "has no performance criterion" not in result.stdout, f"{result.returncode} {result.stdout}")
path = save("sep-mismatch.csv", excel_utf8(["sep=,", TRAINEES.replace(",", ";")]))
result = run("import", path)
check("sep=, over a ;-separated header says which separator is which",
      result.returncode == 1 and "the header is separated by ';', but the separator in use is ','" in result.stderr,
      f"{result.returncode} {result.stderr}")
path = save("delimiter-mismatch.csv", excel_utf8(["trainee,curriculum,date", "T001,EXWSAFE,2026-01-05"]))
result = run("import", "--delimiter", ";", path)
check("--delimiter ';' on a comma file says which separator is which",
      result.returncode == 1 and "the header is separated by ',', but the separator in use is ';' (given by --delimiter)" in result.stderr,
      f"{result.returncode} {result.stderr}")

# --- what the DC-3 prints may not be empty, whichever way it comes in ------------------------------
result = run("trainee", "add", "--id", "T090", "--paternal", "", "--given", "   ", "--curp", "PEXA700303HZSXXN05",
             "--employer", "MFR110315AB1", "--occupation", "", "--job-title", " ")
check("trainee add with an empty paternal surname is refused (exit 1) saying so",
      result.returncode == 1 and "paternal surname is empty" in result.stderr and trainee("T090") is None,
      f"{result.returncode} {result.stderr}")
path = save("trainees-empty-names.csv", excel_utf8([TRAINEES, "T091,,,José,PEXA700303HZSXXN05,MFR110315AB1,,",
                                                   "T092,Ríos,,\u00a0,RIJU900101MZSRPN00,MFR110315AB1,Op,Op"]))
result = run("import", path)
check("import refuses rows with an empty paternal surname or given names, naming the line",
      result.returncode == 1 and ":2: paternal surname is empty" in result.stdout and ":3: given names is empty" in result.stdout
      and trainee("T091") is None, f"{result.returncode} {result.stdout} {result.stderr}")
path = save("trainees-one-surname.csv", excel_utf8([TRAINEES, "T093,Ríos,,Juana,PEXA700303HZSXXN05,MFR110315AB1,Op,Op"]))
result = run("import", path)
check("a trainee with one surname (empty maternal_surname) imports", result.returncode == 0, result.stdout + result.stderr)
result = run("trainee", "add", "--id", "T094", "--paternal", "Mora", "--given", "Ana", "--curp", "PEXA700303HZSXXN05",
             "--employer", "MFR110315AB1", "--occupation", "Op", "--job-title", "Op")
check("trainee add with a CURP already held names the trainee that holds it",
      result.returncode == 1 and "trainee T093 already has the CURP PEXA700303HZSXXN05, given for trainee T094" in result.stderr,
      f"{result.returncode} {result.stderr}")

# --- concurrent imports of one file: the repeat check holds inside the write --------------------------
def concurrent_imports(path, count=8):
    processes = [subprocess.Popen([veta, "import", path, "--store", store], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for _ in range(count)]
    return [(p.returncode, out + err) for p in processes for out, err in [p.communicate(timeout=300)]]


for kind, lines, key in [
    ("evidence", [EVIDENCE, "T001,EXWSAFE,RIIWHS201E,criterion:1.3,observation,satisfactory,2026-02-05,1,,,A01",
                  "T002,EXWSAFE,RIIWHS201E,criterion:1.3,observation,satisfactory,2026-02-05,1,,,A01"],
     lambda e: e.get("kind") == "evidence" and e.get("date") == "2026-02-05"),
    ("enrolments", ["trainee,curriculum,date", "T003,EXWSAFE,2026-01-07", "T005,EXWSAFE,2026-01-07"],
     lambda e: e.get("kind") == "enrolment" and e.get("date") == "2026-01-07"),
]:
    path = save(f"concurrent-{kind}.csv", excel_utf8(lines))
    results = concurrent_imports(path)
    codes = sorted(code for code, _ in results)
    check(f"8 concurrent imports of one {kind} file: exactly one exits 0, the others 1", codes == [0] + [1] * 7, str(results))
    check(f"the 7 refused {kind} imports say the rows are already in the store",
          sum("2 of 2 rows are already in the store" in text for code, text in results if code == 1) == 7, str(results))
    stored = [e for e in ledger() if key(e)]
    check(f"the ledger holds each {kind} row once", len(stored) == 2, str(stored))
    verify = run("ledger", "verify")
    check(f"the ledger verifies after concurrent {kind} imports", verify.returncode == 0, verify.stdout + verify.stderr)

# --- what Veta writes: no cell a spreadsheet would run as a formula --------------------------------
cohort = run("cohort", "EXWSAFE", "--format", "csv", "--as-of", "2026-03-01")
cells = [cell for line in csv.reader(io.StringIO(cohort.stdout)) for cell in line]
check("cohort --format csv neutralises a name that starts a formula",
      any(cell.startswith("'=HYPERLINK") for cell in cells) and not any(cell[:1] in "=+-@" for cell in cells if cell), cohort.stdout)
export = run("export", "--format", "csv")
cells = [cell for line in csv.reader(io.StringIO(export.stdout)) for cell in line]
check("export --format csv neutralises a note that starts a formula",
      "'=1+2 revisado" in cells and not any(cell[:1] in "=+-@\t\r" for cell in cells if cell), export.stdout[:400])

for bad in ["trainees-cp1252.csv", "trainees-bidi.csv", "twice.csv", "evidence-nul.csv", "evidence-repeated-row.csv"]:
    result = run("import", os.path.join(work, bad))
    check(f"bad data in {bad} never exits 2", result.returncode == 1, f"{result.returncode} {result.stderr}")

# --- golden diagnostics: what a clerk reads for each bad file ------------------------------------------
golden_path = os.path.join(root, "Tests", "cli", "fixtures", "spreadsheet-import.golden")
transcript = []
for bad in ["trainees-cp1252.csv", "trainees-bidi.csv", "twice.csv", "evidence-comma-decimal.csv", "evidence-nul.csv",
            "evidence-repeated-row.csv", "evidence-semicolon.csv", "evidence-hours-0.csv", "evidence-hours-3.csv",
            "evidence-hours-4.csv", "evidence-hours-5.csv", "middle-empty-column.csv", "header-twice.csv", "target-space.csv",
            "sep-mismatch.csv", "trainees-empty-names.csv"]:
    result = subprocess.run([veta, "import", bad, "--store", store], capture_output=True, text=True, timeout=300, cwd=work)
    transcript.append(f"$ veta import {bad}\n{result.stdout}{result.stderr}exit {result.returncode}\n")
transcript = "\n".join(transcript)
if os.environ.get("VETA_UPDATE_GOLDEN"):
    with open(golden_path, "w") as handle:
        handle.write(transcript)
with open(golden_path) as handle:
    golden = handle.read()
check("import diagnostics match Tests/cli/fixtures/spreadsheet-import.golden (VETA_UPDATE_GOLDEN=1 rewrites it)",
      transcript == golden, transcript)

finish("spreadsheet")
