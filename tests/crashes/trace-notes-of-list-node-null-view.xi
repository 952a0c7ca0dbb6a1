M=[[1,4]]
v = [0]
import p
)
x = 3; grad(+ max([x*x]),x) 
trace sum(M*v)
