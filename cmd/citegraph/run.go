package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/draw"
	"github.com/citegraph/citegraph/graph/report"
	"github.com/citegraph/citegraph/graph/safetext"
	"github.com/citegraph/citegraph/graph/scimap"
	"github.com/citegraph/citegraph/parse"
)

func checkMetric(name string) error { return graph.CheckMetric(name) }

// histOptions is what the flags ask of the historiograph.
func (cfg *config) histOptions() *graph.HistOptions {
	return &graph.HistOptions{Metric: cfg.Metric, Nodes: cfg.Nodes, Cited: cfg.Cited, MinCitations: cfg.MinCitations, Reduce: cfg.Reduce}
}

// inputs is what a run read.
type inputs struct {
	results  []*parse.Result
	fileErrs []error // files (or paths) from which nothing was read
	failed   bool    // a path the user named could not be read
	records  []parse.Record
	years    *report.Years // the restriction to -years, if any
	quiet    bool          // problems already printed (by the first slice)
	released int           // records let go by release
}

// release lets go of the records, which only the resolution needs, so that
// the memory they hold (about a third of the heap) is free for the analyses,
// and returns the account of the files the report needs instead.
func (in *inputs) release() *report.Reading {
	read := report.Count(in.results, in.fileErrs)
	in.released += len(in.records)
	in.records = nil
	for _, r := range in.results {
		r.Records = nil
	}
	return read
}

// load reads every file under the configured paths. A path the user named
// that cannot be read makes the run fail at the end; a file met while
// walking a folder that is not a bibliographic file is only reported.
func load(cfg *config) *inputs {
	in := &inputs{}
	named := map[string]bool{}
	for _, p := range cfg.Paths {
		named[filepath.Clean(p)] = true
	}
	files, errs := parse.Files(cfg.Paths)
	for _, err := range errs {
		in.fileErrs = append(in.fileErrs, err)
		in.failed = true
	}
	softMemoryLimit(files)
	read := cfg.progress.reading(files)
	for i, f := range files {
		res, err := parse.ReadFileCounted(f, cfg.InFormat, read(i))
		if err != nil {
			in.fileErrs = append(in.fileErrs, err)
			if named[filepath.Clean(f)] {
				in.failed = true
			}
			continue
		}
		in.results = append(in.results, res)
		in.records = append(in.records, res.Records...)
	}
	read(len(files))
	return in
}

// errFailed reports inputs that could not be read after the run has done
// what it could with the rest.
func (in *inputs) err(paths []string) error {
	if len(in.records) == 0 && in.released == 0 {
		return fmt.Errorf("no records read from %s", strings.Join(paths, ", "))
	}
	if in.failed {
		return errors.New("some inputs could not be read (see above)")
	}
	return nil
}

// printProblems writes whole-file errors, and with details every skipped
// record and warning, to w.
func (in *inputs) printProblems(w io.Writer, details bool) {
	if in.quiet {
		return
	}
	for _, e := range in.fileErrs {
		fmt.Fprintf(w, "citegraph: %v\n", e)
	}
	if !details {
		return
	}
	for _, r := range in.results {
		for _, e := range r.Skipped {
			fmt.Fprintf(w, "citegraph: %v (record skipped)\n", e)
		}
		for _, e := range r.Warnings {
			fmt.Fprintf(w, "citegraph: %v\n", e)
		}
	}
}

// analysis is the graph of a run and what was computed on it.
type analysis struct {
	res        *graph.Resolution
	g          *graph.Graph
	m          *graph.Metrics
	coupling   graph.Shared
	cocitation graph.Shared
	on         *online // what was looked up online, if anything
}

// betweennessBudget bounds citing works × citations, the cost of exact
// betweenness, before -betweenness-sources 0 switches to an estimate:
// 2e10 is about half a minute on one core of the development machines.
const betweennessBudget = 2e10

// betweennessSources turns the -betweenness-sources flag into
// graph.MetricOptions.BetweennessSources for a graph whose citing works
// make that many arcs.
func betweennessSources(flag, citing, arcs int) int {
	if flag != 0 {
		return max(flag, 0)
	}
	if float64(citing)*float64(arcs) <= betweennessBudget {
		return 0
	}
	return max(1000, int(betweennessBudget/float64(arcs)))
}

// resolveGraph resolves the records into a graph and computes its metrics.
func resolveGraph(recs []parse.Record, cfg *config) *analysis {
	p := cfg.progress
	p.resolving(recs)
	a := &analysis{res: graph.Resolve(recs, nil)}
	p.stage("graph", nil)
	a.g = graph.New(a.res)
	k := betweennessSources(cfg.BetweennessSources, len(a.g.Citing()), len(a.g.Citations))
	a.m = a.g.Metrics(&graph.MetricOptions{BetweennessSources: k, Progress: p.metrics()})
	return a
}

// analyse resolves the records into a graph and computes its metrics and,
// keeping the strongest pairs (all when pairs is 0), coupling and
// co-citation, saying on stderr what these leave out.
func analyse(recs []parse.Record, pairs int, cfg *config, stderr io.Writer) *analysis {
	a := resolveGraph(recs, cfg)
	p := cfg.progress
	opt := &graph.SharedOptions{Limit: pairs}
	p.stage("coupling", nil)
	a.coupling = a.g.Coupling(opt)
	p.stage("co-citation", nil)
	a.cocitation = a.g.Cocitation(opt)
	warnLeftOut(stderr, a.g, a.coupling.LeftOut, a.cocitation.LeftOut)
	return a
}

// warnLeftOut names the works whose lists were too long to count in
// coupling or co-citation (see graph.SharedOptions.Budget).
func warnLeftOut(w io.Writer, g *graph.Graph, coupling, cocitation []int) {
	say := func(name string, left []int, what, size string, n int) {
		if len(left) == 0 {
			return
		}
		works := "works"
		if len(left) == 1 {
			works = "work"
		}
		fmt.Fprintf(w, "citegraph: %s leaves out %d %s %s (largest: %s, %d %s): counting their pairs would take over %.0e steps\n",
			name, len(left), works, what, g.Works[left[0]].Label, n, size, float64(graph.DefaultSharedBudget))
	}
	if len(coupling) > 0 {
		say("bibliographic coupling", coupling, "cited by very many works", "citing works", len(g.In(coupling[0])))
	}
	if len(cocitation) > 0 {
		say("co-citation", cocitation, "with very long reference lists", "references", len(g.Out(cocitation[0])))
	}
}

func run(ctx context.Context, cfg *config, stdout, stderr io.Writer) error {
	// messages quote file names and input text
	stderr = safetext.NewTerminalWriter(stderr, false)
	if cfg.Command == "cache" {
		return runCache(cfg, stdout, stderr)
	}
	if cfg.progress == nil { // not a slice's run
		cfg.progress = newProgress(stderr, cfg.Quiet, cfg.Verbose)
		defer cfg.progress.done()
	}
	stderr = cfg.progress.writer(stderr)
	in, on := cfg.loaded, cfg.loadedOnline
	if in == nil {
		in = load(cfg)
		var err error
		if on, err = goOnline(ctx, cfg, in, stderr); err != nil {
			in.printProblems(stderr, false)
			return err
		}
	}
	if cfg.Slice > 0 {
		c := *cfg
		c.loaded, c.loadedOnline = in, on
		return runSlices(ctx, &c, in, stdout, stderr)
	}
	if cfg.YearFrom != 0 || cfg.YearTo != 0 {
		if in = in.restrict(cfg); len(in.records) == 0 && !in.failed {
			in.printProblems(stderr, false)
			return fmt.Errorf("no record published in %d–%d (%d published in other years, %d without a year)",
				in.years.From, in.years.To, in.years.Outside, in.years.Undated)
		}
	}
	switch cfg.Command {
	case "records":
		in.printProblems(stderr, true)
		if err := writeRecords(stdout, in); err != nil {
			return err
		}
		skipped := 0
		for _, r := range in.results {
			skipped += len(r.Skipped)
		}
		fmt.Fprintf(stderr, "citegraph: %d records read from %d files; %d records skipped, %d files not read\n",
			len(in.records), len(in.results), skipped, len(in.fileErrs))
		return in.err(cfg.Paths)
	case "export":
		in.printProblems(stderr, true)
		if len(in.records) == 0 {
			return in.err(cfg.Paths)
		}
		if err := runExport(cfg, in, stdout, stderr); err != nil {
			return err
		}
		return in.err(cfg.Paths)
	case "explore":
		in.printProblems(stderr, false)
		if len(in.records) == 0 {
			return in.err(cfg.Paths)
		}
		if err := runExplore(cfg, in, stderr); err != nil {
			return err
		}
		return in.err(cfg.Paths)
	case "map":
		return runMap(ctx, cfg, in, stdout, stderr)
	case "explain":
		in.printProblems(stderr, len(in.records) == 0)
		if len(in.records) == 0 {
			return in.err(cfg.Paths)
		}
		a := analyse(in.records, 1, cfg, stderr)
		a.on = on
		if err := explain(stdout, a, cfg.Queries, cfg.Format); err != nil {
			return err
		}
		return in.err(cfg.Paths)
	}
	// with nothing read, the reasons are the whole story
	in.printProblems(stderr, len(in.records) == 0)
	if len(in.records) == 0 {
		return in.err(cfg.Paths)
	}
	a := analyse(in.records, cfg.Top, cfg, stderr)
	a.on = on
	nrecs := len(in.records)
	var read *report.Reading
	if cfg.loaded == nil {
		read = in.release() // the slices of -slice share them
	} else {
		read = report.Count(in.results, in.fileErrs)
	}
	cfg.progress.stage("analyses", nil)
	// the maps and the analyses only read the graph: on two CPUs they
	// take half the time side by side (each is one thread, or mostly)
	var maps []*scimap.Map
	var mapErr error
	mapsDone := make(chan struct{})
	go func() {
		defer close(mapsDone)
		maps, mapErr = defaultMaps(a.g)
	}()
	d := a.g.Historiograph(a.m, cfg.histOptions())
	an, err := runAnalyses(cfg, nrecs, a)
	<-mapsDone
	if err != nil {
		return err
	}
	if mapErr != nil {
		return mapErr
	}
	an.Years = in.years
	var outputs []string
	var writeErr error
	if cfg.OutDir != "" {
		cfg.progress.stage("diagrams", nil)
		// outputs that cannot be written do not cost the report
		if outputs, writeErr = writeOutputs(ctx, cfg, a, d, an, maps); writeErr != nil {
			d = nil
		}
	}
	cfg.progress.stage("report", nil)
	rep := report.BuildCounted(read, a.g, a.m, a.coupling, a.cocitation, a.res.Stats,
		&report.Options{Metric: cfg.Metric, Top: cfg.Top, Drawing: d, Outputs: outputs, Enrichment: on.report(a), Analyses: an,
			Maps: maps})
	switch cfg.Format {
	case "json":
		err = report.WriteJSON(stdout, rep)
	case "csv":
		err = report.WriteCSV(stdout, rep)
	case "markdown":
		err = report.WriteMarkdown(stdout, rep)
	default:
		err = report.WriteText(stdout, rep, report.TextOptions{Width: cfg.Width, Color: cfg.Color})
	}
	if err != nil {
		return err
	}
	if writeErr != nil {
		return fmt.Errorf("outputs not written to %s (the previous ones, if any, are left as they were): %w", cfg.OutDir, writeErr)
	}
	return in.err(cfg.Paths)
}

// writeOutputs writes the report's files into cfg.OutDir, all or, on any
// error, none: the historiograph (citations.svg, citations.dot), then the
// analyses' files (see writeAnalyses), then the maps that have links.
func writeOutputs(ctx context.Context, cfg *config, a *analysis, d *graph.Drawing, an *report.Analyses, maps []*scimap.Map) ([]string, error) {
	o, err := newOutFiles(cfg.OutDir)
	if err != nil {
		return nil, err
	}
	if err := writeDiagram(ctx, o, cfg.Layout, a, d); err != nil {
		o.Abort()
		return nil, err
	}
	if err := writeAnalyses(ctx, o, cfg, a, an); err != nil {
		o.Abort()
		return nil, err
	}
	for _, m := range maps {
		if len(m.Drawn) == 0 {
			continue
		}
		if err := writeMap(ctx, o, a.g, m, "vos"); err != nil {
			o.Abort()
			return nil, err
		}
	}
	return o.Commit()
}

// writeDiagram adds citations.svg and citations.dot to o.
func writeDiagram(ctx context.Context, o *outFiles, layout string, a *analysis, d *graph.Drawing) error {
	var dot, svg bytes.Buffer
	dopt := &graph.DOTOptions{Layout: layout}
	if err := a.g.WriteDOT(&dot, a.m, d, dopt); err != nil {
		return err
	}
	if err := draw.SVG(ctx, &svg, dot.Bytes(), dopt.Engine()); err != nil {
		return fmt.Errorf("draw: %w", err)
	}
	if err := o.WriteFile("citations.svg", svg.Bytes()); err != nil {
		return err
	}
	return o.WriteFile("citations.dot", dot.Bytes())
}
