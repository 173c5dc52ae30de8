package graph

import (
	"slices"
	"strings"

	"github.com/citegraph/citegraph/parse"
)

// This file puts identifiers, names, volumes and pages in the form they
// are compared in.

// rsIDKeys are the identifiers, besides the DOI, that name one work
// everywhere, in the order they name a work without DOI (rsWorkID). ISBN,
// ISSN, URL and local keys ("key") do not. "net" names a vertex of a
// network file (parse/network.go): it joins a vertex and the arcs to it.
var rsIDKeys = []string{"openalex", "wos", "scopus", "pmid", "pmcid", "lens", "arxiv", "mag", "net"}

func rsIDs(m map[string]string) []string {
	var out []string
	for _, k := range rsIDKeys {
		if v := rsIDValue(k, m[k]); v != "" {
			out = append(out, k+":"+v)
		}
	}
	slices.Sort(out)
	return out
}

// rsIDValue puts an identifier in the form it is compared in.
func rsIDValue(key, v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	switch key {
	case "openalex":
		v = v[strings.LastIndexByte(v, '/')+1:]
		return strings.ToUpper(v)
	case "wos":
		v = strings.TrimPrefix(strings.ToUpper(v), "WOS:")
		return v
	case "pmid", "mag":
		return strings.TrimLeft(v, "0")
	case "pmcid":
		return strings.ToUpper(v)
	}
	return strings.ToLower(v)
}

// rsDOI normalises a DOI, quickly when it already is. raw is the text the
// DOI was read from, if any: a source that cut a SICI DOI at "<"
// ("10.1002/(SICI)1097-4571(199009)41:6<391::AID-ASI1>3.0.CO;2-9") leaves a
// prefix that names a journal issue, not a paper; the whole DOI is taken
// from raw when it is there, else the cut one is not used. HTML entities
// and dashes other than "-" (Scopus writes both) are undone, and a DOI
// without a digit after its prefix ("10.1016/j", "10.1016/j.foreco": cut
// by a source) or naming a journal or an issue ("(issn)",
// "10.1111/mice.2009.24.issue-6") is not used.
func rsDOI(s, raw string) string {
	if s == "" {
		return ""
	}
	if strings.ContainsAny(s, "&\u2010\u2011\u2013\u2014") {
		s = rsDOIFix.Replace(s)
	}
	if !strings.HasPrefix(s, "10.") || strings.ContainsAny(s, " \tABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		s = parse.NormalizeDOI(s)
	}
	if strings.Contains(s, "(sici)") && !strings.Contains(s, "<") {
		s = rsSICI(s, raw)
	}
	suffix := s[strings.IndexByte(s, '/')+1:]
	if !strings.ContainsAny(suffix, "0123456789") || strings.Contains(suffix, "(issn)") ||
		strings.Contains(suffix, ".issue-") {
		return ""
	}
	return s
}

// rsSICI completes a SICI DOI cut at "<" from the text it was read from,
// or returns "".
func rsSICI(s, raw string) string {
	low := strings.ToLower(raw)
	if i := strings.Index(low, s); i >= 0 {
		end := i + len(s)
		for end < len(low) && !strings.ContainsRune(" \t,]", rune(low[end])) {
			end++
		}
		if full := strings.TrimRight(low[i:end], "."); strings.Contains(full, "<") {
			return full
		}
	}
	return ""
}

var rsDOIFix = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&",
	"\u2010", "-", "\u2011", "-", "\u2013", "-", "\u2014", "-")

// rsDOIKey is the DOI as identifier stage compares it: its letters and
// digits, so that a lost "_" or an inserted "-" ("…-3094-4_8" and
// "…-3094-48", "j.-foreco") does not make two works.
func rsDOIKey(doi string) string {
	return string(rsAppendDOIKey(make([]byte, 0, len(doi)), doi))
}

// rsAppendDOIKey appends rsDOIKey(doi) to b.
func rsAppendDOIKey(b []byte, doi string) []byte {
	for i := 0; i < len(doi); i++ {
		if c := doi[i]; c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 {
			b = append(b, c)
		}
	}
	return b
}

// rsDOICompatible reports whether two DOIs may name one work: equal, equal
// in their letters and digits, or one cut from the other (a source cut
// "10.1016/j.omega.2016.11.008" to "10.1016/j.omega.2016.11"; Scopus adds a
// page digit to some, "10.1063/1.27307441"), the shorter holding 12
// characters at least.
func rsDOICompatible(a, b string) bool {
	if a == b || a == "" || b == "" {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 12 && strings.HasPrefix(b, a) || rsDOIKey(a) == rsDOIKey(b)
}

// rsFams returns the comparison keys of the first author: the folded family
// name without spaces or hyphens ("van der Marck" and WoS "vanderMarck"
// meet), the same without its leading particles ("Marck"), the first and
// last words of a name that was not split into family and given names, and,
// when the given name is a full word, that word too (sources disagree on
// name order).
func rsFams(as []parse.Author) []string {
	if len(as) == 0 {
		return nil
	}
	a := as[0]
	words := strings.Fields(parse.Fold(a.Family))
	f := rsNameKey(words)
	if f == "" || f == "anonymous" || f == "anon" {
		return nil
	}
	out := []string{f}
	for len(words) > 1 && rsParticle[words[0]] {
		words = words[1:]
	}
	if g := rsNameKey(words); g != f {
		out = append(out, g)
	}
	// an unsplit full name ("Weller Dieter", "Dieter Weller"): either end
	if len(words) >= 2 && a.Given == "" {
		for _, w := range []string{words[0], words[len(words)-1]} {
			if g := rsNameKey([]string{w}); len(g) >= 2 && !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
	}
	if g := rsNameKey(strings.Fields(parse.Fold(a.Given))); len(g) >= 3 && !slices.Contains(out, g) &&
		!strings.Contains(a.Given, ".") && strings.ToUpper(a.Given) != a.Given {
		out = append(out, g)
	}
	return out
}

// rsCitedFam returns the key under which WoS cites a record's first author
// whose family name has several words, with the given name written out:
// the last word, the others turned into initials ("Neto JGD" for "Duarte
// Neto, Joao Guerra", "Silva DFD" for "de Lima Silva, Diogo Ferreira");
// "" for other names. (Hyphenated names are cited whole.)
func rsCitedFam(as []parse.Author) string {
	if len(as) == 0 || len(as[0].Given) < 2 || strings.ToUpper(as[0].Given) == as[0].Given {
		return ""
	}
	words := strings.Fields(as[0].Family)
	if len(words) < 2 {
		return ""
	}
	last := parse.Fold(words[len(words)-1])
	if k := rsNameKey([]string{last}); len(k) >= 3 && !rsParticle[last] && !strings.Contains(last, " ") {
		return k
	}
	return ""
}

// rsInitials returns the folded initials of the first author's given
// names: "J.-P.", "JP", "Jean-Pierre" and "Jean Pierre" all give "jp"; a
// short word in capitals is a run of initials ("MEJ" gives "mej").
func rsInitials(as []parse.Author) string {
	if len(as) == 0 || as[0].Given == "" {
		return ""
	}
	var b []byte
	for _, w := range strings.FieldsFunc(as[0].Given, func(c rune) bool { return c == ' ' || c == '.' || c == '-' || c == ',' }) {
		f := parse.Fold(w)
		if f == "" || f[0] >= 0x80 {
			continue
		}
		if len(w) <= 3 && strings.ToUpper(w) == w && !strings.ContainsRune(f, ' ') {
			for k := 0; k < len(f); k++ {
				if c := f[k]; c >= 'a' && c <= 'z' {
					b = append(b, c)
				}
			}
			continue
		}
		b = append(b, f[0])
	}
	return string(b)
}

// rsInitialsAgree reports whether two first authors' initials can be one
// person's: one is the other's start ("J" and "JB"), or one is unknown.
func rsInitialsAgree(a, b string) bool {
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// rsNameKey joins the folded words of a name into one comparison word,
// umlaut transliterations undone.
func rsNameKey(words []string) string {
	return rsUmlaut.Replace(strings.Join(words, ""))
}

// rsNameNear reports whether two different name keys may still be one
// name: one letter apart ("Kelly" and "Kelley"), or one the other cut at
// eight letters, as early WoS cited references wrote them ("GRANOVET.MS").
func rsNameNear(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 8 && strings.HasPrefix(b, a) {
		return true
	}
	return len(a) >= 4 && rsEditWithin(a, b, 1) <= 1
}

// rsUmlaut undoes the German transliteration of umlauts, which Fold reduces
// to the base letter: "Guenther" meets "Günther" and "Gunther".
var rsUmlaut = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")

var rsParticle = map[string]bool{"van": true, "von": true, "de": true, "der": true, "den": true, "da": true,
	"del": true, "della": true, "di": true, "du": true, "la": true, "le": true, "ten": true, "ter": true, "dos": true,
	"das": true, "do": true, "st": true}

// rsVolume keeps the volume's number-like core: "V48" and "Vol. 48" are "48".
func rsVolume(s string) string {
	s = parse.Fold(s)
	s = strings.TrimPrefix(s, "vol ")
	s = strings.TrimPrefix(s, "volume ")
	if len(s) > 1 && s[0] == 'v' && s[1] >= '0' && s[1] <= '9' {
		s = s[1:]
	}
	if i := strings.IndexByte(s, ' '); i > 0 {
		s = s[:i]
	}
	return strings.TrimLeft(s, "0")
}

// rsWeakPage reports whether a first page says little: page 1 begins a
// volume of many journals and every article of some (Scopus writes IEEE
// and MDPI articles "pp. 1-12"), so it neither keys nor contradicts.
func rsWeakPage(p string) bool { return p == "1" }

// rsFirstPage returns the first page of a page range, folded: "P8574",
// "pp. 8574-8580" and "8574–80" all give "8574"; a letter before the
// digits is dropped ("R199" gives "199"), and so is the page digit of an
// article number written as a range ("0476011-0476014" gives "47601").
func rsFirstPage(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	s = strings.ToLower(s)
	for _, p := range []string{"pp.", "pp", "p.", "p"} {
		if strings.HasPrefix(s, p) && len(s) > len(p) && (s[len(p)] == ' ' || s[len(p)] >= '0' && s[len(p)] <= '9') {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	isPart := func(c rune) bool {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c > 127 && c != '–' && c != '—'
	}
	first, rest := s, ""
	if end := strings.IndexFunc(s, func(c rune) bool { return !isPart(c) }); end >= 0 {
		first, rest = s[:end], strings.TrimLeft(s[end:], " -–—")
	}
	// "0476011-0476014": pages 1 to 4 of article 047601 (APS, as Scopus
	// writes it); "08KB041-08KB045", "7B7281-7B7283" likewise
	if len(first) >= 6 && len(rest) >= len(first) && first[len(first)-1] == '1' &&
		rest[:len(first)-1] == first[:len(first)-1] && (venueIsDigits(first) || strings.IndexAny(first, "0123456789") >= 0) {
		first = first[:len(first)-1]
	}
	// "R199", "e1003", "S12" against "199", "1003", "12": the digits decide
	if i := strings.IndexAny(first, "0123456789"); i > 0 && venueIsDigits(first[i:]) {
		first = first[i:]
	}
	return strings.TrimLeft(first, "0")
}

// rsRecordDOI normalises the DOI of a record (a paper of the corpus). A
// record's own DOI field is not a cut reference string, so one without a
// digit after its prefix ("10.1234/evil") still names the paper; journal,
// issue and cut SICI DOIs are still not used.
func rsRecordDOI(s string) string {
	if d := rsDOI(s, ""); d != "" {
		return d
	}
	d := parse.NormalizeDOI(s)
	if d == "" || strings.Contains(d, "(issn)") || strings.Contains(d, ".issue-") || strings.Contains(d, "(sici)") {
		return ""
	}
	return d
}
