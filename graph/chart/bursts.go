package chart

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/citegraph/citegraph/graph/burst"
)

// Bursts draws the table of the strongest bursts as CiteSpace does: one row
// per burst with its label, year, strength, begin and end, and a timeline
// of the series' years: a thin grey line before the work was published, a
// thin blue one after, and a red bar over the burst. what names the rows
// ("references", "keywords"); at most limit rows are drawn (0: 25).
func Bursts(w io.Writer, what string, res *burst.Result, rows []burst.Row, limit int) error {
	if limit <= 0 {
		limit = 25
	}
	if len(rows) > limit {
		rows = rows[:limit]
	}
	const (
		width            = 1000.0
		left, labelW     = 16.0, 330.0
		rowH, headH, top = 20.0, 24.0, 60.0
		red, blue, grey  = "#d7191c", "#3f6fb5", "#d9d9d9"
	)
	colX := left + labelW // Year, Strength, Begin, End columns
	cols := []struct {
		name string
		w    float64
	}{{"Year", 44}, {"Strength", 66}, {"Begin", 46}, {"End", 46}}
	tlX := colX
	for _, col := range cols {
		tlX += col.w
	}
	tlX += 12
	n := res.To - res.From + 1
	cw := 0.0
	if n > 0 {
		cw = math.Min(16, (width-tlX-16)/float64(n))
	}
	height := top + headH + rowH*float64(max(len(rows), 1)) + 40
	c := newCanvas(w, width, height, "Strongest bursts of "+what)
	c.text(fmt.Sprintf("Top %d %s with the strongest bursts", len(rows), what), left, 24, 16, "start", `font-weight="bold"`)
	c.text(fmt.Sprintf("Kleinberg's two-state automaton: s = %g, γ = %g, at least %d years; years %d–%d",
		res.S, res.Gamma, res.MinYears, res.From, res.To), left, 44, 12, "start", `fill="#555555"`)
	if len(rows) == 0 {
		c.text("No burst found.", left, top+headH, 12, "start", "")
		return c.close()
	}
	// header
	hy := top + 14
	c.text(capital(what), left, hy, 12, "start", `font-weight="bold"`)
	x := colX
	for _, col := range cols {
		c.text(col.name, x+col.w-6, hy, 12, "end", `font-weight="bold"`)
		x += col.w
	}
	step := yearStep(cw, 34)
	for year := (res.From + step - 1) / step * step; year <= res.To; year += step {
		c.text(fmt.Sprint(year), tlX+(float64(year-res.From)+0.5)*cw, hy, 11, "middle", `fill="#555555"`)
	}
	c.p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#999999"/>`+"\n", left, top+headH-4, width-16, top+headH-4)
	for k, r := range rows {
		y := top + headH + rowH*float64(k) + 14
		if k%2 == 1 {
			c.p(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#f5f7fa"/>`+"\n", left, y-14, width-32, rowH)
		}
		c.text(fit(r.Label, labelW-10, 12), left, y, 12, "start", "")
		year := "-"
		if r.Year > 0 {
			year = fmt.Sprint(r.Year)
		}
		vals := []string{year, fmt.Sprintf("%.2f", r.Strength), fmt.Sprint(r.Begin), fmt.Sprint(r.End)}
		x := colX
		for i, col := range cols {
			c.text(vals[i], x+col.w-6, y, 12, "end", "")
			x += col.w
		}
		// timeline
		for t := 0; t < n; t++ {
			yr := res.From + t
			cx := tlX + float64(t)*cw
			switch {
			case yr >= r.Begin && yr <= r.End:
				c.p(`<rect x="%.2f" y="%.1f" width="%.2f" height="8" fill="%s"><title>%d: burst</title></rect>`+"\n", cx, y-9, cw, red, yr)
			case r.Year > 0 && yr < r.Year:
				c.p(`<rect x="%.2f" y="%.1f" width="%.2f" height="2" fill="%s"/>`+"\n", cx, y-6, cw, grey)
			default:
				c.p(`<rect x="%.2f" y="%.1f" width="%.2f" height="2" fill="%s"/>`+"\n", cx, y-6, cw, blue)
			}
		}
	}
	return c.close()
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
