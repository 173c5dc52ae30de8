package parse

import (
	"io"
	"runtime"
	"strings"
)

// A plain-text WoS export is read in batches (see inOrder): one goroutine
// splits the input into lines and cuts them into batches after an "ER" line,
// where the parser holds no record, so that a batch can be parsed knowing
// nothing of the ones before it; workers turn batches into records, warnings
// and skips; the merger checks for repeated records (the only state that
// spans records) and hands everything on in file order.

// wosBatchBytes is the size of the text of a batch: large enough that
// handing batches between goroutines costs nothing, small enough that a few
// in flight hold little memory.
var wosBatchBytes = 1 << 20

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
	sink  Sink
	st    wosState
}

// parse reads the batch's lines into b.sink.
func (b *wosBatch) parse() {
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
	// lines of merged batches, for reuse: a batch holds some ten thousand
	free := make(chan []wosLine, 4*runtime.GOMAXPROCS(0))
	var err error
	produce := func(send func(*wosBatch)) {
		lr := newBlockLineReader(r)
		var b *wosBatch
		size, ers := 0, 0
		next := func() {
			b, size, ers = &wosBatch{sink: sinkBatch(s)}, 0, 0
			select {
			case b.lines = <-free:
			default:
			}
		}
		flush := func() {
			// records are large: sized once, not grown and then copied
			b.sink.Records = make([]Record, 0, ers+1)
			send(b)
		}
		next()
		for lr.Scan() {
			line := strings.TrimRight(strings.TrimPrefix(lr.Text(), "\ufeff"), " \t\r")
			if line == "" && !lr.Long() {
				continue
			}
			b.lines = append(b.lines, wosLine{lr.Line(), line, lr.Long()})
			if size += len(line); line == "ER" {
				if ers++; size >= wosBatchBytes {
					flush()
					next()
				}
			}
		}
		err = lr.Err()
		b.last = true
		flush()
	}
	seen := wosSeen{}
	merge := func(b *wosBatch) {
		select {
		case free <- b.lines[:0]:
		default:
		}
		seen.merge(s, &b.sink, b.st.checks)
	}
	inOrder(produce, (*wosBatch).parse, merge)
	return err
}
