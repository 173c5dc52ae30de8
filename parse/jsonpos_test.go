package parse

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// jpRead reads input as format (or detected when format is "") and fails
// the test on a whole-input error.
func jpRead(t *testing.T, input, format string) *Result {
	t.Helper()
	res, err := Read("test", strings.NewReader(input), format)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return res
}

// jpLines returns the lines of errs, for comparing where problems were found.
func jpLines(errs []*ParseError) []int {
	var out []int
	for _, e := range errs {
		out = append(out, e.Line)
	}
	return out
}

// jpHas reports whether one of errs mentions part.
func jpHas(errs []*ParseError, part string) bool {
	for _, e := range errs {
		if strings.Contains(e.Error(), part) {
			return true
		}
	}
	return false
}

func TestJpCleanMarkup(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Plain  title ", "Plain title"},
		{"Effects of <i>E. coli</i> on H<sub>2</sub>O", "Effects of E. coli on H2O"},
		{"Tom &amp; Jerry &lt;3", "Tom & Jerry <3"},
		{"p < 0.05 and q > 1", "p < 0.05 and q > 1"},
		{"<jats:p>One.</jats:p><jats:p>Two <jats:italic>x</jats:italic>.</jats:p>", "One. Two x."},
		{`<span class="a">Spanned</span> text`, "Spanned text"},
		{"line<br/>break", "line break"},
		{"&lt;i&gt;kept&lt;/i&gt;", "<i>kept</i>"},
	} {
		if got := jpCleanMarkup(c.in); got != c.want {
			t.Errorf("jpCleanMarkup(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestJpText(t *testing.T) {
	var v struct {
		A, B, C, D, E, F, G jpText
		H                   string
	}
	in := `{"a":"text","b":["","first","second"],"c":12,"d":null,"e":{"x":1},"f":[],"g":true,"h":"after"}`
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		t.Fatal(err)
	}
	got := []string{string(v.A), string(v.B), string(v.C), string(v.D), string(v.E), string(v.F), string(v.G), v.H}
	want := []string{"text", "first", "12", "", "", "", "true", "after"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestJpInt(t *testing.T) {
	var v struct{ A, B, C, D, E, F jpInt }
	in := `{"a":7,"b":"12","c":null,"d":"n/a","e":0,"f":3.0}`
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		t.Fatal(err)
	}
	got := []jpInt{v.A, v.B, v.C, v.D, v.E, v.F}
	want := []jpInt{{7, true}, {12, true}, {}, {}, {0, true}, {3, true}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if v.C.Ptr() != nil || *v.E.Ptr() != 0 {
		t.Errorf("Ptr: absent must be nil, a stated 0 must be 0")
	}
}

func TestJpElementLines(t *testing.T) {
	raw := []byte("{\"a\": {\"refs\": [1]},\n \"refs\": [\n  \"x\",\n  {\"k\": \"]\"}, \"y\"\n ]\n}")
	if got, want := jpElementLines(raw, "refs", 10), []int{12, 13, 13}; !slices.Equal(got, want) {
		t.Errorf("jpElementLines = %v, want %v", got, want)
	}
	if got := jpElementLines([]byte(`{"refs":["x"]}`), "refs", 3); got != nil {
		t.Errorf("one-line object: got %v, want nil", got)
	}
	if got := jpElementLines([]byte("{\n\"other\": 1}"), "refs", 1); got != nil {
		t.Errorf("no such key: got %v, want nil", got)
	}
}

func TestJpHasKey(t *testing.T) {
	keys := map[string]bool{"results": true}
	for _, c := range []struct {
		in   string
		want bool
	}{
		{`{"meta":{"results":1},"results":[]}`, true},
		{`{"meta":{"results":[]},"x":"results"}`, false},
		{`{"a":"\"results\"","b":1}`, false},
		{`{"a":`, false},
		{`[]`, false},
	} {
		if got := jpHasKey([]byte(c.in), keys); got != c.want {
			t.Errorf("jpHasKey(%s) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestJpLineCounter(t *testing.T) {
	lc := &jpLineCounter{r: strings.NewReader("ab\ncd\n\nef")}
	if _, err := io.ReadAll(lc); err != nil {
		t.Fatal(err)
	}
	// offsets: a0 b1 \n2 c3 d4 \n5 \n6 e7 f8
	for _, c := range []struct{ off, line int }{{0, 1}, {2, 1}, {3, 2}, {6, 3}, {7, 4}, {8, 4}} {
		if got := lc.lineAt(int64(c.off)); got != c.line {
			t.Errorf("lineAt(%d) = %d, want %d", c.off, got, c.line)
		}
	}
}

// jpFailReader fails after its data, like a broken disk or network.
type jpFailReader struct{ data io.Reader }

var errJPBroken = errors.New("broken")

func (f *jpFailReader) Read(p []byte) (int, error) {
	n, err := f.data.Read(p)
	if err == io.EOF {
		return n, errJPBroken
	}
	return n, err
}

func TestJpReadIOError(t *testing.T) {
	s := &Sink{File: "x"}
	w := &jpWalker{s: s, containers: map[string]bool{}, work: func([]byte, int) {}}
	err := w.read(&jpFailReader{strings.NewReader("[\n{\"a\":1},\n")})
	if !errors.Is(err, errJPBroken) {
		t.Errorf("read error = %v, want the reader's error", err)
	}
}

func TestJpLongFirstLine(t *testing.T) {
	// JSON Lines whose first line is longer than the input buffer are still
	// read line by line, so the bad second line does not stop the reading
	long := `{"DOI":"10.5555/a","title":["` + strings.Repeat("x", 200<<10) + `"]}`
	res := jpRead(t, long+"\n{\"DOI\":\n{\"DOI\":\"10.5555/c\"}\n", "crossref")
	var lines []int
	for _, r := range res.Records {
		lines = append(lines, r.Line)
	}
	if !slices.Equal(lines, []int{1, 3}) || !slices.Equal(jpLines(res.Skipped), []int{2}) {
		t.Errorf("records on lines %v, skipped %v; want 1 and 3, line 2 skipped", lines, res.Skipped)
	}
}

// TestJpSniffOthers checks that the sniffers of this file's readers say no
// to every corpus file of another format.
func TestJpSniffOthers(t *testing.T) {
	dir := corpusFile(t, ".")
	mine := map[string]func(string, []byte) bool{
		"crossref": crSniff, "openalex": oaSniff, "openalex-csv": oaCSVSniff, "citations-csv": citSniff,
	}
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if strings.HasPrefix(rel, "crossref"+string(filepath.Separator)) || strings.HasPrefix(rel, "openalex"+string(filepath.Separator)) || isPageCorpus(rel) {
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		head, _ := bufio.NewReaderSize(newNormalizer(f), sniffSize).Peek(sniffSize)
		for name, sniff := range mine {
			if sniff(filepath.Base(p), head) {
				t.Errorf("%s sniffer claims %s", name, rel)
			}
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Skip("no other corpus files")
	}
}

func TestJpRebuiltLines(t *testing.T) {
	// a work walked member by member keeps the lines of its references,
	// also when a value starts on the line after its key
	in := "{\n\"DOI\": \"10.5555/a\",\n\"reference\":\n[\n{\"key\": \"a\"},\n\n{\"key\": \"b\"}]}\n"
	res := jpRead(t, in, "crossref")
	if len(res.Records) != 1 {
		t.Fatalf("got %d records, want 1", len(res.Records))
	}
	var lines []int
	for _, r := range res.Records[0].References {
		lines = append(lines, r.Line)
	}
	if !slices.Equal(lines, []int{5, 7}) {
		t.Errorf("references on lines %v, want 5 and 7", lines)
	}
}
