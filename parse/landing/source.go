package landing

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/parse/model"
)

// This file reads source lines: the line of a page that says where the
// work appeared, in any of the forms sites print it, e.g.
//
//	Journal of Things. 2019 Mar 23;14(2):41-50. doi: 10.5555/x
//	Journal of Things 2019;14(2):41-50.
//	Journal of Things, 2019, 14(2): 41-50
//	Journal of Things 14(2): 41-50 (2019)
//	Journal of Things, 2019, T. 14, № 2, стр. 41-50
//	2019, v.14 no.2, pp.41-50
//	vol.14, no.2, pp.41-50, 2019-03-23
//	Volume 14, Issue 2, March 2019, Pages 41-50
//	J. Things, 2019,14, 41-50
//
// Numbers are told apart by their markers (vol., no., №, pp., с. …) and,
// without markers, by the punctuation of the common styles: "14(2)" is
// volume and issue, ";14:" volume before pages, a range is pages.

var (
	srcYearRe     = regexp.MustCompile(`(?:^|[^\d])((?:1[5-9]|20)\d\d)(?:$|[^\d])`)
	srcVolRe      = regexp.MustCompile(`(?i)(?:^|[\s,;.(])(?:vol(?:ume)?\.?|v\.|т\.|t\.|tom\.?|том|band|bd\.|jg\.|jahrg\.|volum)\s*(\d{1,5}[a-z]?)\b`)
	srcIssueRe    = regexp.MustCompile(`(?i)(?:(?:^|[\s,;.(])(?:no\.?|nos\.?|issue|iss\.|número|numero|nr\.?|heft|вып\.|вип\.|n°|nº|n\.)|№)\s*(\d{1,5}[a-z]?(?:\s*\(\d{1,5}\))?(?:[-/–]\d{1,5})?)`)
	srcPagesRe    = regexp.MustCompile(`(?i)(?:^|[\s,;.(:])(?:pp?\.|pages?|páginas?|pàgines|seiten|s\.|с\.|стр\.|c\.)\s*([A-Za-z]?\d{1,6}[A-Za-z]?(?:\s*[-–—‐]\s*[A-Za-z]?\d{1,6}[A-Za-z]?)?)`)
	srcVolIssRe   = regexp.MustCompile(`(?:^|[\s,;:])(\d{1,5})\s*\(\s*([^()]{1,12}?)\s*\)`)
	srcColonRe    = regexp.MustCompile(`(?:\)|\b\d{1,5})\s*:\s*([A-Za-z]?\d{1,6}[A-Za-z]?(?:\s*[-–—‐]\s*[A-Za-z]?\d{1,6}[A-Za-z]?)?)`)
	srcSemiRe     = regexp.MustCompile(`;\s*(\d{1,5})\s*:\s*([A-Za-z]?\d{1,6}(?:\s*[-–—‐]\s*[A-Za-z]?\d{1,6})?)`)
	srcRangeRe    = regexp.MustCompile(`(?:^|[\s,;:])([A-Za-z]?\d{1,6}\s*[-–—‐]\s*[A-Za-z]?\d{1,6})(?:$|[\s,;.)])`)
	srcYearNumRe  = regexp.MustCompile(`(?:^|[\s,])(?:1[5-9]|20)\d\d\s*,\s*(\d{1,4})\s*,\s*([A-Za-z]?\d{1,6}(?:\s*[-–—‐]\s*[A-Za-z]?\d{1,6})?)\b`)
	srcMarkerRe   = regexp.MustCompile(`(?i)(?:^|[\s,;.(])(?:vol(?:ume)?\.?|v\.|т\.|t\.|no\.|issue|№|pp?\.|pages?|с\.|стр\.)\s*\d|\d{1,5}\s*\([^()]{1,12}\)\s*[:,]|;\s*\d{1,5}\s*[:(]|\d\s*:\s*\d`)
	srcDashRe     = regexp.MustCompile(`\s*[-–—‐‑−]\s*`)
	srcInitialRe  = regexp.MustCompile(`\s\p{Lu}{1,2}\.?(?:,|\s*\(|\s*$)|\bet al\b|\s\p{Lu}\.\s*\p{Lu}\.`)
	srcLeadRe     = regexp.MustCompile(`^[\s.,;:·|]+`)
	srcLeadYearRe = regexp.MustCompile(`^((?:1[5-9]|20)\d\d)\s*,\s*\p{L}`)
)

// srcDOIStart finds where a marked DOI ("doi: 10.…", "doi 10.…",
// "https://doi.org/10.…") starts in t, with the spaces and punctuation
// before it, or returns -1.
func srcDOIStart(t string) int {
	for from := 0; ; {
		i := strings.Index(t[from:], "10.")
		if i < 0 {
			return -1
		}
		i += from
		from = i + 3
		if !srcDOIBody(t[i+3:]) {
			continue
		}
		// the marker before "10."
		lt := strings.ToLower(t[:i])
		var m int
		switch {
		case strings.HasSuffix(lt, "doi.org/"):
			m = len(lt) - len("doi.org/")
			if strings.HasSuffix(lt[:m], "dx.") {
				m -= 3
			}
			switch {
			case strings.HasSuffix(lt[:m], "https://"):
				m -= len("https://")
			case strings.HasSuffix(lt[:m], "http://"):
				m -= len("http://")
			default:
				continue
			}
		default:
			k := len(strings.TrimRight(lt, " \t"))
			if k > 0 && lt[k-1] == ':' {
				k = len(strings.TrimRight(lt[:k-1], " \t"))
			}
			if !strings.HasSuffix(lt[:k], "doi") {
				continue
			}
			m = k - 3
		}
		for m > 0 && strings.IndexByte(" \t.,;", t[m-1]) >= 0 {
			m--
		}
		return m
	}
}

// srcDOIBody reports whether s, what follows "10.", goes on as a DOI: 4 to 9
// digits, a slash and a character that is not a space.
func srcDOIBody(s string) bool {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n < 4 || n > 9 || n+1 >= len(s) || s[n] != '/' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[n+1:])
	return !unicode.IsSpace(r)
}

// lpSource reads a source line into fields, or returns nil when t is not
// one. It needs numbers of two kinds (year, volume, issue, pages) and a
// venue or a marker that says what the numbers are.
func lpSource(t string) []lpField {
	if utf8.RuneCountInString(t) > 220 || !strings.ContainsAny(t, "0123456789") || lpIsProse(t) {
		return nil
	}
	var out []lpField
	add := func(k, v string) {
		if v = strings.TrimSpace(v); v != "" && !lpHasKey(out, k) {
			if k == "pages" {
				v = lpDashRe.ReplaceAllString(v, "-")
			}
			out = append(out, lpField{key: k, val: v, rank: 1})
		}
	}
	body := srcLeadRe.ReplaceAllString(t, "")
	if at := srcDOIStart(body); at >= 0 {
		if d := model.FindDOI(body[at:]); d != "" {
			add("doi", d)
		}
		body = body[:at]
	}
	body = strings.TrimRight(body, " .;,")
	// "2016, Journal of Things, № 1": a year before the venue
	lead := ""
	if m := srcLeadYearRe.FindStringSubmatch(body); m != nil {
		lead, body = m[1], body[len(m[0])-utf8.RuneLen([]rune(m[0])[len([]rune(m[0]))-1]):]
	}
	// a quick refusal before the regular expressions: what precedes the
	// first number reads as a list of names, not a venue ("Roe J, Poe J (2001)")
	if i := strings.IndexAny(body, "0123456789"); i > 0 {
		if pre := body[:i]; srcInitialRe.MatchString(pre) {
			return nil
		}
	}
	// the venue: the text before the first number or marker
	cut := len(body)
	if loc := srcMarkerRe.FindStringIndex(body); loc != nil {
		cut = loc[0]
	}
	if i := strings.IndexAny(body, "0123456789"); i >= 0 && i < cut {
		cut = i
	}
	venue := strings.TrimRight(strings.TrimSpace(body[:cut]), " ,.;:(")
	rest := body[cut:]
	marked := srcMarkerRe.MatchString(body)
	if venue != "" && !srcVenueName(venue) {
		return nil
	}
	if m := srcVolRe.FindStringSubmatch(rest); m != nil {
		add("volume", m[1])
	}
	if m := srcIssueRe.FindStringSubmatch(rest); m != nil {
		add("issue", m[1])
	}
	if m := srcPagesRe.FindStringSubmatch(rest); m != nil {
		add("pages", m[1])
	}
	if m := srcSemiRe.FindStringSubmatch(rest); m != nil {
		add("volume", m[1])
		add("pages", m[2])
	}
	for _, m := range srcVolIssRe.FindAllStringSubmatch(rest, -1) {
		if model.ParseYear(m[1]) != 0 && len(m[1]) == 4 && !lpHasKey(out, "volume") && strings.Contains(rest, m[1]+" (") {
			continue // "2019 (Released …)"
		}
		if ft := strings.ToLower(m[2]); strings.Contains(ft, "released") || srcYearRe.MatchString(m[2]) && len(m[2]) > 4 {
			continue
		}
		add("volume", m[1])
		add("issue", m[2])
		break
	}
	if m := srcYearNumRe.FindStringSubmatch(rest); m != nil && !lpHasKey(out, "volume") {
		add("volume", m[1])
		add("pages", m[2])
	}
	if !lpHasKey(out, "pages") {
		if m := srcColonRe.FindStringSubmatch(rest); m != nil {
			add("pages", m[1])
		}
	}
	if !lpHasKey(out, "pages") {
		for _, m := range srcRangeRe.FindAllStringSubmatch(rest, -1) {
			if r := m[1]; !srcYearRange(r) {
				add("pages", r)
				break
			}
		}
	}
	if lead != "" {
		add("pubdate", lead)
	}
	for _, m := range srcYearRe.FindAllStringSubmatchIndex(rest, -1) {
		// a year, not one end of a range of years ("1990-2010")
		y := rest[m[2]:m[3]]
		if r := srcRangeRe.FindString(rest[max(0, m[2]-6):min(len(rest), m[3]+6)]); r != "" && srcYearRange(strings.Trim(r, " ,;:.)")) {
			continue
		}
		add("pubdate", y)
		break
	}
	n := 0
	for _, k := range []string{"pubdate", "volume", "issue", "pages"} {
		if lpHasKey(out, k) {
			n++
		}
	}
	if n < 2 || (venue == "" && !marked) {
		return nil
	}
	if venue != "" {
		out = append([]lpField{{key: "venue", val: venue, rank: 1}}, out...)
	}
	return out
}

// srcYearRange reports whether a range is of years ("1990-2010"), not pages.
func srcYearRange(r string) bool {
	parts := srcDashRe.Split(r, 2)
	return len(parts) == 2 && len(strings.TrimSpace(parts[0])) == 4 && model.ParseYear(parts[0]) != 0 &&
		len(strings.TrimSpace(parts[1])) == 4 && model.ParseYear(parts[1]) != 0
}

// srcVenueName reports whether s can be the name of a journal or book:
// short, starting with a letter that is no lower-case one, without sentence
// punctuation, not a label or a date word.
func srcVenueName(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 160 || strings.ContainsAny(s, "?!") || model.CountWords(s) > 18 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) || unicode.IsLower(r) {
		return false
	}
	ls := strings.ToLower(s)
	if lpMonths[ls[:min(3, len(ls))]] && model.CountWords(s) <= 2 {
		return false
	}
	if _, ok := lpLabels[lpNormLabel(s)]; ok {
		return false
	}
	return true
}
