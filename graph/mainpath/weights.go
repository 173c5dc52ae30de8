package mainpath

import (
	"fmt"
	"strings"
)

// Kind names a traversal weight (Batagelj 2003, after Hummon & Doreian 1989).
// Each counts, for every arc, the paths of a family that run through it. The
// network is extended by a source s and a sink t:
//
//	SPC   search path count: s → every source (a node citing nothing),
//	      every sink (a node nobody cites) → t; the arc's weight is the
//	      number of source–sink paths through it.
//	SPLC  search path link count: s → every node, sinks → t; the number of
//	      paths from any node to a sink through the arc.
//	SPNP  search path node pair: s → every node, every node → t; the number
//	      of paths between any two nodes through the arc.
//
// With N⁻(u) the number of s–u paths and N⁺(v) the number of v–t paths, the
// weight of arc u→v is N⁻(u)·N⁺(v), where
//
//	N⁻(v) = [v is linked from s] + Σ N⁻(u) over arcs u→v
//	N⁺(u) = [u is linked to t]   + Σ N⁺(v) over arcs u→v
type Kind int

// The traversal weights.
const (
	SPC Kind = iota
	SPLC
	SPNP
)

// Kinds lists every traversal weight, in the order reports show them.
var Kinds = []Kind{SPC, SPLC, SPNP}

// String returns "SPC", "SPLC" or "SPNP".
func (k Kind) String() string {
	switch k {
	case SPC:
		return "SPC"
	case SPLC:
		return "SPLC"
	case SPNP:
		return "SPNP"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// ParseKind accepts "spc", "splc" or "spnp" in any case.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if strings.EqualFold(s, k.String()) {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown traversal weight %q (use spc, splc or spnp)", s)
}

// Weights are the traversal weights of one kind.
type Weights struct {
	Kind Kind
	// Arc holds the weight of each arc, indexed like Network.Arcs.
	Arc []Num
	// Minus and Plus are N⁻ and N⁺ of each node.
	Minus, Plus []Num
	// Total is the number of paths the weight counts (those with at least
	// one arc); Arc[k]/Total is the share of them through arc k.
	Total Num
}

// startsAt reports whether the extended network links s to node v.
func (nw *Network) startsAt(kind Kind, v int) bool { return kind != SPC || nw.IsSource(v) }

// endsAt reports whether the extended network links node v to t.
func (nw *Network) endsAt(kind Kind, v int) bool { return kind == SPNP || nw.IsSink(v) }

// Weights computes the traversal weights of every arc in O(nodes + arcs)
// additions and multiplications of exact integers.
func (nw *Network) Weights(kind Kind) *Weights {
	n := nw.Len()
	w := &Weights{Kind: kind, Arc: make([]Num, len(nw.Arcs)), Minus: make([]Num, n), Plus: make([]Num, n)}
	for _, v32 := range nw.topo {
		v := int(v32)
		var s sum
		if nw.startsAt(kind, v) {
			s.small = 1
		}
		for _, k := range nw.In(v) {
			s.add(w.Minus[nw.Arcs[k].From])
		}
		w.Minus[v] = s.num()
	}
	for i := len(nw.topo) - 1; i >= 0; i-- {
		v := int(nw.topo[i])
		var s sum
		if nw.endsAt(kind, v) {
			s.small = 1
		}
		for _, k := range nw.Out(v) {
			s.add(w.Plus[nw.Arcs[k].To])
		}
		w.Plus[v] = s.num()
	}
	var total sum
	for k, a := range nw.Arcs {
		w.Arc[k] = w.Minus[a.From].Mul(w.Plus[a.To])
		if nw.startsAt(kind, a.From) {
			total.add(w.Plus[a.To]) // paths whose first arc is k
		}
	}
	w.Total = total.num()
	return w
}
