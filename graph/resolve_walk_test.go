package graph

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestByInitialAgreeing checks the initials index against the rule it
// stands for: an item's list holds exactly the items of the list whose
// groups' initials agree with its own (rsInitialsAgree), in list order.
func TestByInitialAgreeing(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	inits := []string{"", "a", "ab", "b", "ba", "c", "j", "jp", "jr", "z"}
	r := &rsResolver{}
	n := 400
	r.items = make([]rsItem, n)
	r.parent = make([]int32, n)
	r.groups.at = make([]int32, n)
	for i := range r.items {
		r.items[i] = rsItem{rsForm: rsNoForm, inits: inits[rng.IntN(len(inits))], ref: 0}
		r.parent[i] = int32(i)
	}
	// some groups: an item's group takes its root's initials
	for i := 1; i < n; i += 7 {
		r.parent[i] = int32(i - 1)
	}
	var list []int
	for i := range n {
		if rng.IntN(3) > 0 {
			list = append(list, i)
		}
	}
	x := r.byInitial(list)
	for _, own := range inits {
		var c byte
		if own != "" {
			c = own[0]
		}
		var want []int
		for _, j := range list {
			// the index may keep more than agree, never less; those it
			// keeps that disagree must differ beyond the first letter
			if rsInitialsAgree(own, r.inits(r.find(j))) {
				want = append(want, j)
			}
		}
		got := x.agreeing(c, nil)
		if !slices.IsSorted(got) {
			t.Errorf("%q: not in list order", own)
		}
		for _, j := range want {
			if _, ok := slices.BinarySearch(got, j); !ok {
				t.Errorf("%q: item %d (group initials %q) agrees but is left out", own, j, r.inits(r.find(j)))
			}
		}
		for _, j := range got {
			if g := r.inits(r.find(j)); g != "" && own != "" && g[0] != own[0] {
				t.Errorf("%q: item %d (group initials %q) kept", own, j, g)
			}
		}
	}
}

// TestGroupState checks that a group's state built on demand is the one
// its item gives, and that a slot given back by a merged group serves the
// next without touching the others.
func TestGroupState(t *testing.T) {
	recs := rsSynthetic(20, 5)
	r := rsNew(recs, &ResolveOptions{})
	// three references without identifiers: any two may merge on IDs
	var plain []int
	for i := len(recs); i < len(r.items) && len(plain) < 3; i++ {
		if r.items[i].doi == "" && len(r.items[i].ids) == 0 {
			plain = append(plain, i)
		}
	}
	if len(plain) < 3 {
		t.Fatal("no three references without identifiers")
	}
	a, b, c := plain[0], plain[1], plain[2]
	ga := r.group(a)
	if ga.first != a || ga.size != 1 || ga.doi != r.items[a].doi || ga.yMin != r.items[a].year ||
		!slices.Equal(ga.citers, []int{int(r.items[a].rec)}) || len(ga.recs) != 0 {
		t.Fatalf("state of item %d: %+v", a, *ga)
	}
	if g0 := r.group(0); !slices.Equal(g0.recs, []int{0}) || len(g0.citers) != 0 {
		t.Errorf("state of record 0: %+v", *g0)
	}
	if !r.union(a, b, "test", rsCheckIDs) {
		t.Fatalf("items %d and %d not merged", a, b)
	}
	root := r.find(a)
	other := a + b - root
	if r.groups.at[other] != 0 || len(r.groups.free) != 1 {
		t.Errorf("merged group %d keeps its slot (%d free)", other, len(r.groups.free))
	}
	gc := r.group(c) // takes the slot given back
	if len(r.groups.free) != 0 || gc.first != c {
		t.Errorf("slot not reused: %d free, state %+v", len(r.groups.free), *gc)
	}
	if g := r.group(root); g.size != 2 || g.first != min(a, b) {
		t.Errorf("merged state %+v", *g)
	}
}

// TestDistinct checks rsDistinct against a set of the values, with its
// own hash and with hashes that collide (a few values, or all, share one).
func TestDistinct(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	type val struct {
		a, b string
		n    int
	}
	vals := make([]val, 2000)
	for i := range vals {
		vals[i] = val{string(rune('a' + rng.IntN(5))), string(rune('a' + rng.IntN(3))), rng.IntN(20)}
	}
	value := func(i int) val { return vals[i] }
	for name, hash := range map[string]func(val) uint64{
		"maphash":  nil,
		"by n":     func(v val) uint64 { return uint64(v.n % 3) },
		"constant": func(val) uint64 { return 7 },
	} {
		d := newRsDistinct(value)
		if hash != nil {
			d.hash = hash
		}
		set := map[val]bool{}
		for i, v := range vals {
			if got, want := d.add(i), !set[v]; got != want {
				t.Fatalf("%s: item %d %v: first %v, want %v", name, i, v, got, want)
			}
			set[v] = true
		}
	}
}
