package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"testing"

	"github.com/citegraph/citegraph/graph/safetext"
	"github.com/citegraph/citegraph/parse"
	"github.com/citegraph/citegraph/parse/model"
)

// TestWriteRecordsLikeEncoder checks that writeRecords, which encodes the
// references of a record apart and in parallel, writes the bytes that
// encoding each record whole writes: for records without references, with
// one, and with more than a batch, holding text that JSON escapes (quotes,
// markup, controls, line separators, bytes that are not UTF-8), on one
// and on four processors.
func TestWriteRecordsLikeEncoder(t *testing.T) {
	texts := []string{`plain`, `"quoted" <b>&amp;</b>`, "tab\tnew\nline", "sep\u2028par\u2029", "c1\u0085bidi\u202e",
		"bad \xff utf-8", "é 中文"}
	var recs []parse.Record
	for _, n := range []int{0, 1, 2, refBlock, refBlock*refBlocks + 7, 2*refBlock*refBlocks + refBlock + 1} {
		r := parse.Record{Source: fmt.Sprintf("x.txt:%d", n), Format: "landing", Title: texts[n%len(texts)], Label: "L",
			Year: 2001, IDs: map[string]string{"b": "2", "a": texts[(n+1)%len(texts)]}, RefsDeclared: model.IntPtr(n)}
		for k := range n {
			ref := model.Reference{Raw: texts[k%len(texts)] + fmt.Sprint(k), Year: k % 3 * 1000, Title: texts[(k+3)%len(texts)],
				Line: k}
			if k%5 == 0 {
				ref.Authors = []model.Author{{Family: texts[k%len(texts)], Given: "J"}}
				ref.IDs = map[string]string{"url": "https://x/?a=1&b=<2>"}
			}
			r.References = append(r.References, ref)
		}
		recs = append(recs, r)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(safetext.JSONWriter(&want))
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	for _, procs := range []int{1, 4} {
		prev := runtime.GOMAXPROCS(procs)
		var got bytes.Buffer
		err := writeRecords(&got, &inputs{records: recs})
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			g, w := got.Bytes(), want.Bytes()
			i := 0
			for i < min(len(g), len(w)) && g[i] == w[i] {
				i++
			}
			t.Fatalf("%d processors: output differs from the encoder's at byte %d of %d: %q, want %q", procs, i, len(w),
				g[i:min(len(g), i+60)], w[i:min(len(w), i+60)])
		}
	}
}
