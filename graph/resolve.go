package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/parse"
)

// ResolveOptions controls Resolve. The zero value is ready to use.
type ResolveOptions struct{}

// Resolve groups corpus records and their references into distinct works.
//
// TODO(resolve): placeholder matching on DOI, then on folded title and year;
// the resolution pipeline replaces it.
func Resolve(recs []parse.Record, opt *ResolveOptions) *Resolution {
	type key = string
	res := &Resolution{Stats: Stats{ByMethod: map[string]int{}}}
	index := map[key]int{}
	var works []*Work
	find := func(doi, title string, year int) (int, string) {
		if doi != "" {
			if i, ok := index["doi:"+doi]; ok {
				return i, "doi"
			}
		}
		if t := parse.Fold(title); t != "" {
			if i, ok := index[fmt.Sprintf("t:%s|%d", t, year)]; ok {
				return i, "title"
			}
		}
		return -1, ""
	}
	add := func(w *Work, title string) int {
		works = append(works, w)
		i := len(works) - 1
		if w.DOI != "" {
			index["doi:"+w.DOI] = i
		}
		if t := parse.Fold(title); t != "" {
			index[fmt.Sprintf("t:%s|%d", t, w.Year)] = i
		}
		return i
	}
	recWork := make([]int, len(recs))
	for ri, r := range recs {
		res.Stats.Records++
		if i, _ := find(r.DOI, r.Title, r.Year); i >= 0 && works[i].InCorpus {
			res.Stats.DuplicatesMerged++
			works[i].Sources = append(works[i].Sources, r.Source)
			works[i].Mentions = append(works[i].Mentions, Mention{r.Source, r.Label, "record"})
			recWork[ri] = i
			continue
		}
		w := &Work{InCorpus: true, Title: r.Title, Authors: r.Authors, Year: r.Year, Venue: r.Venue,
			Volume: r.Volume, Pages: r.Pages, DOI: r.DOI, IDs: r.IDs, Sources: []string{r.Source},
			CitedBy: r.CitedBy, RefsDeclared: r.RefsDeclared, Keywords: r.Keywords, Abstract: r.Abstract,
			Mentions: []Mention{{r.Source, r.Label, "record"}}}
		if r.Title == "" {
			w.Label = r.Label
		}
		recWork[ri] = add(w, r.Title)
	}
	type edge struct{ from, to int }
	edges := map[edge]*Citation{}
	for ri, r := range recs {
		from := recWork[ri]
		if r.RefsDeclared != nil {
			res.Stats.RefsDeclared += *r.RefsDeclared
		}
		if len(r.References) == 0 {
			res.Stats.RecordsNoRefs++
		}
		for _, ref := range r.References {
			res.Stats.References++
			src := fmt.Sprintf("%s:%d", r.File, ref.Line)
			if ref.Line == 0 {
				src = r.Source
			}
			i, how := find(ref.DOI, ref.Title, ref.Year)
			if i < 0 {
				how = "new"
				res.Stats.Unresolved++
				i = add(&Work{Title: ref.Title, Authors: ref.Authors, Year: ref.Year, Venue: ref.Venue,
					Volume: ref.Volume, Pages: ref.Pages, DOI: ref.DOI, IDs: ref.IDs}, ref.Title)
			}
			res.Stats.ByMethod[how]++
			works[i].Mentions = append(works[i].Mentions, Mention{src, ref.Raw, how})
			if i == from {
				res.Stats.SelfCitations++
				continue
			}
			e := edge{from, i}
			if c, ok := edges[e]; ok {
				res.Stats.RepeatedRefs++
				c.Sources = append(c.Sources, src)
				continue
			}
			edges[e] = &Citation{From: from, To: i, Match: how, Sources: []string{src}}
		}
	}
	// IDs, labels and final order
	for _, w := range works {
		w.ID = workID(w)
		if w.Label == "" {
			w.Label = workLabel(w)
		}
		if w.InCorpus {
			res.Stats.CorpusWorks++
		}
	}
	order := make([]int, len(works))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(works[a].ID, works[b].ID) })
	seen := map[string]int{}
	pos := make([]int, len(works))
	for p, i := range order {
		w := works[i]
		if n := seen[w.ID]; n > 0 {
			w.ID = fmt.Sprintf("%s-%d", w.ID, n+1)
		}
		seen[w.ID]++
		pos[i] = p
		res.Works = append(res.Works, *w)
	}
	for _, c := range edges {
		c.From, c.To = pos[c.From], pos[c.To]
		res.Citations = append(res.Citations, *c)
	}
	slices.SortFunc(res.Citations, func(a, b Citation) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	for _, c := range res.Citations {
		res.Works[c.From].RefsListed++
	}
	return res
}

func workID(w *Work) string {
	if w.DOI != "" {
		return "doi:" + w.DOI
	}
	fam := "anon"
	if len(w.Authors) > 0 {
		fam = parse.Fold(w.Authors[0].Family)
	}
	words := strings.Fields(parse.Fold(w.Title))
	if len(words) > 3 {
		words = words[:3]
	}
	return strings.Join(append([]string{strings.ReplaceAll(fam, " ", ""), fmt.Sprint(w.Year)}, words...), "-")
}

func workLabel(w *Work) string {
	if len(w.Authors) > 0 && w.Year > 0 {
		return fmt.Sprintf("%s %d", w.Authors[0].Family, w.Year)
	}
	if w.Title != "" {
		return parse.Shorten(w.Title, 40)
	}
	return w.ID
}
