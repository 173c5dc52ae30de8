package parse

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Limits on a zip archive: its own size (it is read into memory) and the
// size of each member once inflated.
const (
	maxZip       = 1 << 30
	maxZipMember = 2 << 30
)

// readZip reads every file of a zip archive as its own input, detected
// from its content, and returns them as one result whose sources name the
// member ("SmaGri.zip/SmaGri.paj:12"). A Pajek network in the archive finds
// its partitions, vectors and long labels beside it, as in a folder; when
// the archive holds a project (.paj) and a network (.net) of the same name,
// the project, which holds the other's network and more, is read alone.
func readZip(file string, r io.Reader, format string) (*Result, error) {
	res := &Result{File: file}
	data, err := io.ReadAll(io.LimitReader(r, maxZip+1))
	if err != nil {
		return res, &ParseError{File: file, Err: err}
	}
	if len(data) > maxZip {
		return res, &ParseError{File: file, Err: fmt.Errorf("zip archive larger than %d MiB: unzip it and read its files", maxZip>>20)}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return res, &ParseError{File: file, Err: fmt.Errorf("zip: %w", err)}
	}
	sib := &zipSiblings{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		base := path.Base(f.Name)
		if f.FileInfo().IsDir() || strings.HasPrefix(base, ".") || strings.HasPrefix(f.Name, "__MACOSX/") {
			continue
		}
		if _, dup := sib.files[base]; !dup {
			sib.files[base] = f
			sib.names = append(sib.names, base)
		}
	}
	slices.Sort(sib.names)
	var formats []string
	for _, name := range sib.names {
		low := strings.ToLower(name)
		ext := path.Ext(low)
		stem := strings.TrimSuffix(low, ext)
		switch {
		case ext == ".clu" || ext == ".vec" || ext == ".nam":
			if sib.network(low) != "" {
				continue // read with its network
			}
		case ext == ".net" && sib.has(stem+".paj"):
			res.Warnings = append(res.Warnings, &ParseError{File: file + "/" + name,
				Err: fmt.Errorf("not read: %s beside it holds the same network and more", sib.original(stem+".paj"))})
			continue
		}
		member := file + "/" + name
		rc, err := sib.Open(name)
		if err != nil {
			res.Skipped = append(res.Skipped, &ParseError{File: member, Err: err})
			continue
		}
		lim := &limitedReader{r: rc, n: maxZipMember}
		mres, err := read(member, lim, format, sib)
		rc.Close()
		if lim.n < 0 {
			res.Skipped = append(res.Skipped, &ParseError{File: member, Err: fmt.Errorf("larger than %d MiB inflated: not read", maxZipMember>>20)})
			continue
		}
		if err != nil {
			res.Skipped = append(res.Skipped, err.(*ParseError))
			continue
		}
		res.Records = append(res.Records, mres.Records...)
		res.Warnings = append(res.Warnings, mres.Warnings...)
		res.Skipped = append(res.Skipped, mres.Skipped...)
		if !slices.Contains(formats, mres.Format) {
			formats = append(formats, mres.Format)
		}
	}
	res.Format = strings.Join(formats, "+")
	if len(res.Records) == 0 && len(res.Skipped) == 0 {
		res.Skipped = append(res.Skipped, &ParseError{File: file, Err: fmt.Errorf("no records found in the zip archive")})
	}
	return res, nil
}

// zipSiblings are the files of a zip archive, by base name.
type zipSiblings struct {
	files map[string]*zip.File
	names []string
}

func (z *zipSiblings) Names() []string { return z.names }

func (z *zipSiblings) Open(name string) (io.ReadCloser, error) {
	f, ok := z.files[name]
	if !ok {
		return nil, fmt.Errorf("%s: not in the archive", name)
	}
	return f.Open()
}

// has reports whether the archive holds a file of that lower-case name.
func (z *zipSiblings) has(low string) bool { return z.original(low) != "" }

// original returns the name of the file of that lower-case name, or "".
func (z *zipSiblings) original(low string) string {
	for _, n := range z.names {
		if strings.ToLower(n) == low {
			return n
		}
	}
	return ""
}

// network returns the Pajek network or project whose companion a file of
// that lower-case name is (its name begins with the network's stem), or "".
func (z *zipSiblings) network(low string) string {
	for _, n := range z.names {
		ln := strings.ToLower(n)
		ext := path.Ext(ln)
		if (ext == ".net" || ext == ".paj") && strings.HasPrefix(low, strings.TrimSuffix(ln, ext)) {
			return n
		}
	}
	return ""
}

// limitedReader reads at most n bytes and sets n below zero if there were more.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if l.n < 0 {
		return n + int(l.n), io.EOF
	}
	return n, err
}

// dirSiblings are the files of the folder of a file.
type dirSiblings string

func (d dirSiblings) Names() []string {
	entries, err := os.ReadDir(string(d))
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	return names
}

func (d dirSiblings) Open(name string) (io.ReadCloser, error) {
	return os.Open(filepath.Join(string(d), name))
}
