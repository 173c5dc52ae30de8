package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/safetext"
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

// explanation is what explain shows, as data: each work named and, for
// two, what links them.
type explanation struct {
	Works []explainedWork `json:"works"`
	Pair  *explainedPair  `json:"pair,omitempty"`
}

type explainedWork struct {
	ID        string          `json:"id"`
	Label     string          `json:"label"`
	Title     string          `json:"title,omitempty"`
	Authors   []string        `json:"authors,omitempty"`
	Year      int             `json:"year,omitempty"`
	Venue     string          `json:"venue,omitempty"`
	DOI       string          `json:"doi,omitempty"`
	InCorpus  bool            `json:"in_corpus"`
	Sources   []string        `json:"sources,omitempty"` // records of the corpus merged into it
	CitedHere int             `json:"cited_here"`        // citations within this graph
	CitesHere int             `json:"cites_here"`
	Mentions  []graph.Mention `json:"mentions"`
	// FieldsFrom says which mention each descriptive field was taken from.
	FieldsFrom string `json:"fields_from,omitempty"`
	// Provenance says where an online record or description came from and
	// why chaining added the work.
	Provenance []string `json:"provenance,omitempty"`
}

// workRef names a work.
type workRef struct {
	ID      string   `json:"id"`
	Label   string   `json:"label"`
	Sources []string `json:"sources,omitempty"`
}

type explainedCitation struct {
	From    workRef  `json:"from"`
	To      workRef  `json:"to"`
	Match   string   `json:"match"`
	Sources []string `json:"sources"` // the reference entries behind it
}

type explainedPair struct {
	Citations []explainedCitation `json:"citations"`
	// SharedRefs are the works both cite (bibliographic coupling).
	SharedRefs []workRef `json:"shared_references"`
	// CitedBy are the works citing both (co-citation).
	CitedBy []workRef `json:"cited_together_by"`
}

// explain prints, as text or JSON, why a work is what it is and, for two
// works, what links them.
func explain(w io.Writer, a *analysis, queries []string, format string) error {
	var idx []int
	for _, q := range queries {
		i, err := findWork(a.res, q)
		if err != nil {
			return err
		}
		idx = append(idx, i)
	}
	e := explanation{}
	for _, i := range idx {
		e.Works = append(e.Works, explainWork(a.g, a.on, i))
	}
	if len(idx) == 2 {
		e.Pair = explainPair(a.g, idx[0], idx[1])
	}
	if format == "json" {
		enc := json.NewEncoder(safetext.JSONWriter(w))
		enc.SetIndent("", "  ")
		return enc.Encode(e)
	}
	tw := safetext.NewTerminalWriter(w, false)
	bw := bufio.NewWriter(tw)
	writeExplanation(bw, &e)
	if err := bw.Flush(); err != nil {
		return err
	}
	return tw.Close()
}

func explainWork(g *graph.Graph, on *online, i int) explainedWork {
	wk := &g.Works[i]
	e := explainedWork{ID: wk.ID, Label: wk.Label, Title: wk.Title, Year: wk.Year, Venue: wk.Venue, DOI: wk.DOI,
		InCorpus: wk.InCorpus, Sources: wk.Sources, CitedHere: len(g.In(i)), CitesHere: len(g.Out(i)), Mentions: wk.Mentions}
	for _, au := range wk.Authors {
		e.Authors = append(e.Authors, au.String())
	}
	if e.Mentions == nil {
		e.Mentions = []graph.Mention{}
	}
	e.FieldsFrom = fieldsFrom(wk)
	e.Provenance = on.provenance(wk)
	return e
}

func refOf(g *graph.Graph, i int) workRef {
	return workRef{ID: g.Works[i].ID, Label: g.Works[i].Label}
}

func explainPair(g *graph.Graph, x, y int) *explainedPair {
	p := &explainedPair{Citations: []explainedCitation{}, SharedRefs: []workRef{}, CitedBy: []workRef{}}
	for _, c := range g.Citations {
		if (c.From == x && c.To == y) || (c.From == y && c.To == x) {
			p.Citations = append(p.Citations, explainedCitation{From: refOf(g, c.From), To: refOf(g, c.To), Match: c.Match, Sources: c.Sources})
		}
	}
	for _, r := range g.SharedItems(x, y, false) {
		p.SharedRefs = append(p.SharedRefs, refOf(g, r))
	}
	for _, c := range g.SharedItems(x, y, true) {
		ref := refOf(g, c)
		ref.Sources = g.Works[c].Sources
		p.CitedBy = append(p.CitedBy, ref)
	}
	return p
}

// writeExplanation writes e as text.
func writeExplanation(w io.Writer, e *explanation) {
	for _, wk := range e.Works {
		fmt.Fprintf(w, "%s\n  id: %s\n", wk.Label, wk.ID)
		if wk.Title != "" {
			fmt.Fprintf(w, "  title: %s\n", wk.Title)
		}
		if len(wk.Authors) > 0 {
			fmt.Fprintf(w, "  authors: %s\n", strings.Join(wk.Authors, ", "))
		}
		if wk.Year > 0 || wk.Venue != "" {
			fmt.Fprintf(w, "  published: %s\n", strings.Trim(fmt.Sprintf("%s %s", wk.Venue, yearText(wk.Year)), " "))
		}
		if wk.DOI != "" {
			fmt.Fprintf(w, "  doi: %s\n", wk.DOI)
		}
		if wk.FieldsFrom != "" {
			fmt.Fprintf(w, "  fields from: %s\n", wk.FieldsFrom)
		}
		kind := "known only from reference lists"
		if wk.InCorpus {
			kind = "a paper of the corpus (" + strings.Join(wk.Sources, ", ") + ")"
		}
		fmt.Fprintf(w, "  is %s; cited %d times here, cites %d works here\n", kind, wk.CitedHere, wk.CitesHere)
		for _, line := range wk.Provenance {
			fmt.Fprintf(w, "  %s\n", line)
		}
		fmt.Fprintf(w, "  %d mentions:\n", len(wk.Mentions))
		for _, m := range wk.Mentions {
			fmt.Fprintf(w, "    %-12s %s  %s\n", m.How, m.Source, parse.Shorten(m.Raw, 100))
		}
		fmt.Fprintln(w)
	}
	p := e.Pair
	if p == nil {
		return
	}
	fmt.Fprintf(w, "Between %s and %s:\n", e.Works[0].Label, e.Works[1].Label)
	for _, c := range p.Citations {
		fmt.Fprintf(w, "  citation: %s cites %s (matched by %s), listed at %s\n",
			c.From.Label, c.To.Label, c.Match, strings.Join(c.Sources, ", "))
	}
	if len(p.SharedRefs) > 0 {
		fmt.Fprintf(w, "  bibliographic coupling: %d shared references\n", len(p.SharedRefs))
		for _, r := range p.SharedRefs {
			fmt.Fprintf(w, "    %s  (%s)\n", r.Label, r.ID)
		}
	}
	if len(p.CitedBy) > 0 {
		fmt.Fprintf(w, "  co-citation: cited together by %d works\n", len(p.CitedBy))
		for _, c := range p.CitedBy {
			fmt.Fprintf(w, "    %s  (%s) %s\n", c.Label, c.ID, strings.Join(c.Sources, ", "))
		}
	}
	if len(p.Citations)+len(p.SharedRefs)+len(p.CitedBy) == 0 {
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
