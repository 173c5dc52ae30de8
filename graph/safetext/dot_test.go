package safetext

import "testing"

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
