"""Interleaved CPU time (user + system from wait4), system time, minor page faults and peak RSS of
`xmllint --noout --schema` and of the release `veta validate` CLI under glibc malloc tunables given in
GLIBC_TUNABLES (no rebuild needed; "none" runs veta with the environment as it is); medians and
ratios to xmllint. Used to try heap settings before writing them into HeapSettings.
Usage: cli_tunables.py RUNS TUNABLES... (run from the package root; the file is bench-out/large.xml)
Example: cli_tunables.py 15 none glibc.malloc.top_pad=67108864 glibc.malloc.hugetlb=1"""
import os, sys, statistics
def cpu(cmd, env):
    pid = os.fork()
    if pid == 0:
        fd = os.open("/dev/null", os.O_WRONLY); os.dup2(fd, 1); os.dup2(fd, 2)
        os.execvpe(cmd[0], cmd, env)
    _, status, ru = os.wait4(pid, 0)
    return ru.ru_utime+ru.ru_stime, ru.ru_stime, ru.ru_minflt, ru.ru_maxrss/1024, status
runs=int(sys.argv[1]); f="bench-out/large.xml"
cmds={"xmllint":(["xmllint","--noout","--schema","Schemas/curriculum.xsd",f],dict(os.environ))}
for t in sys.argv[2:]:
    e=dict(os.environ)
    if t!="none": e["GLIBC_TUNABLES"]=t
    cmds[t]=([".build/release/veta","validate",f],e)
res={k:[] for k in cmds}
for _ in range(runs):
    for k,(c,e) in cmds.items(): res[k].append(cpu(c,e))
x=statistics.median(r[0] for r in res["xmllint"])
for k,v in res.items():
    m=statistics.median(r[0] for r in v)
    print(f"{k}: cpu {m:.3f} sys {statistics.median(r[1] for r in v):.3f} minflt {statistics.median(r[2] for r in v):.0f} rss {max(r[3] for r in v):.1f} st {set(r[4] for r in v)} ratio {m/x:.2f}")
