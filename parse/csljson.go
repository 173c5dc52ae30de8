package parse

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// This file reads CSL-JSON (Citation Style Language data), as Zotero,
// Mendeley, Pandoc and citeproc write it: an array of items, or a single
// item, or items one after another (JSON lines). Each item is an object
// with "id", "type", "title", "author", "issued", "container-title", …

func init() {
	register(Format{Name: "csl-json", Order: 12, Sniff: cslSniff, Read: cslRead})
}

// cslForeign are keys of other JSON layouts (Crossref works and envelopes,
// OpenAlex works, Lens records) that CSL items never have.
var cslForeign = map[string]bool{
	"message": true, "message-type": true, "reference": true, "reference-count": true,
	"references-count": true, "is-referenced-by-count": true, "indexed": true, "deposited": true,
	"member": true, "prefix": true, "openalex": true, "display_name": true, "referenced_works": true,
	"authorships": true, "publication_year": true, "lens_id": true, "results": true, "meta": true,
}

// cslSniff accepts JSON whose first item (the first element of a top-level
// array, or the top-level object) has "type" plus a string "title", an
// "author" or an "issued", and no key of Crossref, OpenAlex or Lens JSON.
// A head cut inside the first item is judged on the keys read so far.
func cslSniff(_ string, head []byte) bool {
	t := bytes.TrimLeft(head, " \t\n\r")
	if len(t) == 0 || t[0] != '[' && t[0] != '{' {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(t))
	tok, err := dec.Token()
	if err != nil {
		return false
	}
	if tok == json.Delim('[') {
		if tok, err = dec.Token(); err != nil || tok != json.Delim('{') {
			return false
		}
	} else if tok != json.Delim('{') {
		return false
	}
	keys := map[string]bool{}
	titleText := true
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			break
		}
		k, _ := kt.(string)
		keys[k] = true
		vt, err := dec.Token()
		if err != nil {
			break
		}
		if k == "title" {
			_, titleText = vt.(string)
		}
		if d, ok := vt.(json.Delim); ok && (d == '{' || d == '[') {
			if !cslSkip(dec) {
				break
			}
		}
	}
	for k := range keys {
		if cslForeign[k] {
			return false
		}
	}
	return keys["type"] && titleText && (keys["title"] || keys["author"] || keys["issued"])
}

// cslSkip reads tokens up to the end of the container just opened; false
// when the input ends first.
func cslSkip(dec *json.Decoder) bool {
	for depth := 1; depth > 0; {
		t, err := dec.Token()
		if err != nil {
			return false
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return true
}

// cslStart returns the offset of the next value of dec, past white space
// and the comma between array elements.
func cslStart(dec *json.Decoder) int64 {
	off := dec.InputOffset()
	buf := make([]byte, 512)
	rd := dec.Buffered()
	for {
		n, _ := rd.Read(buf)
		if n == 0 {
			return off
		}
		for _, c := range buf[:n] {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' {
				return off
			}
			off++
		}
	}
}

// cslRead is the Read of the csl-json format.
func cslRead(r io.Reader, s *Sink) error {
	lc := &jpLineCounter{r: r}
	br := bufio.NewReader(lc)
	first := byte(0)
	for {
		c, err := br.ReadByte()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			first = c
			br.UnreadByte()
			break
		}
	}
	dec := json.NewDecoder(br)
	switch first {
	case '[':
		if _, err := dec.Token(); err != nil {
			return err
		}
		for dec.More() {
			line := lc.lineAt(cslStart(dec))
			if !cslDecode(dec, line, s) {
				return nil
			}
		}
		if _, err := dec.Token(); err != nil {
			s.Warnf(lc.lineAt(dec.InputOffset()), "the array of items is not closed: %v", err)
		}
	case '{':
		for {
			// More reads past blank lines, so that cslStart sees the item
			more := dec.More()
			line := lc.lineAt(cslStart(dec))
			if !more {
				if _, err := dec.Token(); err != io.EOF {
					s.Skipf(line, "invalid json after the last item, the rest of the file is not read")
				}
				return nil
			}
			if !cslDecode(dec, line, s) {
				return nil
			}
		}
	default:
		s.Skipf(lc.lineAt(0), "not CSL-JSON: the input starts with %q, not an array or object", first)
	}
	return nil
}

// cslName is one CSL name object.
type cslName struct {
	Family      json.RawMessage `json:"family"`
	Given       json.RawMessage `json:"given"`
	Literal     json.RawMessage `json:"literal"`
	NonDropping json.RawMessage `json:"non-dropping-particle"`
	Dropping    json.RawMessage `json:"dropping-particle"`
	Suffix      json.RawMessage `json:"suffix"`
}

// cslItem holds the variables of one item that are read, each as raw JSON
// because exporters write numbers and strings interchangeably. Field names
// match case-insensitively ("DOI" and "doi").
type cslItem struct {
	ID             json.RawMessage `json:"id"`
	Type           json.RawMessage `json:"type"`
	Title          json.RawMessage `json:"title"`
	ContainerTitle json.RawMessage `json:"container-title"`
	ContainerShort json.RawMessage `json:"container-title-short"`
	JournalAbbrev  json.RawMessage `json:"journalAbbreviation"`
	Volume         json.RawMessage `json:"volume"`
	Issue          json.RawMessage `json:"issue"`
	Number         json.RawMessage `json:"number"`
	Page           json.RawMessage `json:"page"`
	Abstract       json.RawMessage `json:"abstract"`
	DOI            json.RawMessage `json:"DOI"`
	URL            json.RawMessage `json:"URL"`
	ISSN           json.RawMessage `json:"ISSN"`
	ISBN           json.RawMessage `json:"ISBN"`
	PMID           json.RawMessage `json:"PMID"`
	PMCID          json.RawMessage `json:"PMCID"`
	Keyword        json.RawMessage `json:"keyword"`
	Author         json.RawMessage `json:"author"`
	Issued         json.RawMessage `json:"issued"`
}

// cslDecode reads the next item of dec, which starts on line, and adds it.
// It returns false when the JSON is broken and reading cannot go on.
func cslDecode(dec *json.Decoder, line int, s *Sink) bool {
	var it cslItem
	if err := dec.Decode(&it); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) { // the value was read whole: go on after it
			s.Skipf(line, "item is not a json object")
			return true
		}
		s.Skipf(line, "invalid json, the rest of the file is not read: %v", err)
		return false
	}
	if reflect.ValueOf(it).IsZero() {
		s.Skipf(line, "item has none of the CSL variables read here (title, author, issued, DOI, …)")
		return true
	}
	rec := Record{Line: line}
	str := func(name string, vs ...json.RawMessage) string {
		for _, v := range vs {
			if v == nil {
				continue
			}
			t, ok := cslText(v)
			if !ok {
				s.Warnf(line, "item field %q is not text, ignored", name)
				continue
			}
			if t != "" {
				return t
			}
		}
		return ""
	}
	rec.Type = str("type", it.Type)
	rec.Title = str("title", it.Title)
	rec.Venue = str("container-title", it.ContainerTitle)
	rec.VenueAbbrev = str("container-title-short", it.ContainerShort, it.JournalAbbrev)
	rec.Volume = str("volume", it.Volume)
	rec.Issue = str("issue", it.Issue, it.Number)
	rec.Pages = strings.NewReplacer("–", "-", "—", "-").Replace(str("page", it.Page))
	rec.Abstract = CleanSpace(str("abstract", it.Abstract))
	if d := str("DOI", it.DOI); d != "" {
		if rec.DOI = NormalizeDOI(d); rec.DOI == "" {
			s.Warnf(line, "DOI %q is not a doi", Shorten(d, 40))
		}
	}
	rec.SetID("key", str("id", it.ID))
	rec.SetID("url", str("URL", it.URL))
	rec.SetID("issn", str("ISSN", it.ISSN))
	rec.SetID("isbn", str("ISBN", it.ISBN))
	rec.SetID("pmid", str("PMID", it.PMID))
	rec.SetID("pmcid", str("PMCID", it.PMCID))
	if it.Keyword != nil {
		rec.Keywords = cslKeywords(it.Keyword)
	}
	if it.Author != nil {
		var names []cslName
		if err := json.Unmarshal(it.Author, &names); err != nil {
			s.Warnf(line, "item authors are not a list of names, ignored")
		}
		for _, n := range names {
			if au := cslAuthor(n); au.Family != "" {
				rec.Authors = append(rec.Authors, au)
			}
		}
	}
	if it.Issued != nil {
		rec.Year = cslYear(it.Issued)
		if rec.Year == 0 && !bytes.Equal(bytes.TrimSpace(it.Issued), []byte("null")) {
			s.Warnf(line, "item date %s holds no year", Shorten(string(it.Issued), 40))
		}
	}
	s.Add(rec)
	return true
}

// cslText returns a string or number value as text (the first element of
// a list of them); false for objects and other non-text values.
func cslText(v json.RawMessage) (string, bool) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "", true
	}
	switch c := v[0]; {
	case c == '"':
		if bytes.IndexByte(v, '\\') < 0 && len(v) >= 2 { // no escapes: the text is as written
			return CleanSpace(string(v[1 : len(v)-1])), true
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return "", false
		}
		return CleanSpace(s), true
	case c == '-' || c >= '0' && c <= '9':
		return string(v), true
	case c == 'n': // null
		return "", true
	case c == '[':
		var list []json.RawMessage
		if err := json.Unmarshal(v, &list); err != nil {
			return "", false
		}
		if len(list) == 0 {
			return "", true
		}
		return cslText(list[0])
	}
	return "", false
}

// cslAuthor turns a CSL name into an Author: particles and suffix go with
// the family name, a literal name is kept whole.
func cslAuthor(n cslName) Author {
	get := func(v json.RawMessage) string { t, _ := cslText(v); return t }
	if lit := get(n.Literal); lit != "" {
		return Author{Family: lit}
	}
	fam := strings.TrimSpace(strings.Join([]string{get(n.Dropping), get(n.NonDropping), get(n.Family)}, " "))
	fam = CleanSpace(fam)
	giv := get(n.Given)
	if fam == "" {
		return Author{Family: giv}
	}
	if suf := get(n.Suffix); suf != "" {
		fam += " " + suf
	}
	return Author{Family: fam, Given: giv}
}

// cslYear reads the year of a CSL date: "date-parts" (numbers or strings),
// "raw" or "literal", or a bare string.
func cslYear(v json.RawMessage) int {
	if t, ok := cslText(v); ok {
		return ParseYear(t)
	}
	var d struct {
		Parts   [][]json.RawMessage `json:"date-parts"`
		Raw     json.RawMessage     `json:"raw"`
		Literal json.RawMessage     `json:"literal"`
	}
	if json.Unmarshal(v, &d) != nil {
		return 0
	}
	if len(d.Parts) > 0 && len(d.Parts[0]) > 0 {
		if t, _ := cslText(d.Parts[0][0]); t != "" {
			if y, err := strconv.Atoi(t); err == nil && y > 0 {
				return y
			}
			if y := ParseYear(t); y != 0 {
				return y
			}
		}
	}
	for _, r := range []json.RawMessage{d.Raw, d.Literal} {
		if t, _ := cslText(r); ParseYear(t) != 0 {
			return ParseYear(t)
		}
	}
	return 0
}

// cslKeywords splits the "keyword" variable, a string separated by ";" or
// ",", or a list of strings.
func cslKeywords(v json.RawMessage) []string {
	var list []string
	if json.Unmarshal(v, &list) == nil {
		var out []string
		for _, k := range list {
			if k = CleanSpace(k); k != "" {
				out = append(out, k)
			}
		}
		return out
	}
	t, _ := cslText(v)
	return bibKeywords(t)
}
