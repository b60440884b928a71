#!/usr/bin/env python3
"""Independent popularity metrics from a split saved by `knowrec evaluate --save-split DIR`.

Reads DIR/train.tsv and DIR/test.tsv (user, item, value, timestamp; tab-separated, no header), ranks items by the
number of training users, leaves out each user's training items, and prints Precision/Recall/NDCG@K averaged over
users with at least one test item. Catalogue = every item in train or test; ties go to the item seen first in the
files (train, then test). KnowRec breaks ties by its own item index, so the two can differ only where items of equal
popularity straddle a user's K-th place, which moves the averages far less than 0.001 on real data. Standard library
only, on purpose: it shares no code with KnowRec.

usage: python3 tools/popularity_check.py DIR [K]
"""
import math
import sys


def read(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                rows.append((parts[0], parts[1]))
    return rows


def main():
    folder = sys.argv[1]
    k = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    train = read(folder + "/train.tsv")
    test = read(folder + "/test.tsv")
    order = {}
    for _, item in train + test:
        order.setdefault(item, len(order))
    count = {}
    seen = {}
    for user, item in train:
        count[item] = count.get(item, 0) + 1
        seen.setdefault(user, set()).add(item)
    ranked = sorted(order, key=lambda i: (-count.get(i, 0), order[i]))
    truth = {}
    for user, item in test:
        truth.setdefault(user, set()).add(item)
    p = r = n = 0.0
    for user, relevant in truth.items():
        history = seen.get(user, set())
        top = []
        for item in ranked:
            if item not in history:
                top.append(item)
                if len(top) == k:
                    break
        hits = [1 if item in relevant else 0 for item in top]
        p += sum(hits) / k
        r += sum(hits) / len(relevant)
        dcg = sum(h / math.log2(rank + 2) for rank, h in enumerate(hits))
        idcg = sum(1 / math.log2(rank + 2) for rank in range(min(k, len(relevant))))
        n += dcg / idcg
    users = len(truth)
    print(f"users {users} precision@{k} {p / users:.6f} recall@{k} {r / users:.6f} ndcg@{k} {n / users:.6f}")


if __name__ == "__main__":
    main()
