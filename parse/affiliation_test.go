package parse

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func TestCountry(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"USA", "United States"},
		{"U.S.A.", "United States"},
		{"United States of America", "United States"},
		{"US", "United States"},
		{"Peoples R China", "China"},
		{"England", "United Kingdom"},
		{"Scotland", "United Kingdom"},
		{"North Ireland", "United Kingdom"},
		{"U.K.", "United Kingdom"},
		{"GB", "United Kingdom"},
		{"gb", ""}, // codes only in capitals
		{"Viet Nam", "Vietnam"},
		{"Russian Federation", "Russia"},
		{"Türkiye", "Turkey"},
		{"South Korea", "South Korea"},
		{"U Arab Emirates", "United Arab Emirates"},
		{"Côte d'Ivoire", "Cote d'Ivoire"},
		{"Hong Kong", "Hong Kong"},
		{"Yugoslavia", "Yugoslavia"},
		{"Georgia", "Georgia"},
		{"Atlantis", ""},
		{"", ""},
	} {
		if got := Country(tc.in); got != tc.want {
			t.Errorf("Country(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := CountryCode("United Kingdom"); got != "GB" {
		t.Errorf("CountryCode(United Kingdom) = %q, want GB", got)
	}
}

func TestParseAddress(t *testing.T) {
	for _, tc := range []struct{ raw, org, country string }{
		{"Department of Clinical Medicine, Hunan Normal University Health Science Center, Hunan, Changsha, China",
			"Hunan Normal University Health Science Center", "China"},
		{"Beckman Institute, University of Illinois at Urbana-Champaign, Urbana, IL 61801, United States",
			"University of Illinois at Urbana-Champaign", "United States"},
		{"Center for Evidence-Based Chinese Medicine, Institute of Basic Research in Clinical Medicine, China Academy of Chinese Medical Sciences, Beijing, China.",
			"China Academy of Chinese Medical Sciences", "China"},
		{"Department of Computer Science, College of William and Mary, Williamsburg, VA 23187, United States",
			"College of William and Mary", "United States"},
		{"Osteoarthritis Sciences, Inc., Cambridge, MA 02139, United States", "Osteoarthritis Sciences, Inc", "United States"},
		{"MRC Laboratory of Molecular Biology, Cambridge,", "MRC Laboratory of Molecular Biology", ""},
		// a state and ZIP code, no country
		{"Reproduction Research Laboratories, Department of Biochemistry, University of Georgia, Athens, Georgia 30602",
			"University of Georgia", "United States"},
		{"Department of Physics, Tulane University, New Orleans, Louisiana", "Tulane University", "United States"},
		{"School of Epidemiology and Public Health, University of Ottawa, Ottawa, ON", "University of Ottawa", "Canada"},
		{"Department of Animal Science, University of Manitoba, Winnipeg, MB, Canada R3T 2N2", "University of Manitoba", "Canada"},
		// e-mail and a note of initials around the country
		{"Menzies Health Institute, Griffith University, Brisbane, Qld 4111, Australia. Electronic address: x@y.edu.au",
			"Griffith University", "Australia"},
		{"University of Massachusetts, Worcester, MA (JA)", "University of Massachusetts", "United States"},
		{"Sinop Univ, Fac Educ, Sinop, Turkey.", "Sinop Univ", "Turkey"},
	} {
		a := ParseAddress(tc.raw)
		if a.Organization != tc.org || a.Country != tc.country {
			t.Errorf("ParseAddress(%q) = org %q, country %q; want %q, %q", tc.raw, a.Organization, a.Country, tc.org, tc.country)
		}
	}
	if a := ParseAddress("  "); !reflect.DeepEqual(a, Affiliation{}) {
		t.Errorf("ParseAddress(blank) = %+v, want zero", a)
	}
}

func TestSplitWoSAddresses(t *testing.T) {
	// one tab-delimited cell with two bracketed addresses, and an old one
	addrs, names := splitWoSAddresses("[Aria, Massimo; Cuccurullo, Corrado] Univ Napoli, Naples, Italy.; [Li, X] Peking Univ, Beijing, Peoples R China.")
	if want := []string{"Univ Napoli, Naples, Italy.", "Peking Univ, Beijing, Peoples R China."}; !reflect.DeepEqual(addrs, want) {
		t.Errorf("addresses = %q, want %q", addrs, want)
	}
	if want := [][]string{{"Aria, Massimo", "Cuccurullo, Corrado"}, {"Li, X"}}; !reflect.DeepEqual(names, want) {
		t.Errorf("names = %q, want %q", names, want)
	}
	addrs, names = splitWoSAddresses("OAK RIDGE NATL LAB,OAK RIDGE,TN 37830.; UNIV TRONDHEIM,N-7034 TRONDHEIM,NORWAY.")
	if len(addrs) != 2 || len(names[0]) != 0 {
		t.Errorf("old addresses = %q %q", addrs, names)
	}
	if a := parseWoSAddress(addrs[0]); a.Country != "United States" || a.Organization != "OAK RIDGE NATL LAB" {
		t.Errorf("parseWoSAddress(%q) = %+v", addrs[0], a)
	}
}

// TestWoSAffiliationLinks reads C1 lines and checks the addresses, their
// countries and the authors linked to each, written by hand from the lines.
func TestWoSAffiliationLinks(t *testing.T) {
	in := `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Souza, LRD
   da Silva, DH
   da Silva, DA
   Smith, J
AF Souza, Leandro
   da Silva, Daniel Hilario
   da Silva, Daiane Alves
   Smith, John
TI A title
C1 [Souza, Leandro; da Silva, Daniel Hilario] Univ Fed Uberlandia, Uberlandia, Brazil.
   [da Silva, Daiane Alves] Programa Posgrad, Uberlandia, Brazil.
   [Smith, John; Souza, Leandro] Univ Reading, Sch Biol, Reading, England.
DE graph; Network
ID NETWORKS; Science
UT WOS:000000000000001
ER
EF
`
	res, err := Read("t.txt", strings.NewReader(in), "")
	if err != nil || len(res.Records) != 1 {
		t.Fatalf("Read: %v, %d records", err, len(res.Records))
	}
	r := res.Records[0]
	want := []Affiliation{
		{Raw: "Univ Fed Uberlandia, Uberlandia, Brazil", Organization: "Univ Fed Uberlandia", Country: "Brazil", Authors: []int{0, 1}},
		{Raw: "Programa Posgrad, Uberlandia, Brazil", Organization: "Programa Posgrad", Country: "Brazil", Authors: []int{2}},
		{Raw: "Univ Reading, Sch Biol, Reading, England", Organization: "Univ Reading", Country: "United Kingdom", Authors: []int{0, 3}},
	}
	if !reflect.DeepEqual(r.Affiliations, want) {
		t.Errorf("affiliations:\n got %+v\nwant %+v", r.Affiliations, want)
	}
	if !reflect.DeepEqual(r.Keywords, []string{"graph", "Network"}) || !reflect.DeepEqual(r.IndexKeywords, []string{"NETWORKS", "Science"}) {
		t.Errorf("keywords %q, index keywords %q", r.Keywords, r.IndexKeywords)
	}
}

// TestScopusAffiliationLinks checks that "Authors with affiliations" is cut
// after each name where an address of "Affiliations" begins, for both
// name forms, and that an author with two addresses gets both.
func TestScopusAffiliationLinks(t *testing.T) {
	var r Record
	r.Authors = []Author{{Family: "Phillips", Given: "J.C."}, {Family: "Braun", Given: "R."}}
	addScopusAffiliations(&r, "Beckman Institute, Urbana, IL, United States; Department of Physics, Univ X, Paris, France",
		"Phillips, J.C., Beckman Institute, Urbana, IL, United States, Department of Physics, Univ X, Paris, France; Braun, R., Department of Physics, Univ X, Paris, France")
	want := []Affiliation{
		{Raw: "Beckman Institute, Urbana, IL, United States", Organization: "Beckman Institute", Country: "United States", Authors: []int{0}},
		{Raw: "Department of Physics, Univ X, Paris, France", Organization: "Univ X", Country: "France", Authors: []int{0, 1}},
	}
	if !reflect.DeepEqual(r.Affiliations, want) {
		t.Errorf("affiliations:\n got %+v\nwant %+v", r.Affiliations, want)
	}
	r = Record{Authors: []Author{{Family: "Liu", Given: "F."}}}
	addScopusAffiliations(&r, "Hunan University, Changsha, China", "Liu F., Hunan University, Changsha, China")
	if len(r.Affiliations) != 1 || !reflect.DeepEqual(r.Affiliations[0].Authors, []int{0}) {
		t.Errorf("new-style name: %+v", r.Affiliations)
	}
}

// TestAffiliationCorpora compares what the readers find in the shared
// corpora with counts made over the raw files by a short Python script
// (Debian python3, standard library only), independent of this code:
//
//   - WoS plain text: addresses = distinct C1 address texts of a record
//     (bracketed names removed, final "." dropped), else the address after
//     "(reprint author)," in RP; countries = distinct last comma parts per
//     record, "… USA" and "XX 12345" (old records) read as the US,
//     England/Scotland/Wales/North Ireland as the UK, "Peoples R China" as
//     China; links = distinct (bracketed name, address) pairs; keywords =
//     distinct DE (ID) items, lines joined, split at ";", compared in
//     lower case with runs of other characters than letters and digits as
//     one space.
//   - Scopus CSV: addresses = distinct "; " items of Affiliations;
//     keywords = distinct lower-cased ";" items of Author (Index) Keywords.
//   - PubMed: addresses = distinct ";" items of a record's AD fields
//     (spaces folded, " .;," trimmed), less one that is only an e-mail.
//   - WoS BibTeX: distinct addresses of an Affiliation field's lines, a
//     line's leading "Family, Given, " dropped when it carries
//     "(Corresponding Author)" or the family is one of the entry's authors.
//   - Scopus BibTeX: distinct ";" items of affiliations (spaces folded).
//   - OpenAlex: distinct (institution, country code) pairs per work (72);
//     an authorship without institutions adds its raw affiliation strings
//     (3), and a country of the authorship's countries that neither names
//     adds a country-only address (1: "University of North Carolina",
//     countries [US]). Counted by hand over the 50 works: 76.
//   - Crossref: distinct author[].affiliation[].name per work.
func TestAffiliationCorpora(t *testing.T) {
	type counts struct{ records, addresses, countries, links, keywords, indexKeywords int }
	for _, tc := range []struct {
		file string
		want counts
	}{
		{"wos/bibliometrix_wos_sample.txt", counts{8, 16, 10, 29, 46, 28}},
		{"wos/metaknowledge_savedrecs.txt", counts{32, 41, 33, 15, 13, 47}},
		{"wos/python-bibx_bit-pattern-savedrecs.txt", counts{500, 1113, 666, 2791, 1631, 2010}},
		{"wos/wosfile_wos_plaintext.txt", counts{50, 118, 68, 151, 143, 284}},
		{"wos-tab/wosfile_wos_tab_delimited_win_utf8.txt", counts{50, 118, 68, 151, 143, 284}},
		{"wos-tab/wosfile_wos_tab_delimited_win_utf16.txt", counts{50, 118, 68, 151, 143, 284}},
		{"scopus-csv/bibliometrix_scopus_sample.csv", counts{8, 14, -1, -1, 41, 143}},
		{"scopus-csv/metaknowledge_scopus_testing.csv.scopus", counts{220, 1058, -1, -1, 287, 7157}},
		{"medline/pyBibX_pubmed.txt", counts{335, 1417, -1, -1, 1161, 2263}},
		{"openalex/Academic-Explorer_page__3D__1__26__per_page__3D__50.json", counts{50, 76, -1, -1, -1, -1}},
		{"wos-bibtex/pyBibX_wos.bib", counts{236, 715, -1, -1, -1, -1}},
		{"scopus-bibtex/pyBibX_scopus.bib", counts{263, 563, -1, -1, -1, -1}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			res := readCorpus(t, tc.file)
			var got counts
			got.records = len(res.Records)
			for _, r := range res.Records {
				got.addresses += len(r.Affiliations)
				cs := map[string]bool{}
				for _, a := range r.Affiliations {
					cs[a.Country] = true
					got.links += len(a.Authors)
					for _, i := range a.Authors {
						if i < 0 || i >= len(r.Authors) {
							t.Errorf("%s: author index %d of %d authors", r.Source, i, len(r.Authors))
						}
					}
				}
				got.countries += len(cs)
				got.keywords += len(r.Keywords)
				got.indexKeywords += len(r.IndexKeywords)
			}
			w := tc.want
			for _, c := range []struct {
				name      string
				got, want int
			}{
				{"records", got.records, w.records}, {"addresses", got.addresses, w.addresses},
				{"record countries", got.countries, w.countries}, {"author links", got.links, w.links},
				{"keywords", got.keywords, w.keywords}, {"index keywords", got.indexKeywords, w.indexKeywords},
			} {
				if c.want >= 0 && c.got != c.want {
					t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
				}
			}
		})
	}
}

// TestAffiliationCrossref counts the Crossref authors' affiliations (17
// distinct names per work over the five files, counted in Python) and
// checks each is linked to its author.
func TestAffiliationCrossref(t *testing.T) {
	n := 0
	for _, f := range []string{"crossref/abbotsbury_test1.json", "crossref/abbotsbury_test2.json",
		"crossref/commonmeta-py_crossref.json", "crossref/oc_meta_crossref_2019.json",
		"crossref/opencitations-index_crossref_dump.json"} {
		for _, r := range readCorpus(t, f).Records {
			for _, a := range r.Affiliations {
				n++
				if len(a.Authors) == 0 {
					t.Errorf("%s: affiliation %q linked to no author", r.Source, a.Raw)
				}
			}
		}
	}
	if n != 17 {
		t.Errorf("crossref affiliations = %d, want 17", n)
	}
}

// TestAffiliationsAcrossWoSLayouts checks that the plain-text and the
// tab-delimited exports of the same 50 records give the same affiliations.
func TestAffiliationsAcrossWoSLayouts(t *testing.T) {
	plain := readCorpus(t, "wos/wosfile_wos_plaintext.txt").Records
	tab := readCorpus(t, "wos-tab/wosfile_wos_tab_delimited_win_utf8.txt").Records
	if len(plain) != len(tab) {
		t.Fatalf("%d plain records, %d tab", len(plain), len(tab))
	}
	for i := range plain {
		if !reflect.DeepEqual(plain[i].Affiliations, tab[i].Affiliations) {
			t.Errorf("record %d: plain %+v\ntab %+v", i, plain[i].Affiliations, tab[i].Affiliations)
		}
	}
}

// TestOrgNameRankMatchesContains holds orgNameRank to its definition,
// strings.Contains on the padded folded part, on parts made of the
// institution words, their prefixes and extensions, and other words.
func TestOrgNameRankMatchesContains(t *testing.T) {
	byContains := func(fold string) int {
		f := " " + fold + " "
		for _, g := range orgWords[1:] {
			for _, w := range g.words {
				if strings.Contains(f, " "+w+" ") || len(w) >= 4 && strings.Contains(f, " "+w) {
					return g.rank
				}
			}
		}
		return 1
	}
	var vocab []string
	for _, g := range orgWords {
		for _, w := range g.words {
			vocab = append(vocab, w, w+"s", w[:len(w)-1], "x"+w)
		}
	}
	vocab = append(vocab, "of", "dept", "physics", "calif", "berkeley", "12")
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		words := make([]string, 1+rng.IntN(5))
		for i := range words {
			words[i] = vocab[rng.IntN(len(vocab))]
		}
		fold := Fold(strings.Join(words, " "))
		if got, want := orgNameRank(fold), byContains(fold); got != want {
			t.Fatalf("orgNameRank(%q) = %d, want %d", fold, got, want)
		}
	}
}
