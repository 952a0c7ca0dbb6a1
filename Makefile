# xi: make (build), make run, make test, make asan, make fuzz, make bench, make install PREFIX=...
VERSION := 0.1.0
PREFIX ?= /usr/local
CC ?= cc
PKGS := mpfr readline libgvc
DEBS := libmpfr-dev libreadline-dev pkg-config libgraphviz-dev libflint-arb-dev

CFLAGS ?= -O3 -g
XI_CFLAGS := -std=c17 -ffp-contract=off -I. -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes -DXI_VERSION='"$(VERSION)"'
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(XI_CFLAGS) $(CFLAGS) $(PKG_CFLAGS)
# Arb (ball arithmetic, for proven digits) has no pkg-config file on Debian
LDLIBS += $(PKG_LIBS) -lflint-arb -lflint -lm

# objects go to $(OUT); the sanitizer build has its own, so it never mixes
OUT ?= build
# the layers, bottom up: diag (positions, errors), ops (the rules), syntax
# (tokens, code), tape (nodes, names), grad (sweeps), proof (balls), show
# (text), cmd (the session: statements and commands); repl (the command line
# and the prompt) is the program's own, outside libxi.a
LIB_SRC := diag/diag.c \
           ops/pool.c ops/ops.c ops/partial.c ops/bitops.c ops/fmt.c ops/tops.c ops/rops.c ops/iops.c ops/dops.c ops/sops.c ops/vops.c ops/rng.c ops/group.c ops/fspec.c ops/pcg64.c ops/zigtab.c \
           ops/bops.c ops/bdisc.c ops/btops.c ops/bmid.c ops/btmid.c \
           syntax/lex.c syntax/sym.c syntax/parse.c syntax/stmt.c syntax/assign.c syntax/cmdargs.c syntax/gradeargs.c syntax/expr.c syntax/binop.c syntax/subscript.c \
           syntax/numpy.c syntax/npspecial.c syntax/npforms.c syntax/pystmt.c syntax/pyimport.c syntax/pyprint.c syntax/pypercent.c syntax/pystr.c syntax/pydef.c syntax/pyparams.c \
           syntax/pylist.c syntax/pyclass.c syntax/pyfunc.c syntax/claims.c syntax/pytorch.c syntax/pytry.c syntax/pytypes.c \
           tape/graph.c tape/replay.c tape/renew.c tape/exec.c tape/call.c tape/env.c tape/operands.c tape/build.c tape/index.c tape/slice.c tape/npmake.c tape/npcall.c tape/npshape.c tape/npaxis.c tape/warn.c tape/names.c tape/unbind.c tape/label.c tape/undo.c tape/loop.c tape/pyval.c tape/pywalk.c tape/pycall.c tape/pymut.c tape/inplace.c tape/pyset.c tape/pyobj.c tape/autograd.c tape/nditer.c tape/torchm.c tape/pyrandom.c tape/npgen.c tape/pytype.c tape/pybuiltin.c tape/pystring.c tape/pyint.c tape/pystrval.c tape/pystrtmpl.c \
           grad/grad.c grad/adjoint.c grad/tangent.c grad/probe.c \
           proof/ball.c proof/adjball.c proof/sweep.c proof/tball.c proof/store.c proof/adjmid.c \
           show/num.c show/decimal.c show/print.c show/form.c show/steps.c show/prepare.c show/trace.c \
           show/digits.c show/npfmt.c show/pyfmt.c show/pyspec.c show/torchfmt.c show/dot.c show/svg.c show/export.c \
           cmd/session.c cmd/args.c cmd/output.c cmd/save.c cmd/proven.c cmd/pyrun.c cmd/pytext.c \
           cmd/pyclass.c cmd/pytry.c \
           cmd/dispatch.c \
           cmd/gradients.c cmd/tracing.c cmd/vars.c cmd/settings.c cmd/run.c cmd/check.c cmd/verdict.c \
           cmd/pictures.c cmd/help.c cmd/tangents.c cmd/gradcheck.c cmd/gradtable.c cmd/equiv.c cmd/compare.c \
           cmd/notes.c cmd/step.c cmd/grade.c cmd/marking.c cmd/marks.c cmd/world.c cmd/slips.c \
           cmd/why.c cmd/pytorch.c cmd/raised.c
XI_SRC := repl/main.c repl/line.c
LIB_OBJ = $(LIB_SRC:%.c=$(OUT)/%.o) $(OUT)/show/page.o
XI_OBJ = $(XI_SRC:%.c=$(OUT)/%.o)
HDRS := $(wildcard diag/*.h ops/*.h syntax/*.h tape/*.h grad/*.h proof/*.h show/*.h cmd/*.h repl/*.h)
SAN := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
# the fuzzer (fuzz/): clang's libFuzzer, objects in build/fuzz
FUZZ_SECONDS ?= 600
FUZZ_CC ?= clang
FUZZ_DEBS := clang libclang-rt-dev
FUZZ_SAN := -O1 -g -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

.PHONY: all run test asan fuzz fuzz-build fuzz-deps valgrind valgrind-deps bench install clean deps
all: deps xi

# Missing Debian packages are installed here (with sudo when not root), so a
# fresh machine needs nothing by hand.  Elsewhere, install MPFR, readline,
# Graphviz's libraries (libgvc, for svg and export), Arb and pkg-config yourself.
deps:
	@if ! pkg-config --exists $(PKGS) 2>/dev/null || ! echo '#include <arb.h>' | $(CC) -E -x c - >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "xi: installing $(DEBS)"; \
	    SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEBS) >/dev/null; \
	  else \
	    echo "xi: needs GNU MPFR, GNU readline, Graphviz's libgvc, Arb and pkg-config (Debian: apt-get install $(DEBS))"; exit 1; \
	  fi; \
	fi

# clang with the libFuzzer runtime (Debian keeps it apart from clang, in
# libclang-rt-dev)
fuzz-deps:
	@if ! printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return !d && n; }\n' | \
	    $(FUZZ_CC) -fsanitize=fuzzer -x c -o /dev/null - >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "xi: installing $(FUZZ_DEBS)"; \
	    SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(FUZZ_DEBS) >/dev/null; \
	  else \
	    echo "xi: make fuzz needs clang with libFuzzer (Debian: apt-get install $(FUZZ_DEBS))"; exit 1; \
	  fi; \
	fi

$(OUT)/%.o: %.c $(HDRS) | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# show/page.html (the page export writes) becomes a C array, byte for byte
$(OUT)/show/page.c: show/page.html
	@mkdir -p $(dir $@)
	@{ echo '/* made from show/page.html by the Makefile */'; \
	  echo 'const char xiV_page_html[] = {'; \
	  od -An -v -tx1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0x00};'; } >$@

$(OUT)/show/page.o: $(OUT)/show/page.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(OUT)/libxi.a: $(LIB_OBJ)
	rm -f $@ # made afresh: a source removed must not leave its object behind
	$(AR) rcs $@ $^

$(OUT)/xi: $(XI_OBJ) $(OUT)/libxi.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(XI_OBJ) $(OUT)/libxi.a $(LDLIBS)

$(OUT)/xi-fuzz: fuzz/harness.c $(OUT)/libxi.a $(HDRS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ fuzz/harness.c $(OUT)/libxi.a $(LDLIBS)

xi: $(OUT)/xi
	cp $< $@

run: all
	./xi

test: all
	@LIBXI=$(OUT)/libxi.a tests/run

# the whole suite again under AddressSanitizer (with LeakSanitizer) and UBSan
asan: deps
	@$(MAKE) --no-print-directory OUT=build/asan CFLAGS="$(SAN)" build/asan/xi
	@XI=build/asan/xi LIBXI=build/asan/libxi.a XI_CFLAGS="-fsanitize=address,undefined" XI_SLOW=$${XI_SLOW:-12} \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 tests/run

# libFuzzer over the statements, FUZZ_SECONDS on one core (fuzz/run says how);
# findings go to tests/crashes/, which make test replays
fuzz-build: deps fuzz-deps
	@$(MAKE) --no-print-directory OUT=build/fuzz CC=$(FUZZ_CC) CFLAGS="$(FUZZ_SAN)" build/fuzz/xi-fuzz

fuzz: fuzz-build
	@fuzz/run $(FUZZ_SECONDS)

# valgrind itself is installed when missing, as the rest (a check that needs a
# tool installs it or fails, never skips)
valgrind-deps:
	@if ! command -v valgrind >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "xi: installing valgrind"; \
	    SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq valgrind >/dev/null; \
	  else \
	    echo "xi: make valgrind needs valgrind (Debian: apt-get install valgrind)"; exit 1; \
	  fi; \
	fi

valgrind: all valgrind-deps
	@mkdir -p tests/out
	@tests/valgrind

bench: all
	@bench/run
	@bench/run --loop
	@bench/run --twolayer

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 xi $(DESTDIR)$(PREFIX)/bin/xi
	install -m 644 docs/xi.1 $(DESTDIR)$(PREFIX)/share/man/man1/xi.1

clean:
	rm -rf build xi tests/*.bin tests/formats/*.bin tests/out bench/*.bin bench/out

# the manual's picture (docs/manual.md), docs/seed000.svg, made by xi's svg command
.PHONY: picture
picture: all
	cd docs && ../xi seed000.xi
