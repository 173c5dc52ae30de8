package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestFollowLiveHeap: a live heap above the soft limit raises the limit to
// liveHeadroom times it after a collection, so that the collector does not
// run back to back; the limit is never lowered.
func TestFollowLiveHeap(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	const limit = 64 << 20
	debug.SetMemoryLimit(limit)
	followOnce.Do(followLiveHeap)
	live := make([]byte, 160<<20) // 160 MB kept live, above the limit
	for i := range live {
		live[i] = byte(i)
	}
	deadline := time.Now().Add(10 * time.Second)
	for debug.SetMemoryLimit(-1) == limit && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	got := debug.SetMemoryLimit(-1)
	if got < int64(len(live))*5/4 || got > int64(len(live))*2 {
		t.Errorf("limit %d MB with %d MB live, want about %.2f times it", got>>20, len(live)>>20, liveHeadroom)
	}
	runtime.KeepAlive(live)
	live = nil
	for range 3 {
		runtime.GC()
	}
	time.Sleep(50 * time.Millisecond)
	if now := debug.SetMemoryLimit(-1); now < got {
		t.Errorf("limit lowered from %d to %d MB", got>>20, now>>20)
	}
}
