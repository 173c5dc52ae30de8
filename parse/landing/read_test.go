package landing

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/parse/model"
)

// bigPage builds the text of a page of about 10 MB: a short header and a
// numbered reference list of n invented entries with DOIs.
func bigPage(n int) []Line {
	lines := []Line{
		{N: 1, Text: "A study of made-up things"},
		{N: 2, Text: "Jane Roe and John Poe"},
		{N: 3, Text: "Published: 2001"},
		{N: 4, Text: "DOI: 10.5555/big.1"},
		{N: 5, Text: "References"},
	}
	for k := range n {
		lines = append(lines, Line{N: len(lines) + 1, Text: strconv.Itoa(k+1) + ". Roe J, Poe J (2001) Made-up title number " +
			strconv.Itoa(k) + ". Journal of Things 12(3):45-67. https://doi.org/10.5555/ref." + strconv.Itoa(k)})
	}
	return lines
}

// TestLargePageIsFast reads a page of 10 MB with 90,000 references; the
// issue asks for well under a second. The bound is loose because the test
// machine may be shared and slow (it catches work that grows with the square
// of the list, which would take minutes); BenchmarkLargePage gives the figure.
func TestLargePageIsFast(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	lines := bigPage(90000)
	size := 0
	for _, l := range lines {
		size += len(l.Text) + 1
	}
	start := time.Now()
	s := &model.Sink{File: "big.txt", Format: "landing"}
	Read(lines, s)
	el := time.Since(start)
	if len(s.Records) != 1 {
		t.Fatalf("%d records, want 1", len(s.Records))
	}
	refs := s.Records[0].References
	if len(refs) != 90000 {
		t.Fatalf("%d references, want 90000", len(refs))
	}
	if r := refs[89999]; r.DOI != "10.5555/ref.89999" || r.Year != 2001 || r.Title != "Made-up title number 89999" {
		t.Errorf("last reference read as %+v", r)
	}
	if el > 60*time.Second {
		t.Errorf("a page of %d bytes took %v", size, el)
	}
	t.Logf("page of %d bytes: %v", size, el)
}

// BenchmarkLargePage reads a page of 10 MB with 90,000 references
// (go test -bench LargePage -run '^$' ./parse/landing).
func BenchmarkLargePage(b *testing.B) {
	lines := bigPage(90000)
	b.ReportAllocs()
	for b.Loop() {
		Read(lines, &model.Sink{File: "big.txt", Format: "landing"})
	}
}

// FuzzRead reads arbitrary text as a landing page: it must not panic, and
// every record and reference must point at a line of the input.
func FuzzRead(f *testing.F) {
	f.Add("A made-up study of counting things\nJane Roe, John Poe\nDOI: 10.5555/made.1\nReferences\n1. Roe J (2001) A title. J Things 1:2-3.\n")
	f.Add("Аннотация статьи, автор научной работы — Петрова А. Б.\nArticle information\nAbstract\nFull Text\nBibliography\n")
	f.Add("A. Roe, J. Poe Institute of Things    K. Doe University of X\nKeywords\ncopyright / things\n\x80\x9310.")
	f.Fuzz(func(t *testing.T, page string) {
		var in []Line
		for i, l := range strings.Split(page, "\n") {
			in = append(in, Line{N: i + 1, Text: l})
		}
		s := &model.Sink{File: "fuzz.txt", Format: "landing"}
		Read(in, s)
		for _, r := range s.Records {
			if r.Line < 1 || r.Line > len(in) {
				t.Fatalf("record at line %d of %d", r.Line, len(in))
			}
			for _, ref := range r.References {
				if ref.Line < 1 || ref.Line > len(in) {
					t.Fatalf("reference at line %d of %d", ref.Line, len(in))
				}
			}
		}
	})
}
