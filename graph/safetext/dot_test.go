package safetext

import (
	"strings"
	"testing"
)

func TestDOT(t *testing.T) {
	in := "a\\N \"q\"\x01\nb <&>"
	if got, want := DOTLabel(in), `"a\\N \"q\"␁\nb <&>"`; got != want {
		t.Errorf("DOTLabel(%q) = %s, want %s", in, got, want)
	}
	if got, want := DOTTooltip(in), `"a\\\\N \"q\"␁\nb <&>"`; got != want {
		t.Errorf("DOTTooltip(%q) = %s, want %s", in, got, want)
	}
	if got, want := EscapeXML(in), "a\\N &quot;q&quot;␁\nb &lt;&amp;&gt;"; got != want {
		t.Errorf("EscapeXML(%q) = %s, want %s", in, got, want)
	}
}

func TestDOTCap(t *testing.T) {
	long := strings.Repeat("é", 3*MaxDOT) // 2 bytes each
	for _, q := range []string{DOTLabel(long), DOTTooltip(long)} {
		if len(q) > MaxDOT+2 || !strings.HasSuffix(q, "é…\"") {
			t.Errorf("%d bytes, ending %q: want at most %d, cut at a character", len(q), q[len(q)-8:], MaxDOT+2)
		}
	}
	if s := strings.Repeat("a", MaxDOT); DOTLabel(s) != `"`+s+`"` {
		t.Error("a string of MaxDOT bytes was cut")
	}
}
