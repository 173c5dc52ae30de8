// Package report decides what the citegraph report shows (Build, pure data)
// and writes it as text, JSON, CSV or Markdown (the Write functions only
// format that data).
package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/burst"
	"github.com/citegraph/citegraph/graph/overview"
	"github.com/citegraph/citegraph/graph/rpys"
	"github.com/citegraph/citegraph/graph/scimap"
	"github.com/citegraph/citegraph/parse"
)

// Options controls Build. The zero value ranks by LCS and lists 20 rows.
type Options struct {
	// Metric orders the ranking (one of graph.MetricNames); "" means "lcs".
	Metric string
	// Top is the number of works and of pairs listed; 0 means 20.
	Top int
	// Outputs lists files written by the run (diagram, DOT), for the reader.
	Outputs []string
	// Drawing describes the diagram, if one was drawn.
	Drawing *graph.Drawing
	// Enrichment accounts for works looked up online or in the cache.
	Enrichment *Enrichment
	// Analyses holds the overview, main paths, RPYS and bursts, if run.
	Analyses *Analyses
	// Maps are the science maps made in the run, for the clusters section.
	Maps []*scimap.Map
}

// Input is the account of one input file.
type Input struct {
	File         string `json:"file"`
	Format       string `json:"format,omitempty"`
	Records      int    `json:"records"`
	RefsListed   int    `json:"refs_listed"`
	RefsDeclared int    `json:"refs_declared"`
	// Declaring counts the records that declare how many references they
	// have (WoS NR, Crossref reference-count…), and RefsListedDeclaring the
	// references those records list, to compare with RefsDeclared.
	Declaring           int `json:"records_declaring_refs"`
	RefsListedDeclaring int `json:"refs_listed_by_declaring"`
	NoRefs              int `json:"records_without_refs"`
	Warnings            int `json:"warnings"`
	Skipped             int `json:"skipped"`
	// Error is set when nothing could be read from the file.
	Error string `json:"error,omitempty"`
}

// Row is one line of the ranking.
type Row struct {
	Rank int    `json:"rank"`
	ID   string `json:"id"`
	// Label names the work, unlike any other work the report names.
	Label    string `json:"label"`
	Title    string `json:"title,omitempty"`
	Year     int    `json:"year,omitempty"`
	InCorpus bool   `json:"in_corpus"`
	// LCS counts citations from papers of the corpus; GCS is the citation
	// count the database states (nil when none does); Refs counts the works
	// this one cites here.
	LCS         int     `json:"lcs"`
	GCS         *int    `json:"gcs,omitempty"`
	Refs        int     `json:"refs"`
	PageRank    float64 `json:"pagerank"`
	Betweenness float64 `json:"betweenness"`
	Hub         float64 `json:"hub"`
	Authority   float64 `json:"authority"`
}

// PairRow is one coupled or co-cited pair.
type PairRow struct {
	A      string  `json:"a"`
	ALabel string  `json:"a_label"`
	B      string  `json:"b"`
	BLabel string  `json:"b_label"`
	Count  int     `json:"count"`
	Cosine float64 `json:"cosine"`
}

// Report is everything the report shows, as data.
type Report struct {
	// Years is set when the corpus was restricted to publication years.
	Years *Years `json:"years,omitempty"`
	// Overview describes the corpus (bibliometrix's summary); first.
	Overview *overview.Overview `json:"overview,omitempty"`
	Inputs   []Input            `json:"inputs"`
	// Problems are "file:line: what" messages: whole files not read, records
	// skipped, damaged parts of records.
	Problems []string `json:"problems,omitempty"`
	Records  int      `json:"records"`
	Works    int      `json:"works"`
	// CorpusWorks and CitedOnly split Works.
	CorpusWorks  int `json:"corpus_works"`
	CitedOnly    int `json:"cited_only"`
	Citations    int `json:"citations"`
	RefsListed   int `json:"refs_listed"`
	RefsDeclared int `json:"refs_declared"`
	// Declaring and RefsListedDeclaring sum the inputs' (see Input).
	Declaring           int         `json:"records_declaring_refs"`
	RefsListedDeclaring int         `json:"refs_listed_by_declaring"`
	NoRefs              int         `json:"records_without_refs"`
	Resolution          graph.Stats `json:"resolution"`
	Metric              string      `json:"metric"`
	// BetweennessSampled, when not 0, is the number of citing works
	// betweenness was estimated from, of BetweennessAll.
	BetweennessSampled int       `json:"betweenness_sampled,omitempty"`
	BetweennessAll     int       `json:"betweenness_sources,omitempty"`
	Ranking            []Row     `json:"ranking"`
	Coupling           []PairRow `json:"coupling"`
	Cocitation         []PairRow `json:"cocitation"`
	// Citing counts the works that list at least one resolved reference.
	Citing       int            `json:"citing_works"`
	CouplingAll  int            `json:"coupling_pairs"`
	CocitAll     int            `json:"cocitation_pairs"`
	NoCoupling   string         `json:"no_coupling,omitempty"`
	NoCocitation string         `json:"no_cocitation,omitempty"`
	Drawing      *graph.Drawing `json:"drawing,omitempty"`
	Outputs      []string       `json:"outputs,omitempty"`
	Enrichment   *Enrichment    `json:"enrichment,omitempty"`
	// MainPath, RPYS and Bursts are the further analyses, when run.
	MainPath *MainPath      `json:"main_path,omitempty"`
	RPYS     *rpys.Spectrum `json:"rpys,omitempty"`
	Bursts   *burst.Result  `json:"bursts,omitempty"`
	// Maps are the science maps and their clusters.
	Maps []MapSummary `json:"maps,omitempty"`
}

// Build assembles the report of a run: the results of reading each file,
// the files that could not be read at all, and the analysed graph.
func Build(results []*parse.Result, fileErrs []error, g *graph.Graph, m *graph.Metrics,
	coupling, cocitation graph.Shared, stats graph.Stats, opt *Options) *Report {
	return BuildCounted(Count(results, fileErrs), g, m, coupling, cocitation, stats, opt)
}

// Reading is the account of the files a run read, as the report shows it.
// Count makes it from the parse results, so that a run can let go of its
// records (the largest part of its memory) once the graph is built.
type Reading struct {
	r *Report // Inputs, the counts of records and references, Problems
}

// Count accounts for the results of reading each file and the files that
// could not be read at all.
func Count(results []*parse.Result, fileErrs []error) *Reading {
	r := &Report{}
	for _, res := range results {
		in := Input{File: res.File, Format: res.Format, Records: len(res.Records), Warnings: len(res.Warnings), Skipped: len(res.Skipped)}
		for _, rec := range res.Records {
			in.RefsListed += len(rec.References)
			if rec.RefsDeclared != nil {
				in.RefsDeclared += *rec.RefsDeclared
				in.Declaring++
				in.RefsListedDeclaring += len(rec.References)
			}
			if len(rec.References) == 0 {
				in.NoRefs++
			}
		}
		for _, e := range res.Skipped {
			r.Problems = append(r.Problems, "skipped: "+e.Error())
		}
		for _, e := range res.Warnings {
			r.Problems = append(r.Problems, "warning: "+e.Error())
		}
		r.Inputs = append(r.Inputs, in)
		r.Records += in.Records
		r.RefsListed += in.RefsListed
		r.RefsDeclared += in.RefsDeclared
		r.Declaring += in.Declaring
		r.RefsListedDeclaring += in.RefsListedDeclaring
		r.NoRefs += in.NoRefs
	}
	for _, e := range fileErrs {
		r.Problems = append(r.Problems, "not read: "+e.Error())
	}
	slices.SortStableFunc(r.Inputs, func(a, b Input) int { return cmp.Compare(a.File, b.File) })
	return &Reading{r}
}

// BuildCounted is Build on the account Count made of the files read.
func BuildCounted(read *Reading, g *graph.Graph, m *graph.Metrics,
	coupling, cocitation graph.Shared, stats graph.Stats, opt *Options) *Report {
	if opt == nil {
		opt = &Options{}
	}
	top := cmp.Or(opt.Top, 20)
	metric := cmp.Or(opt.Metric, "lcs")
	if metric == "in_degree" || metric == "citations" {
		metric = "lcs"
	}
	r := &Report{Metric: metric, Resolution: stats, Drawing: opt.Drawing, Outputs: opt.Outputs, Enrichment: opt.Enrichment}
	c := read.r
	r.Inputs, r.Problems = slices.Clone(c.Inputs), slices.Clone(c.Problems)
	r.Records, r.RefsListed, r.RefsDeclared = c.Records, c.RefsListed, c.RefsDeclared
	r.Declaring, r.RefsListedDeclaring, r.NoRefs = c.Declaring, c.RefsListedDeclaring, c.NoRefs

	r.Works = g.Len()
	r.Citations = len(g.Citations)
	for _, w := range g.Works {
		if w.InCorpus {
			r.CorpusWorks++
		}
	}
	r.CitedOnly = r.Works - r.CorpusWorks
	r.BetweennessSampled, r.BetweennessAll = m.BetweennessSampled, m.BetweennessAll
	var ranked []int
	for k, s := range g.Rank(m, r.Metric) {
		if k == top {
			break
		}
		ranked = append(ranked, s.Work)
	}
	coupled := pairWorks(coupling.Pairs, top)
	cocited := pairWorks(cocitation.Pairs, top)
	// one label per work, unlike every other the report names
	named := slices.Concat(ranked, coupled, cocited)
	slices.Sort(named)
	named = slices.Compact(named)
	labels := map[int]string{}
	for k, s := range g.Labels(named, &graph.LabelOptions{Width: LabelWidth}) {
		labels[named[k]] = s
	}
	for k, i := range ranked {
		w := &g.Works[i]
		row := Row{Rank: k + 1, ID: w.ID, Label: labels[i], Title: w.Title, Year: w.Year, InCorpus: w.InCorpus,
			LCS: m.InDegree[i], Refs: m.OutDegree[i], PageRank: clean(m.PageRank[i]), Betweenness: clean(m.Betweenness[i]),
			Hub: clean(m.Hub[i]), Authority: clean(m.Authority[i])}
		if m.GCS[i] >= 0 {
			row.GCS = &m.GCS[i]
		}
		r.Ranking = append(r.Ranking, row)
	}
	r.Maps = mapSummaries(g, opt.Maps)
	r.CouplingAll, r.CocitAll = coupling.Total, cocitation.Total
	r.Coupling = pairRows(g, coupling.Pairs, top, labels)
	r.Cocitation = pairRows(g, cocitation.Pairs, top, labels)
	citing := len(g.Citing())
	r.Citing = citing
	if coupling.Total == 0 {
		switch citing {
		case 0:
			r.NoCoupling = "no work lists references, so no two works can share one"
		case 1:
			r.NoCoupling = "only one work lists references, so no two works can share one"
		default:
			r.NoCoupling = fmt.Sprintf("the %d works that list references have no reference in common", citing)
		}
	}
	if cocitation.Total == 0 {
		if citing == 0 {
			r.NoCocitation = "no work lists references, so nothing is cited together"
		} else {
			r.NoCocitation = "no work cites two works of the graph together"
		}
	}
	r.addAnalyses(g, opt.Analyses, top)
	return r
}

// LabelWidth is the most runes of a work's label in the report: two fit
// side by side in a pair table at 80 columns.
const LabelWidth = 32

// clean returns 0 for values that are zero within floating-point error
// (HITS scores of works outside the main component fall to 1e-70 and
// below), x otherwise. No metric is meaningfully this small: PageRank is at
// least 0.15/n.
func clean(x float64) float64 {
	if math.Abs(x) < 1e-12 {
		return 0
	}
	return x
}

// pairWorks lists the works of the first top pairs.
func pairWorks(pairs []graph.Pair, top int) []int {
	var out []int
	for k, p := range pairs {
		if k == top {
			break
		}
		out = append(out, p.A, p.B)
	}
	return out
}

func pairRows(g *graph.Graph, pairs []graph.Pair, top int, labels map[int]string) []PairRow {
	var rows []PairRow
	for k, p := range pairs {
		if k == top {
			break
		}
		rows = append(rows, PairRow{A: g.Works[p.A].ID, ALabel: labels[p.A], B: g.Works[p.B].ID, BLabel: labels[p.B],
			Count: p.Count, Cosine: p.Cosine})
	}
	return rows
}

// Name is the row's label with the whole title, where the label shortened
// it ("Jones 2025, Doctors as system…" gives "Jones 2025, Doctors as system
// leaders: medical…"); the ranking, which has room, shows it.
func (r Row) Name() string {
	head, detail, ok := strings.Cut(r.Label, ", ")
	short := strings.TrimSuffix(detail, "…")
	title := graph.TitleCase(r.Title)
	if ok && short != detail && title != "" && strings.HasPrefix(title, short) {
		return head + ", " + title
	}
	return r.Label
}
