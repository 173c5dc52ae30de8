package parse

import (
	"io"
	"regexp"
	"strconv"
	"strings"
)

// This file reads Lens.org scholarly CSV exports ("lens"): one row per work
// under a header that starts with "Lens ID"; the "References" column lists
// the Lens IDs of the cited works, joined by "; ".

func init() {
	register(Format{Name: "lens", Order: 51, Sniff: lensSniff, Read: lensRead})
}

// lensIDRe matches a Lens ID: "000-360-106-493-122", "096-251-209-041-92X"
// (the last character is a check digit that can be X).
var lensIDRe = regexp.MustCompile(`^\d{3}-\d{3}-\d{3}-\d{3}-\d{2}[\dXx]$`)

// lensSniff recognises a Lens scholarly CSV header: "Lens ID" and "Title"
// columns.
func lensSniff(_ string, head []byte) bool {
	cols, _ := scopusHeaderColumns(head)
	return cols["lens id"] && cols["title"]
}

// lensRead streams the rows of a Lens CSV export into s.
func lensRead(r io.Reader, s *Sink) error {
	t := scopusNewTable(r)
	for {
		row, ok, err := t.next()
		if err != nil || !ok {
			return err
		}
		if t.header == nil || t.isHeader(row) {
			t.setHeader(row)
			continue
		}
		line := t.line(0)
		if len(row) != len(t.header) {
			// trailing empty fields are separators; anything else is a
			// row that cannot be matched to the header
			n := len(row)
			for n > len(t.header) && strings.TrimSpace(row[n-1]) == "" {
				n--
			}
			if n != len(t.header) {
				t.skip(s, row, line)
				continue
			}
			row = row[:n]
		}
		s.Add(lensRecord(t, row, line, s))
	}
}

// lensRecord maps one row to a Record.
func lensRecord(t *scopusTable, row []string, line int, s *Sink) Record {
	rec := Record{Line: line}
	rec.Title = t.get(row, "Title")
	for _, n := range strings.Split(t.get(row, "Author/s"), ";") {
		if a := ParseName(n); a.Family != "" {
			rec.Authors = append(rec.Authors, a)
		}
	}
	year := t.get(row, "Publication Year")
	if year == "" {
		year = t.get(row, "Date Published")
	}
	if year != "" {
		if rec.Year = ParseYear(year); rec.Year == 0 {
			s.Warnf(line, "year %q is not a year", Shorten(year, 20))
		}
	}
	rec.Venue = t.get(row, "Source Title")
	rec.Volume = t.get(row, "Volume")
	rec.Issue = t.get(row, "Issue Number")
	start, end := t.get(row, "Start Page"), t.get(row, "End Page")
	switch {
	case start != "" && end != "" && end != start:
		rec.Pages = start + "-" + end
	case start != "":
		rec.Pages = start
	}
	if d := t.get(row, "DOI"); d != "" {
		if rec.DOI = NormalizeDOI(d); rec.DOI == "" {
			s.Warnf(line, "doi %q is not a doi", Shorten(d, 40))
		}
	}
	id := t.get(row, "Lens ID")
	if id == "" {
		s.Warnf(line, "row has no lens id")
	}
	rec.SetID("lens", id)
	rec.SetID("pmid", t.get(row, "PMID"))
	rec.SetID("pmcid", t.get(row, "PMCID"))
	rec.SetID("mag", scopusFirst(t.get(row, "Microsoft Academic ID")))
	rec.SetID("issn", scopusFirst(t.get(row, "ISSNs")))
	rec.Type = t.get(row, "Publication Type")
	rec.Abstract = t.get(row, "Abstract")
	rec.Keywords = scopusKeywords(t.get(row, "Keywords"))
	rec.IndexKeywords = scopusKeywords(t.get(row, "MeSH Terms"))
	for _, k := range []string{"Citing Works Count", "Scholarly Citation Count"} {
		c := t.get(row, k)
		if c == "" {
			continue
		}
		if n, err := strconv.Atoi(c); err == nil && n >= 0 {
			rec.CitedBy = IntPtr(n)
		} else {
			s.Warnf(line, "citation count %q is not a number", Shorten(c, 20))
		}
		break
	}
	if cell := t.get(row, "References"); cell != "" {
		refLine := line
		if i, ok := t.col["references"]; ok {
			refLine = t.line(i)
		}
		for _, id := range strings.Split(cell, ";") {
			if id = strings.TrimSpace(id); id == "" {
				continue
			}
			ref := Reference{Raw: id, Line: refLine}
			if lensIDRe.MatchString(id) {
				ref.SetID("lens", id)
			} else {
				ref.DOI = NormalizeDOI(id)
			}
			rec.References = append(rec.References, ref)
		}
	}
	return rec
}
