# regen: NumPy without AVX512
# Angles of points and of 2-D gradients, as a student computes a direction
# field or a robot arm's joint angles: math.atan2, np.arctan2 (elementwise,
# broadcasting a row against a column), np.arctan, np.arcsin, np.arccos,
# the inverse-kinematics law of cosines, and np.arcsin past 1 (nan with
# NumPy's RuntimeWarning).  NumPy 1.24 with AVX512 computes arctan2, arctan,
# arcsin and arccos with its SVML loops, not glibc's: the .out is made with
# them off (NumPy's baseline loops are glibc's, as math's and xi's are).
import math
import numpy as np

points = [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0), (3.0, -4.0), (-2.5, -0.5)]
for x, y in points:
    theta = math.atan2(y, x)
    print(f"({x:5.2f}, {y:5.2f}) -> {theta:.6f} rad {theta * 180 / math.pi:9.4f} deg")

xs = np.array([1.0, -1.0, 0.5, -0.25])
ys = np.array([[0.5], [-2.0], [0.0]])
print(np.arctan2(ys, xs))
gx = np.array([[0.1, -0.3], [0.0, 2.0]])
gy = np.array([[0.2, 0.4], [-1.0, 0.0]])
mag = np.sqrt(gx ** 2 + gy ** 2)
ang = np.arctan2(gy, gx)
print(mag)
print(ang)
print(np.arctan(np.array([-2.0, 0.0, 0.5, 10.0])))
print(math.atan(0.5), math.asin(0.25), math.acos(-0.75))

# two-link arm: link lengths l1, l2, target (tx, ty)
l1, l2 = 1.0, 0.8
tx, ty = 1.2, 0.6
c2 = (tx * tx + ty * ty - l1 * l1 - l2 * l2) / (2 * l1 * l2)
q2 = math.acos(c2)
q1 = math.atan2(ty, tx) - math.atan2(l2 * math.sin(q2), l1 + l2 * math.cos(q2))
print(q1, q2)
print(l1 * math.cos(q1) + l2 * math.cos(q1 + q2), l1 * math.sin(q1) + l2 * math.sin(q1 + q2))
print(np.arcsin(np.array([0.5, 1.0, -1.0])), np.arccos(np.array([1.0, 0.0])))
print(np.arcsin(np.array([1.5, 0.5])))
try:
    math.acos(1.5)
except ValueError as e:
    print("ValueError:", e)
