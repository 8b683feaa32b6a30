# Veta: the two set-up commands are `make demo` and `make test`; each installs what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
SWIFT ?= swift
BUILD_FLAGS ?=
VETA = .build/debug/veta
APT_PACKAGES = libxml2-dev libxml2-utils libsqlite3-dev sqlite3 libhpdf-dev libqrencode-dev fonts-dejavu-core poppler-utils pkg-config strace time openssl
PY_PACKAGES = xmlschema jsonschema
LINT_PATHS = $(shell find Sources Tests -name '*.swift' ! -name 'BundledSchema.swift' ! -name 'PolicySchema.swift')


.PHONY: demo-curricula demo-progress
.PHONY: all build demo test bench lint deps py-deps embed-schema golden rules-doc clean

all: build

## deps: install the Debian packages the build needs, if any is missing
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

## py-deps: the independent checkers the tests compare against (Python xmlschema, jsonschema, and the
## Open Badges 3.0 oracle's requirements from ../shared/oracles/ob3)
OB3_ORACLE ?= ../shared/oracles/ob3
py-deps:
	@python3 -c 'import xmlschema, jsonschema' 2>/dev/null || python3 -m pip install -q --disable-pip-version-check $(PY_PACKAGES)
	@python3 -c 'import pyld, joserfc, cryptography' 2>/dev/null || \
	  python3 -m pip install -q --disable-pip-version-check -r $(OB3_ORACLE)/requirements.txt

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
	@echo "== veta validate Examples (one invalid file per rule: findings expected, exit 1)"
	@rc=0; $(VETA) validate Examples > .build/demo-examples.txt 2>&1 || rc=$$?; \
	  head -n 6 .build/demo-examples.txt; echo "  ..."; tail -n 1 .build/demo-examples.txt; \
	  if [ $$rc -ne 1 ]; then echo "expected exit 1 from the invalid examples, got $$rc"; exit 1; fi; \
	  echo "exit $$rc: every invalid example is caught"

## demo-progress: a fresh demo store: publish, register, enrol, record a unit to completion, sign off, status, verify
DEMO = .build/demo
demo-progress: build
	@rm -rf $(DEMO) && mkdir -p $(DEMO)
	@echo "== trainee progress (demo store $(DEMO)/veta.sqlite)"
	@set -x; export VETA_STORE=$(DEMO)/veta.sqlite; \
	$(VETA) publish Curricula; \
	$(VETA) org add --rfc MFR110315AB1 --name "Minera Fresnillo" --site "Mina Saucito"; \
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
	$(VETA) ledger verify
	@echo "== completion records: issue and verify one OB3 credential and one DC-3 PDF"
	@set -x; export VETA_STORE=$(DEMO)/veta.sqlite; \
	$(VETA) keys generate --name issuer --out $(DEMO)/keys; \
	$(VETA) issuer add --url https://capacitacion.example.mx --name "Capacitación Minera del Norte, S.C." --rfc CMN150101AB1 \
	  --stps CAP-123456-ABC-0013 --public-key $(DEMO)/keys/issuer.public.jwk; \
	$(VETA) issue --trainee T001 --curriculum VTOPHT --unit RIIWHS201E --format all --issuer https://capacitacion.example.mx \
	  --key $(DEMO)/keys/issuer.private.jwk --out $(DEMO)/records --as-of 2026-11-20; \
	$(VETA) verify $(DEMO)/records/VETA-2026-000001.jwt --as-of 2026-11-20; \
	$(VETA) verify $(DEMO)/records/VETA-2026-000002.pdf --as-of 2026-11-20; \
	python3 $(OB3_ORACLE)/ob3-verify --now 2026-11-20T00:00:00Z $(DEMO)/records/VETA-2026-000001.jwt; \
	$(VETA) dc4 --employer MFR110315AB1 --year 2026
	@echo "== audits"
	@set -x; export VETA_STORE=$(DEMO)/veta.sqlite; \
	$(VETA) audit catalogue Curricula --policy Schemas/audit-policy.xml; \
	$(VETA) audit records --as-of 2026-11-20

lint:
	$(SWIFT) format lint --strict --configuration .swift-format $(LINT_PATHS)

## test: unit tests, golden diagnostics, cross-checks and CLI end-to-end checks
test: deps py-deps lint
	$(SWIFT) build $(BUILD_FLAGS)
	$(SWIFT) test $(BUILD_FLAGS)
	bash Tests/cli/run.sh $(VETA)

## bench: validation against xmllint and Python xmlschema, then trainee progress at scale; writes BENCHMARKS.md
BENCH_TRAINEES ?= 100000
BENCH_ENTRIES ?= 1000000
bench: deps py-deps
	$(SWIFT) build -c release $(BUILD_FLAGS)
	python3 Tests/bench/bench.py --veta .build/release/veta --out BENCHMARKS.md
	python3 Tests/bench/bench_progress.py --veta .build/release/veta --veta-bench .build/release/veta-bench \
	  --trainees $(BENCH_TRAINEES) --entries $(BENCH_ENTRIES) --out BENCHMARKS.md
	python3 Tests/bench/bench_records.py --veta-bench .build/release/veta-bench --count 10000 --out BENCHMARKS.md

clean:
	rm -rf .build

## golden: rewrite Examples/*.expected from the current output (review the diff before committing)
golden: build
	@for f in Examples/*.xml; do \
	  $(VETA) validate "$$f" | sed '$$d' > "$${f%.xml}.expected" || true; \
	done; echo "rewrote $$(ls Examples/*.expected | wc -l) golden files"

## rules-doc: regenerate Schemas/RULES.md from the rule catalog and the examples
rules-doc: build
	$(VETA) rules --format markdown --examples Examples > Schemas/RULES.md
