package graph

import (
	"cmp"
	"slices"
	"strings"
)

// Sources groups the works' venues into sources (journals, proceedings,
// book series), so that "J INFORMETR" of a cited reference, the corpus's
// "JOURNAL OF INFORMETRICS" and its abbreviation "J. Informetr." count as
// one source in maps whose unit is the source.
type Sources struct {
	// Of holds, for each work, the index of its source in Names, or -1
	// when the work names no venue.
	Of []int32
	// Names are the sources' display names, in ascending order: the full
	// title the corpus records give, else the most frequent spelling.
	Names []string
}

// Sources groups the venues of the graph's works with the venue
// normalisation of resolution: names with the same key (case, accents,
// punctuation and ISO 4 function words ignored) are one source; a corpus
// record's abbreviated venue (WoS J9) joins its full title; and a venue
// that the ISO 4 rules read as an abbreviation of exactly one full title of
// the corpus joins it ("J INFORMETR" → "Journal of Informetrics"). A name
// that could abbreviate several titles stays apart.
func (g *Graph) Sources() Sources {
	n := len(g.Works)
	id := map[string]int{} // venue key -> node of the union-find
	var keys []string
	var parent []int
	node := func(k string) int {
		if i, ok := id[k]; ok {
			return i
		}
		id[k] = len(keys)
		keys = append(keys, k)
		parent = append(parent, len(parent))
		return len(keys) - 1
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		if ra, rb := find(a), find(b); ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	workKey := make([]int, n)
	full := map[int]bool{} // keys of the corpus records' full titles
	for i := range g.Works {
		w := &g.Works[i]
		workKey[i] = -1
		k := venueKey(w.Venue)
		if k == "" {
			continue
		}
		workKey[i] = node(k)
		if w.InCorpus {
			full[workKey[i]] = true
			if a := venueKey(w.VenueAbbrev); a != "" {
				union(node(a), workKey[i])
			}
		}
	}
	// the other names: abbreviations of a single full title, looked for
	// among the titles with the same first letter
	byLetter := map[byte][]int{}
	for k := range full {
		byLetter[keys[k][0]] = append(byLetter[keys[k][0]], k)
	}
	for _, ks := range byLetter {
		slices.Sort(ks)
	}
	for k := range keys {
		if full[k] || find(k) != k && full[find(k)] {
			continue
		}
		match := -1
		for _, f := range byLetter[keys[k][0]] {
			if !venueRuleMatch(keys[k], keys[f]) {
				continue
			}
			if match >= 0 && find(match) != find(f) {
				match = -2 // ambiguous
				break
			}
			match = f
		}
		if match >= 0 {
			union(k, match)
		}
	}
	// names: the most frequent full title of the group, else the most
	// frequent spelling
	type spelling struct {
		name     string
		corpus   bool
		count    int
		rootNode int
	}
	counts := map[[2]string]*spelling{}
	for i := range g.Works {
		if workKey[i] < 0 {
			continue
		}
		w := &g.Works[i]
		name := strings.TrimSpace(w.Venue)
		root := find(workKey[i])
		key := [2]string{keys[root], name}
		s := counts[key]
		if s == nil {
			s = &spelling{name: name, rootNode: root}
			counts[key] = s
		}
		s.count++
		s.corpus = s.corpus || w.InCorpus
	}
	best := map[int]*spelling{}
	for _, s := range counts {
		b := best[s.rootNode]
		if b == nil || s.corpus && !b.corpus || s.corpus == b.corpus && (s.count > b.count ||
			s.count == b.count && s.name < b.name) {
			best[s.rootNode] = s
		}
	}
	roots := make([]int, 0, len(best))
	for r := range best {
		roots = append(roots, r)
	}
	slices.SortFunc(roots, func(a, b int) int {
		return cmp.Or(cmp.Compare(best[a].name, best[b].name), cmp.Compare(keys[a], keys[b]))
	})
	index := make(map[int]int32, len(roots))
	out := Sources{Of: make([]int32, n), Names: make([]string, len(roots))}
	for i, r := range roots {
		index[r] = int32(i)
		out.Names[i] = best[r].name
	}
	for i := range out.Of {
		out.Of[i] = -1
		if workKey[i] >= 0 {
			out.Of[i] = index[find(workKey[i])]
		}
	}
	return out
}
