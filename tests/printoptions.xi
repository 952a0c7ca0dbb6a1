# args: --keep-going
# printoptions, xi's name for np.set_printoptions: shown alone; set all at
# once or not at all (a wrong option leaves every option as it was); what
# NumPy refuses or xi does not have, each with its message.  How arrays then
# print is checked against NumPy in tests/paste/numpy_printoptions.py.
printoptions
printoptions precision=3, suppress=True
printoptions
x = [1/3, 2/3]
print(x)
printoptions precision=2.5
printoptions precision=3, precision=4
printoptions width=3
printoptions threshold=-1
printoptions edgeitems=0, precision=1
printoptions precision=101
printoptions linewidth=[1, 2]
printoptions
printoptions threshold=np.inf
printoptions precision=None, linewidth=60
printoptions
printoptions precision
printoptions = 3
