"""Interleaved CPU time (user + system from wait4), minor page faults and peak RSS of
xmllint --noout --schema and any number of library harness builds (Harness.swift) on one file;
medians and ratios to xmllint. The harnesses run with FREE=0 (tree left, as veta validate of one file)
and glibc fast bins off, as veta sets them.
Usage: cpu_compare.py RUNS FILE HARNESS[+ARG...] ...  (a "+" separates a harness from its arguments)"""
import os, sys, statistics
def cpu(cmd, env=None):
    pid = os.fork()
    if pid == 0:
        fd = os.open("/dev/null", os.O_WRONLY); os.dup2(fd, 1); os.dup2(fd, 2)
        os.execvpe(cmd[0], cmd, env or os.environ)
    _, status, ru = os.wait4(pid, 0)
    return ru.ru_utime, ru.ru_stime, ru.ru_minflt, ru.ru_maxrss/1024
runs=int(sys.argv[1]); f=sys.argv[2]
base = dict(os.environ, GLIBC_TUNABLES="glibc.malloc.mxfast=0", FREE="0")
cmds = {"xmllint": (["xmllint","--noout","--schema","Schemas/curriculum.xsd",f],None)}
for b in sys.argv[3:]:
    cmds[b] = (b.split("+"), base)
res={k:[] for k in cmds}
for _ in range(runs):
    for k,(c,e) in cmds.items(): res[k].append(cpu(c,e))
x=statistics.median(r[0]+r[1] for r in res["xmllint"])
for k,v in res.items():
    m=statistics.median(r[0]+r[1] for r in v)
    print(f"{k}: cpu {m:.3f} user {statistics.median(r[0] for r in v):.3f} sys {statistics.median(r[1] for r in v):.3f} minflt {statistics.median(r[2] for r in v):.0f} rss {max(r[3] for r in v):.1f} ratio {m/x:.2f}")
