// Package explore writes the interactive explorer: one self-contained HTML
// page, with no request to any network, that shows the historiograph of a
// citation graph and any science map, with pan and zoom, search by author,
// title or DOI, filters by year and cluster, details on hover, and for a
// clicked work its record, its mentions (what citegraph explain prints) and
// its neighbours.
//
// The page's script and styles (assets/) are citegraph's own: a canvas
// renderer with a spatial grid for hit tests, drawing every node and edge of
// a 5,000-node network in one pass per frame. Build gathers the data;
// Page.AddNetwork adds a map; Write writes the page.
package explore

import (
	"cmp"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/netio"
)

//go:embed assets
var assets embed.FS

// Options controls Build. The zero value shows the 2,000 works with the
// most citations.
type Options struct {
	// Title heads the page; "" means "citegraph explorer".
	Title string
	// Metric picks and sizes the works shown; "" means "in_degree".
	Metric string
	// MaxWorks is how many works are shown at most, the top ones by
	// Metric; 0 means 2,000, negative means all.
	MaxWorks int
	// MaxMentions is how many mentions of a work the page lists (the rest
	// are counted); 0 means 50.
	MaxMentions int
}

// Page is the data of an explorer page.
type Page struct {
	Title    string    `json:"title"`
	Summary  string    `json:"summary"`
	Works    []work    `json:"works"`
	Networks []network `json:"networks"`
	index    map[string]int
}

// work is a work as the page shows it; short keys keep big pages small.
type work struct {
	ID       string            `json:"id"`
	Label    string            `json:"l"`
	Title    string            `json:"t,omitempty"`
	Authors  string            `json:"a,omitempty"`
	Year     int               `json:"y,omitempty"`
	Venue    string            `json:"v,omitempty"`
	DOI      string            `json:"d,omitempty"`
	IDs      map[string]string `json:"x,omitempty"`
	Corpus   bool              `json:"c,omitempty"`
	Sources  []string          `json:"s,omitempty"`
	CitedBy  *int              `json:"g,omitempty"`
	Metrics  [6]float64        `json:"m"` // in_degree, out_degree, pagerank, betweenness, hub, authority
	Mentions [][4]string       `json:"n,omitempty"`
	More     int               `json:"nm,omitempty"` // mentions not listed
}

// network is one network of the page: its nodes (works, or items of their
// own), positions, clusters, sizes and edges.
type network struct {
	Name     string `json:"name"`
	Title    string `json:"title"`
	Kind     string `json:"kind"` // "historiograph" or "map"
	Directed bool   `json:"directed"`
	// Work gives, per node, the index of its work in Page.Works, or -1 for
	// an item of its own (an author, a keyword), described by Label and Info.
	Work     []int           `json:"work"`
	Label    []string        `json:"label,omitempty"`
	Info     []string        `json:"info,omitempty"`
	X        []float64       `json:"x"`
	Y        []float64       `json:"y"`
	Size     []float64       `json:"size"`
	Cluster  []int           `json:"cluster,omitempty"`
	Clusters []netio.Cluster `json:"clusters,omitempty"`
	Edges    []int           `json:"edges"` // from, to, from, to, …
	Weights  []float64       `json:"weights,omitempty"`
	Axis     []axisMark      `json:"axis,omitempty"`
	Note     string          `json:"note,omitempty"`
}

type axisMark struct {
	Y     float64 `json:"y"`
	Label string  `json:"label"`
}

// Build gathers the works of the explorer page and their historiograph:
// the top works by the metric, placed in rows by publication year, oldest
// on top, ordered within a row so that citations cross as little as
// possible.
func Build(g *graph.Graph, m *graph.Metrics, opt *Options) *Page {
	if opt == nil {
		opt = &Options{}
	}
	metric := cmp.Or(opt.Metric, "in_degree")
	max := cmp.Or(opt.MaxWorks, 2000)
	maxMentions := cmp.Or(opt.MaxMentions, 50)
	rank := g.Rank(m, metric)
	if max < 0 || max > len(rank) {
		max = len(rank)
	}
	chosen := make([]int, 0, max)
	for _, s := range rank[:max] {
		chosen = append(chosen, s.Work)
	}
	slices.Sort(chosen) // work order: ID order, stable page bytes
	p := &Page{Title: cmp.Or(opt.Title, "citegraph explorer"), index: map[string]int{}}
	for _, i := range chosen {
		w := &g.Works[i]
		pw := work{ID: w.ID, Label: w.Label, Title: w.Title, Authors: netio.Authors(w), Year: w.Year, Venue: w.Venue,
			DOI: w.DOI, IDs: w.IDs, Corpus: w.InCorpus, Sources: w.Sources, CitedBy: w.CitedBy,
			Metrics: [6]float64{float64(m.InDegree[i]), float64(m.OutDegree[i]), m.PageRank[i], m.Betweenness[i], m.Hub[i], m.Authority[i]}}
		for k, mt := range w.Mentions {
			if k == maxMentions {
				pw.More = len(w.Mentions) - k
				break
			}
			pw.Mentions = append(pw.Mentions, [4]string{mt.Source, mt.Raw, mt.How, mt.Joined})
		}
		p.index[w.ID] = len(p.Works)
		p.Works = append(p.Works, pw)
	}
	p.Summary = fmt.Sprintf("%d of %d works (the most cited by %s), %d citations in the graph", len(chosen), g.Len(), metric, len(g.Citations))
	if len(chosen) == g.Len() {
		p.Summary = fmt.Sprintf("%d works, %d citations", g.Len(), len(g.Citations))
	}
	p.Networks = append(p.Networks, historiograph(g, m, metric, chosen))
	return p
}

// AddNetwork adds a network with a layout (a science map) to the page.
// Nodes whose ID is the ID of a work of the page stand for that work;
// the others are items of their own, shown with their label and
// attributes. Nodes without positions are laid out on a circle.
func (p *Page) AddNetwork(title string, n *netio.Network) {
	nw := network{Name: n.Name, Title: title, Kind: "map", Directed: n.Directed, Clusters: n.Clusters}
	own := false
	for i, nd := range n.Nodes() {
		w, ok := p.index[nd.ID]
		if !ok {
			w, own = -1, true
		}
		nw.Work = append(nw.Work, w)
		nw.Label = append(nw.Label, cmp.Or(nd.Label, nd.ID))
		var info []string
		for k, a := range n.NodeAttrs {
			if v := nd.Values[k]; v != nil {
				info = append(info, a.Name+": "+fmt.Sprint(v))
			}
		}
		nw.Info = append(nw.Info, strings.Join(info, "\n"))
		x, y := nd.X, nd.Y
		if !n.Layout {
			x, y = circle(i, n.Len)
		}
		nw.X, nw.Y = append(nw.X, x), append(nw.Y, y)
		nw.Size = append(nw.Size, cmp.Or(nd.Size, 1))
		nw.Cluster = append(nw.Cluster, nd.Cluster)
	}
	if !own {
		nw.Label, nw.Info = nil, nil
	}
	scaleSizes(nw.X, nw.Y, nw.Size)
	for e := range n.Edges {
		nw.Edges = append(nw.Edges, e.From, e.To)
		nw.Weights = append(nw.Weights, e.Weight)
	}
	nw.Note = fmt.Sprintf("%d nodes, %d links", n.Len, len(nw.Edges)/2)
	p.Networks = append(p.Networks, nw)
}

// scaleSizes turns a map's node sizes, in whatever unit it has them, into
// radii in the units of its positions: the largest node 2% of the map's
// extent across, the others by the square root of their size.
func scaleSizes(x, y, size []float64) {
	if len(x) == 0 {
		return
	}
	x0, x1, y0, y1, big := x[0], x[0], y[0], y[0], 0.0
	for i := range x {
		x0, x1 = math.Min(x0, x[i]), math.Max(x1, x[i])
		y0, y1 = math.Min(y0, y[i]), math.Max(y1, y[i])
		big = math.Max(big, size[i])
	}
	span := math.Max(math.Max(x1-x0, y1-y0), 1e-9)
	for i, s := range size {
		size[i] = span * (0.003 + 0.017*math.Sqrt(math.Max(s, 0)/math.Max(big, 1e-12)))
	}
}

// Write writes the page: HTML with the data, script and styles inline.
func (p *Page) Write(w io.Writer) error {
	data, err := json.Marshal(p) // escapes <, > and &: safe inside <script>
	if err != nil {
		return err
	}
	js, _ := assets.ReadFile("assets/explore.js")
	css, _ := assets.ReadFile("assets/explore.css")
	tmpl, err := template.ParseFS(assets, "assets/page.html")
	if err != nil {
		return err
	}
	return tmpl.Execute(w, map[string]any{
		"Title": p.Title,
		"CSS":   template.CSS(css),
		"JS":    template.JS(js),
		"Data":  template.JS(data),
	})
}
