package graph

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/parse"
)

// LabelOptions controls Labels. The zero value gives one-line labels of at
// most 40 runes.
type LabelOptions struct {
	// Width is the most runes a label (each line of it, when Sep breaks
	// lines) may take; 0 means 40, negative means no limit. The head
	// ("Hellwig 2010") is never cut; the detail is shortened to fit.
	Width int
	// Sep joins the head and the detail; "" means ", ". "\n" puts the detail
	// on a line of its own, as a diagram node does.
	Sep string
	// Lines is how many lines the detail may wrap onto when Sep is "\n";
	// 0 means 1.
	Lines int
}

// Labels names the given works (indexes into Works) so that a reader can tell
// them apart: a paper of the corpus is "First author Year, short title" (its
// venue when it has no title), a work known only from reference lists is
// named as HistCite and bibliometrix name cited references, "Author Year,
// VENUE, V42, P2255". Family names written in capitals ("RICHTER") are
// written like the others ("Richter"), and titles in capitals in sentence
// case. No two labels returned are equal: works whose labels would be get a
// letter after the year ("Li 2011a", "Li 2011b", in the order given), or a
// number where there is no year. The result is parallel to works.
func (g *Graph) Labels(works []int, opt *LabelOptions) []string {
	width, sep, lines := 40, ", ", 1
	if opt != nil {
		if opt.Width != 0 {
			width = opt.Width
		}
		if opt.Sep != "" {
			sep = opt.Sep
		}
		lines = max(1, opt.Lines)
	}
	if !strings.Contains(sep, "\n") {
		lines = 1
	}
	heads := make([]string, len(works))
	details := make([]string, len(works))
	for k, i := range works {
		heads[k], details[k] = labelParts(&g.Works[i])
	}
	compose := func(head, detail string) string {
		if head == "" || detail == "" {
			s := head + detail
			if width > 0 {
				s = parse.Shorten(s, width)
			}
			return s
		}
		budget := width
		if width > 0 && !strings.Contains(sep, "\n") {
			budget = width - utf8.RuneCountInString(head) - utf8.RuneCountInString(sep)
		}
		switch {
		case width < 0:
		case budget < 4:
			return head // no room for a useful detail
		case lines > 1:
			detail = wrapDetail(detail, budget, lines)
		default:
			detail = shortenDetail(detail, budget)
		}
		return head + sep + detail
	}
	out := make([]string, len(works))
	for k := range works {
		out[k] = compose(heads[k], details[k])
	}
	// Equal labels: a letter after the year of each, in the order given,
	// or a number at the end; repeated in case a new label meets another.
	// Labels that differ only in case or punctuation clash too: folded
	// once, and again only when they change.
	folded := make([]string, len(out))
	for k, s := range out {
		folded[k] = parse.Fold(s)
	}
	for round := 0; ; round++ {
		groups := make(map[string][]int, len(out))
		for k, f := range folded {
			groups[f] = append(groups[f], k)
		}
		var clashes [][]int
		for k, f := range folded {
			if ks := groups[f]; len(ks) > 1 && ks[0] == k {
				clashes = append(clashes, ks)
			}
		}
		if len(clashes) == 0 {
			return out
		}
		for _, ks := range clashes {
			for n, k := range ks {
				if round == 0 && endsWithYear(heads[k]) {
					heads[k] += suffixLetters(n)
					out[k] = compose(heads[k], details[k])
				} else {
					out[k] += " (" + strconv.Itoa(n+1) + ")"
				}
				folded[k] = parse.Fold(out[k])
			}
		}
	}
}

// suffixLetters is a, b, …, z, aa, ab, …
func suffixLetters(n int) string {
	s := ""
	for {
		s = string(rune('a'+n%26)) + s
		n = n/26 - 1
		if n < 0 {
			return s
		}
	}
}

func endsWithYear(s string) bool {
	return len(s) >= 4 && strings.Trim(s[len(s)-4:], "0123456789") == ""
}

// maxFamily is the most runes of a family name in a label.
const maxFamily = 22

// labelParts returns the head of a work's label, "Family Year" (or what
// stands for it), and the detail that follows it.
func labelParts(w *Work) (head, detail string) {
	family := ""
	if len(w.Authors) > 0 {
		// a group author can be long: "Scandinavian Simvastatin Survival…"
		family = parse.Shorten(NameCase(clip(w.Authors[0].Family, 200)), maxFamily)
	}
	year := ""
	if w.Year > 0 {
		year = strconv.Itoa(w.Year)
	}
	head = strings.TrimSpace(family + " " + year)
	title := TitleCase(clip(w.Title, 400))
	if w.InCorpus {
		detail = cmp.Or(title, w.Venue)
	} else {
		detail = cmp.Or(citedRef(w), title)
	}
	if family == "" {
		// no author: the year, then the title (or what names the work)
		return year, cmp.Or(title, clip(w.Label, 400))
	}
	return head, detail
}

// citedRef is "VENUE, V42, P2255" from the parsed fields, empty when none
// is known.
func citedRef(w *Work) string {
	var parts []string
	if v := strings.TrimSpace(clip(w.Venue, 200)); v != "" {
		parts = append(parts, v)
	}
	if v := strings.TrimSpace(clip(w.Volume, 20)); v != "" {
		v = strings.TrimPrefix(strings.TrimPrefix(v, "V"), "v")
		parts = append(parts, "V"+v)
	}
	if p := displayFirstPage(clip(w.Pages, 40)); p != "" {
		parts = append(parts, "P"+p)
	}
	return strings.Join(parts, ", ")
}

// displayFirstPage is the first page of a range as written: "133-201" and
// "pp. 133–201" give "133", "P2255" gives "2255".
func displayFirstPage(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"pp.", "pp ", "p.", "P", "p"} {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" && (rest[0] == ' ' || rest[0] >= '0' && rest[0] <= '9') {
			s = strings.TrimSpace(rest)
			break
		}
	}
	if i := strings.IndexAny(s, "-–—, "); i >= 0 {
		s = s[:i]
	}
	return s
}

// shortenDetail cuts a detail to width runes. A cited reference
// ("IEEE Transactions on Magnetics, V42, P2255") is cut in its venue, so
// that the volume and page, which tell works apart, stay; the page goes
// first, then the volume, when the venue would keep fewer than 8 runes.
func shortenDetail(s string, width int) string {
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	parts := strings.Split(s, ", ")
	var tail []string // ", V42", ", P2255" at the end of a cited reference
	for len(parts) > 1 {
		last := parts[len(parts)-1]
		if len(last) > 1 && (last[0] == 'V' || last[0] == 'P') && strings.ContainsAny(last[1:2], "0123456789") {
			tail = append([]string{last}, tail...)
			parts = parts[:len(parts)-1]
			continue
		}
		break
	}
	if len(tail) == 0 {
		return parse.Shorten(s, width)
	}
	venue := strings.Join(parts, ", ")
	for keep := len(tail); keep >= 0; keep-- {
		end := ""
		if keep > 0 {
			end = ", " + strings.Join(tail[:keep], ", ")
		}
		room := width - utf8.RuneCountInString(end)
		if utf8.RuneCountInString(venue) <= room {
			return venue + end
		}
		if room >= 8 || keep == 0 {
			if v := parse.Shorten(venue, max(room, 2)); strings.TrimSuffix(v, "…") != "" {
				return v + end
			}
		}
	}
	return parse.Shorten(s, width)
}

// wrapDetail breaks a detail at spaces into at most lines lines of width
// runes, shortening the last.
func wrapDetail(s string, width, lines int) string {
	var out []string
	rest := parse.CleanSpace(s)
	for len(out) < lines-1 && utf8.RuneCountInString(rest) > width {
		r := []rune(rest)
		cut := -1
		for k := width; k > width/3; k-- {
			if r[k] == ' ' {
				cut = k
				break
			}
		}
		if cut < 0 {
			break // one long word: shortened below
		}
		out = append(out, string(r[:cut]))
		rest = strings.TrimSpace(string(r[cut:]))
	}
	return strings.Join(append(out, shortenDetail(rest, width)), "\n")
}

// NameCase writes a family name given in capitals or in lower case
// ("RICHTER", "O'BRIEN", "COSTA-KRAMER", "van der waals") with a capital
// at the start of each part ("Richter", "O'Brien", "Costa-Kramer", "Van Der
// Waals"); a name that mixes cases is left as written.
func NameCase(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || hasUpper(s) && hasLower(s) {
		return s
	}
	var b strings.Builder
	start := true
	for _, r := range s {
		if start {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == ' ' || r == '-' || r == '\'' || r == '’' || r == '.'
	}
	return b.String()
}

// TitleCase writes a title given all in capitals in sentence case
// ("PROTEIN MEASUREMENT WITH THE FOLIN PHENOL REAGENT" gives "Protein
// measurement with the folin phenol reagent"), keeping a capital after a
// colon or full stop; any other title is returned as it is.
func TitleCase(s string) string {
	s = parse.CleanSpace(s)
	if hasLower(s) || !hasUpper(s) || letterCount(s) < 4 {
		return s
	}
	var b strings.Builder
	start := true
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if start {
				b.WriteRune(r)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			start = false
		default:
			b.WriteRune(r)
			if r == ':' || r == '.' || r == '?' || r == '!' {
				start = true
			}
		}
	}
	return b.String()
}

func hasUpper(s string) bool { return strings.IndexFunc(s, unicode.IsUpper) >= 0 }
func hasLower(s string) bool { return strings.IndexFunc(s, unicode.IsLower) >= 0 }

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// clip returns the first n runes of s, cheaply: labels and tooltips need
// only the start of a title, which a damaged record may make megabytes long.
func clip(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// Describe is a work in full, one line each for title, authors, venue and
// year, and DOI, each cut at max runes: a tooltip or a report line.
func Describe(w *Work, max int) string {
	var lines []string
	lines = append(lines, parse.Shorten(clip(cmp.Or(w.Title, w.Label), 2*max), max))
	if len(w.Authors) > 0 {
		names := make([]string, 0, 6)
		for k, a := range w.Authors {
			if k == 5 {
				names = append(names, fmt.Sprintf("and %d more", len(w.Authors)-k))
				break
			}
			names = append(names, clip(a.String(), max))
		}
		lines = append(lines, parse.Shorten(strings.Join(names, ", "), max))
	}
	var venue []string
	if w.Venue != "" {
		venue = append(venue, clip(w.Venue, max))
	}
	if w.Volume != "" {
		venue = append(venue, "vol. "+clip(w.Volume, max))
	}
	if w.Pages != "" {
		venue = append(venue, "p. "+clip(w.Pages, max))
	}
	if w.Year > 0 {
		venue = append(venue, strconv.Itoa(w.Year))
	}
	if len(venue) > 0 {
		lines = append(lines, parse.Shorten(strings.Join(venue, ", "), max))
	}
	if w.DOI != "" {
		lines = append(lines, parse.Shorten("doi:"+clip(w.DOI, max), max))
	}
	return strings.Join(lines, "\n")
}
