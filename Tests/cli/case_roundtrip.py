#!/usr/bin/env python3
"""A round trip XML -> model -> CASE keeps every schema 1.1 construct, checked per construct.

Each curriculum in Curricula/ and each valid example (Examples/valid-*.xml) is decoded by Python
xmlschema (independently of Veta's reader) and exported with `VETA export case FILE`; for every
construct the file uses, the package must hold it as the README's CASE section says:

- knowledge points: each <point> of a knowledge <item> is a CFItem coded `UNIT ID`, type
  `Knowledge evidence point`, its Spanish text in fullStatement and its English in notes, a child
  (isChildOf) of its item's CFItem (coded `UNIT ITEMID`) at its position (1, 2 ...).
- performance requirements: each <requirement> of a unit's <performanceEvidence> is a CFItem coded
  `UNIT ID`, type `Performance evidence requirement`, its Spanish text in fullStatement and in notes its
  English text then `Occasions: N` (N as xmlschema decodes the attribute), a child of its unit's CFItem,
  after the unit's elements, knowledge items, foundation skills and range variables, in order.
- markers: a unit whose <knowledgeEvidence> or <assessmentConditions> holds <notStatedInSource/> (or
  <notYetTranscribed/>) has the line `Not stated in source: ...` (or `Not yet transcribed: ...`) naming
  those parts, in that order, in its CFItem's notes; an element holding <notYetTranscribed/> has the line
  `Performance criteria not yet transcribed` in its CFItem's notes, and no criterion CFItems.
- provenance: a unit's <provenance> gives its CFItem's notes the lines `Source: KIND [PACKAGE] [CODE]
  [release R]`, `Citation: TEXT <HREF>` (when the XML has a citation) and `Verbatim (LANG): parts;
  written by the institution: parts` (when it names parts), from xmlschema's decoding of the file.
- unit supersession: a unit's <supersedes unit="D" equivalent="yes|no"/> gives its CFItem's notes the
  line `Supersedes: D (equivalent)` or `Supersedes: D (not equivalent)`.

Usage: python3 Tests/cli/case_roundtrip.py VETA   (exit 0 when every check passes, 1 otherwise)
"""
import json
import subprocess
import sys
from pathlib import Path

import xmlschema

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "Schemas" / "curriculum.xsd"


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def text(localized):
    # A draft may be in one language: the export then has an empty fullStatement (es) or no notes (en).
    return localized.get("es", ""), localized.get("en")


class Package:
    def __init__(self, package):
        self.items = {item["humanCodingScheme"]: item for item in package.get("CFItems", [])}
        self.parents = {}
        for association in package.get("CFAssociations", []):
            if association["associationType"] == "isChildOf":
                child = association["originNodeURI"]["identifier"]
                self.parents[child] = (association["destinationNodeURI"]["identifier"], association.get("sequenceNumber"))


def child_problems(package, kind, name, expected, parent, parent_label, position):
    """Problems of the CFItem coded `name` (a `kind`): it exists, its (fullStatement, notes, CFItemType)
    are `expected`, and it is the child of `parent` (the CFItem of `parent_label`) at `position`."""
    label = f"{kind} {name}"
    found = package.items.get(name)
    if found is None or parent is None:
        return [f"{label}: no CFItem (or no {parent_label})"]
    problems = []
    if (found["fullStatement"], found.get("notes"), found["CFItemType"]) != expected:
        problems.append(f"{label}: statement, notes or type differ from the XML")
    if package.parents.get(found["identifier"]) != (parent["identifier"], position):
        problems.append(f"{label}: not the child of {parent_label} at {position}")
    return problems


def children_problems(package, children):
    """Problems of every child CFItem in `children` (the arguments of ``child_problems`` after the
    package), and how many were checked."""
    return [problem for child in children for problem in child_problems(package, *child)], len(children)


def knowledge_points(decoded, package):
    """Problems with the knowledge points of every unit, and how many points were checked."""
    return children_problems(package, [
        ("knowledge point", f"{unit['@code']} {point['@id']}", (*text(point), "Knowledge evidence point"),
         package.items.get(f"{unit['@code']} {item['@id']}"), f"item {unit['@code']} {item['@id']}", position + 1)
        for unit in as_list(decoded["units"]["unit"])
        for item in as_list(unit["knowledgeEvidence"].get("item"))
        for position, point in enumerate(as_list(item.get("point")))])


def items_before_requirements(unit):
    """How many children a unit's CFItem has before its performance requirements: its elements,
    knowledge items, foundation skills and range variables."""
    return len(as_list(unit["element"])) + len(as_list(unit["knowledgeEvidence"].get("item"))) \
        + len(as_list((unit.get("foundationSkills") or {}).get("skill"))) \
        + len(as_list((unit.get("rangeOfConditions") or {}).get("variable")))


def performance_requirements(decoded, package):
    """Problems with the performance requirements of every unit, and how many were checked."""
    return children_problems(package, [
        ("performance requirement", f"{unit['@code']} {requirement['@id']}",
         (text(requirement)[0], f"{text(requirement)[1]}\nOccasions: {requirement['@occasions']}", "Performance evidence requirement"),
         package.items.get(unit["@code"]), f"unit {unit['@code']}", items_before_requirements(unit) + position + 1)
        for unit in as_list(decoded["units"]["unit"])
        for position, requirement in enumerate(as_list(unit["performanceEvidence"].get("requirement")))])


def markers(decoded, package):
    """Problems with the notStatedInSource / notYetTranscribed markers of every unit, and how many were checked."""
    problems, checked = [], 0
    for unit in as_list(decoded["units"]["unit"]):
        code = unit["@code"]
        found = package.items.get(code)
        for marker, label in (("notStatedInSource", "Not stated in source"), ("notYetTranscribed", "Not yet transcribed")):
            parts = [name for part, name in (("performanceEvidence", "performance evidence"), ("knowledgeEvidence", "knowledge evidence"),
                                             ("assessmentConditions", "assessment conditions"))
                     if marker in (unit.get(part) or {})]
            line = f"{label}: {', '.join(parts)}"
            lines = (found or {}).get("notes", "").split("\n")
            if parts:
                checked += 1
                if line not in lines:
                    problems.append(f"unit {code}: notes lack '{line}'")
            elif any(l.startswith(label + ":") for l in lines):
                problems.append(f"unit {code}: notes say '{label}' but the XML has no {marker}")
        for element in as_list(unit["element"]):
            item = package.items.get(f"{code} {element['@number']}")
            if "notYetTranscribed" in element:
                checked += 1
                if item is None or "Performance criteria not yet transcribed" not in item.get("notes", "").split("\n"):
                    problems.append(f"element {code} {element['@number']}: notes lack 'Performance criteria not yet transcribed'")
                if any(key.startswith(f"{code} {element['@number']}.") for key in package.items):
                    problems.append(f"element {code} {element['@number']}: criteria exported although not transcribed")
    return problems, checked


KINDS = {"trainingPackage": "training package", "standard": "standard", "institution": "institution"}


def notes_problems(decoded, package, part, lines_for):
    """Problems of every unit that has `part`: its CFItem's notes must hold each line that
    `lines_for(part's decoding)` gives; and how many units were checked."""
    problems, checked = [], 0
    for unit in as_list(decoded["units"]["unit"]):
        found = unit.get(part)
        if found is None:
            continue
        checked += 1
        notes = (package.items.get(unit["@code"]) or {}).get("notes", "").split("\n")
        problems += [f"unit {unit['@code']}: notes lack '{line}'" for line in lines_for(found) if line not in notes]
    return problems, checked


def provenance_lines(found):
    """The notes lines a unit's decoded <provenance> gives."""
    source = " ".join([KINDS[found["@kind"]]] + [found[k] for k in ("@package", "@code") if k in found]
                      + ([f"release {found['@release']}"] if "@release" in found else []))
    expected = [f"Source: {source}"]
    if "citation" in found:
        citation = found["citation"]
        text = citation.get("$") if isinstance(citation, dict) else citation
        href = citation.get("@href") if isinstance(citation, dict) else None
        expected.append("Citation: " + " ".join(x for x in (text, f"<{href}>" if href else None) if x))
    verbatim = [p["@part"] for p in as_list(found.get("verbatim"))]
    written = [p["@part"] for p in as_list(found.get("written"))]
    texts = []
    if verbatim:
        texts.append("verbatim" + (f" ({found['@language']})" if "@language" in found else "") + ": " + ", ".join(verbatim))
    if written:
        texts.append("written by the institution: " + ", ".join(written))
    if texts:
        joined = "; ".join(texts)
        expected.append(joined[0].upper() + joined[1:])
    return expected


def provenance(decoded, package):
    """Problems with the provenance of every unit, and how many were checked."""
    return notes_problems(decoded, package, "provenance", provenance_lines)


def supersession(decoded, package):
    """Problems with the supersession of every unit, and how many were checked."""
    return notes_problems(decoded, package, "supersedes", lambda found: [
        f"Supersedes: {found['@unit']} ({'equivalent' if found['@equivalent'] == 'yes' else 'not equivalent'})"])


CONSTRUCTS = [("knowledge points", knowledge_points), ("performance requirements", performance_requirements),
              ("provenance", provenance), ("unit supersession", supersession),
              ("notStatedInSource / notYetTranscribed markers", markers)]


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    veta = argv[1]
    schema = xmlschema.XMLSchema(str(SCHEMA))
    files = sorted((ROOT / "Curricula").glob("*.xml")) + sorted((ROOT / "Examples").glob("valid-*.xml"))
    failed = 0
    seen = {name: 0 for name, _ in CONSTRUCTS}
    for path in files:
        name = path.relative_to(ROOT)
        decoded = schema.to_dict(str(path))
        run = subprocess.run([veta, "export", "case", str(path)], capture_output=True, text=True)
        if run.returncode != 0:
            failed += 1
            print(f"FAIL {name}: export exit {run.returncode}: {(run.stderr or run.stdout).strip()[:300]}")
            continue
        package = Package(json.loads(run.stdout))
        for construct, check in CONSTRUCTS:
            problems, checked = check(decoded, package)
            seen[construct] += checked
            if problems:
                failed += 1
                print(f"FAIL {name} {construct}")
                for problem in problems[:10]:
                    print(f"  {problem}")
    for construct, count in seen.items():
        # Every construct must be exercised by at least one file, or the check proves nothing.
        if count == 0:
            failed += 1
            print(f"FAIL {construct}: no file uses it")
        else:
            print(f"ok   {construct}: {count} checked")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
