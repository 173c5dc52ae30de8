package scimap

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/draw"
	"github.com/citegraph/citegraph/graph/internal/corpustest"
	"github.com/citegraph/citegraph/graph/network"
	"github.com/citegraph/citegraph/parse"
)

// corpusGraph resolves files of the shared corpora, skipping the test when
// they are absent.
func corpusGraph(t testing.TB, rels ...string) *graph.Graph {
	t.Helper()
	var recs []parse.Record
	for _, rel := range rels {
		res, err := parse.ReadFile(corpustest.File(t, rel), "")
		if err != nil {
			t.Fatalf("ReadFile(%s): %v", rel, err)
		}
		recs = append(recs, res.Records...)
	}
	return graph.New(graph.Resolve(recs, nil))
}

// svgText is one text of a rendered SVG with its box.
type svgText struct {
	group, text    string
	x0, y0, x1, y1 float64
	size           float64
}

// svgMap is what the checks read from a rendered map.
type svgMap struct {
	texts    []svgText
	circles  map[string]string // node group id -> fill
	tooltips map[string]string // group id -> xlink:title
	links    map[string]string // group id -> xlink:href
}

// readSVG parses a rendered SVG, failing the test when it is not
// well-formed XML.
func readSVG(t *testing.T, svg []byte) *svgMap {
	t.Helper()
	m := &svgMap{circles: map[string]string{}, tooltips: map[string]string{}, links: map[string]string{}}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	var groups []string
	var cur *svgText
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range el.Attr {
				attr[a.Name.Local] = a.Value
			}
			g := ""
			if len(groups) > 0 {
				g = groups[len(groups)-1]
			}
			switch el.Name.Local {
			case "g":
				id := attr["id"]
				if strings.HasPrefix(id, "a_") && len(groups) > 0 {
					id = groups[len(groups)-1]
				}
				groups = append(groups, id)
			case "a":
				m.tooltips[g] = attr["title"]
				m.links[g] = attr["href"]
			case "ellipse":
				m.circles[g] = attr["fill"]
			case "text":
				x, _ := strconv.ParseFloat(attr["x"], 64)
				y, _ := strconv.ParseFloat(attr["y"], 64)
				size, _ := strconv.ParseFloat(attr["font-size"], 64)
				cur = &svgText{group: g, size: size, x0: x, y0: y}
				if attr["text-anchor"] == "middle" {
					cur.x1 = -1 // centred: set when the text is known
				}
			}
		case xml.CharData:
			if cur != nil {
				cur.text += string(el)
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "g":
				groups = groups[:len(groups)-1]
			case "text":
				if cur != nil && strings.TrimSpace(cur.text) != "" {
					w := textWidth(cur.text, cur.size, false)
					x := cur.x0
					if cur.x1 == -1 {
						x -= w / 2
					}
					// baseline at y: ascender 0.77, descender 0.22 of the size
					m.texts = append(m.texts, svgText{group: cur.group, text: cur.text, size: cur.size,
						x0: x, x1: x + w, y0: cur.y0 - 0.77*cur.size, y1: cur.y0 + 0.22*cur.size})
				}
				cur = nil
			}
		}
	}
	return m
}

var nodeGroup = regexp.MustCompile(`^n\d+$`)

// checkMap renders a map and checks what a reader sees: well-formed SVG,
// no two texts overlapping, node labels unique, every circle with a
// tooltip and a colour of the palette, DOIs linked, and a legend line for
// each cluster drawn. It returns the rendered SVG.
func checkMap(t *testing.T, g *graph.Graph, m *Map) []byte {
	t.Helper()
	var dot bytes.Buffer
	if err := m.WriteDOT(&dot, g, nil); err != nil {
		t.Fatal(err)
	}
	var svg bytes.Buffer
	if err := draw.SVG(context.Background(), &svg, dot.Bytes(), draw.Given); err != nil {
		t.Fatal(err)
	}
	s := readSVG(t, svg.Bytes())
	for i := range s.texts {
		for j := i + 1; j < len(s.texts); j++ {
			a, b := s.texts[i], s.texts[j]
			if a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 {
				t.Errorf("texts overlap: %q at (%.1f,%.1f) and %q at (%.1f,%.1f)", a.text, a.x0, a.y0, b.text, b.x0, b.y0)
			}
		}
	}
	seen := map[string]bool{}
	labels := 0
	for _, x := range s.texts {
		if !strings.HasPrefix(x.group, "t") || x.group == "title" {
			continue
		}
		labels++
		if seen[x.text] {
			t.Errorf("label %q appears twice", x.text)
		}
		seen[x.text] = true
	}
	colours := map[string]bool{}
	for _, c := range append(slices.Clone(palette), otherColor) {
		colours[strings.ToLower(c)] = true
	}
	circles := 0
	for id, fill := range s.circles {
		if !nodeGroup.MatchString(id) {
			continue
		}
		circles++
		if !colours[strings.ToLower(fill)] {
			t.Errorf("node %s: colour %s not in the palette", id, fill)
		}
		if s.tooltips[id] == "" {
			t.Errorf("node %s has no tooltip", id)
		}
		i, _ := strconv.Atoi(id[1:])
		if doi := m.Network.Nodes[i].DOI; doi != "" && s.links[id] != "https://doi.org/"+doi {
			t.Errorf("node %s links to %q, want its DOI %s", id, s.links[id], doi)
		}
	}
	if circles != len(m.Drawn) {
		t.Errorf("%d circles drawn, want %d", circles, len(m.Drawn))
	}
	clusters := map[int]bool{}
	for _, i := range m.Drawn {
		clusters[m.Network.Nodes[i].Cluster] = true
	}
	legend := 0
	for _, x := range s.texts {
		if regexp.MustCompile(`^legend-\d+$`).MatchString(x.group) {
			legend++
		}
	}
	if want := min(len(clusters), 16); legend != want {
		t.Errorf("%d legend lines, want %d (clusters drawn)", legend, want)
	}
	if len(m.Drawn) > 0 && labels == 0 {
		t.Errorf("no node labelled")
	}
	t.Logf("%s: %d nodes drawn, %d labelled, %d clusters drawn", Title(m.Network), len(m.Drawn), labels, len(clusters))
	return svg.Bytes()
}

// TestMapsOfCorpora draws the coupling and co-citation maps of two shared
// corpora (and co-authorship and keyword maps of one) and checks them.
func TestMapsOfCorpora(t *testing.T) {
	for _, files := range [][]string{{"wos/python-bibx_bit-pattern-savedrecs.txt"}, {"scopus-csv/metaknowledge_scopus_testing.csv.scopus"}} {
		t.Run(files[0], func(t *testing.T) {
			g := corpusGraph(t, files...)
			for _, ku := range [][2]string{{"coupling", "works"}, {"cocitation", "works"}, {"coauthorship", "countries"},
				{"cooccurrence", "keywords"}, {"coupling", "sources"}} {
				m, err := Make(g, &Options{Network: network.Options{Kind: network.Kind(ku[0]), Unit: network.Unit(ku[1])}})
				if err != nil {
					t.Fatal(err)
				}
				if len(m.Drawn) == 0 {
					t.Errorf("%s: nothing drawn (%s)", ku, m.Caption)
					continue
				}
				checkMap(t, g, m)
				for _, c := range m.Clusters[:min(3, len(m.Clusters))] {
					if c.Label == "" || c.Size == 0 || len(c.Top) == 0 {
						t.Errorf("%s cluster %d: empty profile %+v", ku, c.ID, c)
					}
				}
			}
		})
	}
}

// TestMapDeterministic makes the same map twice.
func TestMapDeterministic(t *testing.T) {
	g := corpusGraph(t, "wos/wosfile_wos_plaintext.txt")
	var dots [2]bytes.Buffer
	for k := range dots {
		m, err := Make(g, &Options{Network: network.Options{Kind: network.Cocitation}})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.WriteDOT(&dots[k], g, nil); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(dots[0].Bytes(), dots[1].Bytes()) {
		t.Errorf("two runs give different DOT")
	}
}

// TestMaxLayout: with every node to draw, a network larger than MaxLayout
// is clustered but not laid out, and the caption says so; one within it is
// laid out whole.
func TestMaxLayout(t *testing.T) {
	g := corpusGraph(t, "wos/wosfile_wos_plaintext.txt")
	all, err := Make(g, &Options{Network: network.Options{Kind: network.Cocitation}, Draw: -1})
	if err != nil {
		t.Fatal(err)
	}
	n := len(all.Network.Nodes)
	if n < 10 || len(all.Drawn) != n || all.Unplaced {
		t.Fatalf("%d nodes, %d drawn, unplaced %v: want all drawn", n, len(all.Drawn), all.Unplaced)
	}
	within, err := Make(g, &Options{Network: network.Options{Kind: network.Cocitation}, Draw: -1, MaxLayout: n})
	if err != nil {
		t.Fatal(err)
	}
	if len(within.Drawn) != n || within.Unplaced {
		t.Errorf("MaxLayout %d of %d nodes: %d drawn, unplaced %v", n, n, len(within.Drawn), within.Unplaced)
	}
	over, err := Make(g, &Options{Network: network.Options{Kind: network.Cocitation}, Draw: -1, MaxLayout: n - 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(over.Drawn) != 0 || !over.Unplaced || !strings.Contains(over.Caption, fmt.Sprintf("Not laid out: more than %d nodes", n-1)) {
		t.Errorf("MaxLayout %d of %d nodes: %d drawn, unplaced %v, caption %q", n-1, n, len(over.Drawn), over.Unplaced, over.Caption)
	}
	if len(over.Clusters) != len(all.Clusters) {
		t.Errorf("unplaced map has %d clusters, the laid out one %d", len(over.Clusters), len(all.Clusters))
	}
}

// TestEmptyMaps checks the captions of networks without links.
func TestEmptyMaps(t *testing.T) {
	recs := []parse.Record{{File: "a", Line: 1, Source: "a:1", Title: "Only one", Label: "Only one",
		References: []parse.Reference{{Raw: "Smith 2000", Authors: []parse.Author{{Family: "Smith"}}, Year: 2000}}}}
	g := graph.New(graph.Resolve(recs, nil))
	for _, tc := range []struct {
		kind network.Kind
		unit network.Unit
		want string
	}{
		{network.Coupling, network.Works, "only 1 of the 1 corpus works lists resolved references"},
		{network.Coauthorship, network.Countries, "no countries found in the corpus records (their formats carry no affiliations)"},
		{network.Cooccurrence, network.Keywords, "no keywords found"},
	} {
		m, err := Make(g, &Options{Network: network.Options{Kind: tc.kind, Unit: tc.unit}})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(m.Caption, tc.want) || len(m.Drawn) != 0 {
			t.Errorf("%s/%s: caption %q, want it to say %q", tc.kind, tc.unit, m.Caption, tc.want)
		}
	}
}

// TestLLR checks Dunning's G² against a hand calculation: a term in 10 of
// a cluster's 20 documents and in 5 of the 80 others.
func TestLLR(t *testing.T) {
	a, b, c, d := 10.0, 5.0, 10.0, 75.0
	n := a + b + c + d
	want := 2 * (a*math.Log(a*n/((a+b)*(a+c))) + b*math.Log(b*n/((a+b)*(b+d))) +
		c*math.Log(c*n/((c+d)*(a+c))) + d*math.Log(d*n/((c+d)*(b+d))))
	// by hand: E = 3, 12, 17, 68 → 2(10 ln 10/3 + 5 ln 5/12 + 10 ln 10/17 + 75 ln 75/68)
	// = 2(12.040 − 4.377 − 5.306 + 7.349) = 19.41
	if got := llr(a, b, c, d); math.Abs(got-want) > 1e-9 || math.Abs(got-19.41) > 0.01 {
		t.Errorf("llr = %v, want %v (19.41)", got, want)
	}
}

// TestTermsDistinctive labels two clusters of titles by their own words.
func TestTermsDistinctive(t *testing.T) {
	titles := []string{"Citation networks of journals", "Citation networks and impact", "Citation networks over time",
		"Protein folding in cells", "Protein folding kinetics", "Protein folding and citation"}
	var recs []parse.Record
	for i, ti := range titles {
		r := parse.Record{File: "t", Line: i + 1, Source: fmt.Sprintf("t:%d", i+1), Title: ti}
		r.Label = parse.MakeLabel(&r)
		recs = append(recs, r)
	}
	g := graph.New(graph.Resolve(recs, nil))
	var docs [2][]int32
	for i := range g.Works {
		if strings.HasPrefix(g.Works[i].Title, "Citation") {
			docs[0] = append(docs[0], int32(i))
		} else {
			docs[1] = append(docs[1], int32(i))
		}
	}
	for _, tfidf := range []bool{false, true} {
		terms := distinctive(g, docs[:], 1, tfidf)
		if len(terms[0]) != 1 || terms[0][0].Text != "citation networks" || len(terms[1]) != 1 || terms[1][0].Text != "protein folding" {
			t.Errorf("tfidf %v: terms %v, want citation networks, protein folding", tfidf, terms)
		}
	}
}

// TestMapSelected checks a map limited to the strongest units: the caption
// says how many of how many linked ones it keeps (the linked units are the
// nodes of the whole map), and labels passed in give the same map as
// labels computed.
func TestMapSelected(t *testing.T) {
	g := corpusGraph(t, "wos/wosfile_wos_plaintext.txt")
	full, err := Make(g, &Options{Network: network.Options{Kind: network.Cocitation}})
	if err != nil {
		t.Fatal(err)
	}
	n := len(full.Network.Nodes)
	if n <= 30 {
		t.Fatalf("co-citation map of %d works: too small to select from", n)
	}
	var dots [2]bytes.Buffer
	for k, labels := range [][]string{nil, network.WorkLabels(g)} {
		m, err := Make(g, &Options{Network: network.Options{Kind: network.Cocitation, MaxNodes: 30, WorkLabels: labels}})
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf(": 30 works of %d with links, those of largest total link strength", n); !strings.Contains(m.Caption, want) {
			t.Errorf("caption %q lacks %q", m.Caption, want)
		}
		if err := m.WriteDOT(&dots[k], g, nil); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(dots[0].Bytes(), dots[1].Bytes()) {
		t.Errorf("labels passed in give another map than labels computed")
	}
	if strings.Contains(full.Caption, "largest total link strength") {
		t.Errorf("the whole map's caption %q speaks of a selection", full.Caption)
	}
}
