package freetext

import (
	"encoding/json"
	"encoding/xml"
	"github.com/citegraph/citegraph/parse/internal/corpora"
	"github.com/citegraph/citegraph/parse/model"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// ftEvalSeq is one labelled reference of the AnyStyle training set: its
// segments in order, each with its label.
type ftEvalSeq struct {
	Parts []struct {
		XMLName xml.Name
		Text    string `xml:",chardata"`
	} `xml:",any"`
}

// ftLoadEval reads the AnyStyle core set, skipping the test when the corpora
// are absent.
func ftLoadEval(t testing.TB) []ftEvalSeq {
	t.Helper()
	f, err := os.Open(corpora.File(t, "refstrings/anystyle_core.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ds struct {
		Seqs []ftEvalSeq `xml:"sequence"`
	}
	if err := xml.NewDecoder(f).Decode(&ds); err != nil {
		t.Fatal(err)
	}
	return ds.Seqs
}

// raw rebuilds the reference string: the segments joined with spaces.
func (q ftEvalSeq) raw() string {
	var parts []string
	for _, p := range q.Parts {
		parts = append(parts, strings.TrimSpace(p.Text))
	}
	return strings.Join(parts, " ")
}

// first returns the text of the first segment with one of the labels.
func (q ftEvalSeq) first(labels ...string) (string, bool) {
	for _, p := range q.Parts {
		for _, l := range labels {
			if p.XMLName.Local == l {
				return strings.TrimSpace(p.Text), true
			}
		}
	}
	return "", false
}

var ftEvalYearRe = regexp.MustCompile(`\b\d{4}\b`)

// ftEvalYear returns the 4-digit number of the first <date> holding one.
func (q ftEvalSeq) year() (string, bool) {
	for _, p := range q.Parts {
		if p.XMLName.Local == "date" {
			if m := ftEvalYearRe.FindString(p.Text); m != "" {
				return m, true
			}
		}
	}
	return "", false
}

var ftEvalInitRe = regexp.MustCompile(`^(?:\p{Lu}\.?-?){1,3}\.?$|^\p{Lu}\p{Ll}\.$`)

// ftEvalFamily derives the expected family name of the first author from an
// <author> label, by this rule: drop a leading "by" and an editor mark; cut
// the first author at ";", "&" or a conjunction (and, und, et, y, e); split it
// at commas into pieces. In the first piece, trailing initials mean
// "Family Initials" (Vancouver: family is what precedes them); leading
// initials mean "Initials Family" (family is what follows them). Otherwise
// the first piece is the family when it is one word (optionally after
// lower-case particles) and a second piece follows (the inverted "Family,
// Given" form), or when the second piece is all initials; else it is a
// "Given Family" name and the family is the last word with the lower-case
// particles before it. It returns "" when the label holds no letters.
func ftEvalFamily(label string) string {
	s := strings.TrimSpace(label)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "By "), "by ")
	for _, sep := range []string{";", " & ", " and ", " und ", " et ", " y ", " e "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	pieces := strings.Split(s, ",")
	for i := range pieces {
		pieces[i] = strings.Trim(pieces[i], " .:")
	}
	toks := strings.Fields(pieces[0])
	if len(toks) == 0 {
		return ""
	}
	isInit := func(w string) bool { return ftEvalInitRe.MatchString(w) }
	n := len(toks)
	switch {
	case n >= 2 && isInit(toks[n-1]) && !isInit(toks[0]):
		for n > 1 && isInit(toks[n-1]) {
			n--
		}
		return strings.Join(toks[:n], " ")
	case n >= 2 && isInit(toks[0]):
		i := 0
		for i < n-1 && isInit(toks[i]) {
			i++
		}
		return strings.Join(toks[i:], " ")
	}
	caps := 0
	for _, w := range toks {
		if r := []rune(w)[0]; unicode.IsUpper(r) {
			caps++
		}
	}
	if len(pieces) > 1 && pieces[1] != "" {
		second := strings.Fields(pieces[1])
		allInit := len(second) > 0
		for _, w := range second {
			allInit = allInit && isInit(w)
		}
		if caps == 1 || allInit {
			return pieces[0]
		}
	}
	i := n - 1
	for i > 0 && !unicode.IsUpper([]rune(toks[i-1])[0]) {
		i--
	}
	return strings.Join(toks[i:], " ")
}

// ftEvalVenue folds a venue for comparison, without the "In" that labels
// keep before the container of a chapter or paper ("In Proceedings of …").
func ftEvalVenue(v string) string {
	v = model.Fold(v)
	for _, p := range []string{"in ", "dans ", "im "} {
		v = strings.TrimPrefix(v, p)
	}
	return v
}

// ftTokenF1 is the token-level F1 of two folded strings.
func ftTokenF1(got, want string) float64 {
	g, w := strings.Fields(got), strings.Fields(want)
	if len(g) == 0 || len(w) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, x := range w {
		count[x]++
	}
	common := 0
	for _, x := range g {
		if count[x] > 0 {
			count[x]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(g)), float64(common)/float64(len(w))
	return 2 * p * r / (p + r)
}

// ftSameFamily compares family names folded; a differing particle is
// forgiven ("de la Macorra" against "Macorra") by also accepting an equal
// last word.
func ftSameFamily(got, want string) bool {
	g, w := model.Fold(got), model.Fold(want)
	if g == w {
		return true
	}
	gf, wf := strings.Fields(g), strings.Fields(w)
	return len(gf) > 0 && len(wf) > 0 && gf[len(gf)-1] == wf[len(wf)-1]
}

type ftScore struct{ ok, n int }

func (s *ftScore) add(ok bool) {
	s.n++
	if ok {
		s.ok++
	}
}

func (s ftScore) pct() float64 {
	if s.n == 0 {
		return 0
	}
	return 100 * float64(s.ok) / float64(s.n)
}

// TestFreetextAnyStyleAccuracy measures ParseReference against the labelled
// AnyStyle core set. The raw string is rebuilt by joining the labelled
// segments with spaces; each field counts only where it is labelled. Names,
// titles and venues are compared folded (Fold: case, diacritics and
// punctuation removed); the expected family name comes from ftEvalFamily,
// the year from the first <date> holding four digits, the venue from the
// first <container-title> or <journal> without a leading "In".
func TestFreetextAnyStyleAccuracy(t *testing.T) {
	seqs := ftLoadEval(t)
	if len(seqs) != 1514 {
		t.Fatalf("read %d sequences, want 1514", len(seqs))
	}
	var author, year, title, titleF1, venue, venueF1, doi ftScore
	verbose := os.Getenv("FT_EVAL_VERBOSE")
	for i, q := range seqs {
		raw := q.raw()
		ref := Parse(raw)
		if a, ok := q.first("author"); ok {
			if want := ftEvalFamily(a); strings.IndexFunc(want, unicode.IsLetter) >= 0 {
				got := ""
				if len(ref.Authors) > 0 {
					got = ref.Authors[0].Family
				}
				ok := ftSameFamily(got, want)
				author.add(ok)
				if !ok && strings.Contains(verbose, "author") {
					t.Logf("author %d: got %q want %q\n\t%s", i, got, want, raw)
				}
			}
		}
		if y, ok := q.year(); ok {
			ok := ftAtoi(y) == ref.Year
			year.add(ok)
			if !ok && strings.Contains(verbose, "year") {
				t.Logf("year %d: got %d want %s\n\t%s", i, ref.Year, y, raw)
			}
		}
		if ti, ok := q.first("title"); ok {
			g, w := model.Fold(ref.Title), model.Fold(ti)
			title.add(g == w)
			titleF1.add(ftTokenF1(g, w) >= 0.9)
			if g != w && strings.Contains(verbose, "title") {
				t.Logf("title %d: got %q want %q\n\t%s", i, ref.Title, ti, raw)
			}
		}
		if v, ok := q.first("container-title", "journal"); ok {
			g, w := ftEvalVenue(ref.Venue), ftEvalVenue(v)
			venue.add(g == w)
			venueF1.add(ftTokenF1(g, w) >= 0.9)
			if g != w && strings.Contains(verbose, "venue") {
				t.Logf("venue %d: got %q want %q\n\t%s", i, ref.Venue, v, raw)
			}
		}
		if d, ok := q.first("doi"); ok {
			doi.add(ref.DOI != "" && ref.DOI == model.NormalizeDOI(d))
		}
	}
	rows := []struct {
		name  string
		s     ftScore
		floor float64
	}{
		{"first author family", author, 97.5},
		{"year", year, 98.5},
		{"title exact (folded)", title, 85.5},
		{"title token-F1>=0.9", titleF1, 87},
		{"venue exact (folded)", venue, 69.5},
		{"venue token-F1>=0.9", venueF1, 74},
		{"doi", doi, 95},
	}
	t.Logf("%-24s %9s %7s", "field", "ok/n", "acc")
	for _, r := range rows {
		t.Logf("%-24s %4d/%-4d %6.1f%%", r.name, r.s.ok, r.s.n, r.s.pct())
	}
	for _, r := range rows {
		if r.s.pct() < r.floor {
			t.Errorf("%s accuracy %.1f%% fell below %.1f%%", r.name, r.s.pct(), r.floor)
		}
	}
}

// ftCrossrefRef is one reference of a Crossref work as deposited by its
// publisher: the unstructured string and the structured parts, when given.
type ftCrossrefRef struct {
	Unstructured string `json:"unstructured"`
	Author       string `json:"author"`
	Year         string `json:"year"`
	Journal      string `json:"journal-title"`
	Volume       string `json:"volume"`
	FirstPage    string `json:"first-page"`
	DOI          string `json:"DOI"`
}

// TestFreetextCrossrefAccuracy measures ParseReference on the unstructured
// references of the Crossref corpus files against the structured parts the
// publishers deposited with them: the first author (Crossref gives "T
// Tucker": the family name is the last word), the year, the journal, the
// volume and the first page. Each field counts where it is deposited.
func TestFreetextCrossrefAccuracy(t *testing.T) {
	files := []string{"crossref/abbotsbury_test2.json", "crossref/oc_meta_crossref_2019.json", "crossref/opencitations-index_crossref_dump.json"}
	var refs []ftCrossrefRef
	for _, name := range files {
		b, err := os.ReadFile(corpora.File(t, name))
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Message json.RawMessage `json:"message"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		body := doc.Message
		if len(body) == 0 {
			body = b // {items: […]} without the API envelope
		}
		var msg struct {
			Items     []struct{ Reference []ftCrossrefRef } `json:"items"`
			Reference []ftCrossrefRef                       `json:"reference"`
		}
		if err := json.Unmarshal(body, &msg); err != nil {
			t.Fatal(err)
		}
		refs = append(refs, msg.Reference...)
		for _, it := range msg.Items {
			refs = append(refs, it.Reference...)
		}
	}
	var author, year, venue, volume, page ftScore
	n := 0
	verbose := os.Getenv("FT_EVAL_VERBOSE")
	for _, r := range refs {
		if r.Unstructured == "" {
			continue
		}
		n++
		ref := Parse(r.Unstructured)
		if f := strings.Fields(r.Author); len(f) > 0 {
			got := ""
			if len(ref.Authors) > 0 {
				got = ref.Authors[0].Family
			}
			author.add(ftSameFamily(got, f[len(f)-1]))
		}
		if r.Year != "" {
			year.add(strconv.Itoa(ref.Year) == r.Year)
		}
		if r.Journal != "" {
			ok := model.Fold(ref.Venue) == model.Fold(r.Journal)
			venue.add(ok)
			if !ok && strings.Contains(verbose, "crossref") {
				t.Logf("venue: got %q want %q\n\t%s", ref.Venue, r.Journal, r.Unstructured)
			}
		}
		if r.Volume != "" {
			volume.add(ref.Volume == r.Volume)
		}
		if r.FirstPage != "" {
			first, _, _ := strings.Cut(ref.Pages, "-")
			page.add(first == r.FirstPage)
		}
	}
	if n != 193 {
		t.Errorf("%d unstructured references, want 193 (161 + 26 + 6)", n)
	}
	rows := []struct {
		name  string
		s     ftScore
		floor float64
	}{
		{"first author family", author, 97.5},
		{"year", year, 99},
		{"venue (journal-title)", venue, 90},
		{"volume", volume, 94},
		{"first page", page, 96},
	}
	for _, r := range rows {
		t.Logf("%-24s %4d/%-4d %6.1f%%", r.name, r.s.ok, r.s.n, r.s.pct())
		if r.s.pct() < r.floor {
			t.Errorf("%s accuracy %.1f%% fell below %.1f%%", r.name, r.s.pct(), r.floor)
		}
	}
}
