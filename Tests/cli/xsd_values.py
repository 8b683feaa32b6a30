#!/usr/bin/env python3
"""Veta's decoded model agrees with Python xmlschema's decoded values for lexical variants of every
typed attribute and element in Schemas/curriculum.xsd.

Usage: python3 Tests/cli/xsd_values.py VETA WORKDIR      (prints `ok NAME` / `FAIL NAME`; exit 0 when all pass)

It also checks the issue's example (validityMonths="+12" is 12) and that `veta export case` writes RFC 3339
date-times for every legal form of <published> (and refuses, exit 1, a year RFC 3339 cannot hold).

The typed components are found by walking the XSD with xmlschema (every attribute and every element
with simple content, recursively from <curriculum>), not from a list. For each component, an occurrence
in a shipped curriculum (Curricula/*.xml, plus Tests/fixtures/diff/minor.xml for <supersedes>) is
rewritten in lexical variants chosen by the component's XSD type (signs, leading zeros, white space
including tab and line feed, timezones, case, and illegal forms); each variant file goes to
`veta show --format json` and to xmlschema's `to_dict`. Then, per variant:

- both accept it: Veta's value at the component's place in the model equals xmlschema's decoded value;
- both refuse it (Veta with exit 1 and a VETA-X finding);
- xmlschema accepts an integer Veta cannot hold (over 2^63-1): Veta reports VETA-X004, never a fallback;
- a disagreement listed in KNOWN_DEVIATIONS (a bug in libxml2 or in xmlschema, not in Veta's reading),
  shown in the output every time it occurs;
- anything else fails. The test also fails when a typed component of the schema has no occurrence to vary
  or no place in Veta's model (MODEL_PLACES), so a new attribute in the schema cannot go unchecked.
"""
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import xmlschema

ROOT = Path(__file__).resolve().parents[2]
NS = "urn:veta:curriculum:1"
XS = "{http://www.w3.org/2001/XMLSchema}"
# Schema 1.1 constructs no shipped curriculum uses yet are varied in their valid examples.
BASES = sorted((ROOT / "Curricula").glob("*.xml")) + [ROOT / "Tests" / "fixtures" / "diff" / "minor.xml"] \
    + sorted((ROOT / "Examples").glob("valid-*.xml"))
INT_MAX = 2**63 - 1

# Where each element of the XML lands in Veta's JSON model: a key, a (key, True) list indexed by the
# element's position among its same-named siblings, or None when the element has no place of its own.
ELEMENT_PLACES = {
    "curriculum": None, "source": None, "frameworkLevels": None, "occupations": None, "references": None,
    "units": None, "prerequisites": None, "volumeOfLearning": None, "citation": ("sources", True), "frameworkLevel": ("frameworkLevels", True),
    "occupation": ("occupations", True), "reference": ("references", True), "unit": ("units", True),
    "prerequisite": ("prerequisites", True), "element": ("elements", True), "criterion": ("criteria", True),
    "knowledgeEvidence": ("knowledgeEvidence", False), "item": (None, True), "core": ("core", False),
    "unitRef": (None, True), "electiveGroup": ("electiveGroups", True), "skill": (None, True), "variable": (None, True),
    "point": ("points", True), "requirement": ("requirements", True), "verbatim": ("verbatim", True),
    "written": ("written", True),
}
# Attributes and texts whose model name differs from the XML name ("#text" is simple content).
MODEL_PLACES = {
    ("citation", "#text"): "text", ("reference", "#text"): "text", ("sector", "#text"): "name",
    ("occupation", "#text"): "name", ("unit", "safetyCritical"): "isSafetyCritical", ("prerequisite", "unit"): "code",
    ("electiveGroup", "min"): "minimum", ("electiveGroup", "max"): "maximum",
    ("volumeOfLearning", "hours"): "/volumeOfLearningHours", ("thematicArea", "#text"): "name",
}
# Elements extending LocalizedText whose <es> and <en> the model keeps under "text".
LOCALIZED_EXTENSIONS = {"criterion", "performanceEvidence", "item", "point", "requirement"}
# What an enumeration's value means in the model, where it is not the text itself.
MEANINGS = {("supersedes", "equivalent"): {"yes": True, "no": False}}


def typed_components(schema):
    """(element path, attribute name or '#text', xsd simple type, declared default) for every typed component."""
    found = []

    def walk(decl, path):
        kind = decl.type
        if kind.is_simple():
            found.append((path, "#text", kind, None))
            return
        if kind.has_simple_content():
            found.append((path, "#text", kind.content, None))
        for name, attribute in kind.attributes.items():
            found.append((path, name, attribute.type, attribute.default))
        if not kind.has_simple_content() and kind.content is not None:
            for child in kind.content.iter_elements():
                walk(child, path + (child.local_name,))

    walk(schema.elements["curriculum"], ("curriculum",))
    return found


def type_kind(simple_type):
    """The built-in type a simple type restricts: integer, boolean, date, anyURI, token or string."""
    current = simple_type
    while current is not None:
        name = current.name or ""
        for builtin, kind in (("integer", "integer"), ("nonNegativeInteger", "integer"), ("positiveInteger", "integer"),
                              ("boolean", "boolean"), ("date", "date"), ("anyURI", "anyURI"), ("token", "token"),
                              ("string", "string")):
            if name == XS + builtin:
                return kind
        current = getattr(current, "base_type", None)
    raise SystemExit(f"FAIL no known built-in type behind {simple_type}")


def variants(kind, text):
    """Lexical variants of `text` for its kind: (label, variant text)."""
    if kind == "integer":
        value = int(text)
        out = [("plus", f"+{value}"), ("leading zeros", f"000{value}"), ("spaces", f"  {value} "),
               ("tab and line feed", f"\t+0{value}\n"), ("decimal point", f"{value}.0"), ("double sign", f"++{value}"),
               ("inner space", f"{value} {value}"), ("empty", ""), ("hexadecimal", f"0x{value}"),
               ("beyond 64 bits", "1" + "0" * 19), ("beyond libxml2's 24 digits", "1" + "0" * 29),
               ("arabic-indic digits", "".join(chr(0x660 + int(d)) for d in str(value)))]
        if value == 0:
            out.append(("minus zero", "-0"))
        else:
            out.append(("negative", f"-{value}"))
        return out
    if kind == "boolean":
        return [("1", "1"), ("0", "0"), ("true padded", "\ttrue\n"), ("false padded", " false "),
                ("TRUE", "TRUE"), ("False", "False"), ("yes", "yes")]
    if kind == "date":
        return [("Z", text + "Z"), ("+00:00", text + "+00:00"), ("-00:00", text + "-00:00"), ("-06:00", text + "-06:00"),
                ("+14:00", text + "+14:00"), ("+14:01", text + "+14:01"), ("five-digit year", "12024" + text[4:]),
                ("negative year", "-" + text), ("year 0000", "0000" + text[4:]), ("plus year", "+" + text),
                ("leading-zero year", "0" + text), ("29 February 2023", "2023-02-29"), ("29 February 2024", "2024-02-29"),
                ("lowercase z", text + "z"), ("padded", f"\n  {text}Z\t")]
    if kind in ("token", "anyURI"):
        words = text.split()
        return [("padded", f"\t {text}\n"), ("inner runs", "  \t".join(words) + " "), ("only spaces", "   ")]
    # xs:string and its pattern and enumeration restrictions keep white space: padded forms are other values.
    out = [("padded", f" {text}"), ("tab after", text + "\t")]
    if kind == "enumeration":
        out += [("upper case", text.upper()), ("capitalised", text.capitalize())]
    return out


def occurrences(tree, component):
    """Elements of `tree` at the component's path, each with the indices of its path steps."""
    path = component[0]
    results = [((), tree.getroot())]
    for step in path[1:]:
        next_results = []
        for indices, node in results:
            for position, child in enumerate(node.findall(f"{{{NS}}}{step}")):
                next_results.append((indices + (position,), child))
        results = next_results
    return results


def model_value(model, path, indices, attribute):
    """The value Veta's JSON model holds for this occurrence, or raises KeyError."""
    value = model
    for parent, step, index in zip(("",) + path, path, (0,) + indices):
        place = ("units", True) if (parent, step) == ("electiveGroup", "unitRef") else ELEMENT_PLACES.get(step, (step, False))
        if (parent, step) == ("provenance", "citation"):
            place = None  # a unit provenance's citation is its "citation" text and "href" (schema 1.1)
        if place is None:
            continue
        if step in ("es", "en") and parent in LOCALIZED_EXTENSIONS:
            value = value["text"]
        key, indexed = place
        if key is not None:
            value = value[key]
        if indexed:
            value = value[index]
    key = MODEL_PLACES.get((path[-1], attribute), attribute)
    if path[-2:] == ("provenance", "citation"):
        key = "citation" if attribute == "#text" else attribute
    if key.startswith("/"):
        return model[key[1:]]
    if attribute == "#text" and key == "#text":
        return value
    return value[key]


def xmlschema_value(decoded, path, indices, attribute):
    value = decoded
    for step, index in zip(path[1:], indices):
        value = value[step]
        if isinstance(value, list):
            value = value[index]
    if attribute == "#text":
        return value["$"] if isinstance(value, dict) else value
    return value["@" + attribute]


def canonical(value):
    """xmlschema's decoded value in the form Veta's JSON uses."""
    if hasattr(value, "year") and hasattr(value, "tzinfo"):  # xmlschema's Date10
        year = f"-{abs(value.year):04d}" if value.year < 0 else f"{value.year:04d}"
        text = f"{year}-{value.month:02d}-{value.day:02d}"
        if value.tzinfo is not None:
            minutes = int(value.tzinfo.offset.total_seconds() // 60)
            text += "Z" if minutes == 0 else f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        return text
    return value


# Disagreements that are bugs of one validator, with the predicate that recognises them.
KNOWN_DEVIATIONS = [
    # libxml2 2.9 also refuses white space around an xs:date (xmlSchemaValidateDates restarts from the
    # unstripped text); Veta trims it before validating (DateWhitespace.swift), so that is no deviation.
    ("libxml2 refuses integers of more than 24 significant digits (xmlSchemaParseUInt), which XSD allows",
     lambda kind, text, veta, python: kind == "integer" and len(text.strip().lstrip("+").lstrip("0")) > 24 and python
     and veta == {"VETA-X003"}),
    ("xmlschema accepts non-ASCII decimal digits (Python int()), which XSD does not",
     lambda kind, text, veta, python: kind == "integer" and any(ord(c) > 127 for c in text) and python
     and veta == {"VETA-X003"}),
]


def run_veta(veta, path):
    run = subprocess.run([veta, "show", "--format", "json", str(path)], capture_output=True, text=True)
    if run.returncode == 0:
        return json.loads(run.stdout), set()
    codes = set(re.findall(r"error\[(VETA-[A-Z0-9]+)\]", run.stdout + run.stderr))
    if run.returncode != 1 or not codes:
        raise AssertionError(f"veta show exited {run.returncode} with {codes}: {(run.stdout + run.stderr)[:300]}")
    return None, codes


def run_xmlschema(schema, path):
    try:
        return schema.to_dict(str(path), datetime_types=True), True
    except (xmlschema.XMLSchemaValidationError, xmlschema.XMLSchemaDecodeError, ET.ParseError):
        return None, False


def check_variant(veta, schema, work, job):
    number, base, component, indices, kind, label, text = job
    path, attribute = component[:2]
    tree = ET.parse(base)
    node = dict((tuple(i), n) for i, n in occurrences(tree, component))[indices]
    if attribute == "#text":
        node.text = text
    else:
        node.set(attribute, text)
    out = Path(work) / f"variant-{number}.xml"
    tree.write(out, encoding="UTF-8", xml_declaration=True)
    where = "/".join(path) + ("" if attribute == "#text" else "@" + attribute)
    name = f"{where} {label} {text!r}"
    model, codes = run_veta(veta, out)
    decoded, python_valid = run_xmlschema(schema, out)
    if model is not None and python_valid:
        expected = canonical(xmlschema_value(decoded, path, indices, attribute))
        expected = MEANINGS.get((path[-1], attribute), {}).get(expected, expected)
        actual = model_value(model, path, indices, attribute)
        if actual != expected or type(actual) is not type(expected):
            return "FAIL", name, f"veta reads {actual!r}, xmlschema decodes {expected!r}"
        return "ok", name, ""
    if model is None and not python_valid:
        return ("ok", name, "") if codes <= {"VETA-X003", "VETA-X004"} else ("FAIL", name, f"refused with {codes}")
    if model is None and python_valid and codes == {"VETA-X004"}:
        value = xmlschema_value(decoded, path, indices, attribute)
        if isinstance(value, int) and value > INT_MAX:
            return "ok", name, ""
    for reason, applies in KNOWN_DEVIATIONS:
        if applies(kind, text, codes, python_valid):
            return "known", name, reason
    return "FAIL", name, f"veta {'accepts' if model is not None else f'refuses {sorted(codes)}'}, " \
                         f"xmlschema {'accepts' if python_valid else 'refuses'}"


RFC3339 = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T00:00:00(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])")


def check_case_dates(veta, work):
    """`veta export case` gives RFC 3339 date-times for every legal form of <published>, midnight in the
    date's own timezone, and refuses (exit 1) a year RFC 3339 cannot hold."""
    forms = {"2024-03-01": "2024-03-01T00:00:00+00:00", "2024-03-01Z": "2024-03-01T00:00:00+00:00",
             "2024-03-01-00:00": "2024-03-01T00:00:00+00:00", "2024-03-01-06:00": "2024-03-01T00:00:00-06:00",
             "2024-02-29+14:00": "2024-02-29T00:00:00+14:00", "12024-03-01": None, "-0001-03-01": None}
    problems = []
    for form, expected in forms.items():
        tree = ET.parse(ROOT / "Curricula" / "operator-haul-truck.xml")
        tree.getroot().find(f"{{{NS}}}published").text = form
        path = Path(work) / f"case-{len(problems)}-{form.replace(':', '')}.xml"
        tree.write(path, encoding="UTF-8", xml_declaration=True)
        run = subprocess.run([veta, "export", "case", str(path)], capture_output=True, text=True)
        if expected is None:
            if run.returncode != 1 or "VETA-E001" not in run.stderr:
                problems.append(f"{form}: expected exit 1 with VETA-E001, got {run.returncode} {run.stderr.strip()[:200]}")
            continue
        if run.returncode != 0:
            problems.append(f"{form}: exit {run.returncode} {run.stderr.strip()[:200]}")
            continue
        package = json.loads(run.stdout)
        stamps = {package["CFDocument"]["lastChangeDateTime"]} | {x["lastChangeDateTime"] for x in package["CFItems"]}
        if stamps != {expected} or not RFC3339.fullmatch(expected):
            problems.append(f"{form}: lastChangeDateTime {sorted(stamps)}, expected {expected}")
        if package["CFDocument"].get("statusStartDate") != expected[:10]:
            problems.append(f"{form}: statusStartDate {package['CFDocument'].get('statusStartDate')}")
    name = f"veta export case gives RFC 3339 date-times for {len(forms)} forms of <published> (or refuses the year)"
    print(f"{'FAIL' if problems else 'ok  '} {name}")
    for problem in problems:
        print(f"     {problem}")
    return 1 if problems else 0


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    veta, work = argv[1], argv[2]
    os.makedirs(work, exist_ok=True)
    schema = xmlschema.XMLSchema10(str(ROOT / "Schemas" / "curriculum.xsd"))
    ET.register_namespace("", NS)
    failures = 0

    # The issue's example, on its own: validityMonths="+12" is 12 months, not 0.
    tree = ET.parse(ROOT / "Curricula" / "operator-haul-truck.xml")
    tree.getroot().find(f"{{{NS}}}recertification").set("validityMonths", "+12")
    issue = Path(work) / "plus-twelve.xml"
    tree.write(issue, encoding="UTF-8", xml_declaration=True)
    model, codes = run_veta(veta, issue)
    if model is not None and model["recertification"]["validityMonths"] == 12:
        print('ok   validityMonths="+12" reads as 12 months in veta show --format json')
    else:
        failures += 1
        print(f'FAIL validityMonths="+12" reads as 12 months: got {model and model["recertification"]} {codes}')

    failures += check_case_dates(veta, work)

    jobs, uncovered, unplaced = [], [], []
    trees = {base: ET.parse(base) for base in BASES}
    for component in typed_components(schema):
        path, attribute, simple_type, default = component
        kind = type_kind(simple_type)
        if kind == "string" and simple_type.enumeration:
            kind = "enumeration"
        source = next(((base, found) for base in BASES for found in occurrences(trees[base], component)
                       if (found[1].text if attribute == "#text" else found[1].get(attribute)) is not None), None)
        if source is None and default is not None:
            # An attribute no curriculum writes because the schema's default suits it: write the default.
            source = next(((base, found) for base in BASES for found in occurrences(trees[base], component)), None)
        if source is None:
            uncovered.append("/".join(path) + ("" if attribute == "#text" else "@" + attribute))
            continue
        base, (indices, node) = source
        text = node.text if attribute == "#text" else node.get(attribute, default)
        original, _ = run_veta(veta, base)
        try:
            model_value(original, path, indices, attribute)
        except (KeyError, IndexError, TypeError):
            unplaced.append("/".join(path) + "@" + attribute)
            continue
        for label, variant in variants(kind, " ".join(text.split()) if kind in ("token", "anyURI") else text):
            jobs.append((len(jobs), base, component, indices, kind, label, variant))

    for what, missing in (("no occurrence in the shipped curricula to vary", uncovered),
                          ("no place found in Veta's model", unplaced)):
        if missing:
            failures += 1
            print(f"FAIL every typed component has {what}: {', '.join(missing)}")

    counts = {"ok": 0, "known": 0, "FAIL": 0}
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for verdict, name, detail in pool.map(lambda job: check_variant(veta, schema, work, job), jobs):
            counts[verdict] += 1
            if verdict == "FAIL":
                print(f"FAIL {name}: {detail}")
            elif verdict == "known":
                print(f"     known deviation, {name}: {detail}")
    components = len(typed_components(schema))
    name = f"{counts['ok'] + counts['known']} lexical variants of {components} typed components: veta's model equals xmlschema's values"
    if counts["FAIL"] == 0 and jobs:
        print(f"ok   {name} ({counts['known']} known validator deviations)")
    else:
        failures += 1
        print(f"FAIL {name}: {counts['FAIL']} variants disagree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
