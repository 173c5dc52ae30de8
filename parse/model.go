package parse

import (
	"github.com/citegraph/citegraph/parse/freetext"
	"github.com/citegraph/citegraph/parse/model"
)

// The record types and the text helpers every reader shares live in
// parse/model, a leaf package that the readers in parse's subpackages can
// import; these names keep them part of parse's API.

type (
	// Author is a person's name split into family and given parts.
	Author = model.Author
	// Record is one work described by an input file; see model.Record.
	Record = model.Record
	// Reference is one entry of a record's reference list.
	Reference = model.Reference
	// Sink receives what a reader finds in one file.
	Sink = model.Sink
	// Affiliation is one address of a record's authors; see model.Affiliation.
	Affiliation = model.Affiliation
)

// IntPtr returns a pointer to n, for the optional counts of a Record.
func IntPtr(n int) *int { return model.IntPtr(n) }

// MakeLabel returns a short readable name for a work; see model.MakeLabel.
func MakeLabel(r *Record) string { return model.MakeLabel(r) }

// Shorten cuts s to at most max runes at a word boundary, adding "…".
func Shorten(s string, max int) string { return model.Shorten(s, max) }

// NormalizeDOI returns a DOI in lower case without URL or "doi:" prefix and
// without trailing punctuation, or "" when s holds none.
func NormalizeDOI(s string) string { return model.NormalizeDOI(s) }

// FindDOI returns the first DOI in free text, normalised, or "".
func FindDOI(s string) string { return model.FindDOI(s) }

// FindDOIs returns every DOI in free text, normalised, in order, without repeats.
func FindDOIs(s string) []string { return model.FindDOIs(s) }

// ParseYear returns the first plausible publication year (1500-2099) in s, or 0.
func ParseYear(s string) int { return model.ParseYear(s) }

// CleanSpace trims s and folds every run of white space into one space.
func CleanSpace(s string) string { return model.CleanSpace(s) }

// ParseName splits one personal name as bibliographic sources write it.
func ParseName(s string) Author { return model.ParseName(s) }

// Fold returns s in lower case with diacritics and punctuation removed and
// white space folded: the form titles and names are compared in.
func Fold(s string) string { return model.Fold(s) }

func isSuffix(w string) bool { return model.IsNameSuffix(w) }

func isParticle(w string) bool { return model.IsParticle(w) }

func trimDOIPrefix(s string) string { return model.TrimDOIPrefix(s) }

// ParseReference parses one free-text reference into its parts; see
// freetext.Parse.
func ParseReference(raw string) Reference { return freetext.Parse(raw) }
