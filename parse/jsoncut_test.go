package parse

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONMend(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"a":1,"b":"xy`, `{"a":1,"b":"xy"}`},
		{`{"a":1,"b":"x\`, `{"a":1,"b":"x"}`},
		{`{"a":1,"b":"x\u00`, `{"a":1,"b":"x"}`},
		{`{"a":1,"b":"x\\`, `{"a":1,"b":"x\\"}`},
		{`{"a":1,"b`, `{"a":1}`},
		{`{"a":1,"b":`, `{"a":1}`},
		{`{"a":1,"b":12`, `{"a":1}`},
		{`{"a":1,"b":[1,2,{"c":tr`, `{"a":1,"b":[1,2,{}]}`},
		{`{"a":{"b":[[2024,11`, `{"a":{"b":[[2024]]}}`},
		{`[{"a":1},{"b":"`, `[{"a":1},{"b":""}]`},
		{`{"a":1}`, `{"a":1}`},
		{`{`, `{}`},
		{`"text`, ``},
		{`x{`, ``},
	} {
		got := string(jpMend([]byte(c.in)))
		if got != c.want {
			t.Errorf("jpMend(%s) = %s, want %s", c.in, got, c.want)
		}
		if got != "" && !json.Valid([]byte(got)) {
			t.Errorf("jpMend(%s) = %s: not valid JSON", c.in, got)
		}
	}
}

// TestJSONCutOff reads an API response cut off at every byte: the cut
// response gives the fields before the cut, with a warning.
func TestJSONCutOff(t *testing.T) {
	full := `{"status":"ok","message-type":"work","message":{"reference-count":97,"issue":"4",` +
		`"short-container-title":["ACM Trans. Web"],"published-print":{"date-parts":[[2024,11,30]]},` +
		`"abstract":"Graph neural networks \"GNNs\" have gained attention.","DOI":"10.1145/3700000","title":["A made-up title"]}}`
	// from the first letter of the journal's name on, the cut work is a work
	for n := strings.Index(full, `ACM`) + 1; n < len(full); n++ {
		res, err := Read("cut.json", strings.NewReader(full[:n]), "")
		if err != nil {
			t.Fatalf("cut at %d: %v", n, err)
		}
		if len(res.Records) != 1 {
			t.Fatalf("cut at %d: %d records, skipped %v", n, len(res.Records), res.Skipped)
		}
		r := res.Records[0]
		if r.RefsDeclared == nil || *r.RefsDeclared != 97 {
			t.Errorf("cut at %d: declared references %v, want 97", n, r.RefsDeclared)
		}
		if n > strings.Index(full, `,"published-print"`) && r.Venue != "ACM Trans. Web" {
			t.Errorf("cut at %d: venue %q", n, r.Venue)
		}
		if n > strings.Index(full, `,"abstract"`) && r.Year != 2024 {
			t.Errorf("cut at %d: year %d", n, r.Year)
		}
		said := false
		for _, e := range append(res.Warnings, res.Skipped...) {
			said = said || strings.Contains(e.Error(), "ends early")
		}
		if !said {
			t.Errorf("cut at %d: warnings %v, skipped %v: none says the input ends early", n, res.Warnings, res.Skipped)
		}
	}
	// a whole response has no such warning
	res, err := Read("whole.json", strings.NewReader(full), "")
	if err != nil || len(res.Records) != 1 || len(res.Warnings) != 0 || res.Records[0].Title != "A made-up title" {
		t.Errorf("whole response: %v %+v", err, res)
	}
}
