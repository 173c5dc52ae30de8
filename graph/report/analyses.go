package report

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/burst"
	"github.com/citegraph/citegraph/graph/mainpath"
	"github.com/citegraph/citegraph/graph/overview"
	"github.com/citegraph/citegraph/graph/rpys"
)

// Analyses are the results of the analyses beyond centrality, computed by
// the caller and passed to Build in Options; a nil field leaves its section
// out.
type Analyses struct {
	Overview *overview.Overview
	MainPath *mainpath.Result
	RPYS     *rpys.Spectrum
	Bursts   *burst.Result
	// Years, when the corpus was restricted to publication years, says how.
	Years *Years
}

// Years describes a restriction of the corpus to publication years
// (-years, -slice): the records kept, and those left out.
type Years struct {
	From int `json:"from"`
	To   int `json:"to"`
	// Slice is the slice's number and Slices their count, for -slice.
	Slice   int `json:"slice,omitempty"`
	Slices  int `json:"slices,omitempty"`
	Kept    int `json:"kept"`
	Outside int `json:"outside"`
	Undated int `json:"undated"`
}

// MainPath is the main path section: the network, the listing of the local
// forward and the global main path, and the size of the key-route one.
type MainPath struct {
	Weight    string  `json:"weight"`
	Tolerance float64 `json:"tolerance,omitempty"`
	Nodes     int     `json:"nodes"`
	Arcs      int     `json:"arcs"`
	// Paths is the number of paths the weight counts (SPC: source–sink).
	Paths string `json:"paths"`
	// Cycles lists the works of each shrunk cycle, by label.
	Cycles   [][]string `json:"cycles,omitempty"`
	Local    PathRows   `json:"local"`
	Backward PathRows   `json:"backward"`
	Global   PathRows   `json:"global"`
	// GlobalWeight is the global main path's total weight.
	GlobalWeight string   `json:"global_weight"`
	KeyRoute     PathRows `json:"key_route"`
	KeyArcs      int      `json:"key_arcs"`
}

// PathRows lists one main path.
type PathRows struct {
	Works int       `json:"works"`
	Arcs  int       `json:"arcs"`
	Steps []StepRow `json:"steps,omitempty"`
}

// StepRow is a node of a main path with the weights of the heaviest path
// arc leaving it (empty at the end of the path), as exact integers.
type StepRow struct {
	Year     int      `json:"year,omitempty"`
	IDs      []string `json:"ids"`
	Label    string   `json:"label"`
	SPC      string   `json:"spc,omitempty"`
	SPLC     string   `json:"splc,omitempty"`
	SPNP     string   `json:"spnp,omitempty"`
	Branches int      `json:"branches,omitempty"`
}

// mainPathRows turns a main path result into the report's rows; steps are
// listed for the local, backward and global paths, the key-route path is
// only counted.
func mainPathRows(g *graph.Graph, r *mainpath.Result) *MainPath {
	nw := r.Network
	mp := &MainPath{Weight: r.Weight.String(), Tolerance: r.Tolerance, Nodes: nw.Len(), Arcs: len(nw.Arcs),
		Paths: r.Weights[r.Weight].Total.String(), GlobalWeight: r.GlobalWeight.String(), KeyArcs: len(r.KeyArcs)}
	for _, v := range nw.Shrunk() {
		var labels []string
		for _, i := range nw.Members[v] {
			labels = append(labels, workName(&g.Works[i]))
		}
		mp.Cycles = append(mp.Cycles, labels)
	}
	rows := func(p mainpath.Path, steps bool) PathRows {
		pr := PathRows{Works: len(p.Nodes), Arcs: len(p.Arcs)}
		if !steps {
			return pr
		}
		for _, s := range r.Steps(p) {
			row := StepRow{Year: s.Year, Branches: s.Branches}
			var names []string
			for _, i := range s.Works {
				row.IDs = append(row.IDs, g.Works[i].ID)
				names = append(names, workName(&g.Works[i]))
			}
			row.Label = strings.Join(names, " ↔ ")
			if s.Arc >= 0 {
				row.SPC = r.Weights[mainpath.SPC].Arc[s.Arc].String()
				row.SPLC = r.Weights[mainpath.SPLC].Arc[s.Arc].String()
				row.SPNP = r.Weights[mainpath.SPNP].Arc[s.Arc].String()
			}
			pr.Steps = append(pr.Steps, row)
		}
		return pr
	}
	mp.Local = rows(r.Local, true)
	mp.Backward = rows(r.Backward, false)
	mp.Global = rows(r.Global, true)
	mp.KeyRoute = rows(r.KeyRoute, false)
	return mp
}

// workName is "Author Year · Title" when the label is not the title
// already, else the label.
func workName(w *graph.Work) string {
	row := Row{Label: w.Label, Title: w.Title}
	if len(w.Authors) > 0 && w.Authors[0].Family != "" && w.Year > 0 && !strings.Contains(w.Label, w.Authors[0].Family) {
		return w.Authors[0].Family + " " + strconv.Itoa(w.Year) + " · " + cmp.Or(w.Title, w.Label)
	}
	return row.Name()
}

// truncatedBursts keeps the top rows of each burst table.
func truncatedBursts(b *burst.Result, top int) *burst.Result {
	c := *b
	if len(c.Works) > top {
		c.Works = c.Works[:top]
	}
	if len(c.Keywords) > top {
		c.Keywords = c.Keywords[:top]
	}
	return &c
}

// addAnalyses copies the analyses into the report.
func (r *Report) addAnalyses(g *graph.Graph, a *Analyses, top int) {
	if a == nil {
		return
	}
	r.Overview, r.RPYS, r.Years = a.Overview, a.RPYS, a.Years
	if a.MainPath != nil {
		r.MainPath = mainPathRows(g, a.MainPath)
	}
	if a.Bursts != nil {
		r.Bursts = truncatedBursts(a.Bursts, top)
	}
}
