package model

import "strings"

// The scanners below do by hand what these regular expressions say, byte
// for byte the same (TestDOIScannersMatchRegexps checks it); the regexp
// package took about a fifth of the time of reading a Web of Science
// export, which looks for a DOI in every cited reference.
//
//	doi:    (?i)\b10\.\d{4,9}/(?:[^\s"<>]|<[^\s"<>]*>)+
//	prefix: (?i)^(?:https?://)?(?:dx\.)?(?:doi\.org/|doi:\s*|doi\s+)
//	year:   \b(1[5-9]\d\d|20\d\d)\b

// NormalizeDOI returns a DOI in lower case without URL or "doi:" prefix and
// without trailing punctuation, or "" when s holds none.
func NormalizeDOI(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	return FindDOI(TrimDOIPrefix(s))
}

// TrimDOIPrefix removes a leading "doi:", "doi " or doi.org link prefix from s.
func TrimDOIPrefix(s string) string {
	i := 0
	if HasPrefixFold(s, "http") {
		j := 4
		if j < len(s) && (s[j] == 's' || s[j] == 'S') {
			j++
		}
		if strings.HasPrefix(s[j:], "://") {
			i = j + 3
		}
	}
	if HasPrefixFold(s[i:], "dx.") {
		i += 3
	}
	if !HasPrefixFold(s[i:], "doi") {
		return s
	}
	i += 3
	switch {
	case HasPrefixFold(s[i:], ".org/"):
		return s[i+5:]
	case i < len(s) && s[i] == ':':
		return s[i+1+Spaces(s[i+1:]):]
	case Spaces(s[i:]) > 0:
		return s[i+Spaces(s[i:]):]
	}
	return s
}

// FindDOI returns the first DOI in free text, normalised, or "".
func FindDOI(s string) string {
	start, end := findDOI(s, 0)
	if start < 0 {
		return ""
	}
	return strings.ToLower(trimDOI(s[start:end]))
}

// FindDOIs returns every DOI in free text, normalised, in order, without repeats.
func FindDOIs(s string) []string {
	var out []string
	seen := map[string]bool{}
	for from := 0; ; {
		start, end := findDOI(s, from)
		if start < 0 {
			return out
		}
		from = end
		d := strings.ToLower(trimDOI(s[start:end]))
		if d != "" && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
}

// findDOI returns the bounds of the first DOI in s at or after from, or -1.
func findDOI(s string, from int) (start, end int) {
	for i := from; ; i++ {
		k := strings.Index(s[i:], "10.")
		if k < 0 {
			return -1, -1
		}
		i += k
		if i > 0 && IsWordByte(s[i-1]) {
			continue
		}
		j := i + 3
		d := 0
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
			d++
		}
		if d < 4 || d > 9 || j >= len(s) || s[j] != '/' {
			continue
		}
		e := doiSuffix(s, j+1)
		if e == j+1 {
			continue
		}
		return i, e
	}
}

// doiSuffix returns the end of the run of DOI characters from i: anything
// but white space, '"', '<' and '>', and whole <…> tags ("<sup>").
func doiSuffix(s string, i int) int {
	for i < len(s) {
		switch c := s[i]; {
		case c == '<':
			k := i + 1
			for k < len(s) && !doiStop(s[k]) {
				k++
			}
			if k >= len(s) || s[k] != '>' {
				return i
			}
			i = k + 1
		case doiStop(c):
			return i
		default:
			i++
		}
	}
	return i
}

// doiStop reports the bytes that end a DOI: \s (as RE2 has it), '"', '<', '>'.
func doiStop(c byte) bool {
	return IsSpaceByte(c) || c == '"' || c == '<' || c == '>'
}

// Spaces counts the white space bytes (\s as RE2 has it) at the start of s.
func Spaces(s string) int {
	i := 0
	for i < len(s) && IsSpaceByte(s[i]) {
		i++
	}
	return i
}

// IsSpaceByte reports whether c is white space as RE2's \s sees it.
func IsSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// IsWordByte reports whether c is an ASCII word character, as \b and \w
// see it.
func IsWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case (prefix lower case).
func HasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// HasSuffixFold is strings.HasSuffix compared as HasPrefixFold compares.
func HasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && HasPrefixFold(s[len(s)-len(suffix):], suffix)
}

// trimDOI drops trailing punctuation that ends the sentence around a DOI,
// keeping balanced brackets that belong to it ("10.1016/0010-0285(92)90010-T").
func trimDOI(d string) string {
	for d != "" {
		last := d[len(d)-1]
		switch last {
		case '.', ',', ';', ':', '\'', '"', '!', '?':
			d = d[:len(d)-1]
			continue
		case ')', ']', '}':
			open := byte('(')
			if last == ']' {
				open = '['
			} else if last == '}' {
				open = '{'
			}
			if strings.Count(d, string(open)) < strings.Count(d, string(last)) {
				d = d[:len(d)-1]
				continue
			}
		}
		break
	}
	if i := strings.Index(d, "/"); i < 0 || i == len(d)-1 {
		return ""
	}
	return d
}

// ParseYear returns the first plausible publication year (1500-2099) in s, or 0.
func ParseYear(s string) int {
	for i := 0; i+4 <= len(s); i++ {
		c := s[i]
		if c != '1' && c != '2' || i > 0 && IsWordByte(s[i-1]) {
			continue
		}
		if i+4 < len(s) && IsWordByte(s[i+4]) {
			continue
		}
		y := 0
		for _, d := range []byte(s[i : i+4]) {
			if d < '0' || d > '9' {
				y = -1
				break
			}
			y = y*10 + int(d-'0')
		}
		if y >= 1500 && y <= 2099 {
			return y
		}
	}
	return 0
}
