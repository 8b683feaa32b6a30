"""Interleaved CPU time (user + system from wait4) of xmllint --noout --schema and the library harness
(Harness.swift) on bench-out/large.xml, freeing the tree and leaving it: medians and ratios to xmllint."""
import os, subprocess, statistics, sys, resource
def cpu(cmd, env=None):
    pid = os.fork()
    if pid == 0:
        fd = os.open("/dev/null", os.O_WRONLY); os.dup2(fd, 1); os.dup2(fd, 2)
        os.execvpe(cmd[0], cmd, env or os.environ)
    _, status, ru = os.wait4(pid, 0)
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024
runs = int(sys.argv[1])  # usage: cpu_ratio.py RUNS HARNESS
f = "bench-out/large.xml"
base = dict(os.environ, GLIBC_TUNABLES="glibc.malloc.mxfast=0")
cmds = {
  "xmllint": (["xmllint", "--noout", "--schema", "Schemas/curriculum.xsd", f], None),
  "lib, freeing (before)": ([sys.argv[2], f], dict(base, FREE="1")),
  "lib, tree left (after)": ([sys.argv[2], f], dict(base, FREE="0")),
}
res = {k: [] for k in cmds}
for _ in range(runs):
    for k, (c, e) in cmds.items():
        res[k].append(cpu(c, e))
x = statistics.median(r[0] for r in res["xmllint"])
for k, v in res.items():
    m = statistics.median(r[0] for r in v)
    print(f"{k}: CPU median {m:.3f} s, ratio {m/x:.2f}x, peak {max(r[1] for r in v):.1f} MiB, runs {len(v)}")
