package explore

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/internal/corpustest"
	"github.com/citegraph/citegraph/graph/netio"
	"github.com/citegraph/citegraph/parse"
)

// load reads files or folders and resolves them.
func load(t *testing.T, paths ...string) (*graph.Graph, *graph.Metrics) {
	t.Helper()
	files, errs := parse.Files(paths)
	if len(errs) > 0 {
		t.Skipf("cannot read %v: %v", paths, errs)
	}
	var recs []parse.Record
	for _, f := range files {
		res, err := parse.ReadFile(f, "")
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, res.Records...)
	}
	g := graph.New(graph.Resolve(recs, nil))
	return g, g.Metrics(&graph.MetricOptions{SkipBetweenness: true})
}

func writePage(t *testing.T, p *Page) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := p.Write(&b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "explore.html")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, b.Bytes()
}

// pageData decodes the data the page carries.
func pageData(t *testing.T, html []byte) *Page {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/json" id="data">(.*?)</script>`).FindSubmatch(html)
	if m == nil {
		t.Fatal("no data in the page")
	}
	var p Page
	if err := json.Unmarshal(m[1], &p); err != nil {
		t.Fatalf("page data: %v", err)
	}
	return &p
}

func TestPageIsSelfContained(t *testing.T) {
	g, m := load(t, "../../seeds")
	p := Build(g, m, nil)
	p.Works[0].Title = "</script><script>alert(1)</script>"
	_, html := writePage(t, p)
	// nothing the browser would fetch: no src, no stylesheet, no URL outside
	// the data and the script's DOI links
	for _, bad := range []string{` src=`, `rel="stylesheet"`, `@import`, `url(`, `</script><script>alert`} {
		if bytes.Contains(html, []byte(bad)) {
			t.Errorf("page contains %q", bad)
		}
	}
	if !bytes.Contains(html, []byte(`Content-Security-Policy" content="default-src 'none'`)) {
		t.Error("page lacks the policy that forbids every request")
	}
	back := pageData(t, html)
	if len(back.Works) != 16 || back.Works[0].Title != p.Works[0].Title || len(back.Networks) != 1 {
		t.Errorf("data: %d works, title %q", len(back.Works), back.Works[0].Title)
	}
}

// TestHistoriographLayout checks the layout against its definition: years
// in bands oldest on top, undated last, no two nodes on one place, every
// citation between shown works drawn.
func TestHistoriographLayout(t *testing.T) {
	g, m := load(t, corpustest.File(t, "wos/python-bibx_bit-pattern-savedrecs.txt"))
	p := Build(g, m, &Options{MaxWorks: 1500})
	nw := p.Networks[0]
	if len(nw.Work) != 1500 || len(p.Works) != 1500 {
		t.Fatalf("%d nodes, want 1500", len(nw.Work))
	}
	type band struct{ lo, hi float64 }
	bands := map[int]*band{}
	seen := map[[2]float64]bool{}
	for i := range nw.Work {
		y := p.Works[nw.Work[i]].Year
		b := bands[y]
		if b == nil {
			b = &band{nw.Y[i], nw.Y[i]}
			bands[y] = b
		}
		b.lo, b.hi = min(b.lo, nw.Y[i]), max(b.hi, nw.Y[i])
		at := [2]float64{nw.X[i], nw.Y[i]}
		if seen[at] {
			t.Fatalf("two nodes at %v", at)
		}
		seen[at] = true
	}
	var years []int
	for y := range bands {
		years = append(years, y)
	}
	sort.Ints(years)
	if years[0] == 0 {
		years = append(years[1:], 0)
	}
	for k := 1; k < len(years); k++ {
		if bands[years[k]].lo <= bands[years[k-1]].hi {
			t.Errorf("band of %d starts at %v, above the end of %d's band (%v)", years[k], bands[years[k]].lo, years[k-1], bands[years[k-1]].hi)
		}
	}
	idx := map[string]int{}
	for k, w := range p.Works {
		idx[w.ID] = k
	}
	want := 0
	for _, c := range g.Citations {
		_, a := idx[g.Works[c.From].ID]
		_, b := idx[g.Works[c.To].ID]
		if a && b {
			want++
		}
	}
	if len(nw.Edges)/2 != want {
		t.Errorf("%d citations drawn, want %d", len(nw.Edges)/2, want)
	}
}

func TestAddNetwork(t *testing.T) {
	g, m := load(t, "../../seeds")
	p := Build(g, m, nil)
	net, _, _ := netio.Pairs(g, m, netio.PairOptions{Cocitation: true})
	p.AddNetwork("Co-citation", net)
	other := (&netio.Table{Name: "authors", Nodes: []netio.Node{{ID: "Smith J", Cluster: 1, X: 1, Y: 2}, {ID: "Doe A", Cluster: 2}},
		Edges: []netio.Edge{{From: 0, To: 1, Weight: 2}}, Layout: true, Clusters: []netio.Cluster{{ID: 1, Label: "one"}, {ID: 2}}}).Network()
	p.AddNetwork("Authors", other)
	if len(p.Networks) != 3 {
		t.Fatalf("%d networks", len(p.Networks))
	}
	co := p.Networks[1]
	if len(co.Work) != 10 || slices.Contains(co.Work, -1) || len(co.Edges) != 90 || co.Label != nil {
		t.Errorf("co-citation: %d nodes, works %v, %d edges", len(co.Work), co.Work, len(co.Edges)/2)
	}
	au := p.Networks[2]
	if !slices.Equal(au.Work, []int{-1, -1}) || au.Label[0] != "Smith J" || au.X[0] != 1 || au.Cluster[1] != 2 || len(au.Clusters) != 2 {
		t.Errorf("authors map: %+v", au)
	}
}

// TestBrowser opens explorer pages in headless Chromium: no console error,
// no request, the expected number of nodes drawn, a search that finds a
// known work, and clicks (on a search result and on the canvas) that show
// its record.
func TestBrowser(t *testing.T) {
	g, m := load(t, "../../seeds")
	p := Build(g, m, nil)
	co, _, _ := netio.Pairs(g, m, netio.PairOptions{Cocitation: true})
	p.AddNetwork("Co-citation", co) // no layout: a circle
	path, _ := writePage(t, p)
	b := startBrowser(t, 1400, 900)
	url := b.open(path)
	var st struct{ Nodes, Drawn, Shown, Edges int }
	b.eval(`citegraphExplorer`, &st)
	if st.Nodes != 16 || st.Drawn != 16 || st.Edges != 10 {
		t.Errorf("seeds: %+v, want 16 nodes drawn and 10 citations", st)
	}
	// search by title, click the result
	b.typeText("#search", "subtle governance")
	b.waitFor(`!document.getElementById('results').hidden && document.querySelector('#results li[data-node]')`)
	b.clickElement("#results li[data-node]")
	b.waitFor(`document.querySelector('#details h2')`)
	var text string
	b.eval(`document.getElementById('details').innerText`, &text)
	for _, want := range []string{"A subtle governance", "10.1111/1467-9566.00352", "Cites, in this view (10)", "Mentions (1)", "record"} {
		if !strings.Contains(text, want) {
			t.Errorf("details after the search lack %q:\n%s", want, text)
		}
	}
	var link bool
	b.eval(`document.querySelector('#details a[href="https://doi.org/10.1111/1467-9566.00352"]') !== null`, &link)
	if !link {
		t.Error("details lack the DOI link")
	}
	// click a work on the canvas
	var pos struct{ X, Y float64 }
	b.eval(`citegraphExplorer.center('anon-2002-the-system-of') && citegraphExplorer.screenPosition('anon-2002-the-system-of')`, &pos)
	b.waitFor(`citegraphExplorer.frames > 2`)
	b.click(pos.X, pos.Y)
	b.waitFor(`citegraphExplorer.selected === 'anon-2002-the-system-of'`)
	b.eval(`document.getElementById('details').innerText`, &text)
	if !strings.Contains(text, "Cited by, in this view (1)") || !strings.Contains(text, "known only from reference lists") {
		t.Errorf("details after a click on the canvas:\n%s", text)
	}
	// the year filter hides works
	b.eval(`(function(){var f=document.getElementById('from');f.value='2003';f.dispatchEvent(new Event('change'));return true})()`, nil)
	b.waitFor(`citegraphExplorer.shown === 6`) // 2003, 2009, 2025 and the 3 undated stay
	// the second network: a map of the co-cited works
	b.clickElement("#tabs button:nth-child(2)")
	b.waitFor(`citegraphExplorer.network === 'cocitation'`)
	b.waitFor(`citegraphExplorer.drawn === 10 && citegraphExplorer.edges === 45`)
	if errs, reqs := b.problems(url); len(errs) > 0 || len(reqs) > 0 {
		t.Errorf("console errors %v, requests %v", errs, reqs)
	}
	if os.Getenv("CITEGRAPH_SCREENSHOT") != "" {
		b.screenshot(os.Getenv("CITEGRAPH_SCREENSHOT"))
	}
}

// TestBrowserCorpus opens the explorer of a WoS export at the sizes the
// issue names: 2,000 works (the default) and 5,000, and measures a frame.
func TestBrowserCorpus(t *testing.T) {
	g, m := load(t, corpustest.File(t, "wos/python-bibx_bit-pattern-savedrecs.txt"))
	b := startBrowser(t, 1400, 900)
	for _, max := range []int{0, 5000} {
		p := Build(g, m, &Options{MaxWorks: max})
		path, _ := writePage(t, p)
		url := b.open(path)
		var st struct{ Nodes, Drawn int }
		b.eval(`citegraphExplorer`, &st)
		want := len(p.Works)
		if st.Nodes != want || st.Drawn != want {
			t.Errorf("%d works: %d nodes, %d drawn", want, st.Nodes, st.Drawn)
		}
		// a known work by its DOI: the most cited one
		top := p.Works[0]
		for _, w := range p.Works {
			if w.DOI != "" && (top.DOI == "" || w.Metrics[0] > top.Metrics[0]) {
				top = w
			}
		}
		b.eval(`(function(){var s=document.getElementById('search');s.value='';s.dispatchEvent(new Event('input'));return true})()`, nil)
		b.typeText("#search", strings.ToUpper(top.DOI))
		b.waitFor(`document.querySelector('#results li[data-node]')`)
		b.call(b.session, "Input.dispatchKeyEvent", map[string]any{"type": "keyDown", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13})
		b.waitFor(`citegraphExplorer.selected === ` + jsString(top.ID))
		// zoom in and out: frames drawn with every node and edge
		var ms []float64
		b.eval(`new Promise(function(done){var c=document.getElementById('canvas'),r=c.getBoundingClientRect(),k=0,ms=[];
			function step(){if(k>0)ms.push(citegraphExplorer.frameMs);if(k++===20){done(ms);return}
			c.dispatchEvent(new WheelEvent('wheel',{deltaY:k%2?-120:120,clientX:r.left+r.width/2,clientY:r.top+r.height/2,bubbles:true,cancelable:true}));
			requestAnimationFrame(function(){requestAnimationFrame(step)})}step()})`, &ms)
		slices.Sort(ms)
		t.Logf("%d works, %d citations: median frame %.1f ms, slowest %.1f ms", want, len(p.Networks[0].Edges)/2, ms[len(ms)/2], ms[len(ms)-1])
		if ms[len(ms)/2] > 200 {
			t.Errorf("median frame %.0f ms with %d works: not smooth", ms[len(ms)/2], want)
		}
		if errs, reqs := b.problems(url); len(errs) > 0 || len(reqs) > 0 {
			t.Errorf("console errors %v, requests %v", errs, reqs)
		}
	}
}
