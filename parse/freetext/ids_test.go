package freetext

import (
	"math/rand"
	"regexp"
	"slices"
	"testing"
)

// TestIDLocs checks the hand-written DOI and URL finders against the
// regular expressions they replace, on random strings made of the pieces
// that matter to them.
func TestIDLocs(t *testing.T) {
	doiRe := regexp.MustCompile(`(?i)(?:\(\s*)?(?:\bdoi\s*:?\s*|\bhttps?://(?:dx\.)?doi\.org/\s*)?\b10\.\d{4,9}/[^\s"<>]+`)
	urlRe := regexp.MustCompile(`(?i)(?:\b(?:url|online|available)\s*:?\s*)?<?\b(?:https?://|ftp://|www\.)[^\s<>"]+`)
	parts := []string{"doi", "DOI", ":", " ", "(", "<", ">", "\"", "10.", "1234", "12345", "5", "/", "x", "a", "_",
		"https://", "http://", "HTTP://", "ftp://", "www.", "dx.", "doi.org/", "url", "Online", "available", ".", "\t"}
	r := rand.New(rand.NewSource(1))
	found := 0
	for n := 0; n < 200000; n++ {
		s := ""
		for k := r.Intn(12); k >= 0; k-- {
			s += parts[r.Intn(len(parts))]
		}
		if n < 4 {
			s = []string{"Roe J (2001) T. J 3:4. (doi: 10.5555/x.1)", "see https://dx.doi.org/ 10.1234/ab<c",
				"Available online: <www.example.org/a b", "URL:http://x.org/y"}[n]
		}
		if doiRe.MatchString(s) || urlRe.MatchString(s) {
			found++
		}
		if got, want := ftDOILoc(s), doiRe.FindStringIndex(s); !slices.Equal(got, want) {
			t.Fatalf("DOI in %q: got %v, want %v", s, got, want)
		}
		if got, want := ftURLLoc(s), urlRe.FindStringIndex(s); !slices.Equal(got, want) {
			t.Fatalf("URL in %q: got %v, want %v", s, got, want)
		}
	}
	if found < 10000 {
		t.Errorf("only %d of the strings hold a DOI or URL: the test says little", found)
	}
}
