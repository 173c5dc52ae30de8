package graph

import "github.com/citegraph/citegraph/graph/safetext"

// The DOT writer quotes every string through safetext, which escapes what
// Graphviz would expand and replaces what XML forbids.
var (
	quote        = safetext.DOTLabel
	quoteTooltip = safetext.DOTTooltip
	htmlEscape   = safetext.EscapeXML
)
