package landing

import (
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/parse/model"
)

// The list marks below are read by hand rather than with regular
// expressions: they are looked for at the start of every line of a page,
// and on a page of 90,000 references the expressions cost a tenth of the
// reading time. TestListMarks checks them against the expressions.

// lpBulletEnd returns where the bullet that opens t ends ("• ", "- ",
// "▪", "## "), or -1: as ^(?:[-–—*•·▪►◦‣⁃]\s+|[•▪►◦‣]|#{1,6}\s+) matches.
func lpBulletEnd(t string) int {
	if t == "" {
		return -1
	}
	if t[0] == '#' {
		k := 0
		for k < len(t) && t[k] == '#' {
			k++
		}
		if k > 6 {
			return -1
		}
		if e := lpSpacesEnd(t, k); e > k {
			return e
		}
		return -1
	}
	r, n := utf8.DecodeRuneInString(t)
	if strings.ContainsRune("-–—*•·▪►◦‣⁃", r) {
		if e := lpSpacesEnd(t, n); e > n {
			return e
		}
	}
	if strings.ContainsRune("•▪►◦‣", r) {
		return n
	}
	return -1
}

// lpSpacesEnd returns the end of the run of white space (\s) at t[i:].
func lpSpacesEnd(t string, i int) int { return i + model.Spaces(t[i:]) }

// lpListNumber reads the list number that opens t ("[12]", "(12) ",
// "12. ", "12) ") as ^(?:\[(\d{1,5})\]\s*|\((\d{1,5})\)\s+|(\d{1,5})[.)]\s+)
// does: it returns the number's digits and the length of the mark with
// the space after it, or "", 0.
func lpListNumber(t string) (string, int) {
	digits := func(i int) int { return model.DigitsEnd(t, i, 5) }
	if t == "" {
		return "", 0
	}
	switch t[0] {
	case '[':
		if j := digits(1); j > 0 && j < len(t) && t[j] == ']' {
			return t[1:j], lpSpacesEnd(t, j+1)
		}
	case '(':
		if j := digits(1); j > 0 && j < len(t) && t[j] == ')' {
			if e := lpSpacesEnd(t, j+1); e > j+1 {
				return t[1:j], e
			}
		}
	default:
		if j := digits(0); j > 0 && j < len(t) && (t[j] == '.' || t[j] == ')') {
			if e := lpSpacesEnd(t, j+1); e > j+1 {
				return t[:j], e
			}
		}
	}
	return "", 0
}
