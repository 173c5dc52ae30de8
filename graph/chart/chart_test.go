package chart

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/burst"
	"github.com/citegraph/citegraph/graph/rpys"
)

// checkSVG parses an SVG document and checks that it is well formed, has a
// viewBox, and that no two labels overlap (by the same width estimate the
// charts place them with) or repeat at one place.
func checkSVG(t *testing.T, name string, data []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var texts []string
	var boxes []box
	var inText *xml.StartElement
	root := true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", name, err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if root {
				root = false
				if el.Name.Local != "svg" || attr(el, "viewBox") == "" {
					t.Fatalf("%s: root <%s> without viewBox", name, el.Name.Local)
				}
			}
			if el.Name.Local == "text" {
				e := el
				inText = &e
			}
		case xml.CharData:
			if inText == nil {
				continue
			}
			s := string(el)
			x, _ := strconv.ParseFloat(attr(*inText, "x"), 64)
			y, _ := strconv.ParseFloat(attr(*inText, "y"), 64)
			size, _ := strconv.ParseFloat(attr(*inText, "font-size"), 64)
			b := textBox(s, x, y, size, attr(*inText, "text-anchor"))
			for k, o := range boxes {
				if b.overlaps(o) {
					t.Errorf("%s: label %q overlaps %q", name, s, texts[k])
				}
			}
			boxes = append(boxes, b)
			texts = append(texts, s)
			inText = nil
		}
	}
	return texts
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// spectrumGraph: 20 papers of 2020 citing works of 1900–1990 with a peak
// every 30 years.
func spectrumGraph() *graph.Graph {
	res := &graph.Resolution{}
	for y := 1900; y <= 1990; y++ {
		res.Works = append(res.Works, graph.Work{ID: fmt.Sprintf("w%d", y), Label: fmt.Sprintf("Work of %d", y), Year: y})
	}
	for p := 0; p < 20; p++ {
		res.Works = append(res.Works, graph.Work{ID: fmt.Sprintf("z%02d", p), Label: "paper", Year: 2020, InCorpus: true})
	}
	for p := 0; p < 20; p++ {
		for y := 1900; y <= 1990; y++ {
			if y%30 == 0 || (y+p)%7 == 0 {
				res.Citations = append(res.Citations, graph.Citation{From: 91 + p, To: y - 1900})
			}
		}
	}
	slices.SortFunc(res.Citations, func(a, b graph.Citation) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	return graph.New(res)
}

func TestRPYS(t *testing.T) {
	sp := rpys.Compute(spectrumGraph(), nil)
	var b bytes.Buffer
	if err := RPYS(&b, sp); err != nil {
		t.Fatal(err)
	}
	texts := checkSVG(t, "rpys", b.Bytes())
	joined := strings.Join(texts, "|")
	for _, want := range []string{"1900", "1930", "1960", "1990", "Reference publication year spectroscopy (RPYS)"} {
		if !strings.Contains(joined, want) {
			t.Errorf("rpys chart lacks %q", want)
		}
	}
	if got := strings.Count(b.String(), "<rect x=") - 2; got != 91 { // background and legend aside
		t.Errorf("%d bars, want 91 (every year has citations)", got)
	}
	b.Reset()
	if err := RPYS(&b, &rpys.Spectrum{}); err != nil {
		t.Fatal(err)
	}
	checkSVG(t, "empty rpys", b.Bytes())
}

func TestBursts(t *testing.T) {
	res := &burst.Result{From: 1990, To: 2020, S: 2, Gamma: 1, MinYears: 2}
	for k := 0; k < 30; k++ {
		res.Works = append(res.Works, burst.Row{ID: fmt.Sprint(k), Label: strings.Repeat("A very long title of a cited work ", 3), Year: 1985 + k,
			Burst: burst.Burst{Begin: 1990 + k/2, End: 1992 + k/2, Strength: 30 - float64(k)/3}})
	}
	var b bytes.Buffer
	if err := Bursts(&b, "references", res, res.Works, 20); err != nil {
		t.Fatal(err)
	}
	texts := checkSVG(t, "bursts", b.Bytes())
	if n := strings.Count(b.String(), `fill="#d7191c"`); n != 20*3 {
		t.Errorf("%d red cells, want 60 (20 rows of 3 burst years)", n)
	}
	if !slices.Contains(texts, "Top 20 references with the strongest bursts") || !slices.Contains(texts, "30.00") {
		t.Errorf("title or strength missing: %q", texts[:8])
	}
	b.Reset()
	if err := Bursts(&b, "keywords", &burst.Result{}, nil, 0); err != nil {
		t.Fatal(err)
	}
	checkSVG(t, "no bursts", b.Bytes())
}
