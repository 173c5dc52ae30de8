package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// outFiles writes a run's output files into one folder, all or nothing: it
// is the one way citegraph writes a file. Each file goes to a new temporary
// file in the folder (created exclusively, so no link is followed); Commit
// syncs them to disk and renames them over their names. A full disk, a
// failed render or a crash therefore never leaves a cut-off file, and never
// destroys the previous outputs; and the files of one run replace the
// previous ones together (between renames a reader may see a mix for a
// moment). A name taken by a symbolic link has the link replaced, never
// followed.
//
// Use: o, err := newOutFiles(dir); w, err := o.Create("a.svg") and write to
// w, or o.WriteFile("a.svg", data); paths, err := o.Commit() (which aborts
// on error); or o.Abort().
type outFiles struct {
	dir     string
	pending []*pendingFile
}

// pendingFile is one temporary file and the name it will take.
type pendingFile struct {
	f    *os.File
	path string
	err  error // the first write error
}

func (p *pendingFile) Write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	n, err := p.f.Write(b)
	if err != nil {
		p.err = fmt.Errorf("write %s: %w", p.path, plainErr(err))
	}
	return n, p.err
}

// outputMode is the permission of every output file.
const outputMode = 0o644

// newOutFiles prepares writing into dir, creating it if needed.
func newOutFiles(dir string) (*outFiles, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &outFiles{dir: dir}, nil
}

// Create starts the file name (a base name) in the folder. What is written
// to it lands under that name only at Commit.
func (o *outFiles) Create(name string) (io.Writer, error) {
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." {
		return nil, fmt.Errorf("output name %q is not a file name", name)
	}
	path := filepath.Join(o.dir, name)
	// hidden, so that a folder of outputs read back as input skips it
	f, err := os.CreateTemp(o.dir, "."+name+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, plainErr(err))
	}
	if err := f.Chmod(outputMode); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	p := &pendingFile{f: f, path: path}
	o.pending = append(o.pending, p)
	return p, nil
}

// WriteFile starts the file name with data as its content.
func (o *outFiles) WriteFile(name string, data []byte) error {
	w, err := o.Create(name)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// Commit puts every file created in place and returns their paths in the
// order created. On error nothing is renamed (unless a rename itself fails
// midway) and the temporary files are removed.
func (o *outFiles) Commit() ([]string, error) {
	for _, p := range o.pending {
		err := p.err
		if err == nil {
			if err = p.f.Sync(); err == nil {
				err = p.f.Close()
			}
			if err != nil {
				err = fmt.Errorf("write %s: %w", p.path, plainErr(err))
			}
		}
		if err != nil {
			o.Abort()
			return nil, err
		}
	}
	var paths []string
	for _, p := range o.pending {
		if err := os.Rename(p.f.Name(), p.path); err != nil {
			o.Abort()
			return paths, fmt.Errorf("write %s: %w", p.path, plainErr(err))
		}
		paths = append(paths, p.path)
	}
	o.pending = nil
	// the renames themselves reach the disk with the folder
	if d, err := os.Open(o.dir); err == nil {
		d.Sync()
		d.Close()
	}
	return paths, nil
}

// Abort removes the temporary files of the files not yet in place.
func (o *outFiles) Abort() {
	for _, p := range o.pending {
		p.f.Close()
		os.Remove(p.f.Name())
	}
	o.pending = nil
}

// plainErr drops the temporary file's name from a path error: messages name
// the output file instead.
func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
