package graph

import "runtime"

// numWorkers is how many goroutines a parallel analysis uses.
func numWorkers() int { return runtime.GOMAXPROCS(0) }
