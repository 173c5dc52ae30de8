package freetext

import (
	"strings"

	"github.com/citegraph/citegraph/parse/model"
)

// This file finds a DOI and a URL in a reference by hand: a long reference
// list spends most of its reading time here when it is done by regular
// expressions. ids_test.go checks both against the regular expressions
// they stand for.

// ftIDEnd returns where an identifier starting at i ends: at a space, a
// quote or an angle bracket.
func ftIDEnd(s string, i int) int {
	for i < len(s) && !model.IsSpaceByte(s[i]) && s[i] != '"' && s[i] != '<' && s[i] != '>' {
		i++
	}
	return i
}

// ftSpacesBefore returns where the run of spaces ending at i starts.
func ftSpacesBefore(s string, i int) int {
	for i > 0 && model.IsSpaceByte(s[i-1]) {
		i--
	}
	return i
}

// ftWordStart reports whether a word starts at i: no word character
// before it.
func ftWordStart(s string, i int) bool { return i == 0 || !model.IsWordByte(s[i-1]) }

// ftParenBefore extends a match starting at i over an opening parenthesis
// and spaces before it.
func ftParenBefore(s string, i int) int {
	if j := ftSpacesBefore(s, i); j > 0 && s[j-1] == '(' {
		return j - 1
	}
	return i
}

// ftDOILoc returns the bounds of the first DOI in s with its marker ("doi:",
// "https://doi.org/") and an opening parenthesis before it, or nil: what
// (?i)(?:\(\s*)?(?:\bdoi\s*:?\s*|\bhttps?://(?:dx\.)?doi\.org/\s*)?\b10\.\d{4,9}/[^\s"<>]+
// matches.
func ftDOILoc(s string) []int {
	for from := 0; ; {
		k := strings.Index(s[from:], "10.")
		if k < 0 {
			return nil
		}
		i := from + k
		from = i + 1
		if !ftWordStart(s, i) {
			continue
		}
		j := i + 3
		for j < len(s) && j-i-3 < 10 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if d := j - i - 3; d < 4 || d > 9 || j+1 >= len(s) || s[j] != '/' {
			continue
		}
		end := ftIDEnd(s, j+1)
		if end == j+1 {
			continue
		}
		start := i
		sp := ftSpacesBefore(s, i)
		if m := sp; m >= 7 && model.HasSuffixFold(s[:m], "doi.org/") {
			m -= len("doi.org/")
			if model.HasSuffixFold(s[:m], "dx.") {
				m -= 3
			}
			switch {
			case model.HasSuffixFold(s[:m], "https://"):
				m -= len("https://")
			case model.HasSuffixFold(s[:m], "http://"):
				m -= len("http://")
			default:
				m = -1
			}
			if m >= 0 && ftWordStart(s, m) {
				start = m
			}
		} else {
			m := sp
			if m > 0 && s[m-1] == ':' {
				m = ftSpacesBefore(s, m-1)
			}
			if m >= 3 && model.HasPrefixFold(s[m-3:m], "doi") && ftWordStart(s, m-3) {
				start = m - 3
			}
		}
		return []int{ftParenBefore(s, start), end}
	}
}

// ftURLLoc returns the bounds of the first URL in s with a label before it
// ("Available: ", "URL "), or nil: what
// (?i)(?:\b(?:url|online|available)\s*:?\s*)?<?\b(?:https?://|ftp://|www\.)[^\s<>"]+
// matches.
func ftURLLoc(s string) []int {
	for i := 0; i < len(s); i++ {
		var n int
		switch c := s[i] | 0x20; { // ASCII letters in lower case
		case c == 'h' && model.HasPrefixFold(s[i:], "http://"):
			n = 7
		case c == 'h' && model.HasPrefixFold(s[i:], "https://"):
			n = 8
		case c == 'f' && model.HasPrefixFold(s[i:], "ftp://"):
			n = 6
		case c == 'w' && model.HasPrefixFold(s[i:], "www."):
			n = 4
		default:
			continue
		}
		end := ftIDEnd(s, i+n)
		if end == i+n || !ftWordStart(s, i) {
			continue
		}
		start := i
		if start > 0 && s[start-1] == '<' {
			start--
		}
		m := ftSpacesBefore(s, start)
		if m > 0 && s[m-1] == ':' {
			m = ftSpacesBefore(s, m-1)
		}
		for _, w := range []string{"url", "online", "available"} {
			if m >= len(w) && model.HasPrefixFold(s[m-len(w):m], w) && ftWordStart(s, m-len(w)) {
				start = m - len(w)
				break
			}
		}
		return []int{start, end}
	}
	return nil
}
