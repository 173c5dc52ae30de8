package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/citegraph/citegraph/graph/safetext"
	"github.com/citegraph/citegraph/parse"
)

// writeRecords prints every record as one line of JSON, as
// json.Encoder.Encode with HTML left unescaped writes it.
//
// A record's references are encoded one at a time, straight to the output:
// encoding a record whole builds its line in one buffer, which for a page of
// 90,000 references is 30 MB, grown by doubling (64 MB written and cleared
// in all) before a byte is written. So the memory used is that of one
// reference whatever the length of the list, and the time O(bytes written).
func writeRecords(w io.Writer, in *inputs) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	jw := safetext.JSONWriter(bw)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// encode returns v's JSON after sep (if not 0), without the line end
	// Encode adds
	encode := func(sep byte, v any) ([]byte, error) {
		buf.Reset()
		if sep != 0 {
			buf.WriteByte(sep)
		}
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
	}
	for _, r := range in.records {
		if err := writeRecord(jw, r, encode); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// writeRecord writes r as one line of JSON to w. The references are the
// last field of a record's JSON (see parse.Record), so the record is
// encoded without them and its closing brace replaced by the list.
func writeRecord(w io.Writer, r parse.Record, encode func(byte, any) ([]byte, error)) error {
	refs := r.References
	r.References = nil
	b, err := encode(0, r)
	if err != nil {
		return err
	}
	if len(refs) == 0 {
		_, err := w.Write(append(b, '\n'))
		return err
	}
	b = append(b[:len(b)-1], `,"references":[`...)
	if _, err := w.Write(b); err != nil {
		return err
	}
	for k := range refs {
		sep := byte(',')
		if k == 0 {
			sep = 0
		}
		b, err := encode(sep, &refs[k])
		if err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	_, err = w.Write([]byte("]}\n"))
	return err
}
