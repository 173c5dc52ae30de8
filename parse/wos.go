package parse

import (
	"regexp"
	"strconv"
	"strings"
)

// This file reads Web of Science plain-text exports ("FN Clarivate Analytics
// Web of Science", the ISI export format) and holds the field mapping the
// tab-delimited reader (wostab.go) shares.
//
// A record is a run of lines "XX value" with a two-character tag; a line
// starting with three spaces continues the previous tag. Multi-valued tags
// (AU, AF, CR, C1, …) put one value on each line; other tags wrap long values
// and the lines are joined with a space. "ER" ends a record, "EF" the file.
//
// Mapping: DT (else PT) → Type; AF full names (else AU, else group authors
// CA/GP) → Authors; TI → Title; SO → Venue; J9 (else JI) → VenueAbbrev, J9
// being the abbreviation WoS itself writes in cited references; PY (else the
// early-access year EY/EA, else PD) → Year; VL, IS; BP-EP (else AR, the
// article number) → Pages; DI → DOI; UT → IDs["wos"]; PM → IDs["pmid"]; SN
// (else EI) → IDs["issn"]; BN → IDs["isbn"]; DE → Keywords; ID (Keywords
// Plus) → IndexKeywords; C1 (else RP) → Affiliations; AB → Abstract; TC
// (else Z9) → CitedBy; NR → RefsDeclared; CR → References.

func init() {
	register(Format{Name: "wos", Order: 20, Sniff: wosSniff, Read: wosRead})
}

// wosMulti lists the tags whose continuation lines are separate values.
var wosMulti = map[string]bool{
	"AU": true, "AF": true, "BA": true, "BF": true, "CA": true, "GP": true, "BE": true,
	"ED": true, "CR": true, "C1": true, "C3": true,
}

// wosKnownTags lists the field tags of WoS exports (plain text and
// tab-delimited, old ISI and current Clarivate layouts).
var wosKnownTags = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`FN VR PT AU AF BA BF CA GP BE ED TI SO SE BS LA DT CT CY CL SP HO
		DE ID AB C1 C3 RP EM RI OI FU FP FX CR NR TC Z9 U1 U2 PU PI PA SN EI BN J9 JI PD PY VL IS
		PN SU SI MA BP EP AR DI DL D2 EA EY PG P2 WC WE SC GA PM OA HC HP DA UT ER EF`) {
		m[t] = true
	}
	return m
}()

var (
	// wosPTRe is the first line of a record without a file header.
	wosPTRe = regexp.MustCompile(`^PT [A-Z]\s*$`)
	// wosCRStrict is a cited reference whole enough to be told apart from
	// any other field's text: author, year, source and a locator.
	wosCRStrict = regexp.MustCompile(`^(?:[^,\d]{1,80}, (?:[^,\d]{1,12})?)?(?:1[5-9]|20)\d\d, [^,]+, (?:V\S*\d|[Pp]\S*\d|DOI )`)
	// wosCRLoose is a cited reference as found inside a CR field.
	wosCRLoose = regexp.MustCompile(`^(?:[^,]{1,80}, (?:[^,\d]{1,12})?)?(?:1[5-9]|20)\d\d(?:,|$)`)
)

// wosLooksStrictCR is wosCRStrict.MatchString, the regexp run only on lines
// that pass a quick test: in a strict reference the year is the first digit
// and ", " follows it. Most continuation lines (names, addresses) fail it.
func wosLooksStrictCR(line string) bool {
	i := strings.IndexAny(line, "0123456789")
	if i < 0 || !strings.HasPrefix(line[min(i+4, len(line)):], ", ") || !wosIsYear(line[i:min(i+4, len(line))]) {
		return false
	}
	return wosCRStrict.MatchString(line)
}

// wosSniff recognises a plain-text export by its "FN …"/"VR …" header, or,
// without one, by a first line "PT J" followed by other WoS tags.
func wosSniff(_ string, head []byte) bool {
	lines := wosHeadLines(head, 12)
	if len(lines) == 0 {
		return false
	}
	first := lines[0]
	if strings.HasPrefix(first, "FN ") {
		if len(lines) > 1 && strings.HasPrefix(lines[1], "VR ") {
			return true
		}
		l := strings.ToLower(first)
		return strings.Contains(l, "web of") || strings.Contains(l, "isi export")
	}
	if !wosPTRe.MatchString(first) {
		return false
	}
	for _, l := range lines[1:] {
		if tag, _, ok := wosTagLine(l); ok {
			switch tag {
			case "AU", "AF", "TI", "SO", "UT", "CA", "GP", "DT", "PY":
				return true
			}
		}
	}
	return false
}

// wosTagLine splits a tag line: two tag characters (an upper-case letter,
// then an upper-case letter or digit), then a space (or tab) or the end of
// the line.
func wosTagLine(line string) (tag, val string, ok bool) {
	if len(line) < 2 || line[0] < 'A' || line[0] > 'Z' ||
		!(line[1] >= 'A' && line[1] <= 'Z' || line[1] >= '0' && line[1] <= '9') {
		return "", "", false
	}
	if len(line) == 2 {
		return line, "", true
	}
	if line[2] != ' ' && line[2] != '\t' {
		return "", "", false
	}
	return line[:2], strings.TrimSpace(line[3:]), true
}

// wosHeadLines returns up to n non-empty lines of head, without a stray BOM.
func wosHeadLines(head []byte, n int) []string {
	var out []string
	for _, l := range strings.Split(string(head), "\n") {
		l = strings.TrimRight(strings.TrimPrefix(l, "\ufeff"), " \t\r")
		if l == "" {
			continue
		}
		out = append(out, l)
		if len(out) == n {
			break
		}
	}
	return out
}

// wosField is one tag of a record: its values (one per line for multi-valued
// tags, else one joined value) and the line each value starts on.
type wosField struct {
	vals  []string
	lines []int
	// more holds the continuation lines of the last value until join:
	// appending each to the value would copy it every time, quadratic in
	// the number of lines.
	more []string
}

// join appends the pending continuation lines to the last value.
func (f *wosField) join() {
	if len(f.more) > 0 {
		last := len(f.vals) - 1
		f.vals[last] += " " + strings.Join(f.more, " ")
		f.more = f.more[:0]
	}
}

// wosEntry is one record as read, before mapping: its first line and fields.
type wosEntry struct {
	line   int
	fields map[string]*wosField
	free   []*wosField // emptied fields of an earlier record, for reuse
}

func wosNewEntry(line int) *wosEntry {
	return &wosEntry{line: line, fields: map[string]*wosField{}}
}

// add appends a value to a tag.
func (e *wosEntry) add(tag, val string, line int) {
	f := e.fields[tag]
	if f == nil {
		if n := len(e.free); n > 0 {
			f, e.free = e.free[n-1], e.free[:n-1]
		} else {
			f = &wosField{}
		}
		e.fields[tag] = f
	}
	f.join()
	f.vals = append(f.vals, val)
	f.lines = append(f.lines, line)
}

// reset empties e for the next record, keeping its fields' storage: a
// record's values go into its Record as strings, never as these slices.
func (e *wosEntry) reset(line int) {
	for _, f := range e.fields {
		f.vals, f.lines, f.more = f.vals[:0], f.lines[:0], f.more[:0]
		e.free = append(e.free, f)
	}
	clear(e.fields)
	e.line = line
}

// get returns a tag's first value, or "".
func (e *wosEntry) get(tag string) string {
	if f := e.fields[tag]; f != nil && len(f.vals) > 0 {
		return CleanSpace(f.vals[0])
	}
	return ""
}

// lineOf returns the line of a tag's first value, else the record's line.
func (e *wosEntry) lineOf(tag string) int {
	if f := e.fields[tag]; f != nil && len(f.lines) > 0 {
		return f.lines[0]
	}
	return e.line
}

// wosTypes names the WoS publication type codes (PT).
var wosTypes = map[string]string{"J": "journal", "B": "book", "S": "series", "P": "patent", "C": "conference"}

// wosState is what a reader remembers across the records of a batch of
// one file (see wosbatch.go).
type wosState struct {
	s *Sink
	// checks are the duplicate checks of the batch's records, left to
	// the merger, which sees every record of the file (wosSeen).
	checks []wosCheck
}

// wosCheck is the duplicate check of one record: warn is the number of
// warnings before the record's own.
type wosCheck struct {
	warn, line int
	ut, doi    string
}

// wosSeen maps "UT:…"/"DOI:…" to the line of the first record that had it.
type wosSeen map[string]int

// dup warns when a record repeats the UT or DOI of an earlier one.
func (seen wosSeen) dup(s *Sink, line int, ut, doi string) {
	warned := false
	for _, id := range [][2]string{{"UT", ut}, {"DOI", doi}} {
		if id[1] == "" {
			continue
		}
		key := id[0] + ":" + id[1]
		if first, ok := seen[key]; !ok {
			seen[key] = line
		} else if !warned {
			s.Warnf(line, "record repeats the one at line %d (same %s)", first, id[0])
			warned = true
		}
	}
}

// merge passes on to s what the Sink of a batch received, with the
// batch's duplicate checks done, each after the warnings that came before
// it in the batch.
func (seen wosSeen) merge(s, b *Sink, checks []wosCheck) {
	w := 0
	for _, c := range checks {
		s.Warnings = append(s.Warnings, b.Warnings[w:c.warn]...)
		w = c.warn
		seen.dup(s, c.line, c.ut, c.doi)
	}
	b.Warnings = b.Warnings[w:]
	mergeSink(s, b)
}

// emit maps an entry to a Record and hands it to the sink, reporting what is
// damaged or suspicious about it.
func (st *wosState) emit(e *wosEntry) {
	for _, f := range e.fields {
		f.join()
	}
	s := st.s
	r := wosBuild(e, s)
	if r.Title == "" && len(r.Authors) == 0 && r.DOI == "" && r.IDs["wos"] == "" && r.Venue == "" {
		s.Skipf(e.line, "record has no title, authors, source or identifier")
		return
	}
	if r.IDs["wos"] == "" {
		s.Warnf(e.line, "record has no UT accession number")
	}
	if strings.EqualFold(e.get("PT"), "B") && e.get("BN") == "" && e.get("J9") != "" {
		s.Warnf(e.lineOf("PT"), "PT says book (B) but the record has a journal abbreviation (J9) and no ISBN (BN)")
	}
	if e.fields["CR"] != nil && r.RefsDeclared != nil && *r.RefsDeclared != len(r.References) {
		s.Warnf(e.lineOf("NR"), "NR declares %d cited references but %d are listed", *r.RefsDeclared, len(r.References))
	}
	if ut, doi := r.IDs["wos"], NormalizeDOI(r.DOI); ut != "" || doi != "" {
		st.checks = append(st.checks, wosCheck{warn: len(s.Warnings), line: e.line, ut: ut, doi: doi})
	}
	s.Add(r)
}

// wosBuild maps the fields of one record to a Record.
func wosBuild(e *wosEntry, s *Sink) Record {
	r := Record{Line: e.line}
	r.Type = e.get("DT")
	if r.Type == "" {
		if pt := e.get("PT"); pt != "" {
			r.Type = wosTypes[strings.ToUpper(pt)]
			if r.Type == "" {
				r.Type = pt
			}
		}
	}
	for _, tag := range []string{"AF", "AU", "CA", "GP"} {
		if f := e.fields[tag]; f != nil {
			var au []string
			if a := e.fields["AU"]; tag == "AF" && a != nil && len(a.vals) == len(f.vals) {
				au = a.vals
			}
			for i, v := range f.vals {
				v = CleanSpace(v)
				if v == "" || strings.EqualFold(strings.Trim(v, "[]"), "anonymous") {
					continue
				}
				switch {
				case tag == "CA" || tag == "GP":
					r.Authors = append(r.Authors, Author{Family: v})
				case au != nil:
					r.Authors = append(r.Authors, wosFullName(v, CleanSpace(au[i])))
				default:
					r.Authors = append(r.Authors, ParseName(v))
				}
			}
		}
		if len(r.Authors) > 0 {
			break
		}
	}
	r.Title = e.get("TI")
	r.Venue = e.get("SO")
	r.VenueAbbrev = e.get("J9")
	if r.VenueAbbrev == "" {
		r.VenueAbbrev = e.get("JI")
	}
	for _, tag := range []string{"PY", "EY", "EA", "PD"} {
		if v := e.get(tag); v != "" {
			if r.Year = ParseYear(v); r.Year != 0 {
				break
			}
			if tag == "PY" {
				s.Warnf(e.lineOf(tag), "PY is not a year: %q", v)
			}
		}
	}
	r.Volume = e.get("VL")
	r.Issue = e.get("IS")
	bp, ep := e.get("BP"), e.get("EP")
	switch {
	case bp != "" && ep != "" && ep != bp:
		r.Pages = bp + "-" + ep
	case bp != "":
		r.Pages = bp
	default:
		r.Pages = e.get("AR")
	}
	r.DOI = e.get("DI")
	if r.DOI != "" && NormalizeDOI(r.DOI) == "" {
		s.Warnf(e.lineOf("DI"), "DI is not a DOI: %q", r.DOI)
	}
	r.SetID("wos", wosUT(e.get("UT")))
	r.SetID("pmid", e.get("PM"))
	if sn := e.get("SN"); sn != "" {
		r.SetID("issn", sn)
	} else {
		r.SetID("issn", e.get("EI"))
	}
	r.SetID("isbn", e.get("BN"))
	r.Keywords = wosKeywords(e.fields["DE"].all())
	r.IndexKeywords = wosKeywords(e.fields["ID"].all())
	if c1 := e.fields["C1"].all(); len(c1) > 0 {
		addWoSAddresses(&r, c1)
	} else if rp := e.get("RP"); rp != "" {
		addWoSReprint(&r, rp)
	}
	r.Abstract = e.get("AB")
	for _, tag := range []string{"TC", "Z9"} {
		if n, ok := wosCount(e, tag, s); ok {
			r.CitedBy = IntPtr(n)
			break
		}
	}
	if n, ok := wosCount(e, "NR", s); ok {
		r.RefsDeclared = IntPtr(n)
	}
	if f := e.fields["CR"]; f != nil {
		// sized once: a Reference is large, and records cite dozens
		r.References = make([]Reference, 0, len(f.vals))
		for i, v := range f.vals {
			if v = CleanSpace(v); v == "" {
				continue
			}
			ref := ParseWoSReference(v)
			ref.Line = f.lines[i]
			r.References = append(r.References, ref)
		}
		if len(r.References) == 0 {
			r.References = nil
		}
	}
	return r
}

// wosKeywords splits the values of a keyword field (DE, ID) at ";",
// without repeats.
func wosKeywords(vals []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range vals {
		for _, k := range strings.Split(v, ";") {
			if k = CleanSpace(k); k != "" && !seen[Fold(k)] {
				seen[Fold(k)] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// wosReprintRe matches the name and marker that open a WoS reprint
// address (RP): "Toh, ML (corresponding author), " or "(reprint author)".
var wosReprintRe = regexp.MustCompile(`(?i)^(.*?)\s*\((?:corresponding|reprint) author\)\s*,?\s*`)

// addWoSReprint reads the reprint address (RP) of a record without C1:
// each of its "Name (corresponding author), address" parts.
func addWoSReprint(r *Record, rp string) {
	for _, p := range strings.Split(rp, "; ") {
		m := wosReprintRe.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		if a := parseWoSAddress(p[len(m[0]):]); a.Raw != "" {
			r.AddAffiliation(a, authorIndex(r.Authors, m[1]))
		}
	}
}

// all returns every value of a field (nil-safe).
func (f *wosField) all() []string {
	if f == nil {
		return nil
	}
	return f.vals
}

// wosCount reads a count field, warning when it is not a number.
func wosCount(e *wosEntry, tag string, s *Sink) (int, bool) {
	v := e.get(tag)
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		s.Warnf(e.lineOf(tag), "%s is not a count: %q", tag, v)
		return 0, false
	}
	return n, true
}

// wosUT returns a UT accession number in the "WOS:…" form: old exports
// write "ISI:…" or the bare 15 characters. Other databases of the WoS
// platform ("MEDLINE:…", "SCIELO:…") keep their prefix.
func wosUT(v string) string {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return ""
	case len(v) > 4 && strings.EqualFold(v[:4], "ISI:"):
		return "WOS:" + v[4:]
	case len(v) > 4 && strings.EqualFold(v[:4], "WOS:"):
		return "WOS:" + v[4:]
	case !strings.Contains(v, ":") && len(v) == 15:
		return "WOS:" + v
	}
	return v
}

// wosTextParser holds the record being read from a plain-text export.
type wosTextParser struct {
	st    *wosState
	cur   *wosEntry
	tag   string    // tag of the field being read
	spare *wosEntry // the entry of the last record emitted, for reuse
}

// begin starts a record at line n.
func (p *wosTextParser) begin(n int) {
	if p.spare == nil {
		p.cur = wosNewEntry(n)
		return
	}
	p.cur, p.spare = p.spare, nil
	p.cur.reset(n)
}

// line handles one non-empty line numbered n.
func (p *wosTextParser) line(n int, line string) {
	s := p.st.s
	if line[0] == ' ' || line[0] == '\t' {
		val := strings.TrimSpace(line)
		switch {
		case p.cur == nil:
			s.Warnf(n, "indented line outside a record ignored")
		case p.tag != "CR" && p.cur.fields["CR"] == nil && wosLooksStrictCR(val):
			s.Warnf(n, "line continuing %s reads as a cited reference: CR tag missing? read as CR", p.tag)
			p.tag = "CR"
			p.cur.add("CR", val, n)
		default:
			p.cont(val, n)
		}
		return
	}
	tag, val, ok := wosTagLine(line)
	if !ok {
		p.untagged(n, line)
		return
	}
	switch tag {
	case "FN", "VR", "EF":
		if p.cur != nil {
			s.Warnf(p.cur.line, "record has no ER line; it ends at line %d (%s)", n, tag)
			p.end()
		}
		return
	case "ER":
		if p.cur == nil {
			s.Warnf(n, "ER line outside a record ignored")
			return
		}
		p.end()
		return
	case "PT":
		if p.cur != nil {
			s.Warnf(p.cur.line, "record has no ER line; it ends where the next begins, at line %d", n)
			p.end()
		}
		p.begin(n)
	default:
		if p.cur != nil && p.lostCR(n, line, tag) {
			return
		}
		if p.cur == nil {
			s.Warnf(n, "record does not begin with PT")
			p.begin(n)
		}
	}
	if f := p.cur.fields[tag]; f != nil {
		if wosMulti[tag] {
			s.Warnf(n, "tag %s repeated in a record; values appended", tag)
		} else {
			s.Warnf(n, "tag %s repeated in a record; first value kept", tag)
		}
	}
	p.tag = tag
	p.cur.add(tag, val, n)
}

// lostCR reads a line that starts like a tag line ("LI X, 2010, …", "DE
// ROSA A, 1990, …") as a cited reference when it is one that lost its
// indentation inside CR, or the first one of a CR field that lost its tag.
func (p *wosTextParser) lostCR(n int, line, tag string) bool {
	known := wosKnownTags[tag]
	switch {
	case p.tag == "CR" && (!known && wosCRLoose.MatchString(line) || known && wosLooksStrictCR(line)):
		p.st.s.Warnf(n, "cited reference line lost its indentation; read as CR")
	case p.tag != "CR" && !known && p.cur.fields["CR"] == nil && wosLooksStrictCR(line):
		p.st.s.Warnf(n, "line reads as a cited reference: CR tag missing? read as CR")
		p.tag = "CR"
	default:
		return false
	}
	p.cur.add("CR", line, n)
	return true
}

// untagged handles a line that has neither a tag nor indentation.
func (p *wosTextParser) untagged(n int, line string) {
	s := p.st.s
	switch {
	case p.cur != nil && p.tag == "CR" && wosCRLoose.MatchString(line):
		s.Warnf(n, "cited reference line lost its indentation; read as CR")
		p.cur.add("CR", line, n)
	case p.cur != nil && p.cur.fields["CR"] == nil && wosLooksStrictCR(line):
		s.Warnf(n, "line without tag reads as a cited reference: CR tag missing? read as CR")
		p.tag = "CR"
		p.cur.add("CR", line, n)
	case len(line) > 2 && wosKnownTags[line[:2]] && line[2] != ' ':
		s.Warnf(n, "tag %s glued to its value; read as %s", line[:2], line[:2])
		p.line(n, line[:2]+" "+line[2:])
	case p.cur != nil:
		s.Warnf(n, "line has neither tag nor indentation; read as continuation of %s", p.tag)
		p.cont(line, n)
	default:
		s.Warnf(n, "text outside a record ignored")
	}
}

// cont adds a continuation line to the current field.
func (p *wosTextParser) cont(val string, n int) {
	f := p.cur.fields[p.tag]
	if f == nil || len(f.vals) == 0 {
		p.cur.add(p.tag, val, n)
		return
	}
	if wosMulti[p.tag] {
		f.join()
		f.vals = append(f.vals, val)
		f.lines = append(f.lines, n)
		return
	}
	if last := len(f.vals) - 1; f.vals[last] == "" && len(f.more) == 0 {
		f.vals[last] = val
	} else {
		f.more = append(f.more, val)
	}
}

// end emits the current record.
func (p *wosTextParser) end() {
	p.st.emit(p.cur)
	p.cur, p.spare, p.tag = nil, p.cur, ""
}

// wosFullName parses an AF full name with the AU short name of the same
// author as a guide. WoS writes AF as "Family, Given", but some records
// (Chinese authors, mostly) have it without the comma in the family-first
// order ("Wang Ying", AU "Wang, Y"), which read as "Given Family" would
// make Ying the family name; when the words of AU's family name begin the
// full name, they are the family name.
func wosFullName(af, au string) Author {
	if strings.Contains(af, ",") {
		return ParseName(af)
	}
	fam, _, ok := strings.Cut(au, ",")
	famWords := strings.Fields(fam)
	words := strings.Fields(af)
	if !ok || len(famWords) == 0 || len(famWords) >= len(words) ||
		!strings.EqualFold(strings.Join(words[:len(famWords)], " "), strings.Join(famWords, " ")) {
		return ParseName(af)
	}
	return Author{Family: strings.Join(words[:len(famWords)], " "), Given: strings.Join(words[len(famWords):], " ")}
}
