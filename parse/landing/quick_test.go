package landing

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/parse/internal/corpora"
)

// quickCases returns the lines the quick tests are checked on: written
// cases and every line of the shared landing pages (when present).
func quickCases(t *testing.T, written ...string) []string {
	cases := written
	dir := corpora.Dir()
	if dir == "" {
		return cases
	}
	files, _ := filepath.Glob(filepath.Join(dir, "landing", "pages", "*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, strings.Split(string(b), "\n")...)
	}
	return cases
}

// TestFundingQuick checks lpFunding's byte test against lpFundRe alone.
func TestFundingQuick(t *testing.T) {
	cases := quickCases(t, "", "Grant no. 5", "ſupported by X", "SUPPORTED BY", "This work was funded", "award",
		"Project number 7", "funding", "granted", "xgrant", "Funded by the EU")
	for _, s := range cases {
		if got, want := lpFunding(s), lpFundRe.MatchString(s); got != want {
			t.Errorf("lpFunding(%q) = %v, lpFundRe says %v", s, got, want)
		}
	}
	t.Logf("%d lines", len(cases))
}
