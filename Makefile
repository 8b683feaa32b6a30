# Veta: the two set-up commands are `make demo` and `make test`; each installs what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
SWIFT ?= swift
BUILD_FLAGS ?=
VETA = .build/debug/veta
APT_PACKAGES = libxml2-dev zlib1g-dev libxml2-utils libsqlite3-dev sqlite3 libhpdf-dev libqrencode-dev fonts-dejavu-core poppler-utils pkg-config strace time openssl faketime python3-venv libssl-dev zbar-tools postgresql-15
# The independent checkers the tests compare against, from PyPI, pinned, in a virtual environment of
# their own (.build-py) so nothing is installed into the system's Python.
PY_PACKAGES = xmlschema==4.3.2 jsonschema==4.26.0 openbadgeslib==4.6.3
PY_ENV = .build-py
PY = $(PY_ENV)/venv/bin/python
# The CSV reader is compiled alone into the CSV fuzz harness: it must not grow dependencies.
FUZZ_CSV_SOURCES = $(filter-out Sources/VetaProgress/Import/CSVStream.swift,$(wildcard Sources/VetaProgress/Import/CSV*.swift))
LINT_PATHS = $(shell find Sources Tests -name '*.swift' ! -name 'BundledSchema.swift' ! -name 'PolicySchema.swift')


.PHONY: demo-curricula demo-progress
.PHONY: all build demo test bench bench-lib bench-validate bench-pg lint deps py-deps oracle-deps embed-schema golden rules-doc clean fuzz fuzz-build fuzz-smoke

all: build

## deps: install the Debian packages the build needs, if any is missing
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

## py-deps: the independent checkers the tests compare against (Python xmlschema, jsonschema and
## openbadgeslib, an Open Badges 3.0 verifier), in $(PY_ENV)/venv
py-deps: $(PY_ENV)/venv/.installed
$(PY_ENV)/venv/.installed: Makefile
	@test -x $(PY) || python3 -m venv $(PY_ENV)/venv
	@echo "installing into $(PY_ENV)/venv: $(PY_PACKAGES)"
	@$(PY) -m pip install -q --disable-pip-version-check $(PY_PACKAGES)
	@touch $@

## oracle-deps: when a checkout of the project's shared oracles sits beside this one (OB3_ORACLE),
## its requirements, in a virtual environment of their own; nothing needs it
OB3_ORACLE ?= $(abspath ..)/shared/oracles/ob3
ORACLE_PY = $(PY_ENV)/oracle/bin/python
oracle-deps:
	@if [ -f "$(OB3_ORACLE)/requirements.txt" ]; then \
	  test -x $(ORACLE_PY) || python3 -m venv $(PY_ENV)/oracle; \
	  $(ORACLE_PY) -c 'import pyld, joserfc, cryptography' 2>/dev/null || \
	    $(ORACLE_PY) -m pip install -q --disable-pip-version-check -r "$(OB3_ORACLE)/requirements.txt"; \
	fi

## embed-schema: regenerate the copy of Schemas/curriculum.xsd compiled into the library
embed-schema:
	@{ echo '// Generated from Schemas/curriculum.xsd by `make embed-schema`. Do not edit.'; \
	   echo '// A test checks that it matches the file byte for byte.'; \
	   echo 'enum BundledSchema {'; \
	   echo '    static let path = "Schemas/curriculum.xsd"'; \
	   echo '    static let text = #"""'; \
	   cat Schemas/curriculum.xsd; \
	   echo '"""#'; \
	   echo '}'; } > Sources/VetaCurricula/Schema/BundledSchema.swift
	@{ echo '// Generated from Schemas/audit-policy.xsd by `make embed-schema`. Do not edit.'; \
	   echo '// A test checks that it matches the file byte for byte.'; \
	   echo 'enum PolicySchema {'; \
	   echo '    static let path = "Schemas/audit-policy.xsd"'; \
	   echo '    static let text = #"""'; \
	   cat Schemas/audit-policy.xsd; \
	   echo '"""#'; \
	   echo '}'; } > Sources/VetaAudit/Policy/PolicySchema.swift

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

## demo: the main job end to end on the shipped curricula
demo: build py-deps demo-curricula demo-progress

demo-curricula: build
	@echo "== veta validate Curricula"
	$(VETA) validate Curricula
	@echo "== veta show (each shipped curriculum)"
	@for f in Curricula/*.xml; do $(VETA) show "$$f"; echo; done
	@echo "== veta show --detail (a real unit's texts, with its foundation skills)"
	$(VETA) show --detail --lang en Examples/valid-foundation-skills.xml
	@echo "== veta show --detail (performance requirements, each with its own occasions; their wording is the project's)"
	$(VETA) show --detail --lang en Examples/valid-performance-requirements.xml
	@echo "== veta show --detail (a real unit transcribed in steps: its provenance and what is not transcribed yet)"
	$(VETA) show --detail --lang en Examples/valid-draft-real-unit.xml
	@echo "== veta show --detail (three real RII units in steps: RIIRIS201E's performance requirement verbatim, what is not transcribed yet)"
	$(VETA) show --detail --lang en Examples/valid-draft-real-units.xml
	@echo "== veta validate Examples (one invalid file per rule: findings expected, exit 1)"
	@rc=0; $(VETA) validate Examples > .build/demo-examples.txt 2>&1 || rc=$$?; \
	  head -n 6 .build/demo-examples.txt; echo "  ..."; tail -n 1 .build/demo-examples.txt; \
	  if [ $$rc -ne 1 ]; then echo "expected exit 1 from the invalid examples, got $$rc"; exit 1; fi; \
	  echo "exit $$rc: every invalid example is caught"

## demo-progress: a fresh demo store: publish, register, enrol, record a unit to completion, sign off, status, verify,
## then a signed checkpoint and verification against it
DEMO = .build/demo
demo-progress: build
	@rm -rf $(DEMO) && mkdir -p $(DEMO)
	@echo "== trainee progress (demo store $(DEMO)/veta.sqlite)"
	@set -x; export VETA_STORE=$(DEMO)/veta.sqlite; \
	$(VETA) publish Curricula; \
	$(VETA) store set-timezone America/Mexico_City --reason "sitio en Zacatecas"; \
	$(VETA) org add --rfc MFR110315AB1 --name "Minera Fresnillo" --site "Mina Saucito" --site Mina-Saucito --legal-representative "Lic. Begoña Güémez Treviño"; \
	$(VETA) trainee add --id T001 --paternal García --maternal López --given "Ana María" --curp GALA900101MZSRPN05 \
	  --employer MFR110315AB1 --occupation "Operadora de camión de acarreo" --job-title Operadora; \
	$(VETA) keys generate --name A01 --out $(DEMO)/keys; \
	$(VETA) assessor add --id A01 --name "Luis Pérez" --accreditation "CONOCER EV-1234" --unit RIIWHS201E --unit RIIMPO338E \
	  --public-key $(DEMO)/keys/A01.public.jwk; \
	$(VETA) enrol T001 VTOPHT --date 2026-11-02 --site "Mina Saucito"; \
	R="$(VETA) record --trainee T001 --curriculum VTOPHT --unit RIIWHS201E --assessor A01 --outcome satisfactory --site Mina-Saucito"; \
	$$R --target element:1 --method observation --date 2026-11-09 --hours 4; \
	$$R --target element:2 --method practical --date 2026-11-16 --hours 4; \
	for k in K1 K2 K3 K4 K5 K6 K7; do $$R --target knowledge:$$k --method written-test --date 2026-11-16 --hours 0.25; done; \
	$(VETA) signoff --trainee T001 --curriculum VTOPHT --unit RIIWHS201E --assessor A01 --key $(DEMO)/keys/A01.private.jwk --date 2026-11-17; \
	$(VETA) status T001 --as-of 2026-11-20; \
	$(VETA) cohort VTOPHT --as-of 2026-11-20; \
	$(VETA) ledger verify && \
	$(VETA) keys generate --name site --out $(DEMO)/keys && \
	$(VETA) ledger checkpoint --key $(DEMO)/keys/site.private.jwk --out $(DEMO)/checkpoints/first.checkpoint && \
	$(VETA) ledger verify --checkpoint $(DEMO)/checkpoints --key-public $(DEMO)/keys/site.public.jwk
	@echo "== completion records: issue and verify one OB3 credential and one DC-3 PDF"
	@set -x; export VETA_STORE=$(DEMO)/veta.sqlite; \
	$(VETA) keys generate --name issuer --out $(DEMO)/keys; \
	$(VETA) issuer add --url https://capacitacion.example.mx --name "Capacitación Minera del Norte, S.C." --rfc CMN150101AB1 \
	  --stps CAP-123456-ABC-0013 --public-key $(DEMO)/keys/issuer.public.jwk; \
	$(VETA) issue --trainee T001 --curriculum VTOPHT --unit RIIWHS201E --format all --issuer https://capacitacion.example.mx \
	  --key $(DEMO)/keys/issuer.private.jwk --out $(DEMO)/records --as-of 2026-11-20; \
	$(VETA) verify $(DEMO)/records/VETA-2026-000001.jwt --as-of 2026-11-20; \
	$(VETA) verify $(DEMO)/records/VETA-2026-000002.pdf --as-of 2026-11-20; \
	faketime '2026-11-20 12:00:00' $(PY) Tests/cli/ob3_check.py $(DEMO)/keys/issuer.public.jwk $(DEMO)/records/VETA-2026-000001.jwt; \
	$(VETA) dc4 --employer MFR110315AB1 --year 2026; \
	$(VETA) revoke VETA-2026-000001 --reason "demo: evidence found to be forged" --date 2026-11-20; \
	$(VETA) verify $(DEMO)/records/VETA-2026-000001.jwt --as-of 2026-11-20 || echo "(the revoked credential is NOT VALID, REVOKED: exit $$?)"; \
	$(VETA) verify $(DEMO)/records/VETA-2026-000002.pdf --as-of 2026-11-20 || echo "(its DC-3, issued with it, is revoked with it: exit $$?)"
	@echo "== an amendment, a correction, and a new version with migrate"
	@set -x; export VETA_STORE=$(DEMO)/veta.sqlite; \
	$(VETA) trainee amend --id T001 --job-title "Operadora de camión de acarreo" --reason "puesto corregido por Recursos Humanos"; \
	$(VETA) trainee show T001; \
	N=$$($(VETA) record --trainee T001 --curriculum VTOPHT --unit RIIMPO338E --target element:1 --method observation \
	  --outcome satisfactory --assessor A01 --date 2026-11-18 --site Mina-Saucito | sed -n 's/^entry \([0-9]*\):.*/\1/p'); \
	$(VETA) correct $$N --reason "registrada para la trabajadora equivocada" --date 2026-11-19; \
	$(VETA) entries --trainee T001 --unit RIIMPO338E; \
	sed -e 's/code="VTOPHT" version="1.0.0"/code="VTOPHT" version="1.1.0"/' \
	  -e 's#<published>2026-11-24</published>#<published>2026-11-25</published><supersedes code="VTOPHT" version="1.0.0" equivalent="yes"/>#' \
	  Curricula/operator-haul-truck.xml > $(DEMO)/operator-haul-truck-1.1.0.xml; \
	$(VETA) diff Curricula/operator-haul-truck.xml $(DEMO)/operator-haul-truck-1.1.0.xml; \
	$(VETA) publish $(DEMO)/operator-haul-truck-1.1.0.xml; \
	$(VETA) migrate --from VTOPHT@1.0.0 --to VTOPHT@1.1.0 --date 2026-11-25; \
	$(VETA) status T001 --as-of 2026-11-25; \
	$(VETA) ledger verify
	@echo "== audits"
	@set -x; export VETA_STORE=$(DEMO)/veta.sqlite; \
	$(VETA) audit catalogue Curricula --policy Schemas/audit-policy.xml; \
	$(VETA) audit records --as-of 2026-11-20
	@echo "== publishing: the issuer's static site (did:web, status list, verification pages)"
	@set -e; export VETA_STORE=$(DEMO)/veta.sqlite; \
	$(VETA) site build --out $(DEMO)/site --key $(DEMO)/keys/issuer.private.jwk | tee $(DEMO)/site-build.txt; \
	$(VETA) verify $(DEMO)/site/records/VETA-2026-000001/credential.jwt --did-document $(DEMO)/site --as-of 2026-11-20 \
	  || echo "(revoked above, so the site's status list says REVOKED: exit $$?)"; \
	echo "record page: $$(grep -m1 -o 'https://[^ ]*/records/VETA-2026-000001/' $(DEMO)/site-build.txt)"

lint:
	$(SWIFT) format lint --strict --configuration .swift-format $(LINT_PATHS)

## test: unit tests, golden diagnostics, cross-checks and CLI end-to-end checks
test: deps py-deps oracle-deps lint
	$(SWIFT) build $(BUILD_FLAGS)
	bash Tests/pg/with-cluster.sh $(SWIFT) test $(BUILD_FLAGS)
	$(MAKE) --no-print-directory fuzz-smoke
	PYTHON=$(abspath $(PY)) ORACLE_PYTHON=$(abspath $(ORACLE_PY)) OB3_ORACLE=$(OB3_ORACLE) bash Tests/pg/with-cluster.sh bash Tests/cli/run.sh $(VETA)

## bench: validation against xmllint and Python xmlschema, then trainee progress at scale; writes BENCHMARKS.md
BENCH_TRAINEES ?= 100000
BENCH_ENTRIES ?= 1000000
bench: deps py-deps
	$(SWIFT) build -c release $(BUILD_FLAGS)
	$(PY) Tests/bench/bench.py --veta .build/release/veta --out BENCHMARKS.md
	@mkdir -p bench-out
	cc -O2 -o bench-out/ledger-floor Tests/bench/floor/ledger_floor.c -lsqlite3 -lcrypto
	$(PY) Tests/bench/bench_progress.py --veta .build/release/veta --veta-bench .build/release/veta-bench --floor bench-out/ledger-floor \
	  --trainees $(BENCH_TRAINEES) --entries $(BENCH_ENTRIES) --out BENCHMARKS.md
	$(PY) Tests/bench/bench_records.py --veta-bench .build/release/veta-bench --count 10000 --out BENCHMARKS.md

## bench-validate: issue 11's rows with only a release build of the veta CLI: one 4,000-unit curriculum against
## xmllint (CPU time and callgrind instruction counts), units against time (1k, 4k, 8k, 32k units) and a file at the
## 64 MiB limit; replaces the marked "validate" section of BENCHMARKS.md
bench-validate: py-deps
	$(SWIFT) build -c release --product veta $(BUILD_FLAGS)
	$(PY) Tests/bench/bench.py --veta .build/release/veta --skip catalogue,python,oneline --runs 9 --section validate --out BENCHMARKS.md

## bench-pg: issue 14's rows on a throwaway PostgreSQL cluster (Tests/pg/with-cluster.sh), release veta: evidence import
## next to psql \copy of the same CSV, status p50/p99, sync import of a site bundle; replaces the marked "pg" section of BENCHMARKS.md
PG_BENCH_TRAINEES ?= 10000
PG_BENCH_ENTRIES ?= 100000
PG_BENCH_SITE_TRAINEES ?= 2000
PG_BENCH_SITE_ENTRIES ?= 50000
bench-pg: py-deps
	$(SWIFT) build -c release --product veta $(BUILD_FLAGS)
	bash Tests/pg/with-cluster.sh $(PY) Tests/bench/bench_pg.py --veta .build/release/veta --trainees $(PG_BENCH_TRAINEES) --samples 100 \
	  --entries $(PG_BENCH_ENTRIES) --site-trainees $(PG_BENCH_SITE_TRAINEES) --site-entries $(PG_BENCH_SITE_ENTRIES) --section pg --out BENCHMARKS.md

## bench-lib: issue 9's rows with only a release build of veta-bench (its import/verify/cohort make the commands'
## library calls; the debug veta sets the store up), then instruction counts against the C floor on a small store;
## prints to bench-out/*.md (copy rows into BENCHMARKS.md by hand)
bench-lib: py-deps
	$(SWIFT) build -c release --product veta-bench $(BUILD_FLAGS)
	$(SWIFT) build --product veta $(BUILD_FLAGS)
	@mkdir -p bench-out
	cc -O2 -o bench-out/ledger-floor Tests/bench/floor/ledger_floor.c -lsqlite3 -lcrypto
	$(PY) Tests/bench/bench_progress.py --veta $(VETA) --veta-bench .build/release/veta-bench --floor bench-out/ledger-floor \
	  --trainees $(BENCH_TRAINEES) --entries $(BENCH_ENTRIES) --library --out bench-out/progress.md
	$(PY) Tests/bench/bench_progress.py --veta $(VETA) --veta-bench .build/release/veta-bench --floor bench-out/ledger-floor \
	  --trainees 2000 --entries 40000 --library --dir bench-out/progress-small --out bench-out/progress-small.md
	$(PY) Tests/bench/bench_instructions.py --veta-bench .build/release/veta-bench --floor bench-out/ledger-floor \
	  --progress bench-out/progress-small --out bench-out/instructions.md
	$(PY) Tests/bench/bench_records.py --veta-bench .build/release/veta-bench --count 10000 --out bench-out/records.md

## fuzz: the libFuzzer harnesses (Tests/fuzz) for the curriculum reader and the CSV reader, each for
## FUZZ_SECONDS (default 600) from the corpus in the repository; new corpus entries go to
## .build-fuzz/corpus, crashes to .build-fuzz/crashes (add each as a regression file, see Tests/fuzz/README.md).
## make test runs fuzz-smoke: every regression file, then each harness for FUZZ_SMOKE_SECONDS.
FUZZ_DIR = .build-fuzz
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 20
SWIFTC ?= swiftc
FUZZ_SWIFTFLAGS = -parse-as-library -sanitize=fuzzer,address -swift-version 6 \
  -enable-upcoming-feature InternalImportsByDefault -enable-upcoming-feature ExistentialAny
fuzz-build: $(FUZZ_DIR)/fuzz-curriculum $(FUZZ_DIR)/fuzz-csv
$(FUZZ_DIR)/fuzz-curriculum: Tests/fuzz/FuzzCurriculum.swift $(shell find Sources/VetaCurricula -name '*.swift')
	@mkdir -p $(FUZZ_DIR)
	@echo "swiftc -sanitize=fuzzer,address ... -o $@"
	@$(SWIFTC) $(FUZZ_SWIFTFLAGS) -module-name VetaCurricula -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 \
	  $(shell find Sources/VetaCurricula -name '*.swift') Tests/fuzz/FuzzCurriculum.swift -o $@.tmp >$@.log 2>&1 \
	  || { grep -v 'ld.gold: warning' $@.log; rm -f $@.tmp; exit 1; }
	@mv $@.tmp $@
$(FUZZ_DIR)/fuzz-csv: Tests/fuzz/FuzzCSV.swift $(FUZZ_CSV_SOURCES)
	@mkdir -p $(FUZZ_DIR)
	@echo "swiftc -sanitize=fuzzer,address ... -o $@"
	@$(SWIFTC) $(FUZZ_SWIFTFLAGS) -module-name VetaProgress $(FUZZ_CSV_SOURCES) Tests/fuzz/FuzzCSV.swift -o $@.tmp >$@.log 2>&1 \
	  || { grep -v 'ld.gold: warning' $@.log; rm -f $@.tmp; exit 1; }
	@mv $@.tmp $@

# One harness: regressions first (each must pass), then $(2) seconds of fuzzing from the corpus.
define run_fuzz
	@mkdir -p $(FUZZ_DIR)/corpus/$(1) $(FUZZ_DIR)/crashes/$(1)
	@echo "== fuzz $(1): $$(ls Tests/fuzz/regressions/$(1) | wc -l) regression inputs, then $(2) s"
	@if [ -n "$$(ls Tests/fuzz/regressions/$(1))" ]; then $(FUZZ_DIR)/fuzz-$(1) -rss_limit_mb=4096 Tests/fuzz/regressions/$(1)/* 2>&1 | tail -n 1; fi
	@$(FUZZ_DIR)/fuzz-$(1) -max_total_time=$(2) -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
	  -artifact_prefix=$(FUZZ_DIR)/crashes/$(1)/ $(FUZZ_DIR)/corpus/$(1) Tests/fuzz/corpus/$(1) $(3) 2>$(FUZZ_DIR)/$(1).log \
	  || { tail -n 40 $(FUZZ_DIR)/$(1).log; echo "fuzz $(1): crash saved in $(FUZZ_DIR)/crashes/$(1)"; exit 1; }
	@grep -E 'stat::number_of_executed_units' $(FUZZ_DIR)/$(1).log | sed 's/^/   /'
endef

fuzz-smoke: fuzz-build
	$(call run_fuzz,curriculum,$(FUZZ_SMOKE_SECONDS),Curricula Examples)
	$(call run_fuzz,csv,$(FUZZ_SMOKE_SECONDS),)

fuzz: fuzz-build
	$(call run_fuzz,curriculum,$(FUZZ_SECONDS),Curricula Examples)
	$(call run_fuzz,csv,$(FUZZ_SECONDS),)

clean:
	rm -rf .build $(FUZZ_DIR) $(PY_ENV)

## golden: rewrite Examples/*.expected from the current output (review the diff before committing)
golden: build
	@for f in Examples/*.xml; do \
	  $(VETA) validate "$$f" | sed '$$d' > "$${f%.xml}.expected" || true; \
	done; echo "rewrote $$(ls Examples/*.expected | wc -l) golden files"

## rules-doc: regenerate Schemas/RULES.md from the rule catalog and the examples
rules-doc: build
	$(VETA) rules --format markdown --examples Examples > Schemas/RULES.md
