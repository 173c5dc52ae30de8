package parse

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// The regular expressions the part matchers of woscr.go implement.
var (
	refVolPart       = regexp.MustCompile(`^(?:VOLS? \d\S*|V[A-Z]{0,2} ?\d\S*)$`)
	refPagePart      = regexp.MustCompile(`^[Pp][A-Z]{0,2}(?:\d\S*|\[.*\])$`)
	refArticlePart   = regexp.MustCompile(`^(?:P\s?)?(?:ARTN|UNSP)\s+(\S.*)$`)
	refInitials      = regexp.MustCompile(`^(?:\p{Lu}\.?-?){1,4}$`)
	refDottedInitial = regexp.MustCompile(`^\p{Lu}\.$`)
	refTruncated     = regexp.MustCompile(`^(\p{Lu}{2,})\.(\p{Lu}{1,3})$`)
)

func wosPartInputs() []string {
	in := []string{"", "V", "V1", "V12A", "VB 13", "VAB 1", "VABC 1", "V3-4", "VOLS 1-2", "VOL 3", "VOLS1", "V 1 2", "VOL",
		"P", "P1", "PE128", "pCH2", "pA720", "P[38, 129]", "P[", "P[]", "PABC1", "P 10 WORK C", "P[1\n2]", "P12 ",
		"ARTN e0123", "UNSP 123", "PUNSP 123", "P UNSP 123", "P\tARTN  x", "ARTN", "ARTN ", "ARTN\n1", "ARTN 1\n2", "PARTNX",
		"JL", "J.A.", "A.-W.", "J-P", "ÉL", "J.A.B.C.", "J.A.B.C.D.", "j", "J..", "J.-", "CAVALLER.G", "CA.GHI", "C.G",
		"ÉCOLE.ÅB", "CAVALLER.GHIJ", "AB.", ".G", "AB.C.D", "J.", "É.", "JJ.", "\xff.", "A\xff"}
	pieces := []string{"V", "O", "L", "S", "P", "p", "A", "R", "T", "N", "U", "É", "j", ".", "-", " ", "\t", "\n", "[", "]",
		"1", "2", "e", ",", "\xff"}
	rng := rand.New(rand.NewPCG(5, 5))
	for range 30000 {
		var b strings.Builder
		for range rng.IntN(9) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		in = append(in, b.String())
	}
	return in
}

func TestWoSPartMatchersMatchRegexps(t *testing.T) {
	for _, s := range wosPartInputs() {
		checkWoSPartMatchers(t, s)
	}
	// lines that may or may not be cited references
	pieces := []string{"Smith J", "Aaker", ", ", ",", " ", "JL", "1998", "2024", "1499", "12", "NATURE", "V391", "P1",
		"DOI ", "10.1038/x", "Univ Oxford", "é", "x"}
	rng := rand.New(rand.NewPCG(9, 9))
	for range 30000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if line := b.String(); wosLooksStrictCR(line) != wosCRStrict.MatchString(line) {
			t.Errorf("wosLooksStrictCR(%q) = %v, regexp %v", line, !wosCRStrict.MatchString(line), wosCRStrict.MatchString(line))
		}
	}
}

func FuzzWoSPartMatchers(f *testing.F) {
	for _, s := range wosPartInputs()[:60] {
		f.Add(s)
	}
	f.Fuzz(checkWoSPartMatchers)
}

func checkWoSPartMatchers(t *testing.T, s string) {
	for _, c := range []struct {
		name string
		got  bool
		re   *regexp.Regexp
	}{
		{"wosVolPart", wosVolPart(s), refVolPart},
		{"wosPagePart", wosPagePart(s), refPagePart},
		{"wosInitials", wosInitials(s), refInitials},
		{"wosDottedInitial", wosDottedInitial(s), refDottedInitial},
	} {
		if want := c.re.MatchString(s); c.got != want {
			t.Errorf("%s(%q) = %v, regexp %v", c.name, s, c.got, want)
		}
	}
	num, ok := wosArticlePart(s)
	if m := refArticlePart.FindStringSubmatch(s); ok != (m != nil) || ok && num != m[1] {
		t.Errorf("wosArticlePart(%q) = %q, %v; regexp %q", s, num, ok, m)
	}
	family, given, ok := wosTruncated(s)
	if m := refTruncated.FindStringSubmatch(s); ok != (m != nil) || ok && (family != m[1] || given != m[2]) {
		t.Errorf("wosTruncated(%q) = %q, %q, %v; regexp %q", s, family, given, ok, m)
	}
}
