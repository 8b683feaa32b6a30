"""`make bench-pg`: issue 14's benchmarks on a PostgreSQL store (run under Tests/pg/with-cluster.sh,
which starts a throwaway cluster and gives its URL in VETA_TEST_POSTGRES).

Usage: bench_pg.py --veta PATH [--trainees 10000] [--entries 100000] [--site-trainees 2000]
                   [--site-entries 50000] [--samples 100] [--out FILE] [--section NAME]

In one run, on one cluster:
- evidence import: `veta import` of a generated evidence CSV into the PostgreSQL store (every check,
  the hash chain, the projections), next to `psql \\copy` of the same CSV into a plain table with one
  text column per CSV column (no checks, no hashes, no index: the floor); trainee and enrolment
  imports are timed as they go;
- status: `veta status TRAINEE --as-of DATE --format json` for SAMPLES random trainees of the
  store, whole processes (start-up, connection, the trainee's entries, the engine), p50 and p99;
- sync import: a site store (SQLite) takes a centre's bundle, imports its own trainees,
  enrolments and evidence, exports its chain, and the centre imports that bundle: entries per
  second. The PostgreSQL centre is tried; where it refuses (at this writing `veta sync import`
  runs on SQLite stores only) the refusal is recorded and a SQLite centre set up the same way is
  timed instead, so the row says which engine it measured.
Wall time is what is compared: the work is split between `veta` (or psql) and the PostgreSQL
server, so the client's CPU time alone would leave the server's part out. CPU time of the client is
shown beside it. Prints a markdown section; with --out it is appended there, or with --section it
replaces the text between `<!-- NAME: begin -->` and `<!-- NAME: end -->` (see bench.py).
"""
import argparse
import datetime
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "bench-out", "pg")
sys.path.insert(0, HERE)
from bench import write_section  # noqa: E402
from bench_progress import curp  # noqa: E402

ORG = "MFR110315AB1"
SITE = "Mina Saucito"


def timed(command, env=None, stdin=None):
    """Wall seconds, client CPU seconds (getrusage of the child) and stdout of one process; exits on failure."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
                               stdin=subprocess.DEVNULL if stdin is None else stdin)
    stdout, stderr = process.communicate()
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"{' '.join(command[:5])} failed ({process.returncode}): {stdout[-2000:]} {stderr[-2000:]}")
    return elapsed, stdout


def cpu_timed(command, env=None):
    """Wall seconds and the child's user + system CPU seconds (os.wait4)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(command[:5])} failed ({code}): {process.stderr.read()[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime


def trainees_csv(path, ids, curp_offset):
    with open(path, "w") as f:
        f.write("id,paternal_surname,maternal_surname,given_names,curp,employer_rfc,occupation,job_title\n")
        for n, tid in enumerate(ids):
            i = n + curp_offset
            f.write(f"{tid},Apellido{i % 97},Materno{i % 89},Nombre{i % 83},{curp(i)},{ORG},Operador de camión,Operador\n")


def enrolments_csv(path, ids):
    with open(path, "w") as f:
        f.write("trainee,curriculum,date,site\n")
        for tid in ids:
            f.write(f"{tid},VTOPHT@1.0.0,2026-01-05,{SITE}\n")


def evidence_csv(path, ids, count, targets, seed, label):
    rng = random.Random(seed)
    methods = ["observation", "practical", "written-test", "oral-test", "product"]
    with open(path, "w") as f:
        f.write("trainee,curriculum,unit,target,method,outcome,date,hours,site,note,assessor,attachment_sha256\n")
        for row in range(count):  # the note makes every row distinct: repeated rows are refused
            unit, target = targets[rng.randrange(len(targets))]
            f.write(f"{ids[rng.randrange(len(ids))]},VTOPHT@1.0.0,{unit},{target},{methods[rng.randrange(5)]},"
                    f"{'satisfactory' if rng.random() < 0.8 else 'not-yet'},2026-{rng.randrange(2, 12):02d}-{rng.randrange(1, 29):02d},"
                    f"1.5,{SITE},{label} {row},A01,\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--veta", required=True)
    parser.add_argument("--trainees", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--site-trainees", type=int, default=2_000)
    parser.add_argument("--site-entries", type=int, default=50_000)
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--out")
    parser.add_argument("--section")
    args = parser.parse_args()
    url = os.environ.get("VETA_TEST_POSTGRES")
    if not url:
        sys.exit("VETA_TEST_POSTGRES is not set: run under Tests/pg/with-cluster.sh")
    veta = os.path.abspath(args.veta)
    load_start = os.getloadavg()[0]
    started_at = datetime.datetime.now(datetime.timezone.utc)
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    keys = os.path.join(OUT, "keys")
    centre = dict(os.environ, VETA_STORE=url)
    site_store = os.path.join(OUT, "site.sqlite")
    site = dict(os.environ, VETA_STORE=site_store)
    run = lambda env, *a: timed([veta, *a], env=env)

    # --- the centre's registry ----------------------------------------------------------------------------------
    run(centre, "sync", "init", "--id", "CENTRO", "--role", "centre")
    run(centre, "publish", os.path.join(ROOT, "Curricula"))
    curriculum = json.loads(run(centre, "show", "--format", "json", os.path.join(ROOT, "Curricula", "operator-haul-truck.xml"))[1])
    targets = []
    for unit in curriculum["units"]:
        for element in unit["elements"]:
            targets += [(unit["code"], "criterion:" + c["number"]) for c in element["criteria"]]
        targets += [(unit["code"], "knowledge:" + k["id"]) for k in unit["knowledgeEvidence"]]
    run(centre, "org", "add", "--rfc", ORG, "--name", "Minera Fresnillo", "--site", SITE)
    for name in ("A01", "CENTRO", "SITE"):
        run(centre, "keys", "generate", "--name", name, "--out", keys)
    units = [u["code"] for u in curriculum["units"]]
    run(centre, "assessor", "add", "--id", "A01", "--name", "Bench Assessor", "--accreditation", "EV-0",
        *sum([["--unit", u] for u in units], []), "--public-key", os.path.join(keys, "A01.public.jwk"))

    # --- imports into PostgreSQL, and psql's \copy of the same evidence ------------------------------------------
    ids = [f"T{i:06d}" for i in range(args.trainees)]
    files = {name: os.path.join(OUT, f"{name}.csv") for name in ("trainees", "enrolments", "evidence")}
    trainees_csv(files["trainees"], ids, 0)
    enrolments_csv(files["enrolments"], ids)
    evidence_csv(files["evidence"], ids, args.entries, targets, 42, "row")
    trainee_wall, trainee_cpu = cpu_timed([veta, "import", files["trainees"]], env=centre)
    enrol_wall, enrol_cpu = cpu_timed([veta, "import", files["enrolments"]], env=centre)
    import_wall, import_cpu = cpu_timed([veta, "import", files["evidence"]], env=centre)
    columns = ", ".join(f"{c} text" for c in
                        "trainee curriculum unit target method outcome date hours site note assessor attachment_sha256".split())
    timed(["psql", url, "-v", "ON_ERROR_STOP=1", "-q", "-c", f"CREATE TABLE bench_plain_evidence ({columns})"])
    copy_wall, copy_cpu = cpu_timed(["psql", url, "-v", "ON_ERROR_STOP=1", "-q", "-c",
                                     f"\\copy bench_plain_evidence FROM '{files['evidence']}' WITH (FORMAT csv, HEADER true)"])
    copied = int(timed(["psql", url, "-At", "-c", "SELECT count(*) FROM bench_plain_evidence"])[1].strip())
    assert copied == args.entries, copied

    # --- status latency, whole commands -------------------------------------------------------------------------
    rng = random.Random(7)
    latencies = []
    for tid in (ids[rng.randrange(len(ids))] for _ in range(args.samples)):
        wall, _ = cpu_timed([veta, "status", tid, "--as-of", "2026-12-31", "--format", "json"], env=centre)
        latencies.append(wall * 1000)
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, max(0, int(len(latencies) * q + 0.999999) - 1))]
    # The command's own start-up, for scale: a command that opens no store.
    startup = statistics.median(cpu_timed([veta, "--version"])[0] * 1000 for _ in range(20))

    # --- sync import of a site's bundle into a centre ----------------------------------------------------------
    # The site's centre is a SQLite store with the same registry, so that its bundle can be imported
    # somewhere even where the PostgreSQL store refuses bundles; the PostgreSQL centre is tried too.
    sqlite_centre = dict(os.environ, VETA_STORE=os.path.join(OUT, "centre.sqlite"))
    run(sqlite_centre, "sync", "init", "--id", "CENTRO", "--role", "centre")
    run(sqlite_centre, "publish", os.path.join(ROOT, "Curricula"))
    run(sqlite_centre, "org", "add", "--rfc", ORG, "--name", "Minera Fresnillo", "--site", SITE)
    run(sqlite_centre, "assessor", "add", "--id", "A01", "--name", "Bench Assessor", "--accreditation", "EV-0",
        *sum([["--unit", u] for u in units], []), "--public-key", os.path.join(keys, "A01.public.jwk"))
    run(site, "sync", "init", "--id", "SITE-01")
    down = os.path.join(OUT, "down.bundle")
    run(sqlite_centre, "sync", "export", "--key", os.path.join(keys, "CENTRO.private.jwk"), "--for", "SITE-01", "--to", down)
    run(site, "sync", "import", down)
    site_ids = [f"S{i:06d}" for i in range(args.site_trainees)]
    site_files = {name: os.path.join(OUT, f"site-{name}.csv") for name in ("trainees", "enrolments", "evidence")}
    trainees_csv(site_files["trainees"], site_ids, args.trainees)
    enrolments_csv(site_files["enrolments"], site_ids)
    evidence_csv(site_files["evidence"], site_ids, args.site_entries, targets, 43, "site row")
    for name in ("trainees", "enrolments", "evidence"):
        run(site, "import", site_files[name])
    up = os.path.join(OUT, "up.bundle")
    exported = json.loads(run(site, "sync", "export", "--key", os.path.join(keys, "SITE.private.jwk"), "--to", up,
                              "--format", "json")[1])
    carried = exported["end"] - exported["first"] + 1
    attempt = subprocess.run([veta, "sync", "import", up, "--format", "json"], env=centre, capture_output=True, text=True)
    refusal = None
    if attempt.returncode != 0:
        try:
            error = json.loads(attempt.stdout)["error"]
            refusal = f"{error.get('code', '')}: {error.get('message', '')}"[:300]
        except (ValueError, KeyError, TypeError):
            refusal = (attempt.stdout.strip() or attempt.stderr.strip() or "no output")[:300]
    sqlite_wall, sqlite_cpu = cpu_timed([veta, "sync", "import", up], env=sqlite_centre)
    verify_wall, verify_cpu = cpu_timed([veta, "ledger", "verify"], env=sqlite_centre)
    load_end = os.getloadavg()[0]

    bundle_mb = os.path.getsize(up) / 1e6
    lines = [
        f"Produced by `python3 Tests/bench/bench_pg.py {' '.join(sys.argv[1:])}` under `Tests/pg/with-cluster.sh` "
        f"(`make bench-pg`), {started_at:%Y-%m-%d %H:%M} UTC, release build of `veta`, a throwaway PostgreSQL "
        f"{timed(['psql', url, '-At', '-c', 'SHOW server_version'])[1].strip()} cluster on the same machine ({os.cpu_count()} cores, "
        f"shared; load average {load_start:.1f} at the start and {load_end:.1f} at the end). Wall time is compared (the server "
        "does part of the work); the client's CPU time (getrusage) is in brackets.", "",
        "| measure | veta | floor | ratio |",
        "| --- | ---: | ---: | ---: |",
        f"| evidence import, {args.entries:,} rows into a store of {args.trainees:,} trainees, rows/s | "
        f"{args.entries / import_wall:,.0f} ({import_wall:.1f} s; client CPU {import_cpu:.1f} s) | "
        f"{args.entries / copy_wall:,.0f} (`psql \\copy` into a plain table, {copy_wall:.2f} s) | {import_wall / copy_wall:.1f}× its time |",
        f"| trainee import, rows/s (CURP and RFC checks) | {args.trainees / trainee_wall:,.0f} ({trainee_wall:.1f} s; client CPU {trainee_cpu:.1f} s) | | |",
        f"| enrolment import, rows/s | {args.trainees / enrol_wall:,.0f} ({enrol_wall:.1f} s; client CPU {enrol_cpu:.1f} s) | | |",
        f"| `veta status` at {args.trainees:,} trainees, whole command, p50 / p99 ms ({len(latencies)} random trainees) | "
        f"{p(0.5):.0f} / {p(0.99):.0f} | `veta --version` (start-up alone): {startup:.0f} ms | |",
        f"| `veta sync import` of a site bundle ({carried:,} entries, {bundle_mb:.1f} MB) into the PostgreSQL centre | "
        + ("imported (not timed separately; see the SQLite row) | | |" if attempt.returncode == 0 else
           f"refused (exit {attempt.returncode}): {refusal.replace('|', '/')} | | |"),
        f"| `veta sync import` of the same bundle into a SQLite centre, entries/s | "
        f"{carried / sqlite_wall:,.0f} ({sqlite_wall:.1f} s; client CPU {sqlite_cpu:.1f} s) | | |",
        f"| `veta ledger verify` of that centre afterwards (its chain and the site's), s | {verify_wall:.1f} (client CPU {verify_cpu:.1f} s) | | |",
        "",
        "Targets (issue 14): the import next to `psql \\copy` (the floor) in the same run; status p99 at 100k trainees; "
        f"`sync import` of a bundle of 1M entries. This run's scale is {args.trainees:,} trainees, {args.entries:,} evidence rows "
        f"and a {carried:,}-entry bundle, set by the command line above (`make bench-pg PG_BENCH_TRAINEES=100000 ...` goes further).", "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.section:
        write_section(args.out or os.path.join(ROOT, "BENCHMARKS.md"), args.section, lines)
    elif args.out:
        with open(args.out, "a") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
