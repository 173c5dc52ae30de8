package graph

import (
	"slices"
	"strings"

	"github.com/citegraph/citegraph/parse"
)

// This file decides whether two venue names can name the same journal:
// "J INFORMETR" (a WoS J9 or cited-reference source), "J. Informetr." (an
// ISO 4 abbreviation) and "Journal of Informetrics" all can. Two kinds of
// evidence are used: abbreviation pairs learned from the corpus itself (a
// record's abbreviated and full venue) and the ISO 4 way of abbreviating
// (words truncated or contracted, function words dropped, initialisms).

// venueStop are the words ISO 4 drops from titles (in the languages journal
// titles commonly use).
var venueStop = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "at": true,
	"a": true, "an": true, "to": true, "by": true, "with": true, "from": true,
	"de": true, "des": true, "du": true, "la": true, "le": true, "les": true, "et": true, "l": true, "d": true,
	"fur": true, "und": true, "der": true, "die": true, "das": true, "fuer": true,
	"y": true, "del": true, "e": true, "di": true, "della": true,
}

// venueSkippable are words of a full title that an abbreviation may leave
// out in the middle ("Journal of Polymer Science Part B-Polymer Physics" is
// "J POLYM SCI POL PHYS").
var venueSkippable = map[string]bool{"part": true, "section": true, "series": true, "ser": true, "sect": true, "pt": true}

// venueWords returns the comparable words of a venue name: folded, without
// ISO 4 function words. The last word of a name long enough to have been
// cut (WoS cuts sources at 20 characters) is kept even when it looks like a
// function word: "INFORM PROCESSING LE" ends in a cut "LETT", not in "le".
func venueWords(s string) []string {
	var out []string
	words := strings.Fields(parse.Fold(s))
	for i, w := range words {
		if !venueStop[w] || (i == len(words)-1 && i > 0 && len(s) > venueTruncLen) {
			out = append(out, w)
		}
	}
	return out
}

// venueKey is the canonical string form of a venue name ("" for none).
func venueKey(s string) string { return strings.Join(venueWords(s), " ") }

// venueTruncLen is the length from which an abbreviated venue may be a cut
// form of a longer title: WoS cuts cited-reference sources and J9 at 20
// characters ("J PHOTOPOLYM SCI TEC" for "Journal of Photopolymer Science
// and Technology").
const venueTruncLen = 19

// venueAbbrevWord reports whether a (one word of an abbreviated title) can
// stand for the full word f: equal, a truncation ("informetr" for
// "informetrics"), or an ISO 4 contraction keeping the first letter and
// letters in order ("natl" for "national", "assn" for "association").
func venueAbbrevWord(a, f string) bool {
	if a == f {
		return true
	}
	if len(a) > len(f) || a == "" || a[0] != f[0] {
		return false
	}
	if strings.HasPrefix(f, a) {
		return true
	}
	if len(a) < 3 || venueIsDigits(a) || venueIsDigits(f) {
		return false
	}
	j := 1
	for i := 1; i < len(a); i++ {
		k := strings.IndexByte(f[j:], a[i])
		if k < 0 {
			return false
		}
		j += k + 1
	}
	return true
}

func venueIsDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// venueAbbreviates reports whether the words ab can be an ISO 4 style
// abbreviation of the words full. Each word may abbreviate the other
// ("PHIL TRANS" and "PHILOS TR" are both abbreviations of "Philosophical
// Transactions"). truncated allows ab to stop before the end of full (a
// length-limited abbreviation).
func venueAbbreviates(ab, full []string, truncated bool) bool {
	// memo[i][j] caches failures of the match from ab[i], full[j]
	seen := make(map[[2]int]bool)
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if i == len(ab) {
			return j == len(full) || (truncated && j > 0)
		}
		if j == len(full) {
			return false
		}
		k := [2]int{i, j}
		if seen[k] {
			return false
		}
		if (venueAbbrevWord(ab[i], full[j]) || venueAbbrevWord(full[j], ab[i])) && match(i+1, j+1) {
			return true
		}
		// an initialism: "usa" for "united states (of) america"
		if n := len(ab[i]); n >= 2 && j+n <= len(full) && !venueIsDigits(ab[i]) {
			ok := true
			for m := 0; m < n; m++ {
				if full[j+m][0] != ab[i][m] {
					ok = false
					break
				}
			}
			if ok && match(i+1, j+n) {
				return true
			}
		}
		// a run of one-letter words spelling an initialism: "u s a"
		if n := venueLetterRun(ab[i:]); n >= 2 && j+n <= len(full) {
			ok := true
			for m := 0; m < n; m++ {
				if full[j+m][0] != ab[i+m][0] {
					ok = false
					break
				}
			}
			if ok && match(i+n, j+n) {
				return true
			}
		}
		// "part b" and the like may be left out
		if venueSkippable[full[j]] {
			if j+1 < len(full) && len(full[j+1]) == 1 && match(i, j+2) {
				return true
			}
			if match(i, j+1) {
				return true
			}
		}
		seen[k] = true
		return false
	}
	return match(0, 0)
}

func venueLetterRun(ws []string) int {
	n := 0
	for n < len(ws) && len(ws[n]) == 1 && !venueIsDigits(ws[n]) {
		n++
	}
	return n
}

// venueRuleMatch reports whether two venue keys can name the same venue by
// the abbreviation rules alone, in either direction.
func venueRuleMatch(a, b string) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" {
		return false
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(a) > len(b) {
		a, b, wa, wb = b, a, wb, wa
	}
	// a is the shorter, the candidate abbreviation; a longer one may still
	// abbreviate a shorter title only when it truncates no word, so try both
	return venueAbbreviates(wa, wb, len(a) >= venueTruncLen) ||
		venueAbbreviates(wb, wa, len(b) >= venueTruncLen)
}

// venueIndex holds the abbreviation pairs learned from a corpus and caches
// comparisons. The zero value is not usable; use newVenueIndex.
type venueIndex struct {
	group   map[string]int // venue key -> group of names of one venue
	members [][]string     // group -> its venue keys, in order of learning
	cache   map[[2]string]bool
}

func newVenueIndex() *venueIndex {
	return &venueIndex{group: map[string]int{}, cache: map[[2]string]bool{}}
}

// learn records that the venue keys a and b (an abbreviation and a full
// title of one record) name the same venue.
func (v *venueIndex) learn(a, b string) {
	if a == "" || b == "" {
		return
	}
	ga, oka := v.group[a]
	gb, okb := v.group[b]
	switch {
	case oka && okb:
		if ga == gb {
			return
		}
		if len(v.members[ga]) < len(v.members[gb]) {
			ga, gb = gb, ga
		}
		for _, m := range v.members[gb] {
			v.group[m] = ga
		}
		v.members[ga] = append(v.members[ga], v.members[gb]...)
		v.members[gb] = nil
	case oka:
		v.group[b] = ga
		v.members[ga] = append(v.members[ga], b)
	case okb:
		v.group[a] = gb
		v.members[gb] = append(v.members[gb], a)
	default:
		v.group[a], v.group[b] = len(v.members), len(v.members)
		v.members = append(v.members, []string{a, b})
	}
	clear(v.cache)
}

// compatible reports whether venue keys a and b can name the same venue.
// An empty key is compatible with anything: it is absent evidence.
func (v *venueIndex) compatible(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	if a > b {
		a, b = b, a
	}
	k := [2]string{a, b}
	if r, ok := v.cache[k]; ok {
		return r
	}
	r := v.decide(a, b)
	v.cache[k] = r
	return r
}

func (v *venueIndex) decide(a, b string) bool {
	ga, oka := v.group[a]
	gb, okb := v.group[b]
	if oka && okb {
		// both names are known from the corpus: they agree only as one venue
		return ga == gb
	}
	as, bs := []string{a}, []string{b}
	if oka {
		as = v.members[ga]
	}
	if okb {
		bs = v.members[gb]
	}
	for _, x := range as {
		for _, y := range bs {
			if venueRuleMatch(x, y) {
				return true
			}
		}
	}
	return false
}

// venueGeneric are leading words a venue name is sometimes written with and
// sometimes without ("Revista Produção" and "Produção").
var venueGeneric = map[string]bool{"journal": true, "j": true, "revista": true, "rev": true, "revue": true,
	"rivista": true, "zeitschrift": true, "z": true}

// loose reports whether venue keys a and b may name the same venue when
// other evidence (near-equal titles of one author) already points that way:
// compatible, or one cut short of the other ("J VAC SCI TECHNOL" for
// "Journal of Vacuum Science & Technology B: Microelectronics…"), or equal
// but for a generic first word.
func (v *venueIndex) loose(a, b string) bool {
	if v.compatible(a, b) {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > 0 && len(wb) > 0 && venueGeneric[wa[0]] != venueGeneric[wb[0]] {
		if venueGeneric[wa[0]] {
			wa = wa[1:]
		} else {
			wb = wb[1:]
		}
		if slices.Equal(wa, wb) {
			return true
		}
	}
	return len(wa) >= 2 && len(wb) >= 2 && (venueAbbreviates(wa, wb, true) || venueAbbreviates(wb, wa, true))
}
