package graph

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph/draw"
	"github.com/citegraph/citegraph/graph/safetext/safetexttest"
	"github.com/citegraph/citegraph/parse"
)

// hostileText holds what a title from a hostile file can carry: a control
// character XML forbids, terminal escapes (CSI, OSC, 8-bit CSI), a bidi
// override, Graphviz escapes, markup, quotes, a noncharacter and a byte
// that is not UTF-8.
const hostileText = "T\x01 \x1b[31mred\x1b]0;x\x07 \u009b2J \u202Eevil \\N \\G \\L \\E \\T \\H \\l end\\ " +
	`</text><script>alert(1)</script> "q" & ` + "\uFFFE \xff"

// drawHostile draws two papers, one citing the other, whose titles, labels,
// authors and venues are text, in the given layout ("" for rows), and
// returns the SVG Graphviz made of the DOT, failing the test unless
// Graphviz accepted the DOT.
func drawHostile(t *testing.T, text, layout string) []byte {
	t.Helper()
	res := &Resolution{Works: []Work{
		{ID: "doi:10.1/a", InCorpus: true, Title: text, Label: "Evil" + text, Authors: []parse.Author{{Family: text, Given: "A"}},
			Year: 2020, Venue: text, DOI: "10.1/a"},
		{ID: "b", InCorpus: true, Title: text, Label: text, Year: 2019},
	}}
	res.Citations = []Citation{{From: 0, To: 1, Match: "title"}}
	g := New(res)
	m := g.Metrics(nil)
	var dot, svg bytes.Buffer
	opt := &DOTOptions{Layout: layout}
	if err := g.WriteDOT(&dot, m, g.Historiograph(m, nil), opt); err != nil {
		t.Fatal(err)
	}
	if err := draw.SVG(context.Background(), &svg, dot.Bytes(), opt.Engine()); err != nil {
		t.Fatalf("graphviz: %v\n%q", err, dot.Bytes())
	}
	return svg.Bytes()
}

// svgText checks that svg is well-formed XML without a script element and
// returns its tooltips and text.
func svgText(t *testing.T, svg []byte) (tooltips, texts []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "script" {
				t.Error("SVG has a script element")
			}
			for _, a := range tok.Attr {
				if a.Name.Local == "title" {
					tooltips = append(tooltips, a.Value)
				}
			}
		case xml.CharData:
			texts = append(texts, string(tok))
		}
	}
	return tooltips, texts
}

// TestWriteDOTHostile draws works whose title, label, authors and venue are
// hostile, in both layouts, and checks that the SVG Graphviz makes of the
// DOT is well-formed XML, holds no script element and no control
// character, and shows the backslash sequences as text: in tooltips, and
// in labels (which show only the start of a title, hence a short one).
func TestWriteDOTHostile(t *testing.T) {
	const escapes = `\N \G \L \E \T \H \l end\`
	for _, layout := range []string{LayoutRows, LayoutSFDP} {
		tooltips, texts := svgText(t, drawHostile(t, hostileText, layout))
		if all := strings.Join(tooltips, "\n"); !strings.Contains(all, escapes) {
			t.Errorf("%s: SVG tooltips do not show %q as written: %q", layout, escapes, all)
		}
		for what, got := range map[string][]string{"tooltips": tooltips, "texts": texts} {
			if all := strings.Join(got, "\n"); strings.ContainsAny(all, "\x01\x1b\u009b\u202e\uFFFE") {
				t.Errorf("%s: SVG %s keep control characters: %q", layout, what, all)
			}
		}
		_, texts = svgText(t, drawHostile(t, `\N\G\L end\`, layout))
		if all := strings.Join(texts, "\n"); !strings.Contains(all, `\N\G\L end\`) {
			t.Errorf("%s: SVG labels do not show %q as written: %q", layout, `\N\G\L end\`, all)
		}
	}
}

// FuzzDOTSVG draws works named by arbitrary text: Graphviz must accept the
// DOT, the SVG must be well-formed XML without a script element, and no
// character XML forbids or a terminal acts on may reach it.
func FuzzDOTSVG(f *testing.F) {
	for _, s := range []string{hostileText, "plain title", `\N\\G"\`, "\x00\x1b]0;x\x07", "a\n\r\tb", "\xff\xfe\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		svg := drawHostile(t, text, "")
		svgText(t, svg)
		if r, bad := safetexttest.XMLUnsafe(string(svg)); bad {
			t.Fatalf("SVG holds %U", r)
		}
	})
}
