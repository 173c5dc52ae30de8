package parse

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// refNormalize is what the normalizer does to UTF-8 input, line by line
// (a line ends with LF): CRLF and lone CR become LF, a line that is not
// valid UTF-8 is read as Windows-1252; it returns the output and the count
// of such lines with the first one's number.
func refNormalize(in string) (out string, bad, firstBad int) {
	var b strings.Builder
	prevCR, line := false, 1
	for in != "" {
		k := strings.IndexByte(in, '\n') + 1
		if k == 0 {
			k = len(in)
		}
		chunk := in[:k]
		in = in[k:]
		if prevCR && chunk[0] == '\n' {
			chunk = chunk[1:]
		}
		if chunk == "" {
			continue
		}
		prevCR = chunk[len(chunk)-1] == '\r'
		if !utf8.ValidString(chunk) {
			if bad == 0 {
				firstBad = line
			}
			bad++
			chunk = string(decode1252([]byte(chunk)))
		}
		chunk = strings.ReplaceAll(strings.ReplaceAll(chunk, "\r\n", "\n"), "\r", "\n")
		line += strings.Count(chunk, "\n")
		b.WriteString(chunk)
	}
	return b.String(), bad, firstBad
}

// smallReads hands out at most n bytes per Read, to cut lines anywhere.
type smallReads struct {
	r io.Reader
	n int
}

func (s smallReads) Read(p []byte) (int, error) { return s.r.Read(p[:min(len(p), s.n)]) }

// TestNormalizerMatchesReference reads random mixes of clean lines, CRLF,
// lone CR, Latin-1 bytes and multi-byte UTF-8, through reads of every size,
// and compares with refNormalize.
func TestNormalizerMatchesReference(t *testing.T) {
	pieces := []string{"abc", "PT J", " ", "\n", "\r\n", "\r", "é", "€", "日本", "\xe9", "\x93", "\xc3", "\xa9", "\t", "\x00",
		strings.Repeat("x", 300), "\n\n"}
	rng := rand.New(rand.NewPCG(3, 3))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		in := b.String()
		if strings.HasPrefix(in, "\xef\xbb\xbf") || strings.Contains(in[:min(len(in), 512)], "\x00") {
			continue // BOMs and UTF-16 guesses are TestNormalizer's
		}
		want, bad, first := refNormalize(in)
		for _, size := range []int{1, 7, 4096} {
			n := newNormalizer(strings.NewReader(in))
			var got bytes.Buffer
			if _, err := io.Copy(&got, smallReads{n, size}); err != nil {
				t.Fatal(err)
			}
			if got.String() != want || n.badLines != bad || (bad > 0 && n.firstBad != first) {
				t.Fatalf("reads of %d: %q normalised to %q (bad lines %d from %d), want %q (%d from %d)",
					size, in, got.String(), n.badLines, n.firstBad, want, bad, first)
			}
		}
	}
}

// BenchmarkNormalizer passes clean text through, the common case.
func BenchmarkNormalizer(b *testing.B) {
	line := "   Smith J, 1998, NATURE, V391, P1, DOI 10.1038/35002\n"
	in := strings.Repeat(line, 1<<16)
	b.SetBytes(int64(len(in)))
	buf := make([]byte, 64<<10)
	for b.Loop() {
		n := newNormalizer(strings.NewReader(in))
		for {
			if _, err := n.Read(buf); err != nil {
				break
			}
		}
	}
}
