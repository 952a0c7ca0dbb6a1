# A student's program, written as a tutorial would have it and run unchanged:
# nothing in it was fitted to xi (tests/paste/README.md).  Not from a seed.
# One line was rewritten: a, (b, c) = 1, (2.5, 'x'), nested targets, which xi
# refuses, as two unpackings; every digit is Python's.
# misc Python that students write around their training code
def lr_schedule(epoch, base=0.1, decay=0.5, every=10):
    return base * decay ** (epoch // every)

for e in range(0, 50, 10):
    print(f"epoch {e:3d} lr={lr_schedule(e):.5f}", lr_schedule(e, every=20))

losses = [2.31, 1.87, 1.52, 1.49, 1.50, 1.48, 1.481, 1.4805]
best, best_i = min((l, i) for i, l in enumerate(losses))
print("best", best, "at", best_i)
print("max", max(losses), "sum", sum(losses), "avg", sum(losses) / len(losses))
print("rounded", [round(l, 1) for l in losses])
print("abs diffs", [abs(a - b) for a, b in zip(losses, losses[1:])])

# early stopping with while + break
patience, wait, i = 2, 0, 0
best = float('inf')
while i < len(losses):
    if losses[i] < best - 1e-3:
        best = losses[i]
        wait = 0
    else:
        wait += 1
        if wait >= patience:
            print(f"early stop at step {i}, best={best}")
            break
    i += 1

pairs = list(zip(['w1', 'w2', 'b'], [0.25, -1.5, 3.0]))
for name, val in pairs:
    print(f"{name:<4}|{val:>8.3f}|{val:+.2e}|{val!r}")
a, bc = 1, (2.5, 'x')
b, c = bc
print(a, b, c)
sq = {k: v ** 2 for k, v in pairs}
print(sq)
evens = [n for n in range(20) if n % 2 == 0 and n % 3 != 0]
print(evens, len(evens), sum(evens))
print(divmod(17, 5), 17 // 5, -17 // 5, 17 % -5, 2 ** 10, 7 / 2)
print(round(2.5), round(3.5), round(0.125, 2), round(-1.005, 2))
print(abs(-3), abs(-2.5), min(3, 1, 2), max([4, 9, 1]))
print(1e-5, 1e16, 123456789.0, 0.1 + 0.2, 1/3, 2/3, 10/3)
print(f"{0.000123456:.3g} {123456.789:,.2f} {42:05d} {3.14159:10.3f}| {0.5:%} {255:x} {7:b}")
total = 0
for k in range(10, 0, -3):
    total += k
print("total", total)
s = "loss"
print(s.upper(), s * 2, s[::-1], len(s), s + "=" + str(1.25))
print("%5.2f%%" % 99.5, "%-6s|" % "ab", "%3d" % 7)
