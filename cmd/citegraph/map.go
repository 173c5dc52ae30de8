package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/cluster"
	"github.com/citegraph/citegraph/graph/draw"
	"github.com/citegraph/citegraph/graph/netio"
	"github.com/citegraph/citegraph/graph/network"
	"github.com/citegraph/citegraph/graph/scimap"
)

// mapConfig holds the flags of the map command.
type mapConfig struct {
	Network, Unit, Counting, Normalization, Keywords string
	FirstAuthors                                     bool
	Thesaurus                                        string
	MinCount, MaxNodes                               int
	MinLink                                          float64
	Quality                                          string
	Resolution                                       float64
	MinCluster                                       int
	Seed                                             uint64
	Terms                                            int
	TermScore                                        string
}

// mapFlags declares the map command's flags on fs.
func mapFlags(fs *flag.FlagSet, m *mapConfig) {
	fs.StringVar(&m.Network, "network", "coupling", "coupling, cocitation, cooccurrence or coauthorship")
	fs.StringVar(&m.Unit, "unit", "", "works, authors, sources, keywords, organisations or countries")
	fs.StringVar(&m.Counting, "counting", "full", "full or fractional")
	fs.StringVar(&m.Normalization, "normalization", "association", "association, cosine, jaccard, inclusion, equivalence or none")
	fs.StringVar(&m.Keywords, "keywords", "all", "all, author or index")
	fs.BoolVar(&m.FirstAuthors, "first-authors", false, "count first authors only")
	fs.StringVar(&m.Thesaurus, "thesaurus", "", "VOSviewer thesaurus file")
	fs.IntVar(&m.MinCount, "min-count", 0, "minimum count of a node")
	fs.IntVar(&m.MaxNodes, "max-nodes", 0, "keep the N nodes of largest total link strength")
	fs.Float64Var(&m.MinLink, "min-link", 0, "minimum link count")
	fs.StringVar(&m.Quality, "quality", "", "modularity or cpm")
	fs.Float64Var(&m.Resolution, "resolution", 1, "clustering resolution")
	fs.IntVar(&m.MinCluster, "min-cluster", 0, "merge clusters smaller than this")
	fs.Uint64Var(&m.Seed, "seed", 1, "random seed of clustering and layout")
	fs.IntVar(&m.Terms, "terms", 3, "terms in a cluster label")
	fs.StringVar(&m.TermScore, "labels", "llr", "cluster labels by llr or tfidf")
}

// options turns the flags into scimap options.
func (m *mapConfig) options(draw, minCitations int) (*scimap.Options, error) {
	kind, err := network.ParseKind(m.Network)
	if err != nil {
		return nil, err
	}
	unit := network.DefaultUnit(kind)
	if m.Unit != "" {
		if unit, err = network.ParseUnit(kind, m.Unit); err != nil {
			return nil, err
		}
	}
	norm, err := network.ParseNormalization(m.Normalization)
	if err != nil {
		return nil, err
	}
	o := &scimap.Options{
		Network: network.Options{Kind: kind, Unit: unit, Counting: network.Counting(m.Counting), Normalization: norm,
			Keywords: network.KeywordKind(m.Keywords), FirstAuthors: m.FirstAuthors, MinCount: m.MinCount,
			MinCitations: minCitations, MaxNodes: m.MaxNodes, MinLinkCount: m.MinLink},
		Cluster: cluster.Options{Quality: cluster.Quality(m.Quality), Resolution: m.Resolution, Seed: m.Seed,
			MinSize: m.MinCluster},
		Terms: m.Terms, TermScore: m.TermScore, Draw: draw, Seed: m.Seed,
	}
	switch o.Network.Counting {
	case network.Full, network.Fractional:
	default:
		return nil, fmt.Errorf("-counting %q: use full or fractional", m.Counting)
	}
	switch o.Network.Keywords {
	case network.AllKeywords, network.AuthorKeywords, network.IndexKeywords:
	default:
		return nil, fmt.Errorf("-keywords %q: use all, author or index", m.Keywords)
	}
	switch o.Cluster.Quality {
	case "", cluster.Modularity, cluster.CPM:
	default:
		return nil, fmt.Errorf("-quality %q: use modularity or cpm", m.Quality)
	}
	if m.TermScore != "llr" && m.TermScore != "tfidf" {
		return nil, fmt.Errorf("-labels %q: use llr or tfidf", m.TermScore)
	}
	if m.Resolution <= 0 {
		return nil, errors.New("-resolution must be positive")
	}
	if m.Thesaurus != "" {
		f, err := os.Open(m.Thesaurus)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if o.Network.Thesaurus, err = network.ReadThesaurus(f, m.Thesaurus); err != nil {
			return nil, err
		}
	}
	return o, nil
}

// exportLayoutMax is the most nodes a map written for another tool is laid
// out with: the layout of 20,000 works and their links takes seconds, that
// of M's 300,000 co-cited works more than ten minutes.
const exportLayoutMax = 20000

// runMap is the map command: one science map of the inputs, its clusters
// on stdout, the map in -out.
func runMap(ctx context.Context, cfg *config, in *inputs, stdout, stderr io.Writer) error {
	in.printProblems(stderr, false)
	if len(in.records) == 0 {
		return in.err(cfg.Paths)
	}
	nodes := cfg.Nodes
	if nodes < 0 {
		nodes = -1
	}
	o, err := cfg.Map.options(nodes, cfg.MinCitations)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	cfg.progress.resolving(in.records)
	res := graph.Resolve(in.records, nil)
	in.release() // the map needs the works, not the records: free their memory
	cfg.progress.stage("graph", nil)
	g := graph.New(res)
	o.Stage = func(name string) { cfg.progress.stage(name, nil) }
	if cfg.Format != "text" && cfg.Format != "json" {
		// a network file for another tool: every node laid out, up to
		// exportLayoutMax, no drawing
		o.Draw, o.MaxLayout = -1, exportLayoutMax
		m, err := scimap.Make(g, o)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "citegraph: %s\n", m.Caption)
		cfg.progress.stage("writing", nil)
		if err := writeNetworkFiles(cfg, netio.Map(g, nil, m, nil), stdout, stderr); err != nil {
			return err
		}
		return in.err(cfg.Paths)
	}
	m, err := scimap.Make(g, o)
	if err != nil {
		return err
	}
	var files []string
	if cfg.OutDir != "" && len(m.Drawn) > 0 {
		cfg.progress.stage("drawing", nil)
		o, err := newOutFiles(cfg.OutDir)
		if err != nil {
			return err
		}
		if err := writeMap(ctx, o, g, m, cfg.Layout); err != nil {
			o.Abort()
			return err
		}
		if files, err = o.Commit(); err != nil {
			return err
		}
	}
	cfg.progress.stage("writing", nil)
	if cfg.Format == "json" {
		err = writeMapJSON(stdout, g, m, files)
	} else {
		err = writeMapText(stdout, g, m, files, cfg.Width)
	}
	if err != nil {
		return err
	}
	return in.err(cfg.Paths)
}

// mapName is the base name of a map's files: "map-coupling-works".
func mapName(m *scimap.Map) string {
	return "map-" + string(m.Network.Kind) + "-" + string(m.Network.Unit)
}

// writeMap adds a map's DOT and SVG to o, laid out by the VOS layout
// ("vos") or by sfdp.
func writeMap(ctx context.Context, o *outFiles, g *graph.Graph, m *scimap.Map, layout string) error {
	if layout == draw.SFDP {
		var ld bytes.Buffer
		if err := m.WriteLayoutDOT(&ld); err != nil {
			return err
		}
		pos, err := draw.Positions(ctx, ld.Bytes(), draw.SFDP)
		if err != nil {
			return fmt.Errorf("sfdp layout of %s: %w", mapName(m), err)
		}
		m.Pin(pos)
	}
	var dot, svg bytes.Buffer
	if err := m.WriteDOT(&dot, g, nil); err != nil {
		return err
	}
	if err := draw.SVG(ctx, &svg, dot.Bytes(), draw.Given); err != nil {
		return fmt.Errorf("draw %s: %w", mapName(m), err)
	}
	if err := o.WriteFile(mapName(m)+".svg", svg.Bytes()); err != nil {
		return err
	}
	return o.WriteFile(mapName(m)+".dot", dot.Bytes())
}

// writeMapText writes a map's caption and clusters for a person.
func writeMapText(w io.Writer, g *graph.Graph, m *scimap.Map, files []string, width int) error {
	bw := bufio.NewWriter(w)
	width = max(60, width)
	fmt.Fprintln(bw, wrapTo(m.Caption, width, ""))
	for _, c := range m.Clusters {
		year := ""
		if c.MeanYear > 0 {
			year = fmt.Sprintf(", mean year %.1f", c.MeanYear)
		}
		fmt.Fprintf(bw, "\n%s\n", wrapTo(fmt.Sprintf("Cluster %d (%d %s%s): %s", c.ID+1, c.Size,
			m.Network.Unit, year, c.Label), width, "  "))
		var top []string
		for _, i := range c.Top {
			top = append(top, m.Network.Nodes[i].Label)
		}
		fmt.Fprintln(bw, "  "+wrapTo("largest: "+strings.Join(top, "; "), width-2, "    "))
		if len(c.Citing) > 0 {
			var cs []string
			for _, x := range c.Citing {
				cs = append(cs, fmt.Sprintf("%s (%d)", m.WorkLabels[x.Work], x.Count))
			}
			fmt.Fprintln(bw, "  "+wrapTo("cited most by: "+strings.Join(cs, "; "), width-2, "    "))
		}
	}
	if len(files) > 0 {
		fmt.Fprintln(bw)
	}
	for _, f := range files {
		fmt.Fprintf(bw, "wrote %s\n", f)
	}
	return bw.Flush()
}

// wrapTo wraps text to width columns, continuation lines indented.
func wrapTo(text string, width int, indent string) string {
	var b strings.Builder
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			b.WriteString(line + "\n")
			line = indent + w
			continue
		}
		if line == "" {
			line = w
		} else {
			line += " " + w
		}
	}
	b.WriteString(line)
	return b.String()
}

// writeMapJSON writes a map as one JSON object: caption, clusters and
// nodes with their clusters and positions.
func writeMapJSON(w io.Writer, g *graph.Graph, m *scimap.Map, files []string) error {
	type node struct {
		ID       string  `json:"id"`
		Label    string  `json:"label"`
		Cluster  int     `json:"cluster"`
		Count    int     `json:"count"`
		Links    int     `json:"links"`
		Strength float64 `json:"total_link_strength"`
		Year     float64 `json:"mean_year,omitempty"`
		X        float64 `json:"x"`
		Y        float64 `json:"y"`
		Drawn    bool    `json:"drawn"`
	}
	type clusterOut struct {
		scimap.Cluster
		Largest []string `json:"largest"`
		CitedBy []string `json:"cited_most_by,omitempty"`
	}
	out := struct {
		Network       string       `json:"network"`
		Unit          string       `json:"unit"`
		Counting      string       `json:"counting"`
		Normalization string       `json:"normalization"`
		Quality       string       `json:"quality"`
		Resolution    float64      `json:"resolution"`
		Modularity    float64      `json:"modularity"`
		Caption       string       `json:"caption"`
		Links         int          `json:"links"`
		Clusters      []clusterOut `json:"clusters"`
		Nodes         []node       `json:"nodes"`
		Files         []string     `json:"files,omitempty"`
	}{Network: string(m.Network.Kind), Unit: string(m.Network.Unit), Counting: string(m.Network.Counting),
		Normalization: string(m.Network.Normalization), Quality: m.QualityName, Resolution: m.Resolution,
		Modularity: round6(m.Modularity), Caption: m.Caption, Links: len(m.Network.Edges), Files: files,
		Clusters: []clusterOut{}, Nodes: []node{}}
	for _, c := range m.Clusters {
		co := clusterOut{Cluster: c, Largest: []string{}}
		for _, i := range c.Top {
			co.Largest = append(co.Largest, m.Network.Nodes[i].Label)
		}
		for _, x := range c.Citing {
			co.CitedBy = append(co.CitedBy, g.Works[x.Work].ID)
		}
		co.MeanYear = round6(co.MeanYear)
		out.Clusters = append(out.Clusters, co)
	}
	drawn := map[int]bool{}
	for _, i := range m.Drawn {
		drawn[i] = true
	}
	for i, n := range m.Network.Nodes {
		out.Nodes = append(out.Nodes, node{ID: n.ID, Label: n.Label, Cluster: n.Cluster, Count: n.Count, Links: n.Links,
			Strength: round6(n.Strength), Year: round6(n.Year), X: round6(n.X), Y: round6(n.Y), Drawn: drawn[i]})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func round6(x float64) float64 {
	const s = 1e6
	if x < 0 {
		return -float64(int64(-x*s+0.5)) / s
	}
	return float64(int64(x*s+0.5)) / s
}

// seedMaps are the maps the default run draws, when the inputs support
// them.
var seedMaps = []struct {
	kind network.Kind
	unit network.Unit
}{
	{network.Coupling, network.Works}, {network.Cocitation, network.Works}, {network.Cooccurrence, network.Keywords},
	{network.Coauthorship, network.Authors}, {network.Coauthorship, network.Countries},
}

// defaultMapNodes is the most units a map of the default run clusters: those
// of largest total link strength, as VOSviewer selects them, found from the
// transactions before any link is counted. Counting and clustering every
// link instead costs minutes and gigabytes on 20,000 papers (13.6 million
// coupling links), for a map that draws 150 nodes; citegraph map maps more.
const defaultMapNodes = 1000

// defaultMaps makes the maps of the default run (captions say why one is
// empty); writeOutputs draws those with links.
// The maps are made side by side (they only read g); each is the same
// whatever runs beside it.
func defaultMaps(g *graph.Graph) ([]*scimap.Map, error) {
	maps := make([]*scimap.Map, len(seedMaps))
	errs := make([]error, len(seedMaps))
	labels := network.WorkLabels(g) // once for every map
	var wg sync.WaitGroup
	for k, sm := range seedMaps {
		wg.Go(func() {
			maps[k], errs[k] = scimap.Make(g, &scimap.Options{Network: network.Options{Kind: sm.kind, Unit: sm.unit,
				MaxNodes: defaultMapNodes, WorkLabels: labels}, Cluster: cluster.Options{Seed: 1}, Seed: 1})
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return maps, nil
}

// workClusters are the clusters of the coupling and co-citation maps of
// works (or of the kinds given), of at most defaultMapNodes works each, as
// the default run's maps, for the exports; what the bound leaves out is
// said on w.
func workClusters(g *graph.Graph, w io.Writer, kinds ...network.Kind) ([]graph.WorkClusters, error) {
	var out []graph.WorkClusters
	if len(kinds) == 0 {
		kinds = []network.Kind{network.Coupling, network.Cocitation}
	}
	labels := network.WorkLabels(g)
	for _, kind := range kinds {
		m, err := scimap.Make(g, &scimap.Options{Network: network.Options{Kind: kind, MaxNodes: defaultMapNodes, WorkLabels: labels},
			Cluster: cluster.Options{Seed: 1}, NoLayout: true})
		if err != nil {
			return nil, err
		}
		if net := m.Network; net.Eligible > net.Selected {
			fmt.Fprintf(w, "citegraph: %s clusters: the %d most linked of %d works (citegraph map -network %s -max-nodes N clusters more)\n",
				kind, net.Selected, net.Eligible, kind)
		}
		if wc := m.WorkClusters(); wc != nil && len(m.Clusters) > 0 {
			out = append(out, *wc)
		}
	}
	return out, nil
}
