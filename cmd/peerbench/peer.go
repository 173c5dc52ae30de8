package main

// peerDriver times one peer operation through ../shared/bench/bench.py's
// own loaders and operations, with the process's CPU time beside the wall
// time that bench.py records, and prints the medians as JSON.
const peerDriver = `
import argparse, gc, json, os, statistics, sys, tempfile, time
ap = argparse.ArgumentParser()
for f in ("--bench", "--data", "--tool", "--size", "--op"):
    ap.add_argument(f, required=True)
ap.add_argument("--reps", type=int, default=3)
a = ap.parse_args()
sys.path.insert(0, a.bench)
import bench
import networkx, igraph, scipy  # noqa: F401  (as bench.py does)
bench.DATA = a.data
bench.OUTD = tempfile.mkdtemp()
loader = {"nx": bench.load_nx, "ig": bench.load_ig, "sp": bench.load_sp}[a.tool]
G = loader(os.path.join(a.data, a.size + ".edges.tsv"))
ops = {"nx": bench.ops_nx, "ig": bench.ops_ig, "sp": bench.ops_sp}[a.tool]()
info = {}
f = ops[a.op](G, a.size, info)
cpu, wall = [], []
for _ in range(a.reps):
    gc.collect()
    c0, w0 = time.process_time(), time.perf_counter()
    res = f()
    cpu.append(time.process_time() - c0)
    wall.append(time.perf_counter() - w0)
    del res
print(json.dumps({"CPU": statistics.median(cpu), "Wall": statistics.median(wall), "Info": info}))
`
