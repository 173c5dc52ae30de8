package scimap

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/cluster"
	"github.com/citegraph/citegraph/graph/network"
	"github.com/citegraph/citegraph/parse"
)

// TestLeidenAgainstIgraph clusters the coupling and co-citation networks
// (link counts as weights) of shared corpora, and of the peers' generated
// corpora when $CITEGRAPH_BENCH_DATA names their folder (S; M too with
// CITEGRAPH_IGRAPH=M), with this package's Leiden and with python-igraph's
// Leiden and Louvain (../shared/bench/cluster.py, Debian's python3-igraph),
// side by side in one run; igraph scores both partitions the same way. It
// fails when our modularity is below either of igraph's, and logs the
// median times of three runs each (wall and CPU; igraph's exclude loading
// the graph, ours building the Network, which is timed apart). It runs
// only with CITEGRAPH_IGRAPH set: minutes.
func TestLeidenAgainstIgraph(t *testing.T) {
	inputs := igraphInputs(t)
	script := filepath.Join("..", "..", "..", "shared", "bench", "cluster.py")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("peer script not available: %v", err)
	}
	tmp := t.TempDir()
	t.Logf("%-28s %-10s %8s %9s | %-6s | %-22s | %-22s | %-22s", "corpus", "network", "nodes", "links",
		"build", "ours Q wall/cpu", "igraph Leiden", "igraph Louvain")
	eachIgraphNetwork(t, inputs, network.None, func(in igraphInput, kind network.Kind, net *network.Network) {
		edges := filepath.Join(tmp, "edges.tsv")
		writeEdges(t, edges, net)
		peers := medianPeers(t, script, edges)
		// collect the garbage of reading and building first, so that
		// its marking is not billed to the clustering (igraph's clock
		// also starts after loading)
		runtime.GC()
		// as igraph's clock starts with its graph built, ours starts
		// with the Network built; the build is timed on its own
		b0 := time.Now()
		nw := cluster.NewNetwork(len(net.Nodes), func(yield func(cluster.Edge) bool) {
			for _, e := range net.Edges {
				if !yield(cluster.Edge{A: e.A, B: e.B, W: float64(e.Count)}) {
					return
				}
			}
		}, cluster.Modularity)
		build := time.Since(b0).Seconds()
		// three runs each, the medians compared: one run of a few
		// milliseconds is within the machine's noise
		var r cluster.Result
		var walls, cpus []float64
		for i := range 3 {
			w0, c0 := time.Now(), cpuTime()
			ri := nw.Cluster(&cluster.Options{Seed: 1})
			walls, cpus = append(walls, time.Since(w0).Seconds()), append(cpus, (cpuTime()-c0).Seconds())
			if i == 0 {
				r = ri
			} else if !slices.Equal(ri.Membership, r.Membership) {
				t.Errorf("%s %s: run %d of the same Network gave another partition", in.name, kind, i+1)
			}
		}
		wall, cpu := median(walls), median(cpus)
		memb := filepath.Join(tmp, "memb.tsv")
		f, err := os.Create(memb)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriter(f)
		for i, c := range r.Membership {
			fmt.Fprintf(bw, "%d\t%d\n", i, c)
		}
		bw.Flush()
		f.Close()
		ours := runPeer(t, script, edges, "--score", memb)["given"]
		if d := r.Quality - ours.Modularity; d > 1e-6 || d < -1e-6 {
			t.Errorf("%s %s: our modularity %.6f, igraph scores it %.6f", in.name, kind, r.Quality, ours.Modularity)
		}
		le, lo := peers["igraph-leiden"], peers["igraph-louvain"]
		t.Logf("%-28s %-10s %8d %9d | %6.3f | %.6f %6.3f/%6.3f | %.6f %6.3f/%6.3f | %.6f %6.3f/%6.3f", in.name, kind,
			len(net.Nodes), len(net.Edges), build, ours.Modularity, wall, cpu, le.Modularity, le.Wall, le.CPU,
			lo.Modularity, lo.Wall, lo.CPU)
		if ours.Modularity < le.Modularity-1e-6 || ours.Modularity < lo.Modularity-1e-6 {
			t.Errorf("%s %s: modularity %.6f below igraph's (Leiden %.6f, Louvain %.6f)", in.name, kind,
				ours.Modularity, le.Modularity, lo.Modularity)
		}
	})
}

// TestCPMAgainstIgraph clusters the same networks as the map does by
// default, association strengths under CPM at resolution 1, with our Leiden
// and python-igraph's (community_leiden, objective CPM, run to
// convergence), three runs each, and fails when our CPM quality is below
// igraph's. Both qualities are computed alike: the weight inside clusters
// less the resolution times the pairs of nodes in each. It runs only with
// CITEGRAPH_IGRAPH set (M as well with CITEGRAPH_IGRAPH=M: minutes).
func TestCPMAgainstIgraph(t *testing.T) {
	inputs := igraphInputs(t)
	tmp := t.TempDir()
	t.Logf("%-28s %-10s %8s %9s | %-28s | %-28s", "corpus", "network", "nodes", "links", "ours CPM quality wall/cpu", "igraph")
	eachIgraphNetwork(t, inputs, network.Association, func(in igraphInput, kind network.Kind, net *network.Network) {
		edges := filepath.Join(tmp, "edges.tsv")
		writeWeights(t, edges, net, func(e network.Edge) float32 { return e.Weight })
		out, err := exec.Command("/usr/bin/python3", "-c", igraphCPM, edges).Output()
		if err != nil {
			t.Skipf("python-igraph not available: %v", err)
		}
		var peer struct {
			Wall, CPU, Quality float64
		}
		if err := json.Unmarshal(out, &peer); err != nil {
			t.Fatalf("igraph's output %q: %v", out, err)
		}
		runtime.GC()
		nw := cluster.NewNetwork(len(net.Nodes), func(yield func(cluster.Edge) bool) {
			for _, e := range net.Edges {
				if !yield(cluster.Edge{A: e.A, B: e.B, W: float64(e.Weight)}) {
					return
				}
			}
		}, cluster.CPM)
		var r cluster.Result
		var walls, cpus []float64
		for range 3 {
			w0, c0 := time.Now(), cpuTime()
			r = nw.Cluster(&cluster.Options{Seed: 1, Quality: cluster.CPM})
			walls, cpus = append(walls, time.Since(w0).Seconds()), append(cpus, (cpuTime()-c0).Seconds())
		}
		t.Logf("%-28s %-10s %8d %9d | %.6e %6.3f/%6.3f | %.6e %6.3f/%6.3f", in.name, kind,
			len(net.Nodes), len(net.Edges), r.Quality, median(walls), median(cpus), peer.Quality, peer.Wall, peer.CPU)
		if r.Quality < peer.Quality*(1-1e-9) {
			t.Errorf("%s %s: CPM quality %.9e below igraph's %.9e", in.name, kind, r.Quality, peer.Quality)
		}
	})
}

// igraphInput is a corpus the igraph comparisons read.
type igraphInput struct{ name, path string }

// igraphInputs returns the corpora the igraph comparisons read: two shared
// exports, and the peers' generated S (and M, with CITEGRAPH_IGRAPH=M)
// when $CITEGRAPH_BENCH_DATA names their folder. It skips t unless
// CITEGRAPH_IGRAPH is set.
func igraphInputs(t *testing.T) []igraphInput {
	which := os.Getenv("CITEGRAPH_IGRAPH")
	if which == "" {
		t.Skip("set CITEGRAPH_IGRAPH=1 (or M) to compare with python-igraph")
	}
	dir := os.Getenv("CITEGRAPH_CORPORA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpora")
	}
	inputs := []igraphInput{{"python-bibx WoS (500)", filepath.Join(dir, "wos", "python-bibx_bit-pattern-savedrecs.txt")},
		{"metaknowledge Scopus (220)", filepath.Join(dir, "scopus-csv", "metaknowledge_scopus_testing.csv.scopus")}}
	if data := os.Getenv("CITEGRAPH_BENCH_DATA"); data != "" {
		inputs = append(inputs, igraphInput{"generated S (2,000)", filepath.Join(data, "S.wos.txt")})
		if which == "M" {
			inputs = append(inputs, igraphInput{"generated M (20,000)", filepath.Join(data, "M.wos.txt")})
		}
	}
	return inputs
}

// eachIgraphNetwork reads each input and calls f with its coupling and
// co-citation networks, weighted by norm; unreadable inputs are logged and
// skipped.
func eachIgraphNetwork(t *testing.T, inputs []igraphInput, norm network.Normalization,
	f func(in igraphInput, kind network.Kind, net *network.Network)) {
	for _, in := range inputs {
		res, err := parse.ReadFile(in.path, "")
		if err != nil {
			t.Logf("%s: %v (skipped)", in.name, err)
			continue
		}
		g := graph.New(graph.Resolve(res.Records, nil))
		for _, kind := range []network.Kind{network.Coupling, network.Cocitation} {
			net, err := network.Build(g, &network.Options{Kind: kind, Normalization: norm})
			if err != nil {
				t.Fatal(err)
			}
			f(in, kind, net)
		}
	}
}

// igraphCPM clusters the edges file named by its argument with igraph's
// Leiden under CPM at resolution 1, three times, and prints the median
// wall and CPU seconds and the first run's quality as JSON.
const igraphCPM = `
import sys, time, json, random, igraph as ig
edges, w, n = [], [], 0
for line in open(sys.argv[1]):
    a, b, x = line.split("\t")
    a, b = int(a), int(b)
    edges.append((a, b)); w.append(float(x)); n = max(n, a + 1, b + 1)
g = ig.Graph(n=n, edges=edges, directed=False)
g.es["weight"] = w
random.seed(1); ig.set_random_number_generator(random)
walls, cpus, quality = [], [], None
for _ in range(3):
    t0, c0 = time.perf_counter(), time.process_time()
    p = g.community_leiden(objective_function="CPM", weights="weight", resolution_parameter=1.0, n_iterations=-1)
    walls.append(time.perf_counter() - t0); cpus.append(time.process_time() - c0)
    if quality is None:
        m = p.membership
        inside = sum(x for (a, b), x in zip(edges, w) if m[a] == m[b])
        sizes = {}
        for c in m:
            sizes[c] = sizes.get(c, 0) + 1
        quality = inside - sum(s * (s - 1) / 2 for s in sizes.values())
print(json.dumps({"wall": sorted(walls)[1], "cpu": sorted(cpus)[1], "quality": quality}))
`

// peerResult is one line of cluster.py's output.
type peerResult struct {
	Method     string  `json:"method"`
	Wall       float64 `json:"wall_s"`
	CPU        float64 `json:"cpu_s"`
	Modularity float64 `json:"modularity"`
}

// median returns the median of xs (three or more).
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// medianPeers runs the peer script three times and returns, by method,
// the first run's result with the median wall and CPU times.
func medianPeers(t *testing.T, script, edges string) map[string]peerResult {
	t.Helper()
	var runs []map[string]peerResult
	for range 3 {
		runs = append(runs, runPeer(t, script, edges))
	}
	res := map[string]peerResult{}
	for m, r := range runs[0] {
		var walls, cpus []float64
		for _, run := range runs {
			walls, cpus = append(walls, run[m].Wall), append(cpus, run[m].CPU)
		}
		r.Wall, r.CPU = median(walls), median(cpus)
		res[m] = r
	}
	return res
}

// runPeer runs the peer script and returns its results by method.
func runPeer(t *testing.T, script string, args ...string) map[string]peerResult {
	t.Helper()
	out, err := exec.Command("/usr/bin/python3", append([]string{script}, args...)...).Output()
	if err != nil {
		t.Skipf("python-igraph not available: %v", err)
	}
	res := map[string]peerResult{}
	for _, line := range strings.Split(string(out), "\n") {
		var r peerResult
		if json.Unmarshal([]byte(line), &r) == nil && r.Method != "" {
			res[r.Method] = r
		}
	}
	return res
}

// writeEdges writes a network's links as "a<TAB>b<TAB>count".
func writeEdges(t *testing.T, path string, net *network.Network) {
	writeWeights(t, path, net, func(e network.Edge) float32 { return e.Count })
}

// writeWeights writes the links of net with the weights w gives them, as
// writeEdges does.
func writeWeights(t *testing.T, path string, net *network.Network, w func(network.Edge) float32) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	for _, e := range net.Edges {
		fmt.Fprintf(bw, "%d\t%d\t%s\n", e.A, e.B, strconv.FormatFloat(float64(w(e)), 'g', -1, 32))
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// cpuTime is the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
