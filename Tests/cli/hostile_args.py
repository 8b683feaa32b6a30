"""Every subcommand, every option and argument, hostile values: veta never crashes.

The commands and their options come from `veta --experimental-dump-help`, so a new option is covered
without editing this file. Each leaf command gets a valid baseline invocation against a prepared store
(publish, org, trainee, assessor, enrolment, issuer); then each option and positional argument in turn
is given each hostile value. Every run must:
  - end with exit 0, 1, 2 or 64, never a signal;
  - not print "internal error" (bad data is a refusal or a usage error, never an internal error);
  - under --format json, print exactly one JSON document on stdout.
After the whole run `veta ledger verify` must still pass. Then a few targeted checks: typed arguments
exit 64 naming what is allowed, JSON on failing paths, key names and key file modes, a bare --store.

NUL cannot travel in argv (execve strings end at NUL), so the "NUL" value is the closest thing that
can: a string with a control character and a percent-encoded NUL.

Usage: hostile_args.py VETA WORKDIR
"""
import concurrent.futures
import resource
import json
import os
import shutil
import subprocess
import sys
import time

from checks import check, finish


veta, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)

HOSTILE = {
    "empty": "",
    "huge number": "1" + "0" * 40,
    "1e300": "1e300",
    "inf": "inf",
    "nan": "nan",
    "negative zero": "-0",
    "control/NUL": "a\x01b%00",
    "newline": "a\nb",
    "parent path": "../",
    "100k characters": "A" * 100_000,
}

# A valid value for each option or argument name, so the baseline of a command is a real request.
VALID = {
    "trainee": "T001", "curriculum": "EXWSAFE", "unit": "RIIWHS201E", "target": "unit", "method": "observation",
    "outcome": "satisfactory", "assessor": "A01", "date": "2026-02-01", "as-of": "2026-03-01", "hours": "2",
    "site": "Mina Saucito", "note": "note", "id": "T009", "name": "Name", "paternal": "García", "maternal": "López",
    "given": "Ana", "curp": "GALA900101MZSRPN05", "employer": "MFR110315AB1", "occupation": "Operadora",
    "job-title": "Operadora", "rfc": "MFR110315AB1", "accreditation": "CONOCER EV-1", "reason": "a reason",
    "within": "30d", "from": "EXWSAFE@1.1.0", "to": "EXWSAFE@1.1.0", "year": "2026", "serial": "VETA-2026-000001",
    "url": "https://capacitacion.example.mx", "issuer": "https://capacitacion.example.mx", "stps": "CAP-123456-ABC-0013",
    "sequence": "1", "sequences": "1", "cohort": "EXWSAFE", "lang": "es", "max-file-size": "1000000", "max-depth": "64",
}


def file_values(keys):
    curriculum = os.path.join(root, "Examples", "valid-working-safely.xml")
    return {
        "key": os.path.join(keys, "A01.private.jwk"),
        "public-key": os.path.join(keys, "A01.public.jwk"),
        "path": curriculum, "file": curriculum, "old": curriculum, "new": curriculum,
        "paths": curriculum, "policy": os.path.join(root, "Schemas", "audit-policy.xml"),
        "schema": os.path.join(root, "Schemas", "curriculum.xsd"),
        "out": os.path.join(work, "out"), "attachment": curriculum, "examples": os.path.join(root, "Examples"),
    }


def run(args, cwd=None, timeout=120):
    try:
        return subprocess.run([veta, *args], capture_output=True, timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired:
        return None


def one_json(stdout):
    """Whether stdout is exactly one JSON document."""
    try:
        json.loads(stdout.decode("utf-8"))
        return True
    except (ValueError, UnicodeDecodeError):
        return False


# --- a prepared store -------------------------------------------------------------------------
store = os.path.join(work, "store.sqlite")
keys = os.path.join(work, "keys")
setup = [
    ["keys", "generate", "--name", "A01", "--out", keys],
    ["keys", "generate", "--name", "issuer", "--out", keys],
    ["publish", os.path.join(root, "Examples", "valid-working-safely.xml"), "--store", store],
    ["org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo", "--site", "Mina Saucito", "--store", store],
    ["trainee", "add", "--id", "T001", "--paternal", "García", "--maternal", "López", "--given", "Ana María",
     "--curp", "GALA900101MZSRPN05", "--employer", "MFR110315AB1", "--occupation", "Operadora", "--job-title", "Operadora",
     "--store", store],
    ["assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "CONOCER EV-1234",
     "--unit", "RIIWHS201E", "--unit", "RIIERR302D", "--public-key", os.path.join(keys, "A01.public.jwk"), "--store", store],
    ["issuer", "add", "--url", "https://capacitacion.example.mx", "--name", "Capacitación Minera", "--rfc", "CMN150101AB1",
     "--public-key", os.path.join(keys, "issuer.public.jwk"), "--store", store],
    ["enrol", "T001", "EXWSAFE", "--date", "2026-01-05", "--store", store],
]
for step in setup:
    result = run(step)
    if result is None or result.returncode != 0:
        print(f"FAIL set-up: {' '.join(step[:3])}: {result and result.stderr.decode(errors='replace')}")
        sys.exit(1)
VALID.update(file_values(keys))

# --- the commands, from --experimental-dump-help ----------------------------------------------
dump = json.loads(run(["--experimental-dump-help"]).stdout)


def leaves(command, path):
    subcommands = [c for c in command.get("subcommands") or [] if c["commandName"] != "help"]
    if not subcommands:
        yield path, command
    for sub in subcommands:
        yield from leaves(sub, path + [sub["commandName"]])


SKIP = {"help", "version", "experimental-dump-help", "generate-completion-script"}


def inputs(command):
    """(kind, name, argument) for every option and positional a user can give."""
    for argument in command.get("arguments") or []:
        if argument["kind"] == "flag":
            continue
        name = (argument.get("preferredName") or {}).get("name") or argument.get("valueName")
        if name in SKIP:
            continue
        yield argument["kind"], name, argument


def value_for(name, argument):
    if name in VALID:
        return VALID[name]
    values = argument.get("allValues") or []
    return values[0] if values else "x"


# Optional inputs a command needs in its baseline to get past its own validation.
EXTRA = {"issue": {"trainee", "curriculum"}, "audit catalogue": {"paths"}, "import": {"file"}}


def baseline(path, command, replace=None):
    """The command's arguments with valid values; `replace` = (name, value) swaps one of them."""
    args = []
    json_format = False
    extra = EXTRA.get(" ".join(path), set())
    if replace is not None and replace[0] == "cohort":
        extra = set()
    for kind, name, argument in inputs(command):
        given = replace is not None and replace[0] == name
        if not given and argument.get("isOptional") and name != "format" and name not in extra:
            continue
        if name == "store":
            value = replace[1] if given else store
        elif given:
            value = replace[1]
        elif name == "format" and "json" in (argument.get("allValues") or []):
            value, json_format = "json", True
        else:
            value = value_for(name, argument)
        args += [value] if kind == "positional" else [f"--{name}={value}"]
    return args, json_format


# Options every store or reading command shares are attacked once, on the first command that has them.
SHARED = {"store", "schema", "max-file-size", "max-depth"}
commands = [(path, command) for path, command in leaves(dump["command"], [])]
jobs = []
attacked = set()
for path, command in commands:
    jobs.append((path, command, None))
    for kind, name, argument in inputs(command):
        if name in SHARED:
            if name in attacked:
                continue
            attacked.add(name)
        for label, value in HOSTILE.items():
            jobs.append((path, command, (name, value, label)))

sandbox = os.path.join(work, "sandbox", "cwd")
os.makedirs(sandbox)


def attempt(job):
    path, command, hostile = job
    args, json_format = baseline(path, command, hostile and (hostile[0], hostile[1]))
    if hostile and hostile[0] == "format":
        json_format = False
    result = run(path + args, cwd=sandbox)
    where = " ".join(path) + (f" --{hostile[0]} <{hostile[2]}>" if hostile else " (baseline)")
    if result is None:
        return where, "timed out"
    if result.returncode < 0:
        return where, f"killed by signal {-result.returncode}"
    if result.returncode not in (0, 1, 2, 64):
        return where, f"exit {result.returncode}"
    stderr = result.stderr.decode("utf-8", errors="replace")
    if "internal error" in stderr or "Fatal error" in stderr:
        return where, "internal error: " + stderr[:300]
    if json_format and not one_json(result.stdout):
        return where, "--format json did not print exactly one JSON document: " + result.stdout[:200].decode(errors="replace")
    return None


started = time.time()
problems = []
with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
    for problem in pool.map(attempt, jobs):
        if problem:
            problems.append(problem)
elapsed = time.time() - started
check(f"{len(jobs)} runs of {len(commands)} commands with hostile values: exit 0/1/2/64, no signal, no internal error, "
      f"one JSON document under --format json ({elapsed:.0f} s)",
      not problems, "\n     ".join(f"{where}: {why}" for where, why in problems[:60]))
# No check on time here (the machine is shared; speed belongs to make bench): the cost is printed.
usage_children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"     (the hostile run cost {usage_children.ru_utime + usage_children.ru_stime:.0f} s CPU, {elapsed:.0f} s wall)")

verify = run(["ledger", "verify", "--store", store])
check("the store still verifies after the hostile run", verify.returncode == 0, verify.stdout.decode() + verify.stderr.decode())

# --- typed arguments: exit 64, naming what is allowed ----------------------------------------------
record = ["record", "--trainee", "T001", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--target", "unit",
          "--method", "observation", "--outcome", "satisfactory", "--store", store]


def usage(args, *mentions):
    result = run(args)
    stderr = result.stderr.decode(errors="replace")
    return result.returncode == 64 and all(m in stderr for m in mentions), f"exit {result.returncode}: {stderr[:400]}"


for label, args, mentions in [
    ("an impossible date", record + ["--date", "2026-13-45"], ["2026-13-45", "YYYY-MM-DD"]),
    ("the 30th of February", record + ["--date", "2026-02-30"], ["2026-02-30"]),
    ("an unknown method", [a if a != "observation" else "nonsense" for a in record], ["nonsense", "observation", "credit-transfer"]),
    ("an unknown outcome", [a if a != "satisfactory" else "maybe" for a in record], ["maybe", "not-yet"]),
    ("an unknown target", [a if a != "unit" else "chapter:1" for a in record], ["chapter:1", "criterion:N.M"]),
    ("hours inf", record + ["--hours", "inf"], ["inf", "at most 24"]),
    ("hours 1e300", record + ["--hours", "1e300"], ["1e300"]),
    ("hours nan", record + ["--hours", "nan"], ["nan"]),
    ("hours -0", record + ["--hours=-0"], ["-0"]),
    ("hours 0", record + ["--hours", "0"], ["'0'"]),
    ("hours 25", record + ["--hours", "25"], ["25"]),
    ("an empty curriculum", ["enrol", "T001", "", "--store", store], ["CODE"]),
    ("a curriculum with a bad version", ["enrol", "T001", "EXWSAFE@1.0", "--store", store], ["EXWSAFE@1.0"]),
    ("a duration that overflows dates", ["due", "--within", "1067519911673000d", "--store", store], ["1067519911673000d"]),
    ("a key name with a path", ["keys", "generate", "--name", "../x", "--out", os.path.join(work, "k2")], ["../x"]),
    ("an empty trainee id", ["trainee", "add", "--id", "", "--paternal", "G", "--given", "A", "--curp", "GALA900101MZSRPN05",
                             "--employer", "MFR110315AB1", "--occupation", "o", "--job-title", "j", "--store", store], ["--id"]),
    ("an empty store path", ["status", "T001", "--store", ""], ["--store"]),
]:
    ok, detail = usage(args, *mentions)
    check(f"{label} is a usage error (exit 64) that says what is allowed", ok, detail)

hours = run(record + ["--hours", "1.5", "--date", "2026-02-02"])
check("decimal hours are accepted", hours.returncode == 0, hours.stderr.decode())

check("keys generate --name ../x writes nothing outside --out",
      not os.path.exists(os.path.join(work, "x.private.jwk")) and not os.path.exists(os.path.join(work, "k2")))

# --- a private key others can read is refused with the chmod to run --------------------------------------
loose = os.path.join(work, "loose")
run(["keys", "generate", "--name", "A01", "--out", loose])
os.chmod(os.path.join(loose, "A01.private.jwk"), 0o644)
signoff = run(["signoff", "--trainee", "T001", "--curriculum", "EXWSAFE", "--unit", "RIIWHS201E", "--assessor", "A01",
               "--key", os.path.join(loose, "A01.private.jwk"), "--store", store])
expected = f"run: chmod 600 {os.path.join(loose, 'A01.private.jwk')}"
check("a private key readable by others is refused (exit 1) with the chmod to run",
      signoff.returncode == 1 and expected in signoff.stderr.decode(), signoff.stderr.decode())

# --- a bare file name as --store works, in the current folder ----------------------------------------
bare = os.path.join(work, "bare")
os.makedirs(bare)
org = run(["org", "add", "--rfc", "MFR110315AB1", "--name", "Minera", "--store", "veta.sqlite"], cwd=bare)
check("--store veta.sqlite (a bare file name) works", org.returncode == 0 and os.path.exists(os.path.join(bare, "veta.sqlite")),
      org.stderr.decode())

# --- --format json prints exactly one JSON document on failing paths --------------------------------
invalid = os.path.join(root, "Examples", "VETA-R001-duplicate-unit-code.xml")
missing_store = "/dev/null/veta.sqlite"
for label, args, code in [
    ("validate: a missing file", ["validate", "--format", "json", "/nonexistent.xml"], 2),
    ("validate: a usage error", ["validate", "--format", "json", "--max-depth", "3", "Curricula"], 64),
    ("show: an invalid file", ["show", "--format", "json", invalid], 1),
    ("show: a missing file", ["show", "--format", "json", "/nonexistent.xml"], 2),
    ("diff: an invalid file", ["diff", "--format", "json", invalid, invalid], 1),
    ("status: an unknown trainee", ["status", "NOBODY", "--format", "json", "--store", store], 1),
    ("status: a bad date", ["status", "T001", "--format", "json", "--as-of", "2026-13-45", "--store", store], 64),
    ("cohort: an unpublished curriculum", ["cohort", "NOPE", "--format", "json", "--store", store], 1),
    ("due: an overflowing duration", ["due", "--within", "1067519911673000d", "--format", "json", "--store", store], 64),
    ("import: a missing file", ["import", "/nonexistent.csv", "--format", "json", "--store", store], None),
    ("export ledger: an unusable store", ["export", "ledger", "--format", "json", "--store", missing_store], 2),
    ("ledger verify: an unusable store", ["ledger", "verify", "--format", "json", "--store", missing_store], 2),
    ("migrate: an unpublished version", ["migrate", "--from", "EXWSAFE@1.1.0", "--to", "EXWSAFE@9.0.0", "--format", "json",
                                         "--store", store], 1),
    ("verify: a missing file", ["verify", "/nonexistent.jwt", "--format", "json", "--store", store], 2),
    ("trainee show: an unknown trainee", ["trainee", "show", "NOBODY", "--format", "json", "--store", store], 1),
    ("trainee list: an unusable store", ["trainee", "list", "--format", "json", "--store", missing_store], 2),
    ("audit catalogue: a missing path", ["audit", "catalogue", "/nonexistent", "--format", "json", "--store", store], 2),
    ("audit records: a bad date", ["audit", "records", "--as-of", "2026-02-30", "--format", "json", "--store", store], 64),
]:
    result = run(args, cwd=root)
    ok = result.returncode != 0 and (code is None or result.returncode == code) and one_json(result.stdout)
    document = json.loads(result.stdout) if ok else {}
    ok = ok and "error" in document and document["error"].get("exitCode") == result.returncode
    check(f"--format json, {label}: exit {result.returncode}, one JSON error document on stdout", ok,
          f"stdout: {result.stdout[:300]!r} stderr: {result.stderr[:300]!r}")

# --- arguments that are not UTF-8 (a Latin-1 terminal) are a usage error, never stored as U+FFFD ---------
# Python passes bytes arguments to execve unchanged, as a terminal set to ISO-8859-1 would send them.
before_export = run(["export", "--format", "json", "--store", store]).stdout
for label, args, mention in [
    ("a Latin-1 surname", ["trainee", "add", "--id", "L01", "--paternal", b"Pe\xf1a", "--given", b"Jos\xe9",
                           "--curp", "PEXA700303HZSXXN05", "--employer", "MFR110315AB1", "--occupation", "Op",
                           "--job-title", "Op", "--store", store], "--paternal"),
    ("a note of bytes FF FE", record + ["--note", b"\xff\xfe", "--date", "2026-02-03"], "--note"),
    ("an option name with a Latin-1 letter", record + [b"--not\xe9", "x"], "--not"),
    ("a Latin-1 trainee id as a positional argument", ["status", b"T\xd1", "--store", store], "argument 2"),
    ("an --option=value with a Latin-1 value", record + [b"--site=Sa\xfacito"], "--site"),
]:
    result = run(args)
    stderr = result.stderr.decode(errors="replace")
    check(f"{label} is refused (exit 64) naming the argument and the terminal's encoding",
          result.returncode == 64 and mention in stderr and "UTF-8" in stderr and "LANG=" in stderr,
          f"exit {result.returncode}: {stderr[:300]}")
json_latin1 = run(["status", b"T\xd1", "--format", "json", "--store", store])
check("--format json with a Latin-1 argument: exit 64 and one JSON usage error on stdout",
      json_latin1.returncode == 64 and one_json(json_latin1.stdout)
      and json.loads(json_latin1.stdout)["error"]["exitCode"] == 64, json_latin1.stdout[:300])
shown = run(["trainee", "show", "L01", "--format", "json", "--store", store])
check("a trainee refused for a Latin-1 name was not stored", shown.returncode == 1, shown.stdout.decode()[:300])
check("no evidence was stored from a Latin-1 note",
      run(["export", "--format", "json", "--store", store]).stdout == before_export)
utf8 = run(["trainee", "add", "--id", "L02", "--paternal", "Peña".encode(), "--given", "José".encode(), "--curp",
            "PEXA700303HZSXXN05", "--employer", "MFR110315AB1", "--occupation", "Op", "--job-title", "Op", "--store", store])
check("the same names in UTF-8 are accepted", utf8.returncode == 0, utf8.stderr.decode())

finish("hostile arguments")
