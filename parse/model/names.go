package model

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the small text helpers every reader shares: DOIs, years,
// white space and personal names.

var (
	initialsRe = regexp.MustCompile(`^(?:\p{Lu}\.?-?){1,4}$`)
)

// AppendLower appends s in lower case to dst, as strings.ToLower writes
// it: ASCII letters byte by byte, a text with other characters through
// strings.ToLower. With dst on the stack, a short ASCII text is
// lower-cased without allocating.
func AppendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(dst[:len(dst)-i], strings.ToLower(s)...)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// CleanSpace trims s and folds every run of white space (including
// no-break spaces) into one space. Plain ASCII text with single spaces, the
// common case, is returned without allocating.
func CleanSpace(s string) string {
	s = strings.TrimSpace(s)
	i := 0
	for prev := uint64(0); i+8 <= len(s); i += 8 {
		w := word8(s, i)
		if oddBytes(w) {
			break // looked at byte by byte below
		}
		sp := spaceBytes(w)
		if (sp<<8|prev)&sp != 0 {
			return strings.Join(strings.Fields(s), " ") // two spaces in a row
		}
		prev = sp >> 56
	}
	// from a word boundary, so that a space ending the last word is seen
	// with the byte after it
	for i = max(i-1, 0); i < len(s); i++ {
		switch c := s[i]; {
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c >= 0x80,
			c == ' ' && i+1 < len(s) && s[i+1] == ' ':
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// particles are lower-case words that belong to a family name.
var particles = map[string]bool{
	"van": true, "von": true, "de": true, "da": true, "del": true, "della": true, "der": true,
	"den": true, "di": true, "du": true, "la": true, "le": true, "dos": true, "das": true,
	"do": true, "ten": true, "ter": true, "bin": true, "al": true, "el": true, "st": true, "st.": true,
}

// IsParticle reports whether w, in lower case, is a particle of family
// names ("van", "de", "al").
func IsParticle(w string) bool { return particles[w] }

// ParseName splits one personal name as bibliographic sources write it:
// "Family, Given", "Family, G.A.", "Family GA" (WoS, Vancouver), "G. A. Family",
// "Given Family", "Given van der Family". An unsplittable name is all Family.
func ParseName(s string) Author {
	s = strings.Trim(CleanSpace(s), " ,;")
	if s == "" {
		return Author{}
	}
	if fam, giv, ok := strings.Cut(s, ","); ok {
		fam, giv = strings.TrimSpace(fam), strings.TrimSpace(giv)
		// "Smith, Jr., John" keeps the suffix with the family name
		if g2, rest, ok := strings.Cut(giv, ","); ok && IsNameSuffix(g2) {
			fam, giv = fam+" "+g2, strings.TrimSpace(rest)
		}
		if fam == "" {
			return Author{Family: giv}
		}
		return Author{Family: fam, Given: giv}
	}
	words := strings.Fields(s)
	if len(words) == 1 {
		return Author{Family: words[0]}
	}
	last := words[len(words)-1]
	if IsNameSuffix(last) && len(words) > 2 {
		a := ParseName(strings.Join(words[:len(words)-1], " "))
		a.Family += " " + last
		return a
	}
	// "Smith JA", "Smith J.A.", "van der Berg J": initials come last
	if initialsRe.MatchString(last) && !initialsRe.MatchString(words[0]) {
		return Author{Family: strings.Join(words[:len(words)-1], " "), Given: last}
	}
	// "Given [particles] Family"
	i := len(words) - 1
	for i > 1 && particles[strings.ToLower(words[i-1])] {
		i--
	}
	return Author{Family: strings.Join(words[i:], " "), Given: strings.Join(words[:i], " ")}
}

// IsNameSuffix reports whether w is a generational suffix of a name ("Jr.", "III").
func IsNameSuffix(w string) bool {
	w = strings.TrimSuffix(strings.TrimSpace(w), ".")
	// (EqualFold, not ToLower: this runs on every word of every author list)
	for _, s := range [...]string{"jr", "sr", "ii", "iii", "iv"} {
		if strings.EqualFold(w, s) {
			return true
		}
	}
	return false
}

// Fold returns s in lower case with diacritics and punctuation removed and
// white space folded: the form titles and names are compared in.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for i := 0; i < len(s); {
		// ASCII, most of what is folded, without the Unicode tables
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case c == '\'' || c == 0: // foldRune drops both
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				b.WriteByte(c)
				space = false
			case 'A' <= c && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
				space = false
			case !space:
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		r = foldRune(r)
		switch {
		case r == 0:
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// foldRune maps a Latin letter with a diacritic to its base letter, returns
// 0 for combining marks and apostrophes, and leaves anything else as is.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r == '\'' {
			return 0
		}
		return r
	}
	if unicode.Is(unicode.Mn, r) || r == '’' || r == 'ʼ' {
		return 0
	}
	if b, ok := latinBase[r]; ok {
		return b
	}
	return r
}

var latinBase = func() map[rune]rune {
	m := map[rune]rune{}
	groups := map[rune]string{
		'a': "àáâãäåāăąǎ", 'A': "ÀÁÂÃÄÅĀĂĄǍ", 'c': "çćĉċč", 'C': "ÇĆĈĊČ", 'd': "ďđ", 'D': "ĎĐ",
		'e': "èéêëēĕėęě", 'E': "ÈÉÊËĒĔĖĘĚ", 'g': "ĝğġģ", 'G': "ĜĞĠĢ", 'h': "ĥħ", 'H': "ĤĦ",
		'i': "ìíîïĩīĭįı", 'I': "ÌÍÎÏĨĪĬĮİ", 'j': "ĵ", 'J': "Ĵ", 'k': "ķ", 'K': "Ķ",
		'l': "ĺļľŀł", 'L': "ĹĻĽĿŁ", 'n': "ñńņňŉ", 'N': "ÑŃŅŇ", 'o': "òóôõöøōŏő", 'O': "ÒÓÔÕÖØŌŎŐ",
		'r': "ŕŗř", 'R': "ŔŖŘ", 's': "śŝşšș", 'S': "ŚŜŞŠȘ", 't': "ţťŧț", 'T': "ŢŤŦȚ",
		'u': "ùúûüũūŭůűų", 'U': "ÙÚÛÜŨŪŬŮŰŲ", 'w': "ŵ", 'W': "Ŵ", 'y': "ýÿŷ", 'Y': "ÝŸŶ",
		'z': "źżž", 'Z': "ŹŻŽ",
	}
	for base, s := range groups {
		for _, r := range s {
			m[r] = base
		}
	}
	return m
}()

// CountWords returns len(strings.Fields(s)) without building the slice:
// the text readers count the words of every line.
func CountWords(s string) int { return WordsUpTo(s, len(s)) }

// WordsUpTo returns the smaller of CountWords(s) and max, reading s only
// up to the start of word max+1: for a test like "at most three words" on
// every line of a page, paragraphs included.
func WordsUpTo(s string, max int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
			i++
		} else {
			r, w := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += w
		}
		if !space && !in {
			if n == max {
				return max
			}
			n++
		}
		in = !space
	}
	return n
}

// DigitsEnd returns the end of the run of 1 to max ASCII digits at s[i:],
// or -1 when there is none or the run is longer (as \d{1,max} followed by
// something other than a digit): list numbers, volumes and pages are read
// so by hand where an expression would cost too much.
func DigitsEnd(s string, i, max int) int {
	j := i
	for j < len(s) && j-i <= max && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i || j-i > max {
		return -1
	}
	return j
}
