package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"github.com/citegraph/citegraph/graph/draw/svgcheck"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/parse"
)

// TestSeedsAnalyses checks the analyses' files the seeds' run writes: the
// main path DOT and arc weights are golden files, the charts well-formed
// SVG.
func TestSeedsAnalyses(t *testing.T) {
	out := t.TempDir()
	if _, stderr, err := citegraph(t, "-width", "100", "-color", "never", "-out", out); err != nil {
		t.Fatalf("citegraph: %v\n%s", err, stderr)
	}
	for _, name := range []string{"mainpath.dot", "mainpath-arcs.csv"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, name, string(data))
	}
	f, err := os.Open(filepath.Join(out, "mainpath-arcs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// the seeds: one paper citing 10 works, each arc on 1 of 10 paths
	if len(rows) != 11 || strings.Join(rows[0], ",") != "citing,cited,spc,splc,spnp,main_paths" || rows[1][2] != "1" {
		t.Errorf("mainpath-arcs.csv: %d rows, %v", len(rows), rows[:min(2, len(rows))])
	}
	for _, name := range []string{"mainpath.svg", "rpys.svg", "bursts.svg", "keyword-bursts.svg"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svgcheck.Parse(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if !strings.Contains(string(data), "viewBox") {
			t.Errorf("%s has no viewBox", name)
		}
		if *update {
			if err := os.WriteFile(filepath.Join(repoRoot, "out", name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestParseYears(t *testing.T) {
	for in, want := range map[string][2]int{"2005-2015": {2005, 2015}, "2005–2015": {2005, 2015}, "2005-": {2005, 0}, "-2015": {0, 2015}, "2010": {2010, 2010}} {
		from, to, err := parseYears(in)
		if err != nil || from != want[0] || to != want[1] {
			t.Errorf("parseYears(%q) = %d, %d, %v; want %v", in, from, to, err, want)
		}
	}
	for _, bad := range []string{"-", "2015-2005", "abc", "20x5-2010"} {
		if _, _, err := parseYears(bad); err == nil {
			t.Errorf("parseYears(%q) accepted", bad)
		}
	}
}

func TestYearSlices(t *testing.T) {
	recs := []parse.Record{{Year: 2003}, {Year: 2009}, {Year: 2025}, {}}
	got := yearSlices(recs, 0, 0, 10)
	if len(got) != 3 || got[0] != [2]int{2003, 2012} || got[2] != [2]int{2023, 2025} {
		t.Errorf("slices %v", got)
	}
	if got := yearSlices(recs, 2005, 2010, 5); len(got) != 2 || got[1] != [2]int{2010, 2010} {
		t.Errorf("slices of 2005–2010 by 5: %v", got)
	}
	kept, y := filterYears(recs, 2004, 2010)
	if len(kept) != 1 || y.Kept != 1 || y.Outside != 2 || y.Undated != 1 {
		t.Errorf("filter: %d kept, %+v", len(kept), y)
	}
}

// TestYearsAndSlices runs the seeds (papers of 2003, 2009 and 2025, and
// three without a year) restricted to years and in slices.
func TestYearsAndSlices(t *testing.T) {
	out := t.TempDir()
	stdout, stderr, err := citegraph(t, "-years", "2000-2010", "-format", "json", "-out", "")
	if err != nil {
		t.Fatalf("citegraph -years: %v\n%s", err, stderr)
	}
	var rep struct {
		Years    struct{ From, To, Kept, Outside, Undated int }
		Overview struct{ Documents int }
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Years.Kept != 2 || rep.Years.Outside != 1 || rep.Years.Undated != 3 || rep.Overview.Documents != 2 {
		t.Errorf("-years 2000-2010: %+v, %d documents", rep.Years, rep.Overview.Documents)
	}

	stdout, stderr, err = citegraph(t, "-slice", "10", "-width", "100", "-color", "never", "-out", out)
	if err != nil {
		t.Fatalf("citegraph -slice: %v\n%s", err, stderr)
	}
	for _, s := range []string{"slice 1 of 3", "slice 3 of 3", "Years 2003–2012", "Years 2023–2025"} {
		if !strings.Contains(stdout, s) {
			t.Errorf("sliced report lacks %q", s)
		}
	}
	if !strings.Contains(stderr, "slice 2013–2022: no record") {
		t.Errorf("the empty slice is not reported: %q", stderr)
	}
	for _, dir := range []string{"slice-2003-2012", "slice-2023-2025"} {
		if _, err := os.Stat(filepath.Join(out, dir, "citations.svg")); err != nil {
			t.Errorf("slice diagram: %v", err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "slice-2013-2022")); err == nil {
		t.Errorf("an empty slice got a folder")
	}

	if _, _, err := citegraph(t, "-years", "1900-1950", "-out", ""); err == nil || !strings.Contains(err.Error(), "no record published in 1900–1950") {
		t.Errorf("-years without records: %v", err)
	}
}

func TestAnalysesUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-mainpath", "pagerank"}, {"-tolerance", "1"}, {"-tolerance", "-0.1"}, {"-burst-s", "1"}, {"-burst-gamma", "0"},
		{"-years", "2015-2005"}, {"-slice", "-2"}, {"export", "-slice", "5"}, {"-slice", "5", "-format", "csv"},
	} {
		if _, err := parseArgs(args, nil); !errors.Is(err, errUsage) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}
