package model

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// hasControlBytewise is hasControl one byte at a time, as it was written
// before the word-at-a-time scan.
func hasControlBytewise(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' || c == 0x7F || c == 0xC2 && i+1 < len(s) && s[i+1] <= 0x9F {
			return true
		}
	}
	return false
}

// TestScansMatchBytewise runs CleanSpace and hasControl on random strings
// of the bytes that matter to them, at every alignment: CleanSpace must
// equal joining strings.Fields, hasControl its byte-by-byte form.
func TestScansMatchBytewise(t *testing.T) {
	alphabet := []byte{' ', ' ', ' ', 'a', 'b', 'Z', '~', '!', '\t', '\n', '\r', '\v', '\f', 0x01, 0x1f, 0x7f,
		0xC2, 0x85, 0xA0, 0x9F, 0xE2, 0x80, 0x83, 0xFF}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			if rng.IntN(3) == 0 {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			} else {
				b[i] = "abcdef ghij"[rng.IntN(11)]
			}
		}
		s := string(b)
		if got, want := CleanSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("CleanSpace(%q) = %q, want %q", s, got, want)
		}
		if got, want := hasControl(s), hasControlBytewise(s); got != want {
			t.Fatalf("hasControl(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzScans(f *testing.F) {
	f.Add("a  b\u00a0c\x01 d \x7f\u0085")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CleanSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("CleanSpace(%q) = %q, want %q", s, got, want)
		}
		if got, want := hasControl(s), hasControlBytewise(s); got != want {
			t.Fatalf("hasControl(%q) = %v, want %v", s, got, want)
		}
	})
}

// foldRunewise is Fold rune by rune, as it was written before its ASCII
// fast path.
func foldRunewise(s string) string {
	var b strings.Builder
	space := true
	for _, r := range s {
		r = foldRune(r)
		switch {
		case r == 0:
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// TestFoldMatchesRunewise holds Fold to its rune-by-rune form on random
// strings of ASCII, accented letters, apostrophes and invalid bytes.
func TestFoldMatchesRunewise(t *testing.T) {
	pieces := []string{"a", "Z", "0", "9", " ", "  ", "'", "’", ".", "-", "\t", "é", "Ö", "ß", "İ", "\u0301", "\xff", "\xc3", "\x00", "@", "[", "`", "{", "/", ":"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := Fold(s), foldRunewise(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestCountWords checks CountWords against len(strings.Fields).
func TestCountWords(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a b ", "a\u00a0b", "a\u2003b\u3000c", "\xffa b\xfe", "a\v\fb", "x\u0085y"} {
		if got, want := CountWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", s, got, want)
		}
	}
}
