# eRPPS Desktop. The two commands a newcomer needs are `make run` and
# `make test` (see README.md).
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
DESKTOP_TAGS := desktop,production,webkit2_41

.PHONY: run deps frontend build windows web server server-bin test bindings clean

## run: install what is needed, build, and start the desktop app with demo data
## (without a display, starts browser mode on http://127.0.0.1:8080/).
run: deps build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then ./build/bin/erpps; \
	else echo "Pas d'affichage graphique : mode navigateur, ouvrez l'adresse affichée ci-dessous (avec son jeton)"; ./build/bin/erpps web --addr 127.0.0.1:8080; fi

deps:
	.ci/deps.sh run

frontend/dist/index.html: $(shell find frontend/src frontend/index.html frontend/package.json -type f 2>/dev/null)
	cd frontend && npm run build

frontend: deps frontend/dist/index.html

## build: the Linux desktop binary (GTK/WebKitGTK 4.1), build/bin/erpps
build: frontend
	go build -tags $(DESKTOP_TAGS) -ldflags "$(LDFLAGS)" -o build/bin/erpps .

## windows: the Windows binary, cross-compiled without cgo, build/bin/erpps.exe
windows: frontend
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -tags desktop,production -ldflags "$(LDFLAGS) -H windowsgui" -o build/bin/erpps.exe .

## web: browser mode on 127.0.0.1:8080 (open the address it prints, with its token)
web: build
	./build/bin/erpps web --addr 127.0.0.1:8080

## server: erpps-server on its embedded SQLite store with demo data, on
## http://127.0.0.1:8443/ (no setup; data in build/server-data)
SERVER_DATA ?= build/server-data
SERVER_ADDR ?= 127.0.0.1:8443
server: server-bin
	./build/bin/erpps-server seed-demo --data $(SERVER_DATA)
	./build/bin/erpps-server serve --addr $(SERVER_ADDR) --data $(SERVER_DATA)

## server-bin: the server binary, pure Go, build/bin/erpps-server
server-bin: frontend
	CGO_ENABLED=0 go build -ldflags "$(LDFLAGS)" -o build/bin/erpps-server ./backend/cmd/erpps-server

## test: every test (installs what the tests need when missing)
test:
	.ci/test.sh

## bindings: regenerate the TypeScript bindings (needs the wails CLI)
bindings:
	wails generate module -tags webkit2_41

clean:
	rm -rf build/bin build/test-artifacts frontend/dist
