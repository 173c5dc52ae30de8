package network

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/citegraph/citegraph/graph"
)

// Build counts a network on the works of g.
func Build(g *graph.Graph, opt *Options) (*Network, error) {
	o := Options{}
	if opt != nil {
		o = *opt
	}
	if o.Kind == "" {
		o.Kind = Coupling
	}
	if _, err := ParseKind(string(o.Kind)); err != nil {
		return nil, err
	}
	if o.Unit == "" {
		o.Unit = DefaultUnit(o.Kind)
	}
	if _, err := ParseUnit(o.Kind, string(o.Unit)); err != nil {
		return nil, err
	}
	if o.Counting == "" {
		o.Counting = Full
	}
	if o.Counting != Full && o.Counting != Fractional {
		return nil, fmt.Errorf("unknown counting %q (use full or fractional)", o.Counting)
	}
	if o.Normalization == "" {
		o.Normalization = Association
	}
	if _, err := ParseNormalization(string(o.Normalization)); err != nil {
		return nil, err
	}
	if o.Keywords == "" {
		o.Keywords = AllKeywords
	}
	if o.Keywords != AllKeywords && o.Keywords != AuthorKeywords && o.Keywords != IndexKeywords {
		return nil, fmt.Errorf("unknown keywords %q (use all, author or index)", o.Keywords)
	}
	if o.MaxNodes < 0 || o.MinCount < 0 || o.MinCitations < 0 || o.MinLinkCount < 0 {
		return nil, errors.New("thresholds must not be negative")
	}
	b := &builder{g: g, o: &o}
	b.units()
	b.transactions()
	b.stats()
	net := b.count()
	net.normalize()
	return net, nil
}

// builder holds the stages of Build.
type builder struct {
	g *graph.Graph
	o *Options

	// the units: keys ("author:aria m"), labels, and for each work its
	// units (CSR over works; nil workStart means the unit is the work,
	// and workUnit is 0, 1, 2, …)
	keys, labels        []string
	workStart, workUnit []int32

	// transactions (CSR) and their weights
	transStart, transItem []int32
	transW                []float64

	// per unit
	occ, docs, cites []int
	year             []float64
	memberStart      []int32
	members          []int32
}

// unitsOfWork returns the units of work i.
func (b *builder) unitsOfWork(i int32) []int32 {
	if b.workStart == nil {
		return b.workUnit[i : i+1]
	}
	return b.workUnit[b.workStart[i]:b.workStart[i+1]]
}

// relevant reports whether work i's units are nodes of the network: the
// corpus works, or for co-citation the cited works.
func (b *builder) relevant(i int) bool {
	if b.o.Kind == Cocitation {
		return len(b.g.In(i)) > 0
	}
	return b.g.Works[i].InCorpus
}

// units finds the units of every relevant work.
func (b *builder) units() {
	g, o := b.g, b.o
	n := g.Len()
	if o.Unit == Works {
		b.keys = make([]string, n)
		b.workUnit = make([]int32, n)
		for i := range g.Works {
			b.keys[i] = g.Works[i].ID
			b.workUnit[i] = int32(i)
		}
		b.labels = o.WorkLabels
		if b.labels == nil {
			b.labels = WorkLabels(g)
		}
		return
	}
	in := newInterner(o.Unit, o.Thesaurus)
	var sources graph.Sources
	if o.Unit == Sources {
		sources = g.Sources()
	}
	b.workStart = make([]int32, n+1)
	for i := range g.Works {
		b.workStart[i] = int32(len(b.workUnit))
		if !b.relevant(i) {
			continue
		}
		w := &g.Works[i]
		start := len(b.workUnit)
		add := func(text string) {
			if u := in.intern(text); u >= 0 && !slices.Contains(b.workUnit[start:], u) {
				b.workUnit = append(b.workUnit, u)
			}
		}
		switch o.Unit {
		case Authors:
			for k, a := range w.Authors {
				if k > 0 && o.FirstAuthors {
					break
				}
				add(authorName(a))
			}
		case Sources:
			if s := sources.Of[i]; s >= 0 {
				add(sources.Names[s])
			}
		case Keywords:
			if o.Keywords != IndexKeywords {
				for _, k := range w.Keywords {
					add(k)
				}
			}
			if o.Keywords != AuthorKeywords {
				for _, k := range w.IndexKeywords {
					add(k)
				}
			}
		case Organizations:
			for _, a := range w.Affiliations {
				add(a.Organization)
			}
		case Countries:
			for _, a := range w.Affiliations {
				add(a.Country)
			}
		}
		slices.Sort(b.workUnit[start:])
	}
	b.workStart[n] = int32(len(b.workUnit))
	b.keys, b.labels = in.keys, in.labelsOf()
}

// transactions lists the transactions: for each, its distinct units.
func (b *builder) transactions() {
	g, o := b.g, b.o
	n := g.Len()
	nu := len(b.keys)
	stamp := make([]int32, nu)
	for i := range stamp {
		stamp[i] = -1
	}
	b.transStart = []int32{0}
	emit := func(t int32) {
		start := b.transStart[len(b.transStart)-1]
		k := int32(len(b.transItem)) - start
		if k == 0 {
			return
		}
		slices.Sort(b.transItem[start:])
		w := 1.0
		if o.Counting == Fractional {
			w = 0
			if k > 1 {
				w = 1 / float64(k-1)
			}
		}
		b.transW = append(b.transW, w)
		b.transStart = append(b.transStart, int32(len(b.transItem)))
	}
	addWork := func(t int32, j int32) {
		for _, u := range b.unitsOfWork(j) {
			if stamp[u] != t {
				stamp[u] = t
				b.transItem = append(b.transItem, u)
			}
		}
	}
	for i := 0; i < n; i++ {
		t := int32(i)
		switch o.Kind {
		case Coupling:
			// the corpus works citing work i
			for _, c := range g.In(i) {
				if g.Works[c].InCorpus {
					addWork(t, c)
				}
			}
		case Cocitation:
			if !g.Works[i].InCorpus {
				continue
			}
			for _, j := range g.Out(i) {
				addWork(t, j)
			}
		default:
			if !g.Works[i].InCorpus {
				continue
			}
			addWork(t, t)
		}
		emit(t)
	}
}

// stats counts occurrences, documents, citations and years per unit, and
// the works behind each.
func (b *builder) stats() {
	g, o := b.g, b.o
	nu := len(b.keys)
	b.occ = make([]int, nu)
	for _, u := range b.transItem {
		b.occ[u]++
	}
	b.docs = make([]int, nu)
	b.cites = make([]int, nu)
	b.year = make([]float64, nu)
	years := make([]int, nu)
	counts := make([]int32, nu+1)
	for i := range g.Works {
		if !b.relevant(i) {
			continue
		}
		w := &g.Works[i]
		for _, u := range b.unitsOfWork(int32(i)) {
			counts[u+1]++
			if w.InCorpus {
				b.docs[u]++
				c := len(g.In(i))
				if w.CitedBy != nil {
					c = *w.CitedBy
				}
				if o.Kind != Cocitation {
					b.cites[u] += c
				}
			}
			if w.Year > 0 {
				b.year[u] += float64(w.Year)
				years[u]++
			}
		}
	}
	for u := range b.year {
		if years[u] > 0 {
			b.year[u] /= float64(years[u])
		}
		if o.Kind == Cocitation {
			b.cites[u] = b.occ[u] // corpus works citing the unit
		}
	}
	for u := 0; u < nu; u++ {
		counts[u+1] += counts[u]
	}
	b.memberStart = counts
	b.members = make([]int32, counts[nu])
	next := slices.Clone(counts[:nu])
	for i := range g.Works {
		if !b.relevant(i) {
			continue
		}
		for _, u := range b.unitsOfWork(int32(i)) {
			b.members[next[u]] = int32(i)
			next[u]++
		}
	}
}

// countOf is the Count of unit u (see Node.Count).
func (b *builder) countOf(u int) int {
	switch {
	case b.o.Kind == Cooccurrence:
		return b.occ[u]
	case b.o.Kind == Cocitation || b.o.Kind == Coupling && b.o.Unit == Works:
		return b.cites[u]
	}
	return b.docs[u]
}

// count selects the units and counts the links between them.
func (b *builder) count() *Network {
	o := b.o
	nu := len(b.keys)
	net := &Network{Kind: o.Kind, Unit: o.Unit, Counting: o.Counting, Normalization: o.Normalization}
	eligible := make([]bool, nu)
	for u := 0; u < nu; u++ {
		if b.occ[u] > 0 {
			net.Found++
		}
		eligible[u] = b.occ[u] > 0 && b.countOf(u) >= o.MinCount && b.cites[u] >= o.MinCitations
	}
	// total link strength of each eligible unit over the eligible ones,
	// from the transactions alone: a unit in a transaction with k' other
	// eligible units gets k' links of its weight
	tls := make([]float64, nu)
	for t := 0; t+1 < len(b.transStart); t++ {
		items := b.transItem[b.transStart[t]:b.transStart[t+1]]
		k := 0
		for _, u := range items {
			if eligible[u] {
				k++
			}
		}
		if k < 2 {
			continue
		}
		net.Transactions++
		for _, u := range items {
			if eligible[u] {
				tls[u] += b.transW[t] * float64(k-1)
			}
		}
	}
	var sel []int32
	for u := 0; u < nu; u++ {
		if eligible[u] && tls[u] > 0 {
			sel = append(sel, int32(u))
		}
	}
	net.Eligible = len(sel)
	if o.MaxNodes > 0 && len(sel) > o.MaxNodes {
		// by strength and count; only the units tied with the last one
		// kept are ordered by key, to choose among them (comparing the
		// keys of every unit cost more than the rest of the build)
		byCount := func(x, y int32) int {
			return cmp.Or(cmp.Compare(tls[y], tls[x]), cmp.Compare(b.countOf(int(y)), b.countOf(int(x))))
		}
		slices.SortFunc(sel, byCount)
		last := sel[o.MaxNodes-1]
		lo, hi := o.MaxNodes-1, o.MaxNodes
		for lo > 0 && byCount(sel[lo-1], last) == 0 {
			lo--
		}
		for hi < len(sel) && byCount(sel[hi], last) == 0 {
			hi++
		}
		slices.SortFunc(sel[lo:hi], func(x, y int32) int { return cmp.Compare(b.keys[x], b.keys[y]) })
		sel = sel[:o.MaxNodes]
	}
	// nodes in ID order
	slices.SortFunc(sel, func(x, y int32) int { return cmp.Compare(b.keys[x], b.keys[y]) })
	net.Selected = len(sel)
	local := make([]int32, nu) // unit -> node, or -1
	for u := range local {
		local[u] = -1
	}
	for i, u := range sel {
		local[u] = int32(i)
	}
	edges := b.pairs(local, len(sel), float64(o.MinLinkCount))
	// drop the nodes left without links
	deg := make([]int, len(sel))
	for _, e := range edges {
		deg[e.A]++
		deg[e.B]++
	}
	keep := make([]int32, len(sel))
	net.Nodes = make([]Node, 0, len(sel))
	for i := range sel {
		keep[i] = -1
		if deg[i] > 0 {
			keep[i] = int32(len(net.Nodes))
			net.Nodes = append(net.Nodes, b.node(int(sel[i])))
		} else {
			net.Isolated++
		}
	}
	for i := range edges {
		e := &edges[i]
		e.A, e.B = keep[e.A], keep[e.B]
		net.Nodes[e.A].Links++
		net.Nodes[e.B].Links++
		net.Nodes[e.A].Strength += float64(e.Count)
		net.Nodes[e.B].Strength += float64(e.Count)
	}
	net.Edges = edges
	// the works behind each node
	net.memberStart = make([]int32, len(net.Nodes)+1)
	for i, u := range sel {
		if k := keep[i]; k >= 0 {
			ms := b.members[b.memberStart[u]:b.memberStart[u+1]]
			net.memberStart[k+1] = net.memberStart[k] + int32(len(ms))
			net.members = append(net.members, ms...)
		}
	}
	return net
}

// node makes the Node of unit u.
func (b *builder) node(u int) Node {
	nd := Node{ID: b.keys[u], Label: b.labels[u], Count: b.countOf(u), Occurrences: b.occ[u],
		Documents: b.docs[u], Citations: b.cites[u], Year: b.year[u], Cluster: -1}
	if b.o.Unit == Works {
		nd.DOI = b.g.Works[u].DOI
	}
	return nd
}

// pairs counts the links between the selected units (local maps a unit to
// its node, or -1): for each node a, the nodes b > a sharing a transaction,
// accumulated in a dense array reset through a touched list. Links whose
// count is below minCount are dropped. A first pass counts the links of
// each row so that the edges are allocated once, at their final size.
func (b *builder) pairs(local []int32, n int, minCount float64) []Edge {
	// the selected items of each transaction, compacted, for the
	// transactions with two or more
	tStart := make([]int32, 1, len(b.transStart))
	var tItem []int32
	var tW []float64
	for t := 0; t+1 < len(b.transStart); t++ {
		s := len(tItem)
		for _, u := range b.transItem[b.transStart[t]:b.transStart[t+1]] {
			if l := local[u]; l >= 0 {
				tItem = append(tItem, l)
			}
		}
		if len(tItem)-s < 2 {
			tItem = tItem[:s]
			continue
		}
		slices.Sort(tItem[s:])
		tW = append(tW, b.transW[t])
		tStart = append(tStart, int32(len(tItem)))
	}
	// the transactions of each node (CSR)
	start := make([]int32, n+1)
	for _, l := range tItem {
		start[l+1]++
	}
	for i := 0; i < n; i++ {
		start[i+1] += start[i]
	}
	trans := make([]int32, start[n])
	next := slices.Clone(start[:n])
	for t := 0; t+1 < len(tStart); t++ {
		for _, l := range tItem[tStart[t]:tStart[t+1]] {
			trans[next[l]] = int32(t)
			next[l]++
		}
	}
	// pass 1: the links of each row; pass 2: their counts, written at the
	// row's offset. Rows are shared among the CPUs in blocks; each row's
	// output is the same whatever CPU counts it.
	rowLinks := make([]int32, n+1)
	eachRow(n, func(sc *rowScratch, a int32) {
		k := int32(0)
		if minCount > 0 {
			sc.accumulate(a, trans[start[a]:start[a+1]], tStart, tItem, tW)
			for _, x := range sc.touched {
				if sc.acc[x] >= minCount {
					k++
				}
				sc.acc[x] = 0
			}
		} else {
			// count the distinct partners only
			for _, t := range trans[start[a]:start[a+1]] {
				items := tItem[tStart[t]:tStart[t+1]]
				i, _ := slices.BinarySearch(items, a+1)
				for _, x := range items[i:] {
					if sc.mark[x] != a+1 {
						sc.mark[x] = a + 1
						k++
					}
				}
			}
		}
		rowLinks[a+1] = k
	})
	for a := 0; a < n; a++ {
		rowLinks[a+1] += rowLinks[a]
	}
	edges := make([]Edge, rowLinks[n])
	eachRow(n, func(sc *rowScratch, a int32) {
		sc.accumulate(a, trans[start[a]:start[a+1]], tStart, tItem, tW)
		sc.bits = graph.SortNodes(sc.touched, sc.bits)
		out := edges[rowLinks[a]:rowLinks[a+1]]
		k := 0
		for _, x := range sc.touched {
			if c := sc.acc[x]; c >= minCount {
				out[k] = Edge{A: a, B: x, Count: float32(c)}
				k++
			}
			sc.acc[x] = 0
		}
	})
	return edges
}

// rowScratch is one CPU's working memory for counting rows.
type rowScratch struct {
	acc     []float64
	mark    []int32
	touched []int32
	bits    []uint64 // for graph.SortNodes
}

// accumulate adds up, in sc.acc, the weights of the transactions (of
// items tItem[tStart[t]:tStart[t+1]], ascending) that row a shares with
// each node after a, listing those nodes in sc.touched.
func (sc *rowScratch) accumulate(a int32, trans []int32, tStart, tItem []int32, tW []float64) {
	sc.touched = sc.touched[:0]
	for _, t := range trans {
		w := tW[t]
		items := tItem[tStart[t]:tStart[t+1]]
		i, _ := slices.BinarySearch(items, a+1)
		for _, x := range items[i:] {
			if sc.acc[x] == 0 {
				sc.touched = append(sc.touched, x)
			}
			sc.acc[x] += w
		}
	}
}

// eachRow calls f for rows 0..n-1, spread over the CPUs in blocks.
func eachRow(n int, f func(sc *rowScratch, a int32)) {
	const block = 256
	workers := min(runtime.GOMAXPROCS(0), (n+block-1)/block)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := &rowScratch{acc: make([]float64, n), mark: make([]int32, n)}
			for {
				lo := int(next.Add(block)) - block
				if lo >= n {
					return
				}
				for a := lo; a < min(lo+block, n); a++ {
					f(sc, int32(a))
				}
			}
		}()
	}
	wg.Wait()
}

// normalize sets the edges' weights from their counts.
func (n *Network) normalize() {
	m := 0.0
	for _, e := range n.Edges {
		m += float64(e.Count)
	}
	for i := range n.Edges {
		e := &n.Edges[i]
		c := float64(e.Count)
		a, b := &n.Nodes[e.A], &n.Nodes[e.B]
		oa, ob := float64(a.Occurrences), float64(b.Occurrences)
		var w float64
		switch n.Normalization {
		case Association:
			w = 2 * m * c / (a.Strength * b.Strength)
		case Cosine:
			w = c / math.Sqrt(oa*ob)
		case Jaccard:
			w = c / (oa + ob - c)
		case Inclusion:
			w = c / min(oa, ob)
		case Equivalence:
			w = c * c / (oa * ob)
		default:
			w = c
		}
		if math.IsNaN(w) || math.IsInf(w, 0) {
			w = 0
		}
		e.Weight = float32(w)
	}
}
