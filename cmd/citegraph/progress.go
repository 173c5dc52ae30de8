package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/citegraph/citegraph/parse"
)

// progress follows the stages of a run. On a terminal (stderr, without
// -quiet) it keeps one line on stderr saying what is being done, with
// counts, rates and the time elapsed, rewritten a few times a second and
// erased when the run ends; other messages to stderr go through writer(),
// which erases the line first. With -v it prints how long each stage took
// at the end. A nil *progress does nothing.
type progress struct {
	out     io.Writer
	live    bool // a terminal: draw the line
	verbose bool // print the stage times at the end
	width   int  // the terminal's columns

	mu     sync.Mutex
	start  time.Time
	cur    *stageTime
	detail func() string // the current stage's counts, nil for none
	shown  bool          // a line is on the screen
	stages []stageTime
	stop   chan struct{}
	wg     sync.WaitGroup
}

// stageTime is one finished (or running) stage.
type stageTime struct {
	name      string
	note      string // the detail at the end of the stage
	wall, cpu time.Duration
	gc        time.Duration // CPU time of the garbage collector, in cpu
	start     time.Time
	cpu0, gc0 time.Duration
}

// newProgress returns a progress for a run writing to stderr, or nil
// when it has nothing to show.
func newProgress(stderr io.Writer, quiet, verbose bool) *progress {
	f, ok := stderr.(*os.File)
	live := ok && !quiet && term.IsTerminal(int(f.Fd()))
	if !live && !verbose {
		return nil
	}
	p := &progress{out: stderr, live: live, verbose: verbose, start: time.Now(), width: 80}
	if live {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 20 {
			p.width = w
		}
		p.stop = make(chan struct{})
		p.wg.Add(1)
		go p.tick()
	}
	return p
}

// stage ends the current stage and begins one; detail, if not nil, says
// how far it has got ("52 MB of 107 MB, 80 MB/s").
func (p *progress) stage(name string, detail func() string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endLocked()
	p.stages = append(p.stages, stageTime{name: name, start: time.Now(), cpu0: cpuTime(), gc0: gcTime()})
	p.cur, p.detail = &p.stages[len(p.stages)-1], detail
	p.drawLocked()
}

// endLocked closes the current stage.
func (p *progress) endLocked() {
	if p.cur == nil {
		return
	}
	p.cur.wall, p.cur.cpu, p.cur.gc = time.Since(p.cur.start), cpuTime()-p.cur.cpu0, gcTime()-p.cur.gc0
	if p.detail != nil {
		p.cur.note = p.detail()
	}
	p.cur, p.detail = nil, nil
}

// done ends the last stage, erases the line and, with -v, prints the
// stage times.
func (p *progress) done() {
	if p == nil {
		return
	}
	if p.stop != nil {
		close(p.stop)
		p.wg.Wait()
		p.stop = nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endLocked()
	p.eraseLocked()
	if p.verbose {
		p.summaryLocked()
	}
}

func (p *progress) tick() {
	defer p.wg.Done()
	t := time.NewTicker(200 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.mu.Lock()
			p.drawLocked()
			p.mu.Unlock()
		}
	}
}

func (p *progress) drawLocked() {
	if !p.live || p.cur == nil {
		return
	}
	line := "citegraph: " + p.cur.name
	if p.detail != nil {
		if d := p.detail(); d != "" {
			line += ": " + d
		}
	}
	el := fmt.Sprintf("  %s", clock(time.Since(p.start)))
	if r := []rune(line); len(r)+len(el) >= p.width {
		line = string(r[:max(0, p.width-len(el)-2)]) + "…"
	}
	fmt.Fprintf(p.out, "\r\x1b[K%s%s", line, el)
	p.shown = true
}

func (p *progress) eraseLocked() {
	if p.shown {
		fmt.Fprint(p.out, "\r\x1b[K")
		p.shown = false
	}
}

// writer returns w wrapped so that what is written to it first erases the
// progress line (the next tick draws it again below).
func (p *progress) writer(w io.Writer) io.Writer {
	if p == nil || !p.live {
		return w
	}
	return &progressWriter{p, w}
}

type progressWriter struct {
	p *progress
	w io.Writer
}

func (pw *progressWriter) Write(b []byte) (int, error) {
	pw.p.mu.Lock()
	defer pw.p.mu.Unlock()
	pw.p.eraseLocked()
	return pw.w.Write(b)
}

// summaryLocked prints each stage's wall and CPU time, the garbage
// collector's share of the CPU time, and what the stage did.
func (p *progress) summaryLocked() {
	fmt.Fprintf(p.out, "citegraph: %-16s %8s %8s %6s\n", "stage", "wall s", "cpu s", "gc s")
	for _, s := range p.stages {
		fmt.Fprintf(p.out, "citegraph: %-16s %8.2f %8.2f %6.2f  %s\n", s.name, s.wall.Seconds(), s.cpu.Seconds(), s.gc.Seconds(), s.note)
	}
	fmt.Fprintf(p.out, "citegraph: %-16s %8.2f %8.2f %6.2f  peak RSS %d MB\n", "total", time.Since(p.start).Seconds(),
		cpuTime().Seconds(), gcTime().Seconds(), peakRSS()>>20)
}

// gcTime is the runtime's estimate of the CPU time its garbage collector
// has taken (updated as collections end).
func gcTime() time.Duration {
	s := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindFloat64 {
		return 0
	}
	return time.Duration(s[0].Value.Float64() * float64(time.Second))
}

// clock formats a duration as m:ss.
func clock(d time.Duration) string {
	s := int(d.Seconds())
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// cpuTime is the CPU time (user and system, all threads) of the process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS is the process's largest resident set so far, in bytes.
func peakRSS() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Maxrss * 1024
}

// reading begins the reading stage and returns, for the i-th file, the
// counter ReadFileCounted adds the bytes read to (nil without progress);
// called with len(files), it marks the end. The line says which file, the
// bytes read of all and the rate.
func (p *progress) reading(files []string) func(i int) *atomic.Int64 {
	if p == nil {
		return func(int) *atomic.Int64 { return nil }
	}
	var total int64
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			total += st.Size()
		}
	}
	var read atomic.Int64
	var cur atomic.Int32
	start := time.Now()
	p.stage("reading", func() string {
		n := read.Load()
		rate := float64(n) / 1e6 / max(time.Since(start).Seconds(), 1e-3)
		i := int(cur.Load())
		if i >= len(files) {
			files := fmt.Sprintf("%d files", len(files))
			if files == "1 files" {
				files = "1 file"
			}
			return fmt.Sprintf("%s, %s, %.0f MB/s", files, size(n), rate)
		}
		var b strings.Builder
		if len(files) > 1 {
			fmt.Fprintf(&b, "file %d of %d, ", i+1, len(files))
		}
		fmt.Fprintf(&b, "%s, %s of %s, %.0f MB/s", filepath.Base(files[i]), size(n), size(total), rate)
		return b.String()
	})
	return func(i int) *atomic.Int64 {
		cur.Store(int32(i))
		return &read
	}
}

// resolving begins the resolution stage.
func (p *progress) resolving(recs []parse.Record) {
	if p == nil {
		return
	}
	refs := 0
	for i := range recs {
		refs += len(recs[i].References)
	}
	note := fmt.Sprintf("%d records, %d references", len(recs), refs)
	p.stage("resolving", func() string { return note })
}

// metrics begins the metrics stage and returns the hook that
// graph.MetricOptions.Progress calls.
func (p *progress) metrics() func(step string, done, total int) {
	if p == nil {
		return nil
	}
	var mu sync.Mutex
	var step string
	var done, total int
	p.stage("metrics", func() string {
		mu.Lock()
		defer mu.Unlock()
		if total > 0 {
			return fmt.Sprintf("%s, %d of %d sources", step, done, total)
		}
		return step
	})
	return func(s string, d, t int) {
		mu.Lock()
		step, total = s, t
		done = max(done, d) // calls from several goroutines may cross
		if d == 0 {
			done = 0
		}
		mu.Unlock()
	}
}

// size formats a byte count.
func size(n int64) string {
	switch {
	case n < 1e6:
		return fmt.Sprintf("%.0f kB", float64(n)/1e3)
	case n < 10e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.0f MB", float64(n)/1e6)
}
