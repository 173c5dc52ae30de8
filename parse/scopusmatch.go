package parse

import (
	"unicode"
	"unicode/utf8"
)

// Matchers of the parts of Scopus references that every reference meets,
// written by hand for speed (they took a third of the Scopus CSV reader's
// time as regular expressions); each says the expression it implements, and
// TestScopusMatchersMatchRegexps holds them to it.

// scopusYearAt returns the end of a year "(2001)" or "(2001a)" that starts
// at s[i], or -1. `\(\d{4}[a-z]?\)`
func scopusYearAt(s string, i int) int {
	if i+6 > len(s) || s[i] != '(' || !isDigit(s[i+1]) || !isDigit(s[i+2]) || !isDigit(s[i+3]) || !isDigit(s[i+4]) {
		return -1
	}
	j := i + 5
	if s[j] >= 'a' && s[j] <= 'z' {
		j++
	}
	if j < len(s) && s[j] == ')' {
		return j + 1
	}
	return -1
}

// scopusYearMidAt returns the end of a classic-layout year followed by the
// source, "(2001) X", that starts at s[i], or -1. `\(\d{4}[a-z]?\) [^;]`
func scopusYearMidAt(s string, i int) int {
	e := scopusYearAt(s, i)
	if e < 0 || e+1 >= len(s) || s[e] != ' ' || s[e+1] == ';' {
		return -1
	}
	_, size := utf8.DecodeRuneInString(s[e+1:])
	return e + 1 + size
}

// scopusHasYearMid reports whether s holds a year followed by the source.
func scopusHasYearMid(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '(' && scopusYearMidAt(s, i) >= 0 {
			return true
		}
	}
	return false
}

// scopusCountYears counts the new-layout reference ends in s (`\(\d{4}[a-z]?\)(?:; |;?$)`)
// and the classic years followed by a source (`\(\d{4}[a-z]?\) [^;]`), as
// FindAllStringIndex would: matches that do not overlap, from the left.
func scopusCountYears(s string) (ends, mids int) {
	for i := 0; i < len(s); i++ {
		if s[i] != '(' {
			continue
		}
		if e := scopusYearAt(s, i); e >= 0 && (e == len(s) || s[e] == ';' && (e+1 == len(s) || s[e+1] == ' ')) {
			ends++ // the match holds no "(": the next one may start anywhere after i
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '(' {
			continue
		}
		if e := scopusYearMidAt(s, i); e >= 0 {
			mids++
			i = e - 1 // its last character may be a "(" that no match may share
		}
	}
	return ends, mids
}

// scopusIsInitials reports dotted initials: "J.", "J.V.", "R. D.", "J.-H.",
// "X.-Y", "Yu.", "Ch.". `^(?:\p{Lu}\p{Ll}{0,2}\.(?:\s?-?\s?))+\p{Lu}?$`
func scopusIsInitials(s string) bool {
	groups := 0
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if !unicode.IsUpper(r) {
			return false
		}
		if size == len(s) && groups > 0 {
			return true // the closing \p{Lu}?
		}
		s = s[size:]
		for n := 0; n < 2; n++ {
			r, size := utf8.DecodeRuneInString(s)
			if !unicode.IsLower(r) {
				break
			}
			s = s[size:]
		}
		if s == "" || s[0] != '.' {
			return false
		}
		s = s[1:]
		if s != "" && isSpace(s[0]) {
			s = s[1:]
		}
		if s != "" && s[0] == '-' {
			s = s[1:]
		}
		if s != "" && isSpace(s[0]) {
			s = s[1:]
		}
		groups++
	}
	return groups > 0
}

// scopusIsBareInitials reports initials without dots: "GA", "M-L", "C-WR".
// `^\p{Lu}{1,3}(?:-\p{Lu}{1,3})?$`
func scopusIsBareInitials(s string) bool {
	n := upperRunes(s)
	if n < 1 || n > 3 {
		return false
	}
	for range n {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	if s == "" {
		return true
	}
	if s[0] != '-' {
		return false
	}
	s = s[1:]
	n = upperRunes(s)
	return n >= 1 && n <= 3 && n == utf8.RuneCountInString(s)
}

// scopusYearEndAt returns where a year that ends s starts, or -1.
// `\(\d{4}[a-z]?\)$`
func scopusYearEndAt(s string) int {
	for _, i := range []int{len(s) - 6, len(s) - 7} {
		if i >= 0 && scopusYearAt(s, i) == len(s) {
			return i
		}
	}
	return -1
}

// scopusFirstYear returns the first year in s as FindStringSubmatchIndex
// of `\((\d{4})[a-z]?\)` does, or nil.
func scopusFirstYear(s string) []int {
	for i := 0; i < len(s); i++ {
		if s[i] != '(' {
			continue
		}
		if e := scopusYearAt(s, i); e >= 0 {
			return []int{i, e, i + 1, i + 5}
		}
	}
	return nil
}
