"""Validates JSON-LD documents against the official 1EdTech Open Badges 3.0 JSON Schemas vendored in
Tests/fixtures/ob3-schema (see PROVENANCE there), with Python `jsonschema` (pinned in the Makefile).

`problems(kind, document)` returns the schema's complaints as short strings (empty when it is valid):
kind is "credential" (an AchievementCredential, e.g. a VC-JWT's decoded claims), "profile" (an
issuer Profile) or "achievement" (an Achievement, checked against the AchievementCredential
schema's own `$defs/Achievement`, as the specification publishes no separate Achievement schema).

Usage as a script: ob3_schema.py KIND FILE...; exit 0 when every file is valid, 1 otherwise.
"""
import datetime
import json
import os
import re
import sys

from jsonschema import Draft201909Validator, FormatChecker
from referencing import Registry, Resource

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(HERE, "..", "fixtures", "ob3-schema")
FILES = {"credential": "ob_v3p0_achievementcredential_schema.json", "profile": "ob_v3p0_profile_schema.json"}


def _load(name):
    return json.load(open(os.path.join(SCHEMAS, name), encoding="utf-8"))


_credential = _load(FILES["credential"])
_profile = _load(FILES["profile"])
_registry = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema)) for schema in (_credential, _profile))
# The schemas' formats are "date" and "date-time"; jsonschema checks "date-time" only with an extra
# package, so RFC 3339 date-times are checked here (a full date, a time, an offset or Z).
_formats = FormatChecker(["date"])
_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})\Z")


@_formats.checks("date-time", raises=ValueError)
def _date_time(text):
    if not isinstance(text, str):
        return True
    return bool(_RFC3339.match(text)) and datetime.datetime.fromisoformat(text.replace("z", "Z")) is not None


def _validator(schema):
    return Draft201909Validator(schema, registry=_registry, format_checker=_formats)


_validators = {
    "credential": _validator(_credential),
    "profile": _validator(_profile),
    "achievement": _validator({"$schema": _credential["$schema"], "$ref": _credential["$id"] + "#/$defs/Achievement"}),
}


def problems(kind, document):
    """The schema's complaints about `document` as `path: message` strings, in a stable order."""
    errors = sorted(_validators[kind].iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:300]}" for e in errors]


def main(argv):
    if len(argv) < 3 or argv[1] not in _validators:
        print(__doc__, file=sys.stderr)
        return 2
    bad = 0
    for path in argv[2:]:
        found = problems(argv[1], json.load(open(path, encoding="utf-8")))
        bad += bool(found)
        print(("INVALID " if found else "VALID ") + path + "".join("\n  " + p for p in found))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
