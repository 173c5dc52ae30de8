package model

import (
	"strings"
	"testing"
)

// TestAppendLower checks AppendLower against strings.ToLower, appending to
// an empty and to a non-empty slice, on ASCII text and text with letters
// whose lower case differs in length ("İ") or that are not ASCII.
func TestAppendLower(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC def", "Élan VITAL", "İSTANBUL", "ǅ x", "\xffAB", "MIXED ascii Ünïcode ẞ",
		strings.Repeat("Long Line ", 200)} {
		if got := string(AppendLower(nil, s)); got != strings.ToLower(s) {
			t.Errorf("AppendLower(nil, %q) = %q, want %q", s, got, strings.ToLower(s))
		}
		var buf [8]byte
		if got := string(AppendLower(append(buf[:0], "pre"...), s)); got != "pre"+strings.ToLower(s) {
			t.Errorf("AppendLower(pre, %q) = %q", s, got)
		}
	}
}

// TestWordsUpTo checks WordsUpTo against len(strings.Fields) capped, for
// every cap from 0 to past the count, on texts with white space of every
// kind (no-break and ideographic spaces included).
func TestWordsUpTo(t *testing.T) {
	for _, s := range []string{"", " ", "one", " one  two\tthree\nfour ", "a\u00a0b\u3000c", "x\u2028y z", "\xff \xfe",
		strings.Repeat("word ", 50)} {
		n := len(strings.Fields(s))
		if got := CountWords(s); got != n {
			t.Errorf("CountWords(%q) = %d, want %d", s, got, n)
		}
		for max := 0; max <= n+2; max++ {
			if got := WordsUpTo(s, max); got != min(n, max) {
				t.Errorf("WordsUpTo(%q, %d) = %d, want %d", s, max, got, min(n, max))
			}
		}
	}
}
