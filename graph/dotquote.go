package graph

import (
	"strings"

	"github.com/citegraph/citegraph/graph/safetext"
)

// DOT strings carry text from inputs into Graphviz and from there into SVG.
// safetext.XML replaces what XML forbids (a control character in a title
// made the whole SVG unreadable), and backslashes are escaped so that
// Graphviz shows them instead of expanding \N, \G, \L, \E, \T, \H into the
// node's or graph's name or reading \l, \r as line breaks. Graphviz unescapes
// labels and URLs once but tooltips twice (measured with go-graphviz
// v0.2.10, Graphviz 12.1.2), hence two quoting functions.

var (
	dotLabelEscaper   = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	dotTooltipEscaper = strings.NewReplacer(`\`, `\\\\`, `"`, `\"`, "\n", `\n`)
)

// quote makes a DOT double-quoted string for a label or URL; newlines
// become centred line breaks.
func quote(s string) string {
	return `"` + dotLabelEscaper.Replace(safetext.XML(s)) + `"`
}

// quoteTooltip makes a DOT double-quoted string for a tooltip; newlines
// become line breaks.
func quoteTooltip(s string) string {
	return `"` + dotTooltipEscaper.Replace(safetext.XML(s)) + `"`
}

// htmlEscape makes text safe inside a Graphviz HTML-like label.
func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(safetext.XML(s))
}
