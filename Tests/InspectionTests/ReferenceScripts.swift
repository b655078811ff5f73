// The Python scripts that produced the reference values in ProportionDifferenceTests, ClusteredProportionTests
// and FunnelPlotTests (Python 3.11, numpy 2.x, scipy 1.x, statsmodels 0.15.0), kept here verbatim so the
// numbers can be recomputed: save a block as the named file and run it with python3.

/* ---- mn_indep.py ----
# Independent MN score interval (yotq test reference). The restricted MLE is found by root-finding the
# score equation dl/dp0 = 0 (brentq), NOT by the closed-form cubic; statsmodels 0.15.0's cubic has the
# wrong linear coefficient (statsmodels issue #10269), so its score interval is not used as reference.
import numpy as np, warnings
from scipy import optimize, stats
warnings.simplefilter("ignore")
def restricted(x1,n1,x0,n0,d):
    lo,hi=max(0.0,-d),min(1.0,1-d)
    def g(p0):
        p1=p0+d
        return x1/p1-(n1-x1)/(1-p1)+x0/p0-(n0-x0)/(1-p0)
    eps=1e-300
    a,b=lo+1e-15,hi-1e-15
    ga,gb=g(a),g(b)
    if ga<=0: p0=lo
    elif gb>=0: p0=hi
    else: p0=optimize.brentq(g,a,b,xtol=1e-16,maxiter=1000)
    return p0+d,p0
def z(x1,n1,x0,n0,d):
    p1,p0=restricted(x1,n1,x0,n0,d); N=n1+n0
    var=(p1*(1-p1)/n1+p0*(1-p0)/n0)*N/(N-1)
    num=x1/n1-x0/n0-d
    if var<=0: return 0.0 if num==0 else np.sign(num)*np.inf
    return num/np.sqrt(var)
def ci(x1,n1,x0,n0,zc=stats.norm.ppf(0.975)):
    d=x1/n1-x0/n0
    lo=-1.0 if d<=-1 else optimize.brentq(lambda v:z(x1,n1,x0,n0,v)-zc,-1+1e-12,d,xtol=1e-15)
    hi=1.0 if d>=1 else optimize.brentq(lambda v:z(x1,n1,x0,n0,v)+zc,d,1-1e-12,xtol=1e-15)
    return lo,hi
if __name__=="__main__":
    cases=[(5,5,0,5),(2,2,1,2),(1,1,0,1),(7,20,7,20),(56,70,48,80),(9,10,3,10),(0,10,10,10),(30,60,40,80),(45,100,55,100),(1,29,0,20),(0,5,0,5),(17,40,9,38)]
    for c in cases: print(c, *map(repr,ci(*c)))
    print('z at 0.2 (7,20,7,20):', repr(z(7,20,7,20,0.2)))
    print('effective', *map(repr,ci(0.62*41.3,41.3,0.48*37.9,37.9)))
*/

/* ---- mn_random.py ----
import numpy as np
from mn_indep import ci
rng=np.random.default_rng(11)
out=[]
for _ in range(20):
    n1=int(rng.integers(1,200)); n2=int(rng.integers(1,200)); x1=int(rng.integers(0,n1+1)); x2=int(rng.integers(0,n2+1))
    lo,hi=ci(x1,n1,x2,n2); out.append(f"({x1}, {n1}, {x2}, {n2}, {lo!r}, {hi!r}),")
print("\n".join(out))
*/

/* ---- cluster.py ----
# Reference for ClusteredProportion: statsmodels OLS, intercept only, cluster-robust covariance.
import numpy as np, statsmodels.api as sm
from statsmodels.stats.proportion import proportion_confint
def ref(cases):
    y=[];g=[]
    for i,(m,s) in enumerate(cases):
        y += [1.0]*s + [0.0]*(m-s); g += [i]*m
    y=np.array(y); X=np.ones((len(y),1))
    r=sm.OLS(y,X).fit(cov_type="cluster",cov_kwds={"groups":np.array(g)})
    v=r.cov_params()[0,0]; N=len(y); p=y.mean()
    deff=v/(p*(1-p)/N); neff=N/max(1,deff)
    lo,hi=proportion_confint(p*neff,neff,method="wilson")
    # and the recorded numpy formula, independently
    k=len(cases); v2=k/(k-1)*sum((s-p*m)**2 for m,s in cases)/N**2
    return repr(p),repr(v),repr(v2),repr(deff),repr(neff),repr(lo),repr(hi)
for c in ([(10,7),(12,4),(8,8),(11,5),(9,6)], [(6,5),(6,4),(6,5),(6,4),(6,5),(6,4)], [(20,12),(3,1),(15,9),(7,7),(1,0),(9,3),(14,11)]):
    print(c, *ref(c))
*/

/* ---- funnel.py ----
# Reference for FunnelPlot (numpy 1.x/2.x, scipy): Spiegelhalter 2005 formulas written out independently.
import numpy as np
from scipy import stats
y=np.array([31,52,18,70,45,12,88,27,60,39,21,55]); n=np.array([50,80,40,100,60,30,120,45,75,70,25,90])
p=y/n; p0=y.sum()/n.sum(); s2=p0*(1-p0)/n; z=(p-p0)/np.sqrt(s2)
lo,hi=np.percentile(z,10),np.percentile(z,90)   # linear (type 7)
zw=np.clip(z,lo,hi); I=len(z); phi=np.mean(zw**2)
w=1/s2; tau2=max(0,(I*phi-(I-1))/(w.sum()-(w**2).sum()/w.sum()))
print('p0',repr(p0)); print('lo hi',repr(lo),repr(hi)); print('phi',repr(phi)); print('chi2 sf',repr(stats.chi2.sf(I*phi,I-1)),'crit',repr(stats.chi2.ppf(0.95,I-1)))
print('tau2',repr(tau2))
for nn in (40,100):
    s=np.sqrt(p0*(1-p0)/nn)
    for name,se in (('none',s),('mult',np.sqrt(max(1,phi))*s),('add',np.sqrt(s*s+tau2))):
        print(nn,name,*[repr(p0+k*zz*se) for zz in (stats.norm.ppf(0.975),stats.norm.ppf(0.999)) for k in (-1,1)])
def exact(p0,n,P):
    r=stats.binom.ppf(P,n,p0); F=stats.binom.cdf(r,n,p0); F1=stats.binom.cdf(r-1,n,p0)
    return (r-(F-P)/(F-F1))/n, r
for (pp,nn) in ((0.6175,40),(0.6175,100),(0.9,12),(0.05,30)):
    print('exact',pp,nn,*[repr(exact(pp,nn,P)[0]) for P in (0.025,0.975,0.001,0.999)], [exact(pp,nn,P)[1] for P in (0.025,0.975,0.001,0.999)])
print('binom cdf', repr(stats.binom.cdf(20,40,0.6175)), repr(stats.binom.cdf(3,300,0.02)), repr(stats.binom.cdf(290,300,0.95)))
print('chi2', repr(stats.chi2.sf(20.0,11)), repr(stats.chi2.sf(3.0,1)), repr(stats.chi2.sf(200.0,157)), repr(stats.chi2.ppf(0.95,157)), repr(stats.chi2.ppf(0.95,1)))
print('pct', repr(np.percentile([3.0,1.0,4.0,1.5,5.0],10)), repr(np.percentile([3.0,1.0,4.0,1.5,5.0],90)), repr(np.percentile([2.0,7.0],25)))
*/
