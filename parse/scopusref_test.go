package parse

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplitScopusReferences(t *testing.T) {
	tests := []struct {
		name string
		cell string
		want []string
	}{
		{"empty", "  ", nil},
		{
			"classic old authors",
			"Berg, A., Lund, K.J., A study of things (1999) J. Things, 12 (3), pp. 1-9; Ito, T., (2001) Phys. Rev. B, 63, p. 104",
			[]string{
				"Berg, A., Lund, K.J., A study of things (1999) J. Things, 12 (3), pp. 1-9",
				"Ito, T., (2001) Phys. Rev. B, 63, p. 104",
			},
		},
		{
			"classic newer authors",
			"Berg A., Lund K.J., A study of things (1999) J. Things, 12, pp. 1-9; Ito T., Other work (2001) Nature, 4, p. 7",
			[]string{
				"Berg A., Lund K.J., A study of things (1999) J. Things, 12, pp. 1-9",
				"Ito T., Other work (2001) Nature, 4, p. 7",
			},
		},
		{
			"classic editor list and publisher",
			"Roe, P., (1998) Methods in Modelling, 4, p. 39. , Lecture Notes; Abel, P.; Baker, J.; Cole, R. D., Eds.; Springer-Verlag: Berlin; Ito, T., (2001) Phys. Rev. B, 63, p. 104",
			[]string{
				"Roe, P., (1998) Methods in Modelling, 4, p. 39. , Lecture Notes; Abel, P.; Baker, J.; Cole, R. D., Eds.; Springer-Verlag: Berlin",
				"Ito, T., (2001) Phys. Rev. B, 63, p. 104",
			},
		},
		{
			"classic publisher after a proceedings reference",
			"Kim, J., (2003) Proceedings of the Tenth Conference, , Paper 12; IEEE Press: Piscataway, NJ; Ito, T., (2001) Phys. Rev. B, 63, p. 104",
			[]string{
				"Kim, J., (2003) Proceedings of the Tenth Conference, , Paper 12; IEEE Press: Piscataway, NJ",
				"Ito, T., (2001) Phys. Rev. B, 63, p. 104",
			},
		},
		{
			"classic publisher with city and country",
			"Linn, H., (1975) The Method, , 1st ed.; Addison-Wesley: Reading, MA, USA; Ito, T., (2001) Phys. Rev. B, 63, p. 104",
			[]string{
				"Linn, H., (1975) The Method, , 1st ed.; Addison-Wesley: Reading, MA, USA",
				"Ito, T., (2001) Phys. Rev. B, 63, p. 104",
			},
		},
		{
			"classic title with a semicolon",
			"Berg, A., Tea drinking; a survey of habits (1999) J. Things, 12, pp. 1-9; van Dam, K., Coffee (2002) Food Rev., 3, p. 5",
			[]string{
				"Berg, A., Tea drinking; a survey of habits (1999) J. Things, 12, pp. 1-9",
				"van Dam, K., Coffee (2002) Food Rev., 3, p. 5",
			},
		},
		{
			"classic title with a semicolon and a capital",
			"Berg, A., Tea drinking; A survey of habits (1999) J. Things, 12, pp. 1-9; Guidelines for tea (2002) Food Rev., 3, p. 5",
			[]string{
				"Berg, A., Tea drinking; A survey of habits (1999) J. Things, 12, pp. 1-9",
				"Guidelines for tea (2002) Food Rev., 3, p. 5",
			},
		},
		{
			"classic html entity",
			"Berg, A. &amp; Lund, K. Tea. J. Things 12 (1999); Ito, T., (2001) Phys. Rev. B, 63, p. 104",
			[]string{
				"Berg, A. &amp; Lund, K. Tea. J. Things 12 (1999)",
				"Ito, T., (2001) Phys. Rev. B, 63, p. 104",
			},
		},
		{
			"classic lone lower-case debris before a whole reference stays apart",
			"Berg, A., (1999) J. Things, 12, p. 1; noteIto, T., (2001) Phys. Rev. B, 63, p. 104",
			[]string{
				"Berg, A., (1999) J. Things, 12, p. 1",
				"noteIto, T., (2001) Phys. Rev. B, 63, p. 104",
			},
		},
		{
			"one reference per line",
			"Berg, A., (1999) J. Things, 12, p. 1;\nIto, T., (2001) Phys. Rev. B, 63, p. 104;\n",
			[]string{
				"Berg, A., (1999) J. Things, 12, p. 1",
				"Ito, T., (2001) Phys. Rev. B, 63, p. 104",
			},
		},
		{
			"new layout, authors separated by semicolons",
			"Berg A.; Lund K.J.; Ito T., A study of things, J Things, 12, 3, pp. 1-9, (1999); Ito T., Other work, Nature, 4, (2001); Report on nothing, Agency, (2010)",
			[]string{
				"Berg A.; Lund K.J.; Ito T., A study of things, J Things, 12, 3, pp. 1-9, (1999)",
				"Ito T., Other work, Nature, 4, (2001)",
				"Report on nothing, Agency, (2010)",
			},
		},
		{
			"new layout, reference without year followed by another",
			"Berg A.; Lund K., Unpublished notes, Lab memo; Ito T.; Sato K., Other work, Nature, 4, (2001)",
			[]string{
				"Berg A.; Lund K., Unpublished notes, Lab memo",
				"Ito T.; Sato K., Other work, Nature, 4, (2001)",
			},
		},
		{
			"new layout, initials without dots",
			"Berg AK; Lund KJ, A study, J Things, 12, pp. 1-9, (1999); Ito T, Other, Nature, 4, (2001)",
			[]string{
				"Berg AK; Lund KJ, A study, J Things, 12, pp. 1-9, (1999)",
				"Ito T, Other, Nature, 4, (2001)",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitScopusReferences(tt.cell)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitScopusReferences(%q)\n got %q\nwant %q", tt.cell, got, tt.want)
			}
		})
	}
}

func TestParseScopusReference(t *testing.T) {
	au := func(pairs ...string) []Author {
		var out []Author
		for i := 0; i+1 < len(pairs); i += 2 {
			out = append(out, Author{Family: pairs[i], Given: pairs[i+1]})
		}
		return out
	}
	tests := []struct {
		raw  string
		want Reference
	}{
		{
			"Berg, A., Lund, K.J., A study of things (1999) J. Things, 12 (3), pp. 1-9",
			Reference{Authors: au("Berg", "A.", "Lund", "K.J."), Year: 1999, Title: "A study of things", Venue: "J. Things", Volume: "12", Pages: "1-9"},
		},
		{
			// no title: the year follows the authors
			"Ito, T., Sato, K., (2001) Phys. Rev. B, 63, p. 104",
			Reference{Authors: au("Ito", "T.", "Sato", "K."), Year: 2001, Venue: "Phys. Rev. B", Volume: "63", Pages: "104"},
		},
		{
			// newer classic: "Surname I." authors, particles, Jr.
			"van der Berg J.A., MacKay Jr. R., Deep things (2019) Science, 365, pp. 10-12",
			Reference{Authors: au("van der Berg", "J.A.", "MacKay Jr.", "R."), Year: 2019, Title: "Deep things", Venue: "Science", Volume: "365", Pages: "10-12"},
		},
		{
			// a book: the source is the book title, no volume or pages
			"Stone, L., (1995) Biochemistry of Plants, , Freeman, New York",
			Reference{Authors: au("Stone", "L."), Year: 1995, Venue: "Biochemistry of Plants"},
		},
		{
			// no authors
			"Guidelines for safe handling (2004) Lab. Safety J., 9, pp. 1-5",
			Reference{Year: 2004, Title: "Guidelines for safe handling", Venue: "Lab. Safety J.", Volume: "9", Pages: "1-5"},
		},
		{
			// et al. ends the author list
			"Wu, X., et al., Fast methods (2010) Comput. J., 5, p. 9",
			Reference{Authors: au("Wu", "X."), Year: 2010, Title: "Fast methods", Venue: "Comput. J.", Volume: "5", Pages: "9"},
		},
		{
			// editors and publisher after the source; DOI inside
			"Roe, P., Modelling (1998) Methods in Modelling, pp. 39-50. , Abel, P.; Cole, R. D., Eds.; Springer: Berlin, 10.1007/978-3-642-58360-5_2",
			Reference{Authors: au("Roe", "P."), Year: 1998, Title: "Modelling", Venue: "Methods in Modelling", Pages: "39-50", DOI: "10.1007/978-3-642-58360-5_2"},
		},
		{
			// a lone surname before the year
			"Dolan, (1967) Courts in Cities, , Wiley, New York",
			Reference{Authors: []Author{{Family: "Dolan"}}, Year: 1967, Venue: "Courts in Cities"},
		},
		{
			// new layout: all fields
			"Berg A.; Lund K.J.; Ito T., A study of things, with commas, J Things, 12, 3, pp. 1-9, (1999)",
			Reference{Authors: au("Berg", "A.", "Lund", "K.J.", "Ito", "T."), Year: 1999, Title: "A study of things, with commas", Venue: "J Things", Volume: "12", Pages: "1-9"},
		},
		{
			// new layout: initials without dots, article without pages, venue with parentheses
			"Berg AK; Lund KJ, Cell work, Cancers (Basel), 12, (2020)",
			Reference{Authors: au("Berg", "AK", "Lund", "KJ"), Year: 2020, Title: "Cell work", Venue: "Cancers (Basel)", Volume: "12"},
		},
		{
			// new layout: a book has a title and no source
			"Dale J., How we learn, (1910)",
			Reference{Authors: au("Dale", "J."), Year: 1910, Title: "How we learn"},
		},
		{
			// a classic reference without a source also ends with its year
			"Berg, A., Lund, K., Unpublished thoughts (2001)",
			Reference{Authors: au("Berg", "A.", "Lund", "K."), Year: 2001, Title: "Unpublished thoughts"},
		},
		{
			// new layout: et al. after the authors
			"Berg A.; Lund K.; et al., Big study, Nature, 4, (2021)",
			Reference{Authors: au("Berg", "A.", "Lund", "K."), Year: 2021, Title: "Big study", Venue: "Nature", Volume: "4"},
		},
		{
			// new layout: no authors
			"The burden of back pain, Lancet Rheumatol, 5, (2023)",
			Reference{Year: 2023, Title: "The burden of back pain", Venue: "Lancet Rheumatol", Volume: "5"},
		},
		{
			// new layout: book with a volume, no source
			"Swan SH; Camp E, Classification of Tumours, 2, (2008)",
			Reference{Authors: au("Swan", "SH", "Camp", "E"), Year: 2008, Title: "Classification of Tumours", Volume: "2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got := ParseScopusReference(tt.raw)
			tt.want.Raw = tt.raw
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseScopusReference(%q)\n got %+v\nwant %+v", tt.raw, got, tt.want)
			}
		})
	}
}

// TestParseScopusReferenceIrregular checks references without a "(Year)":
// the raw text is kept and the Scopus author list is still read.
func TestParseScopusReferenceIrregular(t *testing.T) {
	raw := "Lorenz, R.J., 1996. Grundbegriffe der Biometrie Fischer, Stuttgart"
	got := ParseScopusReference(raw)
	if got.Raw != raw {
		t.Errorf("Raw = %q", got.Raw)
	}
	if len(got.Authors) == 0 || got.Authors[0].Family != "Lorenz" {
		t.Errorf("Authors = %v, want Lorenz first", got.Authors)
	}
	if got := ParseScopusReference("  "); !reflect.DeepEqual(got, Reference{}) {
		t.Errorf("blank reference = %+v", got)
	}
}

func TestScopusNewLayout(t *testing.T) {
	for cell, want := range map[string]bool{
		"Berg A.; Lund K., Title, Source, 1, (2001); Ito T., Title, Source, 2, (2002)": true,
		"Berg, A., Title (2001) Source, 1, p. 2; Ito, T., (2002) Source, 2, p. 3":      false,
		"Dale J., How we learn, (1910)":                                                true,
		strings.Repeat("Berg, A., (2001) Src, 1; ", 3):                                 false,
	} {
		if got := scopusNewLayout(cell); got != want {
			t.Errorf("scopusNewLayout(%q) = %v, want %v", cell, got, want)
		}
	}
}

func FuzzScopusReferences(f *testing.F) {
	f.Add("Berg, A., Lund, K.J., A study (1999) J. Things, 12 (3), pp. 1-9; Ito, T., (2001) Phys. Rev. B, 63, p. 104")
	f.Add("Berg A.; Lund K.J., A study, J Things, 12, 3, pp. 1-9, (1999); Dale J., How we learn, (1910)")
	f.Add("Roe, P., (1998) M, 4. , L; Abel, P.; Cole, R. D., Eds.; Springer-Verlag: Berlin")
	f.Add("((((; ,,,; (2001); ; a; Eds.")
	f.Fuzz(func(t *testing.T, cell string) {
		for _, raw := range SplitScopusReferences(cell) {
			if strings.TrimSpace(raw) == "" {
				t.Fatalf("empty reference from %q", cell)
			}
			ParseScopusReference(raw)
		}
	})
}
