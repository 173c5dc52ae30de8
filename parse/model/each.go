package model

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Each calls f(k) for k from 0 to n-1: on one goroutine per processor
// when there are at least per items for each, which take blocks of block
// items in turn (so that one held up by the machine's other work does not
// hold up the rest), else in order. f must write only what belongs to k,
// so that the result does not depend on the scheduling. The readers use it
// for the per-line and per-reference work of long inputs.
func Each(n, block, per int, f func(k int)) {
	workers := min(runtime.GOMAXPROCS(0), n/per)
	if workers < 2 {
		for k := range n {
			f(k)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				a := int(next.Add(int64(block))) - block
				if a >= n {
					return
				}
				for k := a; k < min(a+block, n); k++ {
					f(k)
				}
			}
		})
	}
	wg.Wait()
}

// Push appends v to s, doubling s's array when it is full. append grows a
// long array by a quarter at a time, which writes five times its final
// size in fresh memory in all; doubling writes twice. The readers push
// one item per line or element of a page of any length.
func Push[T any](s []T, v T) []T {
	if len(s) == cap(s) {
		s = slices.Grow(s, max(len(s), 16))
	}
	return append(s, v)
}
