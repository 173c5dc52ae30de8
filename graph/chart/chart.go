// Package chart draws the charts of citegraph's analyses as SVG written by
// hand: the reference publication year spectrum (RPYS) and the table of
// the strongest bursts with its timeline (CiteSpace's red bars). Charts
// have a viewBox, so they scale, and place every label where it cannot
// overlap another (labels that would are left out).
package chart

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph/safetext"
)

const font = "Helvetica, Arial, sans-serif"

// canvas writes one SVG document.
type canvas struct {
	bw *bufio.Writer
	// boxes are the label boxes placed so far, for overlap checks.
	boxes []box
}

type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

func newCanvas(w io.Writer, width, height float64, title string) *canvas {
	c := &canvas{bw: bufio.NewWriter(w)}
	c.p(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" font-family="%s">`+"\n",
		width, height, width, height, font)
	c.p("<title>%s</title>\n", esc(title))
	c.p(`<rect x="0" y="0" width="%.0f" height="%.0f" fill="#ffffff"/>`+"\n", width, height)
	return c
}

func (c *canvas) p(format string, args ...any) { fmt.Fprintf(c.bw, format, args...) }

func (c *canvas) close() error {
	c.p("</svg>\n")
	return c.bw.Flush()
}

// textWidth estimates the width of s in a sans-serif font of the size.
func textWidth(s string, size float64) float64 {
	return 0.6 * size * float64(utf8.RuneCountInString(s))
}

// textBox returns the box of a label drawn at x, y (baseline) with the
// anchor ("start", "middle", "end").
func textBox(s string, x, y, size float64, anchor string) box {
	w := textWidth(s, size)
	switch anchor {
	case "middle":
		x -= w / 2
	case "end":
		x -= w
	}
	return box{x, y - 0.8*size, x + w, y + 0.2*size}
}

// text draws a label unless it would overlap one already drawn; it
// reports whether it drew. attrs are extra SVG attributes.
func (c *canvas) text(s string, x, y, size float64, anchor, attrs string) bool {
	b := textBox(s, x, y, size, anchor)
	for _, o := range c.boxes {
		if b.overlaps(o) {
			return false
		}
	}
	c.boxes = append(c.boxes, b)
	if attrs != "" {
		attrs = " " + attrs
	}
	c.p(`<text x="%.1f" y="%.1f" font-size="%.0f" text-anchor="%s"%s>%s</text>`+"\n", x, y, size, anchor, attrs, esc(s))
	return true
}

// fit shortens s with "…" to fit width at the size.
func fit(s string, width, size float64) string {
	n := int(width / (0.6 * size))
	if utf8.RuneCountInString(s) <= n || n < 2 {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ,;:.-") + "…"
}

// esc makes text from the inputs safe in the SVG.
var esc = safetext.EscapeXML

// niceStep returns a round step (1, 2 or 5 times a power of ten) that
// splits span into at most n intervals.
func niceStep(span float64, n int) float64 {
	if span <= 0 {
		return 1
	}
	raw := span / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			return m * mag
		}
	}
	return 10 * mag
}

// yearStep returns the step between year labels so that labels are at
// least minGap pixels apart when a year takes px pixels.
func yearStep(px, minGap float64) int {
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 500} {
		if float64(s)*px >= minGap {
			return s
		}
	}
	return 1000
}

// num formats a tick or value: integers plainly, others with one decimal.
func num(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}
