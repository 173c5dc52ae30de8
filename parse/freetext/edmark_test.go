package freetext

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestEdMarkQuick checks that ftMayBeEdMark lets through every string
// ftEdMarkRe matches: the editor marks in every case (and with "ſ", which
// folds to s), and 100,000 random strings opening with a bracket and a
// letter of the marks' words or not.
func TestEdMarkQuick(t *testing.T) {
	words := []string{"eds", "ed", "hrsg", "hg", "hgg", "dirs", "dir", "coords", "éds", "éd", "editors", "editor", "comps",
		"directors", "producers", "writers/directors", "translators", "trans", "tr", "compilers", "illustrators",
		"narrators", "hosts", "performers", "interviewers", "speakers", "red"}
	var cases []string
	for _, w := range words {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], strings.ReplaceAll(w, "s", "ſ")} {
			cases = append(cases, v, v+".", "("+v+")", "("+v+".) x", v+", x", v+"x")
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("(.) ,edsEDSſhrgoitpcamwlnuſé")
	for range 100000 {
		b := []rune{}
		for range rng.IntN(12) {
			b = append(b, alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, string(b))
	}
	matched := 0
	for _, s := range cases {
		m := ftEdMarkRe.FindString(s)
		if got := ftEdMark(s); got != m {
			t.Fatalf("ftEdMark(%q) = %q, ftEdMarkRe finds %q", s, got, m)
		}
		if m != "" {
			matched++
		}
	}
	if matched < 500 {
		t.Errorf("only %d of the cases hold a mark", matched)
	}
}
