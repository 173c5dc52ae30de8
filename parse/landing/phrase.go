package landing

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/parse/model"
)

// lpAuthorWords are the words that name the authors in a label phrase
// ("автор научной работы — …", "Authors of this article: …"), lower case.
var lpAuthorWords = map[string]bool{
	"author": true, "authors": true, "author(s)": true, "autor": true, "autoren": true, "autores": true,
	"auteur": true, "auteurs": true, "autori": true, "автор": true, "авторы": true, "автори": true,
	"авторов": true, "автора": true, "著者": true, "作者": true, "저자": true,
}

// lpAuthorPhrase reads a line where a phrase naming the authors runs into
// a separator and the names: "… , автор научной работы — Фролова Е. В.",
// "Authors of this paper: Jane Roe, John Poe". The author word must be one
// of the last four words before the separator (a colon or a spaced dash),
// within the first 120 characters, and the rest must read as names.
func lpAuthorPhrase(t string) (string, bool) {
	sep, w := -1, 0
	for _, s := range []string{": ", " — ", " – ", " - ", "："} {
		if i := strings.Index(t, s); i > 0 && (sep < 0 || i < sep) {
			sep, w = i, len(s)
		}
	}
	if sep < 0 || utf8.RuneCountInString(t[:sep]) > 120 {
		return "", false
	}
	head := strings.Fields(t[:sep])
	if k := strings.LastIndexByte(t[:sep], ','); k >= 0 {
		head = strings.Fields(t[k+1 : sep]) // the phrase after the last comma
	}
	if len(head) == 0 || len(head) > 4 || !lpAuthorWords[strings.ToLower(strings.Trim(head[0], ".,;"))] {
		return "", false
	}
	val := strings.TrimSpace(t[sep+w:])
	if val == "" || utf8.RuneCountInString(val) > 300 {
		return "", false
	}
	if _, ok := lpAuthors(val); !ok {
		return "", false
	}
	return val, true
}

// lpInlineAffilNames reads a byline in which each author's affiliation
// follows the names on the same line: "A. Roe, J. Poe Institute of
// Things, Town, Land    K. Doe Department of …", "Jane Roe 0000-0001-…
// University of X jane@x.org and John Poe University of Y". The line falls
// into groups at runs of spaces and " and "; in each group the names are
// the comma-separated pieces up to the first one in which a name runs into
// an affiliation, an ORCID or an e-mail address, whose name is the last.
// It returns nil unless at least one such affiliation was cut off.
func lpInlineAffilNames(t string) []model.Author {
	var out []model.Author
	cut := false
	for _, g := range lpGroupRe.Split(t, -1) {
		pieces := strings.Split(g, ",")
		for j, p := range pieces {
			ws := strings.Fields(p)
			if len(ws) == 0 {
				continue
			}
			if len(ws) <= 4 && lpNameWords(ws, false) && !lpAffiliation(p) {
				out = append(out, model.ParseName(strings.Join(ws, " ")))
				continue
			}
			k := lpNameBeforeAffil(ws, strings.Join(pieces[j+1:], ","))
			if k == 0 {
				if len(out) == 0 {
					return nil // the line does not open with names
				}
				break
			}
			out = append(out, model.ParseName(strings.Join(ws[:k], " ")))
			cut = true
			break // the rest of the group is the affiliation
		}
	}
	if !cut {
		return nil
	}
	return out
}

var (
	lpGroupRe = regexp.MustCompile(`\s{3,}|\s+and\s+`)
	lpORCIDRe = regexp.MustCompile(`^\d{4}-\d{4}-\d{4}-\d{3}[\dX]`)
)

// lpNameBeforeAffil returns how many of the first words (two to four) form
// a name that an affiliation, ORCID or e-mail address follows, or 0.
// tail is the rest of the group after these words' piece.
func lpNameBeforeAffil(ws []string, tail string) int {
	for k := 2; k <= 4 && k < len(ws); k++ {
		if !lpNameWords(ws[:k], false) {
			continue
		}
		next := ws[k]
		if lpORCIDRe.MatchString(next) || strings.Contains(next, "@") || lpAffiliation(strings.Join(ws[k:], " ")+", "+tail) {
			return k
		}
	}
	return 0
}
