package parse

import (
	"errors"

	"github.com/citegraph/citegraph/parse/model"
)

// ParseError locates a problem in an input file: File, Line (1-based, 0
// when the problem concerns the whole file) and the error.
type ParseError = model.ParseError

// Errors that concern a whole file.
var (
	ErrEmpty         = errors.New("empty file")
	ErrBinary        = errors.New("binary file, not a bibliographic export")
	ErrUnknownFormat = errors.New("unrecognised layout (not WoS, Scopus, RIS, BibTeX, PubMed, OpenAlex, Crossref, Lens, CSL-JSON, a reference list or a landing page)")
	ErrTooLarge      = errors.New("line too long")
	// ErrNotBibliographic is a text file without a layout of its own and
	// without signs of a scholarly work: a README, notes, a log.
	ErrNotBibliographic = errors.New("not a bibliographic file (plain text with no sign of a scholarly work: no DOI with a title, citation, reference list or labelled fields)")
)
