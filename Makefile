# Lectio: a self-contained release build, install, uninstall, and a Debian package.
#
#   make                      the static release binary, its man page and completions (in .build/dist/):
#                             swift build -c release --static-swift-stdlib, then lectio generate-manual
#                             and lectio --generate-completion-script bash|zsh|fish
#   make install              into $(DESTDIR)$(PREFIX): bin/, share/man/man1/, completions
#   make uninstall            removes what install put there
#   make deb                  lectio_VERSION_ARCH.deb in this folder (needs dpkg-deb)
#
# PREFIX defaults to /usr/local; DESTDIR (empty) is prepended to every installed path, for
# staging. The version is `lectio --version` (CommandConfiguration in Sources/lectio/Lectio.swift).

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d

SWIFT ?= swift
# The Swift runtime and Foundation linked into the binary: it runs without a Swift toolchain.
# A build folder of its own, so that switching with `swift build -c release` (the benchmark's
# dynamic build) does not rebuild everything each time.
SWIFT_BUILD_FLAGS ?= -c release --static-swift-stdlib --scratch-path .build/static
INSTALL ?= install
DIST = .build/dist
# Where the man page's date comes from: the last commit, so that a rebuild gives the same page.
MANUAL_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date -u +%Y-%m-%d)

.PHONY: all build install uninstall deb clean

all: build

# SwiftPM knows what changed; make always asks it, then regenerates the page and completions.
build:
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product lectio
	mkdir -p $(DIST)
	cp "$$($(SWIFT) build $(SWIFT_BUILD_FLAGS) --show-bin-path)/lectio" $(DIST)/lectio
	$(DIST)/lectio generate-manual --date $(MANUAL_DATE) > $(DIST)/lectio.1
	$(DIST)/lectio --generate-completion-script bash > $(DIST)/lectio.bash
	$(DIST)/lectio --generate-completion-script zsh > $(DIST)/_lectio
	$(DIST)/lectio --generate-completion-script fish > $(DIST)/lectio.fish

# What `make` built (it builds first only if nothing is built yet, so that `sudo make install`
# after `make` does not run the Swift build as root).
install:
	@[ -s $(DIST)/lectio.fish ] || $(MAKE) --no-print-directory build
	$(INSTALL) -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)/man1" \
		"$(DESTDIR)$(BASHCOMPDIR)" "$(DESTDIR)$(ZSHCOMPDIR)" "$(DESTDIR)$(FISHCOMPDIR)"
	$(INSTALL) -m 755 $(DIST)/lectio "$(DESTDIR)$(BINDIR)/lectio"
	$(INSTALL) -m 644 $(DIST)/lectio.1 "$(DESTDIR)$(MANDIR)/man1/lectio.1"
	$(INSTALL) -m 644 $(DIST)/lectio.bash "$(DESTDIR)$(BASHCOMPDIR)/lectio"
	$(INSTALL) -m 644 $(DIST)/_lectio "$(DESTDIR)$(ZSHCOMPDIR)/_lectio"
	$(INSTALL) -m 644 $(DIST)/lectio.fish "$(DESTDIR)$(FISHCOMPDIR)/lectio.fish"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/lectio" "$(DESTDIR)$(MANDIR)/man1/lectio.1" \
		"$(DESTDIR)$(BASHCOMPDIR)/lectio" "$(DESTDIR)$(ZSHCOMPDIR)/_lectio" \
		"$(DESTDIR)$(FISHCOMPDIR)/lectio.fish"

# The package installs under /usr, with zsh completions where Debian's zsh looks for them, a
# stripped binary and a compressed man page (Debian policy). Depends: the package of every
# library `ldd` lists (found with `dpkg -S`; /lib and /usr/lib are the same folder on Debian).
deb: build
	@command -v dpkg-deb >/dev/null || { echo "make deb needs dpkg-deb (apt-get install dpkg)"; exit 1; }
	rm -rf $(DIST)/deb
	$(MAKE) --no-print-directory install DESTDIR="$(CURDIR)/$(DIST)/deb" PREFIX=/usr \
		ZSHCOMPDIR=/usr/share/zsh/vendor-completions
	if command -v strip >/dev/null; then strip --strip-unneeded $(DIST)/deb/usr/bin/lectio; fi
	gzip -9n $(DIST)/deb/usr/share/man/man1/lectio.1
	mkdir -p $(DIST)/deb/DEBIAN
	set -e; \
	version=$$($(DIST)/lectio --version); \
	arch=$$(dpkg --print-architecture); \
	depends=""; \
	for lib in $$(ldd $(DIST)/lectio | awk '/=>/ { print $$3 }'); do \
		real=$$(realpath "$$lib"); pkg=""; \
		for p in "$$lib" "$$real" "$${lib#/usr}" "$${real#/usr}" "/usr$$lib" "/usr$$real"; do \
			pkg=$$(dpkg -S "$$p" 2>/dev/null | head -n 1 | cut -d: -f1) && [ -n "$$pkg" ] && break; \
		done; \
		[ -n "$$pkg" ] || { echo "make deb: no package holds $$lib"; exit 1; }; \
		case ", $$depends, " in *", $$pkg, "*) ;; *) depends="$${depends:+$$depends, }$$pkg" ;; esac; \
	done; \
	size=$$(du -sk --exclude=DEBIAN $(DIST)/deb | cut -f1); \
	printf '%s\n' \
		"Package: lectio" \
		"Version: $$version" \
		"Architecture: $$arch" \
		"Maintainer: Lectio <lectio@localhost>" \
		"Installed-Size: $$size" \
		"Depends: $$depends" \
		"Section: text" \
		"Priority: optional" \
		"Description: terminal reader for close reading and study" \
		" Lectio opens a long text in a calm pane, shows every footnote in a popup over" \
		" the text, moves between sections, and keeps personal notes anchored to" \
		" passages. Reads plain text and Markdown; bundles an excerpt of Pierre Broue's" \
		" biography of Leon Sedov." \
		> $(DIST)/deb/DEBIAN/control; \
	dpkg-deb --root-owner-group --build $(DIST)/deb "lectio_$${version}_$${arch}.deb"

clean:
	rm -rf $(DIST) lectio_*.deb
