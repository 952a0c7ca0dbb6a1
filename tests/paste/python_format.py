# Python's % formatting in print, as older tutorials write it (not from a
# seed): its output is what Python 3 prints (tests/paste/regen).
import numpy as np

loss = 0.123456789
epoch = 7
acc = 0.875
W = np.array([[0.5, -1.25]])
print("%.4f" % loss)
print("%d: %s" % (epoch, loss))
print("Epoch %d, loss %.6f, accuracy %.1f%%" % (epoch, loss, acc * 100))
print("epoch %3d | loss %10.4f | %e | %g | %G" % (epoch, loss, loss, 1e-5, 1e-10))
print("[%-6d] [%06.2f] [%+d] [% d] [%+.3e]" % (42, 3.14159, 5, 5, -loss))
print("[%x] [%#x] [%X] [%o] [%#o]" % (255, 255, 255, 8, 8))
print("%d %i %u %d" % (3.7, -3.7, True, 2 ** 40))
print("W = %s" % W, "and %r" % loss)
print("%s|%10s|%-10s|%s" % (epoch, loss, "text", "%"))
print("100% sure", "%s" % (loss,), "%5.1f" % -loss ** 2)
print("mean %.3f, norm %.3f" % (np.mean(W), np.sqrt(np.sum(W ** 2))))
for i in range(3):
    print("step %d: w = %.2f" % (i, 1.0 / (i + 1)))
