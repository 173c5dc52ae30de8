package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// HistOptions controls Historiograph. The zero value draws HistCite's
// historiograph: the 40 papers of the corpus that other papers of the corpus
// cite most, with every citation among them.
type HistOptions struct {
	// Metric ranks the papers of the corpus and sizes the nodes; "" means
	// "lcs", citations from other papers of the corpus.
	Metric string
	// Nodes is how many papers of the corpus are drawn at most; 0 means 40,
	// negative means every one linked to another.
	Nodes int
	// Cited is how many works from outside the corpus (known only from the
	// reference lists) are drawn too, the most cited first. 0 chooses: none,
	// unless fewer than MinLinked papers (or half of Nodes, if fewer) could
	// be drawn, in which case the works they cite most fill the drawing up to
	// Nodes works; negative means none.
	Cited int
	// MinCitations leaves out papers of the corpus cited by fewer papers of
	// the corpus (HistCite's LCS threshold), and works from outside cited
	// by fewer; 0 keeps every paper.
	MinCitations int
	// Reduce draws the transitive reduction: a citation from a to c is left
	// out when a also reaches c through other drawn works (a cites b, b
	// cites c). Dense fields stay readable; no work loses all its arcs.
	Reduce bool
}

// MinLinked is the number of drawn papers of the corpus below which
// HistOptions.Cited 0 adds the works the corpus cites most.
const MinLinked = 10

// Drawing says what a historiograph shows and what it leaves out, and why.
type Drawing struct {
	// Metric ranks the works and sizes the nodes.
	Metric string `json:"metric"`
	// Works are the works drawn (indexes into Graph.Works): the papers of
	// the corpus in rank order, then the cited works in rank order.
	Works []int `json:"-"`
	// Corpus and Cited count the papers of the corpus and the works from
	// outside drawn.
	Corpus int `json:"corpus"`
	Cited  int `json:"cited"`
	// Arcs counts the citations drawn; Reduced those left out by the
	// transitive reduction.
	Arcs    int `json:"arcs"`
	Reduced int `json:"reduced,omitempty"`
	// CorpusWorks counts the papers of the corpus; Linked those that cite or
	// are cited by another.
	CorpusWorks int `json:"corpus_works"`
	Linked      int `json:"linked"`
	// Unlinked counts papers of the corpus ranked high enough to be drawn
	// that no citation links to another drawn work, so left out.
	Unlinked int `json:"unlinked,omitempty"`
	// Lower counts papers of the corpus ranked below the last one considered.
	Lower int `json:"lower,omitempty"`
	// BelowMin counts papers of the corpus under MinCitations.
	BelowMin     int `json:"below_min_citations,omitempty"`
	MinCitations int `json:"min_citations,omitempty"`
	// AutoCited is set when cited works were added because too few papers
	// of the corpus cite one another.
	AutoCited bool `json:"auto_cited,omitempty"`
	// Empty says why nothing is drawn; "" when something is.
	Empty string `json:"empty,omitempty"`
	// Hint says what would give a drawing, when Empty is set.
	Hint string `json:"hint,omitempty"`
	// Years lists the years of the drawn works, ascending; Undated counts
	// drawn works without a year.
	Years   []int `json:"years,omitempty"`
	Undated int   `json:"undated,omitempty"`

	arcs []int // indexes into Graph.Citations, ascending
}

// Historiograph chooses what the historiograph draws. Papers of the corpus
// are taken in the order of opt.Metric, and a paper enters the drawing only
// with an arc to another work of it: the drawing is the works with an arc
// among the longest run of top-ranked papers whose linked ones fit in
// opt.Nodes. Ranked papers left without an arc are counted in
// Drawing.Unlinked. Cited works, when asked for, join the same way.
func (g *Graph) Historiograph(m *Metrics, opt *HistOptions) *Drawing {
	if opt == nil {
		opt = &HistOptions{}
	}
	metric := cmp.Or(opt.Metric, "lcs")
	if metric == "in_degree" || metric == "citations" {
		metric = "lcs"
	}
	quota := opt.Nodes
	if quota == 0 {
		quota = 40
	}
	d := &Drawing{Metric: metric, MinCitations: opt.MinCitations}
	corpus, cited := g.histCandidates(m, d)

	s := newDrawSet(g)
	// the papers of the corpus: the longest prefix whose linked papers fit
	taken := 0
	for _, v := range corpus {
		s.add(v)
		if quota > 0 && s.corpus > quota {
			s.undo(v)
			break
		}
		taken++
	}
	d.Lower = len(corpus) - taken
	k := opt.Cited
	few := MinLinked
	if quota > 0 {
		few = min(MinLinked, max(1, quota/2))
	}
	if k == 0 && s.corpus < few {
		d.AutoCited = true
		k = 40
		if quota > 0 {
			k = max(MinLinked, quota-s.corpus)
		}
	}
	if k > 0 {
		s.addCited(cited, k, quota, corpus[:taken])
	}
	for _, v := range corpus[:taken] {
		if s.deg[v] > 0 {
			d.Works = append(d.Works, v)
		} else {
			d.Unlinked++
		}
	}
	d.Corpus = len(d.Works)
	for _, v := range cited {
		if s.in[v] && s.deg[v] > 0 {
			d.Works = append(d.Works, v)
		}
	}
	d.Cited = len(d.Works) - d.Corpus
	d.AutoCited = d.AutoCited && d.Cited > 0
	for ci, c := range g.Citations {
		if s.in[c.From] && s.in[c.To] {
			d.arcs = append(d.arcs, ci)
		}
	}
	if opt.Reduce {
		before := len(d.arcs)
		d.arcs = g.reduce(d.arcs)
		d.Reduced = before - len(d.arcs)
	}
	d.Arcs = len(d.arcs)
	years := map[int]bool{}
	for _, i := range d.Works {
		if y := g.Works[i].Year; y > 0 {
			years[y] = true
		} else {
			d.Undated++
		}
	}
	for y := range years {
		d.Years = append(d.Years, y)
	}
	slices.Sort(d.Years)
	if len(d.Works) == 0 {
		d.Empty, d.Hint = g.whyEmpty(d)
	}
	return d
}

// histCandidates returns the papers of the corpus that may be drawn, in the
// order of d.Metric, and the works from outside the corpus, most cited
// first; it counts the papers of the corpus, those linked to another and
// those under the LCS threshold into d.
func (g *Graph) histCandidates(m *Metrics, d *Drawing) (corpus, cited []int) {
	var papers, others []int
	for i := range g.Works {
		switch {
		case g.Works[i].InCorpus:
			papers = append(papers, i)
			if g.linkedInCorpus(i) {
				d.Linked++
			}
		case m.InDegree[i] >= max(1, d.MinCitations):
			others = append(others, i)
		}
	}
	d.CorpusWorks = len(papers)
	for _, s := range g.rank(m, d.Metric, papers) {
		if m.InDegree[s.Work] < d.MinCitations {
			d.BelowMin++
			continue
		}
		corpus = append(corpus, s.Work)
	}
	for _, s := range g.rank(m, "lcs", others) {
		cited = append(cited, s.Work)
	}
	return corpus, cited
}

// linkedInCorpus reports whether corpus paper i cites or is cited by
// another paper of the corpus.
func (g *Graph) linkedInCorpus(i int) bool {
	for _, j := range g.Out(i) {
		if g.Works[j].InCorpus {
			return true
		}
	}
	for _, j := range g.In(i) {
		if g.Works[j].InCorpus {
			return true
		}
	}
	return false
}

// whyEmpty explains an empty drawing and says what would give one.
func (g *Graph) whyEmpty(d *Drawing) (why, hint string) {
	reexport := "re-export the records with their cited references (Web of Science: \"Full Record and Cited References\"; " +
		"Scopus: tick \"References\"; OpenAlex: keep referenced_works), or add files that list them"
	switch {
	case g.Len() == 0:
		return "nothing was read, so there is nothing to draw", ""
	case len(g.Citations) == 0 && d.CorpusWorks > 0:
		return fmt.Sprintf("none of the %d records lists its cited references, so there is no citation to draw", d.CorpusWorks), reexport
	case len(g.Citations) == 0:
		return "no work cites another, so there is no citation to draw", ""
	case d.MinCitations > 0 && d.BelowMin == d.CorpusWorks:
		return fmt.Sprintf("no paper of the corpus is cited by %d others", d.MinCitations), "lower -min-citations"
	}
	return "no two of the works ranked for drawing are linked by a citation", "draw more works (-nodes) or add cited works (-cited)"
}

// drawSet is the set of works a drawing grows, with each member's number of
// arcs to other members.
type drawSet struct {
	g             *Graph
	in            []bool
	deg           []int32
	corpus, cited int // members with at least one arc
}

func newDrawSet(g *Graph) *drawSet {
	return &drawSet{g: g, in: make([]bool, g.Len()), deg: make([]int32, g.Len())}
}

func (s *drawSet) count(v int, d int) {
	if s.g.Works[v].InCorpus {
		s.corpus += d
	} else {
		s.cited += d
	}
}

// link changes the arc counts of v and u by d (±1), keeping the number of
// members with arcs.
func (s *drawSet) link(v, u int, d int32) {
	s.bump(v, d)
	s.bump(u, d)
}

func (s *drawSet) bump(x int, d int32) {
	before := s.deg[x]
	s.deg[x] += d
	switch {
	case before == 0 && s.deg[x] > 0:
		s.count(x, 1)
	case before > 0 && s.deg[x] == 0:
		s.count(x, -1)
	}
}

// neighbours calls f for every member other than v that v cites or that
// cites v; a pair citing each other counts twice, as two arcs.
func (s *drawSet) neighbours(v int, f func(u int)) {
	for _, u := range s.g.Out(v) {
		if s.in[u] && int(u) != v {
			f(int(u))
		}
	}
	for _, u := range s.g.In(v) {
		if s.in[u] && int(u) != v {
			f(int(u))
		}
	}
}

// addCited adds cited works, in rank order, each linked to a drawn paper,
// until k of them are. A cited work may link papers of ranked (the papers
// taken, in rank order) that had no arc yet; when they would be more than
// the quota allows, the lowest ranked of them leave the set first.
func (s *drawSet) addCited(cited []int, k, quota int, ranked []int) {
	rank := make(map[int]int, len(ranked))
	for r, v := range ranked {
		rank[v] = r
	}
	for _, v := range cited {
		if s.cited >= k {
			return
		}
		var revived []int
		s.neighbours(v, func(u int) {
			if s.deg[u] == 0 && !slices.Contains(revived, u) {
				revived = append(revived, u)
			}
		})
		if room := quota - s.corpus; quota > 0 && len(revived) > room {
			slices.SortFunc(revived, func(a, b int) int { return rank[a] - rank[b] })
			for _, u := range revived[room:] {
				s.undo(u)
			}
		}
		s.add(v)
		if s.deg[v] == 0 {
			s.undo(v)
		}
	}
}

func (s *drawSet) add(v int) {
	s.in[v] = true
	s.neighbours(v, func(u int) { s.link(v, u, 1) })
}

func (s *drawSet) undo(v int) {
	s.neighbours(v, func(u int) { s.link(v, u, -1) })
	s.in[v] = false
}

// reduce returns the arcs (indexes into Citations) that no longer path
// among the given arcs implies: an arc a→c goes when c is reachable from a
// without it. Arcs are tried in order and each decision sees the arcs
// still kept, so reachability never changes, cycles included.
func (g *Graph) reduce(arcs []int) []int {
	out := map[int][]int{} // work -> arc positions, among kept arcs
	for k, ci := range arcs {
		c := g.Citations[ci]
		out[c.From] = append(out[c.From], k)
	}
	kept := make([]bool, len(arcs))
	for k := range kept {
		kept[k] = true
	}
	seen := map[int]bool{}
	var queue []int
	for k, ci := range arcs {
		c := g.Citations[ci]
		clear(seen)
		queue = append(queue[:0], c.From)
		seen[c.From] = true
		found := false
		for len(queue) > 0 && !found {
			v := queue[0]
			queue = queue[1:]
			for _, a := range out[v] {
				if a == k || !kept[a] {
					continue
				}
				to := g.Citations[arcs[a]].To
				if to == c.To {
					found = true
					break
				}
				if !seen[to] {
					seen[to] = true
					queue = append(queue, to)
				}
			}
		}
		if found {
			kept[k] = false
		}
	}
	var res []int
	for k, ci := range arcs {
		if kept[k] {
			res = append(res, ci)
		}
	}
	return res
}

// Caption is what a reader of the drawing must know, in sentences: what is
// drawn, what was left out and why.
func (d *Drawing) Caption() []string {
	if d.Empty != "" {
		s := []string{"Nothing to draw: " + d.Empty + "."}
		if d.Hint != "" {
			s = append(s, "To get a historiograph, "+d.Hint+".")
		}
		return s
	}
	var s []string
	top := "the top ones"
	if d.Corpus == 1 {
		top = "the top one"
	}
	what := fmt.Sprintf("%d of the %s of the corpus, %s by %s", d.Corpus, countNoun(d.CorpusWorks, "paper"), top, MetricTitle(d.Metric))
	if d.Corpus == d.CorpusWorks {
		all := fmt.Sprintf("all %d papers", d.Corpus)
		switch d.Corpus {
		case 1:
			all = "the one paper"
		case 2:
			all = "both papers"
		}
		what = fmt.Sprintf("%s of the corpus, ranked by %s", all, MetricTitle(d.Metric))
	}
	first := "Historiograph: " + what
	if d.Cited > 0 {
		first += fmt.Sprintf(", and the %s from outside the corpus they cite most (dashed)", countNoun(d.Cited, "work"))
	}
	first += fmt.Sprintf("; %s drawn", countNoun(d.Arcs, "citation"))
	if d.Reduced > 0 {
		first += fmt.Sprintf(" (%d more, implied by longer paths, left out)", d.Reduced)
	}
	s = append(s, first+".")
	if d.AutoCited {
		if d.Linked == 0 {
			s = append(s, "No paper of the corpus cites another, so the works they cite most are drawn with them.")
		} else {
			s = append(s, fmt.Sprintf("Only %s of the corpus, so the works they cite most are drawn with them.",
				countVerb(d.Linked, "paper cites or is cited by another", "papers cite or are cited by another")))
		}
	}
	var out []string
	if d.Unlinked > 0 {
		out = append(out, fmt.Sprintf("%s ranked high enough, with no citation to or from another drawn work", countNoun(d.Unlinked, "paper")))
	}
	if d.Lower > 0 {
		out = append(out, fmt.Sprintf("%s ranked lower", countVerb(d.Lower, "paper", "papers")))
	}
	if d.BelowMin > 0 {
		out = append(out, fmt.Sprintf("%s cited by fewer than %d papers of the corpus", countVerb(d.BelowMin, "paper", "papers"), d.MinCitations))
	}
	if len(out) > 0 {
		s = append(s, "Left out: "+strings.Join(out, "; ")+".")
	}
	if d.Reduced == 0 && d.Arcs > 3*len(d.Works) {
		s = append(s, "Dense: -reduce draws only the citations that no longer path implies.")
	}
	return s
}

// MetricName is a metric's short name for a reader: "LCS", "PageRank"…
func MetricName(metric string) string {
	switch metric {
	case "lcs", "in_degree", "citations":
		return "LCS"
	case "gcs":
		return "GCS"
	case "pagerank":
		return "PageRank"
	case "hub", "authority":
		return metric + " score"
	case "out_degree":
		return "references listed"
	}
	return metric
}

// MetricTitle is a metric's name with what it means, where the name alone
// does not say: "LCS (citations from papers of the corpus)".
func MetricTitle(metric string) string {
	switch MetricName(metric) {
	case "LCS":
		return "LCS (citations from papers of the corpus)"
	case "GCS":
		return "GCS (citations counted by the database)"
	}
	return MetricName(metric)
}

func countNoun(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

func countVerb(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
