x=3;w=[2];H=hessian(sum(w),w);grad(grad((x),x),x);y=1
prec 6