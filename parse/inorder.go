package parse

import "runtime"

// inOrder runs work on each item that produce sends, on GOMAXPROCS
// goroutines, and passes the items to merge one at a time in the order they
// were sent, in the caller's goroutine. A reader uses it to parse a large
// file in batches of records at once and still hand its Sink the records,
// warnings and skips in file order: the same result whatever the number of
// cores. At most a few items per worker are in flight, so that memory stays
// bounded however large the input. produce runs in a goroutine of its own;
// inOrder returns when it has returned and every item is merged.
func inOrder[T any](produce func(send func(T)), work, merge func(T)) {
	workers := runtime.GOMAXPROCS(0)
	type job struct {
		v    T
		done chan struct{}
	}
	queue := make(chan job, 2*workers) // in order, to merge
	jobs := make(chan job, 2*workers)  // to the workers
	go func() {
		defer close(jobs)
		defer close(queue)
		produce(func(v T) {
			j := job{v, make(chan struct{})}
			queue <- j
			jobs <- j
		})
	}()
	for range workers {
		go func() {
			for j := range jobs {
				work(j.v)
				close(j.done)
			}
		}()
	}
	for j := range queue {
		<-j.done
		merge(j.v)
	}
}

// sinkBatch returns an empty Sink for the records of one batch of s's file.
func sinkBatch(s *Sink) Sink {
	return Sink{File: s.File, Format: s.Format, Siblings: s.Siblings}
}

// mergeSink passes on to s what the Sink of a batch received, in order:
// its warnings and skips, and its records, finished by b.Add already.
func mergeSink(s, b *Sink) {
	s.Warnings = append(s.Warnings, b.Warnings...)
	s.Skipped = append(s.Skipped, b.Skipped...)
	for _, r := range b.Records {
		if s.OnRecord != nil {
			s.OnRecord(r)
		} else {
			s.Records = append(s.Records, r)
		}
	}
}
