package fetch

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/parse"
	"github.com/citegraph/citegraph/parse/fetch/fetchtest"
)

const (
	pageFile = "openalex/Academic-Explorer_page__3D__1__26__per_page__3D__50.json"
	workFile = "openalex/Academic-Explorer_W2741809807.json"
)

// markup matches the HTML tags some OpenAlex titles hold, which the reader drops.
var markup = regexp.MustCompile(`<[^>]*>`)

// pageWorks returns the 50 works of the OpenAlex list page.
func pageWorks(t testing.TB) []fetchtest.Work {
	t.Helper()
	works, _ := fetchtest.OpenAlexWorks(t, fetchtest.Corpus(t, pageFile))
	return works
}

// replay starts a server holding the works of both OpenAlex corpus files
// and every Crossref corpus work. Without the corpora it holds one
// hand-written stand-in for W2741809807 (doi 10.7717/peerj.4375), enough for
// the tests of failures, which then still run.
func replay(t testing.TB) *fetchtest.Server {
	t.Helper()
	srv := fetchtest.New()
	t.Cleanup(srv.Close)
	if _, ok := fetchtest.CorpusPath(workFile); !ok {
		if err := srv.AddOpenAlex([]byte(`{"id":"https://openalex.org/W2741809807","doi":"https://doi.org/10.7717/peerj.4375",` +
			`"title":"A stand-in work","publication_year":2018,"referenced_works":["https://openalex.org/W1"]}`)); err != nil {
			t.Fatal(err)
		}
		return srv
	}
	for _, f := range []string{pageFile, workFile} {
		if _, err := srv.LoadOpenAlex(fetchtest.Corpus(t, f)); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"abbotsbury_test1.json", "abbotsbury_test2.json", "commonmeta-py_crossref.json",
		"oc_meta_crossref_2019.json", "opencitations-index_crossref_dump.json"} {
		if _, err := srv.LoadCrossref(fetchtest.Corpus(t, "crossref/"+f)); err != nil {
			t.Fatal(err)
		}
	}
	return srv
}

// newClient returns a client of srv with a fresh cache (unless opt names
// one) whose waits are recorded instead of slept.
func newClient(t testing.TB, srv *fetchtest.Server, opt Options) (*Client, *[]time.Duration) {
	t.Helper()
	if opt.BaseURL == "" {
		opt.BaseURL = srv.OpenAlexURL()
		if opt.Source == "crossref" {
			opt.BaseURL = srv.CrossrefURL()
		}
	}
	if opt.Cache == nil {
		opt.Cache = &Cache{Dir: t.TempDir()}
	}
	opt.Interval = time.Nanosecond
	c, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	var waits []time.Duration
	c.sleep = func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		return ctx.Err()
	}
	return c, &waits
}

func keysOf(ws []fetchtest.Work) []string {
	var keys []string
	for _, w := range ws {
		keys = append(keys, "openalex:"+w.Short())
	}
	return keys
}

// TestBatching: 50 identifiers a request, each answered work filed under
// its key with the reader's record, the unknown ones counted, select and
// mailto sent.
func TestBatching(t *testing.T) {
	srv := replay(t)
	works := pageWorks(t)
	keys := keysOf(works)
	for i := 1; i <= 30; i++ {
		keys = append(keys, fmt.Sprintf("openalex:W99999%05d", i)) // no such works
	}
	c, _ := newClient(t, srv, Options{Mailto: "team@example.org"})
	got, err := c.Lookup(context.Background(), keys)
	if err != nil {
		t.Fatal(err)
	}
	// 80 keys: 50 + 30, two requests
	if n := srv.Count(); n != 2 {
		t.Errorf("%d requests for 80 ids, want 2: %v", n, srv.Requests())
	}
	for _, req := range srv.Requests() {
		u, _ := url.Parse(req)
		q := u.Query()
		if n := len(strings.Split(strings.TrimPrefix(q.Get("filter"), "ids.openalex:"), "|")); n > 50 {
			t.Errorf("request asks for %d ids at once", n)
		}
		if q.Get("mailto") != "team@example.org" || !strings.Contains(q.Get("select"), "referenced_works") {
			t.Errorf("request lacks mailto or select: %s", req)
		}
	}
	if len(got) != 50 {
		t.Errorf("%d works found, want the 50 of the page", len(got))
	}
	for _, w := range works {
		rec, ok := got["openalex:"+w.Short()]
		if !ok {
			t.Errorf("%s not found", w.Short())
			continue
		}
		if rec.Title != markup.ReplaceAllString(w.DisplayName, "") || rec.Year != w.Year || len(rec.References) != len(w.Refs) {
			t.Errorf("%s: read %q %d with %d refs, want %q %d with %d", w.Short(), rec.Title, rec.Year, len(rec.References),
				w.DisplayName, w.Year, len(w.Refs))
		}
		if !strings.HasPrefix(rec.Source, c.opt.Cache.path("openalex", "openalex:"+w.Short())+":") {
			t.Errorf("%s: source %q is not its cache entry", w.Short(), rec.Source)
		}
	}
	st := c.Stats()
	if st.Network != 50 || st.NotFound != 30 || st.Requests != 2 || st.Cached != 0 {
		t.Errorf("stats %+v, want 50 from the network, 30 not found, 2 requests", st)
	}
}

// TestCacheHit: a second client on the same cache asks nothing and returns
// the same records, unknown works included.
func TestCacheHit(t *testing.T) {
	srv := replay(t)
	works := pageWorks(t)[:20]
	keys := append(keysOf(works), "openalex:W9999999999", "doi:10.7717/peerj.4375")
	cache := &Cache{Dir: t.TempDir()}
	c1, _ := newClient(t, srv, Options{Cache: cache})
	first, err := c1.Lookup(context.Background(), keys)
	if err != nil {
		t.Fatal(err)
	}
	before := srv.Count()
	c2, _ := newClient(t, srv, Options{Cache: cache})
	second, err := c2.Lookup(context.Background(), keys)
	if err != nil {
		t.Fatal(err)
	}
	if srv.Count() != before {
		t.Errorf("second lookup made %d requests, want 0", srv.Count()-before)
	}
	if len(second) != 21 || len(first) != 21 {
		t.Errorf("found %d then %d works, want 21 (20 ids and one DOI)", len(first), len(second))
	}
	for k, r1 := range first {
		r2 := second[k]
		a, _ := json.Marshal(r1)
		b, _ := json.Marshal(r2)
		if string(a) != string(b) {
			t.Errorf("%s differs when read from the cache:\n%s\n%s", k, a, b)
		}
	}
	st := c2.Stats()
	if st.Cached != 21 || st.NotFound != 1 || st.Network != 0 || st.Requests != 0 {
		t.Errorf("stats %+v, want 21 cached, 1 known unknown, no request", st)
	}
	if st.Oldest.IsZero() || st.Oldest != st.Newest {
		t.Errorf("cached retrieval dates %v..%v, want the first run's date", st.Oldest, st.Newest)
	}
}

// TestCacheFiles: entries are private, complete and trusted no further
// than the reader: a damaged entry or one about another work is asked again.
func TestCacheFiles(t *testing.T) {
	srv := replay(t)
	cache := &Cache{Dir: filepath.Join(t.TempDir(), "c")}
	c, _ := newClient(t, srv, Options{Cache: cache})
	if _, err := c.Lookup(context.Background(), []string{"openalex:W2741809807"}); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(cache.Dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		info, _ := d.Info()
		want := os.FileMode(0o600)
		if d.IsDir() {
			want = 0o700 | os.ModeDir
		}
		if info.Mode() != want {
			t.Errorf("%s has mode %v, want %v", p, info.Mode(), want)
		}
		if strings.HasPrefix(d.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
	entry := cache.path("openalex", "openalex:W2741809807")
	other := cache.path("openalex", "doi:10.7717/peerj.4375")
	if _, err := os.Stat(other); err != nil {
		t.Errorf("work not filed under its DOI too: %v", err)
	}
	for name, content := range map[string]string{
		"cut off":      `{"citegraph":{"retrieved":"2020-01-01T00:00:00Z"},"meta":{"count":1},"results":[{"id":"https://openalex.org/W27418`,
		"another work": `{"meta":{"count":1},"results":[{"id":"https://openalex.org/W1","title":"Not it","publication_year":1990}]}`,
		"not json":     "\x00\x01binary",
	} {
		if err := os.WriteFile(entry, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		before := srv.Count()
		c2, _ := newClient(t, srv, Options{Cache: cache})
		got, err := c2.Lookup(context.Background(), []string{"openalex:W2741809807"})
		if err != nil {
			t.Fatal(err)
		}
		if rec := got["openalex:W2741809807"]; rec.IDs["openalex"] != "W2741809807" || srv.Count() != before+1 {
			t.Errorf("%s entry: got %q after %d requests, want the work asked again", name, rec.Label, srv.Count()-before)
		}
	}
}

// TestCursorPaging: the works citing a work come page by page, following
// next_cursor, and are cached as one list.
func TestCursorPaging(t *testing.T) {
	srv := replay(t)
	srv.MaxPerPage = 1
	// W1970127494 is cited by three works of the page (counted in the file)
	var want []string
	for _, w := range pageWorks(t) {
		for _, r := range w.Refs {
			if r == "W1970127494" {
				want = append(want, w.Short())
			}
		}
	}
	slices.Sort(want)
	if len(want) != 3 {
		t.Fatalf("the corpus page has %d works citing W1970127494, the test expects 3", len(want))
	}
	c, _ := newClient(t, srv, Options{})
	recs, err := c.Citing(context.Background(), "openalex:W1970127494")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, r.IDs["openalex"])
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("citing works %v, want %v", got, want)
	}
	reqs := srv.Requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests for 3 works at 1 per page, want 3: %v", len(reqs), reqs)
	}
	for i, req := range reqs {
		u, _ := url.Parse(req)
		wantCursor := "*"
		if i > 0 {
			wantCursor = fmt.Sprintf("c%d", i)
		}
		if cur := u.Query().Get("cursor"); cur != wantCursor {
			t.Errorf("request %d has cursor %q, want %q", i+1, cur, wantCursor)
		}
	}
	// the list and each citing work are cached
	c2, _ := newClient(t, srv, Options{Cache: c.opt.Cache})
	again, _ := c2.Citing(context.Background(), "openalex:W1970127494")
	found, _ := c2.Lookup(context.Background(), []string{"openalex:" + want[0]})
	if srv.Count() != 3 || len(again) != 3 || len(found) != 1 {
		t.Errorf("from the cache: %d citing, %d found, %d requests; want 3, 1, still 3", len(again), len(found), srv.Count())
	}
	// a cap on citing works cuts the list and says so
	c3, _ := newClient(t, srv, Options{MaxCiting: 2})
	recs, err = c3.Citing(context.Background(), "openalex:W1970127494")
	if err != nil || len(recs) != 2 {
		t.Errorf("MaxCiting 2: %d works, %v", len(recs), err)
	}
}

// TestRetryAfter: a 429 is retried after the wait its Retry-After asks
// for; a wait beyond five minutes (a daily limit) ends the lookup.
func TestRetryAfter(t *testing.T) {
	for _, tc := range []struct {
		after    string
		wantWait time.Duration
		wantErr  string
	}{
		{"7", 7 * time.Second, ""},
		{time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat), 90 * time.Second, ""},
		{"3600", 0, "asks to wait 1h0m0s"},
	} {
		srv := replay(t)
		srv.Fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
			if n > 1 {
				return false
			}
			w.Header().Set("Retry-After", tc.after)
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"error":"Too Many Requests","message":"slow down"}`)
			return true
		}
		c, waits := newClient(t, srv, Options{})
		got, err := c.Lookup(context.Background(), []string{"openalex:W2741809807"})
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) || srv.Count() != 1 {
				t.Errorf("Retry-After %s: err %v after %d requests, want %q after 1", tc.after, err, srv.Count(), tc.wantErr)
			}
			continue
		}
		if err != nil || len(got) != 1 {
			t.Fatalf("Retry-After %s: %v, %d works", tc.after, err, len(got))
		}
		if len(*waits) != 1 || (*waits)[0] < tc.wantWait-time.Second || (*waits)[0] > tc.wantWait {
			t.Errorf("Retry-After %s: waited %v, want %v", tc.after, *waits, tc.wantWait)
		}
		if st := c.Stats(); st.Requests != 2 || st.Retries != 1 {
			t.Errorf("stats %+v, want 2 requests of which 1 retry", st)
		}
	}
}

// TestServerErrors: a 500 is retried with doubling backoff; a body cut off
// (short of its Content-Length, or ending mid-JSON) is retried; failures
// that persist end the lookup with the reason; a 400 is not retried.
func TestServerErrors(t *testing.T) {
	fail500 := func(w http.ResponseWriter) {
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprint(w, `{"error":"Internal Server Error"}`)
	}
	cutLength := func(w http.ResponseWriter) {
		w.Header().Set("Content-Length", "5000")
		fmt.Fprint(w, `{"meta":{"count":1},"results":[{"id":"https://openalex.org/W2741809807",`)
	}
	cutJSON := func(w http.ResponseWriter) {
		fmt.Fprint(w, `{"meta":{"count":1},"results":[{"id":"https://openalex.org/W27`)
	}
	for _, tc := range []struct {
		name    string
		fault   func(http.ResponseWriter)
		times   int // failing responses before good ones
		wantErr string
	}{
		{"500 twice", fail500, 2, ""},
		{"500 always", fail500, 99, "500 Internal Server Error (gave up after 5 attempts)"},
		{"body short of Content-Length", cutLength, 1, ""},
		{"json cut off", cutJSON, 1, ""},
		{"json cut off always", cutJSON, 99, "cut off"},
	} {
		srv := replay(t)
		srv.Fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
			if n > tc.times {
				return false
			}
			tc.fault(w)
			return true
		}
		c, waits := newClient(t, srv, Options{})
		got, err := c.Lookup(context.Background(), []string{"openalex:W2741809807"})
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: err %v, want %q", tc.name, err, tc.wantErr)
			}
			if srv.Count() != 5 {
				t.Errorf("%s: %d requests, want 5 (4 retries)", tc.name, srv.Count())
			}
			continue
		}
		if err != nil || len(got) != 1 {
			t.Errorf("%s: %v, %d works", tc.name, err, len(got))
			continue
		}
		want := []time.Duration{time.Second, 2 * time.Second}[:tc.times]
		if !slices.Equal(*waits, want) {
			t.Errorf("%s: waited %v, want %v", tc.name, *waits, want)
		}
	}
	srv := replay(t)
	srv.Fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"error":"Invalid query parameters error.","message":"bad filter"}`)
		return true
	}
	c, _ := newClient(t, srv, Options{})
	_, err := c.Lookup(context.Background(), []string{"openalex:W2741809807"})
	if err == nil || !strings.Contains(err.Error(), "400 Bad Request: Invalid query parameters error.: bad filter") || srv.Count() != 1 {
		t.Errorf("400: %v after %d requests, want the API's message after 1", err, srv.Count())
	}
}

// TestTimeout: a server that does not answer in time is asked again.
func TestTimeout(t *testing.T) {
	srv := replay(t)
	release := make(chan struct{})
	defer close(release)
	srv.Fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n > 1 {
			return false
		}
		select {
		case <-r.Context().Done():
		case <-release:
		}
		return true
	}
	c, _ := newClient(t, srv, Options{Timeout: 100 * time.Millisecond})
	start := time.Now()
	got, err := c.Lookup(context.Background(), []string{"openalex:W2741809807"})
	if err != nil || len(got) != 1 || srv.Count() != 2 {
		t.Errorf("%v, %d works after %d requests; want 1 after 2", err, len(got), srv.Count())
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	// always too slow: the reason is said
	srv2 := replay(t)
	srv2.Fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		<-r.Context().Done()
		return true
	}
	c2, _ := newClient(t, srv2, Options{Timeout: 20 * time.Millisecond, Retries: 1})
	if _, err := c2.Lookup(context.Background(), []string{"openalex:W2741809807"}); err == nil || !strings.Contains(err.Error(), "no response within 20ms") {
		t.Errorf("err %v, want no response within 20ms", err)
	}
}

// TestEmptyResult: a batch nobody knows gives no work, no error, and is
// remembered so that it is not asked again.
func TestEmptyResult(t *testing.T) {
	srv := replay(t)
	c, _ := newClient(t, srv, Options{})
	keys := []string{"openalex:W9999999991", "doi:10.5555/nothing", "pmid:1"}
	got, err := c.Lookup(context.Background(), keys)
	if err != nil || len(got) != 0 || c.Stats().NotFound != 3 {
		t.Fatalf("%v, %d works, stats %+v", err, len(got), c.Stats())
	}
	before := srv.Count()
	if before != 3 {
		t.Errorf("%d requests for 3 kinds of id, want 3", before)
	}
	c2, _ := newClient(t, srv, Options{Cache: c.opt.Cache})
	c2.Lookup(context.Background(), keys)
	if srv.Count() != before || c2.Stats().NotFound != 3 {
		t.Errorf("known unknowns asked again: %d requests", srv.Count()-before)
	}
}

// TestOffline: offline, a cold cache answers nothing and nothing is sent;
// a server that cannot be reached says so at once.
func TestOffline(t *testing.T) {
	srv := replay(t)
	c, _ := newClient(t, srv, Options{Offline: true})
	got, err := c.Lookup(context.Background(), []string{"openalex:W2741809807", "doi:10.7717/peerj.4375"})
	cites, err2 := c.Citing(context.Background(), "openalex:W2741809807")
	if err != nil || err2 != nil || len(got) != 0 || len(cites) != 0 || srv.Count() != 0 {
		t.Errorf("offline with a cold cache: %v %v, %d works, %d requests", err, err2, len(got), srv.Count())
	}
	if st := c.Stats(); st.NotAsked != 3 {
		t.Errorf("stats %+v, want 3 not asked", st)
	}

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	c2, waits := newClient(t, srv, Options{BaseURL: "http://" + addr})
	_, err = c2.Lookup(context.Background(), []string{"openalex:W2741809807"})
	if err == nil || !strings.Contains(err.Error(), "cannot reach "+addr) || !strings.Contains(err.Error(), "-offline") {
		t.Errorf("err %v, want cannot reach … -offline", err)
	}
	if len(*waits) != 0 || c2.Stats().Requests != 1 {
		t.Errorf("unreachable server retried: waits %v", *waits)
	}
}

// TestBudget: the request budget stops lookups without an error; what is
// left is counted as not asked.
func TestBudget(t *testing.T) {
	srv := replay(t)
	var keys []string
	for i := 0; i < 120; i++ {
		keys = append(keys, fmt.Sprintf("openalex:W%d", 100+i))
	}
	c, _ := newClient(t, srv, Options{MaxRequests: 2})
	if _, err := c.Lookup(context.Background(), keys); err != nil {
		t.Fatal(err)
	}
	st := c.Stats()
	if srv.Count() != 2 || !st.BudgetSpent || st.NotAsked != 20 || st.NotFound != 100 {
		t.Errorf("%d requests, stats %+v; want 2, budget spent, 20 not asked, 100 not found", srv.Count(), st)
	}
}

// TestCrossref: DOIs are asked in batches of doi: filters and read from
// Crossref's message envelope with their reference lists.
func TestCrossref(t *testing.T) {
	fetchtest.Corpus(t, "crossref/abbotsbury_test1.json")
	srv := replay(t)
	want := map[string]int{ // reference counts from the corpus README
		"doi:10.1021/acs.orglett.9b00971": 68,
		"doi:10.1038/s43586-021-00024-3":  161,
		"doi:10.7554/elife.01567":         27,
	}
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	keys = append(keys, "doi:10.5555/unknown", "openalex:W2741809807") // crossref cannot be asked by OpenAlex id
	c, _ := newClient(t, srv, Options{Source: "crossref", Mailto: "x@example.org"})
	got, err := c.Lookup(context.Background(), keys)
	if err != nil {
		t.Fatal(err)
	}
	for k, n := range want {
		if len(got[k].References) != n || got[k].Format != "crossref" {
			t.Errorf("%s: %d references read as %q, want %d", k, len(got[k].References), got[k].Format, n)
		}
	}
	reqs := srv.Requests()
	if len(reqs) != 1 || !strings.Contains(reqs[0], "filter=doi%3A10.1021%2Facs.orglett.9b00971%2Cdoi%3A") {
		t.Errorf("requests %v, want one with the DOIs as doi: filters", reqs)
	}
	if st := c.Stats(); st.NotFound != 1 || st.Network != 3 {
		t.Errorf("stats %+v", st)
	}
	if _, err := c.Citing(context.Background(), "doi:10.7554/elife.01567"); err != ErrNoCiting {
		t.Errorf("Citing on crossref: %v", err)
	}
}

// TestImport: works of files the user has fill the cache, so that an
// offline lookup finds them.
func TestImport(t *testing.T) {
	cache := &Cache{Dir: t.TempDir()}
	total := 0
	for _, f := range []string{pageFile, workFile} {
		im, err := cache.Import(fetchtest.Corpus(t, f))
		if err != nil {
			t.Fatal(err)
		}
		total += im.Works
	}
	if total != 51 {
		t.Errorf("%d works imported, want 51", total)
	}
	if _, err := cache.Import(fetchtest.Corpus(t, "wos/bibliometrix_wos_sample.txt")); err == nil || !strings.Contains(err.Error(), "not OpenAlex or Crossref") {
		t.Errorf("importing a WoS file: %v", err)
	}
	im, err := (&Cache{Dir: cache.Dir}).Import(fetchtest.Corpus(t, "crossref/oc_meta_crossref_2019.json"))
	if err != nil || im.Works != 20 || im.Format != "crossref" {
		t.Fatalf("crossref import: %+v %v", im, err)
	}
	srv := fetchtest.New()
	defer srv.Close()
	c, _ := newClient(t, srv, Options{Cache: cache, Offline: true})
	works := pageWorks(t)
	got, err := c.Lookup(context.Background(), append(keysOf(works), "doi:10.7717/peerj.4375"))
	if err != nil || len(got) != 51 || srv.Count() != 0 {
		t.Errorf("offline after import: %d of 51 works, %v, %d requests", len(got), err, srv.Count())
	}
	info, _ := os.Stat(fetchtest.Corpus(t, workFile))
	if st := c.Stats(); !st.Newest.Equal(info.ModTime().UTC().Truncate(time.Second)) {
		t.Errorf("imported works dated %v, want the file's time %v", st.Newest, info.ModTime())
	}
}

// TestEnrich: works of records are looked up once, records of the source's
// own format are not; references known by id alone get their descriptions.
func TestEnrich(t *testing.T) {
	srv := replay(t)
	works := pageWorks(t)
	// records as a WoS export would give them: a DOI, no references; and
	// one with only a bare OpenAlex id as a reference of the first
	recs := []parse.Record{
		{Format: "wos", DOI: strings.TrimPrefix(works[0].DOI, "https://doi.org/"), Title: "x"},
		{Format: "wos", Title: "no identifier"},
		{Format: "openalex", IDs: map[string]string{"openalex": works[1].Short()}},
		{Format: "ris", References: []parse.Reference{
			{Raw: works[2].Short(), IDs: map[string]string{"openalex": works[2].Short()}},
			{Raw: "W9999999999", IDs: map[string]string{"openalex": "W9999999999"}},
			{Raw: "Smith 2001 titled", Title: "Titled", IDs: map[string]string{"openalex": works[3].Short()}},
		}},
	}
	c, _ := newClient(t, srv, Options{})
	en, err := Enrich(context.Background(), c, recs)
	if err != nil {
		t.Fatal(err)
	}
	if en.Asked != 1 || en.NoID != 2 || len(en.Records) != 1 || en.RefsAdded != len(works[0].Refs) {
		t.Errorf("enrichment %+v, want 1 asked (the openalex record is skipped), 2 without id, %d refs", en, len(works[0].Refs))
	}
	f, err := FillReferences(context.Background(), c, recs[3:])
	if err != nil {
		t.Fatal(err)
	}
	ref := recs[3].References[0]
	if f.Bare != 2 || f.Filled != 1 || ref.Title != works[2].DisplayName || ref.Year != works[2].Year || ref.Raw != works[2].Short() {
		t.Errorf("filled %+v, reference %+v; want 1 of 2 filled with %q %d", f, ref, works[2].DisplayName, works[2].Year)
	}
}

// TestParseKey: identifiers as users type them.
func TestParseKey(t *testing.T) {
	for in, want := range map[string]string{
		"W2741809807":                        "openalex:W2741809807",
		"https://openalex.org/W2741809807":   "openalex:W2741809807",
		"https://openalex.org/works/w274180": "openalex:W274180",
		"10.7717/PEERJ.4375":                 "doi:10.7717/peerj.4375",
		"https://doi.org/10.7717/peerj.4375": "doi:10.7717/peerj.4375",
		"doi:10.7717/peerj.4375":             "doi:10.7717/peerj.4375",
		"pmid:29456894":                      "pmid:29456894",
		"seeds":                              "",
		"W0":                                 "",
		"pmid:12a":                           "",
	} {
		if got := ParseKey(in); got != want {
			t.Errorf("ParseKey(%q) = %q, want %q", in, got, want)
		}
	}
	if got := fileName("10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-o"); strings.ContainsAny(got, "/:<>;()") {
		t.Errorf("file name %q keeps characters file systems refuse", got)
	}
	if got := fileName(strings.Repeat("x", 300)); len(got) != 37 {
		t.Errorf("long file name %q not hashed", got)
	}
}

// TestOddDOIs: a DOI holding a filter separator (',' or '|') is asked at
// the single-work address, the others still in one batch.
func TestOddDOIs(t *testing.T) {
	fetchtest.Corpus(t, pageFile) // the counts below are those of the corpora
	for _, source := range []string{"openalex", "crossref"} {
		srv := replay(t)
		var err error
		if source == "openalex" {
			err = srv.AddOpenAlex([]byte(`{"id":"https://openalex.org/W9000000001","doi":"https://doi.org/10.5555/a,b|c","title":"Odd","publication_year":2001}`))
		} else {
			err = srv.AddCrossref([]byte(`{"DOI":"10.5555/a,b|c","title":["Odd"],"issued":{"date-parts":[[2001]]}}`))
		}
		if err != nil {
			t.Fatal(err)
		}
		c, _ := newClient(t, srv, Options{Source: source})
		keys := []string{"doi:10.7717/peerj.4375", "doi:10.5555/a,b|c", "doi:10.5555/x,unknown", "doi:10.7554/elife.01567"}
		got, err := c.Lookup(context.Background(), keys)
		if err != nil {
			t.Fatalf("%s: %v", source, err)
		}
		if got["doi:10.5555/a,b|c"].Title != "Odd" || srv.Count() != 3 {
			t.Errorf("%s: odd DOI gave %+v after %d requests (want 2 single, 1 batch): %v", source, got["doi:10.5555/a,b|c"], srv.Count(), srv.Requests())
		}
		// unknown: the odd one, and elife to OpenAlex (not in its corpus files)
		if want := map[string]int{"openalex": 2, "crossref": 1}[source]; c.Stats().NotFound != want {
			t.Errorf("%s: stats %+v", source, c.Stats())
		}
	}
}
