package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph/safetext/safetexttest"
)

// hostileLine is what a hostile title carries: terminal escapes (CSI, OSC
// title, OSC 8 link, 8-bit CSI), a carriage return, a bell, a bidi override,
// a control character XML forbids, Graphviz escapes, HTML, Markdown links
// and a leading spreadsheet formula.
const hostileLine = "=HYPERLINK(\"http://evil\") \x1b[2J\x1b]0;pwned\x07 \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ " +
	"\rfake \u009b31m \u202Eevil\u202C \x01\x7f \\N \\G \\L \\E <script>alert(1)</script> [x](javascript:alert(1)) |cell|"

// hostileWoS is a Web of Science export of two papers with hostile titles,
// authors and venues, citing each other and a common reference.
var hostileWoS = "FN Clarivate Analytics Web of Science\nVR 1.0\n" +
	"PT J\nAU Evil\x1b[31m, A\nAF Evil\x1b[31m, Alice\nTI " + hostileLine + "\nSO " + hostileLine + "\nPY 2020\nDI 10.1234/evil\n" +
	"CR Doe J, 2001, NATURE, V1, P2, DOI 10.1234/cited1\nCR Roe K, 2002, SCIENCE, V3, P4, DOI 10.1234/cited2\nUT WOS:000000000000001\nER\n\n" +
	"PT J\nAU -Minus, B\nTI -2+3 second " + hostileLine + "\nSO JOURNAL\nPY 2021\n" +
	"CR Doe J, 2001, NATURE, V1, P2, DOI 10.1234/cited1\nCR Evil A, 2020, EVIL, V1, P1, DOI 10.1234/evil\n" +
	"CR \x1b]0;ref\x07Roe K, 2002, SCIENCE, V3, P4, DOI 10.1234/cited2\nUT WOS:000000000000002\nER\nEF\n"

// TestHostileInputEveryOutput runs every command and output format on a
// hostile file with a hostile name and checks that what reaches the
// terminal is inert, that JSON, SVG and CSV stay well-formed, and that no
// markup or formula gets through.
func TestHostileInputEveryOutput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "evil\x1b]0;pwned\x07\u202e.txt")
	if err := os.WriteFile(in, []byte(hostileWoS), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing\x1b[2J.ris")
	out := filepath.Join(dir, "out")
	runs := map[string][]string{
		"report text":     {"-width", "80", "-color", "always", "-out", out, in, missing},
		"report json":     {"-format", "json", "-out", "", in},
		"report csv":      {"-format", "csv", "-out", "", in},
		"report markdown": {"-format", "markdown", "-out", "", in},
		"records":         {"records", in, missing},
		"export json":     {"export", in},
		"export dot":      {"export", "-format", "dot", in},
		"explain text":    {"explain", "10.1234/evil", "WOS:000000000000002", "--", in},
		"explain json":    {"explain", "-format", "json", "10.1234/evil", "WOS:000000000000002", "--", in},
		"explain unknown": {"explain", "\x1b]0;x\x07", "--", in},
	}
	outputs := map[string]string{}
	for name, args := range runs {
		stdout, stderr, _ := citegraph(t, args...)
		outputs[name] = stdout
		if name == "report text" {
			// the report's own styles are the only escapes allowed
			stdout = strings.NewReplacer("\x1b[1m", "", "\x1b[2m", "", "\x1b[0m", "").Replace(stdout)
		}
		for stream, s := range map[string]string{"stdout": stdout, "stderr": stderr} {
			if r, bad := safetexttest.TerminalUnsafe(s); bad {
				t.Errorf("%s: %s prints %U raw", name, stream, r)
			}
			if !utf8.ValidString(s) {
				t.Errorf("%s: %s is not UTF-8", name, stream)
			}
		}
	}
	if !strings.Contains(outputs["report text"], "Most central works") || !strings.Contains(outputs["explain text"], "Between ") {
		t.Fatalf("the hostile file was not read:\n%s", outputs["report text"])
	}

	for _, name := range []string{"report json", "export json", "explain json"} {
		if !json.Valid([]byte(outputs[name])) {
			t.Errorf("%s is not JSON:\n%s", name, outputs[name])
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(outputs["records"]), "\n") {
		if !json.Valid([]byte(line)) {
			t.Errorf("records line is not JSON: %s", line)
		}
	}
	var exp struct {
		Works []struct{ Title string } `json:"works"`
	}
	json.Unmarshal([]byte(outputs["explain json"]), &exp)
	if len(exp.Works) != 2 || !strings.Contains(exp.Works[0].Title, `\N \G \L \E <script>`) {
		t.Errorf("explain json works: %+v", exp.Works)
	}

	rows, err := csv.NewReader(strings.NewReader(outputs["report csv"])).ReadAll()
	if err != nil || len(rows) < 3 {
		t.Fatalf("report csv: %v, %d rows", err, len(rows))
	}
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("CSV cell %.30q can be read as a formula", cell)
			}
		}
	}
	if md := outputs["report markdown"]; strings.Contains(md, "<script") || strings.Contains(strings.ReplaceAll(md, `\]`, ""), "](javascript") {
		t.Errorf("markdown passes markup through:\n%s", md)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*"))
	if len(files) < 2 {
		t.Fatalf("-out holds %q", files)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if r, bad := safetexttest.TerminalUnsafe(string(b)); bad {
			t.Errorf("%s holds %U raw", filepath.Base(f), r)
		}
		if strings.HasSuffix(f, ".svg") {
			checkSVG(t, f)
		}
	}
	shown := false
	for _, tip := range checkSVG(t, filepath.Join(out, "citations.svg")) {
		shown = shown || strings.Contains(tip, `\N \G \L \E`)
	}
	if !shown {
		t.Error(`no tooltip of citations.svg shows \N \G \L \E as written`)
	}
}

// checkSVG fails unless the file is well-formed XML without a script
// element; it returns the tooltips.
func checkSVG(t *testing.T, path string) (tooltips []string) {
	t.Helper()
	svg, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return tooltips
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", path, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local == "script" {
				t.Errorf("%s has a script element", path)
			}
			for _, a := range se.Attr {
				if a.Name.Local == "title" {
					tooltips = append(tooltips, a.Value)
				}
			}
		}
	}
}

// FuzzRun runs the report, records and both exports on any input file and
// checks what every output promises: what is meant for the terminal is
// inert, JSON is JSON, the DOT holds no character XML forbids (so the SVG
// Graphviz makes of it parses; FuzzDOTSVG in package graph draws it, which
// is too slow here under the fuzzer's instrumentation).
func FuzzRun(f *testing.F) {
	f.Add([]byte(hostileWoS))
	f.Add([]byte("TY  - JOUR\nTI  - \x1b]0;x\x07 <b>\\N</b>\nAU  - =A, B\nPY  - 2020\nER  - \n"))
	f.Add([]byte(`{"id":"W1","title":"\u001b[2J\u202e","publication_year":2020,"referenced_works":["W2","W3"]}`))
	if seed, err := os.ReadFile(seedFile); err == nil {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in := filepath.Join(t.TempDir(), "in.txt")
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"-width", "80", "-color", "never", "-top", "5", "-out", "", in},
			{"records", in},
			{"export", in},
			{"export", "-format", "dot", "-nodes", "20", in},
		} {
			stdout, stderr, _ := citegraph(t, args...)
			for stream, s := range map[string]string{"stdout": stdout, "stderr": stderr} {
				if r, bad := safetexttest.TerminalUnsafe(s); bad {
					t.Fatalf("%q: %s prints %U raw", args, stream, r)
				}
			}
			if args[0] == "export" && len(args) == 2 && stdout != "" && !json.Valid([]byte(stdout)) {
				t.Fatalf("export is not JSON")
			}
			if len(args) > 2 && args[2] == "dot" && strings.ContainsAny(stdout, "\uFFFE\uFFFF") {
				t.Fatalf("DOT holds a character XML forbids")
			}
		}
	})
}

// TestBadBytesRun: a NUL byte and random bytes past the first 64 KiB of a
// file used to abort the run with an error naming a line of the output DOT
// file. Now the report and diagram are made and the problem is reported at
// the input's line.
func TestBadBytesRun(t *testing.T) {
	rec := func(n int, title string) string {
		return fmt.Sprintf("PT J\nAU Author%c, A\nTI %s\nSO JOURNAL\nPY 2020\nCR Doe J, 2001, NATURE, V1, P2, DOI 10.1234/cited1\nUT WOS:%015d\nER\n\n", 'A'+n, title, n)
	}
	first := strings.Replace(rec(1, "First paper"), "SO ", "AB "+strings.Repeat("padding words ", 6000)+"\nSO ", 1)
	head := "FN Clarivate Analytics Web of Science\nVR 1.0\n" + first
	nulLine := strings.Count(head, "\n") + 3
	junk := make([]byte, 256)
	for i := range junk {
		junk[i] = byte(i * 151) // every byte value, scrambled
	}
	data := head + rec(2, "Second \x00 paper") + rec(3, "Third "+string(junk)+" paper") + rec(4, "Fourth paper") + "EF\n"
	in := filepath.Join(t.TempDir(), "damaged.txt")
	if err := os.WriteFile(in, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	stdout, stderr, err := citegraph(t, "-width", "100", "-color", "never", "-out", out, in)
	if err != nil {
		t.Fatalf("run failed: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "4 records") || !strings.Contains(stdout, "Second paper") {
		t.Errorf("report does not count the 4 records or show the damaged title:\n%s", stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "citations.svg")); err != nil {
		t.Errorf("no diagram: %v", err)
	}
	_, stderr, _ = citegraph(t, "records", in)
	if want := fmt.Sprintf("%s:%d: ", in, nulLine); !strings.Contains(stderr, want+"3 line(s) held control characters or NUL bytes, removed") {
		t.Errorf("records does not report %q:\n%s", want, stderr)
	}
}
