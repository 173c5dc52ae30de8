// Package fetchtest serves works the way the OpenAlex and Crossref APIs do,
// from JSON the test gives it, so that parse/fetch and citegraph -fetch are
// tested without the network.
//
// The server answers GET {URL}/openalex/works with OpenAlex's list envelope
// ({meta: {count, per_page, next_cursor}, results}) for the filters
// ids.openalex:, doi:, ids.pmid: (values joined by |) and cites:, and GET
// {URL}/crossref/works with Crossref's ({status, message-type, message:
// {total-results, items, next-cursor}}) for doi: filters joined by commas.
// Both honour select (only the named fields are kept), per-page or rows,
// and cursor paging; OpenAlex also sort=cited_by_count:desc. Single works
// are served at {URL}/openalex/works/W… or …/works/doi:10.…, and
// {URL}/crossref/works/10.… ({status, message-type: work, message}); an
// unknown one is a 404. It decodes the works it serves with encoding/json
// alone, independently of parse.
package fetchtest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Server replays works. Its fields may be set before the first request.
type Server struct {
	*httptest.Server
	// MaxPerPage caps per-page and rows (the APIs cap at 200 and 1000);
	// a test lowers it to force paging. 0 means 200.
	MaxPerPage int
	// Fault, when set, sees every request first (n counts them from 1) and
	// may answer it itself, returning true: a 429, a 500, a body cut off.
	Fault func(n int, w http.ResponseWriter, r *http.Request) bool

	mu       sync.Mutex
	requests []string
	openalex []oaWork
	crossref []crWork
}

type oaWork struct {
	raw   map[string]json.RawMessage
	id    string   // W…
	doi   string   // lower case, no resolver
	pmid  string   // digits
	refs  []string // W…
	cited int
}

type crWork struct {
	raw map[string]json.RawMessage
	doi string
}

// New starts a server; Close stops it.
func New() *Server {
	s := &Server{}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// OpenAlexURL and CrossrefURL are the base addresses to give the client
// (CITEGRAPH_OPENALEX_URL, CITEGRAPH_CROSSREF_URL).
func (s *Server) OpenAlexURL() string { return s.URL + "/openalex" }
func (s *Server) CrossrefURL() string { return s.URL + "/crossref" }

// Requests returns the request URIs received so far.
func (s *Server) Requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// Count returns the number of requests received so far.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

// shortOA returns "W123" from an OpenAlex work id or URL.
func shortOA(s string) string {
	return strings.ToUpper(s[strings.LastIndex(s, "/")+1:])
}

// bareDOI returns a DOI without resolver, in lower case.
func bareDOI(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// AddOpenAlex serves one OpenAlex work object.
func (s *Server) AddOpenAlex(raw []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return err
	}
	var f struct {
		ID   string   `json:"id"`
		DOI  string   `json:"doi"`
		Refs []string `json:"referenced_works"`
		IDs  struct {
			PMID string `json:"pmid"`
		} `json:"ids"`
		Cited int `json:"cited_by_count"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		return err
	}
	if f.ID == "" {
		return fmt.Errorf("openalex work without id")
	}
	w := oaWork{raw: m, id: shortOA(f.ID), doi: bareDOI(f.DOI), pmid: strings.TrimPrefix(f.IDs.PMID, "https://pubmed.ncbi.nlm.nih.gov/"), cited: f.Cited}
	for _, r := range f.Refs {
		w.refs = append(w.refs, shortOA(r))
	}
	s.mu.Lock()
	s.openalex = append(s.openalex, w)
	s.mu.Unlock()
	return nil
}

// AddCrossref serves one Crossref work object (the value of "message").
func (s *Server) AddCrossref(raw []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return err
	}
	var doi string
	if err := json.Unmarshal(m["DOI"], &doi); err != nil || doi == "" {
		return fmt.Errorf("crossref work without DOI")
	}
	s.mu.Lock()
	s.crossref = append(s.crossref, crWork{raw: m, doi: bareDOI(doi)})
	s.mu.Unlock()
	return nil
}

// LoadOpenAlex serves the works of a file holding one OpenAlex work or a
// list response ({results: […]}). It returns how many it added.
func (s *Server) LoadOpenAlex(path string) (int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var list struct {
		Results []json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal(data, &list); err != nil {
		return 0, err
	}
	if list.Results == nil {
		return 1, s.AddOpenAlex(data)
	}
	for _, w := range list.Results {
		if err := s.AddOpenAlex(w); err != nil {
			return 0, err
		}
	}
	return len(list.Results), nil
}

// LoadCrossref serves the works of a file holding a Crossref response
// ({message: work} or {message: {items}}), a bare {items} list or one work.
func (s *Server) LoadCrossref(path string) (int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var env struct {
		Message json.RawMessage   `json:"message"`
		Items   []json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal(data, &env); err != nil {
		return 0, err
	}
	works := env.Items
	if env.Message != nil {
		var inner struct {
			Items []json.RawMessage `json:"items"`
		}
		if json.Unmarshal(env.Message, &inner) == nil && inner.Items != nil {
			works = inner.Items
		} else {
			works = []json.RawMessage{env.Message}
		}
	}
	if works == nil {
		works = []json.RawMessage{data}
	}
	n := 0
	for _, w := range works {
		if s.AddCrossref(w) == nil {
			n++
		}
	}
	return n, nil
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests = append(s.requests, r.URL.RequestURI())
	n := len(s.requests)
	fault := s.Fault
	s.mu.Unlock()
	if fault != nil && fault(n, w, r) {
		return
	}
	switch p := r.URL.Path; {
	case p == "/openalex/works":
		s.serveOpenAlex(w, r)
	case p == "/crossref/works":
		s.serveCrossref(w, r)
	case strings.HasPrefix(p, "/openalex/works/"):
		s.serveOne(w, r, "openalex", strings.TrimPrefix(p, "/openalex/works/"))
	case strings.HasPrefix(p, "/crossref/works/"):
		s.serveOne(w, r, "crossref", strings.TrimPrefix(p, "/crossref/works/"))
	default:
		http.Error(w, `{"error":"not found"}`, http.StatusNotFound)
	}
}

// serveOne answers a single-work request.
func (s *Server) serveOne(w http.ResponseWriter, r *http.Request, api, id string) {
	s.mu.Lock()
	var work map[string]json.RawMessage
	if api == "crossref" {
		for _, wk := range s.crossref {
			if wk.doi == bareDOI(id) {
				work = wk.raw
			}
		}
	} else {
		for _, wk := range s.openalex {
			if strings.HasPrefix(strings.ToLower(id), "doi:") && wk.doi == bareDOI(id) || shortOA(id) == wk.id {
				work = wk.raw
			}
		}
	}
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if work == nil {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"error":"Not Found","message":"no such work"}`)
		return
	}
	sel := selected(work, r.URL.Query().Get("select"))
	if api == "crossref" {
		json.NewEncoder(w).Encode(map[string]any{"status": "ok", "message-type": "work", "message-version": "1.0.0", "message": sel})
		return
	}
	json.NewEncoder(w).Encode(sel)
}

// pageOf cuts the page a request asks for: per-page works from the cursor.
func (s *Server) pageOf(total int, perPage, cursor string, def int) (from, to int, next *string, err error) {
	size := def
	if perPage != "" {
		if size, err = strconv.Atoi(perPage); err != nil || size < 1 {
			return 0, 0, nil, fmt.Errorf("per-page %q is not a positive number", perPage)
		}
	}
	size = min(size, cmp.Or(s.MaxPerPage, 200))
	switch {
	case cursor == "" || cursor == "*":
	case strings.HasPrefix(cursor, "c"):
		if from, err = strconv.Atoi(cursor[1:]); err != nil || from < 0 {
			return 0, 0, nil, fmt.Errorf("cursor %q not understood", cursor)
		}
	default:
		return 0, 0, nil, fmt.Errorf("cursor %q not understood", cursor)
	}
	from = min(from, total)
	to = min(from+size, total)
	if cursor != "" && to > from {
		// like the APIs: a cursor while the page was not empty
		c := "c" + strconv.Itoa(to)
		next = &c
	}
	return from, to, next, nil
}

// selected returns the work with only the fields of sel (all if empty).
func selected(raw map[string]json.RawMessage, sel string) map[string]json.RawMessage {
	if sel == "" {
		return raw
	}
	out := map[string]json.RawMessage{}
	for _, f := range strings.Split(sel, ",") {
		if v, ok := raw[f]; ok {
			out[f] = v
		}
	}
	return out
}

func badRequest(w http.ResponseWriter, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(map[string]string{"error": "Invalid query parameters error.", "message": msg})
}

func (s *Server) serveOpenAlex(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	name, values, ok := strings.Cut(q.Get("filter"), ":")
	if !ok || strings.Contains(values, ",") {
		badRequest(w, "one filter expected, got "+q.Get("filter"))
		return
	}
	want := map[string]bool{}
	for _, v := range strings.Split(values, "|") {
		switch name {
		case "ids.openalex", "openalex", "cites":
			want[shortOA(v)] = true
		case "doi":
			want[bareDOI(v)] = true
		case "ids.pmid", "pmid":
			want[v] = true
		default:
			badRequest(w, name+" is not a valid filter here")
			return
		}
	}
	if len(want) > 100 {
		badRequest(w, "more than 100 values OR-ed in one filter")
		return
	}
	s.mu.Lock()
	var hits []oaWork
	for _, wk := range s.openalex {
		match := false
		switch name {
		case "ids.openalex", "openalex":
			match = want[wk.id]
		case "doi":
			match = want[wk.doi]
		case "ids.pmid", "pmid":
			match = want[wk.pmid]
		case "cites":
			match = slices.ContainsFunc(wk.refs, func(id string) bool { return want[id] })
		}
		if match {
			hits = append(hits, wk)
		}
	}
	s.mu.Unlock()
	switch q.Get("sort") {
	case "":
	case "cited_by_count:desc":
		slices.SortStableFunc(hits, func(a, b oaWork) int { return cmp.Compare(b.cited, a.cited) })
	default:
		badRequest(w, "sort "+q.Get("sort")+" not supported here")
		return
	}
	perPage := q.Get("per-page")
	if perPage == "" {
		perPage = q.Get("per_page")
	}
	from, to, next, err := s.pageOf(len(hits), perPage, q.Get("cursor"), 25)
	if err != nil {
		badRequest(w, err.Error())
		return
	}
	results := []map[string]json.RawMessage{}
	for _, wk := range hits[from:to] {
		results = append(results, selected(wk.raw, q.Get("select")))
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"meta":     map[string]any{"count": len(hits), "db_response_time_ms": 1, "page": nil, "per_page": to - from, "next_cursor": next, "groups_count": nil},
		"results":  results,
		"group_by": []any{},
	})
}

func (s *Server) serveCrossref(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	want := map[string]bool{}
	for _, f := range strings.Split(q.Get("filter"), ",") {
		name, v, _ := strings.Cut(f, ":")
		if name != "doi" {
			badRequest(w, "filter "+name+" not supported here")
			return
		}
		want[bareDOI(v)] = true
	}
	s.mu.Lock()
	var hits []crWork
	for _, wk := range s.crossref {
		if want[wk.doi] {
			hits = append(hits, wk)
		}
	}
	s.mu.Unlock()
	from, to, next, err := s.pageOf(len(hits), q.Get("rows"), q.Get("cursor"), 20)
	if err != nil {
		badRequest(w, err.Error())
		return
	}
	items := []map[string]json.RawMessage{}
	for _, wk := range hits[from:to] {
		items = append(items, selected(wk.raw, q.Get("select")))
	}
	msg := map[string]any{"facets": map[string]any{}, "total-results": len(hits), "items": items, "items-per-page": to - from,
		"query": map[string]any{"start-index": 0, "search-terms": nil}}
	if next != nil {
		msg["next-cursor"] = *next
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"status": "ok", "message-type": "work-list", "message-version": "1.0.0", "message": msg})
}
