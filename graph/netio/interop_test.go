package netio

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/cluster"
	"github.com/citegraph/citegraph/graph/internal/corpustest"
	"github.com/citegraph/citegraph/graph/network"
	"github.com/citegraph/citegraph/graph/scimap"
	"github.com/citegraph/citegraph/parse"
)

// TestInterchange writes the citation, coupling and co-citation networks
// of the seeds and of a Web of Science export in every format, and reads
// every file back with networkx and python-igraph (Debian's python3): the
// same numbers of nodes and edges, and the same attributes on sample nodes.
// It skips when /usr/bin/python3 lacks networkx, igraph or pygraphviz.
func TestInterchange(t *testing.T) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import networkx, igraph, pygraphviz").Run(); err != nil {
		t.Skipf("%s with networkx, igraph and pygraphviz is needed (Debian: python3-networkx python3-igraph python3-pygraphviz): %v", py, err)
	}
	for _, set := range []string{"seeds", "wosfile"} {
		t.Run(set, func(t *testing.T) {
			paths := []string{filepath.Join("..", "..", "seeds")}
			if set == "wosfile" {
				paths = []string{corpustest.File(t, "wos/wosfile_wos_plaintext.txt")}
			}
			g, m := readGraph(t, paths)
			dir := t.TempDir()
			var manifest []map[string]any
			cit := Citation(g, m, nil)
			co, _, _ := Pairs(g, m, PairOptions{Top: 2000})
			coc, _, _ := Pairs(g, m, PairOptions{Cocitation: true, Top: 2000})
			nets := []*Network{cit, co, coc}
			// science maps: clusters, positions and sizes
			for _, kind := range []network.Kind{network.Cocitation, network.Cooccurrence} {
				mp, err := scimap.Make(g, &scimap.Options{Network: network.Options{Kind: kind, MaxNodes: 300}, Cluster: cluster.Options{Seed: 1}, Draw: -1, Seed: 1})
				if err != nil {
					t.Fatal(err)
				}
				if len(mp.Network.Nodes) > 0 {
					nets = append(nets, Map(g, m, mp, nil))
				}
			}
			for _, net := range nets {
				manifest = append(manifest, writeAll(t, dir, net))
			}
			var in bytes.Buffer
			json.NewEncoder(&in).Encode(manifest)
			cmd := exec.Command(py, filepath.Join("testdata", "interop.py"), dir)
			cmd.Stdin = &in
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("interop.py: %v\n%s", err, stderr.String())
			}
			want := map[string][2]int{}
			for _, mf := range manifest {
				want[mf["name"].(string)] = [2]int{mf["nodes"].(int), mf["edges"].(int)}
			}
			readers := 0
			sc := bufio.NewScanner(bytes.NewReader(out))
			for sc.Scan() {
				var r struct {
					Network, Format, Reader string
					Nodes, Edges            int
					Bad                     []string
				}
				if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
					t.Fatalf("%v: %s", err, sc.Text())
				}
				readers++
				w := want[r.Network]
				if strings.HasPrefix(r.Format, "pajek-") { // a .clu or .vec: one value per vertex
					w[1] = 0
				}
				t.Logf("%-10s %-22s %-9s %6d nodes %6d edges", r.Network, r.Format, r.Reader, r.Nodes, r.Edges)
				if r.Nodes != w[0] || r.Edges != w[1] || len(r.Bad) > 0 {
					t.Errorf("%s %s read by %s: %d nodes, %d edges, differences %v; citegraph wrote %d and %d",
						r.Network, r.Format, r.Reader, r.Nodes, r.Edges, r.Bad, w[0], w[1])
				}
			}
			if readers < len(nets)*14 {
				t.Errorf("only %d reads reported", readers)
			}
		})
	}
}

func readGraph(t *testing.T, paths []string) (*graph.Graph, *graph.Metrics) {
	t.Helper()
	files, _ := parse.Files(paths)
	var recs []parse.Record
	for _, f := range files {
		res, err := parse.ReadFile(f, "")
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, res.Records...)
	}
	g := graph.New(graph.Resolve(recs, nil))
	return g, g.Metrics(nil)
}

// writeAll writes every format of net into dir, as citegraph export names
// the files, and returns what the reader must find.
func writeAll(t *testing.T, dir string, net *Network) map[string]any {
	t.Helper()
	file := func(suffix string, write func(io.Writer) error) []byte {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, net.Name+suffix), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	file(".gexf", func(w io.Writer) error { return WriteGEXF(w, net, nil) })
	file(".graphml", func(w io.Writer) error { return WriteGraphML(w, net) })
	file(".json", func(w io.Writer) error { return WriteJSON(w, net) })
	file(".jsonl", func(w io.Writer) error { return WriteJSONL(w, net) })
	file(".dot", func(w io.Writer) error { return WriteDOT(w, net) })
	var nodes, edges bytes.Buffer
	if err := WriteCSV(&nodes, &edges, net); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, net.Name+"-nodes.csv"), nodes.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, net.Name+"-edges.csv"), edges.Bytes(), 0o644)
	var pajekLabels []string
	var values []string
	for _, f := range Pajek(net) {
		b := file(f.Suffix, f.Write)
		if f.Suffix == ".net" {
			pajekLabels = pajekNetLabels(b)
		} else {
			values = append(values, f.Suffix)
		}
	}
	vosMap := file("-vosviewer-map.txt", func(w io.Writer) error { return WriteVOSMap(w, net) })
	var vosLabels []string
	for _, l := range strings.Split(strings.TrimSpace(string(vosMap)), "\n")[1:] {
		vosLabels = append(vosLabels, strings.Split(l, "\t")[1])
	}
	file("-vosviewer-network.txt", func(w io.Writer) error { return WriteVOSNetwork(w, net) })
	file("-vosviewer.json", func(w io.Writer) error { return WriteVOSJSON(w, net) })

	edgeN := 0
	for range net.Edges {
		edgeN++
	}
	// samples: the first node, the last, and a few between
	var samples []map[string]any
	step := max(1, net.Len/7)
	for i, nd := range net.Nodes() {
		if i%step != 0 && i != net.Len-1 {
			continue
		}
		s := map[string]any{"id": nd.ID, "label": nd.label(), "pajek_label": pajekLabels[i], "vos_label": vosLabels[i]}
		for k, a := range net.NodeAttrs {
			if v := nd.Values[k]; v != nil && (a.Name == "year" || a.Name == "doi" || a.Name == "in_corpus" || a.Name == "pagerank" || a.Name == "in_degree") {
				s[a.Name] = v
			}
		}
		samples = append(samples, s)
	}
	return map[string]any{"name": net.Name, "nodes": net.Len, "edges": edgeN, "directed": net.Directed,
		"samples": samples, "pajek_values": values}
}

// pajekNetLabels returns the vertex labels of a .net file, in order.
func pajekNetLabels(net []byte) []string {
	var labels []string
	for _, l := range strings.Split(string(net), "\n") {
		if i := strings.IndexByte(l, '"'); i > 0 && !strings.HasPrefix(l, "*") && !strings.HasPrefix(l, "%") {
			j := strings.LastIndexByte(l, '"')
			labels = append(labels, l[i+1:j])
		}
	}
	return labels
}
