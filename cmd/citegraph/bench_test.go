package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestSyntheticCorpusS reads the Web of Science export that the peers'
// benchmark generator writes for its S corpus (../shared/bench/gen.py, a
// fixed-seed Price-model literature of 2,000 papers) and checks that
// citegraph recovers exactly the generator's graph (31,275 nodes, 79,298
// edges, from S.nodes.tsv and S.edges.tsv) and the coupling and co-citation
// pair counts every peer measured on it (../shared/bench/README.md).
func TestSyntheticCorpusS(t *testing.T) {
	if testing.Short() {
		t.Skip("generates an 11 MB corpus")
	}
	gen := filepath.Join(repoRoot, "..", "shared", "bench", "gen.py")
	if _, err := os.Stat(gen); err != nil {
		t.Skip("benchmark generator not available")
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not available")
	}
	dir := t.TempDir()
	if out, err := exec.Command(python, gen, "S", "--wos", "--out", dir).CombinedOutput(); err != nil {
		t.Skipf("generator failed: %v\n%s", err, out)
	}
	stdout, stderr, err := citegraph(t, "-out", "", "-format", "json", filepath.Join(dir, "S.wos.txt"))
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var r struct {
		Works      int `json:"works"`
		Corpus     int `json:"corpus_works"`
		Citations  int `json:"citations"`
		Coupling   int `json:"coupling_pairs"`
		Cocitation int `json:"cocitation_pairs"`
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	want := [5]int{31275, 2000, 79298, 419951, 1431155}
	if got := [5]int{r.Works, r.Corpus, r.Citations, r.Coupling, r.Cocitation}; got != want {
		t.Errorf("works, corpus works, citations, coupling pairs, co-citation pairs = %v, want %v", got, want)
	}
}
