"""Store size per million ledger entries, without the timings of `make bench`.

Usage: store_size.py --veta PATH [--trainees 20000] [--entries 200000] [--out DIR]

Builds the store `bench_progress.py` builds (the shipped curricula, one employer, one assessor,
TRAINEES trainees enrolled in VTOPHT, ENTRIES evidence rows with the same generator), checkpoints
and VACUUMs a copy, and prints the entries, the file sizes and the size per million entries (MB,
10^6 bytes), extrapolated linearly from this store.
"""
import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_progress import ROOT, curp  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--veta", required=True)
    parser.add_argument("--trainees", type=int, default=20_000)
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench-out", "size"))
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    store = os.path.join(args.out, "veta.sqlite")
    env = dict(os.environ, VETA_STORE=store)

    def run(*a):
        result = subprocess.run([os.path.abspath(args.veta), *a], capture_output=True, text=True, env=env)
        if result.returncode != 0:
            sys.exit(f"veta {' '.join(a[:3])} failed ({result.returncode}): {result.stdout[-1000:]} {result.stderr[-1000:]}")
        return result.stdout

    run("publish", os.path.join(ROOT, "Curricula"))
    curriculum = json.loads(run("show", "--format", "json", os.path.join(ROOT, "Curricula", "operator-haul-truck.xml")))
    targets = []
    for unit in curriculum["units"]:
        for element in unit["elements"]:
            targets += [(unit["code"], "criterion:" + c["number"]) for c in element["criteria"]]
        targets += [(unit["code"], "knowledge:" + k["id"]) for k in unit["knowledgeEvidence"]]
    run("org", "add", "--rfc", "MFR110315AB1", "--name", "Minera Fresnillo", "--site", "Mina Saucito")
    run("keys", "generate", "--name", "A01", "--out", os.path.join(args.out, "keys"))
    units = [u["code"] for u in curriculum["units"]]
    run("assessor", "add", "--id", "A01", "--name", "Bench Assessor", "--accreditation", "EV-0", *sum([["--unit", u] for u in units], []),
        "--public-key", os.path.join(args.out, "keys", "A01.public.jwk"))
    with open(os.path.join(args.out, "trainees.csv"), "w") as f:
        f.write("id,paternal_surname,maternal_surname,given_names,curp,employer_rfc,occupation,job_title\n")
        for i in range(args.trainees):
            f.write(f"T{i:06d},Apellido{i % 97},Materno{i % 89},Nombre{i % 83},{curp(i)},MFR110315AB1,Operador de camión,Operador\n")
    run("import", os.path.join(args.out, "trainees.csv"))
    with open(os.path.join(args.out, "enrolments.csv"), "w") as f:
        f.write("trainee,curriculum,date,site\n")
        for i in range(args.trainees):
            f.write(f"T{i:06d},VTOPHT@1.0.0,2026-01-05,Mina Saucito\n")
    run("import", os.path.join(args.out, "enrolments.csv"))
    rng = random.Random(42)  # the rows bench_progress.py generates
    methods = ["observation", "practical", "written-test", "oral-test", "product"]
    with open(os.path.join(args.out, "evidence.csv"), "w") as f:
        f.write("trainee,curriculum,unit,target,method,outcome,date,hours,site,note,assessor,attachment_sha256\n")
        for row in range(args.entries):
            unit, target = targets[rng.randrange(len(targets))]
            f.write(f"T{rng.randrange(args.trainees):06d},VTOPHT@1.0.0,{unit},{target},{methods[rng.randrange(5)]},"
                    f"{'satisfactory' if rng.random() < 0.8 else 'not-yet'},2026-{rng.randrange(2, 12):02d}-{rng.randrange(1, 29):02d},1.5,Mina Saucito,row {row},A01,\n")
    run("import", os.path.join(args.out, "evidence.csv"))

    db = sqlite3.connect(store)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    entries = db.execute("SELECT COUNT(*) FROM ledger_entry").fetchone()[0]
    version = db.execute("SELECT COUNT(*) FROM grdb_migrations").fetchone()[0]
    db.close()
    size = os.path.getsize(store)
    vacuumed = os.path.join(args.out, "vacuumed.sqlite")
    subprocess.run(["sqlite3", store, f"VACUUM INTO '{vacuumed}'"], check=True)
    vacuumed_size = os.path.getsize(vacuumed)
    print(json.dumps({"entries": entries, "migrations": version, "bytes": size, "vacuumed_bytes": vacuumed_size,
                      "mb_per_million": round(size / entries, 1), "vacuumed_mb_per_million": round(vacuumed_size / entries, 1)}))


if __name__ == "__main__":
    main()
