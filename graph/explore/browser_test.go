package explore

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// This file drives a real headless Chromium through the DevTools protocol
// over --remote-debugging-pipe (file descriptors 3 and 4, messages ending
// in NUL), which needs neither a WebSocket library nor a port: the test
// sees every console message, exception and network request of the page.

// findChromium returns the browser to test with, or skips.
func findChromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CITEGRAPH_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found (Debian: apt-get install chromium; or set CITEGRAPH_CHROMIUM): the explorer was not tested in a browser")
	return ""
}

// browser is one Chromium process and the page session the test drives.
type browser struct {
	t       *testing.T
	cmd     *exec.Cmd
	w       io.WriteCloser
	mu      sync.Mutex
	next    int
	waiting map[int]chan cdpMessage
	events  []cdpMessage
	session string
	done    chan struct{}
}

type cdpMessage struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct{ Message string }
	SessionID string `json:"sessionId,omitempty"`
}

func startBrowser(t *testing.T, width, height int) *browser {
	path := findChromium(t)
	readEnd3, writeEnd3, err := os.Pipe() // Chromium reads commands on fd 3
	if err != nil {
		t.Fatal(err)
	}
	readEnd4, writeEnd4, err := os.Pipe() // and writes answers and events on fd 4
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-extensions",
		"--user-data-dir="+t.TempDir(), fmt.Sprintf("--window-size=%d,%d", width, height), "--remote-debugging-pipe", "about:blank")
	cmd.ExtraFiles = []*os.File{readEnd3, writeEnd4}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Skipf("Chromium at %s does not start (%v): the explorer was not tested in a browser", path, err)
	}
	readEnd3.Close()
	writeEnd4.Close()
	b := &browser{t: t, cmd: cmd, w: writeEnd3, waiting: map[int]chan cdpMessage{}, done: make(chan struct{})}
	go b.read(readEnd4)
	t.Cleanup(func() {
		b.w.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("chromium stderr:\n%s", stderr.String())
		}
	})
	res := b.call("", "Target.createTarget", map[string]any{"url": "about:blank"})
	var target struct{ TargetID string }
	json.Unmarshal(res, &target)
	res = b.call("", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true})
	var att struct{ SessionID string }
	json.Unmarshal(res, &att)
	b.session = att.SessionID
	for _, m := range []string{"Page.enable", "Runtime.enable", "Log.enable", "Network.enable"} {
		b.call(b.session, m, nil)
	}
	b.call(b.session, "Emulation.setDeviceMetricsOverride", map[string]any{"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false})
	return b
}

func (b *browser) read(r io.Reader) {
	defer close(b.done)
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			return
		}
		var m cdpMessage
		if json.Unmarshal(raw[:len(raw)-1], &m) != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			if ch := b.waiting[m.ID]; ch != nil {
				ch <- m
				delete(b.waiting, m.ID)
			}
		} else {
			b.events = append(b.events, m)
		}
		b.mu.Unlock()
	}
}

// call sends a command and waits for its result.
func (b *browser) call(session, method string, params any) json.RawMessage {
	b.t.Helper()
	b.mu.Lock()
	b.next++
	id := b.next
	ch := make(chan cdpMessage, 1)
	b.waiting[id] = ch
	b.mu.Unlock()
	msg, _ := json.Marshal(map[string]any{"id": id, "method": method, "params": params, "sessionId": session})
	if session == "" {
		msg, _ = json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	}
	if _, err := b.w.Write(append(msg, 0)); err != nil {
		b.t.Fatalf("%s: %v", method, err)
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			b.t.Fatalf("%s: %s", method, m.Error.Message)
		}
		return m.Result
	case <-b.done:
		b.t.Fatalf("%s: Chromium closed the pipe", method)
	case <-time.After(60 * time.Second):
		b.t.Fatalf("%s: no answer in 60 s", method)
	}
	return nil
}

// eval evaluates a JavaScript expression in the page (awaiting a promise)
// and decodes its value into v.
func (b *browser) eval(expr string, v any) {
	b.t.Helper()
	res := b.call(b.session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true})
	var r struct {
		Result           struct{ Value json.RawMessage }
		ExceptionDetails *struct{ Text string }
	}
	json.Unmarshal(res, &r)
	if r.ExceptionDetails != nil {
		b.t.Fatalf("evaluating %s: %s", expr, r.ExceptionDetails.Text)
	}
	if v != nil {
		if err := json.Unmarshal(r.Result.Value, v); err != nil {
			b.t.Fatalf("evaluating %s: %v (%s)", expr, err, r.Result.Value)
		}
	}
}

// waitFor polls a JavaScript condition.
func (b *browser) waitFor(cond string) {
	b.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var ok bool
		b.eval("!!("+cond+")", &ok)
		if ok {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("waited 30 s for %s", cond)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (b *browser) click(x, y float64) {
	b.t.Helper()
	for _, typ := range []string{"mouseMoved", "mousePressed", "mouseReleased"} {
		b.call(b.session, "Input.dispatchMouseEvent", map[string]any{"type": typ, "x": x, "y": y, "button": "left", "clickCount": 1})
	}
}

// clickElement clicks the middle of the element a CSS selector finds.
func (b *browser) clickElement(selector string) {
	b.t.Helper()
	var r struct{ X, Y float64 }
	b.eval(`(function(){var r=document.querySelector(`+jsString(selector)+`).getBoundingClientRect();return {x:r.left+r.width/2,y:r.top+r.height/2}})()`, &r)
	b.click(r.X, r.Y)
}

func (b *browser) typeText(selector, text string) {
	b.t.Helper()
	b.clickElement(selector)
	b.call(b.session, "Input.insertText", map[string]any{"text": text})
}

func jsString(s string) string { q, _ := json.Marshal(s); return string(q) }

// problems returns the console errors, exceptions and network requests of
// the page other than the page itself.
func (b *browser) problems(pageURL string) (errs, requests []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.events {
		switch e.Method {
		case "Runtime.exceptionThrown":
			errs = append(errs, "exception: "+string(e.Params))
		case "Runtime.consoleAPICalled":
			var p struct {
				Type string
				Args []struct{ Value any }
			}
			json.Unmarshal(e.Params, &p)
			if p.Type == "error" || p.Type == "assert" || p.Type == "warning" {
				errs = append(errs, fmt.Sprintf("console.%s: %v", p.Type, p.Args))
			}
		case "Log.entryAdded":
			var p struct {
				Entry struct{ Level, Text, URL string }
			}
			json.Unmarshal(e.Params, &p)
			if p.Entry.Level == "error" || p.Entry.Level == "warning" {
				errs = append(errs, "log: "+p.Entry.Text+" "+p.Entry.URL)
			}
		case "Network.requestWillBeSent":
			var p struct{ Request struct{ URL string } }
			json.Unmarshal(e.Params, &p)
			if u := p.Request.URL; u != pageURL && !strings.HasPrefix(u, "data:") && u != "about:blank" {
				requests = append(requests, u)
			}
		}
	}
	return errs, requests
}

// open loads a page file and waits until the explorer has drawn.
func (b *browser) open(path string) string {
	b.t.Helper()
	url := "file://" + path
	b.mu.Lock()
	b.events = nil // what earlier pages did
	b.mu.Unlock()
	b.call(b.session, "Page.navigate", map[string]any{"url": url})
	b.waitFor("window.citegraphExplorer && citegraphExplorer.ready && citegraphExplorer.frames > 0")
	return url
}

func (b *browser) screenshot(path string) {
	res := b.call(b.session, "Page.captureScreenshot", map[string]any{"format": "png"})
	var r struct{ Data []byte }
	if err := json.Unmarshal(res, &r); err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(path, r.Data, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
