package landing

import (
	"regexp"
	"strings"
)

// A tagged record pasted into a page (a repository's "export as Web of
// Science" or RIS view) carries its fields under two-letter tags:
//
//	TI A made-up title
//	   that wraps
//	AU Roe, J
//	   Poe, J
//	PY 2017
//
// or, in RIS, "TI  - A made-up title". lpUntag rewrites such a block into
// labelled lines ("Title: A made-up title that wraps", "Authors: Roe, J;
// Poe, J") that the page reader weighs like any other label.

var (
	lpWosTagRe = regexp.MustCompile(`^([A-Z][A-Z0-9]) (\S.*)$`)
	lpRisTagRe = regexp.MustCompile(`^([A-Z][A-Z0-9])  - ?(.*)$`)
)

// lpWosTags and lpRisTags map the tags of the two forms to the labels the
// page reader knows; "" drops the field.
var (
	lpWosTags = map[string]string{"TI": "Title", "AU": "Authors", "PY": "Year", "SO": "Journal", "VL": "Volume",
		"IS": "Issue", "DI": "DOI", "DE": "Keywords", "AB": "Abstract", "SN": "ISSN", "BP": "", "EP": "", "AR": "Article number",
		"PT": "", "AF": "", "PU": "", "LA": "", "WP": "", "ID": "", "C1": "", "RP": "", "EM": "", "CR": "", "NR": "",
		"TC": "", "Z9": "", "PD": "", "PG": "", "WC": "", "SC": "", "GA": "", "UT": "", "PM": "", "DT": "", "J9": "", "JI": "",
		"EI": "", "BN": "", "SE": "", "FU": "", "FX": "", "U1": "", "U2": "", "OI": "", "RI": "", "DA": "", "ER": "", "EF": "",
		"FN": "", "VR": "", "PI": "", "PA": "", "SU": "", "HC": "", "HP": "", "OA": "", "CT": "", "CY": "", "CL": "", "SP": ""}
	lpRisTags = map[string]string{"TI": "Title", "T1": "Title", "AU": "Authors", "A1": "Authors", "PY": "Year",
		"Y1": "Year", "JO": "Journal", "JF": "Journal", "T2": "Journal", "VL": "Volume", "IS": "Issue", "DO": "DOI",
		"KW": "Keywords", "AB": "Abstract", "N2": "Abstract", "SN": "ISSN", "SP": "", "EP": "", "TY": "", "ER": "",
		"UR": "", "PB": "", "CY": "", "LA": "", "DA": "", "ID": "", "JA": "", "J2": "", "AD": "", "N1": "", "M3": "",
		"A2": "", "ED": "", "ST": "", "L1": "", "L2": "", "DB": "", "DP": "", "C1": "", "Y2": "", "ET": "", "AN": ""}
)

// lpTagField is one field of a tagged block being read.
type lpTagField struct {
	n      int // line number of the tag
	tag    string
	values []string
}

// lpUntag returns in with every tagged block rewritten into labelled
// lines. A block is a run of tagged lines of one form (continuations
// indented, blank lines between continuations skipped) holding a title
// tag and at least three other known tags; anything else is left as is.
func lpUntag(in []Line) []Line {
	var out []Line // nil until a block is found: most pages have none
	for i := 0; i < len(in); {
		fields, end := lpTagBlock(in, i)
		if fields == nil {
			if out != nil {
				out = append(out, in[i])
			}
			i++
			continue
		}
		if out == nil {
			out = append(make([]Line, 0, len(in)), in[:i]...)
		}
		out = append(out, fields...)
		i = end
	}
	if out == nil {
		return in
	}
	return out
}

// lpRewrite returns in with the records a page printed in tags, as a data
// dump or as a MARC view rewritten into labelled lines (lpUnarray,
// lpUnmarc, lpUntag); the reader and the sniffer see the same lines.
func lpRewrite(in []Line) []Line {
	return lpUntag(lpUnmarc(lpUnarray(in)))
}

// lpTagBlock reads the tagged block starting at in[i], returning its
// labelled lines and the index after it, or nil.
func lpTagBlock(in []Line, i int) ([]Line, int) {
	if !lpTagLike(in[i].Text) {
		return nil, i
	}
	re, tags := lpWosTagRe, lpWosTags
	if lpRisTagRe.MatchString(in[i].Text) {
		re, tags = lpRisTagRe, lpRisTags
	}
	m := re.FindStringSubmatch(in[i].Text)
	if m == nil {
		return nil, i
	}
	if _, ok := tags[m[1]]; !ok {
		return nil, i
	}
	var fs []lpTagField
	j := i
	for j < len(in) {
		t := in[j].Text
		if m := re.FindStringSubmatch(t); m != nil {
			if _, ok := tags[m[1]]; !ok {
				break
			}
			fs = append(fs, lpTagField{n: in[j].N, tag: m[1], values: []string{strings.TrimSpace(m[2])}})
			j++
			continue
		}
		if strings.TrimSpace(t) == "" {
			// a blank line inside a wrapped value: skip it when an
			// indented continuation follows
			k := j
			for k < len(in) && strings.TrimSpace(in[k].Text) == "" {
				k++
			}
			if k < len(in) && len(fs) > 0 && lpTagContinues(in[k].Text) {
				j = k
				continue
			}
			break
		}
		if len(fs) > 0 && lpTagContinues(t) {
			f := &fs[len(fs)-1]
			f.values = append(f.values, strings.TrimSpace(t))
			j++
			continue
		}
		break
	}
	known, title := map[string]bool{}, false
	for _, f := range fs {
		if l := tags[f.tag]; l != "" {
			known[l] = true
			title = title || l == "Title"
		}
	}
	if !title || len(known) < 4 {
		return nil, i
	}
	var out []Line
	seen := map[string]bool{}
	for _, f := range fs {
		l := tags[f.tag]
		if l == "" || (seen[l] && l != "Authors" && l != "Keywords") {
			continue
		}
		seen[l] = true
		sep := " "
		if l == "Authors" || l == "Keywords" {
			sep = "; "
		}
		v := strings.Join(strings.Fields(strings.Join(f.values, sep)), " ")
		if v != "" {
			out = append(out, Line{N: f.n, Text: l + ": " + v})
		}
	}
	return out, j
}

// lpTagContinues reports whether t continues the value of the tag above:
// it is indented and not empty.
func lpTagContinues(t string) bool {
	return strings.HasPrefix(t, "  ") && strings.TrimSpace(t) != ""
}

// A page saved from a site that printed its data structure (a PHP
// "array:24 [" dump, "key" => "value" lines) gives its fields as quoted
// keys. lpUnarray rewrites each such line into a labelled line
// ("fechaPublicacion" => "2002-11-01" becomes "fecha publicacion:
// 2002-11-01") and the brackets into blank lines, when the page holds at
// least five of them; other lines are left as they are.
var (
	lpArrowRe = regexp.MustCompile(`^\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*=>\s*(.*?)\s*$`)
	lpArrayRe = regexp.MustCompile(`^\s*(?:(?:"[^"]*"\s*=>\s*)?array:\d+\s*\[|\])\s*$`)
	lpCamelRe = regexp.MustCompile(`([a-z])([A-Z])`)
)

// lpUnarray rewrites a printed data dump (see above), else returns in.
func lpUnarray(in []Line) []Line {
	if !lpMatchesAtLeast(in, lpArrowRe, "=>", 5) {
		return in
	}
	out := make([]Line, 0, len(in))
	for _, l := range in {
		switch m := lpArrowRe.FindStringSubmatch(l.Text); {
		case lpArrayRe.MatchString(l.Text):
			out = append(out, Line{N: l.N})
		case m != nil && !strings.HasSuffix(m[2], "["):
			key := strings.ToLower(strings.ReplaceAll(lpCamelRe.ReplaceAllString(m[1], "$1 $2"), "_", " "))
			out = append(out, Line{N: l.N, Text: key + ": " + strings.Trim(m[2], `"`)})
		default:
			out = append(out, l)
		}
	}
	return out
}

// A library catalogue's "staff view" prints the MARC record: a field tag,
// indicators and subfields between bars ("245 | 1 | 0 | |a Title |b
// Subtitle |c Jane Roe. With …"). lpUnmarc rewrites the fields of a work
// (100/700 names, 245 title and statement of responsibility, 260/264 date,
// 020 ISBN, 024 DOI) into labelled lines and the others into blank lines,
// when the page holds at least five such lines.
var (
	lpMarcRe    = regexp.MustCompile(`^\s*(\d{3}) \|(.*)$`)
	lpMarcSubRe = regexp.MustCompile(`\|([a-z0-9]) ([^|]*)`)
	lpRespRe    = regexp.MustCompile(`;|\p{L}{2,}\.\s`)
)

// lpUnmarc rewrites a MARC view (see above), else returns in.
func lpUnmarc(in []Line) []Line {
	if !lpMatchesAtLeast(in, lpMarcRe, " |", 5) {
		return in
	}
	named := false
	for _, l := range in {
		if m := lpMarcRe.FindStringSubmatch(l.Text); m != nil && (m[1] == "100" || m[1] == "700") {
			named = true
		}
	}
	out := make([]Line, 0, len(in))
	for _, l := range in {
		m := lpMarcRe.FindStringSubmatch(l.Text)
		if m == nil {
			out = append(out, l)
			continue
		}
		sub := map[byte]string{}
		for _, s := range lpMarcSubRe.FindAllStringSubmatch(m[2], -1) {
			if _, ok := sub[s[1][0]]; !ok {
				sub[s[1][0]] = strings.TrimSpace(s[2])
			}
		}
		var text []string
		switch m[1] {
		case "100", "700":
			text = []string{"Author: " + strings.TrimRight(sub['a'], " ,")}
		case "245":
			title := strings.TrimRight(sub['a'], " /:")
			if b := strings.TrimRight(sub['b'], " /"); b != "" {
				title += ": " + b
			}
			text = []string{"Title: " + title}
			if c := sub['c']; c != "" && !named {
				// the names end at the first sentence or at a semicolon
				if k := lpRespRe.FindStringIndex(c); k != nil && c[k[0]] == ';' {
					c = c[:k[0]]
				} else if k != nil {
					c = c[:strings.LastIndexByte(c[:k[1]], '.')]
				}
				text = append(text, "Authors: "+strings.TrimSpace(c))
			}
		case "260", "264":
			text = []string{"Year: " + sub['c']}
		case "020":
			text = []string{"ISBN: " + sub['a']}
		case "024":
			if strings.EqualFold(sub['2'], "doi") {
				text = []string{"DOI: " + sub['a']}
			}
		}
		if len(text) == 0 {
			out = append(out, Line{N: l.N})
		}
		for _, t := range text {
			if !strings.HasSuffix(t, ": ") {
				out = append(out, Line{N: l.N, Text: t})
			}
		}
	}
	return out
}

// lpTagLike is a byte test for lpWosTagRe and lpRisTagRe, run on every
// line: both open with a capital, a capital or a digit, and a space.
func lpTagLike(t string) bool {
	return len(t) >= 4 && t[0] >= 'A' && t[0] <= 'Z' && (t[1] >= 'A' && t[1] <= 'Z' || t[1] >= '0' && t[1] <= '9') && t[2] == ' '
}

// lpMatchesAtLeast reports whether re matches at least n lines of in; a
// line re matches holds need (the quick test: most pages hold no line re
// matches).
func lpMatchesAtLeast(in []Line, re *regexp.Regexp, need string, n int) bool {
	for _, l := range in {
		if strings.Contains(l.Text, need) && re.MatchString(l.Text) {
			if n--; n == 0 {
				return true
			}
		}
	}
	return false
}
