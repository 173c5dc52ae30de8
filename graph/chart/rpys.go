package chart

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/citegraph/citegraph/graph/rpys"
)

// RPYS draws the spectrum: a bar per year for the cited references (NCR), a
// red line for the deviation from the median of the window, and the peak
// years labelled.
func RPYS(w io.Writer, sp *rpys.Spectrum) error {
	const (
		width, height       = 960.0, 440.0
		left, right         = 64.0, 24.0
		top, bottom         = 64.0, 78.0
		plotW, plotH        = width - left - right, height - top - bottom
		barColour, devColor = "#9ec5e8", "#c0392b"
	)
	c := newCanvas(w, width, height, "Reference publication year spectroscopy")
	c.text("Reference publication year spectroscopy (RPYS)", left, 24, 16, "start", `font-weight="bold"`)
	if len(sp.Years) == 0 {
		c.text("No cited reference has a publication year.", left, 48, 12, "start", `fill="#555555"`)
		return c.close()
	}
	first, last := sp.Years[0].Year, sp.Years[len(sp.Years)-1].Year
	sub := fmt.Sprintf("%d citations of works published %d–%d", sp.Citations, first, last)
	var omitted []string
	if sp.Undated > 0 {
		omitted = append(omitted, fmt.Sprintf("%d of undated works", sp.Undated))
	}
	if sp.Outside > 0 {
		omitted = append(omitted, fmt.Sprintf("%d of works dated outside the years", sp.Outside))
	}
	if len(omitted) > 0 {
		sub += "; " + strings.Join(omitted, " and ") + " not shown"
	}
	c.text(sub, left, 44, 12, "start", `fill="#555555"`)

	lo, hi := 0.0, 0.0
	for _, y := range sp.Years {
		lo = math.Min(lo, y.Deviation)
		hi = math.Max(hi, math.Max(float64(y.Citations), y.Deviation))
	}
	if hi == lo {
		hi = lo + 1
	}
	step := niceStep(hi-lo, 8)
	lo = math.Floor(lo/step) * step
	hi = math.Ceil(hi/step) * step
	yOf := func(v float64) float64 { return top + plotH*(hi-v)/(hi-lo) }
	bw := plotW / float64(len(sp.Years))
	xOf := func(year int) float64 { return left + (float64(year-first)+0.5)*bw }

	// grid and y axis
	c.p(`<g stroke="#e3e3e3" stroke-width="1">` + "\n")
	for v := lo; v <= hi+step/2; v += step {
		c.p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`+"\n", left, yOf(v), left+plotW, yOf(v))
	}
	c.p("</g>\n")
	for v := lo; v <= hi+step/2; v += step {
		c.text(num(v), left-6, yOf(v)+4, 11, "end", `fill="#555555"`)
	}
	// bars
	c.p(`<g fill="%s">`+"\n", barColour)
	for _, y := range sp.Years {
		if y.Citations == 0 {
			continue
		}
		x := xOf(y.Year) - 0.4*bw
		y0 := yOf(float64(y.Citations))
		c.p(`<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f"><title>%d: %d cited references, %d works; deviation %s</title></rect>`+"\n",
			x, y0, math.Max(0.8*bw, 0.6), yOf(0)-y0, y.Year, y.Citations, y.Works, num(y.Deviation))
	}
	c.p("</g>\n")
	// zero line and deviation
	c.p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#777777" stroke-width="1"/>`+"\n", left, yOf(0), left+plotW, yOf(0))
	var pts []string
	for _, y := range sp.Years {
		pts = append(pts, fmt.Sprintf("%.2f,%.2f", xOf(y.Year), yOf(y.Deviation)))
	}
	c.p(`<polyline points="%s" fill="none" stroke="%s" stroke-width="1.5" stroke-linejoin="round"/>`+"\n", strings.Join(pts, " "), devColor)
	// x axis
	c.p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#777777"/>`+"\n", left, top+plotH, left+plotW, top+plotH)
	ys := yearStep(bw, 40)
	for year := (first + ys - 1) / ys * ys; year <= last; year += ys {
		x := xOf(year)
		c.p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#777777"/>`+"\n", x, top+plotH, x, top+plotH+4)
		c.text(fmt.Sprint(year), x, top+plotH+17, 11, "middle", `fill="#555555"`)
	}
	// peaks: the year above the higher of bar and line, strongest first
	for k, p := range sp.Peaks {
		if k == 8 {
			break
		}
		y := yOf(math.Max(float64(p.Citations), p.Deviation)) - 5
		c.text(fmt.Sprint(p.Year), xOf(p.Year), y, 11, "middle", `fill="#c0392b" font-weight="bold"`)
	}
	// legend
	ly := height - 22
	c.p(`<rect x="%.1f" y="%.1f" width="14" height="10" fill="%s"/>`+"\n", left, ly-9, barColour)
	c.text("cited references per publication year (NCR)", left+20, ly, 12, "start", "")
	lx := left + 20 + textWidth("cited references per publication year (NCR)", 12) + 28
	c.p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"/>`+"\n", lx, ly-4, lx+18, ly-4, devColor)
	c.text("deviation from the median of "+sp.Window+"; peak years in red", lx+24, ly, 12, "start", "")
	return c.close()
}
