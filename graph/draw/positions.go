package draw

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strconv"

	"github.com/goccy/go-graphviz"
)

// posRe matches a node statement of Graphviz's DOT output with its
// position: `name [pos="x,y", …` (names quoted or not).
var posRe = regexp.MustCompile(`(?m)^\s*("(?:[^"\\]|\\.)*"|[A-Za-z0-9_]+)\s+\[[^\]]*?\bpos="(-?[0-9.e+]+),(-?[0-9.e+]+)"`)

// Positions lays out the DOT graph with the named engine (SFDP, or Dot)
// and returns each node's position in points, by node name.
func Positions(ctx context.Context, dot []byte, layout string) (map[string][2]float64, error) {
	var l graphviz.Layout
	switch layout {
	case SFDP:
		l = graphviz.SFDP
	case "", Dot:
		l = graphviz.DOT
	default:
		return nil, fmt.Errorf("unknown layout %q for positions (use %s or %s)", layout, Dot, SFDP)
	}
	mu.Lock()
	defer mu.Unlock()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("parse dot: %w", err)
	}
	defer g.Close()
	gv.SetLayout(l)
	var buf bytes.Buffer
	if err := gv.Render(ctx, g, graphviz.XDOT, &buf); err != nil {
		return nil, fmt.Errorf("layout: %w", err)
	}
	out := map[string][2]float64{}
	for _, m := range posRe.FindAllSubmatch(buf.Bytes(), -1) {
		name := string(m[1])
		if uq, err := strconv.Unquote(name); err == nil {
			name = uq
		}
		x, errX := strconv.ParseFloat(string(m[2]), 64)
		y, errY := strconv.ParseFloat(string(m[3]), 64)
		if errX == nil && errY == nil {
			out[name] = [2]float64{x, y}
		}
	}
	return out, nil
}
