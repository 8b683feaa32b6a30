#!/usr/bin/env python3
"""Exports every curriculum in Curricula/ with `VETA export case FILE` and validates each package
against the CASE 1.0 CFPackage schema (#/definitions/CFPackage.Type of Tests/fixtures/case/case-v1p0-swagger.json).

Usage: python3 Tests/cli/case_check.py VETA        (exit 0 when every package is valid, 1 otherwise)
"""
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "Tests" / "fixtures" / "case" / "case-v1p0-swagger.json"
POINTER = "#/definitions/CFPackage.Type"


def validator():
    document = json.loads(SCHEMA.read_text(encoding="utf-8"))
    schema = {"$ref": POINTER, "definitions": document["definitions"]}
    # Swagger 2.0 schema objects are a JSON Schema draft 4 subset; formats (uri, date, date-time) are
    # checked when the checkers' optional packages are installed.
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def structural_problems(package):
    """Checks the schema cannot express: unique identifiers, and associations that point at nodes in the package."""
    nodes = {package["CFDocument"]["identifier"]} | {item["identifier"] for item in package.get("CFItems", [])}
    identifiers = [package["CFDocument"]["identifier"]] + [x["identifier"] for x in package.get("CFItems", []) + package.get("CFAssociations", [])]
    problems = [] if len(identifiers) == len(set(identifiers)) else ["identifiers are not unique"]
    # "format": "uri" is only asserted when rfc3987 is installed; this is the minimum it would require.
    uris = [package["CFDocument"]["uri"]] + [x["uri"] for x in package.get("CFItems", []) + package.get("CFAssociations", [])]
    problems += [f"not an absolute URI: {uri}" for uri in uris if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]+", uri)]
    for association in package.get("CFAssociations", []):
        for end in ("originNodeURI", "destinationNodeURI"):
            if association[end]["identifier"] not in nodes:
                problems.append(f"{association['identifier']}: {end} points to no node in the package")
    return problems


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    veta, check = argv[1], validator()
    passed = failed = 0
    for path in sorted((ROOT / "Curricula").glob("*.xml")):
        name = path.relative_to(ROOT)
        run = subprocess.run([veta, "export", "case", str(path)], capture_output=True, text=True)
        problems = [] if run.returncode == 0 else [f"exit {run.returncode}: {(run.stderr or run.stdout).strip()[:300]}"]
        if not problems:
            try:
                package = json.loads(run.stdout)
                problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in check.iter_errors(package)]
                problems += structural_problems(package)
            except json.JSONDecodeError as error:
                problems = [f"not JSON: {error}"]
        if problems:
            failed += 1
            print(f"FAIL {name}")
            for problem in problems[:10]:
                print(f"  {problem}")
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"case: {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
