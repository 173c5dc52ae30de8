#!/usr/bin/env python3
"""Makes the networkx cross-check data for graph/metrics_test.go.

Writes edges.tsv (a fixed-seed citation-like digraph of 320 nodes, mostly
citing older nodes, with a few cycles and isolated nodes) and expected.tsv
(networkx 2.8 in_degree, out_degree, pagerank, hub, authority, betweenness),
plus coupling.tsv and cocitation.tsv (pair counts from set intersections).
Run with Debian's python3-networkx:  /usr/bin/python3 gen.py
"""
import math
import random

import networkx as nx

rng = random.Random(20261124)
n = 320
G = nx.DiGraph()
names = [f"n{i:03d}" for i in range(n)]
G.add_nodes_from(names)
for i in range(1, n - 10):  # the last 10 nodes stay isolated
    k = rng.choice([0, 1, 2, 3, 3, 4, 5, 6, 8])
    for _ in range(k):
        j = int(i * rng.random() ** 0.7)  # older, biased to recent
        if j != i:
            G.add_edge(names[i], names[j])
for _ in range(12):  # a few citations to newer works: cycles
    a, b = rng.randrange(n - 10), rng.randrange(n - 10)
    if a != b:
        G.add_edge(names[a], names[b])

with open("edges.tsv", "w") as f:
    for u, v in sorted(G.edges()):
        f.write(f"{u}\t{v}\n")

pr = nx.pagerank(G, alpha=0.85, tol=1e-14, max_iter=10000)
hubs, auth = nx.hits(G, max_iter=10000, tol=1e-14)
bc = nx.betweenness_centrality(G, normalized=True)
with open("expected.tsv", "w") as f:
    f.write("node\tin_degree\tout_degree\tpagerank\thub\tauthority\tbetweenness\n")
    for v in names:
        f.write(f"{v}\t{G.in_degree(v)}\t{G.out_degree(v)}\t{pr[v]:.15g}\t{hubs[v]:.15g}\t{auth[v]:.15g}\t{bc[v]:.15g}\n")

def pairs(sets, out):
    keys = sorted(k for k in sets if sets[k])
    with open(out, "w") as f:
        for x in range(len(keys)):
            for y in range(x + 1, len(keys)):
                a, b = keys[x], keys[y]
                c = len(sets[a] & sets[b])
                if c:
                    cos = c / math.sqrt(len(sets[a]) * len(sets[b]))
                    f.write(f"{a}\t{b}\t{c}\t{cos:.15g}\n")

pairs({v: set(G.successors(v)) for v in names}, "coupling.tsv")
pairs({v: set(G.predecessors(v)) for v in names}, "cocitation.tsv")
print(nx.__version__, G.number_of_nodes(), G.number_of_edges())
