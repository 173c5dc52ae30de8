package graph

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/parse"
)

// rsSynthetic builds a fixed-seed corpus of nRecs records citing refsPer
// references each, drawn (with a skew towards popular works) from a pool of
// works, written in three styles: WoS cited-reference fields (author,
// year, abbreviated venue, volume, page, a DOI on some), Scopus-like
// references with title and full venue, and titled references with a typo
// and no DOI.
func rsSynthetic(nRecs, refsPer int) []parse.Record {
	rng := rand.New(rand.NewPCG(1, 1))
	syll := []string{"ka", "ri", "mo", "ten", "sa", "lo", "ber", "gu", "vin", "do", "ne", "sch", "wa", "li", "zh", "an"}
	vocab := []string{"network", "citation", "analysis", "magnetic", "media", "model", "theory", "patterned",
		"recording", "dynamics", "learning", "impact", "journal", "science", "growth", "structure", "evidence",
		"review", "method", "data", "quantum", "spin", "field", "effect", "scale", "random", "graph", "flow"}
	jwords := []string{"Journal", "Physical", "Review", "Applied", "Materials", "Science", "Letters", "Chemistry",
		"Informetrics", "Magnetics", "Transactions", "Research", "Society", "International", "Advanced"}
	name := func() string {
		var b strings.Builder
		for range 2 + rng.IntN(2) {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	fams := make([]string, 3000)
	for i := range fams {
		fams[i] = name()
	}
	type jour struct{ full, abbr string }
	jours := make([]jour, 200)
	for i := range jours {
		n := 2 + rng.IntN(3)
		var full, abbr []string
		for range n {
			w := jwords[rng.IntN(len(jwords))]
			full = append(full, w)
			abbr = append(abbr, strings.ToUpper(w[:min(len(w), 3+rng.IntN(3))]))
		}
		jours[i] = jour{strings.Join(full, " of "), strings.Join(abbr, " ")}
	}
	type work struct {
		fam, init, title, doi, vol, page string
		year                             int
		j                                jour
	}
	works := make([]work, 15000)
	for i := range works {
		w := work{fam: fams[rng.IntN(len(fams))], init: string(rune('A' + rng.IntN(26))),
			year: 1990 + rng.IntN(30), j: jours[rng.IntN(len(jours))],
			vol: strconv.Itoa(1 + rng.IntN(120)), page: strconv.Itoa(1 + rng.IntN(3000))}
		var t []string
		for range 5 + rng.IntN(6) {
			t = append(t, vocab[rng.IntN(len(vocab))])
		}
		w.title = strings.Join(t, " ")
		if rng.IntN(10) < 6 {
			w.doi = fmt.Sprintf("10.%d/syn.%d", 1000+rng.IntN(50), i)
		}
		works[i] = w
	}
	recs := make([]parse.Record, nRecs)
	line := 1
	for i := range recs {
		w := works[i]
		r := parse.Record{File: "syn.txt", Line: line, Title: w.title, Year: w.year, Venue: w.j.full,
			VenueAbbrev: w.j.abbr, Volume: w.vol, Pages: w.page, DOI: w.doi,
			Authors: []parse.Author{{Family: w.fam, Given: w.init}}}
		r.Source = "syn.txt:" + strconv.Itoa(line)
		line++
		for range refsPer {
			// popular works are cited more: the square skews towards low indexes
			k := int(float64(len(works)) * rng.Float64() * rng.Float64())
			c := works[k]
			ref := parse.Reference{Line: line, Authors: []parse.Author{{Family: c.fam, Given: c.init}}, Year: c.year}
			line++
			switch rng.IntN(10) {
			case 0, 1, 2, 3, 4:
				ref.Venue, ref.Volume, ref.Pages = c.j.abbr, c.vol, c.page
				if rng.IntN(2) == 0 {
					ref.DOI = c.doi
				}
				ref.Raw = fmt.Sprintf("%s %s, %d, %s, V%s, P%s", c.fam, c.init, c.year, c.j.abbr, c.vol, c.page)
			case 5, 6, 7:
				ref.Title, ref.Venue, ref.Volume, ref.Pages = c.title, c.j.full, c.vol, c.page+"-"+c.page+"9"
				ref.Raw = fmt.Sprintf("%s, %s. %s (%d) %s, %s", c.fam, c.init, c.title, c.year, c.j.full, c.vol)
			default:
				t := []byte(c.title)
				p := rng.IntN(len(t))
				t[p] = 'x'
				ref.Title, ref.Venue = string(t), c.j.full
				ref.Raw = fmt.Sprintf("%s %s (%d) %s. %s", c.fam, c.init, c.year, t, c.j.full)
			}
			r.References = append(r.References, ref)
		}
		r.Label = parse.MakeLabel(&r)
		recs[i] = r
	}
	return recs
}

// BenchmarkResolve resolves 10,000, 40,000 and 160,000 synthetic
// references (records of 40): the time per reference should stay about the
// same.
func BenchmarkResolve(b *testing.B) {
	for _, n := range []int{250, 1000, 4000} {
		recs := rsSynthetic(n, 40)
		b.Run(fmt.Sprintf("refs=%d", n*40), func(b *testing.B) {
			var res *Resolution
			for b.Loop() {
				res = Resolve(recs, nil)
			}
			b.ReportMetric(float64(len(res.Works)), "works")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(res.Stats.References), "ns/ref")
		})
	}
}

// TestResolveSynthetic checks the synthetic corpus resolves to about the
// works it was drawn from: every reference of one work in one group.
func TestResolveSynthetic(t *testing.T) {
	recs := rsSynthetic(300, 40)
	res := Resolve(recs, nil)
	// the truth: a reference's work is named by its author, year, volume and page
	key := func(fam, init string, year int, vol, page string) string {
		return fmt.Sprint(fam, init, year, vol, rsFirstPage(page))
	}
	workAt := map[string]int{}
	for i, w := range res.Works {
		for _, m := range w.Mentions {
			workAt[m.Source] = i
		}
	}
	byTruth := map[string]map[int]bool{}
	byWork := map[int]map[string]bool{}
	for _, r := range recs {
		for _, ref := range r.References {
			if ref.Volume == "" {
				continue // the typo style carries no volume to tell the truth by
			}
			k := key(ref.Authors[0].Family, ref.Authors[0].Given, ref.Year, ref.Volume, ref.Pages)
			w := workAt["syn.txt:"+strconv.Itoa(ref.Line)]
			if byTruth[k] == nil {
				byTruth[k] = map[int]bool{}
			}
			byTruth[k][w] = true
			if byWork[w] == nil {
				byWork[w] = map[string]bool{}
			}
			byWork[w][k] = true
		}
	}
	split, over := 0, 0
	for _, ws := range byTruth {
		split += len(ws) - 1
	}
	for _, ks := range byWork {
		over += len(ks) - 1
	}
	t.Logf("%d references, %d works, %d truth works split, %d works over-merged; by method %v",
		res.Stats.References, len(res.Works), split, over, res.Stats.ByMethod)
	if split > len(byTruth)/100 || over > 0 {
		t.Errorf("split %d of %d, over-merged %d", split, len(byTruth), over)
	}
}

// TestResolveCores checks that Resolve, which normalises the mentions and
// builds the works on every core, gives the same works, citations and
// account on one core as on several: the corpus is large enough to be
// cut into several chunks (rsChunkItems, rsRun).
func TestResolveCores(t *testing.T) {
	recs := rsSynthetic(1000, 40)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := Resolve(recs, nil)
	runtime.GOMAXPROCS(4)
	four := Resolve(recs, nil)
	if len(one.Works) < 1000 || !reflect.DeepEqual(one, four) {
		t.Errorf("1 core: %d works, %d citations; 4 cores: %d works, %d citations, or some field differs",
			len(one.Works), len(one.Citations), len(four.Works), len(four.Citations))
	}
}
