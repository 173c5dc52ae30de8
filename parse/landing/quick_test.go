package landing

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

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

// TestSplitColonBounded checks lpSplitColon, which looks for the colon in
// the first bytes only, against the test on the whole line, on lines with
// a colon after 40 to 56 characters of one to four bytes.
func TestSplitColonBounded(t *testing.T) {
	whole := func(t string) []string {
		i := strings.IndexAny(t, ":：")
		if i <= 0 || utf8.RuneCountInString(t[:i]) > 48 {
			return nil
		}
		name := strings.TrimSpace(t[:i])
		if name == "" {
			return nil
		}
		_, w := utf8.DecodeRuneInString(t[i:])
		return []string{t, name, strings.TrimSpace(t[i+w:])}
	}
	var written []string
	for _, c := range []string{"a", "é", "中", "😀", "\xff", "\xe2", "\xef\xbc"} {
		for n := 40; n <= 56; n++ {
			for _, colon := range []string{":", "：", " :"} {
				written = append(written, strings.Repeat(c, n)+colon+" value "+strings.Repeat("x", 300))
			}
		}
	}
	for _, s := range quickCases(t, written...) {
		if got, want := lpSplitColon(s), whole(s); !reflect.DeepEqual(got, want) {
			t.Errorf("lpSplitColon(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestMayEndYear checks that lpMayEndYear holds for every string
// lpVenueYearRe matches, on the shared pages' lines and 100,000 random
// endings.
func TestMayEndYear(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := []string{",", " ", "\t", ".", "a", "z", "A", "1", "2", "0", "5", "9", "é"}
	var written []string
	for range 100000 {
		var b strings.Builder
		b.WriteString("Title of a work")
		for range rng.IntN(9) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		if rng.IntN(2) == 0 {
			b.WriteString([]string{", 1999", ",2001a.", ", 2020.", ", 1499", " 2001"}[rng.IntN(5)])
		}
		written = append(written, b.String())
	}
	matched := 0
	for _, s := range quickCases(t, written...) {
		if lpVenueYearRe.MatchString(s) {
			matched++
			if !lpMayEndYear(s) {
				t.Fatalf("lpMayEndYear(%q) = false, but lpVenueYearRe matches", s)
			}
		}
	}
	if matched < 1000 {
		t.Errorf("only %d cases match", matched)
	}
}

// TestTagQuick checks the quick tests of the tagged-record rewriting: every
// line lpWosTagRe or lpRisTagRe matches passes lpTagLike, and every line
// lpArrowRe or lpMarcRe matches holds the text lpUnarray and lpUnmarc
// require of it.
func TestTagQuick(t *testing.T) {
	cases := quickCases(t, "PT J", "AU Roe, J", "TY  - JOUR", "ER  -", "A1  - x", "T1 x", "XX", "C1 [x]",
		`  "doi" => "10.5555/a"`, `"x"=>1`, "245 | 1 | 0 | |a T", " 020 | |a 1", "24 | x")
	for _, s := range cases {
		if (lpWosTagRe.MatchString(s) || lpRisTagRe.MatchString(s)) && !lpTagLike(s) {
			t.Errorf("lpTagLike(%q) = false, but a tag expression matches", s)
		}
		if lpArrowRe.MatchString(s) && !strings.Contains(s, "=>") || lpMarcRe.MatchString(s) && !strings.Contains(s, " |") {
			t.Errorf("%q matches without the text its quick test requires", s)
		}
	}
}
