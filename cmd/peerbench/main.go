// Peerbench times citegraph stage by stage against the peers a user would
// otherwise pick (scipy, igraph, networkx), on the synthetic corpora of
// ../shared/bench, in one run, and prints a table of CPU seconds, wall
// seconds and peak RSS with the ratio of citegraph's CPU time to the
// fastest peer's.
//
// Usage, from the repository:
//
//	go run ./cmd/peerbench [flags]
//
// It generates any missing corpus with gen.py (into -data, never into the
// repository), builds citegraph, then for each size:
//
//   - the whole default job on SIZE.wos.txt (read, resolve, metrics with
//     exact betweenness or its estimate, coupling, co-citation, report, SVG),
//   - citegraph's reading (MB/s) and resolution of SIZE.wos.txt,
//   - citegraph's graph building, PageRank, HITS, betweenness and all-pairs
//     coupling and co-citation (every pair kept and sorted) on the graph of
//     SIZE.edges.tsv, the peers' own input,
//   - the peers on the same edge list through ../shared/bench/bench.py's
//     loaders and operations (Debian's /usr/bin/python3 with igraph, scipy,
//     networkx).
//
// Every measurement is a separate process, so peak RSS is that of the
// stage (graph loading included, for citegraph as for the peers); CPU time
// is user+system of all threads over the operation alone, the median of
// -reps repetitions, as is wall time. The machine's load average is printed
// with the table: on a shared machine compare the ratios, not the seconds.
//
// Flags:
//
//	-sizes S,M       corpora (S, M, L)
//	-stages LIST     stages to run (default all): job, read, resolve, build,
//	                 pagerank, hits, betweenness, coupling, cocitation
//	                 (every pair kept and sorted), coupling-top, cocitation-top
//	                 (the 20 strongest and the total, as the report needs)
//	-peers LIST      peer tools (default sp,ig); nx is slow on M and beyond
//	-reps N          repetitions per measurement (default 3)
//	-data DIR        corpora folder (default ../data, or ../../data from a
//	                 worktree, if only that exists)
//	-bench DIR       the peers' scripts (default ../shared/bench, likewise)
//	-citegraph BIN   time this citegraph binary instead of building one
//	-job-args ARGS   extra arguments for the whole job (space-separated)
//	-timeout D       a measurement taking longer is stopped (default 20m)
//
// Not part of `go test ./...`: it takes minutes and needs the peers.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

type config struct {
	sizes, stages, peers []string
	reps                 int
	data, bench, bin     string
	jobArgs              []string
	timeout              time.Duration
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "-child" {
		if err := child(os.Args[2:], os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "peerbench child: %v\n", err)
			os.Exit(1)
		}
		return
	}
	cfg, err := parseArgs(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "peerbench: %v\n", err)
		os.Exit(2)
	}
	if err := run(context.Background(), cfg, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "peerbench: %v\n", err)
		os.Exit(1)
	}
}

var allStages = []string{"job", "read", "resolve", "build", "pagerank", "hits", "betweenness",
	"coupling", "cocitation", "coupling-top", "cocitation-top"}

func parseArgs(args []string) (*config, error) {
	fs := flag.NewFlagSet("peerbench", flag.ContinueOnError)
	sizes := fs.String("sizes", "S,M", "corpora")
	stages := fs.String("stages", strings.Join(allStages, ","), "stages")
	peers := fs.String("peers", "sp,ig", "peer tools")
	jobArgs := fs.String("job-args", "", "extra arguments of the whole job")
	cfg := &config{}
	fs.IntVar(&cfg.reps, "reps", 3, "repetitions")
	fs.StringVar(&cfg.data, "data", "", "corpora folder")
	fs.StringVar(&cfg.bench, "bench", "", "peer scripts")
	fs.StringVar(&cfg.bin, "citegraph", "", "citegraph binary")
	fs.DurationVar(&cfg.timeout, "timeout", 20*time.Minute, "longest measurement")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	split := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, ",")
	}
	cfg.sizes, cfg.stages, cfg.peers = split(*sizes), split(*stages), split(*peers)
	cfg.jobArgs = strings.Fields(*jobArgs)
	for _, s := range cfg.stages {
		if !slices.Contains(allStages, s) {
			return nil, fmt.Errorf("unknown stage %q (use %s)", s, strings.Join(allStages, ", "))
		}
	}
	if cfg.bench == "" {
		cfg.bench = findUp(filepath.Join("shared", "bench"))
	}
	if cfg.data == "" {
		cfg.data = findUp("data")
	}
	if cfg.reps < 1 {
		return nil, errors.New("-reps must be positive")
	}
	return cfg, nil
}

// findUp returns ../name, or ../../name when only that exists (from a
// worktree one level further down).
func findUp(name string) string {
	near := filepath.Join("..", name)
	if _, err := os.Stat(near); err != nil {
		if _, err := os.Stat(filepath.Join("..", "..", name)); err == nil {
			return filepath.Join("..", "..", name)
		}
	}
	return near
}

// row is one line of the table.
type row struct {
	size, stage string
	cg          *measure // citegraph
	peer        *measure // the fastest peer, nil when none does this stage
	peerTool    string
	note        string
}

// measure is one process's median times and its peak RSS.
type measure struct {
	CPU, Wall float64 // seconds, medians
	RSS       int64   // bytes, peak of the whole process
	Info      map[string]any
	Err       string
}

// peerOps lists, for each stage, the peers' operations (bench.py names).
var peerOps = map[string]string{
	"pagerank": "pagerank", "hits": "hits", "betweenness": "betweenness",
	"coupling": "coupling", "cocitation": "cocitation",
	"coupling-top": "coupling", "cocitation-top": "cocitation",
}

// peerDoes says which tool runs which operation at which size: igraph's
// projections are 10x slower than scipy's products, networkx is slower
// still, and exact betweenness on L takes igraph some 20 minutes.
func peerDoes(tool, op, size string) bool {
	switch tool {
	case "sp":
		return op != "betweenness"
	case "ig":
		return (op != "coupling" && op != "cocitation" || size == "S") && (op != "betweenness" || size != "L")
	case "nx":
		return size == "S" && op != "betweenness"
	}
	return false
}

func run(ctx context.Context, cfg *config, stdout, stderr io.Writer) error {
	tmp, err := os.MkdirTemp("", "peerbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bench, err := filepath.Abs(cfg.bench)
	if err != nil {
		return err
	}
	if cfg.bin == "" {
		cfg.bin = filepath.Join(tmp, "citegraph")
		fmt.Fprintf(stderr, "building citegraph\n")
		cmd := exec.CommandContext(ctx, "go", "build", "-o", cfg.bin, "github.com/citegraph/citegraph/cmd/citegraph")
		cmd.Stdout, cmd.Stderr = stderr, stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build: %w", err)
		}
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	driver := filepath.Join(tmp, "peer.py")
	if err := os.WriteFile(driver, []byte(peerDriver), 0o644); err != nil {
		return err
	}
	var rows []row
	for _, size := range cfg.sizes {
		if err := generate(ctx, cfg, bench, size, stderr); err != nil {
			return err
		}
		wos := filepath.Join(cfg.data, size+".wos.txt")
		edges := filepath.Join(cfg.data, size+".edges.tsv")
		for _, stage := range cfg.stages {
			r := row{size: size, stage: stage}
			fmt.Fprintf(stderr, "%s %s: citegraph\n", size, stage)
			switch stage {
			case "job":
				args := append([]string{"-out", filepath.Join(tmp, "out-"+size)}, cfg.jobArgs...)
				r.cg = timeJob(ctx, cfg, cfg.bin, append(args, wos))
			case "read", "resolve":
				r.cg = measureChild(ctx, cfg, self, "-stage", stage, "-reps", fmt.Sprint(cfg.reps), wos)
				if mb, ok := r.cg.Info["mb_per_s"].(float64); ok {
					r.note = fmt.Sprintf("%.0f MB/s", mb)
				}
			default:
				r.cg = measureChild(ctx, cfg, self, "-stage", stage, "-reps", fmt.Sprint(cfg.reps), edges)
			}
			if op, ok := peerOps[stage]; ok {
				for _, tool := range cfg.peers {
					if !peerDoes(tool, op, size) {
						continue
					}
					fmt.Fprintf(stderr, "%s %s: %s\n", size, stage, tool)
					m := measureProc(ctx, cfg, "/usr/bin/python3", driver, "--bench", bench, "--data", cfg.data,
						"--tool", tool, "--size", size, "--op", op, "--reps", fmt.Sprint(cfg.reps))
					if m.Err == "" && (r.peer == nil || m.CPU < r.peer.CPU) {
						r.peer, r.peerTool = m, tool
					}
					if m.Err != "" && r.peer == nil {
						r.note = tool + ": " + m.Err
					}
				}
			}
			if r.note == "" {
				r.note = describe(stage, r.cg, r.peer)
			}
			rows = append(rows, r)
		}
	}
	printTable(stdout, rows)
	return nil
}

// generate runs gen.py for a corpus that is not there yet.
func generate(ctx context.Context, cfg *config, bench, size string, stderr io.Writer) error {
	need := false
	for _, f := range []string{size + ".wos.txt", size + ".edges.tsv"} {
		if _, err := os.Stat(filepath.Join(cfg.data, f)); err != nil {
			need = true
		}
	}
	if !need {
		return nil
	}
	fmt.Fprintf(stderr, "generating %s into %s\n", size, cfg.data)
	if err := os.MkdirAll(cfg.data, 0o755); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, "/usr/bin/python3", filepath.Join(bench, "gen.py"), size, "--wos", "--out", cfg.data)
	cmd.Stdout, cmd.Stderr = stderr, stderr
	return cmd.Run()
}

// timeJob runs the whole citegraph job reps times, the output discarded.
func timeJob(ctx context.Context, cfg *config, bin string, args []string) *measure {
	var cpu, wall []float64
	m := &measure{}
	for range cfg.reps {
		start := time.Now()
		ru, err := runProc(ctx, cfg, io.Discard, bin, args...)
		if err != nil {
			return &measure{Err: err.Error()}
		}
		wall = append(wall, time.Since(start).Seconds())
		cpu = append(cpu, cpuSeconds(ru))
		m.RSS = max(m.RSS, ru.Maxrss*1024)
	}
	m.CPU, m.Wall = median(cpu), median(wall)
	return m
}

// measureChild runs one stage in a child process of this program.
func measureChild(ctx context.Context, cfg *config, self string, args ...string) *measure {
	return measureProc(ctx, cfg, self, append([]string{"-child"}, args...)...)
}

// measureProc runs a program that prints one JSON object of measures, and
// adds the process's peak RSS.
func measureProc(ctx context.Context, cfg *config, name string, args ...string) *measure {
	var out strings.Builder
	ru, err := runProc(ctx, cfg, &out, name, args...)
	if err != nil {
		return &measure{Err: err.Error()}
	}
	var m measure
	if err := json.Unmarshal([]byte(out.String()), &m); err != nil {
		return &measure{Err: fmt.Sprintf("bad output %q: %v", out.String(), err)}
	}
	m.RSS = ru.Maxrss * 1024
	return &m
}

// runProc runs a command with the configured timeout and returns its
// resource usage.
func runProc(ctx context.Context, cfg *config, stdout io.Writer, name string, args ...string) (*syscall.Rusage, error) {
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("stopped after %v", cfg.timeout)
		}
		msg := strings.TrimSpace(stderr.String())
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:]
		}
		return nil, fmt.Errorf("%v: %s", err, msg)
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if ru == nil {
		return nil, errors.New("no resource usage")
	}
	return ru, nil
}

func cpuSeconds(ru *syscall.Rusage) float64 {
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

func median(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	s := slices.Clone(x)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// describe notes what a stage found, so that a reader can see both sides
// counted the same thing.
func describe(stage string, cg, peer *measure) string {
	var parts []string
	for _, m := range []*measure{cg, peer} {
		if m == nil {
			continue
		}
		if m.Err != "" {
			parts = append(parts, m.Err)
			continue
		}
		for _, k := range []string{"pairs", "iterations", "works", "arcs", "records", "sampled"} {
			switch v := m.Info[k].(type) {
			case float64:
				parts = append(parts, fmt.Sprintf("%s %.0f", k, v))
			case nil:
			default:
				parts = append(parts, fmt.Sprintf("%s %v", k, v))
			}
		}
	}
	return strings.Join(parts, "; ")
}

func printTable(w io.Writer, rows []row) {
	var load string
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		load = strings.Join(strings.Fields(string(b))[:3], " ")
	}
	fmt.Fprintf(w, "peerbench: CPU and wall seconds are medians; RSS is the process's peak; load average %s\n\n", load)
	fmt.Fprintf(w, "%-4s %-14s %9s %9s %8s | %-4s %9s %8s | %7s  %s\n",
		"size", "stage", "cpu s", "wall s", "rss MB", "peer", "cpu s", "rss MB", "ratio", "notes")
	for _, r := range rows {
		cg := fmt.Sprintf("%9s %9s %8s", "-", "-", "-")
		if r.cg != nil && r.cg.Err == "" {
			cg = fmt.Sprintf("%9.3f %9.3f %8d", r.cg.CPU, r.cg.Wall, r.cg.RSS>>20)
		}
		peer, ratio := fmt.Sprintf("%-4s %9s %8s", "", "", ""), ""
		if r.peer != nil {
			peer = fmt.Sprintf("%-4s %9.3f %8d", r.peerTool, r.peer.CPU, r.peer.RSS>>20)
			if r.cg != nil && r.cg.Err == "" && r.peer.CPU > 0 {
				ratio = fmt.Sprintf("%6.2fx", r.cg.CPU/r.peer.CPU)
			}
		}
		fmt.Fprintf(w, "%-4s %-14s %s | %s | %7s  %s\n", r.size, r.stage, cg, peer, ratio, r.note)
	}
}
