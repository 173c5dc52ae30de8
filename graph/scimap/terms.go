package scimap

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/network"
	"github.com/citegraph/citegraph/parse"
)

// profile makes the profiles of the k clusters of net: their labels, mean
// years, largest nodes and citing works.
func profile(g *graph.Graph, net *network.Network, k int, o *Options) []Cluster {
	cs := make([]Cluster, k)
	nodes := make([][]int, k)
	for i := range net.Nodes {
		if c := net.Nodes[i].Cluster; c >= 0 {
			nodes[c] = append(nodes[c], i)
		}
	}
	for c := range cs {
		cs[c] = Cluster{ID: c, Size: len(nodes[c]), Color: Color(c)}
		years, n := 0.0, 0
		for _, i := range nodes[c] {
			if y := net.Nodes[i].Year; y > 0 {
				years += y
				n++
			}
		}
		if n > 0 {
			cs[c].MeanYear = years / float64(n)
		}
		top := slices.Clone(nodes[c])
		slices.SortFunc(top, func(a, b int) int {
			x, y := &net.Nodes[a], &net.Nodes[b]
			return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(y.Strength, x.Strength), cmp.Compare(x.ID, y.ID))
		})
		cs[c].Top = top[:min(5, len(top))]
		cs[c].Citing = citers(g, net, nodes[c], 5)
	}
	nTerms := cmp.Or(o.Terms, 3)
	if net.Kind == network.Cooccurrence {
		// a keyword cluster is named by its most frequent keywords
		for c := range cs {
			for _, i := range cs[c].Top[:min(nTerms, len(cs[c].Top))] {
				nd := &net.Nodes[i]
				cs[c].Terms = append(cs[c].Terms, Term{Text: nd.Label, Score: float64(nd.Count), Docs: nd.Count})
			}
			cs[c].Documents = len(clusterDocs(g, net, nodes[c]))
		}
	} else {
		docs := make([][]int32, k)
		for c := range cs {
			docs[c] = clusterDocs(g, net, nodes[c])
			cs[c].Documents = len(docs[c])
		}
		terms := distinctive(g, docs, nTerms, o.TermScore == "tfidf")
		for c := range cs {
			cs[c].Terms = terms[c]
		}
	}
	for c := range cs {
		var parts []string
		for _, t := range cs[c].Terms {
			parts = append(parts, t.Text)
		}
		cs[c].Label = strings.Join(parts, " · ")
		if cs[c].Label == "" {
			cs[c].Label = "(no distinctive terms)"
		}
	}
	return cs
}

// clusterDocs returns the corpus works a cluster's terms are drawn from:
// its own corpus works, or for co-citation the corpus works citing its
// works (CiteSpace labels co-citation clusters by their citing articles).
func clusterDocs(g *graph.Graph, net *network.Network, nodes []int) []int32 {
	seen := map[int32]bool{}
	var out []int32
	add := func(w int32) {
		if !seen[w] && g.Works[w].InCorpus {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, i := range nodes {
		for _, w := range net.Members(i) {
			if net.Kind == network.Cocitation {
				for _, c := range g.In(int(w)) {
					add(c)
				}
			} else {
				add(w)
			}
		}
	}
	slices.Sort(out)
	return out
}

// citers returns the corpus works citing the works of a cluster's nodes
// most: each with the number of those works it cites, largest first (ties
// by the citer's own citations, then ID).
func citers(g *graph.Graph, net *network.Network, nodes []int, limit int) []Citer {
	count := map[int32]int{}
	seen := map[int32]bool{}
	for _, i := range nodes {
		for _, w := range net.Members(i) {
			if seen[w] {
				continue
			}
			seen[w] = true
			for _, c := range g.In(int(w)) {
				if g.Works[c].InCorpus {
					count[c]++
				}
			}
		}
	}
	// the best limit, kept in order as they come (a full sort of every
	// citer cost more than counting them)
	better := func(a, b Citer) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(len(g.In(b.Work)), len(g.In(a.Work))),
			cmp.Compare(g.Works[a.Work].ID, g.Works[b.Work].ID))
	}
	if limit <= 0 {
		return nil
	}
	out := make([]Citer, 0, limit+1)
	for w, n := range count {
		c := Citer{Work: int(w), Count: n}
		if len(out) == limit && better(c, out[limit-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(out, c, better)
		out = slices.Insert(out, i, c)
		if len(out) > limit {
			out = out[:limit]
		}
	}
	return out
}

// distinctive returns, for each cluster's documents, the n terms (from
// titles and keywords) that set it apart from the other clusters: by
// Dunning's log-likelihood ratio G² of the term's document frequency in
// the cluster against the others, keeping terms more frequent inside, or
// by TF-IDF over the clusters. A term contained in a better one ("network"
// in "citation network") is skipped.
//
// Terms are numbered once (see termIndex) and counted in slices; each
// document's terms are found once, however many clusters list it.
func distinctive(g *graph.Graph, docs [][]int32, n int, tfidf bool) [][]Term {
	k := len(docs)
	x := &termIndex{id: map[string]int32{}}
	at := map[int32][2]int32{} // a document's terms: flat[at[w][0]:at[w][1]]
	var flat []int32
	for c := range docs {
		for _, w := range docs[c] {
			if _, ok := at[w]; !ok {
				s := len(flat)
				flat = x.docTerms(&g.Works[w], flat)
				at[w] = [2]int32{int32(s), int32(len(flat))}
			}
		}
	}
	type count struct{ term, docs int32 }
	df := make([][]count, k) // the terms of each cluster's documents, with how many have each
	total := make([]int, len(x.key))
	clustersWith := make([]int, len(x.key))
	cnt := make([]int32, len(x.key))
	N := 0
	for c := range docs {
		var seen []int32
		for _, w := range docs[c] {
			r := at[w]
			for _, t := range flat[r[0]:r[1]] {
				if cnt[t] == 0 {
					seen = append(seen, t)
				}
				cnt[t]++
			}
		}
		df[c] = make([]count, len(seen))
		for i, t := range seen {
			df[c][i] = count{t, cnt[t]}
			total[t] += int(cnt[t])
			clustersWith[t]++
			cnt[t] = 0
		}
		N += len(docs[c])
	}
	out := make([][]Term, k)
	chosenIDs := []int32{}
	for c := range docs {
		nc := len(docs[c])
		if nc == 0 {
			continue
		}
		type cand struct {
			Term
			id     int32
			spaces int
		}
		var cands []cand
		for _, tc := range df[c] {
			t, a := tc.term, int(tc.docs)
			if a < min(2, nc) {
				continue
			}
			var score float64
			if tfidf {
				score = float64(a) / float64(nc) * math.Log(float64(k)/float64(clustersWith[t]))
				if k == 1 {
					score = float64(a) / float64(nc)
				}
			} else {
				b := total[t] - a
				if k > 1 && float64(a)/float64(nc) <= float64(b)/float64(max(1, N-nc)) {
					continue // not more frequent inside
				}
				score = llr(float64(a), float64(b), float64(nc-a), float64(N-nc-b))
				if k == 1 {
					score = float64(a)
				}
			}
			if score > 0 {
				key := x.key[t]
				cands = append(cands, cand{Term{Text: key, Score: score, Docs: a}, t, strings.Count(key, " ")})
			}
		}
		// best first; at equal scores the longer phrase, which says more
		slices.SortFunc(cands, func(x, y cand) int {
			return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(y.spaces, x.spaces),
				cmp.Compare(y.Docs, x.Docs), cmp.Compare(x.Text, y.Text))
		})
		var chosen []Term
		chosenIDs = chosenIDs[:0]
		for _, t := range cands {
			if len(chosen) == n {
				break
			}
			if slices.ContainsFunc(chosen, func(u Term) bool { return overlaps(u.Text, t.Text) }) {
				continue
			}
			chosen = append(chosen, t.Term)
			chosenIDs = append(chosenIDs, t.id)
		}
		for i := range chosen {
			chosen[i].Text = bestSpelling(chosen[i].Text, x.spellings(chosenIDs[i]))
			chosen[i].Score = math.Round(chosen[i].Score*1000) / 1000
		}
		out[c] = chosen
	}
	return out
}

// termIndex numbers the terms of documents and counts their spellings.
type termIndex struct {
	id   map[string]int32 // a term's number
	key  []string         // the term (its folded form) of each number
	self []int            // how often each term was written as its key
	// other spellings of each term (nil when none), with their counts
	other []map[string]int
	mark  []int32 // the last document that had each term
	doc   int32   // the document being read, from 1
	buf   []byte
}

// term returns the number of a term, numbering it if new.
func (x *termIndex) term(key string) int32 {
	if id, ok := x.id[key]; ok {
		return id
	}
	id := int32(len(x.key))
	x.id[key] = id
	x.key = append(x.key, key)
	x.self = append(x.self, 0)
	x.other = append(x.other, nil)
	x.mark = append(x.mark, 0)
	return id
}

// add appends term id, written text, to the current document's terms out,
// unless the document already has it.
func (x *termIndex) add(id int32, text string, out []int32) []int32 {
	if x.mark[id] == x.doc {
		return out
	}
	x.mark[id] = x.doc
	if text == x.key[id] {
		x.self[id]++
	} else {
		if x.other[id] == nil {
			x.other[id] = map[string]int{}
		}
		x.other[id][text]++
	}
	return append(out, id)
}

// spellings returns the ways term id was written, with their counts.
func (x *termIndex) spellings(id int32) map[string]int {
	m := maps.Clone(x.other[id])
	if m == nil {
		m = map[string]int{}
	}
	if x.self[id] > 0 {
		m[x.key[id]] += x.self[id]
	}
	return m
}

// docTerms appends to out the numbers of the distinct terms of a work: its
// keywords (both kinds) and the words and two-word phrases of its title,
// without function words. Terms are folded (lower case, no accents); their
// spellings are counted.
func (x *termIndex) docTerms(w *graph.Work, out []int32) []int32 {
	x.doc++
	for _, kws := range [][]string{w.Keywords, w.IndexKeywords} {
		for _, k := range kws {
			k = parse.CleanSpace(k)
			if key := termKey(k); key != "" {
				out = x.add(x.term(key), k, out)
			}
		}
	}
	// phrases do not span punctuation: "governance: ‘soft’ leadership"
	for _, part := range strings.FieldsFunc(w.Title, isPhraseBreak) {
		words := titleWords(part)
		for i, v := range words {
			if v == "" {
				continue
			}
			out = x.add(x.term(v), v, out)
			if i+1 < len(words) && words[i+1] != "" {
				// looked up without making the string unless it is new
				x.buf = append(append(append(x.buf[:0], v...), ' '), words[i+1]...)
				id, ok := x.id[string(x.buf)]
				if !ok {
					id = x.term(string(x.buf))
				}
				out = x.add(id, x.key[id], out)
			}
		}
	}
	return out
}

// llr is Dunning's G² for the 2×2 table a (term, inside), b (term,
// outside), c (no term, inside), d (no term, outside).
func llr(a, b, c, d float64) float64 {
	n := a + b + c + d
	if n == 0 {
		return 0
	}
	term := func(o, e float64) float64 {
		if o <= 0 || e <= 0 {
			return 0
		}
		return o * math.Log(o/e)
	}
	return 2 * (term(a, (a+b)*(a+c)/n) + term(b, (a+b)*(b+d)/n) + term(c, (c+d)*(a+c)/n) + term(d, (c+d)*(b+d)/n))
}

// overlaps reports whether one term's words are a run of the other's.
func overlaps(a, b string) bool {
	return strings.Contains(" "+a+" ", " "+b+" ") || strings.Contains(" "+b+" ", " "+a+" ")
}

// bestSpelling returns the most frequent way a term was written, in
// lower case when it was written in capitals only.
func bestSpelling(key string, spellings map[string]int) string {
	best, n := key, 0
	for s, c := range spellings {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	if strings.ToUpper(best) == best {
		best = strings.ToLower(best)
	}
	return best
}

// isPhraseBreak reports whether r ends a phrase of a title: punctuation
// other than hyphens and apostrophes inside words.
func isPhraseBreak(r rune) bool {
	switch r {
	case '-', '\'', '’':
		return false
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// termKey is the folded form terms are compared in, hyphens kept inside
// words ("co-citation").
func termKey(s string) string {
	return strings.Join(titleWordsAll(s), " ")
}

// titleWordsAll splits a text into folded words, hyphens kept inside.
func titleWordsAll(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-')
	}) {
		f = strings.Trim(f, "-")
		parts := strings.Split(f, "-")
		for i := range parts {
			parts[i] = parse.Fold(parts[i])
		}
		if w := strings.Join(parts, "-"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// titleWords splits a title into folded words, with "" in place of
// function words and numbers, so that phrases do not span them.
func titleWords(s string) []string {
	ws := titleWordsAll(s)
	for i, w := range ws {
		if stopWords[w] || len([]rune(w)) < 3 || strings.IndexFunc(w, unicode.IsLetter) < 0 {
			ws[i] = ""
		}
	}
	return ws
}

// stopWords are English function words and the words of titles that name
// no topic.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also among an and any are as at be
		been before being below between both but by can could did do does doing down during each few for from
		further had has have having here how if in into is it its itself just more most no nor not now of off on
		once only or other our out over own same should so some such than that the their them then there these
		they this those through to too under until up upon very was we were what when where which while who whom
		why will with within without would you your
		new using use used based via toward towards study studies case approach approaches effect effects role
		paper review evidence method methods results versus vs`) {
		m[w] = true
	}
	return m
}()
