package netio

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/cluster"
	"github.com/citegraph/citegraph/graph/network"
	"github.com/citegraph/citegraph/graph/scimap"
	"github.com/citegraph/citegraph/parse"
)

// sample is a small clustered map with hostile text, written by hand.
func sample() *Network {
	attrs := []Attr{
		{Name: "title", Type: String, Title: "Title", Describe: true},
		{Name: "year", Type: Int, Title: "Pub. year", VOS: "score", Describe: true},
		{Name: "score", Type: Float, VOS: "weight"},
		{Name: "flag", Type: Bool},
	}
	t := &Table{
		Name: "test map", Description: "a test", NodeAttrs: attrs,
		EdgeAttrs: []Attr{{Name: "kind", Type: String}},
		Nodes: []Node{
			{ID: "doi:10.1/a", Label: `Smith "the" <first>`, Values: []any{"Tab\there & a\x01ctl", 2001, 0.5, true}, URL: "https://doi.org/10.1/a", Cluster: 1, X: -1, Y: 2, Size: 3},
			{ID: "b", Label: `Smith "the" <first>`, Values: []any{nil, 1999, 1.25e-7, false}, Cluster: 2, X: 1, Y: 0, Size: 1},
			{ID: "c;d", Label: "", Values: []any{"Naïve, \"quoted\"\nline", nil, 2.0, nil}, Cluster: 1, X: 0, Y: -2, Size: 2},
		},
		Edges: []Edge{
			{From: 0, To: 1, Weight: 3, Values: []any{"x"}},
			{From: 1, To: 2, Weight: 0.5, Values: []any{nil}},
		},
		Weighted: true, Layout: true, Sized: true,
		Clusters: []Cluster{{ID: 1, Label: "one"}, {ID: 2}},
	}
	return t.Network()
}

func write(t *testing.T, f func(io.Writer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestJSON(t *testing.T) {
	n := sample()
	var v struct {
		Network  string
		Directed bool
		Nodes    []map[string]any
		Edges    []map[string]any
	}
	out := write(t, func(w io.Writer) error { return WriteJSON(w, n) })
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if v.Network != "test map" || len(v.Nodes) != 3 || len(v.Edges) != 2 {
		t.Fatalf("%+v", v)
	}
	if v.Nodes[0]["title"] != "Tab\there & a\x01ctl" || v.Nodes[0]["year"] != 2001.0 || v.Nodes[0]["flag"] != true ||
		v.Nodes[0]["cluster"] != 1.0 || v.Nodes[0]["x"] != -1.0 || v.Nodes[1]["score"] != 1.25e-7 {
		t.Errorf("node 0 %v, node 1 %v", v.Nodes[0], v.Nodes[1])
	}
	if _, ok := v.Nodes[1]["title"]; ok {
		t.Error("an unknown value is written")
	}
	if v.Nodes[2]["label"] != "c;d" || v.Edges[1]["source"] != "b" || v.Edges[1]["weight"] != 0.5 {
		t.Errorf("label falls back to the ID, edges name nodes: %v %v", v.Nodes[2], v.Edges[1])
	}
	lines := strings.Split(strings.TrimSpace(write(t, func(w io.Writer) error { return WriteJSONL(w, n) })), "\n")
	if len(lines) != 6 {
		t.Fatalf("JSON Lines: %d lines, want 1 + 3 + 2", len(lines))
	}
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		want := []string{"network", "node", "node", "node", "edge", "edge"}[i]
		if m["type"] != want {
			t.Errorf("line %d type %v, want %s", i+1, m["type"], want)
		}
	}
}

func TestCSV(t *testing.T) {
	var nodes, edges bytes.Buffer
	if err := WriteCSV(&nodes, &edges, sample()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(nodes.String(), "\r\n") {
		t.Error("RFC 4180 wants CRLF line ends")
	}
	rows, err := csv.NewReader(&nodes).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"id", "label", "title", "year", "score", "flag", "url", "cluster", "x", "y", "size"}
	if !slices.Equal(rows[0], want) || len(rows) != 4 {
		t.Fatalf("header %v (%d rows), want %v", rows[0], len(rows), want)
	}
	if rows[3][2] != "Naïve, \"quoted\"\nline" || rows[2][2] != "" || rows[2][4] != "1.25e-07" {
		t.Errorf("rows %q", rows[1:])
	}
	er, _ := csv.NewReader(&edges).ReadAll()
	if len(er) != 3 || !slices.Equal(er[1], []string{"doi:10.1/a", "b", "3", "x"}) || er[2][3] != "" {
		t.Errorf("edges %q", er)
	}
}

// xmlCheck parses out as XML and counts elements by local name.
func xmlCheck(t *testing.T, out string) map[string]int {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(out))
	count := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return count
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, out)
		}
		if el, ok := tok.(xml.StartElement); ok {
			count[el.Name.Space+" "+el.Name.Local]++
		}
	}
}

func TestGEXF(t *testing.T) {
	for _, v := range []string{"1.3", "1.2draft"} {
		out := write(t, func(w io.Writer) error { return WriteGEXF(w, sample(), &GEXFOptions{Version: v}) })
		ns := map[string]string{"1.3": "http://gexf.net/1.3", "1.2draft": "http://www.gexf.net/1.2draft"}[v]
		c := xmlCheck(t, out)
		if c[ns+" node"] != 3 || c[ns+" edge"] != 2 || c[ns+"/viz color"] != 3 || c[ns+"/viz position"] != 3 || c[ns+"/viz size"] != 3 {
			t.Errorf("GEXF %s: %v", v, c)
		}
		// the control character is replaced, the tab kept as a character reference
		if strings.Contains(out, "\x01") || !strings.Contains(out, `value="Tab&#x9;here &amp; a`) {
			t.Errorf("GEXF %s escaping:\n%s", v, out)
		}
	}
	out := write(t, func(w io.Writer) error { return WriteGEXF(w, sample(), nil) })
	for _, want := range []string{`version="1.3"`, `<viz:color r="0" g="114" b="178"/>`, `<viz:position x="-1" y="2" z="0"/>`,
		`<attribute id="cluster" title="cluster" type="integer"/>`, `<edge source="doi:10.1/a" target="b" weight="3">`,
		`<attvalue for="score" value="1.25e-07"/>`, `<attribute id="url" title="url" type="anyURI"/>`} {
		if !strings.Contains(out, want) {
			t.Errorf("GEXF lacks %s", want)
		}
	}
}

func TestGraphML(t *testing.T) {
	out := write(t, func(w io.Writer) error { return WriteGraphML(w, sample()) })
	c := xmlCheck(t, out)
	ns := "http://graphml.graphdrawing.org/xmlns"
	if c[ns+" node"] != 3 || c[ns+" edge"] != 2 || c[ns+" key"] != 14 {
		t.Errorf("GraphML: %v", c)
	}
	for _, want := range []string{`<key id="n1" for="node" attr.name="year" attr.type="int"/>`, `<node id="n2">`,
		`<data key="name">c;d</data>`, `<edge source="n1" target="n2">`, `<data key="n3">true</data>`, `<data key="description">a test</data>`} {
		if !strings.Contains(out, want) {
			t.Errorf("GraphML lacks %s", want)
		}
	}
}

func TestPajek(t *testing.T) {
	files := Pajek(sample())
	var suffixes []string
	for _, f := range files {
		suffixes = append(suffixes, f.Suffix)
	}
	// year is a partition (0 where unknown); flag is not known for every
	// node, nor title, so neither is a file; score is a vector.
	if want := []string{".net", "-cluster.clu", "-year.clu", "-score.vec"}; !slices.Equal(suffixes, want) {
		t.Fatalf("files %v, want %v", suffixes, want)
	}
	net := write(t, files[0].Write)
	want := "% a test\n*Network test_map\n*Vertices 3\n" +
		"1 \"Smith 'the' <first>\" 0.0000 0.0000 0.5\n" + // x from -1..1 and y from -2..2 into [0,1], y up
		"2 \"Smith 'the' <first> #2\" 0.5000 0.5000 0.5\n" +
		"3 \"c;d\" 0.2500 1.0000 0.5\n*Edges\n1 2 3\n2 3 0.5\n"
	if net != want {
		t.Errorf("net:\n%s\nwant:\n%s", net, want)
	}
	if got := write(t, files[2].Write); got != "*Vertices 3\n2001\n1999\n0\n" {
		t.Errorf("year partition %q", got)
	}
}

func TestVOSviewer(t *testing.T) {
	n := sample()
	m := write(t, func(w io.Writer) error { return WriteVOSMap(w, n) })
	lines := strings.Split(strings.TrimSuffix(m, "\n"), "\n")
	if lines[0] != "id\tlabel\tdescription\turl\tx\ty\tcluster\tweight<score>" || len(lines) != 4 {
		t.Fatalf("map header %q, %d lines (year is not known for every node: no score column)", lines[0], len(lines))
	}
	for _, l := range lines {
		if strings.Count(l, "\t") != 7 {
			t.Errorf("map line with a stray tab: %q", l)
		}
	}
	if !strings.Contains(lines[1], "<tr><td>Title:</td><td>Tab here &amp; a") {
		t.Errorf("description %q", lines[1])
	}
	if got := write(t, func(w io.Writer) error { return WriteVOSNetwork(w, n) }); got != "1\t2\t3\n2\t3\t0.5\n" {
		t.Errorf("network file %q", got)
	}
	var v struct {
		Config struct {
			Terminology map[string]string
		}
		Network struct {
			Items []struct {
				ID      int
				Label   string
				X, Y    float64
				Cluster int
				Weights map[string]float64
				URL     string
			}
			Links []struct {
				SourceID int `json:"source_id"`
				TargetID int `json:"target_id"`
				Strength float64
			}
			Clusters []struct {
				Cluster int
				Label   string
			}
		}
	}
	out := write(t, func(w io.Writer) error { return WriteVOSJSON(w, n) })
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("VOSviewer JSON: %v\n%s", err, out)
	}
	it := v.Network.Items
	if len(it) != 3 || it[0].ID != 1 || it[0].Cluster != 1 || it[0].X != -1 || it[0].Weights["score"] != 0.5 ||
		it[0].URL != "https://doi.org/10.1/a" || len(v.Network.Links) != 2 || v.Network.Links[1].TargetID != 3 ||
		len(v.Network.Clusters) != 2 || v.Network.Clusters[0].Label != "one" {
		t.Errorf("VOSviewer JSON %+v", v.Network)
	}
}

func TestDOT(t *testing.T) {
	out := write(t, func(w io.Writer) error { return WriteDOT(w, sample()) })
	for _, want := range []string{`graph "test map" {`, `"doi:10.1/a" [label="Smith \"the\" <first>", title="Tab	here & a`,
		`score="1.25e-07"`, `pos="-1,2"`, `"doi:10.1/a" -- "b" [weight=3, kind="x"];`, `"b" -- "c;d" [weight=0.5];`, `title="Naïve, \"quoted\"\nline"`} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s:\n%s", want, out)
		}
	}
}

// seedGraph reads the seed documents.
func seedGraph(t *testing.T) (*graph.Graph, *graph.Metrics) {
	return readGraph(t, []string{filepath.Join("..", "..", "seeds")})
}

// TestRoundTrip writes the seeds' citation network in every format that
// carries a network, reads it back with parse's readers and resolves it:
// the same works (corpus and cited only), citations, years and DOIs.
func TestRoundTrip(t *testing.T) {
	g, m := seedGraph(t)
	net := Citation(g, m, nil)
	type summary struct {
		works, corpus, citations int
		years, dois              string
	}
	sum := func(g *graph.Graph) summary {
		s := summary{works: g.Len(), citations: len(g.Citations)}
		var years, dois []string
		for _, w := range g.Works {
			if w.InCorpus {
				s.corpus++
			}
			years = append(years, strconv.Itoa(w.Year))
			if w.DOI != "" {
				dois = append(dois, w.DOI)
			}
		}
		slices.Sort(years)
		slices.Sort(dois)
		s.years, s.dois = strings.Join(years, ","), strings.Join(dois, ",")
		return s
	}
	want := sum(g)
	dir := t.TempDir()
	outputs := map[string]func(io.Writer) error{
		"citation.gexf":    func(w io.Writer) error { return WriteGEXF(w, net, nil) },
		"citation.graphml": func(w io.Writer) error { return WriteGraphML(w, net) },
	}
	for _, f := range Pajek(net) {
		outputs["citation"+f.Suffix] = f.Write
	}
	for name, f := range outputs {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"citation.gexf", "citation.graphml", "citation.net"} {
		res, err := parse.ReadFile(filepath.Join(dir, name), "")
		if err != nil {
			t.Fatal(err)
		}
		back := graph.New(graph.Resolve(res.Records, nil))
		want := want
		if name == "citation.net" {
			want.dois = "" // a Pajek network has labels, no DOIs
		}
		if got := sum(back); got != want {
			t.Errorf("%s read back: %+v\nwant %+v", name, got, want)
		}
	}
}

func TestPairsAndSubsets(t *testing.T) {
	g, m := seedGraph(t)
	edges := func(n *Network) (out []string) {
		ids := nodeIDs(n)
		for e := range n.Edges {
			out = append(out, ids[e.From]+"|"+ids[e.To]+"|"+formatFloat(e.Weight))
		}
		return out
	}
	// every pair, streamed: the 10 works the seed paper cites, C(10,2) pairs
	all, total, _ := Pairs(g, m, PairOptions{Cocitation: true})
	if all.Len != 10 || total != 45 || len(edges(all)) != 45 || all.Directed {
		t.Fatalf("co-citation: %d nodes, %d of %d pairs", all.Len, len(edges(all)), total)
	}
	top, total, _ := Pairs(g, m, PairOptions{Cocitation: true, Top: 5})
	if total != 45 || len(edges(top)) != 5 || top.Len > 10 {
		t.Errorf("top 5: %d nodes, %d of %d pairs", top.Len, len(edges(top)), total)
	}
	want := g.Cocitation(&graph.SharedOptions{Limit: 5})
	for k, e := range edges(top) {
		p := want.Pairs[k]
		if e != g.Works[p.A].ID+"|"+g.Works[p.B].ID+"|"+strconv.Itoa(p.Count) {
			t.Errorf("edge %d = %s, want the pair %+v", k, e, p)
		}
	}
	if n, total, _ := Pairs(g, m, PairOptions{Cocitation: true, MinWeight: 2}); n.Len != 0 || total != 0 {
		t.Errorf("min weight 2: %d nodes, %d pairs; want none (each pair is cited together once)", n.Len, total)
	}
	if n, total, _ := Pairs(g, m, PairOptions{}); n.Len != 0 || total != 0 {
		t.Errorf("coupling of the seeds: %d nodes, %d pairs; want none (one work lists references)", n.Len, total)
	}
	// a subset of works: only the arcs between them
	cites := -1
	for i, w := range g.Works {
		if w.DOI == "10.1111/1467-9566.00352" {
			cites = i
		}
	}
	sub := Citation(g, m, &CitationOptions{Works: []int{cites, int(g.Out(cites)[0]), int(g.Out(cites)[1])}})
	if got := edges(sub); sub.Len != 3 || len(got) != 2 || !strings.HasPrefix(got[0], "doi:10.1111/1467-9566.00352|") {
		t.Errorf("subset: %d nodes, arcs %v", sub.Len, got)
	}
}

// TestMap writes the seeds' science maps: 10 works cited together by one
// paper make 45 co-citation links of count 1; two papers with 6 and 7
// keywords make 15 + 21 = 36 co-occurrence links in two clusters.
func TestMap(t *testing.T) {
	g, m := seedGraph(t)
	for _, tc := range []struct {
		kind                   network.Kind
		nodes, edges, clusters int
	}{{network.Cocitation, 10, 45, 1}, {network.Cooccurrence, 13, 36, 2}} {
		mp, err := scimap.Make(g, &scimap.Options{Network: network.Options{Kind: tc.kind}, Cluster: cluster.Options{Seed: 1}, Draw: -1, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, opt := range []*MapOptions{nil, {Drawn: true}} {
			n := Map(g, m, mp, opt)
			if n.Len != tc.nodes || len(n.Clusters) != tc.clusters || !n.Layout || !n.Sized || n.Directed {
				t.Errorf("%s: %d nodes, %d clusters, layout %v, sized %v, directed %v", tc.kind, n.Len, len(n.Clusters), n.Layout, n.Sized, n.Directed)
			}
			edges := 0
			for e := range n.Edges {
				edges++
				if e.Weight != 1 || e.From == e.To {
					t.Errorf("%s: edge %+v", tc.kind, e)
				}
			}
			if edges != tc.edges {
				t.Errorf("%s: %d edges, want %d", tc.kind, edges, tc.edges)
			}
			for _, nd := range n.Nodes() {
				if nd.Cluster < 1 || nd.Cluster > tc.clusters || nd.Size <= 0 || nd.Label == "" {
					t.Errorf("%s: node %+v", tc.kind, nd)
				}
			}
			// the explorer and GEXF colour a cluster as the map SVG does
			for k, c := range n.Clusters {
				r, g, b := ClusterColor(c.ID)
				if c.Color == "" || c.Color != mp.Clusters[k].Color || fmt.Sprintf("#%02X%02X%02X", r, g, b) != c.Color {
					t.Errorf("%s: cluster %d coloured %q, GEXF #%02X%02X%02X, on the map %q", tc.kind, c.ID, c.Color, r, g, b, mp.Clusters[k].Color)
				}
			}
		}
	}
	// a map drawing some of its nodes: all written, no positions; or the
	// drawn ones with theirs
	mp, err := scimap.Make(g, &scimap.Options{Network: network.Options{Kind: network.Cooccurrence}, Cluster: cluster.Options{Seed: 1}, Draw: 4, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	// the eighth cluster is the map's eighth colour (Paul Tol's indigo),
	// beyond the palette grey
	if r, g, b := ClusterColor(8); r != 0x33 || g != 0x22 || b != 0x88 {
		t.Errorf("cluster 8 is #%02X%02X%02X, want #332288", r, g, b)
	}
	if r, g, b := ClusterColor(40); r != 0xBB || g != 0xBB || b != 0xBB {
		t.Errorf("cluster 40 is #%02X%02X%02X, want #BBBBBB", r, g, b)
	}
	if n := Map(g, m, mp, nil); n.Len != 13 || n.Layout {
		t.Errorf("all nodes: %d, layout %v", n.Len, n.Layout)
	}
	if n := Map(g, m, mp, &MapOptions{Drawn: true}); n.Len != len(mp.Drawn) || !n.Layout {
		t.Errorf("drawn nodes: %d of %d, layout %v", n.Len, len(mp.Drawn), n.Layout)
	}
}
