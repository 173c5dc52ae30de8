package parse

import (
	"bytes"
	"github.com/citegraph/citegraph/parse/freetext"
	"github.com/citegraph/citegraph/parse/landing"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads a pasted reference list: the bibliography of one paper
// copied from a PDF or a web page into a plain text file, one reference per
// line or per numbered ("1.", "[1]", "(1)") or bulleted ("-", "•", "*")
// entry, possibly wrapped over several lines, with or without blank lines
// between entries, optionally under a heading such as "References". The
// whole file is one Record without a title whose References are the
// entries, parsed with ParseReference, in order.

func init() {
	register(Format{Name: "reflist", Order: 90, Sniff: reflistSniff, Read: reflistRead})
}

var (
	reflistHeadingRe = regexp.MustCompile(`(?i)^(?:\d{1,2}\.?\s+|[IVX]{1,4}\.\s+)?(?:references?(?:\s+(?:list|cited))?|bibliography|bibliographie|bibliografía|bibliografia|bibliografie|literatur(?:verzeichnis|angaben)?|literature(?:\s+cited)?|cited\s+literature|works\s+cited|références(?:\s+bibliographiques)?|referencias(?:\s+bibliográficas)?|referências(?:\s+bibliográficas)?|riferimenti(?:\s+bibliografici)?|quellen(?:verzeichnis)?|sources|notes(?:\s+and\s+references)?)\s*:?$`)
	reflistMarkerRe  = regexp.MustCompile(`^(?:\[\s*(\d{1,5})[a-z]?\s*\]\s*|\((\d{1,5})\)\s+|(\d{1,5})[.)]\s+|[-•*·▪◦‣●–—]\s+)`)
	// reflistGluedRe matches a list number glued to the first word, as
	// superscript numbers come out of a PDF or page ("6Newhouse J P.").
	reflistLongNumRe = regexp.MustCompile(`^(?:\[\s*\d{4,5}\s*\]|\(\d{4,5}\)|\d{4,5}[.)])\s*`)
	reflistGluedRe   = regexp.MustCompile(`^(\d{1,5})\p{Lu}\p{Ll}`)
	// reflistForeignRe matches lines that belong to another layout: BibTeX
	// entries, RIS, WoS and MEDLINE tags, markup, JSON, labelled fields of
	// landing pages and exports.
	reflistForeignRe = regexp.MustCompile(`(?i)^(?:@[a-z]+\s*[{(]|<[!?a-z/]|[{\[]\s*["{\[]?\s*$|[{\[]\s*"|(?:abstract|title|doi|keywords?|authors?|source|journal|published|publisher|year|volume|issue|pages|issn|isbn|url|date|citations?|cited\s+by|downloads|views|affiliations?|language|document\s+type|type|subjects?|identifier|status|e-?mail|correspondence|received|accepted|summary|résumé|zusammenfassung|resumen|introduction|background|methods|results|conclusions?)\s*[:|=]|(?:abstract|summary|keywords|introduction|résumé|zusammenfassung|resumen)\s*$)`)
	// reflistTagRe matches the tagged lines of RIS ("TY  - "), MEDLINE
	// ("PMID- ", "AU  - ") and WoS ("PT J", "ER").
	reflistTagRe    = regexp.MustCompile(`^(?:[A-Z][A-Z0-9]\s{1,2}-\s|[A-Z]{2,4}\s*-\s|(?:FN|VR|PT|ER|EF)(?:\s|$))`)
	reflistWoSTagRe = regexp.MustCompile(`^[A-Z][A-Z0-9] \S`)
)

// reflistMaxEntry is the length beyond which an entry is reported as
// suspicious: ParseReference reads only the head of longer text.
const reflistMaxEntry = freetext.MaxLen

// reflistLine is one input line with its number.
type reflistLine struct {
	text string
	no   int
}

// reflistEntry is one reference of the list: its text with wrapped lines
// joined and its first line.
type reflistEntry struct {
	text   string
	line   int
	marked bool // started with a number or a bullet
}

// reflistSniff says yes only when most entries of the head read as
// references (a year, an author list or a list number, a title) and no line
// belongs to another layout.
func reflistSniff(name string, head []byte) bool {
	text := string(head)
	if i := strings.LastIndexByte(text, '\n'); i > 0 && len(head) == sniffSize {
		text = text[:i] // the last line may be cut
	}
	var lines []reflistLine
	for i, l := range strings.Split(text, "\n") {
		t := strings.TrimRight(l, " \t\r")
		tt := strings.TrimSpace(t)
		if tt == "" {
			lines = append(lines, reflistLine{"", i + 1})
			continue
		}
		if reflistForeignRe.MatchString(tt) || reflistTagRe.MatchString(t) || strings.Count(tt, "\t") >= 2 {
			return false
		}
		if reflistWoSTagRe.MatchString(t) && i < 3 {
			return false
		}
		lines = append(lines, reflistLine{t, i + 1})
	}
	if reflistCSVHeader(lines) {
		return false
	}
	// a landing page with its reference list is the landing reader's
	if landing.PageHeader(head) {
		return false
	}
	entries := reflistGroup(lines)
	if len(entries) < 2 {
		return false
	}
	good, long := 0, 0
	for _, e := range entries {
		if utf8.RuneCountInString(e.text) > 1500 {
			long++
		}
		if reflistLooksLikeRef(e) {
			good++
		}
	}
	return long == 0 && good*10 >= len(entries)*8
}

// reflistCSVHeader reports whether the first non-blank line is the header
// of a table: four or more short comma- or semicolon-separated names
// without digits ("Authors,Title,Year,Source title").
func reflistCSVHeader(lines []reflistLine) bool {
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		sep := ","
		if strings.Count(t, ";") > strings.Count(t, ",") {
			sep = ";"
		}
		fields := strings.Split(t, sep)
		if len(fields) < 4 {
			return false
		}
		for _, f := range fields {
			f = strings.Trim(strings.TrimSpace(f), `"`)
			if f == "" || len(f) > 40 || strings.ContainsAny(f, "0123456789.") {
				return false
			}
		}
		return true
	}
	return false
}

// reflistLooksLikeRef reports whether an entry reads as a reference: it has
// a year (or "n.d."/"in press"), an author list or a list number, and a
// title or venue, with the punctuation references use.
func reflistLooksLikeRef(e reflistEntry) bool {
	n := utf8.RuneCountInString(e.text)
	if n < 25 || n > 1500 {
		return false
	}
	if strings.Count(e.text, ",")+strings.Count(e.text, ".")+strings.Count(e.text, ";") < 2 {
		return false
	}
	ref := ParseReference(e.text)
	lower := strings.ToLower(e.text)
	dated := ref.Year > 0 || strings.Contains(lower, "n.d.") || strings.Contains(lower, "in press")
	return dated && (len(ref.Authors) > 0 || e.marked) && (ref.Title != "" || ref.Venue != "")
}

// reflistRead reads the whole list as one record.
func reflistRead(r io.Reader, s *Sink) error {
	lr := newLineReader(r)
	var lines []reflistLine
	for lr.Scan() {
		if lr.Long() {
			s.Warnf(lr.Line(), "line longer than %d bytes, cut", maxLine)
		}
		lines = append(lines, reflistLine{strings.TrimRight(lr.Text(), " \t\r"), lr.Line()})
	}
	if err := lr.Err(); err != nil {
		return err
	}
	entries := reflistGroup(lines)
	if len(entries) == 0 {
		s.Skipf(0, "no references found in the list")
		return nil
	}
	rec := Record{Line: entries[0].line}
	for _, e := range entries {
		ref := ParseReference(e.text)
		if m := reflistLongNumRe.FindString(e.text); m != "" && e.marked {
			// a number of four or more digits could read as a year: parse
			// the entry without it, keep it in Raw
			ref = ParseReference(e.text[len(m):])
			ref.Raw = CleanSpace(e.text)
		}
		ref.Line = e.line
		switch {
		case len(e.text) > reflistMaxEntry:
			s.Warnf(e.line, "entry of %d bytes is unlikely to be one reference (wrapped lines joined?); only its start was parsed", len(e.text))
		case ref.Year == 0 && len(ref.Authors) == 0 && ref.DOI == "":
			s.Warnf(e.line, "entry has no year, author or DOI: kept as raw text")
		}
		rec.References = append(rec.References, ref)
	}
	s.Add(rec)
	return nil
}

// reflistGroup joins lines into entries. A numbered or bulleted line always
// starts an entry; when the list uses such markers, other lines continue the
// entry before them. Without markers, a blank line ends an entry, an indented
// line (a hanging indent) or a line after an unfinished one (ending with a
// comma, "and", a hyphen, or wrapped at the full line width) continues it,
// and so does a line that neither opens with authors nor holds a year; any
// other line starts a new one. Headings are dropped.
func reflistGroup(lines []reflistLine) []reflistEntry {
	marks := reflistMarks(lines)
	nonBlank, marked, maxLen, minIndent := 0, 0, 0, -1
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" || reflistHeadingRe.MatchString(t) {
			continue
		}
		nonBlank++
		if marks[i] > 0 {
			marked++
		}
		if n := utf8.RuneCountInString(l.text); n > maxLen {
			maxLen = n
		}
		if ind := reflistIndent(l.text); minIndent < 0 || ind < minIndent {
			minIndent = ind
		}
	}
	// the width rule (a line as long as the longest was wrapped) holds for
	// text wrapped at a width, where many lines reach it
	full := 0
	for _, l := range lines {
		if n := utf8.RuneCountInString(l.text); maxLen > 0 && n*100 >= maxLen*90 {
			full++
		}
	}
	if full*10 < nonBlank*3 {
		maxLen = 0
	}
	// markers decide when at least a third of the lines carry one: in a
	// wrapped numbered list most lines are continuations
	markerMode := marked >= 2 && marked*3 >= nonBlank
	var out []reflistEntry
	var cur *reflistBuilder
	flush := func() {
		if cur != nil {
			out = append(out, reflistEntry{text: string(cur.buf), line: cur.line, marked: cur.marked})
			cur = nil
		}
	}
	prevBlank, prevLen := true, 0
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			prevBlank = true
			continue
		}
		if (cur == nil || prevBlank) && reflistHeadingRe.MatchString(t) {
			prevBlank = true
			continue
		}
		isMarked := marks[i] > 0
		start := cur == nil
		switch {
		case start:
		case markerMode:
			start = isMarked
		case isMarked:
			start = true
		case prevBlank:
			start = true
		case reflistIndent(l.text) > minIndent:
			start = false
		default:
			start = !cur.unfinished(prevLen, maxLen, t)
		}
		if start {
			flush()
			// a number stays in Raw (ParseReference skips it); a bullet goes,
			// and a number glued to the first word is set apart from it
			body := t
			if m := reflistMarkerRe.FindString(t); m != "" && !strings.ContainsAny(m, "0123456789") {
				body = t[len(m):]
			} else if isMarked && reflistGluedRe.MatchString(t) && marks[i] < len(t) && t[marks[i]] != ' ' && t[marks[i]] != '.' {
				body = t[:marks[i]] + " " + t[marks[i]:]
			}
			cur = &reflistBuilder{buf: []byte(body), line: l.no, marked: isMarked, hasYear: ParseYear(body) > 0}
		} else {
			cur.join(t)
		}
		prevBlank, prevLen = false, utf8.RuneCountInString(l.text)
	}
	flush()
	return out
}

// reflistMarks returns for each line the length of the list marker that
// opens it, or 0. A number of four or more digits, which may be a year, and
// a number glued to the first word ("6Newhouse J P.") count only where the
// numbers around them make a sequence (n-1 before it or n+1 after it), so
// that lists of any length are numbered and a year opening a line is not a
// number.
func reflistMarks(lines []reflistLine) []int {
	type cand struct {
		i, n, size int
		sure       bool
	}
	var cands []cand
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if m := reflistMarkerRe.FindStringSubmatch(t); m != nil {
			num := m[1] + m[2] + m[3]
			n, _ := strconv.Atoi(num)
			cands = append(cands, cand{i, n, len(m[0]), len(num) < 4})
			continue
		}
		if m := reflistGluedRe.FindStringSubmatch(t); m != nil {
			n, _ := strconv.Atoi(m[1])
			cands = append(cands, cand{i, n, len(m[1]), false})
		}
	}
	marks := make([]int, len(lines))
	for k, c := range cands {
		ok := c.sure || k > 0 && cands[k-1].n == c.n-1 || k+1 < len(cands) && cands[k+1].n == c.n+1
		if c.n == 0 && !c.sure {
			ok = false
		}
		if ok {
			marks[c.i] = c.size
		}
	}
	return marks
}

// reflistBuilder collects the text of one entry while lines are joined.
type reflistBuilder struct {
	buf     []byte
	line    int
	marked  bool
	hasYear bool
}

// reflistIndent counts the leading white space of a line (a tab as four).
func reflistIndent(s string) int {
	n := 0
	for _, c := range s {
		switch c {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// unfinished reports whether the entry so far cannot end where its last
// line ends, or the next line cannot start a reference, so that the next
// line continues the entry.
func (b *reflistBuilder) unfinished(lastLen, maxLen int, next string) bool {
	last, _ := utf8.DecodeLastRune(b.buf)
	first, _ := utf8.DecodeRuneInString(next)
	switch {
	case unicode.IsLower(first):
		return true
	case strings.ContainsRune(",;:-–&/(", last):
		return true
	}
	lw := string(b.buf[bytes.LastIndexByte(b.buf, ' ')+1:])
	switch strings.ToLower(lw) {
	case "and", "und", "et", "y", "in", "of", "the", "in:", "pp.", "vol.", "no.", "doi:", "&":
		return true
	}
	// an entry that ends with its DOI or URL has ended
	if strings.HasPrefix(lw, "http") || strings.HasPrefix(lw, "doi:") || strings.HasPrefix(lw, "10.") {
		if FindDOI(lw) != "" || strings.Count(lw, "/") >= 3 {
			return false
		}
	}
	// a line filling the width of the longest line was wrapped
	if maxLen >= 60 && lastLen*100 >= maxLen*90 && !strings.ContainsRune(".)]", last) {
		return true
	}
	// an entry too short to hold a year has not ended
	if !b.hasYear && len(b.buf) < 160 && utf8.RuneCount(b.buf) < 40 {
		return true
	}
	// a line that starts a reference holds a year or opens with personal
	// names ("Kuhn, Thomas S." but not "Jülich: Forschungszentrum")
	if ParseYear(next) > 0 {
		return false
	}
	a := freetext.LeadingAuthors(next)
	return len(a) == 0 || len(a) == 1 && a[0].Given == ""
}

// join appends a wrapped line, removing a hyphen that split a word
// ("organisa-" + "tion") and keeping one in a compound or a range.
func (b *reflistBuilder) join(next string) {
	b.hasYear = b.hasYear || ParseYear(next) > 0
	n := len(b.buf)
	switch {
	case n > 1 && b.buf[n-1] == '-':
		before, _ := utf8.DecodeLastRune(b.buf[:n-1])
		first, _ := utf8.DecodeRuneInString(next)
		if unicode.IsLetter(before) && unicode.IsLower(first) {
			b.buf = b.buf[:n-1]
		}
	case n > 1 && b.buf[n-1] == '/' && b.buf[n-2] != ' ':
		// a URL or DOI broken at a slash
	default:
		b.buf = append(b.buf, ' ')
	}
	b.buf = append(b.buf, next...)
}
