package parse

import (
	"bytes"
	"encoding/json"
	"io"
)

// A JSON document cut off before its end (an API response saved from a
// browser, copied from a terminal, or truncated by a size limit) still holds
// most of its work: the JSON readers close what the cut left open and read
// the result, noting that the input ends early. Only inputs small enough to
// be held whole (jpCutMax) are mended this way, which covers single API
// responses; in a large cut-off list the works before the cut are read as
// usual and the last one is reported.

// jpCutMax is the largest input the JSON readers hold on to so that it can be
// mended when it turns out to be cut off.
const jpCutMax = 1 << 20

// jpKeeper passes bytes through and keeps a copy of them while there are at
// most max; beyond that it keeps nothing.
type jpKeeper struct {
	r    io.Reader
	max  int
	kept []byte
	over bool
}

func (k *jpKeeper) Read(p []byte) (int, error) {
	n, err := k.r.Read(p)
	if !k.over {
		if len(k.kept)+n > k.max {
			k.over, k.kept = true, nil
		} else {
			k.kept = append(k.kept, p[:n]...)
		}
	}
	return n, err
}

// whole returns the input read so far, or nil when it was too long to keep.
func (k *jpKeeper) whole() []byte {
	if k.over {
		return nil
	}
	return k.kept
}

// jpMend returns the cut-off JSON text b completed into a valid document:
// a string value cut in its middle is closed, a member or item cut before
// its value is complete is dropped, and the open arrays and objects are
// closed. It returns nil when b does not start a JSON object or array.
func jpMend(b []byte) []byte {
	i := jpSkipSpace(b, 0)
	if i >= len(b) || (b[i] != '{' && b[i] != '[') {
		return nil
	}
	var stack []byte // the closers of the open containers
	// safe is the end of the longest prefix that the closers of the stack's
	// first depth entries make valid
	safe, depth := 0, 0
	key := false // in an object, the next string is a key
	for i < len(b) {
		c := b[i]
		switch {
		case c == '{' || c == '[':
			if c == '{' {
				stack = append(stack, '}')
			} else {
				stack = append(stack, ']')
			}
			key = c == '{'
			i++
			safe, depth = i, len(stack)
		case c == '}' || c == ']':
			if len(stack) == 0 || stack[len(stack)-1] != c {
				return jpClose(b[:safe], stack[:depth])
			}
			stack = stack[:len(stack)-1]
			i++
			safe, depth = i, len(stack)
			key = false
		case c == '"':
			end := jpSkipString(b, i)
			if end < 0 {
				// cut inside the string: a value is closed, a key dropped
				if key || len(stack) == 0 {
					return jpClose(b[:safe], stack[:depth])
				}
				s := b[i:]
				if k := lastUnescaped(s); k >= 0 {
					s = s[:k] // a cut escape sequence
				}
				out := append(append([]byte{}, b[:i]...), s...)
				out = append(out, '"')
				return jpClose(out, stack)
			}
			i = end
			if !key {
				safe, depth = i, len(stack)
			}
		case c == ':':
			key = false
			i++
		case c == ',':
			key = len(stack) > 0 && stack[len(stack)-1] == '}'
			i++
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		default:
			// a number or literal: complete only if something follows it
			j := i
			for j < len(b) && !isJSONDelim(b[j]) {
				j++
			}
			if j == len(b) {
				return jpClose(b[:safe], stack[:depth])
			}
			i = j
			safe, depth = i, len(stack)
		}
	}
	return jpClose(b[:safe], stack[:depth])
}

// isJSONDelim reports whether c ends a number or literal.
func isJSONDelim(c byte) bool {
	switch c {
	case ',', '}', ']', ':', ' ', '\t', '\n', '\r', '"':
		return true
	}
	return false
}

// lastUnescaped returns where a cut escape sequence starts at the end of
// the string text s ("…\", "…\u00"), or -1.
func lastUnescaped(s []byte) int {
	k := len(s) - 1
	for k >= 0 && k >= len(s)-6 {
		if s[k] == '\\' {
			// count the backslashes before: an even run is no escape
			n := 0
			for m := k; m >= 0 && s[m] == '\\'; m-- {
				n++
			}
			tail := len(s) - k
			if n%2 == 1 && (tail == 1 || s[k+1] == 'u' && tail < 6) {
				return k
			}
			return -1
		}
		k--
	}
	return -1
}

// jpClose appends the closers, innermost first, to a copy of b.
func jpClose(b, closers []byte) []byte {
	out := append([]byte{}, b...)
	for k := len(closers) - 1; k >= 0; k-- {
		out = append(out, closers[k])
	}
	return out
}

// readCut reads the works of a cut-off input b, held whole, after mending
// it; it reports whether it found any.
func (w *jpWalker) readCut(b []byte) bool {
	mended := jpMend(b)
	if mended == nil {
		return false
	}
	lc := &jpLineCounter{r: bytes.NewReader(mended)}
	st := &jpStream{jpWalker: w, dec: json.NewDecoder(lc), lc: lc}
	if err := st.values(); err != nil || w.works == 0 {
		return false
	}
	w.s.Warnf(bytes.Count(b, []byte{'\n'})+1, "json ends early (file cut off?): read what it holds up to the cut")
	return true
}
