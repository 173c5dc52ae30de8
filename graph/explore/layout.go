package explore

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/citegraph/citegraph/graph"
)

// Historiograph geometry, in the units the page draws in: a node's place
// is one unit wide, the lines of a year one unit apart, years further.
const (
	yearGap = 1.8 // space between the bands of two years
	sweeps  = 8   // barycentre passes
	aspect  = 1.6 // width / height the wrapping of long bands aims at
)

// historiograph lays out the chosen works (indexes into g.Works, ascending)
// as HistCite does: a band per publication year, oldest on top, works
// without a year in a last band; within a band, works are ordered by the
// mean position of the works they cite and are cited by (barycentre
// sweeps, down and up, as in Sugiyama's layered drawing), so that
// citations cross as little as it cheaply can; long bands wrap onto
// several lines, as many as make the drawing about 1.6 times as wide as it
// is high (a screen's shape).
func historiograph(g *graph.Graph, m *graph.Metrics, metric string, chosen []int) network {
	n := len(chosen)
	pos := make(map[int]int, n) // work → node
	for k, w := range chosen {
		pos[w] = k
	}
	nw := network{Name: "citation", Title: "Citation graph (historiograph)", Kind: "historiograph", Directed: true,
		Work: make([]int, n), X: make([]float64, n), Y: make([]float64, n), Size: make([]float64, n)}
	adj := make([][]int, n)
	for _, c := range g.Citations {
		a, ok1 := pos[c.From]
		b, ok2 := pos[c.To]
		if ok1 && ok2 {
			nw.Edges = append(nw.Edges, a, b)
			adj[a] = append(adj[a], b)
			adj[b] = append(adj[b], a)
		}
	}
	// bands by year, undated last
	byYear := map[int][]int{}
	for k, w := range chosen {
		nw.Work[k] = k
		byYear[g.Works[w].Year] = append(byYear[g.Works[w].Year], k)
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	slices.SortFunc(years, func(a, b int) int {
		if (a == 0) != (b == 0) {
			if a == 0 {
				return 1
			}
			return -1
		}
		return cmp.Compare(a, b)
	})
	value := func(k int) float64 { v, _ := m.Value(metric, chosen[k]); return v }
	rows := make([][]int, len(years))
	for r, y := range years {
		row := byYear[y]
		slices.SortStableFunc(row, func(a, b int) int { return cmp.Compare(value(b), value(a)) })
		rows[r] = row
	}
	x := make([]float64, n)
	place := func(row []int) {
		for k, v := range row {
			x[v] = float64(k) - float64(len(row)-1)/2
		}
	}
	for _, row := range rows {
		place(row)
	}
	bary := make([]float64, n)
	for s := 0; s < sweeps; s++ {
		order := make([]int, len(rows))
		for r := range order {
			order[r] = r
		}
		if s%2 == 1 {
			slices.Reverse(order)
		}
		for _, r := range order {
			row := rows[r]
			for _, v := range row {
				bary[v] = x[v]
				if len(adj[v]) == 0 {
					continue
				}
				sum := 0.0
				for _, u := range adj[v] {
					sum += x[u]
				}
				bary[v] = sum / float64(len(adj[v]))
			}
			slices.SortStableFunc(row, func(a, b int) int { return cmp.Compare(bary[a], bary[b]) })
			place(row)
		}
	}
	// wrap long bands and give every node its place
	perLine := wrapWidth(rows)
	y := 0.0
	maxV := 0.0
	for k := range chosen {
		maxV = math.Max(maxV, value(k))
	}
	for r, row := range rows {
		label := strconv.Itoa(years[r])
		if years[r] == 0 {
			label = "no year"
		}
		nw.Axis = append(nw.Axis, axisMark{Y: y, Label: label})
		lines := (len(row) + perLine - 1) / perLine
		per := (len(row) + lines - 1) / lines
		for k, v := range row {
			line := k / per
			inLine := min(per, len(row)-line*per)
			nw.X[v] = float64(k-line*per) - float64(inLine-1)/2
			nw.Y[v] = y + float64(line)
		}
		y += float64(lines-1) + yearGap
	}
	for k := range chosen {
		s := 0.0
		if maxV > 0 {
			s = math.Sqrt(value(k) / maxV)
		}
		nw.Size[k] = 0.12 + 0.33*s
	}
	nw.Note = strconv.Itoa(n) + " works, " + strconv.Itoa(len(nw.Edges)/2) + " citations between them"
	return nw
}

// wrapWidth returns the number of works on a line that brings the
// drawing's shape closest to aspect.
func wrapWidth(rows [][]int) int {
	best, bestErr := 1, math.Inf(1)
	widest := 1
	for _, r := range rows {
		widest = max(widest, len(r))
	}
	for w := 8; ; w += max(1, w/8) {
		height := 0.0
		width := 0
		for _, r := range rows {
			lines := (len(r) + w - 1) / w
			height += float64(lines-1) + yearGap
			width = max(width, min(w, len(r)))
		}
		if e := math.Abs(math.Log(float64(width) / height / aspect)); e < bestErr {
			best, bestErr = w, e
		}
		if w >= widest {
			return best
		}
	}
}

// circle places node i of n on a unit circle, for a network without a layout.
func circle(i, n int) (x, y float64) {
	a := 2 * math.Pi * float64(i) / float64(max(n, 1))
	return math.Cos(a) * math.Sqrt(float64(n)), math.Sin(a) * math.Sqrt(float64(n))
}
