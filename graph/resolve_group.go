package graph

// This file holds the state of Resolve's groups. A group of one item,
// which most references stay, has no state of its own until a stage asks
// for it: group builds it from the item then. The states live in chunks
// that never move, so a pointer to one holds while others are built, and a
// group merged into another gives its slot back for the next.

// rsGroupChunk is the number of group states allocated at a time.
const rsGroupChunk = 4096

// rsGroups holds the groups' states.
type rsGroups struct {
	at     []int32       // at[root]-1 is the slot of the root's state; 0: none yet
	chunks [][]rsCluster // slot k is chunks[k/rsGroupChunk][k%rsGroupChunk]
	free   []int32       // slots given back
	used   int32         // slots handed out, given back or not
	// one-value sets of the singletons built, cut from slabs (a set is
	// never appended to in place unless its group owns the array)
	strs []string
	ints []int
}

// group returns the state of the group whose root is root, building it
// from the root's item when the group is still that item alone.
func (r *rsResolver) group(root int) *rsCluster {
	g := &r.groups
	if k := g.at[root]; k > 0 {
		return g.slot(k - 1)
	}
	var k int32
	if n := len(g.free); n > 0 {
		k, g.free = g.free[n-1], g.free[:n-1]
	} else {
		k = g.used
		g.used++
		if int(k/rsGroupChunk) == len(g.chunks) {
			g.chunks = append(g.chunks, make([]rsCluster, rsGroupChunk))
		}
	}
	g.at[root] = k + 1
	c := g.slot(k)
	it := &r.items[root]
	*c = rsCluster{doi: it.doi, ids: it.ids, yMin: it.year, yMax: it.year, inits: it.inits, first: root, size: 1}
	if it.vol != "" {
		c.vols = rsOne(&g.strs, it.vol)
	}
	if it.page != "" && !rsWeakPage(it.page) {
		c.pages = rsOne(&g.strs, it.page)
	}
	if it.ref < 0 {
		c.recs = rsOne(&g.ints, int(it.rec))
	} else {
		c.citers = rsOne(&g.ints, int(it.rec))
	}
	return c
}

// inits returns the initials of the group whose root is root, without
// building its state.
func (r *rsResolver) inits(root int) string {
	if k := r.groups.at[root]; k > 0 {
		return r.groups.slot(k - 1).inits
	}
	return r.items[root].inits
}

// alone reports whether item i is a group by itself.
func (r *rsResolver) alone(i int) bool {
	if int(r.parent[i]) != i {
		return false
	}
	k := r.groups.at[i]
	return k == 0 || r.groups.slot(k-1).size == 1
}

// drop gives back the state of a group that was merged into another.
func (r *rsResolver) drop(root int) {
	g := &r.groups
	if k := g.at[root]; k > 0 {
		*g.slot(k - 1) = rsCluster{}
		g.free = append(g.free, k-1)
		g.at[root] = 0
	}
}

func (g *rsGroups) slot(k int32) *rsCluster {
	return &g.chunks[k/rsGroupChunk][k%rsGroupChunk]
}

// rsOne returns the set {v}, cut from the slab (a new one when it is full).
func rsOne[T any](slab *[]T, v T) []T {
	if len(*slab) == cap(*slab) {
		*slab = make([]T, 0, rsGroupChunk)
	}
	*slab = append(*slab, v)
	n := len(*slab)
	return (*slab)[n-1 : n : n]
}
