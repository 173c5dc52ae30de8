package graph

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// TestCocitationHugeList: one paper listing 200,000 references used to cost
// 4e10 steps of co-citation counting (minutes); it is left out within the
// default budget, and the pairs of the other papers are still counted.
func TestCocitationHugeList(t *testing.T) {
	const refs = 200_000
	res := &Resolution{Works: make([]Work, refs+3)}
	for i := range res.Works {
		res.Works[i].ID = fmt.Sprintf("w%07d", i)
	}
	// work 0 cites works 3…; works 1 and 2 cite works 3 and 4 only
	for j := 3; j < refs+3; j++ {
		res.Citations = append(res.Citations, Citation{From: 0, To: j})
	}
	res.Citations = append(res.Citations, Citation{From: 1, To: 3}, Citation{From: 1, To: 4}, Citation{From: 2, To: 3}, Citation{From: 2, To: 4})
	g := New(res)
	done := make(chan Shared, 1)
	go func() { done <- g.Cocitation(&SharedOptions{Limit: 10}) }()
	var s Shared
	select {
	case s = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("co-citation of one 200,000-reference list took over a minute")
	}
	if !slices.Equal(s.LeftOut, []int{0}) {
		t.Errorf("LeftOut = %v, want [0], the paper with the huge list", s.LeftOut)
	}
	// only works 1 and 2 count: one pair, (3, 4), cited together twice
	if s.Total != 1 || len(s.Pairs) != 1 || s.Pairs[0].A != 3 || s.Pairs[0].B != 4 || s.Pairs[0].Count != 2 {
		t.Errorf("pairs %+v (total %d), want (3, 4) counted 2", s.Pairs, s.Total)
	}
}

// TestSharedBudget checks which works a small budget leaves out, by hand:
// in smallGraph, co-citation's middle works are the citing works, with
// lists of 2 (Smith 2020), 3 (Jones 2021) and 1 (Lee 2019): cost 4+9+1 = 14.
func TestSharedBudget(t *testing.T) {
	g := smallGraph()
	for _, c := range []struct {
		budget int64
		left   []int
		total  int
	}{
		{-1, nil, 3}, // no bound: (Lee, old) from both, (Lee, undated) and (old, undated) from Jones
		{14, nil, 3},
		{13, []int{1}, 1}, // Jones 2021 (3 references) out: only Smith's pair (Lee, old) remains
		{5, []int{1}, 1},
		{4, []int{1, 0}, 0}, // then Smith 2020 (2)
	} {
		s := g.Cocitation(&SharedOptions{Budget: c.budget})
		if !slices.Equal(s.LeftOut, c.left) || s.Total != c.total {
			t.Errorf("budget %d: left out %v, %d pairs; want %v, %d", c.budget, s.LeftOut, s.Total, c.left, c.total)
		}
	}
}
