"""`make bench`: `veta validate` against `xmllint --noout --schema` and Python xmlschema on the
same files, in the same run. Writes a table to BENCHMARKS.md.

Usage: bench.py --veta PATH [--out BENCHMARKS.md] [--section NAME] [--runs 5] [--files 1000] [--units 4000]
                [--scaling 1000,4000,8000,32000] [--skip catalogue,large,scaling,oneline,limit,python]

With --section NAME the tables replace only the text between `<!-- NAME: begin -->` and
`<!-- NAME: end -->` in --out (added at its end when the markers are not there yet); without it
--out is written whole (`make bench` regenerates BENCHMARKS.md that way).

Workloads (generated under bench-out/, which git ignores):
- a catalogue of N curricula: the shipped curricula with their codes renumbered;
- one very large curriculum: a few thousand units of the same shape (veta against xmllint, as a ratio);
- units against time: the same large curriculum at 1k, 4k, 8k and 32k units, to show that validation
  time grows in proportion to the file (time per unit stays flat);
- the 8,000-unit curriculum written on one line (minified), which must take no longer;
- a curriculum just under the 64 MiB size limit, which must validate in seconds.
Each command runs as a whole process; wall time is the median of the runs (min and max shown),
peak memory is the largest resident set of the process (GNU time's %M); CPU time is user + system
of the child, from getrusage (`os.wait4`, microseconds; GNU time's own %U + %S are in hundredths),
which a machine busy with other work inflates far less than wall time. The one-large-file row also
counts each program's instructions once (callgrind), which does not depend on the load at all.
"""
import argparse
import datetime
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = os.path.join(ROOT, "Schemas", "curriculum.xsd")
OUT = os.path.join(ROOT, "bench-out")


def make_catalogue(count):
    folder = os.path.join(OUT, "catalogue")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    sources = sorted(os.path.join(ROOT, "Curricula", f) for f in os.listdir(os.path.join(ROOT, "Curricula")) if f.endswith(".xml"))
    texts = [open(f, encoding="utf-8").read() for f in sources]
    for i in range(count):
        text = re.sub(r'(<curriculum [^>]*code=")([A-Z0-9]+)(")', lambda m: f"{m.group(1)}BENCH{i:05d}{m.group(3)}", texts[i % len(texts)], count=1)
        with open(os.path.join(folder, f"c{i:05d}.xml"), "w", encoding="utf-8") as f:
            f.write(text)
    return [os.path.join(folder, f) for f in sorted(os.listdir(folder))]


def make_large(units, name="large.xml"):
    path = os.path.join(OUT, name)
    template = open(os.path.join(ROOT, "Examples", "valid-working-safely.xml"), encoding="utf-8").read()
    start = template.index("    <unit code=\"RIIWHS201E\"")
    end = template.index("    <unit code=\"RIIERR302D\"")
    unit = template[start:end]
    # One hour for each of the first 3,600 units and none after: the volume of learning stays
    # within the schema's 10,000 and the technician norm (80-3,600 h) at any size.
    body = "".join(unit.replace('code="RIIWHS201E"', f'code="BIG{i:06d}"').replace('hours="24"', f'hours="{1 if i < 3600 else 0}"')
                   for i in range(units))
    head = template[:start].replace('<volumeOfLearning hours="40"/>', f'<volumeOfLearning hours="{min(units, 3600)}"/>').replace('level="operator"', 'level="technician"')
    refs = "".join(f'      <unitRef code="BIG{i:06d}"/>\n' for i in range(units))
    tail = f"  </units>\n  <packaging totalUnits=\"{units}\">\n    <core>\n{refs}    </core>\n  </packaging>\n</curriculum>\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + body + tail)
    return path


def run(command):
    """Wall seconds and peak RSS in MiB of one whole-process run, and its exit code.

    Peak memory comes from GNU time: measured from this (large) Python process, a forked child
    would count pages it inherited before exec.
    """
    report = os.path.join(OUT, "time.txt")
    started = time.perf_counter()
    process = subprocess.Popen(["/usr/bin/time", "-f", "%M %U %S", "-o", report, *command],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # getrusage of GNU time's process: it has waited for the command, so its children's user and
    # system time (to the microsecond) are in it; GNU time's own share is well under a millisecond.
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = code = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    fields = open(report).read().split()
    return elapsed, int(fields[-3]) / 1024, code, usage.ru_utime + usage.ru_stime


def instructions(command):
    """Instructions the whole process executes (user space), and the tool that counted them.

    Time on a shared machine moves with whatever else runs; the instruction count of a run does
    not. `perf stat -e instructions:u` reads the CPU's counter; where the machine exposes none
    (a virtual machine often does not: perf prints `<not supported>`), valgrind's callgrind counts
    the same thing by simulation (`I refs`), about fifty times slower. None when neither works.
    """
    if shutil.which("perf"):
        done = subprocess.run(["perf", "stat", "-x", ",", "-e", "instructions:u", *command],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in done.stderr.splitlines():
            fields = line.split(",")
            if len(fields) > 2 and fields[2].startswith("instructions") and fields[0].strip().isdigit():
                return int(fields[0]), "`perf stat -e instructions:u`"
    if shutil.which("valgrind"):
        counted = "`valgrind --tool=callgrind`"
        env = dict(os.environ)
        shim = os.path.join(OUT, "sigsuspend_copy.so")
        # valgrind 3.19 crashes in libdispatch's sigsuspend as `veta` exits (its signal mask is in
        # read-only memory), before it prints the count: a shim copies the mask (Tests/bench/valgrind).
        if shutil.which("cc") and subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", shim,
                                                  os.path.join(ROOT, "Tests", "bench", "valgrind", "sigsuspend_copy.c")]).returncode == 0:
            env["LD_PRELOAD"] = shim
        done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        if "debuginfo" in done.stderr and shutil.which("objcopy"):
            # valgrind 3.19 cannot read the DWARF 5 that Swift's toolchain writes and gives up;
            # the same machine code without its debug sections counts the same instructions.
            bare = os.path.join(OUT, os.path.basename(command[0]) + "-nodebug")
            subprocess.run(["objcopy", "--strip-debug", command[0], bare], check=True)
            done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", bare, *command[1:]],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
            counted += " (veta on a copy made with `objcopy --strip-debug`)"
        if "LD_PRELOAD" in env:
            counted += " (with `Tests/bench/valgrind/sigsuspend_copy.c` preloaded)"
        found = re.search(r"Collected : (\d+)", done.stderr)
        if found:
            return int(found.group(1)), counted
    return None, None


def measure(commands, runs):
    """Runs the commands in turn, round after round, so that a noisy moment hits them alike.

    commands: (name, argv, allowed exit codes, runs for this command).
    """
    samples = {name: [] for name, _, _, _ in commands}
    for round_number in range(runs):
        for name, command, expect_exit, own_runs in commands:
            if round_number >= own_runs:
                continue
            wall, rss, code, cpu = run(command)
            if code not in expect_exit:
                sys.exit(f"{name} exited {code}: {' '.join(command[:6])} ...")
            samples[name].append((wall, rss, cpu))
    rows = []
    for name, _, _, _ in commands:
        walls = sorted(r[0] for r in samples[name])
        rows.append({"name": name, "median": statistics.median(walls), "min": walls[0], "max": walls[-1],
                     "rss": max(r[1] for r in samples[name]), "runs": len(walls),
                     "cpu": statistics.median(r[2] for r in samples[name])})
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--veta", required=True)
    parser.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--units", type=int, default=4000)
    parser.add_argument("--scaling", default="1000,4000,8000,32000", help="unit counts for the units-against-time table")
    parser.add_argument("--section", help="replace only this marked section of --out (see the module's text)")
    parser.add_argument("--skip", default="", help="comma-separated workloads to leave out: catalogue,large,scaling,oneline,limit,python")
    args = parser.parse_args()
    veta = os.path.abspath(args.veta)
    os.makedirs(OUT, exist_ok=True)
    skip = set(filter(None, args.skip.split(",")))
    load_start = os.getloadavg()[0]
    catalogue = make_catalogue(args.files) if "catalogue" not in skip else []
    large = make_large(args.units)
    python_check = ("import sys, io, xmlschema\n"
                    "s = xmlschema.XMLSchema(sys.argv[1])\n"
                    "bad = [p for p in sys.argv[2:] if not s.is_valid(xmlschema.XMLResource(io.BytesIO(open(p, 'rb').read()), defuse='always', allow='none'))]\n"
                    "sys.exit(1 if bad else 0)\n")
    sections = []
    workloads = []
    if "catalogue" not in skip:
        workloads.append((f"catalogue of {len(catalogue)} curricula ({sum(os.path.getsize(f) for f in catalogue) / 1e6:.1f} MB)", catalogue, args.runs))
    if "large" not in skip:
        workloads.append((f"one large curriculum: {args.units} units ({os.path.getsize(large) / 1e6:.1f} MB)", [large], args.runs))
    for label, files, runs in workloads:
        commands = [
            ("veta validate (XSD + all semantic rules, 2 threads)", [veta, "validate", *files], {0}, runs),
            ("xmllint --noout --schema", ["xmllint", "--noout", "--schema", SCHEMA, *files], {0}, runs),
            ("veta audit catalogue (validation + catalogue rules, 2 threads)", [veta, "audit", "catalogue", *files], {0}, runs),
        ]
        if "python" not in skip:
            commands.append(("python xmlschema", [sys.executable, "-c", python_check, SCHEMA, *files], {0}, max(1, min(runs, 3))))
        rows = measure(commands, runs)
        if files == [large]:
            # Deterministic counts for the one-large-file ratio, veta and xmllint in this run.
            for row, (_, command, _, _) in zip(rows[:2], commands[:2]):
                row["instructions"], row["counter"] = instructions(command)
        sections.append((label, rows))
        print(label)
        for row in rows:
            print(f"  {row['name']:55s} {row['median']:8.3f} s  {row['rss']:8.1f} MiB")
    scaling = []
    if "scaling" not in skip:
        for units in [int(n) for n in args.scaling.split(",")]:
            path = make_large(units, f"scaling-{units}.xml")
            runs = args.runs if units <= 8000 else max(1, min(args.runs, 3))
            # Past 64 MiB (32k units is about 77 MB) veta needs its size limit raised to read the file.
            raise_limit = ["--max-file-size", str(1 << 30)] if os.path.getsize(path) > 64 * 1024 * 1024 else []
            rows = measure([("veta", [veta, "validate", *raise_limit, path], {0}, runs),
                            ("xmllint", ["xmllint", "--noout", "--schema", SCHEMA, path], {0}, runs)], runs)
            scaling.append((units, os.path.getsize(path), rows[0], rows[1], runs))
            print(f"scaling {units} units: veta {rows[0]['median']:.3f} s ({rows[0]['cpu']:.3f} s CPU), xmllint {rows[1]['median']:.3f} s ({rows[1]['cpu']:.3f} s CPU)")
            os.remove(path)
    one_line = None
    if "oneline" not in skip:
        # The same 8,000 units with every line break replaced by a space, as a minified file is:
        # finding a tag's column must not depend on how many tags share its line.
        path = make_large(8000, "multi-line.xml")
        flat = os.path.join(OUT, "one-line.xml")
        with open(path, encoding="utf-8") as source, open(flat, "w", encoding="utf-8") as target:
            target.write(source.read().replace("\n", " "))
        runs = max(1, min(args.runs, 3))
        rows = measure([("veta, 8,000 units on separate lines", [veta, "validate", path], {0}, runs),
                        ("veta, the same file on one line", [veta, "validate", flat], {0}, runs)], runs)
        one_line = rows
        print(f"one line: {rows[1]['cpu']:.3f} s CPU against {rows[0]['cpu']:.3f} s on separate lines")
        os.remove(path)
        os.remove(flat)
    limit = None
    if "limit" not in skip:
        # Units of this shape are about 3.3 kB: fill the file to just under 64 MiB.
        unit_bytes = os.path.getsize(large) / max(1, args.units)
        units = int((64 * 1024 * 1024 - 8192) / unit_bytes * 0.995)
        path = make_large(units, "limit.xml")
        while os.path.getsize(path) > 64 * 1024 * 1024:
            units = int(units * 0.99)
            path = make_large(units, "limit.xml")
        runs = max(1, min(args.runs, 3))
        rows = measure([("veta validate", [veta, "validate", path], {0}, runs),
                        ("xmllint --noout --schema", ["xmllint", "--noout", "--schema", SCHEMA, path], {0}, runs)], runs)
        limit = (units, os.path.getsize(path), rows)
        print(f"at the size limit ({units} units, {os.path.getsize(path) / 2**20:.1f} MiB): veta {rows[0]['median']:.2f} s, xmllint {rows[1]['median']:.2f} s")
        os.remove(path)

    load_end = os.getloadavg()[0]
    command_line = f"python3 Tests/bench/bench.py {' '.join(sys.argv[1:])}"
    lines = ["# Benchmarks", "",
             "Produced by `make bench` (which runs `python3 Tests/bench/bench.py --veta .build/release/veta --out BENCHMARKS.md`)"
             + (f" — this file by `{command_line}`." if len(sys.argv) > 1 else "."),
             "Whole processes, run in turn round after round in one run; wall time is the median of the runs, with min–max.",
             "Ratios are against `xmllint --noout --schema` on the same files: below 1.00 is faster than xmllint.",
             f"Machine: {os.cpu_count()} cores; {datetime.date.today().isoformat()}; release build.", ""]
    if args.section:
        lines = [f"Produced by `{command_line}` (`make bench-validate`), {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, "
                 f"release build, {os.cpu_count()} cores, load average {load_start:.1f} at the start and {load_end:.1f} at the end. "
                 "Whole processes, run in turn round after round in one run; wall time is the median of the runs, with min–max; "
                 "CPU time is user + system from getrusage, median of the runs. Ratios are against `xmllint --noout --schema` on "
                 "the same file in the same run: below 1.00 is faster than xmllint.", ""]
    heading = "###" if args.section else "##"
    for label, rows in sections:
        base = rows[1]["median"]
        lines += [f"{heading} `veta validate`: {label}", "",
                  "| command | runs | wall median (s) | min–max (s) | ratio to xmllint | CPU median (s) | CPU ratio | peak memory (MiB) |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for row in rows:
            lines.append(f"| {row['name']} | {row['runs']} | {row['median']:.3f} | {row['min']:.3f}–{row['max']:.3f} | {row['median'] / base:.2f}× "
                         f"| {row['cpu']:.3f} | {row['cpu'] / max(rows[1]['cpu'], 0.001):.2f}× | {row['rss']:.1f} |")
        lines.append("")
    if sections and "large" not in skip:
        large_rows = sections[-1][1]
        veta_row, xmllint_row = large_rows[0], large_rows[1]
        lines += [f"**One large file** ({args.units} units, `{os.path.relpath(large, ROOT)}`): `veta validate` takes "
                  f"{veta_row['median'] / xmllint_row['median']:.2f}× the wall time and {veta_row['cpu'] / xmllint_row['cpu']:.2f}× the CPU time "
                  f"of `xmllint --noout --schema` ({veta_row['cpu']:.3f} s against {xmllint_row['cpu']:.3f} s of CPU, medians of {veta_row['runs']} runs)"]
        if veta_row.get("instructions") and xmllint_row.get("instructions"):
            lines[-1] += (f", and executes {veta_row['instructions'] / xmllint_row['instructions']:.2f}× its instructions "
                          f"({veta_row['instructions'] / 1e9:.3f} G against {xmllint_row['instructions'] / 1e9:.3f} G, counted once each with "
                          f"{veta_row['counter']}).")
        else:
            lines[-1] += "; no instruction counter was available (neither perf's hardware counter nor valgrind)."
        lines += [f"The commands: `{os.path.relpath(args.veta) if not os.path.isabs(args.veta) else args.veta} validate {os.path.relpath(large, ROOT)}` "
                  f"and `xmllint --noout --schema Schemas/curriculum.xsd {os.path.relpath(large, ROOT)}`.",
                  "Target (issue 11): at most 1.3×. On a machine shared with other work, the instruction count and then the CPU "
                  "time are the figures to trust: wall time includes waiting for a core.", ""]
        cpu_ratio = veta_row["cpu"] / max(xmllint_row["cpu"], 0.001)
        verdict = [f"CPU time {cpu_ratio:.2f}×: {'met' if cpu_ratio <= 1.3 else 'not met'}"]
        if veta_row.get("instructions") and xmllint_row.get("instructions"):
            ratio = veta_row["instructions"] / xmllint_row["instructions"]
            verdict.insert(0, f"instructions {ratio:.2f}×: {'met' if ratio <= 1.3 else 'not met'}")
        lines += [f"**Verdict** (issue 11: a {args.units:,}-unit file within 1.3× `xmllint --schema`'s time): " + "; ".join(verdict) + ".", ""]
    if scaling:
        lines += [f"{heading} Units against time: one curriculum, growing", "",
                  "`veta validate` and `xmllint --noout --schema` on one generated curriculum of each size (medians; runs as given). "
                  "Time per unit that stays flat means time grows in proportion to the file.", "",
                  "| units | size (MB) | runs | veta wall (s) | veta CPU (s) | veta CPU per 1,000 units (s) | xmllint wall (s) | xmllint CPU (s) | CPU ratio to xmllint | veta peak memory (MiB) |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for units, size, veta_row, xmllint_row, runs in scaling:
            lines.append(f"| {units:,} | {size / 1e6:.1f} | {runs} | {veta_row['median']:.3f} | {veta_row['cpu']:.3f} | {veta_row['cpu'] / units * 1000:.3f} | "
                         f"{xmllint_row['median']:.3f} | {xmllint_row['cpu']:.3f} | {veta_row['cpu'] / max(xmllint_row['cpu'], 0.001):.2f}× | {veta_row['rss']:.1f} |")
        first, last = scaling[0], scaling[-1]
        growth = (last[2]['cpu'] / last[0]) / max(first[2]['cpu'] / first[0], 1e-9)
        lines += ["", f"From {first[0]:,} to {last[0]:,} units ({last[0] / first[0]:.0f}× the file), veta's CPU time per unit changes by "
                  f"{growth:.2f}× (1.00× is exactly linear; start-up weighs on the smallest file)."]
        lines.append("")
    if one_line:
        lines += [f"{heading} A minified curriculum: every tag on one line", "",
                  "| file | runs | wall median (s) | CPU median (s) | peak memory (MiB) |", "| --- | ---: | ---: | ---: | ---: |"]
        for row in one_line:
            lines.append(f"| {row['name']} | {row['runs']} | {row['median']:.3f} | {row['cpu']:.3f} | {row['rss']:.1f} |")
        lines.append("")
    if limit:
        units, size, rows = limit
        lines += [f"{heading} A curriculum at the size limit", "",
                  f"{units:,} units, {size / 2**20:.1f} MiB (the default limit is 64 MiB): `veta validate` {rows[0]['median']:.2f} s wall, "
                  f"{rows[0]['cpu']:.2f} s CPU ({rows[0]['rss']:.0f} MiB peak); `xmllint --noout --schema` {rows[1]['median']:.2f} s wall, "
                  f"{rows[1]['cpu']:.2f} s CPU ({rows[1]['rss']:.0f} MiB peak); {rows[0]['runs']} run(s) each, medians. "
                  f"Target (issue 11): seconds, not minutes — {'met' if rows[0]['median'] < 30 else 'not met'} "
                  f"({rows[0]['cpu'] / max(rows[1]['cpu'], 0.001):.2f}× xmllint's CPU time).", ""]
    if "catalogue" not in skip:
        lines += ["Targets: `veta validate` (issue 3) and `veta audit catalogue` (issue 6) over the 1,000-curriculum catalogue in at most 1.15× xmllint's time.", ""]
    if args.section:
        write_section(args.out, args.section, lines)
    else:
        with open(args.out, "w") as f:
            f.write("\n".join(lines))
    print("wrote", args.out)


def write_section(path, name, lines):
    """Replaces the text between `<!-- name: begin -->` and `<!-- name: end -->` in `path` with
    `lines`, or adds the markers and the lines at its end."""
    begin, end = f"<!-- {name}: begin -->", f"<!-- {name}: end -->"
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    block = begin + "\n\n" + "\n".join(lines).rstrip("\n") + "\n\n" + end
    if begin in text and end in text:
        text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
