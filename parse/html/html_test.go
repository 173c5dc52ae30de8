package html

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/parse/internal/corpora"
	"github.com/citegraph/citegraph/parse/model"
)

// readPage reads a page given as a string.
func readPage(t testing.TB, page string) *model.Sink {
	t.Helper()
	s := &model.Sink{File: "page.html", Format: "html"}
	if err := Read(strings.NewReader(page), s); err != nil {
		t.Fatalf("Read: %v", err)
	}
	return s
}

func oneRecord(t *testing.T, s *model.Sink) model.Record {
	t.Helper()
	if len(s.Records) != 1 {
		t.Fatalf("%d records, want 1 (skipped %v)", len(s.Records), s.Skipped)
	}
	return s.Records[0]
}

func families(as []model.Author) string {
	var out []string
	for _, a := range as {
		out = append(out, a.Family)
	}
	return strings.Join(out, "; ")
}

func check(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		head string
		want bool
	}{
		{"<!DOCTYPE html>\n<html><head><title>x</title>", true},
		{"\ufeff  <html lang=\"en\">", true},
		{`<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"><html xmlns="http://www.w3.org/1999/xhtml">`, true},
		{`<meta name="citation_title" content="A title">`, true},
		{`<?xml version="1.0"?><PubmedArticleSet><PubmedArticle>`, false},
		{`<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">`, false},
		{"A title\nJane Roe\n<html> in a line of text", false},
		{`{"title": "<html>"}`, false},
		{"", false},
	} {
		if got := Sniff([]byte(c.head)); got != c.want {
			t.Errorf("Sniff(%q) = %v, want %v", c.head, got, c.want)
		}
	}
}

// TestHighwire reads the tags Google Scholar asks publishers for, with a
// reference in sub-fields, another in free text, a title with markup and
// entities, and an author list given in one tag.
func TestHighwire(t *testing.T) {
	page := `<!DOCTYPE html><html><head>
<title>Made-up page title | Journal of Things</title>
<meta name="citation_title" content="Counting &lt;i&gt;imaginary&lt;/i&gt; CO<sub>2</sub>&nbsp;sinks &amp; sources">
<meta name="citation_author" content="Roe, Jane">
<meta name="citation_author" content="John Q. Poe">
<meta name="citation_publication_date" content="2019/05/07">
<meta name="citation_online_date" content="2018/12/01">
<meta name="citation_journal_title" content="Journal of Things">
<meta name="citation_volume" content="12"><meta name="citation_issue" content="3">
<meta name="citation_firstpage" content="45"><meta name="citation_lastpage" content="67">
<meta name="citation_doi" content="doi:10.5555/JOT.2019.12">
<meta name="citation_pmid" content="30123456">
<meta name="citation_keywords" content="things; counting; sinks">
<meta name="citation_reference" content="citation_title=A first cited work; citation_author=Smith, A.; citation_author=Jones, B.; citation_journal_title=J Cited; citation_year=2001; citation_volume=3; citation_firstpage=1; citation_lastpage=9; citation_doi=10.5555/cited.1">
<meta name="citation_reference" content="Doe J. A second cited work. Journal of Others. 2005;7:10-20.">
</head><body><h1>Counting imaginary CO2 sinks</h1></body></html>`
	r := oneRecord(t, readPage(t, page))
	check(t, "format", r.Format, "html")
	check(t, "title", r.Title, "Counting imaginary CO2 sinks & sources")
	check(t, "authors", families(r.Authors), "Roe; Poe")
	check(t, "given", r.Authors[1].Given, "John Q.")
	check(t, "doi", r.DOI, "10.5555/jot.2019.12")
	check(t, "venue", r.Venue, "Journal of Things")
	check(t, "volume/issue/pages", r.Volume+"/"+r.Issue+"/"+r.Pages, "12/3/45-67")
	check(t, "pmid", r.IDs["pmid"], "30123456")
	check(t, "keywords", strings.Join(r.Keywords, "|"), "things|counting|sinks")
	if r.Year != 2019 {
		t.Errorf("year = %d, want 2019 (the publication date, not the online date)", r.Year)
	}
	if len(r.References) != 2 {
		t.Fatalf("%d references, want 2", len(r.References))
	}
	a, b := r.References[0], r.References[1]
	check(t, "ref 1 title", a.Title, "A first cited work")
	check(t, "ref 1 authors", families(a.Authors), "Smith; Jones")
	check(t, "ref 1 venue/volume/pages/doi", a.Venue+"/"+a.Volume+"/"+a.Pages+"/"+a.DOI, "J Cited/3/1-9/10.5555/cited.1")
	if a.Year != 2001 || b.Year != 2005 {
		t.Errorf("ref years = %d, %d", a.Year, b.Year)
	}
	check(t, "ref 2 title (free text)", b.Title, "A second cited work")
}

// TestFallbacks checks that each field falls back to the next source: a bad
// citation_doi to the DC identifier with a DOI scheme, authors to the one
// semicolon-separated tag, the title to Open Graph read from either
// attribute, and the year to DCTERMS.
func TestFallbacks(t *testing.T) {
	page := `<html><head>
<meta name="citation_doi" content="S0140673608614099">
<meta name="dc.identifier" content="urn:isbn:1234">
<meta name="DC.Identifier" scheme="doi" content="10.5555/dc.77">
<meta name="citation_authors" content="Roe, Jane; Poe, John; Doe, Ann">
<meta name="og-title" property="og:title" content="An Open Graph title">
<meta name="dcterms.issued" content="March 9, 2001">
</head><body><p>text</p></body></html>`
	r := oneRecord(t, readPage(t, page))
	check(t, "doi", r.DOI, "10.5555/dc.77")
	check(t, "authors", families(r.Authors), "Roe; Poe; Doe")
	check(t, "title", r.Title, "An Open Graph title")
	if r.Year != 2001 {
		t.Errorf("year = %d", r.Year)
	}
	// property alone, and EPrints names with stray spaces
	page = `<html><head><meta property="og:title" content="Only a property">
<meta name="eprints.creators_name" content=" Roe, Jane "><meta name="eprints.creators_name" content="Poe, John ">
<meta name="eprints.date" content="2015"></head><body></body></html>`
	r = oneRecord(t, readPage(t, page))
	check(t, "title", r.Title, "Only a property")
	check(t, "eprints authors", families(r.Authors), "Roe; Poe")
	check(t, "eprints given", r.Authors[0].Given, "Jane")
}

// TestJSONLD reads a ScholarlyArticle with its periodical chain and a
// citation array.
func TestJSONLD(t *testing.T) {
	page := `<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"A page"},
 {"@type":"ScholarlyArticle","headline":"Linked data of made-up things","datePublished":"2020-02-03",
  "author":[{"@type":"Person","givenName":"Jane","familyName":"Roe"},{"@type":"Person","name":"John Poe"}],
  "identifier":{"@type":"PropertyValue","propertyID":"DOI","value":"10.5555/ld.1"},
  "isPartOf":{"@type":"PublicationIssue","issueNumber":"4","isPartOf":{"@type":"PublicationVolume","volumeNumber":"9",
   "isPartOf":{"@type":"Periodical","name":"Journal of Linked Things"}}},
  "pageStart":"11","pageEnd":"19","keywords":["linked","things"],
  "citation":[{"@type":"ScholarlyArticle","name":"A cited work","datePublished":"1999","author":{"name":"Ann Doe"}},
   "Smith J (2003) Another cited work. J Things 2:3-4"]}]}
</script></head><body></body></html>`
	r := oneRecord(t, readPage(t, page))
	check(t, "title", r.Title, "Linked data of made-up things")
	check(t, "authors", families(r.Authors), "Roe; Poe")
	check(t, "doi", r.DOI, "10.5555/ld.1")
	check(t, "venue/volume/issue/pages", r.Venue+"/"+r.Volume+"/"+r.Issue+"/"+r.Pages, "Journal of Linked Things/9/4/11-19")
	if r.Year != 2020 || len(r.References) != 2 || r.References[0].Title != "A cited work" || r.References[1].Year != 2003 {
		t.Errorf("year %d, refs %+v", r.Year, r.References)
	}
}

// TestCOinS reads one COinS span as the work, and several as references.
func TestCOinS(t *testing.T) {
	one := `<html><body><h1>x</h1><span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft.atitle=A+COinS+title&amp;rft.jtitle=J+Spans&amp;rft.date=2011&amp;rft.volume=5&amp;rft.spage=7&amp;rft.epage=9&amp;rft.au=Roe%2C+Jane&amp;rft_id=info%3Adoi%2F10.5555%2Fcoins.1"></span></body></html>`
	r := oneRecord(t, readPage(t, one))
	check(t, "title", r.Title, "A COinS title")
	check(t, "doi", r.DOI, "10.5555/coins.1")
	check(t, "venue/volume/pages", r.Venue+"/"+r.Volume+"/"+r.Pages, "J Spans/5/7-9")
	if r.Year != 2011 || families(r.Authors) != "Roe" {
		t.Errorf("year %d authors %v", r.Year, r.Authors)
	}
	var b strings.Builder
	b.WriteString(`<html><head><meta name="citation_title" content="The citing work"></head><body>`)
	for k := range 3 {
		n := strconv.Itoa(k + 1)
		b.WriteString(`<span class="Z3988" title="rft.atitle=Cited+` + n + `&amp;rft.date=200` + n + `&amp;rft.aulast=Doe"></span>`)
	}
	r = oneRecord(t, readPage(t, b.String()+"</body></html>"))
	if r.Title != "The citing work" || len(r.References) != 3 || r.References[2].Title != "Cited 3" || r.References[2].Year != 2003 {
		t.Errorf("title %q refs %+v", r.Title, r.References)
	}
}

// TestVisibleReferences finds the list under a references heading, with
// link labels dropped, not the citing-works list below it, and prefers it to
// a shorter citation_reference list.
func TestVisibleReferences(t *testing.T) {
	page := `<html><head><meta name="citation_title" content="A listed work">
<meta name="citation_reference" content="citation_title=Only one; citation_year=2000"></head><body>
<h1>A listed work</h1><p>By Jane Roe</p>
<h2>References</h2><ol>
<li id="ref1">Smith J, Jones K. Tidal flows in theory. J Tides. 2015;1(1):1-10. <a>Google Scholar</a> <a>CrossRef</a></li>
<li id="ref2">Brown A. Estuaries of the mind. Imag Geogr. 2012;7:100-120. [PubMed]</li>
<li id="ref3">Okafor C. A census of paper rivers. Imag Geogr. 2016;11(4):33-41.</li>
</ol>
<h2>Cited by (2)</h2><ul>
<li class="item">Later A. A citing work. J Later. 2020;1:1-2.</li>
<li class="item">Later B. Another citing work. J Later. 2021;2:3-4.</li>
<li class="item">Later C. Yet another citing work. J Later. 2022;3:5-6.</li>
<li class="item">Later D. And one more citing work. J Later. 2023;4:7-8.</li>
</ul></body></html>`
	r := oneRecord(t, readPage(t, page))
	if len(r.References) != 3 {
		t.Fatalf("%d references, want 3: %+v", len(r.References), r.References)
	}
	check(t, "ref 1 raw", r.References[0].Raw, "Smith J, Jones K. Tidal flows in theory. J Tides. 2015;1(1):1-10.")
	check(t, "ref 2 raw", r.References[1].Raw, "Brown A. Estuaries of the mind. Imag Geogr. 2012;7:100-120.")
	if r.References[2].Year != 2016 || r.References[0].Line != 5 {
		t.Errorf("ref 3 year %d, ref 1 line %d", r.References[2].Year, r.References[0].Line)
	}
	check(t, "authors from the byline", families(r.Authors), "Roe")
}

// TestTextFallback reads a page without any tags through its visible text:
// the record is the text reader's, and says so.
func TestTextFallback(t *testing.T) {
	page := `<html><head><title>Site</title><style>p{color:red}</style><script>var x = "Title: not this";</script></head>
<body><nav><a>Home</a> <a>Search</a></nav>
<h1>A study of made-up things</h1>
<p>Jane Roe and John Poe</p>
<p>Journal of Things, 2011, vol. 3, issue 2, pp. 10-20</p>
<p>DOI: 10.5555/thing.3</p>
<h2>Abstract</h2><p>We studied made-up things for a long time and wrote down all that we found about them.</p>
</body></html>`
	r := oneRecord(t, readPage(t, page))
	check(t, "format", r.Format, "landing")
	check(t, "title", r.Title, "A study of made-up things")
	check(t, "doi", r.DOI, "10.5555/thing.3")
	check(t, "authors", families(r.Authors), "Roe; Poe")
	if r.Year != 2011 || !strings.HasPrefix(r.Abstract, "We studied") {
		t.Errorf("year %d abstract %q", r.Year, r.Abstract)
	}
}

// TestChallengePages reports a Cloudflare challenge and a cookie wall as
// skipped, without a record.
func TestChallengePages(t *testing.T) {
	for name, page := range map[string]string{
		"cloudflare": `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta name="robots" content="noindex,nofollow"></head><body><div class="main-wrapper"><h1>www.example.org</h1>
<p>Verifying you are human. This may take a few seconds.</p><noscript>Enable JavaScript and cookies to continue</noscript>
<script>(function(){window._cf_chl_opt={cvId: '3'};var a=document.createElement('script');a.src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1';}());</script></div></body></html>`,
		"cookies": `<html><head><title>Cookies</title></head><body><h1>Cookies are disabled</h1>
<p>Our site uses cookies. Please enable cookies in your browser and accept our cookie policy to continue.</p></body></html>`,
	} {
		s := readPage(t, page)
		if len(s.Records) != 0 || len(s.Skipped) != 1 {
			t.Errorf("%s: %d records, skipped %v", name, len(s.Records), s.Skipped)
			continue
		}
		if msg := s.Skipped[0].Error(); !strings.Contains(msg, map[string]string{"cloudflare": "Cloudflare", "cookies": "cookie wall"}[name]) {
			t.Errorf("%s: skip reason %q", name, msg)
		}
	}
}

// TestNothing reports a page without metadata or a work in its text.
func TestNothing(t *testing.T) {
	s := readPage(t, "<html><body><p>Home</p><p>Search</p></body></html>")
	if len(s.Records) != 0 || len(s.Skipped) != 1 {
		t.Errorf("records %v skipped %v", s.Records, s.Skipped)
	}
}

// htmlGold is one line of the html corpus' gold.jsonl.
type htmlGold struct {
	File       string  `json:"file"`
	Title      string  `json:"title"`
	DOI        *string `json:"doi"`
	Year       int     `json:"year"`
	Authors    int     `json:"authors_count"`
	MetaRefs   int     `json:"citation_reference_count"`
	Visible    *int    `json:"visible_references"`
	HasJSONLD  bool    `json:"has_jsonld"`
	HasDC      bool    `json:"has_dc"`
	HasOG      bool    `json:"has_og"`
	Publisher  string  `json:"publisher"`
	Repository string  `json:"repo"`
}

var markupRe = regexp.MustCompile(`<[^>]+>`)

// TestCorpusPages reads the saved publisher pages of the shared corpora and
// compares title, DOI, year, author count and reference count with their
// gold readings (computed with Python's html.parser by the corpus' authors,
// checked by eye): the issue asks for 26 of 27 right on each of the first
// four, and the reference count equal to the visible or meta count wherever
// the page has a list.
func TestCorpusPages(t *testing.T) {
	dir := corpora.File(t, "html")
	f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var golds []htmlGold
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g htmlGold
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		golds = append(golds, g)
	}
	norm := func(s string) string {
		return strings.ToLower(strings.TrimRight(model.CleanSpace(markupRe.ReplaceAllString(s, "")), "."))
	}
	right := map[string]int{}
	for _, g := range golds {
		b, err := os.ReadFile(filepath.Join(dir, g.File))
		if err != nil {
			t.Fatal(err)
		}
		s := &model.Sink{File: g.File}
		if err := Read(bytes.NewReader(b), s); err != nil || len(s.Records) != 1 {
			t.Errorf("%s: err %v, %d records, skipped %v", g.File, err, len(s.Records), s.Skipped)
			continue
		}
		r := s.Records[0]
		ok := map[string]bool{
			"title":   norm(r.Title) == norm(g.Title),
			"doi":     g.DOI == nil && r.DOI == "" || g.DOI != nil && r.DOI == strings.ToLower(*g.DOI),
			"year":    r.Year == g.Year,
			"authors": len(r.Authors) == g.Authors,
		}
		if g.Visible != nil || g.MetaRefs > 0 {
			n := len(r.References)
			ok["references"] = g.Visible != nil && n == *g.Visible || g.MetaRefs > 0 && n == g.MetaRefs
		}
		for k, v := range ok {
			if v {
				right[k]++
			} else {
				t.Logf("%s: %s differs: title %q doi %q year %d authors %d refs %d", g.File, k, r.Title, r.DOI, r.Year, len(r.Authors), len(r.References))
			}
		}
		if r.Format != "html" {
			t.Errorf("%s: format %q, want html (every page has tags)", g.File, r.Format)
		}
	}
	for _, k := range []string{"title", "doi", "year", "authors"} {
		t.Logf("%s right on %d of %d pages", k, right[k], len(golds))
		if right[k] < len(golds)-1 {
			t.Errorf("%s right on %d of %d pages, want at least %d", k, right[k], len(golds), len(golds)-1)
		}
	}
	lists := 0
	for _, g := range golds {
		if g.Visible != nil || g.MetaRefs > 0 {
			lists++
		}
	}
	t.Logf("reference count right on %d of %d pages with a list", right["references"], lists)
	if right["references"] != lists {
		t.Errorf("reference count right on %d of %d pages with a list", right["references"], lists)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(`<html><head><meta name="citation_title" content="T"><meta name="citation_reference" content="citation_title=a; citation_year=2001"></head><body><h2>References</h2><ol><li>Roe J (2001) A. J 1:2.</li></ol></body></html>`))
	f.Add([]byte(`<script type="application/ld+json">{"@type":"ScholarlyArticle","citation":[{"name":"x"}],"author":[1,{"name":null}]}</script>`))
	f.Add([]byte(`<span class="Z3988" title="rft.au=%ZZ&rft_id=info:doi/10.1/x&&="></span><sup><sub><h1><li><li><td><td></table>`))
	f.Add([]byte("<html><title>Just a moment...</title></html>"))
	f.Add([]byte("<!DOCTYPE html><p>\x00\xff\xfe<h1>A</h2></p>&#0;&amp;amp;&nbsp;"))
	dir := corpora.Dir()
	if dir != "" {
		for _, name := range []string{"32_copernicus.html", "34_acl.html", "26_opus.html"} {
			if b, err := os.ReadFile(filepath.Join(dir, "html", name)); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &model.Sink{File: "fuzz.html", Format: "html"}
		if err := Read(bytes.NewReader(data), s); err != nil {
			t.Fatalf("Read: %v", err)
		}
		if len(s.Records)+len(s.Skipped) != 1 {
			t.Errorf("%d records and %d skips, want one of them", len(s.Records), len(s.Skipped))
		}
		for _, r := range s.Records {
			if r.Label == "" || r.Source == "" || (r.Format != "html" && r.Format != "landing") {
				t.Errorf("record without label, source or format: %+v", r)
			}
			if r.DOI != "" && model.NormalizeDOI(r.DOI) != r.DOI {
				t.Errorf("DOI %q not normalised", r.DOI)
			}
		}
	})
}

// bigPage builds an HTML page of about size bytes the way large publisher
// pages are made: tags in the head, inline scripts and styles (a third),
// a long article body, and a reference list of 5,000 entries.
func bigPage(size int) []byte {
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html><head><meta name="citation_title" content="A very long page">` +
		`<meta name="citation_author" content="Roe, Jane"><meta name="citation_doi" content="10.5555/big.1">` +
		`<meta name="citation_publication_date" content="2020"><style>`)
	for b.Len() < size/6 {
		b.WriteString(".c-article-section__title{font-size:1.5rem;margin:0 0 .5em} .u-hide{display:none}\n")
	}
	b.WriteString(`</style><script>window.dataLayer=[];`)
	for b.Len() < size/3 {
		b.WriteString(`dataLayer.push({"event":"view","content":{"title":"x","authors":["Roe"],"category":"article"}});` + "\n")
	}
	b.WriteString(`</script></head><body><nav><ul><li>Home</li><li>Search</li></ul></nav>` +
		`<h1>A very long page</h1><h2>Abstract</h2><p>We wrote a very long page.</p>`)
	para := `<p>Made-up things were counted <i>in situ</i> and <sup>14</sup>C dated, as others did before <a href="#r1">[1]</a>; the counts agree with <span class="x">earlier</span> ones.</p>` + "\n"
	var refs bytes.Buffer
	refs.WriteString(`<h2>References</h2><ol>`)
	for k := 1; k <= 5000; k++ {
		n := strconv.Itoa(k)
		refs.WriteString(`<li id="ref` + n + `">Roe J, Poe J (2001) Made-up title number ` + n +
			`. Journal of Things 12(3):45-67. <a href="https://doi.org/10.5555/ref.` + n + `">CrossRef</a></li>` + "\n")
	}
	refs.WriteString(`</ol></body></html>`)
	for b.Len() < size-refs.Len() {
		b.WriteString(para)
	}
	b.Write(refs.Bytes())
	return b.Bytes()
}

// TestLargePageIsFast reads a 10 MB page; the issue asks for well under a
// second. The bound here is loose (a shared, slower machine must pass); the
// benchmark gives the figure.
func TestLargePageIsFast(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	page := bigPage(10 << 20)
	start := time.Now()
	s := &model.Sink{File: "big.html", Format: "html"}
	if err := Read(bytes.NewReader(page), s); err != nil || len(s.Records) != 1 {
		t.Fatalf("err %v, %d records", err, len(s.Records))
	}
	el := time.Since(start)
	if n := len(s.Records[0].References); n != 5000 {
		t.Errorf("%d references, want the whole list", n)
	}
	if el > 10*time.Second {
		t.Errorf("a 10 MB page took %v", el)
	}
	t.Logf("10 MB page: %v, %d references", el, len(s.Records[0].References))
}

// BenchmarkRead reads a 10 MB page (go test -bench Read -run '^$' ./parse/html).
func BenchmarkRead(b *testing.B) {
	page := bigPage(10 << 20)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		s := &model.Sink{File: "big.html", Format: "html"}
		if err := Read(bytes.NewReader(page), s); err != nil {
			b.Fatal(err)
		}
	}
}
