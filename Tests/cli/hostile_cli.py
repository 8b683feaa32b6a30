"""Hostile files through `veta validate`: each exits 1 within 1 s with a diagnostic naming the
problem, opens no network socket, never opens the file it references, and echoes nothing of it.

Usage: hostile_cli.py VETA WORKDIR   (runs veta under strace when strace is installed)
"""
import os
import random
import shutil
import subprocess
import sys
import time
import uuid

veta, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
secret_path = os.path.join(work, "secret.txt")
secret = "VETA-SECRET-" + uuid.uuid4().hex
open(secret_path, "w").write(secret)

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
ROOT = '<curriculum xmlns="urn:veta:curriculum:1"'
lol = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 13))
rng = random.Random(7)
cases = {
    "external-entity": ("VETA-S001", HEAD + f'<!DOCTYPE c [<!ENTITY s SYSTEM "file://{secret_path}">]>\n{ROOT}>&s;</curriculum>'),
    "parameter-entity": ("VETA-S001", HEAD + f'<!DOCTYPE c [<!ENTITY % p SYSTEM "file://{secret_path}"> %p;]>\n{ROOT}/>'),
    "external-dtd": ("VETA-S001", HEAD + f'<!DOCTYPE c SYSTEM "http://198.51.100.7/c.dtd">\n{ROOT}/>'),
    "billion-laughs": ("VETA-S001", HEAD + f"<!DOCTYPE c [{lol}]>\n{ROOT}>&l12;</curriculum>"),
    "quadratic-blowup": ("VETA-S001", HEAD + f'<!DOCTYPE c [<!ENTITY a "{"x" * 50000}">]>\n{ROOT}>{"&a;" * 50000}</curriculum>'),
    "deep-nesting": ("VETA-S003", HEAD + ROOT + ">" + "<x>" * 100000 + "</x>" * 100000 + "</curriculum>"),
    "huge-attribute": ("VETA-S007", HEAD + ROOT + ' code="' + "A" * 30_000_000 + '"/>'),
    "invalid-utf8": ("VETA-X002", (HEAD + ROOT + "><title>").encode() + b"\xc3\x28\xff" + b"</title></curriculum>"),
    "truncated": ("VETA-X001", HEAD + ROOT + ' code="AB" version="1.0'),
    "empty": ("VETA-S006", ""),
    "xinclude": ("VETA-S004", HEAD + ROOT + f'><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://{secret_path}" parse="text"/></curriculum>'),
    "remote-schema-location": ("VETA-S005", HEAD + ROOT + ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:veta:curriculum:1 http://198.51.100.7/c.xsd"/>'),
    "random-bytes": ("VETA-X", bytes(rng.randrange(256) for _ in range(4096))),
}

strace = shutil.which("strace")
failures = []
for name, (code, content) in cases.items():
    path = os.path.join(work, name + ".xml")
    with open(path, "wb") as f:
        f.write(content if isinstance(content, bytes) else content.encode())
    trace = os.path.join(work, name + ".trace")
    command = [veta, "validate", path]
    if strace:
        command = [strace, "-f", "-qq", "-e", "trace=socket,connect,open,openat", "-o", trace] + command
    started = time.monotonic()
    run = subprocess.run(command, capture_output=True, timeout=20)
    elapsed = time.monotonic() - started
    out = run.stdout.decode(errors="replace") + run.stderr.decode(errors="replace")
    problems = []
    if run.returncode != 1:
        problems.append(f"exit {run.returncode}, expected 1")
    if code not in out:
        problems.append(f"no {code} diagnostic in: {out.strip()[:300]}")
    if secret in out:
        problems.append("the referenced file's content was echoed")
    if len(out) > 4096:
        problems.append(f"{len(out)} bytes of output: input echoed?")
    # strace slows the run; the 1 s bound is checked on the plain run below.
    plain_started = time.monotonic()
    subprocess.run([veta, "validate", path], capture_output=True, timeout=20)
    plain = time.monotonic() - plain_started
    if plain >= 1.0:
        problems.append(f"took {plain:.2f} s")
    if strace:
        calls = open(trace).read()
        if "AF_INET" in calls:
            problems.append("opened a network socket")
        if secret_path in calls:
            problems.append("opened the referenced file")
    status = "ok  " if not problems else "FAIL"
    print(f"{status} {name}: {plain * 1000:.0f} ms" + ("" if not problems else " — " + "; ".join(problems)))
    if problems:
        failures.append(name)

if not strace:
    print("note: strace not installed; network and file-open checks skipped")
sys.exit(1 if failures else 0)
