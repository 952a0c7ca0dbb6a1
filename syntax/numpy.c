/* numpy.c: NumPy's spelling of xi's functions, and the few built-in names of
 * Python's that tutorials use.  np.exp(x), np.sum(x, axis=0, keepdims=True),
 * x.reshape(-1, 1), len(x) compile to the same code as xi's own exp(x),
 * sum(x, 0, 1) ...: one table for the modules (np., numpy., math.), one for
 * what follows a value's '.', one for Python's built-in names.  A name that
 * xi does not have gets a message saying what to write instead.  The names
 * compiled to several instructions (NP_SP) are npspecial.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse_int.h"

enum { NP_FN, NP_SP, NP_CONST, NP_REFUSE, NP_PY, NP_NONE /* np.newaxis: None, as NumPy's is */ };

typedef struct {
  const char *name; /* after np. (dotted: random.seed), after a '.', or a built-in */
  uint8_t kind;     /* NP_* */
  uint8_t sp;       /* NP_SP: which form */
  const char *fn;   /* NP_FN: xi's function; NP_CONST: pi, e, inf or nan; NP_REFUSE: the
                       message */
  const char *kw;   /* the names of the trailing parameters, for keyword arguments */
} np_row;

#define FN(n, f, kw) {n, NP_FN, 0, f, kw}
#define SP(n, s) {n, NP_SP, s, NULL, NULL}
#define REFUSE(n, why) {n, NP_REFUSE, 0, why, NULL}
/* Python's own (pylist.c); fn: the message in xi's language, which has no lists */
#define PY(n, why) {n, NP_PY, 0, why, NULL}
#define REDUCE "axis keepdims"
#define FORM(n, f) {n, NP_SP, SP_FORM + XI_NPF_##f, NULL, NULL}

static const np_row numpy_rows[] = {
    FN("exp", "exp", NULL), FN("log", "log", NULL), FN("sqrt", "sqrt", NULL),
    FN("tanh", "tanh", NULL), FN("sin", "sin", NULL), FN("cos", "cos", NULL),
    FN("sinh", "sinh", NULL), FN("cosh", "cosh", NULL), FN("diag", "diag", NULL),
    FN("tan", "tan", NULL), FN("abs", "abs", NULL), FN("absolute", "abs", NULL),
    FN("sign", "sign", NULL), FN("maximum", "maximum", NULL), FN("minimum", "minimum", NULL),
    FN("power", "pow", NULL), FN("outer", "outer", NULL), FN("transpose", "T", NULL),
    FN("sum", "sum", REDUCE), FN("mean", "mean", REDUCE), FN("max", "max", REDUCE),
    FN("amax", "max", REDUCE), FN("argmax", "argmax", REDUCE), FN("min", "min", REDUCE),
    FN("amin", "min", REDUCE), FN("argmin", "argmin", REDUCE),
    FN("var", "var", REDUCE " ddof"), FN("std", "std", REDUCE " ddof"),
    FN("log1p", "log1p", NULL), FN("expm1", "expm1", NULL), FN("isfinite", "isfinite", NULL),
    SP("isnan", SP_ISNAN), SP("isinf", SP_ISINF),
    FN("bitwise_and", "bitwise_and", NULL), FN("bitwise_or", "bitwise_or", NULL),
    FN("bitwise_xor", "bitwise_xor", NULL), FN("invert", "invert", NULL),
    FN("bitwise_not", "invert", NULL), FN("left_shift", "left_shift", NULL),
    FN("right_shift", "right_shift", NULL), SP("logical_and", SP_LAND),
    SP("logical_or", SP_LOR), SP("logical_xor", SP_LXOR), SP("logical_not", SP_LNOT),
    FN("log2", "log2", NULL), FN("log10", "log10", NULL), FN("floor", "floor", NULL),
    FN("ceil", "ceil", NULL), SP("linalg.norm", SP_NORM), FN("arctan", "atan", NULL),
    FN("arcsin", "asin", NULL), FN("arccos", "acos", NULL), FN("arctan2", "atan2", NULL),
    FORM("linspace", LINSPACE), FORM("random.randint", RANDINT), FORM("random.normal", NORMAL),
    FORM("random.uniform", UNIFORM), FORM("random.permutation", PERMUTATION),
    FORM("random.choice", CHOICE), FORM("random.random", RANDOM),
    FORM("random.random_sample", RANDOM), FORM("random.sample", RANDOM),
    FORM("concatenate", CONCATENATE), FORM("vstack", VSTACK), FORM("hstack", HSTACK),
    FORM("column_stack", COLUMN_STACK), FORM("stack", STACK),
    FORM("expand_dims", EXPAND_DIMS), FORM("squeeze", SQUEEZE), FORM("identity", IDENTITY),
    FORM("full", FULL), FORM("full_like", FULL_LIKE), FORM("broadcast_to", BROADCAST_TO),
    FORM("tile", TILE), FORM("repeat", REPEAT), FORM("meshgrid", MESHGRID), FORM("flip", FLIP),
    FORM("fliplr", FLIPLR), FORM("flipud", FLIPUD), FORM("prod", PROD), FORM("cumsum", CUMSUM),
    FORM("cumprod", CUMPROD), FORM("diff", DIFF), FORM("trace", TRACE),
    FORM("count_nonzero", COUNT_NONZERO), FORM("sort", SORT), FORM("argsort", ARGSORT),
    FORM("isclose", ISCLOSE), FORM("allclose", ALLCLOSE), FORM("all", ALL), FORM("any", ANY),
    SP("float_", SP_FLOAT), SP("double", SP_FLOAT), FN("round", "round", "decimals"),
    FN("around", "round", "decimals"), FN("zeros", "zeros", NULL), FN("ones", "ones", NULL),
    FN("eye", "eye", NULL), FN("arange", "arange", NULL), FN("random.randn", "randn", NULL),
    FN("random.rand", "rand", NULL), SP("dot", SP_DOT), SP("matmul", SP_MATMUL),
    SP("array", SP_ARRAY), SP("asarray", SP_ARRAY), SP("copy", SP_COPY), SP("clip", SP_CLIP),
    SP("where", SP_WHERE), SP("nonzero", SP_NONZERO), SP("bincount", SP_BINCOUNT), SP("random.seed", SP_SEED), SP("set_printoptions", SP_PRINTOPTS), SP("zeros_like", SP_ZEROS_LIKE),
    SP("ones_like", SP_ONES_LIKE), SP("reshape", SP_RESHAPE), SP("ravel", SP_FLATTEN),
    SP("square", SP_SQUARE), SP("float64", SP_FLOAT), SP("shape", SP_SHAPE),
    SP("size", SP_SIZE), SP("ndim", SP_NDIM),
    {"pi", NP_CONST, 0, "pi", NULL}, {"e", NP_CONST, 0, "e", NULL},
    {"inf", NP_CONST, 0, "inf", NULL}, {"nan", NP_CONST, 0, "nan", NULL},
    {"newaxis", NP_NONE, 0, NULL, NULL},
    /* (a row for help and completion: xiP_module reads the call itself, default_rng) */
    PY("random.default_rng", NULL),
    FORM("nditer", NDITER),
    REFUSE("empty", "np.empty's elements are whatever its memory held (NumPy does not set "
                    "them), so xi cannot print what NumPy would: write np.zeros(shape), which "
                    "the same loop then fills"),
    REFUSE("empty_like", "np.empty_like's elements are whatever its memory held (NumPy does "
                         "not set them): write np.zeros_like(x), which the same loop then "
                         "fills"),
    SP("random.shuffle", SP_NPSHUFFLE),
#define GENERATOR(n) REFUSE(n, "np." n " is not in xi: rng = np.random.default_rng(seed) makes " \
                                 "NumPy's Generator on PCG64, which xi draws bit for bit")
    GENERATOR("random.Generator"), GENERATOR("random.PCG64"), GENERATOR("random.SeedSequence"),
    GENERATOR("random.RandomState"), GENERATOR("random.MT19937"),
#undef GENERATOR
#define LAPACK(f) "np.linalg." f " is not in xi: NumPy computes it by LAPACK's LU "            \
                  "factorisation (OpenBLAS's getrf, then getri or getrs), whose order of "  \
                  "rounding xi does not reproduce, so xi cannot print NumPy's digits; "     \
                  "gradient descent on the same loss needs products only (X.T @ (X @ "       \
                  "theta - y)), and a 2x2 inverse is [[d, -b], [-c, a]] / (a*d - b*c)"
    REFUSE("linalg.inv", LAPACK("inv")), REFUSE("linalg.solve", LAPACK("solve")),
#undef LAPACK
    REFUSE("float32", "float32 is a number format: `format binary32` will give it"),
    REFUSE("float16", "float16 is a number format: `format binary16` will give it"),
    {NULL, 0, 0, NULL, NULL}};

static const np_row math_rows[] = {
    FN("exp", "exp", NULL), FN("log", "log", NULL), FN("sqrt", "sqrt", NULL),
    FN("tanh", "tanh", NULL), FN("sin", "sin", NULL), FN("cos", "cos", NULL),
    FN("tan", "tan", NULL), FN("fabs", "abs", NULL), FN("pow", "pow", NULL),
    FN("log2", "log2", NULL), FN("log10", "log10", NULL), FN("log1p", "log1p", NULL),
    FN("expm1", "expm1", NULL), FN("sinh", "sinh", NULL), FN("cosh", "cosh", NULL),
    FN("erf", "erf", NULL), FN("erfc", "erfc", NULL), FN("atan", "atan", NULL),
    FN("asin", "asin", NULL), FN("acos", "acos", NULL), FN("atan2", "atan2", NULL),
    FN("hypot", "hypot", NULL), SP("floor", SP_IFLOOR), SP("ceil", SP_ICEIL),
    FORM("isclose", MATH_ISCLOSE), PY("fsum", NULL),
    {"pi", NP_CONST, 0, "pi", NULL}, {"e", NP_CONST, 0, "e", NULL},
    {"inf", NP_CONST, 0, "inf", NULL}, {"nan", NP_CONST, 0, "nan", NULL},
    {NULL, 0, 0, NULL, NULL}};

/* after a value's '.': attributes (T, shape, size, ndim, dtype) and methods */
static const np_row method_rows[] = {
    SP("T", SP_T), SP("shape", SP_SHAPE), SP("size", SP_SIZE), SP("ndim", SP_NDIM),
    SP("dtype", SP_DTYPE),
    SP("copy", SP_COPY), FN("sum", "sum", REDUCE), FN("mean", "mean", REDUCE),
    FN("max", "max", REDUCE), FN("argmax", "argmax", REDUCE), FN("min", "min", REDUCE),
    FN("argmin", "argmin", REDUCE), FN("var", "var", REDUCE " ddof"),
    FN("std", "std", REDUCE " ddof"), FORM("all", ALL), FORM("any", ANY),
    FN("round", "round", "decimals"), SP("reshape", SP_RESHAPE), SP("flatten", SP_FLATTEN),
    SP("ravel", SP_FLATTEN), SP("item", SP_ITEM), SP("dot", SP_DOT), SP("astype", SP_ASTYPE),
    SP("transpose", SP_T), SP("clip", SP_CLIP), FORM("squeeze", SQUEEZE),
    FORM("repeat", REPEAT), FORM("prod", PROD), FORM("cumsum", CUMSUM),
    FORM("cumprod", CUMPROD), FORM("trace", TRACE), FORM("argsort", ARGSORT),
    PY("append", NULL), PY("extend", NULL), PY("keys", NULL), PY("values", NULL),
    PY("items", NULL), PY("get", NULL), PY("index", NULL), PY("sort", NULL), PY("join", NULL),
    PY("iternext", NULL), PY("count", NULL), PY("insert", NULL), PY("remove", NULL),
    PY("pop", NULL), PY("upper", NULL), PY("lower", NULL), PY("strip", NULL),
    PY("lstrip", NULL), PY("rstrip", NULL), PY("split", NULL), PY("startswith", NULL),
    PY("endswith", NULL), PY("replace", NULL),
    SP("tolist", SP_TOLIST),
    PY("format", "\"...\".format(...) is Python's: a .py file, or a session after import, "
                 "has it"),
    {NULL, 0, 0, NULL, NULL}};

static const np_row builtin_rows[] = {
    SP("len", SP_LEN), SP("float", SP_FLOAT), SP("int", SP_INT),
    PY("range", "range(...) makes the numbers of a for loop in xi's language: for i in "
                "range(n): (in Python's code, a .py file or after import, it is a value)"),
#define NOLIST "are Python's: a .py file, or a session after import, has them; in xi's own " \
               "language use an array, np.array([...]), or one name per value"
    PY("list", "lists " NOLIST), PY("dict", "dicts " NOLIST), PY("tuple", "tuple(...) " NOLIST),
    PY("sorted", "sorted(...) " NOLIST), PY("enumerate", "enumerate(...) " NOLIST),
    PY("zip", "zip(...) " NOLIST), PY("reversed", "reversed(...) " NOLIST),
#undef NOLIST
    PY("all", "all(xs) is Python's: a .py file, or a session after import, has it (in xi's "
              "own language np.all(x))"),
    PY("any", "any(xs) is Python's: a .py file, or a session after import, has it (in xi's "
              "own language np.any(x))"),
    PY("bool", "bool(x) is Python's: a .py file, or a session after import, has it (in xi's "
               "own language x != 0 is its truth)"),
    PY("divmod", "divmod(a, b) is Python's: a .py file, or a session after import, has it "
                 "(in xi's own language a // b and a % b)"),
    PY("str", "str(x) is Python's: a .py file, or a session after import, has it (print "
              "reads it in its text: print(\"loss \" + str(L)))"),
    PY("repr", "repr(x) is Python's: a .py file, or a session after import, has it (print "
               "reads it in its text: print(\"W = \" + repr(W)))"),
    PY("isinstance", "isinstance(x, T) is Python's: a .py file, or a session after import, "
                     "has it"),
    PY("type", "type(x) is Python's: a .py file, or a session after import, has it"),
    REFUSE("super", "super() is not part of xi: a method the class does not define is its "
                    "base's already; write what the base's method does (its __init__'s "
                    "self.x = ...) in the class's own"),
    REFUSE("getattr", "getattr(x, name) is not part of xi: write the attribute, x.W1 (or keep "
                      "the values in a dict, params[name])"),
    REFUSE("setattr", "setattr(x, name, v) is not part of xi: write x.W1 = v (or keep the "
                      "values in a dict, params[name] = v)"),
    REFUSE("input", "input() is not part of xi: write the value in the script"),
    REFUSE("open", "files are not part of xi's language: load FILE runs a script"),
    {NULL, 0, 0, NULL, NULL}};

static const char *const keywords[KW_COUNT] = {
    "def", "for", "in", "if", "elif", "else", "return", "import", "from", "as",
    "pass", "print", "True", "False", "None", "not", "and", "or", "is", "class",
    "while", "lambda", "with", "try", "except", "finally", "raise", "assert",
    "break", "continue", "global", "nonlocal", "yield", "async", "await"};

static void tag(xiS_table *sym, const char *word, uint16_t t) {
  uint32_t id = xiS_intern(sym, word, strlen(word));
  if (id != XI_NONE)
    xiS_set_tag(sym, id, t);
}

void xiP_np_prepare(xiS_table *sym) {
  for (int k = 0; k < KW_COUNT; k++)
    tag(sym, keywords[k], (uint16_t)(TAG_KEYWORD + k));
  tag(sym, "np", TAG_MODULE + MOD_NUMPY);
  tag(sym, "numpy", TAG_MODULE + MOD_NUMPY);
  tag(sym, "math", TAG_MODULE + MOD_MATH);
  for (int i = 0; builtin_rows[i].name; i++)
    tag(sym, builtin_rows[i].name, (uint16_t)(TAG_BUILTIN + i));
}

static const np_row *find(const np_row *rows, const char *name, size_t len) {
  for (int i = 0; rows[i].name; i++)
    if (strlen(rows[i].name) == len && memcmp(rows[i].name, name, len) == 0)
      return &rows[i];
  return NULL;
}

const char *xiP_np_kw_spec(const char *fn) {
  for (int i = 0; numpy_rows[i].name; i++)
    if (numpy_rows[i].kind == NP_FN && strcmp(numpy_rows[i].fn, fn) == 0)
      return numpy_rows[i].kw;
  return NULL;
}

/* a row's call: an op of xi's (with keywords), a maker, or a special form;
   first: the arguments from there on are the call's own (a method's value
   is already on the stack) */
static void row_call_(xiP_parser *p, xiP_code *c, const np_row *r, xiL_token name, int method);

/* (p->method: the call is a method's, whose operands NumPy does not convert) */
static void row_call(xiP_parser *p, xiP_code *c, const np_row *r, xiL_token name, int method) {
  row_call_(p, c, r, name, method);
  p->method = 0;
}

static void row_call_(xiP_parser *p, xiP_code *c, const np_row *r, xiL_token name, int method) {
  xiP_callargs a;
  if (r->kind == NP_SP && r->sp == SP_NORM) { /* its ord may be a string, 'fro' */
    xiP_norm_call(p, c, name);
    return;
  }
  if (r->kind == NP_SP && r->sp == SP_ASTYPE) { /* x.astype(float): a type, not a value */
    memset(&a, 0, sizeof a);
    a.dtype = xiP_dtype_word(p);
    a.n = 0;
    xiP_expect(p, T_RP, "')' after the type");
    xiP_np_special(p, c, SP_ASTYPE, &a, 0, name);
    return;
  }
  if (r->kind == NP_SP && r->sp == SP_ARRAY && xiP_is(p, T_LBRACK) &&
      (!p->python || xiP_plain_literal(p)))
    p->array_lit = 1; /* np.array([[1, 2], [3, 4]]): an array, in Python's code too */
  if (r->kind == NP_FN && !method &&
      (strcmp(r->fn, "randn") == 0 || strcmp(r->fn, "rand") == 0))
    p->star_shape = 1; /* np.random.rand(*x.shape): the sizes of a tuple */
  xiP_call_args(p, c, &a, name);
  if (a.star && a.n != 1)
    xiP_fail(p, a.pos[0], "%s(*t, ...): xi reads *t alone, the sizes of the shape t: write "
                          "%s(*t)", r->fn, r->fn);
  p->array_lit = 0;
  p->method = method;
  if (method) { /* the value before '.' is the first argument */
    if (a.n >= XI_KW_ARGS)
      xiP_fail(p, name.pos, "too many arguments");
    memmove(a.start + 1, a.start, (size_t)(a.n + 1) * sizeof *a.start);
    memmove(a.kw + 1, a.kw, (size_t)a.n * sizeof *a.kw);
    memmove(a.pos + 1, a.pos, (size_t)a.n * sizeof *a.pos);
    a.start[0] = a.start[1], a.kw[0] = XI_NONE, a.pos[0] = name.pos;
    a.n++;
  }
  if (r->kind == NP_SP) {
    xiP_np_special(p, c, r->sp, &a, method ? 1 : 1, name);
    return;
  }
  uint32_t id = xiP_intern(p, r->fn, strlen(r->fn), name.pos);
  uint16_t t = xiS_tag(p->sym, id) & ~TAG_SHADOWED;
  if (TAG_KIND(t) == TAG_MAKER) {
    if (a.nkw)
      xiP_fail(p, a.pos[a.n - a.nkw], "%s takes no keyword arguments but dtype", r->fn);
    int arange = TAG_ARG(t) == XI_MAKE_ARANGE;
    int random = TAG_ARG(t) == XI_MAKE_RANDN || TAG_ARG(t) == XI_MAKE_RAND;
    if (!arange && a.n > 2)
      xiP_fail(p, name.pos, "%s of %d sizes: an array of %d axes, and xi's arrays have at most "
                            "two (a vector or a matrix): write the data as a matrix, "
                            "%s(N, D) with the axes after the first multiplied together",
               r->fn, a.n, a.n, r->fn);
    if (a.n < !random || a.n > (arange ? 3 : 2))
      xiP_fail(p, name.pos, arange ? "np.arange takes 1 to 3 numbers: stop, start and stop, "
                                     "or start, stop and step"
                                   : "%s takes a shape: %s(3), %s(2, 3) or %s((2, 3))",
               r->fn, r->fn, r->fn, r->fn);
    xiP_ins ins = {K_MAKE, (uint8_t)TAG_ARG(t),
                   (uint8_t)(!random || !p->python ? XI_MAKE_XI
                             : a.star              ? XI_MAKE_STAR
                                                   : XI_MAKE_NUMPY),
                   (uint16_t)a.n, 0, name.pos};
    xiP_emit(p, c, ins);
    xiP_emit_dtype(p, c, a.dtype, name.pos);
    return;
  }
  if (TAG_KIND(t) != TAG_OP)
    xiP_fail(p, name.pos, "%s is not available in this build of xi", r->fn);
  xiP_emit_call_op(p, c, TAG_ARG(t), &a, name);
}

static void refuse(xiP_parser *p, const np_row *r, xi_pos pos) {
  xiP_fail(p, pos, "%s", r->fn);
}

/* np.tanh not called: a function as a value (acts = {'tanh': np.tanh}), when
   it is one of xi's ops of that name; pyfunc.c */
static void func_value(xiP_parser *p, xiP_code *c, const np_row *r, const char *alias,
                       const char *path, int math, xi_pos pos) {
  uint32_t id = r->kind == NP_FN ? xiP_intern(p, r->fn, strlen(r->fn), pos) : XI_NONE;
  uint16_t t = id == XI_NONE ? 0 : xiS_tag(p->sym, id) & ~TAG_SHADOWED;
  if (!p->python || TAG_KIND(t) != TAG_OP)
    xiP_fail(p, pos, "%s.%s is a function: call it as %s.%s(...)%s", alias, path, alias, path,
             p->python ? " (as a value xi has NumPy's functions of one op: np.tanh, np.exp, "
                         "np.maximum ...; for this one write a def or a lambda that calls it)"
                       : "");
  char text[80];
  snprintf(text, sizeof text, "%s.%s", alias, path);
  /* f = math.log: f(0) raises as math.log(0) does; f = np.round: f(2.675, 2) is 2.68 */
  xiP_func_ref(p, c, TAG_ARG(t), math ? XI_OPF_MATH : TAG_ARG(t) == XI_ROUND ? XI_OPF_NPROUND : 0,
               text, pos);
}

/* Python's random module: the functions drawn as CPython draws them (tape/pyrandom.c) */
static void random_call(xiP_parser *p, xiP_code *c, xiL_token fn) {
  static const struct {
    const char *name;
    uint8_t which;
  } fns[] = {{"seed", XI_PY_RSEED},     {"randrange", XI_PY_RANDRANGE},
             {"randint", XI_PY_RANDINT}, {"random", XI_PY_RRANDOM},
             {"uniform", XI_PY_UNIFORM}, {"choice", XI_PY_CHOICE},
             {"shuffle", XI_PY_SHUFFLE}, {"gauss", XI_PY_GAUSS},
             {"normalvariate", XI_PY_NORMALVARIATE}, {"sample", XI_PY_SAMPLE}};
  const char *s = p->lx.src + fn.off;
  int k = 0, nf = (int)(sizeof fns / sizeof *fns);
  while (k < nf && !(strlen(fns[k].name) == fn.len && memcmp(fns[k].name, s, fn.len) == 0))
    k++;
  if (k == nf)
    xiP_fail(p, fn.pos, "random.%.*s is not part of xi: xi draws random's seed, randrange, "
                        "randint, random, uniform, choice, shuffle, gauss, normalvariate and "
                        "sample as CPython does, and no other function of random's "
                        "(np.random's are NumPy's, bit for bit)",
             (int)fn.len, s);
  xiP_expect(p, T_LP, "'(': random's functions are called, random.seed(0)");
  xiP_callargs a;
  uint32_t first = c->n;
  xiP_call_args(p, c, &a, fn);
  if (a.nkw || a.dtype >= 0)
    xiP_fail(p, fn.pos, "keyword arguments to random.%s are not part of xi", fns[k].name);
  /* random.shuffle(xs), xs a name: as xs.sort(), a def checks that xs is its own */
  int named = fns[k].which == XI_PY_SHUFFLE && c->n == first + 1 && c->ins[first].kind == K_NAME;
  xiP_emit(p, c, (xiP_ins){K_PY, fns[k].which, 0, (uint16_t)a.n, (uint32_t)named, fn.pos});
}

/* np.random.default_rng(seed): NumPy's Generator, an object of Python's whose methods
   are read at run time (tape/npgen.c) */
static void default_rng(xiP_parser *p, xiP_code *c, xiL_token fn) {
  if (!p->python)
    xiP_fail(p, fn.pos, "np.random.default_rng makes a Generator, an object of Python's: a "
                        ".py file, or a session after import, has it (in xi's own language "
                        "seed N, then randn(r, c))");
  xiP_expect(p, T_LP, "'(': np.random.default_rng(42)");
  xiP_callargs a;
  xiP_call_args(p, c, &a, fn);
  if (a.dtype >= 0 || (a.nkw && strcmp(xiS_name(p->sym, a.kw[a.n - 1]), "seed") != 0))
    xiP_fail(p, fn.pos, "np.random.default_rng takes one argument, its seed");
  xiP_emit(p, c, (xiP_ins){K_PY, XI_PY_DEFAULT_RNG, 0, (uint16_t)a.n, 0, fn.pos});
}

static void module_row(xiP_parser *p, xiP_code *c, const np_row *rows, const char *alias,
                       xiL_token name, xiL_token last, const char *path);

/* ---- from math import log: the word is math.log ---- */

static int math_fn(const np_row *r) {
  return r->kind == NP_FN || r->kind == NP_SP || r->kind == NP_PY;
}

int xiP_math_import(xiP_parser *p, const xiL_token *n, int on, xi_pos pos) {
  for (int i = 0; math_rows[i].name; i++) {
    if (n && !(strlen(math_rows[i].name) == n->len &&
               memcmp(math_rows[i].name, p->lx.src + n->off, n->len) == 0))
      continue;
    if (!math_fn(&math_rows[i])) {
      if (n)
        return 2; /* math.inf: a constant */
      continue;
    }
    uint32_t id = xiP_intern(p, math_rows[i].name, strlen(math_rows[i].name), pos);
    uint16_t t = xiS_tag(p->sym, id);
    xiS_set_tag(p->sym, id, (uint16_t)(on ? t | TAG_MATH : t & ~TAG_MATH));
    if (n)
      return 1;
  }
  return 0;
}

int xiP_math_word(xiP_parser *p, const xiL_token *t) {
  uint32_t id = xiP_name_id(p, t);
  uint16_t tag = xiS_tag(p->sym, id);
  if (!(tag & TAG_MATH) || !p->python || (tag & (TAG_NAMED | TAG_SHADOWED)))
    return 0;
  for (uint32_t k = 0; k < p->nown + p->nlam; k++)
    if (p->own[k] == id)
      return 0; /* def f(x, log=np.log): log(x) is the parameter's */
  return 1;
}

void xiP_module(xiP_parser *p, xiP_code *c, xiL_token name, int module) {
  char path[64];
  if (module == MOD_DEFRNG) { /* from numpy.random import default_rng: default_rng(42) */
    default_rng(p, c, name);
    return;
  }
  if (module == MOD_RANDFN) { /* from random import randrange: randrange(m) */
    random_call(p, c, name);
    return;
  }
  if (module == MOD_MATHFN) { /* from math import log: log is math.log */
    snprintf(path, sizeof path, "%.*s", (int)name.len, p->lx.src + name.off);
    module_row(p, c, math_rows, "math", name, name, path);
    return;
  }
  if (module == MOD_RANDOM) {
    if (!xiP_is(p, T_DOT))
      xiP_fail(p, name.pos, "%.*s is the module random: write random.seed(0), "
                            "random.randrange(n) ...", (int)name.len, p->lx.src + name.off);
    xiP_take(p);
    random_call(p, c, xiP_expect(p, T_NAME, "a name after '.'"));
    return;
  }
  size_t n = 0;
  xiL_token last = name;
  while (xiP_is(p, T_DOT)) { /* np.random.randn: the path after the alias */
    xiP_take(p);
    last = xiP_expect(p, T_NAME, "a name after '.'");
    if (n + last.len + 2 > sizeof path)
      xiP_fail(p, last.pos, "no such name in %s", module == MOD_MATH ? "math" : "numpy");
    if (n)
      path[n++] = '.';
    memcpy(path + n, p->lx.src + last.off, last.len);
    n += last.len;
  }
  path[n] = '\0';
  const char *alias = xiS_name(p->sym, xiP_name_id(p, &name));
  if (n == 0)
    xiP_fail(p, name.pos, "%s is the module %s: write %s.exp(x), %s.sum(x) ...", alias,
             module == MOD_MATH ? "math" : "numpy", alias, alias);
  if (module == MOD_NUMPY && strcmp(path, "random.default_rng") == 0) {
    default_rng(p, c, last);
    return;
  }
  if (module == MOD_NUMPY && strcmp(path, "c_") == 0) {
    xiP_np_c_(p, c, last);
    return;
  }
  module_row(p, c, module == MOD_MATH ? math_rows : numpy_rows, alias, name, last, path);
}

/* module's name path (last: its last word; name: the module's alias, or the
   name from math import gave) called or as a value */
static void module_row(xiP_parser *p, xiP_code *c, const np_row *rows, const char *alias,
                       xiL_token name, xiL_token last, const char *path) {
  size_t n = strlen(path);
  int math = rows == math_rows;
  const np_row *r = find(rows, path, n);
  if (!r)
    xiP_fail(p, last.pos, "%s.%s is not in xi (help numpy lists what is)", alias, path);
  if (r->kind == NP_REFUSE)
    refuse(p, r, last.pos);
  if (r->kind == NP_NONE) {
    xiP_ins ins = {K_NAME, 0, 0, 0, xiP_intern(p, "None", 4, last.pos), last.pos};
    xiP_emit(p, c, ins);
    return;
  }
  if (r->kind == NP_CONST) { /* (inf and nan: literals of that text, as MPFR reads them) */
    uint32_t lit = r->fn[0] == 'p' ? XI_LIT_PI
                   : r->fn[0] == 'e' ? XI_LIT_E
                                     : xiP_intern(p, r->fn, strlen(r->fn), last.pos);
    xiP_ins ins = {K_NUM, 0, 0, 0, lit, last.pos};
    xiP_emit(p, c, ins);
    return;
  }
  if (r->kind == NP_PY && math) { /* math.fsum(xs): Python's, in pylist.c's table */
    if (!xiP_is(p, T_LP))
      xiP_fail(p, last.pos, "math.%s is a function: call it as math.%s(...)", path, path);
    xiP_take(p);
    xiP_py_builtin(p, c, last);
    return;
  }
  if (!xiP_is(p, T_LP)) {
    func_value(p, c, r, alias, path, math, last.pos);
    return;
  }
  xiP_take(p);
  uint32_t at = c->n;
  row_call(p, c, r, name, 0);
  if (math && r->kind == NP_FN && c->n > at && c->ins[c->n - 1].kind == K_OP)
    c->ins[c->n - 1].spare |= XI_OPF_MATH; /* math.log(0): Python's ValueError, not -inf */
}

void xiP_method(xiP_parser *p, xiP_code *c, xiL_token dot) {
  xiL_token t = xiP_expect(p, T_NAME, "a name after '.' (x.T, x.shape, x.sum() ...)");
  if (p->python && xiP_class_method(p, &t)) { /* a method of a class of the user's (pyclass.c) */
    xiP_attr(p, c, t);
    return;
  }
  if (xiP_torch_method(p, c, t, dot)) /* .grad .backward() .relu() ... */
    return;
  const np_row *r = find(method_rows, p->lx.src + t.off, t.len);
  int attribute = r && r->kind == NP_SP && (r->sp == SP_T || r->sp == SP_SHAPE ||
                                            r->sp == SP_SIZE || r->sp == SP_NDIM ||
                                            r->sp == SP_DTYPE);
  if (p->python && r && r->kind == NP_PY && strcmp(r->name, "get") == 0 &&
      !xiP_is(p, T_LP) && !xiP_assignment(xiP_peek(p)->type)) {
    xiP_emit(p, c, (xiP_ins){K_FUNC, XI_FN_GET, 0, 0, xiP_intern(p, "get", 3, t.pos),
                             t.pos}); /* max(d, key=d.get); an object's x.get is its own */
    return;
  }
  if (p->python && r && (attribute ? xiP_assignment(xiP_peek(p)->type) : !xiP_is(p, T_LP)))
    r = NULL; /* self.size = n, self.mean = 0.0, self.items: an object's, not NumPy's */
  if (p->python && !r) { /* an object's attribute or method (pyclass.c) */
    xiP_attr(p, c, t);
    return;
  }
  if (!r)
    xiP_fail(p, t.pos, "xi does not know .%.*s (help numpy lists the methods it has)",
             (int)t.len, p->lx.src + t.off);
  if (r->kind == NP_REFUSE)
    refuse(p, r, t.pos);
  if (r->kind == NP_PY) { /* xs.append(v), d.items() ...: Python's methods */
    xiP_expect(p, T_LP, "'(': a method is called, as in xs.append(x)");
    xiP_py_method(p, c, t);
    return;
  }
  if (attribute && !(r->sp == SP_T && xiP_is(p, T_LP))) {
    if (r->sp == SP_SIZE || r->sp == SP_DTYPE)
      xiP_torch_guard(p, c, t, 0); /* a tensor's x.size is PyTorch's method */
    static const int which[] = {[SP_SHAPE] = XI_ATTR_SHAPE, [SP_SIZE] = XI_ATTR_SIZE,
                                [SP_NDIM] = XI_ATTR_NDIM, [SP_DTYPE] = XI_ATTR_DTYPE};
    if (r->sp == SP_T)
      xiP_emit_op(p, c, XI_TRANSPOSE, dot.pos);
    else
      xiP_emit(p, c, (xiP_ins){K_ATTR, (uint8_t)which[r->sp], 0, 0, 0, t.pos});
    return;
  }
  if (!xiP_is(p, T_LP))
    xiP_fail(p, t.pos, ".%s is a method: call it as .%s()", r->name, r->name);
  xiP_take(p);
  xiP_torch_guard(p, c, t, !xiP_is(p, T_RP)); /* x.max(1) of a tensor: PyTorch's (pytorch.c) */
  row_call(p, c, r, t, 1);
}

void xiP_builtin(xiP_parser *p, xiP_code *c, xiL_token name, int which) {
  const np_row *r = &builtin_rows[which];
  if (r->kind == NP_REFUSE || (r->kind == NP_PY && !p->python))
    refuse(p, r, name.pos);
  if (r->kind == NP_PY) {
    if (!xiP_is(p, T_LP))
      xiP_fail(p, name.pos, "%s is a function: call it as %s(...)", r->name, r->name);
    xiP_take(p);
    xiP_py_builtin(p, c, name);
    return;
  }
  if (!xiP_is(p, T_LP))
    xiP_fail(p, name.pos, "%s is a function: call it as %s(...)", r->name, r->name);
  xiP_take(p);
  row_call(p, c, r, name, 0);
}

const char *xiP_np_name(int which, int i) {
  const np_row *rows = which == 0 ? numpy_rows : which == 1 ? method_rows : math_rows;
  for (int k = 0; rows[k].name; k++)
    if (rows[k].kind != NP_REFUSE && i-- == 0)
      return rows[k].name;
  return NULL;
}
