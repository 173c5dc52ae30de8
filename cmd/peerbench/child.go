package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/parse"
)

// child runs one citegraph stage reps times on one input and prints its
// median CPU and wall seconds as JSON.
func child(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("child", flag.ContinueOnError)
	stage := fs.String("stage", "", "stage")
	reps := fs.Int("reps", 3, "repetitions")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the timed operation")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("one input file")
	}
	op, info, err := prepare(*stage, fs.Arg(0))
	if err != nil {
		return err
	}
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			return err
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	var cpu, wall []float64
	for range *reps {
		runtime.GC()
		c0, w0 := cpuNow(), time.Now()
		op()
		cpu = append(cpu, cpuNow()-c0)
		wall = append(wall, time.Since(w0).Seconds())
	}
	return json.NewEncoder(stdout).Encode(map[string]any{"CPU": median(cpu), "Wall": median(wall), "Info": info})
}

func cpuNow() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return cpuSeconds(&ru)
}

// prepare loads what a stage needs, untimed, and returns the timed
// operation and a map it fills with what the operation found.
func prepare(stage, file string) (func(), map[string]any, error) {
	info := map[string]any{}
	switch stage {
	case "read":
		st, err := os.Stat(file)
		if err != nil {
			return nil, nil, err
		}
		return func() {
			t := time.Now()
			res, err := parse.ReadFile(file, "")
			if err != nil {
				panic(err)
			}
			info["records"] = len(res.Records)
			info["mb_per_s"] = float64(st.Size()) / 1e6 / time.Since(t).Seconds()
		}, info, nil
	case "resolve":
		res, err := parse.ReadFile(file, "")
		if err != nil {
			return nil, nil, err
		}
		return func() {
			r := graph.Resolve(res.Records, nil)
			info["works"], info["arcs"] = len(r.Works), len(r.Citations)
		}, info, nil
	}
	res, err := readEdges(file)
	if err != nil {
		return nil, nil, err
	}
	g := graph.New(res)
	opt := &graph.MetricOptions{}
	switch stage {
	case "build":
		return func() {
			g := graph.New(res)
			info["works"], info["arcs"] = g.Len(), len(g.Citations)
		}, info, nil
	case "pagerank":
		// at the job's tolerance (1e-12), tighter than the peers' 1e-6
		return func() { _, info["iterations"] = g.PageRank(opt) }, info, nil
	case "hits":
		return func() { _, _, info["iterations"] = g.HITS(opt) }, info, nil
	case "betweenness":
		return func() { _, info["sampled"], _ = g.Betweenness(opt) }, info, nil
	case "coupling":
		return func() { info["pairs"] = len(g.Coupling(nil).Pairs) }, info, nil
	case "cocitation":
		return func() { info["pairs"] = len(g.Cocitation(nil).Pairs) }, info, nil
	case "coupling-top":
		// as the report does: the strongest 20 pairs, and the total
		return func() { info["pairs"] = g.Coupling(&graph.SharedOptions{Limit: 20}).Total }, info, nil
	case "cocitation-top":
		return func() { info["pairs"] = g.Cocitation(&graph.SharedOptions{Limit: 20}).Total }, info, nil
	}
	return nil, nil, fmt.Errorf("unknown stage %q", stage)
}

// readEdges reads a tab-separated edge list of node numbers (the peers'
// input) into a resolution whose works are the numbers 0..max, so that
// work i of the graph is node i of the peers' graph.
func readEdges(file string) (*graph.Resolution, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	res := &graph.Resolution{}
	n := 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		a, b, ok := bytes.Cut(sc.Bytes(), []byte{'\t'})
		from, err1 := atoi(a)
		to, err2 := atoi(b)
		if !ok || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s:%d: not two node numbers", file, line)
		}
		res.Citations = append(res.Citations, graph.Citation{From: from, To: to})
		n = max(n, from+1, to+1)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	res.Works = make([]graph.Work, n)
	for i := range res.Works {
		res.Works[i].ID = fmt.Sprintf("%09d", i)
	}
	return res, nil
}

func atoi(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, errors.New("empty")
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, errors.New("not a number")
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}
