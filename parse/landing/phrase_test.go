package landing

import (
	"slices"
	"testing"
)

func TestLandingAuthorPhrase(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string // family names; nil: not an author phrase
	}{
		{"Аннотация статьи по медицине, автор научной работы — Петрова А. Б.", []string{"Петрова"}},
		{"Summary of the paper, authors of this work — Jane Roe, John Poe", []string{"Roe", "Poe"}},
		{"Authors of this article: Jane Roe and John Poe", []string{"Roe", "Poe"}},
		{"The author thanks the reviewers — all of them were kind and helpful to us here", nil},
		{"Author guidelines: see the journal home page for the latest version", nil},
		{"Some text without a separator by any author", nil},
	} {
		val, ok := lpAuthorPhrase(c.in)
		if !ok {
			if c.want != nil {
				t.Errorf("lpAuthorPhrase(%q) found no names", c.in)
			}
			continue
		}
		au, _ := lpAuthors(val)
		if got := lpFamilies(au); !slices.Equal(got, c.want) {
			t.Errorf("lpAuthorPhrase(%q) = %q, families %q, want %q", c.in, val, got, c.want)
		}
	}
}

func TestLandingSpacedInitials(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Петрова А. Б.", []string{"Петрова"}},
		{"Roe J. K., Poe A. B.", []string{"Roe", "Poe"}},
		{"Jane K. Roe", []string{"Roe"}},
	} {
		au, ok := lpAuthors(c.in)
		if got := lpFamilies(au); !ok || !slices.Equal(got, c.want) {
			t.Errorf("lpAuthors(%q) families %q, %v, want %q", c.in, got, ok, c.want)
		}
	}
}

func TestLandingCitationWithMenuWords(t *testing.T) {
	line := "Roe J, Poe J. A made-up study of things. J Things 2020; 3:4-5. [DOI: 10.5555/made.1] [Download PDF] [Subscribe]"
	if boiler, _ := lpBoilerLine(line); boiler {
		t.Errorf("a citation of the work followed by menu words read as site furniture")
	}
	if boiler, _ := lpBoilerLine("Download PDF | Subscribe | Sign in"); !boiler {
		t.Errorf("a menu line not read as site furniture")
	}
}
