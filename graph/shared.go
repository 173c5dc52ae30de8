package graph

import (
	"cmp"
	"container/heap"
	"iter"
	"math"
	mathbits "math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Pair is two works linked by what they share: for bibliographic coupling,
// two citing works and the references both list; for co-citation, two cited
// works and the works citing both. A < B (indexes into Graph.Works).
type Pair struct {
	A, B int
	// Count is the number of shared references (coupling) or of works
	// citing both (co-citation).
	Count int
	// Cosine is Salton's cosine: Count / sqrt(deg(A) · deg(B)), with out-
	// degrees for coupling and in-degrees for co-citation.
	Cosine float64
}

// SharedOptions controls Coupling and Cocitation. The zero value keeps
// every pair, within DefaultSharedBudget.
type SharedOptions struct {
	// MinCount drops pairs that share fewer items; 0 or 1 keeps all.
	MinCount int
	// Limit, when positive, keeps only the strongest Limit pairs, in
	// memory proportional to Limit rather than to the number of pairs.
	Limit int
	// Budget bounds the cost of counting: the sum, over the works in the
	// middle of the pairs (the citing works for co-citation, the cited
	// works for coupling), of the square of their list's length. One paper
	// listing a million references alone would cost 1e12 steps, hours.
	// When the graph costs more, the works with the longest lists are left
	// out (Shared.LeftOut) until it fits. 0 means DefaultSharedBudget;
	// negative means no bound.
	Budget int64
}

// DefaultSharedBudget is SharedOptions.Budget's default: 2e9 steps, about
// 10 s. The peers' M corpus (20,000 papers) costs 3.5e7 for co-citation
// and 4.9e7 for coupling.
const DefaultSharedBudget = 2e9

// Shared is the outcome of Coupling or Cocitation.
type Shared struct {
	// Pairs are the pairs kept, strongest first (count, then cosine, then
	// the works' IDs).
	Pairs []Pair
	// Total counts every pair with at least MinCount shared items, kept or not.
	Total int
	// LeftOut are the works in the middle whose lists were too long for
	// the budget, longest first: their references (co-citation) or citing
	// works (coupling) count for no pair. Cosines still divide by the
	// whole degrees.
	LeftOut []int
}

// Coupling returns the bibliographic-coupling pairs: works that cite at
// least one common work.
func (g *Graph) Coupling(opt *SharedOptions) Shared {
	return g.shared(g.Out, g.In, opt)
}

// Cocitation returns the co-citation pairs: works cited together by at least
// one work.
func (g *Graph) Cocitation(opt *SharedOptions) Shared {
	return g.shared(g.In, g.Out, opt)
}

// shared runs the sparse product A·Aᵀ (coupling: along = Out, back = In) or
// Aᵀ·A (co-citation: along = In, back = Out) row by row: for every work a,
// the works b > a reachable by one step along then one step back, counted
// in a dense per-thread accumulator reset through a touched list, so the
// cost is the number of length-2 paths, not n². Rows are handed out in
// blocks to GOMAXPROCS workers; the result does not depend on how many.
func (g *Graph) shared(along, back func(int) []int32, opt *SharedOptions) Shared {
	minCount, limit, budget := 1, 0, int64(DefaultSharedBudget)
	if opt != nil {
		minCount, limit = max(1, opt.MinCount), opt.Limit
		if opt.Budget != 0 {
			budget = opt.Budget
		}
	}
	var leftOut []int
	var skip []bool
	if budget > 0 {
		leftOut, skip = overBudget(g.Len(), back, budget)
	}
	var out Shared
	if limit > 0 {
		out = g.sharedTop(along, back, skip, minCount, limit)
	} else {
		out = g.sharedAll(along, back, skip, minCount)
	}
	out.LeftOut = leftOut
	return out
}

// sharedBlock is the number of rows a worker takes at a time: small enough
// to balance rows of very different cost, large enough to make handing
// them out cheap.
const sharedBlock = 256

// sharedRows runs work(worker, lo, hi) on consecutive blocks of the n rows,
// over GOMAXPROCS workers, each with its own accumulator of n counts and
// touched list.
func sharedRows(n int, work func(acc, touched []int32, lo, hi int) []int32) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), (n+sharedBlock-1)/sharedBlock)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc := make([]int32, n)
			var touched []int32
			for {
				lo := int(next.Add(sharedBlock)) - sharedBlock
				if lo >= n {
					return
				}
				touched = work(acc, touched, lo, min(lo+sharedBlock, n))
			}
		}()
	}
	wg.Wait()
}

// sharedRow counts row a into acc and returns the works touched (b > a),
// unordered, in touched's storage. The caller reads and clears acc[b].
// Middle works marked in skip are left out.
func sharedRow(along, back func(int) []int32, skip []bool, a int, acc, touched []int32) []int32 {
	touched = touched[:0]
	for _, r := range along(a) {
		if skip != nil && skip[r] {
			continue
		}
		bs := back(int(r))
		// back lists are ascending: skip to the first b > a
		k, _ := slices.BinarySearch(bs, int32(a+1))
		for _, b := range bs[k:] {
			if acc[b] == 0 {
				touched = append(touched, b)
			}
			acc[b]++
		}
	}
	return touched
}

// sharedTop keeps the strongest limit pairs: each worker keeps its own
// heap, and the union's strongest are the same whoever saw which pair, as
// comparePairs is a total order.
func (g *Graph) sharedTop(along, back func(int) []int32, skip []bool, minCount, limit int) Shared {
	n := g.Len()
	var mu sync.Mutex
	var out Shared
	// one heap per worker, handed from block to block: a heap per block
	// kept up to limit pairs for each of thousands of blocks (12 M pairs,
	// 5 GB allocated, for the 10,000 strongest of M's)
	heaps := make(chan *pairHeap, runtime.GOMAXPROCS(0))
	sharedRows(n, func(acc, touched []int32, lo, hi int) []int32 {
		var top *pairHeap
		select {
		case top = <-heaps:
		default:
			top = &pairHeap{}
		}
		total := 0
		for a := lo; a < hi; a++ {
			da := len(along(a))
			if da == 0 {
				continue
			}
			touched = sharedRow(along, back, skip, a, acc, touched)
			for _, b := range touched {
				c := int(acc[b])
				acc[b] = 0
				if c < minCount {
					continue
				}
				total++
				p := Pair{A: a, B: int(b), Count: c}
				if len(top.pairs) == limit && comparePairCounts(p, top.pairs[0]) > 0 {
					continue // weaker than the weakest kept, whatever its cosine
				}
				p.Cosine = cosine(c, da, len(along(int(b))))
				switch {
				case len(top.pairs) < limit:
					heap.Push(top, p)
				case comparePairs(p, top.pairs[0]) < 0:
					top.pairs[0] = p
					heap.Fix(top, 0)
				}
			}
		}
		mu.Lock()
		out.Total += total
		mu.Unlock()
		heaps <- top // never blocks: there are at most as many heaps as workers
		return touched
	})
	close(heaps)
	var all []Pair
	for top := range heaps {
		all = append(all, top.pairs...)
	}
	slices.SortFunc(all, comparePairs)
	out.Pairs = slices.Clip(all[:min(limit, len(all))])
	return out
}

// cosine is Salton's cosine of c shared items between works of da and db.
func cosine(c, da, db int) float64 {
	return float64(c) / math.Sqrt(float64(da)*float64(db))
}

// comparePairCounts orders pairs by count only, strongest first.
func comparePairCounts(x, y Pair) int { return y.Count - x.Count }

// sharedAll keeps every pair, strongest first. The workers write each
// block's rows compactly (b and count, 8 bytes a pair, rows in order);
// the pairs are then placed straight into their sorted position by a
// counting sort on count and, within a count, on deg(a)·deg(b): for one
// count, the cosine falls as that product grows, and equal products give
// equal cosines, so the order is comparePairs' with ties in (A, B) order,
// which the rows already have. Counts whose products spread too widely for
// a counting sort, or are too large for the equivalence to hold in floating
// point, are sorted by comparePairs instead.
func (g *Graph) sharedAll(along, back func(int) []int32, skip []bool, minCount int) Shared {
	n := g.Len()
	deg := make([]uint64, n)
	for i := range deg {
		deg[i] = uint64(len(along(i)))
	}
	blocks := make([]pairBlock, (n+sharedBlock-1)/sharedBlock)
	scratch := make(chan [][2]int32, runtime.GOMAXPROCS(0)) // each worker's, reused
	sharedRows(n, func(acc, touched []int32, lo, hi int) []int32 {
		var buf [][2]int32
		select {
		case buf = <-scratch:
		default:
		}
		blk := &blocks[lo/sharedBlock]
		blk.rowEnd = make([]int32, hi-lo)
		for a := lo; a < hi; a++ {
			if deg[a] > 0 {
				touched = sharedRow(along, back, skip, a, acc, touched)
				for _, b := range touched {
					if c := acc[b]; c >= int32(minCount) {
						buf = append(buf, [2]int32{b, c})
						blk.buckets.add(int(c), deg[a]*deg[b])
					}
					acc[b] = 0
				}
			}
			blk.rowEnd[a-lo] = int32(len(buf))
		}
		blk.pairs = slices.Clone(buf)
		select {
		case scratch <- buf[:0]:
		default:
		}
		return touched
	})
	var buckets countBuckets
	for k := range blocks {
		buckets.merge(blocks[k].buckets)
		blocks[k].buckets = nil
	}
	pos := 0
	for c := len(buckets) - 1; c > 0; c-- {
		b := &buckets[c]
		b.next = pos
		pos += b.n
		if b.n > 0 && b.maxP < 1<<40 && b.maxP-b.minP <= uint64(4*b.n+countingSlack) {
			b.hist = make([]int, b.maxP-b.minP+1)
		}
	}
	total := pos
	for k := range blocks {
		blk := &blocks[k]
		a, lo := k*sharedBlock, int32(0)
		for _, hi := range blk.rowEnd {
			for _, p := range blk.pairs[lo:hi] {
				if b := &buckets[p[1]]; b.hist != nil {
					b.hist[deg[a]*deg[p[0]]-b.minP]++
				}
			}
			a, lo = a+1, hi
		}
	}
	for c := range buckets {
		if b := &buckets[c]; b.hist != nil {
			at := b.next
			for i, k := range b.hist {
				b.hist[i] = at
				at += k
			}
		}
	}
	pairs := make([]Pair, total)
	for k := range blocks {
		blk := &blocks[k]
		a, lo := k*sharedBlock, int32(0)
		for _, hi := range blk.rowEnd {
			for _, p := range blk.pairs[lo:hi] {
				b := &buckets[p[1]]
				da, db := deg[a], deg[p[0]]
				var at int
				if b.hist != nil {
					at = b.hist[da*db-b.minP]
					b.hist[da*db-b.minP]++
				} else {
					at = b.next
					b.next++
				}
				pairs[at] = Pair{A: a, B: int(p[0]), Count: int(p[1]), Cosine: cosine(int(p[1]), int(da), int(db))}
			}
			a, lo = a+1, hi
		}
		*blk = pairBlock{} // garbage now
	}
	// The counting sort left equal count and cosine in A order, but a row's
	// works in the order it met them: sort each run of one A by B (only B
	// differs within a run).
	var bs []int
	for i := 0; i < len(pairs); {
		j := i + 1
		for j < len(pairs) && pairs[j].A == pairs[i].A && pairs[j].Count == pairs[i].Count && pairs[j].Cosine == pairs[i].Cosine {
			j++
		}
		if j-i > 1 {
			bs = bs[:0]
			for _, p := range pairs[i:j] {
				bs = append(bs, p.B)
			}
			slices.Sort(bs)
			for k, b := range bs {
				pairs[i+k].B = b
			}
		}
		i = j
	}
	for c := range buckets {
		if b := &buckets[c]; b.n > 0 && b.hist == nil {
			slices.SortFunc(pairs[b.next-b.n:b.next], comparePairs)
		}
	}
	return Shared{Pairs: pairs, Total: total}
}

// countBuckets holds, by count, how many pairs share that many items and
// the range of their degree products; during placement, where the next
// pair of each goes.
type countBuckets []countBucket

type countBucket struct {
	n          int
	minP, maxP uint64
	hist       []int // by product - minP, the next position, when counting
	next       int   // the next position, when sorting by comparePairs
}

func (cb *countBuckets) grow(c int) {
	for len(*cb) <= c {
		*cb = append(*cb, countBucket{minP: math.MaxUint64})
	}
}

func (cb *countBuckets) add(c int, prod uint64) {
	cb.grow(c)
	b := &(*cb)[c]
	b.n++
	b.minP, b.maxP = min(b.minP, prod), max(b.maxP, prod)
}

func (cb *countBuckets) merge(other countBuckets) {
	cb.grow(len(other) - 1)
	for c, o := range other {
		b := &(*cb)[c]
		b.n += o.n
		b.minP, b.maxP = min(b.minP, o.minP), max(b.maxP, o.maxP)
	}
}

// countingSlack is how much wider than four times its pairs a count's range
// of products may be and still be counting-sorted (a variable for tests).
var countingSlack = 1024

// pairBlock is one block's pairs: for its i-th row a, the works b and
// counts of pairs[rowEnd[i-1]:rowEnd[i]].
type pairBlock struct {
	pairs   [][2]int32
	rowEnd  []int32
	buckets countBuckets
}

// overBudget returns the middle works left out so that the sum of their
// lists' squared lengths fits the budget, longest lists first (ties by
// index), and a mark for each; none when it fits.
func overBudget(n int, back func(int) []int32, budget int64) ([]int, []bool) {
	var cost int64
	for r := 0; r < n; r++ {
		l := int64(len(back(r)))
		cost += l * l
	}
	if cost <= budget {
		return nil, nil
	}
	order := make([]int, 0, n)
	for r := 0; r < n; r++ {
		if len(back(r)) > 1 {
			order = append(order, r)
		}
	}
	slices.SortFunc(order, func(x, y int) int { return cmp.Or(len(back(y))-len(back(x)), x-y) })
	skip := make([]bool, n)
	var left []int
	for _, r := range order {
		if cost <= budget {
			break
		}
		l := int64(len(back(r)))
		cost -= l * l
		skip[r] = true
		left = append(left, r)
	}
	return left, skip
}

// AllCoupling yields every bibliographic-coupling pair sharing at least
// opt.MinCount references, ordered by A then B, without keeping any:
// memory is proportional to the number of works, whatever the number of
// pairs. opt.Limit is ignored; opt.Budget bounds the work as in Coupling,
// and leftOut are the works it leaves out (Shared.LeftOut).
func (g *Graph) AllCoupling(opt *SharedOptions) (pairs iter.Seq[Pair], leftOut []int) {
	return g.eachShared(g.Out, g.In, opt)
}

// AllCocitation yields every co-citation pair cited together at least
// opt.MinCount times, ordered by A then B, as AllCoupling does.
func (g *Graph) AllCocitation(opt *SharedOptions) (pairs iter.Seq[Pair], leftOut []int) {
	return g.eachShared(g.In, g.Out, opt)
}

// eachShared yields the pairs of shared one row after the other, on one
// core, in (A, B) order.
func (g *Graph) eachShared(along, back func(int) []int32, opt *SharedOptions) (iter.Seq[Pair], []int) {
	minCount, budget := 1, int64(DefaultSharedBudget)
	if opt != nil {
		minCount = max(1, opt.MinCount)
		if opt.Budget != 0 {
			budget = opt.Budget
		}
	}
	var leftOut []int
	var skip []bool
	if budget > 0 {
		leftOut, skip = overBudget(g.Len(), back, budget)
	}
	return func(yield func(Pair) bool) {
		n := g.Len()
		acc := make([]int32, n)
		var touched []int32
		var bits []uint64
		for a := 0; a < n; a++ {
			da := len(along(a))
			if da == 0 {
				continue
			}
			touched = sharedRow(along, back, skip, a, acc, touched)
			bits = SortNodes(touched, bits)
			for k, b := range touched {
				c := int(acc[b])
				acc[b] = 0
				if c < minCount {
					continue
				}
				if !yield(Pair{A: a, B: int(b), Count: c, Cosine: cosine(c, da, len(along(int(b))))}) {
					for _, b := range touched[k+1:] {
						acc[b] = 0
					}
					return
				}
			}
		}
	}, leftOut
}

// SortNodes sorts t, distinct node indexes, in place, and returns bits for
// the next call (nil at first; it is left zero). A row's partners often
// span a range not much wider than 64 times their number: they are then set
// in the bit array and read back in order, in time linear in the range's
// words (counting a co-citation network spent three quarters of its time
// sorting them); sparser ones are sorted.
func SortNodes(t []int32, bits []uint64) []uint64 {
	if len(t) < 32 {
		slices.Sort(t)
		return bits
	}
	lo, hi := t[0], t[0]
	for _, x := range t {
		lo, hi = min(lo, x), max(hi, x)
	}
	w0, w1 := int(lo>>6), int(hi>>6)
	if w1-w0 > 8*len(t) {
		slices.Sort(t)
		return bits
	}
	if len(bits) <= w1 {
		bits = append(bits, make([]uint64, w1+1-len(bits))...)
	}
	for _, x := range t {
		bits[x>>6] |= 1 << (x & 63)
	}
	k := 0
	for w := w0; w <= w1; w++ {
		for b := bits[w]; b != 0; b &= b - 1 {
			t[k] = int32(w<<6 + mathbits.TrailingZeros64(b))
			k++
		}
		bits[w] = 0
	}
	return bits
}

// comparePairs orders pairs strongest first: count, cosine, then the
// works' IDs (works are in ID order, so comparing indexes compares IDs).
func comparePairs(x, y Pair) int {
	if x.Count != y.Count {
		return y.Count - x.Count
	}
	if x.Cosine != y.Cosine {
		return cmp.Compare(y.Cosine, x.Cosine)
	}
	if x.A != y.A {
		return x.A - y.A
	}
	return x.B - y.B
}

// pairHeap keeps the weakest kept pair on top, to be replaced by a stronger one.
type pairHeap struct{ pairs []Pair }

func (h *pairHeap) Len() int           { return len(h.pairs) }
func (h *pairHeap) Less(i, j int) bool { return comparePairs(h.pairs[i], h.pairs[j]) > 0 }
func (h *pairHeap) Swap(i, j int)      { h.pairs[i], h.pairs[j] = h.pairs[j], h.pairs[i] }
func (h *pairHeap) Push(x any)         { h.pairs = append(h.pairs, x.(Pair)) }
func (h *pairHeap) Pop() any {
	p := h.pairs[len(h.pairs)-1]
	h.pairs = h.pairs[:len(h.pairs)-1]
	return p
}

// SharedItems returns the works behind a pair: the references both A and B
// cite (coupling) or, with cocited set, the works citing both A and B.
func (g *Graph) SharedItems(a, b int, cocited bool) []int {
	x, y := g.Out(a), g.Out(b)
	if cocited {
		x, y = g.In(a), g.In(b)
	}
	var out []int
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			out = append(out, int(x[i]))
			i++
			j++
		}
	}
	return out
}
