package parse

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// This file reads Scopus CSV exports ("scopus-csv"): one row per document
// under a header of named columns, in any order and any selection of fields.
// Old exports (before about 2019) lack "Author full names" and separate the
// authors with ", "; new ones use "; ". Rows of documents with several
// funding texts carry extra fields after "Funding Text 1" that the header
// does not name; they are realigned.

func init() {
	register(Format{Name: "scopus-csv", Order: 50, Sniff: scopusSniff, Read: scopusRead})
}

// scopusTable streams the rows of a CSV file that starts with a header.
type scopusTable struct {
	cr     *csv.Reader
	header []string
	col    map[string]int // lower-cased column name -> index
}

// scopusNewTable returns a CSV reader configured for bibliographic exports:
// lenient quotes, any number of fields per row, and the field separator of
// the header line: ",", or ";" or a tab as spreadsheet programs write when
// they save an export again.
func scopusNewTable(r io.Reader) *scopusTable {
	br := bufio.NewReaderSize(r, sniffSize)
	head, _ := br.Peek(sniffSize)
	_, comma := scopusHeaderColumns(head)
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &scopusTable{cr: cr}
}

// setHeader takes a row as the header.
func (t *scopusTable) setHeader(row []string) {
	t.header = append(t.header[:0], row...)
	t.col = make(map[string]int, len(row))
	for i, h := range row {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := t.col[h]; !dup && h != "" {
			t.col[h] = i
		}
	}
}

// isHeader reports whether row repeats the header (files concatenated with cat).
func (t *scopusTable) isHeader(row []string) bool {
	if len(row) != len(t.header) {
		return false
	}
	for i := range row {
		if strings.TrimSpace(row[i]) != strings.TrimSpace(t.header[i]) {
			return false
		}
	}
	return true
}

// get returns the trimmed value of a named column in row, or "".
func (t *scopusTable) get(row []string, name string) string {
	i, ok := t.col[strings.ToLower(name)]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

// line returns the input line where field i of the current row starts.
func (t *scopusTable) line(i int) int {
	l, _ := t.cr.FieldPos(i)
	return l
}

// next reads the next row, skipping blank ones. ok is false at the end of
// input; err is set on I/O errors. With LazyQuotes encoding/csv reports no
// syntax errors: a quote left open takes the rest of the input into one
// field, and the row, short of fields, is then skipped by the reader.
func (t *scopusTable) next() (row []string, ok bool, err error) {
	for {
		row, err = t.cr.Read()
		if err == io.EOF {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, err
		}
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue
		}
		return row, true, nil
	}
}

// skip reports a row whose fields cannot be matched to the header.
func (t *scopusTable) skip(s *Sink, row []string, line int) {
	hint := ""
	if len(row) > 0 && len(row) < len(t.header) && strings.Contains(row[len(row)-1], "\n") {
		hint = " (a quote left open may have taken in the lines after it)"
	}
	s.Skipf(line, "row has %d fields but the header has %d%s", len(row), len(t.header), hint)
}

// scopusHeaderColumns parses the first line of head as a CSV header and
// returns its column names, lower-cased, and its field separator: the one
// of ",", ";" and tab that gives the most columns (at least three).
func scopusHeaderColumns(head []byte) (map[string]bool, rune) {
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	var best []string
	comma := ','
	for _, c := range []rune{',', ';', '\t'} {
		cr := csv.NewReader(bytes.NewReader(head))
		cr.Comma = c
		cr.LazyQuotes = true
		cr.FieldsPerRecord = -1
		row, err := cr.Read()
		if err == nil && len(row) >= 3 && len(row) > len(best) {
			best, comma = row, c
		}
	}
	if best == nil {
		return nil, ','
	}
	cols := make(map[string]bool, len(best))
	for _, c := range best {
		cols[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(c, "\ufeff")))] = true
	}
	return cols, comma
}

// scopusSniff recognises a Scopus CSV header: a title column, an authors
// column and a column only Scopus writes ("EID", "Author(s) ID", "Art.
// No.", "Page start"); Dimensions exports also have "Authors", "Title" and
// "Source title", and Lens ones a "Lens ID".
func scopusSniff(_ string, head []byte) bool {
	cols, _ := scopusHeaderColumns(head)
	if cols == nil || cols["lens id"] {
		return false
	}
	return cols["title"] && (cols["authors"] || cols["author full names"]) &&
		(cols["eid"] || cols["author(s) id"] || cols["art. no."] || cols["page start"])
}

// scopusNoValue matches Scopus placeholders for absent values.
var scopusNoValue = regexp.MustCompile(`^\[No (?:author name|author id|abstract|title|source title) available\]$`)

// scopusValue drops Scopus placeholders such as "[No abstract available]".
func scopusValue(s string) string {
	if scopusNoValue.MatchString(s) {
		return ""
	}
	return s
}

// scopusRead streams the rows of a Scopus CSV export into s: the first row
// is the header, a repeated header (exports joined with cat) replaces it.
// One goroutine splits the rows, which is quick; workers map batches of
// them to records, which is not (see inOrder).
func scopusRead(r io.Reader, s *Sink) error {
	var err error
	produce := func(send func(*scopusBatch)) {
		t := scopusNewTable(r)
		var under *scopusTable // the header rows are under, without the csv.Reader
		b, size := &scopusBatch{sink: sinkBatch(s)}, 0
		for {
			row, ok, e := t.next()
			if e != nil || !ok {
				err = e
				break
			}
			if t.header == nil || t.isHeader(row) {
				t.setHeader(row)
				under = &scopusTable{header: slices.Clone(t.header), col: t.col}
				continue
			}
			x := scopusRow{t: under, row: slices.Clone(row), line: t.line(0)}
			x.refLine = x.line
			if i, ok := t.col["references"]; ok && i < len(row) {
				x.refLine = t.line(i)
			}
			b.rows = append(b.rows, x)
			for _, f := range row {
				size += len(f)
			}
			if size >= scopusBatchBytes {
				send(b)
				b, size = &scopusBatch{sink: sinkBatch(s)}, 0
			}
		}
		send(b)
	}
	inOrder(produce, (*scopusBatch).parse, func(b *scopusBatch) { mergeSink(s, &b.sink) })
	return err
}

// scopusBatchBytes is the size of the text of a batch of rows.
var scopusBatchBytes = 1 << 20

// scopusRow is one row of a Scopus CSV export as split, with its header
// and the lines where it and its References cell start.
type scopusRow struct {
	t             *scopusTable
	row           []string
	line, refLine int
}

// scopusBatch is a run of rows and, once parsed, what they held.
type scopusBatch struct {
	rows []scopusRow
	sink Sink
}

// parse maps the batch's rows to records in b.sink.
func (b *scopusBatch) parse() {
	b.sink.Records = make([]Record, 0, len(b.rows))
	for _, x := range b.rows {
		row, ok := scopusAlign(x.t, x.row)
		if !ok {
			x.t.skip(&b.sink, row, x.line)
			continue
		}
		scopusCutCells(x.t, row, x.line, &b.sink)
		b.sink.Add(scopusRecord(x.t, row, x.line, x.refLine, &b.sink))
	}
	b.rows = nil
}

// excelCellMax is the most characters Excel keeps in a cell: a Scopus CSV
// opened and saved in Excel has longer cells (a References cell of a long
// list) cut to exactly this length, silently.
const excelCellMax = 32767

// scopusCutCells warns of the cells of a row that hold exactly as many
// characters as Excel keeps: their ends were most likely lost.
func scopusCutCells(t *scopusTable, row []string, line int, s *Sink) {
	for i, c := range row {
		if len(c) < excelCellMax {
			continue
		}
		// Excel counts UTF-16 units; a rune beyond U+FFFF takes two
		runes, units := 0, 0
		for _, r := range c {
			runes++
			if units++; r > 0xFFFF {
				units++
			}
		}
		if runes != excelCellMax && units != excelCellMax {
			continue
		}
		name := "a"
		if i < len(t.header) {
			name = fmt.Sprintf("the %s", strings.TrimPrefix(t.header[i], "\ufeff"))
		}
		s.Warnf(line, "%s cell holds exactly %d characters, the most Excel keeps in a cell: "+
			"the file was probably saved by Excel, which cut the rest of the cell off", name, excelCellMax)
	}
}

// scopusFundingCol matches the header of the first funding-text column.
var scopusFundingCol = regexp.MustCompile(`^funding text(?:s| 1)?$`)

// scopusAlign maps a row whose field count differs from the header's onto
// the header. Extra fields right after the funding-text column are further
// funding texts (Scopus names only the first one); extra empty fields at the
// end are trailing separators. Any other mismatch cannot be mapped.
func scopusAlign(t *scopusTable, row []string) ([]string, bool) {
	n, h := len(row), len(t.header)
	if n == h {
		return row, true
	}
	if n < h {
		return row, false
	}
	extra := n - h
	trailing := true
	for _, f := range row[h:] {
		if strings.TrimSpace(f) != "" {
			trailing = false
			break
		}
	}
	if trailing {
		return row[:h], true
	}
	for i, name := range t.header {
		if !scopusFundingCol.MatchString(strings.ToLower(strings.TrimSpace(name))) {
			continue
		}
		out := make([]string, 0, h)
		out = append(out, row[:i+1]...)
		out = append(out, row[i+1+extra:]...)
		if eid := t.get(out, "EID"); eid != "" && !strings.HasPrefix(eid, "2-s2.0-") {
			return row, false
		}
		return out, true
	}
	return row, false
}

// scopusRecord maps one aligned row to a Record; its References cell
// starts on refLine.
func scopusRecord(t *scopusTable, row []string, line, refLine int, s *Sink) Record {
	rec := Record{Line: line}
	rec.Title = scopusValue(t.get(row, "Title"))
	rec.Authors = scopusRecordAuthors(t.get(row, "Authors"), t.get(row, "Author full names"))
	if y := t.get(row, "Year"); y != "" {
		if rec.Year = ParseYear(y); rec.Year == 0 {
			s.Warnf(line, "year %q is not a year", Shorten(y, 20))
		}
	}
	rec.Venue = scopusValue(t.get(row, "Source title"))
	rec.VenueAbbrev = t.get(row, "Abbreviated Source Title")
	rec.Volume = t.get(row, "Volume")
	rec.Issue = t.get(row, "Issue")
	start, end := t.get(row, "Page start"), t.get(row, "Page end")
	switch {
	case start != "" && end != "" && end != start:
		rec.Pages = start + "-" + end
	case start != "":
		rec.Pages = start
	default:
		rec.Pages = t.get(row, "Art. No.")
	}
	if c := t.get(row, "Cited by"); c != "" {
		if n, err := strconv.Atoi(c); err == nil && n >= 0 {
			rec.CitedBy = IntPtr(n)
		} else {
			s.Warnf(line, "citation count %q is not a number", Shorten(c, 20))
		}
	}
	if d := t.get(row, "DOI"); d != "" {
		if rec.DOI = NormalizeDOI(d); rec.DOI == "" {
			s.Warnf(line, "doi %q is not a doi", Shorten(d, 40))
		}
	}
	rec.SetID("scopus", t.get(row, "EID"))
	rec.SetID("pmid", t.get(row, "PubMed ID"))
	rec.SetID("issn", scopusFirst(t.get(row, "ISSN")))
	rec.SetID("isbn", scopusFirst(t.get(row, "ISBN")))
	rec.SetID("url", t.get(row, "Link"))
	rec.Keywords = scopusKeywords(t.get(row, "Author Keywords"))
	rec.IndexKeywords = scopusKeywords(t.get(row, "Index Keywords"))
	addScopusAffiliations(&rec, t.get(row, "Affiliations"), t.get(row, "Authors with affiliations"))
	rec.Abstract = scopusValue(t.get(row, "Abstract"))
	rec.Type = t.get(row, "Document Type")
	if cell := t.get(row, "References"); cell != "" {
		for _, raw := range SplitScopusReferences(cell) {
			ref := ParseScopusReference(raw)
			ref.Line = refLine
			rec.References = append(rec.References, ref)
		}
	}
	return rec
}

// scopusFirst returns the first of several "; "-separated values.
func scopusFirst(s string) string {
	first, _, _ := strings.Cut(s, ";")
	return strings.TrimSpace(first)
}

// scopusAuthorID matches the Scopus author id that follows a full name.
var scopusAuthorID = regexp.MustCompile(`\s*\(\d+\)$`)

// scopusRecordAuthors returns the authors of a record, from the "Author
// full names" column ("Cheng, Ming (12345); …") when it lists as many names
// as the "Authors" column, else from "Authors".
func scopusRecordAuthors(short, full string) []Author {
	short, full = scopusValue(short), scopusValue(full)
	var authors []Author
	if full != "" {
		for _, n := range strings.Split(full, ";") {
			n = scopusAuthorID.ReplaceAllString(strings.TrimSpace(n), "")
			if a := ParseName(n); a.Family != "" {
				authors = append(authors, a)
			}
		}
	}
	shortList := scopusAuthorList(short)
	if len(authors) > 0 && (len(shortList) == 0 || len(shortList) == len(authors)) {
		return authors
	}
	return shortList
}

// scopusAuthorList splits an "Authors" cell: "Last I.; Last I." (new
// exports), "Last I., Last I." (old exports) or "Last, I., Last, I.".
func scopusAuthorList(s string) []Author {
	if s == "" {
		return nil
	}
	var tokens []string
	if strings.Contains(s, ";") {
		for _, p := range strings.Split(s, ";") {
			if p = strings.TrimSpace(p); p != "" {
				tokens = append(tokens, p)
			}
		}
		var out []Author
		for _, p := range tokens {
			if a := scopusShortName(p); a.Family != "" {
				out = append(out, a)
			}
		}
		return out
	}
	authors, _ := scopusNames(scopusTokens(s), false)
	return authors
}

// scopusKeywords splits a keyword cell ("; "-separated), without repeats.
func scopusKeywords(cell string) []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range strings.Split(cell, ";") {
		k = CleanSpace(k)
		if k == "" || seen[strings.ToLower(k)] {
			continue
		}
		seen[strings.ToLower(k)] = true
		out = append(out, k)
	}
	return out
}

// scopusInitialsRe matches the initials of an old-style name ("J.C.").
var scopusInitialsRe = regexp.MustCompile(`^(?:\p{Lu}\p{Ll}?\.\s?-?)+$`)

// addScopusAffiliations reads the "Affiliations" cell (each address once,
// "; "-separated) and "Authors with affiliations" ("Liu F., Dept…, City,
// Country; Li C., …", or "Phillips, J.C., …" in old exports: one entry per
// author, several addresses of one author joined by ", "). Each entry is
// cut after the author's name, where a known address begins, and its
// addresses are linked to the author of the same position.
func addScopusAffiliations(r *Record, affCell, withCell string) {
	var affs []string
	for _, a := range strings.Split(affCell, "; ") {
		if a = strings.TrimSpace(a); a != "" && !strings.HasPrefix(a, "[No ") {
			affs = append(affs, a)
		}
	}
	slices.SortStableFunc(affs, func(a, b string) int { return len(b) - len(a) }) // longest first
	entries := strings.Split(withCell, "; ")
	if withCell == "" || len(entries) != len(r.Authors) {
		for _, a := range affs {
			r.AddAffiliation(ParseAddress(a), -1)
		}
		return
	}
	// startsAff returns the length of the known address s begins with.
	startsAff := func(s string) int {
		for _, a := range affs {
			if strings.HasPrefix(s, a) && (len(s) == len(a) || strings.HasPrefix(s[len(a):], ", ")) {
				return len(a)
			}
		}
		return 0
	}
	for i, e := range entries {
		e = strings.TrimSpace(e)
		rest := ""
		for p := strings.Index(e, ", "); p >= 0; {
			if startsAff(e[p+2:]) > 0 {
				rest = e[p+2:]
				break
			}
			q := strings.Index(e[p+2:], ", ")
			if q < 0 {
				break
			}
			p += 2 + q
		}
		if rest == "" {
			for _, a := range affs {
				if strings.HasSuffix(e, a) { // name glued to it: "Burnett, R.T.University of …"
					rest = a
					break
				}
			}
		}
		if rest == "" {
			// no known address: the name is one part ("Liu F.") or two
			// ("Phillips, J.C.")
			parts := strings.SplitN(e, ", ", 3)
			switch {
			case len(parts) >= 2 && scopusInitialsRe.MatchString(parts[1]):
				if len(parts) == 3 {
					rest = parts[2]
				}
			case len(parts) >= 2:
				rest = strings.Join(parts[1:], ", ")
			}
			if rest != "" && !strings.HasPrefix(rest, "[No ") {
				r.AddAffiliation(ParseAddress(rest), i)
			}
			continue
		}
		for rest != "" {
			n := startsAff(rest)
			if n == 0 {
				r.AddAffiliation(ParseAddress(rest), i)
				break
			}
			r.AddAffiliation(ParseAddress(rest[:n]), i)
			rest = strings.TrimPrefix(rest[n:], ", ")
		}
	}
	// addresses no author entry named
	for _, a := range affs {
		r.AddAffiliation(ParseAddress(a), -1)
	}
}
