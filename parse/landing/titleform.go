package landing

import (
	"github.com/citegraph/citegraph/parse/model"

	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Forms of a title line that carry more than the title: a running head
// with the authors' names, a CJK title glued to its translation.

// lpHeadNameRe is one family name of a running head: a capitalised Latin
// word, or one to three CJK characters.
var lpHeadNameRe = regexp.MustCompile(`^(?:\p{Lu}[\p{Ll}'’-]+|[\p{Han}\p{Hangul}]{1,3})$`)

// lpRunningHead splits a running head "Names: Title" into its names and
// its title. Only forms that no title takes count: names ending in "et
// al." ("Roe et al.: Title"), or the same family names given in two
// scripts ("이, 박, Lee, and Park: Title"), of which the Latin ones are
// returned. ok is false for any other line.
func lpRunningHead(t string) (names []string, title string, ok bool) {
	k := strings.IndexAny(t, ":：")
	if k <= 0 {
		return nil, "", false
	}
	head, title := t[:k], strings.TrimSpace(strings.TrimLeft(t[k:], ":："))
	if model.CountWords(title) < 3 && utf8.RuneCountInString(title) < 8 {
		return nil, "", false
	}
	if h, ok := strings.CutSuffix(strings.TrimSpace(head), " et al."); ok && lpHeadNameRe.MatchString(h) {
		return nil, title, true
	}
	var latin, cjk []string
	for _, p := range strings.Split(head, ",") {
		p = strings.TrimSpace(p)
		p = strings.TrimSpace(strings.TrimPrefix(p, "and "))
		if a, b, ok := strings.Cut(p, " and "); ok {
			if !lpHeadNameRe.MatchString(a) || !lpHeadNameRe.MatchString(strings.TrimSpace(b)) {
				return nil, "", false
			}
			latin = append(latin, a)
			p = strings.TrimSpace(b)
		}
		if !lpHeadNameRe.MatchString(p) {
			return nil, "", false
		}
		if lpCJK(p) {
			cjk = append(cjk, p)
		} else {
			latin = append(latin, p)
		}
	}
	if len(latin) == 0 || len(latin) != len(cjk) {
		return nil, "", false
	}
	return latin, title, true
}

// lpGluedTranslation returns the first version of a title given in two
// languages glued without a space, a CJK title then its Latin translation
// ("数え上げの研究A Study of Counting"), or t itself.
func lpGluedTranslation(t string) string {
	prev := rune(0)
	for k, r := range t {
		if unicode.IsUpper(r) && r < 0x250 && unicode.In(prev, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			head, tail := t[:k], t[k:]
			if utf8.RuneCountInString(head) >= 4 && lpCJK(head) && model.CountWords(tail) >= 3 && !lpCJK(tail) {
				return head
			}
		}
		prev = r
	}
	return t
}
