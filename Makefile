# bdconf: `make test` is what CI runs; `make golden` refreshes golden/.
GO       ?= go
PROFILES := $(sort $(notdir $(wildcard profiles/*)))
UPSTREAM ?= ../shared/upstream
# READERS is the module of the independent readers of the golden output
# (a Go HDFS client and kustomize), apart so that go.mod stays small; its
# modules come from the Go module proxy.
READERS  := .ci/readers

.PHONY: all build test vet golden bench catalogs clean e2e fuzz readers

all: build test

build:
	$(GO) build -o bin/bdconf ./cmd/bdconf

vet:
	@unformatted="$$(gofmt -l cmd compiler schema $(READERS))"; \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	cd $(READERS) && $(GO) vet ./...

# test runs every test, including the golden check (TestGolden) and the JDK
# round trip, which needs java on PATH, then the independent readers.
test: vet
	$(GO) test -count=1 ./...
	$(MAKE) --no-print-directory readers

# readers checks golden/ with them (TestHDFSClientReadsEmittedConfig,
# TestKustomizeBuildsEmittedObjects).
readers:
	cd $(READERS) && $(GO) test -count=1 ./...

# e2e builds etcd and kube-apiserver from the Go module proxy (cached under
# ~/.cache/bdconf/kube; a cold build takes minutes, see .ci/kube/build.sh)
# and applies every golden manifest to them (TestAPIServer), after proving
# the vendored cert-manager CRD validates Certificates (TestCertificateCRD).
e2e:
	BDCONF_KUBE_BIN="$$(GO=$(GO) .ci/kube/build.sh)" && export BDCONF_KUBE_BIN && \
	BDCONF_REQUIRE_E2E=1 $(GO) test -count=1 -timeout 20m -run 'TestAPIServer|TestCertificateCRD' -v ./compiler/ ./compiler/internal/kubetest/

# golden rewrites golden/<platform> for every reference profile.
golden: build
	@for p in $(PROFILES); do ./bin/bdconf build profiles/$$p -o golden || exit 1; done

# fuzz runs every fuzzer for FUZZTIME beyond its committed seeds (which
# make test runs); a failure leaves its input under testdata/fuzz to commit.
FUZZTIME ?= 30s
FUZZERS  := ./compiler:FuzzCompileErrorsArePositioned ./compiler:FuzzScalarsKeepTheirMeaning \
	./compiler:FuzzTypedTextWrittenAsGiven ./compiler/native:FuzzHadoopXML ./compiler/native:FuzzJavaProperties
fuzz:
	@for f in $(FUZZERS); do \
		echo "fuzz $${f#*:} ($(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$${f#*:}$$" -fuzztime $(FUZZTIME) "$${f%%:*}" || exit 1; \
	done

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./compiler/ ./cmd/bdconf-catalog/

# catalogs regenerates schema/catalog from the upstream configuration catalogs.
catalogs:
	$(GO) run ./cmd/bdconf-catalog -upstream $(UPSTREAM) -out schema/catalog

clean:
	rm -rf bin out
