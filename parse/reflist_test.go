package parse

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// reflistWant is what a hand-written list in testdata/freetext must give:
// for each entry its first line, first author's family name and year.
type reflistWant struct {
	line   int
	family string
	year   int
}

func TestRefListFiles(t *testing.T) {
	cases := []struct {
		file    string
		entries []reflistWant
		check   func(t *testing.T, refs []Reference)
	}{
		{"apa_list.txt", []reflistWant{{3, "Aksnes", 2019}, {7, "Bornmann", 2008}, {10, "Garfield", 1955}, {13, "Waltman", 2016}},
			func(t *testing.T, refs []Reference) {
				r := refs[0]
				if want := "Citations, citation indicators, and research quality: An overview of basic concepts and theories"; r.Title != want {
					t.Errorf("title = %q, want %q", r.Title, want)
				}
				if r.Venue != "SAGE Open" || r.Volume != "9" || r.Pages != "1-17" || r.DOI != "10.1177/2158244019829575" {
					t.Errorf("venue/volume/pages/doi = %q %q %q %q", r.Venue, r.Volume, r.Pages, r.DOI)
				}
				if len(refs[1].Authors) != 2 || refs[1].Authors[1] != (Author{Family: "Daniel", Given: "H.-D."}) {
					t.Errorf("authors of entry 2 = %+v", refs[1].Authors)
				}
			}},
		{"vancouver_numbered.txt", []reflistWant{{1, "Moher", 2009}, {3, "Ioannidis", 2005}, {5, "Hirsch", 2005}, {7, "Smith", 2006}},
			func(t *testing.T, refs []Reference) {
				if !strings.HasPrefix(refs[0].Raw, "1. Moher D") {
					t.Errorf("raw = %q, want the number kept", refs[0].Raw)
				}
				if len(refs[0].Authors) != 4 {
					t.Errorf("authors = %+v, want 4", refs[0].Authors)
				}
				if refs[2].Venue != "Proc Natl Acad Sci U S A" || refs[2].Volume != "102" || refs[2].Pages != "16569-72" {
					t.Errorf("entry 3 venue/volume/pages = %q %q %q", refs[2].Venue, refs[2].Volume, refs[2].Pages)
				}
			}},
		{"ieee_list.txt", []reflistWant{{2, "Newman", 2001}, {4, "Barabási", 1999}, {6, "Price", 1965}},
			func(t *testing.T, refs []Reference) {
				if refs[0].Title != "The structure of scientific collaboration networks" || refs[0].Venue != "Proc. Natl. Acad. Sci." {
					t.Errorf("entry 1 title/venue = %q %q", refs[0].Title, refs[0].Venue)
				}
				if refs[1].Authors[1] != (Author{Family: "Albert", Given: "R."}) {
					t.Errorf("entry 2 second author = %+v", refs[1].Authors[1])
				}
			}},
		{"bulleted.txt", []reflistWant{{2, "Small", 1973}, {3, "Kessler", 1963}, {4, "Van Eck", 2010}},
			func(t *testing.T, refs []Reference) {
				if !strings.HasPrefix(refs[0].Raw, "Small, H.") {
					t.Errorf("raw = %q, want the bullet removed", refs[0].Raw)
				}
			}},
		{"wrapped_plain.txt", []reflistWant{{1, "Aria", 2017}, {3, "Chen", 2006}, {6, "Zupic", 2015}},
			func(t *testing.T, refs []Reference) {
				if !strings.Contains(refs[1].Title, "transient patterns in scientific literature") {
					t.Errorf("title = %q, want the hyphenated word joined", refs[1].Title)
				}
				if want := "Journal of the American Society for Information Science and Technology"; refs[1].Venue != want {
					t.Errorf("venue = %q, want %q", refs[1].Venue, want)
				}
				if refs[2].Venue != "Organizational Research Methods" {
					t.Errorf("venue = %q, want the wrapped line joined", refs[2].Venue)
				}
			}},
		{"german_list.txt", []reflistWant{{3, "Hornbostel", 1997}, {6, "Weingart", 2001}, {9, "Ball", 2005}},
			func(t *testing.T, refs []Reference) {
				if len(refs[2].Authors) != 2 || refs[2].Authors[1].Family != "Tunger" {
					t.Errorf("authors = %+v, want Ball and Tunger", refs[2].Authors)
				}
				if !strings.HasSuffix(refs[0].Raw, "Opladen: Westdeutscher Verlag.") {
					t.Errorf("raw = %q, want the publisher line joined", refs[0].Raw)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join("testdata", "freetext", c.file)
			head, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := Detect(c.file, head); got != "reflist" {
				t.Errorf("Detect = %q, want reflist", got)
			}
			res, err := ReadFile(path, "")
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != "reflist" || len(res.Records) != 1 {
				t.Fatalf("format %q, %d records, want reflist and 1", res.Format, len(res.Records))
			}
			rec := res.Records[0]
			if rec.Title != "" || rec.Format != "reflist" || rec.Line != c.entries[0].line {
				t.Errorf("record title %q format %q line %d", rec.Title, rec.Format, rec.Line)
			}
			if len(res.Warnings) != 0 || len(res.Skipped) != 0 {
				t.Errorf("warnings %v, skipped %v", res.Warnings, res.Skipped)
			}
			refs := rec.References
			if len(refs) != len(c.entries) {
				for _, r := range refs {
					t.Logf("line %d: %s", r.Line, r.Raw)
				}
				t.Fatalf("%d references, want %d", len(refs), len(c.entries))
			}
			for i, w := range c.entries {
				r := refs[i]
				fam := ""
				if len(r.Authors) > 0 {
					fam = r.Authors[0].Family
				}
				if r.Line != w.line || fam != w.family || r.Year != w.year {
					t.Errorf("entry %d: line %d family %q year %d, want %d %q %d (%s)", i+1, r.Line, fam, r.Year, w.line, w.family, w.year, r.Raw)
				}
			}
			c.check(t, refs)
		})
	}
}

func TestRefListGrouping(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"one per line", "Smith, J. (2001). One. J, 1, 2.\nDoe, A. (2002). Two. K, 3, 4.\n",
			[]string{"Smith, J. (2001). One. J, 1, 2.", "Doe, A. (2002). Two. K, 3, 4."}},
		{"blank lines split", "Smith, J. (2001). One\nand more.\n\nDoe, A. (2002). Two.\n",
			[]string{"Smith, J. (2001). One and more.", "Doe, A. (2002). Two."}},
		{"hanging indent", "Smith, J. (2001). One.\n   Journal, 1.\nDoe, A. (2002). Two.\n",
			[]string{"Smith, J. (2001). One. Journal, 1.", "Doe, A. (2002). Two."}},
		{"dehyphenation", "Smith, J. (2001). Organisa-\ntion of science. Journal.\n",
			[]string{"Smith, J. (2001). Organisation of science. Journal."}},
		{"hyphen kept before capital and digit", "Smith, J. (2001). Jean-\nPierre and pages 12-\n15.\n",
			[]string{"Smith, J. (2001). Jean-Pierre and pages 12-15."}},
		{"numbered wrapped", "[1] A. Smith, “One,” J.,\n2001.\n[2] B. Doe, “Two,” K., 2002.\n",
			[]string{"[1] A. Smith, “One,” J., 2001.", "[2] B. Doe, “Two,” K., 2002."}},
		{"bullets", "- Smith, J. (2001). One.\n* Doe, A. (2002). Two.\n• Roe, B. (2003). Three.\n",
			[]string{"Smith, J. (2001). One.", "Doe, A. (2002). Two.", "Roe, B. (2003). Three."}},
		{"heading and url split at slash", "Références\n\nDupont, J. (2001). Un. https://example.org/\na/b.\n",
			[]string{"Dupont, J. (2001). Un. https://example.org/a/b."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var lines []reflistLine
			for i, l := range strings.Split(strings.TrimSuffix(c.in, "\n"), "\n") {
				lines = append(lines, reflistLine{l, i + 1})
			}
			var got []string
			for _, e := range reflistGroup(lines) {
				got = append(got, e.text)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestRefListSniffNo(t *testing.T) {
	cases := map[string]string{
		"bibtex":   "@article{key,\n  title = {A},\n  year = {2001}\n}\n",
		"ris":      "TY  - JOUR\nAU  - Smith, J.\nPY  - 2001\nER  - \n",
		"wos":      "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, J\nPY 2001\nER\n",
		"medline":  "PMID- 123\nTI  - A title.\nDP  - 2001\n",
		"json":     "[\n {\"title\": \"Smith, J. (2001). A.\"}\n]\n",
		"csv":      "Authors,Title,Year\n\"Smith, J.\",A title,2001\n\"Doe, A.\",B title,2002\n",
		"tsv":      "PT\tAU\tTI\tPY\nJ\tSmith, J\tA\t2001\n",
		"prose":    "This paper studies citations. We find that they grow.\nIn 2001 the field was small, and it grew by 2010.\n",
		"landing":  "A title of a paper\nSmith, J. and Doe, A. (2001)\nAbstract\nWe study citation networks in 2001 and 2002.\n",
		"labelled": "Title: A study, 2001.\nDOI: 10.1/x\nSmith, J. (2001). One. J, 1.\n",
		"single":   "Smith, J. (2001). Only one reference. Journal, 1, 2.\n",
		"csv of references": "\"Authors\",\"Title\",\"Source title\",\"Year\"\n" +
			"\"Smith, J.\",\"One reference, with commas.\",\"Journal, Part A\",\"2001\"\n" +
			"\"Doe, A. (2002). Two.\",\"Another title.\",\"Journal, Part B\",\"2002\"\n" +
			"\"Roe, B. (2003). Three.\",\"A third title.\",\"Journal, Part C\",\"2003\"\n",
	}
	for name, in := range cases {
		if reflistSniff(name, []byte(in)) {
			t.Errorf("%s: sniffer claims it", name)
		}
	}
}

// TestRefListSniffSeeds checks that the landing pages of the seeds folder
// are not taken for reference lists.
func TestRefListSniffSeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seeds")
	}
	for _, f := range files {
		head := ftNormalizedHead(t, f)
		if reflistSniff(filepath.Base(f), head) {
			t.Errorf("%s: reflist sniffer claims a landing page", f)
		}
	}
}

// TestRefListSniffCorpora checks that no file of the real-data corpora, all
// in other layouts, is taken for a reference list.
func TestRefListSniffCorpora(t *testing.T) {
	dir := filepath.Dir(corpusFile(t, "README.md"))
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".zip") || strings.HasSuffix(p, ".md") {
			return nil
		}
		if rel, _ := filepath.Rel(dir, p); isPageCorpus(rel) {
			return nil
		}
		n++
		if reflistSniff(d.Name(), ftNormalizedHead(t, p)) {
			t.Errorf("%s: reflist sniffer claims it", p)
		}
		return nil
	})
	if n < 20 {
		t.Errorf("only %d corpus files seen", n)
	}
}

// ftNormalizedHead returns the head of a file as sniffers see it.
func ftNormalizedHead(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(newNormalizer(f), sniffSize))
	if err != nil {
		t.Fatal(err)
	}
	return head
}

func TestRefListEmptyAndOdd(t *testing.T) {
	res, err := Read("x.txt", strings.NewReader("References\n\n\n"), "reflist")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 0 || len(res.Skipped) != 1 {
		t.Errorf("records %d skipped %v, want none and one skip", len(res.Records), res.Skipped)
	}
	res, err = Read("x.txt", strings.NewReader("Smith, J. (2001). One. J, 1.\n\nsome stray words\n"), "reflist")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || len(res.Records[0].References) != 2 || len(res.Warnings) != 1 || res.Warnings[0].Line != 3 {
		t.Errorf("records %+v warnings %v, want 2 references and a warning on line 3", res.Records, res.Warnings)
	}
	if l := res.Records[0].Label; l == "" {
		t.Errorf("empty label")
	}
}

// TestRefListLongInputIsFast reads large inputs whose lines all join into
// one entry, or make many entries: reading must stay linear.
func TestRefListLongInputIsFast(t *testing.T) {
	inputs := map[string]string{
		"joined by commas": strings.Repeat("Smith, J., and\n", 20000),
		"hyphenated":       strings.Repeat("organisa-\ntion ", 20000),
		"lower case":       strings.Repeat("a b c\n", 50000),
		"many entries":     strings.Repeat("Smith, J. (2001). One. J, 1, 2.\n", 5000),
	}
	for name, in := range inputs {
		start := time.Now()
		res, err := Read("long.txt", strings.NewReader(in), "reflist")
		if err != nil || len(res.Records) != 1 {
			t.Fatalf("%s: err %v, %d records", name, err, len(res.Records))
		}
		if refs := res.Records[0].References; name != "many entries" && (len(refs) != 1 || len(res.Warnings) != 1) {
			t.Errorf("%s: %d references, warnings %v; want one long entry with a warning", name, len(refs), res.Warnings)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s: %d bytes took %v", name, len(in), d)
		}
	}
}

func FuzzRefList(f *testing.F) {
	for _, name := range []string{"apa_list.txt", "vancouver_numbered.txt", "ieee_list.txt", "wrapped_plain.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", "freetext", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("[1]\n-\n•\n   \n1.\nReferences\n"))
	f.Add([]byte("a-\n-\n/\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res := fuzzRead(t, "reflist", b)
		for _, r := range res.Records {
			for _, ref := range r.References {
				if ref.Line <= 0 {
					t.Errorf("reference without line: %+v", ref)
				}
			}
		}
		reflistSniff("fuzz.txt", b)
	})
}

// BenchmarkRefList reads a numbered, wrapped reference list built in memory
// from the AnyStyle reference strings (skipped without the corpora).
func BenchmarkRefList(b *testing.B) {
	var buf bytes.Buffer
	for i, raw := range anystyleRefs(b) {
		// wrap at about 90 columns like a PDF copy
		line := ""
		for j, w := range strings.Fields(raw) {
			if j == 0 {
				line = "[" + strconv.Itoa(i+1) + "] " + w
				continue
			}
			if len(line)+1+len(w) > 90 {
				buf.WriteString(line + "\n")
				line = "    " + w
				continue
			}
			line += " " + w
		}
		buf.WriteString(line + "\n")
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Read("bench.txt", bytes.NewReader(data), "reflist")
		if err != nil || len(res.Records) != 1 {
			b.Fatalf("err %v, %d records", err, len(res.Records))
		}
	}
}

// anystyleRefs returns the reference strings of the AnyStyle core set, each
// sequence's segments joined with spaces (skipping without the corpora).
func anystyleRefs(t testing.TB) []string {
	t.Helper()
	f, err := os.Open(corpusFile(t, "refstrings/anystyle_core.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ds struct {
		Seqs []struct {
			Parts []struct {
				Text string `xml:",chardata"`
			} `xml:",any"`
		} `xml:"sequence"`
	}
	if err := xml.NewDecoder(f).Decode(&ds); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range ds.Seqs {
		var parts []string
		for _, p := range q.Parts {
			parts = append(parts, strings.TrimSpace(p.Text))
		}
		out = append(out, strings.Join(parts, " "))
	}
	return out
}

// TestRefListNumbering reads numbered lists of any length, wrapped or not:
// 1,669 entries numbered "1." to "1669." (entries 1000 and on were once
// joined into one), bracketed numbers glued to the text, and superscript
// numbers glued to the first author as they come out of PDFs; a year that
// opens a line is no number.
func TestRefListNumbering(t *testing.T) {
	var b strings.Builder
	for k := 1; k <= 1669; k++ {
		n := strconv.Itoa(k)
		b.WriteString(n + ". Roe J, Poe J. Made-up title number " + n + " about things that do not\n")
		b.WriteString("   exist anywhere. J Things. 2001;3(2):10-20.\n")
	}
	res, err := Read("long.txt", strings.NewReader(b.String()), "")
	if err != nil || res.Format != "reflist" || len(res.Records) != 1 {
		t.Fatalf("err %v format %q records %d", err, res.Format, len(res.Records))
	}
	refs := res.Records[0].References
	if len(refs) != 1669 {
		t.Fatalf("%d references, want 1669", len(refs))
	}
	for _, k := range []int{0, 998, 999, 1668} {
		want := "Made-up title number " + strconv.Itoa(k+1) + " about things that do not exist anywhere"
		if refs[k].Title != want || refs[k].Line != 2*k+1 {
			t.Errorf("ref %d: %q at line %d, want %q at line %d", k+1, refs[k].Title, refs[k].Line, want, 2*k+1)
		}
	}
	for _, c := range []struct {
		name, list string
		titles     []string
	}{
		{"bracketed", "[9]Roe J. A first made-up title. J Things. 2001;3:1-2.\n[10]Poe J. A second made-up title. J Things. 2002;4:3-4.\n[11]Doe J. A third made-up title. J Things. 2003;5:5-6.\n",
			[]string{"A first made-up title", "A second made-up title", "A third made-up title"}},
		{"superscript", "6Roe J J. A first made-up title[J]. Journal of Things, 2001, 3: 1-2.\n7Poe J. A second made-up title[J]. Journal of Things, 2002, 4: 3-4.\n8Doe J. A third made-up title[J]. Journal of Things, 2003, 5: 5-6.\n",
			[]string{"A first made-up title", "A second made-up title", "A third made-up title"}},
		{"years wrapped", "1. Roe J. A first made-up title. Journal of Things,\n2001. 3: 1-2.\n2. Poe J. A second made-up title. Journal of Things,\n2002. 4: 3-4.\n",
			[]string{"A first made-up title", "A second made-up title"}},
	} {
		res, err := Read(c.name, strings.NewReader(c.list), "reflist")
		if err != nil || len(res.Records) != 1 {
			t.Errorf("%s: err %v, %d records", c.name, err, len(res.Records))
			continue
		}
		var got []string
		for _, r := range res.Records[0].References {
			got = append(got, r.Title)
		}
		if strings.Join(got, "|") != strings.Join(c.titles, "|") {
			t.Errorf("%s: titles %q, want %q", c.name, got, c.titles)
		}
	}
}
