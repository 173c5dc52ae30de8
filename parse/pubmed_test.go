package parse

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestPubMedRecords(t *testing.T) {
	risRun(t, "pubmed", []risCase{
		{
			name: "medline record",
			in: "PMID- 35757629\n" +
				"OWN - NLM\n" +
				"IS  - 2296-256X (Print)\n" +
				"IS  - 2296-2565 (Linking)\n" +
				"VI  - 10\n" +
				"IP  - 2\n" +
				"DP  - 2022 Jan-Feb\n" +
				"TI  - Knowledge mapping of decision analysis: a \n" +
				"      bibliometric analysis.\n" +
				"PG  - 895-9\n" +
				"LID - S0001-0001(22)00001-1 [pii]\n" +
				"LID - 10.3389/FPUBH.2022.895552 [doi]\n" +
				"AB  - OBJECTIVE: First line\n" +
				"      second line.\n" +
				"FAU - Dai, Zeqi\n" +
				"AU  - Dai Z\n" +
				"AD  - Some Institute, Beijing, China.\n" +
				"FAU - van der Berg, Anna M\n" +
				"AU  - van der Berg AM\n" +
				"CN  - WHO Study Group\n" +
				"FED - Editor, Ed\n" +
				"ED  - Editor E\n" +
				"PT  - Journal Article\n" +
				"PT  - Review\n" +
				"TA  - Front Public Health\n" +
				"JT  - Frontiers in public health\n" +
				"MH  - *COVID-19/epidemiology/*prevention & control\n" +
				"MH  - Technology Assessment, Biomedical\n" +
				"MH  - Humans\n" +
				"PMC - PMC9218106\n" +
				"OT  - covid-19\n" +
				"OT  - bibliometrics\n" +
				"RF  - 42\n" +
				"AID - 10.3389/fpubh.2022.895552 [doi]\n" +
				"SO  - Front Public Health. 2022;10:895552.\n",
			want: []Record{{
				Format: "pubmed", Line: 1,
				Title:   "Knowledge mapping of decision analysis: a bibliometric analysis.",
				Authors: []Author{{Family: "Dai", Given: "Zeqi"}, {Family: "van der Berg", Given: "Anna M"}, {Family: "WHO Study Group"}},
				Year:    2022, Venue: "Frontiers in public health", VenueAbbrev: "Front Public Health",
				Volume: "10", Issue: "2", Pages: "895-9", DOI: "10.3389/fpubh.2022.895552",
				IDs:           map[string]string{"pmid": "35757629", "pmcid": "PMC9218106", "issn": "2296-2565"},
				Type:          "Journal Article; Review",
				Keywords:      []string{"covid-19", "bibliometrics"},
				IndexKeywords: []string{"COVID-19", "Technology Assessment, Biomedical", "Humans"},
				Affiliations: []Affiliation{{Raw: "Some Institute, Beijing, China", Organization: "Some Institute",
					Country: "China", Authors: []int{0}}},
				Abstract:     "OBJECTIVE: First line second line.",
				RefsDeclared: IntPtr(42),
			}},
		},
		{
			name: "old record with AU only, records without blank line between them, book",
			in: "\n\nPMID- 1\n" +
				"TI  - Old paper.\n" +
				"AU  - Smith JA\n" +
				"AU  - Doe J\n" +
				"DP  - 1975 Spring\n" +
				"IS  - 0001-0002 (Print)\n" +
				"PMID- 2\n" +
				"TI  - Next paper.\n" +
				"AID - 10.1000/next [doi]\n" +
				"\n" +
				"PMID- 30329254\n" +
				"PB  - NIHR Journals Library\n" +
				"CTI - Public Health Research\n" +
				"DP  - 2018 Oct\n" +
				"BTI - The impact of home energy efficiency\n" +
				"      interventions.\n" +
				"ISBN- 978-0-00-000000-2\n" +
				"PT  - Review\n" +
				"PT  - Book\n" +
				"AID - NBK532137 [bookaccession]\n",
			want: []Record{
				{
					Format: "pubmed", Line: 3, Title: "Old paper.", Year: 1975,
					Authors: []Author{{Family: "Smith", Given: "JA"}, {Family: "Doe", Given: "J"}},
					IDs:     map[string]string{"pmid": "1", "issn": "0001-0002"},
				},
				{Format: "pubmed", Line: 9, Title: "Next paper.", DOI: "10.1000/next", IDs: map[string]string{"pmid": "2"}},
				{
					Format: "pubmed", Line: 13, Title: "The impact of home energy efficiency interventions.",
					Venue: "Public Health Research", Year: 2018, Type: "Review; Book",
					IDs: map[string]string{"pmid": "30329254", "isbn": "978-0-00-000000-2"},
				},
			},
		},
		{
			name: "CRLF line ends",
			in:   "PMID- 7\r\nTI  - Windows\r\n      line ends.\r\nDP  - 2001\r\n\r\nPMID- 8\r\nTI  - Second.\r\n",
			want: []Record{
				{Format: "pubmed", Line: 1, Title: "Windows line ends.", Year: 2001, IDs: map[string]string{"pmid": "7"}},
				{Format: "pubmed", Line: 6, Title: "Second.", IDs: map[string]string{"pmid": "8"}},
			},
		},
		{
			name: "damaged input",
			in: "Search results\n" +
				"PMID- 5\n" +
				"TI  - Fine.\n" +
				"RF  - many\n" +
				"LID - see publisher [doi]\n" +
				"\n" +
				"FAU - Roe, Richard\n" +
				"TI  - No PMID here,\n" +
				"\n" +
				"      indented after a blank line, continued.\n" +
				"\n" +
				"Page 2 of 9\n" +
				"\n" +
				"OWN - NLM\n" +
				"STAT- MEDLINE\n",
			want: []Record{
				{Format: "pubmed", Line: 2, Title: "Fine.", IDs: map[string]string{"pmid": "5"}},
				{Format: "pubmed", Line: 7, Title: "No PMID here, indented after a blank line, continued.", Authors: []Author{{Family: "Roe", Given: "Richard"}}},
			},
			warns: []string{
				"in.txt:1: 2 line(s) of text outside",
				"in.txt:4: RF is not a number",
				`in.txt:5: LID holds no DOI: "see publisher [doi]"`,
				"in.txt:7: record does not start with PMID",
				"in.txt:14: record does not start with PMID",
			},
			skips: []string{"in.txt:14: record has no PMID"},
		},
	})
}

func TestPubMedSniff(t *testing.T) {
	cases := []struct {
		name, head string
		want       bool
	}{
		{"medline", "PMID- 123\nOWN - NLM\nTI  - x\n", true},
		{"leading blank lines", "\n\nPMID- 123\nTI  - x\n", true},
		{"pmid after other tags", "OWN - NLM\nPMID- 123\n", true},
		{"ris", "TY  - JOUR\nTI  - x\nER  - \n", false},
		{"ris mentioning PMID in a continuation", "TY  - JOUR\nN1  - note\n  PMID- 1\n", false},
		{"wos", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nPMID- 1\n", false},
		{"bibtex", "@article{k,\n pmid={1}\n}\n", false},
		{"header text (PubMed writes none)", "Search results\nPMID- 1\nTI  - x\n", false},
		{"long prose", strings.Repeat("some text line\n", 20) + "PMID- 1\n", false},
		{"no PMID", "OWN - NLM\nTI  - x\nAU  - Doe J\n", false},
		{"empty", "", false},
	}
	for _, c := range cases {
		if got := pubmedSniff("f", []byte(c.head)); got != c.want {
			t.Errorf("%s: pubmedSniff = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestPubMedSplitTag(t *testing.T) {
	cases := []struct {
		line, tag, val string
		ok             bool
	}{
		{"PMID- 35757629", "PMID", "35757629", true},
		{"TI  - A title", "TI", "A title", true},
		{"LID - 10.1/x [doi]", "LID", "10.1/x [doi]", true},
		{"STAT- MEDLINE", "STAT", "MEDLINE", true},
		{"IS  -", "IS", "", true},
		{"      continued text", "", "", false},
		{"AB-CD text", "", "", false},
		{"title - with a dash", "", "", false},
		{"TOOLONG- x", "", "", false},
	}
	for _, c := range cases {
		tag, val, ok := pubmedSplitTag(c.line)
		if tag != c.tag || val != c.val || ok != c.ok {
			t.Errorf("pubmedSplitTag(%q) = %q, %q, %v; want %q, %q, %v", c.line, tag, val, ok, c.tag, c.val, c.ok)
		}
	}
}

// TestPubMedCorpus checks the MEDLINE corpus file against the README and
// facts counted with grep/awk: 335 PMID lines, 331 records with a "[doi]"
// LID/AID, 120 PMC lines, 3 RF lines (91, 14, 142), 2,076 FAU lines each
// followed by its AU line plus 8 CN collective authors, one record (a book)
// with BTI instead of TI and CTI instead of JT.
func TestPubMedCorpus(t *testing.T) {
	res := readCorpus(t, "medline/pyBibX_pubmed.txt")
	if res.Format != "pubmed" {
		t.Errorf("format %q", res.Format)
	}
	if len(res.Records) != 335 || refCount(res.Records) != 0 {
		t.Fatalf("%d records, %d refs; want 335, 0", len(res.Records), refCount(res.Records))
	}
	var doi, pmid, pmc, titled, venue, authors, rfSum, rf int
	for _, r := range res.Records {
		if r.DOI != "" {
			doi++
		}
		if r.IDs["pmid"] != "" {
			pmid++
		}
		if r.IDs["pmcid"] != "" {
			pmc++
		}
		if r.Title != "" {
			titled++
		}
		if r.Venue != "" {
			venue++
		}
		authors += len(r.Authors)
		if r.RefsDeclared != nil {
			rf++
			rfSum += *r.RefsDeclared
		}
	}
	if doi != 331 || pmid != 335 || pmc != 120 || titled != 335 || venue != 335 || authors != 2084 || rf != 3 || rfSum != 247 {
		t.Errorf("doi %d, pmid %d, pmc %d, titled %d, venue %d, authors %d, rf %d sum %d; want 331, 335, 120, 335, 335, 2084, 3, 247",
			doi, pmid, pmc, titled, venue, authors, rf, rfSum)
	}
	r := res.Records[0]
	if r.IDs["pmid"] != "35757629" || r.Year != 2022 || r.DOI != "10.3389/fpubh.2022.895552" || len(r.Authors) != 8 ||
		r.Authors[0] != (Author{Family: "Dai", Given: "Zeqi"}) || r.Venue != "Frontiers in public health" ||
		r.Title != "Knowledge Mapping of Multicriteria Decision Analysis in Healthcare: A Bibliometric Analysis." {
		t.Errorf("first record: %+v", r)
	}
	if len(res.Warnings) != 0 || len(res.Skipped) != 0 {
		t.Errorf("warnings %v, skipped %v", res.Warnings, res.Skipped)
	}
}

func FuzzPubMed(f *testing.F) {
	f.Add([]byte("PMID- 1\nTI  - x\n      y\nFAU - A, B\nAU  - A B\nLID - 10.1/x [doi]\nRF  - 3\n\nPMID- 2\n"))
	f.Add([]byte("\n      orphan\nAU  - X\nMH  - */a\nIS  - (Linking)\nLID - [doi]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "pubmed", data)
	})
}

func BenchmarkPubMed(b *testing.B) {
	data, err := os.ReadFile(corpusFile(b, "medline/pyBibX_pubmed.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("pubmed.txt", bytes.NewReader(data), "pubmed"); err != nil {
			b.Fatal(err)
		}
	}
}
