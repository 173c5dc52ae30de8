package model

import (
	"runtime"
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
