package mainpath

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph/internal/corpustest"
)

// pajekNet is a network read by the minimal test-local Pajek reader: enough
// for *Vertices, *Arcs, *Arcslist and *Edges of the shared files. (The
// project's own Pajek reader lives in parse; these tests must not depend on
// it.)
type pajekNet struct {
	labels []string
	arcs   []Arc // 0-based, tail → head as the file gives them
}

func readPajek(r io.Reader) (*pajekNet, error) {
	net := &pajekNet{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	section, line := "", 0
	node := func(s string) (int, error) {
		k, err := strconv.Atoi(s)
		if err != nil || k < 1 || k > len(net.labels) {
			return 0, fmt.Errorf("line %d: bad vertex %q", line, s)
		}
		return k - 1, nil
	}
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "%") {
			continue
		}
		if strings.HasPrefix(text, "*") {
			f := strings.Fields(text)
			section = strings.ToLower(f[0])
			if section == "*vertices" {
				n, err := strconv.Atoi(f[1])
				if err != nil {
					return nil, fmt.Errorf("line %d: %v", line, err)
				}
				net.labels = make([]string, n)
			}
			continue
		}
		f := strings.Fields(text)
		switch section {
		case "*vertices":
			k, err := node(f[0])
			if err != nil {
				return nil, err
			}
			if i := strings.IndexByte(text, '"'); i >= 0 {
				j := strings.IndexByte(text[i+1:], '"')
				net.labels[k] = text[i+1 : i+1+j]
			}
		case "*arcs", "*edges":
			u, err := node(f[0])
			if err != nil {
				return nil, err
			}
			v, err := node(f[1])
			if err != nil {
				return nil, err
			}
			net.arcs = append(net.arcs, Arc{u, v})
		case "*arcslist":
			u, err := node(f[0])
			if err != nil {
				return nil, err
			}
			for _, s := range f[1:] {
				v, err := node(s)
				if err != nil {
					return nil, err
				}
				net.arcs = append(net.arcs, Arc{u, v})
			}
		}
	}
	return net, sc.Err()
}

// readClu reads a Pajek partition (one integer per vertex).
func readClu(r io.Reader) ([]int, error) {
	var out []int
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "*") || strings.HasPrefix(t, "%") {
			continue
		}
		v, err := strconv.Atoi(t)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, sc.Err()
}

func openPajek(t testing.TB, name string) *pajekNet {
	t.Helper()
	f, err := os.Open(corpustest.File(t, "pajek/"+name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	net, err := readPajek(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return net
}

// zipNet reads NAME.net, NAMEPY.clu (years) and, when present,
// NAMELong.nam (long labels) from the zip of a Garfield network.
func zipNet(t testing.TB, zipName, name string) (*pajekNet, []int) {
	t.Helper()
	zr, err := zip.OpenReader(corpustest.File(t, "pajek/"+zipName))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var net *pajekNet
	var years []int
	var long *pajekNet
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		switch f.Name {
		case name + ".net":
			net, err = readPajek(rc)
		case name + "PY.clu":
			years, err = readClu(rc)
		case name + "Long.nam": // vertex lines without a *Vertices header
			long, err = readPajek(io.MultiReader(strings.NewReader("*vertices 1000000\n"), rc))
		}
		rc.Close()
		if err != nil {
			t.Fatalf("%s/%s: %v", zipName, f.Name, err)
		}
	}
	if net == nil || len(years) != len(net.labels) {
		t.Fatalf("%s: network or years missing", zipName)
	}
	if long != nil {
		for i := range net.labels {
			if long.labels[i] != "" {
				net.labels[i] = long.labels[i]
			}
		}
	}
	return net, years
}
