package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/netio"
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
	if !slices.Contains(exportNetworks, cfg.Network) {
		return fmt.Errorf("%w: -network %q: use %s", errUsage, cfg.Network, strings.Join(exportNetworks, ", "))
	}
	return nil
}

// exportFormats are what export writes. csv, pajek and vosviewer are
// several files, written into -out; the others go to stdout.
var exportFormats = []string{"json", "jsonl", "csv", "gexf", "graphml", "pajek", "vosviewer", "dot"}

// exportNetworks are the networks export writes.
var exportNetworks = []string{"citation", "coupling", "cocitation"}

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
		return a.g.WriteJSON(stdout, a.m, &graph.JSONOptions{Coupling: coupling, Cocitation: cocitation})
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
		net = netio.Citation(a.g, a.m, &opt)
	default:
		var total int
		top := pairLimit(cfg)
		net, total = netio.Pairs(a.g, a.m, netio.PairOptions{Cocitation: cfg.Network == "cocitation", MinWeight: cfg.MinWeight, Top: top})
		written := total
		if top > 0 {
			written = min(top, total)
		}
		fmt.Fprintf(stderr, "citegraph: %s network: %d works, %d of %d pairs%s\n", cfg.Network, net.Len, written, total, pairNote(cfg, top, total))
	}
	if !multiFile(cfg.Format) {
		return writeNetwork(stdout, net, cfg.Format) // the writers buffer
	}
	if cfg.OutDir == "" {
		return fmt.Errorf("-format %s writes several files: name their folder with -out", cfg.Format)
	}
	if err := os.MkdirAll(cfg.OutDir, 0o755); err != nil {
		return err
	}
	var written []string
	file := func(suffix string, write func(io.Writer) error) error {
		path := filepath.Join(cfg.OutDir, net.Name+suffix)
		if err := writeFile(path, write); err != nil {
			return err
		}
		written = append(written, path)
		return nil
	}
	var err error
	switch cfg.Format {
	case "csv":
		// both tables stream in one pass over the network
		err = writeFile(filepath.Join(cfg.OutDir, net.Name+"-nodes.csv"), func(nodes io.Writer) error {
			return writeFile(filepath.Join(cfg.OutDir, net.Name+"-edges.csv"), func(edges io.Writer) error {
				return netio.WriteCSV(nodes, edges, net)
			})
		})
		written = append(written, filepath.Join(cfg.OutDir, net.Name+"-nodes.csv"), filepath.Join(cfg.OutDir, net.Name+"-edges.csv"))
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

// writeFile creates path and writes it through a buffer.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
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
	top := pairLimit(cfg)
	if top == 0 {
		return func() (iter.Seq[graph.Pair], int) { return all(cfg.MinWeight), -1 }
	}
	done := make(chan graph.Shared, 1)
	go func() { done <- shared(&graph.SharedOptions{MinCount: cfg.MinWeight, Limit: top}) }()
	return func() (iter.Seq[graph.Pair], int) {
		s := <-done
		fmt.Fprintf(stderr, "citegraph: %s: %d of %d pairs%s\n", name, len(s.Pairs), s.Total, pairNote(cfg, top, s.Total))
		return graph.PairSeq(s.Pairs), s.Total
	}
}
