package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNothingReadGivesReasons: when no record could be read, the report
// and explain say why for each file:line, as records always did; before,
// they printed only "no records read from X".
func TestNothingReadGivesReasons(t *testing.T) {
	in := filepath.Join(t.TempDir(), "skip.ris")
	if err := os.WriteFile(in, []byte("TY  - JOUR\nER  - \n\nTY  - JOUR\nER  - \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"-out", "", in}, {"explain", "x", "--", in}} {
		_, stderr, err := citegraph(t, args...)
		if err == nil || !strings.Contains(err.Error(), "no records read") {
			t.Errorf("%q: err = %v, want no records read", args, err)
		}
		for _, line := range []string{in + ":1: ", in + ":4: "} {
			if !strings.Contains(stderr, line) {
				t.Errorf("%q: stderr lacks the reason at %s:\n%s", args, line, stderr)
			}
		}
	}
}

// TestExplainJSON: explain -format json printed text.
func TestExplainJSON(t *testing.T) {
	stdout, stderr, err := citegraph(t, "explain", "-format", "json", "10.1111/1467-9566.00352", "Restratification Beginning")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var e explanation
	if err := json.Unmarshal([]byte(stdout), &e); err != nil {
		t.Fatalf("not JSON: %v\n%.200s", err, stdout)
	}
	if len(e.Works) != 2 || e.Works[0].ID != "doi:10.1111/1467-9566.00352" || !e.Works[0].InCorpus || e.Works[0].CitesHere != 10 ||
		len(e.Works[0].Mentions) == 0 || !strings.HasPrefix(e.Works[0].FieldsFrom, "title,") || e.Pair == nil ||
		len(e.Pair.Citations) != 1 {
		t.Errorf("explanation %+v", e)
	}
	if c := e.Pair.Citations[0]; c.From.ID != e.Works[0].ID || c.To.ID != e.Works[1].ID || c.Match == "" || len(c.Sources) == 0 {
		t.Errorf("citation %+v, want the first work citing the second, with how and where", c)
	}
}
