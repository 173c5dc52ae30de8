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
