package parse

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"regexp"
	"strings"
)

// The citations-csv reader reads an edge list of citations, as the
// OpenCitations indexes (COCI, the OpenCitations Index) publish them: a CSV
// header with "citing" and "cited" columns, and optionally oci, creation,
// timespan, journal_sc and author_sc. Values are DOIs, possibly prefixed
// ("doi:10.…", "coci => 10.…"), or lists of identifiers as in the 2023+
// index ("omid:br/06… doi:10.… pmid:…"). Each distinct citing work becomes
// one Record whose References are the works it cites, in file order.

func init() {
	register(Format{Name: "citations-csv", Order: 13, Sniff: citSniff, Read: citRead})
}

// citCiting and citCited are the names of the two columns of an edge list.
var (
	citCiting = []string{"citing", "citing_doi", "citing_id"}
	citCited  = []string{"cited", "cited_doi", "cited_id"}
)

// citSniff recognises a CSV header with a citing and a cited column.
func citSniff(_ string, head []byte) bool {
	cols, _, ok := citHeader(head)
	if !ok {
		return false
	}
	return citColumn(cols, citCiting...) >= 0 && citColumn(cols, citCited...) >= 0
}

// citHeader returns the normalised column names of the first line of head
// (see citNormCol) and the delimiter it uses (comma, semicolon or tab).
func citHeader(head []byte) ([]string, rune, bool) {
	line, _, _ := bytes.Cut(head, []byte{'\n'})
	t := bytes.TrimSpace(line)
	if len(t) == 0 || t[0] == '{' || t[0] == '[' || t[0] == '<' {
		return nil, 0, false
	}
	delim := ','
	best := bytes.Count(line, []byte{','})
	for _, d := range []rune{'\t', ';'} {
		if n := bytes.Count(line, []byte{byte(d)}); n > best {
			delim, best = d, n
		}
	}
	if best == 0 {
		return nil, 0, false
	}
	cr := csv.NewReader(bytes.NewReader(line))
	cr.Comma = delim
	cr.LazyQuotes = true
	cols, err := cr.Read()
	if err != nil {
		return nil, 0, false
	}
	for i, c := range cols {
		cols[i] = citNormCol(c)
	}
	return cols, delim, true
}

// citNormCol lower-cases a column name and writes its dots as underscores,
// so that "primary_location.source.display_name" and
// "primary_location_source_display_name" compare equal.
func citNormCol(c string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(c)), ".", "_")
}

// citColumn returns the index of the first of names among cols, or -1.
func citColumn(cols []string, names ...string) int {
	for _, n := range names {
		for i, c := range cols {
			if c == n {
				return i
			}
		}
	}
	return -1
}

// citNewCSV returns a CSV reader for an export: any number of fields per
// row, lenient quotes.
func citNewCSV(r io.Reader, delim rune) *csv.Reader {
	cr := csv.NewReader(r)
	cr.Comma = delim
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return cr
}

// citRowErr reports a CSV row that could not be read; skip is the number of
// lines read before the CSV reader started. It returns true when reading
// can go on.
func citRowErr(s *Sink, err error, skip int) bool {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		s.Skipf(pe.StartLine+skip, "csv row not readable: %v", pe.Err)
		return true
	}
	return false
}

// citPMIDRe finds a PubMed id in an identifier list ("pmid:123").
var citPMIDRe = regexp.MustCompile(`(?i)\bpmid:\s*(\d+)`)

// citWork reads one citing or cited value: its DOI and PubMed id.
func citWork(v string) (doi, pmid string) {
	v = strings.TrimSpace(v)
	if i := strings.Index(strings.ToLower(v), "doi:"); i >= 0 {
		if f := strings.Fields(v[i+4:]); len(f) > 0 {
			doi = NormalizeDOI(f[0])
		}
	}
	if doi == "" {
		doi = FindDOI(v)
	}
	if m := citPMIDRe.FindStringSubmatch(v); m != nil {
		pmid = m[1]
	}
	return doi, pmid
}

// citRead reads an edge list into one Record per citing work.
func citRead(r io.Reader, s *Sink) error {
	lr := newLineReader(r)
	if !lr.Scan() {
		return lr.Err()
	}
	cols, delim, ok := citHeader([]byte(lr.Text()))
	citing, cited := citColumn(cols, citCiting...), citColumn(cols, citCited...)
	if !ok || citing < 0 || cited < 0 {
		s.Skipf(1, "header has no citing and cited columns")
		return nil
	}
	cr := citNewCSV(lr.r, delim)
	type work struct {
		rec  Record
		seen map[string]bool
	}
	var works []*work
	index := map[string]*work{}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			if citRowErr(s, err, 1) {
				continue
			}
			return err
		}
		line, _ := cr.FieldPos(0)
		line++ // the header line was read before the CSV reader started
		if len(row) <= max(citing, cited) {
			s.Skipf(line, "row has %d field(s), too few for the citing and cited columns", len(row))
			continue
		}
		from, to := strings.TrimSpace(row[citing]), strings.TrimSpace(row[cited])
		doi, pmid := citWork(from)
		key := doi
		if key == "" && pmid != "" {
			key = "pmid:" + pmid
		}
		if key == "" {
			s.Skipf(line, "citing value %q holds no DOI or PubMed id", Shorten(from, 60))
			continue
		}
		w := index[key]
		if w == nil {
			w = &work{rec: Record{Line: line, DOI: doi}, seen: map[string]bool{}}
			index[key] = w
			works = append(works, w)
		}
		if w.rec.IDs["pmid"] == "" {
			w.rec.SetID("pmid", pmid)
		}
		if to == "" {
			s.Warnf(line, "cited value is empty, row left out")
			continue
		}
		ref := Reference{Raw: to, Line: line}
		ref.DOI, pmid = citWork(to)
		ref.SetID("pmid", pmid)
		if ref.DOI == "" && pmid == "" {
			s.Warnf(line, "cited value %q holds no DOI or PubMed id; kept as text", Shorten(to, 60))
		}
		rk := ref.DOI
		if rk == "" {
			rk = to
		}
		if w.seen[rk] {
			s.Warnf(line, "citation %s -> %s repeats an earlier row, left out", key, Shorten(rk, 60))
			continue
		}
		w.seen[rk] = true
		w.rec.References = append(w.rec.References, ref)
	}
	for _, w := range works {
		s.Add(w.rec)
	}
	return nil
}
