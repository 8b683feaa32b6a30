"""Instruction counts (valgrind --tool=callgrind) per row, per entry and per credential, next to the C floor
and raw signing on the same data: counts do not depend on the machine's load, where wall time does.

Usage: bench_instructions.py --veta-bench PATH --floor PATH [--progress DIR] [--rows 10000] [--credentials 300] [--out FILE]

Needs a run of bench_progress.py before it, into DIR (default bench-out/progress): the store before the evidence
import, `before-evidence.sqlite`, and the evidence CSV. Under callgrind every run reads the whole store, so a small
one (`bench_progress.py ... --trainees 2000 --entries 40000 --dir bench-out/progress-small`) keeps this to minutes. Each figure is a marginal cost: the program is counted on
N and on 2N rows (or credentials), and the difference is divided by N, so process start-up, opening the
store and reading the curriculum cancel out.
- evidence import: `veta-bench import` (what `veta import` calls) against `ledger-floor import`, the first
  N and 2N rows of the evidence CSV into copies of the store before the evidence;
- ledger verify: `veta-bench verify` (what `veta ledger verify` calls) against `ledger-floor verify`, on those
  two stores after Veta's import (the N extra entries are evidence);
- signing: `veta-bench sign ... fast` (CredentialFactory, one task) against `... raw` (swift-crypto Ed25519
  of the same signing input), N and 2N credentials.
veta-bench's debug info is DWARF 5, which valgrind 3.19 cannot read: it is counted on a copy without it.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRESS = os.path.join(ROOT, "bench-out", "progress")
WORK = os.path.join(ROOT, "bench-out", "instructions")


def instructions(command):
    """Instructions the command executed (every thread), from callgrind's summary."""
    out = os.path.join(WORK, "callgrind.out")
    result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command[:3])} under callgrind failed ({result.returncode}): {result.stderr[-1500:]}")
    match = re.search(r"Collected : (\d+)", result.stderr) or re.search(r"refs:\s+([\d,]+)", result.stderr)
    return int(match.group(1).replace(",", ""))


def marginal(command_for, n):
    """(instructions per unit, total at n, total at 2n) of command_for(count)."""
    small, large = instructions(command_for(n)), instructions(command_for(2 * n))
    return (large - small) / n, small, large


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--veta-bench", required=True)
    parser.add_argument("--floor", required=True)
    parser.add_argument("--progress", default=PROGRESS)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--credentials", type=int, default=300)
    parser.add_argument("--out")
    args = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    bench = os.path.join(WORK, "veta-bench")
    subprocess.run(["objcopy", "--strip-debug", args.veta_bench, bench], check=True)
    floor = os.path.abspath(args.floor)
    before = os.path.join(args.progress, "before-evidence.sqlite")
    with open(os.path.join(args.progress, "evidence.csv")) as f:
        lines = f.readlines()
    n = args.rows
    for count in (n, 2 * n):
        with open(os.path.join(WORK, f"evidence-{count}.csv"), "w") as f:
            f.writelines(lines[:count + 1])
    load_start = os.getloadavg()

    def store_copy(name):
        path = os.path.join(WORK, name)
        shutil.copyfile(before, path)
        return path

    # Import: each run into a fresh copy; Veta's copies are kept for the verify counts.
    veta_import = marginal(lambda c: [bench, "import", store_copy(f"veta-{c}.sqlite"), os.path.join(WORK, f"evidence-{c}.csv")], n)
    floor_import = marginal(lambda c: [floor, "import", store_copy(f"floor-{c}.sqlite"), os.path.join(WORK, f"evidence-{c}.csv")], n)
    for count in (n, 2 * n):  # fold the WAL into each file, as bench_progress does before verifying
        subprocess.run(["sqlite3", os.path.join(WORK, f"veta-{count}.sqlite"), "PRAGMA wal_checkpoint(TRUNCATE);"], capture_output=True)
    veta_verify = marginal(lambda c: [bench, "verify", os.path.join(WORK, f"veta-{c}.sqlite")], n)
    floor_verify = marginal(lambda c: [floor, "verify", os.path.join(WORK, f"veta-{c}.sqlite")], n)
    curriculum = os.path.join(ROOT, "Curricula", "operator-haul-truck.xml")
    m = args.credentials
    fast = marginal(lambda c: [bench, "sign", curriculum, str(c), "fast"], m)
    raw = marginal(lambda c: [bench, "sign", curriculum, str(c), "raw"], m)
    load_end = os.getloadavg()

    def row(what, veta, base, unit):
        return (f"| {what} | {veta[0]:,.0f} | {base[0]:,.0f} | {veta[0] / base[0]:.2f}× | "
                f"{veta[1]:,} / {veta[2]:,} | {base[1]:,} / {base[2]:,} | {unit} |")

    lines = [
        "### Instruction counts (valgrind callgrind): Veta against the floor, per unit of work", "",
        f"From `python3 Tests/bench/bench_instructions.py --veta-bench {args.veta_bench} --floor {args.floor} --rows {n} "
        f"--credentials {m} --progress {os.path.relpath(args.progress, ROOT)}` after `bench_progress.py` (its store before the evidence, its evidence CSV). Marginal counts: "
        f"(instructions at 2N − instructions at N) / N, so start-up and set-up cancel out. Load average {load_start[0]:.1f} → "
        f"{load_end[0]:.1f} (counts do not depend on it).", "",
        "| work | Veta, instructions per unit | floor, per unit | ratio | Veta total at N / 2N | floor total at N / 2N | unit (N) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
        row("evidence import (`veta import`'s calls vs `ledger-floor import`)", veta_import, floor_import, f"CSV row ({n:,})"),
        row("`ledger verify` (vs `ledger-floor verify`, same stores)", veta_verify, floor_verify, f"evidence entry ({n:,})"),
        row("build + sign a credential (CredentialFactory, 1 task, vs raw swift-crypto Ed25519 of the same input)", fast, raw,
            f"credential ({m:,})"),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.out:
        with open(args.out, "a") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
