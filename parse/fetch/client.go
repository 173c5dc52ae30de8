package fetch

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/citegraph/citegraph/parse"
)

// Options configures a Client. The zero value asks OpenAlex, without a
// cache, with the defaults documented on each field.
type Options struct {
	// Source is "openalex" (the default) or "crossref".
	Source string
	// BaseURL replaces the API's address (https://api.openalex.org,
	// https://api.crossref.org), e.g. for a server that replays responses.
	BaseURL string
	// Mailto is sent with every request (mailto=…): the APIs serve
	// requests that name a contact address from their "polite pool".
	Mailto string
	// APIKey is sent to OpenAlex as api_key=…; it is never written to the
	// cache or printed.
	APIKey string
	// Cache, when set, answers first and keeps every work received.
	Cache *Cache
	// Offline answers from the cache only: no request is ever sent.
	Offline bool
	// MaxRequests bounds the requests sent, retries included; once spent,
	// what is not in the cache is not looked up. 0 means no bound.
	MaxRequests int
	// Timeout bounds each request, body included; 0 means 30 seconds.
	Timeout time.Duration
	// Retries is how many times a request that failed for a passing
	// reason (429, 5xx, a time-out, a body cut off) is sent again; 0 means
	// 4, -1 none.
	Retries int
	// Backoff is the wait before the first retry, doubled for each next
	// one up to 32 times, unless the server says how long (Retry-After);
	// 0 means 1 second.
	Backoff time.Duration
	// Interval is the least time between two requests; 0 means 100 ms
	// (10 requests a second, OpenAlex's limit).
	Interval time.Duration
	// MaxCiting bounds the citing works read for one work, the most cited
	// first; 0 means 1000.
	MaxCiting int
	// Progress, when set, receives a line for each batch and each retry.
	Progress io.Writer
	// Transport sends the requests; nil means http.DefaultTransport.
	Transport http.RoundTripper
}

// Stats accounts for what a Client did. Works and identifiers are counted
// once however often they were looked up.
type Stats struct {
	Source   string
	Requests int // HTTP requests sent, retries included
	Retries  int // of those, retries
	// Network counts the works received in answer to this client's
	// requests, Cached the other works, read from the cache.
	Network, Cached int
	// NotFound counts identifiers the source does not know (asked now, or
	// remembered as unknown by the cache).
	NotFound int
	// NotAsked counts identifiers that were not looked up: not in the cache
	// while offline, or after the request budget was spent.
	NotAsked int
	// BudgetSpent is set when MaxRequests stopped a lookup.
	BudgetSpent bool
	// Oldest and Newest are the retrieval dates of the cached works used.
	Oldest, Newest time.Time
	// Started is when this run's first request was sent.
	Started time.Time
}

// Origin says where a record came from: the date it was retrieved and
// whether it was read from the cache rather than received in this run.
type Origin struct {
	Retrieved time.Time
	Cached    bool
}

// Client looks works up in one source. It is not safe for concurrent use:
// requests are sent one at a time, as the APIs ask.
type Client struct {
	opt     Options
	base    *url.URL
	hc      *http.Client
	sleep   func(context.Context, time.Duration) error
	now     func() time.Time
	last    time.Time // when the last request was sent
	stats   Stats
	origins map[string]Origin // by record File
	// the works received and read from the cache (with their retrieval
	// date), and the identifiers not found or not asked, by key
	network            map[string]bool
	cached             map[string]time.Time
	notFound, notAsked map[string]bool
}

// The APIs' addresses.
const (
	OpenAlexURL = "https://api.openalex.org"
	CrossrefURL = "https://api.crossref.org"
)

// batchSize is the most identifiers asked in one request (OpenAlex ORs up
// to 50 values in one filter; Crossref takes as many doi: filters).
const batchSize = 50

// maxRetryAfter is the longest Retry-After a client waits for; a server
// asking for more (a daily limit) ends the lookup with an error.
const maxRetryAfter = 5 * time.Minute

// selectFields keep responses small: what the readers use.
var selectFields = map[string]string{
	"openalex": "id,doi,title,display_name,publication_year,publication_date,ids,authorships,primary_location," +
		"biblio,cited_by_count,referenced_works,referenced_works_count,type,keywords",
	"crossref": "DOI,title,subtitle,author,issued,published-print,published-online,created,container-title," +
		"short-container-title,volume,issue,page,ISSN,ISBN,type,is-referenced-by-count,references-count,reference",
}

// ErrNoCiting is returned by Citing for a source without open lists of citing works.
var ErrNoCiting = errors.New("crossref has no open list of citing works: use -fetch openalex")

// errBudget stops requests once MaxRequests are spent.
var errBudget = errors.New("request budget spent")

// New returns a client for opt.Source.
func New(opt Options) (*Client, error) {
	opt.Source = cmp.Or(opt.Source, "openalex")
	def := map[string]string{"openalex": OpenAlexURL, "crossref": CrossrefURL}[opt.Source]
	if def == "" {
		return nil, fmt.Errorf("unknown source %q: use openalex or crossref", opt.Source)
	}
	base, err := url.Parse(cmp.Or(opt.BaseURL, def))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("%s address %q is not an http(s) URL", opt.Source, opt.BaseURL)
	}
	opt.Timeout = cmp.Or(opt.Timeout, 30*time.Second)
	opt.Retries = cmp.Or(opt.Retries, 4)
	opt.Retries = max(opt.Retries, 0)
	opt.Backoff = cmp.Or(opt.Backoff, time.Second)
	opt.Interval = cmp.Or(opt.Interval, 100*time.Millisecond)
	opt.MaxCiting = cmp.Or(opt.MaxCiting, 1000)
	tr := opt.Transport
	if tr == nil {
		tr = http.DefaultTransport
	}
	return &Client{
		opt: opt, base: base, hc: &http.Client{Transport: tr},
		sleep: sleepCtx, now: time.Now,
		stats:   Stats{Source: opt.Source},
		origins: map[string]Origin{},
		network: map[string]bool{}, cached: map[string]time.Time{},
		notFound: map[string]bool{}, notAsked: map[string]bool{},
	}, nil
}

// Source returns "openalex" or "crossref".
func (c *Client) Source() string { return c.opt.Source }

// Stats returns the account of the lookups so far.
func (c *Client) Stats() Stats {
	st := c.stats
	st.Network, st.NotFound, st.NotAsked = len(c.network), len(c.notFound), len(c.notAsked)
	for k, t := range c.cached {
		if c.network[k] {
			continue // received by this client, then read back
		}
		st.Cached++
		if !t.IsZero() {
			if st.Oldest.IsZero() || t.Before(st.Oldest) {
				st.Oldest = t
			}
			if t.After(st.Newest) {
				st.Newest = t
			}
		}
	}
	return st
}

// notAskedAll counts keys as not looked up.
func (c *Client) notAskedAll(keys []string) {
	for _, k := range keys {
		c.notAsked[k] = true
	}
}

// Origin returns where a record this client returned came from, by the
// record's File.
func (c *Client) Origin(file string) (Origin, bool) {
	o, ok := c.origins[file]
	return o, ok
}

// Key returns the key by which this source looks a work up, from its
// identifiers: the OpenAlex id, else the DOI, else the PubMed id (Crossref:
// the DOI only); "" when it has none of them.
func (c *Client) Key(ids map[string]string, doi string) string {
	for _, k := range allKeys(ids, doi) {
		if kind, _ := keyValue(k); supports(c.opt.Source, kind) {
			return k
		}
	}
	return ""
}

// Lookup returns the works of the given keys (see ParseKey) that the cache
// or the source knows, by key. Keys the source cannot be asked by are
// left out. Works not in the cache are asked for in batches. An error ends
// the lookup (what was received is kept in the cache); a spent request
// budget does not: the rest is counted as not asked.
func (c *Client) Lookup(ctx context.Context, keys []string) (map[string]parse.Record, error) {
	out := map[string]parse.Record{}
	byKind := map[string][]string{}
	seen := map[string]bool{}
	for _, k := range keys {
		kind, _ := keyValue(k)
		if seen[k] || !supports(c.opt.Source, kind) {
			continue
		}
		seen[k] = true
		if rec, found, ok := c.fromCache(k); ok {
			if found {
				out[k] = rec
			} else {
				c.notFound[k] = true
			}
			continue
		}
		byKind[kind] = append(byKind[kind], k)
	}
	for _, kind := range keySpace {
		todo := byKind[kind]
		if c.opt.Offline {
			c.notAskedAll(todo)
			continue
		}
		// identifiers that would break a filter go one by one, first
		var odd []string
		todo = slices.DeleteFunc(todo, func(k string) bool {
			if !batchable(k) {
				odd = append(odd, k)
			}
			return !batchable(k)
		})
		todo = append(odd, todo...)
		for len(todo) > 0 {
			n := min(batchSize, len(todo))
			if len(odd) > 0 {
				n, odd = 1, odd[1:]
			}
			err := c.lookupBatch(ctx, kind, todo[:n], out)
			if errors.Is(err, errBudget) {
				c.stats.BudgetSpent = true
				c.notAskedAll(todo)
				break
			}
			if err != nil {
				return out, err
			}
			todo = todo[n:]
		}
	}
	return out, nil
}

// fromCache looks a key up in the cache: ok when the cache answers, found
// when it knows the work.
func (c *Client) fromCache(key string) (rec parse.Record, found, ok bool) {
	if c.opt.Cache == nil {
		return rec, false, false
	}
	e := c.opt.Cache.read(c.opt.Source, key)
	if e == nil {
		return rec, false, false
	}
	if len(e.records) == 0 {
		// an unknown work, or a damaged entry, which is asked again
		return rec, false, len(e.problems) == 0
	}
	best := -1
	for i := range e.records {
		if recordHas(&e.records[i], key) && (best < 0 || len(e.records[i].References) > len(e.records[best].References)) {
			best = i
		}
	}
	if best < 0 {
		return rec, false, false // not the work it is filed under
	}
	c.useCached(e)
	return e.records[best], true, true
}

// useCached counts a cache entry's works as read from the cache.
func (c *Client) useCached(e *entry) {
	for i := range e.records {
		c.cached[c.Key(e.records[i].IDs, e.records[i].DOI)] = e.retrieved
	}
	c.origins[e.path] = Origin{Retrieved: e.retrieved, Cached: true}
}

// batchable reports whether a key can be one of the values of a filter:
// a DOI holding ',' or '|' (the filters' separators) cannot.
func batchable(key string) bool {
	return !strings.ContainsAny(key, ",|")
}

// lookupOne asks for one work at the API's single-work address (OpenAlex
// /works/doi:…, Crossref /works/{doi}) and returns the query as shown in
// the cache and the work, if the source knows it.
func (c *Client) lookupOne(ctx context.Context, key string) (string, []json.RawMessage, error) {
	kind, v := keyValue(key)
	path, q := "/works/"+v, url.Values{}
	if c.opt.Source == "openalex" {
		path = "/works/" + kind + ":" + v
		q.Set("select", selectFields[c.opt.Source])
	}
	shown, body, err := c.get(ctx, path, q)
	if errors.Is(err, errNotFound) {
		return shown, nil, nil
	}
	if err != nil {
		return shown, nil, err
	}
	if c.opt.Source == "crossref" {
		var r struct {
			Message json.RawMessage `json:"message"`
		}
		if err := json.Unmarshal(body, &r); err != nil || len(r.Message) == 0 {
			return shown, nil, fmt.Errorf("crossref: response is not a work")
		}
		body = r.Message
	}
	return shown, []json.RawMessage{body}, nil
}

// lookupBatch asks for the works of keys of one kind (a filter of up to
// batchSize values, or one work at its own address when its key is not
// batchable) and files them in out and in the cache, with an empty entry
// for each key nothing answered.
func (c *Client) lookupBatch(ctx context.Context, kind string, keys []string, out map[string]parse.Record) error {
	if len(keys) == 1 && !batchable(keys[0]) {
		u, raws, err := c.lookupOne(ctx, keys[0])
		if err != nil {
			return err
		}
		return c.receive(kind, keys, u, raws, out)
	}
	var values []string
	for _, k := range keys {
		_, v := keyValue(k)
		values = append(values, v)
	}
	q := url.Values{}
	if c.opt.Source == "crossref" {
		for i, v := range values {
			values[i] = "doi:" + v
		}
		q.Set("filter", strings.Join(values, ","))
		q.Set("rows", strconv.Itoa(2*batchSize))
	} else {
		q.Set("filter", map[string]string{"openalex": "ids.openalex", "doi": "doi", "pmid": "ids.pmid"}[kind]+":"+strings.Join(values, "|"))
		q.Set("per-page", strconv.Itoa(2*batchSize))
	}
	q.Set("select", selectFields[c.opt.Source])
	var raws []json.RawMessage
	u, _, _, err := c.pages(ctx, q, 0, func(page []json.RawMessage) { raws = append(raws, page...) })
	if err != nil {
		return err
	}
	return c.receive(kind, keys, u, raws, out)
}

// receive files the works received for keys (asked by the query u) in out
// and in the cache, with an empty entry for each key nothing answered.
func (c *Client) receive(kind string, keys []string, u string, raws []json.RawMessage, out map[string]parse.Record) error {
	hdr := header{Retrieved: c.runDate(), URL: u}
	found := map[string]bool{}
	for _, raw := range raws {
		data := encodeEntry(c.opt.Source, hdr, []json.RawMessage{raw})
		e := readEntry(c.opt.Source, "", data)
		if len(e.records) != 1 {
			continue
		}
		rec := e.records[0]
		c.network[c.Key(rec.IDs, rec.DOI)] = true
		if err := c.file(rec, data); err != nil {
			return err
		}
		for _, k := range keys {
			if recordHas(&rec, k) {
				if prev, ok := out[k]; !ok || !found[k] || len(rec.References) > len(prev.References) {
					out[k] = c.place(rec, k)
				}
				found[k] = true
			}
		}
	}
	missing := 0
	for _, k := range keys {
		if !found[k] {
			missing++
			c.notFound[k] = true
			if c.opt.Cache != nil {
				if _, err := c.opt.Cache.write(c.opt.Source, k, encodeEntry(c.opt.Source, hdr, nil)); err != nil {
					return err
				}
			}
		}
	}
	c.progressf("%s: %d %s looked up, %d found (%s so far)", c.opt.Source, len(keys), kindName(kind, len(keys)),
		len(keys)-missing, plural(c.stats.Requests, "request"))
	return nil
}

// plural writes a count and a unit.
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

// kindName names identifiers of a kind for progress lines.
func kindName(kind string, n int) string {
	name := map[string]string{"openalex": "OpenAlex id", "doi": "DOI", "pmid": "PubMed id"}[kind]
	if n != 1 {
		name += "s"
	}
	return name
}

// runDate returns the retrieval date written for works received now, the
// same for the whole run: the time of its first request.
func (c *Client) runDate() string {
	if c.stats.Started.IsZero() {
		c.stats.Started = c.now()
	}
	return c.stats.Started.UTC().Format(time.RFC3339)
}

// file stores a work received now under each of its keys.
func (c *Client) file(rec parse.Record, data []byte) error {
	if c.opt.Cache == nil {
		return nil
	}
	for _, k := range keysFor(c.opt.Source, &rec) {
		if _, err := c.opt.Cache.write(c.opt.Source, k, data); err != nil {
			return err
		}
	}
	return nil
}

// place gives a record received now the Source it has when read back from
// the cache under key, and remembers its origin.
func (c *Client) place(rec parse.Record, key string) parse.Record {
	rec.File = c.opt.Source + " " + key
	if c.opt.Cache != nil {
		rec.File = c.opt.Cache.path(c.opt.Source, key)
	}
	rec.Source = rec.File
	if rec.Line > 0 {
		rec.Source += ":" + strconv.Itoa(rec.Line)
	}
	c.origins[rec.File] = Origin{Retrieved: c.stats.Started}
	return rec
}

// Citing returns the works that cite the work of key (an OpenAlex id; other
// keys give none), the most cited first, at most Options.MaxCiting of them,
// from the cache or from OpenAlex (filter=cites:…, cursor paging).
func (c *Client) Citing(ctx context.Context, key string) ([]parse.Record, error) {
	if c.opt.Source != "openalex" {
		return nil, ErrNoCiting
	}
	kind, id := keyValue(key)
	if kind != "openalex" {
		return nil, nil
	}
	ckey := "cites:" + id
	keep := func(e *entry) []parse.Record {
		var out []parse.Record
		for _, rec := range e.records {
			if slices.ContainsFunc(rec.References, func(r parse.Reference) bool { return r.IDs["openalex"] == id }) {
				out = append(out, rec)
			}
		}
		return out
	}
	if c.opt.Cache != nil {
		if e := c.opt.Cache.read(c.opt.Source, ckey); e != nil && len(e.problems) == 0 && (!e.hdr.Truncated || e.hdr.Limit >= c.opt.MaxCiting) {
			c.useCached(e)
			return keep(e), nil
		}
	}
	if c.opt.Offline {
		c.notAsked[ckey] = true
		return nil, nil
	}
	q := url.Values{}
	q.Set("filter", "cites:"+id)
	q.Set("per-page", "100")
	q.Set("sort", "cited_by_count:desc")
	q.Set("select", selectFields[c.opt.Source])
	var raws []json.RawMessage
	u, total, truncated, err := c.pages(ctx, q, c.opt.MaxCiting, func(page []json.RawMessage) { raws = append(raws, page...) })
	if errors.Is(err, errBudget) {
		c.stats.BudgetSpent = true
		c.notAsked[ckey] = true
		err = nil
		truncated = true // not cached below: a later run with budget reads all
	}
	if err != nil {
		return nil, err
	}
	if len(raws) > c.opt.MaxCiting {
		raws, truncated = raws[:c.opt.MaxCiting], true
	}
	hdr := header{Retrieved: c.runDate(), URL: u, Total: total, Truncated: truncated, Limit: c.opt.MaxCiting}
	data := encodeEntry(c.opt.Source, hdr, raws)
	path := c.opt.Source + " " + ckey
	if c.opt.Cache != nil && !c.stats.BudgetSpent {
		if path, err = c.opt.Cache.write(c.opt.Source, ckey, data); err != nil {
			return nil, err
		}
	}
	e := readEntry(c.opt.Source, path, data)
	c.origins[path] = Origin{Retrieved: c.stats.Started}
	for i := range e.records {
		c.network[c.Key(e.records[i].IDs, e.records[i].DOI)] = true
	}
	for _, raw := range raws {
		one := encodeEntry(c.opt.Source, header{Retrieved: hdr.Retrieved, URL: u}, []json.RawMessage{raw})
		if e1 := readEntry(c.opt.Source, "", one); len(e1.records) == 1 {
			if err := c.file(e1.records[0], one); err != nil {
				return nil, err
			}
		}
	}
	c.progressf("%s: %d works citing %s read of %d (%s so far)", c.opt.Source, len(e.records), id, total, plural(c.stats.Requests, "request"))
	return keep(e), nil
}

// pages sends the list query q with cursor paging and passes each page's
// works to fn, until the list ends or limit works (0: no limit) are read.
// It returns the query as shown in the cache (without mailto and key), the
// number of works the API counts, and whether the list was cut at limit.
func (c *Client) pages(ctx context.Context, q url.Values, limit int, fn func([]json.RawMessage)) (shown string, total int, truncated bool, err error) {
	cursor, got := "*", 0
	for {
		q.Set("cursor", cursor)
		var body []byte
		shown, body, err = c.get(ctx, "/works", q)
		if err != nil {
			return shown, total, got > 0, err
		}
		p, err := decodePage(c.opt.Source, body)
		if err != nil {
			return shown, total, false, fmt.Errorf("%s: %v", c.opt.Source, err)
		}
		total = p.total
		fn(p.works)
		got += len(p.works)
		if len(p.works) == 0 || p.next == "" || got >= total {
			return shown, total, false, nil
		}
		if limit > 0 && got >= limit {
			return shown, total, true, nil
		}
		cursor = p.next
	}
}

// page is one response of a list query.
type page struct {
	works []json.RawMessage
	total int
	next  string
}

// decodePage reads a list response: OpenAlex {meta, results}, Crossref
// {status, message: {items, total-results, next-cursor}}.
func decodePage(source string, body []byte) (page, error) {
	if source == "crossref" {
		var r struct {
			Status  string `json:"status"`
			Message struct {
				Items      []json.RawMessage `json:"items"`
				Total      int               `json:"total-results"`
				NextCursor string            `json:"next-cursor"`
			} `json:"message"`
		}
		if err := json.Unmarshal(body, &r); err != nil {
			return page{}, fmt.Errorf("response is not a crossref work list: %v", err)
		}
		if r.Status != "ok" {
			return page{}, fmt.Errorf("response status is %q", r.Status)
		}
		return page{r.Message.Items, r.Message.Total, r.Message.NextCursor}, nil
	}
	var r struct {
		Meta struct {
			Count      int     `json:"count"`
			NextCursor *string `json:"next_cursor"`
		} `json:"meta"`
		Results []json.RawMessage `json:"results"`
		Error   string            `json:"error"`
		Message string            `json:"message"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return page{}, fmt.Errorf("response is not an openalex work list: %v", err)
	}
	if r.Error != "" {
		return page{}, fmt.Errorf("%s: %s", r.Error, r.Message)
	}
	p := page{works: r.Results, total: r.Meta.Count}
	if r.Meta.NextCursor != nil {
		p.next = *r.Meta.NextCursor
	}
	return p, nil
}

func (c *Client) progressf(format string, args ...any) {
	if c.opt.Progress != nil {
		fmt.Fprintf(c.opt.Progress, "citegraph: "+format+"\n", args...)
	}
}
