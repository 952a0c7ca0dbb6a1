/* torchm.c: NumPy's methods that PyTorch's tensors have under the same name
 * with another meaning.  xi reads x.max(1) as NumPy's (the maxima), where a
 * tensor's x.max(1) is PyTorch's namedtuple (values, indices); x.std() as
 * NumPy's (divided by n), where PyTorch divides by n - 1.  Where torch is
 * imported, the parser puts a guard before such a method (syntax/pytorch.c's
 * xiP_torch_guard): a NumPy array goes through, a tensor is refused, saying
 * what PyTorch gives and what to write instead.  PyTorch's words are from its
 * documentation (pytorch.org/docs/stable: torch.max, torch.std, torch.round,
 * Tensor.repeat, torch.argsort, Tensor.tolist, torch.cumsum, Tensor.size). */
#include "tape/graph.h"
#include "tape/python.h"

static const char *const why[XI_TM_COUNT] = {
    [XI_TM_MAX] = "x.max(dim) of a tensor is PyTorch's namedtuple (values, indices), "
                  "torch.return_types.max, where NumPy's x.max(axis) is the values alone; xi "
                  "does not make it (x.argmax(dim) gives the indices, and x.max() the largest "
                  "of all)",
    [XI_TM_MIN] = "x.min(dim) of a tensor is PyTorch's namedtuple (values, indices), "
                  "torch.return_types.min, where NumPy's x.min(axis) is the values alone; xi "
                  "does not make it (x.argmin(dim) gives the indices, and x.min() the smallest "
                  "of all)",
    [XI_TM_STD] = "x.std() of a tensor divides by n - 1 in PyTorch (correction=1, Bessel's "
                  "correction), where NumPy's divides by n; xi computes only NumPy's: write "
                  "torch.sqrt(((x - x.mean()) ** 2).sum() / (n - 1)), n the number of "
                  "elements, or x.detach().numpy().std(ddof=1)",
    [XI_TM_VAR] = "x.var() of a tensor divides by n - 1 in PyTorch (correction=1, Bessel's "
                  "correction), where NumPy's divides by n; xi computes only NumPy's: write "
                  "((x - x.mean()) ** 2).sum() / (n - 1), or x.detach().numpy().var(ddof=1)",
    [XI_TM_ROUND] = "x.round(d) of a tensor: PyTorch's round takes decimals= only by keyword, "
                    "and xi rounds a tensor only to whole numbers, x.round()",
    [XI_TM_REPEAT] = "x.repeat(n) of a tensor tiles it in PyTorch (as np.tile), where NumPy's "
                     "repeats each element; xi does not tile tensors",
    [XI_TM_ARGSORT] = "x.argsort() of a tensor is PyTorch's tensor of indices, not stable "
                      "unless stable=True, which xi does not make: write "
                      "x.detach().numpy().argsort(kind='stable')",
    [XI_TM_TOLIST] = "x.tolist() of a tensor is a list of Python's floats in PyTorch, where "
                     "xi's would hold tensors: write x.detach().numpy().tolist()",
    [XI_TM_COPY] = "AttributeError: 'Tensor' object has no attribute 'copy' (PyTorch's is "
                   "x.clone(), which xi does not have: x.detach() copies the numbers)",
    [XI_TM_ASTYPE] = "AttributeError: 'Tensor' object has no attribute 'astype' (PyTorch's is "
                     "x.double() or x.to(torch.float64); xi computes tensors in float64)",
    [XI_TM_TRANSPOSE] = "x.transpose(dim0, dim1) of a tensor swaps the two dims it is given in "
                        "PyTorch, where NumPy's takes a permutation of all; write x.T",
    [XI_TM_CUMSUM] = "x.cumsum(dim) of a tensor takes dim in PyTorch (a TypeError without it), "
                     "where NumPy's sums the flattened array; write x.cumsum(0) or "
                     "x.cumsum(1)",
    [XI_TM_CUMPROD] = "x.cumprod(dim) of a tensor takes dim in PyTorch (a TypeError without "
                      "it), where NumPy's multiplies the flattened array; write x.cumprod(0) "
                      "or x.cumprod(1)",
    [XI_TM_SIZE] = "x.size of a tensor is PyTorch's method: x.size() is its shape as "
                   "torch.Size, which xi does not make, and NumPy's x.size (a number) is "
                   "x.numel() in PyTorch; write x.shape[0], or len(x)",
    [XI_TM_DTYPE] = "x.dtype of a tensor is PyTorch's torch.float64 (torch.float32, "
                    "torch.int64, torch.bool), which xi does not make: NumPy's dtype, "
                    "x.detach().numpy().dtype, prints float64"};

int xiG_torch_method(xiG_graph *g, int which, uint32_t x, xi_pos pos, uint32_t *out,
                     xi_err *err) {
  *out = x;
  if (xiG_kind(g, x) >= 0 || which < 0 || which >= XI_TM_COUNT)
    return 0;
  unsigned cone = xiG_ag_cone(g, x);
  if (!(cone & XI_AGM_TORCH) || (cone & XI_AGM_VALUE))
    return 0; /* a NumPy array (x.numpy() of a tensor too): NumPy's method */
  return xiX_fail(err, pos, "%s", why[which]);
}
