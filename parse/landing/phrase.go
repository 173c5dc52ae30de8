package landing

import (
	"strings"
	"unicode/utf8"
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
