package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph/draw/svgcheck"
)

// TestSeedMaps checks the maps the default run draws from the seeds: the
// co-citation, keyword and co-author maps exist (their DOT is golden, their
// SVG well-formed with a circle per node), the coupling and country maps
// are not drawn and the report says why.
func TestSeedMaps(t *testing.T) {
	out := t.TempDir()
	stdout, stderr, err := citegraph(t, "-width", "80", "-color", "never", "-out", out)
	if err != nil {
		t.Fatalf("citegraph: %v\n%s", err, stderr)
	}
	for _, want := range []string{"Science maps", "Bibliographic coupling of works: empty: only 1 of the 6 corpus works",
		"Co-authorship of countries: empty: no countries found", "Every link has the same count"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, line := range strings.Split(stdout, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line wider than 80 columns (%d): %q", n, line)
		}
	}
	for name, nodes := range map[string]int{"map-cocitation-works": 10, "map-cooccurrence-keywords": 13, "map-coauthorship-authors": 2} {
		dot, err := os.ReadFile(filepath.Join(out, name+".dot"))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, name+".dot", string(dot))
		svg, err := os.ReadFile(filepath.Join(out, name+".svg"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(string(svg), `class="node"`) - strings.Count(string(dot), "shape=plaintext") -
			strings.Count(string(dot), "shape=box"); got != nodes {
			t.Errorf("%s.svg: %d circles, want %d", name, got, nodes)
		}
		if _, err := svgcheck.Parse(svg); err != nil {
			t.Errorf("%s.svg: %v", name, err)
		}
		if *update {
			if err := os.WriteFile(filepath.Join(repoRoot, "out", name+".svg"), svg, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, name := range []string{"map-coupling-works", "map-coauthorship-countries"} {
		if _, err := os.Stat(filepath.Join(out, name+".svg")); err == nil {
			t.Errorf("%s.svg drawn for an empty network", name)
		}
	}
}

// TestMapCommand runs the map command on the seeds and on a shared corpus.
func TestMapCommand(t *testing.T) {
	out := t.TempDir()
	stdout, _, err := citegraph(t, "map", "-network", "cooccurrence", "-width", "80", "-out", out, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Co-occurrence of keywords: 13 keywords", "Cluster 1 (7 keywords", "wrote " + filepath.Join(out, "map-cooccurrence-keywords.svg")} {
		if !strings.Contains(stdout, want) {
			t.Errorf("map output lacks %q:\n%s", want, stdout)
		}
	}
	stdout, _, err = citegraph(t, "map", "-network", "cocitation", "-format", "json", "-out", "", "seeds")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Network  string `json:"network"`
		Clusters []struct {
			ID    int    `json:"id"`
			Size  int    `json:"size"`
			Label string `json:"label"`
		} `json:"clusters"`
		Nodes []struct {
			Cluster int `json:"cluster"`
		} `json:"nodes"`
	}
	if err := json.Unmarshal([]byte(stdout), &m); err != nil {
		t.Fatal(err)
	}
	if m.Network != "cocitation" || len(m.Clusters) != 1 || m.Clusters[0].Size != 10 || len(m.Nodes) != 10 {
		t.Errorf("map json: %+v", m)
	}
	for _, args := range [][]string{{"map", "-network", "nope"}, {"map", "-network", "cocitation", "-unit", "countries"},
		{"map", "-layout", "dot"}, {"map", "-normalization", "x"}, {"map", "-resolution", "-1"}} {
		if _, _, err := citegraph(t, args...); !errors.Is(err, errUsage) {
			t.Errorf("%v: error %v, want a usage error", args, err)
		}
	}
	corpus := corpusFile(t, "wos/wosfile_wos_plaintext.txt")
	for _, args := range [][]string{{"-network", "coauthorship", "-unit", "countries"}, {"-network", "coupling", "-unit", "sources", "-layout", "sfdp"}} {
		stdout, _, err = citegraph(t, append(append([]string{"map"}, args...), "-out", out, corpus)...)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(stdout, "Cluster 1 (") || !strings.Contains(stdout, "wrote ") {
			t.Errorf("map %v: %s", args, stdout)
		}
	}
}
