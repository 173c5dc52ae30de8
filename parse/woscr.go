package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file parses the cited-reference strings of Web of Science (the CR
// field of plain-text and tab-delimited exports, and Cited-References in WoS
// BibTeX): "AUTHOR, YEAR, SOURCE, V<vol>, P<page>, DOI <doi>".

// wosUnescape undoes the bracket escapes of WoS BibTeX ("{[}Anonymous]").
var wosUnescape = strings.NewReplacer("{[}", "[", "{]}", "]")

// The parts of a cited reference are recognised by the functions below,
// written by hand for speed (a WoS export has some forty references a
// record); each says the regular expression it implements, and
// TestWoSPartMatchersMatchRegexps holds them to it.

// wosVolPart reports a volume part: "V12", "V12A", "VB 13", "V3-4",
// "VOLS 1-2". `^(?:VOLS? \d\S*|V[A-Z]{0,2} ?\d\S*)$`
func wosVolPart(p string) bool {
	if strings.HasPrefix(p, "VOL") {
		i := 3
		if i < len(p) && p[i] == 'S' {
			i++
		}
		if i+1 < len(p) && p[i] == ' ' && isDigit(p[i+1]) && noSpace(p[i+2:]) {
			return true
		}
	}
	if p == "" || p[0] != 'V' {
		return false
	}
	i := 1 + upperRun(p[1:], 2)
	if i < len(p) && p[i] == ' ' {
		i++
	}
	return i < len(p) && isDigit(p[i]) && noSpace(p[i+1:])
}

// wosPagePart reports a page part: "P347", "PE128", "pCH2", "pA720",
// "P[38, 129]", never "P 10 WORK C" (a proceedings source).
// `^[Pp][A-Z]{0,2}(?:\d\S*|\[.*\])$`
func wosPagePart(p string) bool {
	if p == "" || p[0] != 'P' && p[0] != 'p' {
		return false
	}
	i := 1 + upperRun(p[1:], 2)
	switch {
	case i >= len(p):
		return false
	case isDigit(p[i]):
		return noSpace(p[i+1:])
	case p[i] == '[':
		return len(p) > i+1 && p[len(p)-1] == ']' && !strings.Contains(p[i:], "\n")
	}
	return false
}

// wosArticlePart returns the number of an article-number or unspecified
// page part ("ARTN e0123", "UNSP 123", "PUNSP 123", "P UNSP 123").
// `^(?:P\s?)?(?:ARTN|UNSP)\s+(\S.*)$`, the group.
func wosArticlePart(p string) (string, bool) {
	i := 0
	if strings.HasPrefix(p, "P") {
		i = 1
		if i < len(p) && isSpace(p[i]) {
			i++
		}
	}
	if !strings.HasPrefix(p[i:], "ARTN") && !strings.HasPrefix(p[i:], "UNSP") {
		return "", false
	}
	i += 4
	j := i
	for j < len(p) && isSpace(p[j]) {
		j++
	}
	if j == i || j >= len(p) || strings.Contains(p[j:], "\n") {
		return "", false
	}
	return p[j:], true
}

// wosInitials reports one token of initials: "JL", "J.A.", "A.-W.", "J-P".
// `^(?:\p{Lu}\.?-?){1,4}$`
func wosInitials(s string) bool {
	n := 0
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if !unicode.IsUpper(r) || n == 4 {
			return false
		}
		s = s[size:]
		s = strings.TrimPrefix(s, ".")
		s = strings.TrimPrefix(s, "-")
		n++
	}
	return n > 0
}

// wosDottedInitial reports a single dotted initial such as "J." in
// "Arnaud J. A.". `^\p{Lu}\.$`
func wosDottedInitial(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && s[size:] == "."
}

// wosTruncated splits the old truncated form "CAVALLER.G" (8 letters,
// initial). `^(\p{Lu}{2,})\.(\p{Lu}{1,3})$`
func wosTruncated(s string) (family, given string, ok bool) {
	family, given, ok = strings.Cut(s, ".")
	if !ok || upperRunes(family) < 2 || upperRunes(family) != utf8.RuneCountInString(family) {
		return "", "", false
	}
	if n := upperRunes(given); n < 1 || n > 3 || n != utf8.RuneCountInString(given) {
		return "", "", false
	}
	return family, given, true
}

// upperRunes counts the upper-case letters (\p{Lu}) that begin s.
func upperRunes(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			break
		}
		n++
	}
	return n
}

// upperRun counts the ASCII upper-case letters that begin s, up to max;
// it returns max+1 (a run too long) when more follow.
func upperRun(s string, max int) int {
	n := 0
	for n < len(s) && s[n] >= 'A' && s[n] <= 'Z' {
		n++
	}
	if n > max {
		return len(s) + 1 // past the end: no match
	}
	return n
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isSpace is RE2's \s: tab, line feed, form feed, carriage return, space.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// noSpace reports whether s holds no \s byte.
func noSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if isSpace(s[i]) {
			return false
		}
	}
	return true
}

// ParseWoSReference parses one Web of Science cited reference (CR) string,
// "AUTHOR, YEAR, SOURCE, V<vol>, P<page>, DOI <doi>", in all its variants:
// any part may be missing ("2024, J COMPUT, V9, DOI …" has no author), the
// author may be "Surname, Initials", the page may be an article number
// ("ARTN 123", "UNSP 123") or carry letters ("PE128"), the DOI may be
// doubled ("DOI DOI 10.x") or a bracketed list ("DOI [10.a, 10.b]", of which
// the first is kept). The reference may end with "." and hold "{[}" as WoS
// BibTeX writes it. Authors holds the first author only (all WoS gives), Venue
// the source as written (usually the 20-character J9 abbreviation), and Title
// stays empty: WoS cited references carry none. Raw is always kept.
func ParseWoSReference(raw string) Reference {
	ref := Reference{Raw: CleanSpace(raw)}
	s := ref.Raw
	if strings.Contains(s, "{") {
		s = wosUnescape.Replace(s)
	}
	s = wosTrimEndDot(s)

	main := s
	if cut, at := wosDOIMark(s); at >= 0 {
		main = s[:cut]
		ref.DOI = wosFirstDOI(wosStripDOIWord(s[at:]))
	}
	var partsBuf [16]string
	parts := wosSplitParts(partsBuf[:0], main)
	if len(parts) == 0 {
		return ref
	}

	// Locate the year: first, second or third part.
	year := -1
	for i := 0; i < len(parts) && i < 3; i++ {
		if wosIsYear(parts[i]) {
			year = i
			break
		}
	}
	var author string
	src := 0 // index of the first source part
	switch year {
	case 0:
		src = 1
	case 1:
		author, src = parts[0], 2
	case 2:
		if wosInitials(strings.ReplaceAll(parts[1], " ", "")) {
			// "Aaker, JL, 1997, …"
			ref.Authors = []Author{{Family: parts[0], Given: parts[1]}}
		} else {
			// a corporate author holding a comma
			author = parts[0] + ", " + parts[1]
		}
		src = 3
	default:
		// No year: "AUTHOR, SOURCE, …" or "SOURCE, …".
		if len(parts) >= 2 && !wosIsLocator(parts[1]) {
			author, src = parts[0], 1
		}
	}
	if year >= 0 {
		ref.Year = ParseYear(parts[year])
	}
	if author != "" {
		if a, ok := wosCitedAuthor(author); ok {
			ref.Authors = []Author{a}
		}
	}

	// Source: every part up to the first locator; a full source name may
	// itself hold commas ("Comptes Rendus …, Serie B (Sciences Physiques)").
	i := src
	var venueBuf [4]string
	venue := venueBuf[:0]
	for ; i < len(parts) && !wosIsLocator(parts[i]); i++ {
		venue = append(venue, parts[i])
	}
	ref.Venue = strings.Join(venue, ", ")
	for ; i < len(parts); i++ {
		p := parts[i]
		switch {
		case wosVolPart(p) && ref.Volume == "":
			v := strings.TrimPrefix(strings.TrimPrefix(p, "VOLS"), "VOL")
			if v == p {
				v = p[1:]
			}
			ref.Volume = strings.TrimSpace(v)
		case isArticlePart(p):
			if ref.Pages == "" {
				ref.Pages, _ = wosArticlePart(p)
			}
		case wosPagePart(p) && ref.Pages == "":
			pg := strings.TrimSpace(p[1:])
			if strings.HasPrefix(pg, "[") {
				// "P[38, 129]": a list of pages, keep the first
				pg = strings.Trim(pg, "[]")
				pg, _, _ = strings.Cut(pg, ",")
			}
			ref.Pages = strings.TrimSpace(pg)
		}
	}
	return ref
}

// wosIsLocator reports whether a part of a cited reference is a volume,
// page, article number or patent number rather than a name or source.
func wosIsLocator(p string) bool {
	switch p[0] {
	case 'V':
		return wosVolPart(p)
	case 'P', 'p':
		return wosPagePart(p) || isArticlePart(p) || strings.HasPrefix(p, "Patent No.")
	case 'A', 'U':
		return isArticlePart(p)
	}
	return false
}

func isArticlePart(p string) bool {
	_, ok := wosArticlePart(p)
	return ok
}

// wosIsYear reports whether a part is a year (1000-2099) and nothing else.
func wosIsYear(p string) bool {
	if len(p) != 4 || !(p[0] == '1' || p[0] == '2' && p[1] == '0') {
		return false
	}
	for i := 0; i < 4; i++ {
		if p[i] < '0' || p[i] > '9' {
			return false
		}
	}
	return true
}

// wosDOIMark finds the DOI part of a reference: a "DOI" word (any case) at
// the start or after a comma, followed by a space or colon and then "10.",
// "[" or another "DOI". It returns where the text before it ends and where
// the DOI word begins, or -1, -1. An author named Doi ("DOI K, 1990, …") is
// not a mark.
func wosDOIMark(s string) (cut, at int) {
	for i := 0; i+3 <= len(s); i++ {
		if s[i]|0x20 != 'd' || s[i+1]|0x20 != 'o' || s[i+2]|0x20 != 'i' {
			continue
		}
		k := i
		for k > 0 && s[k-1] == ' ' {
			k--
		}
		if k > 0 && s[k-1] != ',' {
			continue
		}
		j := i + 3
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j < len(s) && s[j] == ':' {
			for j++; j < len(s) && s[j] == ' '; j++ {
			}
		} else if j == i+3 {
			continue
		}
		rest := s[j:]
		if strings.HasPrefix(rest, "[") || strings.HasPrefix(rest, "10.") || len(rest) >= 3 && strings.EqualFold(rest[:3], "doi") {
			if k > 0 {
				k--
			}
			return k, i
		}
	}
	return -1, -1
}

// wosTrimEndDot drops the "." WoS BibTeX puts after each reference, but not
// the dot of a final initial ("Smith J.A.").
func wosTrimEndDot(s string) string {
	if !strings.HasSuffix(s, ".") {
		return s
	}
	last := s[strings.LastIndexAny(s, ", ")+1:]
	if wosInitials(last) && strings.Count(s, ",") == 0 {
		return s
	}
	return strings.TrimRight(s, ". ")
}

// wosFirstDOI returns the first DOI of the DOI part of a reference: one DOI,
// "DOI 10.x" doubled, or a bracketed list "[10.a, DOI 10.b]".
func wosFirstDOI(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "[") {
		s = strings.TrimPrefix(s, "[")
		if end := strings.LastIndex(s, "]"); end >= 0 {
			s = s[:end]
		}
		for _, item := range strings.Split(s, ", ") {
			if d := NormalizeDOI(wosStripDOIWord(item)); d != "" {
				return d
			}
		}
		return ""
	}
	return NormalizeDOI(wosStripDOIWord(s))
}

// wosStripDOIWord removes repeated leading "DOI" words.
func wosStripDOIWord(s string) string {
	for {
		s = strings.TrimSpace(s)
		if len(s) < 4 || !strings.EqualFold(s[:3], "doi") || (s[3] != ' ' && s[3] != ':') {
			return s
		}
		s = s[4:]
	}
}

// wosSplitParts appends to parts the parts of a reference split on commas
// outside square brackets, trimmed, without empty ones.
func wosSplitParts(parts []string, s string) []string {
	depth, start := 0, 0
	add := func(p string) {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				add(s[start:i])
				start = i + 1
			}
		}
	}
	add(s[start:])
	return parts
}

// wosCitedAuthor splits the author of a cited reference, written "Surname
// Initials" ("Aaker JL", "Smith J.A.", "Arnaud J. A.", "El Jaouhari A",
// "Bayardo R. J. Jr.", "CAVALLER.G"). Anonymous authors give false.
func wosCitedAuthor(s string) (Author, bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(strings.Trim(s, "[]"), "anonymous") {
		return Author{}, false
	}
	if !strings.Contains(s, " ") {
		if family, given, ok := wosTruncated(s); ok {
			return Author{Family: family, Given: given}, true
		}
	}
	words := strings.Fields(s)
	if n := len(words); n > 2 && isSuffix(words[n-1]) {
		// "Bayardo R. J. Jr." keeps the suffix with the family name
		a, ok := wosCitedAuthor(strings.Join(words[:n-1], " "))
		a.Family += " " + words[n-1]
		return a, ok
	}
	if len(words) < 2 || !wosInitials(words[len(words)-1]) {
		return Author{Family: s}, true
	}
	k := len(words) - 1
	for k > 1 && wosDottedInitial(words[k-1]) {
		k--
	}
	return Author{Family: strings.Join(words[:k], " "), Given: strings.Join(words[k:], " ")}, true
}
