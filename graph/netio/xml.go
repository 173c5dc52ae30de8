package netio

import (
	"bufio"
	"encoding/xml"
	"io"

	"github.com/citegraph/citegraph/graph/safetext"
)

// xmlWriter writes XML, escaping text and attribute values with
// encoding/xml after safetext.XML has replaced what XML 1.0 does not allow
// and what a terminal would act on.
type xmlWriter struct {
	*bufio.Writer
}

func newXMLWriter(w io.Writer) xmlWriter {
	return xmlWriter{bufio.NewWriterSize(w, 1<<16)}
}

// esc writes s escaped for text or a quoted attribute value.
func (x xmlWriter) esc(s string) {
	xml.EscapeText(x, []byte(safetext.XML(s)))
}

// attr writes ` name="value"`.
func (x xmlWriter) attr(name, value string) {
	x.WriteString(" " + name + `="`)
	x.esc(value)
	x.WriteByte('"')
}
