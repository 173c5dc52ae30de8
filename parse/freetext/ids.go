package freetext

import "strings"

// This file finds a DOI and a URL in a reference by hand: a long reference
// list spends most of its reading time here when it is done by regular
// expressions. ids_test.go checks both against the regular expressions
// they stand for.

// ftIsWord reports whether c is an ASCII word character, as \b sees it.
func ftIsWord(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// ftIsSpace reports whether c is an ASCII space, as \s sees it.
func ftIsSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// ftIDEnd returns where an identifier starting at i ends: at a space, a
// quote or an angle bracket.
func ftIDEnd(s string, i int) int {
	for i < len(s) && !ftIsSpace(s[i]) && s[i] != '"' && s[i] != '<' && s[i] != '>' {
		i++
	}
	return i
}

// ftSpacesBefore returns where the run of spaces ending at i starts.
func ftSpacesBefore(s string, i int) int {
	for i > 0 && ftIsSpace(s[i-1]) {
		i--
	}
	return i
}

// ftLowerASCII lower-cases the ASCII letters of s and keeps every other
// byte, so that offsets found in the result hold in s; strings.ToLower
// changes the length of invalid UTF-8 and of some letters ("İ").
func ftLowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// ftWordStart reports whether a word starts at i: no word character
// before it.
func ftWordStart(s string, i int) bool { return i == 0 || !ftIsWord(s[i-1]) }

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
	lower := ftLowerASCII(s) // offsets in lower are offsets in s
	for from := 0; ; {
		k := strings.Index(lower[from:], "10.")
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
		if m := sp; m >= 7 && strings.HasSuffix(lower[:m], "doi.org/") {
			m -= len("doi.org/")
			if strings.HasSuffix(lower[:m], "dx.") {
				m -= 3
			}
			switch {
			case strings.HasSuffix(lower[:m], "https://"):
				m -= len("https://")
			case strings.HasSuffix(lower[:m], "http://"):
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
			if m >= 3 && lower[m-3:m] == "doi" && ftWordStart(s, m-3) {
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
	lower := ftLowerASCII(s) // offsets in lower are offsets in s
	for i := 0; i < len(lower); i++ {
		var n int
		switch c := lower[i]; {
		case c == 'h' && strings.HasPrefix(lower[i:], "http://"):
			n = 7
		case c == 'h' && strings.HasPrefix(lower[i:], "https://"):
			n = 8
		case c == 'f' && strings.HasPrefix(lower[i:], "ftp://"):
			n = 6
		case c == 'w' && strings.HasPrefix(lower[i:], "www."):
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
			if m >= len(w) && lower[m-len(w):m] == w && ftWordStart(s, m-len(w)) {
				start = m - len(w)
				break
			}
		}
		return []int{start, end}
	}
	return nil
}
