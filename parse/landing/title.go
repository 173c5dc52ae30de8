package landing

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/parse/freetext"
	"github.com/citegraph/citegraph/parse/model"
)

// This file finds a page's title and byline by weighing evidence rather
// than by site layouts. Every short line of the page's header is a
// candidate; what stands around it adds to or takes from its score: an
// author line or a source line below it, a DOI nearby, an abstract
// following, the same words repeated elsewhere on the page (a citation of
// the work itself, a breadcrumb, a "cite this article" line), a
// document-type label above it; against it count the signs of a journal or
// site name, a menu item, a label, an affiliation, a person's name, or the
// neighbour articles of a "Next article" link.

// lpCite is a line of the page that reads as a citation of a work, with the
// parts the reference parser found in it.
type lpCite struct {
	i        int
	ref      model.Reference
	labelled bool // under a "Cite this article" label
}

// Weights of the title evidence. They were set by hand, reading what marks
// a title on pages of many sites; they are not fitted to the shared pages.
const (
	wByline     = 3.0  // an author line right below
	wBylineAbov = 1.0  // an author line right above
	wSource     = 2.0  // a DOI, source line or date close below
	wSourceAbov = 1.0  // a DOI or source line close above
	wAbstract   = 1.5  // an abstract heading or paragraph follows
	wRepeated   = 2.0  // the words stand again elsewhere on the page
	wSelfCite   = 4.0  // a citation line on the page has it as its title
	wTypeAbove  = 1.0  // a document type or short label above
	wLength     = 1.0  // three to thirty words
	wShort      = -3.0 // one or two words
	wLong       = -2.0 // over forty words
	wJunk       = -3.0 // URL, e-mail, ©, a number first
	wVenue      = -4.0 // the journal's name
	wSite       = -2.0 // a site or menu name
	wNames      = -4.0 // a list of personal names
	wAffil      = -3.0 // an affiliation
	wLabel      = -3.0 // ends with a colon
	wNeighbour  = -4.0 // under "Next article" and the like
	wCaps       = -2.0 // a short line in capitals
	wProse      = -1.0 // reads as a sentence
	wDate       = -3.0 // holds a date or submission notice
	wFirst      = 1.0  // the first line of the page's text
	wWordy      = 0.5  // six to thirty words: the usual length
	wAffilBelow = 1.5  // an affiliation right below (the names left out)
	wValueNext  = -3.0 // a short value below: the line is a label ("Indexed in Scopus" / "Yes")
	wLower      = -2.0 // a lower-case word run into a sentence ("popularity This …")
	wGlued      = -2.0 // words glued without space ("similaresSimilares"), markup, ISSN
	wCrumbs     = -3.0 // a breadcrumb trail ("Journal List > J Things > v.3(2)")
	wBetween    = -4.0 // names right above and right below: an affiliation between authors
	wSameLead   = -3.0 // three other lines start with the same word: a field label ("Roles …", "Affiliation …")
	titleMin    = 2.5  // the least score a title needs
)

// lpSiteWords mark the names of sites and menus.
var lpSiteWords = []string{"online", "library", "homepage", "home page", "journal list", "logo", "website", "menu",
	"navigation", "search", "login", "log in", "sign in", "subscribe", "advertisement", "cookie", "banner",
	"skip to", "download", "share", "metrics", "citations", "views", "publisher", "издательств", "баннер",
	"журнал", "scilit", "sciencedirect", "pubmed", "google scholar", "researchgate", "semantic scholar",
	"full text", "texte intégral", "volltext", "article text", "info for", "font", "loading", "copied"}

// lpNeighbourRe marks labels of links to other articles.
var lpNeighbourLabels = []string{"next article", "previous article", "next chapter", "previous chapter",
	"related article", "you may also like", "more articles", "also in this issue"}

// cites finds the lines of [a, b) that read as citations: a year and a
// title the reference parser can find, outside the reference list.
func (d *lpDoc) cites(a, b int) []lpCite {
	var out []lpCite
	for i := a; i < b && i < a+400; i++ {
		l := &d.lines[i]
		if d.inList[i] || l.kind == lpBlank || l.kind == lpBoiler || l.kind == lpHead || l.kind == lpMeta && l.labelled {
			continue
		}
		t := l.text
		n := utf8.RuneCountInString(t)
		if n < 30 || n > 1200 || model.ParseYear(t) == 0 {
			continue
		}
		ref := freetext.Parse(t)
		if model.CountWords(ref.Title) < 2 || (len(ref.Authors) == 0 && ref.Venue == "") {
			continue
		}
		out = append(out, lpCite{i: i, ref: ref})
	}
	return out
}

// sameTitle reports whether line t is title, allowing a title cut short on
// either side and a type label before it.
func sameTitle(t, title string) bool {
	ft, fr := model.Fold(t), model.Fold(title)
	if ft == "" || fr == "" || model.CountWords(ft) < 2 {
		return false
	}
	if ft == fr {
		return true
	}
	short, long := ft, fr
	if len(short) > len(long) {
		short, long = long, short
	}
	return len(short)*10 >= len(long)*7 && strings.Contains(long, short)
}

// candidate reports whether line i can be a title at all.
func (d *lpDoc) candidate(i int) bool {
	l := &d.lines[i]
	if d.used[i] || d.inSection[i] && !d.inSkip[i] {
		return false
	}
	switch l.kind {
	case lpText:
	case lpProse:
		if model.WordsUpTo(l.text, 41) > 40 || utf8.RuneCountInString(l.text) > 300 {
			return false
		}
		// two sentences are a paragraph, not a title
		if strings.HasSuffix(l.text, ".") && lpTwoSentRe.MatchString(l.text) {
			return false
		}
	default:
		return false
	}
	if r, _ := utf8.DecodeRuneInString(l.text); strings.ContainsRune(",;:&|.·)]}", r) {
		return false // ", , & show all": names left out
	}
	if model.WordsUpTo(l.text, 2) < 2 && !lpCJK(l.text) {
		return false
	}
	return utf8.RuneCountInString(l.text) <= 400
}

// titleScore weighs the evidence that line i of [a, b) is the title.
func (d *lpDoc) titleScore(i, a, b int, venue string, cites []lpCite) float64 {
	l := &d.lines[i]
	t := l.text
	lt := strings.ToLower(t)
	words := model.CountWords(t)
	score := 0.0
	switch {
	case words == 2:
		score += wShort / 3
	case words < 2:
		score += wShort
	case words > 40:
		score += wLong
	default:
		score += wLength
	}
	if words >= 6 && words <= 30 {
		score += wWordy
	}
	if i == d.firstText(a) {
		score += wFirst
	}
	if lpGluedRe.MatchString(t) || strings.Contains(t, "=>") || strings.ContainsAny(t, "{}【】|") || strings.Contains(lt, "issn") {
		score += wGlued
	}
	if lpNameMarkRe.MatchString(t) || lpMarkedNames(t) >= 2 {
		score += wNames
	}
	if lpGluedLabelWord(t) {
		score += wLower // "popularity This indicator …": a label run into text
	}
	if l.kind == lpProse && !strings.ContainsAny(t, ":?") && words >= 20 {
		score += wProse
	}
	if strings.Contains(lt, "http") || strings.Contains(lt, "www.") || strings.Contains(t, "@") || strings.Contains(t, "©") ||
		lpEmailRe.MatchString(t) {
		score += wJunk
	}
	if r, _ := utf8.DecodeRuneInString(t); unicode.IsDigit(r) && !lpNumTitleRe.MatchString(t) {
		score += wJunk
	}
	if venue != "" && model.Fold(t) == model.Fold(venue) {
		score += wVenue
	}
	if words <= 6 {
		for _, w := range lpSiteWords {
			if strings.Contains(lt, w) {
				score += wSite
				break
			}
		}
	}
	if _, ok := d.names(i); ok {
		score += wNames
	}
	if lpAffiliation(t) && !strings.Contains(t, ":") {
		score += wAffil
	}
	if strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：") {
		score += wLabel
	}
	if words <= 3 && strings.ToUpper(t) == t && strings.ToLower(t) != t {
		score += wCaps
	}
	for _, nl := range lpNeighbourLabels {
		if strings.HasPrefix(lt, nl) {
			score += wNeighbour
		}
	}
	if lpCaptionRe.MatchString(t) {
		score += wJunk // "Table 1 …", "Figure 2 …"
	}
	if lpPostalRe.MatchString(t) {
		score += wAffil // an address
	}
	if first, _, _ := strings.Cut(t, " "); (lpDateWordRe.MatchString(t) || lpSubmittedRe.MatchString(t)) && (strings.ContainsAny(t, "0123456789") || lpSubmittedRe.MatchString(first)) {
		score += wDate // a date, or a line that starts with a date word; not a title about publishing
	}
	if words <= 8 && lpNumDateRe.MatchString(t) {
		score += wDate // "Open Access 22.05.2024", "2020-03-01 | Article"
	}
	if lpCrumbs(t) {
		score += wCrumbs
	}
	if d.sameLead(i, a, b) {
		score += wSameLead
	}
	namesAbove := false
	// above: a type label, a neighbour-article label, an author or source line
	for k, seen := i-1, 0; k >= a && seen < 2; k-- {
		p := &d.lines[k]
		if p.kind == lpBlank {
			continue
		}
		seen++
		lp := strings.ToLower(strings.Trim(p.text, " :"))
		for _, nl := range lpNeighbourLabels {
			if strings.HasPrefix(lp, nl) {
				score += wNeighbour
			}
		}
		if seen == 1 {
			switch {
			case p.kind == lpMeta && lpHasKey(p.fields, "type"):
				score += wTypeAbove
			case p.kind == lpText && model.CountWords(p.text) <= 3 && !strings.HasSuffix(p.text, ":"):
				score += wTypeAbove / 2
			case p.kind == lpMeta && (lpHasKey(p.fields, "doi") || lpHasKey(p.fields, "volume") || lpHasKey(p.fields, "pages") || lpHasKey(p.fields, "pubdate")):
				score += wSourceAbov
			}
			if _, ok := d.names(k); ok && p.kind == lpText {
				score += wBylineAbov
				namesAbove = true
			}
		}
	}
	// below: an author line, a source line, an abstract
	byline, source, abstract := 0.0, false, false
	for k, seen := i+1, 0; k < b && seen < 5; k++ {
		p := &d.lines[k]
		if p.kind == lpBlank || p.kind == lpBoiler && !p.footer {
			continue
		}
		seen++
		switch p.kind {
		case lpNumber:
			if seen == 1 {
				score += wValueNext
			}
		case lpText:
			if seen == 1 && lpShortValue[strings.ToLower(p.text)] {
				score += wValueNext
			}
			if _, ok := d.names(k); ok && seen <= 2 {
				byline = max(byline, 1/float64(seen*seen))
				if seen == 1 && namesAbove {
					score += wBetween
				}
			} else if seen == 1 && lpAffiliation(p.text) {
				score += wAffilBelow
			}
		case lpLabel:
			if p.label == "authors" && seen <= 2 {
				byline = max(byline, 1/float64(seen*seen))
			}
		case lpMeta:
			for _, f := range p.fields {
				switch f.key {
				case "authors":
					if seen <= 2 {
						byline = max(byline, 1/float64(seen*seen))
					}
				case "doi", "venue", "volume", "pages", "pubdate", "epubdate", "issue":
					source = true
				}
			}
		case lpHead:
			if p.sec == lpSecAbstract || p.sec == lpSecAbstractAlt {
				abstract = true
			}
		case lpProse:
			if utf8.RuneCountInString(p.text) >= 200 {
				abstract = true
			}
		}
	}
	score += wByline * byline
	if source {
		score += wSource
	}
	if abstract {
		score += wAbstract
	}
	// the same words elsewhere
	if words >= 3 {
		ft := d.fold(i)
		for k := a; k < b && k < a+lpRepeatWindow; k++ {
			if k == i || d.lines[k].kind == lpBlank || len(d.lines[k].text) < len(t)/2 || d.lines[k].text == t {
				continue
			}
			if fk := d.fold(k); strings.Contains(fk, ft) || lpCutRepeat(d.lines[k].text, fk, ft) {
				score += wRepeated
				break
			}
		}
	}
	// the same title in another language right below
	if k := d.nextText(i, b); k >= 0 && d.candidate(k) && lpTranslated(t, d.lines[k].text) && d.translation(i, k) {
		score += wRepeated
	}
	for _, c := range cites {
		if c.i != i && sameTitle(t, c.ref.Title) {
			score += wSelfCite
			break
		}
	}
	return score
}

// lpMarkedNames counts the words of t that end as names with affiliation
// marks glued on do: a capitalised word whose last letter is lower case or
// a full stop, then one or two digits ("Taboada1,", "V.3,"); "H1N1" is no
// such word.
func lpMarkedNames(t string) int {
	n := 0
	for _, w := range strings.Fields(t) {
		w = strings.TrimRight(w, ",*")
		d := len(w)
		for d > 0 && w[d-1] >= '0' && w[d-1] <= '9' {
			d--
		}
		if d == len(w) || len(w)-d > 2 || d < 2 {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(w[:d])
		first, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(first) && (unicode.IsLower(last) || last == '.') {
			n++
		}
	}
	return n
}

// lpGluedLabelWord reports whether t opens with a word of lower-case
// letters only and a capitalised word after it, without punctuation
// between: a label run into the text it labels ("popularity This
// indicator …"), not a title ("scite: A smart …", "mRNA vaccines …").
func lpGluedLabelWord(t string) bool {
	ws := strings.SplitN(t, " ", 3)
	if len(ws) < 2 || ws[0] == "" || ws[1] == "" {
		return false
	}
	for _, r := range ws[0] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(ws[1])
	return unicode.IsUpper(r)
}

// sameLead reports whether three other lines of [a, b) start with the same
// word as line i, a capitalised word of four letters or more that is not a
// common opening word: the lines are fields of a list ("Roles …",
// "Affiliation …"), not a title.
func (d *lpDoc) sameLead(i, a, b int) bool {
	lead := func(t string) string {
		t = strings.TrimLeft(t, "•·-–* ")
		w, _, _ := strings.Cut(t, " ")
		return w
	}
	w := lead(d.lines[i].text)
	if r, _ := utf8.DecodeRuneInString(w); utf8.RuneCountInString(w) < 4 || !unicode.IsUpper(r) || lpOpeners[strings.ToLower(w)] {
		return false
	}
	n := 0
	for k := a; k < b && k < a+lpRepeatWindow; k++ {
		if k != i && d.lines[k].kind != lpBlank && lead(d.lines[k].text) == w {
			if n++; n >= 3 {
				return true
			}
		}
	}
	return false
}

// lpOpeners are common first words of titles.
var lpOpeners = map[string]bool{"the": true, "this": true, "what": true, "when": true, "where": true, "with": true,
	"from": true, "does": true, "have": true, "into": true, "towards": true, "toward": true, "über": true, "como": true,
	"para": true, "analysis": true, "study": true}

// lpCutRepeat reports whether a line cut short with an ellipsis
// ("Home Journal Title of the wo...") ends with the start of the title ft,
// twenty characters or more of it; fk is the line folded.
func lpCutRepeat(line, fk, ft string) bool {
	if !strings.HasSuffix(line, "...") && !strings.HasSuffix(line, "…") {
		return false
	}
	fk = strings.TrimRight(fk, ".… ")
	for k := 0; k+20 <= len(fk); k++ {
		if (k == 0 || fk[k-1] == ' ') && strings.HasPrefix(ft, fk[k:]) {
			return true
		}
	}
	return false
}

// lpCrumbs reports whether t is a breadcrumb trail: three or more parts
// joined by the same arrow ("Home > Journals > J Things").
func lpCrumbs(t string) bool {
	for _, sep := range []string{" > ", " › ", " » ", " / ", " → "} {
		if strings.Count(t, sep) >= 2 {
			return true
		}
	}
	return false
}

// lpShortValue are values that make the line above them a label.
var lpShortValue = map[string]bool{"yes": true, "no": true, "да": true, "нет": true, "так": true, "ні": true,
	"ja": true, "nein": true, "oui": true, "non": true, "sí": true, "si": true, "sim": true, "não": true}

var (
	// lpCaptionRe matches the caption of a table or figure.
	lpCaptionRe = regexp.MustCompile(`^(?i:table|figure|fig\.|tabelle|abbildung|tableau|tabla|figura|рис\.|таблица|图|表)\s*\d`)
	// lpPostalRe finds an address: a postal code among place names.
	lpPostalRe = regexp.MustCompile(`(?:^|[\s,])(?:\p{Lu}{1,2}-?)?\d{4,6}(?:-\d{4})?,?\s+\p{Lu}[\p{L}]+.*,|,\s*\d{4,6},`)
	// lpTwoSentRe finds the end of a sentence inside a line.
	lpTwoSentRe = regexp.MustCompile(`\p{Ll}{2}\.\s+\p{Lu}`)
	// lpGluedRe finds words glued without a space: a run of lower-case
	// letters running into a capitalised word ("similaresSimilares").
	lpGluedRe = regexp.MustCompile(`\p{Ll}{3}\p{Lu}\p{Ll}{2}|\p{Ll}\d\p{Lu}\p{Ll}{3}`)
	// lpNameMarkRe matches a name with affiliation marks ("Xiaojun Hu 1 ,").
	lpNameMarkRe  = regexp.MustCompile(`^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*\d+(?:\s*,\s*\d+)*\s*,?\s*\*?$`)
	lpSubmittedRe = regexp.MustCompile(`(?i)\b(?:submitted|received|accepted|published|deposited|uploaded|render date|loading time)\b`)
	lpNumDateRe   = regexp.MustCompile(`\b(?:\d{1,2}[./]\d{1,2}[./](?:1[6-9]|20)\d\d|(?:1[6-9]|20)\d\d-\d\d-\d\d)\b`)
	lpNumTitleRe  = regexp.MustCompile(`^\d+(?:[.,]\d+)?\s+\p{L}+\s+\p{L}+`)
)

// names returns line k read as a line of personal names, computing it once.
func (d *lpDoc) names(k int) ([]model.Author, bool) {
	if d.nameCache == nil {
		d.nameCache = map[int][]model.Author{}
	}
	if au, ok := d.nameCache[k]; ok {
		return au, au != nil
	}
	au, ok := lpAuthors(d.lines[k].text)
	if !ok {
		au = nil
	}
	d.nameCache[k] = au
	return au, ok
}

// lpRepeatWindow bounds how far from a page's start repeats of a title are
// looked for, keeping long pages linear.
const lpRepeatWindow = 2000

// fold returns line k's text folded for comparison, computing it once.
func (d *lpDoc) fold(k int) string {
	if d.folded == nil {
		d.folded = make([]string, len(d.lines))
		d.isFolded = make([]bool, len(d.lines))
	}
	if !d.isFolded[k] {
		d.folded[k], d.isFolded[k] = model.Fold(d.lines[k].text), true
	}
	return d.folded[k]
}

// firstText returns the first line of [a, …) that is neither blank nor
// boilerplate.
func (d *lpDoc) firstText(a int) int {
	for k := a; k < len(d.lines); k++ {
		if d.lines[k].kind != lpBlank && d.lines[k].kind != lpBoiler {
			return k
		}
	}
	return -1
}

// chooseTitle returns the line of [a, end) that is most likely the title,
// and its score, or -1.
func (d *lpDoc) chooseTitle(a, end, b int, venue string, cites []lpCite, min float64) (int, float64) {
	best, bestScore := -1, min
	d.quoted, d.titleLast, d.titleAlt = "", -1, -1
	scores := map[int]float64{}
	for i := a; i < end; i++ {
		if !d.candidate(i) {
			continue
		}
		s := d.titleScore(i, a, b, venue, cites)
		scores[i] = s
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	// a title quoted in a line ("Article on the topic 'Title'") and given
	// again in another is the title, whatever the lines around say
	if q, at := d.quotedTitle(a, end); q != "" && (best < 0 || !d.holds(best, q)) {
		d.titleLast = at
		return at, wRepeated + wSelfCite
	}
	d.titleLast = best
	// a title wrapped over lines: its first line ("… that displays the")
	for best > a {
		k := best - 1
		p := &d.lines[k]
		ws := strings.Fields(p.text)
		if p.kind != lpText || len(ws) == 0 || !lpOpenEnds[strings.ToLower(ws[len(ws)-1])] {
			break
		}
		best = k
	}
	// a title given in several languages: the evidence below the last
	// version belongs to the first
	for best >= 0 {
		k := best - 1
		for k >= a && d.lines[k].kind == lpBlank {
			k--
		}
		s, ok := scores[k]
		if k < a || !ok || !d.translation(k, best) || s < bestScore-wByline-wSource-1 {
			break
		}
		best = k
	}
	// a subtitle on its own line below the title, a DOI line between them
	// ("Title" / "DOI: 10.…" / "Subtitle" / authors): the evidence below
	// the subtitle belongs to the title above
	if best >= 0 {
		k := d.prevText(best, a)
		if k >= 0 && d.lines[k].kind == lpMeta && len(d.lines[k].fields) == 1 && d.lines[k].fields[0].key == "doi" {
			t := d.prevText(k, a)
			if s, ok := scores[t]; ok && s >= titleMin && model.CountWords(d.lines[t].text) >= 6 &&
				!strings.HasSuffix(d.lines[t].text, ":") {
				best = t
			}
		}
	}
	// a title given again in another language, each version with a byline
	// of as many names below it: the first version
	if best >= 0 {
		if n := d.bylineCount(best, b); n > 0 {
			for k := a; k < end; k++ {
				if _, ok := scores[k]; ok && k != best && lpTranslated(d.lines[k].text, d.lines[best].text) && d.bylineCount(k, b) == n {
					if k < best {
						best, d.titleLast, d.titleAlt = k, k, best
					} else {
						d.titleAlt = k
					}
					break
				}
			}
		}
	}
	return best, bestScore
}

// bylineCount returns the number of names on the line right below i, or 0
// when that line gives none.
func (d *lpDoc) bylineCount(i, b int) int {
	k := d.nextText(i, b)
	if k < 0 || d.lines[k].kind != lpText {
		return 0
	}
	au, _ := d.names(k)
	return len(au)
}

// nextText returns the first line below i, above b, that is not blank,
// or -1.
func (d *lpDoc) nextText(i, b int) int {
	for k := i + 1; k < b; k++ {
		if d.lines[k].kind != lpBlank {
			return k
		}
	}
	return -1
}

// lpTranslated reports whether b can be a translation of a, from what
// translations keep: another script, or a name or number of four
// characters or more that both give (a capitalised word not first, or a
// year).
func lpTranslated(a, b string) bool {
	if lpScript(a) != lpScript(b) {
		return true
	}
	keep := func(s string) map[string]bool {
		m := map[string]bool{}
		for k, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			r, _ := utf8.DecodeRuneInString(w)
			if utf8.RuneCountInString(w) >= 4 && (unicode.IsDigit(r) || k > 0 && unicode.IsUpper(r)) {
				m[w] = true
			}
		}
		return m
	}
	kb := keep(b)
	for w := range keep(a) {
		if kb[w] {
			return true
		}
	}
	return false
}

// lpScript returns the script most letters of s are written in: 'c' for
// CJK, 'y' for Cyrillic, 'l' for Latin and others.
func lpScript(s string) byte {
	cjk, cyr, all := 0, 0, 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		all++
		switch {
		case unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana):
			cjk++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		}
	}
	switch {
	case cjk*2 > all:
		return 'c'
	case cyr*2 > all:
		return 'y'
	}
	return 'l'
}

// prevText returns the last line above i, at or below a, that is not
// blank, or -1.
func (d *lpDoc) prevText(i, a int) int {
	for k := i - 1; k >= a; k-- {
		if d.lines[k].kind != lpBlank {
			return k
		}
	}
	return -1
}

// lpQuoteRe finds text in quotes.
var lpQuoteRe = regexp.MustCompile(`(?:^|[\s:(])['‘«“"](.{12,400}?)['’»”"](?:$|[\s.,;:)!?])`)

// quotedTitle returns a text of four words or more quoted in a line of
// [a, end) and standing in another line as well, and the line of its
// other occurrence, or "".
func (d *lpDoc) quotedTitle(a, end int) (string, int) {
	for i := a; i < end && i < a+lpRepeatWindow; i++ {
		l := &d.lines[i]
		if l.kind == lpBlank || l.kind == lpProse && len(l.text) > 400 {
			continue
		}
		if l.num || d.inList[i] || model.ParseYear(l.text) != 0 && lpLooksLikeRef(l.text) && len(freetext.LeadingAuthors(l.text)) > 0 {
			continue // a quote in a reference
		}

		for _, m := range lpQuoteRe.FindAllStringSubmatch(l.text, 3) {
			q := strings.TrimSpace(m[1])
			if model.CountWords(q) < 4 {
				continue
			}
			fq := model.Fold(q)
			first, n := -1, 0
			for k := a; k < end && k < a+lpRepeatWindow; k++ {
				if k != i && d.lines[k].kind != lpBlank && strings.Contains(d.fold(k), fq) {
					if n++; first < 0 {
						first = k
					}
				}
			}
			// a name quoted on many lines is an institution's, given for
			// each author ("ФГБУ «…центр…»"), not the title
			if first >= 0 && (n <= 2 || !lpAffiliation(l.text)) {
				d.quoted = q
				return q, first
			}
		}
	}
	return "", -1
}

// holds reports whether line i holds text q.
func (d *lpDoc) holds(i int, q string) bool {
	return strings.Contains(d.fold(i), model.Fold(q))
}

// translation reports whether line k above line j reads as the same title
// in another language: a title-like line of a similar length, no names.
func (d *lpDoc) translation(k, j int) bool {
	a, b := d.lines[k].text, d.lines[j].text
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	ratio := 2
	if lpCJK(a) != lpCJK(b) {
		ratio = 4 // CJK script says more in fewer characters
	}
	if na*ratio < nb || nb*ratio < na || model.CountWords(a) < 2 && !lpCJK(a) {
		return false
	}
	// a translation keeps the numbers and the colon of the title
	digits := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s)
	}
	colon := func(s string) bool { return strings.ContainsAny(s, ":：") }
	if digits(a) != digits(b) || colon(a) != colon(b) {
		return false
	}
	if _, ok := lpAuthors(a); ok || lpAffiliation(a) && !lpAffiliation(b) {
		return false
	}
	return !lpGluedRe.MatchString(a) && !strings.HasSuffix(a, ":")
}

// lpCJK reports whether s is mostly written in Chinese, Japanese or Korean
// script.
func lpCJK(s string) bool {
	cjk, all := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			all++
			if unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
				cjk++
			}
		}
	}
	return all > 0 && cjk*2 > all
}

// byline returns the authors on the lines below the title at line i: a line
// of names, or names one per line with affiliations, roles or e-mail lines
// between them ("Jane Roe¹" / "University of …" / "John Poe²"). The names
// must start within two lines of the title; the byline ends at a heading, a
// paragraph, labelled fields, or after six lines without a name.
func (d *lpDoc) byline(i, b int, title string) []model.Author {
	var out []model.Author
	miss := 0
	ft := model.Fold(title)
	for k := i + 1; k < b && k <= i+60; k++ {
		p := &d.lines[k]
		if len(out) == 0 && miss == 0 && (p.kind == lpText || p.kind == lpProse || p.kind == lpBoiler) {
			if _, ok := lpAuthors(p.text); ok && p.kind == lpText {
				// a plain byline, read below
			} else if au := lpInlineAffilNames(p.text); au != nil {
				return au // names, each with its affiliation, on one line
			}
		}
		switch p.kind {
		case lpBlank, lpNumber:
			continue // a metric's value ("Visits" / "15772") is no miss
		case lpHead, lpLabel:
			if len(out) == 0 && p.kind == lpHead && lpAffilHeads[lpNormLabel(p.text)] {
				continue // a collapsed "Affiliations" link before the names
			}
			return out
		case lpProse:
			// an affiliation written as a sentence ("Botany Department,
			// University of Otago, Dunedin.") goes on; a paragraph ends
			if !lpAffiliation(p.text) || utf8.RuneCountInString(p.text) > 200 {
				return out
			}
		case lpMeta:
			if len(out) > 0 && p.labelled {
				return out
			}
			if len(out) == 0 && !p.labelled {
				continue // the source line or DOI between title and names
			}
		}
		if len(out) == 0 && k <= i+4 && p.kind == lpText && ft != "" && strings.Contains(ft, d.fold(k)) {
			continue // the title's next lines, when it wraps
		}
		t := strings.Trim(p.text, " ,;*&†‡")
		for _, and := range []string{"and ", "und ", "et ", "y ", "e ", "и ", "і "} {
			if len(t) > len(and)+3 && strings.HasPrefix(t, and) {
				t = t[len(and):] // ", and Sean C. Rife" on a line of its own
			}
		}
		switch strings.ToLower(t) {
		case "", "by", "and", "und", "et", "y", "e", "и", "і":
			continue
		}
		if p.kind == lpText {
			bare := lpBracketRe.ReplaceAllString(t, " ")
			au, ok := lpAuthors(t)
			if !ok && bare != t && lpAffiliation(t) {
				// "Jane Roe (Department of Things, University of X)"
				au, ok = lpAuthors(strings.TrimSpace(bare))
			}
			if k := strings.Index(t, " et al."); !ok && k > 0 && len(t)-k < 80 {
				// "Jane Roe et al. J Things. 2020": a short citation's names
				au, ok = lpAuthors(t[:k])
			}
			if ok && !lpAffiliation(bare) && !lpLoneCJK(t, au) {
				for _, a := range au {
					for _, o := range out {
						if o == a {
							return out // the names again: the byline is over
						}
					}
				}
				out = append(out, au...)
				miss = 0
				continue
			}
		}
		miss++
		if len(out) == 0 && miss > 2 || miss > 6 {
			return out
		}
	}
	return out
}

// lpAffilHeads are headings of affiliation lists, which pages may show
// between a title and its byline.
var lpAffilHeads = map[string]bool{"affiliations": true, "affiliation": true, "author information": true,
	"authors and affiliations": true}

// lpLoneCJK reports whether a line read as one name is only a short word in
// CJK script ("分享到", "서론"): no name without a label or a list.
func lpLoneCJK(t string, au []model.Author) bool {
	return len(au) == 1 && lpCJK(t) && !strings.ContainsAny(t, " ,、，")
}

// citeFacts returns the parts of the citation whose title is the page's
// title, as facts of line i: they fill what labels and source lines lack.
func citeFacts(c lpCite) []lpFact {
	var out []lpFact
	// the source part after the title, read as a source line, gives the
	// issue too
	if k := strings.Index(c.ref.Raw, c.ref.Title); k >= 0 && c.ref.Title != "" {
		tail := strings.TrimLeft(c.ref.Raw[k+len(c.ref.Title):], ".,;:?!\"”’]) ")
		for _, f := range lpSource(tail) {
			out = append(out, lpFact{i: c.i, f: f})
		}
	}
	add := func(k, v string) {
		if v != "" {
			out = append(out, lpFact{i: c.i, f: lpField{key: k, val: v, rank: 1}})
		}
	}
	add("venue", c.ref.Venue)
	add("volume", c.ref.Volume)
	add("pages", c.ref.Pages)
	if c.ref.Year != 0 {
		add("pubdate", strconv.Itoa(c.ref.Year))
	}
	add("doi", c.ref.DOI)
	return out
}

// lpOpenEnds are words a title does not end with: a line ending with one
// was wrapped ("A smart citation index that displays the" / "context of").
var lpOpenEnds = map[string]bool{"the": true, "of": true, "and": true, "for": true, "in": true, "on": true,
	"with": true, "to": true, "a": true, "an": true, "by": true, "from": true, "their": true, "its": true, "at": true,
	"as": true, "or": true, "between": true, "des": true, "de": true, "la": true, "le": true, "les": true, "et": true,
	"und": true, "der": true, "die": true, "das": true, "für": true, "von": true, "im": true, "y": true, "del": true,
	"en": true, "el": true, "los": true, "las": true, "e": true, "do": true, "da": true, "и": true, "в": true,
	"на": true, "для": true, "з": true, "та": true, "і": true, "до": true, "of-": true}

// wrappedTitle returns the title at line i with the lines it wraps to:
// lines below it that continue a title ending with an open word, or lines
// in capitals around a title in capitals, none of them names or labels.
func (d *lpDoc) wrappedTitle(i int) string {
	t := d.lines[i].text
	caps := strings.ToUpper(t) == t && strings.ToLower(t) != t
	cont := func(k int) bool {
		l := &d.lines[k]
		if l.kind != lpText || d.used[k] || model.CountWords(l.text) > 14 {
			return false
		}
		if caps {
			return strings.ToUpper(l.text) == l.text
		}
		_, names := lpAuthors(l.text)
		return !names
	}
	if caps {
		for k := i - 1; k >= 0 && k >= i-4 && cont(k) && d.lines[k].text != ""; k-- {
			t = d.lines[k].text + " " + t
		}
	}
	for k := i + 1; k < len(d.lines) && k <= i+4; k++ {
		ws := strings.Fields(t)
		open := lpOpenEnds[strings.ToLower(ws[len(ws)-1])] || strings.HasSuffix(t, ":") || strings.HasSuffix(t, "-")
		if !(open || caps) || !cont(k) {
			break
		}
		t += " " + d.lines[k].text
	}
	return model.CleanSpace(t)
}

// dashAffiliated returns the names of the lines of the header [a, end)
// that give a person, a dash, then the affiliation ("Roe J. K. — Senior
// Researcher, Institute of Things, 1 Main St., Kyiv"), for pages whose
// byline takes that form and no other.
func (d *lpDoc) dashAffiliated(a, end int) []model.Author {
	var out []model.Author
	for i := a; i < end && i < a+40; i++ {
		l := &d.lines[i]
		if l.kind != lpText && l.kind != lpProse || d.inList[i] {
			continue
		}
		for _, dash := range []string{" — ", " – "} {
			name, rest, ok := strings.Cut(l.text, dash)
			if !ok || utf8.RuneCountInString(name) > 60 || !lpAffiliation(rest) {
				continue
			}
			if au, ok := lpAuthors(name); ok && len(au) == 1 {
				out = append(out, au...)
			}
			break
		}
	}
	return out
}
