# args: --keep-going
# A notebook's cells pasted whole: IPython's display magics are skipped with
# one note; a plotting statement is skipped with one note; the magics that
# run code (%timeit, %time) and a plot's value (a figure, an axis) are errors
# that say so.  The numbers: 1/(i + 1) for i = 0, 1, 2, by hand.
%matplotlib inline
%config InlineBackend.figure_format = 'retina'
%load_ext autoreload
%autoreload 2
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns
losses = [1.0 / (i + 1) for i in range(3)]
plt.plot(losses)
sns.heatmap(np.ones((2, 2)))
plt.show()
print(losses)
%timeit np.ones(2)
fig, ax = plt.subplots()
ax.plot(losses)
y = plt.plot(losses)
print(sum(losses))
