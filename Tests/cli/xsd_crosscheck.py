"""The XSD verdict of `veta validate` agrees with Python's xmlschema on every file given.

Usage: xsd_crosscheck.py VETA SCHEMA PATH...

Veta's XSD verdict for a file is "valid" when it reports no syntax, encoding or schema finding
(VETA-X...). Files Veta refuses before the XSD stage for security reasons (VETA-S...) have no
XSD verdict from Veta; for those we only require that xmlschema does not call them valid either
when the refusal is about content xmlschema also sees (DOCTYPE, depth, XInclude, empty), and
we list them.
"""
import io
import json
import os
import subprocess
import sys

import xmlschema

veta, schema_path, *paths = sys.argv[1:]
schema = xmlschema.XMLSchema(schema_path)
report = json.loads(subprocess.run([veta, "validate", "--format", "json", *paths],
                                   capture_output=True, text=True, check=False).stdout)

def xmlschema_verdict(path):
    try:
        with open(path, "rb") as f:
            resource = xmlschema.XMLResource(io.BytesIO(f.read()), defuse="always", allow="none")
        return schema.is_valid(resource)
    except Exception:  # not well-formed, refused entity, bad encoding: not valid
        return False

agree, refused, disagreements = 0, [], []
for entry in report["files"]:
    path = entry["path"]
    codes = {d["code"] for d in entry["diagnostics"]}
    python_valid = xmlschema_verdict(path)
    if any(c.startswith("VETA-S") for c in codes):
        refused.append(os.path.basename(path))
        # schemaLocation hints are legal XSD; every other refusal is also invalid for xmlschema.
        if python_valid and "VETA-S005" not in codes:
            disagreements.append(f"{path}: refused by veta {sorted(codes)} but valid for xmlschema")
        continue
    # VETA-X004 is not an XSD verdict: the file is XSD-valid but a value cannot be held (Tests/cli/xsd_values.py).
    veta_valid = not any(c.startswith("VETA-X") and c != "VETA-X004" for c in codes)
    if veta_valid == python_valid:
        agree += 1
    else:
        disagreements.append(f"{path}: veta says {'valid' if veta_valid else 'invalid'} {sorted(codes)}, "
                             f"xmlschema says {'valid' if python_valid else 'invalid'}")

print(f"{agree} files: same XSD verdict; {len(refused)} refused by veta before the XSD: {', '.join(refused)}")
for line in disagreements:
    print("DISAGREE", line)
sys.exit(1 if disagreements or agree == 0 else 0)
