"""SASRec (Kang & McAuley 2018) in PyTorch, the same model and data as KnowRec's `sasrec`, to time one training epoch.

Run with Debian's Python (python3-torch 1.13, CPU), never in CI:

    /usr/bin/python3 benchmarks/pytorch/sasrec.py --data ml-1m/ratings-partial-users-1-2999 --maxlen 200 --epochs 3

The data, split and model mirror src/KnowRec/Models/Sequential/:
- ratings read straight from $KNOWREC_DATA (default /work/shared/datasets); the catalogue is every item of the
  metadata file (u.item / movies.dat) plus any rated item, as KnowRec's loader builds it;
- leave-last-out: per user, rows sorted by (timestamp, file order); the last row is held out when the user has two or
  more; training windows are each user's last n + 1 training items, right-aligned;
- item embedding x sqrt(d) + learned position embedding, dropout; b blocks of [LayerNorm -> causal single/multi-head
  self-attention (Q from the normed input, K and V from the raw input, biased projections, no output projection,
  dropout on the attention weights) -> residual from the normed input -> LayerNorm -> Linear, dropout, ReLU, Linear,
  dropout -> residual from the normed input]; final LayerNorm; score = F_t . M_i with the shared item embedding;
- loss: BCE with logits on the next item and on one uniform item the user never had, per real (non-padded) slot,
  each part averaged over the slots; Adam(lr, betas=(0.9, 0.98)); users shuffled each epoch, batches of 128.
Padded keys are masked with a large negative logit (the authors' TensorFlow code does the same); rows of padded
queries then differ from KnowRec's zero rows, but they are never read, so the loss and gradients agree.
Prints the wall time of each epoch and the median over the epochs after the first.
"""
import argparse
import gzip
import math
import os
import statistics
import time

import numpy as np
import torch


def load(name, root):
    folder = os.path.join(root, name)
    rows, items = [], []
    if os.path.exists(os.path.join(folder, "u.data")):
        with open(os.path.join(folder, "u.data")) as f:
            for line in f:
                u, i, _, t = line.split("\t")
                rows.append((u, i, int(t)))
        with open(os.path.join(folder, "u.item"), encoding="latin-1") as f:
            items = [line.split("|")[0] for line in f if line.strip()]
    else:
        path = os.path.join(folder, "ratings.dat.gz")
        opener = gzip.open if os.path.exists(path) else open
        path = path if os.path.exists(path) else os.path.join(folder, "ratings.dat")
        with opener(path, "rt") as f:
            for line in f:
                u, i, _, t = line.strip().split("::")
                rows.append((u, i, int(t)))
        movies = os.path.join(os.path.dirname(folder.rstrip("/")), "movies.dat")
        if os.path.exists(movies):
            with open(movies, encoding="latin-1") as f:
                items = [line.split("::")[0] for line in f if line.strip()]
    item_index = {}
    for i in items + [r[1] for r in rows]:
        item_index.setdefault(i, len(item_index))
    by_user = {}
    for order, (u, i, t) in enumerate(rows):
        by_user.setdefault(u, []).append((t, order, item_index[i]))
    sequences = []
    for u in by_user:
        history = [item for _, _, item in sorted(by_user[u])]
        sequences.append(history[:-1] if len(history) >= 2 else history)
    return sequences, len(item_index)


class Block(torch.nn.Module):
    def __init__(self, d, heads, dropout):
        super().__init__()
        self.heads, self.dropout = heads, dropout
        self.ln1 = torch.nn.LayerNorm(d, eps=1e-8)
        self.q, self.k, self.v = (torch.nn.Linear(d, d) for _ in range(3))
        self.ln2 = torch.nn.LayerNorm(d, eps=1e-8)
        self.inner, self.outer = torch.nn.Linear(d, d), torch.nn.Linear(d, d)

    def forward(self, x, mask):
        b, n, d = x.shape
        h, dh = self.heads, d // self.heads
        queries = self.ln1(x)
        split = lambda t: t.view(b, n, h, dh).transpose(1, 2)
        q, k, v = split(self.q(queries)), split(self.k(x)), split(self.v(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(dh)
        scores = scores.masked_fill(mask, -4294967295.0)
        weights = torch.nn.functional.dropout(torch.softmax(scores, dim=-1), self.dropout, self.training)
        attended = torch.matmul(weights, v).transpose(1, 2).reshape(b, n, d)
        x = queries + attended
        normed = self.ln2(x)
        hidden = torch.relu(torch.nn.functional.dropout(self.inner(normed), self.dropout, self.training))
        return normed + torch.nn.functional.dropout(self.outer(hidden), self.dropout, self.training)


class SasRec(torch.nn.Module):
    def __init__(self, items, n, d, blocks, heads, dropout):
        super().__init__()
        self.n, self.d, self.dropout = n, d, dropout
        self.item = torch.nn.Embedding(items, d)
        self.position = torch.nn.Embedding(n, d)
        self.blocks = torch.nn.ModuleList(Block(d, heads, dropout) for _ in range(blocks))
        self.final = torch.nn.LayerNorm(d, eps=1e-8)
        for name, p in self.named_parameters():
            if p.dim() >= 2:
                torch.nn.init.xavier_normal_(p)
            elif name.endswith("bias"):
                torch.nn.init.zeros_(p)

    def forward(self, inputs, padding):
        x = self.item(inputs) * math.sqrt(self.d) + self.position.weight.unsqueeze(0)
        x = torch.nn.functional.dropout(x, self.dropout, self.training)
        causal = torch.triu(torch.ones(self.n, self.n, dtype=torch.bool), 1)
        mask = (causal.unsqueeze(0) | padding.unsqueeze(1)).unsqueeze(1)
        for block in self.blocks:
            x = block(x, mask)
        return self.final(x)


def windows(users, sequences, seen, n, items, rng):
    b = len(users)
    inputs = np.zeros((b, n), dtype=np.int64)
    targets = np.zeros((b, n), dtype=np.int64)
    padding = np.ones((b, n), dtype=bool)
    for row, u in enumerate(users):
        s = sequences[u]
        k = min(n, len(s) - 1)
        inputs[row, n - k:] = s[-k - 1:-1]
        targets[row, n - k:] = s[-k:]
        padding[row, n - k:] = False
    real = ~padding
    rows = np.repeat(np.asarray(users), n).reshape(b, n)[real]
    negatives = rng.integers(0, items, size=rows.shape[0])
    clash = seen[rows, negatives]
    while clash.any():
        negatives[clash] = rng.integers(0, items, size=int(clash.sum()))
        clash = seen[rows, negatives]
    return inputs, padding, real, targets[real], negatives


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default="ml-100k")
    parser.add_argument("--root", default=os.environ.get("KNOWREC_DATA", "/work/shared/datasets"))
    parser.add_argument("--maxlen", type=int, default=50)
    parser.add_argument("--factors", type=int, default=50)
    parser.add_argument("--blocks", type=int, default=2)
    parser.add_argument("--heads", type=int, default=1)
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)

    sequences, items = load(args.data, args.root)
    seen = np.zeros((len(sequences), items), dtype=bool)
    for u, s in enumerate(sequences):
        seen[u, s] = True
    trainable = np.array([u for u, s in enumerate(sequences) if len(s) >= 2])
    model = SasRec(items, args.maxlen, args.factors, args.blocks, args.heads, args.dropout)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.98))
    bce = torch.nn.BCEWithLogitsLoss()
    print(f"{args.data}: {len(sequences)} users, {items} items, {len(trainable)} trainable; n={args.maxlen} d={args.factors} "
          f"blocks={args.blocks} heads={args.heads} batch={args.batch}; torch {torch.__version__}, {torch.get_num_threads()} threads")
    times = []
    for epoch in range(args.epochs):
        start = time.perf_counter()
        model.train()
        order = rng.permutation(trainable)
        total = 0.0
        for at in range(0, len(order), args.batch):
            users = order[at:at + args.batch]
            inputs, padding, real, positives, negatives = windows(users, sequences, seen, args.maxlen, items, rng)
            features = model(torch.from_numpy(inputs), torch.from_numpy(padding))[torch.from_numpy(real)]
            positive = (features * model.item(torch.from_numpy(positives))).sum(-1)
            negative = (features * model.item(torch.from_numpy(negatives))).sum(-1)
            loss = bce(positive, torch.ones_like(positive)) + bce(negative, torch.zeros_like(negative))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(users)
        times.append(time.perf_counter() - start)
        print(f"epoch {epoch + 1}: {times[-1]:.3f} s, loss {total / len(trainable):.4f}", flush=True)
    later = times[1:] if len(times) > 1 else times
    print(f"pytorch sasrec on {args.data}, {args.threads} threads: median epoch {statistics.median(later):.3f} s over {len(later)} epoch(s) after the first")


if __name__ == "__main__":
    main()
