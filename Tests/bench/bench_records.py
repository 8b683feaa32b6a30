"""`make bench`, records part: OB3 credentials built and signed per second (library calls through
jwt-kit's EdDSA), next to raw Ed25519 signing by `openssl speed ed25519`, in the same run.

Usage: bench_records.py --veta-bench PATH [--count 10000] [--out FILE]
"""
import argparse
import json
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--veta-bench", required=True)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--out")
    args = parser.parse_args()
    curriculum = os.path.join(ROOT, "Curricula", "operator-haul-truck.xml")
    veta = json.loads(subprocess.run([os.path.abspath(args.veta_bench), "sign", curriculum, str(args.count)],
                                     capture_output=True, text=True, check=True).stdout)
    speed = subprocess.run(["openssl", "speed", "-seconds", "3", "ed25519"], capture_output=True, text=True).stdout
    match = re.search(r"253 bits EdDSA \(Ed25519\)\s+[\d.]+s\s+[\d.]+s\s+([\d.]+)\s+([\d.]+)", speed)
    openssl_sign = float(match.group(1)) if match else float("nan")
    lines = [
        f"## Completion records: {args.count:,} OB3 credentials", "",
        "Commands: `veta-bench sign` (build the AchievementCredential from the curriculum, encode the claims, sign as a VC-JWT with "
        "jwt-kit's EdDSA; library calls) and `openssl speed -seconds 3 ed25519` (raw signing), in the same run.", "",
        "| measure | per second | ratio to raw Ed25519 |",
        "| --- | ---: | ---: |",
        f"| credentials built and signed (mean {veta['meanBytes']:,} bytes each) | {veta['perSecond']:,.0f} | {veta['perSecond'] / openssl_sign:.2f} |",
        f"| raw Ed25519 signatures (openssl speed) | {openssl_sign:,.0f} | 1.00 |", "",
        "Target (issue 5): ≥ 20k credentials/s.", "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.out:
        with open(args.out, "a") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
