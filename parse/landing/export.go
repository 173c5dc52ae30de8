package landing

import (
	"regexp"
	"strings"

	"github.com/citegraph/citegraph/parse/model"
)

// lpBracketLinksRe matches link texts in brackets closing a reference
// ("[DOI] [PubMed] [Google Scholar]").
var lpBracketLinksRe = regexp.MustCompile(`(?i)(?:\s*\[\s*(?:doi|` + lpLinkWords + `)\s*\])+\s*$`)

// Section is the kind of section a heading of a page opens.
type Section int

// The sections a heading can open.
const (
	NoSection  Section = iota // not a known heading
	Abstract                  // "Abstract", "Summary", "Zusammenfassung" …
	Keywords                  // "Keywords", "Mots-clés" …
	References                // "References", "Literature cited", "Список литературы" …
	CitedBy                   // "Cited by", "Citing articles" …
	OtherWorks                // "Related articles", "Similar content" …
	Other                     // funding, acknowledgements, body sections …
)

// HeadingSection returns the section a heading opens, reading it the way the
// text reader reads headings of scraped pages ("References (72)", "This
// publication has 35 references", "8 CrossRef citations to date").
func HeadingSection(t string) Section {
	t = strings.TrimSpace(lpClean(t))
	if t == "" {
		return NoSection
	}
	sec, _, _, ok := lpHeadingOf(t)
	if !ok {
		return NoSection
	}
	switch sec {
	case lpSecAbstract, lpSecAbstractAlt:
		return Abstract
	case lpSecKeywords, lpSecKeywordsAlt:
		return Keywords
	case lpSecRefs:
		return References
	case lpSecCitedBy:
		return CitedBy
	case lpSecWorks:
		return OtherWorks
	}
	return Other
}

// CleanReference removes what sites print around a reference in a list:
// a bullet, the link texts after it ("Google Scholar", "CrossRef",
// "[PubMed]") and surrounding space.
func CleanReference(s string) string {
	s = model.CleanSpace(lpClean(s))
	if e := lpBulletEnd(s); e >= 0 {
		s = s[e:]
	}
	for range 3 {
		t := s
		if lpLinkTail(t) {
			t = strings.TrimSpace(lpLinkTailRe.ReplaceAllString(t, ""))
		}
		if strings.HasSuffix(t, "]") {
			t = strings.TrimSpace(lpBracketLinksRe.ReplaceAllString(t, ""))
		}
		if t == s {
			break
		}
		s = t
	}
	return s
}

// Authors reads a line of personal names ("A and B", "A, B & C", "Family,
// G.; Family, G.", names with affiliation marks), failing when any piece is
// not a plausible name.
func Authors(s string) ([]model.Author, bool) { return lpAuthors(lpClean(s)) }
