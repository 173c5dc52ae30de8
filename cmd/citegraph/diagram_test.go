package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/draw/svgcheck"
)

// maxWidthPx is the widest a default diagram may be: a browser window.
const maxWidthPx = 2400

// checkDiagram parses an SVG citegraph drew and fails the test on what would
// make it hard to read: a work without an arc (unless the caption says why
// nothing is drawn), two works with one label, label texts whose estimated
// boxes overlap, an edge through a node, no viewBox.
func checkDiagram(t *testing.T, name string, svg []byte) *svgcheck.Drawing {
	t.Helper()
	d, err := svgcheck.Parse(svg)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if d.ViewBox == "" {
		t.Errorf("%s: no viewBox, so the SVG does not scale", name)
	}
	works := d.Works("w")
	if len(works) == 0 && !strings.Contains(caption(d), "Nothing to draw") {
		t.Errorf("%s: no work drawn, and the caption does not say why: %q", name, caption(d))
	}
	if iso := d.Isolated(works); len(iso) > 0 {
		t.Errorf("%s: %d of %d works have no arc: %v", name, len(iso), len(works), iso)
	}
	if dup := svgcheck.DuplicateLabels(works); len(dup) > 0 {
		t.Errorf("%s: labels carried by more than one work: %q", name, dup)
	}
	for k, o := range d.Overlaps() {
		if k == 5 {
			t.Errorf("%s: … %d overlaps in all", name, len(d.Overlaps()))
			break
		}
		t.Errorf("%s: %v", name, o)
	}
	for k, c := range d.EdgesThroughNodes(works, 2) {
		if k == 5 {
			t.Errorf("%s: … %d edges through nodes in all", name, len(d.EdgesThroughNodes(works, 2)))
			break
		}
		t.Errorf("%s: the arc %s -> %s runs through %s", name, c.Edge.From, c.Edge.To, c.Node)
	}
	return d
}

// caption is the text that belongs to no node or edge.
func caption(d *svgcheck.Drawing) string {
	var s []string
	for _, t := range d.Texts {
		if t.Owner == "" {
			s = append(s, t.S)
		}
	}
	return strings.Join(s, " ")
}

// corpusFile returns the path of a shared corpus file, or skips: the corpora
// are beside the checkout (../shared/corpora) or, for a worktree, beside its
// parent folder; $CITEGRAPH_CORPORA overrides.
func corpusFile(t *testing.T, rel string) string {
	t.Helper()
	dirs := []string{filepath.Join(repoRoot, "..", "shared", "corpora"), filepath.Join(repoRoot, "..", "..", "shared", "corpora")}
	if d := os.Getenv("CITEGRAPH_CORPORA"); d != "" {
		dirs = []string{d}
	}
	for _, d := range dirs {
		if p := filepath.Join(d, rel); exists(p) {
			return p
		}
	}
	t.Skipf("corpus file %s not available", rel)
	return ""
}

// TestCorpusDiagrams draws the default historiograph of real exports and
// checks each as a reader would look at it: no work without an arc, no
// label twice, no labels over each other, no arc through a node, at most
// 2,400 px wide, and at least 80 % papers of the corpus when the corpus has
// as many linked papers as the drawing holds. Which works are papers of the
// corpus, and which are linked, is counted from the exported graph.
func TestCorpusDiagrams(t *testing.T) {
	for _, tc := range []struct {
		rel  string
		args []string
		// example, when set, is where -update keeps the SVG as the README's
		// example of a real corpus (out/examples/…)
		example string
	}{
		{"wos/python-bibx_bit-pattern-savedrecs.txt", nil, "bit-patterned-media.svg"},
		{"wos/metaknowledge_savedrecs.txt", nil, ""},
		{"scopus-csv/metaknowledge_scopus_testing.csv.scopus", nil, ""},
		{"openalex/Academic-Explorer_page__3D__1__26__per_page__3D__50.json", nil, ""},
		{"wos/wosfile_wos_plaintext.txt", nil, ""},
		{"ris/python-bibx_scopus.ris", nil, ""},
		{"wos-bibtex/pyBibX_wos.bib", nil, ""},
		{"scopus-bibtex/pyBibX_scopus.bib", nil, ""},
		{"scopus-csv/bibliometrix_scopus_sample.csv", nil, ""}, // no paper cites another
		{"ris/asreview_baseline_zotero.ris", nil, ""},          // no references at all
		{"crossref/oc_meta_crossref_2019.json", nil, ""},
		{"wos/python-bibx_bit-pattern-savedrecs.txt", []string{"-nodes", "120", "-cited", "15", "-reduce"}, ""},
		{"wos/python-bibx_bit-pattern-savedrecs.txt", []string{"-metric", "gcs", "-min-citations", "5"}, ""},
	} {
		name := filepath.Base(tc.rel) + strings.Join(tc.args, " ")
		t.Run(name, func(t *testing.T) {
			path := corpusFile(t, tc.rel)
			out := t.TempDir()
			start := time.Now()
			_, stderr, err := citegraph(t, append(append([]string{"-out", out, "-format", "json"}, tc.args...), path)...)
			elapsed := time.Since(start)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			svg, err := os.ReadFile(filepath.Join(out, "citations.svg"))
			if err != nil {
				t.Fatal(err)
			}
			d := checkDiagram(t, name, svg)
			works := d.Works("w")
			if tc.example != "" && *update {
				if err := os.WriteFile(filepath.Join(repoRoot, "out", "examples", tc.example), svg, 0o644); err != nil {
					t.Fatal(err)
				}
			}

			// which works are papers of the corpus, and which of those cite
			// or are cited by another, from the resolved graph (work i is
			// node w<i>)
			in := load(&config{Paths: []string{path}})
			res := graph.Resolve(in.records, nil)
			linked := map[int]bool{}
			for _, c := range res.Citations {
				if res.Works[c.From].InCorpus && res.Works[c.To].InCorpus {
					linked[c.From], linked[c.To] = true, true
				}
			}
			drawnCorpus := 0
			for _, n := range works {
				i, err := strconv.Atoi(n.ID[1:])
				if err != nil || i >= len(res.Works) {
					t.Fatalf("node %s is not a work of the graph", n.ID)
				}
				if res.Works[i].InCorpus {
					drawnCorpus++
				}
			}
			if len(tc.args) == 0 {
				if d.WidthPx() > maxWidthPx {
					t.Errorf("%.0f px wide, more than %d", d.WidthPx(), maxWidthPx)
				}
				if len(linked) >= 40 && float64(drawnCorpus) < 0.8*float64(len(works)) {
					t.Errorf("%d of %d drawn works are papers of the corpus, though %d papers are linked", drawnCorpus, len(works), len(linked))
				}
			}
			t.Logf("%s: %d works drawn (%d papers of the corpus, %d linked in all), %d arcs, %.0f × %.0f px, run %.2f s",
				name, len(works), drawnCorpus, len(linked), len(d.Edges), d.WidthPx(), d.Height*4/3, elapsed.Seconds())
		})
	}
}
