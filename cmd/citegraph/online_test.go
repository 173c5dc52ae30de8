package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/citegraph/citegraph/parse"
	"github.com/citegraph/citegraph/parse/fetch/fetchtest"
)

// The real APIs' answers for the seeds' DOIs are not in the shared
// corpora, so seedReplay builds them from what the test can derive from the
// seed pages themselves, as citegraph reads them, and nothing else:
//
//   - 10.1111/1467-9566.00352 (the Scilit page): its title, year and venue,
//     and 35 references, as the page declares; the 10 the page lists are
//     described by their title (in sentence case, as databases often give
//     titles the page capitalises), year and venue, and carry identifiers
//     no real work has: OpenAlex ids W9000000001… and DOIs under Crossref's
//     test prefix 10.5555. The other 25 are unknown to the page, so the
//     replay server does not know them either (they stay bare ids).
//   - 10.1016/j.socscimed.2025.118314 (EconPapers): title, authors, year
//     and venue as on the page; no references (the page shows none).
//   - 10.1111/hsc.12538: the page gives no title, so the work is known by
//     its identifiers alone.
//
// What this proves: a fetched work and its fetched reference list meet the
// scraped record and its scraped references through the normal readers
// and resolution, not that OpenAlex or Crossref know these papers.
func seedReplay(t *testing.T, source string) *fetchtest.Server {
	t.Helper()
	srv := fetchtest.New()
	t.Cleanup(srv.Close)
	var seed []parse.Record
	for _, f := range []string{"000_554c40267265d8d9.txt", "001_41659ee3af83aba2.txt"} {
		res, err := parse.ReadFile(filepath.Join(repoRoot, "seeds", f), "")
		if err != nil || len(res.Records) != 1 {
			t.Fatalf("seed %s: %v", f, err)
		}
		seed = append(seed, res.Records[0])
	}
	scilit, econ := seed[0], seed[1]
	if len(scilit.References) != 10 || scilit.RefsDeclared == nil || *scilit.RefsDeclared != 35 {
		t.Fatalf("the Scilit page reads as %d of %v references, the test expects 10 of 35", len(scilit.References), scilit.RefsDeclared)
	}
	add := func(raw map[string]any) {
		b, _ := json.Marshal(raw)
		var err error
		if source == "crossref" {
			err = srv.AddCrossref(b)
		} else {
			err = srv.AddOpenAlex(b)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	oaID := func(n int) string { return fmt.Sprintf("https://openalex.org/W%d", 9000000000+n) }
	testDOI := func(n int) string { return fmt.Sprintf("10.5555/citegraph-test.%d", n) }
	if source == "crossref" {
		var refs []map[string]any
		for i, r := range scilit.References {
			refs = append(refs, map[string]any{"key": fmt.Sprintf("ref%d", i+1), "DOI": testDOI(i + 1),
				"article-title": sentenceCase(r.Title), "journal-title": r.Venue, "year": fmt.Sprint(r.Year)})
		}
		add(map[string]any{"DOI": scilit.DOI, "title": []string{scilit.Title}, "container-title": []string{scilit.Venue},
			"issued": map[string]any{"date-parts": [][]int{{scilit.Year}}}, "reference-count": 35, "references-count": 35,
			"reference": refs, "type": "journal-article"})
		var authors []map[string]any
		for _, a := range econ.Authors {
			authors = append(authors, map[string]any{"family": a.Family, "given": a.Given})
		}
		add(map[string]any{"DOI": econ.DOI, "title": []string{econ.Title}, "container-title": []string{econ.Venue},
			"author": authors, "issued": map[string]any{"date-parts": [][]int{{econ.Year}}}, "type": "journal-article"})
		add(map[string]any{"DOI": "10.1111/hsc.12538", "type": "journal-article"})
		return srv
	}
	var refIDs []string
	for i := 1; i <= 35; i++ {
		refIDs = append(refIDs, oaID(i))
	}
	add(map[string]any{"id": oaID(0), "doi": "https://doi.org/" + scilit.DOI, "title": scilit.Title, "display_name": scilit.Title,
		"publication_year": scilit.Year, "primary_location": map[string]any{"source": map[string]any{"display_name": scilit.Venue}},
		"referenced_works": refIDs, "referenced_works_count": 35, "type": "article"})
	for i, r := range scilit.References {
		add(map[string]any{"id": oaID(i + 1), "doi": "https://doi.org/" + testDOI(i+1), "title": sentenceCase(r.Title),
			"display_name": sentenceCase(r.Title), "publication_year": r.Year,
			"primary_location": map[string]any{"source": map[string]any{"display_name": r.Venue}}, "referenced_works": []string{}})
	}
	var authorships []map[string]any
	for _, a := range econ.Authors {
		authorships = append(authorships, map[string]any{"author": map[string]any{"display_name": a.String()}})
	}
	add(map[string]any{"id": oaID(100), "doi": "https://doi.org/" + econ.DOI, "title": econ.Title, "display_name": econ.Title,
		"publication_year": econ.Year, "authorships": authorships,
		"primary_location": map[string]any{"source": map[string]any{"display_name": econ.Venue}}, "referenced_works": []string{}})
	add(map[string]any{"id": oaID(101), "doi": "https://doi.org/10.1111/hsc.12538", "referenced_works": []string{}})
	return srv
}

// sentenceCase keeps a title's first letter and lowers the rest.
func sentenceCase(s string) string {
	r := []rune(strings.ToLower(s))
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// useReplay points citegraph at srv, and the default cache folder at a
// temporary one.
func useReplay(t *testing.T, srv *fetchtest.Server) {
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", home)
	t.Setenv("HOME", home)
	t.Setenv(envOpenAlexURL, srv.OpenAlexURL())
	t.Setenv(envCrossrefURL, srv.CrossrefURL())
	t.Setenv(envMailto, "")
	t.Setenv(envAPIKey, "")
}

// exported is the part of citegraph export's JSON the tests read.
type exported struct {
	Works []struct {
		ID         string            `json:"id"`
		InCorpus   bool              `json:"in_corpus"`
		Title      string            `json:"title"`
		Year       int               `json:"year"`
		DOI        string            `json:"doi"`
		IDs        map[string]string `json:"ids"`
		RefsListed int               `json:"refs_listed"`
		Mentions   []struct {
			Source string `json:"source"`
			How    string `json:"how"`
		} `json:"mentions"`
	} `json:"works"`
	Citations []struct {
		From, To string
	} `json:"citations"`
}

func exportJSON(t *testing.T, args ...string) exported {
	t.Helper()
	stdout, stderr, err := citegraph(t, append([]string{"export", "-format", "json"}, args...)...)
	if err != nil {
		t.Fatalf("citegraph export %v: %v\n%s", args, err, stderr)
	}
	var ex exported
	if err := json.Unmarshal([]byte(stdout), &ex); err != nil {
		t.Fatal(err)
	}
	return ex
}

// TestFetchSeeds: with -fetch, the seeds' DOIs are looked up, the Scilit
// page's 10 references meet their fetched twins, the 25 it does not list
// join the graph as bare ids, and a second run asks nothing.
func TestFetchSeeds(t *testing.T) {
	for _, source := range []string{"openalex", "crossref"} {
		t.Run(source, func(t *testing.T) {
			srv := seedReplay(t, source)
			useReplay(t, srv)
			cache := t.TempDir()
			ex := exportJSON(t, "-fetch", source, "-cache", cache, "seeds")
			first := srv.Count()
			// one request for the three DOIs; with OpenAlex one more for
			// the 35 referenced works, known by id alone
			if want := map[string]int{"openalex": 2, "crossref": 1}[source]; first != want {
				t.Errorf("%d requests, want %d: %v", first, want, srv.Requests())
			}
			byID := map[string]int{}
			for i, w := range ex.Works {
				byID[w.ID] = i
			}
			seedWork := ex.Works[byID["doi:10.1111/1467-9566.00352"]]
			wantRefs := map[string]int{"openalex": 35, "crossref": 10}[source]
			if seedWork.RefsListed != wantRefs {
				t.Errorf("the Scilit seed cites %d works, want %d", seedWork.RefsListed, wantRefs)
			}
			if len(seedWork.Mentions) != 2 || !strings.HasPrefix(seedWork.Mentions[1].Source, cache) {
				t.Errorf("the Scilit seed's mentions %+v: want the page and the fetched record", seedWork.Mentions)
			}
			joined := 0
			for i := 1; i <= 10; i++ {
				k, ok := byID[fmt.Sprintf("doi:10.5555/citegraph-test.%d", i)]
				if !ok {
					t.Errorf("reference %d has no work with its fetched DOI", i)
					continue
				}
				w := ex.Works[k]
				var page, fetched bool
				for _, m := range w.Mentions {
					page = page || strings.HasPrefix(m.Source, "seeds/000_")
					fetched = fetched || strings.HasPrefix(m.Source, cache)
				}
				if page && fetched && len(w.Mentions) == 2 {
					joined++
				} else {
					t.Errorf("reference %d (%s): mentions %+v, want the page's and the fetched one", i, w.Title, w.Mentions)
				}
			}
			if joined != 10 {
				t.Errorf("%d of the page's 10 references met their fetched twin", joined)
			}
			econ := ex.Works[byID["doi:10.1016/j.socscimed.2025.118314"]]
			hsc := ex.Works[byID["doi:10.1111/hsc.12538"]]
			if len(econ.Mentions) != 2 || len(hsc.Mentions) != 2 {
				t.Errorf("the other seeds were not enriched: %+v %+v", econ.Mentions, hsc.Mentions)
			}
			if source == "openalex" && (hsc.IDs["openalex"] != "W9000000101" || econ.IDs["openalex"] != "W9000000100") {
				t.Errorf("OpenAlex ids not added: %v %v", hsc.IDs, econ.IDs)
			}

			// the second run asks nothing and says where the works came from
			stdout, stderr, err := citegraph(t, "-fetch", source, "-cache", cache, "-out", "", "-width", "100", "-color", "never", "seeds")
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			if srv.Count() != first {
				t.Errorf("the second run made %d requests, want 0", srv.Count()-first)
			}
			want := map[string]string{
				"openalex": "Looked up in OpenAlex: 3 of 6 records (3 have no DOI or id), 3 found, adding 35 references. 10 of 35 references known by an identifier alone were described by OpenAlex (title, authors, year…). 13 works from the cache",
				"crossref": "Looked up in Crossref: 3 of 6 records (3 have no DOI or id), 3 found, adding 10 references. 3 works from the cache",
			}[source]
			if os.Getenv("SHOW") != "" {
				t.Log(stdout)
			}
			if !strings.Contains(strings.Join(strings.Fields(stdout), " "), want) {
				t.Errorf("report lacks %q:\n%s", want, stdout)
			}
		})
	}
}

const pageFile = "openalex/Academic-Explorer_page__3D__1__26__per_page__3D__50.json"

// pageReplay serves the works of the OpenAlex corpus page, and returns
// them decoded and raw, by short id.
func pageReplay(t *testing.T) (*fetchtest.Server, map[string]fetchtest.Work, map[string]json.RawMessage) {
	t.Helper()
	path := fetchtest.Corpus(t, pageFile)
	srv := fetchtest.New()
	t.Cleanup(srv.Close)
	if _, err := srv.LoadOpenAlex(path); err != nil {
		t.Fatal(err)
	}
	list, raws := fetchtest.OpenAlexWorks(t, path)
	works := map[string]fetchtest.Work{}
	for _, w := range list {
		works[w.Short()] = w
	}
	return srv, works, raws
}

// writeWorks writes the given raw works as an OpenAlex list response in a
// temporary file, the input of a test run.
func writeWorks(t *testing.T, raws map[string]json.RawMessage, ids ...string) string {
	t.Helper()
	var list []json.RawMessage
	for _, id := range ids {
		list = append(list, raws[id])
	}
	data, _ := json.Marshal(map[string]any{"meta": map[string]any{"count": len(list)}, "results": list})
	p := filepath.Join(t.TempDir(), "works.json")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

var markup = regexp.MustCompile(`<[^>]*>`)

// TestFetchBareIDs: the works of an OpenAlex export cite others by id
// alone; -fetch gives those their titles and years, in batches of 50.
func TestFetchBareIDs(t *testing.T) {
	srv, works, raws := pageReplay(t)
	useReplay(t, srv)
	// the input: the works of the page that cite other works of the page;
	// the cited ones that are not in the input become bare ids
	var input []string
	for id, w := range works {
		for _, r := range w.Refs {
			if _, ok := works[r]; ok {
				input = append(input, id)
				break
			}
		}
	}
	slices.Sort(input)
	inInput := map[string]bool{}
	for _, id := range input {
		inInput[id] = true
	}
	bare := map[string]bool{}
	var want []string
	for _, id := range input {
		for _, r := range works[id].Refs {
			bare[r] = !inInput[r]
			if _, ok := works[r]; ok && !inInput[r] && !slices.Contains(want, r) {
				want = append(want, r)
			}
		}
	}
	nBare := 0
	for _, b := range bare {
		if b {
			nBare++
		}
	}
	file := writeWorks(t, raws, input...)
	ex := exportJSON(t, "-fetch", "openalex", "-cache", t.TempDir(), file)
	if n, want := srv.Count(), (nBare+49)/50; n != want {
		t.Errorf("%d requests for %d distinct bare ids, want %d", n, nBare, want)
	}
	if len(want) < 5 {
		t.Fatalf("only %d cited works outside the input: the corpus changed?", len(want))
	}
	found := 0
	for _, w := range ex.Works {
		id := w.IDs["openalex"]
		if !slices.Contains(want, id) {
			continue
		}
		found++
		if w.InCorpus || w.Title != markup.ReplaceAllString(works[id].DisplayName, "") || w.Year != works[id].Year {
			t.Errorf("%s: %q %d (in corpus %v), want %q %d cited only", id, w.Title, w.Year, w.InCorpus, works[id].DisplayName, works[id].Year)
		}
	}
	if found != len(want) {
		t.Errorf("%d of the %d cited works found in the graph", found, len(want))
	}
}

// chainScores ranks the candidates of an expansion independently of
// package chain, from the works' referenced_works: each seed citing the
// work or cited by it, each pool work citing it with a seed (per seed),
// each reference shared with a seed (per seed), each citation from a
// pool work that is not a seed count one.
func chainScores(works map[string]fetchtest.Work, seeds, pool []string) map[string]int {
	refs := func(id string) map[string]bool {
		m := map[string]bool{}
		for _, r := range works[id].Refs {
			m[r] = true
		}
		return m
	}
	citers := func(id string) map[string]bool {
		m := map[string]bool{}
		for _, p := range pool {
			if refs(p)[id] {
				m[p] = true
			}
		}
		return m
	}
	common := func(a, b map[string]bool) int {
		n := 0
		for k := range a {
			if b[k] {
				n++
			}
		}
		return n
	}
	scores := map[string]int{}
	for _, c := range pool {
		if slices.Contains(seeds, c) {
			continue
		}
		score := 0
		for _, s := range seeds {
			if refs(c)[s] {
				score++
			}
			if refs(s)[c] {
				score++
			}
			score += common(citers(c), citers(s)) + common(refs(c), refs(s))
		}
		for p := range citers(c) {
			if !slices.Contains(seeds, p) {
				score++
			}
		}
		scores[c] = score
	}
	return scores
}

// TestExpand: citegraph expand from two seeds of the OpenAlex page (VGG
// and AlexNet): their references and citing works known to the replay
// server are ranked as an independent count ranks them, each with its
// reasons, shown by explain; a second run, and an offline one, ask nothing.
func TestExpand(t *testing.T) {
	srv, works, raws := pageReplay(t)
	useReplay(t, srv)
	seeds := []string{"W1686810756", "W2163605009"}
	file := writeWorks(t, raws, seeds...)
	// the pool as the APIs would give it: references found, citing works
	pool := slices.Clone(seeds)
	for _, s := range seeds {
		for _, r := range works[s].Refs {
			if _, ok := works[r]; ok && !slices.Contains(pool, r) {
				pool = append(pool, r)
			}
		}
	}
	for id, w := range works {
		for _, s := range seeds {
			if slices.Contains(w.Refs, s) && !slices.Contains(pool, id) {
				pool = append(pool, id)
			}
		}
	}
	scores := chainScores(works, seeds, pool)
	if len(scores) != 3 {
		t.Fatalf("the corpus gives %d candidates, the test expects 3", len(scores))
	}
	cache := t.TempDir()
	args := []string{"-fetch", "openalex", "-cache", cache, "-max", "10", "-out", "", "-format", "json", file}
	stdout, stderr, err := citegraph(t, append([]string{"expand"}, args...)...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var rep struct {
		Enrichment struct {
			Requests  int `json:"requests"`
			Expansion struct {
				Candidates int `json:"candidates"`
				Added      []struct {
					ID      string   `json:"id"`
					Score   int      `json:"score"`
					Reasons []string `json:"reasons"`
				} `json:"added"`
			} `json:"expansion"`
		} `json:"enrichment"`
		Ranking []struct{ ID string } `json:"ranking"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	x := rep.Enrichment.Expansion
	if x.Candidates != 3 || len(x.Added) != 3 {
		t.Fatalf("expansion %+v, want the 3 candidates added", x)
	}
	last := 1 << 30
	for _, a := range x.Added {
		id := ""
		for w := range scores {
			if a.ID == "openalex:"+w || works[w].DOI != "" && a.ID == "doi:"+strings.TrimPrefix(works[w].DOI, "https://doi.org/") {
				id = w
			}
		}
		if id == "" || a.Score != scores[id] || a.Score > last || len(a.Reasons) == 0 {
			t.Errorf("added %s score %d (%v), want one of %v in score order", a.ID, a.Score, a.Reasons, scores)
		}
		last = a.Score
	}
	requests := srv.Count()
	if requests != rep.Enrichment.Requests {
		t.Errorf("report says %d requests, the server counted %d", rep.Enrichment.Requests, requests)
	}

	// explain shows why ResNet was added
	out, stderr, err := citegraph(t, "explain", "-expand", "-fetch", "openalex", "-cache", cache, "-max", "10", "W2194775991", "--", file)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(out, "added by citation chaining: #1, score "+fmt.Sprint(scores["W2194775991"])+", step 1: cites seeds ") {
		t.Errorf("explain lacks the provenance:\n%s", out)
	}
	// the same expansion again, then offline: no request, same result
	same := func(out string) bool {
		var a, b map[string]any
		json.Unmarshal([]byte(out), &a)
		json.Unmarshal([]byte(stdout), &b)
		pick := func(m map[string]any) string {
			x, _ := json.Marshal([]any{m["ranking"], m["enrichment"].(map[string]any)["expansion"], m["works"], m["citations"]})
			return string(x)
		}
		return a != nil && pick(a) == pick(b)
	}
	for _, extra := range [][]string{nil, {"-offline"}} {
		again, _, err := citegraph(t, append(append([]string{"expand"}, extra...), args...)...)
		if err != nil || !same(again) {
			t.Errorf("expand %v again: %v, or another result", extra, err)
		}
	}
	if srv.Count() != requests {
		t.Errorf("the second and offline runs made %d requests, want 0", srv.Count()-requests)
	}
}

// TestOfflineColdCache: -offline with an empty cache sends nothing, runs,
// and says what it could not look up.
func TestOfflineColdCache(t *testing.T) {
	srv := seedReplay(t, "openalex")
	useReplay(t, srv)
	stdout, stderr, err := citegraph(t, "-offline", "-cache", t.TempDir(), "-out", "", "-width", "100", "-color", "never", "seeds")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if srv.Count() != 0 {
		t.Errorf("-offline made %d requests", srv.Count())
	}
	flat := strings.Join(strings.Fields(stdout), " ")
	for _, want := range []string{"Looked up in OpenAlex (offline: from the cache only): 3 of 6 records", "3 not asked",
		"3 lookups not in the cache: run once with -fetch openalex and without -offline."} {
		if !strings.Contains(flat, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "3 lookups not in the cache") {
		t.Errorf("stderr lacks the note: %s", stderr)
	}
	// expand offline with a cold cache adds nothing, and says so
	stdout, _, err = citegraph(t, "expand", "-offline", "-cache", t.TempDir(), "-out", "", "-width", "100", "-color", "never", "seeds")
	if err != nil || !strings.Contains(stdout, "No work connected to the seeds was found.") || srv.Count() != 0 {
		t.Errorf("expand -offline, cold cache: %v, %d requests\n%s", err, srv.Count(), stdout)
	}
}

// TestCacheImport: files the user has fill the cache; an offline run then
// finds their works.
func TestCacheImport(t *testing.T) {
	srv, works, raws := pageReplay(t)
	useReplay(t, srv)
	cache := t.TempDir()
	stdout, stderr, err := citegraph(t, "cache", "import", "-cache", cache, fetchtest.Corpus(t, pageFile))
	if err != nil || !strings.Contains(stdout, "50 openalex works stored") {
		t.Fatalf("import: %v\n%s%s", err, stdout, stderr)
	}
	// an input citing a page work by id alone, looked up offline
	var citing string
	for id, w := range works {
		if slices.Contains(w.Refs, "W1970127494") {
			citing = id
			break
		}
	}
	ex := exportJSON(t, "-offline", "-cache", cache, writeWorks(t, raws, citing))
	for _, w := range ex.Works {
		if w.IDs["openalex"] == "W1970127494" && w.Title != works["W1970127494"].DisplayName {
			t.Errorf("W1970127494 titled %q, want %q", w.Title, works["W1970127494"].DisplayName)
		}
	}
	if srv.Count() != 0 {
		t.Errorf("%d requests", srv.Count())
	}
	out, _, err := citegraph(t, "cache", "-cache", cache)
	if err != nil || !strings.Contains(out, "openalex  openalex       50 entries") {
		t.Errorf("cache summary: %v\n%s", err, out)
	}
	if _, _, err := citegraph(t, "cache", "import"); err == nil {
		t.Error("cache import without files accepted")
	}
}

// TestOnlineUsage: the flags are checked before anything runs.
func TestOnlineUsage(t *testing.T) {
	for _, args := range [][]string{
		{"expand", "seeds"},                                    // no -fetch nor -offline
		{"-fetch", "scopus", "seeds"},                          // unknown source
		{"expand", "-fetch", "openalex", "-depth", "3"},        // depth
		{"expand", "-fetch", "openalex", "-direction", "up"},   // direction
		{"expand", "-fetch", "openalex", "-max", "0"},          // max
		{"expand", "-fetch", "crossref", "-direction", "both"}, // crossref has no cited-by
		{"cache", "export"},
	} {
		if _, err := parseArgs(args, io.Discard); !errors.Is(err, errUsage) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	cfg, err := parseArgs([]string{"expand", "-fetch", "openalex", "W2741809807", "10.7717/peerj.4375", "seeds"}, io.Discard)
	if err != nil || !cfg.Expand || cfg.Command != "report" || !slices.Equal(cfg.SeedIDs, []string{"openalex:W2741809807", "doi:10.7717/peerj.4375"}) ||
		!slices.Equal(cfg.Paths, []string{"seeds"}) {
		t.Errorf("expand with ids: %+v %v", cfg, err)
	}
}

// TestNoRequestWithoutFetch: without -fetch or -offline no command asks
// the configured servers anything, nor touches a cache.
func TestNoRequestWithoutFetch(t *testing.T) {
	srv := seedReplay(t, "openalex")
	useReplay(t, srv)
	home := os.Getenv("HOME")
	out := t.TempDir()
	for _, args := range noFetchRuns(out) {
		if _, stderr, err := citegraph(t, args...); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr)
		}
	}
	if srv.Count() != 0 {
		t.Errorf("%d requests without -fetch", srv.Count())
	}
	if entries, _ := os.ReadDir(home); len(entries) != 0 {
		t.Errorf("the cache folder was touched: %v", entries)
	}
}

// noFetchRuns are command lines that must not use the network.
func noFetchRuns(out string) [][]string {
	return [][]string{
		{"-out", out, "-width", "100", "-color", "never", "seeds"},
		{"records", "seeds"},
		{"export", "-format", "dot", "seeds"},
		{"explain", "subtle governance"},
	}
}

// TestNoSocketWithoutFetch runs the citegraph binary under strace: without
// -fetch it makes no socket at all; with -fetch (the control) it does.
func TestNoSocketWithoutFetch(t *testing.T) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace not installed")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "citegraph")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	srv := seedReplay(t, "openalex")
	trace := func(args ...string) string {
		t.Helper()
		log := filepath.Join(t.TempDir(), "strace.log")
		cmd := exec.Command(strace, append([]string{"-f", "-qq", "-e", "trace=socket,connect", "-o", log, bin}, args...)...)
		cmd.Dir = repoRoot
		cmd.Env = append(os.Environ(), envOpenAlexURL+"="+srv.OpenAlexURL(), "HOME="+t.TempDir(), "XDG_CACHE_HOME="+t.TempDir())
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("strace citegraph %v: %v\n%s", args, err, out)
		}
		data, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	control := trace("-fetch", "openalex", "-cache", t.TempDir(), "-out", "", "seeds")
	if !strings.Contains(control, "socket(AF_INET") {
		t.Skipf("strace does not see the sockets of a -fetch run (ptrace restricted?):\n%s", control)
	}
	for _, args := range noFetchRuns(t.TempDir()) {
		if log := trace(args...); strings.Contains(log, "socket(") {
			t.Errorf("citegraph %v opened a socket:\n%s", args, log)
		}
	}
}

// TestExpandCrossrefByID: a seed named by its DOI, chained backward through
// Crossref: of its references, the replay server knows the two works of
// the same corpus file (10.1016/j.websem…), which are added, ranked as an
// independent count of their links to the seed ranks them.
func TestExpandCrossrefByID(t *testing.T) {
	srv := fetchtest.New()
	t.Cleanup(srv.Close)
	path := fetchtest.Corpus(t, "crossref/opencitations-index_crossref_dump.json")
	if _, err := srv.LoadCrossref(path); err != nil {
		t.Fatal(err)
	}
	useReplay(t, srv)
	data, _ := os.ReadFile(path)
	var dump struct {
		Items []struct {
			DOI       string `json:"DOI"`
			Reference []struct {
				DOI string `json:"DOI"`
			} `json:"reference"`
		} `json:"items"`
	}
	if err := json.Unmarshal(data, &dump); err != nil {
		t.Fatal(err)
	}
	refs := map[string]map[string]bool{}
	for _, it := range dump.Items {
		refs[strings.ToLower(it.DOI)] = map[string]bool{}
		for _, r := range it.Reference {
			if r.DOI != "" {
				refs[strings.ToLower(it.DOI)][strings.ToLower(r.DOI)] = true
			}
		}
	}
	const seed = "10.1108/jd-12-2013-0166"
	want := map[string]int{}
	for doi := range refs {
		if refs[seed][doi] {
			score := 1 // cited by the seed
			for r := range refs[doi] {
				if refs[seed][r] {
					score++ // a shared reference
				}
			}
			want["doi:"+doi] = score
		}
	}
	if len(want) != 2 {
		t.Fatalf("the seed cites %d works of the file, the test expects 2", len(want))
	}
	cache := t.TempDir()
	args := []string{"expand", "-fetch", "crossref", "-direction", "refs", "-cache", cache, "-format", "json", "-out", "", "https://doi.org/" + seed}
	stdout, stderr, err := citegraph(t, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var rep struct {
		Records    int `json:"records"`
		Enrichment struct {
			Expansion struct {
				Added []struct {
					ID    string `json:"id"`
					Score int    `json:"score"`
				} `json:"added"`
			} `json:"expansion"`
		} `json:"enrichment"`
	}
	json.Unmarshal([]byte(stdout), &rep)
	added := rep.Enrichment.Expansion.Added
	if len(added) != 2 || rep.Records != 3 {
		t.Fatalf("%d records, added %+v; want the seed and 2 works", rep.Records, added)
	}
	for _, a := range added {
		if a.Score != want[a.ID] {
			t.Errorf("%s scored %d, want %d", a.ID, a.Score, want[a.ID])
		}
	}
	if added[0].Score < added[1].Score {
		t.Errorf("not in score order: %+v", added)
	}
	n := srv.Count()
	if _, _, err := citegraph(t, args...); err != nil || srv.Count() != n {
		t.Errorf("second run: %v, %d requests", err, srv.Count()-n)
	}
}

// TestBudgetNote: a spent request budget leaves lookups undone, and the
// run says how many.
func TestBudgetNote(t *testing.T) {
	srv := seedReplay(t, "openalex")
	useReplay(t, srv)
	stdout, stderr, err := citegraph(t, "-fetch", "openalex", "-max-requests", "1", "-cache", t.TempDir(), "-out", "", "-width", "100", "-color", "never", "seeds")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// the one request looks up the three DOIs; the 35 referenced ids wait
	want := "The request budget (-max-requests 1) was spent: 35 lookups not made."
	if srv.Count() != 1 || !strings.Contains(strings.Join(strings.Fields(stdout), " "), want) || !strings.Contains(stderr, want) {
		t.Errorf("%d requests; report or stderr lacks %q:\n%s\n%s", srv.Count(), want, stdout, stderr)
	}
}
