package landing

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/parse/model"
)

// The landing reader takes text no other reader claims, so its sniffer
// decides what is a page about a scholarly work and what is merely text: a
// README, notes, a log or source code met while walking a folder is no
// paper. It weighs the evidence of the head's lines: labelled bibliographic
// fields, abstract, keyword and reference headings, a source line, a DOI or
// another identifier, an author line, reference entries; against them count
// the signs of markdown, logs and code.

var (
	sniffLogRe  = regexp.MustCompile(`^(?:\[?\d{4}[-/]\d{2}[-/]\d{2}[ T]\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}|(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL)\b|\[(?:INFO|WARN|WARNING|ERROR|DEBUG)\])`)
	sniffCodeRe = regexp.MustCompile("^(?:```|~~~|#!|\\$ |> \\$|func |def |import |package |#include|class \\w+[:({]|const |var |let |\\}\\s*$)")
	// sniffCiteRe finds citations in running text: "[12]", "[3,4]", "(Roe, 2001)", "(Roe et al. 2001a)"
	sniffCiteRe = regexp.MustCompile(`\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|\(\p{Lu}[\p{L}'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+)?,?\s+(?:1[5-9]|20)\d\d[a-z]?\)`)
	sniffMDRe   = regexp.MustCompile("^#{1,6}\\s+\\S|\\]\\((?:https?://|\\./|/|#)|^\\[!\\[|^(?:[-*+]|\\d+\\.)\\s+\\[[ xX]\\]\\s|^\\|?\\s*:?-{3,}:?\\s*\\||`[^`]+`")
)

// bibKeys are the field keys that describe a work.
var bibKeys = map[string]bool{"title": true, "authors": true, "venue": true, "doi": true, "pubdate": true,
	"epubdate": true, "volume": true, "issue": true, "pages": true, "pmid": true, "pmcid": true, "issn": true,
	"isbn": true, "arxiv": true, "citation": true, "refcount": true, "citedby": true, "type": true, "artno": true}

// Sniff reports whether head, the start of a text file, is a page about a
// scholarly work: it carries enough evidence of one and is not markdown, a
// log or code. JSON, markup and tables are never claimed.
//
// name, the file's base name, is a hint: a .md, .log or source-code name
// counts against.
func Sniff(name string, head []byte) bool {
	ev, against := evidence(head)
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".rst", ".log", ".go", ".py", ".r", ".sh", ".js", ".c", ".h", ".java", ".yaml", ".yml",
		".toml", ".ini", ".cfg", ".conf", ".json", ".xml", ".html", ".htm", ".css", ".tex", ".ipynb":
		against += 3
	}
	base := strings.ToLower(strings.TrimSuffix(name, filepath.Ext(name)))
	for _, w := range []string{"readme", "notes", "note", "todo", "changelog", "changes", "license", "licence", "log", "install", "makefile"} {
		if base == w || strings.HasPrefix(base, w+"-") || strings.HasPrefix(base, w+"_") {
			against += 3
		}
	}
	return ev >= 2 && ev > against
}

// PageHeader reports whether head, whose lines may hold a reference list,
// has page content before or besides it: labelled fields, headings other
// than a references heading (an abstract, a cited-by count), or two lines of
// text above the references heading (a title and a byline). A plain pasted
// reference list has none.
func PageHeader(head []byte) bool {
	lines := sniffLines(head)
	text := 0
	for _, l := range lines {
		switch l.kind {
		case lpMeta:
			if l.labelled {
				for _, f := range l.fields {
					if bibKeys[f.key] && f.key != "doi" {
						return true
					}
				}
			}
		case lpLabel:
			if bibKeys[l.label] && l.label != "doi" {
				return true
			}
		case lpHead:
			switch l.sec {
			case lpSecRefs:
				return text >= 2
			case lpSecAbstract, lpSecAbstractAlt, lpSecKeywords, lpSecKeywordsAlt, lpSecCitedBy:
				return true
			}
		case lpText, lpBoiler, lpNumber:
			if !lpLooksLikeRef(l.text) && !lpLinkOnly(l.text) {
				text++
			}
		}
	}
	return false
}

// sniffLines classifies the first lines of head.
func sniffLines(head []byte) []lpLine {
	var in []Line
	for n, raw := range strings.Split(string(head), "\n") {
		if n >= 300 {
			break
		}
		in = append(in, Line{N: n + 1, Text: raw})
	}
	var lines []lpLine
	for _, l := range lpRewrite(in) {
		lines = lpAppendLine(lines, l.N, l.Text, 0)
	}
	return lines
}

// evidence weighs what in head shows a page about a work, and what shows
// other text.
func evidence(head []byte) (ev, against int) {
	if bytes.IndexByte(head, 0) >= 0 {
		return 0, 1
	}
	t := bytes.TrimSpace(head)
	if len(t) < 12 {
		return 0, 1
	}
	switch t[0] {
	case '{', '<':
		return 0, 1
	case '[':
		if len(t) > 1 && (t[1] == '{' || t[1] == '"' || t[1] == '[') {
			return 0, 1
		}
	}
	if lpTabular(t) {
		return 0, 1
	}
	refs, logs, code, md, heads, cites, dates := 0, 0, 0, 0, 0, 0, 0
	nonBlank, bare := 0, 0
	for n, rawLine := range strings.SplitN(string(t), "\n", 301) {
		if n == 300 {
			break
		}
		raw := strings.TrimSpace(rawLine)
		if raw != "" {
			nonBlank++
			if letters(raw) < 3 {
				bare++ // numbers and punctuation: data, not text
			}
		}
		switch {
		case sniffLogRe.MatchString(raw):
			logs++
		case sniffCodeRe.MatchString(raw):
			code++
		case sniffMDRe.MatchString(raw):
			md++
		}
	}
	for _, l := range sniffLines(t) {
		raw := l.text
		if l.kind == lpProse || l.kind == lpText {
			cites += len(sniffCiteRe.FindAllStringIndex(raw, 4))
		}
		switch l.kind {
		case lpMeta:
			for _, f := range l.fields {
				if f.key == "pubdate" || f.key == "epubdate" {
					dates++
				}
				if !bibKeys[f.key] {
					continue
				}
				switch {
				case l.labelled && f.key == "title":
					ev++ // a title alone says little
				case l.labelled:
					ev += 2
				case f.key == "venue" || f.key == "volume":
					ev += 2 // a source line
				case f.key == "doi":
					ev++
				}
				break
			}
		case lpLabel:
			if bibKeys[l.label] {
				ev++
			}
		case lpHead:
			switch l.sec {
			case lpSecAbstract, lpSecAbstractAlt, lpSecRefs, lpSecKeywords, lpSecKeywordsAlt:
				ev += 2
				heads++
			case lpSecCitedBy:
				ev++
				heads++
			}
		case lpText:
			if _, ok := lpAuthors(raw); ok {
				ev++
			}
		case lpProse:
			if lpStructured(raw) {
				ev += 3 // a structured abstract: Objective… Methods… Results…
			}
		}
		if l.kind != lpBoiler && l.kind != lpHead && lpLooksLikeRef(raw) && model.ParseYear(raw) != 0 && strings.Count(raw, ".")+strings.Count(raw, ",") >= 3 {
			refs++
		}
		if ev >= 40 {
			break
		}
	}
	switch {
	case refs >= 3:
		ev += 3
	case refs >= 1:
		ev += 2
	}
	if cites >= 2 {
		ev += 2 // scholarly text cites
	}
	if dates > 0 {
		ev++
	}
	if model.FindDOI(string(t)) != "" {
		ev++
	}
	if logs >= 3 {
		against += 2 * logs
	}
	against += 2*code + md
	if bare*2 > nonBlank {
		against += 5
	}
	return ev, against
}

// letters counts the letters of s, up to 3.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if n++; n == 3 {
				break
			}
		}
	}
	return n
}
