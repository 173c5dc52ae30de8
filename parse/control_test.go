package parse

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// damagedWoS is a Web of Science export whose first record is longer than
// the 64 KiB the sniffers see, followed by a title with a NUL byte (line
// nulLine), one with 200 random bytes and one intact.
func damagedWoS() (data string, nulLine int) {
	rng := rand.New(rand.NewPCG(1, 2))
	junk := make([]byte, 200)
	for i := range junk {
		junk[i] = byte(rng.UintN(256))
	}
	rec := func(n int, title string) string {
		return "PT J\nAU Author" + string(rune('A'+n)) + ", A\nTI " + title + "\nSO JOURNAL\nPY 2020\n" +
			"CR Doe J, 2001, NATURE, V1, P2, DOI 10.1234/cited1\nUT WOS:00000000000000" + string(rune('0'+n)) + "\nER\n\n"
	}
	first := strings.Replace(rec(1, "First paper"), "SO ", "AB "+strings.Repeat("padding words ", 6000)+"\nSO ", 1)
	head := "FN Clarivate Analytics Web of Science\nVR 1.0\n" + first
	nulLine = strings.Count(head, "\n") + 3 // PT, AU, TI
	return head + rec(2, "Second \x00 paper") + rec(3, "Third "+string(junk)+" paper") + rec(4, "Fourth paper") + "EF\n", nulLine
}

// TestBadBytesAfterHead: a NUL byte and random bytes past the first 64 KiB
// cost those characters, reported at their line, not the record or the file.
func TestBadBytesAfterHead(t *testing.T) {
	data, nulLine := damagedWoS()
	res, err := Read("damaged.txt", strings.NewReader(data), "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "wos" || len(res.Records) != 4 || len(res.Skipped) != 0 {
		t.Fatalf("read %d records as %s, skipped %v; want 4 wos records", len(res.Records), res.Format, res.Skipped)
	}
	if got := res.Records[1].Title; got != "Second paper" {
		t.Errorf("title with a NUL byte read as %q", got)
	}
	found := false
	for _, w := range res.Warnings {
		if strings.Contains(w.Error(), "control characters or NUL bytes, removed") {
			found = true
			if w.Line != nulLine || w.File != "damaged.txt" {
				t.Errorf("warning %v, want it at damaged.txt:%d", w, nulLine)
			}
		}
	}
	if !found {
		t.Errorf("no warning about the removed bytes: %v", res.Warnings)
	}
	checkNoControls(t, res.Records)
}

// checkNoControls fails if a record holds a C0 control (but tab and line
// feed), DEL or a C1 control in any of its strings.
func checkNoControls(t *testing.T, recs []Record) {
	t.Helper()
	b, err := json.Marshal(recs)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	json.Unmarshal(b, &v)
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			for _, r := range v {
				if r < 0x20 && r != '\t' && r != '\n' || r >= 0x7F && r <= 0x9F {
					t.Fatalf("a record holds %U: %q", r, v)
				}
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
}

func TestControlFilter(t *testing.T) {
	// a C1 control (U+009B, bytes C2 9B) cut between two chunks of a long
	// line, NUL, ESC, DEL, form feed, and text that must pass as it is
	in := strings.Repeat("x", 15) + "\u009b" + "a\x00b\x1bc\x7fd\fe\tü\n" + "clean line ½\n" + "\x01\n"
	f := newControlFilter(bufio.NewReaderSize(strings.NewReader(in), 16))
	got := readAllString(t, f)
	if want := strings.Repeat("x", 15) + "abcd e\tü\nclean line ½\n\n"; got != want {
		t.Errorf("filtered %q, want %q", got, want)
	}
	if n := f.notes(); len(n) != 1 || n[0].line != 1 || !strings.HasPrefix(n[0].msg, "2 line(s)") {
		t.Errorf("notes %+v, want 2 lines, first line 1", n)
	}
}

func TestIsBinary(t *testing.T) {
	text := strings.Repeat("TI A title of a paper\n", 100)
	for _, c := range []struct {
		head string
		want bool
	}{
		{text, false},
		{text + "\x00 one stray NUL" + text, false},
		{"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + text, true},
		{strings.Repeat("ab\x00", 1000), true},
	} {
		if got := isBinary([]byte(c.head)); got != c.want {
			t.Errorf("isBinary(%.20q…) = %v, want %v", c.head, got, c.want)
		}
	}
}

// TestControlFilterRandom compares controlFilter, which passes over eight
// printable ASCII bytes at a time, with a byte-by-byte filter on 20,000
// random texts of printable runs, controls, C1 controls (also cut between
// chunks) and letters not ASCII, read in chunks of 16 to 64 bytes.
func TestControlFilterRandom(t *testing.T) {
	bytewise := func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c == '\f' || c == '\v':
				b.WriteByte(' ')
			case c < 0x20 && c != '\t' && c != '\n' || c == 0x7F:
			case c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F:
				i++
			default:
				b.WriteByte(c)
			}
		}
		return b.String()
	}
	pieces := []string{"plain text ", "0123456789abcdef", "\n", "\t", "\x00", "\x1b", "\x7f", "\f", "\u0085", "\u009b",
		"\u00a0", "ü", "½", "\xc2", "\x85", "\r"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		in := b.String()
		f := newControlFilter(bufio.NewReaderSize(strings.NewReader(in), 16+rng.IntN(49)))
		if got, want := readAllString(t, f), bytewise(in); got != want {
			t.Fatalf("filtered %q to %q, want %q", in, got, want)
		}
	}
}
