package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/parse"
	"golang.org/x/term"

	"github.com/citegraph/citegraph/graph/safetext"
)

//go:embed doc.go
var docSource string

// usage is the package documentation, without comment markers.
func usage() string {
	var b strings.Builder
	for _, line := range strings.Split(docSource, "\n") {
		if !strings.HasPrefix(line, "//") {
			continue
		}
		line = strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		b.WriteString(strings.TrimPrefix(line, "\t") + "\n")
	}
	return b.String()
}

// config is everything a run needs, filled from the command line.
type config struct {
	Command string   // "report", "records", "export", "explain", "expand", "cache", "map"
	Paths   []string // inputs
	Queries []string // works named for explain
	Format  string   // output format
	Top     int
	Metric  string
	OutDir  string
	Nodes   int
	Layout  string
	// Cited, MinCitations and Reduce shape the historiograph (graph.HistOptions).
	Cited        int
	MinCitations int
	Reduce       bool
	Color        bool
	Width        int
	InFormat     string
	// BetweennessSources: 0 chooses (exact unless too costly), -1 exact,
	// N > 0 estimates from N source works.
	BetweennessSources int
	// CPUProfile and MemProfile, when set, are where CPU and memory
	// (allocation) profiles of the run are written.
	CPUProfile, MemProfile string
	// Quiet turns the progress line off; Verbose prints each stage's time.
	Quiet, Verbose bool
	progress       *progress // set by run
	onlineConfig
	analysesConfig
	exportConfig
	// Map holds the map command's flags.
	Map *mapConfig
}

// errUsage marks errors in the command line (exit status 2).
var errUsage = errors.New("usage")

func main() {
	// errors quote the command line and file names
	stderr := safetext.NewTerminalWriter(os.Stderr, false)
	cfg, err := parseArgs(os.Args[1:], stderr)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(os.Stdout, usage())
		return
	}
	if err != nil {
		fmt.Fprintf(stderr, "citegraph: %v\nrun 'citegraph -h' for help\n", err)
		os.Exit(2)
	}
	stopProfile := func() error { return nil }
	if cfg.CPUProfile != "" {
		if stopProfile, err = startCPUProfile(cfg.CPUProfile); err != nil {
			fmt.Fprintf(stderr, "citegraph: %v\n", err)
			os.Exit(1)
		}
	}
	err = run(context.Background(), cfg, os.Stdout, os.Stderr)
	if perr := stopProfile(); perr != nil && err == nil {
		err = perr
	}
	if cfg.MemProfile != "" {
		if perr := writeMemProfile(cfg.MemProfile); perr != nil && err == nil {
			err = perr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "citegraph: %v\n", err)
		os.Exit(1)
	}
}

// startCPUProfile profiles the run into path; the returned function stops
// and writes it.
func startCPUProfile(path string) (stop func() error, err error) {
	o, err := newOutFiles(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	w, err := o.Create(filepath.Base(path))
	if err == nil {
		err = pprof.StartCPUProfile(w)
	}
	if err != nil {
		o.Abort()
		return nil, err
	}
	return func() error {
		pprof.StopCPUProfile()
		_, err := o.Commit()
		return err
	}, nil
}

// writeMemProfile writes the allocation profile of the run (pprof's
// -sample_index=alloc_space shows where memory was asked for,
// inuse_space what was still held at the end).
func writeMemProfile(path string) error {
	o, err := newOutFiles(filepath.Dir(path))
	if err != nil {
		return err
	}
	w, err := o.Create(filepath.Base(path))
	if err == nil {
		err = pprof.Lookup("allocs").WriteTo(w, 0)
	}
	if err != nil {
		o.Abort()
		return err
	}
	_, err = o.Commit()
	return err
}

// isCommand reports whether s names one of citegraph's commands.
func isCommand(s string) bool {
	switch s {
	case "records", "export", "explain", "report", "expand", "cache", "map", "explore":
		return true
	}
	return false
}

// firstOperand returns the index in args of the first argument that is
// neither a flag of fs nor a flag's value, or -1. A flag fs does not know
// is taken to have a value unless written -name=value.
func firstOperand(fs *flag.FlagSet, args []string) int {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return -1
		}
		if len(a) < 2 || a[0] != '-' {
			return i
		}
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				continue
			}
		}
		i++ // the flag's value
	}
	return -1
}

// parseArgs turns the command line into a config. Flags live only here.
func parseArgs(args []string, stderr io.Writer) (*config, error) {
	cfg := &config{Command: "report"}
	implicit := true
	if len(args) > 0 && isCommand(args[0]) {
		cfg.Command, args, implicit = args[0], args[1:], false
	}
	fs := flag.NewFlagSet("citegraph", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format, nodes, top, layout := "text", 40, 20, "rows"
	switch cfg.Command {
	case "export":
		format, nodes, top = "json", -1, exportTop // the whole graph
		exportFlags(fs, cfg)
	case "explore":
		format, nodes = "html", exploreNodes
	case "map":
		nodes, layout = 150, "vos"
		cfg.Map = &mapConfig{}
		mapFlags(fs, cfg.Map)
	}
	fs.StringVar(&cfg.Format, "format", format, "output format")
	fs.IntVar(&cfg.Top, "top", top, "rows listed")
	fs.StringVar(&cfg.Metric, "metric", "lcs", "ranking metric")
	fs.StringVar(&cfg.OutDir, "out", "out", "output folder")
	fs.IntVar(&cfg.Nodes, "nodes", nodes, "papers of the corpus drawn at most")
	fs.IntVar(&cfg.Cited, "cited", 0, "works from outside the corpus drawn (0 auto, -1 none)")
	fs.IntVar(&cfg.MinCitations, "min-citations", 0, "least LCS of a drawn paper")
	fs.BoolVar(&cfg.Reduce, "reduce", false, "transitive reduction of the drawing")
	fs.StringVar(&cfg.Layout, "layout", layout, "diagram layout")
	color := fs.String("color", "auto", "auto, always or never")
	fs.IntVar(&cfg.Width, "width", 0, "report width")
	fs.StringVar(&cfg.InFormat, "in-format", "", "force the input format")
	fs.StringVar(&cfg.CPUProfile, "cpuprofile", "", "write a CPU profile")
	fs.StringVar(&cfg.MemProfile, "memprofile", "", "write a memory profile")
	fs.BoolVar(&cfg.Quiet, "quiet", false, "no progress line")
	fs.BoolVar(&cfg.Verbose, "v", false, "print each stage's time at the end")
	fs.IntVar(&cfg.BetweennessSources, "betweenness-sources", 0, "betweenness sources (0 auto, -1 exact)")
	onlineFlags(fs, cfg)
	analysesFlags(fs, cfg)
	if implicit {
		// flags before the command ("citegraph -v export …")
		if i := firstOperand(fs, args); i > 0 && isCommand(args[i]) && !exists(args[i]) {
			return parseArgs(append([]string{args[i]}, slices.Delete(slices.Clone(args), i, i+1)...), stderr)
		}
	}
	rest, dash, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	if cfg.Command == "explain" {
		if cfg.Queries, rest, err = explainArgs(rest, dash); err != nil {
			return nil, err
		}
	}
	rest, err = onlineArgs(cfg, fs, rest)
	if err != nil {
		return nil, err
	}
	cfg.Paths = rest
	if len(cfg.Paths) == 0 && len(cfg.SeedIDs) == 0 && cfg.Command != "cache" {
		cfg.Paths = []string{"seeds"}
	}
	if cfg.MinCitations < 0 {
		return nil, fmt.Errorf("%w: -min-citations must not be negative", errUsage)
	}
	if cfg.Top <= 0 && (cfg.Command != "export" || cfg.Top != -1) {
		return nil, fmt.Errorf("%w: -top must be positive (export: or -1 for all pairs)", errUsage)
	}
	if err := exportArgs(cfg); err != nil {
		return nil, err
	}
	if cfg.Nodes == 0 || cfg.Nodes < -1 {
		return nil, fmt.Errorf("%w: -nodes %d: give the number of papers to draw, or -1 for all (-out \"\" draws none)", errUsage, cfg.Nodes)
	}
	if cfg.InFormat != "" && !slices.Contains(parse.FormatNames(), cfg.InFormat) {
		return nil, fmt.Errorf("%w: -in-format %q: use one of %s", errUsage, cfg.InFormat, strings.Join(parse.FormatNames(), ", "))
	}
	valid := map[string][]string{
		"report": {"text", "json", "csv", "markdown"}, "records": {"text", "json", "jsonl"},
		"export": exportFormats, "explain": {"text", "json"}, "cache": {"text"},
		"map":     {"text", "json", "jsonl", "csv", "gexf", "graphml", "pajek", "vosviewer", "dot"},
		"explore": {"html"},
	}[cfg.Command]
	if !slices.Contains(valid, cfg.Format) {
		return nil, fmt.Errorf("%w: -format %q: %s takes %s", errUsage, cfg.Format, cfg.Command, strings.Join(valid, ", "))
	}
	if err := checkMetric(cfg.Metric); err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	if err := checkAnalyses(cfg); err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	switch {
	case cfg.Command == "map":
		if cfg.Layout != "vos" && cfg.Layout != "sfdp" {
			return nil, fmt.Errorf("%w: -layout %q: maps use vos or sfdp", errUsage, cfg.Layout)
		}
	case cfg.Layout == "rows", cfg.Layout == "sfdp":
	case cfg.Layout == "dot": // the old name of rows
		cfg.Layout = "rows"
	default:
		return nil, fmt.Errorf("%w: -layout %q: use rows or sfdp", errUsage, cfg.Layout)
	}
	switch *color {
	case "always":
		cfg.Color = true
	case "never":
	case "auto":
		cfg.Color = term.IsTerminal(int(os.Stdout.Fd())) && os.Getenv("NO_COLOR") == ""
	default:
		return nil, fmt.Errorf("%w: -color %q: use auto, always or never", errUsage, *color)
	}
	if cfg.Width == 0 {
		cfg.Width = terminalWidth()
	}
	return cfg, nil
}

// terminalWidth is stdout's width, else $COLUMNS, else 100.
func terminalWidth() int {
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
		return w
	}
	var w int
	if _, err := fmt.Sscan(os.Getenv("COLUMNS"), &w); err == nil && w > 0 {
		return w
	}
	return 100
}
