package parse

import (
	"bytes"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads BibTeX and biblatex files, written from the BibTeX format
// description (Patashnik, "BibTeXing", and the biblatex manual): entries
// "@type{key, field = value, ...}" or "@type(key, ...)", values in braces,
// in quotes, bare numbers or @string macros joined with "#", @comment and
// @preamble, crossref inheritance. The Web of Science and Scopus flavours
// are recognised per entry and their cited references read.

func init() {
	register(Format{Name: "bibtex", Order: 60, Sniff: bibSniff, Read: bibRead})
}

// bibEntryStart matches the start of an entry: "@type{" or "@type(".
var bibEntryStart = regexp.MustCompile(`^@[ \t]*([A-Za-z][A-Za-z0-9_:-]*)[ \t]*[{(]`)

// bibLoneType matches a line holding only "@type", whose entry BibTeX would
// open on a later line; it is reported rather than dropped silently.
var bibLoneType = regexp.MustCompile(`^@[ \t]*([A-Za-z][A-Za-z0-9_:-]*)[ \t]*$`)

// bibSniffEntry matches an entry's first line as a sniffer wants it: the key
// and its comma follow the brace ("@article{key,"), or the line ends there.
var bibSniffEntry = regexp.MustCompile(`^@[ \t]*([A-Za-z][A-Za-z0-9_:-]*)[ \t]*[{(][ \t]*(?:([^\s,{}()="#%']+[ \t]*[,})])|$)`)

// bibKnownTypes are the BibTeX and biblatex entry types accepted by the
// sniffer when the key is not on the entry's first line; other at-rules
// (CSS "@media screen {", "@font-face {") are not BibTeX.
var bibKnownTypes = map[string]bool{
	"article": true, "book": true, "booklet": true, "conference": true, "inbook": true, "incollection": true,
	"inproceedings": true, "manual": true, "mastersthesis": true, "misc": true, "phdthesis": true,
	"proceedings": true, "techreport": true, "unpublished": true, "online": true, "report": true,
	"thesis": true, "collection": true, "dataset": true, "software": true, "patent": true,
	"periodical": true, "electronic": true, "www": true, "string": true, "preamble": true, "comment": true,
}

// bibSniff accepts input in which, after any leading "%" comments, blank
// lines or junk text, a line starts an entry: "@type{key," or "@type(key,",
// or "@type{" alone for a known entry type, or @string, @preamble, @comment.
func bibSniff(_ string, head []byte) bool {
	for len(head) > 0 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		t := strings.TrimLeft(string(line), " \t")
		if !strings.HasPrefix(t, "@") {
			continue
		}
		if m := bibSniffEntry.FindStringSubmatch(t); m != nil {
			typ := strings.ToLower(m[1])
			if m[2] != "" || bibKnownTypes[typ] {
				return true
			}
		}
		if m := bibEntryStart.FindStringSubmatch(t); m != nil {
			switch strings.ToLower(m[1]) {
			case "string", "preamble", "comment":
				return true
			}
		}
	}
	return false
}

// bibMonths are the month macros every BibTeX style predefines.
var bibMonths = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
	"jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

// bibLine is one input line kept while an entry is being collected.
type bibLine struct {
	num  int
	text string
}

// bibField is one "name = value" of an entry; value is the raw TeX text with
// macros expanded and "#" parts joined.
type bibField struct {
	name  string // lower case
	value string
	line  int
}

// bibEntry is one parsed entry.
type bibEntry struct {
	typ, key string
	line     int
	fields   []bibField
}

// field returns the first field called name.
func (e *bibEntry) field(name string) (bibField, bool) {
	for _, f := range e.fields {
		if f.name == name {
			return f, true
		}
	}
	return bibField{}, false
}

// bibReader holds the state of one file: the entry being collected, the
// macros and keys seen, and entries waiting for their crossref parent.
type bibReader struct {
	s      *Sink
	macros map[string]string
	keys   map[string]int        // lower-case key -> line of its first entry
	parent map[string][]bibField // lower-case key -> inheritable fields
	wait   map[string][]*bibEntry

	// the entry being collected
	in        bool
	lines     []bibLine
	startCol  int
	open      byte
	depth     int
	quote     bool
	escaped   bool
	endOffset int // in the last line, the index after the closing delimiter
}

// bibParentMax bounds the values kept for crossref inheritance, so that long
// abstracts and reference lists are not held for the whole file.
const bibParentMax = 1024

// bibRead is the Read of the bibtex format.
func bibRead(r io.Reader, s *Sink) error {
	b := &bibReader{s: s, macros: map[string]string{}, keys: map[string]int{},
		parent: map[string][]bibField{}, wait: map[string][]*bibEntry{}}
	lr := newLineReader(r)
	for lr.Scan() {
		if lr.Long() {
			s.Warnf(lr.Line(), "line longer than %d bytes, cut", maxLine)
		}
		b.scanLine(lr.Line(), lr.Text())
	}
	// An entry still open at the end of the file is skipped and reading
	// starts again at the next line that begins with "@". Rereading is
	// bounded so that a file of many broken entries stays linear.
	budget := 8*lr.Line() + 1000
	for b.in {
		lines := b.lines
		head := strings.TrimSpace(lines[0].text[b.startCol:])
		s.Skipf(lines[0].num, "unterminated entry %q: no closing %q before the end of the file", Shorten(head, 60), bibCloser(b.open))
		b.in = false
		b.lines = nil
		for i := 1; i < len(lines); i++ {
			if !strings.HasPrefix(strings.TrimLeft(lines[i].text, " \t"), "@") {
				continue
			}
			if budget -= len(lines) - i; budget < 0 {
				s.Skipf(lines[i].num, "too many unterminated entries: the rest of the file is not read")
				break
			}
			for _, l := range lines[i:] {
				b.scanLine(l.num, l.text)
			}
			break
		}
	}
	b.flushWaiting()
	return lr.Err()
}

// bibCloser returns the delimiter that closes an entry opened with open.
func bibCloser(open byte) byte {
	if open == '(' {
		return ')'
	}
	return '}'
}

// scanLine feeds one line to the entry collector: outside an entry it looks
// for "@type{"; inside, it follows braces (and quotes in "(" entries) to
// the entry's end, then parses the entry.
func (b *bibReader) scanLine(num int, text string) {
	pos := 0
	for pos <= len(text) {
		if !b.in {
			if pos == 0 && strings.HasPrefix(strings.TrimLeft(text, " \t"), "%") {
				return // a comment line between entries
			}
			at := strings.IndexByte(text[pos:], '@')
			if at < 0 {
				return
			}
			at += pos
			m := bibEntryStart.FindStringIndex(text[at:])
			if m == nil {
				if w := bibLoneType.FindStringSubmatch(text[at:]); w != nil && strings.TrimSpace(text[:at]) == "" &&
					!strings.EqualFold(w[1], "comment") {
					b.s.Skipf(num, "entry @%s has no { or ( on its line, not read", w[1])
				}
				pos = at + 1
				continue
			}
			b.in, b.startCol, b.open = true, at, text[at+m[1]-1]
			b.depth, b.quote, b.escaped = 0, false, false
			b.lines = b.lines[:0]
			pos = at + m[1]
		}
		end := b.scanBody(text, pos)
		b.lines = append(b.lines, bibLine{num, text})
		if end < 0 {
			return
		}
		b.endOffset = end
		b.in = false
		b.finishEntry()
		pos = end
	}
}

// scanBody follows the entry body in text from pos and returns the index
// after the closing delimiter, or -1 when the entry goes on.
func (b *bibReader) scanBody(text string, pos int) int {
	for i := pos; i < len(text); i++ {
		if b.escaped {
			b.escaped = false
			continue
		}
		switch c := text[i]; c {
		case '\\':
			b.escaped = true
		case '{':
			b.depth++
		case '}':
			if b.depth == 0 && b.open == '{' {
				return i + 1
			}
			if b.depth > 0 {
				b.depth--
			}
		case '"':
			if b.open == '(' && b.depth == 0 {
				b.quote = !b.quote
			}
		case ')':
			if b.open == '(' && b.depth == 0 && !b.quote {
				return i + 1
			}
		}
	}
	b.escaped = false // a backslash at the end of a line escapes nothing
	return -1
}

// finishEntry joins the collected lines into the entry text and reads it.
func (b *bibReader) finishEntry() {
	var sb strings.Builder
	for i, l := range b.lines {
		t := l.text
		if i == len(b.lines)-1 {
			t = t[:b.endOffset]
		}
		if i == 0 {
			t = t[b.startCol:]
		} else {
			sb.WriteByte('\n')
		}
		sb.WriteString(t)
	}
	p := &bibParser{b: b, text: sb.String(), line0: b.lines[0].num, lastLine: b.lines[0].num}
	b.lines = b.lines[:0]
	p.entry()
}

// bibParser reads one complete entry text, from "@" to its closing delimiter.
type bibParser struct {
	b        *bibReader
	text     string
	pos      int
	line0    int
	lastPos  int
	lastLine int
}

// line returns the input line of text[pos].
func (p *bibParser) line(pos int) int {
	if pos < p.lastPos {
		p.lastPos, p.lastLine = 0, p.line0
	}
	p.lastLine += strings.Count(p.text[p.lastPos:pos], "\n")
	p.lastPos = pos
	return p.lastLine
}

// skipSpace moves past white space.
func (p *bibParser) skipSpace() {
	for p.pos < len(p.text) && bibIsSpace(p.text[p.pos]) {
		p.pos++
	}
}

// end is the index of the entry's closing delimiter.
func (p *bibParser) end() int { return len(p.text) - 1 }

// entry parses the whole entry and hands it on.
func (p *bibParser) entry() {
	m := bibEntryStart.FindStringSubmatchIndex(p.text)
	typ := strings.ToLower(p.text[m[2]:m[3]])
	p.pos = m[1]
	switch typ {
	case "comment":
		return
	case "preamble":
		p.skipSpace()
		p.value()
		return
	case "string":
		for _, f := range p.fields() {
			p.b.macros[f.name] = f.value
		}
		return
	}
	e := &bibEntry{typ: typ, line: p.line0}
	p.skipSpace()
	start := p.pos
	for p.pos < p.end() && !bibIsSpace(p.text[p.pos]) && p.text[p.pos] != ',' {
		p.pos++
	}
	e.key = p.text[start:p.pos]
	p.skipSpace()
	if p.pos < p.end() && p.text[p.pos] == '=' || strings.ContainsAny(e.key, "={}\"") {
		// "@article{title = ...": the key is missing
		p.b.s.Warnf(e.line, "@%s entry has no key", typ)
		e.key, p.pos = "", start
	}
	e.fields = p.fields()
	if e.key == "" && len(e.fields) == 0 {
		p.b.s.Skipf(e.line, "@%s entry is empty", typ)
		return
	}
	p.b.entry(e)
}

// fields parses "name = value" pairs up to the end of the entry.
func (p *bibParser) fields() []bibField {
	var out []bibField
	for {
		for p.pos < p.end() && (bibIsSpace(p.text[p.pos]) || p.text[p.pos] == ',') {
			p.pos++
		}
		if p.pos >= p.end() {
			return out
		}
		if p.text[p.pos] == '%' {
			// a commented-out field, as biber allows
			if i := strings.IndexByte(p.text[p.pos:p.end()], '\n'); i >= 0 {
				p.pos += i
				continue
			}
			return out
		}
		start := p.pos
		for p.pos < p.end() && !strings.ContainsRune("=,{}\"#", rune(p.text[p.pos])) {
			p.pos++
		}
		name := strings.ToLower(CleanSpace(p.text[start:p.pos]))
		line := p.line(start)
		if name == "" || p.pos >= p.end() || p.text[p.pos] != '=' {
			what := p.text[start:p.end()]
			if i := strings.IndexAny(what, ",\n"); i >= 0 {
				what = what[:i]
			}
			what = Shorten(what, 40)
			p.b.s.Warnf(line, "unreadable text %q in entry, skipped to the next field", what)
			p.skipToComma()
			continue
		}
		p.pos++ // '='
		p.skipSpace()
		vline := p.line(p.pos)
		v, ok := p.value()
		if !ok {
			p.b.s.Warnf(vline, "field %q has an unreadable value, skipped", name)
			p.skipToComma()
			continue
		}
		out = append(out, bibField{name: name, value: v, line: vline})
	}
}

// skipToComma moves past the next comma outside braces and quotes.
func (p *bibParser) skipToComma() {
	depth, quote := 0, false
	for ; p.pos < p.end(); p.pos++ {
		switch p.text[p.pos] {
		case '\\':
			p.pos++
		case '{':
			depth++
		case '}':
			depth--
		case '"':
			if depth == 0 {
				quote = !quote
			}
		case ',':
			if depth <= 0 && !quote {
				p.pos++
				return
			}
		}
	}
}

// value parses a value: parts in braces, in quotes, numbers or macro names,
// joined by "#". It reports false when no part could be read.
func (p *bibParser) value() (string, bool) {
	var sb strings.Builder
	for {
		p.skipSpace()
		if p.pos >= p.end() {
			return sb.String(), false
		}
		switch c := p.text[p.pos]; {
		case c == '{':
			close := bibGroupEnd(p.text, p.pos)
			if close > p.end() {
				close = p.end()
			}
			sb.WriteString(p.text[p.pos+1 : close])
			p.pos = close + 1
		case c == '"':
			close := p.quoteEnd(p.pos + 1)
			sb.WriteString(p.text[p.pos+1 : close])
			p.pos = min(close+1, p.end())
		case c >= '0' && c <= '9':
			start := p.pos
			for p.pos < p.end() && p.text[p.pos] >= '0' && p.text[p.pos] <= '9' {
				p.pos++
			}
			sb.WriteString(p.text[start:p.pos])
		case c < utf8.RuneSelf && unicode.IsLetter(rune(c)):
			start := p.pos
			for p.pos < p.end() && !bibIsSpace(p.text[p.pos]) && !strings.ContainsRune(",#{}\"=()", rune(p.text[p.pos])) {
				p.pos++
			}
			name := p.text[start:p.pos]
			if v, ok := p.b.macros[strings.ToLower(name)]; ok {
				sb.WriteString(v)
			} else if v, ok := bibMonths[strings.ToLower(name)]; ok {
				sb.WriteString(v)
			} else {
				p.b.s.Warnf(p.line(start), "undefined macro %q, kept as text", name)
				sb.WriteString(name)
			}
		default:
			return sb.String(), false
		}
		p.skipSpace()
		if p.pos < p.end() && p.text[p.pos] == '#' {
			p.pos++
			continue
		}
		return sb.String(), true
	}
}

// quoteEnd returns the index of the quote closing a value opened before
// from: the first '"' outside braces that is not escaped.
func (p *bibParser) quoteEnd(from int) int {
	depth := 0
	for i := from; i < p.end(); i++ {
		switch p.text[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			depth--
		case '"':
			if depth <= 0 {
				return i
			}
		}
	}
	return p.end()
}

// bibNotInherited are fields never copied from a crossref parent.
var bibNotInherited = map[string]bool{"crossref": true, "ids": true, "key": true, "abstract": true}

// entry checks a parsed entry's key, resolves its crossref and emits it.
func (b *bibReader) entry(e *bibEntry) {
	lk := strings.ToLower(e.key)
	if lk != "" {
		if first, ok := b.keys[lk]; ok {
			b.s.Warnf(e.line, "duplicate key %q (first used at line %d)", e.key, first)
		} else {
			b.keys[lk] = e.line
			var keep []bibField
			for _, f := range e.fields {
				if !bibNotInherited[f.name] && len(f.value) <= bibParentMax {
					keep = append(keep, f)
				}
			}
			keep = append(keep, bibField{name: "@type", value: e.typ})
			b.parent[lk] = keep
		}
	}
	if cr, ok := e.field("crossref"); ok {
		pk := strings.ToLower(bibTeXVerbatim(cr.value))
		if _, seen := b.parent[pk]; !seen {
			b.wait[pk] = append(b.wait[pk], e) // the parent usually follows
		} else {
			b.inherit(e, pk)
			b.emit(e)
		}
	} else {
		b.emit(e)
	}
	if children := b.wait[lk]; lk != "" && len(children) > 0 {
		delete(b.wait, lk)
		for _, c := range children {
			b.inherit(c, lk)
			b.emit(c)
		}
	}
}

// inherit copies into e the fields its crossref parent has and e lacks; a
// parent's title becomes the child's booktitle, as biblatex does.
func (b *bibReader) inherit(e *bibEntry, parentKey string) {
	has := map[string]bool{}
	for _, f := range e.fields {
		has[f.name] = true
	}
	var ptitle bibField
	for _, f := range b.parent[parentKey] {
		switch {
		case f.name == "@type":
		case f.name == "title":
			ptitle = f
			if !has["title"] && !has["booktitle"] {
				has["title"] = true
				e.fields = append(e.fields, f)
			}
		case !has[f.name]:
			has[f.name] = true
			e.fields = append(e.fields, f)
		}
	}
	if !has["booktitle"] && ptitle.value != "" {
		e.fields = append(e.fields, bibField{name: "booktitle", value: ptitle.value, line: ptitle.line})
	}
}

// flushWaiting emits, at the end of the file, entries whose crossref parent
// never appeared.
func (b *bibReader) flushWaiting() {
	var rest []*bibEntry
	for _, es := range b.wait {
		rest = append(rest, es...)
	}
	slices.SortFunc(rest, func(x, y *bibEntry) int { return x.line - y.line })
	for _, e := range rest {
		cr, _ := e.field("crossref")
		b.s.Warnf(cr.line, "crossref %q not found, nothing inherited", bibTeXVerbatim(cr.value))
		b.emit(e)
	}
	b.wait = map[string][]*bibEntry{}
}

var (
	bibCitedByRe = regexp.MustCompile(`(?i)\bcited\s+by\s*:?\s*(\d+)`)
	bibEIDRe     = regexp.MustCompile(`\beid=(2-s2\.0-\d+)`)
	bibArxivRe   = regexp.MustCompile(`^(?:arxiv:)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[a-z]{2})?/\d{7}(?:v\d+)?)$`)
)

// bibMapped are the fields the reader uses; a repeated one is reported.
var bibMapped = map[string]bool{
	"title": true, "author": true, "year": true, "date": true, "journal": true, "journaltitle": true,
	"booktitle": true, "volume": true, "number": true, "issue": true, "pages": true, "doi": true,
	"url": true, "abstract": true, "issn": true, "isbn": true, "eprint": true, "crossref": true,
	"cited-references": true, "references": true, "unique-id": true, "times-cited": true,
	"number-of-cited-references": true,
}

// emit maps an entry's fields onto a Record and adds it.
func (b *bibReader) emit(e *bibEntry) {
	rec := Record{Line: e.line, Type: e.typ}
	rec.SetID("key", e.key)
	f := map[string]bibField{}
	for _, fl := range e.fields {
		if _, dup := f[fl.name]; dup {
			if bibMapped[fl.name] {
				b.s.Warnf(fl.line, "field %q repeated, the first one is used", fl.name)
			}
			continue
		}
		f[fl.name] = fl
	}
	text := func(names ...string) string {
		for _, n := range names {
			if v := bibTeXText(f[n].value); v != "" {
				return v
			}
		}
		return ""
	}
	verb := func(n string) string { return bibTeXVerbatim(f[n].value) }

	// old exports write the accession number "ISI:000…" for today's "WOS:000…"
	uid := verb("unique-id")
	if u := strings.ToUpper(uid); strings.HasPrefix(u, "ISI:") || strings.HasPrefix(u, "WOS:") {
		uid = "WOS:" + uid[4:]
	}
	_, hasCR := f["cited-references"]
	ukey := strings.ToUpper(e.key)
	isWoS := strings.HasPrefix(ukey, "WOS:") || strings.HasPrefix(ukey, "ISI:") || strings.HasPrefix(uid, "WOS:") ||
		hasCR || f["web-of-science-categories"].value != ""
	isScopus := !isWoS && (strings.EqualFold(verb("source"), "scopus") || strings.Contains(verb("url"), "scopus.com"))

	rec.Title = text("title")
	if a, ok := f["author"]; ok {
		rec.Authors = bibAuthors(a.value)
	}
	if y, ok := f["year"]; ok {
		if rec.Year = ParseYear(bibTeXText(y.value)); rec.Year == 0 && strings.TrimSpace(y.value) != "" {
			b.s.Warnf(y.line, "year %q holds no year", Shorten(bibTeXText(y.value), 30))
		}
	}
	if rec.Year == 0 {
		// biblatex dates; WoS gives early-access articles only this date
		rec.Year = ParseYear(text("date", "early access date", "earlyaccessdate"))
	}
	rec.Venue = text("journal", "journaltitle", "booktitle")
	rec.VenueAbbrev = text("journal-iso", "abbrev_source_title", "shortjournal")
	rec.Volume = text("volume")
	rec.Issue = text("number", "issue")
	rec.Pages = strings.NewReplacer("–", "-", "—", "-").Replace(text("pages"))
	rec.Abstract = text("abstract")
	if d := verb("doi"); d != "" {
		if rec.DOI = NormalizeDOI(d); rec.DOI == "" {
			b.s.Warnf(f["doi"].line, "doi %q is not a doi", Shorten(d, 40))
		}
	}
	if u := strings.Join(strings.Fields(verb("url")), ""); u != "" {
		rec.SetID("url", u)
		if rec.DOI == "" && strings.Contains(strings.ToLower(u), "doi.org/") {
			if un, err := url.PathUnescape(u); err == nil {
				u = un
			}
			rec.DOI = NormalizeDOI(u)
		}
		if m := bibEIDRe.FindStringSubmatch(u); m != nil {
			rec.SetID("scopus", m[1])
		}
	}
	// Scopus writes author_keywords and its index keywords as keywords; WoS
	// keywords and Keywords Plus as keywords-plus
	if _, ok := f["author_keywords"]; ok || isScopus {
		rec.Keywords = bibKeywords(text("author_keywords"))
		rec.IndexKeywords = bibKeywords(text("keywords", "keywords-plus"))
	} else {
		rec.Keywords = bibKeywords(text("keywords"))
		rec.IndexKeywords = bibKeywords(text("keywords-plus"))
	}
	if aff, ok := f["affiliation"]; ok && isWoS {
		addWoSBibAffiliations(&rec, aff.value)
	} else if aff := text("affiliation", "affiliations"); aff != "" {
		addAddresses(&rec, aff, -1)
	}
	rec.SetID("issn", bibFirst(verb("issn"), verb("eissn")))
	rec.SetID("isbn", verb("isbn"))
	rec.SetID("pmid", bibFirst(verb("pmid"), verb("pubmed_id")))
	rec.SetID("pmcid", verb("pmcid"))
	if a := bibFirst(verb("arxiv"), verb("arxivid")); a != "" {
		rec.SetID("arxiv", a)
	} else if ep := verb("eprint"); ep != "" {
		pfx := strings.ToLower(bibFirst(verb("archiveprefix"), verb("eprinttype")))
		if pfx == "arxiv" || pfx == "" && bibArxivRe.MatchString(strings.ToLower(ep)) {
			if strings.HasPrefix(strings.ToLower(ep), "arxiv:") {
				ep = ep[len("arxiv:"):]
			}
			rec.SetID("arxiv", ep)
		}
	}

	switch {
	case isWoS:
		rec.Format = "wos-bibtex"
		rec.SetID("wos", uid)
		rec.RefsDeclared = b.count(f["number-of-cited-references"])
		rec.CitedBy = b.count(f["times-cited"])
		if cr, ok := f["cited-references"]; ok {
			rec.References = bibWoSReferences(cr)
		}
	case isScopus:
		rec.Format = "scopus-bibtex"
		if m := bibCitedByRe.FindStringSubmatch(verb("note")); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil {
				rec.CitedBy = IntPtr(n)
			}
		}
		if rf, ok := f["references"]; ok {
			for _, raw := range SplitScopusReferences(bibTeXVerbatim(rf.value)) {
				ref := ParseScopusReference(raw)
				ref.Line = rf.line
				rec.References = append(rec.References, ref)
			}
		}
	}
	b.s.Add(rec)
}

// count reads a stated count such as Times-Cited; a value that is not a
// number is reported and left unset.
func (b *bibReader) count(f bibField) *int {
	v := bibTeXVerbatim(f.value)
	if v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		b.s.Warnf(f.line, "%s %q is not a count", f.name, Shorten(v, 20))
		return nil
	}
	return IntPtr(n)
}

// bibWoSReferences splits a WoS Cited-References value: one reference per
// line, each ending with a full stop that plain WoS CR strings do not have.
func bibWoSReferences(f bibField) []Reference {
	var refs []Reference
	for i, line := range strings.Split(f.value, "\n") {
		raw := strings.TrimSuffix(bibTeXVerbatim(line), ".")
		if raw == "" {
			continue
		}
		ref := ParseWoSReference(raw)
		ref.Line = f.line + i
		refs = append(refs, ref)
	}
	return refs
}

// bibWoSAuthorRe matches the name that opens a line of a WoS BibTeX
// Affiliation field: "Greco, Salvatore, " or "Figueira, JR (Corresponding
// Author), ".
var bibWoSAuthorRe = regexp.MustCompile(`^([^,]+, [^,]+?)(\s*\((?:Corresponding|Reprint) Author\))?, `)

// addWoSBibAffiliations reads the Affiliation field of a WoS BibTeX entry:
// one "Family, Given, address." line per author and address, the
// corresponding author's address repeated first; old records give the
// addresses alone.
func addWoSBibAffiliations(r *Record, raw string) {
	for _, line := range strings.Split(raw, "\n") {
		line = bibTeXText(line)
		if line == "" {
			continue
		}
		m := bibWoSAuthorRe.FindStringSubmatch(line)
		if m == nil {
			r.AddAffiliation(parseWoSAddress(line), -1)
			continue
		}
		author := authorIndex(r.Authors, m[1])
		if author < 0 && m[2] == "" {
			r.AddAffiliation(parseWoSAddress(line), -1) // no name: "Org, Dept, City, Country."
			continue
		}
		r.AddAffiliation(parseWoSAddress(line[len(m[0]):]), author)
	}
}

// bibKeywords splits a keyword list on ";" or, when there is none, on ",".
func bibKeywords(s string) []string {
	sep := ","
	if strings.Contains(s, ";") {
		sep = ";"
	}
	var out []string
	for _, k := range strings.Split(s, sep) {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// bibFirst returns the first non-empty value.
func bibFirst(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// bibAuthors splits a BibTeX name list on "and" outside braces and reads
// each name in the three BibTeX forms: "First von Last", "von Last, First"
// and "von Last, Jr, First". A name wholly in braces ("{World Health
// Organization}") is kept whole; "others" (et al.) is dropped.
func bibAuthors(raw string) []Author {
	var out []Author
	var name []string
	flush := func() {
		if len(name) == 0 || len(name) == 1 && strings.EqualFold(name[0], "others") {
			name = nil
			return
		}
		if a := bibName(name); a.Family != "" {
			out = append(out, a)
		}
		name = nil
	}
	for _, w := range bibWords(raw) {
		if strings.EqualFold(w, "and") {
			flush()
			continue
		}
		name = append(name, w)
	}
	flush()
	return out
}

// bibWords splits s at white space and ties outside braces.
func bibWords(s string) []string {
	var words []string
	depth, start := 0, -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			if start < 0 {
				start = i
			}
			i++
			continue
		}
		sep := depth == 0 && (bibIsSpace(c) || c == '~')
		switch c {
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		}
		if sep {
			if start >= 0 {
				words = append(words, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words
}

// bibName reads one name given as its words (TeX, outside-brace split).
func bibName(words []string) Author {
	if len(words) == 1 && strings.HasPrefix(words[0], "{") && bibGroupEnd(words[0], 0) == len(words[0])-1 {
		return Author{Family: bibTeXText(words[0])}
	}
	// split into comma-separated parts, commas outside braces only
	var parts [][]string
	cur := []string{}
	for _, w := range words {
		for {
			i := bibTopComma(w)
			if i < 0 {
				break
			}
			if w[:i] != "" {
				cur = append(cur, w[:i])
			}
			parts = append(parts, cur)
			cur, w = []string{}, w[i+1:]
		}
		if w != "" {
			cur = append(cur, w)
		}
	}
	parts = append(parts, cur)
	join := func(ws []string) string { return bibTeXText(strings.Join(ws, " ")) }
	switch len(parts) {
	case 1:
		ws := parts[0]
		if len(ws) == 1 {
			return Author{Family: join(ws)}
		}
		// "John Smith Jr.": a trailing suffix goes with the family name
		if n := len(ws); n > 2 && isSuffix(bibTeXText(ws[n-1])) {
			a := bibName(ws[:n-1])
			a.Family += " " + bibTeXText(ws[n-1])
			return a
		}
		// "First von Last": von starts at the first lower-case word that is
		// not the last one and ends at the last such word.
		// Family is von and Last together.
		first := slices.IndexFunc(ws[:len(ws)-1], bibLowerWord)
		if first < 0 {
			return Author{Family: join(ws[len(ws)-1:]), Given: join(ws[:len(ws)-1])}
		}
		return Author{Family: join(ws[first:]), Given: join(ws[:first])}
	case 2:
		return Author{Family: join(parts[0]), Given: join(parts[1])}
	default:
		fam := join(parts[0])
		if jr := join(parts[1]); jr != "" {
			fam += " " + jr
		}
		var given []string
		for _, p := range parts[2:] {
			if g := join(p); g != "" {
				given = append(given, g)
			}
		}
		return Author{Family: fam, Given: strings.Join(given, ", ")}
	}
}

// bibTopComma returns the index of the first comma outside braces in w, or -1.
func bibTopComma(w string) int {
	depth := 0
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			depth--
		case ',':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// bibLowerWord reports whether a name word starts with a lower-case letter,
// as the von part does; a word in braces without a command is protected.
func bibLowerWord(w string) bool {
	if strings.HasPrefix(w, "{") && !strings.HasPrefix(w, "{\\") {
		return false
	}
	for _, r := range bibTeXText(w) {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}
