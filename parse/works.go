package parse

import (
	"bufio"
	"fmt"
	"io"
	"slices"
)

// ReadWorks reads OpenAlex or Crossref JSON (format "openalex" or
// "crossref", in any layout their readers accept) and passes each work to
// fn: the record the reader made of it, and the work object's JSON text
// (verbatim, or rebuilt with the same members and lines). Works the reader
// skips are not passed; they are in the Result with their reason, as for
// Read. The cache of fetched works (parse/fetch) stores works this way, so
// that what it keeps is read by the same readers as files are.
func ReadWorks(file string, r io.Reader, format string, fn func(rec Record, raw []byte)) (*Result, error) {
	var work func(*Sink, []byte, int)
	var containers map[string]bool
	switch format {
	case "openalex":
		work, containers = oaWorkRecord, map[string]bool{"results": true}
	case "crossref":
		work, containers = crWorkRecord, map[string]bool{"message": true, "items": true}
	default:
		return &Result{File: file}, &ParseError{File: file, Err: fmt.Errorf("works are read from openalex or crossref json, not %q", format)}
	}
	s := &Sink{File: file, Format: format}
	var raw []byte
	s.OnRecord = func(rec Record) { fn(rec, raw) }
	w := &jpWalker{s: s, containers: containers}
	w.work = func(b []byte, line int) {
		raw = b
		work(s, b, line)
	}
	res := &Result{File: file, Format: format}
	err := w.read(bufio.NewReader(newNormalizer(r)))
	res.Warnings, res.Skipped = s.Warnings, s.Skipped
	slices.SortStableFunc(res.Warnings, byLine)
	slices.SortStableFunc(res.Skipped, byLine)
	if err != nil {
		return res, &ParseError{File: file, Err: err}
	}
	return res, nil
}
