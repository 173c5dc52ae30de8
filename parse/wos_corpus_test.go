package parse

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// Real-data tests on the shared corpora; counts from its README.

func TestWoSCorpus(t *testing.T) {
	// References whose raw text plainly holds a year or a DOI must yield it.
	yearShown := regexp.MustCompile(`^(?:[^,]+)?(?:1[5-9]|20)\d\d(?:,|$)`)
	doiShown := regexp.MustCompile(`DOI \[?10\.\d{4,9}/`)
	tests := []struct {
		file, format      string
		records, refs, nr int
	}{
		{"wos/bibliometrix_wos_sample.txt", "wos", 8, 252, 252},
		{"wos/metaknowledge_savedrecs.txt", "wos", 32, 958, 958},
		{"wos/python-bibx_bit-pattern-savedrecs.txt", "wos", 500, 13444, 13444},
		{"wos/wosfile_wos_plaintext.txt", "wos", 50, 2911, 2911},
		// The CR column is empty in every row; NR still declares references
		// (not counted in the README; 2,731 by our reading).
		{"wos-tab/ScientoPy_wos_2026_04_02_4071.txt", "wos-tab", 71, 0, 2731},
		{"wos-tab/wosfile_wos_tab_delimited_win_utf8.txt", "wos-tab", 50, 2911, 2911},
		{"wos-tab/wosfile_wos_tab_delimited_win_utf16.txt", "wos-tab", 50, 2911, 2911},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			res := readCorpus(t, tc.file)
			if res.Format != tc.format {
				t.Errorf("format %q, want %q", res.Format, tc.format)
			}
			if len(res.Warnings)+len(res.Skipped) != 0 {
				t.Errorf("clean export gave warnings %v, skipped %v", res.Warnings, res.Skipped)
			}
			if len(res.Records) != tc.records {
				t.Errorf("%d records, want %d", len(res.Records), tc.records)
			}
			if n := refCount(res.Records); n != tc.refs {
				t.Errorf("%d references, want %d", n, tc.refs)
			}
			nr, noYear, noDOI := 0, 0, 0
			for _, r := range res.Records {
				if r.IDs["wos"] == "" || r.Title == "" || r.Year == 0 {
					t.Errorf("record at %s lacks UT, title or year", r.Source)
				}
				if r.RefsDeclared != nil {
					nr += *r.RefsDeclared
				}
				for _, ref := range r.References {
					if ref.Year == 0 && yearShown.MatchString(ref.Raw) {
						noYear++
						t.Logf("no year from %q", ref.Raw)
					}
					if ref.DOI == "" && doiShown.MatchString(ref.Raw) {
						noDOI++
						t.Logf("no DOI from %q", ref.Raw)
					}
				}
			}
			if nr != tc.nr {
				t.Errorf("NR sum %d, want %d", nr, tc.nr)
			}
			if noYear+noDOI != 0 {
				t.Errorf("%d references lost their year, %d their DOI", noYear, noDOI)
			}
		})
	}
}

// TestWoSConsistency reads the same 50 records exported as plain text and as
// the two tab-delimited files and expects the same records and references.
func TestWoSConsistency(t *testing.T) {
	type refKey struct {
		Raw, Venue, Volume, Pages, DOI string
		Year                           int
		Authors                        []Author
	}
	type recKey struct {
		Title, Venue, VenueAbbrev, Volume, Issue, Pages, DOI, Type, Abstract string
		Year                                                                 int
		Authors                                                              []Author
		Keywords                                                             []string
		IDs                                                                  map[string]string
		CitedBy, RefsDeclared                                                int
		Refs                                                                 []refKey
	}
	load := func(file string) map[string]recKey {
		res := readCorpus(t, file)
		m := map[string]recKey{}
		for _, r := range res.Records {
			k := recKey{Title: r.Title, Venue: r.Venue, VenueAbbrev: r.VenueAbbrev, Volume: r.Volume, Issue: r.Issue,
				Pages: r.Pages, DOI: r.DOI, Type: r.Type, Abstract: r.Abstract, Year: r.Year, Authors: r.Authors,
				Keywords: r.Keywords, IDs: r.IDs, CitedBy: *r.CitedBy, RefsDeclared: *r.RefsDeclared}
			for _, ref := range r.References {
				k.Refs = append(k.Refs, refKey{ref.Raw, ref.Venue, ref.Volume, ref.Pages, ref.DOI, ref.Year, ref.Authors})
			}
			m[r.IDs["wos"]] = k
		}
		return m
	}
	plain := load("wos/wosfile_wos_plaintext.txt")
	if len(plain) != 50 {
		t.Fatalf("%d distinct UT in the plain-text file, want 50", len(plain))
	}
	for _, file := range []string{"wos-tab/wosfile_wos_tab_delimited_win_utf8.txt", "wos-tab/wosfile_wos_tab_delimited_win_utf16.txt"} {
		tab := load(file)
		if len(tab) != len(plain) {
			t.Errorf("%s: %d records, plain text %d", file, len(tab), len(plain))
		}
		for ut, p := range plain {
			q, ok := tab[ut]
			if !ok {
				t.Errorf("%s: %s missing", file, ut)
				continue
			}
			if !reflect.DeepEqual(p, q) {
				t.Errorf("%s: %s differs from the plain-text record:\nplain %+v\ntab   %+v", file, ut, p, q)
			}
		}
	}
}

func benchmarkWoS(b *testing.B, rel, format string) {
	path := corpusFile(b, rel)
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := Read(path, bytes.NewReader(data), format)
		if err != nil || len(res.Records) == 0 {
			b.Fatalf("read: %v", err)
		}
	}
}

// BenchmarkWoS reads the largest plain-text export (2.2 MB, 500 records,
// 13,444 references); MB/s is reported.
func BenchmarkWoS(b *testing.B) {
	benchmarkWoS(b, "wos/python-bibx_bit-pattern-savedrecs.txt", "wos")
}

// BenchmarkWoSTab reads the UTF-16 tab-delimited export (0.6 MB).
func BenchmarkWoSTab(b *testing.B) {
	benchmarkWoS(b, "wos-tab/wosfile_wos_tab_delimited_win_utf16.txt", "wos-tab")
}

// TestWoSSniffCorpus runs both sniffers on the head of every corpus file:
// each must claim exactly the files of its layout.
func TestWoSSniffCorpus(t *testing.T) {
	root := corpusFile(t, ".")
	files, errs := Files([]string{root})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		if strings.HasSuffix(f, ".zip") {
			continue
		}
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		head, _ := bufio.NewReaderSize(newNormalizer(fh), sniffSize).Peek(sniffSize)
		fh.Close()
		wantWoS := strings.HasPrefix(rel, "wos/") || strings.HasPrefix(rel, "malformed/")
		wantTab := strings.HasPrefix(rel, "wos-tab/")
		if got := wosSniff(rel, head); got != wantWoS {
			t.Errorf("%s: wosSniff = %v, want %v", rel, got, wantWoS)
		}
		if got := wosTabSniff(rel, head); got != wantTab {
			t.Errorf("%s: wosTabSniff = %v, want %v", rel, got, wantTab)
		}
	}
}
