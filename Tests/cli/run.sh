#!/usr/bin/env bash
# End-to-end checks of the veta command line: exit codes, golden output, JSON/SARIF validity,
# agreement with an independent XSD implementation, and hostile input under strace.
# Usage: bash Tests/cli/run.sh path/to/veta
set -uo pipefail
VETA=$(realpath "${1:?usage: run.sh path/to/veta}")
cd "$(dirname "$0")/../.."
HERE=Tests/cli
# The checkers' Python (make test passes the virtual environment it installed them into).
PY=${PYTHON:-python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0

check() { # check NAME COMMAND...: the command must succeed
    local name=$1; shift
    if "$@" >"$WORK/check.log" 2>&1; then
        passed=$((passed + 1)); echo "ok   $name"
    else
        failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/     /' "$WORK/check.log" | head -40
    fi
}

exit_code() { # exit_code EXPECTED COMMAND...: the command exits with EXPECTED
    local expected=$1; shift
    "$@" >/dev/null 2>&1
    local actual=$?
    [ "$actual" -eq "$expected" ] || { echo "expected exit $expected, got $actual: $*"; return 1; }
}

# --- exit codes -----------------------------------------------------------------------------
check "validate Curricula exits 0" exit_code 0 "$VETA" validate Curricula
check "validate Examples exits 1" exit_code 1 "$VETA" validate Examples
check "a missing file exits 2" exit_code 2 "$VETA" validate /nonexistent/curriculum.xml
check "an unknown option exits 64" exit_code 64 "$VETA" validate --no-such-option Curricula
check "no path exits 64" exit_code 64 "$VETA" validate
check "an unreadable schema exits 2" exit_code 2 "$VETA" validate --schema /nonexistent.xsd Curricula
check "a warning alone exits 0" exit_code 0 "$VETA" validate Examples/VETA-R009-implausible-hours-for-level.xml
check "a warning with --werror exits 1" exit_code 1 "$VETA" validate --werror Examples/VETA-R009-implausible-hours-for-level.xml
check "show on a valid file exits 0" exit_code 0 "$VETA" show Examples/valid-working-safely.xml
check "show on an invalid file exits 1" exit_code 1 "$VETA" show Examples/VETA-R001-duplicate-unit-code.xml
check "rules exits 0" exit_code 0 "$VETA" rules

# --- golden output of `veta validate Examples` ----------------------------------------------
golden() {
    for f in Examples/*.xml; do cat "${f%.xml}.expected"; done >"$WORK/expected.txt"
    local errors warnings files bad
    errors=$(grep -c '^[^ ].*: error\[' "$WORK/expected.txt")
    warnings=$(grep -c '^[^ ].*: warning\[' "$WORK/expected.txt")
    files=$(ls Examples/*.xml | wc -l)
    bad=0
    for f in Examples/*.xml; do grep -q ': error\[' "${f%.xml}.expected" && bad=$((bad + 1)); done
    echo "$files files checked: $errors errors, $warnings warnings ($bad files with errors)" >>"$WORK/expected.txt"
    "$VETA" validate Examples >"$WORK/actual.txt"
    diff -u "$WORK/expected.txt" "$WORK/actual.txt"
}
check "validate Examples prints exactly the golden diagnostics" golden

# --- --verbose: libxml2's own text under each rephrased finding, and only with the flag ----------
verbose_ok() {
    local plain verbose
    plain=$("$VETA" validate Examples/VETA-X003-bad-boolean.xml); [ $? -eq 1 ] || return 1
    verbose=$("$VETA" validate --verbose Examples/VETA-X003-bad-boolean.xml); [ $? -eq 1 ] || return 1
    ! grep -q '^  libxml2: ' <<<"$plain" || { echo "libxml2 text without --verbose"; return 1; }
    grep -q "^  libxml2: Element '{urn:veta:curriculum:1}unit', attribute 'safetyCritical': 'yes' is not a valid value of the atomic type 'xs:boolean'.$" <<<"$verbose" \
        || { echo "no libxml2 line with --verbose:"; echo "$verbose"; return 1; }
    [ "$(grep -vc '^  libxml2: ' <<<"$verbose")" -eq "$(wc -l <<<"$plain")" ] || { echo "--verbose changed other lines"; return 1; }
}
check "validate --verbose adds libxml2's own text, and only that" verbose_ok

# --- machine formats --------------------------------------------------------------------------
json_ok() {
    "$VETA" validate --format json Examples >"$WORK/report.json"
    "$PY" - "$WORK/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["formatVersion"] == 1
files = report["files"]
assert report["summary"]["files"] == len(files)
assert report["summary"]["errors"] == sum(d["severity"] == "error" for f in files for d in f["diagnostics"])
for f in files:
    for d in f["diagnostics"]:
        assert set(d) >= {"code", "severity", "location", "message"}, d
        assert d["location"]["file"] == f["path"]
PY
}
check "--format json is one JSON document with consistent counts" json_ok

sarif_ok() {
    "$VETA" validate --format sarif Examples Curricula >"$WORK/report.sarif"
    "$PY" - "$WORK/report.sarif" "$HERE/fixtures/sarif-schema-2.1.0.json" <<'PY'
import json, sys, jsonschema
log = json.load(open(sys.argv[1]))
schema = json.load(open(sys.argv[2]))
jsonschema.validators.validator_for(schema)(schema).validate(log)
results = log["runs"][0]["results"]
rules = log["runs"][0]["tool"]["driver"]["rules"]
assert results, "the examples produce results"
for r in results:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
print(len(results), "results valid against SARIF 2.1.0")
PY
}
check "--format sarif validates against the SARIF 2.1.0 schema" sarif_ok

show_ok() {
    "$VETA" show Examples/valid-working-safely.xml >"$WORK/show.txt"
    grep -q "EXWSAFE 1.1.0" "$WORK/show.txt" && grep -q "RIIWHS201E" "$WORK/show.txt" &&
        grep -q "RIIERR302D" "$WORK/show.txt" && grep -q "Packaging: 2 units" "$WORK/show.txt" &&
        "$VETA" show --format json Examples/valid-working-safely.xml | "$PY" -c 'import json,sys; c=json.load(sys.stdin); assert c["code"]=="EXWSAFE" and c["version"]=="1.1.0", c["code"]'
}
check "show prints the outline and the JSON model" show_ok

rules_ok() {
    "$VETA" rules --format json | "$PY" -c 'import json,sys; r=json.load(sys.stdin); ids=[x["id"] for x in r]; assert len(ids)==len(set(ids))>=26, ids'
}
check "rules --format json lists every rule once" rules_ok

# --- the XSD verdict agrees with an independent implementation (Python xmlschema) ------------
check "XSD verdicts agree with Python xmlschema on Curricula and Examples" \
    "$PY" "$HERE/xsd_crosscheck.py" "$VETA" Schemas/curriculum.xsd Curricula Examples

# --- hostile input through the CLI: exit 1, < 1 s, no network, referenced file never opened -----
check "hostile files are refused fast, offline, without reading what they reference" \
    "$PY" "$HERE/hostile_cli.py" "$VETA" "$WORK/hostile"

# suite LABEL SCRIPT ARGS...: runs one of the Python check scripts (they print `ok NAME` / `FAIL NAME`),
# shows its output indented and adds its counts; a script that fails without a FAIL line counts as one failure.
suite() {
    local label=$1 script=$2; shift 2
    local log="$WORK/$(basename "$script" .py).log"
    echo "-- $label (Tests/cli/$(basename "$script"))"
    "$PY" "$HERE/$script" "$@" >"$log" 2>&1
    local rc=$?
    sed 's/^/  /' "$log"
    passed=$((passed + $(grep -c '^ok ' "$log")))
    failed=$((failed + $(grep -c '^FAIL' "$log")))
    if [ "$rc" -ne 0 ] && ! grep -q '^FAIL' "$log"; then failed=$((failed + 1)); fi
}

# Hostile arguments: every subcommand and option, exit 0/1/2/64, JSON on every path, keys, --store.
suite "hostile arguments" hostile_args.py "$VETA" "$WORK/hostile-args"
# Trainee progress: the supervisor's day, refusals, concurrency, SIGKILL, tampering, store files.
suite "progress commands" progress_cli.py "$VETA" "$WORK/progress"
# Racing processes: every check holds inside the write; store versions and read-only opening.
suite "races and store versions" race_cli.py "$VETA" "$WORK/race"
# The central store on PostgreSQL (VETA_TEST_POSTGRES, set by Tests/pg/with-cluster.sh under make test).
suite "PostgreSQL store" pg_cli.py "$VETA" "$WORK/pg"
# A PostgreSQL centre (VETA_TEST_POSTGRES) with two SQLite mine sites, and a SQLite twin centre that must agree; --site filters.
suite "PostgreSQL centre" pg_sync_cli.py "$VETA" "$WORK/pg-sync"
# Checkpoints after every write (VETA_CHECKPOINTS) and the streaming import on PostgreSQL (VETA_TEST_POSTGRES).
suite "PostgreSQL checkpoints and streaming import" pg_checkpoints_cli.py "$VETA" "$WORK/pg-checkpoints"
# The ledger against tampering: signed checkpoints (truncation, an older copy, rewrites with hashes
# recomputed), values re-encoded without changing them, status and issue refusing a damaged log.
suite "ledger tampering" ledger_tamper.py "$VETA" "$WORK/tamper"
# Spreadsheets as clerks save them: encodings, separators, repeats, formula neutralisation.
suite "spreadsheets" spreadsheet_cli.py "$VETA" "$WORK/spreadsheet"
# Completion records. The independent verifier is openbadgeslib from PyPI; the project's shared OB3
# oracle runs in addition when a checkout of it is given (OB3_ORACLE and ORACLE_PYTHON, set by make
# test when present).
suite "completion records" records_cli.py "$VETA" "$WORK/records"
# Records in the log: a deleted revocation, a forged record, racing revocations, `veta issue` killed
# at random moments (100 runs), an old store migrated.
suite "records in the log" records_log_cli.py "$VETA" "$WORK/records-log"
# The registry in the log: an inserted issuer row, a swapped assessor key, `veta store rebuild`, an old store migrated.
suite "registry in the log" registry_log_cli.py "$VETA" "$WORK/registry-log"
# Reporting from a damaged log: cohort, due and export refuse it.
suite "report refusal" report_refusal.py "$VETA" "$WORK/report-refusal"
# What a completion record means: hours achieved, cohort failures, long names, one issuance, the STPS form, working days.
suite "issuance rules" issuance_cli.py "$VETA" "$WORK/issuance"
# Curriculum versions: a bare code per trainee, supersession and retirement in the log, migrate, the catalogue audit.
suite "curriculum versions" versions_cli.py "$VETA" "$WORK/versions"
# The CASE export validates against the CASE 1.0 schema.
suite "CASE export" case_check.py "$VETA"
# Schema 1.1 constructs survive XML -> model -> CASE, each checked against xmlschema's decoding.
suite "CASE round trip per construct" case_roundtrip.py "$VETA"
# Schema 1.1 units: performance requirements in the engine, unit swaps in diff and migrate, markers and provenance in show.
suite "schema 1.1 units" schema11_units_cli.py "$VETA" "$WORK/schema11-units"
# Typed values: Veta's model equals xmlschema's decoded values for lexical variants of every typed component.
suite "typed values" xsd_values.py "$VETA" "$WORK/values"
# Audits: catalogue rules on fixtures, records rules on a store, report determinism.
suite "audits" audit_cli.py "$VETA" "$WORK/audit"
# Corrections and provenance: transitive voiding, voided sign-offs, reinstatement, refusals at the door.
suite "corrections" corrections_cli.py "$VETA" "$WORK/corrections"
# Dates and time: the site's local "today", the time zone setting, --as-of, --known-at, the audit at issue.
suite "dates and time" dates_cli.py "$VETA" "$WORK/dates"
# Everyday administration: listings and amendment history, key rotation, entries, batch corrections, import undo, drafts, sites, due.
suite "everyday administration" admin_cli.py "$VETA" "$WORK/admin"
# What a record means, the last gaps: import resolves a bare code per trainee, voiding along prerequisites, batch corrections follow the single rule.
suite "record rules" record_rules_cli.py "$VETA" "$WORK/record-rules"
# Publication: veta site build (did:web, status list, pages) and verification without the store.
suite "publishing" site_cli.py "$VETA" "$WORK/site"
# Outside fixes B: the audit at issue by log position, entries and import --undo by the engine's voiding, what is missing, authorisations.
suite "outside fixes B" outside_fixes_b.py "$VETA" "$WORK/outside-b"
# Outside tester, first half: the site's today everywhere, no future-dated write, admission rules, sign-offs.
suite "outside fixes (a)" outside_fixes_a.py "$VETA" "$WORK/outside-a"
# What a record means, the remaining faults: validity by the site's day, identity from the log, --known-at names, no future-dated issue.
suite "record meaning" record_meaning_cli.py "$VETA" "$WORK/record-meaning"
# Authoring: the skeleton, show --detail, editors' schema locations, one-language drafts.
suite "authoring" authoring_cli.py "$VETA" "$WORK/authoring"
# Badges: baked SVG and PNG read by independent readers and verified; the DC-3's QR code (zbar) is the record page URL.
suite "badges" badge_cli.py "$VETA" "$WORK/badges"
# veta serve: content types, index.html, traversal refused, 404, TLS with a test CA, SIGTERM and SIGINT.
suite "serve" serve_cli.py "$VETA" "$WORK/serve"
# The independent round trip: openbadgeslib resolves did:web over TLS from `veta serve` (test CA) and checks the status list.
suite "ob3 round trip" ob3_roundtrip.py "$VETA" "$WORK/ob3-roundtrip"
# Outside tester (c): one issuer URL rule, embedded did:key not VALID, site key and publication, nbf/exp instants, exits.
suite "outside fixes (c)" outside_fixes_c.py "$VETA" "$WORK/outside-c"
# breakit5 part D: site refusals, status list time, page privacy, stale builds, serve errors, ambiguous badges, drafts, help.
suite "outside fixes (d)" outside_fixes_d.py "$VETA" "$WORK/outside-d"
# A compromised issuer key retired: KEY COMPROMISED from its date on (store, site, rebuild), earlier records stand, reissue.
suite "key retirement" key_retirement_cli.py "$VETA" "$WORK/key-retirement"
# serve and new curriculum in JSON, verify --help, did:web with a path, the DC-3 code measured with the form's fonts.
suite "publishing formats" publishing_formats_cli.py "$VETA" "$WORK/publishing-formats"
# issue 14: two mine sites and the centre exchange signed bundles; conflicts named; every chain verifies at the centre.
suite "sites and synchronisation" sync_cli.py "$VETA" "$WORK/sync"
# Sync over HTTPS: veta serve --sync-store, sync push and pull, refusals and failures with their exit codes.
suite "sync over HTTPS" sync_https_cli.py "$VETA" "$WORK/sync-https"
# The benchmark's C floor verifies the same stores as `veta ledger verify` (schema version 8, every kind).
suite "C floor agrees" floor_agrees.py "$VETA" "$WORK/floor-agrees"
# breakit6 part F: JSON error objects, plain refusals and libxml2/TLS words, exit codes, validate reports every path.
suite "outside fixes (f)" outside_fixes_f.py "$VETA" "$WORK/outside-f"
# breakit6 part E: no record NOT VALID published or listed as valid, enrolment import sites, unassessed occasions, checkpoints over a broken chain, badge --force.
suite "outside fixes (e)" outside_fixes_e.py "$VETA" "$WORK/outside-e"
# breakit7 open findings: reissue --format json, sync export --for a new site, bundle cut/CRLF/extra lines, a future compromise date, status --site of a CURP conflict, badge onto a dangling link.
suite "outside fixes (g)" outside_fixes_g.py "$VETA" "$WORK/outside-g"
# breakit8 findings 3-6: no trap on a closed stdout (PostgreSQL, VETA_TEST_POSTGRES), serve --sync-store start-up refusals, IP hosts.
suite "outside fixes (i)" outside_fixes_i.py "$VETA" "$WORK/outside-i"
# breakit8 findings 7-9: import sites on every path, a bundle with a byte-order mark, reissue of a re-issued record.
suite "outside fixes (j)" outside_fixes_j.py "$VETA" "$WORK/outside-j"
# breakit8 findings 1-2: an imported copy of this store's own entry is known only when this store holds that entry, the same one.
suite "outside fixes (h)" outside_fixes_h.py "$VETA" "$WORK/outside-h"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
