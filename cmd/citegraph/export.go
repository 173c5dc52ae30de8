package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/cluster"
	"github.com/citegraph/citegraph/graph/netio"
	"github.com/citegraph/citegraph/graph/network"
	"github.com/citegraph/citegraph/graph/scimap"
)

// exportConfig is the part of a run's configuration about export.
type exportConfig struct {
	// Network is the network export writes (exportNetworks).
	Network string
	// MinWeight drops coupling and co-citation pairs sharing fewer items.
	MinWeight int
}

func exportFlags(fs *flag.FlagSet, cfg *config) {
	fs.StringVar(&cfg.Network, "network", "citation", "network exported")
	fs.IntVar(&cfg.MinWeight, "min-weight", 1, "least items a pair shares")
}

// exportArgs checks export's flags.
func exportArgs(cfg *config) error {
	if cfg.Command != "export" {
		return nil
	}
	if !slices.Contains(exportNetworks, cfg.Network) {
		return fmt.Errorf("%w: -network %q: use %s", errUsage, cfg.Network, strings.Join(exportNetworks, ", "))
	}
	return nil
}

// exportFormats are what export writes. csv, pajek and vosviewer are
// several files, written into -out; the others go to stdout.
var exportFormats = []string{"json", "jsonl", "csv", "gexf", "graphml", "pajek", "vosviewer", "dot"}

// exportNetworks are the networks export writes: the citation graph, its
// coupling and co-citation pairs (with the clusters of their maps), and
// the keyword and co-authorship maps (laid out and clustered).
var exportNetworks = []string{"citation", "coupling", "cocitation", "cooccurrence", "coauthorship"}

// multiFile reports whether format writes files into -out.
func multiFile(format string) bool {
	return format == "csv" || format == "pajek" || format == "vosviewer"
}

// exportTop is -top when export is given none: enough for any map, far
// from the tens of millions of pairs a large corpus has.
const exportTop = 10000

// runExport writes the network cfg.Network of the records in cfg.Format.
func runExport(cfg *config, in *inputs, stdout, stderr io.Writer) error {
	a := resolveGraph(in.records, cfg)
	if cfg.Format == "json" && cfg.Network == "citation" {
		coupling, cocitation := jsonPairs(a.g, false, cfg, stderr), jsonPairs(a.g, true, cfg, stderr)
		cfg.progress.stage("clusters", nil)
		wcs, err := workClusters(a.g, stderr)
		if err != nil {
			return err
		}
		cfg.progress.stage("writing", nil)
		return a.g.WriteJSON(stdout, a.m, &graph.JSONOptions{Coupling: coupling, Cocitation: cocitation, Clusters: wcs})
	}
	var net *netio.Network
	switch cfg.Network {
	case "citation":
		var opt netio.CitationOptions
		if cfg.Nodes >= 0 && cfg.Nodes < a.g.Len() {
			for _, s := range a.g.Rank(a.m, cfg.Metric)[:cfg.Nodes] {
				opt.Works = append(opt.Works, s.Work)
			}
			slices.Sort(opt.Works)
			fmt.Fprintf(stderr, "citegraph: citation network of the top %d of %d works by %s (-nodes)\n", cfg.Nodes, a.g.Len(), cfg.Metric)
		}
		cfg.progress.stage("clusters", nil)
		var err error
		if opt.Clusters, err = workClusters(a.g, stderr); err != nil {
			return err
		}
		net = netio.Citation(a.g, a.m, &opt)
	case "cooccurrence", "coauthorship":
		cfg.progress.stage("map", nil)
		// the most linked units, every one laid out (citegraph map -format
		// writes a map with all of its own options)
		mp, err := scimap.Make(a.g, &scimap.Options{Network: network.Options{Kind: network.Kind(cfg.Network), MaxNodes: defaultMapNodes},
			Cluster: cluster.Options{Seed: 1}, Draw: -1, Seed: 1})
		if err != nil {
			return err
		}
		net = netio.Map(a.g, a.m, mp, nil)
		fmt.Fprintf(stderr, "citegraph: %s\n", mp.Caption)
	default:
		var total int
		var leftOut []int
		top := pairLimit(cfg)
		cfg.progress.stage("clusters", nil)
		wcs, err := workClusters(a.g, stderr, network.Kind(cfg.Network))
		if err != nil {
			return err
		}
		popt := netio.PairOptions{Cocitation: cfg.Network == "cocitation", MinWeight: cfg.MinWeight, Top: top}
		if len(wcs) > 0 {
			popt.Clusters = &wcs[0]
		}
		cfg.progress.stage(cfg.Network, nil)
		net, total, leftOut = netio.Pairs(a.g, a.m, popt)
		written := total
		if top > 0 {
			written = min(top, total)
		}
		fmt.Fprintf(stderr, "citegraph: %s network: %d works, %d of %d pairs%s\n", cfg.Network, net.Len, written, total, pairNote(cfg, top, total))
		if cfg.Network == "coupling" {
			warnLeftOut(stderr, a.g, leftOut, nil)
		} else {
			warnLeftOut(stderr, a.g, nil, leftOut)
		}
	}
	cfg.progress.stage("writing", nil)
	return writeNetworkFiles(cfg, net, stdout, stderr)
}

// writeNetworkFiles writes net in cfg.Format: on stdout, or for the
// formats of several files into -out.
func writeNetworkFiles(cfg *config, net *netio.Network, stdout, stderr io.Writer) error {
	if !multiFile(cfg.Format) {
		return writeNetwork(stdout, net, cfg.Format) // the writers buffer
	}
	if cfg.OutDir == "" {
		return fmt.Errorf("-format %s writes several files: name their folder with -out", cfg.Format)
	}
	o, err := newBufferedOut(cfg.OutDir)
	if err != nil {
		return err
	}
	file := func(suffix string, write func(io.Writer) error) error {
		w, err := o.Create(net.Name + suffix)
		if err != nil {
			return err
		}
		return write(w)
	}
	switch cfg.Format {
	case "csv":
		// both tables stream in one pass over the network
		var nodes, edges io.Writer
		if nodes, err = o.Create(net.Name + "-nodes.csv"); err == nil {
			if edges, err = o.Create(net.Name + "-edges.csv"); err == nil {
				err = netio.WriteCSV(nodes, edges, net)
			}
		}
	case "pajek":
		for _, f := range netio.Pajek(net) {
			if err = file(f.Suffix, f.Write); err != nil {
				break
			}
		}
	case "vosviewer":
		for _, f := range []struct {
			suffix string
			write  func(io.Writer, *netio.Network) error
		}{{"-vosviewer-map.txt", netio.WriteVOSMap}, {"-vosviewer-network.txt", netio.WriteVOSNetwork}, {"-vosviewer.json", netio.WriteVOSJSON}} {
			if err = file(f.suffix, func(w io.Writer) error { return f.write(w, net) }); err != nil {
				break
			}
		}
	}
	if err != nil {
		o.Abort()
		return err
	}
	written, err := o.Commit()
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "citegraph: wrote %s\n", strings.Join(written, ", "))
	return nil
}

// writeNetwork writes a single-file format.
func writeNetwork(w io.Writer, net *netio.Network, format string) error {
	switch format {
	case "json":
		return netio.WriteJSON(w, net)
	case "jsonl":
		return netio.WriteJSONL(w, net)
	case "gexf":
		return netio.WriteGEXF(w, net, nil)
	case "graphml":
		return netio.WriteGraphML(w, net)
	case "dot":
		return netio.WriteDOT(w, net)
	}
	return fmt.Errorf("-format %s: not a single-file format", format)
}

// bufferedOut is outFiles with a buffer in front of each file: the
// writers of big exports write many small pieces.
type bufferedOut struct {
	*outFiles
	bufs []*bufio.Writer
}

func newBufferedOut(dir string) (*bufferedOut, error) {
	o, err := newOutFiles(dir)
	if err != nil {
		return nil, err
	}
	return &bufferedOut{outFiles: o}, nil
}

// Create starts the file name; see outFiles.Create.
func (o *bufferedOut) Create(name string) (io.Writer, error) {
	w, err := o.outFiles.Create(name)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	o.bufs = append(o.bufs, bw)
	return bw, nil
}

// Commit flushes the buffers and puts the files in place; see
// outFiles.Commit.
func (o *bufferedOut) Commit() ([]string, error) {
	for _, bw := range o.bufs {
		if err := bw.Flush(); err != nil {
			o.Abort()
			return nil, err
		}
	}
	return o.outFiles.Commit()
}

// pairLimit is the number of pairs kept: -top, or all (0) for -top -1.
func pairLimit(cfg *config) int {
	if cfg.Top < 0 {
		return 0
	}
	return cfg.Top
}

func pairNote(cfg *config, top, total int) string {
	var s []string
	if cfg.MinWeight > 1 {
		s = append(s, fmt.Sprintf("sharing at least %d (-min-weight)", cfg.MinWeight))
	}
	if top > 0 && total > top {
		s = append(s, fmt.Sprintf("the strongest %d kept (-top %d; -top -1 writes all)", top, top))
	}
	if len(s) == 0 {
		return ""
	}
	return ", " + strings.Join(s, ", ")
}

// jsonPairs gives the coupling or co-citation pairs of the JSON export:
// the strongest -top, computed on another core while the works are
// written, or with -top -1 every pair, streamed.
func jsonPairs(g *graph.Graph, cocitation bool, cfg *config, stderr io.Writer) func() (iter.Seq[graph.Pair], int) {
	name, all, shared := "coupling", g.AllCoupling, g.Coupling
	if cocitation {
		name, all, shared = "cocitation", g.AllCocitation, g.Cocitation
	}
	warn := func(leftOut []int) { warnLeftOut(stderr, g, leftOut, nil) }
	if cocitation {
		warn = func(leftOut []int) { warnLeftOut(stderr, g, nil, leftOut) }
	}
	top := pairLimit(cfg)
	if top == 0 {
		return func() (iter.Seq[graph.Pair], int) {
			seq, leftOut := all(&graph.SharedOptions{MinCount: cfg.MinWeight})
			warn(leftOut)
			return seq, -1
		}
	}
	done := make(chan graph.Shared, 1)
	go func() { done <- shared(&graph.SharedOptions{MinCount: cfg.MinWeight, Limit: top}) }()
	return func() (iter.Seq[graph.Pair], int) {
		s := <-done
		warn(s.LeftOut)
		fmt.Fprintf(stderr, "citegraph: %s: %d of %d pairs%s\n", name, len(s.Pairs), s.Total, pairNote(cfg, top, s.Total))
		return graph.PairSeq(s.Pairs), s.Total
	}
}
