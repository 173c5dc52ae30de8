"""Read every network file citegraph wrote with networkx and python-igraph.

Usage: /usr/bin/python3 interop.py DIR < manifest.json

The manifest lists, per network, its files and what citegraph wrote: the
number of nodes and edges, whether it is directed, and a few nodes with
their attributes. For every file and every reader that handles its format,
one JSON line is printed: the counts read and the attributes that differ.
networkx 2.8 (Debian 12) knows GEXF up to 1.2draft only: the 1.3 namespace
is registered the way networkx 3.6 does it (networkx PR #8196), nothing else
is changed.
"""
import csv
import json
import os
import sys

import networkx as nx
import igraph as ig
from networkx.readwrite import gexf as nxgexf

nxgexf.GEXF.versions.setdefault("1.3", {
    "NS_GEXF": "http://gexf.net/1.3",
    "NS_VIZ": "http://gexf.net/1.3/viz",
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
    "VERSION": "1.3",
})

d = sys.argv[1]
manifest = json.load(sys.stdin)


def same(got, want):
    if isinstance(want, float) or isinstance(got, float):
        try:
            return abs(float(got) - float(want)) <= 1e-9 * max(1.0, abs(float(want)))
        except (TypeError, ValueError):
            return False
    if isinstance(want, bool):
        return str(got).lower() == str(want).lower()
    if isinstance(want, int):
        try:
            return int(float(got)) == want
        except (TypeError, ValueError):
            return False
    return str(got) == str(want)


def check(key_of, attrs_of, samples, keys):
    """Compare sample nodes: key_of(sample) finds the node, attrs_of its attributes."""
    bad = []
    for s in samples:
        a = attrs_of(key_of(s))
        if a is None:
            bad.append("%s: missing" % s["id"])
            continue
        for k in keys:
            if k in s and not same(a.get(k), s[k]):
                bad.append("%s.%s: %r != %r" % (s["id"], k, a.get(k), s[k]))
    return bad


def emit(net, fmt, reader, nodes, edges, bad):
    print(json.dumps({"network": net, "format": fmt, "reader": reader, "nodes": nodes, "edges": edges, "bad": bad[:5]}))


ATTRS = ["label", "year", "doi", "in_corpus", "pagerank", "in_degree"]

for net in manifest:
    name, samples = net["name"], net["samples"] or []
    p = lambda suffix: os.path.join(d, name + suffix)
    by_id = {s["id"]: s for s in samples}

    # GEXF: networkx (nodes keyed by id)
    g = nx.read_gexf(p(".gexf"), version="1.3")
    emit(name, "gexf", "networkx", g.number_of_nodes(), g.number_of_edges(),
         check(lambda s: s["id"], lambda k: dict(g.nodes[k], label=g.nodes[k].get("label")) if k in g else None, samples, ATTRS))

    # GraphML: networkx and igraph (the ID is the "name" attribute)
    g = nx.read_graphml(p(".graphml"))
    names = {a.get("name"): k for k, a in g.nodes(data=True)}
    emit(name, "graphml", "networkx", g.number_of_nodes(), g.number_of_edges(),
         check(lambda s: names.get(s["id"]), lambda k: g.nodes[k] if k is not None else None, samples, ATTRS))
    h = ig.Graph.Read_GraphML(p(".graphml"))
    vid = {v["name"]: v.index for v in h.vs}
    emit(name, "graphml", "igraph", h.vcount(), h.ecount(),
         check(lambda s: vid.get(s["id"]), lambda k: h.vs[k].attributes() if k is not None else None, samples, ATTRS))

    # Pajek .net: networkx names vertices by label, igraph keeps the label as "id"
    g = nx.read_pajek(p(".net"))
    h = ig.Graph.Read_Pajek(p(".net"))
    # labels made unique ("Newman 2003 #2") as the manifest gives them
    pajek = [dict(s, label=s["pajek_label"]) for s in samples]
    emit(name, "pajek", "networkx", g.number_of_nodes(), g.number_of_edges(),
         check(lambda s: s["pajek_label"], lambda k: {"label": k} if k in g else None, pajek, ["label"]))
    ids = set(h.vs["id"]) if h.vcount() else set()
    emit(name, "pajek", "igraph", h.vcount(), h.ecount(),
         check(lambda s: s["pajek_label"], lambda k: {"label": k} if k in ids else None, pajek, ["label"]))
    for suffix in net["pajek_values"]:
        with open(p(suffix), encoding="utf-8") as f:
            lines = [l for l in f.read().split("\n") if l.strip()]
        emit(name, "pajek" + suffix, "python", len(lines) - 1, 0,
             [] if lines[0].split()[1] == str(len(lines) - 1) else ["*Vertices %s, %d values" % (lines[0], len(lines) - 1)])

    # CSV: the standard library's reader, then networkx and igraph graphs
    with open(p("-nodes.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(p("-edges.csv"), newline="", encoding="utf-8") as f:
        erows = list(csv.DictReader(f))
    G = nx.MultiDiGraph() if net["directed"] else nx.MultiGraph()
    G.add_nodes_from((r["id"], r) for r in rows)
    G.add_edges_from((r["source"], r["target"], r) for r in erows)
    emit(name, "csv", "networkx", G.number_of_nodes(), G.number_of_edges(),
         check(lambda s: s["id"], lambda k: G.nodes[k] if k in G else None, samples, ATTRS))
    h = ig.Graph.DictList(rows, erows, directed=net["directed"], vertex_name_attr="id", edge_foreign_keys=("source", "target"))
    emit(name, "csv", "igraph", h.vcount(), h.ecount(), [])

    # JSON and JSON Lines
    with open(p(".json"), encoding="utf-8") as f:
        j = json.load(f)
    h = ig.Graph.DictList(j["nodes"], j["edges"], directed=j["directed"], vertex_name_attr="id", edge_foreign_keys=("source", "target"))
    jn = {n["id"]: n for n in j["nodes"]}
    emit(name, "json", "igraph", h.vcount(), h.ecount(), check(lambda s: s["id"], jn.get, samples, ATTRS))
    with open(p(".jsonl"), encoding="utf-8") as f:
        lines = [json.loads(l) for l in f if l.strip()]
    G = nx.node_link_graph({"directed": lines[0]["directed"], "multigraph": True, "graph": {},
                            "nodes": [l for l in lines if l["type"] == "node"],
                            "links": [l for l in lines if l["type"] == "edge"]}, source="source", target="target")
    emit(name, "jsonl", "networkx", G.number_of_nodes(), G.number_of_edges(),
         check(lambda s: s["id"], lambda k: G.nodes[k] if k in G else None, samples, ATTRS))

    # VOSviewer: map and network files (tab-separated), VOSviewer JSON
    with open(p("-vosviewer-map.txt"), newline="", encoding="utf-8") as f:
        items = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    with open(p("-vosviewer-network.txt"), encoding="utf-8") as f:
        links = [l.split("\t") for l in f.read().split("\n") if l]
    h = ig.Graph(n=len(items), edges=[(int(a) - 1, int(b) - 1) for a, b, _ in links], directed=net["directed"])
    label_of = {r["label"]: r for r in items}
    vos = [dict(s, label=s["vos_label"]) for s in samples]
    emit(name, "vosviewer-map+network", "igraph", h.vcount(), h.ecount(),
         check(lambda s: s["vos_label"], label_of.get, vos, ["label"]))
    with open(p("-vosviewer.json"), encoding="utf-8") as f:
        v = json.load(f)["network"]
    G = nx.Graph()
    G.add_nodes_from(i["id"] for i in v["items"])
    G = nx.MultiDiGraph(G) if net["directed"] else nx.MultiGraph(G)
    G.add_edges_from((l["source_id"], l["target_id"]) for l in v["links"])
    emit(name, "vosviewer-json", "networkx", G.number_of_nodes(), G.number_of_edges(), [])

    # DOT: networkx through pygraphviz, that is Graphviz's own parser
    g = nx.nx_agraph.read_dot(p(".dot"))
    emit(name, "dot", "networkx", g.number_of_nodes(), g.number_of_edges(),
         check(lambda s: s["id"], lambda k: g.nodes[k] if k in g else None, samples, ATTRS))
