# args: --keep-going
# A function calling another twice at every level builds 2^n nodes: a
# statement stops at 10 million, with an error that says so (it was 10 GB
# before anything stopped it), and the session is as it was.
# a function expansion that doubles at each level stops at the node limit
f0(x) = x; f1(x) = f0(x) + f0(x); f2(x) = f1(x) + f1(x); f3(x) = f2(x) + f2(x); f4(x) = f3(x) + f3(x); f5(x) = f4(x) + f4(x); f6(x) = f5(x) + f5(x); f7(x) = f6(x) + f6(x); f8(x) = f7(x) + f7(x); f9(x) = f8(x) + f8(x); f10(x) = f9(x) + f9(x); f11(x) = f10(x) + f10(x); f12(x) = f11(x) + f11(x); f13(x) = f12(x) + f12(x); f14(x) = f13(x) + f13(x); f15(x) = f14(x) + f14(x); f16(x) = f15(x) + f15(x); f17(x) = f16(x) + f16(x); f18(x) = f17(x) + f17(x); f19(x) = f18(x) + f18(x); f20(x) = f19(x) + f19(x); f21(x) = f20(x) + f20(x); f22(x) = f21(x) + f21(x); f23(x) = f22(x) + f22(x); f24(x) = f23(x) + f23(x); f25(x) = f24(x) + f24(x)
f25(1)
f3(2)
