package network

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/parse"
)

// interner gives each distinct unit a number, after the thesaurus, and
// remembers the spellings met for its label.
type interner struct {
	unit      Unit
	thesaurus Thesaurus
	index     map[string]int32
	keys      []string
	spellings []map[string]int
}

func newInterner(u Unit, t Thesaurus) *interner {
	return &interner{unit: u, thesaurus: t, index: map[string]int32{}}
}

// intern returns the number of the unit a text names, or -1 when the text
// is empty or the thesaurus drops it.
func (in *interner) intern(text string) int32 {
	text = parse.CleanSpace(text)
	if text == "" {
		return -1
	}
	if r, ok := in.thesaurus.replace(text); ok {
		if text = r; text == "" {
			return -1
		}
	}
	key := unitKey(in.unit, text)
	if key == "" {
		return -1
	}
	id, ok := in.index[key]
	if !ok {
		id = int32(len(in.keys))
		in.index[key] = id
		in.keys = append(in.keys, key)
		in.spellings = append(in.spellings, map[string]int{})
	}
	in.spellings[id][text]++
	return id
}

// labelsOf returns each unit's label: its most frequent spelling, ties
// to the one with fewer capitals, then in byte order; a name written in
// capitals only is given in title case ("JOURNAL OF INFORMETRICS" →
// "Journal of Informetrics"; keywords in lower case).
func (in *interner) labelsOf() []string {
	out := make([]string, len(in.keys))
	for i, sp := range in.spellings {
		best, n := "", 0
		for s, c := range sp {
			if c > n || c == n && (capitals(s) < capitals(best) || capitals(s) == capitals(best) && s < best) {
				best, n = s, c
			}
		}
		out[i] = unshout(best, in.unit)
	}
	return out
}

// capitals counts the upper-case letters of s.
func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// smallWords stay in lower case inside a title-cased name.
var smallWords = map[string]bool{"of": true, "and": true, "the": true, "in": true, "for": true, "on": true,
	"at": true, "to": true, "a": true, "an": true, "de": true, "la": true, "und": true, "des": true, "du": true, "et": true}

// unshout rewrites a name written in capitals only (WoS sources, old
// addresses, Keywords Plus): keywords in lower case, other names in title
// case, keeping words of up to three letters that are not function words
// in capitals, as abbreviations ("ACM", "J"; "UNIV ROCHESTER" becomes
// "Univ Rochester").
func unshout(s string, u Unit) string {
	if s == "" || strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	if u == Keywords {
		return strings.ToLower(s)
	}
	words := strings.Fields(s)
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case i > 0 && smallWords[lw]:
			words[i] = lw
		case len([]rune(w)) <= 3 && !smallWords[lw]:
			// an abbreviation
		default:
			r := []rune(lw)
			r[0] = unicode.ToUpper(r[0])
			words[i] = string(r)
		}
	}
	return strings.Join(words, " ")
}

// unitKey is the identity of a unit named by text: its kind and its folded
// name. Authors are one per family name and first initial ("Aria, M." and
// "Aria, Massimo" are one author), as WoS and Scopus write authors
// ("Aria M") and as VOSviewer and bibliometrix count them: names given in
// full by one source and as initials by another then meet, at the cost of
// joining two people who share a family name and an initial.
func unitKey(u Unit, text string) string {
	switch u {
	case Authors:
		a := parse.ParseName(text)
		fam := parse.Fold(a.Family)
		if fam == "" {
			return ""
		}
		if r := firstInitial(a.Given); r != 0 {
			return "author:" + fam + " " + string(r)
		}
		return "author:" + fam
	case Sources:
		return "source:" + parse.Fold(text)
	case Keywords:
		return "keyword:" + parse.Fold(text)
	case Organizations:
		return "org:" + parse.Fold(text)
	case Countries:
		return "country:" + text
	}
	return text
}

// firstInitial is the first letter of a given name, folded, or 0.
func firstInitial(given string) rune {
	for _, r := range parse.Fold(given) {
		if unicode.IsLetter(r) {
			return r
		}
	}
	return 0
}

// authorName writes an author the way maps label authors: "Aria, M." with
// the initials of the given names.
func authorName(a parse.Author) string {
	var ini []string
	for _, w := range strings.FieldsFunc(a.Given, func(r rune) bool { return r == ' ' || r == '.' || r == '-' }) {
		for _, r := range w {
			if unicode.IsLetter(r) {
				ini = append(ini, string(unicode.ToUpper(r))+".")
				// "JA" (WoS initials) are two initials
				if strings.ToUpper(w) == w && len([]rune(w)) <= 3 {
					continue
				}
				break
			}
		}
	}
	if len(ini) == 0 {
		return a.Family
	}
	return a.Family + ", " + strings.Join(ini, "")
}

// WorkLabels returns short unique labels for the works of g, as maps show
// them: the first author and year of the graph's labels ("Aria 2017", a
// letter added where two works would read the same: "Aria 2017a", in ID
// order), or for a work without an author its short label (graph.Labels).
// Works are named in this one place.
func WorkLabels(g *graph.Graph) []string {
	all := make([]int, len(g.Works))
	for i := range all {
		all[i] = i
	}
	full := g.Labels(all, &graph.LabelOptions{Sep: "\n", Width: -1})
	var short []string
	out := make([]string, len(all))
	seen := map[string][]int{}
	for i, l := range full {
		head, _, _ := strings.Cut(l, "\n")
		if strings.IndexFunc(head, unicode.IsLetter) < 0 {
			// no author: the year alone would not say which work
			if short == nil {
				short = g.Labels(all, &graph.LabelOptions{Width: 40})
			}
			head = short[i]
		}
		out[i] = head
		f := parse.Fold(head)
		seen[f] = append(seen[f], i)
	}
	for _, is := range seen {
		if len(is) < 2 {
			continue
		}
		for k, i := range is {
			out[i] += suffix(k)
		}
	}
	return out
}

// suffix is the k-th label suffix: a … z, then aa, ab, …
func suffix(k int) string {
	if k < 26 {
		return string(rune('a' + k))
	}
	return suffix(k/26-1) + string(rune('a'+k%26))
}

// Thesaurus merges and drops unit names: a name found in it (compared
// folded) is replaced by its replacement, or dropped when that is empty.
type Thesaurus map[string]string

// replace returns the replacement of a name, and whether it has one.
func (t Thesaurus) replace(name string) (string, bool) {
	if len(t) == 0 {
		return "", false
	}
	r, ok := t[parse.Fold(name)]
	return r, ok
}

// ReadThesaurus reads a VOSviewer thesaurus file: tab-separated lines
// "label<TAB>replace by", the first line a header; an empty "replace by"
// drops the label. Blank lines and lines starting with "#" are skipped.
func ReadThesaurus(r io.Reader, file string) (Thesaurus, error) {
	t := Thesaurus{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(strings.TrimPrefix(sc.Text(), "\ufeff"), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		label, repl, ok := strings.Cut(s, "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want \"label<TAB>replace by\", got %q", file, line, parse.Shorten(s, 60))
		}
		label, repl = parse.CleanSpace(label), parse.CleanSpace(repl)
		if line == 1 && strings.EqualFold(label, "label") {
			continue // the header
		}
		if k := parse.Fold(label); k != "" {
			t[k] = repl
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return t, nil
}
