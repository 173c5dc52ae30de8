package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// repoRoot is where the tests run the command, so that paths print as a
// user at the top of the checkout sees them ("seeds/…").
var repoRoot, _ = filepath.Abs(filepath.Join("..", ".."))

// citegraph runs the command line in the repository root and returns what it
// printed. Tests pass -width and -color explicitly so output does not depend
// on the terminal.
func citegraph(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	t.Chdir(repoRoot)
	cfg, err := parseArgs(args, io.Discard)
	if err != nil {
		return "", "", err
	}
	var out, errb bytes.Buffer
	err = run(context.Background(), cfg, &out, &errb)
	return out.String(), errb.String(), err
}

// golden compares got with out/name: the example outputs of the seeds that
// the README shows are the golden files, so they can never go stale.
// -update rewrites them.
func golden(t *testing.T, name string, got string) {
	t.Helper()
	path := filepath.Join(repoRoot, "out", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n-want %q\n+got  %q\n(go test -update rewrites it if the change is intended)", name, i+1, w, g)
			}
		}
	}
}

func TestSeedsReport(t *testing.T) {
	out := t.TempDir()
	stdout, stderr, err := citegraph(t, "-width", "100", "-color", "never", "-out", out)
	if err != nil {
		t.Fatalf("citegraph: %v\n%s", err, stderr)
	}
	if strings.Contains(stdout, "null") || strings.Contains(stdout, "\x1b[") {
		t.Errorf("report prints null or colour codes:\n%s", stdout)
	}
	for _, line := range strings.Split(stdout, "\n") {
		if n := len([]rune(line)); n > 100 {
			t.Errorf("line wider than 100 columns (%d): %q", n, line)
		}
	}
	for _, want := range []string{"What was read", "Most central works", "Bibliographic coupling", "Co-citation",
		"only one work lists references"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	golden(t, "report.txt", strings.ReplaceAll(stdout, out, "out"))

	svg, err := os.ReadFile(filepath.Join(out, "citations.svg"))
	if err != nil {
		t.Fatal(err)
	}
	// Seed 000 is the only paper that lists references (10, each cited
	// once); no paper cites another, so its 10 references are drawn with it,
	// and the 5 papers without references are left out, as the caption says.
	d := checkDiagram(t, "seeds", svg)
	works := d.Works("w")
	if len(works) != 11 {
		t.Errorf("citations.svg has %d work nodes, want 11 (seed 000 and its 10 references)", len(works))
	}
	links := 0
	for _, n := range works {
		if n.Tooltip == "" {
			t.Errorf("node %s (%q) has no tooltip", n.ID, n.Label())
		}
		if n.Link == "https://doi.org/10.1111/1467-9566.00352" {
			links++
		}
	}
	if links != 1 {
		t.Errorf("citations.svg links seed 000's DOI %d times, want once", links)
	}
	if c := caption(d); !strings.Contains(c, "5 papers ranked high enough, with no citation") {
		t.Errorf("caption does not say why 5 papers are left out: %q", c)
	}
	dot, err := os.ReadFile(filepath.Join(out, "citations.dot"))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "citations.dot", string(dot))
	// The SVG embeds Graphviz's version, so it is checked for structure
	// above, not byte for byte; -update refreshes the example.
	if *update {
		if err := os.WriteFile(filepath.Join(repoRoot, "out", "citations.svg"), svg, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSeedsRecords(t *testing.T) {
	stdout, stderr, err := citegraph(t, "records", "seeds")
	if err != nil {
		t.Fatalf("records: %v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 6 {
		t.Fatalf("records printed %d lines, want 6 (seed 003 holds two works)", len(lines))
	}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line is not JSON: %v: %s", err, l)
		}
		for _, k := range []string{"source", "format", "label"} {
			if m[k] == nil || m[k] == "" {
				t.Errorf("record lacks %q: %s", k, l)
			}
		}
	}
	golden(t, "records.jsonl", stdout)
}

func TestSeedsExport(t *testing.T) {
	stdout, stderr, err := citegraph(t, "export", "-format", "json", "seeds")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	var exp struct {
		Works []struct {
			ID       string         `json:"id"`
			InCorpus bool           `json:"in_corpus"`
			Metrics  map[string]any `json:"metrics"`
		} `json:"works"`
		Citations  []map[string]string `json:"citations"`
		Coupling   []map[string]any    `json:"coupling"`
		Cocitation []map[string]any    `json:"cocitation"`
	}
	if err := json.Unmarshal([]byte(stdout), &exp); err != nil {
		t.Fatal(err)
	}
	corpus := 0
	for _, w := range exp.Works {
		if w.InCorpus {
			corpus++
		}
		if len(w.Metrics) != 6 {
			t.Errorf("work %s has metrics %v, want 6", w.ID, w.Metrics)
		}
	}
	// 6 seed works, 10 references of seed 000, which cites each once;
	// 10 references cited together by one work: C(10,2) = 45 co-cited pairs.
	if len(exp.Works) != 16 || corpus != 6 || len(exp.Citations) != 10 || len(exp.Coupling) != 0 || len(exp.Cocitation) != 45 {
		t.Errorf("export: %d works (%d corpus), %d citations, %d coupling, %d cocitation; want 16 (6), 10, 0, 45",
			len(exp.Works), corpus, len(exp.Citations), len(exp.Coupling), len(exp.Cocitation))
	}
	golden(t, "export.json", stdout)
	dot, _, err := citegraph(t, "export", "-format", "dot", "seeds")
	if err != nil || !strings.HasPrefix(dot, "digraph") {
		t.Errorf("export -format dot: %v, %.40q", err, dot)
	}
}

func TestExplain(t *testing.T) {
	stdout, _, err := citegraph(t, "explain", "doi:10.1111/1467-9566.00352")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"a paper of the corpus (seeds/000_554c40267265d8d9.txt:1)", "cites 10 works here", "record",
		"fields from: title, year, venue, volume, pages, doi: landing record seeds/000_554c40267265d8d9.txt:1"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("explain lacks %q:\n%s", want, stdout)
		}
	}
	stdout, _, err = citegraph(t, "explain", "10.1111/1467-9566.00352", "Restratification Beginning")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "citation: A subtle governance") {
		t.Errorf("explain pair lacks the citation:\n%s", stdout)
	}
	if _, _, err := citegraph(t, "explain", "no such work at all"); err == nil {
		t.Error("explain of an unknown work: no error")
	}
	// every work of the seeds, alone and paired with the citing paper
	export, _, _ := citegraph(t, "export", "seeds")
	var exp struct {
		Works []struct {
			ID string `json:"id"`
		} `json:"works"`
	}
	json.Unmarshal([]byte(export), &exp)
	for _, w := range exp.Works {
		out, _, err := citegraph(t, "explain", w.ID, "doi:10.1111/1467-9566.00352")
		if err != nil || !strings.Contains(out, "id: "+w.ID) || !strings.Contains(out, "Between ") {
			t.Errorf("explain %s: %v\n%s", w.ID, err, out)
		}
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	binary := write("image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	seed := filepath.Join(repoRoot, "seeds", "001_41659ee3af83aba2.txt")
	missing := filepath.Join(dir, "missing.ris")

	stdout, stderr, err := citegraph(t, "-out", "", "-width", "100", "-color", "never", empty, binary, missing, seed)
	if err == nil {
		t.Error("named inputs that cannot be read: no error (want exit status 1)")
	}
	for _, want := range []string{empty + ": empty file", binary + ": binary file", missing + ": no such file"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(stdout, "Doctors as system leaders") {
		t.Errorf("the readable seed was not reported:\n%s", stdout)
	}
	// Only unreadable inputs: nothing read, an error.
	if _, _, err := citegraph(t, "records", empty); err == nil || !strings.Contains(err.Error(), "no records") {
		t.Errorf("records of an empty file: err = %v, want no records", err)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-format", "pdf"}, {"-metric", "fame"}, {"-top", "0"}, {"-layout", "neato"}, {"-nosuchflag"}, {"-min-citations", "-1"},
		{"explain"}, {"explain", "a", "b", "c"}, {"export", "-format", "text"}, {"-color", "sometimes"},
	} {
		_, err := parseArgs(args, io.Discard)
		if !errors.Is(err, errUsage) {
			t.Errorf("parseArgs(%q) = %v, want a usage error", args, err)
		}
	}
	if _, err := parseArgs([]string{"-h"}, io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v, want flag.ErrHelp", err)
	}
	if u := usage(); !strings.Contains(u, "citegraph records") || strings.Contains(u, "//") {
		t.Errorf("usage text is not the package doc:\n%s", u)
	}
}

func TestBetweennessSources(t *testing.T) {
	for _, tc := range []struct{ flag, citing, arcs, want int }{
		{0, 2000, 79298, 0},         // the S corpus: exact
		{0, 20000, 801874, 0},       // M: 1.6e10, still exact
		{0, 200000, 8000000, 2500},  // L: 1.6e12, estimated from 2e10/8e6 sources
		{0, 200000, 80000000, 1000}, // never fewer than 1,000
		{-1, 200000, 8000000, 0},    // forced exact
		{300, 2000, 79298, 300},     // asked for
	} {
		if got := betweennessSources(tc.flag, tc.citing, tc.arcs); got != tc.want {
			t.Errorf("betweennessSources(%d, %d, %d) = %d, want %d", tc.flag, tc.citing, tc.arcs, got, tc.want)
		}
	}
}

// TestExportFormats writes every format of every network of the seeds
// through the command line: single-file formats on stdout, the others as
// files in -out, each well-formed and with the seeds' counts.
func TestExportFormats(t *testing.T) {
	out := t.TempDir()
	for _, network := range exportNetworks {
		for _, format := range exportFormats {
			args := []string{"export", "-network", network, "-format", format, "-out", out, "seeds"}
			stdout, stderr, err := citegraph(t, args...)
			if err != nil {
				t.Fatalf("%v: %v\n%s", args, err, stderr)
			}
			if multiFile(format) != (stdout == "") {
				t.Errorf("%v: %d bytes on stdout", args, len(stdout))
			}
			switch format {
			case "gexf", "graphml":
				dec := xml.NewDecoder(strings.NewReader(stdout))
				nodes := 0
				for {
					tok, err := dec.Token()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("%v: not XML: %v", args, err)
					}
					if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "node" {
						nodes++
					}
				}
				// the seeds: 16 works, 10 cited together by one paper, 13
				// keywords of two papers (6 and 7), one paper by 2 authors
				want := map[string]int{"citation": 16, "coupling": 0, "cocitation": 10, "cooccurrence": 13, "coauthorship": 2}[network]
				if nodes != want {
					t.Errorf("%v: %d nodes, want %d", args, nodes, want)
				}
				// pairs carry their map's clusters; maps also positions
				if format == "gexf" && nodes > 0 && network != "citation" {
					if !strings.Contains(stdout, "<viz:color") || network != "cocitation" && !strings.Contains(stdout, "<viz:position") {
						t.Errorf("%v: no clusters or positions:\n%s", args, stdout)
					}
				}
				if format == "graphml" && network == "citation" && !strings.Contains(stdout, `attr.name="cocitation_cluster"`) {
					t.Errorf("%v: no cocitation_cluster", args)
				}
			case "json", "jsonl":
				for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
					if format == "jsonl" && !json.Valid([]byte(l)) {
						t.Errorf("%v: line not JSON: %s", args, l)
					}
				}
				if format == "json" && !json.Valid([]byte(stdout)) {
					t.Errorf("%v: not JSON", args)
				}
			case "dot":
				if !strings.HasPrefix(stdout, map[bool]string{true: "digraph", false: "graph"}[network == "citation"]) {
					t.Errorf("%v: %.30q", args, stdout)
				}
			}
		}
	}
	for _, f := range []string{"citation-nodes.csv", "citation-edges.csv", "citation.net", "citation-year.clu", "citation-pagerank.vec",
		"cocitation.net", "citation-vosviewer-map.txt", "citation-vosviewer-network.txt", "citation-vosviewer.json"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("export did not write %s", f)
		}
	}
	// a map in another tool's format: every keyword laid out and clustered
	if _, stderr, err := citegraph(t, "map", "-network", "cooccurrence", "-format", "vosviewer", "-out", out, "seeds"); err != nil {
		t.Fatalf("map -format vosviewer: %v\n%s", err, stderr)
	}
	vos, _ := os.ReadFile(filepath.Join(out, "map-cooccurrence-keywords-vosviewer-map.txt"))
	if lines := strings.Split(strings.TrimSpace(string(vos)), "\n"); len(lines) != 14 || !strings.Contains(lines[0], "\tx\ty\t") || !strings.Contains(lines[0], "cluster") {
		t.Errorf("map's VOSviewer file:\n%s", vos)
	}
	edges, _ := os.ReadFile(filepath.Join(out, "citation-edges.csv"))
	if n := strings.Count(string(edges), "\r\n"); n != 11 {
		t.Errorf("citation-edges.csv has %d lines, want a header and 10 citations", n)
	}
	// a clean data DOT: no axis or legend pseudo-nodes, every arc citing -> cited
	dot, _, _ := citegraph(t, "export", "-format", "dot", "seeds")
	if strings.Count(dot, " -> ") != 10 || strings.Contains(dot, "rank=same") || strings.Contains(dot, "rankdir") || strings.Contains(dot, "legend") {
		t.Errorf("export -format dot is not plain data:\n%s", dot)
	}
	// pairs: -top and -min-weight, reported on stderr
	_, stderr, _ := citegraph(t, "export", "-network", "cocitation", "-format", "jsonl", "-top", "5", "seeds")
	if !strings.Contains(stderr, "6 works, 5 of 45 pairs") || !strings.Contains(stderr, "-top -1 writes all") {
		t.Errorf("stderr: %s", stderr)
	}
	stdout, _, _ := citegraph(t, "export", "-network", "cocitation", "-format", "jsonl", "-min-weight", "2", "seeds")
	if strings.Count(stdout, "\n") != 1 {
		t.Errorf("-min-weight 2 kept pairs:\n%s", stdout)
	}
	if _, _, err := citegraph(t, "export", "-format", "csv", "-out", "", "seeds"); err == nil {
		t.Error("csv without -out: no error")
	}
	for _, args := range [][]string{{"export", "-network", "friends"}, {"export", "-format", "xlsx"}, {"explore", "-format", "pdf"}} {
		if _, err := parseArgs(args, io.Discard); !errors.Is(err, errUsage) {
			t.Errorf("parseArgs(%q) = %v, want a usage error", args, err)
		}
	}
}

// TestSeedsExplore writes the explorer page of the seeds: the example in
// out/explore.html, whose data holds every work of the seeds.
func TestSeedsExplore(t *testing.T) {
	out := t.TempDir()
	_, stderr, err := citegraph(t, "explore", "-out", out, "seeds")
	if err != nil {
		t.Fatalf("explore: %v\n%s", err, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "explore.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "16 works, 10 citations") || !bytes.Contains(page, []byte(`"id":"doi:10.1111/1467-9566.00352"`)) {
		t.Errorf("stderr %q; page lacks the seed paper", stderr)
	}
	golden(t, "explore.html", string(page))
}

// TestReadNetworkFiles reads the Pajek networks of the shared corpora and
// a GEXF written by export back through the command line: the report.
func TestReadNetworkFiles(t *testing.T) {
	dir := t.TempDir()
	gexf, _, err := citegraph(t, "export", "-format", "gexf", "seeds")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "seeds.gexf")
	os.WriteFile(path, []byte(gexf), 0o644)
	stdout, stderr, err := citegraph(t, "-out", "", "-width", "100", "-color", "never", path)
	if err != nil || !strings.Contains(stdout, "6 records → 16 works (6 in the corpus, 10 cited only), 10 citations") {
		t.Errorf("report on the exported GEXF: %v\n%s\n%s", err, stdout, stderr)
	}
	zip := corpusFile(t, "pajek/bavla-Nets_SmaGri.zip")
	stdout, _, err = citegraph(t, "-out", "", "-width", "100", "-color", "never", zip)
	if err != nil || !strings.Contains(stdout, "1,059 records → 1,059 works (1,059 in the corpus, 0 cited only), 4,918\ncitations") ||
		!strings.Contains(stdout, "1 self-citation dropped; 3 repeated references") {
		t.Errorf("report on SmaGri:\n%s", stdout)
	}
}
