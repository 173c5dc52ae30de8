package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/parse"
	"golang.org/x/term"
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
	Command string   // "report", "records", "export", "explain"
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
	// CPUProfile, when set, is where a CPU profile of the run is written.
	CPUProfile string
	onlineConfig
	analysesConfig
}

// errUsage marks errors in the command line (exit status 2).
var errUsage = errors.New("usage")

func main() {
	cfg, err := parseArgs(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(os.Stdout, usage())
		return
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "citegraph: %v\nrun 'citegraph -h' for help\n", err)
		os.Exit(2)
	}
	if cfg.CPUProfile != "" {
		f, err := os.Create(cfg.CPUProfile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "citegraph: %v\n", err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if err := run(context.Background(), cfg, os.Stdout, os.Stderr); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintf(os.Stderr, "citegraph: %v\n", err)
		os.Exit(1)
	}
}

// parseArgs turns the command line into a config. Flags live only here.
func parseArgs(args []string, stderr io.Writer) (*config, error) {
	cfg := &config{Command: "report"}
	if len(args) > 0 {
		switch args[0] {
		case "records", "export", "explain", "report", "expand", "cache":
			cfg.Command, args = args[0], args[1:]
		}
	}
	fs := flag.NewFlagSet("citegraph", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format, nodes := "text", 40
	if cfg.Command == "export" {
		format, nodes = "json", -1 // the whole graph
	}
	fs.StringVar(&cfg.Format, "format", format, "output format")
	fs.IntVar(&cfg.Top, "top", 20, "rows listed")
	fs.StringVar(&cfg.Metric, "metric", "lcs", "ranking metric")
	fs.StringVar(&cfg.OutDir, "out", "out", "output folder")
	fs.IntVar(&cfg.Nodes, "nodes", nodes, "papers of the corpus drawn at most")
	fs.IntVar(&cfg.Cited, "cited", 0, "works from outside the corpus drawn (0 auto, -1 none)")
	fs.IntVar(&cfg.MinCitations, "min-citations", 0, "least LCS of a drawn paper")
	fs.BoolVar(&cfg.Reduce, "reduce", false, "transitive reduction of the drawing")
	fs.StringVar(&cfg.Layout, "layout", "rows", "diagram layout")
	color := fs.String("color", "auto", "auto, always or never")
	fs.IntVar(&cfg.Width, "width", 0, "report width")
	fs.StringVar(&cfg.InFormat, "in-format", "", "force the input format")
	fs.StringVar(&cfg.CPUProfile, "cpuprofile", "", "write a CPU profile")
	fs.IntVar(&cfg.BetweennessSources, "betweenness-sources", 0, "betweenness sources (0 auto, -1 exact)")
	onlineFlags(fs, cfg)
	analysesFlags(fs, cfg)
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
	if cfg.Top <= 0 {
		return nil, fmt.Errorf("%w: -top must be positive", errUsage)
	}
	if cfg.Nodes == 0 || cfg.Nodes < -1 {
		return nil, fmt.Errorf("%w: -nodes %d: give the number of papers to draw, or -1 for all (-out \"\" draws none)", errUsage, cfg.Nodes)
	}
	if cfg.InFormat != "" && !slices.Contains(parse.FormatNames(), cfg.InFormat) {
		return nil, fmt.Errorf("%w: -in-format %q: use one of %s", errUsage, cfg.InFormat, strings.Join(parse.FormatNames(), ", "))
	}
	valid := map[string][]string{
		"report": {"text", "json", "csv", "markdown"}, "records": {"text", "json", "jsonl"},
		"export": {"json", "dot"}, "explain": {"text", "json"}, "cache": {"text"},
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
	switch cfg.Layout {
	case "rows", "sfdp":
	case "dot": // the old name of rows
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
