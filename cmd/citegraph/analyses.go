package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph/burst"
	"github.com/citegraph/citegraph/graph/chart"
	"github.com/citegraph/citegraph/graph/draw"
	"github.com/citegraph/citegraph/graph/mainpath"
	"github.com/citegraph/citegraph/graph/overview"
	"github.com/citegraph/citegraph/graph/report"
	"github.com/citegraph/citegraph/graph/rpys"
	"github.com/citegraph/citegraph/parse"
)

// analysesConfig is the part of a run's configuration about the analyses
// (main paths, bursts) and the restriction to years (-years, -slice).
type analysesConfig struct {
	// MainPath is the traversal weight of main path analysis (spc, splc,
	// spnp); KeyRoutes the number of key arcs; Tolerance lets near-best
	// arcs and paths in.
	MainPath      string
	KeyRoutes     int
	KeyRouteLocal bool
	Tolerance     float64
	// MainPathArcs is what mainpath-arcs.csv lists: "all" the citations,
	// "paths" those on a main path, "" (auto) all up to mainPathArcsAll
	// citations, else those on a main path.
	MainPathArcs string
	// BurstS, BurstGamma and BurstYears are Kleinberg's s, γ and the
	// shortest burst.
	BurstS, BurstGamma float64
	BurstYears         int
	// Years is -years as given; YearFrom and YearTo keep the records
	// published in those years (0: open); Slice > 0 splits them into
	// slices of that many years, one report each.
	Years                   string
	YearFrom, YearTo, Slice int

	slice, slices int     // the slice a run reports on, of how many
	loaded        *inputs // inputs already read (and looked up), for the runs of the slices
	loadedOnline  *online
}

// analysesFlags registers the flags of the analyses and of time slicing.
func analysesFlags(fs *flag.FlagSet, cfg *config) {
	fs.StringVar(&cfg.MainPath, "mainpath", "spc", "main path traversal weight: spc, splc or spnp")
	fs.IntVar(&cfg.KeyRoutes, "key-routes", 10, "key arcs of the key-route main path")
	fs.BoolVar(&cfg.KeyRouteLocal, "key-route-local", false, "extend key arcs by local search")
	fs.Float64Var(&cfg.Tolerance, "tolerance", 0, "main path tolerance (multiple main paths)")
	fs.StringVar(&cfg.MainPathArcs, "mainpath-arcs", "", "mainpath-arcs.csv lists all citations or those on the paths")
	fs.Float64Var(&cfg.BurstS, "burst-s", 2, "burst rate ratio s")
	fs.Float64Var(&cfg.BurstGamma, "burst-gamma", 1, "burst entry cost γ")
	fs.IntVar(&cfg.BurstYears, "burst-years", 2, "shortest burst in years")
	fs.StringVar(&cfg.Years, "years", "", "keep the records of these publication years (FROM-TO)")
	fs.IntVar(&cfg.Slice, "slice", 0, "one report per slice of N years")
}

// parseYears reads -years: "2005-2015", "2005–2015", "2005-" (onwards),
// "-2015" (until) or "2010" (one year). 0 means open.
func parseYears(s string) (from, to int, err error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "–", "-")
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		b = a
	}
	num := func(x string) (int, error) {
		if x = strings.TrimSpace(x); x == "" {
			return 0, nil
		}
		n, err := strconv.Atoi(x)
		if err != nil || n < 1 || n > 9999 {
			return 0, fmt.Errorf("-years %q: %q is not a year", s, x)
		}
		return n, nil
	}
	if from, err = num(a); err != nil {
		return 0, 0, err
	}
	if to, err = num(b); err != nil {
		return 0, 0, err
	}
	if from == 0 && to == 0 {
		return 0, 0, fmt.Errorf("-years %q: give FROM-TO, FROM- or -TO", s)
	}
	if to != 0 && from > to {
		return 0, 0, fmt.Errorf("-years %q: %d comes after %d", s, from, to)
	}
	return from, to, nil
}

// filterYears keeps the records published from..to (0: open) and says
// how many were left out.
func filterYears(recs []parse.Record, from, to int) ([]parse.Record, *report.Years) {
	y := &report.Years{From: from, To: to}
	var kept []parse.Record
	for _, r := range recs {
		switch {
		case r.Year == 0:
			y.Undated++
		case (from > 0 && r.Year < from) || (to > 0 && r.Year > to):
			y.Outside++
		default:
			kept = append(kept, r)
		}
	}
	y.Kept = len(kept)
	if y.From == 0 || y.To == 0 { // show the years the records span
		for _, r := range kept {
			if from == 0 && (y.From == 0 || r.Year < y.From) {
				y.From = r.Year
			}
			if to == 0 && r.Year > y.To {
				y.To = r.Year
			}
		}
	}
	return kept, y
}

// yearSlices splits the years of -years (else those the records span) into
// consecutive slices of n years; the last may be shorter.
func yearSlices(recs []parse.Record, from, to, n int) [][2]int {
	if from == 0 || to == 0 {
		lo, hi := 0, 0
		for _, r := range recs {
			if r.Year == 0 {
				continue
			}
			if lo == 0 || r.Year < lo {
				lo = r.Year
			}
			hi = max(hi, r.Year)
		}
		if from == 0 {
			from = lo
		}
		if to == 0 {
			to = hi
		}
	}
	var out [][2]int
	for a := from; a > 0 && a <= to; a += n {
		out = append(out, [2]int{a, min(a+n-1, to)})
	}
	return out
}

// runSlices writes one report (and one set of diagrams, in a folder of
// -out per slice) for each slice of -slice years.
func runSlices(ctx context.Context, cfg *config, in *inputs, stdout, stderr io.Writer) error {
	in.printProblems(stderr, false)
	in.quiet = true
	ss := yearSlices(in.records, cfg.YearFrom, cfg.YearTo, cfg.Slice)
	if len(ss) == 0 {
		return fmt.Errorf("-slice: no record has a publication year")
	}
	for k, s := range ss {
		if kept, _ := filterYears(in.records, s[0], s[1]); len(kept) == 0 {
			fmt.Fprintf(stderr, "citegraph: slice %d–%d: no record published in these years, no report\n", s[0], s[1])
			continue
		}
		c := *cfg
		c.Slice, c.YearFrom, c.YearTo, c.slice, c.slices = 0, s[0], s[1], k+1, len(ss)
		if cfg.OutDir != "" {
			c.OutDir = filepath.Join(cfg.OutDir, fmt.Sprintf("slice-%d-%d", s[0], s[1]))
		}
		if k > 0 && cfg.Format != "json" {
			fmt.Fprintln(stdout)
		}
		if err := run(ctx, &c, stdout, stderr); err != nil {
			return fmt.Errorf("slice %d–%d: %w", s[0], s[1], err)
		}
	}
	return nil
}

// runAnalyses computes the overview, the main paths, the spectrum and the
// bursts of a run's graph, from the given number of records.
func runAnalyses(cfg *config, records int, a *analysis) (*report.Analyses, error) {
	kind, err := mainpath.ParseKind(cfg.MainPath)
	if err != nil {
		return nil, err
	}
	mp, err := mainpath.Analyse(a.g, &mainpath.Options{Weight: kind, KeyRoutes: cfg.KeyRoutes,
		KeyRouteLocal: cfg.KeyRouteLocal, Tolerance: cfg.Tolerance})
	if err != nil {
		return nil, err
	}
	return &report.Analyses{
		Overview: overview.Compute(a.g, records, a.res.Stats.References, &overview.Options{Top: cfg.Top}),
		MainPath: mp,
		RPYS:     rpys.Compute(a.g, nil),
		Bursts:   burst.Compute(a.g, &burst.Options{S: cfg.BurstS, Gamma: cfg.BurstGamma, MinYears: cfg.BurstYears}),
	}, nil
}

// mainPathArcsAll is the most citations for which mainpath-arcs.csv lists
// every one by default (about 8 MB); beyond, it lists those on a main path
// unless -mainpath-arcs all asks for every one (60 MB for 800,000).
const mainPathArcsAll = 100_000

// writeAnalyses writes the main path historiograph (mainpath.dot, .svg),
// the arc weights (mainpath-arcs.csv: see mainPathArcsAll), the spectrum
// (rpys.svg) and the burst tables (bursts.svg, keyword-bursts.svg) to o.
func writeAnalyses(ctx context.Context, o *outFiles, cfg *config, a *analysis, an *report.Analyses) error {
	write := o.WriteFile
	var dot, svg, arcs bytes.Buffer
	if err := mainpath.WriteDOT(&dot, a.g, an.MainPath); err != nil {
		return err
	}
	if err := write("mainpath.dot", dot.Bytes()); err != nil {
		return err
	}
	if len(an.MainPath.KeyRoute.Arcs)+len(an.MainPath.Local.Arcs) > 0 {
		if err := draw.SVG(ctx, &svg, dot.Bytes(), draw.Dot); err != nil {
			return fmt.Errorf("draw mainpath.dot: %w", err)
		}
		if err := write("mainpath.svg", svg.Bytes()); err != nil {
			return err
		}
	}
	onPaths := cfg.MainPathArcs == "paths" || cfg.MainPathArcs == "" && len(a.g.Citations) > mainPathArcsAll
	if err := mainpath.WriteArcs(&arcs, a.g, an.MainPath, &mainpath.ArcsOptions{OnPaths: onPaths}); err != nil {
		return err
	}
	if err := write("mainpath-arcs.csv", arcs.Bytes()); err != nil {
		return err
	}
	for _, c := range []struct {
		name string
		draw func(io.Writer) error
	}{
		{"rpys.svg", func(w io.Writer) error { return chart.RPYS(w, an.RPYS) }},
		{"bursts.svg", func(w io.Writer) error { return chart.Bursts(w, "references", an.Bursts, an.Bursts.Works, cfg.Top) }},
		{"keyword-bursts.svg", func(w io.Writer) error { return chart.Bursts(w, "keywords", an.Bursts, an.Bursts.Keywords, cfg.Top) }},
	} {
		var b bytes.Buffer
		if err := c.draw(&b); err != nil {
			return err
		}
		if err := write(c.name, b.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// checkAnalyses checks the flags of the analyses and of -years and -slice.
func checkAnalyses(cfg *config) error {
	if _, err := mainpath.ParseKind(cfg.MainPath); err != nil {
		return fmt.Errorf("-mainpath: %v", err)
	}
	if cfg.Tolerance < 0 || cfg.Tolerance >= 1 {
		return fmt.Errorf("-tolerance %g: use a fraction from 0 up to (not including) 1", cfg.Tolerance)
	}
	switch cfg.MainPathArcs {
	case "", "all", "paths":
	default:
		return fmt.Errorf("-mainpath-arcs %q: use all or paths", cfg.MainPathArcs)
	}
	if cfg.KeyRoutes < 0 {
		cfg.KeyRoutes = -1 // none
	}
	if cfg.BurstS <= 1 {
		return fmt.Errorf("-burst-s %g: the burst rate must exceed the base rate (s > 1)", cfg.BurstS)
	}
	if cfg.BurstGamma <= 0 || cfg.BurstYears < 1 {
		return fmt.Errorf("-burst-gamma must be positive and -burst-years at least 1")
	}
	if cfg.Years != "" {
		var err error
		if cfg.YearFrom, cfg.YearTo, err = parseYears(cfg.Years); err != nil {
			return err
		}
	}
	switch {
	case cfg.Slice < 0:
		return fmt.Errorf("-slice %d: give a number of years", cfg.Slice)
	case cfg.Slice > 0 && cfg.Command != "report":
		return fmt.Errorf("-slice makes one report per slice; %s takes -years", cfg.Command)
	case cfg.Slice > 0 && cfg.Format == "csv":
		return fmt.Errorf("-slice writes one report per slice: use -format text, markdown or json")
	}
	return nil
}

// restrict returns the inputs with only the records of cfg's years.
func (in *inputs) restrict(cfg *config) *inputs {
	c := *in
	c.records, c.years = filterYears(in.records, cfg.YearFrom, cfg.YearTo)
	c.years.Slice, c.years.Slices = cfg.slice, cfg.slices
	return &c
}
