package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestSameBytesOnAnyCores runs the whole default job (read, resolve, every
// metric, pairs, analyses, maps, diagrams, report) on a real corpus with 1,
// 2 and 4 CPUs and checks that the report and every file written are the
// same bytes: the parallel stages (betweenness, pair counting, Leiden's
// starts, refinement and aggregation) must not depend on the scheduling.
// With $CITEGRAPH_BENCH_DATA naming the folder of the peers' generated
// corpora, it runs on S.wos.txt (2,000 papers) too.
func TestSameBytesOnAnyCores(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole job three times")
	}
	paths := []string{corpusFile(t, "wos/python-bibx_bit-pattern-savedrecs.txt")}
	if d := os.Getenv("CITEGRAPH_BENCH_DATA"); d != "" {
		paths = append(paths, filepath.Join(d, "S.wos.txt"))
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, path := range paths {
		var first map[string][]byte
		for _, procs := range []int{1, 2, 4} {
			runtime.GOMAXPROCS(procs)
			out := t.TempDir()
			stdout, stderr, err := citegraph(t, "-quiet", "-out", out, path)
			if err != nil {
				t.Fatalf("%d CPUs: %v\n%s", procs, err, stderr)
			}
			// the report names the folder it wrote to
			files := map[string][]byte{"(report)": []byte(strings.ReplaceAll(stdout, out, "OUT"))}
			err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := os.ReadFile(p)
				rel, _ := filepath.Rel(out, p)
				files[rel] = b
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = files
				t.Logf("%s: %d files", filepath.Base(path), len(files))
				continue
			}
			for name, b := range first {
				if !bytes.Equal(files[name], b) {
					t.Errorf("%s: %s differs between 1 and %d CPUs", filepath.Base(path), name, procs)
				}
			}
			for name := range files {
				if _, ok := first[name]; !ok {
					t.Errorf("%s: %s written with %d CPUs only", filepath.Base(path), name, procs)
				}
			}
		}
	}
}
