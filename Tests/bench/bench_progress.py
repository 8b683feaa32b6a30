"""`make bench`, progress part: bulk import, status latency, cohort, store size.

Usage: bench_progress.py --veta PATH --veta-bench PATH --floor PATH [--trainees 100000] [--entries 2000000] [--out FILE]
                         [--library]

With --library, the timed steps (the three imports, `ledger verify`, `cohort`) run as `veta-bench import|verify|cohort`:
the same library calls the commands make (Tests/bench/veta-bench/CommandBench.swift), for when only a release build of
veta-bench is at hand (the `veta` product also links SwiftNIO, NIOSSL, Hummingbird and PostgresNIO); --veta then only sets
the store up (publish, org, keys, assessor), and may be a debug build.

Generates a store in bench-out/progress: the shipped curricula, one employer, one assessor,
TRAINEES trainees enrolled in VTOPHT, and ENTRIES evidence rows spread over them. Times:
- `veta import` of the evidence CSV (rows/s), next to `sqlite3`'s own `.import` of the same CSV
  into a plain table (no checks, no hash chain) and the C floor program (Tests/bench/floor/ledger_floor.c:
  the same rows, hash-chained with Veta's canonical encoding, into the same schema and into a compact
  one, one prepared statement, one transaction) in the same run;
- `veta ledger verify` next to the floor's verification of the same store (which also proves the two
  agree on the canonical encoding byte for byte);
- peak memory (maximum resident set) of import and verify;
- `CompetencyEngine.status` as a library call (store read + engine) over 1,000 random trainees;
- `veta cohort VTOPHT --format csv` for all trainees (whole command);
- the store's size per million entries.
Prints a markdown section to stdout (and appends it to --out when given).
"""
import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "bench-out", "progress")
ALPHABET = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp(i):
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    consonants = "BCDFGHJKLMNPQRSTVWXYZ"
    head = "".join(letters[(i // 26 ** k) % 26] for k in range(4))
    body = f"{head}{80 + i % 20:02d}{i % 12 + 1:02d}{i % 28 + 1:02d}{'HM'[i % 2]}ZS" + "".join(
        consonants[(i // 21 ** k) % 21] for k in range(3)) + str(i // (26 ** 4) % 10)
    total = sum(ALPHABET.index(c) * (18 - n) for n, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def timed(command, **kwargs):
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(command[:4])} failed ({result.returncode}): {result.stdout[-2000:]} {result.stderr[-2000:]}")
    return elapsed, result.stdout


PEAK = {}


CPU = {}


def measured(command, name=None, **kwargs):
    """Like timed, and records the command's peak resident memory (MiB) and user + system CPU seconds
    under `name` (default: its second word)."""
    report = os.path.join(OUT, "time.txt")
    elapsed, stdout = timed(["/usr/bin/time", "-f", "%M %U %S", "-o", report, *command], **kwargs)
    with open(report) as f:
        peak, user, system = f.read().split()[-3:]
    PEAK[name or command[1]] = int(peak) / 1024
    CPU[name or command[1]] = float(user) + float(system)
    return elapsed, stdout


def checkpointed(path):
    """Folds the WAL into the file so it can be copied or measured alone."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--veta", required=True)
    parser.add_argument("--veta-bench", required=True)
    parser.add_argument("--floor", required=True, help="the compiled Tests/bench/floor/ledger_floor.c")
    parser.add_argument("--trainees", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=2_000_000)
    parser.add_argument("--out")
    parser.add_argument("--library", action="store_true", help="time veta-bench's library calls instead of the veta commands")
    parser.add_argument("--dir", help="where the store and CSVs go (default bench-out/progress)")
    args = parser.parse_args()
    global OUT
    OUT = os.path.abspath(args.dir) if args.dir else OUT
    veta = os.path.abspath(args.veta)
    bench = os.path.abspath(args.veta_bench)
    load_start = os.getloadavg()
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    store = os.path.join(OUT, "veta.sqlite")
    env = dict(os.environ, VETA_STORE=store)
    run = lambda *a: timed([veta, *a], env=env)

    run("publish", os.path.join(ROOT, "Curricula"))
    curriculum = json.loads(run("show", "--format", "json", os.path.join(ROOT, "Curricula", "operator-haul-truck.xml"))[1])
    targets = []
    for unit in curriculum["units"]:
        for element in unit["elements"]:
            targets += [(unit["code"], "criterion:" + c["number"]) for c in element["criteria"]]
        targets += [(unit["code"], "knowledge:" + k["id"]) for k in unit["knowledgeEvidence"]]
    run("org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo", "--site", "Mina Saucito")
    run("keys", "generate", "--name", "A01", "--out", os.path.join(OUT, "keys"))
    units = [u["code"] for u in curriculum["units"]]
    run("assessor", "add", "--id", "A01", "--name", "Bench Assessor", "--accreditation", "EV-0", *sum([["--unit", u] for u in units], []),
        "--public-key", os.path.join(OUT, "keys", "A01.public.jwk"))

    trainees_csv = os.path.join(OUT, "trainees.csv")
    with open(trainees_csv, "w") as f:
        f.write("id,paternal_surname,maternal_surname,given_names,curp,employer_rfc,occupation,job_title\n")
        for i in range(args.trainees):
            f.write(f"T{i:06d},Apellido{i % 97},Materno{i % 89},Nombre{i % 83},{curp(i)},MFR110315AB1,Operador de camión,Operador\n")
    importing = lambda csv: [bench, "import", store, csv] if args.library else [veta, "import", csv]
    trainee_seconds, _ = measured(importing(trainees_csv), "trainee import", env=env)
    enrol_csv = os.path.join(OUT, "enrolments.csv")
    with open(enrol_csv, "w") as f:
        f.write("trainee,curriculum,date,site\n")
        for i in range(args.trainees):
            f.write(f"T{i:06d},VTOPHT@1.0.0,2026-01-05,Mina Saucito\n")
    enrol_seconds, _ = measured(importing(enrol_csv), "enrolment import", env=env)

    rng = random.Random(42)
    evidence_csv = os.path.join(OUT, "evidence.csv")
    methods = ["observation", "practical", "written-test", "oral-test", "product"]
    with open(evidence_csv, "w") as f:
        f.write("trainee,curriculum,unit,target,method,outcome,date,hours,site,note,assessor,attachment_sha256\n")
        for row in range(args.entries):  # the note makes every row distinct: repeated rows are refused
            unit, target = targets[rng.randrange(len(targets))]
            f.write(f"T{rng.randrange(args.trainees):06d},VTOPHT@1.0.0,{unit},{target},{methods[rng.randrange(5)]},"
                    f"{'satisfactory' if rng.random() < 0.8 else 'not-yet'},2026-{rng.randrange(2, 12):02d}-{rng.randrange(1, 29):02d},1.5,Mina Saucito,row {row},A01,\n")
    checkpointed(store)
    floor_store = os.path.join(OUT, "floor.sqlite")
    shutil.copyfile(store, floor_store)
    # The store before the evidence, kept for instruction counts (bench_instructions.py).
    shutil.copyfile(store, os.path.join(OUT, "before-evidence.sqlite"))
    import_seconds, _ = measured(importing(evidence_csv), "import", env=env)

    plain = os.path.join(OUT, "plain.sqlite")
    sqlite_seconds, _ = measured(["sqlite3", plain, ".mode csv", f".import {evidence_csv} evidence"], "sqlite3")
    floor = os.path.abspath(args.floor)
    floor_import = json.loads(measured([floor, "import", floor_store, evidence_csv], "floor import")[1])
    compact_store = os.path.join(OUT, "compact.sqlite")
    floor_compact = json.loads(timed([floor, "compact", compact_store, evidence_csv])[1])
    checkpointed(compact_store)

    _, bench_json = timed([bench, store, "VTOPHT", "1000", "2026-12-31"])
    status = json.loads(bench_json)
    if args.library:
        cohort_csv = os.path.join(OUT, "cohort.csv")
        cohort_seconds, _ = measured([bench, "cohort", store, "VTOPHT", "2026-12-31", cohort_csv], "cohort", env=env)
        with open(cohort_csv) as f:
            cohort_out = f.read()
    else:
        cohort_seconds, cohort_out = measured([veta, "cohort", "VTOPHT", "--format", "csv", "--as-of", "2026-12-31"], "cohort", env=env)
    verify_seconds, _ = measured([bench, "verify", store] if args.library else [veta, "ledger", "verify"], "ledger", env=env)
    checkpointed(store)
    floor_verify_seconds, floor_verify_out = measured([floor, "verify", store], "floor verify")
    floor_verify = json.loads(floor_verify_out)
    load_end = os.getloadavg()

    db = sqlite3.connect(store)
    entries = db.execute("SELECT COUNT(*) FROM ledger_entry").fetchone()[0]
    db.close()
    size = os.path.getsize(store)
    compact_size = os.path.getsize(compact_store)
    floor_rate = args.entries / floor_import["seconds"]
    compact_rate = args.entries / floor_compact["seconds"]
    verify_floor_rate = floor_verify["rows"] / floor_verify["seconds"]

    how = "`veta-bench` library calls (the commands' own calls, release build)" if args.library else "the `veta` commands"
    cpu = lambda name, rows: f"{rows / CPU[name]:,.0f}" if CPU.get(name) else "n/a"
    lines = [
        f"## Trainee progress: {args.trainees:,} trainees, {args.entries:,} evidence entries", "",
        f"Timed: {how}; `sqlite3 .import` of the same evidence CSV into a plain table; the C floor "
        f"(Tests/bench/floor/ledger_floor.c) on the same data; all in this run. Load average (1 min) {load_start[0]:.1f} at the start, "
        f"{load_end[0]:.1f} at the end, on {os.cpu_count()} cores. Rates per wall second and per CPU second (user + system, "
        f"GNU time, 10 ms resolution); on a shared machine the CPU figures are the ones to compare.", "",
        "| measure | veta | floor / target | ratio (wall) | ratio (CPU) |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| evidence import, rows/s wall (CPU) | {args.entries / import_seconds:,.0f} ({cpu('import', args.entries)}) | "
        f"{args.entries / sqlite_seconds:,.0f} ({cpu('sqlite3', args.entries)}) sqlite3 .import, plain table, no hashes | "
        f"{import_seconds / sqlite_seconds:.2f}× its time | {CPU['import'] / max(CPU['sqlite3'], 0.01):.2f}× |",
        f"| the same, against the C floor on the same schema | | {floor_rate:,.0f} ({cpu('floor import', args.entries)}) C, same schema, "
        f"hash chain, one transaction | {import_seconds / floor_import['seconds']:.2f}× | {CPU['import'] / max(CPU['floor import'], 0.01):.2f}× |",
        f"| the same, against the C floor on a compact schema | | {compact_rate:,.0f} (C, compact schema) | "
        f"{import_seconds / floor_compact['seconds']:.2f}× | |",
        f"| evidence import, peak memory, MiB | {PEAK['import']:.0f} | ≤ 150 (issue 9) | | |",
        f"| trainee import, rows/s wall (CPU) (CURP + RFC checks) | {args.trainees / trainee_seconds:,.0f} ({cpu('trainee import', args.trainees)}) | | | |",
        f"| enrolment import, rows/s wall (CPU) | {args.trainees / enrol_seconds:,.0f} ({cpu('enrolment import', args.trainees)}) | | | |",
        f"| status, library call (store read + engine), p50 / p99 ms, {status['samples']} random trainees, ~{status['meanEntries']:.0f} entries each | "
        f"{status['statusP50ms']:.3f} / {status['statusP99ms']:.3f} | p99 ≤ 2 ms | | |",
        f"| engine alone, p50 / p99 ms | {status['engineP50ms']:.3f} / {status['engineP99ms']:.3f} | | | |",
        f"| `veta cohort VTOPHT --format csv`, {len(cohort_out.splitlines()) - 1:,} trainees, s wall (CPU) | {cohort_seconds:.2f} ({CPU['cohort']:.2f}) | ≤ 3 s | | |",
        f"| `veta ledger verify`, {entries:,} entries, s wall (CPU) | {verify_seconds:.2f} ({CPU['ledger']:.2f}) | | | |",
        f"| `veta ledger verify`, entries/s wall (CPU) | {entries / verify_seconds:,.0f} ({cpu('ledger', entries)}) | "
        f"{verify_floor_rate:,.0f} ({cpu('floor verify', entries)}) C floor: canonical bytes + sha256 + chain; target ≥ 400k | "
        f"{verify_seconds / floor_verify_seconds:.2f}× | {CPU['ledger'] / max(CPU['floor verify'], 0.01):.2f}× |",
        f"| `veta ledger verify`, peak memory, MiB | {PEAK['ledger']:.0f} | ≤ 150 (issue 9) | | |",
        f"| store size per million entries, MB | {size / entries:,.0f} | ≤ 130 (issue 9); {compact_size / args.entries:,.0f} compact schema, evidence only | "
        f"{size / entries / (compact_size / args.entries):.2f}× the compact schema | |", "",
        "Targets (issue 9): evidence import ≥ 200k rows/s at 1M rows; `ledger verify` ≥ 400k entries/s; store ≤ 130 MB per "
        "million entries; peak memory of import and verify ≤ 150 MB; `veta cohort` over 100k trainees ≤ 3 s; status p99 ≤ 2 ms. "
        "The C floor's `verify` recomputes Veta's canonical encoding independently (every kind): it passing on Veta's store shows "
        "the two agree byte for byte. The floor's rates are its own timings (no process start-up); the ratios in wall time "
        "compare whole processes (Veta's) with the floor's timed part, the CPU ratios whole processes with whole processes.", "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.out:
        with open(args.out, "a") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
