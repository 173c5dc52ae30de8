package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

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
	if err := os.MkdirAll(cfg.OutDir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(cfg.OutDir, "explore.html")
	if err := writeFile(path, page.Write); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "citegraph: wrote %s: %s\n", path, page.Summary)
	return nil
}
