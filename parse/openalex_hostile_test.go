package parse

import (
	"strings"
	"testing"
)

// TestOpenAlexLongFirstString: a work whose first member is a string longer
// than the 64 KiB the sniffers see was an "unrecognised layout".
func TestOpenAlexLongFirstString(t *testing.T) {
	for _, layout := range []string{"object", "lines", "array"} {
		work := `{"abstract": "` + strings.Repeat("long text \\\" with escapes ", 8000) + `",` +
			`"id": "https://openalex.org/W1", "title": "A work", "publication_year": 2020,` +
			`"authorships": [{"author": {"display_name": "Ada Lovelace"}}], "referenced_works": ["https://openalex.org/W2"]}`
		in := work
		switch layout {
		case "lines":
			in = work + "\n" + strings.Replace(work, "W1", "W3", 1) + "\n"
		case "array":
			in = "[\n" + work + "\n]\n"
		}
		res, err := Read("long.json", strings.NewReader(in), "")
		if err != nil {
			t.Fatalf("%s: %v", layout, err)
		}
		if res.Format != "openalex" || len(res.Records) == 0 || res.Records[0].Title != "A work" || len(res.Records[0].References) != 1 {
			t.Errorf("%s: read as %q, %d records", layout, res.Format, len(res.Records))
		}
	}
}

// TestOpenAlexTitleNotText: a title that is a list of numbers became "1";
// it is ignored with a warning, and display_name stands in.
func TestOpenAlexTitleNotText(t *testing.T) {
	for _, c := range []struct{ title, want, warn string }{
		{`[1, 2]`, "Shown name", `"title" is a list holding a number`},
		{`7`, "Shown name", `"title" is a number`},
		{`{"a": 1}`, "Shown name", `"title" is an object`},
		{`["", "Second"]`, "Second", ""},
		{`null`, "Shown name", ""},
		{`"Real title"`, "Real title", ""},
	} {
		in := `{"id": "https://openalex.org/W1", "title": ` + c.title + `, "display_name": "Shown name", "publication_year": 2020}`
		res, err := Read("t.json", strings.NewReader(in), "openalex")
		if err != nil || len(res.Records) != 1 {
			t.Fatalf("title %s: %v %+v", c.title, err, res)
		}
		if got := res.Records[0].Title; got != c.want {
			t.Errorf("title %s read as %q, want %q", c.title, got, c.want)
		}
		warned := ""
		for _, w := range res.Warnings {
			warned += w.Error()
		}
		if c.warn != "" && !strings.Contains(warned, c.warn) || c.warn == "" && warned != "" {
			t.Errorf("title %s: warnings %q, want %q", c.title, warned, c.warn)
		}
	}
}
