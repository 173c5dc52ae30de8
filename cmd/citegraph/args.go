package main

import (
	"flag"
	"fmt"
	"os"
)

// parseFlags parses the flags of args wherever they stand among the paths
// ("citegraph FILE -top 5", as users of other command lines expect), and
// returns the other arguments in order. "--" ends the flags: what follows
// is not parsed even when it begins with "-", and dash is its place in the
// arguments returned (-1 without it), which explain uses to part works from
// paths.
func parseFlags(fs *flag.FlagSet, args []string) (rest []string, dash int, err error) {
	dash = -1
	for len(args) > 0 {
		if args[0] == "--" {
			dash = len(rest)
			return append(rest, args[1:]...), dash, nil
		}
		if err := fs.Parse(args); err != nil {
			return nil, -1, err
		}
		left := fs.Args()
		if n := len(args) - len(left); n > 0 && args[n-1] == "--" {
			// fs.Parse stopped after the terminator
			dash = len(rest)
			return append(rest, left...), dash, nil
		}
		if len(left) == 0 {
			break
		}
		// fs.Parse stopped at a path: keep it, parse on after it
		rest = append(rest, left[0])
		args = left[1:]
	}
	return rest, dash, nil
}

// explainArgs parts explain's arguments into the works named (one or two)
// and the paths to read: after "--" when it is given (dash >= 0), else from
// the first argument after the first that exists as a file or folder.
func explainArgs(args []string, dash int) (works, paths []string, err error) {
	switch {
	case dash >= 0:
		works, paths = args[:dash], args[dash:]
	case len(args) > 0:
		k := 1
		for k < len(args) && !exists(args[k]) {
			k++
		}
		works, paths = args[:k], args[k:]
	}
	switch {
	case len(works) == 0:
		return nil, nil, fmt.Errorf("%w: explain takes one or two works, then the paths to read", errUsage)
	case len(works) > 2 && dash < 0:
		return nil, nil, fmt.Errorf("%w: explain takes one or two works, then the paths to read: %q is neither a file nor a folder",
			errUsage, works[2])
	case len(works) > 2:
		return nil, nil, fmt.Errorf("%w: explain takes one or two works before --, not %d", errUsage, len(works))
	}
	return works, paths, nil
}

// exists reports whether path names a file or folder.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
