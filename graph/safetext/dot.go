package safetext

import (
	"strings"
	"unicode/utf8"
)

// DOT strings carry text from inputs into Graphviz, and from there into SVG.
// XML replaces what XML forbids (a control character in a title made a
// whole SVG unreadable), and backslashes are escaped so that Graphviz shows
// them instead of expanding \N, \G, \L, \E, \T, \H into the node's or
// graph's name or reading \l, \r as line breaks. Graphviz unescapes labels
// and URLs once but tooltips twice (measured with go-graphviz v0.2.10,
// Graphviz 12.1.2), hence two functions. A string is cut at MaxDOT bytes:
// Graphviz took 50 s over one 8 MB title, and no reader reads that much.

// MaxDOT bounds the text of one DOT string, in bytes; longer text is cut
// at a character boundary and ends with "…". Writers cut labels and
// tooltips far shorter for reading; this bound holds whatever they do.
const MaxDOT = 4096

var (
	dotLabelEscaper   = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	dotTooltipEscaper = strings.NewReplacer(`\`, `\\\\`, `"`, `\"`, "\n", `\n`)
	xmlEscaper        = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
)

// DOTLabel returns s as a DOT double-quoted string for a label, a URL or
// any attribute but a tooltip; newlines become centred line breaks.
func DOTLabel(s string) string { return `"` + dotLabelEscaper.Replace(XML(capDOT(s))) + `"` }

// DOTTooltip returns s as a DOT double-quoted string for a tooltip;
// newlines become line breaks.
func DOTTooltip(s string) string { return `"` + dotTooltipEscaper.Replace(XML(capDOT(s))) + `"` }

// EscapeXML returns s, made safe by XML, with the markup characters escaped:
// ready for XML or HTML text and attribute values, and for Graphviz's
// HTML-like labels.
func EscapeXML(s string) string { return xmlEscaper.Replace(XML(s)) }

// capDOT cuts s to MaxDOT bytes at a character boundary.
func capDOT(s string) string {
	if len(s) <= MaxDOT {
		return s
	}
	i := MaxDOT - len("…")
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
