package html

import (
	"regexp"
	"slices"
	"strconv"

	"github.com/citegraph/citegraph/parse/freetext"
	"github.com/citegraph/citegraph/parse/landing"
	"github.com/citegraph/citegraph/parse/model"
)

// references returns the work's reference list: the longest of the
// citation_reference tags, the list shown on the page, the COinS spans (when
// there are several, one per reference) and the JSON-LD citations. On equal
// lengths the tags win: their parts need no parsing.
func (p *page) references(ld []model.Reference) []model.Reference {
	var best []model.Reference
	for _, m := range p.values("citation_reference") {
		best = append(best, parseCitationRef(m.val, m.line))
	}
	if vis := p.visibleRefs(); len(vis) > len(best) {
		best = vis
	}
	if len(p.coins) >= 2 {
		var cs []model.Reference
		for _, c := range p.coins {
			if w := parseCOinS(c.query); w != nil && w.raw != "" {
				cs = append(cs, w.reference(c.line))
			}
		}
		if len(cs) > len(best) {
			best = cs
		}
	}
	if len(ld) > len(best) {
		best = ld
	}
	return best
}

type span struct{ start, end int }

func (s span) holds(e elem) bool { return e.start >= s.start && e.end <= s.end }

var (
	// refContainerRe matches the classes and ids of a reference list's container.
	refContainerRe = regexp.MustCompile(`(?i)(?:^|[-_.#\s])(?:references?|ref-?list|reference-?list|references-?list|bibliography|bibliografia|literature-?cited|reflist|bibl|citation-?list|backmatter-references)(?:$|[-_.#\s])`)
	// refItemRe matches the classes and ids of one reference of a list
	// (signatures, with digits folded to N).
	refItemRe = regexp.MustCompile(`(?i)(?:\.(?:ref|reference|references__item|ref-item|citation|bibr|bib|bibitem|bib-entry|ref-cit|csl-entry)(?:$|[.#])|#(?:[\w-]*[-_])?(?:ref|bib|cit|cr|r|b|c|bibr)-?N$)`)
	// notRefsRe matches classes of lists of other works.
	notRefsRe = regexp.MustCompile(`(?i)cited|citing|related|similar|recommend|popular|most-read|trending`)
)

// visibleRefs finds the reference list shown on the page: repeated items
// under a "References" heading or in a container named for references, else
// repeated items whose ids or classes mark references.
func (p *page) visibleRefs() []model.Reference {
	var secs, skips []span
	heads := slices.Clone(p.heads)
	slices.SortFunc(heads, func(a, b heading) int { return a.start - b.start })
	for k, h := range heads {
		end := len(p.text)
		if k+1 < len(heads) {
			end = heads[k+1].start
		}
		switch landing.HeadingSection(h.text) {
		case landing.References:
			secs = append(secs, span{h.end, end})
		case landing.CitedBy, landing.OtherWorks:
			skips = append(skips, span{h.end, end})
		}
	}
	for _, e := range p.elems {
		if refContainerRe.MatchString(e.class) || refContainerRe.MatchString(e.id) {
			if !notRefsRe.MatchString(e.class + " " + e.id) {
				secs = append(secs, span{e.start, e.end})
			}
		}
	}
	inSkip := func(e elem) bool {
		for _, s := range skips {
			if s.holds(e) {
				return true
			}
		}
		return notRefsRe.MatchString(e.sig)
	}
	if refs := p.bestGroup(func(e elem) bool {
		if inSkip(e) {
			return false
		}
		for _, s := range secs {
			if s.holds(e) {
				return true
			}
		}
		return false
	}, 1); len(refs) > 0 {
		return refs
	}
	return p.bestGroup(func(e elem) bool { return !inSkip(e) && refItemRe.MatchString(e.sig) }, 3)
}

// bestGroup groups the elements that pass keep by signature and depth and
// returns, parsed, the largest group (at least min items) whose items mostly
// read as references; on equal sizes the outer group wins.
func (p *page) bestGroup(keep func(elem) bool, min int) []model.Reference {
	type group struct {
		key   string
		depth int
		items []elem
	}
	groups := map[string]*group{}
	var keys []string
	for _, e := range p.elems {
		switch e.tag {
		case "li", "div", "p", "dd", "tr", "cite", "span":
		default:
			continue
		}
		if e.end-e.start < 20 || e.sig == "span" || !keep(e) {
			continue
		}
		k := e.sig + "@" + strconv.Itoa(e.depth)
		g := groups[k]
		if g == nil {
			g = &group{key: k, depth: e.depth}
			groups[k] = g
			keys = append(keys, k)
		}
		g.items = model.Push(g.items, e)
	}
	type item struct {
		text string
		line int
	}
	type cand struct {
		g     *group
		items []item
		named bool // the items' class or id marks references
	}
	var cands []cand
	for _, k := range keys {
		g := groups[k]
		items := make([]item, 0, len(g.items))
		seen := make(map[string]bool, len(g.items))
		dated := 0
		for _, e := range g.items {
			t := landing.CleanReference(string(p.text[e.start:e.end]))
			if t == "" || seen[t] {
				continue
			}
			seen[t] = true
			items = append(items, item{t, e.line})
			if model.ParseYear(t) != 0 || model.FindDOI(t) != "" {
				dated++
			}
		}
		if len(items) >= min && dated*2 >= len(items) {
			cands = append(cands, cand{g, items, refItemRe.MatchString(g.items[0].sig)})
		}
	}
	// the largest group; a group named for references nearly as large, or
	// an outer group whose items hold the best one's (a reference made of
	// two citations, "(a)" and "(b)"), is the list itself
	slices.SortStableFunc(cands, func(a, b cand) int {
		if len(a.items) != len(b.items) {
			return len(b.items) - len(a.items)
		}
		return a.g.depth - b.g.depth
	})
	if len(cands) == 0 {
		return nil
	}
	bi := 0
	for k, c := range cands {
		if k > 0 && c.named && !cands[bi].named && len(c.items)*10 >= len(cands[0].items)*8 {
			bi = k
			break
		}
	}
	for k, c := range cands {
		if c.g.depth < cands[bi].g.depth && len(c.items)*10 >= len(cands[bi].items)*8 && len(c.items) > 1 && holdsAll(c.g.items, cands[bi].g.items) {
			bi = k
		}
	}
	bestItems := cands[bi].items
	p.listAt = cands[bi].g.items[0].start
	// the references parsed on all processors, each into its own place
	out := make([]model.Reference, len(bestItems))
	model.Each(len(out), 128, 256, func(k int) {
		out[k] = freetext.Parse(bestItems[k].text)
		out[k].Line = bestItems[k].line
	})
	return out
}

// holdsAll reports whether every element of inner lies in one of outer.
func holdsAll(outer, inner []elem) bool {
	k := 0
	for _, e := range inner {
		for k < len(outer) && outer[k].end < e.end {
			k++
		}
		if k == len(outer) || outer[k].start > e.start {
			return false
		}
	}
	return true
}
