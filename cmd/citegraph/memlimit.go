package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
)

// followOnce starts followLiveHeap once per process.
var followOnce sync.Once

// heapPerInputByte is a little more than how many bytes of live heap a
// byte of input costs at the peak, while it is resolved (the generated M
// corpus: 107 MB of WoS text, at most about 840 MB live, 7.8 bytes a byte;
// a limit of 11 bytes a byte costs no more CPU than none, 9.3 costs 15 %
// more).
const heapPerInputByte = 11

// minMemoryLimit is the smallest soft memory limit set; small inputs never
// come near it.
const minMemoryLimit = 1 << 30

// softMemoryLimit sets Go's soft memory limit for a run that reads files,
// unless the user set GOMEMLIMIT. By default Go lets the heap grow to twice
// the live data before collecting, so a run whose live heap is 1.1 GB peaks
// past 2 GB; a limit a little above what the inputs need makes the
// collector work earlier instead (the M job: 1.58 GB → 1.14 GB peak RSS,
// same bytes, no more CPU). The limit grows with the inputs, so a larger
// corpus is never held below what it needs (which would make the collector
// run all the time). Compressed inputs count eight times their size.
//
// A stage may still need more than the inputs predict (the co-citation map
// of M holds 15 M links twice, as a network and as Leiden's rows): a heap
// whose live data passes the limit would be collected back to back, the
// collector taking half the CPU. So after each collection the limit is
// raised, if need be, to liveHeadroom times the live heap.
func softMemoryLimit(files []string) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var n int64
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			continue
		}
		size := st.Size()
		if low := strings.ToLower(f); strings.HasSuffix(low, ".gz") || strings.HasSuffix(low, ".zip") {
			size *= 8
		}
		n += size
	}
	debug.SetMemoryLimit(max(minMemoryLimit, heapPerInputByte*n))
	followOnce.Do(followLiveHeap)
}

// liveHeadroom is the least limit, as a multiple of the live heap, that
// followLiveHeap keeps.
const liveHeadroom = 1.25

// followLiveHeap raises the soft memory limit to liveHeadroom times the live
// heap whenever a collection finds it above, and never lowers it. It runs
// in the cleanup of a sentinel object that each collection frees and the
// cleanup makes anew.
func followLiveHeap() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var arm func()
	arm = func() {
		runtime.AddCleanup(new([64]byte), func(struct{}) {
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				want := int64(float64(sample[0].Value.Uint64()) * liveHeadroom)
				if want > debug.SetMemoryLimit(-1) {
					debug.SetMemoryLimit(want)
				}
			}
			arm()
		}, struct{}{})
	}
	arm()
}
