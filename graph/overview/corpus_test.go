package overview

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/internal/corpustest"
	"github.com/citegraph/citegraph/parse"
)

// rawRecord holds the fields of one WoS record as the file writes them.
type rawRecord map[string][]string

// rawWoS splits a WoS plain-text file into records of tag → lines, with no
// help from the project's reader: a line starts with a two-letter tag and a
// space, or with three spaces continuing the previous tag; "ER" ends a
// record.
func rawWoS(t *testing.T, path string) []rawRecord {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []rawRecord
	rec := rawRecord{}
	tag := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		line := strings.TrimPrefix(sc.Text(), "\ufeff")
		switch {
		case line == "ER":
			out = append(out, rec)
			rec, tag = rawRecord{}, ""
		case strings.HasPrefix(line, "   ") && tag != "":
			rec[tag] = append(rec[tag], strings.TrimSpace(line))
		case len(line) > 3 && line[2] == ' ':
			tag = line[:2]
			rec[tag] = append(rec[tag], strings.TrimSpace(line[3:]))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func (r rawRecord) one(tag string) string { return strings.Join(r[tag], " ") }

// rawAuthors returns a raw record's AF names (else AU) and, for each, the
// AU entry at the same place when AF and AU list as many ("" otherwise).
func rawAuthors(rec rawRecord) (names, au []string) {
	names, au = rec["AF"], rec["AU"]
	if len(names) == 0 {
		names = au
	}
	if len(au) != len(names) {
		au = make([]string, len(names))
	}
	return names, au
}

// rawAuthorKey turns a WoS AF value "Garcia-Lopez, Juan A." into
// "GARCIA LOPEZ JUAN A", an AU value "Garcia-Lopez, JA" or "Wong, R. T. J."
// into bibliometrix's "GARCIA LOPEZ JA", "WONG RTJ", and a name without a
// comma into "Given Family" order ("Vivian Ng" is "NG VIVIAN"), unless the
// family name of au, the AU entry at its place, begins it ("Wang Ying" with
// "Wang, Y" is "WANG YING"). Apostrophes
// are dropped (the shared files are ASCII). It also returns the family
// part, the given part and whether that is initials.
func rawAuthorKey(name, au string) (key, family, given string, initials bool) {
	name = strings.ReplaceAll(name, "'", "")
	fam, giv, ok := strings.Cut(name, ",")
	if !ok {
		f := strings.Fields(name)
		auFam, _, _ := strings.Cut(strings.ReplaceAll(au, "'", ""), ",")
		a := strings.Fields(auFam)
		switch {
		case strings.Contains(au, ",") && len(a) > 0 && len(a) < len(f) &&
			strings.EqualFold(strings.Join(f[:len(a)], " "), strings.Join(a, " ")):
			// family first, as AU shows ("Wang Ying", AU "Wang, Y")
			fam, giv = strings.Join(f[:len(a)], " "), strings.Join(f[len(a):], " ")
		case len(f) > 1:
			fam, giv = f[len(f)-1], strings.Join(f[:len(f)-1], " ")
		}
	}
	words := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return !('A' <= r && r <= 'Z' || 'a' <= r && r <= 'z') })
	}
	family = strings.ToUpper(strings.Join(words(fam), " "))
	g := words(giv)
	if len(g) == 0 {
		return family, family, "", false
	}
	initials = true
	for _, w := range g {
		initials = initials && (len(w) == 1 || len(w) <= 3 && w == strings.ToUpper(w))
	}
	if initials {
		given = strings.ToUpper(strings.Join(g, ""))
	} else {
		given = strings.ToUpper(strings.Join(g, " "))
	}
	return family + " " + given, family, given, initials
}

// TestCorpusIndependent compares the overview of real WoS exports with
// counts made straight from the files (rawWoS): documents, years, types,
// citations, sources, keywords, authors (full and fractional), Lotka's fit
// and h-indexes. Author keys come from the AU field there and from the
// full names (AF, else AU) on both sides, and an initials key counts
// under the single full name that it abbreviates.
func TestCorpusIndependent(t *testing.T) {
	for _, rel := range []string{"wos/python-bibx_bit-pattern-savedrecs.txt", "wos/wosfile_wos_plaintext.txt", "wos/metaknowledge_savedrecs.txt"} {
		path := corpustest.File(t, rel)
		raw := rawWoS(t, path)
		res, err := parse.ReadFile(path, "")
		if err != nil {
			t.Fatal(err)
		}
		r := graph.Resolve(res.Records, nil)
		g := graph.New(r)
		ov := Compute(g, len(res.Records), r.Stats.References, &Options{Top: 1 << 30})
		if ov.Documents != len(raw)-r.Stats.DuplicatesMerged || ov.Records != len(raw) {
			t.Errorf("%s: %d documents of %d records, raw %d records, %d duplicates", rel, ov.Documents, ov.Records, len(raw), r.Stats.DuplicatesMerged)
		}

		years, types, sources := map[int]int{}, map[string]int{}, map[string]int{}
		keywords, index := map[string]int{}, map[string]int{}
		addressed := 0 // records with an address (C1, else RP)
		sumTC, nTC := 0, 0
		for _, rec := range raw {
			y, _ := strconv.Atoi(rec.one("PY"))
			years[y]++
			types[wosKind[strings.ToLower(rec.one("DT"))]]++
			sources[strings.ToUpper(rec.one("SO"))]++
			if tc, err := strconv.Atoi(rec.one("TC")); err == nil {
				sumTC += tc
				nTC++
			}
			for tag, tally := range map[string]map[string]int{"DE": keywords, "ID": index} {
				seen := map[string]bool{}
				for _, k := range strings.Split(rec.one(tag), ";") {
					if k = keyOf(k); k != "" && !seen[k] {
						seen[k] = true
						tally[k]++
					}
				}
			}
			if len(rec["C1"]) > 0 || len(rec["RP"]) > 0 {
				addressed++
			}
		}
		for _, p := range ov.Production {
			if p.Documents != years[p.Year] {
				t.Errorf("%s: %d: %d documents, raw %d", rel, p.Year, p.Documents, years[p.Year])
			}
		}
		if len(ov.Types) != len(types) {
			t.Errorf("%s: %d types, raw %d", rel, len(ov.Types), len(types))
		}
		for _, c := range ov.Types {
			if types[c.Name] != c.Count {
				t.Errorf("%s: type %q: %d, raw %d", rel, c.Name, c.Count, types[c.Name])
			}
		}
		if ov.WithCitations != nTC || math.Abs(ov.CitationsPerDoc-float64(sumTC)/float64(nTC)) > 1e-9 {
			t.Errorf("%s: %d documents with TC averaging %.4f; raw %d averaging %.4f", rel, ov.WithCitations, ov.CitationsPerDoc, nTC, float64(sumTC)/float64(nTC))
		}
		if ov.Sources != len(sources) {
			t.Errorf("%s: %d sources, raw %d", rel, ov.Sources, len(sources))
		}
		for _, s := range ov.TopSources {
			if sources[strings.ToUpper(s.Name)] != s.Documents {
				t.Errorf("%s: source %q: %d, raw %d", rel, s.Name, s.Documents, sources[strings.ToUpper(s.Name)])
			}
		}
		if ov.Keywords != len(keywords) || ov.IndexKeywords != len(index) {
			t.Errorf("%s: %d author and %d index keywords, raw %d and %d", rel, ov.Keywords, ov.IndexKeywords, len(keywords), len(index))
		}
		for _, k := range ov.TopKeywords {
			if keywords[keyOf(k.Name)] != k.Count {
				t.Errorf("%s: keyword %q: %d, raw %d", rel, k.Name, k.Count, keywords[keyOf(k.Name)])
			}
		}
		for _, k := range ov.TopIndexKeywords {
			if index[keyOf(k.Name)] != k.Count {
				t.Errorf("%s: index keyword %q: %d, raw %d", rel, k.Name, k.Count, index[keyOf(k.Name)])
			}
		}
		// every addressed record counts for one country, by its first author
		withCountry, single, multiple := 0, 0, 0
		for _, c := range ov.Countries {
			withCountry += c.Documents
			single += c.Single
			multiple += c.Multiple
		}
		t.Logf("%s: %d documents in %d countries (%d single-, %d multiple-country), %d records with an address",
			rel, withCountry, len(ov.Countries), single, multiple, addressed)
		if withCountry != addressed || single+multiple != withCountry {
			t.Errorf("%s: %d documents with a country, %d records with an address", rel, withCountry, addressed)
		}

		// authors from AU, with their documents' TC
		type tally struct {
			docs int
			frac float64
			tc   []int
		}
		// an initials key counts under the one full name of its family
		// whose initials begin with it, if there is exactly one
		type parts struct {
			family, given string
			initials      bool
		}
		names := map[string]parts{}
		for _, rec := range raw {
			list, au := rawAuthors(rec)
			for i, n := range list {
				k, f, g, ini := rawAuthorKey(n, au[i])
				names[k] = parts{f, g, ini}
			}
		}
		canonical := func(k string) string {
			p := names[k]
			if !p.initials {
				return k
			}
			var match []string
			for k2, q := range names {
				if q.family != p.family || q.initials || q.given == "" {
					continue
				}
				abbr := ""
				for _, w := range strings.Fields(q.given) {
					abbr += w[:1]
				}
				if strings.HasPrefix(abbr, p.given) {
					match = append(match, k2)
				}
			}
			if len(match) == 1 {
				return match[0]
			}
			return k
		}
		authors := map[string]*tally{}
		appear := 0
		for _, rec := range raw {
			keys := map[string]bool{}
			list, au := rawAuthors(rec)
			for i, n := range list {
				k, _, _, _ := rawAuthorKey(n, au[i])
				keys[canonical(k)] = true
			}
			tc, _ := strconv.Atoi(rec.one("TC"))
			appear += len(keys)
			for k := range keys {
				a := authors[k]
				if a == nil {
					a = &tally{}
					authors[k] = a
				}
				a.docs++
				a.frac += 1 / float64(len(keys))
				a.tc = append(a.tc, tc)
			}
		}
		differ := 0
		for _, a := range ov.TopAuthors {
			w := authors[a.Key]
			if w == nil || w.docs != a.Documents || math.Abs(w.frac-a.Fractional) > 1e-9 || rawH(w.tc) != a.H {
				differ++
			}
		}
		t.Logf("%s: %d authors (raw AF %d), %d appearances (raw %d); %d authors whose key, documents, fractional count or h-index differ",
			rel, ov.Authors, len(authors), ov.AuthorAppearances, appear, differ)
		if differ > 0 || ov.Authors != len(authors) || ov.AuthorAppearances != appear {
			t.Errorf("%s: %d of %d authors differ from the raw AF count", rel, differ, len(authors))
		}

		// Lotka's fit by the normal equations over the raw production
		byN := map[int]int{}
		for _, a := range authors {
			byN[a.docs]++
		}
		var sx, sy, sxx, sxy, syy, n float64
		for d, k := range byN {
			x, y := math.Log10(float64(d)), math.Log10(float64(k)/float64(len(authors)))
			sx, sy, sxx, sxy, syy, n = sx+x, sy+y, sxx+x*x, sxy+x*y, syy+y*y, n+1
		}
		b := (n*sxy - sx*sy) / (n*sxx - sx*sx)
		a := (sy - b*sx) / n
		r2 := math.Pow(n*sxy-sx*sy, 2) / ((n*sxx - sx*sx) * (n*syy - sy*sy))
		t.Logf("%s: Lotka β %.4f C %.4f R² %.4f; raw β %.4f C %.4f R² %.4f", rel, ov.Lotka.Beta, ov.Lotka.C, ov.Lotka.R2, -b, math.Pow(10, a), r2)
		if differ == 0 && (math.Abs(ov.Lotka.Beta+b) > 1e-9 || math.Abs(ov.Lotka.C-math.Pow(10, a)) > 1e-9 || math.Abs(ov.Lotka.R2-r2) > 1e-9) {
			t.Errorf("%s: Lotka fit differs from the raw count's", rel)
		}
	}
}

// keyOf folds a keyword: lower case, runs of anything but letters and
// digits one space ("Bit-patterned media" = "bit patterned media").
func keyOf(k string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(k), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r > 127)
	}), " ")
}

// rawH is the h-index of citation counts, counted the slow way.
func rawH(tc []int) int {
	h := 0
	for k := 1; k <= len(tc); k++ {
		n := 0
		for _, c := range tc {
			if c >= k {
				n++
			}
		}
		if n >= k {
			h = k
		}
	}
	return h
}

// wosKind is the kind of document each WoS document type (DT) of the
// shared files names, written out by hand from WoS's vocabulary: an
// article also given at a conference is an article; a meeting abstract
// is a conference paper. A type missing here counts under "" and fails
// the comparison.
var wosKind = map[string]string{"article": "Article", "article; proceedings paper": "Article", "review": "Review",
	"proceedings paper": "Conference paper", "meeting abstract": "Conference paper", "editorial material": "Editorial"}
