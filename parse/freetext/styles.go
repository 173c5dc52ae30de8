package freetext

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/parse/model"
)

// This file reads three national styles whose separators the general
// parser does not know:
//
//	GOST 7.1 (Russia, Ukraine):  Roe J. J. Title // Journal. — 2001. — Vol. 3, No. 2. — P. 10–20.
//	                             Title / J. J. Roe, J. Poe // Journal. — 2001. — Вип. 8. — С. 37–53.
//	ABNT NBR 6023 (Brazil):      ROE, J.; POE, J. Title. Journal, v. 3, n. 2, p. 10-20, 2001.
//	GB/T 7714 (China):           王明, 李华. 标题[J]. 期刊, 2001, 3(2): 10-20.
//
// The first takes the title and venue apart at " // " and the numbers from
// the dash-separated parts; the second finds the authors as upper-case
// surnames before initials; the third ends the title at the document-type
// tag ([J], [M], [C], [D], [R], [EB/OL] …).

// abntGiven matches the given names or initials of an ABNT author.
const abntGiven = `(?:\p{Lu}\.(?:\s*-?\p{Lu}\.)*|\p{Lu}\p{Ll}+(?:\s+(?:d[aeo]s?\s+)?\p{Lu}\p{Ll}+)*(?:\s+\p{Lu}\.)*)`

var (
	gbTagRe      = regexp.MustCompile(`\[\s*(?:J|M|C|D|R|N|P|S|Z|A|G|EB/OL|J/OL|M/OL|C/OL|DB|CP)\s*\]`)
	gbAuthorEnd  = regexp.MustCompile(`^(.{1,300}?)[.．]\s*`)
	gostDashRe   = regexp.MustCompile(`\s+[—–-]\s+|\.\s+[—–]\s*`)
	gostVolRe    = regexp.MustCompile(`(?i)(?:^|[\s,])(?:т\.|том|vol\.|v\.|bd\.)\s*(\d{1,5})`)
	gostIssueRe  = regexp.MustCompile(`(?i)(?:^|[\s,])(?:№|no\.|вып\.|вип\.|n\.|issue)\s*(\d{1,5}(?:\s*\(\d{1,5}\))?)`)
	gostPagesRe  = regexp.MustCompile(`(?i)(?:^|[\s,])(?:с\.|c\.|p\.|pp\.|s\.|стр\.)\s*(\d{1,6}(?:\s*[-–—]\s*\d{1,6})?)`)
	abntAuthorRe = regexp.MustCompile(`^((?:\p{Lu}[\p{Lu}'’\- ]{1,40},\s*` + abntGiven + `\s*(?:;\s*|\s*&\s*))*\p{Lu}[\p{Lu}'’\- ]{1,40},\s*` + abntGiven + `(?:\s+et al)?)\.?\s+(\p{Lu}|\p{N}|["'“‘«])`)
	// crShortRe matches the abbreviated references of Crossref metadata:
	// "Surname, Title, Journal, № 12, с. 34" (vol and page markers as
	// Russian-language sites print them, or vol./p.).
	abntCapsRe  = regexp.MustCompile(`\b\p{Lu}{3,}\b.*\b\p{Lu}{3,}\b`)
	crShortRe   = regexp.MustCompile(`^(\p{Lu}[\p{L}'’\- ]{1,40}?), (.{8,}), ([^,]{2,120}), (?:№|vol\.?|v\.)\s*(\w{1,8})(?:, (?:с\.|p\.|pp\.)\s*(\w{1,12}))?\.?$`)
	abntVolRe   = regexp.MustCompile(`(?:^|[\s,])v\.\s*(\d{1,5})`)
	abntIssueRe = regexp.MustCompile(`(?:^|[\s,])n\.\s*(\d{1,5}[\w/-]*)`)
	abntPagesRe = regexp.MustCompile(`(?:^|[\s,])p\.\s*(\d{1,6}(?:\s*[-–—]\s*\d{1,6})?)`)
	numRangeRe  = regexp.MustCompile(`(\d{1,6})\s*[-–—]\s*(\d{1,6})`)
	volIssPagRe = regexp.MustCompile(`(\d{1,5})\s*\(\s*([^()]{1,12})\s*\)\s*:\s*(\w?\d{1,6}(?:\s*[-–—]\s*\w?\d{1,6})?)`)
	volPagRe    = regexp.MustCompile(`,\s*(\d{1,5})\s*:\s*(\w?\d{1,6}(?:\s*[-–—]\s*\w?\d{1,6})?)`)
)

// styled parses s when it is written in one of the national styles above;
// ok is false otherwise.
func styled(s string) (ref model.Reference, ok bool) {
	switch {
	case strings.Contains(s, " // "):
		return gost(s)
	case strings.IndexByte(s, '[') >= 0 && gbTagRe.MatchString(s):
		return gbt(s)
	case abntMay(s) && abntAuthorRe.MatchString(s):
		return abnt(s)
	case crShortMay(s) && crShortRe.MatchString(s):
		m := crShortRe.FindStringSubmatch(s)
		return model.Reference{Authors: []model.Author{{Family: m[1]}}, Title: strings.TrimRight(m[2], ". "), Venue: m[3],
			Volume: m[4], Pages: m[5]}, true
	}
	return ref, false
}

// crShortMay is a quick test before crShortRe, which costs a tenth of
// parsing a reference when tried on all: the volume marker follows ", ".
func crShortMay(s string) bool {
	return strings.Contains(s, ", №") || strings.Contains(s, ", vol") || strings.Contains(s, ", v.")
}

// abntMay is a byte test before abntAuthorRe: an ABNT reference opens
// with a family name in capitals ("SILVA, J."), so its second character is
// a capital, an apostrophe, a hyphen, a space or not ASCII.
func abntMay(s string) bool {
	if len(s) < 3 {
		return false
	}
	c := s[1]
	return c >= 'A' && c <= 'Z' || c == '\'' || c == '-' || c == ' ' || c >= utf8.RuneSelf || s[0] >= utf8.RuneSelf
}

// gost reads a GOST reference: "Authors Title // Venue. — parts" or
// "Title / Authors // Venue. — parts".
func gost(s string) (model.Reference, bool) {
	var ref model.Reference
	left, right, _ := strings.Cut(s, " // ")
	left = strings.TrimSpace(left)
	if t, a, ok := strings.Cut(left, " / "); ok {
		ref.Title = strings.TrimRight(strings.TrimSpace(t), " .,")
		for _, n := range strings.Split(a, ",") {
			if n = strings.TrimSpace(strings.TrimRight(n, ". ")); n != "" && !strings.Contains(strings.ToLower(n), "et al") {
				ref.Authors = append(ref.Authors, model.ParseName(n))
			}
		}
	} else {
		p := ftScanAuthors(left)
		ref.Authors = p.authors
		ref.Title = strings.TrimRight(strings.TrimLeft(left[p.end:], " ,.;:"), " .,")
	}
	parts := gostDashRe.Split(right, -1)
	ref.Venue = strings.TrimRight(strings.TrimSpace(parts[0]), " .,")
	for _, p := range parts[1:] {
		if ref.Year == 0 {
			ref.Year = model.ParseYear(p)
		}
		if m := gostVolRe.FindStringSubmatch(p); m != nil && ref.Volume == "" {
			ref.Volume = m[1]
		}
		if m := gostPagesRe.FindStringSubmatch(p); m != nil && ref.Pages == "" {
			ref.Pages = ftCleanPages(m[1])
		}
	}
	if ref.Year == 0 {
		ref.Year = model.ParseYear(right)
	}
	return ref, ref.Title != ""
}

// gbt reads a GB/T 7714 reference: "Authors. Title[J]. Venue, Year,
// Vol(Issue): Pages."
func gbt(s string) (model.Reference, bool) {
	var ref model.Reference
	loc := gbTagRe.FindStringIndex(s)
	head, tail := s[:loc[0]], strings.TrimLeft(s[loc[1]:], " .．,")
	// the authors end at the first full stop, when what precedes reads as
	// names (Latin initials or short CJK names)
	if m := gbAuthorEnd.FindStringSubmatch(head); m != nil && gbNames(m[1]) {
		for _, n := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
			if n = strings.TrimSpace(n); n != "" && !strings.EqualFold(n, "et al") && n != "等" {
				// "Roe J J": the family name first, then initials
				if w := strings.Fields(n); len(w) >= 2 && ftIsInitials(strings.Join(w[1:], "")) {
					ref.Authors = append(ref.Authors, model.Author{Family: w[0], Given: strings.Join(w[1:], " ")})
					continue
				}
				ref.Authors = append(ref.Authors, model.ParseName(n))
			}
		}
		head = head[len(m[0]):]
	}
	ref.Title = strings.TrimSpace(strings.TrimRight(head, " .．"))
	venue, rest, _ := strings.Cut(tail, ",")
	if strings.ContainsAny(venue, "0123456789") && strings.Contains(venue, ":") {
		// "[M]. City: Publisher, 2003": a book
		venue, rest = "", tail
	}
	ref.Venue = strings.TrimSpace(venue)
	ref.Year = model.ParseYear(rest)
	if m := volIssPagRe.FindStringSubmatch(rest); m != nil {
		ref.Volume, ref.Pages = m[1], ftCleanPages(m[3])
	} else if m := volPagRe.FindStringSubmatch("," + rest); m != nil && model.ParseYear(m[1]) == 0 {
		ref.Volume, ref.Pages = m[1], ftCleanPages(m[2])
	} else if m := numRangeRe.FindStringSubmatch(rest); m != nil {
		ref.Pages = ftCleanPages(m[0])
	}
	return ref, ref.Title != ""
}

// gbNames reports whether s reads as a GB/T author list: names of Latin
// family names with initials ("Roe J, Poe J J") or short CJK names.
func gbNames(s string) bool {
	for _, n := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		n = strings.TrimSpace(n)
		if n == "" || strings.EqualFold(n, "et al") || n == "等" {
			continue
		}
		words := strings.Fields(n)
		cjk := true
		for _, r := range n {
			if !unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) && r != ' ' {
				cjk = false
				break
			}
		}
		if cjk {
			if utf8.RuneCountInString(n) > 6 {
				return false
			}
			continue
		}
		if len(words) < 2 || len(words) > 5 {
			return false
		}
		if !ftIsInitials(words[len(words)-1]) && !ftCapitalised(words) {
			return false // "Roe J J" or "Jane Roe"
		}
	}
	return true
}

// abnt reads an ABNT reference: "SURNAME, I.; SURNAME, I. Title. Venue,
// v. 3, n. 2, p. 10-20, 2001."
func abnt(s string) (model.Reference, bool) {
	var ref model.Reference
	m := abntAuthorRe.FindStringSubmatchIndex(s)
	authors := s[m[2]:m[3]]
	etAl := strings.Contains(authors, "et al")
	authors = strings.ReplaceAll(authors, " et al", "")
	for _, n := range strings.FieldsFunc(authors, func(r rune) bool { return r == ';' || r == '&' }) {
		if n = strings.TrimSpace(n); n != "" {
			fam, giv, _ := strings.Cut(n, ",")
			ref.Authors = append(ref.Authors, model.Author{Family: abntFamily(strings.TrimSpace(fam)), Given: strings.TrimSpace(giv)})
		}
	}
	_ = etAl
	rest := s[m[4]:]
	if y, n := ftLeadingYear(rest); n > 0 {
		ref.Year = y // "HOGGART, Richard. 1957. Uses of Literacy."
		rest = strings.TrimLeft(rest[n:], " .,;")
	}
	if abntCapsRe.MatchString(rest[:min(len(rest), 80)]) {
		return ref, false // more names in capitals: a list the pattern did not take whole
	}
	end, next := ftSentenceEnd(rest, false)
	if end <= 0 {
		return ref, false
	}
	ref.Title = strings.TrimSpace(rest[:end])
	after := strings.TrimSpace(rest[next:])
	venue, nums, _ := strings.Cut(after, ",")
	if !strings.Contains(venue, ":") { // "São Paulo: Publisher, 2005" is a book's imprint
		ref.Venue = strings.TrimSpace(venue)
	}
	if mv := abntVolRe.FindStringSubmatch(nums); mv != nil {
		ref.Volume = mv[1]
	}
	if mp := abntPagesRe.FindStringSubmatch(nums); mp != nil {
		ref.Pages = ftCleanPages(mp[1])
	}
	if ref.Volume == "" {
		// "24(8): 1.727-1.742, 2008", "11: 67, 2013"
		if m := volIssPagRe.FindStringSubmatch(nums); m != nil {
			ref.Volume, ref.Pages = m[1], ftCleanPages(m[3])
		} else if m := volPagRe.FindStringSubmatch("," + nums); m != nil && model.ParseYear(m[1]) == 0 {
			ref.Volume, ref.Pages = m[1], ftCleanPages(m[2])
		}
	}
	if ref.Year == 0 {
		ref.Year = model.ParseYear(after)
	}
	return ref, ref.Title != ""
}

// abntFamily writes a surname in capitals as a name ("ALMEIDA" gives
// "Almeida"; "ROE-SMITH" gives "Roe-Smith").
func abntFamily(f string) string {
	if strings.ToUpper(f) != f {
		return f
	}
	var b strings.Builder
	up := true
	for _, r := range strings.ToLower(f) {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(r)
		}
		up = r == '-' || r == ' ' || r == '\''
	}
	return b.String()
}
