package main

import (
	"fmt"
	"io"

	"github.com/citegraph/citegraph/graph/explore"
	"github.com/citegraph/citegraph/graph/netio"
	"github.com/citegraph/citegraph/graph/scimap"
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
	cfg.progress.stage("maps", nil)
	maps, err := defaultMaps(a.g)
	if err != nil {
		return err
	}
	for _, m := range maps {
		if len(m.Drawn) > 0 { // the maps the report draws
			page.AddNetwork(scimap.Title(m.Network), netio.Map(a.g, a.m, m, &netio.MapOptions{Drawn: true}))
		}
	}
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
