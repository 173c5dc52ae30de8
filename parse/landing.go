package parse

import (
	"io"

	"github.com/citegraph/citegraph/parse/landing"
	"github.com/citegraph/citegraph/parse/model"
)

// The landing reader takes text scraped from article landing pages; it lives
// in parse/landing and reads a page as a whole, so its lines are gathered
// here first.

func init() {
	register(Format{Name: "landing", Order: 100, Sniff: landing.Sniff, Read: readLanding})
}

// readLanding reads the lines of a page and hands them to the landing reader.
func readLanding(r io.Reader, s *Sink) error {
	lines, err := readLines(r, s)
	if err != nil {
		return err
	}
	landing.Read(lines, s)
	return nil
}

// readLines reads all lines of r, reporting lines that had to be cut. The
// lines share the memory of the blocks read (one string a block, not one
// a line: a page of 90,000 lines made 90,000 small strings).
func readLines(r io.Reader, s *Sink) ([]landing.Line, error) {
	lr := newBlockLineReader(r)
	var lines []landing.Line
	for lr.Scan() {
		if lr.Long() {
			s.Warnf(lr.Line(), "line longer than %d bytes, cut", maxLine)
		}
		lines = model.Push(lines, landing.Line{N: lr.Line(), Text: lr.Text()})
	}
	return lines, lr.Err()
}
