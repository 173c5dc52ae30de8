package parse

import "errors"

// ParseError locates a problem in an input file.
type ParseError struct {
	File string // path as given by the user
	Line int    // 1-based line, 0 when the problem concerns the whole file
	Err  error
}

func (e *ParseError) Error() string {
	return position(e.File, e.Line) + ": " + e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }

// Errors that concern a whole file.
var (
	ErrEmpty         = errors.New("empty file")
	ErrBinary        = errors.New("binary file, not a bibliographic export")
	ErrUnknownFormat = errors.New("unrecognised layout (not WoS, Scopus, RIS, BibTeX, PubMed, OpenAlex, Crossref, Lens, CSL-JSON, a reference list or a landing page)")
	ErrTooLarge      = errors.New("line too long")
)
