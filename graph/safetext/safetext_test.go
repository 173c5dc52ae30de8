package safetext

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph/safetext/safetexttest"
)

func TestTerminal(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text, ünïcödé — 東京", "plain text, ünïcödé — 東京"},
		{"line\nnext\ttab", "line\nnext\ttab"},
		{"\x1b[31mred\x1b[0m", "␛[31mred␛[0m"},                                       // CSI
		{"\x1b]0;title\x07", "␛]0;title␇"},                                           // OSC set title, BEL
		{"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "␛]8;;http://x␛\\link␛]8;;␛\\"}, // OSC 8 hyperlink
		{"over\rwrite", "over␍write"},
		{"nul\x00del\x7f", "nul␀del␡"},
		{"c1 \u009b31m \u009d0;x\u009c \u0085", "c1 \uFFFD31m \uFFFD0;x\uFFFD \uFFFD"}, // 8-bit CSI, OSC, ST, NEL
		{"abc\u202Efed\u202C \u2066x\u2069", "abc\uFFFDfed\uFFFD \uFFFDx\uFFFD"},       // RLO/PDF, LRI/PDI
		{"bad \xff\xfe utf-8 \xc2", "bad \uFFFD\uFFFD utf-8 \uFFFD"},
		{"\uFFFE kept for terminals", "\uFFFE kept for terminals"},
	} {
		if got := Terminal(c.in); got != c.want {
			t.Errorf("Terminal(%q) = %q, want %q", c.in, got, c.want)
		}
		if n, m := utf8.RuneCountInString(Terminal(c.in)), utf8.RuneCountInString(strings.ToValidUTF8(c.in, "\uFFFD")); n != m && !strings.Contains(c.in, "\xff\xfe") {
			t.Errorf("Terminal(%q) has %d characters, the input %d: a stand-in is not one character", c.in, n, m)
		}
	}
}

func TestXML(t *testing.T) {
	in := "title\x01 with \x0b\x0c\x1b and \uFFFE\uFFFF \r\n\tend"
	got := XML(in)
	if want := "title␁ with ␋␌␛ and \uFFFD\uFFFD ␍\n\tend"; got != want {
		t.Errorf("XML(%q) = %q, want %q", in, got, want)
	}
	checkXML(t, got)
}

// checkXML fails unless s, escaped as XML text, parses back as itself.
func checkXML(t *testing.T, s string) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("<a>")
	xml.EscapeText(&b, []byte(s))
	b.WriteString("</a>")
	var back string
	if err := xml.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatalf("XML(%q) escaped is not XML: %v", s, err)
	}
}

func TestTerminalWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewTerminalWriter(&b, false)
	n, err := w.Write([]byte("file\x1b[2J.txt:3: bad\n"))
	if err != nil || n != 20 {
		t.Fatalf("Write = %d, %v; want 20, nil", n, err)
	}
	if got := b.String(); got != "file␛[2J.txt:3: bad\n" {
		t.Errorf("wrote %q", got)
	}

	// characters cut between writes, styles with and without colour
	in := []byte(Bold + "ü\u009b東" + Reset + "\xff")
	for _, color := range []bool{false, true} {
		b.Reset()
		w := NewTerminalWriter(&b, color)
		for _, c := range in {
			w.Write([]byte{c})
		}
		w.Write([]byte("\xe6")) // the start of a character that never ends
		w.Close()
		want := "ü\uFFFD東\uFFFD\uFFFD"
		if color {
			want = "\x1b[1mü\uFFFD東\x1b[0m\uFFFD\uFFFD"
		}
		if b.String() != want {
			t.Errorf("color %v: wrote %q, want %q", color, b.String(), want)
		}
	}
}

func TestJSONWriter(t *testing.T) {
	in := "a\x1b\x7f\u009b\u202e\u2066b ü \uFFFD"
	enc, _ := json.Marshal(map[string]string{"t": in})
	var b bytes.Buffer
	if _, err := JSONWriter(&b).Write(enc); err != nil {
		t.Fatal(err)
	}
	if want := `{"t":"a\u001b\u007f\u009b\u202e\u2066b ü ` + "\uFFFD" + `"}`; b.String() != want {
		t.Errorf("JSONWriter wrote %s, want %s", b.String(), want)
	}
	var back map[string]string
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back["t"] != in {
		t.Errorf("read back %q, %v; want %q", back["t"], err, in)
	}
}

func TestCell(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"+1+1", "'+1+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "␍=1"},
		{"Smith 2020", "Smith 2020"},
		{"", ""},
		{"a=b", "a=b"},
	} {
		if got := Cell(c.in); got != c.want {
			t.Errorf("Cell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzSanitisers(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[31m", "\u009b\u202e\xff", "\uFFFE\x00\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		term, x := Terminal(s), XML(s)
		for _, out := range []string{term, x, Cell(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("%q: output %q is not UTF-8", s, out)
			}
		}
		if r, bad := safetexttest.TerminalUnsafe(term); bad {
			t.Fatalf("Terminal(%q) keeps %U", s, r)
		}
		if r, bad := safetexttest.XMLUnsafe(x); bad {
			t.Fatalf("XML(%q) keeps %U", s, r)
		}
		if Terminal(term) != term || XML(x) != x {
			t.Fatalf("%q: not idempotent", s)
		}
		checkXML(t, x)
		enc, _ := json.Marshal(s)
		var b bytes.Buffer
		JSONWriter(&b).Write(enc)
		var back string
		if err := json.Unmarshal(b.Bytes(), &back); err != nil || back != strings.ToValidUTF8(s, "\uFFFD") && utf8.ValidString(s) {
			t.Fatalf("%q: JSONWriter gave %s, read back %q, %v", s, b.Bytes(), back, err)
		}
		if r, bad := safetexttest.TerminalUnsafe(b.String()); bad {
			t.Fatalf("JSONWriter(%q) keeps %U", s, r)
		}
		// TerminalWriter, fed in pieces of 3 bytes, writes Terminal(s)
		// without the style markers
		var tb bytes.Buffer
		tw := NewTerminalWriter(&tb, false)
		for i := 0; i < len(s); i += 3 {
			tw.Write([]byte(s[i:min(i+3, len(s))]))
		}
		tw.Close()
		want := strings.NewReplacer(Bold, "", Dim, "", Reset, "").Replace(term)
		if utf8.ValidString(s) && tb.String() != want {
			t.Fatalf("TerminalWriter(%q) wrote %q, Terminal gives %q", s, tb.String(), want)
		}
	})
}
