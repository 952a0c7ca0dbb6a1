# Géron's normal equation: np.linalg.inv (and np.linalg.solve) are refused with
# the reason, never printed with digits that are not NumPy's (LAPACK's LU
# factorisation rounds in an order xi does not reproduce).
import numpy as np
X = np.array([[1.0, 2.0], [1.0, 3.0], [1.0, 5.0]])
y = np.array([1.0, 2.0, 2.5])
theta = np.linalg.inv(X.T @ X) @ X.T @ y
print(theta)
