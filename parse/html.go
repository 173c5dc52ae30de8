package parse

import (
	"io"

	"github.com/citegraph/citegraph/parse/html"
)

// The HTML reader takes saved article pages (their citation_*, Dublin Core,
// JSON-LD, COinS and Open Graph metadata, their reference list and visible
// text); it lives in parse/html.

func init() {
	register(Format{Name: "html", Order: 35, Sniff: func(_ string, head []byte) bool { return html.Sniff(head) },
		Read: func(r io.Reader, s *Sink) error { return html.Read(r, s) }})
}
