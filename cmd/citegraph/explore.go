package main

import (
	"fmt"
	"io"

	"github.com/citegraph/citegraph/graph/explore"
)

// exploreNodes is -nodes when explore is given none: the works the page
// shows, the most cited first.
const exploreNodes = 2000

// runExplore writes the explorer page of the records into -out.
func runExplore(cfg *config, in *inputs, stderr io.Writer) error {
	if cfg.OutDir == "" {
		return fmt.Errorf("explore writes a page: name its folder with -out")
	}
	a := resolveGraph(in.records, cfg)
	page := explore.Build(a.g, a.m, &explore.Options{Metric: cfg.Metric, MaxWorks: cfg.Nodes})
	o, err := newBufferedOut(cfg.OutDir)
	if err != nil {
		return err
	}
	w, err := o.Create("explore.html")
	if err == nil {
		err = page.Write(w)
	}
	if err != nil {
		o.Abort()
		return err
	}
	paths, err := o.Commit()
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "citegraph: wrote %s: %s\n", paths[0], page.Summary)
	return nil
}
