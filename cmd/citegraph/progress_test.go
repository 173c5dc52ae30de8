package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestVerboseStageTimes runs the seeds with -v: the report is the same as
// without it, and stderr ends with one line per stage of the default job
// and the total.
func TestVerboseStageTimes(t *testing.T) {
	plain, _, err := citegraph(t, "-out", "", "-width", "80", "-color", "never")
	if err != nil {
		t.Fatal(err)
	}
	out, stderr, err := citegraph(t, "-v", "-out", "", "-width", "80", "-color", "never")
	if err != nil {
		t.Fatal(err)
	}
	if out != plain {
		t.Error("-v changed the report")
	}
	want := []string{"reading", "resolving", "graph", "metrics", "coupling", "co-citation", "analyses", "report", "total"}
	if stages := timedStages(stderr); fmt.Sprint(stages) != fmt.Sprint(want) {
		t.Errorf("stages timed: %v, want %v\n%s", stages, want, stderr)
	}
	if !regexp.MustCompile(`(?m)^citegraph: metrics .*  betweenness`).MatchString(stderr) ||
		!regexp.MustCompile(`(?m)^citegraph: reading .*  5 files, \d+ kB, \d+ MB/s$`).MatchString(stderr) {
		t.Errorf("the reading and metrics stages do not say what they did:\n%s", stderr)
	}
	if strings.Contains(stderr, "\r") {
		t.Error("progress line drawn when stderr is not a terminal")
	}
}

// TestVerboseMapStages: map -v times each step of the map apart, not all
// of it as reading.
func TestVerboseMapStages(t *testing.T) {
	_, stderr, err := citegraph(t, "map", "-v", "-out", t.TempDir(), "-network", "cocitation")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"reading", "resolving", "graph", "network", "clusters", "labels", "layout", "drawing", "writing", "total"}
	if stages := timedStages(stderr); fmt.Sprint(stages) != fmt.Sprint(want) {
		t.Errorf("stages timed: %v, want %v\n%s", stages, want, stderr)
	}
}

// timedStages returns the stage names of -v's summary in stderr.
func timedStages(stderr string) []string {
	var stages []string
	row := regexp.MustCompile(`^citegraph: (\S+(?: \S+)?)\s+(\d+\.\d\d)\s+(\d+\.\d\d)`)
	for _, line := range strings.Split(stderr, "\n") {
		if m := row.FindStringSubmatch(line); m != nil {
			stages = append(stages, m[1])
		}
	}
	return stages
}

// TestProgressLine draws the line as on a terminal: each stage rewrites
// it, a message to stderr erases it first, and the end erases it.
func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{out: &buf, live: true, width: 60, start: time.Now()}
	read := p.reading([]string{"/nonexistent/a.txt"})(0)
	read.Add(5e6)
	p.drawLocked()
	p.stage("metrics", nil)
	fmt.Fprintf(p.writer(&buf), "citegraph: a warning\n")
	p.stage("a stage whose name is much too long to fit in the sixty columns of this terminal", nil)
	p.done()
	got := buf.String()
	for _, want := range []string{
		"\r\x1b[Kcitegraph: reading: a.txt, 5.0 MB of 0 kB",
		"\r\x1b[Kcitegraph: metrics  0:00\r\x1b[Kcitegraph: a warning\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%q", want, got)
		}
	}
	if !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("the line is not erased at the end: %q", got)
	}
	for _, line := range strings.Split(got, "\r\x1b[K") {
		if n := len([]rune(strings.TrimSuffix(line, "\n"))); n >= 60 {
			t.Errorf("line of %d columns on a 60-column terminal: %q", n, line)
		}
	}
	var nilp *progress
	nilp.stage("x", nil)
	nilp.done()
	if r := nilp.reading([]string{"a"})(0); r != nil {
		t.Error("a nil progress counts bytes")
	}
}
