package parse

import (
	"io"
	"runtime"
	"strings"
)

// A plain-text WoS export is read in three steps that run at once: one
// goroutine splits the input into lines and cuts the lines into batches
// after an "ER" line (where the parser holds no record, so that a batch can
// be parsed knowing nothing of the ones before it), GOMAXPROCS workers turn
// batches into records, warnings and skips, and the caller's goroutine
// takes the batches in file order, checks for repeated records (the only
// state that spans records) and hands everything to the Sink. The result is
// the one a single pass gives, whatever the number of workers.

// wosBatchBytes is the size of the text of a batch: large enough that
// handing batches between goroutines costs nothing, small enough that a few
// in flight hold little memory.
const wosBatchBytes = 1 << 20

// wosLine is one line of a plain-text export, trimmed.
type wosLine struct {
	n    int
	text string
	long bool // cut at maxLine bytes
}

// wosBatch is a run of lines and, once parsed, what they held.
type wosBatch struct {
	lines []wosLine
	last  bool // the input ends with this batch
	done  chan struct{}
	sink  Sink
	st    wosState
}

// parse reads the batch's lines into b.sink, leaving the duplicate checks
// in b.st.checks.
func (b *wosBatch) parse() {
	defer close(b.done)
	b.st.s = &b.sink
	p := &wosTextParser{st: &b.st}
	for _, l := range b.lines {
		if l.long {
			b.sink.Warnf(l.n, "line longer than %d bytes cut", maxLine)
		}
		if l.text != "" {
			p.line(l.n, l.text)
		}
	}
	if b.last && p.cur != nil {
		b.sink.Warnf(p.cur.line, "file ends inside this record (no ER line): truncated? record kept")
		b.st.emit(p.cur)
	}
}

// wosRead reads a plain-text export.
func wosRead(r io.Reader, s *Sink) error {
	workers := runtime.GOMAXPROCS(0)
	queue := make(chan *wosBatch, 2*workers) // in file order, to the merger
	work := make(chan *wosBatch, 2*workers)
	// lines whose batch is merged, for reuse: a batch holds some ten
	// thousand of them
	free := make(chan []wosLine, 4*workers)
	var err error
	newBatch := func() *wosBatch {
		b := &wosBatch{done: make(chan struct{}), sink: Sink{File: s.File, Format: s.Format, Siblings: s.Siblings}}
		select {
		case b.lines = <-free:
		default:
		}
		return b
	}
	go func() {
		defer close(work)
		defer close(queue)
		lr := newBlockLineReader(r)
		b, size, ers := newBatch(), 0, 0
		send := func() {
			// records are large: sized once, not grown twice over
			b.sink.Records = make([]Record, 0, ers+1)
			queue <- b
			work <- b
		}
		for lr.Scan() {
			line := strings.TrimRight(strings.TrimPrefix(lr.Text(), "\ufeff"), " \t\r")
			if line == "" && !lr.Long() {
				continue
			}
			b.lines = append(b.lines, wosLine{lr.Line(), line, lr.Long()})
			if size += len(line); line == "ER" {
				ers++
				if size >= wosBatchBytes {
					send()
					b, size, ers = newBatch(), 0, 0
				}
			}
		}
		err = lr.Err()
		b.last = true
		send()
	}()
	for range workers {
		go func() {
			for b := range work {
				b.parse()
			}
		}()
	}
	st := &wosState{s: s, seen: map[string]int{}}
	for b := range queue {
		<-b.done
		w := 0
		for _, c := range b.st.checks {
			s.Warnings = append(s.Warnings, b.sink.Warnings[w:c.warn]...)
			w = c.warn
			st.dup(c.line, c.ut, c.doi)
		}
		select {
		case free <- b.lines[:0]:
		default:
		}
		b.lines = nil
		s.Warnings = append(s.Warnings, b.sink.Warnings[w:]...)
		s.Skipped = append(s.Skipped, b.sink.Skipped...)
		for _, r := range b.sink.Records {
			if s.OnRecord != nil {
				s.OnRecord(r)
			} else {
				s.Records = append(s.Records, r)
			}
		}
	}
	return err
}
