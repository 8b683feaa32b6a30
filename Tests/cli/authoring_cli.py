#!/usr/bin/env python3
"""Authoring help end to end: `veta new curriculum` writes a skeleton that validates (Veta and Python
xmlschema agree) and never overwrites; `veta show --detail` prints every text; a relative, local
xsi:schemaLocation is accepted and never read, a remote one refused; a draft in one language lists
what needs a translation.

Usage: python3 Tests/cli/authoring_cli.py VETA WORKDIR
"""
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import xmlschema

veta, work = sys.argv[1], Path(sys.argv[2])
work.mkdir(parents=True, exist_ok=True)
ROOT = Path(__file__).resolve().parents[2]
SCHEMA = xmlschema.XMLSchema(str(ROOT / "Schemas" / "curriculum.xsd"))
failures = 0


def run(*args, cwd=None):
    return subprocess.run([veta, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def check(name, ok, detail=""):
    global failures
    if ok:
        print(f"ok   {name}")
    else:
        failures += 1
        print(f"FAIL {name}\n     {str(detail)[:1500]}")


def xmlschema_valid(path):
    with open(path, "rb") as f:
        return SCHEMA.is_valid(xmlschema.XMLResource(io.BytesIO(f.read()), defuse="always", allow="none"))


# --- veta new curriculum ------------------------------------------------------------------------
for level in ("operator", "technician", "supervisor"):
    for lang in ("both", "es", "en"):
        out = work / f"new-{level}-{lang}.xml"
        r = run("new", "curriculum", "--code", "VTNEW1", "--level", level, "--lang", lang, "--out", str(out),
                "--published", "2026-12-01")
        v = run("validate", "--format", "json", str(out))
        report = json.loads(v.stdout) if v.stdout else {}
        codes = [d["code"] for f in report.get("files", []) for d in f["diagnostics"]]
        expected = [] if lang == "both" else ["VETA-R021"] * len(codes)
        check(f"new curriculum --level {level} --lang {lang}: a valid draft (exit 0), warnings only for translations",
              r.returncode == 0 and v.returncode == 0 and codes == expected and (lang == "both") == (codes == []),
              f"{r.stderr} {v.stdout[:800]}")
        check(f"new curriculum --level {level} --lang {lang}: Python xmlschema agrees it is valid", xmlschema_valid(out))
        text = out.read_text(encoding="utf-8")
        check(f"new curriculum --level {level} --lang {lang}: comments explain the parts, status draft",
              text.count("<!--") >= 8 and 'status="draft"' in text and f'level="{level}"' in text
              and (lang == "both" or (f"<{'en' if lang == 'es' else 'es'}>" not in text)), text[:400])

stdout = run("new", "curriculum", "--code", "VTNEW2", "--level", "operator", "--published", "2026-12-01")
check("new curriculum prints to stdout without --out", stdout.returncode == 0 and stdout.stdout.startswith("<?xml"), stdout.stderr)
target = work / "existing.xml"
target.write_text("keep me", encoding="utf-8")
r = run("new", "curriculum", "--code", "VTNEW3", "--level", "operator", "--out", str(target))
check("new curriculum refuses to overwrite (exit 1) and leaves the file as it was",
      r.returncode == 1 and target.read_text(encoding="utf-8") == "keep me" and "already exists" in r.stderr, r)
for bad in (["--code", "bad code"], ["--code", "TOOLONGCODE123"], ["--code", "C", "--published", "2026-13-01"]):
    r = run("new", "curriculum", *bad, "--level", "operator")
    check(f"new curriculum {' '.join(bad)}: usage error 64, nothing printed", r.returncode == 64 and r.stdout == "", r)
r = run("new", "curriculum", "--code", "C", "--level", "boss")
check("new curriculum --level boss: usage error 64", r.returncode == 64, r)
r = run("new", "curriculum", "--code", "C", "--level", "operator", "--out", str(work / "no-such-dir" / "x.xml"))
check("new curriculum --out into a missing folder: exit 2, nothing created", r.returncode == 2 and not (work / "no-such-dir").exists(), r)

# --- veta show --detail -------------------------------------------------------------------------
example = str(ROOT / "Examples" / "valid-foundation-skills.xml")
detail = run("show", "--detail", "--lang", "en", example)
plain = run("show", "--lang", "en", example)
model = json.loads(run("show", "--format", "json", example).stdout)
unit = model["units"][0]
texts = ([c["text"]["en"] for e in unit["elements"] for c in e["criteria"]] + [k["text"]["en"] for k in unit["knowledgeEvidence"]]
         + [s["description"]["en"] for s in unit["foundationSkills"]]
         + [unit["performanceEvidence"]["text"]["en"], unit["assessmentConditions"]["en"]])
missing = [t for t in texts if t not in detail.stdout]
check("show --detail prints every criterion, knowledge item, foundation skill, evidence and condition text",
      detail.returncode == 0 and not missing and "Element 1:" in detail.stdout, missing or detail.stdout[:600])
check("show without --detail prints counts, not the texts", all(t not in plain.stdout for t in texts[:3]), plain.stdout[:400])
es = run("show", "--detail", "--lang", "es", example).stdout
check("show --detail --lang es prints the Spanish texts", unit["assessmentConditions"]["es"] in es and unit["assessmentConditions"]["en"] not in es)
both = run("show", "--detail", example).stdout
check("show --detail (both) prints each text in Spanish and English",
      f"es: {unit['assessmentConditions']['es']}" in both and f"en: {unit['assessmentConditions']['en']}" in both, both[-600:])
rng = run("show", "--detail", "--lang", "en", str(ROOT / "Examples" / "valid-range-of-conditions.xml")).stdout
check("show --detail prints the range of conditions with its meaning", "Range of conditions" in rng, rng[-600:])

# --- xsi:schemaLocation: relative and local accepted, never read; remote refused ----------------
valid = (ROOT / "Examples" / "valid-working-safely.xml").read_text(encoding="utf-8")
def with_location(value, attribute="schemaLocation"):
    return valid.replace('<curriculum xmlns="urn:veta:curriculum:1"',
                         f'<curriculum xmlns="urn:veta:curriculum:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:{attribute}="{value}"', 1)
folder = work / "hints"
folder.mkdir(exist_ok=True)
(folder / "broken.xsd").write_text("this is not a schema", encoding="utf-8")
cases = {
    "urn:veta:curriculum:1 ../Schemas/curriculum.xsd": 0,
    "urn:veta:curriculum:1 broken.xsd": 0,  # exists and is junk: never read, so no difference
    "urn:veta:curriculum:1 no/such/file.xsd": 0,
    "urn:veta:curriculum:1 http://198.51.100.7/curriculum.xsd": 1,
    "urn:veta:curriculum:1 file:///etc/passwd.xsd": 1,
    "urn:veta:curriculum:1 /abs/curriculum.xsd": 1,
    "urn:veta:curriculum:1 //host/curriculum.xsd": 1,
    "urn:other:1 curriculum.xsd": 1,
    "urn:veta:curriculum:1 a.xsd urn:veta:curriculum:1 b.xsd": 1,
    "urn:veta:curriculum:1 curriculum.xsd?x=1": 1,
}
for value, expected in cases.items():
    path = folder / "hinted.xml"
    path.write_text(with_location(value), encoding="utf-8")
    r = run("validate", "--format", "json", str(path))
    codes = [d["code"] for f in json.loads(r.stdout)["files"] for d in f["diagnostics"]]
    check(f"schemaLocation {value!r}: exit {expected}", r.returncode == expected and (expected == 0) == (codes == [])
          and (expected == 0 or codes == ["VETA-S005"]), codes)
path.write_text(with_location("curriculum.xsd", "noNamespaceSchemaLocation"), encoding="utf-8")
r = run("validate", str(path))
check("noNamespaceSchemaLocation stays refused", r.returncode == 1 and "VETA-S005" in r.stdout, r.stdout)
if subprocess.run(["which", "strace"], capture_output=True).returncode == 0:
    path.write_text(with_location("urn:veta:curriculum:1 broken.xsd"), encoding="utf-8")
    trace = work / "strace.log"
    subprocess.run(["strace", "-f", "-e", "trace=open,openat,connect", "-o", str(trace), veta, "validate", str(path)],
                   capture_output=True, timeout=60)
    check("a hinted schema file is never opened (strace)", "broken.xsd" not in trace.read_text(errors="replace"))

sys.exit(1 if failures else 0)
