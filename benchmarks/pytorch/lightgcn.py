#!/usr/bin/python3
"""LightGCN (He et al. 2020) on PyTorch's CPU backend: times training epochs on the ML-1M fixed split.

The counterpart of KnowRec's `lightgcn` with the same data, model, batch, negatives and optimiser:
  * graph: users + items nodes, D^-1/2 A D^-1/2 over the training pairs (eq. 7), as torch sparse (COO, as the paper's
    code, or CSR);
  * E = mean of E^(0..K), E^(k+1) = Ã E^(k) (eqs. 3-4), propagated over the whole graph for every batch;
  * an epoch draws as many triples as training pairs: every pair once in a random order (--sampling pairs), or a
    uniform user with a history and one of their items (--sampling users, the paper's code); the negative is an item
    the user has not seen, drawn uniformly (rejection sampling);
  * loss: mean softplus(x- - x+) + λ/(2B) Σ ||e^(0)||² over the batch's users, positives and negatives (eq. 15);
  * Adam, initial embeddings N(0, 0.1²).

Run with Debian's torch (never in CI):  /usr/bin/python3 benchmarks/pytorch/lightgcn.py [--threads 2] [--epochs 2]
Prints the seconds of each epoch and the median; negative sampling is inside the timed epoch, as in KnowRec.
"""
import argparse
import os
import statistics
import time

import numpy as np
import torch


def read_pairs(path):
    users, items = [], []
    with open(path) as f:
        for line in f:
            fields = line.split()
            if len(fields) > 1:
                users.extend([int(fields[0])] * (len(fields) - 1))
                items.extend(int(x) for x in fields[1:])
    return np.array(users, dtype=np.int64), np.array(items, dtype=np.int64)


def load(folder):
    """Training pairs with dense ids: users 0..6039 as in the files, items renumbered over train ∪ test (3,706), as KnowRec's id maps do."""
    train_u, train_i = read_pairs(os.path.join(folder, "train.txt"))
    _, test_i = read_pairs(os.path.join(folder, "test.txt"))
    item_ids = np.unique(np.concatenate([train_i, test_i]))
    remap = np.full(item_ids.max() + 1, -1, dtype=np.int64)
    remap[item_ids] = np.arange(len(item_ids))
    return train_u, remap[train_i], int(train_u.max()) + 1, len(item_ids)


def normalized_graph(users, items, n_users, n_items, layout):
    n = n_users + n_items
    rows = np.concatenate([users, items + n_users])
    cols = np.concatenate([items + n_users, users])
    degree = np.bincount(rows, minlength=n).astype(np.float64)
    scale = np.zeros(n)
    scale[degree > 0] = degree[degree > 0] ** -0.5
    values = (scale[rows] * scale[cols]).astype(np.float32)
    graph = torch.sparse_coo_tensor(torch.from_numpy(np.stack([rows, cols])), torch.from_numpy(values), (n, n)).coalesce()
    return graph.to_sparse_csr() if layout == "csr" else graph


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="/work/shared/datasets/ml-1m/pieces-LIN452-ReSN")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--factors", type=int, default=64)
    parser.add_argument("--layers", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=8192)
    parser.add_argument("--learning-rate", type=float, default=0.01)
    parser.add_argument("--regularization", type=float, default=1e-3)
    parser.add_argument("--sampling", choices=["pairs", "users"], default="users")
    parser.add_argument("--layout", choices=["coo", "csr"], default="coo",
                        help="sparse layout of the graph; coo is the paper's code (torch 1.13's CSR backward was slower still)")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    users, items, n_users, n_items = load(args.data)
    pairs = len(users)
    graph = normalized_graph(users, items, n_users, n_items, args.layout)
    seen = np.sort(users * n_items + items)  # codes of training pairs, for rejecting seen negatives
    starts = np.searchsorted(users, np.arange(n_users + 1))  # pairs are grouped by user, as train.txt lists them
    active = np.flatnonzero(np.diff(starts) > 0)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; {n_users} users, {n_items} items, "
          f"{pairs} pairs; {vars(args)}", flush=True)

    embeddings = torch.nn.Parameter(torch.empty(n_users + n_items, args.factors).normal_(std=0.1))
    optimizer = torch.optim.Adam([embeddings], lr=args.learning_rate)
    seconds = []
    for epoch in range(args.epochs):
        start = time.perf_counter()
        if args.sampling == "pairs":
            order = rng.permutation(pairs)
        else:
            chosen = active[rng.integers(len(active), size=pairs)]
            order = starts[chosen] + (rng.random(pairs) * (starts[chosen + 1] - starts[chosen])).astype(np.int64)
        total = 0.0
        for b in range(0, pairs, args.batch_size):
            batch = order[b:b + args.batch_size]
            u = users[batch]
            negatives = rng.integers(n_items, size=len(batch))
            for _ in range(64):  # redraw negatives the user has seen (at most 64 draws, as KnowRec)
                codes = u * n_items + negatives
                at = np.minimum(np.searchsorted(seen, codes), len(seen) - 1)
                hit = seen[at] == codes
                if not hit.any():
                    break
                negatives[hit] = rng.integers(n_items, size=int(hit.sum()))
            u_t = torch.from_numpy(u)
            p_t = torch.from_numpy(items[batch] + n_users)
            n_t = torch.from_numpy(negatives + n_users)

            layer = embeddings
            layers = [embeddings]
            for _ in range(args.layers):
                layer = torch.sparse.mm(graph, layer) if args.layout == "coo" else graph @ layer
                layers.append(layer)
            final = torch.stack(layers, dim=1).mean(dim=1)
            user_rows = final[u_t]
            positive = (user_rows * final[p_t]).sum(dim=1)
            negative = (user_rows * final[n_t]).sum(dim=1)
            loss = torch.nn.functional.softplus(negative - positive).mean()
            penalty = (embeddings[u_t].pow(2).sum() + embeddings[p_t].pow(2).sum() + embeddings[n_t].pow(2).sum())
            objective = loss + args.regularization * penalty / (2 * len(batch))
            optimizer.zero_grad()
            objective.backward()
            optimizer.step()
            total += objective.item() * len(batch)
        seconds.append(time.perf_counter() - start)
        print(f"epoch {epoch + 1}: {seconds[-1]:.2f} s, loss {total / pairs:.4f}", flush=True)
    print(f"median seconds/epoch: {statistics.median(seconds):.2f}")


if __name__ == "__main__":
    main()
