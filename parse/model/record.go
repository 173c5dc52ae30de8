package model

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Author is a person's name split into family and given parts. Given may
// hold initials ("J.A.") or be empty when the source gives only a surname.
type Author struct {
	Family string `json:"family"`
	Given  string `json:"given,omitempty"`
}

// String returns the name as "Given Family", or Family alone.
func (a Author) String() string {
	if a.Given == "" {
		return a.Family
	}
	return a.Given + " " + a.Family
}

// Record is one work described by an input file: a paper of the corpus with,
// where the source lists them, the works it cites. Absent values stay zero:
// readers never invent them.
//
// IDs holds identifiers other than the DOI under these keys: "wos" (UT, e.g.
// "WOS:000123456700001"), "scopus" (EID, "2-s2.0-…"), "pmid", "pmcid",
// "openalex" (short form "W2741809807"), "lens", "mag", "arxiv", "isbn",
// "issn", "url", "key" (a BibTeX key or RIS ID).
type Record struct {
	// Source is "path:line" of the record's first line.
	Source string `json:"source"`
	// Format is the name of the reader that produced the record ("wos", "ris", …).
	Format string `json:"format"`
	Title  string `json:"title,omitempty"`
	// Label is a short readable name for the record, never empty: the title
	// when there is one, else the DOI or the first words of the abstract.
	Label       string            `json:"label"`
	Authors     []Author          `json:"authors,omitempty"`
	Year        int               `json:"year,omitempty"`
	Venue       string            `json:"venue,omitempty"`
	VenueAbbrev string            `json:"venue_abbrev,omitempty"`
	Volume      string            `json:"volume,omitempty"`
	Issue       string            `json:"issue,omitempty"`
	Pages       string            `json:"pages,omitempty"`
	DOI         string            `json:"doi,omitempty"`
	IDs         map[string]string `json:"ids,omitempty"`
	Type        string            `json:"type,omitempty"`
	// Keywords are the keywords the authors chose (WoS DE, Scopus Author
	// Keywords, PubMed OT, RIS KW, BibTeX keywords), or the keywords of a
	// source that does not say who chose them.
	Keywords []string `json:"keywords,omitempty"`
	// IndexKeywords are the keywords a database assigned: WoS Keywords
	// Plus (ID), Scopus Index Keywords, PubMed MeSH headings, OpenAlex
	// keywords or concepts.
	IndexKeywords []string `json:"index_keywords,omitempty"`
	// Affiliations are the authors' addresses, in the order the source
	// gives them, each once.
	Affiliations []Affiliation `json:"affiliations,omitempty"`
	Abstract     string        `json:"abstract,omitempty"`
	// CitedBy is the global citation count the source states, if any.
	CitedBy *int `json:"cited_by,omitempty"`
	// RefsDeclared is the number of references the source says the work has
	// (WoS NR, Crossref reference-count, "has 35 references"), if stated.
	RefsDeclared *int        `json:"refs_declared,omitempty"`
	References   []Reference `json:"references,omitempty"`

	// File and Line locate the record; Source is built from them.
	File string `json:"-"`
	Line int    `json:"-"`
}

// Reference is one entry of a record's reference list: the raw text as the
// source gives it, plus whatever parts could be parsed out of it.
type Reference struct {
	Raw     string            `json:"raw"`
	Authors []Author          `json:"authors,omitempty"`
	Year    int               `json:"year,omitempty"`
	Title   string            `json:"title,omitempty"`
	Venue   string            `json:"venue,omitempty"`
	Volume  string            `json:"volume,omitempty"`
	Pages   string            `json:"pages,omitempty"`
	DOI     string            `json:"doi,omitempty"`
	IDs     map[string]string `json:"ids,omitempty"`

	// Line is the input line the reference starts on, 0 if unknown.
	Line int `json:"-"`
}

// IntPtr returns a pointer to n, for the optional counts of a Record.
func IntPtr(n int) *int { return &n }

// SetID records an identifier, ignoring empty values.
func (r *Record) SetID(key, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	if r.IDs == nil {
		r.IDs = map[string]string{}
	}
	r.IDs[key] = value
}

// SetID records an identifier, ignoring empty values.
func (r *Reference) SetID(key, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	if r.IDs == nil {
		r.IDs = map[string]string{}
	}
	r.IDs[key] = value
}

// MakeLabel returns a short readable name for a work: its title, else its DOI
// or another identifier, else the first words of its abstract, else its
// source position.
func MakeLabel(r *Record) string {
	if r.Title != "" {
		return Shorten(r.Title, 80)
	}
	if r.DOI != "" {
		return "untitled, doi:" + r.DOI
	}
	for _, k := range []string{"wos", "scopus", "pmid", "openalex", "lens", "key"} {
		if v := r.IDs[k]; v != "" {
			return "untitled, " + k + ":" + v
		}
	}
	if r.Abstract != "" {
		return "untitled: “" + Shorten(r.Abstract, 50) + "”"
	}
	if r.Source != "" {
		return "untitled work at " + r.Source
	}
	return "untitled work"
}

// Shorten cuts s to at most max runes at a word boundary, adding "…".
func Shorten(s string, max int) string {
	s = CleanSpace(s)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	keep := r[:max-1]
	if r[max-1] != ' ' {
		// back off to the last space, if one is not too far back
		for k := len(keep) - 1; k > len(keep)/2; k-- {
			if keep[k] == ' ' {
				keep = keep[:k]
				break
			}
		}
	}
	return strings.TrimRight(string(keep), " ,;:.-") + "…"
}

// position formats a file and line the way every message does.
func position(file string, line int) string {
	if line <= 0 {
		return file
	}
	return file + ":" + strconv.Itoa(line)
}
