package parse

import (
	"regexp"
	"strings"
)

// authorIndex returns the index in authors of the person a source names
// next to an address ("Aria, Massimo", "Aria M."), or -1: the author with
// the same folded family and given names, else the one whose family and
// given names, in that order, are the name written without a comma, else
// the first with the same family name and first initial (or no given name
// on either side).
func authorIndex(authors []Author, name string) int {
	p := ParseName(name)
	fam, giv := Fold(p.Family), Fold(p.Given)
	if fam == "" {
		return -1
	}
	for i, a := range authors {
		if Fold(a.Family) == fam && Fold(a.Given) == giv {
			return i
		}
	}
	// a name written family first without a comma ("Wang Ying" for the
	// author read as Wang, Ying)
	if whole := Fold(strings.Join(strings.Fields(name), " ")); !strings.Contains(name, ",") {
		for i, a := range authors {
			if a.Given != "" && Fold(a.Family+" "+a.Given) == whole {
				return i
			}
		}
	}
	for i, a := range authors {
		if Fold(a.Family) != fam {
			continue
		}
		if gi, pi := initial(a.Given), initial(p.Given); gi != 0 && pi != 0 && gi != pi {
			continue
		}
		return i
	}
	return -1
}

// initial returns the first letter of a given name, folded, or 0.
func initial(given string) rune {
	for _, r := range Fold(given) {
		return r
	}
	return 0
}

var (
	// addrEmailRe matches e-mail addresses and PubMed's "Electronic
	// address:" before one.
	addrEmailRe = regexp.MustCompile(`(?i)(?:electronic address:\s*)?\S+@\S+|\b(?:electronic address|e-?mail)\b\s*:?`)
	// addrNoteRe matches a parenthesised note closing an address: the
	// initials of its authors "(JA)", "(Drs Smith and Jones)".
	addrNoteRe = regexp.MustCompile(`\s*\([^()]*\)\s*[.;]?\s*$`)
	// addrPostcodeRe matches a Canadian province code with an optional
	// postal code ("ON K1A 0R6").
	addrProvinceRe = regexp.MustCompile(`^([A-Z]{2,3})(?: [A-Z]\d[A-Z] ?\d[A-Z]\d)?$`)
	// addrStateZipRe matches a US state code with an optional ZIP code, as
	// the last part of an address with no country ("TN 37830").
	addrStateZipRe = regexp.MustCompile(`^([A-Z]{2})(?: \d{5}(?:-\d{4})?)?$`)
	// addrZipRe matches a trailing US ZIP code ("Georgia 30602").
	addrZipRe = regexp.MustCompile(`\s+\d{5}(?:[-‐]\d{4})?$`)
)

// addressParts cleans an address (e-mails, trailing punctuation) and splits
// it at commas.
func addressParts(raw string) []string {
	s := raw
	if mayHoldEmail(s) {
		s = addrEmailRe.ReplaceAllString(s, "")
	}
	if s = strings.TrimSpace(s); strings.Contains(s, ")") {
		s = addrNoteRe.ReplaceAllString(s, "")
	}
	var parts []string
	for _, p := range strings.Split(s, ",") {
		p = strings.Trim(CleanSpace(p), " .;:")
		switch {
		case p == "":
		case len(parts) > 0 && addrCorpSuffix[Fold(p)]:
			parts[len(parts)-1] += ", " + p // "Geron, Inc"
		default:
			parts = append(parts, p)
		}
	}
	return parts
}

// mayHoldEmail reports whether addrEmailRe can match s, which needs an "@",
// "mail" or "electronic" (any case): most addresses hold none, and the
// test costs far less than the regexp.
func mayHoldEmail(s string) bool {
	return strings.IndexByte(s, '@') >= 0 || containsFoldASCII(s, "mail") || containsFoldASCII(s, "electronic")
}

// containsFoldASCII reports whether s contains sub (lower-case ASCII
// letters whose only case variants are ASCII) in any case.
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i]|0x20 != sub[0] {
			continue
		}
		j := 1
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// addrCorpSuffix are the legal forms that follow a company's name after a
// comma ("Osteoarthritis Sciences, Inc.").
var addrCorpSuffix = map[string]bool{"inc": true, "ltd": true, "llc": true, "co": true, "corp": true,
	"gmbh": true, "ag": true, "sa": true, "s a": true, "plc": true, "bv": true, "b v": true, "srl": true,
	"spa": true, "s p a": true, "ab": true, "as": true, "oy": true, "kk": true, "pty ltd": true, "co ltd": true}

// addressCountry returns the country named by the last parts of an address
// and how many parts, from the end, it took (0 when none).
func addressCountry(parts []string) (string, int) {
	for k := 1; k <= 2 && k <= len(parts); k++ {
		p := parts[len(parts)-k]
		if c := partCountry(p, len(parts) > 1); c != "" {
			return c, k
		}
	}
	return "", 0
}

// partCountry finds the country in one part of an address: the part
// itself ("Peoples R China"), its last words after a postal code ("CA
// 94720 USA", "I-80126 Naples Italy" is not one), or a US state ("MA
// 02115", "Georgia 30602", "Missouri"); several is whether the address
// has other parts (a bare "GA" alone is not taken for a state).
func partCountry(p string, several bool) string {
	// a state code before ISO codes: "MA" ends Boston addresses more
	// often than Moroccan ones
	if m := addrStateZipRe.FindStringSubmatch(p); m != nil && several && usStateCode[m[1]] {
		return "United States"
	}
	if c := Country(p); c != "" {
		return c
	}
	if addrZipRe.MatchString(p) {
		if name := addrZipRe.ReplaceAllString(p, ""); usStateName[Fold(name)] {
			return "United States"
		}
	}
	words := strings.Fields(p)
	for n := min(3, len(words)-1); n >= 1; n-- {
		tail := strings.Join(words[len(words)-n:], " ")
		if strings.ContainsAny(tail, "0123456789") {
			continue
		}
		if c := Country(tail); c != "" {
			return c
		}
	}
	if usStateName[Fold(p)] && Fold(p) != "georgia" {
		return "United States"
	}
	if m := addrProvinceRe.FindStringSubmatch(p); m != nil && several && caProvince[m[1]] || caProvince[Fold(p)] {
		return "Canada"
	}
	return ""
}

// ParseAddress reads a free-text address, "Department of X, University of
// Y, City, Country", as Scopus, Crossref, PubMed and RIS give them: the
// country from its last parts, the organisation from the others (see
// orgPart).
func ParseAddress(raw string) Affiliation {
	raw = CleanSpace(raw)
	parts := addressParts(raw)
	a := Affiliation{Raw: strings.TrimRight(raw, " .;,")}
	if len(parts) == 0 {
		return Affiliation{}
	}
	var k int
	a.Country, k = addressCountry(parts)
	a.Organization = orgPart(parts[:len(parts)-k])
	return a
}

// parseWoSAddress reads an address of a WoS C1 field (names removed): the
// organisation is its first part, as WoS writes it.
func parseWoSAddress(raw string) Affiliation {
	raw = CleanSpace(raw)
	parts := addressParts(raw)
	if len(parts) == 0 {
		return Affiliation{}
	}
	a := Affiliation{Raw: strings.TrimRight(raw, " .;,")}
	a.Country, _ = addressCountry(parts)
	if len(parts) > 1 || a.Country == "" {
		a.Organization = parts[0]
	}
	return a
}

// orgWords mark the part of an address that names an institution, by rank:
// a university (3) before another institution (2) before any other part
// (1); a unit inside an institution (0, the words it starts with) comes
// last. Words of four letters or more also match as prefixes ("univ"
// matches "universite"); shorter ones only whole.
var orgWords = []struct {
	rank  int
	words []string
}{
	{0, []string{"department", "dept", "division", "div", "faculty", "fac", "unit", "section", "sect", "program",
		"programme", "group", "chair", "service", "departamento", "departament", "dipartimento", "abteilung",
		"lehrstuhl", "key lab", "key laboratory", "state key", "grad sch", "graduate school", "sch", "school of",
		"college of", "po box", "mail stop", "cedex"}},
	{3, []string{"univ", "universit", "universidad", "universidade", "universita", "universitat", "universiteit",
		"uniwersytet", "polytechnic", "politecnico", "polytech", "eth", "epfl", "mit", "caltech", "coll",
		"college", "institute of technology", "inst technol", "ecole", "hochschule"}},
	{2, []string{"inst", "institute", "institut", "instituto", "istituto", "hosp", "hospital", "clinic", "ctr",
		"center", "centre", "centro", "lab", "laboratory", "laboratories", "laboratoire", "acad", "academy",
		"academia", "akad", "fdn", "foundation", "fundacion", "council", "agency", "ministry", "corp",
		"company", "inc", "ltd", "gmbh", "museum", "observatory", "consortium", "cnrs", "inserm", "csic",
		"cnr", "infn", "nasa", "natl", "national", "organization", "organisation", "bank", "research",
		"survey", "authority", "society"}},
}

// orgWordForms are the words of orgWords as orgRank and orgNameRank test
// them, built once: for units, the word and the word followed by a space;
// for institutions, each word with its rank, listed under its first byte.
var orgWordForms = func() (f struct {
	units, unitPrefixes []string
	names               [256][]orgName
}) {
	for _, w := range orgWords[0].words {
		f.units = append(f.units, w)
		f.unitPrefixes = append(f.unitPrefixes, w+" ")
	}
	for _, g := range orgWords[1:] {
		for _, w := range g.words {
			f.names[w[0]] = append(f.names[w[0]], orgName{w, g.rank})
		}
	}
	return f
}()

// orgName is an institution word of orgWords and its rank.
type orgName struct {
	word string
	rank int
}

// orgRank returns the rank of one part p of an address (see orgWords),
// given fold, Fold(p): a unit when the folded words begin with a unit word.
func orgRank(p, fold string) int {
	for i, w := range orgWordForms.units {
		if fold == w || strings.HasPrefix(fold, orgWordForms.unitPrefixes[i]) {
			return 0
		}
	}
	r := orgNameRank(fold)
	if r == 1 && strings.ContainsAny(p, "0123456789") {
		return 0 // a street, a postal code
	}
	return r
}

// orgNameRank returns the highest rank of the institution words in a
// part of an address, given folded (Fold): 3, 2, or 1 when it has none.
func orgNameRank(fold string) int {
	best := 1
	// each word of fold (single-spaced, in lower case) against the
	// institution words it begins with: whole, or as a prefix for words
	// of four letters or more
	for i := 0; i < len(fold); i++ {
		if i > 0 && fold[i-1] != ' ' {
			continue
		}
		for _, n := range orgWordForms.names[fold[i]] {
			end := i + len(n.word)
			if n.rank > best && strings.HasPrefix(fold[i:], n.word) && (len(n.word) >= 4 || end == len(fold) || fold[end] == ' ') {
				if best = n.rank; best == 3 {
					return best
				}
			}
		}
	}
	return best
}

// orgPart picks the organisation among the parts of an address that are
// not its country: the institution of highest rank (see orgWords), and
// among those of the same rank the last, since addresses go from the
// smallest unit to the largest ("Center for X, Institute of Y, Chinese
// Academy of Z"); else a unit that names a university ("College of William
// and Mary"); else the first other part.
func orgPart(parts []string) string {
	best, rank := "", -1
	unit, other := "", ""
	for _, p := range parts {
		fold := Fold(p)
		r := orgRank(p, fold)
		switch {
		case r >= 2 && r >= rank:
			best, rank = p, r
		case r == 0 && unit == "" && orgNameRank(fold) == 3:
			unit = p
		case r == 1 && other == "":
			other = p
		}
	}
	switch {
	case best != "":
		return best
	case unit != "":
		return unit
	case other != "":
		return other
	case len(parts) > 0:
		return parts[0]
	}
	return ""
}

// splitWoSAddresses splits a WoS C1 value into its addresses, each with
// the names in its brackets: "[A; B] Org, City, Country.; [C] Org2, …"
// (tab-delimited exports put all of a record's addresses in one cell) or,
// in old records without names, "Org, City, Country.; Org2, …".
func splitWoSAddresses(v string) (addrs []string, names [][]string) {
	v = strings.TrimSpace(v)
	for v != "" {
		var names1 []string
		if strings.HasPrefix(v, "[") {
			if end := strings.Index(v, "]"); end > 0 {
				for _, n := range strings.Split(v[1:end], ";") {
					if n = strings.TrimSpace(n); n != "" {
						names1 = append(names1, n)
					}
				}
				v = strings.TrimSpace(v[end+1:])
			}
		}
		addr := v
		next := strings.Index(v, "; [")
		if next < 0 && !strings.HasPrefix(strings.TrimSpace(v), "[") && len(names1) == 0 {
			next = strings.Index(v, "; ")
		}
		if next >= 0 {
			addr, v = v[:next], strings.TrimSpace(v[next+1:])
		} else {
			v = ""
		}
		if addr = strings.TrimSpace(addr); addr != "" {
			addrs = append(addrs, addr)
			names = append(names, names1)
		}
	}
	return addrs, names
}

// addWoSAddresses reads the C1 values of a WoS record (plain text, tab-
// delimited or the BibTeX export's Affiliation lines) into r.Affiliations,
// linking the named authors.
func addWoSAddresses(r *Record, vals []string) {
	for _, v := range vals {
		addrs, names := splitWoSAddresses(v)
		for i, addr := range addrs {
			a := parseWoSAddress(addr)
			if len(names[i]) == 0 {
				r.AddAffiliation(a, -1)
			}
			for _, n := range names[i] {
				r.AddAffiliation(a, authorIndex(r.Authors, n))
			}
		}
	}
}

// addAddresses reads free-text addresses, separated by ";", into
// r.Affiliations for the author at index author (-1: none).
func addAddresses(r *Record, v string, author int) {
	for _, p := range strings.Split(v, ";") {
		if p = strings.TrimSpace(p); p != "" {
			r.AddAffiliation(ParseAddress(p), author)
		}
	}
}
