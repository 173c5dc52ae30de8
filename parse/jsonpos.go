package parse

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// This file holds what the JSON readers (Crossref, OpenAlex) share: finding
// the work objects in a stream whatever the envelope, with their lines, and
// lenient value types for fields whose JSON kind varies between sources.

// jpPeekSize is how far ahead the JSON readers look to tell JSON Lines from
// one (possibly pretty-printed) JSON document when the first line is longer
// than the input's buffer.
const jpPeekSize = 1 << 20

// jpSniffWindow is how far Read looks, past the sniffers' 64 KiB, into JSON
// whose head is one long string value (an abstract, a whole text), to find
// the keys the sniffers recognise.
const jpSniffWindow = 4 << 20

// jpElide returns a copy of the JSON text b with every string value cut to
// its first 256 bytes, until the copy is max bytes long: a head in which
// the sniffers see keys that long strings pushed out of the first max bytes.
func jpElide(b []byte, max int) []byte {
	const keep = 256
	out := make([]byte, 0, max)
	for i := 0; i < len(b) && len(out) < max; i++ {
		c := b[i]
		out = append(out, c)
		if c != '"' {
			continue
		}
		// a string: copy its start, skip the rest, keep the closing quote
		n := 0
		for i++; i < len(b); i++ {
			c = b[i]
			if c == '"' {
				break
			}
			if c == '\\' && i+1 < len(b) {
				if n < keep {
					out = append(out, c, b[i+1])
				}
				i++
				n += 2
				continue
			}
			if n < keep {
				out = append(out, c)
			}
			n++
		}
		if i < len(b) {
			out = append(out, '"')
		}
	}
	return out
}

// jpMaxDepth bounds how deep envelopes may nest ({"message": {"items": …}}).
const jpMaxDepth = 4

// jpWalker finds the work objects in a JSON input: a bare object, an array of
// objects, an envelope object holding them under a container key (at any
// nesting up to jpMaxDepth), or JSON Lines of any of these.
type jpWalker struct {
	s *Sink
	// containers are the envelope keys whose value holds works.
	containers map[string]bool
	// work receives each work object and the line it starts on. raw is
	// either the verbatim text or a rebuilt copy with the same line breaks
	// between members; it may be invalid JSON in JSON Lines input.
	work func(raw []byte, line int)
	// envelope, if set, receives the other members of an object that held
	// works, with the object's line.
	envelope func(members []jpMember, line int)
	// works counts the objects passed to work.
	works int
}

// jpMember is one member of a JSON object: its key, the line its value
// starts on and the value.
type jpMember struct {
	key  string
	line int
	raw  json.RawMessage
}

// read walks the whole input. It returns only I/O errors; bad JSON is
// reported through the Sink.
func (w *jpWalker) read(r io.Reader) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	lines, sure := jpIsLines(br)
	if !sure {
		// the first line is longer than the buffer: look further
		br = bufio.NewReaderSize(br, jpPeekSize)
		lines, _ = jpIsLines(br)
	}
	if lines {
		return w.readLines(br)
	}
	keep := &jpKeeper{r: br, max: jpCutMax}
	lc := &jpLineCounter{r: keep}
	st := &jpStream{jpWalker: w, dec: json.NewDecoder(lc), lc: lc}
	err := st.values()
	if lc.err != nil {
		return lc.err
	}
	if (errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)) && w.works == 0 && w.readCut(keep.whole()) {
		return nil
	}
	if err != nil {
		off := lc.read
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = se.Offset
		}
		line := lc.lineAt(off)
		w.s.Skipf(line, "%s; reading stopped after %d work(s)", jpErrText(err), w.works)
	}
	return nil
}

// jpIsLines reports whether the input is JSON Lines: its first non-blank
// line is a complete JSON object or array by itself. sure is false when
// the first line does not end within br's buffer.
func jpIsLines(br *bufio.Reader) (lines, sure bool) {
	head, err := br.Peek(br.Size())
	full := len(head) == br.Size() && err == nil
	head = bytes.TrimLeft(head, " \t\r\n")
	i := bytes.IndexByte(head, '\n')
	if i < 0 {
		return false, !full
	}
	first := bytes.TrimSpace(head[:i])
	return len(first) > 1 && (first[0] == '{' || first[0] == '[') && json.Valid(first), true
}

// readLines reads JSON Lines: every line is read on its own, so a bad line is
// skipped and the next ones are still read.
func (w *jpWalker) readLines(r io.Reader) error {
	lr := newLineReader(r)
	for lr.Scan() {
		line := lr.Line()
		if lr.Long() {
			w.s.Skipf(line, "line longer than %d MiB, skipped", maxLine>>20)
			continue
		}
		b := bytes.TrimSpace([]byte(lr.Text()))
		if len(b) == 0 {
			continue
		}
		if b[0] == '{' && !jpHasKey(b, w.containers) {
			// the common case, one work per line: no need to walk it
			w.works++
			w.work(b, line)
			continue
		}
		st := &jpStream{jpWalker: w, dec: json.NewDecoder(bytes.NewReader(b)), line: line}
		if err := st.values(); err != nil {
			w.s.Skipf(line, "%s; rest of the line skipped", jpErrText(err))
		}
	}
	return lr.Err()
}

// jpErrText words a JSON decoding error for a message.
func jpErrText(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "json ends early (file cut off?)"
	}
	return "invalid json: " + strings.TrimPrefix(err.Error(), "json: ")
}

// jpStream walks JSON values with a json.Decoder.
type jpStream struct {
	*jpWalker
	dec   *json.Decoder
	lc    *jpLineCounter // nil when reading one line of JSON Lines
	line  int            // that line
	depth int            // envelopes around the values read
}

// lineAt returns the line of byte offset off of the stream.
func (st *jpStream) lineAt(off int64) int {
	if st.lc == nil {
		return st.line
	}
	return st.lc.lineAt(off)
}

// values walks the top-level values until the end of the input.
func (st *jpStream) values() error {
	for {
		t, err := st.dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		line := st.lineAt(st.dec.InputOffset() - 1)
		switch t {
		case json.Delim('{'):
			err = st.object(line, st.depth)
		case json.Delim('['):
			err = st.array()
		default:
			st.s.Skipf(line, "json value %s is neither a work nor a list of works", Shorten(fmt.Sprint(t), 40))
		}
		if err != nil {
			return err
		}
	}
}

// array walks the items of an array whose '[' was read: objects are works.
func (st *jpStream) array() error {
	for st.dec.More() {
		var raw json.RawMessage
		if err := st.dec.Decode(&raw); err != nil {
			return err
		}
		line := st.lineAt(st.dec.InputOffset() - int64(len(raw)))
		switch {
		case len(raw) > 0 && raw[0] == '{' && st.depth < jpMaxDepth && jpHasKey(raw, st.containers):
			// an envelope in a list, such as saved API pages
			if err := st.nested(raw, line); err != nil {
				return err
			}
		case len(raw) > 0 && raw[0] == '{':
			st.works++
			st.work(raw, line)
		default:
			st.s.Skipf(line, "list item is %s, not a work object", jpKind(raw))
		}
	}
	_, err := st.dec.Token()
	return err
}

// nested walks a complete value read from the stream, which starts on line.
func (st *jpStream) nested(raw []byte, line int) error {
	sub := &jpStream{jpWalker: st.jpWalker, line: line, depth: st.depth + 1}
	if st.lc != nil {
		sub.lc = &jpLineCounter{r: bytes.NewReader(raw), lines: line - 1}
		sub.dec = json.NewDecoder(sub.lc)
	} else {
		sub.dec = json.NewDecoder(bytes.NewReader(raw))
	}
	return sub.values()
}

// object walks an object whose '{' (on line) was read. If it holds works
// under a container key, those are passed on; otherwise the object itself
// is a work.
func (st *jpStream) object(line, depth int) error {
	var members []jpMember
	found := false
	for st.dec.More() {
		t, err := st.dec.Token()
		if err != nil {
			return err
		}
		key, _ := t.(string)
		if st.containers[key] && depth < jpMaxDepth {
			t, err := st.dec.Token()
			if err != nil {
				return err
			}
			switch t {
			case json.Delim('['):
				found = true
				err = st.array()
			case json.Delim('{'):
				found = true
				err = st.object(st.lineAt(st.dec.InputOffset()-1), depth+1)
			default:
				// a scalar where works were expected, such as an error text
				raw, _ := json.Marshal(t)
				members = append(members, jpMember{key, st.lineAt(st.dec.InputOffset()), raw})
			}
			if err != nil {
				return err
			}
			continue
		}
		var raw json.RawMessage
		if err := st.dec.Decode(&raw); err != nil {
			return err
		}
		members = append(members, jpMember{key, st.lineAt(st.dec.InputOffset() - int64(len(raw))), raw})
	}
	if _, err := st.dec.Token(); err != nil {
		return err
	}
	if found {
		if st.envelope != nil {
			st.envelope(members, line)
		}
		return nil
	}
	st.works++
	st.work(jpRebuild(members, line), line)
	return nil
}

// jpRebuild writes members back into one object, with each value starting
// on the line it started on in the input, so that lines counted in the copy
// match the input's.
func jpRebuild(members []jpMember, line int) []byte {
	n := 2
	for _, m := range members {
		n += len(m.key) + len(m.raw) + 8
	}
	buf := make([]byte, 0, n)
	buf = append(buf, '{')
	cur := line
	for i, m := range members {
		if i > 0 {
			buf = append(buf, ',')
		}
		for ; cur < m.line; cur++ {
			buf = append(buf, '\n')
		}
		k, _ := json.Marshal(m.key)
		buf = append(buf, k...)
		buf = append(buf, ':')
		buf = append(buf, m.raw...)
		cur += bytes.Count(m.raw, []byte{'\n'})
	}
	return append(buf, '}')
}

// jpKind names the JSON kind of a value for messages.
func jpKind(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "empty"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "a text"
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	}
	return "a number"
}

// jpLineCounter passes bytes through and remembers where lines end, so that
// byte offsets reported by a json.Decoder can be turned into line numbers.
// Only the line ends not yet passed by lineAt are kept.
type jpLineCounter struct {
	r     io.Reader
	read  int64   // bytes passed on so far
	nl    []int64 // offsets of line ends at or after the last offset asked for
	lines int     // line ends before that offset
	err   error   // the first read error other than io.EOF
}

// Read passes on bytes from the input, noting the line ends among them.
func (c *jpLineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := 0; i < n; {
		j := bytes.IndexByte(p[i:n], '\n')
		if j < 0 {
			break
		}
		c.nl = append(c.nl, c.read+int64(i+j))
		i += j + 1
	}
	c.read += int64(n)
	if err != nil && err != io.EOF && c.err == nil {
		c.err = err
	}
	return n, err
}

// lineAt returns the 1-based line of the byte at offset off. Offsets asked
// for must not decrease; a smaller one gets the last line returned.
func (c *jpLineCounter) lineAt(off int64) int {
	k := 0
	for k < len(c.nl) && c.nl[k] < off {
		k++
	}
	c.lines += k
	c.nl = c.nl[k:]
	return c.lines + 1
}

// jpMembers calls fn with each top-level key of the JSON object in b (the
// text between the quotes, escapes left as they are) and the offset of its
// value, until fn returns false. It stops quietly on malformed input.
func jpMembers(b []byte, fn func(key []byte, val int) bool) {
	i := jpSkipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return
	}
	i++
	for {
		i = jpSkipSpace(b, i)
		if i >= len(b) || b[i] != '"' {
			return
		}
		end := jpSkipString(b, i)
		if end < 0 {
			return
		}
		key := b[i+1 : end-1]
		i = jpSkipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return
		}
		i = jpSkipSpace(b, i+1)
		if !fn(key, i) {
			return
		}
		i = jpSkipSpace(b, jpSkipValue(b, i))
		if i >= len(b) || b[i] != ',' {
			return
		}
		i++
	}
}

// jpHasKey reports whether the object in b has one of keys at its top level.
func jpHasKey(b []byte, keys map[string]bool) bool {
	found := false
	jpMembers(b, func(key []byte, _ int) bool {
		found = keys[string(key)]
		return !found
	})
	return found
}

// jpSkipSpace returns the offset of the first byte at or after i that is
// not JSON white space.
func jpSkipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// jpSkipString returns the offset after the string starting at b[i], or -1
// when it is not closed.
func jpSkipString(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// jpSkipValue returns the offset after the value starting at b[i].
func jpSkipValue(b []byte, i int) int {
	if i >= len(b) {
		return len(b)
	}
	switch b[i] {
	case '"':
		if j := jpSkipString(b, i); j > 0 {
			return j
		}
		return len(b)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				k := jpSkipString(b, j)
				if k < 0 {
					return len(b)
				}
				j = k - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(b)
	}
	j := i + 1
	for j < len(b) && !strings.ContainsRune(",]} \t\r\n", rune(b[j])) {
		j++
	}
	return j
}

// jpElementLines returns the line of each element of the array under key
// in the object raw, which starts on line; nil when raw is on one line (all
// elements are then on that line) or holds no such array.
func jpElementLines(raw []byte, key string, line int) []int {
	if bytes.IndexByte(raw, '\n') < 0 {
		return nil
	}
	var lines []int
	jpMembers(raw, func(k []byte, v int) bool {
		if string(k) != key {
			return true
		}
		if v >= len(raw) || raw[v] != '[' {
			return false
		}
		ln, last := line+bytes.Count(raw[:v], []byte{'\n'}), v
		for i := v + 1; ; i++ {
			i = jpSkipSpace(raw, i)
			if i >= len(raw) || raw[i] == ']' {
				break
			}
			ln += bytes.Count(raw[last:i], []byte{'\n'})
			last = i
			lines = append(lines, ln)
			i = jpSkipSpace(raw, jpSkipValue(raw, i))
			if i >= len(raw) || raw[i] != ',' {
				break
			}
		}
		return false
	})
	return lines
}

// jpLineOf returns lines[i] when lines has one entry per element (n), else def.
func jpLineOf(lines []int, i, n, def int) int {
	if len(lines) == n && i < n {
		return lines[i]
	}
	return def
}

// jpText is a text value that also accepts a number, a boolean, or a list of
// texts of which it keeps the first non-empty one (Crossref puts titles in
// lists, CSL and other sources do not). An object is ignored: decoding never
// fails on it, so that the rest of a work is still read.
type jpText string

// UnmarshalJSON implements json.Unmarshaler.
func (t *jpText) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil
	}
	switch b[0] {
	case '"':
		if bytes.IndexByte(b, '\\') < 0 && len(b) >= 2 {
			*t = jpText(b[1 : len(b)-1])
			break
		}
		var s string
		if json.Unmarshal(b, &s) == nil {
			*t = jpText(s)
		}
	case '[':
		var list []jpText
		json.Unmarshal(b, &list)
		for _, s := range list {
			if strings.TrimSpace(string(s)) != "" {
				*t = s
				break
			}
		}
	case '{', 'n':
	default:
		*t = jpText(b)
	}
	return nil
}

// String returns the text with surrounding white space removed.
func (t jpText) String() string { return strings.TrimSpace(string(t)) }

// jpStrictText reads a JSON value that must be text: a string, or a list
// whose first non-blank string is taken (as Crossref writes titles); null
// or nothing gives "". For anything else (a number, an object, a list
// holding one) it returns a warning saying what the value was.
func jpStrictText(raw json.RawMessage, field string) (text, warning string) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] == 'n' {
		return "", ""
	}
	var kind string
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s, ""
		}
		kind = "damaged text"
	case '[':
		var list []json.RawMessage
		json.Unmarshal(raw, &list)
		for _, v := range list {
			var s string
			if v = bytes.TrimSpace(v); len(v) == 0 || v[0] != '"' || json.Unmarshal(v, &s) != nil {
				return "", fmt.Sprintf("%q is a list holding %s where text was expected; ignored", field, jpKind(v))
			}
			if text == "" && strings.TrimSpace(s) != "" {
				text = s
			}
		}
		return text, ""
	default:
		kind = jpKind(raw)
	}
	return "", fmt.Sprintf("%q is %s where text was expected; ignored", field, kind)
}

// jpInt is a count that accepts a JSON number or a numeric text; Set tells a
// stated 0 from an absent value.
type jpInt struct {
	N   int
	Set bool
}

// UnmarshalJSON implements json.Unmarshaler.
func (n *jpInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(bytes.TrimSpace(b)), `"`)
	if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil && f >= -1e9 && f <= 1e9 {
		*n = jpInt{int(f), true}
	}
	return nil
}

// Ptr returns the count for Record.CitedBy or RefsDeclared, nil if absent.
func (n jpInt) Ptr() *int {
	if !n.Set || n.N < 0 {
		return nil
	}
	return IntPtr(n.N)
}

// jpTypeWarning words the first type mismatch json.Unmarshal met in a work,
// or returns "" for other errors.
func jpTypeWarning(err error) string {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return ""
	}
	want := "a text"
	if te.Type != nil {
		switch te.Type.Kind() {
		case reflect.Slice, reflect.Array:
			want = "a list"
		case reflect.Struct, reflect.Map, reflect.Pointer:
			want = "an object"
		case reflect.Int, reflect.Int64, reflect.Float64:
			want = "a number"
		}
	}
	field := te.Field
	if field == "" {
		field = "a field"
	} else {
		field = strconv.Quote(field)
	}
	return fmt.Sprintf("%s is a json %s where %s was expected; ignored", field, te.Value, want)
}

// jpTagRe matches an HTML, MathML or JATS tag such as <i>, </jats:p> or
// <span class="x">, but not a lone "<" in text like "p < 0.05".
var jpTagRe = regexp.MustCompile(`</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>`)

// jpBlockTags are the tags that separate words; others (i, sub, sup…) are
// removed without a space.
var jpBlockTags = map[string]bool{
	"p": true, "title": true, "sec": true, "br": true, "div": true, "li": true,
	"list": true, "list-item": true, "abstract": true, "label": true,
	"caption": true, "table": true, "tr": true, "td": true, "th": true,
}

// jpCleanMarkup removes markup tags from a title or an abstract, decodes
// HTML entities and folds white space.
func jpCleanMarkup(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = jpTagRe.ReplaceAllStringFunc(s, func(tag string) string {
			name := strings.TrimLeft(tag, "</")
			if i := strings.IndexAny(name, " \t\n/>"); i >= 0 {
				name = name[:i]
			}
			if i := strings.LastIndexByte(name, ':'); i >= 0 {
				name = name[i+1:]
			}
			if jpBlockTags[strings.ToLower(name)] {
				return " "
			}
			return ""
		})
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return CleanSpace(s)
}

// jpSniff reports whether head is JSON (starts with '{' or '[') holding at
// least min of the keys.
func jpSniff(head []byte, keys []string, min int) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || (head[0] != '{' && head[0] != '[') {
		return false
	}
	n := 0
	for _, k := range keys {
		if jpHasKeyText(head, k) {
			n++
			if n >= min {
				return true
			}
		}
	}
	return false
}

// jpHasKeyText reports whether "key" followed by a colon occurs in head.
func jpHasKeyText(head []byte, key string) bool {
	q := `"` + key + `"`
	for off := 0; ; {
		i := bytes.Index(head[off:], []byte(q))
		if i < 0 {
			return false
		}
		j := jpSkipSpace(head, off+i+len(q))
		if j < len(head) && head[j] == ':' {
			return true
		}
		off += i + len(q)
	}
}
