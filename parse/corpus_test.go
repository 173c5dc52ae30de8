package parse

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/parse/internal/corpora"
)

// corpusFile returns the path of a file of the shared real-data corpora,
// skipping the test when the corpora are absent; see package corpora.
func corpusFile(t testing.TB, rel string) string {
	t.Helper()
	return corpora.File(t, rel)
}

// isPageCorpus reports whether rel, a path inside the corpora folder, lies in
// one of the folders of article landing pages (landing/, html/): pages, not
// exports, which the page readers' own tests cover.
func isPageCorpus(rel string) bool {
	rel = filepath.ToSlash(rel)
	return strings.HasPrefix(rel, "landing/") || strings.HasPrefix(rel, "html/")
}

// readCorpus reads a corpus file through the detection path and fails the
// test on a whole-file error.
func readCorpus(t testing.TB, rel string) *Result {
	t.Helper()
	res, err := ReadFile(corpusFile(t, rel), "")
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", rel, err)
	}
	return res
}

// refCount sums the references of records.
func refCount(recs []Record) int {
	n := 0
	for _, r := range recs {
		n += len(r.References)
	}
	return n
}

func stringsReader(s string) io.Reader { return strings.NewReader(s) }

func readAllString(t testing.TB, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// fuzzRead reads data as format through Read and checks what every reader
// promises whatever the input: no panic, a whole-file error is a
// *ParseError, every record has a source, a format and a label, and no
// string of a record holds a control character (see checkNoControls). It
// returns what was read (empty after a whole-file error) for the caller's
// own checks.
func fuzzRead(t *testing.T, format string, data []byte) *Result {
	t.Helper()
	res, err := Read("fuzz", bytes.NewReader(data), format)
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %T %v is not a *ParseError", err, err)
		}
		return &Result{}
	}
	for _, r := range res.Records {
		if r.Source == "" || r.Label == "" || r.Format == "" {
			t.Fatalf("record without source, label or format: %+v", r)
		}
		for _, a := range r.Affiliations {
			for _, i := range a.Authors {
				if i < 0 || i >= len(r.Authors) {
					t.Fatalf("%s: affiliation linked to author %d of %d", r.Source, i, len(r.Authors))
				}
			}
		}
	}
	checkNoControls(t, res.Records)
	return res
}
