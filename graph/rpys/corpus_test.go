package rpys

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/internal/corpustest"
	"github.com/citegraph/citegraph/parse"
)

// crYear is the year field of a WoS cited reference: "AUTHOR, YEAR, SOURCE…"
// or, without an author, "YEAR, SOURCE…".
var crYear = regexp.MustCompile(`^(?:[^,]*, )?(\d{4}),`)

// rawYears counts, straight from a WoS plain-text file and without the
// project's reader, the distinct cited-reference strings of each record by
// year.
func rawYears(t *testing.T, path string) (map[int]int, int) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	counts := map[int]int{}
	total := 0
	seen := map[string]bool{}
	inCR := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		line := strings.TrimPrefix(sc.Text(), "\ufeff")
		switch {
		case strings.HasPrefix(line, "ER"):
			clear(seen)
			inCR = false
			continue
		case strings.HasPrefix(line, "CR "):
			inCR = true
		case !strings.HasPrefix(line, "   "):
			inCR = false
		}
		if !inCR {
			continue
		}
		cr := strings.TrimSpace(line[3:])
		key := strings.ToUpper(cr)
		if seen[key] {
			continue
		}
		seen[key] = true
		total++
		if m := crYear.FindStringSubmatch(cr); m != nil {
			y, _ := strconv.Atoi(m[1])
			counts[y]++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return counts, total
}

// TestCorpusCounts compares the spectrum of a real WoS export with a count
// of the raw file's cited references by year. They must agree except where
// citegraph counts on purpose by resolved work: references of one record
// that are one work (counted once), self-citations (dropped), and variants
// of a work whose years differ by one (counted in the work's year).
func TestCorpusCounts(t *testing.T) {
	for _, rel := range []string{"wos/python-bibx_bit-pattern-savedrecs.txt", "wos/wosfile_wos_plaintext.txt", "wos/metaknowledge_savedrecs.txt"} {
		path := corpustest.File(t, rel)
		raw, rawTotal := rawYears(t, path)
		res, err := parse.ReadFile(path, "")
		if err != nil {
			t.Fatal(err)
		}
		r := graph.Resolve(res.Records, nil)
		g := graph.New(r)
		sp := Compute(g, &Options{From: 1, To: 9999})
		if sp.Citations+sp.Undated+sp.Outside != len(g.Citations) {
			t.Errorf("%s: %d + %d + %d counted, %d citations", rel, sp.Citations, sp.Undated, sp.Outside, len(g.Citations))
		}
		diff, same, years := 0, 0, 0
		for _, y := range sp.Years {
			d := y.Citations - raw[y.Year]
			if d < 0 {
				d = -d
			}
			diff += d
			if y.Citations > 0 || raw[y.Year] > 0 {
				years++
				if d == 0 {
					same++
				}
			}
		}
		rawDated := 0
		for _, n := range raw {
			rawDated += n
		}
		// A reference whose own year (in its raw text) is not its work's
		// year moves one count to another year: two in the sum of
		// differences; one without a year of its own adds one.
		moved, dated := 0, 0
		for _, w := range g.Works {
			for _, m := range w.Mentions {
				if m.How == "record" {
					continue
				}
				mm := crYear.FindStringSubmatch(m.Raw)
				switch {
				case mm == nil && w.Year > 0:
					dated++
				case mm != nil && mm[1] != strconv.Itoa(w.Year):
					moved++
				}
			}
		}
		explained := 2*moved + dated + r.Stats.RepeatedRefs + r.Stats.SelfCitations
		t.Logf("%s: %d distinct references in the raw file, %d of them dated; citegraph counts %d dated citations, %d undated; "+
			"%d of %d years identical; sum of |differences| %d (%.2f%%), explained by %d references whose work has another year, "+
			"%d dated by their work, %d repeated, %d self-citations",
			rel, rawTotal, rawDated, sp.Citations, sp.Undated, same, years, diff, 100*float64(diff)/float64(rawDated),
			moved, dated, r.Stats.RepeatedRefs, r.Stats.SelfCitations)
		if diff > explained {
			t.Errorf("%s: the spectrum differs from the raw count by %d, more than the %d explained", rel, diff, explained)
		}
	}
}
