package model

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The regular expressions the scanners of doi.go replace: the reference
// they must agree with on every input.
var (
	refDOI    = regexp.MustCompile(`(?i)\b10\.\d{4,9}/(?:[^\s"<>]|<[^\s"<>]*>)+`)
	refPrefix = regexp.MustCompile(`(?i)^(?:https?://)?(?:dx\.)?(?:doi\.org/|doi:\s*|doi\s+)`)
	refYear   = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)\b`)
)

func refFindDOIs(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range refDOI.FindAllString(s, -1) {
		d := strings.ToLower(trimDOI(m))
		if d != "" && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

func refParseYear(s string) int {
	y, _ := strconv.Atoi(refYear.FindString(s))
	return y
}

// doiTestInputs are hand-picked edge cases and random strings built from
// the pieces DOIs, prefixes and years are made of.
func doiTestInputs() []string {
	in := []string{
		"", "10.1000/x", "doi:10.1000/abc", "DOI 10.1016/0010-0285(92)90010-T.", "https://doi.org/10.1234/AbC",
		"http://dx.doi.org/10.1234/x", "HTTPS://DX.DOI.ORG/10.5555/12345678", "doi.org/10.1/x", "doi:   10.12345/a b",
		"x10.1234/y", "_10.1234/y", "é10.1234/y", "10.123/x", "10.1234567890/x", "10.1234/", "10.1234/<sup>2</sup>x",
		"10.1234/a<b", "10.1234/<b c>", "10.1234/\"q\"", "see 10.1234/a, and 10.5678/b; 10.1234/a.", "doix10.1234/a",
		"http://example.org/10.1234/a", "https:/doi.org/10.1234/a", "dx.10.1234/x", "doi\t\f10.1234/x", "1999", "x1999",
		"1999x", "(2001)", "1499 1500 2099 2100", "19999 2005", "abc 1987, 2001", "20\u00a01999", "1999é", "é1999",
		"Smith J, 1998, NATURE, V391, P1, DOI 10.1038/35002.", "\xff10.1234/\xfe\xfd", "10.1234/a\x00b",
	}
	pieces := []string{"10.", "1234", "12", "/", "doi", "DOI", ":", " ", "\t", "\n", "https://", "http://", "dx.", ".org/",
		"<", ">", "\"", "a", "Z", "_", "é", ".", ",", ")", "(", "]", "[", "}", "{", "1999", "2024", "15", "0", "9", ";", "\xff"}
	rng := rand.New(rand.NewPCG(7, 7))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		in = append(in, b.String())
	}
	return in
}

func TestDOIScannersMatchRegexps(t *testing.T) {
	for _, s := range doiTestInputs() {
		checkDOIScanners(t, s)
	}
}

func FuzzDOIScanners(f *testing.F) {
	for _, s := range doiTestInputs()[:40] {
		f.Add(s)
	}
	f.Fuzz(checkDOIScanners)
}

func checkDOIScanners(t *testing.T, s string) {
	if got, want := TrimDOIPrefix(s), refPrefix.ReplaceAllString(s, ""); got != want {
		t.Errorf("TrimDOIPrefix(%q) = %q, regexp %q", s, got, want)
	}
	want := ""
	if m := refDOI.FindString(s); m != "" {
		want = strings.ToLower(trimDOI(m))
	}
	if got := FindDOI(s); got != want {
		t.Errorf("FindDOI(%q) = %q, regexp %q", s, got, want)
	}
	if got, want := strings.Join(FindDOIs(s), "|"), strings.Join(refFindDOIs(s), "|"); got != want {
		t.Errorf("FindDOIs(%q) = %q, regexp %q", s, got, want)
	}
	if got, want := ParseYear(s), refParseYear(s); got != want {
		t.Errorf("ParseYear(%q) = %d, regexp %d", s, got, want)
	}
}

func BenchmarkNormalizeDOI(b *testing.B) {
	in := []string{"10.1038/35002", "DOI 10.1016/0010-0285(92)90010-T", "https://doi.org/10.1234/ABC.def", "no doi here, 1999"}
	for b.Loop() {
		for _, s := range in {
			NormalizeDOI(s)
		}
	}
}
