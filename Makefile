# Acogida: `make run` installs, builds and serves the demo; `make test` installs, builds and
# runs every test. Both are idempotent and quick the second time.
BUILD ?= build
JOBS ?= 2
DB ?= var/acogida.db
PORT ?= 8080
WEB_SOURCES := $(shell find web/src web/index.html web/vite.config.ts web/tsconfig.json -type f 2>/dev/null)

.PHONY: all deps build web run test bench clean

all: build web

deps: $(BUILD)/.deps-ok

$(BUILD)/.deps-ok: scripts/install-deps.sh
	bash scripts/install-deps.sh
	mkdir -p $(BUILD) && touch $@

$(BUILD)/build.ninja: CMakeLists.txt | $(BUILD)/.deps-ok
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

web/node_modules/.installed: web/package.json web/package-lock.json | $(BUILD)/.deps-ok
	cd web && npm ci --no-audit --no-fund
	touch $@

web/dist/index.html: web/node_modules/.installed $(WEB_SOURCES)
	cd web && npm run build

web: deps web/dist/index.html

$(DB): | build
	mkdir -p $(dir $(DB))
	$(BUILD)/acogida demo-data --db $(DB)

run: build web $(DB)
	$(BUILD)/acogida serve --db $(DB) --port $(PORT) --web web/dist

test: build web
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	bash bench/run_http_bench.sh

clean:
	rm -rf $(BUILD) web/dist
