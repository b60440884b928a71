"""Simple non-learned scorers for new users on a saved cold-users split, to bound what popularity-plus-signal blends reach.

Usage (numpy only):
  knowrec evaluate --data ml-1m/ratings-partial-users-1-2999 --protocol cold-users --model popularity --save-split /tmp/cu
  /usr/bin/python3 benchmarks/cold_users_probe.py /tmp/cu
NDCG@10 is computed as KnowRec does (full ranking, training items excluded, every test row relevant); the first line
reproduces popularity's figure exactly, as a check of the replication.
"""
import os, sys
SPLIT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/cu'
DATA = os.environ.get('KNOWREC_DATA', '../shared/datasets')
import numpy as np, collections, math
tr=np.loadtxt(SPLIT+'/train.tsv',dtype=np.int64); te=np.loadtxt(SPLIT+'/test.tsv',dtype=np.int64)
users={}
for l in open(DATA+'/ml-1m/users.dat',encoding='latin-1'):
    f=l.strip().split('::'); users[int(f[0])]=(f[1],int(f[2]),int(f[3]))
items=sorted(set(tr[:,1])|set(te[:,1])); ix={v:k for k,v in enumerate(items)}; n=len(items)
newu=sorted(set(te[:,0]))
hist=collections.defaultdict(list)
for u,i,r,t in tr: hist[u].append(ix[i])
test=collections.defaultdict(set)
for u,i,r,t in te: test[u].add(ix[i])
warm=[u for u in hist if u not in test]
pop=np.zeros(n)
for u,i,r,t in tr: pop[ix[i]]+=1
def ndcg(scorefn):
    s=[]
    for u in newu:
        sc=scorefn(u).astype(float).copy(); sc[hist[u]]=-1e18
        top=np.argsort(-sc,kind='stable')[:10]
        dcg=sum(1/math.log2(k+2) for k,i in enumerate(top) if i in test[u])
        idcg=sum(1/math.log2(k+2) for k in range(min(10,len(test[u]))))
        s.append(dcg/idcg)
    return np.mean(s)
print('pop',ndcg(lambda u:pop))
# segment popularity
seg=collections.defaultdict(lambda: np.zeros(n))
for u,i,r,t in tr:
    if u in test: continue
    g,a,o=users[u]; seg[(g,a)][ix[i]]+=1; seg[('o',o)][ix[i]]+=1
for w in [0.5,1,2]:
    print('segment pop (gender, age)', w, ndcg(lambda u: np.log1p(pop)+w*np.log1p(seg[users[u][:2]])))
# item co-occurrence from warm users
wr=[(u,ix[i]) for u,i,r,t in tr if u not in test]
uid={u:k for k,u in enumerate(sorted(set(x[0] for x in wr)))}
X=np.zeros((len(uid),n),dtype=np.float32)
for u,i in wr: X[uid[u],i]=1
G=X.T@X
norm=np.sqrt(np.diag(G))+1e-9
C=G.copy(); np.fill_diagonal(C,0)
S=C/norm[:,None]/norm[None,:]
for w in [0.5,1,2,4]:
    print('pop+knn',w,ndcg(lambda u: np.log1p(pop)/np.log1p(pop).max()+w*S[hist[u]].sum(0)/len(hist[u])))

lp=np.log1p(pop)/np.log1p(pop).max()
for w in [0.25,0.5,1]:
  for a in [0.5,1]:
    print('pop+knn+seg',w,a,ndcg(lambda u: lp+w*S[hist[u]].sum(0)/len(hist[u])+a*np.log1p(seg[users[u][:2]])/np.log1p(seg[users[u][:2]]).max()))
P=C/(np.diag(G)[:,None]+1)
for w in [1,2,4,8]:
    print('pop+cond',w,ndcg(lambda u: lp+w*P[hist[u]].mean(0)))
trw=np.array([(ix[i],t) for u,i,r,t in tr if u not in test])
order=np.argsort(trw[:,1]); trw=trw[order]
first={u:min(t for uu,i,r,t in tr if uu==u) for u in newu}
def tpop(u,days):
    t0=first[u]; lo=np.searchsorted(trw[:,1],t0-days*86400); hi=np.searchsorted(trw[:,1],t0+days*86400)
    return np.bincount(trw[lo:hi,0],minlength=n)
for d in [3,10,30,90]:
    print('timepop',d,ndcg(lambda u: np.log1p(tpop(u,d))+0.3*lp))
