package parse

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// The regular expressions the matchers of scopusmatch.go implement.
var (
	reScopusYearEnd      = regexp.MustCompile(`\(\d{4}[a-z]?\)$`)
	reScopusYearMid      = regexp.MustCompile(`\(\d{4}[a-z]?\) [^;]`)
	reScopusYearEndSplit = regexp.MustCompile(`\(\d{4}[a-z]?\)(?:; |;?$)`)
	reScopusClassYr      = regexp.MustCompile(`\((\d{4})[a-z]?\)`)
	reScopusInitials     = regexp.MustCompile(`^(?:\p{Lu}\p{Ll}{0,2}\.(?:\s?-?\s?))+\p{Lu}?$`)
	reScopusBareInitials = regexp.MustCompile(`^\p{Lu}{1,3}(?:-\p{Lu}{1,3})?$`)
)

func scopusMatchInputs() []string {
	in := []string{"", "(2001)", "(2001a)", "(2001ab)", "(201)", "x (2001) Nature", "(2001) ;", "(2001);", "(2001); ", "(2001) (2002) X",
		"(2001) (2002)", "(2001) é", "(2001) \xff", "(2001)\n", "a(2001) b(2002a); c(2003)", "J.", "J.V.", "R. D.", "J.-H.", "X.-Y",
		"Yu.", "Ch.", "Chr.", "É.", "J. - K.", "J.  K.", "GA", "M-L", "C-WR", "ABCD", "A-", "-A", "É-Ö", "Ab", "J.K", "J.\tK.", "J.\vK."}
	pieces := []string{"(", ")", "2001", "19", "0", "a", "z", " ", ";", "; ", ".", "-", "\t", "\n", "\v", "J", "É", "u", "é", "X",
		"\xff", "Nature", ","}
	rng := rand.New(rand.NewPCG(13, 13))
	for range 40000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		in = append(in, b.String())
	}
	return in
}

func TestScopusMatchersMatchRegexps(t *testing.T) {
	for _, s := range scopusMatchInputs() {
		checkScopusMatchers(t, s)
	}
}

func FuzzScopusMatchers(f *testing.F) {
	for _, s := range scopusMatchInputs()[:60] {
		f.Add(s)
	}
	f.Fuzz(checkScopusMatchers)
}

func checkScopusMatchers(t *testing.T, s string) {
	ends, mids := scopusCountYears(s)
	if want := len(reScopusYearEndSplit.FindAllStringIndex(s, -1)); ends != want {
		t.Errorf("scopusCountYears(%q) ends %d, regexp %d", s, ends, want)
	}
	if want := len(reScopusYearMid.FindAllStringIndex(s, -1)); mids != want {
		t.Errorf("scopusCountYears(%q) mids %d, regexp %d", s, mids, want)
	}
	if got, want := scopusHasYearMid(s), reScopusYearMid.MatchString(s); got != want {
		t.Errorf("scopusHasYearMid(%q) = %v, regexp %v", s, got, want)
	}
	want := -1
	if m := reScopusYearEnd.FindStringIndex(s); m != nil {
		want = m[0]
	}
	if got := scopusYearEndAt(s); got != want {
		t.Errorf("scopusYearEndAt(%q) = %d, regexp %d", s, got, want)
	}
	if got, want := scopusFirstYear(s), reScopusClassYr.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
		t.Errorf("scopusFirstYear(%q) = %v, regexp %v", s, got, want)
	}
	if got, want := scopusIsInitials(s), reScopusInitials.MatchString(s); got != want {
		t.Errorf("scopusIsInitials(%q) = %v, regexp %v", s, got, want)
	}
	if got, want := scopusIsBareInitials(s), reScopusBareInitials.MatchString(s); got != want {
		t.Errorf("scopusIsBareInitials(%q) = %v, regexp %v", s, got, want)
	}
}
