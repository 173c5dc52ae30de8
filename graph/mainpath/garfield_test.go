package mainpath

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/draw"
	"github.com/citegraph/citegraph/parse"
)

// graphOf turns a Pajek citation network (arcs cited → citing) with years
// into a citegraph Graph. Long labels "SMALL-H-1973-V24-P265" give the
// first author. Loops are dropped, as Resolve drops self-citations.
func graphOf(net *pajekNet, years []int) *graph.Graph {
	res := &graph.Resolution{}
	for i, label := range net.labels {
		w := graph.Work{ID: fmt.Sprintf("v%05d", i+1), Label: label, Title: label, Year: years[i], InCorpus: true}
		if f := strings.Split(label, "-"); len(f) >= 3 {
			w.Authors = []parse.Author{{Family: f[0], Given: f[1]}}
		}
		res.Works = append(res.Works, w)
	}
	seen := map[Arc]bool{}
	for _, a := range net.arcs {
		if a.From == a.To || seen[a] {
			continue
		}
		seen[a] = true
		res.Citations = append(res.Citations, graph.Citation{From: a.To, To: a.From})
	}
	slices.SortFunc(res.Citations, func(a, b graph.Citation) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	return graph.New(res)
}

// TestGarfieldNets runs main path analysis on SmaGri and SciMet. The
// structure is checked against the values Batagelj published with the
// networks (bavla-Nets_cite.md: vertices, arcs, loops, strong components of
// size 2, 3 and 4); each path is checked to be made of source-to-sink
// chains, and the global main path to weigh what the result says. With
// CITEGRAPH_MAINPATH_OUT set, the listings, DOT and SVG are written there.
func TestGarfieldNets(t *testing.T) {
	for _, c := range []struct {
		zip, name      string
		n, m, loops    int
		scc2, scc3, s4 int
	}{
		{"bavla-Nets_SmaGri.zip", "SmaGri", 1059, 4922, 1, 2, 0, 0},
		{"bavla-Nets_SciMet.zip", "SciMet", 3084, 10416, 1, 5, 2, 1},
	} {
		net, years := zipNet(t, c.zip, c.name)
		nw := NewNetwork(len(net.labels), net.arcs)
		if len(net.labels) != c.n || len(net.arcs) != c.m || nw.Loops != c.loops {
			t.Errorf("%s: %d vertices, %d arcs, %d loops; published %d, %d, %d", c.name, len(net.labels), len(net.arcs), nw.Loops, c.n, c.m, c.loops)
		}
		sizes := map[int]int{}
		for _, v := range nw.Shrunk() {
			sizes[len(nw.Members[v])]++
		}
		if sizes[2] != c.scc2 || sizes[3] != c.scc3 || sizes[4] != c.s4 || len(sizes) > 3 {
			t.Errorf("%s: strong components by size %v; published 2: %d, 3: %d, 4: %d", c.name, sizes, c.scc2, c.scc3, c.s4)
		}

		g := graphOf(net, years)
		start := time.Now()
		r, err := Analyse(g, nil)
		if err != nil {
			t.Fatal(err)
		}
		elapsed := time.Since(start)
		for name, p := range map[string]Path{"local": r.Local, "backward": r.Backward, "global": r.Global, "key-route": r.KeyRoute} {
			checkChains(t, c.name+" "+name, r.Network, p)
		}
		if lo, hi := chainWeights(r.Network, r.Global, r.Weights[SPC]); lo.Cmp(r.GlobalWeight) != 0 || hi.Cmp(r.GlobalWeight) != 0 {
			t.Errorf("%s: global main path weighs %v, its chains from %v to %v", c.name, r.GlobalWeight, lo, hi)
		}
		t.Logf("%s: %d nodes, %d arcs, SPC total %v, analysed in %v; local %d works, global %d works (weight %v), key-route %d works",
			c.name, r.Network.Len(), len(r.Network.Arcs), r.Weights[SPC].Total, elapsed.Round(time.Millisecond),
			len(r.Local.Nodes), len(r.Global.Nodes), r.GlobalWeight, len(r.KeyRoute.Nodes))
		if dir := os.Getenv("CITEGRAPH_MAINPATH_OUT"); dir != "" {
			writeGarfield(t, dir, c.name, g, r)
		}
	}
}

// checkChains checks that every node of the path with an arc of the path
// entering it is entered, and every node left is left, until the ends are
// a source and a sink of the network: the path is a union of source–sink
// chains (and key-route arcs between them).
func checkChains(t *testing.T, name string, nw *Network, p Path) {
	t.Helper()
	in, out := map[int]int{}, map[int]int{}
	for _, k := range p.Arcs {
		in[nw.Arcs[k].To]++
		out[nw.Arcs[k].From]++
	}
	for _, v := range p.Nodes {
		if in[v] == 0 && !nw.IsSource(v) {
			t.Errorf("%s: node %d starts the path but cites works", name, v)
		}
		if out[v] == 0 && !nw.IsSink(v) {
			t.Errorf("%s: node %d ends the path but is cited", name, v)
		}
	}
	if len(p.Arcs) == 0 {
		t.Errorf("%s: empty", name)
	}
}

// chainWeights returns the lightest and heaviest total weight of a chain
// from a start to an end of the path, with the arcs from s and to t: with
// ties only, every chain of the global main path must weigh the maximum.
func chainWeights(nw *Network, p Path, w *Weights) (lo, hi Num) {
	on := map[int]bool{}
	entered := map[int]bool{}
	for _, k := range p.Arcs {
		on[k] = true
		entered[nw.Arcs[k].To] = true
	}
	low, high := map[int]Num{}, map[int]Num{}
	seen := map[int]bool{}
	for _, v := range p.Nodes { // topological order
		if !entered[v] {
			seen[v] = true
			low[v], high[v] = w.Plus[v], w.Plus[v] // the arc from s
		}
		for _, k32 := range nw.In(v) {
			k := int(k32)
			if !on[k] {
				continue
			}
			u := nw.Arcs[k].From
			l, h := low[u].Add(w.Arc[k]), high[u].Add(w.Arc[k])
			if !seen[v] || l.Cmp(low[v]) < 0 {
				low[v] = l
			}
			if !seen[v] || h.Cmp(high[v]) > 0 {
				high[v] = h
			}
			seen[v] = true
		}
	}
	first := true
	for _, v := range p.Nodes {
		left := false
		for _, k := range nw.Out(v) {
			left = left || on[int(k)]
		}
		if left {
			continue
		}
		l, h := low[v].Add(w.Minus[v]), high[v].Add(w.Minus[v]) // the arc to t
		if first || l.Cmp(lo) < 0 {
			lo = l
		}
		if first || h.Cmp(hi) > 0 {
			hi = h
		}
		first = false
	}
	return lo, hi
}

func writeGarfield(t *testing.T, dir, name string, g *graph.Graph, r *Result) {
	var b strings.Builder
	for _, p := range []struct {
		title string
		path  Path
	}{{"local forward", r.Local}, {"global", r.Global}, {"key-route", r.KeyRoute}} {
		fmt.Fprintf(&b, "%s main path (SPC), %d works:\n", p.title, len(p.path.Nodes))
		for _, s := range r.Steps(p.path) {
			w := "-"
			if s.Arc >= 0 {
				w = r.Weights[SPC].Arc[s.Arc].String()
			}
			fmt.Fprintf(&b, "  %d %-28s %s\n", s.Year, g.Works[s.Works[0]].Label, w)
		}
	}
	var dot, svg bytes.Buffer
	if err := WriteDOT(&dot, g, r); err != nil {
		t.Fatal(err)
	}
	if err := draw.SVG(context.Background(), &svg, dot.Bytes(), "dot"); err != nil {
		t.Fatal(err)
	}
	for ext, data := range map[string][]byte{".txt": []byte(b.String()), ".dot": dot.Bytes(), ".svg": svg.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name+"-mainpath"+ext), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func BenchmarkAnalyseSciMet(b *testing.B) {
	net, years := zipNet(b, "bavla-Nets_SciMet.zip", "SciMet")
	g := graphOf(net, years)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Analyse(g, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// synthetic returns a fixed-seed citation-like network of papers corpus
// works citing about refs works each (30% other papers, older and biased to
// recent ones; the rest a heavy-tailed pool of 15 external works per
// paper), in Pajek's direction, as the S and M corpora of shared/bench.
func synthetic(papers, refs int) (int, []Arc) {
	rng := rand.New(rand.NewPCG(1, 1))
	external := papers * 15
	var arcs []Arc
	seen := map[[2]int]bool{}
	for p := 0; p < papers; p++ {
		k := rng.IntN(2*refs) + 1
		for j := 0; j < k; j++ {
			var to int
			if p > 0 && rng.Float64() < 0.3 {
				to = p - 1 - int(float64(p)*rng.Float64()*rng.Float64())
			} else {
				to = papers + int(float64(external)*rng.Float64()*rng.Float64()*rng.Float64())
			}
			if to == p || seen[[2]int{p, to}] {
				continue
			}
			seen[[2]int{p, to}] = true
			arcs = append(arcs, Arc{From: to, To: p})
		}
	}
	return papers + external, arcs
}

// BenchmarkSearchM runs the weights and every search on a network the size
// of the M corpus (20,000 papers, about 800,000 arcs), whose path counts
// pass 2⁶⁴.
func BenchmarkSearchM(b *testing.B) {
	n, arcs := synthetic(20000, 40)
	b.ReportMetric(float64(len(arcs)), "arcs")
	for b.Loop() {
		nw := NewNetwork(n, arcs)
		for _, k := range Kinds {
			w := nw.Weights(k)
			if k == SPC {
				nw.LocalForward(w, 0)
				nw.LocalBackward(w, 0)
				nw.Global(w, 0)
				nw.KeyRouteGlobal(w, nw.KeyArcs(w, 10))
			}
		}
	}
}

func BenchmarkAnalyseSmaGri(b *testing.B) {
	net, years := zipNet(b, "bavla-Nets_SmaGri.zip", "SmaGri")
	g := graphOf(net, years)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Analyse(g, nil); err != nil {
			b.Fatal(err)
		}
	}
}
