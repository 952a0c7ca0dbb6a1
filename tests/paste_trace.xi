# After a pasted cell, trace and grad read what it computed under the seed's
# own names (seed 002, cells 1 to 4: the forward pass).  The gradients the
# seed derives by hand in cell 5 print as [-0.1586 -0.1706] and [-0.2666].
load paste/seed002_4_forward.py
trace loss
check grad(loss, W2) == [[-0.1586], [-0.1706]]
check grad(loss, b2) == [[-0.2666]]
