package fetch

import (
	"encoding/json"
	"testing"
)

// FuzzReadEntry: a cache file is untrusted input; whatever it holds,
// reading it does not panic and yields only records the readers made.
func FuzzReadEntry(f *testing.F) {
	f.Add(encodeEntry("openalex", header{Retrieved: "2024-01-02T03:04:05Z"}, []json.RawMessage{[]byte(`{"id":"https://openalex.org/W1","title":"T"}`)}), true)
	f.Add(encodeEntry("crossref", header{Retrieved: "x"}, []json.RawMessage{[]byte(`{"DOI":"10.1/x","title":["T"]}`)}), false)
	f.Add([]byte(`{"citegraph":{"retrieved":5},"results":[`), true)
	f.Fuzz(func(t *testing.T, data []byte, oa bool) {
		source := "crossref"
		if oa {
			source = "openalex"
		}
		e := readEntry(source, "entry", data)
		for _, rec := range e.records {
			if rec.Format != source || rec.File != "entry" {
				t.Fatalf("record %+v", rec)
			}
		}
	})
}
