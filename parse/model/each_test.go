package model

import (
	"runtime"
	"testing"
)

// TestEach checks that Each calls f once for every index, whether it runs
// in order or on several goroutines.
func TestEach(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for _, n := range []int{0, 1, 255, 256 * 4, 10007} {
		calls := make([]int, n)
		Each(n, 16, 256, func(k int) { calls[k]++ })
		for k, c := range calls {
			if c != 1 {
				t.Fatalf("n=%d: f(%d) called %d times", n, k, c)
			}
		}
	}
}

// TestPush checks that Push appends in order and at least doubles a full
// array.
func TestPush(t *testing.T) {
	var s []int
	for k := range 10000 {
		full := len(s) == cap(s)
		before := cap(s)
		s = Push(s, k)
		if full && before > 0 && cap(s) < 2*before {
			t.Fatalf("a full array of %d grew to %d", before, cap(s))
		}
	}
	for k, v := range s {
		if v != k {
			t.Fatalf("s[%d] = %d", k, v)
		}
	}
}
