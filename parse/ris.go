package parse

import (
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// This file reads RIS, the tagged format of reference managers and databases
// (Zotero, EndNote, Mendeley, IEEE Xplore, Web of Science, Scopus): one
// "XX  - value" line per field, records from "TY  - " to "ER  -". Lines
// without a tag continue the previous field. Scopus writes its cited
// references as "N1  - References: ..." followed by one reference per line;
// Web of Science writes its accession number "WOS:..." in AN.

func init() {
	register(Format{Name: "ris", Order: 40, Sniff: risSniff, Read: risRead})
}

// risKnownTags are the tags of the RIS specification and of the common
// exporters. A line with one or three spaces before the dash ("XX - value")
// is only taken for a tag line when XX is one of them; the regular two-space
// form accepts any tag.
var risKnownTags = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`TY ER A1 A2 A3 A4 AB AD AN AU AV BT C1 C2 C3 C4 C5 C6 C7 C8 CA CN
		CP CR CT CY DA DB DI DO DP ED EP ET ID IS J1 J2 J9 JA JF JI JO KW L1 L2 L3 L4 LA LB LK M1 M2 M3
		N1 N2 NV OP PA PB PI PP PU PY RI RN RP SE SN SO SP ST T1 T2 T3 TA TI TT U1 U2 U3 U4 U5 UR VL VO
		WE Y1 Y2`) {
		m[t] = true
	}
	return m
}()

// risSplitTag splits a RIS tag line into its tag and value. It accepts
// "XX  - value", "XX  -value", "XX  -" and, for known tags only, one or
// three spaces before the dash ("XX - value", "XX   - value").
func risSplitTag(s string) (tag, val string, ok bool) {
	if len(s) < 4 || s[0] < 'A' || s[0] > 'Z' || !(s[1] >= 'A' && s[1] <= 'Z' || s[1] >= '0' && s[1] <= '9') {
		return "", "", false
	}
	tag = s[:2]
	sp := 2
	for sp < len(s) && sp < 6 && s[sp] == ' ' {
		sp++
	}
	if sp == len(s) || s[sp] != '-' {
		return "", "", false
	}
	rest := s[sp+1:]
	switch sp - 2 {
	case 2:
	case 1, 3:
		if !risKnownTags[tag] || rest != "" && rest[0] != ' ' {
			return "", "", false
		}
	default:
		return "", "", false
	}
	return tag, strings.TrimSpace(rest), true
}

// risSniffLines is how many non-blank lines without a tag may precede the
// first TY line (JSTOR and others write a short header).
const risSniffLines = 10

// risSniff reports whether the first tag line of head, after at most a few
// header lines, opens a RIS record.
func risSniff(_ string, head []byte) bool {
	junk := 0
	for line := range strings.Lines(string(head)) {
		line = strings.Trim(line, "\r\n")
		line = strings.TrimLeft(line, "\r\ufeff")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if tag, _, ok := risSplitTag(line); ok {
			return tag == "TY"
		}
		if junk++; junk > risSniffLines {
			return false
		}
	}
	return false
}

// risField is one field of a record: the value on the tag line and the
// untagged lines that continue it, with their line numbers.
type risField struct {
	tag   string
	vals  []string
	lines []int
}

// text returns the field's lines joined by spaces, with white space folded.
func (f *risField) text() string { return CleanSpace(strings.Join(f.vals, " ")) }

// risRecord is a record's fields in file order.
type risRecord struct {
	line   int
	fields []risField
}

// first returns the text of the first non-empty field among tags, tried in
// the order given.
func (rec *risRecord) first(tags ...string) string {
	for _, t := range tags {
		for i := range rec.fields {
			if rec.fields[i].tag == t {
				if v := rec.fields[i].text(); v != "" {
					return v
				}
			}
		}
	}
	return ""
}

// risRead streams RIS records into s.
func risRead(r io.Reader, s *Sink) error {
	lr := newLineReader(r)
	var rec *risRecord
	junk, junkLine := 0, 0
	flushJunk := func() {
		if junk > 0 {
			s.Warnf(junkLine, "%d line(s) of text outside any record ignored (first here)", junk)
			junk = 0
		}
	}
	for lr.Scan() {
		n := lr.Line()
		line := strings.TrimLeft(strings.TrimRight(lr.Text(), "\r"), "\r\ufeff")
		if lr.Long() {
			s.Warnf(n, "line longer than %d bytes cut", maxLine)
		}
		tag, val, ok := risSplitTag(line)
		if !ok {
			text := strings.TrimSpace(line)
			switch {
			case text == "":
			case rec == nil:
				if junk == 0 {
					junkLine = n
				}
				junk++
			default:
				f := &rec.fields[len(rec.fields)-1]
				f.vals = append(f.vals, text)
				f.lines = append(f.lines, n)
			}
			continue
		}
		switch {
		case tag == "ER":
			if rec == nil {
				s.Warnf(n, "ER line outside a record ignored")
				continue
			}
			risEmit(s, rec)
			rec = nil
			continue
		case tag == "TY":
			flushJunk()
			if rec != nil {
				s.Warnf(rec.line, "record not closed by ER before the next TY")
				risEmit(s, rec)
			}
			rec = &risRecord{line: n}
		case rec == nil:
			flushJunk()
			s.Warnf(n, "record does not start with TY")
			rec = &risRecord{line: n}
		}
		rec.fields = append(rec.fields, risField{tag: tag, vals: []string{val}, lines: []int{n}})
	}
	flushJunk()
	if rec != nil {
		s.Warnf(rec.line, "last record not closed by ER")
		risEmit(s, rec)
	}
	return lr.Err()
}

var (
	risCitedByRe   = regexp.MustCompile(`(?i)^(?:cited by(?: \(since \d{4}\))?|times cited in web of science core collection)\s*:?\s*(\d+)`)
	risRefCountRe  = regexp.MustCompile(`(?i)^cited reference count\s*:?\s*(\d+)`)
	risPMCIDRe     = regexp.MustCompile(`\bPMC\d+\b`)
	risScopusEIDRe = regexp.MustCompile(`\beid=(2-s2\.0-\d+)`)
	risWoSStyleRe  = regexp.MustCompile(`^[^,]{1,100}, (?:1[5-9]\d\d|20\d\d), `)
)

// risReferencesPre opens the N1 note in which Scopus lists cited references.
const risReferencesPre = "references:"

// risBookTypes are the RIS types whose BT field holds the work's own title.
var risBookTypes = map[string]bool{"BOOK": true, "EBOOK": true, "EDBOOK": true, "SER": true}

// risEmit maps a record's fields onto a Record and adds it to s.
func risEmit(s *Sink, rec *risRecord) {
	r := Record{Line: rec.line}
	ty := strings.ToUpper(rec.first("TY"))
	db := rec.first("DB")
	scopusDB := strings.EqualFold(db, "scopus")

	r.Title = rec.first("TI", "T1", "CT")
	if r.Title == "" && risBookTypes[ty] {
		r.Title = rec.first("BT")
	}
	r.Type = ty
	if scopusDB {
		// Scopus states the document type ("Article", "Conference Paper") in M3
		if m3 := rec.first("M3"); m3 != "" {
			r.Type = m3
		}
	}
	r.Authors = risAuthors(s, rec)
	for _, t := range []string{"PY", "Y1", "DA"} {
		if r.Year = ParseYear(rec.first(t)); r.Year != 0 {
			break
		}
	}
	r.Venue = rec.first("T2", "JF", "JO", "SO")
	if r.Venue == "" && !risBookTypes[ty] {
		r.Venue = rec.first("BT")
	}
	if r.Venue == "" && scopusDB {
		// Scopus puts the proceedings title of conference papers in C3
		// (Web of Science uses C3 for affiliations)
		r.Venue = rec.first("C3")
	}
	// WoS writes J9 (its 29-character abbreviation, as in cited references)
	// and JI (ISO); the WoS reader prefers J9 too
	r.VenueAbbrev = rec.first("J2", "JA", "J1", "J9", "JI")
	r.Volume = rec.first("VL", "VO")
	r.Issue = rec.first("IS", "CP")
	r.Pages = risPages(rec.first("SP"), rec.first("EP"))
	if r.Pages == "" {
		r.Pages = rec.first("C7") // article number
	}
	r.Abstract = rec.first("AB", "N2")

	seenKW := map[string]bool{}
	for i := range rec.fields {
		f := &rec.fields[i]
		switch f.tag {
		case "KW":
			for _, v := range f.vals {
				for k := range strings.SplitSeq(v, ";") {
					r.Keywords = risAddKeyword(r.Keywords, seenKW, k)
				}
			}
		case "AD":
			// one address a field; continuation lines wrap it
			addAddresses(&r, f.text(), -1)
		case "SN":
			risSetISSN(&r, f.text())
		case "CR":
			for j, v := range f.vals {
				if v = strings.TrimSpace(v); v != "" {
					r.References = append(r.References, risCitedRef(v, f.lines[j]))
				}
			}
		}
	}

	// identifiers
	if v := rec.first("DO", "DI"); v != "" {
		if r.DOI = NormalizeDOI(v); r.DOI == "" {
			s.Warnf(rec.line, "DO holds no DOI: %q", Shorten(v, 60))
		}
	}
	if key := rec.first("ID"); key != "" {
		r.SetID("key", key)
	}
	for i := range rec.fields {
		f := &rec.fields[i]
		switch f.tag {
		case "AN":
			risSetAccession(&r, f.text(), db)
		case "UR":
			risSetURL(&r, f.text())
		case "C2":
			// the RIS specification's PMCID field for journal articles
			if m := risPMCIDRe.FindString(f.text()); m != "" {
				r.SetID("pmcid", m)
			}
		case "M3", "N1":
			// a one-line note that is nothing but a DOI
			if r.DOI == "" && len(f.vals) == 1 {
				r.DOI = risOnlyDOI(f.vals[0])
			}
		}
	}

	// notes: Scopus cited references and counts, WoS counts
	scopusRefs, exportDate := false, false
	for i := range rec.fields {
		f := &rec.fields[i]
		if f.tag != "N1" {
			continue
		}
		if len(f.vals[0]) >= len(risReferencesPre) && strings.EqualFold(f.vals[0][:len(risReferencesPre)], risReferencesPre) {
			scopusRefs = true
			r.References = append(r.References, risScopusRefs(f)...)
			continue
		}
		for _, v := range f.vals {
			if m := risCitedByRe.FindStringSubmatch(v); m != nil && r.CitedBy == nil {
				if n, err := strconv.Atoi(m[1]); err == nil {
					r.CitedBy = IntPtr(n)
				}
			}
			if m := risRefCountRe.FindStringSubmatch(v); m != nil && r.RefsDeclared == nil {
				if n, err := strconv.Atoi(m[1]); err == nil {
					r.RefsDeclared = IntPtr(n)
				}
			}
			if strings.HasPrefix(strings.ToLower(v), "export date") {
				exportDate = true
			}
		}
	}

	switch {
	case scopusRefs || scopusDB && exportDate:
		r.Format = "scopus-ris"
	case r.IDs["wos"] != "":
		r.Format = "wos-ris"
	}

	if r.Title == "" && r.DOI == "" && len(r.Authors) == 0 && len(r.IDs) == 0 && r.Abstract == "" && len(r.References) == 0 {
		s.Skipf(rec.line, "record has no title, author, DOI, identifier, abstract or reference")
		return
	}
	s.Add(r)
}

// risSetAccession stores an AN accession number under its kind: a WoS UT,
// a Scopus EID, a PubMed ID (when DB names PubMed, MEDLINE or NLM), else as the
// record's key unless ID gave one.
func risSetAccession(r *Record, v, db string) {
	db = strings.ToLower(db)
	switch {
	case v == "":
	case strings.HasPrefix(strings.ToUpper(v), "WOS:"):
		r.SetID("wos", "WOS:"+v[4:])
	case strings.HasPrefix(v, "2-s2.0-"):
		r.SetID("scopus", v)
	case risIsDigits(v) && (strings.Contains(db, "pubmed") || strings.Contains(db, "medline") || db == "nlm"):
		r.SetID("pmid", v)
	case r.IDs["key"] == "":
		r.SetID("key", v)
	}
}

// risSetURL takes a DOI from a doi.org link and a Scopus EID from a Scopus
// record link; any other first link is kept as "url".
func risSetURL(r *Record, v string) {
	if d := risOnlyDOI(v); d != "" {
		if r.DOI == "" {
			r.DOI = d
		}
		return
	}
	if m := risScopusEIDRe.FindStringSubmatch(v); m != nil && r.IDs["scopus"] == "" {
		r.SetID("scopus", m[1])
	}
	if r.IDs["url"] == "" {
		r.SetID("url", v)
	}
}

// risAuthors returns the authors (AU, A1; not editors A2/A3/ED) in order,
// one per line or several separated by ";". Exporters sometimes repeat
// author lines (IEEE Xplore writes a line twice in a row, others repeat the
// whole list): a name equal to the one before it, or a second copy of the
// whole list, is dropped. Equal names apart are kept: two authors may share
// a surname and initials.
func risAuthors(s *Sink, rec *risRecord) []Author {
	var out []Author
	var keys []string
	dups := 0
	for i := range rec.fields {
		f := &rec.fields[i]
		if f.tag != "AU" && f.tag != "A1" {
			continue
		}
		for name := range strings.SplitSeq(f.text(), ";") {
			a := ParseName(name)
			if a.Family == "" {
				continue
			}
			key := Fold(a.String())
			if len(keys) > 0 && keys[len(keys)-1] == key {
				dups++
				continue
			}
			keys = append(keys, key)
			out = append(out, a)
		}
	}
	if h := len(keys) / 2; h > 0 && len(keys)%2 == 0 && slices.Equal(keys[:h], keys[h:]) {
		out = out[:h]
		dups += h
	}
	if dups > 0 {
		s.Warnf(rec.line, "%d repeated author line(s) dropped", dups)
	}
	return out
}

// risScopusRefs returns the references of a Scopus "N1  - References:"
// field: one per line when the block spans several lines, else the single
// line split as a Scopus References cell.
func risScopusRefs(f *risField) []Reference {
	first := strings.TrimSpace(f.vals[0][len(risReferencesPre):])
	var out []Reference
	add := func(raw string, line int) {
		raw = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(raw), ";"))
		if raw == "" {
			return
		}
		ref := ParseScopusReference(raw)
		if ref.Raw == "" {
			ref.Raw = raw
		}
		ref.Line = line
		out = append(out, ref)
	}
	if len(f.vals) == 1 {
		for _, raw := range SplitScopusReferences(first) {
			add(raw, f.lines[0])
		}
		return out
	}
	add(first, f.lines[0])
	for j := 1; j < len(f.vals); j++ {
		add(f.vals[j], f.lines[j])
	}
	return out
}

// risCitedRef parses one CR line, in the Web of Science layout when it has
// one ("AUTHOR, YEAR, SOURCE, ..."), else as free text.
func risCitedRef(raw string, line int) Reference {
	var ref Reference
	if risWoSStyleRe.MatchString(raw) {
		ref = ParseWoSReference(raw)
	} else {
		ref = ParseReference(raw)
	}
	if ref.Raw == "" {
		ref.Raw = raw
	}
	ref.Line = line
	return ref
}

// risPages joins start and end pages as "SP-EP"; a start page that already
// holds a range is kept as is.
func risPages(sp, ep string) string {
	switch {
	case sp == "":
		return ep
	case ep == "" || strings.ContainsAny(sp, "-–") || sp == ep:
		return sp
	}
	return sp + "-" + ep
}

// risOnlyDOI returns the DOI when v is nothing but a DOI, a "doi:" form or a
// doi.org link, else "".
func risOnlyDOI(v string) string {
	v = strings.TrimSpace(v)
	rest := trimDOIPrefix(v)
	if !strings.HasPrefix(rest, "10.") || strings.ContainsAny(rest, " \t") {
		return ""
	}
	return NormalizeDOI(rest)
}

// risSetISSN stores ISSNs and ISBNs from an SN value ("1234-5678",
// "12345678 (ISSN)", "978-3-16-148410-0", several separated by ";" or ",").
// The first of each kind is kept.
func risSetISSN(r *Record, v string) {
	for part := range strings.FieldsFuncSeq(v, func(c rune) bool { return c == ';' || c == ',' || c == ' ' }) {
		digits := strings.Map(func(c rune) rune {
			switch {
			case c >= '0' && c <= '9':
				return c
			case c == 'x' || c == 'X':
				return 'X'
			}
			return -1
		}, part)
		if digits == "" || strings.IndexByte(digits, 'X') >= 0 && strings.IndexByte(digits, 'X') != len(digits)-1 {
			continue
		}
		switch len(digits) {
		case 8:
			if r.IDs["issn"] == "" {
				r.SetID("issn", digits[:4]+"-"+digits[4:])
			}
		case 10, 13:
			if r.IDs["isbn"] == "" {
				r.SetID("isbn", digits)
			}
		}
	}
}

// risAddKeyword appends a keyword, white space folded, unless it is empty
// or seen (which holds the Fold forms of the keywords so far) has it.
func risAddKeyword(list []string, seen map[string]bool, k string) []string {
	k = CleanSpace(k)
	if k == "" {
		return list
	}
	f := Fold(k)
	if seen[f] {
		return list
	}
	seen[f] = true
	return append(list, k)
}

// risIsDigits reports whether s is a non-empty run of ASCII digits.
func risIsDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
