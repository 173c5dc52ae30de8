package parse

import (
	"io"
	"strconv"
	"strings"
)

// This file reads the PubMed/MEDLINE tagged format (.nbib, .txt): one
// "TAG - value" line per field with the tag padded to four characters
// ("PMID- 123", "TI  - "), continuation lines indented by six spaces, and
// records separated by blank lines, each starting at PMID. MEDLINE carries
// no reference lists; RF states how many references a work has.

func init() {
	register(Format{Name: "pubmed", Order: 30, Sniff: pubmedSniff, Read: pubmedRead})
}

// pubmedSplitTag splits a MEDLINE tag line into tag and value: a tag of two
// to four capital letters or digits, padded with spaces, then "-" and a
// space or the end of the line. Continuation lines start with white space
// and are not tag lines.
func pubmedSplitTag(s string) (tag, val string, ok bool) {
	dash := strings.IndexByte(s, '-')
	if dash < 2 || dash > 5 {
		return "", "", false
	}
	tag = strings.TrimRight(s[:dash], " ")
	if len(tag) < 2 || len(tag) > 4 || tag[0] < 'A' || tag[0] > 'Z' {
		return "", "", false
	}
	for i := 1; i < len(tag); i++ {
		if c := tag[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "", "", false
		}
	}
	rest := s[dash+1:]
	if rest != "" && rest[0] != ' ' {
		return "", "", false
	}
	return tag, strings.TrimSpace(rest), true
}

// pubmedSniff reports whether head starts with MEDLINE tag lines and holds a
// PMID line: RIS files share the tag syntax but have no PMID tag.
func pubmedSniff(_ string, head []byte) bool {
	firstSeen := false
	for line := range strings.Lines(string(head)) {
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		tag, _, ok := pubmedSplitTag(line)
		if !firstSeen {
			if !ok {
				return false
			}
			firstSeen = true
		}
		if ok && tag == "PMID" {
			return true
		}
	}
	return false
}

// pubmedField is one MEDLINE field: its tag, its value with continuation
// lines joined, and its line.
type pubmedField struct {
	tag, val string
	line     int
	// more holds continuation lines until the record ends: appending each
	// to val would copy it every time, quadratic in the number of lines.
	more []string
}

// pubmedRead streams MEDLINE records into s.
func pubmedRead(r io.Reader, s *Sink) error {
	lr := newLineReader(r)
	var rec []pubmedField
	afterBlank := true
	junk, junkLine := 0, 0
	flush := func() {
		if len(rec) > 0 {
			for i := range rec {
				if f := &rec[i]; len(f.more) > 0 {
					f.val += " " + strings.Join(f.more, " ")
				}
			}
			pubmedEmit(s, rec)
			rec = nil
		}
	}
	for lr.Scan() {
		n := lr.Line()
		line := strings.TrimRight(lr.Text(), "\r")
		if lr.Long() {
			s.Warnf(n, "line longer than %d bytes cut", maxLine)
		}
		if strings.TrimSpace(line) == "" {
			afterBlank = true
			continue
		}
		tag, val, ok := pubmedSplitTag(line)
		if !ok {
			// continuation lines are indented; an unindented line after a
			// blank one is text between records
			if afterBlank && line[0] != ' ' && line[0] != '\t' {
				flush()
			}
			if len(rec) == 0 {
				if junk == 0 {
					junkLine = n
				}
				junk++
				continue
			}
			last := &rec[len(rec)-1]
			last.more = append(last.more, strings.TrimSpace(line))
			afterBlank = false
			continue
		}
		switch {
		case tag == "PMID":
			flush()
		case afterBlank || len(rec) == 0:
			flush()
			s.Warnf(n, "record does not start with PMID")
		}
		afterBlank = false
		rec = append(rec, pubmedField{tag: tag, val: val, line: n})
	}
	flush()
	if junk > 0 {
		s.Warnf(junkLine, "%d line(s) of text outside any record ignored (first here)", junk)
	}
	return lr.Err()
}

// pubmedEmit maps a record's fields onto a Record and adds it to s.
func pubmedEmit(s *Sink, fields []pubmedField) {
	r := Record{Line: fields[0].line}
	var types []string
	var issnLinking, issnOther, bookTitle, collTitle string
	fauPending := false
	seenKW, seenMH := map[string]bool{}, map[string]bool{}
	for _, f := range fields {
		// values are trimmed and their lines joined by one space already
		v := f.val
		if f.tag != "AU" {
			fauPending = false
		}
		if v == "" {
			continue
		}
		switch f.tag {
		case "PMID":
			r.SetID("pmid", v)
		case "TI":
			if r.Title == "" {
				r.Title = v
			}
		case "BTI":
			bookTitle = v
		case "CTI":
			collTitle = v
		case "AB":
			if r.Abstract == "" {
				r.Abstract = CleanSpace(v)
			}
		case "FAU":
			// the full name; the AU line right after it is the same person
			if a := ParseName(v); a.Family != "" {
				r.Authors = append(r.Authors, a)
			}
			fauPending = true
		case "AU":
			if fauPending {
				fauPending = false
				continue
			}
			if a := ParseName(v); a.Family != "" {
				r.Authors = append(r.Authors, a)
			}
		case "CN":
			// a collective (corporate) author, kept whole
			r.Authors = append(r.Authors, Author{Family: v})
		case "DP":
			if r.Year == 0 {
				r.Year = ParseYear(v)
			}
		case "JT":
			r.Venue = v
		case "TA":
			r.VenueAbbrev = v
		case "VI":
			r.Volume = v
		case "IP":
			r.Issue = v
		case "PG":
			r.Pages = v
		case "LID", "AID":
			if id, kind, ok := strings.Cut(v, "["); ok && strings.TrimSpace(strings.TrimSuffix(kind, "]")) == "doi" && r.DOI == "" {
				if r.DOI = NormalizeDOI(id); r.DOI == "" {
					s.Warnf(f.line, "%s holds no DOI: %q", f.tag, Shorten(v, 60))
				}
			}
		case "PMC":
			r.SetID("pmcid", v)
		case "MH":
			r.IndexKeywords = risAddKeyword(r.IndexKeywords, seenMH, pubmedMeSH(v))
		case "OT":
			r.Keywords = risAddKeyword(r.Keywords, seenKW, v)
		case "AD":
			// the address of the author just named (FAU/AU come first)
			addAddresses(&r, v, len(r.Authors)-1)
		case "PT":
			types = append(types, v)
		case "IS":
			issn, kind, _ := strings.Cut(v, "(")
			issn = strings.TrimSpace(issn)
			if strings.HasPrefix(strings.ToLower(kind), "linking") {
				issnLinking = issn
			} else if issnOther == "" {
				issnOther = issn
			}
		case "ISBN":
			if r.IDs["isbn"] == "" {
				r.SetID("isbn", v)
			}
		case "RF":
			if k, err := strconv.Atoi(v); err == nil {
				r.RefsDeclared = IntPtr(k)
			} else {
				s.Warnf(f.line, "RF is not a number of references: %q", v)
			}
		}
	}
	if r.Title == "" {
		r.Title = bookTitle // a book or book chapter (NCBI Bookshelf)
	}
	if r.Venue == "" {
		r.Venue = collTitle
	}
	r.Type = strings.Join(types, "; ")
	if issnLinking != "" {
		r.SetID("issn", issnLinking)
	} else {
		r.SetID("issn", issnOther)
	}
	if r.IDs["pmid"] == "" && r.Title == "" && r.DOI == "" && len(r.Authors) == 0 && r.Abstract == "" {
		s.Skipf(r.Line, "record has no PMID, title, author, DOI or abstract")
		return
	}
	s.Add(r)
}

// pubmedMeSH returns the descriptor of a MeSH heading, without the "*" that
// marks a major topic and without "/qualifier" subheadings:
// "*Decision Making/methods/*statistics & numerical data" -> "Decision Making".
func pubmedMeSH(v string) string {
	d, _, _ := strings.Cut(v, "/")
	return strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(d), "*"))
}
