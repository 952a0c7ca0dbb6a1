# Seed 002 (backpropagation with NumPy), cells 1 to 1 of 8, pasted unchanged.
# Each seed002_K file is cumulative: cells 1..K in order, because later cells
# use names from earlier ones (np, sigmoid, W1, ...).  The first failing
# seed002_K test names the cell that broke; its new lines are at the end of
# the .out.  Only comment lines are added ("# ----" marks each cell).

# ---- seed 002, cell 1 of 8: "The Learning Problem" ----
import numpy as np
import pandas as pd

print("=== BACKPROPAGATION ===")
print("""
GOAL: Find weights that minimize loss

Forward pass: Input → Predictions → Loss
Backward pass: Loss → Gradients → Weight updates

Key question: How does each weight affect the loss?
  
Answer: Compute ∂Loss/∂w for every weight w

Then update: w_new = w_old - learning_rate × ∂Loss/∂w

This is GRADIENT DESCENT applied to neural networks.
""")
