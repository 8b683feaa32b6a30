"""`make bench`, records part: OB3 credentials built and signed per second (library calls), next to raw
swift-crypto Ed25519 signing of the same signing inputs in the same run (the floor), as CPU and wall time;
and, where valgrind is installed, the instructions per credential against per raw signature (callgrind),
which the load of a shared machine does not move.

Usage: bench_records.py --veta-bench PATH [--count 10000] [--callgrind-count 400] [--out FILE]
"""
import argparse
import json
import os
import re
import shutil
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def stripped(bench):
    """A copy of the binary without its debug sections: valgrind 3.19 cannot read the DWARF 5 that Swift's
    toolchain writes and gives up ("Possibly corrupted debuginfo file"); the same machine code without
    its debug sections counts the same instructions (as bench.py does for veta)."""
    bare = os.path.join(ROOT, "bench-out", os.path.basename(bench) + "-nodebug")
    os.makedirs(os.path.dirname(bare), exist_ok=True)
    subprocess.run(["objcopy", "--strip-debug", bench, bare], check=True)
    return bare


def callgrind(bench, curriculum, count, mode):
    """Instructions of one `veta-bench sign CURRICULUM COUNT MODE` run under callgrind."""
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", bench, "sign", curriculum, str(count), mode],
                         capture_output=True, text=True)
    if run.returncode != 0:
        return None
    return int(re.search(r"Collected : (\d+)", run.stderr).group(1))


def per_item(bench, curriculum, count, mode):
    """Instructions per credential: the difference of runs of 2×COUNT and COUNT, over COUNT (start-up cancels)."""
    twice, once = callgrind(bench, curriculum, 2 * count, mode), callgrind(bench, curriculum, count, mode)
    return None if twice is None or once is None else (twice - once) / count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--veta-bench", required=True)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--callgrind-count", type=int, default=400)
    parser.add_argument("--out")
    args = parser.parse_args()
    bench = os.path.abspath(args.veta_bench)
    curriculum = os.path.join(ROOT, "Curricula", "operator-haul-truck.xml")
    command = [bench, "sign", curriculum, str(args.count)]
    load_start = os.getloadavg()[0]
    r = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    raw1, raw2 = r["rawOneTask"], r["rawAllCores"]

    def row(name, m, floor):
        return (f"| {name} | {m['perSecondCPU']:,.0f} | {m['perSecondWall']:,.0f} | "
                f"{floor['perSecondCPU'] / m['perSecondCPU']:.2f}× | {floor['perSecondWall'] / m['perSecondWall']:.2f}× |")

    lines = [
        f"## Completion records: {args.count:,} OB3 credentials built and signed (issue 13)", "",
        f"Command: `make bench` runs `{os.path.relpath(command[0], ROOT)} sign Curricula/operator-haul-truck.xml {args.count}` "
        f"(Tests/bench/veta-bench/SignBench.swift; library calls, release build, {r['cores']} cores): each credential "
        f"{r['meanBytes']:,} bytes as a VC-JWT (signing input {r['signingInputBytes']:,} bytes), with the log-checkpoint evidence. "
        "The floor is swift-crypto's `Curve25519.Signing` signing the same signing inputs in the same run. "
        "Per second of CPU time (user + system, every thread, getrusage) and of wall time; the ratio is time per credential "
        f"over time per raw signature (1.00× is the floor). Load average (1 min) at the start: {load_start:.1f} on "
        f"{os.cpu_count()} cores (wall time on a loaded machine mostly measures waiting for a core).", "",
        "| path | per CPU second | per wall second | CPU ratio to raw | wall ratio to raw |",
        "| --- | ---: | ---: | ---: | ---: |",
        row("before: builder + jwt-kit signer (1 task)", r["before"], raw1),
        row("CredentialFactory, 1 task", r["fastOneTask"], raw1),
        row(f"CredentialFactory, {r['cores']} tasks", r["fastAllCores"], raw2),
        row("raw Ed25519, 1 task (floor)", raw1, raw1),
        row(f"raw Ed25519, {r['cores']} tasks (floor)", raw2, raw2), "",
    ]
    fast = raw = None
    if shutil.which("valgrind") and shutil.which("objcopy"):
        bench = stripped(bench)
        fast = per_item(bench, curriculum, args.callgrind_count, "fast")
        raw = per_item(bench, curriculum, args.callgrind_count, "raw")
    if shutil.which("valgrind") and (fast is None or raw is None):
        lines += ["Instructions: not counted; valgrind exited with an error on `veta-bench sign … fast|raw` "
                  "(valgrind 3.19 stops on Swift's DWARF 5 debug info, and on the copy without it, it crashed in this run).", ""]
    elif shutil.which("valgrind"):
        lines += [
            f"Instructions (valgrind callgrind, `veta-bench sign … N fast|raw` at N = {args.callgrind_count} and "
            f"{2 * args.callgrind_count}, the difference over {args.callgrind_count}): {fast:,.0f} per credential built and signed, "
            f"{raw:,.0f} per raw signature: **{fast / raw:.2f}×** the floor. Valgrind runs `{os.path.relpath(bench, ROOT)}`, "
            "a copy without debug sections; veta-bench's main thread waits on a semaphore, not in libdispatch's `sigsuspend` "
            "(whose read-only signal mask valgrind 3.19 crashes on).", "",
        ]
    lines += ["Target (issue 13): ≥ 20k credentials/s.", ""]
    text = "\n".join(lines)
    print(text)
    if args.out:
        with open(args.out, "a") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
