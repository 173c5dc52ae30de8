package landing

import (
	"bytes"
	"github.com/citegraph/citegraph/parse/freetext"
	"github.com/citegraph/citegraph/parse/model"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// The landing reader takes text scraped from article landing pages (publisher
// sites, indexes, repositories): labelled fields in any order and form, a
// title and authors found by their position, a citation line, dates, DOIs,
// an abstract, keywords, a reference list under its heading, counts of
// references and citations, and site boilerplate that is ignored. A page
// holding several works (several abstracts) gives one record per work.

// lpTabular reports whether the first lines of head are rows of a table
// (CSV, TSV): each holds the same number, two or more, of one separator.
func lpTabular(head []byte) bool {
	lines := bytes.SplitN(head, []byte{'\n'}, 7)
	if len(lines) == 7 {
		lines = lines[:6] // the last piece is the rest of the head
	}
	var rows [][]byte
	for _, line := range lines {
		if len(bytes.TrimSpace(line)) > 0 {
			rows = append(rows, line)
		}
	}
	if len(rows) < 3 {
		return false
	}
	for _, sep := range []byte{'\t', ',', ';'} {
		n := bytes.Count(rows[0], []byte{sep})
		same := n >= 2
		for _, r := range rows[1:] {
			same = same && bytes.Count(r, []byte{sep}) == n
		}
		if same {
			return true
		}
	}
	return false
}

// lpKind is what one line of a page is, seen on its own.
type lpKind uint8

const (
	lpBlank  lpKind = iota
	lpText          // short free text: a title, authors or venue candidate
	lpProse         // a sentence or paragraph
	lpHead          // a section heading, perhaps with text after it
	lpLabel         // a field label alone, its value on the next line
	lpMeta          // labelled or recognised fields (dates, citation, DOI…)
	lpNumber        // a lone integer, a metric's value
	lpBoiler        // navigation, notices, footers
)

// lpSec is the kind of section a heading opens.
type lpSec uint8

const (
	lpSecNone        lpSec = iota // no heading: an unheaded paragraph
	lpSecAbstract                 // "Abstract"
	lpSecAbstractAlt              // "Summary" and abstracts in other languages
	lpSecKeywords                 // "Keywords"
	lpSecKeywordsAlt              // keywords in other languages
	lpSecRefs                     // the reference list
	lpSecCitedBy                  // works citing this one
	lpSecWorks                    // lists of other works: related, similar…
	lpSecSkip                     // funding, permissions, author notes, full text…
)

// lpField is one value found on a line. rank orders sources of the same
// field: 0 labelled, 1 recognised by its form, 2 found loose in the text.
type lpField struct {
	key, val string
	rank     int
}

// lpLine is one line of a page with what it is on its own; a line with a
// heading glued to its text ("…coercion'.Keywords") is split in two lines
// of the same number.
type lpLine struct {
	n        int    // input line number
	text     string // cleaned, without bullet or list number
	num      bool   // the line started with a list number ("1.", "[1]")
	numVal   int    // that number, or a number that may be one ("2001. …")
	kind     lpKind
	sec      lpSec  // lpHead
	count    int    // lpHead: the count it states, -1 if none
	inline   string // lpHead: text after the heading on the same line
	label    string // lpLabel: the field key
	fields   []lpField
	labelled bool // lpMeta: the fields come from a label
	footer   bool // lpBoiler: contact, address or copyright line
}

// Line is one line of a page's text: its number in the input and its text
// without the line end.
type Line struct {
	N    int
	Text string
}

// Read reads a page given as its lines: it classifies them, walks them
// following the sections, and sends one record per work to s.
func Read(in []Line, s *model.Sink) {
	lines := lpLines(lpRewrite(in))
	lpTabMenus(lines)
	d := &lpDoc{lines: lines, used: make([]bool, len(lines))}
	d.walk()
	d.emit(s)
}

// lpLines classifies the lines of a page, a run of blank lines as one.
func lpLines(in []Line) []lpLine {
	pre := lpPreClassify(in)
	// the lines are written over the pre-classified ones when no line was
	// split in two (the kth line goes to an index at most k): no second
	// array of a page's size to fault in
	lines := pre.first[:0]
	if pre.split {
		lines = make([]lpLine, 0, len(in))
	}
	next := 0 // in a reference list, the number its next entry has
	for k, l := range in {
		if n := len(lines); n > 0 && lines[n-1].kind == lpBlank && strings.TrimSpace(l.Text) == "" {
			continue // a run of blank lines counts as one
		}
		switch first := pre.first[k]; {
		case pre.guessed[k] && (next <= 0 || first.numVal != next):
			lines = lpAppendLine(lines, l.N, l.Text, next) // not the list's next entry after all
		case pre.second[k] != nil:
			lines = append(lines, first, *pre.second[k])
		default:
			lines = append(lines, first)
		}
		if n := len(lines); n > 1 && lines[n-1].kind == lpBoiler && lines[n-2].kind == lpHead &&
			(lines[n-2].sec == lpSecKeywords || lines[n-2].sec == lpSecKeywordsAlt) && lines[n-2].inline == "" {
			// the words under a keywords heading are keywords, whatever
			// they are ("copyright / library / …")
			lines[n-1].kind, lines[n-1].footer = lpText, false
		}
		switch last := &lines[len(lines)-1]; {
		case last.kind == lpHead:
			next = 0
			if last.sec == lpSecRefs {
				next = 1
			}
		case next > 0 && last.numVal == next:
			next++
		}
	}
	return lines
}

var (
	lpGluedTailRe = regexp.MustCompile(`^(.{20,}?[\p{Ll}\d.!?)\]’”'"])(Keywords|Key words|References|Highlights)\s*:?$`)
	lpGluedHeadRe = regexp.MustCompile(`^(Abstract|Summary|Keywords|References)(\p{Lu}\p{Ll}.*)$`)
)

// lpAppendLine cleans one input line, splits a heading glued to its text
// ("…coercion'.Keywords", "AbstractIn many…") and classifies the parts.
//
// next, when not 0, is the number the next entry of the reference list
// being read has: a line numbered so is read as an entry (see lpClassify).
func lpAppendLine(lines []lpLine, n int, raw string, next int) []lpLine {
	t := lpClean(raw)
	if lpGluedTail(t) {
		if m := lpGluedTailRe.FindStringSubmatch(t); m != nil {
			return append(lines, lpClassify(n, m[1]), lpClassify(n, m[2]))
		}
	}
	if len(t) > 8 && (t[0] == 'A' || t[0] == 'S' || t[0] == 'K' || t[0] == 'R') {
		if m := lpGluedHeadRe.FindStringSubmatch(t); m != nil {
			return append(lines, lpClassify(n, m[1]), lpClassify(n, m[2]))
		}
	}
	return append(lines, lpClassifyNext(n, t, next))
}

// lpPre holds a page's lines classified before the lines above them are
// known (lpPreClassify): a numbered line long enough to be an entry of a
// reference list was read as the list's next entry (guessed), which the
// caller keeps only if the list's numbering reaches it. A line that glued
// two parts has a second (split says whether any has).
type lpPre struct {
	first   []lpLine
	second  []*lpLine
	guessed []bool
	split   bool
}

// lpEntryLong reports whether a numbered line is long enough to be an entry
// of a reference list, and not a table row.
func lpEntryLong(t string) bool { return len(t) > 40 && !strings.Contains(t, "|") }

// lpPreClassify classifies every line of in, on all processors when there
// are many: a line's class depends on the lines above only through the
// number the reference list being read expects next (lpClassifyNext).
func lpPreClassify(in []Line) lpPre {
	pre := lpPre{first: make([]lpLine, len(in)), second: make([]*lpLine, len(in)), guessed: make([]bool, len(in))}
	var split atomic.Bool
	classify := func(k int) {
		var buf [2]lpLine
		lines := lpAppendLine(buf[:0], in[k].N, in[k].Text, -1)
		pre.first[k] = lines[0]
		if len(lines) > 1 {
			second := lines[1]
			pre.second[k] = &second
			split.Store(true)
			return
		}
		l := &pre.first[k]
		pre.guessed[k] = l.numVal > 0 && lpEntryLong(l.text) // read by lpClassifyNext's quick path
	}
	model.Each(len(in), 512, 2048, classify)
	pre.split = split.Load()
	return pre
}

// lpLenticularRe finds a label in lenticular brackets ("【摘要】").
var lpLenticularRe = regexp.MustCompile(`【([^】]{1,12})】`)

// lpGluedTail is a quick test for lpGluedTailRe: whether t ends with one of
// its headings.
func lpGluedTail(t string) bool {
	t = strings.TrimRight(t, " :")
	for _, h := range []string{"Keywords", "Key words", "References", "Highlights"} {
		if strings.HasSuffix(t, h) {
			return true
		}
	}
	return false
}

// lpClean maps no-break and other special spaces to spaces, drops zero-width
// characters and soft hyphens, and trims the line.
func lpClean(s string) string {
	if strings.Contains(s, "【") {
		// "【关键词】a;b": a label in lenticular brackets
		s = lpLenticularRe.ReplaceAllString(s, "\n$1: ")
		if i := strings.LastIndexByte(s, '\n'); i >= 0 {
			s = s[i+1:]
		}
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		s = strings.Map(func(r rune) rune {
			switch r {
			case '\u00a0', '\u2007', '\u202f', '\u2009', '\u200a', '\u2002', '\u2003', '\u3000':
				return ' '
			case '\u200b', '\u200c', '\u200d', '\ufeff', '\u2060', '\u00ad':
				return -1
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}

// lpClassify decides what a cleaned line is on its own.
func lpClassify(n int, t string) lpLine { return lpClassifyNext(n, t, 0) }

// lpClassifyNext is lpClassify for a line that may be the entry numbered
// next of a reference list. Such a line, if long enough to be a reference,
// is text (or prose) unless it is a heading: the tests for labels, notices
// and source lines, which cost most of the reading time of a long list,
// are left out, and a numbered entry cannot be any of them. A next below 0
// takes any numbered line for the next entry (lpPreClassify's guess).
func lpClassifyNext(n int, t string, next int) lpLine {
	l := lpLine{n: n, count: -1}
	if e := lpBulletEnd(t); e >= 0 {
		t = strings.TrimSpace(t[e:])
	}
	if num, n := lpListNumber(t); n > 0 && n < len(t) {
		// a number of four digits may be a year: it is a list number only
		// where the list's numbering reaches it (see takeRef)
		l.numVal, _ = strconv.Atoi(num)
		if len(num) < 4 || model.ParseYear(num) == 0 {
			t = strings.TrimSpace(t[n:])
			l.num = true
		}
	}
	l.text = t
	if t == "" {
		return l
	}
	if (next > 0 && l.numVal == next || next < 0 && l.numVal > 0) && lpEntryLong(t) {
		if sec, count, inline, ok := lpHeadingOf(t); ok {
			l.kind, l.sec, l.count, l.inline = lpHead, sec, count, inline
		} else if lpIsProse(t) {
			l.kind = lpProse
		} else {
			l.kind = lpText
		}
		return l
	}
	if strings.Contains(t, "|") {
		lpClassifyCells(&l, strings.Split(t, "|"), true)
		return l
	}
	if parts := lpDateList(t); parts != nil {
		lpClassifyCells(&l, parts, false)
		return l
	}
	if strings.Contains(t, " · ") {
		lpClassifyCells(&l, strings.Split(t, " · "), false)
		return l
	}
	lpClassifyText(&l)
	return l
}

var lpDateWordRe = regexp.MustCompile(`(?i)\b(?:received|accepted|revised|published(?: online)?|first published|available online|issue date)\b`)

// lpDateList splits "Received 01 Jan 2008, Accepted 01 Feb 2009, Published
// online: 06 Jul 2009" into its dates, or returns nil.
func lpDateList(t string) []string {
	if len(t) > 300 || !strings.ContainsAny(t, ",;") {
		return nil
	}
	lt := strings.ToLower(t[:min(len(t), 16)])
	if !strings.HasPrefix(lt, "received") && !strings.HasPrefix(lt, "accepted") && !strings.HasPrefix(lt, "revised") &&
		!strings.HasPrefix(lt, "published") && !strings.HasPrefix(lt, "first published") &&
		!strings.HasPrefix(lt, "available online") && !strings.HasPrefix(lt, "issue date") {
		return nil
	}
	locs := lpDateWordRe.FindAllStringIndex(t, -1)
	if len(locs) < 2 || locs[0][0] != 0 {
		return nil
	}
	var parts []string
	for k, loc := range locs {
		end := len(t)
		if k+1 < len(locs) {
			end = locs[k+1][0]
		}
		parts = append(parts, strings.Trim(t[loc[0]:end], " ,;"))
	}
	return parts
}

// lpClassifyCells reads a line of table cells: "| Label: | value |", or
// several fields joined by bars ("Pages 383-393 | Published online: …") or
// other separators. table says the cells are a table's (split on bars);
// other splits stand only where some cell holds a field.
func lpClassifyCells(l *lpLine, split []string, table bool) {
	var cells []string
	for _, c := range split {
		c = strings.TrimSpace(c)
		if strings.Trim(c, "-: ") != "" {
			cells = append(cells, c)
		}
	}
	switch {
	case len(cells) == 0:
		l.kind = lpBoiler
		return
	case len(cells) == 1:
		l.text = cells[0]
		lpClassifyText(l)
		return
	}
	if sec, ok := lpSections[lpNormLabel(cells[0])]; ok && (sec == lpSecKeywords || sec == lpSecKeywordsAlt) {
		// "Keywords | a | b | c"
		l.text, l.kind, l.sec, l.inline = cells[0], lpHead, sec, strings.Join(cells[1:], "; ")
		return
	}
	if len(cells) == 2 {
		lab := lpNormLabel(cells[0])
		if sec, ok := lpSections[lab]; ok && (sec == lpSecKeywords || sec == lpSecKeywordsAlt || sec == lpSecAbstract || sec == lpSecAbstractAlt) {
			l.text, l.kind, l.sec, l.inline = cells[0], lpHead, sec, cells[1]
			return
		}
		if key, ok := lpLabels[lab]; ok {
			l.kind, l.labelled = lpMeta, true
			l.fields = lpFieldsFor(key, cells[1], 0)
			return
		}
	}
	var fields []lpField
	labelled := false
	for _, c := range cells {
		parts := lpDateList(c)
		if parts == nil {
			parts = []string{c}
		}
		for _, p := range parts {
			sub := lpLine{text: p, count: -1}
			lpClassifyText(&sub)
			if sub.kind == lpMeta {
				fields = append(fields, sub.fields...)
				labelled = labelled || sub.labelled
			}
		}
	}
	if len(fields) > 0 {
		l.kind, l.fields, l.labelled = lpMeta, fields, labelled
		return
	}
	if !table {
		lpClassifyText(l)
		return
	}
	short := true
	for _, c := range cells {
		short = short && model.CountWords(c) <= 4
	}
	if len(cells) >= 3 && short {
		l.kind = lpBoiler // a navigation bar
		return
	}
	if au, ok := lpAuthors(l.text); ok && len(au) >= 2 {
		lpClassifyText(l) // "Jane Roe, MD | John Poe, PhD": a byline
		return
	}
	l.text = cells[0] // "Title | Journal | Site"
	lpClassifyText(l)
}

var (
	lpAbsInline  = regexp.MustCompile(`^(?i)(abstract|summary)\s*[.—–]\s*(.+)$`)
	lpHasRefsRe  = regexp.MustCompile(`(?i)\bhas (\d[\d,]*) (?:references?|cited references)\b`)
	lpNRefsRe    = regexp.MustCompile(`(?i)^(\d[\d,]*)\s+(?:references?|cited references)\b`)
	lpCountRe    = regexp.MustCompile(`^(.*?)\s*[(\[]\s*(\d[\d,]*)\s*[)\]]$`)
	lpNCitesRe   = regexp.MustCompile(`(?i)^(\d[\d,]*)\s+(?:(?:crossref|scopus|web of science|google scholar|dimensions|europe pmc)\s+)?(?:citations?|times cited)(?:\s+to date)?$`)
	lpIntRe      = regexp.MustCompile(`^\d[\d,]*$`)
	lpCitedByNRe = regexp.MustCompile(`(?i)^(?:cited by|citations|times cited|citing articles)\s*:?\s*(\d[\d,]*)\s+(?:articles?|documents?|works?|publications?|papers?|times)$`)
)

// lpColonOnly are labels that are common words: they are labels only with
// a colon ("Series: …"), not alone on a line ("Series" above a title).
var lpColonOnly = map[string]bool{"revista": true, "revue": true, "rivista": true, "series": true, "in": true, "by": true, "source": true, "publication": true,
	"print": true, "online": true, "note": true, "link": true, "status": true, "type": true, "conference": true,
	"language": true, "subjects": true, "subject": true, "created": true, "modified": true, "handle": true}

// lpGluedWordRe finds a word glued to the end of a DOI ("…61409-9Get").
var lpGluedWordRe = regexp.MustCompile(`[A-Z][a-z]{2,}$`)

// lpTrimGlued cuts a capitalised word glued to the end of a DOI.
func lpTrimGlued(d string) string {
	if loc := lpGluedWordRe.FindStringIndex(d); loc != nil && loc[0] > 0 && d[loc[0]-1] >= '0' && d[loc[0]-1] <= '9' {
		return d[:loc[0]]
	}
	return d
}

// lpClassifyText classifies a line without table cells.
func lpClassifyText(l *lpLine) {
	t := l.text
	if sec, count, inline, ok := lpHeadingOf(t); ok {
		l.kind, l.sec, l.count, l.inline = lpHead, sec, count, inline
		return
	}
	if key, ok := lpLabels[lpNormLabel(t)]; ok && utf8.RuneCountInString(t) <= 48 && !lpColonOnly[lpNormLabel(t)] {
		l.kind, l.label = lpLabel, key
		return
	}
	if lt := strings.ToLower(t[:min(len(t), 24)]); strings.HasPrefix(lt, "https://doi.org/10.") || strings.HasPrefix(lt, "http://dx.doi.org/") ||
		strings.HasPrefix(lt, "https://dx.doi.org/") || strings.HasPrefix(lt, "doi:") || strings.HasPrefix(lt, "doi ") {
		f := strings.Fields(t)
		tok := f[0]
		if len(f) > 1 && strings.HasSuffix(strings.ToLower(tok), "doi:") {
			tok += f[1]
		}
		if d := model.FindDOI(lpTrimGlued(tok)); d != "" {
			l.kind, l.fields = lpMeta, []lpField{{key: "doi", val: d, rank: 1}}
			return
		}
	}
	if m := lpSplitColon(t); m != nil {
		if key, ok := lpLabels[lpNormLabel(m[1])]; ok {
			if m[2] == "" {
				l.kind, l.label = lpLabel, key
				return
			}
			l.kind, l.labelled = lpMeta, true
			l.fields = lpFieldsFor(key, m[2], 0)
			return
		}
	}
	if f := lpBareLabel(t); f != nil {
		l.kind, l.labelled, l.fields = lpMeta, true, f
		return
	}
	if val, ok := lpAuthorPhrase(t); ok {
		l.kind, l.labelled = lpMeta, true
		l.fields = lpFieldsFor("authors", val, 0)
		return
	}
	if key, val, ok := lpGluedLabel(t); ok {
		l.kind, l.labelled = lpMeta, true
		l.fields = lpFieldsFor(key, val, 0)
		return
	}
	if boiler, footer := lpBoilerLine(t); boiler {
		l.kind, l.footer = lpBoiler, footer
		return
	}
	if f := lpRecognise(t); f != nil {
		l.kind, l.fields = lpMeta, f
		return
	}
	if lpIntRe.MatchString(t) {
		l.kind = lpNumber
		return
	}
	if lpIsProse(t) {
		l.kind = lpProse
		return
	}
	l.kind = lpText
}

// lpHeadingOf recognises a section heading, with the count it may state
// ("References (35)", "This publication has 35 references…", "Cited by 12",
// "8 CrossRef citations to date") and text following it on the line.
func lpHeadingOf(t string) (sec lpSec, count int, inline string, ok bool) {
	count = -1
	lt := strings.ToLower(t[:min(len(t), 12)])
	absLike := strings.HasPrefix(lt, "abstract") || strings.HasPrefix(lt, "summary")
	if utf8.RuneCountInString(t) > 120 {
		// a long line: an abstract or a heading with its text after a
		// colon (the label's colon comes early: see lpSplitColon)
		if absLike {
			if m := lpAbsInline.FindStringSubmatch(t); m != nil {
				return lpSections[strings.ToLower(m[1])], -1, m[2], true
			}
		}
		if m := lpSplitColon(t); m != nil {
			if sec, ok := lpSections[lpNormLabel(m[1])]; ok && (sec == lpSecAbstract || sec == lpSecAbstractAlt || sec == lpSecKeywords || sec == lpSecKeywordsAlt || sec == lpSecRefs) {
				return sec, -1, m[2], true
			}
		}
		return 0, -1, "", false
	}
	if strings.Contains(t, "eferenc") {
		if m := lpHasRefsRe.FindStringSubmatch(t); m != nil {
			return lpSecRefs, lpAtoi(m[1]), "", true
		}
	}
	if m := lpCitedByNRe.FindStringSubmatch(t); m != nil {
		return lpSecCitedBy, lpAtoi(m[1]), "", true
	}
	if t[0] >= '0' && t[0] <= '9' {
		if m := lpNRefsRe.FindStringSubmatch(t); m != nil && utf8.RuneCountInString(t) <= 40 {
			return lpSecRefs, lpAtoi(m[1]), "", true
		}
		if m := lpNCitesRe.FindStringSubmatch(t); m != nil {
			return lpSecCitedBy, lpAtoi(m[1]), "", true
		}
	}
	name, rest := t, ""
	if m := lpSplitColon(t); m != nil {
		name, rest = m[1], m[2]
	} else if m := lpAbsInline.FindStringSubmatch(t); absLike && m != nil {
		name, rest = m[1], m[2]
	}
	if last := name[len(name)-1]; (last == ')' || last == ']') && lpCountRe.MatchString(name) {
		m := lpCountRe.FindStringSubmatch(name)
		if sec, ok := lpSections[lpNormLabel(m[1])]; ok && rest == "" {
			return sec, lpAtoi(m[2]), "", true
		}
	}
	if last := name[len(name)-1]; last >= '0' && last <= '9' && rest == "" {
		head, num, ok := lpTrailNumber(name)
		if !ok {
			return 0, -1, "", false
		}
		if sec, ok := lpSections[lpNormLabel(head)]; ok && (sec == lpSecCitedBy || sec == lpSecRefs) {
			return sec, lpAtoi(num), "", true
		}
	}
	sec, ok = lpSections[lpNormLabel(name)]
	if !ok && rest == "" && lpRefsPrefixRe.MatchString(t) {
		sec, ok = lpSecRefs, true // "References listed on IDEAS", "References and further reading"
	}
	if !ok || (rest != "" && (sec == lpSecSkip || sec == lpSecWorks)) {
		return 0, -1, "", false
	}
	if (sec == lpSecCitedBy || sec == lpSecRefs) && lpIntRe.MatchString(rest) {
		return sec, lpAtoi(rest), "", true
	}
	if m := lpCountRe.FindStringSubmatch(rest); sec == lpSecCitedBy && m != nil {
		return sec, lpAtoi(m[2]), "", true // "Citations: View citations in EconPapers (3)"
	}
	return sec, -1, rest, true
}

// lpTrailNumber splits "References 35" into the text and the number that
// ends it after a space ("1,234" with its commas), or reports false.
func lpTrailNumber(t string) (head, num string, ok bool) {
	j := len(t)
	for j > 0 && (t[j-1] >= '0' && t[j-1] <= '9' || t[j-1] == ',') {
		j--
	}
	for j < len(t) && t[j] == ',' {
		j++ // the number starts with a digit
	}
	if j == len(t) || j == 0 {
		return "", "", false
	}
	head = strings.TrimRightFunc(t[:j], unicode.IsSpace)
	if len(head) == j {
		return "", "", false // no space before the number
	}
	return head, t[j:], true
}

// lpRefsPrefixRe matches a short heading that starts with "References":
// a few words, no digits or sentence punctuation.
var lpRefsPrefixRe = regexp.MustCompile(`^(?i:references|bibliography|literature cited|works cited)(?:\s+[\p{L}&]+){1,4}$`)

// lpGluedLabel splits a label glued to its value, as a table's cells
// come out of some pages ("Title of host publicationFamily Medicine",
// "StatePublished - Sep 19 2016"): where a lower-case letter or ")" runs
// into a capital or a digit, the text before is a known label that needs
// no colon. It returns the label's key and the value.
func lpGluedLabel(t string) (key, val string, ok bool) {
	if len(t) > 200 {
		return "", "", false
	}
	prev := rune(0)
	for k, r := range t {
		if k >= 4 && k <= 48 && (unicode.IsLower(prev) || prev == ')') && (unicode.IsUpper(r) || unicode.IsDigit(r)) {
			norm := lpNormLabel(t[:k])
			if key, ok := lpLabels[norm]; ok && !lpColonOnly[norm] {
				return key, strings.TrimSpace(t[k:]), true
			}
		}
		prev = r
	}
	return "", "", false
}

// lpSplitColon splits "Label: value" at a colon within the first 48
// characters, returning the whole match, the label and the value, or nil.
// The colon is looked for in the first 195 bytes only: 48 characters take
// at most 192, and a colon 3; a paragraph is not scanned to its end (nor
// with IndexAny, which tests every character of the text against the set).
func lpSplitColon(t string) []string {
	head := t[:min(len(t), 195)]
	i := strings.IndexByte(head, ':')
	if j := strings.Index(head, "："); j >= 0 && (i < 0 || j < i) {
		i = j // (the bytes of "：" cannot be inside another character)
	}
	if i <= 0 || utf8.RuneCountInString(t[:i]) > 48 {
		return nil
	}
	name := strings.TrimSpace(t[:i])
	if name == "" {
		return nil
	}
	_, w := utf8.DecodeRuneInString(t[i:])
	return []string{t, name, strings.TrimSpace(t[i+w:])}
}

// lpAtoi reads a count, allowing thousands commas; -1 if it is none.
func lpAtoi(s string) int {
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		return -1
	}
	return n
}

var (
	lpParenRe  = regexp.MustCompile(`\s*\([^()]*\)`)
	lpSecNumRe = regexp.MustCompile(`^(?:[ivxlc]{1,5}|\d{1,2}(?:\.\d{1,2})*)[.)]?\s+`)
)

// lpNormLabel returns a label in the form the label tables use: lower case,
// without parenthesised notes, trailing colon or extra space.
func lpNormLabel(s string) string {
	if len(s) > 64 {
		return "" // no label is that long
	}
	s = strings.ToLower(strings.TrimSpace(s))
	if loc := lpSecNumRe.FindStringIndex(s); loc != nil && loc[1] < len(s) {
		s = s[loc[1]:] // "x. references", "7 literatur"
	}
	if strings.Contains(s, "(") && s != "author(s)" && s != "editor(s)" {
		s = lpParenRe.ReplaceAllString(s, "")
	}
	return strings.Join(strings.Fields(strings.TrimRight(s, " \t:：.")), " ")
}

// lpSections maps normalised headings to the section they open.
var lpSections = func() map[string]lpSec {
	m := map[string]lpSec{}
	add := func(sec lpSec, names ...string) {
		for _, n := range names {
			m[n] = sec
		}
	}
	add(lpSecAbstract, "abstract")
	add(lpSecAbstractAlt, "summary", "zusammenfassung", "kurzfassung", "résumé", "resume", "resumen", "resumo",
		"riassunto", "sommario", "аннотация", "реферат", "摘要", "要旨", "samenvatting", "sammanfattning",
		"streszczenie", "özet", "abstrakt", "sammendrag", "tiivistelmä")
	add(lpSecKeywords, "keywords", "key words", "keyword", "key-words", "uncontrolled keywords", "author keywords",
		"index terms", "keywords and phrases")
	add(lpSecKeywordsAlt, "schlüsselwörter", "schlagwörter", "schlagworte", "stichwörter", "mots-clés", "mots clés",
		"mots-cles", "palabras clave", "palabras-clave", "parole chiave", "palavras-chave", "palavras chave",
		"trefwoorden", "nyckelord", "słowa kluczowe", "ключевые слова", "关键词", "关键字", "キーワード", "anahtar kelimeler")
	add(lpSecRefs, "references", "reference", "list of references", "reference list", "bibliography",
		"literature cited", "works cited", "cited literature", "cited references", "references and notes",
		"notes and references", "literature", "literatur", "literaturverzeichnis", "literaturangaben",
		"quellen", "quellenverzeichnis", "références", "références bibliographiques", "bibliographie", "referencias",
		"referencias bibliográficas", "bibliografía", "bibliografia", "riferimenti bibliografici", "referências",
		"referências bibliográficas", "литература", "список литературы", "参考文献", "literatuur", "referenser",
		"litteratur", "kaynaklar", "список літератури", "література", "використана література", "джерела",
		"список использованной литературы", "библиографический список", "библиография", "источники", "引用文献",
		"参考資料", "참고문헌", "인용문헌", "referências bibliográficas", "referencias bibliograficas", "bibliografie",
		"literatuurlijst", "lähteet", "kilde", "źródła", "references listed", "reference list and notes")
	add(lpSecCitedBy, "cited by", "citations", "citing articles", "citing literature", "cited in", "times cited",
		"crossref citations to date", "citations to date", "this article is cited by", "articles citing this article",
		"zitiert von", "cité par", "citado por", "citato da")
	add(lpSecWorks, "related articles", "related works", "related content", "related research", "recommended articles",
		"recommended", "similar articles", "similar content being viewed by others", "people also read",
		"you may also like", "more like this", "more from this journal", "other articles", "latest articles",
		"most read", "most cited", "trending", "related items", "related publications")
	add(lpSecSkip, "highlights", "research highlights", "graphical abstract", "video abstract", "lay summary",
		"plain language summary", "key points", "key messages", "what is already known", "acknowledgements",
		"acknowledgments", "acknowledgement", "acknowledgment", "danksagung", "remerciements", "agradecimientos",
		"funding", "funding information", "funding statement", "grants", "grant information", "financial support",
		"conflict of interest", "conflicts of interest", "competing interests", "declaration of competing interest",
		"ethics statement", "ethics declarations", "author information", "authors and affiliations", "affiliations",
		"author contributions", "contributions", "rights and permissions", "reprints and permissions",
		"reprints and corporate permissions", "reprints & permissions", "academic permissions", "permissions",
		"about this article", "metrics", "article metrics", "share", "share this article",
		"figures", "figures & data", "figures and tables", "tables", "supplementary material",
		"supplementary information", "supporting information", "data availability", "data availability statement",
		"footnotes", "notes", "appendix", "additional information", "copyright", "licence", "license",
		"more information", "about", "contact", "contact us", "further reading", "online resources",
		"abbreviations", "author notes", "article information", "publication history", "outline",
		"table of contents", "contents", "navigation", "introduction", "background", "methods",
		"materials and methods", "method", "methodology", "results", "discussion", "conclusion", "conclusions",
		"results and discussion", "literature review", "findings", "einleitung", "einführung", "methoden",
		"methodik", "ergebnisse", "diskussion", "fazit", "schlussfolgerung", "introducción", "métodos",
		"resultados", "discusión", "conclusiones", "impressum", "mesh terms", "substances", "grant support",
		"publication types", "related information", "linkout - more resources", "full text links", "comment in",
		"erratum in", "supplementary concepts", "associated data", "conflict of interest statement")
	return m
}()

// lpLabels maps normalised field labels to field keys. "ignore" marks
// labels whose value is no field of a Record (editors, depositors,
// modification dates…), so the value is not taken for anything else.
var lpLabels = func() map[string]string {
	m := map[string]string{}
	add := func(key string, names ...string) {
		for _, n := range names {
			m[n] = key
		}
	}
	add("title", "dc.title", "title", "article title", "document title", "titel", "titre", "título", "titolo", "название",
		"назва", "标题", "題名", "タイトル", "제목", "títol", "titulo")
	add("authors", "dc.contributor.author", "dc.creator", "author", "authors", "author(s)", "creators", "creator", "by", "written by", "autor", "autoren",
		"auteur", "auteurs", "autores", "autori", "автор", "авторы", "автори", "авторы статьи", "著者", "作者", "저자",
		"verfasst von", "hauptverfasser", "verfasser", "door", "auteur(s)", "autor(es)", "autors", "authors and affiliations")
	add("ignore", "editor", "editors", "editor(s)", "edited by", "depositing user", "deposited by", "maintainer",
		"maintained by", "handling editor", "academic editor", "reviewers", "corresponding author", "contributors",
		"publisher", "status", "refereed", "language", "handle", "subjects", "subject", "divisions", "funders",
		"page updated", "last modified", "last updated", "date deposited", "deposited", "deposited on", "received",
		"accepted", "revised", "submitted", "accessed", "retrieved", "downloaded", "date added", "created", "modified",
		"date accepted", "date received", "accepted manuscript online", "export date", "note", "please note", "related works", "export reference", "ordering information",
		"eingereicht", "angenommen", "reçu", "accepté", "recibido", "aceptado", "видавець", "издатель", "出版者",
		"出版社", "발행기관", "indexed in scopus", "indexed in web of science", "funder", "funders", "funding source",
		"джерело фінансування", "источник финансирования", "erhalten", "akzeptiert", "korrespondierender autor",
		"handling-editor", "handling editor", "peer review", "sprache", "format", "gespeichert in", "online zugang",
		"online-zugang", "tags", "received date", "accepted date", "request revised date", "поступила",
		"поступила в редакцию", "после доработки", "принята к публикации", "принята в печать", "受理日", "受付日",
		"通讯作者", "corresponding authors", "recebido", "aceito", "reçu le", "accepté le", "submitted on",
		"academic year", "hal id", "dc.date.accessioned", "dc.date.available", "dc.description.provenance", "dc.identifier.uri",
		"dc.language.iso", "dc.publisher", "dc.rights", "dc.type", "copyright", "license", "licence", "lizenz", "rights", "views", "downloads")
	add("venue", "journal", "source", "journal title", "published in", "publication", "publication title",
		"source title", "periodical", "zeitschrift", "revue", "revista", "rivista", "book title", "journal name",
		"series", "conference", "in", "видання", "журнал", "издание", "雑誌", "期刊", "刊名", "学术期刊", "학술지",
		"erschienen in", "schriftenreihe", "title of host publication", "host publication", "publicado en",
		"publié dans", "pubblicato in", "altres publicacions en", "tijdschrift", "назва журналу", "źródło")
	add("doi", "doi", "identification number", "digital object identifier", "doi link", "doi url", "doi号", "dc.identifier.doi")
	add("citation", "cite this article", "cite this", "suggested citation", "to cite this version", "zitat", "zitieren",
		"citation", "how to cite", "cite as", "recommended citation", "для цитирования", "як цитувати", "引用本文",
		"本文引用格式", "cómo citar", "como citar", "citar", "pour citer", "dc.identifier.citation", "bibliographic reference",
		"bibliographical reference", "référence bibliographique", "citation format", "citar este artículo", "cita")
	add("pubdate", "dc.date.issued", "dcterms.issued", "published", "date", "publication date", "date published", "issue date", "date of publication",
		"issue online", "published date", "publication year", "year", "pub date", "published print",
		"print publication date", "date of issue", "official date", "erschienen", "veröffentlicht",
		"erscheinungsdatum", "publié", "publié le", "date de publication", "publicado", "fecha de publicación",
		"data di pubblicazione", "data de publicação", "print", "published in print", "опубликовано",
		"дата публикации", "发表日期", "出版日期", "datum", "gepubliceerd", "any de publicació", "año de publicación",
		"ano de publicação", "année de publication", "发行日期", "発行日", "発行年", "出版年", "게재일", "發行日期",
		"rok wydania", "дата", "date of publication", "state", "published date", "publication year", "fecha publicacion")
	// dates of the online version, which can be years after the issue
	add("epubdate", "published online", "first published", "first published online", "available online",
		"version of record online", "epub", "online publication date", "online veröffentlicht", "online publiziert",
		"online", "publié en ligne", "publicado en línea")
	add("volume", "volume", "vol", "band", "jahrgang", "volum", "том", "巻", "卷", "권")
	add("issue", "issue", "number", "no", "heft", "numéro", "número", "numero", "номер", "выпуск", "випуск", "号", "期", "호")
	add("pages", "pages", "page", "page range", "pp", "seiten", "pàgines", "páginas", "pagine", "страницы", "сторінки",
		"стр", "页码", "ページ", "페이지")
	add("artno", "article number", "article no", "article id", "elocation", "e-location", "elocator")
	add("issn", "issn", "print issn", "online issn", "eissn", "e-issn", "pissn", "p-issn")
	add("isbn", "isbn", "print isbn", "online isbn", "eisbn")
	add("pmid", "pmid", "pubmed id")
	add("pmcid", "pmcid", "pmc id", "pmc")
	add("arxiv", "arxiv", "arxiv id", "cite as")
	add("url", "persistent link", "permalink", "url", "uri", "official url", "stable url", "link", "permanent link")
	add("type", "item type", "type", "article type", "document type", "publication type", "doc type", "tipus",
		"tipo", "тип", "research output", "文献类型", "論文種別")
	add("citedby", "times cited", "citation count", "cited by count", "number of citations", "被引用文献数",
		"被引量", "цитирований", "кількість цитувань", "scopus citations")
	add("refcount", "reference count", "number of references", "references count",
		"number of works in the list of references", "参考文献数", "参考文献", "кількість посилань", "число ссылок")
	return m
}()

var (
	lpBareRe  = regexp.MustCompile(`(?i)^(by|pages?|pp\.?|vol\.?|volume|issue|no\.|published online|published|first published|epub|cited by|times cited|doi|pmid|pmcid|issn|isbn|page updated|last updated|last modified|updated|received|accepted|revised|deposited)\s+(.+)$`)
	lpPagesRe = regexp.MustCompile(`^[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—‐]\s*[A-Za-z]?\d+[A-Za-z]?)?$`)
	lpShortRe = regexp.MustCompile(`^[\w.-]{1,12}$`)
)

// lpBareLabel reads a label without colon whose value has a telling form:
// "Pages 383-393", "Volume 25", "Published online 06 Jul 2009", "Cited by 12".
func lpBareLabel(t string) []lpField {
	m := lpBareRe.FindStringSubmatch(t)
	if m == nil {
		return nil
	}
	lab, val := lpNormLabel(m[1]), strings.TrimSpace(m[2])
	switch lab {
	case "by":
		if _, ok := lpAuthors(val); ok {
			return lpFieldsFor("authors", val, 0)
		}
	case "page", "pages", "pp":
		if lpPagesRe.MatchString(val) {
			return lpFieldsFor("pages", val, 0)
		}
	case "vol", "volume":
		if lpShortRe.MatchString(val) && strings.ContainsAny(val, "0123456789") {
			return lpFieldsFor("volume", val, 0)
		}
	case "issue", "no":
		if lpShortRe.MatchString(val) {
			return lpFieldsFor("issue", val, 0)
		}
	case "published":
		if lpDateOnly(val) {
			return lpFieldsFor("pubdate", val, 0)
		}
	case "published online", "first published", "epub":
		if lpDateOnly(val) {
			return lpFieldsFor("epubdate", val, 0)
		}
	case "page updated", "last updated", "last modified", "updated", "received", "accepted", "revised", "deposited":
		if model.ParseYear(val) != 0 {
			return []lpField{{key: "ignore", val: val}}
		}
	case "cited by", "times cited":
		if ws := strings.Fields(val); len(ws) > 0 && len(ws) <= 3 && lpIntRe.MatchString(ws[0]) {
			return lpFieldsFor("citedby", ws[0], 0)
		}
	case "doi":
		return lpFieldsFor("doi", val, 0)
	case "pmid", "pmcid", "issn", "isbn":
		return lpFieldsFor(lab, val, 0)
	}
	return nil
}

var (
	lpDashRe  = regexp.MustCompile(`\s*[–—‐‑−]\s*|\s+-\s+`)
	lpPMIDRe  = regexp.MustCompile(`^\d{1,9}$`)
	lpPMCRe   = regexp.MustCompile(`(?i)^(?:pmc)?(\d{3,9})$`)
	lpISSNRe  = regexp.MustCompile(`\b\d{4}-?\d{3}[\dXx]\b`)
	lpArxivRe = regexp.MustCompile(`(?i)^(?:arxiv:)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)$`)
	lpURLRe   = regexp.MustCompile(`^https?://\S+$`)
)

// lpFieldsFor turns a labelled value into fields, checking its form.
func lpFieldsFor(key, val string, rank int) []lpField {
	val = model.CleanSpace(strings.Trim(val, " |"))
	if val == "" {
		return []lpField{{key: "ignore", rank: rank}}
	}
	f := func(k, v string) []lpField { return []lpField{{key: k, val: v, rank: rank}} }
	switch key {
	case "doi":
		if d := model.NormalizeDOI(val); d != "" {
			return f("doi", d)
		}
		return f("ignore", val)
	case "pubdate", "epubdate":
		if model.ParseYear(val) == 0 {
			return f("ignore", val)
		}
	case "pages", "artno":
		return f(key, lpDashRe.ReplaceAllString(strings.TrimRight(val, "."), "-"))
	case "venue":
		c := lpRecogniseCitation(val)
		if c == nil {
			c = lpSource(val)
		}
		if c != nil && lpHasKey(c, "venue") {
			for i := range c {
				c[i].rank = rank
			}
			return c
		}
		if m := lpTrailDateRe.FindStringSubmatchIndex(val); m != nil && m[0] > 0 && lpDateOnly(val[m[2]:m[3]]) {
			return []lpField{{key: "venue", val: strings.TrimRight(val[:m[0]], ".,;"), rank: rank},
				{key: "pubdate", val: val[m[2]:m[3]], rank: rank}}
		}
		return f("venue", strings.TrimRight(val, ".,;"))
	case "citedby", "refcount":
		if ws := strings.Fields(val); len(ws) > 0 && lpAtoi(ws[0]) >= 0 {
			n := lpAtoi(ws[0])
			return f(key, strconv.Itoa(n))
		}
		return f("ignore", val)
	case "pmid":
		if !lpPMIDRe.MatchString(val) {
			return f("ignore", val)
		}
	case "pmcid":
		if m := lpPMCRe.FindStringSubmatch(val); m != nil {
			return f("pmcid", "PMC"+m[1])
		}
		return f("ignore", val)
	case "issn":
		if m := lpISSNRe.FindString(val); m != "" {
			if !strings.Contains(m, "-") {
				m = m[:4] + "-" + m[4:]
			}
			return f("issn", strings.ToUpper(m))
		}
		return f("ignore", val)
	case "arxiv":
		if m := lpArxivRe.FindStringSubmatch(val); m != nil {
			return f("arxiv", m[1])
		}
		return f("ignore", val)
	case "url":
		if !lpURLRe.MatchString(val) {
			return f("ignore", val)
		}
		if d := model.NormalizeDOI(val); d != "" && strings.Contains(strings.ToLower(val), "doi.org/") {
			return f("doi", d)
		}
	}
	return f(key, val)
}

// lpHasKey reports whether fs holds a field with key.
func lpHasKey(fs []lpField, key string) bool {
	for _, f := range fs {
		if f.key == key {
			return true
		}
	}
	return false
}

var (
	lpPubByRe     = regexp.MustCompile(`(?i)^published by\s+(.+?)\s+in\s+(.+)$`)
	lpPubInRe     = regexp.MustCompile(`(?i)^(?:published|appeared) in:?\s+(.+)$`)
	lpPubYearInRe = regexp.MustCompile(`(?i)^published:?\s+((?:1[5-9]|20)\d\d)\s+in\s+(.+)$`)
	lpPubDateRe   = regexp.MustCompile(`(?i)^(?:published|publié|veröffentlicht|publicado|pubblicato|опубликовано|опубліковано)\b.*?(\d{1,2}\.?\s+\p{L}{3,10}\.?,?\s+\d{4}|\p{L}{3,10}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})\.?$`)
	lpArticleInRe = regexp.MustCompile(`^(Article|Chapter|Conference Paper|Preprint|Book|Review) in\s+(\p{Lu}.+)$`)
	lpTrailDateRe = regexp.MustCompile(`[\s,·]+(\d{1,2}\.?\s+\p{L}{3,10}\.?\s+\d{4}|\p{L}{3,10}\.?\s+\d{4}|\d{4})$`)
	lpDOILineRe   = regexp.MustCompile(`(?i)^(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+$`)
)

// lpRecognise finds fields in an unlabelled line by its form: a citation
// line, "Published by X in Journal", a date alone, a DOI alone, a document
// type.
func lpRecognise(t string) []lpField {
	if utf8.RuneCountInString(t) > 200 {
		return nil
	}
	lt := strings.ToLower(t)
	if strings.Contains(t, "10.") && lpDOILineRe.MatchString(t) {
		if d := model.NormalizeDOI(t); d != "" {
			return []lpField{{key: "doi", val: d, rank: 1}}
		}
	}
	if strings.HasPrefix(lt, "published ") || strings.HasPrefix(lt, "appeared ") {
		if m := lpPubByRe.FindStringSubmatch(t); m != nil {
			return lpFieldsFor("venue", m[2], 1)
		}
		if m := lpPubYearInRe.FindStringSubmatch(t); m != nil {
			return append(lpFieldsFor("venue", m[2], 1), lpField{key: "pubdate", val: m[1], rank: 1})
		}
		if m := lpPubInRe.FindStringSubmatch(t); m != nil {
			return lpFieldsFor("venue", m[1], 1)
		}
		if m := lpPubDateRe.FindStringSubmatch(t); m != nil && lpDateOnly(m[1]) {
			key := "pubdate"
			if strings.Contains(lt, "online") {
				key = "epubdate"
			}
			return []lpField{{key: key, val: m[1], rank: 1}}
		}
	}
	if len(t) <= 40 && lpDateOnly(t) {
		return []lpField{{key: "pubdate", val: t, rank: 2}}
	}
	if len(t) == 6 && (t[0] == '(' && t[5] == ')' || t[0] == '[' && t[5] == ']') && model.ParseYear(t) != 0 {
		return []lpField{{key: "pubdate", val: t[1:5], rank: 2}} // "(2020)" alone on its line
	}
	if m := lpArticleInRe.FindStringSubmatch(t); m != nil {
		if f := lpFieldsFor("venue", m[2], 1); lpHasKey(f, "venue") {
			return append(f, lpField{key: "type", val: m[1], rank: 1})
		}
	}
	if lpDocTypes[lt] {
		return []lpField{{key: "type", val: t, rank: 1}}
	}
	if f := lpRecogniseCitation(t); f != nil {
		return f
	}
	if lpCrumbs(t) {
		return lpCrumbSource(t)
	}
	return lpSource(t)
}

// lpCrumbSource reads a breadcrumb trail that names the journal and then
// its volume and issue ("Journal List > J Things > v.59(11) > 1043126"),
// or returns nil.
func lpCrumbSource(t string) []lpField {
	for _, sep := range []string{" > ", " › ", " » ", " / ", " → "} {
		parts := strings.Split(t, sep)
		if len(parts) < 3 {
			continue
		}
		for k := 1; k < len(parts); k++ {
			m := lpCrumbVolRe.FindStringSubmatch(strings.TrimSpace(parts[k]))
			if m == nil {
				continue
			}
			venue := strings.TrimSpace(parts[k-1])
			if !lpVenueName(venue) {
				return nil
			}
			out := []lpField{{key: "venue", val: venue, rank: 1}, {key: "volume", val: m[1], rank: 1}}
			if iss := m[2] + m[3]; iss != "" {
				out = append(out, lpField{key: "issue", val: iss, rank: 1})
			}
			return out
		}
	}
	return nil
}

// lpCrumbVolRe matches a volume in a breadcrumb: "v.59(11)", "Vol. 12 No. 3",
// "Volume 12, Issue 3".
var lpCrumbVolRe = regexp.MustCompile(`^(?i:v\.|vol\.?|volume)\s*(\d{1,5})\s*(?:\((\d{1,5})\)|,?\s*(?i:no\.?|issue|n°|nº)\s*(\d{1,5}))?$`)

var lpDocTypes = map[string]bool{
	"article": true, "journal article": true, "research article": true, "original article": true,
	"original research": true, "original paper": true, "research paper": true, "review": true,
	"review article": true, "systematic review": true, "editorial": true, "letter": true, "commentary": true,
	"case report": true, "short communication": true, "brief report": true, "conference paper": true,
	"proceedings paper": true, "book chapter": true, "chapter": true, "full length article": true,
	"full-length article": true, "research letter": true, "perspective": true, "essay": true,
	"originalarbeit": true, "originalie": true, "übersichtsarbeit": true, "übersicht": true,
	"article de recherche": true, "artículo original": true, "articolo originale": true, "artigo original": true,
}

var (
	lpEconRe = regexp.MustCompile(`(?i)^(.+?),\s*((?:1[5-9]|20)\d\d)\s*,\s*(?:vol\.?|volume)\s*([^\s,]+)(?:\s*,\s*(?:issue|no\.?|number)\s*([^\s,]+))?(?:\s*,\s*(?:pages?|pp?\.?)\s*([^\s,]+))?`)
	// "J Invent Stud. 2019 Mar;12(3):45-67", "Journal 12(3):45-67"
	lpCompactRe = regexp.MustCompile(`^(\p{Lu}[^;:()\d]*?)[.,]?\s+(?:((?:1[5-9]|20)\d\d)(?:\s+\p{L}{3,9}\.?(?:\s+\d{1,2})?)?\s*[;,]\s*)?(\d{1,5})\s*\(([^)]{1,15})\)\s*[:,]\s*([A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)?)`)
	// "Scientometrics 126, 2345–2367 (2021)"
	lpSpringerRe = regexp.MustCompile(`^(\p{Lu}[^;:()\d]*?)\s+(\d{1,5}),\s*([A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?)\s*\(((?:1[5-9]|20)\d\d)\)\.?$`)
	lpVolRe      = regexp.MustCompile(`(?i)(?:^|[\s,;.])(?:vol(?:ume)?\.?|bd\.|band|jahrgang|tome)\s*(\d+[A-Za-z]?)`)
	lpIssueRe    = regexp.MustCompile(`(?i)\b(?:issue|iss\.|no\.|number|nr\.|heft)\s*([\w/–-]+)`)
	lpIssueParRe = regexp.MustCompile(`^\s*\(([^()]{1,12})\)`)
	lpPagesKwRe  = regexp.MustCompile(`(?i)(?:^|[\s,;])(?:pages?|pp?\.|seiten|s\.)\s*([A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)?)`)
	lpPagesEndRe = regexp.MustCompile(`[,:]\s*([A-Za-z]?\d+[A-Za-z]?\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)\s*(?:\(\d{4}\))?\.?$`)
	lpParYearRe  = regexp.MustCompile(`\(((?:1[5-9]|20)\d\d)\)`)
	lpVolWordRe  = regexp.MustCompile(`(?i)\b(?:vol(?:ume)?|no|band|bd|jahrgang|tome)\.?$`)
)

// lpRecogniseCitation reads a citation line of the work itself: "Journal,
// 2025, vol. 381, issue C", "Vol. 25 (5) , 408-428", "Journal 12(3):45-67",
// "Journal volume 126, pages 2345–2367 (2021)".
func lpRecogniseCitation(t string) []lpField {
	if utf8.RuneCountInString(t) > 200 {
		return nil
	}
	var out []lpField
	add := func(k, v string) {
		if v = strings.TrimSpace(v); v != "" {
			if k == "pages" {
				v = lpDashRe.ReplaceAllString(v, "-")
			}
			out = append(out, lpField{key: k, val: v, rank: 1})
		}
	}
	lt := strings.ToLower(t)
	vol := strings.Contains(lt, "vol") || strings.Contains(lt, "band") || strings.Contains(lt, "bd.") ||
		strings.Contains(lt, "tome") || strings.Contains(lt, "jahrgang")
	paren := strings.Contains(t, "(")
	if !vol && !paren {
		return nil
	}
	if !vol {
		// the economics form needs a volume word: not worth its regexp
	} else if m := lpEconRe.FindStringSubmatch(t); m != nil && lpVenueName(m[1]) {
		add("venue", m[1])
		add("pubdate", m[2])
		add("volume", m[3])
		add("issue", m[4])
		add("pages", m[5])
		return out
	}
	if m := lpCompactRe.FindStringSubmatch(t); paren && m != nil && lpVenueName(m[1]) && !lpVolWordRe.MatchString(m[1]) {
		add("venue", m[1])
		if m[2] == "" {
			if y := lpParYearRe.FindStringSubmatch(t); y != nil {
				m[2] = y[1]
			}
		}
		add("pubdate", m[2])
		add("volume", m[3])
		add("issue", m[4])
		add("pages", m[5])
		return out
	}
	if m := lpSpringerRe.FindStringSubmatch(t); paren && m != nil && lpVenueName(m[1]) {
		add("venue", m[1])
		add("volume", m[2])
		add("pages", m[3])
		add("pubdate", m[4])
		return out
	}
	if !vol {
		return nil
	}
	loc := lpVolRe.FindStringSubmatchIndex(t)
	if loc == nil || lpIsProse(t) {
		return nil
	}
	prefix := strings.Trim(t[:loc[0]], " ,;.–-")
	if prefix != "" {
		if !lpVenueName(prefix) {
			return nil
		}
		add("venue", prefix)
	}
	add("volume", t[loc[2]:loc[3]])
	rest := t[loc[1]:]
	if m := lpIssueParRe.FindStringSubmatch(rest); m != nil && model.ParseYear(m[1]) == 0 {
		add("issue", m[1])
	} else if m := lpIssueRe.FindStringSubmatch(rest); m != nil {
		add("issue", strings.TrimRight(m[1], ".,"))
	}
	if m := lpPagesKwRe.FindStringSubmatch(rest); m != nil {
		add("pages", m[1])
	} else if m := lpPagesEndRe.FindStringSubmatch(rest); m != nil {
		add("pages", m[1])
	}
	if y := lpParYearRe.FindStringSubmatch(t); y != nil {
		add("pubdate", y[1])
	} else if y := model.ParseYear(rest); y != 0 && !lpHasKey(out, "pages") {
		add("pubdate", strconv.Itoa(y))
	} else if y := model.ParseYear(lpPagesKwRe.ReplaceAllString(rest, "")); y != 0 {
		add("pubdate", strconv.Itoa(y))
	}
	return out
}

// lpVenueName reports whether s can be a journal name: short, starting
// with a capital, without digits or sentence punctuation.
func lpVenueName(s string) bool {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 150 || strings.ContainsAny(s, "0123456789?!") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && model.CountWords(s) <= 16
}

var lpMonths = map[string]bool{}

func init() {
	for _, m := range strings.Fields("jan feb mar apr may jun jul aug sep oct nov dec jän mär mai okt dez fév fev avr jui aoû déc ene abr ago dic gen mag giu lug set ott out mrt mei") {
		lpMonths[m] = true
	}
}

var (
	lpDMYRe  = regexp.MustCompile(`^\d{1,2}(?:st|nd|rd|th)?\.?\s+(\p{L}{3,10})\.?,?\s+\d{4}$`)
	lpMDYRe  = regexp.MustCompile(`^(\p{L}{3,10})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}$`)
	lpMYRe   = regexp.MustCompile(`^(\p{L}{3,10})\.?,?\s+\d{4}$`)
	lpYMDRe  = regexp.MustCompile(`^\d{4}(?:\s+(\p{L}{3,10})\.?(?:\s+\d{1,2})?)?$`)
	lpNumDRe = regexp.MustCompile(`^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$`)
)

// lpDateOnly reports whether t is a date and nothing else: "18 June 2003",
// "June 18, 2003", "Jul 2009", "2003 Jun 18", "2003-06-18", "18.06.2003".
func lpDateOnly(t string) bool {
	if model.ParseYear(t) == 0 {
		return false
	}
	if lpNumDRe.MatchString(t) {
		return true
	}
	for _, re := range []*regexp.Regexp{lpDMYRe, lpMDYRe, lpMYRe, lpYMDRe} {
		if m := re.FindStringSubmatch(t); m != nil {
			if m[1] == "" {
				return true
			}
			r := []rune(strings.ToLower(m[1]))
			return len(r) >= 3 && lpMonths[string(r[:3])]
		}
	}
	return false
}

var (
	lpEmailRe    = regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.-]+`)
	lpStreetRe   = regexp.MustCompile(`^\d{1,6}\s[^\d]*\b(?:Ave|Avenue|Street|St|Road|Rd|Blvd|Boulevard|Suite|Ste|Lane|Drive|Way)\b`)
	lpZipRe      = regexp.MustCompile(`\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b`)
	lpCopyYearRe = regexp.MustCompile(`\(c\)\s*\d{4}`)
)

// lpFooterCues mark footer lines (lower case).
var lpFooterCues = newCueSet("copyright", "©", "all rights reserved", "recaptcha", "privacy policy",
	"privacy statement", "privacy notice", "terms of service", "terms of use", "terms and conditions", "cookie")

// lpCues mark notices and navigation (lower case).
var lpCues = newCueSet("access statistics", "subscribers only", "edited by", "maintained by", "bibliographic data for",
	"more articles in", "export reference", "export citation", "page updated", "last updated",
	"may be available elsewhere", "search for items", "please note", "sign in", "log in", "rightslink", "permissions",
	"download pdf", "view pdf", "javascript", "your browser", "skip to", "open in a new", "opens in a new",
	"add to mendeley", "author links open", "get rights and content", "show more", "view all", "external link",
	"render date", "hostname:", "loading time", "powered by", "follow us", "newsletter", "sign up", "subscribe", "this site", "this website", "our site",
	"our website", "organization that helps", "organisation that helps", "company that helps", "platform that helps",
	"service that helps", "tool that helps", "is funded by", "is funded in part by", "we use", "full text for",
	"get access", "access through your institution", "purchase pdf", "search for more papers",
	"to whom correspondence", "conceptualization", "writing – original draft", "writing - original draft", "writing – review", "corresponding author", "e-mail address", "show abstract", "hide abstract", "view abstract", "request permissions",
	"open in viewer", "download citation", "track citation", "add to favorites", "recommend to library")

// lpNav holds navigation and page-furniture lines, normalised.
var lpNav = map[string]bool{}

func init() {
	for _, s := range []string{"download", "download pdf", "pdf", "full text", "view pdf", "share", "cite", "cite this",
		"save", "print", "email", "sign in", "log in", "login", "register", "menu", "search", "search in pubmed", "search in google scholar", "home", "back to top",
		"open access", "get access", "preview", "next", "previous", "views", "altmetric", "metrics details",
		"downloads", "advertisement", "show more", "show less", "add to mendeley", "related", "tools", "request permissions",
		"view metrics", "article", "abstract only", "full article", "figures & data", "references & citations",
		"go to", "top", "close", "expand", "collapse", "submit", "follow", "rss", "actions", "export", "permalink",
		"send to", "display options", "save article", "mendeley", "citation manager", "access", "buy article",
		"check for updates", "accesses", "citation", "crossmark", "twitter", "facebook", "linkedin", "more"} {
		lpNav[s] = true
	}
}

// lpBoilerLine recognises site furniture: navigation words, notices, and
// footer lines (contact, address, copyright).
func lpBoilerLine(t string) (boiler, footer bool) {
	// the line in lower case, on the stack when it is short and ASCII:
	// this runs on every line of a page, paragraphs included
	var buf [1024]byte
	lt := model.AppendLower(buf[:0], t)
	if lpFooterCues.in(lt) {
		return true, true
	}
	if bytes.HasPrefix(lt, []byte("tel")) || bytes.HasPrefix(lt, []byte("phone")) || bytes.HasPrefix(lt, []byte("fax")) {
		if r, _ := utf8.DecodeRune(bytes.TrimLeft(lt, "telphonfax")); !unicode.IsLetter(r) {
			return true, true
		}
	}
	if (strings.Contains(t, "@") && lpEmailRe.MatchString(t)) || (bytes.Contains(lt, []byte("(c)")) && lpCopyYearRe.MatchString(string(lt))) {
		return true, true
	}
	if lpDigitRun(t, 5) && lpZipRe.MatchString(t) || t[0] >= '0' && t[0] <= '9' && lpStreetRe.MatchString(t) {
		return true, true
	}
	if lpNav[string(bytes.Trim(lt, " .:›»>|"))] {
		return true, false
	}
	if lpCarriesCitation(t) {
		return false, false // menu words after a citation of the work ("… DOI: 10.… [Download PDF]")
	}
	if lpCues.in(lt) {
		return true, false
	}
	if bytes.HasPrefix(lt, []byte("note:")) || bytes.HasPrefix(lt, []byte("note :")) {
		return true, false
	}
	return false, false
}

// lpTabMenus turns into site furniture the headings of a tab menu: short
// lines in a row, with no blank between, of which three or more are
// section headings ("Article information / Abstract / Full Text /
// Bibliography / Statistics"). Such a "Bibliography" opens no reference
// list.
func lpTabMenus(lines []lpLine) {
	short := func(l *lpLine) bool {
		return (l.kind == lpText || l.kind == lpBoiler || l.kind == lpHead && l.inline == "" && l.count <= 0) &&
			model.WordsUpTo(l.text, 4) <= 3
	}
	for a := 0; a < len(lines); {
		b := a
		for b < len(lines) && short(&lines[b]) {
			b++
		}
		heads := 0
		for k := a; k < b; k++ {
			if lines[k].kind == lpHead {
				heads++
			}
		}
		if heads >= 3 {
			for k := a; k < b; k++ {
				if lines[k].kind == lpHead {
					lines[k].kind = lpBoiler
				}
			}
		}
		a = max(b, a+1)
	}
}

// lpCarriesCitation reports whether a long line holds a DOI and a year
// after some text: a citation, which menu words around it do not make
// site furniture.
func lpCarriesCitation(t string) bool {
	if len(t) < 80 || !strings.Contains(t, "10.") {
		return false
	}
	d := strings.Index(t, "10.")
	return d >= 40 && model.FindDOI(t[d:]) != "" && model.ParseYear(t[:d]) != 0
}

// lpDigitRun reports whether t holds n digits in a row: a quick test before
// a regular expression that needs them.
func lpDigitRun(t string, n int) bool {
	run := 0
	for i := 0; i < len(t); i++ {
		if t[i] >= '0' && t[i] <= '9' {
			if run++; run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

var lpSentRe = regexp.MustCompile(`\p{Ll}[.!?]\s+\p{Lu}`)

// lpIsProse reports whether t reads as running text rather than a title.
func lpIsProse(t string) bool {
	w := model.WordsUpTo(t, 20) // the tests below count no further
	if utf8.RuneCountInString(t) >= 250 && w >= 20 {
		return true
	}
	if last := t[len(t)-1]; (last == '.' || last == '!') && w >= 10 {
		return true
	}
	return w >= 15 && lpSentRe.MatchString(t)
}

var (
	lpStructStartRe = regexp.MustCompile(`^(?:Background|BACKGROUND|Objectives?|OBJECTIVES?|Introduction|INTRODUCTION|Purpose|PURPOSE|Aims?|AIMS?|Context|CONTEXT|Importance|IMPORTANCE|Rationale|Problem|Goals?)(?:\s*[:.]\s*|\s+[-–—]\s+|\p{Lu})`)
	lpStructInRe    = regexp.MustCompile(`(?:[.:)]\s*|\p{Ll})(?:Methods?|METHODS?|Design|DESIGN|Setting|Results?|RESULTS?|Findings|FINDINGS|Conclusions?|CONCLUSIONS?|Discussion|Interpretation|INTERPRETATION)(?:\s*:|\p{Lu})`)
)

// lpStructured reports whether a paragraph is a whole structured abstract
// on one line: an opening label ("Objective", "Background:") and at least
// one later one ("Methods", "Results"), glued or with colons.
func lpStructured(t string) bool {
	return utf8.RuneCountInString(t) >= 200 && lpStructStartRe.MatchString(t) && lpStructInRe.MatchString(t)
}

// lpSublabels are the parts of a structured abstract given as headings.
var lpSublabels = map[string]bool{
	"background": true, "objective": true, "objectives": true, "aim": true, "aims": true, "purpose": true,
	"introduction": true, "context": true, "methods": true, "method": true, "design": true, "setting": true,
	"participants": true, "subjects": true, "interventions": true, "main outcome measures": true,
	"measurements": true, "results": true, "findings": true, "conclusion": true, "conclusions": true,
	"discussion": true, "interpretation": true, "implications": true, "limitations": true,
	"significance": true, "importance": true, "trial registration": true, "materials and methods": true,
	"hintergrund": true, "ziel": true, "methoden": true, "ergebnisse": true, "schlussfolgerung": true,
	"schlussfolgerungen": true, "diskussion": true, "fragestellung": true,
}

// lpIsEnding reports whether a structured abstract's part is its last.
func lpIsEnding(sub string) bool {
	switch sub {
	case "conclusion", "conclusions", "interpretation", "implications", "discussion", "schlussfolgerung", "schlussfolgerungen", "diskussion":
		return true
	}
	return false
}

// lpFact is a field found at a line index.
type lpFact struct {
	i int
	f lpField
}

type lpAbs struct {
	i, end int
	text   string
	more   []string // paragraphs joined to text at the end of the walk
	sec    lpSec    // lpSecAbstract, lpSecAbstractAlt, or lpSecNone for unheaded paragraphs
	struc  bool     // an unheaded structured abstract
}

type lpKw struct {
	i    int
	alt  bool
	list []string
}

type lpRefHead struct {
	i, declared int
}

type lpState uint8

const (
	lpInMeta lpState = iota
	lpInAbstract
	lpInKeywords
	lpInRefs
	lpInCitedBy
	lpInWorks
	lpInSkip
)

// lpDoc holds a page's lines and what the walk over them found.
type lpDoc struct {
	lines     []lpLine
	used      []bool                 // lines taken as a label's value
	inSection []bool                 // lines taken by a section (abstract, references…)
	inSkip    []bool                 // of them, lines under a heading of no interest (funding, body sections…)
	inList    []bool                 // of them, lines of lists of other works (references, cited by, related)
	blankTo   int                    // shortTextNext's last run of blank lines ends here
	blankOK   bool                   // and its answer
	quoted    string                 // a title found in quotes by chooseTitle
	titleLast int                    // the line of the title's last version (translation, subtitle) found by chooseTitle
	titleAlt  int                    // the line of the title's version in another language with a byline of its own, or -1
	nameCache map[int][]model.Author // lines read as names, nil for no names
	folded    []string               // lines folded for comparison, filled as needed
	isFolded  []bool

	facts    []lpFact
	abs      []lpAbs
	kws      []lpKw
	refs     []model.Reference // the references of the lists, in order of line
	refAt    []int             // and the index of the line each starts on
	refHeads []lpRefHead
	cands    []int // title candidates
	stops    []int // lines where the page's header (title, authors…) has ended

	st lpState
	// the open abstract
	ab      lpAbs
	abParts []string
	abSub   string
	abSeen  map[string]bool
	abStruc bool
	abEnded bool
	// the open keyword list
	kw lpKw
	// the open reference list
	rl       []lpItem
	rlHead   int
	rlNum    bool
	rlGap    bool
	rlLinked bool
	rlLast   int // the last list number
}

// lpItem is one line of a reference list before it is split into references.
type lpItem struct {
	i    int
	text string
	num  bool
	link bool
}

// add records fields found at line i.
func (d *lpDoc) add(i int, fs ...lpField) {
	for _, f := range fs {
		d.facts = append(d.facts, lpFact{i: i, f: f})
	}
}

// walk reads the lines in order, following sections.
func (d *lpDoc) walk() {
	d.inSection = make([]bool, len(d.lines))
	d.inSkip = make([]bool, len(d.lines))
	d.inList = make([]bool, len(d.lines))
	for i := 0; i < len(d.lines); i++ {
		if d.st != lpInMeta && d.take(i) {
			d.inSection[i] = true
			d.inSkip[i] = d.st == lpInSkip
			d.inList[i] = d.st == lpInRefs || d.st == lpInCitedBy || d.st == lpInWorks
			continue
		}
		d.closeSection(i)
		i = d.meta(i)
	}
	d.closeSection(len(d.lines))
	// the paragraphs of unheaded abstracts, joined once: O(length)
	for k := range d.abs {
		if a := &d.abs[k]; len(a.more) > 0 {
			a.text += " " + strings.Join(a.more, " ")
			a.more = nil
		}
	}
}

// take offers line i to the open section; false ends the section.
func (d *lpDoc) take(i int) bool {
	l := &d.lines[i]
	switch d.st {
	case lpInAbstract:
		return d.takeAbstract(l)
	case lpInKeywords:
		switch {
		case l.kind == lpBlank:
			// keywords one per line may stand apart
			return len(d.kw.list) == 0 || d.shortTextNext(i)
		case (l.kind == lpText || l.kind == lpProse || l.kind == lpNumber || (l.kind == lpMeta && !l.labelled)) && len(l.text) <= 400 && len(d.kw.list) < 200:
			d.kw.list = append(d.kw.list, lpSplitKeywords(l.text)...)
			return true
		}
		return false
	case lpInRefs, lpInCitedBy:
		return d.takeRef(i)
	case lpInWorks:
		return l.kind != lpHead && l.kind != lpLabel && !(l.kind == lpMeta && l.labelled)
	case lpInSkip:
		return l.kind != lpHead && l.kind != lpLabel && l.kind != lpMeta
	}
	return false
}

// takeAbstract offers a line to the open abstract: paragraphs and the
// headings of a structured abstract's parts.
func (d *lpDoc) takeAbstract(l *lpLine) bool {
	if l.kind == lpBlank {
		return true
	}
	if d.abEnded {
		return false
	}
	sub := strings.ToLower(strings.TrimRight(l.text, ": "))
	if (l.kind == lpText || l.kind == lpHead) && lpSublabels[sub] && (d.abStruc || len(d.abParts) == 0) && !d.abSeen[sub] && d.abSub == "" {
		d.abSeen[sub] = true
		d.abStruc = true
		d.abSub = strings.TrimRight(l.text, ": ")
		return true
	}
	if l.kind == lpProse || (l.kind == lpText && (d.abSub != "" || lpSentenceEnd(l.text))) {
		t := l.text
		if d.abSub != "" {
			t = d.abSub + ": " + t
			if lpIsEnding(strings.ToLower(d.abSub)) {
				d.abEnded = true
			}
			d.abSub = ""
		}
		d.abParts = append(d.abParts, t)
		return true
	}
	return false
}

// lpSentenceEnd reports whether a short line is a sentence.
func lpSentenceEnd(t string) bool {
	return strings.HasSuffix(t, ".") && model.CountWords(t) >= 4
}

var (
	lpLinkWords  = `(?:google scholar|crossref|cross ref|pubmed|pubmed central|pmc free article|free full text|web of science\s*®?|wiley online library|scopus|view in scopus|cas|article|view article|view pdf|full text|fulltext|mathscinet|zbmath|medline|openurl|open url|isi|ads|europe pmc|semantic scholar|publisher site|find it|search google scholar|link)`
	lpLinkOnlyRe = regexp.MustCompile(`(?i)^(?:\[?` + lpLinkWords + `\]?[\s,|;/]*)+$`)
	lpLinkTailRe = regexp.MustCompile(`(?i)(?:[\s,|;]+\[?` + lpLinkWords + `\]?)+[\s,|;]*$`)
	lpKeyLineRe  = regexp.MustCompile(`^\p{Lu}[^,]{0,60}(?:,| et al\.,| and [^,]{1,40},)\s*\d{4}[a-z]?$`)
)

// takeRef collects the lines of a reference (or citing-works) list.
func (d *lpDoc) takeRef(i int) bool {
	l := &d.lines[i]
	switch l.kind {
	case lpBlank:
		d.rlGap = true
		return true
	case lpHead, lpLabel:
		return false
	case lpBoiler:
		if l.footer || !lpLinkOnly(l.text) {
			return false
		}
	case lpMeta:
		if l.labelled || (lpHasKey(l.fields, "volume") && !lpHasKey(l.fields, "venue")) || lpHasKey(l.fields, "epubdate") {
			return false
		}
	}
	t := l.text
	if lpFunding(t) {
		return false
	}
	if strings.Trim(t, "-–—•·*|,;. ") == "" {
		return true // a separator between entries
	}
	if lpLinkOnly(t) {
		d.rl = model.Push(d.rl, lpItem{i: i, link: true})
		d.rlLinked = true
		d.rlGap = false
		return true
	}
	gap := d.rlGap
	d.rlGap = false
	if !l.num && d.rlNum && l.numVal > 0 && l.numVal == d.rlLast+1 {
		// "1500. …" after "1499. …": the next number, not a year
		if _, n := lpListNumber(t); n > 0 {
			t = strings.TrimSpace(t[n:])
			l.num = true
		}
	}
	if l.num {
		d.rlLast = l.numVal
		d.rlNum = true
		d.rl = model.Push(d.rl, lpItem{i: i, text: t, num: true})
		return true
	}
	if d.rlNum {
		// a numbered list: an unnumbered line continues the item above
		if !gap && len(d.rl) > 0 {
			d.rl = model.Push(d.rl, lpItem{i: i, text: t})
			return true
		}
		return false
	}
	if lpLooksLikeRef(t) || d.linkAhead(i) {
		d.rl = model.Push(d.rl, lpItem{i: i, text: t})
		return true
	}
	if n := len(d.rl); n > 0 && !gap && !d.rlLinked && d.rl[n-1].text != "" && !lpEndsRef(d.rl[n-1].text) {
		// the end of a wrapped entry ("707-731.")
		d.rl = model.Push(d.rl, lpItem{i: i, text: t})
		return true
	}
	if len(d.rl) == 0 && model.CountWords(t) <= 3 && !strings.HasSuffix(t, ":") {
		return true // a stray word before the list ("as", "Show all")
	}
	return false
}

// lpEndsRef reports whether a line of an unnumbered list can end an entry:
// it ends a sentence or with a page range, a year or an identifier.
func lpEndsRef(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), " -–·|")
	if t == "" {
		return true
	}
	switch t[len(t)-1] {
	case '.', ')', ']', '>', '?', '!':
		return true
	}
	return lpEndNumRe.MatchString(t) || lpURLEndRe.MatchString(t)
}

var (
	lpEndNumRe = regexp.MustCompile(`\d{1,6}\s*[-–—]\s*\d{1,6}$|\b(?:1[5-9]|20)\d\d[a-z]?$`)
	lpURLEndRe = regexp.MustCompile(`(?:https?://|doi:|10\.\d{4,9}/)\S+$`)
)

// linkAhead reports whether a link-only line ("Google Scholar") follows
// within a few lines: the sign of references spread over several lines.
func (d *lpDoc) linkAhead(i int) bool {
	seen := 0
	for j := i + 1; j < len(d.lines) && seen < 6; j++ {
		l := &d.lines[j]
		if l.kind == lpBlank {
			continue
		}
		if lpLinkOnly(l.text) {
			return true
		}
		if l.kind == lpHead || l.kind == lpLabel || (l.kind == lpBoiler && l.footer) {
			return false
		}
		seen++
	}
	return false
}

var lpNoAbstractRe = regexp.MustCompile(`(?i)^(?:no abstract(?: is)? available|abstract not available|there is no abstract|no abstract)\.?$`)

var lpFundRe = regexp.MustCompile(`(?i)^(?:grant|funded by|funding|supported by|this (?:work|study|research) (?:was|is) (?:supported|funded)|award|project (?:no|number))\b`)

// lpLinkTailWords are the last words of link texts that sites print after a
// reference ("Google Scholar", "CrossRef", "View in Scopus").
var lpLinkTailWords = map[string]bool{"scholar": true, "crossref": true, "ref": true, "pubmed": true,
	"central": true, "article": true, "scopus": true, "cas": true, "pdf": true, "text": true, "fulltext": true,
	"mathscinet": true, "zbmath": true, "medline": true, "openurl": true, "url": true, "isi": true, "ads": true,
	"science": true, "®": true, "link": true, "it": true, "site": true, "pmc": true}

// lpLinkTail reports whether a reference line may end with link texts.
func lpLinkTail(s string) bool {
	i := strings.LastIndexAny(s, " \t")
	return lpLinkTailWords[strings.ToLower(strings.Trim(s[i+1:], "[]()|,;"))]
}

// lpFunding reports a funding or grant line, which is no reference. Its
// words start with a, f, g, p, s or t (or "ſ", which folds to s): a byte
// test first, since every line of a reference list is tested.
func lpFunding(t string) bool {
	if t == "" || strings.IndexByte("afgpstAFGPST\xc5", t[0]) < 0 {
		return false
	}
	return lpFundRe.MatchString(t)
}

// lpLooksLikeRef reports whether a line can be a reference on its own.
func lpLooksLikeRef(t string) bool {
	if utf8.RuneCountInString(t) < 15 {
		return false
	}
	if model.ParseYear(t) != 0 || model.FindDOI(t) != "" {
		return true
	}
	return model.CountWords(t) >= 4 && strings.ContainsAny(t, ".,")
}

// closeSection ends the open section at line i, storing what it found.
func (d *lpDoc) closeSection(i int) {
	switch d.st {
	case lpInAbstract:
		if len(d.abParts) == 1 && lpNoAbstractRe.MatchString(d.abParts[0]) {
			d.abParts = nil
		}
		if len(d.abParts) > 0 {
			d.ab.end = i
			d.ab.text = strings.Join(d.abParts, " ")
			d.abs = append(d.abs, d.ab)
			d.stops = append(d.stops, d.ab.i)
		}
		d.abParts = nil
	case lpInKeywords:
		if len(d.kw.list) > 0 {
			d.kws = append(d.kws, d.kw)
			d.stops = append(d.stops, d.kw.i)
		}
	case lpInRefs:
		if d.splitRefs() > 0 {
			d.stops = append(d.stops, d.rlHead)
		}
	}
	d.rl = nil
	d.st = lpInMeta
}

// splitRefs turns the collected lines of a reference list into references,
// appended to d.refs, and returns how many.
func (d *lpDoc) splitRefs() int {
	// a group is a run of the lines' texts and indices, which are kept in
	// two arrays: only the last group grows
	texts, lines := make([]string, 0, len(d.rl)), make([]int, 0, len(d.rl))
	type group struct{ a, b int }
	groups := make([]group, 0, len(d.rl))
	grow := func(it lpItem) {
		texts, lines = append(texts, it.text), append(lines, it.i)
		groups[len(groups)-1].b++
	}
	open := false
	for _, it := range d.rl {
		switch {
		case it.link:
			open = false
		case len(groups) > 0 && !it.num && (lpLinkLine(it.text) || d.wrapped(texts[groups[len(groups)-1].a:], it.text)):
			grow(it)
		case it.num || !open || (!d.rlLinked && !d.rlNum):
			groups = append(groups, group{len(texts), len(texts)})
			grow(it)
			open = d.rlNum || d.rlLinked
		default:
			grow(it)
		}
	}
	entries := make([]lpEntry, 0, len(groups))
	for _, gr := range groups {
		parts, idx := texts[gr.a:gr.b], lines[gr.a:gr.b]
		if d.rlLinked && !d.rlNum && len(parts) > 1 {
			// lines of one reference between link lines; but a group of
			// full references whose links are missing is split again
			whole := true
			for _, p := range parts {
				if model.ParseYear(p) == 0 || model.CountWords(p) < 6 {
					whole = false
					break
				}
			}
			if whole {
				for k, p := range parts {
					entries = append(entries, lpEntry{idx[k], p})
				}
				continue
			}
			if lpKeyLineRe.MatchString(parts[0]) {
				parts = parts[1:]
			}
		}
		if len(parts) == 1 {
			entries = append(entries, lpEntry{idx[0], parts[0]})
			continue
		}
		var b strings.Builder
		for k, p := range parts {
			if k > 0 {
				if last := b.String()[b.Len()-1]; d.rlLinked && !d.rlNum && !strings.ContainsRune(".,;:", rune(last)) {
					b.WriteByte('.')
				}
				b.WriteByte(' ')
			}
			b.WriteString(p)
		}
		entries = append(entries, lpEntry{idx[0], b.String()})
	}
	refs, entries := d.parseRefs(entries)
	if d.refs == nil {
		d.refs = refs
	} else {
		d.refs = append(d.refs, refs...)
	}
	d.refAt = slices.Grow(d.refAt, len(entries))
	for _, e := range entries {
		d.refAt = append(d.refAt, e.i)
	}
	return len(refs)
}

// lpLinkLine reports whether t is only a DOI or URL, perhaps with a
// separator after it ("https://doi.org/10.… -"): the link of the entry
// above.
func lpLinkLine(t string) bool {
	t = strings.TrimRight(t, " -–—·|")
	return lpDOILineRe.MatchString(t) || lpURLRe.MatchString(t)
}

// wrapped reports whether line t of an unnumbered list continues the
// reference above: it starts in lower case and the line above did not end
// a sentence.
func (d *lpDoc) wrapped(above []string, t string) bool {
	if d.rlNum || d.rlLinked {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	last := above[len(above)-1]
	if unicode.IsLower(r) && !strings.HasSuffix(last, ".") {
		return true
	}
	// a line that does not open a reference (names and a year) after one
	// that did not end it
	return !lpEndsRef(last) && !lpOpensRef(t)
}

// lpOpensRef reports whether a line starts like a reference: personal names
// first and a year in its head.
func lpOpensRef(t string) bool {
	head := t
	if len(head) > 120 {
		head = head[:120]
	}
	return model.ParseYear(head) != 0 && len(freetext.LeadingAuthors(t)) > 0
}

// lpEntry is an entry of a reference list before it is parsed: its text and
// the index of the line it starts on.
type lpEntry struct {
	i   int
	raw string
}

// parseRefs reads the entries of a list, each through the free-text parser
// (which costs most of the reading time of a long list), on all processors
// when there are many; each entry's result goes to its own place, so the
// order does not depend on the scheduling (and the pages of a long list's
// array are first written there, not here). The link texts that end an
// entry are dropped first, and an entry that does not read as a reference
// in an unnumbered list is left out. A title glued to its venue is split
// where the split is sure. It returns the references and their entries.
func (d *lpDoc) parseRefs(entries []lpEntry) ([]model.Reference, []lpEntry) {
	refs := make([]model.Reference, len(entries))
	keep := make([]bool, len(entries))
	numbered := d.rlNum
	model.Each(len(refs), 128, 256, func(k int) {
		raw := entries[k].raw
		if lpLinkTail(raw) {
			raw = strings.TrimSpace(lpLinkTailRe.ReplaceAllString(raw, ""))
		}
		if raw == "" || !lpLooksLikeRef(raw) && !numbered {
			return
		}
		keep[k] = true
		r := &refs[k]
		*r = freetext.Parse(raw)
		r.Line = d.lines[entries[k].i].n
		if title, venue, year, ok := lpSplitGlued(raw); ok {
			r.Title, r.Venue, r.Year = title, venue, year
			r.Authors, r.Volume, r.Pages = nil, "", ""
		}
	})
	n := 0
	for k := range refs {
		if keep[k] {
			if n < k {
				refs[n], entries[n] = refs[k], entries[k]
			}
			n++
		}
	}
	return refs[:n], entries[:n]
}

var lpVenueYearRe = regexp.MustCompile(`,\s*((?:1[5-9]|20)\d\d)[a-z]?\.?$`)

// lpMayEndYear is a quick test for lpVenueYearRe, which the expression
// would answer by trying every position of the text: s ends with a year,
// perhaps a letter and a full stop after it, and a comma comes before the
// year after white space only.
func lpMayEndYear(s string) bool {
	e := len(s)
	if e > 0 && s[e-1] == '.' {
		e--
	}
	if e > 0 && s[e-1] >= 'a' && s[e-1] <= 'z' {
		e--
	}
	if e < 5 || !(s[e-4] == '1' && s[e-3] >= '5' && s[e-3] <= '9' || s[e-4] == '2' && s[e-3] == '0') ||
		s[e-2] < '0' || s[e-2] > '9' || s[e-1] < '0' || s[e-1] > '9' {
		return false
	}
	i := e - 5
	for i >= 0 && model.IsSpaceByte(s[i]) {
		i--
	}
	return i >= 0 && s[i] == ','
}

// lpSplitGlued splits a reference whose title and venue are glued together
// ("Is GP Restratification Beginning in England?Social Policy &
// Administration, 2002"): the first point where a lower-case letter or
// punctuation meets a capital without a space, or a capital starts a
// capitalised word after other capitals ("…NHSPublic"), such that what
// follows reads as a journal name followed by ", year".
func lpSplitGlued(s string) (title, venue string, year int, ok bool) {
	s = strings.TrimSpace(s)
	if !lpMayEndYear(s) {
		return "", "", 0, false
	}
	loc := lpVenueYearRe.FindStringSubmatchIndex(s)
	if loc == nil {
		return "", "", 0, false
	}
	year, _ = strconv.Atoi(s[loc[2]:loc[3]])
	body := []rune(s[:loc[0]])
	for i := 1; i < len(body)-1; i++ {
		if !unicode.IsUpper(body[i]) {
			continue
		}
		p := body[i-1]
		glue := unicode.IsLower(p) || strings.ContainsRune(".?!:)'’\"”»", p) ||
			(unicode.IsUpper(p) && unicode.IsLower(body[i+1]))
		if !glue {
			continue
		}
		v := string(body[i:])
		if !lpGluedVenue(v) {
			continue
		}
		t := strings.TrimSpace(string(body[:i]))
		if t2 := strings.TrimSuffix(t, "."); !strings.HasSuffix(t2, ".") {
			t = t2
		}
		if model.CountWords(t) < 1 || !strings.ContainsFunc(t, unicode.IsLetter) {
			continue
		}
		return t, v, year, true
	}
	return "", "", 0, false
}

// lpVenueWords are the small words journal names keep in lower case.
var lpVenueWords = map[string]bool{
	"of": true, "and": true, "the": true, "for": true, "in": true, "on": true, "de": true, "du": true,
	"des": true, "la": true, "le": true, "für": true, "und": true, "der": true, "die": true, "das": true,
	"y": true, "e": true, "et": true, "di": true, "del": true, "&": true, "-": true, "–": true, "‐": true,
	"to": true, "at": true, "an": true, "a": true, "en": true, "i": true,
}

// lpGluedVenue reports whether v reads as a journal name: capitalised
// words and small words, no sentence punctuation, no glue point inside
// other than after a short prefix ("McGill", "PLoS").
func lpGluedVenue(v string) bool {
	n := utf8.RuneCountInString(v)
	if n < 2 || n > 120 || strings.ContainsAny(v, "?!") {
		return false
	}
	for _, w := range strings.Fields(v) {
		r, _ := utf8.DecodeRuneInString(w)
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '(' || lpVenueWords[strings.ToLower(w)]) {
			return false
		}
		rs := []rune(w)
		for k := 1; k < len(rs); k++ {
			if unicode.IsUpper(rs[k]) && unicode.IsLower(rs[k-1]) && k > 3 {
				return false
			}
		}
	}
	return true
}

// meta handles line i outside any section and returns the last line used.
func (d *lpDoc) meta(i int) int {
	l := &d.lines[i]
	switch l.kind {
	case lpHead:
		d.openSection(i)
	case lpLabel:
		return d.labelValue(i)
	case lpMeta:
		if l.labelled && len(l.fields) == 1 && l.fields[0].key == "citation" {
			// "Citation: Roe, J., Poe," and the lines the citation wraps to
			f := l.fields[0]
			j := i
			for k := i + 1; k < len(d.lines) && k <= i+10; k++ {
				lk := &d.lines[k]
				if lk.kind == lpBlank || lk.kind == lpLabel || lk.kind == lpHead || (lk.kind == lpMeta && lk.labelled) {
					break
				}
				f.val += " " + lk.text
				d.used[k] = true
				j = k
			}
			d.add(i, f)
			return j
		}
		d.add(i, l.fields...)
		if !lpHasKey(l.fields, "doi") {
			d.addFreeDOIs(i)
		}
	case lpProse:
		if lpStructured(l.text) {
			d.abs = append(d.abs, lpAbs{i: i, end: i + 1, text: l.text, struc: true})
			d.stops = append(d.stops, i)
		} else if n := len(d.abs); n > 0 && d.abs[n-1].sec == lpSecNone && !d.abs[n-1].struc && d.onlyBlank(d.abs[n-1].end, i) {
			d.abs[n-1].more = append(d.abs[n-1].more, l.text)
			d.abs[n-1].end = i + 1
		} else {
			d.abs = append(d.abs, lpAbs{i: i, end: i + 1, text: l.text})
		}
		d.addFreeDOIs(i)
	case lpText:
		d.cands = append(d.cands, i)
		d.addFreeDOIs(i)
	case lpBoiler:
		// a notice that states the work's DOI ("…copyright: acmlicensed …
		// doi: 10.1145/…"): the DOI counts, below any other
		if lt := strings.ToLower(l.text); strings.Contains(lt, "doi:") || strings.Contains(lt, "doi.org/") {
			for _, doi := range model.FindDOIs(lpUnglue(l.text)) {
				d.facts = append(d.facts, lpFact{i: i, f: lpField{key: "doi", val: doi, rank: 3}})
			}
		}
	}
	return i
}

// lpUnglue puts a space before a label glued to the value before it
// ("10.1145/3383583.3398534isbn: 978…"), so that the value ends there.
func lpUnglue(t string) string {
	if !strings.Contains(t, ":") {
		return t
	}
	lt := strings.ToLower(t)
	var at []int
	for _, w := range []string{"isbn:", "issn:", "pmid:", "url:", "doi:", "price:", "numpages:", "keywords:"} {
		for from := 0; ; {
			k := strings.Index(lt[from:], w)
			if k < 0 {
				break
			}
			k += from
			from = k + len(w)
			if k > 0 && (lt[k-1] >= '0' && lt[k-1] <= '9' || lt[k-1] >= 'a' && lt[k-1] <= 'z') {
				at = append(at, k)
			}
		}
	}
	if at == nil {
		return t
	}
	sort.Ints(at)
	var b strings.Builder
	last := 0
	for _, k := range at {
		b.WriteString(t[last:k])
		b.WriteByte(' ')
		last = k
	}
	b.WriteString(t[last:])
	return b.String()
}

// onlyBlank reports whether lines [from, to) are all blank.
func (d *lpDoc) onlyBlank(from, to int) bool {
	for j := from; j < to; j++ {
		if d.lines[j].kind != lpBlank {
			return false
		}
	}
	return true
}

// addFreeDOIs records the DOIs written anywhere on line i, the least sure
// source of the work's own DOI.
func (d *lpDoc) addFreeDOIs(i int) {
	for _, doi := range model.FindDOIs(lpUnglue(d.lines[i].text)) {
		d.facts = append(d.facts, lpFact{i: i, f: lpField{key: "doi", val: doi, rank: 2}})
	}
}

// shortTextNext reports whether the next non-blank line after i is a short
// text without final stop, like a keyword.
func (d *lpDoc) shortTextNext(i int) bool {
	if i < d.blankTo {
		return d.blankOK // the answer for this run of blank lines
	}
	j := i + 1
	for j < len(d.lines) && d.lines[j].kind == lpBlank {
		j++
	}
	d.blankTo, d.blankOK = j, false
	if j < len(d.lines) {
		l := &d.lines[j]
		d.blankOK = l.kind == lpText && model.CountWords(l.text) <= 5 && !strings.HasSuffix(l.text, ".")
	}
	return d.blankOK
}

// next returns the index of the next line after i that is neither blank
// nor boilerplate, or -1.
func (d *lpDoc) next(i int) int {
	for j := i + 1; j < len(d.lines); j++ {
		if k := d.lines[j].kind; k != lpBlank && k != lpBoiler {
			return j
		}
	}
	return -1
}

// prevNumber returns the lone number on the line before i, or -1.
func (d *lpDoc) prevNumber(i int) int {
	for j := i - 1; j >= 0; j-- {
		switch d.lines[j].kind {
		case lpBlank:
			continue
		case lpNumber:
			return lpAtoi(d.lines[j].text)
		}
		return -1
	}
	return -1
}

// openSection starts the section of the heading at line i.
func (d *lpDoc) openSection(i int) {
	l := &d.lines[i]
	switch l.sec {
	case lpSecAbstract, lpSecAbstractAlt:
		d.st = lpInAbstract
		d.ab = lpAbs{i: i, sec: l.sec}
		d.abParts, d.abSub, d.abSeen, d.abStruc, d.abEnded = nil, "", map[string]bool{}, false, false
		if l.inline != "" {
			d.abParts = append(d.abParts, l.inline)
		}
	case lpSecKeywords, lpSecKeywordsAlt:
		d.kw = lpKw{i: i, alt: l.sec == lpSecKeywordsAlt}
		if l.inline != "" {
			d.kw.list = lpSplitKeywords(l.inline)
			if len(d.kw.list) > 0 {
				d.kws = append(d.kws, d.kw)
			}
			return
		}
		d.st = lpInKeywords
	case lpSecRefs:
		d.st, d.rlHead, d.rlNum, d.rlGap, d.rlLinked = lpInRefs, i, false, false, false
		d.refHeads = append(d.refHeads, lpRefHead{i: i, declared: l.count})
		if l.count >= 0 {
			d.add(i, lpField{key: "refcount", val: strconv.Itoa(l.count)})
			d.stops = append(d.stops, i)
		}
		if l.inline != "" && lpLooksLikeRef(l.inline) {
			d.rl = model.Push(d.rl, lpItem{i: i, text: l.inline})
		}
	case lpSecCitedBy:
		d.st, d.rlNum, d.rlGap, d.rlLinked = lpInCitedBy, false, false, false
		n := l.count
		if n < 0 {
			n = d.prevNumber(i)
		}
		if n < 0 {
			if j := d.next(i); j >= 0 && d.lines[j].kind == lpNumber {
				n = lpAtoi(d.lines[j].text)
			}
		}
		if n >= 0 {
			d.add(i, lpField{key: "citedby", val: strconv.Itoa(n)})
		}
	case lpSecWorks:
		d.st = lpInWorks
	case lpSecSkip:
		d.st = lpInSkip
	}
}

// labelValue reads the value of a label standing alone on line i from the
// next line ("Title" / "A subtle governance…") and returns that line.
func (d *lpDoc) labelValue(i int) int {
	key := d.lines[i].label
	j := i + 1
	for j < len(d.lines) && d.lines[j].kind == lpBlank {
		j++
	}
	if j >= len(d.lines) {
		return i
	}
	v := &d.lines[j]
	if v.kind != lpText && v.kind != lpProse && v.kind != lpNumber && !(v.kind == lpMeta && !v.labelled) {
		return i
	}
	d.used[j] = true
	if key == "citation" {
		// a citation may wrap over several lines, up to a blank line or a label
		val := v.text
		for k := j + 1; k < len(d.lines) && k <= j+10; k++ {
			lk := &d.lines[k]
			if lk.kind == lpBlank || lk.kind == lpLabel || lk.kind == lpHead || (lk.kind == lpMeta && lk.labelled) {
				break
			}
			val += " " + lk.text
			d.used[k] = true
			j = k
		}
		d.add(i, lpField{key: key, val: val})
		return j
	}
	if key == "authors" {
		// one author per line is common under an "Authors" label
		val := v.text
		if strings.HasSuffix(val, ":") {
			val = "" // "Author" / "Listed:" / names
		}
		for k := j + 1; k < len(d.lines) && d.lines[k].kind == lpText; k++ {
			if _, ok := lpAuthors(d.lines[k].text); !ok {
				break
			}
			val += "; " + d.lines[k].text
			d.used[k] = true
			j = k
		}
		d.add(i, lpField{key: key, val: val})
		return j
	}
	d.add(j, lpFieldsFor(key, v.text, 0)...)
	return j
}

var (
	lpSearchParenRe = regexp.MustCompile(`(?i)\s*\((?:search|find|see|more)\b[^)]*\)`)
	lpCodeRe        = regexp.MustCompile(`^\d{2,8}\s+\p{L}`)
)

// lpWideSeps maps the separators of CJK text to ASCII ones.
var lpWideSeps = strings.NewReplacer("；", ";", "，", ",", "、", ",")

// lpAndSemi and lpAndComma turn the words and signs that join the last
// names of a list into the list's separator.
var (
	lpAndSemi  = strings.NewReplacer(" and ", ";", " & ", ";", " und ", ";", "·", ";")
	lpAndComma = strings.NewReplacer(" and ", ",", " & ", ",", " und ", ",", " et ", ",", "·", ",")
)

// lpSplitKeywords splits a keyword line on ";" (else ",", "·", "•", "|"),
// dropping subject classification codes ("1117 Public Health And Health
// Services") and the capitalised pieces of category names that follow one.
func lpSplitKeywords(s string) []string {
	s = lpSearchParenRe.ReplaceAllString(s, "")
	s = lpWideSeps.Replace(s)
	sep := ""
	for _, c := range []string{";", "·", "•", "|", " / ", ","} {
		if strings.Contains(s, c) {
			sep = c
			break
		}
	}
	parts := []string{s}
	if sep != "" {
		parts = strings.Split(s, sep)
	}
	var out []string
	codes := false
	for _, p := range parts {
		p = strings.Trim(model.CleanSpace(p), " .,;")
		if p == "" || strings.Contains(p, " > ") {
			continue
		}
		if lpCodeRe.MatchString(p) {
			codes = true
			continue
		}
		if r, _ := utf8.DecodeRuneInString(p); codes && unicode.IsUpper(r) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// lpNameStop are capitalised words that show a line is no list of names.
var lpNameStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the of a an and for in on with to from at by is are this that our your we how what why
		when who using between among under over via not no yes article articles research journal review abstract original
		published online volume issue pages open access full text download view pdf health medicine science sciences study
		studies analysis introduction references keywords home search menu login sign cite share metrics table figure
		contents editorial letter report news policy management care social university institute department economics
		leadership governance system systems model chapter book conference proceedings information related similar show
		add get rights permissions about contact help support citations views downloads section vol new current archive
		submit authors author affiliations administration public sociology society politics psychology quarterly bulletin
		annals letters transactions international european american british english national general primary medical
		clinical practice community development education learning data methods results discussion conclusion
		conclusions background summary highlights supplementary material funding acknowledgements reprints corporate
		academic accepted received manuscript preview more details all status item type note economic press publishing
		library series working paper papers issues case cases reports nature cell lancet plos frontiers advances
		progress trends perspectives archives acta physical chemical biology chemistry physics engineering technology
		computer computing mathematics statistics nursing finance business philosophy geography ecology environmental
		energy materials communications reviews today world global magazine quarterly annual`) {
		lpNameStop[w] = true
	}
}

var (
	lpByRe        = regexp.MustCompile(`(?i)^by\s+`)
	lpBracketRe   = regexp.MustCompile(`\s*(?:\([^()]*\)|\[[^\[\]]*\])`)
	lpSupLetterRe = regexp.MustCompile(`^[a-z](?:,[a-z])*$`)
	lpInitialsRe  = regexp.MustCompile(`^(?:\p{Lu}\.?\s?-?)+$`)
	lpDegrees     = map[string]bool{"phd": true, "md": true, "msc": true, "mph": true, "mbbs": true, "frcp": true, "frcgp": true,
		"rn": true, "prof": true, "dr": true, "professor": true, "ba": true, "ma": true, "bsc": true, "dphil": true, "mrcgp": true,
		"orcid": true, "icon": true, "email": true, "e-mail": true, "med": true, "dr.med": true, "dent": true,
		"meded": true, "ccfp": true, "fcfp": true, "mba": true, "facp": true, "frcpc": true, "obe": true, "cbe": true,
		"mbe": true, "frcs": true, "fmedsci": true, "mrcp": true, "ms": true, "mpp": true, "drph": true, "mhs": true,
		"pharmd": true, "do": true, "jd": true, "mmed": true, "mrcpsych": true, "faafp": true, "habil": true, "priv.-doz": true}
)

// lpAuthors reads a line of author names ("A and B", "A, B and C", "A; B",
// "Family, G., Family, G.", "A · B"), dropping affiliation marks,
// bracketed notes, degrees and affiliations. It fails when any piece is
// not a plausible personal name.
func lpAuthors(s string) ([]model.Author, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 2 && (s[0] == 'B' || s[0] == 'b') && (s[1] == 'y' || s[1] == 'Y') {
		s = lpByRe.ReplaceAllString(s, "")
	}
	if strings.ContainsAny(s, "([") {
		s = lpBracketRe.ReplaceAllString(s, " ")
	}
	if strings.Contains(s, "et al") {
		s = lpEtAl.Replace(s)
	}
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune("¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§¶#✉⁎", r) {
			return -1
		}
		return r
	}, s)
	var b strings.Builder
	for _, tok := range strings.Fields(s) {
		core := strings.TrimRight(tok, ",;")
		sep := tok[len(core):]
		trimmed := strings.TrimRightFunc(core, func(r rune) bool { return unicode.IsDigit(r) || r == ',' })
		if trimmed == "" || lpSupLetterRe.MatchString(core) || lpSupLetterRe.MatchString(trimmed) || lpDegrees[strings.ToLower(strings.Trim(core, "."))] {
			b.WriteString(sep)
			continue
		}
		b.WriteString(" " + trimmed + sep)
	}
	s = strings.TrimSpace(b.String())
	if s == "" || utf8.RuneCountInString(s) > 2000 {
		return nil, false
	}
	s = lpWideSeps.Replace(s)
	orig := s
	if ws := strings.Fields(s); len(ws) >= 4 && len(ws)%2 == 0 && !strings.ContainsAny(s, ",;") {
		// "増沢 武弘 斎藤 晋": names in CJK script, family and given apart
		var out []model.Author
		for k := 0; k+1 < len(ws); k += 2 {
			a, ok := lpCJKName(ws[k] + " " + ws[k+1])
			if !ok {
				out = nil
				break
			}
			out = append(out, a)
		}
		if out != nil {
			return out, true
		}
	}
	var pieces []string
	if strings.Contains(s, " | ") {
		s = strings.ReplaceAll(s, " | ", "; ")
	}
	if strings.Contains(s, ";") {
		s = lpAndSemi.Replace(s)
		pieces = strings.Split(s, ";")
	} else {
		s = lpAndComma.Replace(s)
		pieces = strings.Split(s, ",")
	}
	var ps []string
	for _, p := range pieces {
		if p = strings.TrimSpace(p); p != "" && !lpAffiliation(p) {
			ps = append(ps, p)
		}
	}
	if len(ps) == 0 {
		return nil, false
	}
	// "Family, Given, Family, Given": pair the pieces
	if len(ps)%2 == 0 && !strings.Contains(s, ";") {
		pair, single := true, true
		for k, p := range ps {
			if model.CountWords(p) != 1 {
				single = false
			}
			if k%2 == 1 && !(lpInitialsRe.MatchString(p) && !lpCapsWordRe.MatchString(p)) {
				pair = false
			}
		}
		// one-word pieces pair only in a list of commas ("Roe, Jane, Poe,
		// John"), not "Careers & Locums"
		if pair || single && !strings.Contains(orig, " & ") && !strings.Contains(orig, " and ") {
			var joined []string
			for k := 0; k < len(ps); k += 2 {
				joined = append(joined, ps[k]+", "+ps[k+1])
			}
			ps = joined
		}
	}
	var out []model.Author
	for k, p := range ps {
		words := strings.Fields(strings.ReplaceAll(p, ",", " "))
		// the last name of a long list may be cut to its first word
		last := k == len(ps)-1 && len(ps) >= 3 && len(words) == 1
		if !lpNameWords(words, strings.Contains(p, ",") || last) {
			if cjk, ok := lpCJKName(p); ok {
				out = append(out, cjk)
				continue
			}
			return nil, false
		}
		out = append(out, model.ParseName(lpJoinInitials(p)))
	}
	return out, true
}

// lpJoinInitials closes up the initials that follow a family name ("Roe
// J. K." becomes "Roe J.K."), so the name is read family first rather than
// with the last initial taken for the family name.
func lpJoinInitials(p string) string {
	ws := strings.Fields(p)
	if len(ws) < 3 || lpIsInitial(ws[0]) || strings.Contains(p, ",") {
		return p
	}
	for _, w := range ws[1:] {
		if !lpIsInitial(w) {
			return p
		}
	}
	return ws[0] + " " + strings.Join(ws[1:], "")
}

// lpIsInitial reports whether w is one capital letter and a full stop.
func lpIsInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n > 0 && n+1 == len(w) && w[n] == '.' && unicode.IsUpper(r)
}

// lpCJKName reads a name written in Chinese, Japanese or Korean script:
// two to five characters ("单海燕"), or family and given name apart
// ("増沢 武弘", family first).
func lpCJKName(p string) (model.Author, bool) {
	words := strings.Fields(p)
	if len(words) == 0 || len(words) > 2 {
		return model.Author{}, false
	}
	for _, w := range words {
		n := 0
		for _, r := range w {
			if !unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
				return model.Author{}, false
			}
			n++
		}
		if n > 5 {
			return model.Author{}, false
		}
	}
	if len(words) == 2 {
		return model.Author{Family: words[0], Given: words[1]}, true
	}
	if utf8.RuneCountInString(words[0]) < 2 {
		return model.Author{}, false
	}
	return model.Author{Family: words[0]}, true
}

// lpAffilCues mark an organisation's name (lower case).
var lpAffilCues = []string{"universit", "institut", "department", "dept.", "hospital", "school", "college", "centre",
	"center", "faculty", "laborator", "clinic", "foundation", "ministry", "agency", "council", "gmbh", "corporation",
	"универси", "університет", "институт", "інститут", "академи", "академі", "кафедр", "факультет", "больниц",
	"лаборатор", "министерств", "міністерств", "центр ", "фгбу", "фгбоу", "гбуз", "universidad", "universidade",
	"fundación", "fundação", "instituto", "hôpital", "klinik", "fakultät", "大学", "研究所", "研究院", "医院", "学院",
	"研究センター", "대학교", "연구원", "병원", "科学院", "中心"}

// lpAffilWords are whole words that mark an organisation's name.
var lpAffilWords = func() map[string]bool {
	m := map[string]bool{"trust": true, "nhs": true, "inc": true, "ltd": true, "llc": true, "centro": true, "centre": true,
		"center": true, "instituto": true, "institut": true, "universidad": true, "université": true, "università": true}
	// countries end addresses
	for _, c := range strings.Fields(`china usa uk switzerland spain germany france italy japan korea brazil argentina
		canada australia russia ukraine india netherlands belgium sweden norway denmark finland austria poland portugal
		mexico chile colombia peru turkey iran israel egypt nigeria kenya ireland scotland greece hungary romania
		singapore taiwan malaysia thailand vietnam indonesia pakistan bangladesh ethiopia ghana uganda tanzania
		россия украина deutschland españa italia frankreich brasil`) {
		m[c] = true
	}
	return m
}()

// lpAffiliation reports whether a piece of an authors line is an affiliation.
func lpAffiliation(p string) bool {
	lp := strings.ToLower(p)
	for _, c := range lpAffilCues {
		if strings.Contains(lp, c) {
			return true
		}
	}
	for _, w := range strings.Fields(lp) {
		if lpAffilWords[strings.Trim(w, ".,")] {
			return true
		}
	}
	return false
}

// lpCapsWordRe matches a word of four or more capitals: a name in capitals
// ("THOMSON"), not initials ("JA").
var lpCapsWordRe = regexp.MustCompile(`\p{Lu}{4,}`)

var lpEtAl = strings.NewReplacer(", et al.", "", " et al.", "", ", et al", "", " et al", "")

var lpNameWordRe = regexp.MustCompile(`^(?:\p{Lu}[\p{L}'’.\-]*|\p{Lu}\.(?:-?\p{Lu}\.)*|[dDlL]['’]\p{Lu}[\p{L}\-]*)$`)

// lpNameWords reports whether words form one personal name. A name needs
// two words unless it was written "Family, Given".
func lpNameWords(words []string, comma bool) bool {
	if len(words) == 0 || len(words) > 6 || (len(words) == 1 && !comma) {
		return false
	}
	long := false
	for _, w := range words {
		lw := strings.ToLower(w)
		if model.IsParticle(lw) {
			continue
		}
		if bare := strings.Trim(lw, "."); (utf8.RuneCountInString(bare) >= 2 && lpNameStop[bare]) || !lpNameWordRe.MatchString(w) {
			return false
		}
		// a word in capitals is a name from four letters on ("THOMSON"),
		// initials below ("JA")
		if n := utf8.RuneCountInString(strings.Trim(w, ".")); n >= 2 && !lpInitialsRe.MatchString(w) || n >= 4 && !strings.Contains(w, ".") {
			long = true
		}
	}
	return long
}

// emit builds the records: one per work, a page holding several abstracts
// being split between them.
func (d *lpDoc) emit(s *model.Sink) {
	var works []int
	for k, a := range d.abs {
		if a.sec == lpSecAbstract || a.struc {
			works = append(works, k)
		}
	}
	type seg struct{ a, b int }
	segs := []seg{{0, len(d.lines)}}
	if len(works) >= 2 {
		segs = segs[:0]
		start := 0
		for n, k := range works {
			end := len(d.lines)
			if n < len(works)-1 {
				end = d.workEnd(d.abs[k].end, d.abs[works[n+1]].i)
			}
			segs = append(segs, seg{start, end})
			start = end
		}
	}
	slices.SortStableFunc(d.facts, func(x, y lpFact) int { return x.i - y.i })
	if len(segs) == 1 {
		// a listing of works, each given by the same labels ("Authors …
		// Journal … Authors … Journal"): a label seen again starts a work
		// (a label repeated in a row is a list: one author per line)
		// (a line "DOI …" giving another DOI than the one before starts
		// one too: a data dump's "doi" => … of the next item)
		var starts []int
		seen := map[string]bool{}
		last, doi := "", ""
		for _, f := range d.facts {
			if f.f.key == "doi" && f.f.rank <= 1 && strings.HasPrefix(strings.ToLower(d.lines[f.i].text), "doi") {
				if doi != "" && !strings.EqualFold(f.f.val, doi) {
					starts = append(starts, d.labelStart(f.i))
					seen = map[string]bool{}
				}
				doi = f.f.val
				continue
			}
			if f.f.rank != 0 || (f.f.key != "authors" && f.f.key != "venue" && f.f.key != "title") {
				continue
			}
			if seen[f.f.key] && f.f.key != last {
				starts = append(starts, d.labelStart(f.i))
				seen = map[string]bool{}
			}
			seen[f.f.key], last = true, f.f.key
		}
		if len(starts) > 0 {
			segs = segs[:0]
			a := 0
			for _, st := range starts {
				segs = append(segs, seg{a, st})
				a = st
			}
			segs = append(segs, seg{a, len(d.lines)})
		}
	}
	slices.Sort(d.stops)
	made := 0
	for _, sg := range segs {
		if r, ok := d.record(s, sg.a, sg.b); ok {
			s.Add(r)
			made++
		}
	}
	if made == 0 {
		line := 1
		for _, l := range d.lines {
			if l.kind != lpBlank {
				line = l.n
				break
			}
		}
		s.Skipf(line, "no title, doi, abstract or references found on the page")
	}
}

// labelStart returns the line of the label whose value is on line i: the
// label above a value standing on its own line, else i.
func (d *lpDoc) labelStart(i int) int {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if d.lines[k].kind == lpLabel {
			return k
		}
		if d.lines[k].kind != lpBlank {
			break
		}
	}
	return i
}

// workEnd returns where the work whose abstract ends at line from gives way
// to the next one, whose abstract starts at line limit: at the next title
// candidate or paragraph. Labelled fields, keywords and references right
// under an abstract belong to it.
func (d *lpDoc) workEnd(from, limit int) int {
	for j := from; j < limit; j++ {
		l := &d.lines[j]
		if d.inSection[j] || d.used[j] {
			continue
		}
		if l.kind == lpText || l.kind == lpProse || (l.kind == lpHead && (l.sec == lpSecAbstract || l.sec == lpSecAbstractAlt)) || (l.kind == lpLabel && l.label == "title") {
			return j
		}
	}
	return limit
}

// lpWithin returns the part of xs, ordered by line index, found in lines
// [a, b).
func lpWithin[T any](xs []T, at func(T) int, a, b int) []T {
	lo := sort.Search(len(xs), func(k int) bool { return at(xs[k]) >= a })
	hi := sort.Search(len(xs), func(k int) bool { return at(xs[k]) >= b })
	if hi < lo {
		hi = lo
	}
	return xs[lo:hi:hi]
}

// refsWithin returns the references that start in lines [a, b), with no
// room to grow into the next ones.
func (d *lpDoc) refsWithin(a, b int) []model.Reference {
	lo, _ := slices.BinarySearch(d.refAt, a)
	hi, _ := slices.BinarySearch(d.refAt, b)
	hi = max(hi, lo)
	return d.refs[lo:hi:hi]
}

// lpFirst returns the value of the best-ranked, then first, fact with key.
func lpFirst(fs []lpFact, key string) string {
	best, val := 99, ""
	for _, f := range fs {
		if f.f.key == key && f.f.rank < best && f.f.val != "" {
			best, val = f.f.rank, f.f.val
		}
	}
	return val
}

// record assembles the work described by lines [a, b).
func (d *lpDoc) record(s *model.Sink, a, b int) (model.Record, bool) {
	var r model.Record
	for k := a; k < b; k++ {
		if d.lines[k].kind != lpBlank {
			r.Line = d.lines[k].n
			break
		}
	}
	headerEnd := b
	if st := lpWithin(d.stops, func(i int) int { return i }, a, b); len(st) > 0 {
		headerEnd = st[0]
	}
	fs := lpWithin(d.facts, func(f lpFact) int { return f.i }, a, b)
	// the title: labelled, else the first candidate of the header followed
	// by metadata, else the longest candidate
	r.Title = lpFirst(fs, "title")
	titleAt := -1
	cites := d.cites(a, b)
	for _, f := range fs {
		if f.f.key == "citation" {
			if ref := freetext.Parse(f.f.val); ref.Title != "" {
				cites = append([]lpCite{{i: f.i, ref: ref, labelled: true}}, cites...)
			}
		}
	}
	if r.Title == "" {
		// a title found by length alone needs other signs of a work
		evidence := len(lpWithin(d.abs, func(x lpAbs) int { return x.i }, a, b)) > 0 ||
			len(d.refsWithin(a, b)) > 0
		for _, f := range fs {
			evidence = evidence || (f.f.key != "ignore" && f.f.key != "type")
		}
		_, venue := d.pickTitle(a, headerEnd, evidence)
		fs = append(fs, venue...)
		titleAt, _ = d.chooseTitle(a, headerEnd, b, lpFirst(fs, "venue"), cites, titleMin)
		if titleAt < 0 && evidence {
			// other signs of a work: a weaker title will do
			titleAt, _ = d.chooseTitle(a, headerEnd, b, lpFirst(fs, "venue"), cites, titleMin-1.5)
		}
		if titleAt >= 0 {
			r.Title = d.lines[titleAt].text
			if d.quoted != "" {
				r.Title = d.quoted
			} else {
				r.Title = d.wrappedTitle(titleAt)
			}
			r.Title = lpTrimTitle(r.Title, &fs, titleAt)
		} else if len(cites) > 0 && (cites[0].labelled || len(d.refsWithin(a, b)) == 0 &&
			lpWholeCite(cites[0].ref)) {
			// no title line: a citation on the page names the work ("Cite
			// this article: …", or a page that is one citation)
			r.Title = cites[0].ref.Title
		}
	}
	var cite *lpCite
	for k := range cites {
		if r.Title != "" && cites[k].i != titleAt && sameTitle(r.Title, cites[k].ref.Title) {
			cite = &cites[k]
			fs = append(fs, citeFacts(*cite)...)
			break
		}
	}
	if t := strings.TrimSuffix(r.Title, "."); !strings.HasSuffix(t, ".") {
		r.Title = t
	}
	if au := lpAuthorFields(fs); len(au) > 1 {
		r.Authors = au
	} else if v := lpFirst(fs, "authors"); v != "" {
		if au, ok := lpAuthors(v); ok {
			r.Authors = au
		} else {
			for _, p := range strings.Split(v, ";") {
				if p = strings.TrimSpace(p); p != "" {
					r.Authors = append(r.Authors, model.ParseName(p))
				}
			}
		}
	} else if titleAt >= 0 {
		// the names stand below the title's last version
		end := b
		if d.titleAlt > titleAt {
			end = d.titleAlt // the other version's names are the same people
		}
		r.Authors = d.byline(max(titleAt, d.titleLast), end, r.Title)
	}
	if len(r.Authors) == 0 && cite != nil {
		r.Authors = cite.ref.Authors
	}
	if len(r.Authors) == 0 {
		r.Authors = d.dashAffiliated(a, headerEnd)
	}
	r.Venue = lpCleanVenue(lpFirst(fs, "venue"))
	r.Volume = lpFirst(fs, "volume")
	r.Issue = lpFirst(fs, "issue")
	r.Pages = lpFirst(fs, "pages")
	if r.Pages == "" {
		r.Pages = lpFirst(fs, "artno")
	}
	r.Year = lpYear(fs)
	if r.Year == 0 {
		r.Year = d.weakYear(a, headerEnd)
	}
	r.DOI = lpFirst(fs, "doi")
	r.Type = lpFirst(fs, "type")
	for _, k := range []string{"pmid", "pmcid", "issn", "isbn", "arxiv", "url"} {
		r.SetID(k, lpFirst(fs, k))
	}
	if len(r.Authors) == 0 && r.DOI != "" {
		r.Authors = d.citedAuthors(a, b, r.DOI, r.Venue)
	}
	if v := lpFirst(fs, "citedby"); v != "" {
		r.CitedBy = model.IntPtr(lpAtoi(v))
	}
	// the abstract: "Abstract", else an unheaded structured one, else one in
	// another language or "Summary", else the first plain paragraph
	var abs *lpAbs
	segAbs := lpWithin(d.abs, func(x lpAbs) int { return x.i }, a, b)
	for _, want := range []int{0, 1, 2, 3} {
		for k := range segAbs {
			x := &segAbs[k]
			if (want == 0 && x.sec == lpSecAbstract) || (want == 1 && x.struc) ||
				(want == 2 && x.sec == lpSecAbstractAlt) ||
				(want == 3 && x.sec == lpSecNone && !x.struc && !d.aboutSite(x)) {
				abs = x
				break
			}
		}
		if abs != nil {
			break
		}
	}
	if abs != nil {
		r.Abstract = model.CleanSpace(abs.text)
	}
	var kws *lpKw
	segKws := lpWithin(d.kws, func(x lpKw) int { return x.i }, a, b)
	for k := range segKws {
		if x := &segKws[k]; kws == nil || (kws.alt && !x.alt) {
			kws = x
		}
	}
	if kws != nil {
		r.Keywords = lpDedupe(kws.list)
	}
	if within := d.refsWithin(a, b); len(within) > 0 {
		r.References = within // the records' ranges do not overlap
	}
	if len(r.References) == 0 && len(d.refHeads) == 0 {
		r.References = d.unheadedRefs(a, b)
		for _, ref := range r.References {
			if titleAt >= 0 && ref.Line == d.lines[titleAt].n {
				// the "title" was one of the references: the page is a list
				r.Title, r.Authors = "", nil
				break
			}
		}
	}
	if v := lpFirst(fs, "refcount"); v != "" {
		n := lpAtoi(v)
		r.RefsDeclared = model.IntPtr(n)
		if len(r.References) > 0 && len(r.References) != n {
			for _, h := range d.refHeads {
				if h.i >= a && h.i < b && h.declared == n {
					s.Warnf(d.lines[h.i].n, "page lists %d of %d declared references", len(r.References), n)
					break
				}
			}
		}
	}
	if r.Title == "" && r.DOI == "" && r.Abstract == "" && len(r.References) == 0 && !(r.Venue != "" && (r.Year != 0 || r.Volume != "")) {
		return r, false
	}
	return r, true
}

var (
	lpVenueISSNRe = regexp.MustCompile(`(?i)\s*[,;(]?\s*(?:\((?:p|e|print|online)\)\s*)?(?:e-?|p-?)?issn\s*[:]?\s*\d{4}-?\d{3}[\dx]\)?.*$|\s*,?\s*\([pe]\)\s*\d{4}-\d{3}[\dXx].*$`)
	lpVenueNoteRe = regexp.MustCompile(`(?i)\s*\[(?:internet|online|электронный ресурс|електронний ресурс|інтернет|интернет|en ligne|en línea|serial on the internet)\]`)
)

var (
	lpFootnoteRe   = regexp.MustCompile(`\p{Ll}\d{1,2}$`)
	lpTitleNumRe   = regexp.MustCompile(`^\d{1,3}\s+[-–—]\s+`)
	lpTitlePagesRe = regexp.MustCompile(`\s+(?:pp?\.|pages?)\s*(\d+\s*[-–—]\s*\d+)\s*$`)
)

// lpTrimTitle removes a chapter number before a title ("4 - Title") and a
// page range after it ("Title pp. 51-76"), keeping the pages as a fact.
func lpTrimTitle(t string, fs *[]lpFact, i int) string {
	t = lpTitleNumRe.ReplaceAllString(t, "")
	t = lpGluedTranslation(t)
	if names, title, ok := lpRunningHead(t); ok {
		t = title
		if len(names) > 0 {
			*fs = append(*fs, lpFact{i: i, f: lpField{key: "authors", val: strings.Join(names, "; "), rank: 1}})
		}
	}
	t = strings.TrimRight(t, " ,;")
	if m := lpFootnoteRe.FindStringIndex(t); m != nil {
		t = t[:m[0]+1] // "…methodology1": a footnote mark
	}
	if m := lpTitlePagesRe.FindStringSubmatchIndex(t); m != nil {
		*fs = append(*fs, lpFact{i: i, f: lpField{key: "pages", val: lpDashRe.ReplaceAllString(t[m[2]:m[3]], "-"), rank: 1}})
		t = t[:m[0]]
	}
	return t
}

// lpAuthorFields returns the names of labelled author fields that each
// give one person ("dc.contributor.author | Roe, Jane" on one line per
// author), or nil when the labels give a list or only one name.
func lpAuthorFields(fs []lpFact) []model.Author {
	var out []model.Author
	for _, f := range fs {
		if f.f.key != "authors" || f.f.rank != 0 {
			continue
		}
		au, ok := lpAuthors(f.f.val)
		if fam, given, one := strings.Cut(f.f.val, ","); one && !strings.ContainsAny(given, ",;&") &&
			lpNameWords(strings.Fields(fam+" "+given), true) {
			au, ok = []model.Author{model.ParseName(f.f.val)}, true // "Roe, Jane Anne"
		}
		if !ok || len(au) != 1 {
			return nil
		}
		if !slices.Contains(out, au[0]) {
			out = append(out, au[0])
		}
	}
	return out
}

// lpWholeCite reports whether a reference read from an unlabelled line is a
// whole citation, which may name the page's work: names, and a venue or
// DOI; a sentence of the text with a year in it has neither.
func lpWholeCite(r model.Reference) bool {
	return len(r.Authors) > 0 && (r.Venue != "" || r.DOI != "")
}

// lpCleanVenue removes what sites glue to a journal's name: its ISSNs,
// the alt text of its logo ("X logoLink to X"), a second copy ("X / X").
func lpCleanVenue(v string) string {
	v = strings.TrimSpace(lpVenueISSNRe.ReplaceAllString(v, ""))
	v = strings.TrimSpace(lpVenueNoteRe.ReplaceAllString(v, ""))
	if i := strings.Index(strings.ToLower(v), "logo"); i > 0 {
		v = strings.TrimSpace(v[:i])
	}
	if a, b, ok := strings.Cut(v, " / "); ok && model.Fold(a) == model.Fold(b) {
		v = a
	}
	return strings.TrimRight(v, " ,;:")
}

// unheadedRefs returns the references of a page that is a reference list
// without a heading: when most of its lines of text are references (names,
// a year, the punctuation of a citation), each of them is one.
func (d *lpDoc) unheadedRefs(a, b int) []model.Reference {
	var idx []int
	text := 0
	for i := a; i < b; i++ {
		l := &d.lines[i]
		if l.kind == lpBlank || l.kind == lpBoiler || d.inSection[i] || d.used[i] {
			continue
		}
		text++
		t := l.text
		if (l.kind == lpText || l.kind == lpProse || l.kind == lpMeta && !l.labelled) && lpLooksLikeRef(t) &&
			model.ParseYear(t) != 0 && strings.Count(t, ",")+strings.Count(t, ".") >= 3 && utf8.RuneCountInString(t) < 1500 {
			idx = append(idx, i)
		}
	}
	if len(idx) < 3 || len(idx)*10 < text*6 {
		return nil
	}
	var out []model.Reference
	for _, i := range idx {
		ref := freetext.Parse(strings.TrimLeft(d.lines[i].text, ". "))
		ref.Line = d.lines[i].n
		out = append(out, ref)
	}
	return out
}

// citedAuthors returns the names that open a line of [a, b), outside any
// list, that cites the work by its DOI without its title ("E. Roe, Chem.
// Things, 2014, 43, 8226 DOI: 10.5555/x"), or nil. A line that opens with
// the venue ("Fam Pract. 2020 …") names no authors.
func (d *lpDoc) citedAuthors(a, b int, doi, venue string) []model.Author {
	fv := model.Fold(venue)
	for i := a; i < b && i < a+400; i++ {
		l := &d.lines[i]
		if l.kind == lpBlank || l.kind == lpHead || d.inList[i] || len(l.text) > 400 {
			continue
		}
		if !strings.Contains(strings.ToLower(l.text), doi) {
			continue
		}
		if fv != "" && strings.HasPrefix(d.fold(i), fv) || l.labelled || strings.ContainsAny(l.text, ":|") && model.ParseYear(l.text) == 0 {
			continue // a labelled DOI ("Identification Number: | https://doi.org/…")
		}
		if au := freetext.LeadingAuthors(l.text); len(au) > 0 {
			return au
		}
	}
	return nil
}

// weakYear returns the year of a date that no label or form gave: on a
// line of [a, end) where a word of publishing ("published", "publication")
// or a preprint's "submitted on" precedes it ("StatePublished - Sep 19
// 2016", "[Submitted on 30 Jun 2004]"), or 0.
func (d *lpDoc) weakYear(a, end int) int {
	for i := a; i < end && i < a+200; i++ {
		l := &d.lines[i]
		if l.kind == lpBlank || l.kind == lpProse || d.inList[i] || utf8.RuneCountInString(l.text) > 80 {
			continue
		}
		lt := strings.ToLower(l.text)
		for _, w := range []string{"published", "publication date", "submitted on"} {
			if k := strings.Index(lt, w); k >= 0 {
				if y := model.ParseYear(l.text[k+len(w):]); y >= 1800 {
					return y
				}
			}
		}
	}
	// a full date alone on a short line of the header ("Open Access
	// 22.05.2024 | Article"), when no other dated line says otherwise and
	// it is not the date of a step before publication or of a visit
	year := 0
	for i := a; i < end && i < a+40; i++ {
		l := &d.lines[i]
		if l.kind != lpText || d.inList[i] || utf8.RuneCountInString(l.text) > 60 {
			continue // labelled dates were weighed already
		}
		m := lpNumDateRe.FindString(l.text)
		if m == "" || lpOtherDateRe.MatchString(l.text) {
			continue
		}
		if y := model.ParseYear(m); year != 0 && y != year {
			return 0
		} else {
			year = y
		}
	}
	if year != 0 {
		return year
	}
	return d.copyrightYear(a, end)
}

// lpCopyrightRe finds the year of a copyright notice ("© 2017 The
// Authors", "Copyright (c) 2019").
var lpCopyrightRe = regexp.MustCompile(`(?i)(?:©|\(c\)|copyright)\s*(?:\(c\)\s*|©\s*)?((?:1[89]|20)\d\d)\b`)

// copyrightYear returns the year of the one copyright notice standing in
// the first lines of the header of [a, end), when the page dates the work
// in no other way: the authors' or the journal's copyright is that of the
// year of publication. Two notices of different years (the work's and the
// site's), or other dates of the page that do not fit, leave it
// undecided: 0.
func (d *lpDoc) copyrightYear(a, end int) int {
	year := 0
	for i := a; i < end && i < a+40; i++ {
		l := &d.lines[i]
		if l.kind == lpBlank || d.inList[i] || utf8.RuneCountInString(l.text) > 200 {
			continue
		}
		for _, m := range lpCopyrightRe.FindAllStringSubmatch(l.text, -1) {
			y := lpAtoi(m[1])
			if year != 0 && y != year {
				return 0
			}
			year = y
		}
	}
	if year == 0 {
		return 0
	}
	// the other dates of the page (received, accepted, updated, accessed)
	// fall in the year of publication or the one before; one later or
	// earlier makes the notice the site's or a later version's
	for i := a; i < end && i < a+40; i++ {
		l := &d.lines[i]
		if l.kind == lpBlank || d.inList[i] || !lpOtherDateRe.MatchString(l.text) {
			continue
		}
		for _, m := range lpYearRe.FindAllString(lpCopyrightRe.ReplaceAllString(l.text, ""), -1) {
			if y := lpAtoi(m); y != year && y != year-1 {
				return 0
			}
		}
	}
	return year
}

// lpYearRe finds a year's four digits standing alone.
var lpYearRe = regexp.MustCompile(`\b(?:1[89]|20)\d\d\b`)

// lpOtherDateRe marks dates that are not of publication.
var lpOtherDateRe = regexp.MustCompile(`(?i)received|accepted|revised|submitted|deposited|accessed|retrieved|updated|modified|consulted|eingereicht|angenommen|abgerufen|reçu|accepté|recibido|aceptado|recebido|aceito|поступила|принята|©|\(c\)`)

// lpYear returns the year of publication: of a labelled date, else of the
// citation line, else of the online version, else of a date standing alone.
// Online dates come after the issue's, as bibliographic databases count
// the issue year.
func lpYear(fs []lpFact) int {
	for _, want := range []struct {
		key  string
		rank int
	}{{"pubdate", 0}, {"pubdate", 1}, {"epubdate", 0}, {"epubdate", 1}, {"pubdate", 2}} {
		for _, f := range fs {
			if f.f.key == want.key && f.f.rank == want.rank {
				// a year found by its form alone before 1800 is more likely
				// a count ("All GPs (1697)")
				if y := model.ParseYear(f.f.val); y != 0 && (y >= 1800 || want.rank == 0) {
					return y
				}
			}
		}
	}
	return 0
}

// pickTitle chooses the title among the candidate lines of [a, end): the
// first one followed by what follows a title, else, when longest is set,
// the longest. A candidate standing above a volume line without journal
// name is that journal's name: it is returned as a venue fact.
func (d *lpDoc) pickTitle(a, end int, longest bool) (int, []lpFact) {
	long, best := -1, 0
	var venues []lpFact
	for _, i := range lpWithin(d.cands, func(i int) int { return i }, a, end) {
		if d.used[i] {
			continue
		}
		t := d.lines[i].text
		w := model.CountWords(t)
		if w < 2 || utf8.RuneCountInString(t) > 400 {
			continue
		}
		j := d.next(i)
		if j >= 0 && d.follows(j) {
			if lj := &d.lines[j]; lj.kind == lpMeta && lpHasKey(lj.fields, "volume") && !lpHasKey(lj.fields, "venue") {
				// "Journal name" above "Volume 381, December 2025": a venue
				venues = append(venues, lpFact{i: i, f: lpField{key: "venue", val: t, rank: 1}})
				continue
			}
			return i, venues
		}
		if n := utf8.RuneCountInString(t); longest && w >= 4 && n <= 300 && n > best {
			long, best = i, n
		}
	}
	return long, venues
}

// follows reports whether line j is what comes under a title: authors,
// dates, a citation line, a DOI, an abstract.
func (d *lpDoc) follows(j int) bool {
	l := &d.lines[j]
	switch l.kind {
	case lpMeta:
		for _, f := range l.fields {
			if f.key != "ignore" && f.key != "type" {
				return true
			}
		}
	case lpLabel:
		return l.label != "ignore" && l.label != "type"
	case lpHead:
		return l.sec == lpSecAbstract || l.sec == lpSecAbstractAlt
	case lpProse:
		return true
	case lpText:
		_, ok := lpAuthors(l.text)
		return ok
	}
	return false
}

// aboutSite reports whether an unheaded paragraph is the site's own
// description, standing right above the page footer.
func (d *lpDoc) aboutSite(x *lpAbs) bool {
	for j := x.end; j < len(d.lines); j++ {
		switch l := &d.lines[j]; {
		case l.kind == lpBlank:
			continue
		case l.kind == lpBoiler && l.footer:
			return true
		}
		return false
	}
	return false
}

// lpDedupe drops repeated keywords, ignoring case.
func lpDedupe(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, k := range list {
		if f := strings.ToLower(k); !seen[f] {
			seen[f] = true
			out = append(out, k)
		}
	}
	return out
}

// lpLinkOnly reports whether t holds only the link texts sites print after
// a reference ("Google Scholar", "[CrossRef]"). None has a digit: the test
// spares the expression the lines of a reference list, which all have one.
func lpLinkOnly(t string) bool {
	return !strings.ContainsAny(t, "0123456789") && lpLinkOnlyRe.MatchString(t)
}
