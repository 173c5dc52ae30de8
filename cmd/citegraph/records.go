package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/citegraph/citegraph/graph/safetext"
	"github.com/citegraph/citegraph/parse"
	"github.com/citegraph/citegraph/parse/model"
)

// writeRecords prints every record as one line of JSON, as
// json.Encoder.Encode with HTML left unescaped writes it.
//
// A record's references are encoded apart, a batch at a time, straight to
// the output: encoding a record whole builds its line in one buffer, which
// for a page of 90,000 references is 30 MB, grown by doubling (64 MB
// written and cleared in all) before a byte is written. So the memory used
// is that of a batch whatever the length of the list, and the time
// O(bytes written), the encoding shared between the processors.
func writeRecords(w io.Writer, in *inputs) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	rw := &recordWriter{w: safetext.JSONWriter(bw)}
	for _, r := range in.records {
		if err := rw.write(r); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// refBlock is how many references one goroutine encodes at a time, and
// refBlocks how many blocks are encoded before they are written.
const (
	refBlock  = 256
	refBlocks = 16
)

// recordWriter writes records as lines of JSON to w.
type recordWriter struct {
	w      io.Writer
	blocks [refBlocks]jsonBuffer
}

// jsonBuffer is a buffer and an encoder writing to it.
type jsonBuffer struct {
	buf bytes.Buffer
	enc *json.Encoder
	err error
}

// encode appends v's JSON to b, without the line end Encode adds.
func (b *jsonBuffer) encode(v any) {
	if b.enc == nil {
		b.enc = json.NewEncoder(&b.buf)
		b.enc.SetEscapeHTML(false)
	}
	if b.err == nil {
		if b.err = b.enc.Encode(v); b.err == nil {
			b.buf.Truncate(b.buf.Len() - 1)
		}
	}
}

// write writes r as one line. The references are the last field of a
// record's JSON (see parse.Record), so the record is encoded without them
// and its closing brace replaced by the list.
func (rw *recordWriter) write(r parse.Record) error {
	refs := r.References
	r.References = nil
	head := &rw.blocks[0]
	head.buf.Reset()
	head.encode(r)
	if head.err != nil {
		return head.err
	}
	if len(refs) == 0 {
		head.buf.WriteByte('\n')
		_, err := rw.w.Write(head.buf.Bytes())
		return err
	}
	head.buf.Truncate(head.buf.Len() - 1)
	head.buf.WriteString(`,"references":[`)
	if _, err := rw.w.Write(head.buf.Bytes()); err != nil {
		return err
	}
	for start := 0; start < len(refs); start += refBlock * refBlocks {
		batch := refs[start:min(start+refBlock*refBlocks, len(refs))]
		n := (len(batch) + refBlock - 1) / refBlock
		model.Each(n, 1, 1, func(b int) {
			jb := &rw.blocks[b]
			jb.buf.Reset()
			for k := b * refBlock; k < min((b+1)*refBlock, len(batch)); k++ {
				if start+k > 0 {
					jb.buf.WriteByte(',')
				}
				jb.encode(&batch[k])
			}
		})
		for b := range n {
			if rw.blocks[b].err != nil {
				return rw.blocks[b].err
			}
			if _, err := rw.w.Write(rw.blocks[b].buf.Bytes()); err != nil {
				return err
			}
		}
	}
	_, err := rw.w.Write([]byte("]}\n"))
	return err
}
