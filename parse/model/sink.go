package model

import (
	"fmt"
	"io"
	"strings"
)

// Sink receives what a reader finds in one file: records, warnings about
// damaged parts of records that were still read, and records skipped whole.
// Readers fill Record.Line; the Sink fills File, Source, Format and Label.
type Sink struct {
	// File is the path reported in Source and in every ParseError.
	File string
	// Format is the name stored in Record.Format when the reader leaves it empty.
	Format string
	// OnRecord, when set, receives each record instead of Records.
	OnRecord func(Record)
	// Siblings are the files beside the input (its folder, or its zip
	// archive), for a format that spreads one dataset over several files
	// (a Pajek network and its partitions); nil when there are none.
	Siblings Siblings

	Records  []Record
	Warnings []*ParseError
	Skipped  []*ParseError
}

// Add finishes a record and passes it on. Control characters a reader
// decoded from escapes are removed from all its strings.
func (s *Sink) Add(r Record) {
	cleanRecord(&r)
	r.File = s.File
	r.Source = position(s.File, r.Line)
	if r.Format == "" {
		r.Format = s.Format
	}
	r.Title = CleanSpace(r.Title)
	r.DOI = NormalizeDOI(r.DOI)
	// the references on all processors when there are many, each in its
	// own place (a page may list tens of thousands)
	Each(len(r.References), 256, 1024, func(i int) {
		ref := &r.References[i]
		ref.Raw = strings.TrimSpace(ref.Raw)
		ref.DOI = NormalizeDOI(ref.DOI)
	})
	if r.Label == "" {
		r.Label = MakeLabel(&r)
	}
	if s.OnRecord != nil {
		s.OnRecord(r)
		return
	}
	s.Records = append(s.Records, r)
}

// Warnf reports a problem inside a record that was still read.
func (s *Sink) Warnf(line int, format string, args ...any) {
	s.Warnings = append(s.Warnings, &ParseError{File: s.File, Line: line, Err: fmt.Errorf(format, args...)})
}

// Skipf reports a record that could not be read at all, with the reason.
func (s *Sink) Skipf(line int, format string, args ...any) {
	s.Skipped = append(s.Skipped, &ParseError{File: s.File, Line: line, Err: fmt.Errorf(format, args...)})
}

// Siblings lists and opens the files beside an input.
type Siblings interface {
	// Names returns the base names of the files, sorted.
	Names() []string
	// Open opens one of them.
	Open(name string) (io.ReadCloser, error)
}
