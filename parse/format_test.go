package parse

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReadWholeFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, format string
		want             error
	}{
		{"empty", "", "", ErrEmpty},
		{"blank", " \n\t\n", "", ErrEmpty},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", ErrBinary},
		{"controls", strings.Repeat("\x01\x02\x03 ab", 50), "", ErrBinary},
		{"README.md", "# Our data\n\nExports for the review, see [the protocol](https://example.org).\n\n```\ncitegraph data/\n```\n", "", ErrNotBibliographic},
		{"notes.txt", "Meeting notes\n- read the Roe paper again\n- ask Poe about the grant, DOI 10.5555/x.1\n", "", ErrNotBibliographic},
		{"run.log", "2024-05-01 12:00:01 INFO reading data/wos.txt\n2024-05-01 12:00:02 INFO 500 records\n2024-05-01 12:00:03 WARN data/x.txt skipped\n", "", ErrNotBibliographic},
	} {
		_, err := Read(tc.name, strings.NewReader(tc.in), tc.format)
		var pe *ParseError
		if !errors.Is(err, tc.want) || !errors.As(err, &pe) || pe.File != tc.name {
			t.Errorf("%s: err = %v, want %v as a *ParseError naming the file", tc.name, err, tc.want)
		}
	}
	if _, err := Read("x", strings.NewReader("TY  - JOUR\nER  - \n"), "nosuch"); err == nil || !strings.Contains(err.Error(), "unknown format") {
		t.Errorf("unknown forced format: err = %v", err)
	}
}

// TestForcedFormat: a forced format reads content of its layout under any
// of its names, and refuses content plainly of another layout rather than
// making garbage records of it.
func TestForcedFormat(t *testing.T) {
	const wos = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, J\nTI A title\nPY 2001\nER\nEF\n"
	const bib = "@article{WOS:000123,\nauthor = {Smith, J},\ntitle = {{A title}},\nyear = {{2001}},\nunique-id = {{WOS:000123}},\n}\n"
	if res, err := Read("w.txt", strings.NewReader(wos), "wos"); err != nil || len(res.Records) != 1 {
		t.Errorf("forced wos on wos: %v, %d records", err, len(res.Records))
	}
	for _, f := range []string{"scopus-csv", "ris", "bibtex", "wos-tab"} {
		_, err := Read("w.txt", strings.NewReader(wos), f)
		if err == nil || !strings.Contains(err.Error(), "not read as "+f+": the content is wos") {
			t.Errorf("forced %s on a WoS file: err = %v", f, err)
		}
	}
	for _, f := range []string{"bibtex", "wos-bibtex", "scopus-bibtex"} {
		if res, err := Read("w.bib", strings.NewReader(bib), f); err != nil || len(res.Records) != 1 {
			t.Errorf("forced %s on BibTeX: %v", f, err)
		}
	}
	for _, name := range []string{"wos-bibtex", "scopus-bibtex", "scopus-ris", "landing", "wos"} {
		if !slices.Contains(FormatNames(), name) {
			t.Errorf("FormatNames lacks %q", name)
		}
	}
}

func TestFormatsOrder(t *testing.T) {
	names := Formats()
	if len(names) != 18 {
		t.Fatalf("only %d formats registered: %v", len(names), names)
	}
	pos := map[string]int{}
	for i, n := range names {
		pos[n] = i
	}
	// Specific layouts are tried before the catch-all text readers.
	for _, n := range []string{"wos", "ris", "bibtex", "crossref", "openalex", "scopus-csv", "pubmed"} {
		if pos[n] > pos["reflist"] || pos["reflist"] > pos["landing"] {
			t.Errorf("order %v: %s must come before reflist, and reflist before landing", names, n)
		}
	}
}

func TestFilesWalk(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.ris", "a/c.bib", ".hidden/x.ris", "a/.y.txt"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte("x"), 0o644)
	}
	files, errs := Files([]string{dir, filepath.Join(dir, "b.ris"), filepath.Join(dir, "missing")})
	want := []string{filepath.Join(dir, "a", "c.bib"), filepath.Join(dir, "b.ris")}
	if strings.Join(files, "|") != strings.Join(want, "|") {
		t.Errorf("Files = %q, want %q (sorted, hidden skipped, no repeats)", files, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing") {
		t.Errorf("errors = %v, want one for the missing path", errs)
	}
}

// FuzzRead feeds arbitrary bytes through detection and every reader, with
// fuzzRead's checks.
func FuzzRead(f *testing.F) {
	for _, seed := range []string{
		"FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, J\nTI A\nCR Doe J, 2001, NATURE, V1, P2\nER\nEF\n",
		"TY  - JOUR\nTI  - A\nER  - \n",
		"@article{k, title={A}, year=2001}\n",
		"PMID- 1\nTI  - A\n",
		`{"message":{"DOI":"10.1/a","title":["A"],"reference":[{"key":"r","unstructured":"Doe J. B. Nature 2001."}]}}`,
		"\"Authors\",\"Title\",\"Year\",\"Source title\",\"EID\"\n\"Doe J.\",\"A\",\"2001\",\"N\",\"2-s2.0-1\"\n",
		"References\n1. Doe J. A title. Nature. 2001;1:2.\n2. Roe K. B title. Science. 2002;3:4.\n",
		"Title: A page\nDOI: 10.1/x\nAbstract\nText.\n",
		"\xff\xfeT\x00Y\x00",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "", data) })
}
