package freetext

import (
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/parse/model"
)

// This file matches volume, issue and pages after a venue by hand, as
// ftVolIssRe and ftVolPageRe would: the two expressions, searched in every
// reference with a bracket or a comma, cost a sixth of the parse time of a
// long list and most of its allocations. Each match is found in one pass
// over the text from where the search starts, so a search is O(len(s)).
// TestVolIssMatch and TestVolPageMatch compare them with the expressions.

// ftVolMatch is one match of ftVolIssRe or ftVolPageRe: the volume, the
// issue (ftVolIssRe only) and the pages (empty if none), and where the
// match ends.
type ftVolMatch struct {
	vol, iss, pages string
	end             int
}

// ftVolSep reports whether the byte before a volume may be c: the
// expressions' [\s,;:].
func ftVolSep(c byte) bool { return model.IsSpaceByte(c) || c == ',' || c == ';' || c == ':' }

// ftSkipSpace returns the index of the first byte at or after p that is not
// white space (\s).
func ftSkipSpace(s string, p int) int {
	for p < len(s) && model.IsSpaceByte(s[p]) {
		p++
	}
	return p
}

// ftDigitsFrom returns the end of the run of digits starting at p, or -1
// if s[p] is no digit (\d+).
func ftDigitsFrom(s string, p int) int {
	q := p
	for q < len(s) && s[q] >= '0' && s[q] <= '9' {
		q++
	}
	if q == p {
		return -1
	}
	return q
}

// ftDashWidth returns the length of the dash starting s[p:], [-–—‑], or 0.
func ftDashWidth(s string, p int) int {
	if p >= len(s) {
		return 0
	}
	if s[p] == '-' {
		return 1
	}
	if s[p] != 0xe2 {
		return 0
	}
	switch r, n := utf8.DecodeRuneInString(s[p:]); r {
	case '–', '—', '‑':
		return n
	}
	return 0
}

// ftPageNumber matches a page number at p: \p{Lu}?\d+[a-z]? when upper,
// else [eE]?\d+[a-z]? when e, else \d+[a-z]?. It returns its end, or -1.
func ftPageNumber(s string, p int, upper, e bool) int {
	if p >= len(s) {
		return -1
	}
	q := p
	switch {
	case upper:
		if r, n := utf8.DecodeRuneInString(s[p:]); unicode.IsUpper(r) && p+n < len(s) && s[p+n] >= '0' && s[p+n] <= '9' {
			q = p + n
		}
	case e:
		if (s[p] == 'e' || s[p] == 'E') && p+1 < len(s) && s[p+1] >= '0' && s[p+1] <= '9' {
			q = p + 1
		}
	}
	if q = ftDigitsFrom(s, q); q < 0 {
		return -1
	}
	if q < len(s) && s[q] >= 'a' && s[q] <= 'z' {
		q++
	}
	return q
}

// ftPageRange matches pages at p: a page number (see ftPageNumber; the
// second is read with upper, without e), then perhaps
// \s*[-–—‑]+\s* and another. It returns its end, or -1.
func ftPageRange(s string, p int, upper, e bool) int {
	q := ftPageNumber(s, p, upper, e)
	if q < 0 {
		return -1
	}
	r := ftSkipSpace(s, q)
	n := ftDashWidth(s, r)
	if n == 0 {
		return q
	}
	for n > 0 {
		r += n
		n = ftDashWidth(s, r)
	}
	if end := ftPageNumber(s, ftSkipSpace(s, r), upper, false); end >= 0 {
		return end
	}
	return q
}

// ftPagesLabel returns the index after "p." or "pp." and the white space
// after it at p, or p: (?:pp?\.\s*)?.
func ftPagesLabel(s string, p int) int {
	q := p
	if q < len(s) && s[q] == 'p' {
		q++
		if q < len(s) && s[q] == 'p' {
			q++
		}
		if q < len(s) && s[q] == '.' {
			return ftSkipSpace(s, q+1)
		}
	}
	return p
}

// ftVolumeAt matches (?:^|[\s,;:])(\d{1,5})\s* at p, returning the
// volume's end and the end of the white space after it, or -1.
func ftVolumeAt(s string, p int) (int, int) {
	a := p
	if p > 0 || !(s[0] >= '0' && s[0] <= '9') {
		if !ftVolSep(s[p]) {
			return -1, -1
		}
		a = p + 1
	}
	b := model.DigitsEnd(s, a, 5)
	if b < 0 {
		return -1, -1
	}
	return b, ftSkipSpace(s, b)
}

// ftNextVolIss returns the first match of ftVolIssRe in s at or after from:
// "12(3): 45-67", "12 (Suppl. 1), e105".
func ftNextVolIss(s string, from int) (ftVolMatch, bool) {
	for p := from; p < len(s); p++ {
		vend, q := ftVolumeAt(s, p)
		if q < 0 || q >= len(s) || s[q] != '(' {
			continue
		}
		// the issue: 1 to 15 characters other than brackets
		k, n := q+1, 0
		for k < len(s) && s[k] != '(' && s[k] != ')' && n <= 15 {
			_, w := utf8.DecodeRuneInString(s[k:])
			k += w
			n++
		}
		if n < 1 || n > 15 || k >= len(s) || s[k] != ')' {
			continue
		}
		m := ftVolMatch{vol: s[ftVolStart(s, p):vend], iss: s[q+1 : k]}
		r := ftSkipSpace(s, k+1)
		if r < len(s) && (s[r] == ',' || s[r] == ':' || s[r] == '.') {
			r++
		}
		// the pages are optional: the match ends where they would start
		// if there are none ("p." alone is no page)
		m.end = ftSkipSpace(s, r)
		a := ftPagesLabel(s, m.end)
		if end := ftPageRange(s, a, false, true); end >= 0 {
			m.pages, m.end = s[a:end], end
		}
		return m, true
	}
	return ftVolMatch{}, false
}

// ftVolStart returns where the volume matched at p starts.
func ftVolStart(s string, p int) int {
	if p == 0 && s[0] >= '0' && s[0] <= '9' {
		return 0
	}
	return p + 1
}

// ftNextVolPage returns the first match of ftVolPageRe in s at or after
// from: "12, 45-67", "12: S3".
func ftNextVolPage(s string, from int) (ftVolMatch, bool) {
	for p := from; p < len(s); p++ {
		vend, q := ftVolumeAt(s, p)
		if q < 0 || q >= len(s) || s[q] != ',' && s[q] != ':' {
			continue
		}
		a := ftPagesLabel(s, ftSkipSpace(s, q+1))
		end := ftPageRange(s, a, true, false)
		if end < 0 {
			continue
		}
		return ftVolMatch{vol: s[ftVolStart(s, p):vend], pages: s[a:end], end: end}, true
	}
	return ftVolMatch{}, false
}
