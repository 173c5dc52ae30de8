package freetext

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// The expressions the hand matchers of volmatch.go stand for.
var (
	ftVolIssRe  = regexp.MustCompile(`(?:^|[\s,;:])(\d{1,5})\s*\(([^()]{1,15})\)\s*[,:.]?\s*(?:(?:pp?\.\s*)?([eE]?\d+[a-z]?(?:\s*[-–—‑]+\s*\d+[a-z]?)?))?`)
	ftVolPageRe = regexp.MustCompile(`(?:^|[\s,;:])(\d{1,5})\s*[,:]\s*(?:pp?\.\s*)?(\p{Lu}?\d+[a-z]?(?:\s*[-–—‑]+\s*\p{Lu}?\d+[a-z]?)?)`)
)

// volCases returns the strings the hand matchers are checked on: written
// cases, then n random strings over an alphabet of the characters the
// expressions look at (digits, brackets, separators, white space, dashes,
// page labels, letters of both cases, a letter not ASCII and a byte that is
// not UTF-8).
func volCases(n int, seed uint64) []string {
	cases := []string{"", "1", "12(3)", "12(3):45-67", "12 (3), pp. 45 – 67", "Nature 12, 34–56", "J 12: S34-S36",
		"2001(4)", "12(2001)", "123456(3)", "12(1234567890123456)", "12(123456789012345)", "12(3)p.45", "12(3)pp.e5",
		"12(3) .5a-6b", "12(3)e", "12(3) ;7(8)9", ",12,pp. 3", "12, p.", "12, S", "12,ÉS3", "x 12:Ã3",
		"Journal of Things 12(3):45-67. https://doi.org/10.5555/ref.1", "1(2)3(4)5(6)7(8)", "1,2,3,4,5,6,7",
		"12(é)4", "12(\xff)4", "12 -- 3", "12, 3 —— 4", "12, 3‑4", "\t1\n(2)\f3\r-\r4"}
	rng := rand.New(rand.NewPCG(seed, 9))
	// half the strings are random characters, half random tokens of the
	// forms the expressions read (numbers of 1 to 7 digits, issues of 0 to
	// 17 characters, page labels), so that most hold matches
	alphabet := []rune("0123456789012345()(),:;. \t-–—‑pPeEaSzÉé")
	alphabet = append(alphabet, 0xFFFD) // RuneError as a character of its own
	tokens := []string{" ", " ", ", ", ",", ":", ";", ".", "-", " – ", "—", "‑", "p.", "pp. ", "e", "E", "S", "É", "a", "z",
		"(", ")", "\xff", "\t", "é", "\xe2\x80"}
	for range n {
		var b []byte
		if rng.IntN(2) == 0 {
			for range rng.IntN(24) {
				b = append(b, string(alphabet[rng.IntN(len(alphabet))])...)
			}
		} else {
			for range rng.IntN(12) {
				switch k := rng.IntN(10); {
				case k < 3:
					for range 1 + rng.IntN(7) {
						b = append(b, byte('0'+rng.IntN(10)))
					}
				case k < 5:
					b = append(b, '(')
					for range rng.IntN(18) {
						c := alphabet[rng.IntN(len(alphabet))]
						if (c == '(' || c == ')') && rng.IntN(4) > 0 {
							c = 'x'
						}
						b = append(b, string(c)...)
					}
					b = append(b, ')')
				case k < 8:
					b = append(b, tokens[rng.IntN(7)]...)
				default:
					b = append(b, tokens[rng.IntN(len(tokens))]...)
				}
			}
		}
		if rng.IntN(8) == 0 {
			b = append([]byte{0xff}, b...) // a byte that is not UTF-8
		}
		cases = append(cases, string(b))
	}
	return cases
}

// checkVolMatch compares the first three matches of next with those of re,
// whose groups are the volume, then (if issue) the issue, then the pages.
func checkVolMatch(t *testing.T, re *regexp.Regexp, issue bool, next func(string, int) (ftVolMatch, bool), cases []string) {
	t.Helper()
	for _, s := range cases {
		want := re.FindAllStringSubmatchIndex(s, 3)
		var got []ftVolMatch
		for from := 0; len(got) < 3; {
			m, ok := next(s, from)
			if !ok {
				break
			}
			got = append(got, m)
			from = m.end
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %d matches, the expression finds %d", s, len(got), len(want))
		}
		for k, w := range want {
			group := func(g int) string {
				if w[2*g] < 0 {
					return ""
				}
				return s[w[2*g]:w[2*g+1]]
			}
			g := got[k]
			wantPages := group(2)
			if issue {
				wantPages = group(3)
				if g.iss != group(2) {
					t.Fatalf("%q: match %d: issue %q, the expression says %q", s, k, g.iss, group(2))
				}
			}
			if g.vol != group(1) || g.pages != wantPages || g.end != w[1] {
				t.Fatalf("%q: match %d: volume %q pages %q end %d, the expression says %q %q %d",
					s, k, g.vol, g.pages, g.end, group(1), wantPages, w[1])
			}
		}
	}
}

// TestVolIssMatch checks ftNextVolIss against ftVolIssRe on 200,000 random
// strings and the written cases.
func TestVolIssMatch(t *testing.T) {
	checkVolMatch(t, ftVolIssRe, true, ftNextVolIss, volCases(200000, 1))
}

// TestVolPageMatch checks ftNextVolPage against ftVolPageRe likewise.
func TestVolPageMatch(t *testing.T) {
	checkVolMatch(t, ftVolPageRe, false, ftNextVolPage, volCases(200000, 2))
}
