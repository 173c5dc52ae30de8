package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestArgsAnywhere: flags after the paths work, and before the command;
// "--" ends the flags, and explain takes the arguments after its works as
// paths from the first that exists on disk.
func TestArgsAnywhere(t *testing.T) {
	t.Chdir(repoRoot)
	for _, tc := range []struct {
		args           []string
		paths, queries []string
		top            int
		format         string
		command        string
	}{
		{args: []string{"seeds", "-top", "5"}, paths: []string{"seeds"}, top: 5},
		{args: []string{"-top", "3", "seeds", "-format", "json", "out"}, paths: []string{"seeds", "out"}, top: 3, format: "json"},
		{args: []string{"-top", "3", "--", "-odd.txt", "-top"}, paths: []string{"-odd.txt", "-top"}, top: 3},
		{args: []string{"explain", "doi:10.1/x", "seeds"}, queries: []string{"doi:10.1/x"}, paths: []string{"seeds"}},
		{args: []string{"explain", "Jones", "Smith", "seeds", "-format", "json"}, queries: []string{"Jones", "Smith"},
			paths: []string{"seeds"}, format: "json"},
		{args: []string{"explain", "seeds", "--", "x.txt"}, queries: []string{"seeds"}, paths: []string{"x.txt"}},
		{args: []string{"explain", "Jones"}, queries: []string{"Jones"}, paths: []string{"seeds"}},
		{args: []string{"-v", "records", "seeds"}, paths: []string{"seeds"}, command: "records"},
		{args: []string{"-cpuprofile", "x.prof", "-quiet", "export", "-format", "csv", "seeds"}, paths: []string{"seeds"},
			format: "csv", command: "export"},
		{args: []string{"-top=3", "explain", "Jones", "seeds"}, queries: []string{"Jones"}, paths: []string{"seeds"},
			top: 3, command: "explain"},
		// a flag's value is no command, and neither is a path that exists
		{args: []string{"-out", "records", "seeds"}, paths: []string{"seeds"}, command: "report"},
		{args: []string{"-v", "seeds", "records"}, paths: []string{"seeds", "records"}, command: "report"},
	} {
		cfg, err := parseArgs(tc.args, io.Discard)
		if err != nil {
			t.Errorf("parseArgs(%q): %v", tc.args, err)
			continue
		}
		if !slices.Equal(cfg.Paths, tc.paths) || !slices.Equal(cfg.Queries, tc.queries) {
			t.Errorf("parseArgs(%q): paths %q queries %q, want %q and %q", tc.args, cfg.Paths, cfg.Queries, tc.paths, tc.queries)
		}
		if tc.top != 0 && cfg.Top != tc.top || tc.format != "" && cfg.Format != tc.format {
			t.Errorf("parseArgs(%q): top %d format %q", tc.args, cfg.Top, cfg.Format)
		}
		if tc.command != "" && cfg.Command != tc.command {
			t.Errorf("parseArgs(%q): command %q, want %q", tc.args, cfg.Command, tc.command)
		}
	}
}

// TestArgsRefused: -nodes 0 and unknown formats are usage errors (exit
// status 2); the format names the README lists are accepted.
func TestArgsRefused(t *testing.T) {
	for _, args := range [][]string{
		{"-nodes", "0"}, {"-nodes", "-2"}, {"export", "-format", "dot", "-nodes", "0"}, {"-in-format", "nosuch"},
		{"records", "-in-format", "WOS"}, {"explain", "a", "b", "no/such/path"},
	} {
		if _, err := parseArgs(args, io.Discard); !errors.Is(err, errUsage) {
			t.Errorf("parseArgs(%q) = %v, want a usage error", args, err)
		}
	}
	for _, f := range []string{"wos", "wos-tab", "wos-bibtex", "scopus-csv", "scopus-bibtex", "scopus-ris", "ris", "bibtex",
		"pubmed", "openalex", "openalex-csv", "crossref", "lens", "citations-csv", "reflist", "landing", "csl-json"} {
		if _, err := parseArgs([]string{"records", "-in-format", f}, io.Discard); err != nil {
			t.Errorf("-in-format %s: %v", f, err)
		}
	}
}

// TestForcedWrongFormat: forcing a reader on a file plainly of another
// layout says so and reads nothing from it (exit status 1), rather than
// making records of its lines.
func TestForcedWrongFormat(t *testing.T) {
	wos := filepath.Join(t.TempDir(), "savedrecs.txt")
	data := "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, J\nTI A title\nPY 2001\n" +
		"CR Jones A, 1999, NATURE, V1, P1\nER\nEF\n"
	if err := os.WriteFile(wos, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := citegraph(t, "records", "-in-format", "scopus-csv", wos)
	if err == nil || stdout != "" || !strings.Contains(stderr, wos+": not read as scopus-csv: the content is wos") {
		t.Errorf("err %v, stdout %q, stderr %q", err, stdout, stderr)
	}
	if stdout, _, err := citegraph(t, "records", "-in-format", "wos", wos); err != nil || strings.Count(stdout, "\n") != 1 {
		t.Errorf("forced wos: %v, %q", err, stdout)
	}
}
