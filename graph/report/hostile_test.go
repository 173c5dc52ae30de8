package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph/safetext/safetexttest"
)

// hostile is text a hostile input can put in a title, a file name or a
// message: terminal escapes (CSI, OSC 8, 8-bit CSI), a carriage return, a
// bidi override, HTML, Markdown markup and a leading formula.
const hostile = "=HYPERLINK(\"http://x\")\x1b[2J\x1b]8;;http://evil\x1b\\ \rfake\u009b31m\u202Eevil <script>alert(1)</script> [l](javascript:x) |cell| *em* `code` \x7f\xff"

// hostileReport is a report whose titles, file names and messages are s.
func hostileReport(s string) *Report {
	return &Report{
		Inputs:   []Input{{File: "evil" + s + ".txt", Format: "wos", Records: 1}},
		Problems: []string{"evil.txt:3: " + s},
		Records:  1, Works: 2, Metric: "in_degree",
		Ranking: []Row{{Rank: 1, ID: "doi:10.1/x", Label: s, Title: s, InCorpus: true, LCS: 1},
			{Rank: 2, ID: "-id", Label: "-" + s}},
		Coupling: []PairRow{{A: "a", ALabel: s, B: "b", BLabel: s, Count: 1, Cosine: 1}},
	}
}

// TestWritersHostile writes a report whose titles, file names and messages
// are hostile in every format and checks each stays inert.
func TestWritersHostile(t *testing.T) {
	checkWriters(t, hostile)
}

// FuzzWriters is TestWritersHostile for any text.
func FuzzWriters(f *testing.F) {
	for _, s := range []string{hostile, "plain", "\x1b\x9b\u009b\xc2", "| a | b |", "=1", "\r\n\t"} {
		f.Add(s)
	}
	f.Fuzz(checkWriters)
}

// checkWriters writes the report of hostileReport(s) in every format and
// checks that each stays inert: no character a terminal acts on, Markdown
// without raw HTML or links, CSV cells that are not formulas, JSON that
// means the same text.
func checkWriters(t *testing.T, s string) {
	r := hostileReport(s)
	var text, md, cs, js bytes.Buffer
	for _, err := range []error{WriteText(&text, r, TextOptions{Width: 100}), WriteMarkdown(&md, r), WriteCSV(&cs, r), WriteJSON(&js, r)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	for name, out := range map[string]string{"text": text.String(), "markdown": md.String(), "csv": cs.String(), "json": js.String()} {
		if c, bad := safetexttest.TerminalUnsafe(out); bad {
			t.Errorf("%s report prints %U raw", name, c)
		}
		if !utf8.ValidString(out) {
			t.Errorf("%s report is not UTF-8", name)
		}
	}
	for _, line := range strings.Split(text.String(), "\n") {
		if n := utf8.RuneCountInString(line); n > 100 {
			t.Errorf("text line of %d columns: %q", n, line)
		}
	}

	unescaped := strings.NewReplacer(`\]`, "", `\*`, "", "\\`", "").Replace(md.String())
	for _, bad := range []string{"<script", "](javascript", "*em*", "`code`"} {
		if strings.Contains(unescaped, bad) {
			t.Errorf("markdown passes %q through", bad)
		}
	}
	// every row of the ranking has as many cells as its header: no title
	// adds a cell
	ranking, _, _ := strings.Cut(md.String()[strings.Index(md.String(), "## Most central"):], "## Bibliographic")
	cells := -1
	for _, line := range strings.Split(ranking, "\n") {
		n := strings.Count(line, "|") - strings.Count(line, `\|`)
		switch {
		case strings.HasPrefix(line, "| # |"):
			cells = n
		case strings.HasPrefix(line, "| 1 |") || strings.HasPrefix(line, "| 2 |"):
			if n != cells {
				t.Errorf("ranking row has %d cell separators, the header %d: %s", n, cells, line)
			}
		}
	}
	if cells < 0 {
		t.Errorf("no ranking table in the Markdown report:\n%s", ranking)
	}

	rows, err := csv.NewReader(&cs).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("CSV cell %q can be read as a formula", cell)
			}
		}
	}

	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatalf("JSON does not parse: %v", err)
	}
	if want := strings.ToValidUTF8(s, "\uFFFD"); utf8.ValidString(s) && back.Ranking[0].Title != want {
		t.Errorf("JSON title read back as %q, want %q", back.Ranking[0].Title, want)
	}
}
