package graph

import (
	"cmp"
	"hash/maphash"
	"slices"
)

// This file holds the indexes that let the stages of Resolve walk only the
// candidates that can pass their checks.

// rsByInitial is a list of items (ascending) regrouped by the first letter
// of their groups' initials (rsCluster.inits; 0 for none), ascending within
// a letter. Two groups whose initials are both given agree (rsInitialsAgree)
// only when they share the first letter, so an item of a group with
// initials need meet only the items of its letter and those without: in a
// block of one family name and year that is a twentieth of the block.
type rsByInitial struct {
	list  []int  // the items as listed
	items []int  // by letter, then ascending
	ini   []byte // the letter of each of items
}

// byInitial indexes list by the initials of its items' groups as they are
// now: the index holds while no group is merged.
func (r *rsResolver) byInitial(list []int) *rsByInitial {
	b := &rsByInitial{list: list, items: slices.Clone(list), ini: make([]byte, len(list))}
	letter := func(i int) byte {
		if s := r.inits(r.find(i)); s != "" {
			return s[0]
		}
		return 0
	}
	slices.SortStableFunc(b.items, func(x, y int) int { return cmp.Compare(letter(x), letter(y)) })
	for k, i := range b.items {
		b.ini[k] = letter(i)
	}
	return b
}

// agreeing appends to buf, ascending, the items of the list whose groups'
// initials can agree with initials that begin with c (0: none given, which
// agree with every group).
func (b *rsByInitial) agreeing(c byte, buf []int) []int {
	if c == 0 {
		return append(buf, b.list...)
	}
	none := b.run(0)
	same := b.run(c)
	for len(none) > 0 && len(same) > 0 {
		if none[0] < same[0] {
			buf, none = append(buf, none[0]), none[1:]
		} else {
			buf, same = append(buf, same[0]), same[1:]
		}
	}
	buf = append(buf, none...)
	return append(buf, same...)
}

// run returns the items of letter c.
func (b *rsByInitial) run(c byte) []int {
	lo, _ := slices.BinarySearch(b.ini, c)
	hi, _ := slices.BinarySearch(b.ini, c+1)
	if c == 255 {
		hi = len(b.ini)
	}
	return b.items[lo:hi]
}

// rsDistinct tells the first item of each value from the later ones,
// holding a hash and an item for each value rather than the value (a
// struct of several strings, some 80 bytes).
type rsDistinct[K comparable] struct {
	hash  func(v K) uint64
	value func(i int) K    // the value of item i, which must not change
	first map[uint64]int32 // a hash -> the first item whose value has it
	other map[K]bool       // the values whose hash an unequal value took first
}

func newRsDistinct[K comparable](value func(i int) K) *rsDistinct[K] {
	seed := maphash.MakeSeed()
	return &rsDistinct[K]{hash: func(v K) uint64 { return maphash.Comparable(seed, v) }, value: value,
		first: map[uint64]int32{}}
}

// add reports whether item i is the first with its value.
func (d *rsDistinct[K]) add(i int) bool {
	v := d.value(i)
	h := d.hash(v)
	j, ok := d.first[h]
	switch {
	case !ok:
		d.first[h] = int32(i)
		return true
	case d.value(int(j)) == v || d.other[v]:
		return false
	}
	if d.other == nil {
		d.other = map[K]bool{}
	}
	d.other[v] = true
	return true
}
