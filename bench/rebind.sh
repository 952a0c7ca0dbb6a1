#!/usr/bin/env bash
# bench/rebind.sh [XI...]: seed 002's training loop (its cell 7, as the seed
# writes it, but 5001 epochs) run by each xi given (default ./xi) with the
# updates written two ways: W1 = W1 - learning_rate * dL_dW1 (rebinding, as
# most NumPy tutorials write it) and W1 -= learning_rate * dL_dW1 (the
# seed's).  Once as Python's code (a .py: binary64, as NumPy) and once in xi's
# own numbers (format mpfr, 128 bits).  Wall seconds, CPU seconds and the
# largest resident set, medians of 3 runs; and whether xi printed a line of
# its own ("not proven") beside Python's.  Run from make's tree: bench/run
# --rebind [OLD_XI] calls it with the build here and an older one.
set -eu
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
write() { # $1: the file, $2: "rebind" or "minus", $3: "py" or "mpfr"
  {
    echo "import numpy as np"
    [ "$3" = mpfr ] && echo "format mpfr"
    cat <<'PY'
def sigmoid(z):
    return 1 / (1 + np.exp(-np.clip(z, -500, 500)))
def sigmoid_derivative(z):
    s = sigmoid(z)
    return s * (1 - s)
def mse_loss(y_true, y_pred):
    return np.mean((y_true - y_pred) ** 2)
np.random.seed(42)
W1 = np.random.randn(2, 2) * 0.5
b1 = np.zeros((1, 2))
W2 = np.random.randn(2, 1) * 0.5
b2 = np.zeros((1, 1))
X_train = np.array([[0.5, 0.8], [0.2, 0.9], [0.8, 0.1], [0.1, 0.2]])
y_train = np.array([[1], [1], [0], [0]])
learning_rate = 1.0
n_epochs = 5001
losses = []
for epoch in range(n_epochs):
    z1 = np.dot(X_train, W1) + b1
    a1 = sigmoid(z1)
    z2 = np.dot(a1, W2) + b2
    y_pred = sigmoid(z2)
    loss = mse_loss(y_train, y_pred)
    losses.append(loss)
    m = X_train.shape[0]
    dL_dy_pred = 2 * (y_pred - y_train) / m
    dL_dz2 = dL_dy_pred * sigmoid_derivative(z2)
    dL_dW2 = np.dot(a1.T, dL_dz2)
    dL_db2 = np.sum(dL_dz2, axis=0, keepdims=True)
    dL_da1 = np.dot(dL_dz2, W2.T)
    dL_dz1 = dL_da1 * sigmoid_derivative(z1)
    dL_dW1 = np.dot(X_train.T, dL_dz1)
    dL_db1 = np.sum(dL_dz1, axis=0, keepdims=True)
PY
    for v in W1 b1 W2 b2; do
      if [ "$2" = rebind ]; then echo "    $v = $v - learning_rate * dL_d$v"
      else echo "    $v -= learning_rate * dL_d$v"; fi
    done
    echo "    if epoch % 1000 == 0:"
    echo "        print(f\"Epoch {epoch:4d}: Loss = {loss:.4f}\")"
    echo "print(len(losses), losses[-1])"
  } >"$1"
}
xis=("$@")
[ ${#xis[@]} -gt 0 ] || xis=(./xi)
for numbers in py mpfr; do
  for form in rebind minus; do
    f="$dir/$form.$numbers.py"
    [ "$numbers" = mpfr ] && f="$dir/$form.$numbers.xi"
    write "$f" "$form" "$numbers"
    for xi in "${xis[@]}"; do
      : >"$dir/t"
      for rep in 1 2 3; do
        /usr/bin/time -f "%e %U %M" "$xi" "$f" >"$dir/out" 2>>"$dir/t" || true
      done
      med() { awk -v c="$1" '{print $c}' "$dir/t" | grep -E '^[0-9.]+$' | sort -n | sed -n 2p; }
      extra=$(grep -c "^(xi:" "$dir/out" || true)
      last=$(tail -n 1 "$dir/out")
      printf '%-5s %-7s %-24s wall %6.2f s, cpu %6.2f s, %7.1f MB; %s lines of xi'"'"'s own; last: %s\n' \
        "$numbers" "$form" "$xi" "$(med 1)" "$(med 2)" "$(awk -v k="$(med 3)" 'BEGIN{print k/1024}')" \
        "$extra" "$last"
    done
  done
done
