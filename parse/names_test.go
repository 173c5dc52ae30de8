package parse

import (
	"bytes"
	"compress/gzip"
	"testing"
)

func TestNormalizeDOI(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"10.1111/1467-9566.00352", "10.1111/1467-9566.00352"},
		{"https://doi.org/10.1111/HSC.12538", "10.1111/hsc.12538"},
		{"http://dx.doi.org/10.1000/xyz.", "10.1000/xyz"},
		{"doi: 10.1016/0010-0285(92)90010-T", "10.1016/0010-0285(92)90010-t"},
		{"(see 10.1000/abc)", "10.1000/abc"},
		{"DOI 10.1002/(SICI)1097-4571(199105)42:4<290::AID-ASI5>3.0.CO;2-9", "10.1002/(sici)1097-4571(199105)42:4<290::aid-asi5>3.0.co;2-9"},
		{"no doi here", ""},
		{"10.1000/", ""},
	} {
		if got := NormalizeDOI(tc.in); got != tc.want {
			t.Errorf("NormalizeDOI(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseName(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Author
	}{
		{"Smith, John A.", Author{Family: "Smith", Given: "John A."}},
		{"Smith JA", Author{Family: "Smith", Given: "JA"}},
		{"Aria M", Author{Family: "Aria", Given: "M"}},
		{"J. A. Smith", Author{Family: "Smith", Given: "J. A."}},
		{"Lorelei Jones", Author{Family: "Jones", Given: "Lorelei"}},
		{"Ludwig van Beethoven", Author{Family: "van Beethoven", Given: "Ludwig"}},
		{"Martin Luther King Jr.", Author{Family: "King Jr.", Given: "Martin Luther"}},
		{"Plato", Author{Family: "Plato"}},
		{"  ", Author{}},
	} {
		if got := ParseName(tc.in); got != tc.want {
			t.Errorf("ParseName(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestTextHelpers(t *testing.T) {
	if got := CleanSpace("  a \t b\u00a0\u00a0c  "); got != "a b c" {
		t.Errorf("CleanSpace = %q", got)
	}
	if got := Fold("Über-Müller’s  Ångström, Łódź"); got != "uber mullers angstrom lodz" {
		t.Errorf("Fold = %q", got)
	}
	if got := ParseYear("Vol. 25 (5), published 18 June 2003"); got != 2003 {
		t.Errorf("ParseYear = %d", got)
	}
	if got := Shorten("one two three four five six", 14); got != "one two three…" {
		t.Errorf("Shorten = %q", got)
	}
}

func TestNormalizer(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"utf8 bom crlf", "\xef\xbb\xbfa\r\nb\r\n", "a\nb\n"},
		{"lone cr", "a\rb\r\rc", "a\nb\n\nc"},
		{"utf16le bom", "\xff\xfea\x00\r\x00\n\x00\xe9\x00", "a\né"},
		{"utf16be bom", "\xfe\xff\x00a\x00\n\x00\xe9", "a\né"},
		{"latin1 line", "caf\xe9\nok\n", "café\nok\n"},
		{"cp1252 quotes", "\x93q\x94\n", "“q”\n"},
	} {
		n := newNormalizer(stringsReader(tc.in))
		got := readAllString(t, n)
		if got != tc.want {
			t.Errorf("%s: normalised %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestReadGzip(t *testing.T) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte("[{\"id\": \"https://openalex.org/W1\", \"display_name\": \"A zipped work\", \"publication_year\": 2020, \"referenced_works\": [\"https://openalex.org/W2\"]}]\n"))
	zw.Close()
	res, err := Read("works.json.gz", &b, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || res.Records[0].Title != "A zipped work" || len(res.Records[0].References) != 1 {
		t.Errorf("gzip input read as %+v", res.Records)
	}
	if _, err := Read("bad.gz", bytes.NewReader([]byte{0x1f, 0x8b, 1, 2, 3}), ""); err == nil {
		t.Error("truncated gzip: no error")
	}
}
