package main

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/parse"
)

// findWork resolves a name given on the command line to one work (see
// graph.Resolution.Lookup); several matches are an error that lists them.
func findWork(res *graph.Resolution, q string) (int, error) {
	hits := res.Lookup(q)
	switch len(hits) {
	case 0:
		return -1, fmt.Errorf("no work matches %q among the %d works read (name the files to read after the works: "+
			"citegraph explain WORK [WORK] PATH...)", q, len(res.Works))
	case 1:
		return hits[0], nil
	}
	var names []string
	for k, i := range hits {
		if k == 8 {
			names = append(names, fmt.Sprintf("… %d more", len(hits)-k))
			break
		}
		names = append(names, fmt.Sprintf("%s (%s)", res.Works[i].ID, res.Works[i].Label))
	}
	return -1, fmt.Errorf("%q matches %d works; name one by ID:\n  %s", q, len(hits), strings.Join(names, "\n  "))
}

// explain prints why a work is what it is and, for two works, what links them.
func explain(w io.Writer, a *analysis, queries []string) error {
	var idx []int
	for _, q := range queries {
		i, err := findWork(a.res, q)
		if err != nil {
			return err
		}
		idx = append(idx, i)
	}
	bw := bufio.NewWriter(w)
	for _, i := range idx {
		explainWork(bw, a, i)
	}
	if len(idx) == 2 {
		explainPair(bw, a, idx[0], idx[1])
	}
	return bw.Flush()
}

func explainWork(w io.Writer, a *analysis, i int) {
	wk := &a.g.Works[i]
	fmt.Fprintf(w, "%s\n  id: %s\n", wk.Label, wk.ID)
	if wk.Title != "" {
		fmt.Fprintf(w, "  title: %s\n", wk.Title)
	}
	if len(wk.Authors) > 0 {
		names := make([]string, len(wk.Authors))
		for k, au := range wk.Authors {
			names[k] = au.String()
		}
		fmt.Fprintf(w, "  authors: %s\n", strings.Join(names, ", "))
	}
	if wk.Year > 0 || wk.Venue != "" {
		fmt.Fprintf(w, "  published: %s\n", strings.Trim(fmt.Sprintf("%s %s", wk.Venue, yearText(wk.Year)), " "))
	}
	if wk.DOI != "" {
		fmt.Fprintf(w, "  doi: %s\n", wk.DOI)
	}
	if from := fieldsFrom(wk); from != "" {
		fmt.Fprintf(w, "  fields from: %s\n", from)
	}
	kind := "known only from reference lists"
	if wk.InCorpus {
		kind = "a paper of the corpus (" + strings.Join(wk.Sources, ", ") + ")"
	}
	fmt.Fprintf(w, "  is %s; cited %d times here, cites %d works here\n", kind, len(a.g.In(i)), len(a.g.Out(i)))
	a.on.explain(w, wk)
	fmt.Fprintf(w, "  %d mentions:\n", len(wk.Mentions))
	for _, m := range wk.Mentions {
		fmt.Fprintf(w, "    %-12s %s  %s\n", m.How, m.Source, parse.Shorten(m.Raw, 100))
	}
	fmt.Fprintln(w)
}

func explainPair(w io.Writer, a *analysis, x, y int) {
	g := a.g
	wx, wy := &g.Works[x], &g.Works[y]
	fmt.Fprintf(w, "Between %s and %s:\n", wx.Label, wy.Label)
	found := false
	for _, c := range g.Citations {
		if (c.From == x && c.To == y) || (c.From == y && c.To == x) {
			found = true
			fmt.Fprintf(w, "  citation: %s cites %s (matched by %s), listed at %s\n",
				g.Works[c.From].Label, g.Works[c.To].Label, c.Match, strings.Join(c.Sources, ", "))
		}
	}
	if shared := g.SharedItems(x, y, false); len(shared) > 0 {
		found = true
		fmt.Fprintf(w, "  bibliographic coupling: %d shared references\n", len(shared))
		for _, r := range shared {
			fmt.Fprintf(w, "    %s  (%s)\n", g.Works[r].Label, g.Works[r].ID)
		}
	}
	if citing := g.SharedItems(x, y, true); len(citing) > 0 {
		found = true
		fmt.Fprintf(w, "  co-citation: cited together by %d works\n", len(citing))
		for _, c := range citing {
			fmt.Fprintf(w, "    %s  (%s) %s\n", g.Works[c].Label, g.Works[c].ID, strings.Join(slices.Clip(g.Works[c].Sources), ", "))
		}
	}
	if !found {
		fmt.Fprintln(w, "  no citation, no shared reference and no common citing work.")
	}
}

// fieldsFrom says which mention each field of the work was taken from,
// fields of one mention together: "title, authors, year: wos record
// a.txt:12; venue: reference at b.csv:40 (scopus-csv)".
func fieldsFrom(wk *graph.Work) string {
	var parts []string
	var fields []string
	last := graph.Mention{}
	flush := func() {
		if len(fields) == 0 {
			return
		}
		what := "reference at " + last.Source
		if last.How == "record" {
			what = last.Format + " record " + last.Source
		} else if last.Format != "" {
			what += " (" + last.Format + ")"
		}
		parts = append(parts, strings.Join(fields, ", ")+": "+what)
		fields = fields[:0]
	}
	for _, f := range graph.Fields {
		m, ok := wk.FieldSource(f)
		if !ok {
			continue
		}
		if m != last {
			flush()
			last = m
		}
		fields = append(fields, f.String())
	}
	flush()
	return strings.Join(parts, "; ")
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprint(y)
}
