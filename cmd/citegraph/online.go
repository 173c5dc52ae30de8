package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/chain"
	"github.com/citegraph/citegraph/graph/report"
	"github.com/citegraph/citegraph/parse"
	"github.com/citegraph/citegraph/parse/fetch"
)

// onlineConfig is the part of a run's configuration about looking works up
// in OpenAlex or Crossref (-fetch, -offline), the cache and chaining.
type onlineConfig struct {
	// Fetch is "openalex" or "crossref" when the user allows requests.
	Fetch string
	// CacheDir is -cache; "" means fetch.DefaultCacheDir.
	CacheDir string
	// Offline looks works up in the cache only.
	Offline bool
	// Mailto is the polite-pool address (-mailto, else $CITEGRAPH_MAILTO).
	Mailto      string
	MaxRequests int
	// Expand runs citation chaining (citegraph expand, or -expand) with
	// these options; SeedIDs are seeds named by identifier, not file.
	Expand  bool
	Chain   chain.Options
	SeedIDs []string
	// CacheImport is set by "citegraph cache import FILE…".
	CacheImport bool
}

// Environment variables of the online stage.
const (
	envOpenAlexURL = "CITEGRAPH_OPENALEX_URL"
	envCrossrefURL = "CITEGRAPH_CROSSREF_URL"
	envMailto      = "CITEGRAPH_MAILTO"
	envAPIKey      = "OPENALEX_API_KEY"
)

// onlineFlags registers the flags of the online stage.
func onlineFlags(fs *flag.FlagSet, cfg *config) {
	fs.StringVar(&cfg.Fetch, "fetch", "", "look works up in openalex or crossref")
	fs.StringVar(&cfg.CacheDir, "cache", "", "cache folder")
	fs.BoolVar(&cfg.Offline, "offline", false, "look works up in the cache only")
	fs.StringVar(&cfg.Mailto, "mailto", os.Getenv(envMailto), "polite-pool contact address")
	fs.IntVar(&cfg.MaxRequests, "max-requests", 1000, "request budget")
	fs.BoolVar(&cfg.Expand, "expand", false, "grow the corpus by citation chaining")
	fs.IntVar(&cfg.Chain.Depth, "depth", 1, "chaining steps (1 or 2)")
	fs.StringVar(&cfg.Chain.Direction, "direction", "both", "refs, cited-by or both")
	fs.IntVar(&cfg.Chain.Max, "max", 20, "works added by chaining")
}

// onlineArgs checks the online flags and takes from the positional
// arguments what belongs to the online stage: "import" after "cache", and
// seeds named by identifier for chaining.
func onlineArgs(cfg *config, fs *flag.FlagSet, rest []string) ([]string, error) {
	if cfg.Command == "expand" {
		cfg.Command, cfg.Expand = "report", true
	}
	if cfg.Fetch != "" && cfg.Fetch != "openalex" && cfg.Fetch != "crossref" {
		return nil, fmt.Errorf("%w: -fetch %q: use openalex or crossref", errUsage, cfg.Fetch)
	}
	if cfg.Command == "cache" {
		if len(rest) == 0 {
			return nil, nil
		}
		if rest[0] != "import" || len(rest) == 1 {
			return nil, fmt.Errorf("%w: use 'citegraph cache' (what it holds) or 'citegraph cache import FILE…'", errUsage)
		}
		cfg.CacheImport = true
		// flags may follow the word import
		if err := fs.Parse(rest[1:]); err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		if fs.NArg() == 0 {
			return nil, fmt.Errorf("%w: cache import needs files", errUsage)
		}
		return fs.Args(), nil
	}
	if !cfg.Expand {
		return rest, nil
	}
	if cfg.Fetch == "" && !cfg.Offline {
		return nil, fmt.Errorf("%w: expand asks OpenAlex or Crossref: add -fetch openalex (or -offline to use the cache alone)", errUsage)
	}
	if cfg.Chain.Depth != 1 && cfg.Chain.Depth != 2 {
		return nil, fmt.Errorf("%w: -depth %d: use 1 or 2", errUsage, cfg.Chain.Depth)
	}
	switch cfg.Chain.Direction {
	case "refs", "cited-by", "both":
	default:
		return nil, fmt.Errorf("%w: -direction %q: use refs, cited-by or both", errUsage, cfg.Chain.Direction)
	}
	if cfg.Chain.Max <= 0 {
		return nil, fmt.Errorf("%w: -max must be positive", errUsage)
	}
	if cfg.Fetch == "crossref" && cfg.Chain.Direction != "refs" {
		return nil, fmt.Errorf("%w: %v (or -direction refs)", errUsage, fetch.ErrNoCiting)
	}
	var paths []string
	for _, a := range rest {
		if _, err := os.Stat(a); err != nil && fetch.ParseKey(a) != "" {
			cfg.SeedIDs = append(cfg.SeedIDs, fetch.ParseKey(a))
		} else {
			paths = append(paths, a)
		}
	}
	return paths, nil
}

// online is what a run looked up: its client, what enrichment and
// chaining found, and the provenance explain shows.
type online struct {
	client   *fetch.Client
	cacheDir string
	seeds    int // records of seeds named by identifier
	enr      *fetch.Enrichment
	filled   *fetch.Filled
	exp      *chain.Result
	before   *report.Counts
	notes    []string
	// prov holds, by lookup key, lines for explain.
	prov map[string][]string
}

// newClient makes the client of a run.
func newClient(cfg *config, progress io.Writer) (*fetch.Client, string, error) {
	dir := cfg.CacheDir
	if dir == "" {
		var err error
		if dir, err = fetch.DefaultCacheDir(); err != nil {
			return nil, "", err
		}
	}
	source := cfg.Fetch
	if source == "" {
		source = "openalex"
	}
	base := os.Getenv(envOpenAlexURL)
	if source == "crossref" {
		base = os.Getenv(envCrossrefURL)
	}
	c, err := fetch.New(fetch.Options{Source: source, BaseURL: base, Mailto: cfg.Mailto, APIKey: os.Getenv(envAPIKey),
		Cache: &fetch.Cache{Dir: dir}, Offline: cfg.Fetch == "" || cfg.Offline, MaxRequests: cfg.MaxRequests, Progress: progress})
	return c, dir, err
}

// goOnline runs the online stage on what was read: the works of the input
// are looked up (their records join the input), chaining adds works when
// asked, and references known by identifier alone get their descriptions.
// It does nothing, and returns nil, without -fetch or -offline.
func goOnline(ctx context.Context, cfg *config, in *inputs, stderr io.Writer) (*online, error) {
	if cfg.Fetch == "" && !cfg.Offline {
		return nil, nil
	}
	c, dir, err := newClient(cfg, stderr)
	if err != nil {
		return nil, err
	}
	on := &online{client: c, cacheDir: dir, prov: map[string][]string{}}
	fetched := &parse.Result{File: c.Source() + " (looked up)", Format: c.Source()}
	if len(cfg.SeedIDs) > 0 {
		found, err := c.Lookup(ctx, cfg.SeedIDs)
		if err != nil {
			return nil, err
		}
		for _, k := range cfg.SeedIDs {
			rec, ok := found[k]
			if !ok {
				fmt.Fprintf(stderr, "citegraph: seed %s: not found in %s\n", k, c.Source())
				continue
			}
			on.seeds++
			on.origin(k, rec.File, "seed record")
			fetched.Records = append(fetched.Records, rec)
		}
		in.records = append(in.records, fetched.Records...)
	}
	if cfg.Command == "report" {
		on.before = counts(graph.New(graph.Resolve(in.records, nil)))
	}
	if on.enr, err = fetch.Enrich(ctx, c, in.records); err != nil {
		return nil, err
	}
	for _, rec := range on.enr.Records {
		on.origin(c.Key(rec.IDs, rec.DOI), rec.File, "record")
	}
	fetched.Records = append(fetched.Records, on.enr.Records...)
	in.records = append(in.records, on.enr.Records...)
	if cfg.Expand {
		if on.exp, err = chain.Expand(ctx, c, in.records, &cfg.Chain); err != nil {
			return nil, fmt.Errorf("expand: %w", err)
		}
		for _, a := range on.exp.Added {
			line := fmt.Sprintf("added by citation chaining: #%d, score %d, step %d: %s", a.Rank, a.Score, a.Depth, strings.Join(a.Reasons, "; "))
			for _, k := range a.Keys {
				on.prov[k] = append(on.prov[k], line)
			}
		}
		for _, rec := range on.exp.Records {
			on.origin(c.Key(rec.IDs, rec.DOI), rec.File, "record")
		}
		fetched.Records = append(fetched.Records, on.exp.Records...)
		in.records = append(in.records, on.exp.Records...)
	}
	if on.filled, err = fetch.FillReferences(ctx, c, in.records); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(on.filled.Files))
	for k := range on.filled.Files {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		on.origin(k, on.filled.Files[k], "description of a reference")
	}
	if len(fetched.Records) > 0 {
		in.results = append(in.results, fetched)
	}
	st := c.Stats()
	if st.Requests > 0 && cfg.Mailto == "" {
		fmt.Fprintf(stderr, "citegraph: no -mailto (or $%s): the requests went to the common pool, not the polite one\n", envMailto)
	}
	switch {
	case st.NotAsked == 0:
	case st.BudgetSpent:
		on.notes = append(on.notes, fmt.Sprintf("The request budget (-max-requests %d) was spent: %d lookups not made.", cfg.MaxRequests, st.NotAsked))
	default: // offline
		on.notes = append(on.notes, fmt.Sprintf("%d lookups not in the cache: run once with -fetch %s and without -offline.", st.NotAsked, c.Source()))
	}
	for _, n := range on.notes {
		fmt.Fprintf(stderr, "citegraph: %s\n", n)
	}
	return on, nil
}

// origin notes, for explain, where the work of key got a record or
// description from.
func (on *online) origin(key, file, what string) {
	if key == "" {
		return
	}
	line := fmt.Sprintf("%s from %s", what, on.client.Source())
	if o, ok := on.client.Origin(file); ok {
		line += ", retrieved " + date(o.Retrieved)
		if o.Cached {
			line += " (read from the cache)"
		}
	}
	on.prov[key] = append(on.prov[key], line+": "+file)
}

// date formats a retrieval date.
func date(t time.Time) string {
	if t.IsZero() {
		return "on an unknown date"
	}
	return t.UTC().Format("2006-01-02")
}

// counts describes a graph for the before/after account.
func counts(g *graph.Graph) *report.Counts {
	c := &report.Counts{Works: g.Len(), Citations: len(g.Citations), Citing: len(g.Citing())}
	for i := range g.Works {
		if g.Works[i].Title == "" {
			c.Untitled++
		}
	}
	return c
}

// report returns the account of the online stage for the report of the
// analysed graph.
func (on *online) report(a *analysis) *report.Enrichment {
	if on == nil {
		return nil
	}
	st := on.client.Stats()
	e := &report.Enrichment{Source: on.client.Source(), Cache: on.cacheDir, Offline: st.Requests == 0 && st.NotAsked > 0,
		Asked: on.enr.Asked + on.seeds, NoID: on.enr.NoID, Own: on.enr.Own - on.seeds, Found: len(on.enr.Records) + on.seeds, RefsAdded: on.enr.RefsAdded,
		RefsBare: on.filled.Bare, RefsFilled: on.filled.Filled, FromCache: st.Cached, FromNetwork: st.Network,
		Requests: st.Requests, Retries: st.Retries, NotFound: st.NotFound, NotAsked: st.NotAsked, Notes: on.notes,
		Before: on.before, After: counts(a.g)}
	if !st.Oldest.IsZero() {
		e.CacheDates = date(st.Oldest)
		if d := date(st.Newest); d != e.CacheDates {
			e.CacheDates += " to " + d
		}
	}
	if st.Network > 0 {
		e.Fetched = date(st.Started)
	}
	if x := on.exp; x != nil {
		e.Expansion = &report.Expansion{Depth: x.Options.Depth, Direction: x.Options.Direction, Seeds: x.Seeds, Candidates: x.Candidates}
		for _, ad := range x.Added {
			id := ""
			for _, k := range ad.Keys {
				if hits := a.res.Lookup(k); len(hits) == 1 {
					id = a.res.Works[hits[0]].ID
					break
				}
			}
			e.Expansion.Added = append(e.Expansion.Added, report.AddedRow{Rank: ad.Rank, ID: id, Label: ad.Label, Score: ad.Score,
				Depth: ad.Depth, Reasons: ad.Reasons})
		}
	}
	return e
}

// provenance is what the online stage says about a work, for explain:
// where its record or description came from, and why chaining added it.
func (on *online) provenance(wk *graph.Work) []string {
	if on == nil {
		return nil
	}
	var lines []string
	seen := map[string]bool{}
	for _, k := range chain.WorkKeys(wk) {
		for _, line := range on.prov[k] {
			if !seen[line] {
				seen[line] = true
				lines = append(lines, line)
			}
		}
	}
	return lines
}

// runCache imports files into the cache, or says what it holds.
func runCache(cfg *config, stdout, stderr io.Writer) error {
	dir := cfg.CacheDir
	if dir == "" {
		var err error
		if dir, err = fetch.DefaultCacheDir(); err != nil {
			return err
		}
	}
	c := &fetch.Cache{Dir: dir}
	if cfg.CacheImport {
		files, errs := parse.Files(cfg.Paths)
		failed := len(errs) > 0
		for _, e := range errs {
			fmt.Fprintf(stderr, "citegraph: %v\n", e)
		}
		total := 0
		for _, f := range files {
			im, err := c.Import(f)
			if err != nil {
				fmt.Fprintf(stderr, "citegraph: %v\n", err)
				failed = true
				continue
			}
			for _, pe := range im.Result.Skipped {
				fmt.Fprintf(stderr, "citegraph: %v (work skipped)\n", pe)
			}
			fmt.Fprintf(stdout, "%s: %d %s works stored", f, im.Works, im.Format)
			if im.NoID > 0 {
				fmt.Fprintf(stdout, ", %d without DOI or id left out", im.NoID)
			}
			fmt.Fprintln(stdout)
			total += im.Works
		}
		fmt.Fprintf(stdout, "%d works imported into %s\n", total, dir)
		if failed {
			return fmt.Errorf("some files could not be imported (see above)")
		}
		return nil
	}
	fmt.Fprintf(stdout, "cache %s\n", dir)
	for _, source := range []string{"openalex", "crossref"} {
		kinds, err := os.ReadDir(filepath.Join(dir, source))
		if err != nil {
			continue
		}
		for _, kd := range kinds {
			n := 0
			filepath.WalkDir(filepath.Join(dir, source, kd.Name()), func(_ string, d fs.DirEntry, err error) error {
				if err == nil && d.Type().IsRegular() && strings.HasSuffix(d.Name(), ".json") {
					n++
				}
				return nil
			})
			fmt.Fprintf(stdout, "  %-9s %-9s %7d entries\n", source, kd.Name(), n)
		}
	}
	return nil
}
