package freetext

import (
	"bytes"
	"github.com/citegraph/citegraph/parse/model"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// This file parses one free-text reference by rules, without a trained model.
// The steps are: take the identifiers out (DOI, URL, arXiv, PMID, PMCID,
// ISBN) and the list number; find where the author list ends by trying every
// plausible end (a comma, a full stop, a quote, a year) and keeping the one
// where the text before it still reads as a list of personal names; then the
// title (quoted, or the first sentence after the authors and year), the venue
// (the next segment, after "In: editors (Eds.)"), and volume and pages from
// what follows. Every regular expression is linear (RE2) and the author scan
// looks at a bounded head of the text, so any input is parsed in linear time.

// MaxLen bounds the part of a reference that is parsed: longer text is kept
// in Raw but only its head is analysed.
const MaxLen = 4000

// ftAuthorWindow and ftMaxNameWords bound the head in which the author list
// is looked for.
const (
	ftAuthorWindow = 1500
	ftMaxNameWords = 300
)

var (
	ftPrefixRe     = regexp.MustCompile(`^(?:\[\s*\d{1,3}[a-z]?\s*\]|\[[\p{L}\p{N}:_+.\-]{1,30}\]\s|\(\d{1,3}\)|\d{1,3}[.)](?:\s|$)|[-–—•*·▪◦‣●]\s)\s*`)
	ftArxivRe      = regexp.MustCompile(`(?i)\barxiv(?:\.org/abs/|\s*:\s*|\s+(?:preprint\s+)?(?:arxiv\s*:\s*)?)((?:\d{4}\.\d{4,5}|[a-z][a-z.-]+/\d{7})(?:v\d+)?)`)
	ftPMIDRe       = regexp.MustCompile(`\bPMID\s*:?\s*(\d{1,9})\b`)
	ftPMCIDRe      = regexp.MustCompile(`\b(?:PMCID\s*:?\s*)?(PMC\d{3,9})\b`)
	ftISBNRe       = regexp.MustCompile(`(?i)\bISBN(?:-1[03])?\s*:?\s*((?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dX])\b`)
	ftAccessedRe   = regexp.MustCompile(`(?i)[(\[]?\b(?:accessed|retrieved|consulted|abgerufen|zugegriffen|consulté|consultado|viewed)\b(?:\s+(?:on|am|le|el))?\s*:?\s*[^()\[\]]{0,40}?\b(?:1[5-9]|20)\d\d\b[)\]]?\.?|(?i)\b(?:retrieved|available|accessible)\s+(?:from|at|online)\s*:?|\[(?:internet|online|electronic resource)\]|\bonline\s*:`)
	ftNoYearRe     = regexp.MustCompile(`^(?:[(\[](?i:n\.\s?d|s\.\s?d|o\.\s?j)\.?[)\]]|n\.d\.|s\.d\.|o\.J\.|[(\[]?(?i:in press|im druck|sous presse|en prensa|forthcoming)[)\]]?|[(\[](?i:in preparation|submitted|accepted|under review|im erscheinen|à paraître)[)\]])`)
	ftEditorsRe    = regexp.MustCompile(`^(?:[Ii]n|[Dd]ans|[Ee]n|[Ii]m)\s*:?\s+(?:([^:;()0-9]{1,150}?)\s*(?:\(\s*(?i:eds?|hrsg|hgg?|dirs?|coords?|éds?|editors?|red|comps?)\.?\s*\)|,\s*(?i:editors?|eds?\.)|\s+(?i:editors?|eds?)\.)\s*[,.:]?\s+)?`)
	ftPlacePubRe   = regexp.MustCompile(`^\p{Lu}[\p{L}.' -]{1,40}(?:,\s*\p{Lu}[\p{L}. ]{0,30}){0,2}\s*:\s*\p{Lu}`)
	ftVolRe        = regexp.MustCompile(`(?i)\b(?:vol(?:ume)?|v|bd|band|tome|t|jg|jahrgang)\.?\s*(\d+[a-z]?)`)
	ftPagesRe      = regexp.MustCompile(`(?i)(?:^|[\s,;:(])(?:pp?|pages?|s|seiten)\.?\s*(\d+[a-z]?(?:\s*[-–—‑]+\s*\d+[a-z]?)?)`)
	ftBareNumRe    = regexp.MustCompile(`^(\d{1,3}\s+)\p{Lu}[\p{L}’']`)
	ftSameAuthorRe = regexp.MustCompile(`^[-–—_]{2,}\s*[.,]?\s*`)
	ftCommaSpaceRe = regexp.MustCompile(`,(\p{Lu})`)
	ftRangeRe      = regexp.MustCompile(`\b(\d+[a-z]?\s*[-–—‑]+\s*\d+[a-z]?)\b`)
)

// Parse parses one free-text reference (APA, Harvard, Vancouver,
// Chicago, MLA, IEEE, Nature and physics styles, in English, German, French
// or Spanish; GOST, ABNT and GB/T 7714, see styles.go) into its parts: authors, year, title, venue, volume, pages,
// DOI and other identifiers (IDs "arxiv", "pmid", "pmcid", "isbn", "url").
// Raw is always kept; a part that cannot be found stays empty.
func Parse(raw string) model.Reference {
	ref := model.Reference{Raw: model.CleanSpace(raw)}
	s := ref.Raw
	if len(s) > MaxLen {
		cut := MaxLen
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = ftTakeIDs(&ref, s)
	if s != "" && (strings.IndexByte("[(0123456789-*", s[0]) >= 0 || s[0] >= utf8.RuneSelf) {
		s = ftPrefixRe.ReplaceAllString(s, "")
	}
	if m := ftBareNumRe.FindStringSubmatch(s); m != nil {
		s = s[len(m[1]):] // "3 Kim, H." numbered without a full stop
	}
	// "———." repeats the authors of the entry before: none are given here
	sameAuthors := ftSameAuthorRe.MatchString(s)
	if sameAuthors { // the expression is anchored: else nothing to replace
		s = ftSameAuthorRe.ReplaceAllString(s, "")
	}
	if ftCommaGlued(s) {
		s = ftCommaSpaceRe.ReplaceAllString(s, ", $1")
	}
	s = strings.ReplaceAll(s, " ,", ",")
	s = strings.TrimSpace(s)
	if s == "" {
		return ref
	}
	if st, ok := styled(s); ok && !sameAuthors {
		ref.Authors, ref.Title, ref.Venue, ref.Year, ref.Volume, ref.Pages = st.Authors, ftCleanTitle(st.Title), st.Venue, st.Year, st.Volume, st.Pages
		return ref
	}

	var p ftAuthorScan
	if !sameAuthors {
		p = ftScanAuthors(s)
	}
	ref.Authors = p.authors
	rest := strings.TrimLeft(s[p.end:], " ,.;:")
	// the year after the authors; read is set also for "n.d." and "in
	// press", which say there is none
	year, read := 0, false
	if p.yearEnd > 0 {
		year, read = p.year, true
		rest = strings.TrimLeft(s[p.yearEnd:], " ,.;:)]")
	} else if y, n := ftLeadingYear(rest); n > 0 {
		year, read = y, true
		rest = strings.TrimLeft(rest[n:], " ,.;:)]")
	}
	// editor marks after the authors: "Smith, J. (Ed.). (2000)."
	if m := ftEdMark(rest); m != "" {
		rest = strings.TrimLeft(rest[len(m):], " ,.;:")
		if !read {
			if y, n := ftLeadingYear(rest); n > 0 {
				year, read = y, true
				rest = strings.TrimLeft(rest[n:], " ,.;:)]")
			}
		}
	}
	titleStart := len(s) - len(rest)
	// commas rather than full stops separate the parts (IEEE, MLA, physics)
	comma := p.comma
	if len(ref.Authors) > 0 {
		sep := strings.TrimRight(s[p.end:titleStart], " )]")
		if sep != "" {
			comma = sep[len(sep)-1] == ','
		}
	}

	// the title, or none when a journal abbreviation follows the authors
	var title, after string
	if venue, tail, ok := ftNoTitle(rest, comma); ok && len(ref.Authors) > 0 {
		ref.Venue = venue
		after = tail
	} else {
		title, after = ftTitle(rest, comma)
		if !comma && title != "" && !ftIsQuote(rest) {
			title, after = ftSubtitle(title, after)
		}
		ref.Title = ftCleanTitle(title)
		ref.Venue, after = ftVenue(after)
	}
	titleEnd := len(s) - len(after)

	if !read {
		year = ftFindYear(s, titleStart, titleEnd)
	}
	ref.Year = year
	ftVolumePages(&ref, after)
	return ref
}

// ftMayBeEdMark is a quick test before ftEdMarkRe: editor marks open with a
// bracket or one of the letters of their words.
func ftMayBeEdMark(w string) bool {
	if len(w) < 2 {
		return false
	}
	if w[0] == '(' {
		// "(eds.)", "(hrsg.)", "(trans.)" …, "(éd.)"; "ſ" (0xc5 0xbf)
		// folds to s
		return strings.IndexByte("eEhHdDcCpPwWtTiInNsS", w[1]) >= 0 || w[1] == 0xc3 || w[1] == 0xc5
	}
	// outside brackets only eds, hrsg, hg, dirs, coords, éds, editors, comps
	l := [2]byte{w[0], w[1]}
	for i, c := range l {
		if c >= 'A' && c <= 'Z' {
			l[i] = c + 'a' - 'A'
		}
	}
	switch string(l[:]) {
	case "ed", "hr", "hg", "di", "co", "\xc3\xa9", "\xc3\x89":
		return true
	}
	return false
}

// ftEdMark returns the editor mark s starts with, as ftEdMarkRe finds it,
// or "": the expression only where the quick test allows.
func ftEdMark(s string) string {
	if !ftMayBeEdMark(s) {
		return ""
	}
	return ftEdMarkRe.FindString(s)
}

// ftEdMarkRe matches an editor mark right after an author list.
var ftEdMarkRe = regexp.MustCompile(`^(?:\((?i:eds?|hrsg|hgg?|dirs?|coords?|éds?|editors?|comps?|directors?|producers?|writers?(?:/directors?)?|translators?|trans|tr|compilers?|illustrators?|narrators?|hosts?|performers?|interviewers?|speakers?)\.?\)|(?i:eds?|hrsg|hgg?|dirs?|coords?|éds?|editors?|comps?)\.?)(?:[\s.,:;]|$)`)

// ftCommaGlued reports whether a comma is followed at once by a letter or
// another non-space character ("Hart,R.J."), so spacing needs repair.
func ftCommaGlued(s string) bool {
	for i := strings.IndexByte(s, ','); i >= 0 && i+1 < len(s); {
		if s[i+1] != ' ' {
			return true
		}
		j := strings.IndexByte(s[i+1:], ',')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// ftTakeIDs stores the identifiers found in s and returns s without them and
// without access notes ("Retrieved from", "accessed 3 May 2020").
func ftTakeIDs(ref *model.Reference, s string) string {
	// cheap tests first: most references hold none of these (the text
	// lower-cased on the stack when it is short and ASCII)
	var buf [320]byte
	lower := model.AppendLower(buf[:0], s)
	has := func(subs ...string) bool {
		for _, x := range subs {
			if bytes.Contains(lower, []byte(x)) {
				return true
			}
		}
		return false
	}
	cut := func(a, b int) {
		if b == len(s) {
			// at the end: the space the cut leaves is trimmed below, and
			// s stays a part of the reference (no copy, and the parts
			// read from it keep no copy alive)
			s = s[:a]
			return
		}
		s = s[:a] + " " + s[b:]
	}
	if has("10.") {
		if loc := ftDOILoc(s); loc != nil {
			ref.DOI = model.NormalizeDOI(s[loc[0]:loc[1]])
			cut(loc[0], loc[1])
		}
	}
	if has("arxiv") {
		if m := ftArxivRe.FindStringSubmatchIndex(s); m != nil {
			ref.SetID("arxiv", s[m[2]:m[3]])
			cut(m[0], m[1])
		}
	}
	if has("http", "www.", "ftp:") {
		if loc := ftURLLoc(s); loc != nil {
			u := strings.TrimRight(s[loc[0]:loc[1]], ".,;:)]>")
			if i := strings.Index(strings.ToLower(u), "http"); i >= 0 {
				u = u[i:]
			} else if i := strings.Index(strings.ToLower(u), "www."); i > 0 {
				u = u[i:]
			}
			if ref.DOI == "" {
				ref.DOI = model.FindDOI(u)
			}
			ref.SetID("url", u)
			cut(loc[0], loc[1])
		}
	}
	if has("pmid") {
		if m := ftPMIDRe.FindStringSubmatchIndex(s); m != nil {
			ref.SetID("pmid", s[m[2]:m[3]])
			cut(m[0], m[1])
		}
	}
	if has("pmc") {
		if m := ftPMCIDRe.FindStringSubmatchIndex(s); m != nil {
			ref.SetID("pmcid", s[m[2]:m[3]])
			cut(m[0], m[1])
		}
	}
	if has("isbn") {
		if m := ftISBNRe.FindStringSubmatchIndex(s); m != nil {
			isbn := strings.Map(func(r rune) rune {
				if r == '-' || r == ' ' {
					return -1
				}
				return unicode.ToUpper(r)
			}, s[m[2]:m[3]])
			ref.SetID("isbn", isbn)
			cut(m[0], m[1])
		}
	}
	if has("ccess", "etriev", "onsult", "abgerufen", "zugegriffen", "viewed", "vailable", "internet", "online", "electronic") {
		s = ftAccessedRe.ReplaceAllString(s, " ")
	}
	s = strings.TrimRight(model.CleanSpace(s), " ,;:([")
	for _, dash := range []string{" -", " –", " —"} {
		// a dash left where a link stood ("… 107 https://doi.org/… -")
		s = strings.TrimRight(strings.TrimSuffix(s, dash), " ,;:([")
	}
	return s
}

// ftLeadingYear reads a year at the start of s: "2019", "(2019a)",
// "(2019, May)", "(December 1998)", "n.d.", "in press". It returns the year
// (0 for the no-year forms) and the length read, 0 when s does not start so.
func ftLeadingYear(s string) (int, int) {
	// a byte test first: this runs after every word of an author list
	if s == "" {
		return 0, 0
	}
	switch c := s[0]; {
	case c == '(' || c == '[':
	case c == '1' || c == '2':
		goto bare
	case strings.IndexByte("nNsSoOiIeEfF", c) >= 0:
		if m := ftNoYearRe.FindString(s); m != "" {
			return 0, len(m)
		}
		return 0, 0
	default:
		return 0, 0
	}
	// "(2001)", "(2001a)" as ftParenYearRe reads them, without it
	if len(s) >= 6 && ftIsYear(s[1:5]) {
		k := 5
		if s[k] >= 'a' && s[k] <= 'z' {
			k++
		}
		if k < len(s) && (s[k] == ')' || s[k] == ']') {
			return ftAtoi(s[1:5]), k + 1
		}
	}
	// ftNoYearRe wants a letter after the bracket
	if c := s[min(1, len(s)-1)]; !(c >= '0' && c <= '9') {
		if m := ftNoYearRe.FindString(s); m != "" {
			return 0, len(m)
		}
	}
	if m := ftParenYearRe.FindStringSubmatchIndex(s); m != nil {
		return ftAtoi(s[m[2]:m[3]]), m[1]
	}
bare:
	m := ftBareYearRe.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, 0
	}
	// a bare year must stand alone: "1990." or "1990," not "1990-1995"
	if rest := strings.TrimLeft(s[m[1]:], " "); rest != "" && strings.ContainsRune("-–—", []rune(rest)[0]) {
		return 0, 0
	}
	return ftAtoi(s[m[2]:m[3]]), m[1]
}

var (
	ftParenYearRe = regexp.MustCompile(`^[(\[]\s*(?:\p{L}+\.?,?\s+){0,2}(?:\d{1,2},?\s+)?((?:1[5-9]|20)\d\d)[a-z]?(?:[,/ ][^()\[\]]{0,20})?[)\]]`)
	ftBareYearRe  = regexp.MustCompile(`^((?:1[5-9]|20)\d\d)[a-z]?(?:[.,;:)]|\s|$)`)
)

func ftAtoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// ftFindYear returns the publication year found outside the title span
// [ts, te) of s: the first year that is not part of a range such as
// "1943-1955" or pages "1761–1800", or 0.
func ftFindYear(s string, ts, te int) int {
	fallback := 0
	for from := 0; from < len(s); {
		a, b := ftNextYear(s, from)
		if a < 0 {
			break
		}
		from = b
		if ftInRange(s, a, b) {
			continue
		}
		y := ftAtoi(s[a : a+4])
		if a >= ts && b <= te && te > ts {
			if fallback == 0 {
				fallback = y
			}
			continue
		}
		return y
	}
	return fallback
}

// ftNextYear finds the first year from 1500 to 2099 in s at or after from
// that stands as a word, with a letter that may follow it ("2001a"), as the
// regular expression \b(1[5-9]\d\d|20\d\d)([a-z])?\b would, and
// returns its start and end, or -1, -1. Years are looked for in every
// reference, and the expression cost a tenth of the parsing time.
func ftNextYear(s string, from int) (int, int) {
	word := model.IsWordByte
	for i := from; i+4 <= len(s); i++ {
		if !ftIsYear(s[i:i+4]) || i > 0 && word(s[i-1]) {
			continue
		}
		b := i + 4
		if b < len(s) && s[b] >= 'a' && s[b] <= 'z' && (b+1 == len(s) || !word(s[b+1])) {
			return i, b + 1
		}
		if b == len(s) || !word(s[b]) {
			return i, b
		}
	}
	return -1, -1
}

// ftInRange reports whether the number at s[a:b] is one end of a numeric
// range or part of a longer number.
func ftInRange(s string, a, b int) bool {
	after := s[b:]
	after = strings.TrimLeft(after, " ")
	if r, n := utf8.DecodeRuneInString(after); r == '-' || r == '–' || r == '—' || r == '‑' || r == '/' {
		if rest := strings.TrimLeft(after[n:], " "); rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return true
		}
	}
	before := strings.TrimRight(s[:a], " ")
	if r, n := utf8.DecodeLastRuneInString(before); r == '-' || r == '–' || r == '—' || r == '‑' {
		if b2 := strings.TrimRight(before[:len(before)-n], " "); b2 != "" {
			if c := b2[len(b2)-1]; c >= '0' && c <= '9' {
				return true
			}
		}
	}
	if a > 0 && (s[a-1] == '.' || s[a-1] == ':') && a > 1 && s[a-2] >= '0' && s[a-2] <= '9' {
		return true
	}
	return false
}

// ftAuthorScan is the result of looking for the author list at the start of
// a reference.
type ftAuthorScan struct {
	authors []model.Author
	end     int  // byte offset where the author list ends
	comma   bool // the list ended at a comma (IEEE, physics, MLA styles)
	year    int  // a year read right after the list, with yearEnd its end
	yearEnd int
}

// ftWord is one white-space separated word of the author window.
type ftWord struct {
	text       string // without trailing , ; :
	start, end int    // byte offsets in the string, end after punctuation
	sep        byte   // trailing separator: ',', ';', ':' or 0
	kind       byte   // ftWordKind of the word inside a name list
	kindLast   byte   // ftWordKind of the word ending a name list
	edMark     bool   // an editor mark such as "(Eds.)" or "Hrsg."
}

// LeadingAuthors returns the personal names that open s, as the author list
// of a reference would, or nil when s does not start with one.
func LeadingAuthors(s string) []model.Author { return ftScanAuthors(s).authors }

// ftScanAuthors finds the author list at the start of s. It tries each
// possible end in order (after a word with a comma, semicolon or full stop,
// before a quote or a year) and keeps the first strong end (full stop,
// quote, year) where the words before it read as a complete list of names,
// else the last complete list ending at a comma before the words stop being
// names.
func ftScanAuthors(s string) ftAuthorScan {
	win := s
	if len(win) > ftAuthorWindow {
		win = win[:ftAuthorWindow]
	}
	// the words and the pieces of names are scratch, kept for the next
	// reference: they were most of the memory a reference's parse took
	sc := ftScratchPool.Get().(*ftNameScratch)
	defer ftScratchPool.Put(sc)
	words := ftSplitWords(sc.split[:0], win)
	sc.split = words
	if len(words) > ftMaxNameWords {
		words = words[:ftMaxNameWords]
	}
	// words are classified as the scan reaches them (it looks one word
	// ahead): most lists end after a few words of a long entry
	kinds := 0
	classify := func(to int) {
		for ; kinds < min(to, len(words)); kinds++ {
			w := &words[kinds]
			w.kind = ftWordKind(w.text, false)
			w.kindLast = w.kind
			if strings.HasSuffix(w.text, ".") || ftIsShortName(w.text) {
				// only then does the last word of a list read otherwise
				w.kindLast = ftWordKind(w.text, true)
			}
			w.edMark = ftMayBeEdMark(w.text) && ftEdMarkRe.MatchString(w.text) && w.kind != 'i'
		}
	}
	var best ftAuthorScan
	for k := range words {
		classify(k + 2)
		w := words[k]
		var next string
		if k+1 < len(words) {
			next = words[k+1].text
		}
		strong, weak := false, false
		var yr, yrLen int
		switch {
		case next != "" && ftIsQuote(next):
			strong = true
		case next != "":
			if y, n := ftLeadingYear(s[words[k+1].start:]); n > 0 {
				strong, yr, yrLen = true, y, n
			}
		}
		if !strong {
			switch {
			case w.sep == ':':
				strong = true
			case w.sep == ',' || w.sep == ';':
				weak = true
			case strings.HasSuffix(w.text, ".") && !ftIsInitialWord(words[k+1:]) && !ftNameGoesOn(words, k):
				strong = true
			}
		}
		if !strong && !weak {
			continue
		}
		authors, state := ftParseNames(words[:k+1], strong, sc)
		if state == ftInvalid {
			break
		}
		if state != ftComplete {
			continue
		}
		cur := ftAuthorScan{authors: authors, end: w.end, comma: w.sep == ','}
		if yrLen > 0 {
			// a year read after the list; 0 for "n.d." or "in press"
			cur.year, cur.yearEnd = yr, words[k+1].start+yrLen
		}
		if strong {
			return cur
		}
		best = cur
	}
	return best
}

// ftNameGoesOn reports whether the author list surely goes on after word k
// although it ends with a full stop: before "and" or "&", and after a
// middle initial ("David A. Wood,", "William G. Cochran. Sampling").
func ftNameGoesOn(words []ftWord, k int) bool {
	if k+1 >= len(words) {
		return false
	}
	next := words[k+1]
	if ftConj[next.text] || next.text == "And" || next.text == "et" || ftInLower(ftEtAl, next.text) {
		return true
	}
	if next.edMark && next.sep == ',' {
		return true // "Marshall, F. (Producers), & Fincher, D."
	}
	if next.kind == 'p' && k+2 < len(words) {
		return true // "Price, Derek J. de Solla."
	}
	if !ftIsInitials(words[k].text) || k == 0 || words[k-1].sep != 0 || words[k-1].kind != 'w' {
		return false
	}
	// "Stein, Stanley J." is a whole inverted name: the family stands alone
	// before the comma
	j := k - 1
	for j >= 0 && words[j].sep == 0 {
		j--
	}
	if j >= 0 && words[j].sep == ',' && (j == 0 || words[j-1].sep != 0) {
		return false
	}
	if next.kindLast != 'w' {
		return false
	}
	if next.sep == ',' || strings.HasSuffix(next.text, ".") {
		return true
	}
	if k+2 < len(words) {
		after := words[k+2].text
		if ftInLower(ftConj, after) || ftIsQuote(after) || strings.HasPrefix(after, "(") {
			return true
		}
		if _, n := ftLeadingYear(after); n > 0 {
			return true
		}
	}
	return false
}

// ftIsEtAl reports whether the word after "et" or "and" completes "et al."
// or "and others".
func ftIsEtAl(w string) bool {
	switch strings.TrimRight(w, ".,;:") {
	case "al", "alii", "others", "coll", "autres":
		return true
	}
	return false
}

// ftSplitWords appends to out the words of s, split at white space, with
// each word's offsets and trailing separator.
func ftSplitWords(out []ftWord, s string) []ftWord {
	i := 0
	for i < len(s) {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i >= len(s) {
			break
		}
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			j = len(s)
		} else {
			j += i
		}
		w := ftWord{text: ftTrimMarks(s[i:j]), start: i, end: j}
		for n := len(w.text); n > 1 && strings.IndexByte(",;:", w.text[n-1]) >= 0; n = len(w.text) {
			if w.sep == 0 || w.sep == ',' {
				w.sep = w.text[n-1]
			}
			w.text = ftTrimMarks(w.text[:n-1]) // "Furhmann, T.*,"
		}
		if w.text == "" {
			w.text = s[i:j]
		}
		out = append(out, w)
		i = j
	}
	return out
}

// ftTrimMarks trims the footnote marks "*†‡" off the end of a word.
func ftTrimMarks(w string) string {
	if w == "" || (w[len(w)-1] != '*' && w[len(w)-1] < utf8.RuneSelf) {
		return w
	}
	return strings.TrimRight(w, "*†‡")
}

// ftIsQuote reports whether a word opens a quoted title.
func ftIsQuote(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	switch r {
	case '"', '“', '„', '«', '‘', '‹', '»', '”':
		return true
	case '`':
		return strings.HasPrefix(w, "``")
	case '\'':
		return len(w) > 1
	}
	return false
}

// ftIsInitialWord reports whether the next word is a given-name initial ("J.", "J.-P.",
// "Th."), so that a full stop before it does not end the author list.
func ftIsInitialWord(next []ftWord) bool {
	if len(next) == 0 {
		return false
	}
	w := next[0].text
	if next[0].sep == ',' && len(w) <= 2 && ftIsInitials(w) {
		return true // "R. O, and D. N. Serpanos"
	}
	return strings.HasSuffix(w, ".") && ftIsInitials(w) && len(w) <= 8
}

type ftState int

const (
	ftInvalid ftState = iota
	ftIncomplete
	ftComplete
)

// ftNameScratch holds the words that ftScanAuthors splits a reference
// into and the arrays that ftParseNames cuts its pieces from, kept from
// one call to the next (ftScanAuthors tries each possible end of a list of
// names) and from one reference to the next (ftScratchPool).
type ftNameScratch struct {
	split  []ftWord
	pieces []ftPiece
	words  []string
	kinds  []byte
}

var ftScratchPool = sync.Pool{New: func() any { return new(ftNameScratch) }}

// ftPiece is one name-like piece of an author list: the words between two
// separators (commas, semicolons, "and").
type ftPiece struct {
	words []string
	kinds []byte // per word: 'i' initials, 'w' name word, 'p' particle
	and   bool   // preceded by a conjunction
	org   bool   // holds a word naming an organisation
	title bool   // holds a word that only titles and organisations use
}

// Name words of these kinds can never be part of a personal name: they start
// titles or name organisations.
var (
	ftStopWords = ftSet("The A An Of On In For And To With From By At As Is Are Be Do Does How What Why When Where Which Who Whose Towards Toward Using Via Between Beyond Under Over Into About Against Among After Before During Through Without Within New Some Our Their Its This That These Those Not No Der Die Das Den Dem Ein Eine Einer Zur Zum Über Und Im Am Les Une Un Sur Pour Dans Par Avec Entre Los Las Una Con Para Por Il Gli Della Nel Sul Journal Proceedings Conference Symposium Workshop Handbook Encyclopedia Report Review Chapter Vol Volume Part Introduction Study Studies Analysis Theory Model Models Data Evidence Effect Effects Impact Role Approach System Systems Method Methods Case Research Development Management Education Policy Notes Letter Letters Thesis Dissertation Edition Series Abstract Abstracts Toward Guide Manual Principles Essays History Report Reports")
	ftOrgWords  = ftSet("Organization Organisation Association Institute Institut Society Council Ministry Ministère Ministerium Department Agency Commission Committee Bureau Office Foundation Board Government Federal National International Group Centre Center Union Academy Corporation Inc Ltd Company Service Services Team Consortium Network Programme Program Administration Authority Collaboration Forum Trust Fund Bank World United European American British University Universität Université Universidad Hospital Laboratory Statistics Census Bundesamt")
	ftOrgLinks  = ftSet("of for the on des für der du")
	ftConj      = ftSet("and & und y e et og och en i и")
	ftEtAl      = ftSet("u.a. u.a ua. etc. etc a.o. mult. …")
)

func ftSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// ftIsInitials reports whether w is written as initials: "J.", "J.A.",
// "J.-P.", "Th.", "Fr.-R.", "JA", "J-P".
func ftIsInitials(w string) bool {
	rs := []rune(w)
	if len(rs) == 0 {
		return false
	}
	if len(rs) <= 3 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsUpper(r) }) < 0 {
		return true
	}
	if strings.Contains(w, "-") && !strings.Contains(w, ".") {
		// "K-W", "SS-H": groups of one to three capitals
		for _, g := range strings.Split(w, "-") {
			if g == "" || utf8.RuneCountInString(g) > 3 || strings.IndexFunc(g, func(r rune) bool { return !unicode.IsUpper(r) }) >= 0 {
				return false
			}
		}
		return true
	}
	units, dots, hyphens := 0, 0, 0
	for i := 0; i < len(rs); {
		if !unicode.IsUpper(rs[i]) {
			return false
		}
		i++
		units++
		if i < len(rs) && unicode.IsLower(rs[i]) {
			// "Th." but not "Jo"
			if i+1 >= len(rs) || rs[i+1] != '.' {
				return false
			}
			i++
		}
		dot := i < len(rs) && rs[i] == '.'
		if dot {
			i++
			dots++
		}
		if i < len(rs) && rs[i] == '-' {
			i++
			hyphens++
			if i == len(rs) {
				return dots > 0 // "M.-"
			}
			continue
		}
		if !dot && i < len(rs) {
			return false // "CDMA.": letters without full stops are a word
		}
	}
	return dots > 0 || units == 2 && hyphens == 1
}

// ftIsShortName reports whether w is a two-letter name with a full stop,
// "Li." or "Wu.", which can also read as an initial like "Th.".
func ftIsShortName(w string) bool {
	if len(w) < 3 || len(w) > 9 || w[len(w)-1] != '.' {
		return false
	}
	r0, n0 := utf8.DecodeRuneInString(w)
	r1, n1 := utf8.DecodeRuneInString(w[n0:])
	return n0+n1 == len(w)-1 && unicode.IsUpper(r0) && unicode.IsLower(r1)
}

// ftIsSuffix is model.IsNameSuffix after a length test: the suffixes
// ("Jr.", "III") are short, most words are not.
func ftIsSuffix(w string) bool {
	return len(w) <= 4 && model.IsNameSuffix(w)
}

// ftWordKind classifies one word of a name: 'i' initials, 'w' capitalised
// name word, 'p' lower-case particle, 's' suffix (Jr.), 'o' organisation
// word, 'x' anything else.
func ftWordKind(w string, last bool) byte {
	if last && strings.HasSuffix(w, ".") && !ftIsInitials(w) {
		w = strings.TrimSuffix(w, ".")
	}
	if ftIsSuffix(w) && w != "II" && w != "IV" {
		return 's'
	}
	if last && ftIsShortName(w) {
		return 'w' // "W. Li." ends with a family name, not an initial
	}
	if w == "" {
		return 'x'
	}
	if ftIsInitials(w) && len(w) <= 12 {
		return 'i'
	}
	if model.IsParticle(w) || w == "d'" || w == "de'" || w == "dei" || w == "degli" || w == "zu" || w == "vom" || w == "zum" || w == "y" {
		return 'p'
	}
	if ftIsSuffix(w) {
		return 's'
	}
	if ftOrgLinks[w] {
		return 't'
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		// "d'Alembert", "de'Medici", "van't Hoff", "al-Farabi"
		if i := strings.IndexAny(w, "'’-"); i > 0 && i <= 3 {
			if r2, _ := utf8.DecodeRuneInString(w[i+1:]); unicode.IsUpper(r2) {
				return 'w'
			}
		}
		return 'x'
	}
	if strings.HasSuffix(w, ".") {
		return 'x' // an abbreviation such as "Phys." or "Proc."
	}
	for _, c := range w {
		// letters, hyphens, apostrophes, combining accents and the stray
		// symbols PDF copies leave inside names ("Arbel´aez", "Go↵redi")
		if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '’' && !unicode.In(c, unicode.Mn, unicode.Sk, unicode.So) {
			return 'x'
		}
	}
	if ftOrgWords[w] {
		return 'o'
	}
	if ftStopWords[w] {
		return 't'
	}
	return 'w'
}

// ftParseNames reads words as an author list. final says whether the list
// would end at a strong boundary (full stop, quote, year): then a lone word
// such as "Aristotle" or a list of full names without "and" is accepted.
func ftParseNames(words []ftWord, final bool, sc *ftNameScratch) ([]model.Author, ftState) {
	// the pieces' words and kinds are cut from one array each, which holds
	// every word: appending never moves them
	if cap(sc.words) < len(words) {
		// the caller tries longer and longer lists: room to grow
		n := max(8, 2*len(words))
		sc.words, sc.kinds, sc.pieces = make([]string, 0, n), make([]byte, 0, n), make([]ftPiece, 0, n)
	}
	pieces, all, kinds := sc.pieces[:0], sc.words[:0], sc.kinds[:0]
	cur := ftPiece{}
	etAl, inParen := false, false
	flush := func() {
		if len(cur.words) > 0 {
			pieces = append(pieces, cur)
		}
		cur = ftPiece{}
	}
	var lbuf [16]byte
	for k := 0; k < len(words); k++ {
		w := words[k].text
		last := k == len(words)-1
		// (string(lw) in comparisons and map look-ups allocates nothing)
		lw := ftLowerShort(&lbuf, w)
		switch {
		case (string(lw) == "et" || string(lw) == "and" || string(lw) == "&") && k+1 < len(words) && ftIsEtAl(words[k+1].text):
			etAl = true
			k++
			flush()
			continue
		case ftEtAl[string(lw)] || string(lw) == "[...]":
			etAl = true
			flush()
			continue
		case ftConj[w] || w == "And" || w == "AND":
			if etAl && len(cur.words) == 0 {
				continue
			}
			flush()
			cur.and = true
			if words[k].sep != 0 {
				flush()
			}
			continue
		case words[k].edMark && (strings.HasPrefix(w, "(") || words[k].sep != 0 || last || strings.HasSuffix(w, ".")):
			flush()
			continue
		}
		// "Esty, Joshua (Jed)", "Céline, Louis-Ferdinand (Louis-Ferdinand
		// Destouches)": a bracketed aside inside a name is skipped
		if strings.HasPrefix(w, "(") || inParen {
			inParen = !strings.HasSuffix(strings.TrimRight(w, ".,;:"), ")")
			if strings.ContainsAny(w, "0123456789") {
				return nil, ftInvalid
			}
			if words[k].sep != 0 {
				flush()
			}
			continue
		}
		if etAl {
			return nil, ftInvalid
		}
		kind := words[k].kind
		if last {
			kind = words[k].kindLast
		}
		switch kind {
		case 'x':
			return nil, ftInvalid
		case 't':
			cur.title = true
			kind = 'w'
		case 'o':
			cur.org = true
			kind = 'w'
		case 's':
			kind = 'p'
		}
		if last && !model.IsNameSuffix(w) && (kind != 'i' || ftBareInitialsBefore(words[:k], w)) {
			w = strings.TrimSuffix(w, ".")
		}
		all, kinds = append(all, w), append(kinds, kind)
		n := len(cur.words) + 1
		cur.words, cur.kinds = all[len(all)-n:len(all):len(all)], kinds[len(kinds)-n:len(kinds):len(kinds)]
		if len(cur.words) > 6 {
			return nil, ftInvalid
		}
		if words[k].sep != 0 {
			flush()
		}
	}
	flush()
	if len(pieces) == 0 {
		return nil, ftIncomplete
	}
	return ftPairNames(pieces, final, etAl)
}

// ftInLower reports whether m holds w in lower case, without a lower-case
// copy of w when it is ASCII and short (the sets of words looked up so run
// on every word of every reference).
func ftInLower(m map[string]bool, w string) bool {
	if len(w) > 32 {
		return m[strings.ToLower(w)]
	}
	var buf [32]byte
	return m[string(model.AppendLower(buf[:0], w))] // no allocation for the look-up
}

// ftLowerShort writes w in lower case into buf when it has at most 5 bytes
// (the only words ftParseNames compares without case: "et", "and", "u.a.",
// "etc."), else returns nil.
func ftLowerShort(buf *[16]byte, w string) []byte {
	if len(w) > 5 {
		return nil
	}
	return model.AppendLower(buf[:0], w)
}

// ftBareInitialsBefore reports whether the list writes initials without
// full stops ("Smith JA, Jones B"), so that the full stop after the last
// initial ("Brown C.") ends the list rather than belonging to it.
func ftBareInitialsBefore(words []ftWord, last string) bool {
	if len(last) > 4 || strings.Count(last, ".") != 1 {
		return false
	}
	for _, w := range words {
		if !strings.Contains(w.text, ".") && ftIsInitials(w.text) {
			return true
		}
	}
	return false
}

// ftPieceShape summarises a piece's kinds: "i" initials only, "w" words only,
// "wi" words then initials, "iw" initials then words (or mixed).
func ftPieceShape(p ftPiece) string {
	hasI, hasW := false, false
	for _, k := range p.kinds {
		switch k {
		case 'i':
			hasI = true
		case 'w':
			hasW = true
		}
	}
	switch {
	case hasI && !hasW:
		return "i"
	case !hasI:
		return "w"
	case p.kinds[len(p.kinds)-1] == 'i' && p.kinds[0] != 'i':
		return "wi"
	default:
		return "iw"
	}
}

// ftPairNames turns pieces into authors: "Family, Initials" and "Family,
// Given" pairs, "Initials Family", "Family Initials" and "Given Family"
// names, keeping one style: once the first author is written with
// initials, every author must be.
func ftPairNames(pieces []ftPiece, final, etAl bool) ([]model.Author, ftState) {
	// "Guerney, Jr., B. G.": the suffix joins the family before the initials
	for k := 1; k < len(pieces); k++ {
		p := pieces[k]
		if len(p.words) != 1 || !model.IsNameSuffix(p.words[0]) || p.and || ftPieceShape(pieces[k-1]) != "w" {
			continue
		}
		if k+1 == len(pieces) {
			if !final {
				return nil, ftIncomplete // the initials may follow
			}
			continue
		}
		if ftPieceShape(pieces[k+1]) == "i" {
			prev := &pieces[k-1]
			prev.words = append(prev.words[:len(prev.words):len(prev.words)], p.words[0])
			prev.kinds = append(prev.kinds[:len(prev.kinds):len(prev.kinds)], 'p')
			pieces = append(pieces[:k:k], pieces[k+1:]...)
		}
	}
	var authors []model.Author
	initStyle, invFull, lastAnd := false, false, false
	for i := 0; i < len(pieces); i++ {
		p := pieces[i]
		shape := ftPieceShape(p)
		var a model.Author
		hasInit := false
		if !strings.ContainsAny(string(p.kinds), "iw") {
			// "Pettingill, O. S., Jr.": a suffix on its own joins the name before
			if len(authors) == 0 || !model.IsNameSuffix(p.words[0]) || len(p.words) > 1 {
				return nil, ftInvalid
			}
			authors[len(authors)-1].Given += " " + p.words[0]
			continue
		}
		switch shape {
		case "i":
			if i == len(pieces)-1 {
				return authors, ftIncomplete
			}
			return nil, ftInvalid
		case "iw":
			a = ftGivenFamily(p.words, p.kinds)
			hasInit = ftAllInitials(a.Given)
		case "wi":
			// "Smith JA" or "Smith, Timothy P." (given names with an initial)
			if i > 0 && len(p.words) >= 2 && ftPieceShape(pieces[i-1]) == "w" && len(pieces[i-1].words) == 1 && !p.and && authors != nil && authors[len(authors)-1].Given == "" {
				authors[len(authors)-1].Given = strings.Join(p.words, " ")
				continue
			}
			n := len(p.words)
			for n > 0 && p.kinds[n-1] == 'i' {
				n--
			}
			a = model.Author{Family: strings.Join(p.words[:n], " "), Given: strings.Join(p.words[n:], " ")}
			hasInit = true
			if n == 0 {
				return nil, ftInvalid
			}
		case "w":
			// a title word may be a family name before initials: "Das, A."
			if p.title && !p.org && !(len(p.words) == 1 && i+1 < len(pieces) && ftPieceShape(pieces[i+1]) == "i") {
				if len(p.words) == 1 && i+1 == len(pieces) && !final {
					return authors, ftIncomplete
				}
				return nil, ftInvalid
			}
			if p.org && len(pieces) == 1 {
				a = model.Author{Family: strings.Join(p.words, " ")}
				break
			}
			if p.org {
				return nil, ftInvalid
			}
			single := ftFamilyLen(p) == len(p.words)
			if i+1 < len(pieces) && !pieces[i+1].and {
				ns := ftPieceShape(pieces[i+1])
				given := ns == "w" || ns == "wi" || ns == "iw" && pieces[i+1].kinds[0] == 'w'
				if ns == "i" || ((i == 0 || invFull) && single && given && len(pieces[i+1].words) <= 4) {
					a = model.Author{Family: strings.Join(p.words, " "), Given: strings.Join(pieces[i+1].words, " ")}
					hasInit = ns == "i"
					invFull = invFull || i == 0 && ns != "i"
					i++
					break
				}
			}
			if single && !(final && i == len(pieces)-1 && len(p.words) > 1) {
				// a family name alone: waiting for its given name
				if i == len(pieces)-1 && (len(pieces) == 1 && final || etAl) {
					a = model.Author{Family: strings.Join(p.words, " ")}
					break
				}
				if i == len(pieces)-1 && len(pieces) > 1 {
					return authors, ftIncomplete
				}
				if len(pieces) == 1 {
					return nil, ftIncomplete
				}
				return nil, ftInvalid
			}
			a = ftGivenFamily(p.words, p.kinds)
		}
		if len(authors) == 0 {
			initStyle = hasInit
		} else if initStyle && !hasInit && !p.and {
			if i == len(pieces)-1 && !final && shape == "w" {
				return authors, ftIncomplete // "Hussain I.; Abu Rizaiza," before "O.S."
			}
			return nil, ftInvalid
		}
		lastAnd = p.and
		authors = append(authors, a)
	}
	if len(authors) == 0 {
		return nil, ftIncomplete
	}
	// a list of full names ending at a comma needs "and" before its last
	// name ("A. Smith, B. Jones, and C. Doe,") unless it is written with
	// initials or has a single author.
	if !final && !initStyle && len(authors) > 1 && !lastAnd && !etAl {
		return authors, ftIncomplete
	}
	return authors, ftComplete
}

// ftFamilyLen returns how many words of a words-only piece could be one
// family name: a single word, possibly after lower-case particles.
// ftAllInitials reports whether given names are written as initials only.
func ftAllInitials(given string) bool {
	for _, w := range strings.Fields(given) {
		if !ftIsInitials(w) {
			return false
		}
	}
	return given != ""
}

func ftFamilyLen(p ftPiece) int {
	n := 0
	for i, k := range p.kinds {
		// capitalised particles count only at the end: "Van der Burght"
		if k == 'w' && (i == len(p.kinds)-1 || !model.IsParticle(strings.ToLower(p.words[i]))) {
			n++
		}
	}
	// "Buarque de Holanda": two names joined by a particle
	if n == 1 || n == 2 && len(p.words) > 2 && strings.ContainsRune(string(p.kinds), 'p') {
		return len(p.words)
	}
	return 0
}

// ftGivenFamily splits "J. A. Smith", "Mark D. Hill" or "Ludwig van
// Beethoven": the family name is the last word with the particles before it.
func ftGivenFamily(words []string, kinds []byte) model.Author {
	n := len(words) - 1
	for n > 0 && kinds[n] == 'p' {
		n-- // a suffix or trailing particle stays with the family
	}
	for n > 1 && kinds[n-1] == 'p' {
		n--
	}
	if n == 0 {
		return model.Author{Family: strings.Join(words, " ")}
	}
	return model.Author{Family: strings.Join(words[n:], " "), Given: strings.Join(words[:n], " ")}
}

// ftWoSSourceRe matches the source of a Web of Science cited reference:
// an upper-case abbreviation before ", V12".
var ftWoSSourceRe = regexp.MustCompile(`^([\p{Lu}0-9&.\- ]{2,80}),\s+V\d`)

// ftNoTitle recognises a reference without a title, where a journal
// abbreviation and numbers follow the authors ("Phys. Rev. B 12, 345
// (2019)", "Nano Lett. 2010, 10, 1012", "ApJ, 400, 699"). It is only tried
// when the author list ended at a comma, or when volume and page follow the
// journal at once ("J Am Ceram Soc 75(8):2139").
func ftNoTitle(rest string, comma bool) (venue, tail string, ok bool) {
	if !comma && strings.IndexByte(rest, ':') < 0 {
		return "", "", false // both patterns below want a comma list or a colon
	}
	if m := ftWoSSourceRe.FindStringSubmatchIndex(rest); comma && m != nil {
		return rest[m[2]:m[3]], rest[m[3]:], true // "J APPL PHYS, V12, P3"
	}
	if !comma && !ftVolPagesNext(rest) {
		return "", "", false
	}
	i := strings.IndexAny(rest, "0123456789")
	if i <= 0 {
		return "", "", false
	}
	seg := strings.TrimRight(rest[:i], " ,;:(")
	words := strings.Fields(seg)
	if len(words) == 0 || len(words) > 7 || strings.ContainsAny(seg, ",;") {
		return "", "", false
	}
	abbrev := false
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case w == "&" || w == "of" || w == "and" || w == "für" || w == "de":
		case !unicode.IsUpper(r):
			return "", "", false
		case strings.HasSuffix(w, "."):
			if utf8.RuneCountInString(w) > 11 {
				return "", "", false
			}
			abbrev = true
		}
		if strings.ContainsAny(w, "\"“”‘’«»") {
			return "", "", false
		}
	}
	if !abbrev && len(words) > 1 && comma {
		return "", "", false
	}
	return strings.TrimRight(seg, " ,"), rest[i:], true
}

var ftCloseQuote = map[rune]string{'"': `"”“`, '“': `”"“`, '„': `“”"`, '«': `»`, '‘': `’'`, '‹': `›`, '»': `«`, '”': `”`, '\'': `'’`}

// ftAbbrev lists words whose full stop does not end a sentence.
var ftAbbrev = ftSet("vs v e.g i.e etc cf ca approx Dr Mr Mrs Ms Prof St Mt Ft No no Nr nr Vol vol Ed ed eds Eds al Jr Sr Inc Ltd Co Corp Bros Dept Univ Fig fig pp p Ch ch sec Sec Art art Bd Hrsg hrsg ff vgl Vgl z.B u.a d.h bzw sog S s op cit ibid Ibid Rev Engl Gen Hist Int Soc")

// ftSentenceEnd returns the end of the first sentence of s (the index of its
// final mark, kept for "?" and "!") and where the next part starts, or -1.
func ftSentenceEnd(s string, comma bool) (int, int) {
	depth := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '(', '[':
			if comma && depth == 0 && i > 0 && s[i-1] == ' ' && ftBookParen(s[i+1:]) {
				return i - 1, i
			}
			// Scopus: "Title (2005) Journal, 78, pp. 1-10"
			if depth == 0 && i > 0 && s[i-1] == ' ' {
				if m := ftParenYearRe.FindString(s[i:]); m != "" && len(m) <= 7 && i+len(m) < len(s) {
					return i - 1, i + len(m)
				}
			}
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 && ftCommaEndsTitle(s[i+1:], !comma) {
				return i, i + 1
			}
		case '.', '?', '!':
			if i+1 < len(s) && s[i+1] != ' ' || depth > 0 {
				continue
			}
			nx := strings.TrimLeft(s[i+1:], " ")
			if nx == "" {
				return i, len(s)
			}
			r, _ := utf8.DecodeRuneInString(nx)
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“‘«([", r) {
				continue
			}
			if c == '.' && i > 0 && strings.ContainsRune(")]\"”’", rune(s[i-1])) {
				return i, i + 1
			}
			if c == '.' {
				j := strings.LastIndexAny(s[:i], " (")
				prev := s[j+1 : i]
				pr, _ := utf8.DecodeRuneInString(prev)
				if ftAbbrev[prev] || (utf8.RuneCountInString(prev) == 1 && unicode.IsUpper(pr)) || strings.Contains(prev, ".") && utf8.RuneCountInString(prev) <= 5 && unicode.IsLetter(pr) {
					continue
				}
				return i, i + 1
			}
			return i + 1, i + 1
		}
	}
	return -1, -1
}

// ftCommaEndsTitle reports whether the text after a comma inside a title
// written between commas starts the venue part: "in", "tr.", "ed.", a
// volume or year, a segment holding a number ("J. Logic Programming, 5"), a
// word that starts venues or names publishers, or a journal abbreviation.
func ftCommaEndsTitle(s string, strict bool) bool {
	s = strings.TrimLeft(s, " ")
	w, _, _ := strings.Cut(s, " ")
	lw := strings.ToLower(strings.TrimRight(w, ".,:"))
	seg, after, _ := strings.Cut(s, ",")
	if end := strings.Index(seg, ". "); end >= 0 {
		seg = seg[:end]
	}
	segWords := strings.Fields(seg)
	hasPublisher := false
	for _, x := range segWords {
		hasPublisher = hasPublisher || ftInLower(ftPublisherWords, strings.TrimRight(x, ".,:"))
	}
	// the segment after the next comma opens with a volume: "Nature, v. 435"
	after = strings.TrimLeft(after, " ")
	aw, _, _ := strings.Cut(after, " ")
	volumeNext := ftInLower(ftVolumeWords, strings.TrimRight(aw, ".,:")) && strings.ContainsAny(after[:min(len(after), 12)], "0123456789")
	if strict {
		return ftStrictVenueWords[lw] && (lw != "in" || strings.HasPrefix(s, "in ") || strings.HasPrefix(s, "in:")) ||
			hasPublisher && len(segWords) <= 4 || volumeNext && len(segWords) <= 8
	}
	if ftVenueWords[lw] || hasPublisher || volumeNext {
		return true
	}
	// "Title, Paris, PUF, 2009": a place, then a publisher or the year
	if len(segWords) <= 2 && ftCapitalised(segWords) && ftCityTailRe.MatchString(after) {
		return true
	}
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		return true
	}
	if strings.ContainsAny(seg, "0123456789") {
		return true
	}
	if after != "" && after[0] >= '0' && after[0] <= '9' {
		return true
	}
	_, _, ok := ftNoTitle(s, true)
	return ok
}

var (
	ftVenueWords       = ftSet("in dans im en tr trans transl translated ed eds edited hrsg vol no pp p proc proceedings journal j trans. ieee acm conference conf symposium symp workshop technical tech ph.d phd master masters thesis dissertation university univ to submitted paper draft lecture report annals bulletin review letters unpublished manuscript preprint")
	ftStrictVenueWords = ftSet("ed eds edited trans transl translated tr hrsg hg übers in proc proceedings journal ieee acm conference conf symposium symp workshop tech technical ph.d phd thesis dissertation masters master lecture")
	ftNotSubtitle      = ftSet("edited translated trans transl reprint reprinted revised rev editio edition ed eds hrsg herausgegeben übersetzt übers traduit traduction traducción trad dvd cd video film unpublished retrieved available online accessed")
	ftVolumeWords      = ftSet("vol volume v no nr n pp p issue bd jg")
	ftPublisherWords   = ftSet("press verlag publishers publishing publications books wiley springer springer-verlag elsevier addison-wesley prentice prentice-hall mcgraw-hill mit sage routledge kluwer academic")
)

var ftCityTailRe = regexp.MustCompile(`^(?:[^,.;]{1,40},\s*)?(?:1[5-9]|20)\d\d\b`)

// ftCapitalised reports whether every word starts with a capital letter.
func ftCapitalised(words []string) bool {
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return len(words) > 0
}

// ftBookParen reports whether a parenthesis opens the publication facts of a
// book: "(Cambridge, UK: Cambridge University Press, 2016)", "(Wiley, 1998)".
func ftBookParen(s string) bool {
	end := strings.IndexByte(s, ')')
	if end < 0 || end > 150 {
		return false
	}
	in := s[:end]
	hasYear := func() bool { a, _ := ftNextYear(in, 0); return a >= 0 }
	return strings.Contains(in, ":") && hasYear() || strings.Contains(in, ",") && hasYear() && !strings.HasPrefix(in, "19") && !strings.HasPrefix(in, "20")
}

// ftTitle takes the title off the front of rest: the quoted text when rest
// opens with a quote, else the first sentence. It returns the title and
// what follows it.
func ftTitle(rest string, comma bool) (string, string) {
	if strings.HasPrefix(rest, "``") {
		if i := strings.Index(rest[2:], "''"); i >= 0 {
			return strings.TrimSpace(rest[2 : 2+i]), rest[4+i:]
		}
	}
	r, n := utf8.DecodeRuneInString(rest)
	if closers, ok := ftCloseQuote[r]; ok && (r != '\'' || len(rest) > 1) {
		body := rest[n:]
		for i, c := range body {
			if !strings.ContainsRune(closers, c) {
				continue
			}
			after := body[i+utf8.RuneLen(c):]
			// an apostrophe inside a word is not a closing quote
			if c == '’' || c == '\'' {
				if nr, _ := utf8.DecodeRuneInString(after); unicode.IsLetter(nr) {
					continue
				}
			}
			t := strings.TrimRight(strings.TrimSpace(body[:i]), ",.;: ")
			return t, after
		}
	}
	if rest == "" {
		return "", ""
	}
	end, next := ftSentenceEnd(rest, comma)
	if end < 0 {
		// a single segment: it is the title unless it reads like a venue
		return strings.TrimRight(rest, ",.;: "), ""
	}
	return strings.TrimRight(rest[:end], ",.;: "), rest[next:]
}

var (
	ftTitleTailRe = regexp.MustCompile(`(?i)\s*(?:\[[^\[\]]{1,40}\]|\((?:1[5-9]|20)\d\d[a-z]?\)|[,.]\s*(?:vols?|volume|v)\.?\s*\w{1,4}|,\s*\d{1,2}\s+vols?\.?|\([^()]{0,40}\b(?:ed|eds|edn|edition|vol|pp|aufl|bd|dissertation|thesis|report|no|tome|translated|trans|übers|trad)\b[^()]{0,30}\)|[,.]\s*(?:1[5-9]|20)\d\d[a-z]?)$`)
	ftQuoteTrim   = "\"“”„«»‘’‹›'` "
)

// ftTrimTail removes what re, anchored at the end, matches at the end of s.
// It looks only at the last bytes of s, where such short tails lie, so that
// long text costs no more than short.
func ftTrimTail(s string, re *regexp.Regexp) string {
	cut := max(0, len(s)-ftTailLen)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if loc := re.FindStringIndex(s[cut:]); loc != nil {
		return s[:cut+loc[0]]
	}
	return s
}

// ftTailLen bounds the tails ftTrimTail looks at; the tail patterns match
// at most about 90 bytes.
const ftTailLen = 160

// ftCleanTitle removes what a title does not include: surrounding quotes, a
// trailing edition or volume note "(2nd ed.)" and a trailing year.
func ftCleanTitle(t string) string {
	if strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return ""
	}
	for i := 0; i < 3; i++ {
		t = strings.TrimRight(strings.Trim(t, ftQuoteTrim), " ,.;:")
		if !ftTitleTailMay(t) {
			break
		}
		u := ftTrimTail(t, ftTitleTailRe)
		if u == t || u == "" {
			break
		}
		t = u
	}
	return t
}

// ftTitleTailMay is a byte test before ftTitleTailRe, which runs on every
// title: its tails end with a bracket or a year, or hold a "v" of "vol.".
func ftTitleTailMay(t string) bool {
	if t == "" {
		return false
	}
	if c := t[len(t)-1]; c == ')' || c == ']' {
		return true
	}
	if strings.ContainsAny(t[max(0, len(t)-24):], "vV") {
		return true
	}
	// a year, perhaps with a letter: "…, 2001a"
	end := len(t)
	if c := t[end-1] | 0x20; c >= 'a' && c <= 'z' { // either case: the pattern ignores it
		end--
	}
	digits := 0
	for end > 0 && t[end-1] >= '0' && t[end-1] <= '9' {
		end--
		digits++
	}
	return digits == 4
}

// ftSubtitle joins to a title the sentence after it when that sentence is
// followed by the chapter's "In ..." or by a book's "Place: Publisher": it is
// then a subtitle ("The authentic heart. An eightfold path to midlife love.
// New York: Wiley."), not a venue.
func ftSubtitle(title, after string) (string, string) {
	a := strings.TrimLeft(after, " ")
	end, next := ftSentenceEnd(a, false)
	if end <= 0 || end > 200 {
		return title, after
	}
	sub := a[:end]
	if a[end] == ',' || ftPlacePub(a) || strings.ContainsAny(sub, "0123456789():") {
		return title, after
	}
	first, _, _ := strings.Cut(sub, " ")
	lf := strings.ToLower(strings.TrimRight(first, ".,:"))
	if ftStrictVenueWords[lf] || ftPublisherWords[lf] || ftNotSubtitle[lf] || strings.Contains(sub, " by ") || model.CountWords(sub) < 2 {
		return title, after
	}
	rest := strings.TrimLeft(a[next:], " ")
	if strings.HasPrefix(rest, "In ") || strings.HasPrefix(rest, "In: ") || ftPlacePub(rest) {
		return title + ". " + strings.TrimRight(sub, "."), a[next:]
	}
	return title, after
}

// ftVenue reads the venue from the text after the title: a journal or the
// book of a chapter (after "In: editors (Eds.),"), up to the volume, the
// pages, the year or the next sentence. A bare "Place: Publisher" is not a
// venue.
func ftVenue(s string) (string, string) {
	s = strings.TrimLeft(s, " ,.;:")
	// "In: editors (Eds.)": the expression is anchored and opens with
	// one of these letters
	if s != "" && strings.IndexByte("IiDdEe", s[0]) >= 0 {
		if m := ftEditorsRe.FindStringIndex(s); m != nil {
			s = s[m[1]:]
		}
	}
	// "Trans. Nicholas Rand." or "Edited by …." before the venue
	for i := 0; i < 2; i++ {
		w, _, _ := strings.Cut(s, " ")
		if !ftInLower(ftNotSubtitle, strings.TrimRight(w, ".,:")) {
			break
		}
		end, next := ftSentenceEnd(s, false)
		if end < 0 || s[end] != '.' {
			break
		}
		s = strings.TrimLeft(s[next:], " ,.;:")
	}
	// "(Doctoral dissertation)", "[Abstract]" before the venue
	for strings.HasPrefix(s, "(") || strings.HasPrefix(s, "[") {
		end := strings.IndexAny(s, ")]")
		if end < 0 || end > 80 {
			break
		}
		s = strings.TrimLeft(s[end+1:], " ,.;:")
	}
	end := ftVenueEnd(s)
	v := strings.TrimSpace(s[:end])
	if i := strings.LastIndexByte(v, ' '); i >= 0 && len(v)-i <= 6 {
		v = ftTrimTail(v, ftVenueTailRe) // the last word is short enough to be "vol."
	}
	v = ftTrimAbbrev(v)
	tail := s[end:]
	if v == "" || ftPlacePub(s) && !strings.Contains(s[:strings.Index(s, ":")], ".") {
		return "", s // "Reading, MA: Addison-Wesley" names a publisher
	}
	if strings.HasPrefix(strings.ToLower(v), "in ") {
		v = strings.TrimSpace(v[3:])
	}
	return v, tail
}

// ftTrimAbbrev trims the punctuation after a name, keeping the full stop of
// a final abbreviation ("Phys. Rev. Lett.", "J. Appl. Phys.").
func ftTrimAbbrev(v string) string {
	v = strings.TrimRight(v, " ,;:")
	if !strings.HasSuffix(v, ".") {
		return v
	}
	w := strings.TrimSuffix(v[strings.LastIndexByte(v, ' ')+1:], ".")
	r, _ := utf8.DecodeRuneInString(w)
	if n := utf8.RuneCountInString(w); n >= 1 && n <= 5 && unicode.IsUpper(r) && strings.ToUpper(w) != w && strings.Contains(v, " ") {
		return v
	}
	return strings.TrimRight(v, " ,.;:")
}

// ftVenueEnd returns where the venue at the start of s ends.
func ftVenueEnd(s string) int {
	abbreviated := false // the venue so far has an abbreviation: "J. Approx."
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ';', '(', '[':
			return i
		case ',':
			nx := strings.TrimLeft(s[i+1:], " ")
			if nx == "" || nx[0] >= '0' && nx[0] <= '9' {
				return i
			}
			w, _, _ := strings.Cut(nx, " ")
			lw := strings.ToLower(strings.TrimRight(w, ".,:"))
			if ftVenueStop[lw] || ftMonths[lw] || ftStateRe.MatchString(nx) || ftVolTokenRe.MatchString(nx) {
				return i
			}
			// ", Plenum Press, New York", ", Springer-Verlag, Berlin"
			seg, _, _ := strings.Cut(nx, ",")
			for _, x := range strings.Fields(seg) {
				if ftInLower(ftPublisherWords, strings.TrimRight(x, ".,:;")) {
					return i
				}
			}
		case ':':
			nx := strings.TrimLeft(s[i+1:], " ")
			if nx == "" || nx[0] >= '0' && nx[0] <= '9' {
				return i
			}
		case ' ':
			if i > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' && ftVolumeNumber(s[i+1:]) {
				return i
			}
		case '.':
			if i+1 >= len(s) {
				return i
			}
			if s[i+1] != ' ' {
				continue
			}
			nx := strings.TrimLeft(s[i+1:], " ")
			if nx == "" || nx[0] >= '0' && nx[0] <= '9' && (ftVolumeNumber(nx) || ftBareYearRe.MatchString(nx)) {
				return i // "Lancet. 2019;393", "Scientometrics. 2010 Aug;84"
			}
			if ftPlacePub(nx) {
				return i // "Chromosomes today. Edinburgh: Oliver-Boyd"
			}
			j := strings.LastIndexAny(s[:i], " .")
			prev := s[j+1 : i]
			if utf8.RuneCountInString(prev) >= 6 && !ftAbbrev[prev] && !abbreviated {
				r, _ := utf8.DecodeRuneInString(nx)
				if unicode.IsUpper(r) || unicode.IsLower(r) {
					return i
				}
			}
			abbreviated = true
		}
	}
	return len(s)
}

// ftVolumeNumber reports whether s opens with a number that ends a venue (a
// volume or year: "12, 34", "29(8)", "2014;") rather than belonging to its
// name ("24th Annual", "1992 International Conference").
func ftVolumeNumber(s string) bool {
	j := 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == len(s) {
		return true
	}
	switch s[j] {
	case ',', ';', ':', '(', '.', ')', '-':
		return true
	case ' ':
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[j:], " "))
		return !unicode.IsLetter(r)
	}
	return false
}

var (
	ftVenueStop   = ftSet("v vols vol volume no nr num núm n° nº pp p s pages page issue iss art article ed eds edited hrsg chap ch tome t bd jg heft h part pt suppl supplement sec special in to forthcoming submitted")
	ftMonths      = ftSet("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec januar februar märz juni juli oktober dezember janvier février mars avril mai juin juillet août septembre octobre novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre spring summer autumn fall winter")
	ftVolTokenRe  = regexp.MustCompile(`^(?i:v|n|no|nr|vol|p|pp|s|h|bd|t)\.\s?\d`)
	ftVenueTailRe = regexp.MustCompile(`(?i)\s+(?:no|nr|vol|vols|v|n°|pp|p|t|bd|h|heft|jg)\.?$`)
	// ftStateRe matches a place with a US state or country code after a
	// comma: "White Plains, NY", "Cambridge, MA".
	ftStateRe = regexp.MustCompile(`^\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2}, \p{Lu}{2}\b`)
)

// ftVolumePages reads volume and pages from the text after the venue.
func ftVolumePages(ref *model.Reference, s string) {
	if s == "" {
		return
	}
	if ftLabelledNumber(s) {
		if m := ftVolRe.FindStringSubmatch(s); m != nil {
			ref.Volume = m[1]
		}
		if m := ftPagesRe.FindStringSubmatch(s); m != nil {
			ref.Pages = ftCleanPages(m[1])
		}
	}
	// a leading year is not a volume: "Nano Lett. 2010, 10, 1012"
	if y, n := ftLeadingYear(strings.TrimLeft(s, " ,.;:")); n > 0 && y == ref.Year {
		s = strings.TrimLeft(s, " ,.;:")[n:]
	}
	// the first of three matches of ftVolIssRe, else of ftVolPageRe, that
	// is not a year
	if ref.Volume == "" && strings.IndexByte(s, '(') >= 0 {
		m, ok := ftVolMatch{}, false
		for k := 0; k < 3; k++ {
			if m, ok = ftNextVolIss(s, m.end); !ok {
				break
			}
			// "(1968)" after a number is a year, not an issue
			if ftIsYear(m.vol) || ftIsYear(strings.TrimSpace(m.iss)) {
				continue
			}
			ref.Volume = m.vol
			if ref.Pages == "" && m.pages != "" {
				ref.Pages = ftCleanPages(m.pages)
			}
			break
		}
	}
	if ref.Volume == "" && strings.ContainsAny(s, ",:") {
		m, ok := ftVolMatch{}, false
		for k := 0; k < 3; k++ {
			if m, ok = ftNextVolPage(s, m.end); !ok {
				break
			}
			if ftIsYear(m.vol) && ref.Year == ftAtoi(m.vol) {
				continue
			}
			ref.Volume = m.vol
			if ref.Pages == "" {
				ref.Pages = ftCleanPages(m.pages)
			}
			break
		}
	}
	if ref.Pages == "" {
		if m := ftRangeRe.FindStringSubmatch(s); m != nil {
			ref.Pages = ftCleanPages(m[1])
		}
	}
	if ref.Volume == "" {
		// "Nature 12, 34–56": the first number after the venue
		t := strings.TrimLeft(s, " ,.;:")
		j := 0
		for j < len(t) && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		if j > 0 && j <= 5 && !ftIsYear(t[:j]) && (j == len(t) || strings.ContainsRune(" ,:;(", rune(t[j]))) {
			ref.Volume = t[:j]
		}
	}
}

// ftLabelledNumber is a byte test before ftVolRe and ftPagesRe: whether a
// digit follows, after spaces and full stops, a letter that ends one of
// their labels (vol, v, bd, band, tome, t, jg, jahrgang, volume, p, pp,
// page, pages, s, seiten), or a letter not ASCII that may fold to one.
func ftLabelledNumber(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i - 1
		for j > 0 && (s[j] == ' ' || s[j] == '.') {
			j--
		}
		if c := s[j] | 0x20; strings.IndexByte("lvdetgpsn", c) >= 0 || s[j] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// ftPlacePub reports whether s opens with "Place: Publisher"; a byte test
// first: a capital, then no digit before a colon.
func ftPlacePub(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 2 || !(s[0] >= 'A' && s[0] <= 'Z' || s[0] >= utf8.RuneSelf) || strings.ContainsAny(s[:i], "0123456789") {
		return false
	}
	return ftPlacePubRe.MatchString(s)
}

// ftVolPagesNext reports whether s is a journal name followed at once by
// volume and page ("J Am Ceram Soc 75(8):2139"); a byte test first: the
// first digit follows a space and a colon comes soon after it.
func ftVolPagesNext(s string) bool {
	i := strings.IndexAny(s, "0123456789")
	if i < 2 || s[i-1] != ' ' || strings.IndexByte(s[i:min(len(s), i+80)], ':') < 0 {
		return false
	}
	return ftVolPagesNextMatch(s)
}

// ftVolPagesNextMatch reports whether s is a journal name followed at once
// by volume (issue) and page, as Springer writes references without a
// title ("J Am Ceram Soc 75(8):2139"): a capital, 1 to 80 letters or
// "&.' -", a space, then volume and page, as
// ^\p{Lu}[\p{L}&.' -]{1,80}?\s\d{1,5}(?:[-–]\d{1,5})?(?:\s?\([^()]{1,12}\))?\s?:\s?\p{Lu}?\d
// matches; by hand, since the expression cost a tenth of the parse time of
// a list of such references (TestVolPagesNextMatch compares the two).
func ftVolPagesNextMatch(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	for k, p := 0, n; k < 80 && p < len(s); k++ {
		r, n := utf8.DecodeRuneInString(s[p:])
		if !(unicode.IsLetter(r) || r == '&' || r == '.' || r == '\'' || r == ' ' || r == '-') {
			return false
		}
		p += n
		if p < len(s) && model.IsSpaceByte(s[p]) && ftVolPagesTail(s[p+1:]) {
			return true
		}
	}
	return false
}

// ftVolPagesTail matches the start of s as
// \d{1,5}(?:[-–]\d{1,5})?(?:\s?\([^()]{1,12}\))?\s?:\s?\p{Lu}?\d does.
func ftVolPagesTail(s string) bool {
	digits := func(p int) int { return model.DigitsEnd(s, p, 5) }
	p := digits(0)
	if p < 0 {
		return false
	}
	if strings.HasPrefix(s[p:], "-") || strings.HasPrefix(s[p:], "–") {
		_, n := utf8.DecodeRuneInString(s[p:])
		if p = digits(p + n); p < 0 {
			return false
		}
	}
	// an issue in brackets, up to 12 characters
	q := p
	if q < len(s) && model.IsSpaceByte(s[q]) {
		q++
	}
	if q < len(s) && s[q] == '(' {
		k, n := q+1, 0
		for k < len(s) && s[k] != '(' && s[k] != ')' && n < 13 {
			_, w := utf8.DecodeRuneInString(s[k:])
			k += w
			n++
		}
		if n < 1 || n > 12 || k >= len(s) || s[k] != ')' {
			return false
		}
		p = k + 1
	}
	if p < len(s) && model.IsSpaceByte(s[p]) {
		p++
	}
	if p >= len(s) || s[p] != ':' {
		return false
	}
	p++
	if p < len(s) && model.IsSpaceByte(s[p]) {
		p++
	}
	if r, n := utf8.DecodeRuneInString(s[p:]); unicode.IsUpper(r) {
		p += n
	}
	return p < len(s) && s[p] >= '0' && s[p] <= '9'
}

// ftIsYear reports whether s is a year from 1500 to 2099.
func ftIsYear(s string) bool {
	return len(s) == 4 && (s[0] == '1' && s[1] >= '5' && s[1] <= '9' || s[0] == '2' && s[1] == '0') &&
		s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9'
}

// ftCleanPages writes a page range with a plain hyphen and no spaces.
func ftCleanPages(p string) string {
	p = strings.Map(func(r rune) rune {
		switch r {
		case '–', '—', '‑':
			return '-'
		case ' ':
			return -1
		}
		return r
	}, p)
	for strings.Contains(p, "--") {
		p = strings.ReplaceAll(p, "--", "-")
	}
	return p
}
