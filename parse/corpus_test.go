package parse

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusFile returns the path of a file of the shared real-data corpora
// (../shared/corpora beside the checkout, or $CITEGRAPH_CORPORA), skipping the
// test when the corpora are absent. Those files are never copied here.
func corpusFile(t testing.TB, rel string) string {
	t.Helper()
	dir := os.Getenv("CITEGRAPH_CORPORA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "corpora")
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("corpus file %s not available: %v", rel, err)
	}
	return p
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
