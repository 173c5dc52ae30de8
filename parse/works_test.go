package parse

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// TestReadWorks: each work comes with its own JSON text, which read alone
// gives the same record.
func TestReadWorks(t *testing.T) {
	for _, tc := range []struct {
		rel, format string
		works       int
	}{
		{"openalex/Academic-Explorer_page__3D__1__26__per_page__3D__50.json", "openalex", 50},
		{"crossref/oc_meta_crossref_2019.json", "crossref", 20},
		{"crossref/abbotsbury_test1.json", "crossref", 1},
	} {
		f, err := os.Open(corpusFile(t, tc.rel))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		res, err := ReadWorks("in", f, tc.format, func(rec Record, raw []byte) {
			n++
			if !json.Valid(raw) {
				t.Errorf("%s: work at line %d: text is not JSON", tc.rel, rec.Line)
				return
			}
			var alone []Record
			ReadWorks("alone", bytes.NewReader(raw), tc.format, func(r Record, _ []byte) { alone = append(alone, r) })
			if len(alone) != 1 || alone[0].Title != rec.Title || alone[0].DOI != rec.DOI || len(alone[0].References) != len(rec.References) {
				t.Errorf("%s: work at line %d reads differently alone", tc.rel, rec.Line)
			}
		})
		f.Close()
		if err != nil || n != tc.works || len(res.Records) != 0 {
			t.Errorf("%s: %d works, %v", tc.rel, n, err)
		}
	}
	if _, err := ReadWorks("x", bytes.NewReader([]byte("{}")), "ris", func(Record, []byte) {}); err == nil {
		t.Error("ReadWorks accepted a format that is not JSON works")
	}
}

func FuzzReadWorks(f *testing.F) {
	f.Add([]byte(`{"meta":{"count":1},"results":[{"id":"https://openalex.org/W1","title":"T","referenced_works":["W2"]}]}`), true)
	f.Add([]byte(`{"status":"ok","message":{"items":[{"DOI":"10.1/x","title":["T"],"reference":[{"DOI":"10.1/y"}]}]}}`), false)
	f.Add([]byte("{\"id\":\"W1\"}\n{\"id\":\"W2\",\"title\":\"x\"}\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, oa bool) {
		format := "crossref"
		if oa {
			format = "openalex"
		}
		ReadWorks("fuzz", bytes.NewReader(data), format, func(rec Record, raw []byte) {
			if rec.Source == "" || rec.Label == "" || rec.Format != format || len(raw) == 0 {
				t.Fatalf("record %+v from %q", rec, raw)
			}
		})
	})
}
