package parse

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scopus writes a document's references into one cell (CSV "References",
// RIS "N1 - References:", BibTeX "references"), joined by "; ", in one of
// two layouts:
//
//   - classic (until 2024): "Authors, Title (Year) Source, Vol (Issue),
//     pp. X-Y", the authors separated by ", " and written "Surname, I." in
//     old exports or "Surname I." in newer ones;
//   - new (2024+): "Surname I.; Surname I.; Surname I., Title, Source, Vol,
//     Issue, pp. X-Y, (Year)", whose authors are also separated by "; ", so
//     that a reference ends only at its "(Year)".

// scopusNewLayout reports whether a references cell is in the 2024+ layout:
// more references end with "(Year)" than carry "(Year) Source" inside.
func scopusNewLayout(cell string) bool {
	ends, mids := scopusCountYears(cell)
	return ends > mids
}

// SplitScopusReferences splits a Scopus "References" cell into references,
// in both the classic layout and the 2024+ one whose authors are also
// separated by "; ". The layout is detected per cell. A ";" at a line end
// separates too, as in the one-reference-per-line lists of Scopus RIS.
func SplitScopusReferences(cell string) []string {
	cell = strings.TrimSuffix(strings.TrimSpace(strings.ReplaceAll(cell, ";\n", "; ")), ";")
	if cell == "" {
		return nil
	}
	var pieces []string
	for _, p := range strings.Split(cell, "; ") {
		if p = strings.TrimSpace(p); p != "" {
			pieces = append(pieces, p)
		}
	}
	if scopusNewLayout(cell) {
		return scopusJoinNew(pieces)
	}
	return scopusJoinClassic(pieces)
}

// scopusJoinNew groups the "; "-separated pieces of a new-layout cell into
// references. A reference ends at a piece ending in "(Year)", or, for a
// reference without a year, at a piece holding its title (a comma) that
// is followed by a bare author name starting the next reference.
func scopusJoinNew(pieces []string) []string {
	var out []string
	start := 0
	for i, p := range pieces {
		end := scopusYearEndAt(strings.TrimRight(p, ";. ")) >= 0
		if !end && strings.Contains(p, ", ") && i+1 < len(pieces) && scopusBareName(pieces[i+1]) {
			end = true
		}
		if end {
			out = append(out, strings.Join(pieces[start:i+1], "; "))
			start = i + 1
		}
	}
	if start < len(pieces) {
		out = append(out, strings.Join(pieces[start:], "; "))
	}
	return out
}

// scopusBareName reports whether a piece is one author name and nothing
// else: "Calin G.A.", "Calin GA", "Van Eck N.J.".
func scopusBareName(p string) bool {
	if strings.Contains(p, ",") || len(p) > 60 {
		return false
	}
	_, ok := scopusNameWithInitials(p)
	return ok
}

// scopusPublisherPlace matches an ACS-style "Publisher: City" piece that
// Scopus separates from its book reference with "; ".
var scopusPublisherPlace = regexp.MustCompile(`^[\p{Lu}][^:;()\d]{1,60}: [\p{Lu}][\p{L} .]+(?:, [\p{Lu}][\p{L} .]*){0,2}(?:, chap \d+)?$`)

// scopusEntityEnd matches an HTML entity cut off by the split at "; ".
var scopusEntityEnd = regexp.MustCompile(`&(?:[a-zA-Z]{2,6}|#\d{1,5}|#x[0-9a-fA-F]{1,4})$`)

// scopusEditorsEnd matches the last piece of an editor list: "Skeel, R. D., Eds.".
var scopusEditorsEnd = regexp.MustCompile(`(?:, |\()Eds?\.?\)?$`)

// scopusJoinClassic turns the "; "-separated pieces of a classic cell into
// references, gluing back pieces that cannot start a reference because
// the reference itself held "; ": an editor list "Deuflhard, P.; Hermans,
// J.; Skeel, R. D., Eds." (each editor a piece), an ACS "Publisher: City"
// after it, and a title continued in lower case ("Laboratory
// investigation; a journal of technical methods").
func scopusJoinClassic(pieces []string) []string {
	out := make([]string, 0, len(pieces))
	glue := func(p string) { out[len(out)-1] += "; " + p }
	for i := 0; i < len(pieces); i++ {
		p := pieces[i]
		if len(out) == 0 {
			out = append(out, p)
			continue
		}
		// a run of lone names closed by an "Eds." piece
		if j, ok := scopusEditorRun(pieces, i); ok {
			for ; i <= j; i++ {
				glue(pieces[i])
			}
			i--
			continue
		}
		switch {
		case scopusLowerStart(p) && !(scopusHasYearMid(p) && scopusHasYearMid(out[len(out)-1])):
			// a continuation, unless both sides are whole references
			// ("notenoteTamayo, P., (1999) Proc. …" after a full one)
			glue(p)
		case strings.Contains(p, ": ") && !strings.Contains(p, "http") && scopusPublisherPlace.MatchString(p):
			glue(p)
		case scopusTitleRest(out[len(out)-1], p):
			glue(p)
		case scopusEntityEnd.MatchString(out[len(out)-1]):
			// "Meucci, O. &amp; Fatatis, A.": an HTML entity's ";"
			glue(p)
		default:
			out = append(out, p)
		}
	}
	return out
}

// scopusTitleRest reports whether p is the rest of a title cut at "; "
// with a capital after it ("Tea drinking; A survey of habits (1999) J.
// Things, …"): prev starts with authors and holds no year or source, and p
// starts with no author but holds the "(Year) Source" of a reference.
func scopusTitleRest(prev, p string) bool {
	if strings.Contains(prev, "(") || strings.Contains(prev, "http") || !scopusHasYearMid(p) {
		return false
	}
	if authors, _ := scopusNames(scopusTokens(prev), true); len(authors) == 0 {
		return false
	}
	authors, _ := scopusNames(scopusTokens(p), true)
	return len(authors) == 0 && !strings.HasPrefix(p, "(")
}

// scopusEditorRun reports whether pieces[i:] starts with lone editor names
// ("Hermans, J.") closed by an editor piece ("Skeel, R. D., Eds."), and
// returns the index of that closing piece.
func scopusEditorRun(pieces []string, i int) (int, bool) {
	for j := i; j < len(pieces) && j < i+30; j++ {
		p := pieces[j]
		if len(p) > 80 {
			return 0, false
		}
		if scopusEditorsEnd.MatchString(p) {
			names := scopusEditorsEnd.ReplaceAllString(p, "")
			toks := scopusTokens(names)
			authors, n := scopusNames(toks, true)
			return j, len(authors) > 0 && n == len(toks)
		}
		toks := scopusTokens(p)
		authors, n := scopusNames(toks, true)
		if len(authors) != 1 || n != len(toks) {
			return 0, false
		}
	}
	return 0, false
}

// scopusLowerStart reports whether a piece starts in lower case with a word
// that is not a name particle ("van der Berg, J."): the continuation of a
// title that held "; ".
func scopusLowerStart(p string) bool {
	if r, _ := utf8.DecodeRuneInString(p); !unicode.IsLower(r) {
		return false
	}
	w, _, _ := strings.Cut(p, " ")
	w = strings.TrimRight(w, ",")
	return !isParticle(strings.ToLower(w)) && !strings.HasPrefix(p, "http") && !strings.HasPrefix(p, "www.")
}

// scopusToken is one comma-separated part of a reference and where it ends.
type scopusToken struct {
	s   string
	end int // byte offset just after the token in the source string
}

// scopusTokens splits s at commas outside parentheses ("Spine (Phila Pa
// 1976)"), dropping empty parts ("Selvamanickam,, V."). When the
// parentheses do not balance, every comma splits.
func scopusTokens(s string) []scopusToken {
	if out, ok := scopusSplitTokens(s, true); ok {
		return out
	}
	out, _ := scopusSplitTokens(s, false)
	return out
}

func scopusSplitTokens(s string, parens bool) ([]scopusToken, bool) {
	var out []scopusToken
	start, depth := 0, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && parens {
			switch s[i] {
			case '(':
				depth++
			case ')':
				if depth--; depth < 0 {
					return nil, false
				}
			}
		}
		if i == len(s) || s[i] == ',' && depth == 0 {
			if t := strings.TrimSpace(s[start:i]); t != "" {
				out = append(out, scopusToken{s: t, end: i})
			}
			start = i + 1
		}
	}
	return out, depth == 0
}

// scopusSurnameWord reports whether w can be one word of a family name:
// capitalised letters with apostrophes or hyphens ("O'Hara", "Garcia-Moreno"),
// a lower-case particle of up to four letters ("van", "de"), "d'Amico",
// "Jr." or "Sr.".
func scopusSurnameWord(w string) bool {
	if w == "Jr." || w == "Sr." {
		return true
	}
	r := []rune(w)
	if len(r) == 0 {
		return false
	}
	if unicode.IsLower(r[0]) {
		if len(r) > 2 && (r[1] == '\'' || r[1] == '’') && unicode.IsUpper(r[2]) {
			r = r[2:]
		} else {
			for _, c := range r {
				if !unicode.IsLower(c) {
					return false
				}
			}
			return len(r) <= 4
		}
	}
	if !unicode.IsUpper(r[0]) {
		return false
	}
	for _, c := range r[1:] {
		if !unicode.IsLetter(c) && c != '\'' && c != '’' && c != '-' {
			return false
		}
	}
	return true
}

// scopusSurname reports whether s can be a family name: one to four words
// that look like name words, at least one capitalised.
func scopusSurname(s string) bool {
	n, upper := 0, false
	for w := range strings.FieldsSeq(s) {
		if n++; n > 4 || !scopusSurnameWord(w) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			upper = true
		}
	}
	return upper
}

// scopusNameWithInitials parses "Surname I.", "Surname I.J.", "Surname GA".
func scopusNameWithInitials(s string) (Author, bool) {
	s = strings.TrimSpace(s)
	i := strings.LastIndexByte(s, ' ')
	if i <= 0 {
		return Author{}, false
	}
	fam, giv := strings.TrimSpace(s[:i]), s[i+1:]
	// "Skeel R. D.": initials with a space inside
	for !scopusSurname(fam) || strings.HasSuffix(fam, ".") && !strings.HasSuffix(fam, "Jr.") && !strings.HasSuffix(fam, "Sr.") {
		j := strings.LastIndexByte(fam, ' ')
		if j <= 0 || !scopusIsInitials(fam[j+1:]) {
			return Author{}, false
		}
		fam, giv = strings.TrimSpace(fam[:j]), fam[j+1:]+" "+giv
	}
	if !scopusIsInitials(giv) && !scopusIsBareInitials(giv) {
		return Author{}, false
	}
	return Author{Family: fam, Given: strings.TrimSpace(giv)}, true
}

// scopusPairInitials reports whether t is the initials part of an old
// layout "Surname, I." pair: "J.", "J.V.", "R. D.", or undotted "JM",
// "PK." as some sources give them.
func scopusPairInitials(t string) bool {
	if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) {
		return false // both patterns begin with \p{Lu}
	}
	return scopusIsInitials(t) || scopusIsBareInitials(strings.TrimSuffix(t, "."))
}

// scopusShortName reads one name of a Scopus author list, which puts the
// surname first: "Berg A.", "Berg AK", "Janko Wolfgang", "Berg, A.". A
// longer name without initials ("Heart Study Group") is kept whole.
func scopusShortName(t string) Author {
	t = strings.Trim(strings.TrimSpace(t), ",;")
	if strings.Contains(t, ",") {
		return ParseName(t)
	}
	if a, ok := scopusNameWithInitials(t); ok {
		return a
	}
	if w := strings.Fields(t); len(w) == 2 && scopusSurnameWord(w[0]) && scopusSurnameWord(w[1]) {
		return Author{Family: w[0], Given: w[1]}
	}
	return Author{Family: CleanSpace(t)}
}

// scopusNames reads author names from the start of tokens: pairs
// "Surname", "I." (old layout) or single "Surname I." tokens; "et al."
// ends the list. In a reference (ref true) it stops at the first token
// that is not a name and returns how many tokens it used; otherwise a
// token that is not a name is taken whole as a family name.
func scopusNames(toks []scopusToken, ref bool) ([]Author, int) {
	var out []Author
	i := 0
	for i < len(toks) {
		t := toks[i].s
		if strings.EqualFold(strings.TrimRight(t, "."), "et al") {
			return out, i + 1
		}
		if i+1 < len(toks) && scopusSurname(t) && scopusPairInitials(toks[i+1].s) {
			out = append(out, Author{Family: t, Given: toks[i+1].s})
			i += 2
			continue
		}
		if a, ok := scopusNameWithInitials(t); ok {
			out = append(out, a)
			i++
			continue
		}
		if ref {
			break
		}
		if a := scopusShortName(t); a.Family != "" {
			out = append(out, a)
		}
		i++
	}
	return out, i
}

var (
	scopusPagesRe = regexp.MustCompile(`^pp?\.\s*(\S+?(?:\s*-\s*\S+?)?)\.?$`)
	// scopusNotePrefix matches the "note" debris some exports put before a
	// reference ("notenoteTamayo, P., …").
	scopusNotePrefix = regexp.MustCompile(`^(?:note)+(\p{Lu})`)
	scopusVolumeRe   = regexp.MustCompile(`^[A-Z]{0,3}\d[\w\-./]{0,12}?\.?(?:\s*\([^)]{1,20}\))?\.?$`)
	// scopusVolumeSeries matches a volume with a series letter: "31 C (9)", "12 SE".
	scopusVolumeSeries = regexp.MustCompile(`^\d+ [A-Z]{1,3}(?: \(\d+\))?$`)
)

// scopusDropNotes removes the "note" debris that scopusNotePrefix matches.
func scopusDropNotes(s string) string {
	if !strings.HasPrefix(s, "note") {
		return s
	}
	return scopusNotePrefix.ReplaceAllString(s, "$1")
}

// scopusPages returns the submatches of scopusPagesRe in t, or nil; the
// pattern needs a leading "p".
func scopusPages(t string) []string {
	if !strings.HasPrefix(t, "p") {
		return nil
	}
	return scopusPagesRe.FindStringSubmatch(t)
}

// scopusIsVolume reports whether a token is a volume (or issue) number: it
// holds a digit and is short ("28", "12 (4)", "31 C", "S1").
func scopusIsVolume(t string) bool {
	if !strings.ContainsAny(t, "0123456789") || len(t) > 24 {
		return false
	}
	return scopusVolumeRe.MatchString(t) || scopusVolumeSeries.MatchString(t)
}

// ParseScopusReference parses one Scopus reference string of either
// layout into authors, title, year, source, volume, pages and DOI.
func ParseScopusReference(raw string) Reference {
	raw = CleanSpace(raw)
	ref := Reference{Raw: raw}
	if raw == "" {
		return ref
	}
	s := strings.TrimRight(raw, "; ")
	if at := scopusYearEndAt(strings.TrimRight(s, ". ")); at >= 0 && !scopusHasYearMid(s) {
		scopusParseNew(&ref, strings.TrimRight(s, ". "), at)
	} else if m := scopusFirstYear(s); m != nil {
		scopusParseClassic(&ref, s, m)
	} else {
		// no "(Year)": an irregular reference; the free-text parser reads
		// it, with the Scopus author list when it found none
		free := ParseReference(raw)
		free.Raw = raw
		if len(free.Authors) == 0 {
			free.Authors, _ = scopusNames(scopusTokens(scopusDropNotes(s)), true)
		}
		return free
	}
	if strings.Contains(raw, "10.") {
		ref.DOI = FindDOI(raw)
	}
	return ref
}

// scopusParseNew parses "Surname I.; Surname I., Title, Source, Vol,
// Issue, pp. X-Y, (Year)"; yearAt is where "(Year)" starts.
func scopusParseNew(ref *Reference, s string, yearAt int) {
	ref.Year = ParseYear(s[yearAt:])
	body := strings.TrimRight(strings.TrimSpace(s[:yearAt]), ", ")
	// authors: every "; " piece but the last, plus the first comma token of
	// the last piece when it is a name
	pieces := strings.Split(body, "; ")
	last := pieces[len(pieces)-1]
	for _, p := range pieces[:len(pieces)-1] {
		if a := scopusShortName(p); a.Family != "" {
			ref.Authors = append(ref.Authors, a)
		}
	}
	toks := scopusTokens(last)
	rest := 0
	if len(pieces) == 1 {
		// one author, none, or a classic "Surname, I., Surname, I." list
		// (a classic reference without a source also ends with its year)
		authors, n := scopusNames(toks, true)
		if n < len(toks) {
			ref.Authors, rest = authors, n
		}
	} else if len(toks) > 0 {
		first := toks[0].s
		if strings.EqualFold(strings.TrimRight(first, "."), "et al") {
			rest = 1
		} else if a, ok := scopusNameWithInitials(first); ok {
			ref.Authors = append(ref.Authors, a)
			rest = 1
		} else if len(pieces) > 1 && len(toks) > 1 {
			ref.Authors = append(ref.Authors, scopusShortName(first))
			rest = 1
		}
		if rest < len(toks) && strings.EqualFold(strings.TrimRight(toks[rest].s, "."), "et al") {
			rest++
		}
	}
	toks = toks[rest:]
	// from the right: pages, then up to two numbers (volume, issue)
	if n := len(toks); n > 0 {
		if m := scopusPages(toks[n-1].s); m != nil {
			ref.Pages = strings.ReplaceAll(m[1], " ", "")
			toks = toks[:n-1]
		}
	}
	var nums []string
	for len(toks) > 1 && len(nums) < 2 && scopusIsVolume(toks[len(toks)-1].s) {
		nums = append([]string{toks[len(toks)-1].s}, nums...)
		toks = toks[:len(toks)-1]
	}
	if len(nums) > 0 {
		ref.Volume = scopusVolume(nums[0])
	}
	switch len(toks) {
	case 0:
	case 1:
		ref.Title = strings.TrimRight(toks[0].s, ".")
	default:
		parts := make([]string, len(toks)-1)
		for i, t := range toks[:len(toks)-1] {
			parts[i] = t.s
		}
		ref.Title = strings.TrimRight(strings.Join(parts, ", "), ".")
		ref.Venue = toks[len(toks)-1].s
	}
}

// scopusVolume returns the volume number of a token like "28 (4)" or "12.".
func scopusVolume(t string) string {
	t = strings.TrimSpace(t)
	if i := strings.IndexByte(t, '('); i > 0 {
		t = t[:i]
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t), "."))
}

// scopusParseClassic parses "Authors, Title (Year) Source, Vol (Issue),
// pp. X-Y"; m locates "(Year)" and its digits.
func scopusParseClassic(ref *Reference, s string, m []int) {
	ref.Year = ParseYear(s[m[2]:m[3]])
	before := scopusDropNotes(strings.TrimSpace(s[:m[0]]))
	after := strings.TrimSpace(s[m[1]:])
	toks := scopusTokens(before)
	authors, n := scopusNames(toks, true)
	// "Dolan, (1967) Courts…", "Owens, Coffey, (1982) …": surnames without
	// initials, set off from the year by a comma
	if n == 0 && len(toks) > 0 && strings.HasSuffix(before, ",") {
		k := 0
		for k < len(toks) && scopusSurname(toks[k].s) {
			k++
		}
		if k == len(toks) {
			for _, t := range toks {
				authors = append(authors, Author{Family: t.s})
			}
			n = k
		}
	}
	// "Mack, Vartikar, Pipas, Title…": surnames without initials before a
	// title of at least three words
	if n == 0 {
		k := 0
		for k < len(toks) && len(strings.Fields(toks[k].s)) <= 2 && scopusSurname(toks[k].s) {
			k++
		}
		if k > 0 && k < len(toks) && len(strings.Fields(toks[k].s)) >= 3 {
			for _, t := range toks[:k] {
				authors = append(authors, Author{Family: t.s})
			}
			n = k
		}
	}
	ref.Authors = authors
	if n < len(toks) {
		from := 0
		if n > 0 {
			from = toks[n-1].end + 1
		}
		ref.Title = strings.Trim(strings.TrimSpace(before[from:]), ", ")
	}
	// the source part: "Source, Vol (Issue), pp. X-Y. , extra"
	main := after
	if i := strings.Index(main, ", , "); i >= 0 {
		main = main[:i]
	}
	if i := strings.Index(main, ". , "); i >= 0 {
		main = main[:i+1]
	}
	atoks := scopusTokens(main)
	if len(atoks) == 0 {
		return
	}
	var venue []string
	i := 0
	for ; i < len(atoks); i++ {
		t := atoks[i].s
		if i > 0 && (scopusIsVolume(t) || strings.HasPrefix(t, "p") && scopusPagesRe.MatchString(t) || strings.HasPrefix(t, "(")) {
			break
		}
		venue = append(venue, t)
	}
	ref.Venue = strings.TrimSpace(strings.Join(venue, ", "))
	for ; i < len(atoks); i++ {
		t := atoks[i].s
		if pm := scopusPages(t); pm != nil {
			ref.Pages = strings.ReplaceAll(pm[1], " ", "")
			break
		}
		if ref.Volume == "" && scopusIsVolume(t) {
			ref.Volume = scopusVolume(t)
		}
	}
}
