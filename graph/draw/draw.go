// Package draw renders DOT text to SVG with Graphviz compiled to WebAssembly
// (github.com/goccy/go-graphviz), in process, with no Graphviz installed.
//
// It is the only package that links go-graphviz, whose WebAssembly module is
// compiled when the program starts; programs that never draw should not
// import it. The native code compiled from it is cached in a folder private
// to the user (see package wasmcache), never in a shared temporary folder.
package draw

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/citegraph/citegraph/graph/draw/internal/wasmcache"
	"github.com/goccy/go-graphviz"
)

// go-graphviz has compiled its module by now (this package imports it, so
// its init ran first): give the process its own TMPDIR back.
func init() { wasmcache.Restore() }

// mu serialises every use of go-graphviz: all its instances share one
// WebAssembly module, which is not safe for concurrent use.
var mu sync.Mutex

// Layout engines accepted by SVG.
const (
	Dot  = "dot"  // layered; needed for the year ranks, slow past a few hundred nodes
	SFDP = "sfdp" // force-directed, scales to thousands of nodes
	// Given renders a layout made beforehand: every node and edge carries
	// its "pos" (Graphviz's nop2), so Graphviz only draws.
	Given = "nop2"
)

// SVG lays out the DOT graph with the named engine ("" means dot) and
// writes SVG to w.
func SVG(ctx context.Context, w io.Writer, dot []byte, layout string) error {
	var l graphviz.Layout
	switch layout {
	case "", Dot:
		l = graphviz.DOT
	case SFDP:
		l = graphviz.SFDP
	case Given:
		l = graphviz.NOP2
	default:
		return fmt.Errorf("unknown layout %q (use %s, %s or %s)", layout, Dot, SFDP, Given)
	}
	mu.Lock()
	defer mu.Unlock()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return fmt.Errorf("start graphviz: %w", err)
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return fmt.Errorf("parse dot: %w", err)
	}
	defer g.Close()
	gv.SetLayout(l)
	var buf bytes.Buffer
	if err := gv.Render(ctx, g, graphviz.SVG, &buf); err != nil {
		return fmt.Errorf("render svg: %w", err)
	}
	if buf.Len() == 0 {
		return errors.New("render svg: graphviz wrote nothing")
	}
	_, err = w.Write(buf.Bytes())
	return err
}
