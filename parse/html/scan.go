package html

import (
	"bytes"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/parse/model"
	nethtml "golang.org/x/net/html"
)

// A page is what one pass of the tokenizer keeps of an HTML document: its
// metadata (meta tags, JSON-LD, COinS, the title), its visible text with
// block boundaries as line ends, and the elements and headings of that text
// that the reference-list finder needs, located by offsets into the text.
type page struct {
	metas   []meta
	title   string   // the <title>
	ldjson  []string // application/ld+json scripts
	states  []string // inline scripts that carry a DOI: embedded page state
	coins   []coins
	text    []byte     // visible text; '\n' ends a block
	marks   []lineMark // where each line of text starts in the input
	elems   []elem
	heads   []heading
	names   []personName // given-name / surname spans outside references
	signals []string
	listAt  int // where the reference list shown on the page starts in text, or -1
}

// meta is one <meta> tag: its key (the name, property or itemprop, lower
// case), value and scheme.
type meta struct {
	key, val, scheme string
	line             int
}

// coins is one COinS span (class Z3988): its OpenURL query and line.
type coins struct {
	query string
	line  int
}

// lineMark says that the line of text starting at off began at input line.
type lineMark struct{ off, line int }

// elem is a closed element that may hold one reference: its tag, its
// signature (tag, classes and id with digits folded: what the items of one
// list share), where its text lies, and its nesting depth.
type elem struct {
	tag, sig   string
	class, id  string
	start, end int
	depth      int
	line       int
}

// heading is an h1-h6 element and where its text lies.
type heading struct {
	level      int
	text       string
	start, end int
	line       int
}

// personName is a name marked up in parts (class "given-name", "surname").
type personName struct {
	given, family string
	off           int
}

// open is an element on the tokenizer's stack.
type open struct {
	tag       string
	sig       string
	class, id string
	start     int
	line      int
	skip      bool // its content is not visible text (script, style …)
	hidden    bool
	nameRole  byte // 'g' given name, 'f' surname, 0 none
}

var (
	digitsRe = regexp.MustCompile(`\d+`)
	spaceRe  = regexp.MustCompile(`\s+`)
)

// skipTags hold no visible text.
var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"math": true, "iframe": true, "object": true, "select": true, "head": true, "textarea": true}

// blockTags start and end a line of text.
var blockTags = map[string]bool{"p": true, "div": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true,
	"dd": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "tr": true, "table": true,
	"section": true, "article": true, "header": true, "footer": true, "nav": true, "aside": true, "main": true,
	"blockquote": true, "pre": true, "figure": true, "figcaption": true, "form": true, "address": true,
	"hr": true, "br": true, "caption": true, "thead": true, "tbody": true, "details": true, "summary": true,
	"fieldset": true, "legend": true, "body": true, "html": true, "center": true}

// itemTags are the elements a reference of a list can be.
var itemTags = map[string]bool{"li": true, "div": true, "p": true, "dd": true, "tr": true, "cite": true,
	"span": true, "section": true, "article": true, "ol": true, "ul": true, "dl": true}

// voidTags never have content or an end tag.
var voidTags = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true, "source": true, "track": true,
	"wbr": true, "keygen": true}

// scan reads the document once with the tokenizer.
func scan(r io.Reader) (*page, error) {
	p := &page{listAt: -1}
	z := nethtml.NewTokenizer(r)
	var stack []open
	line := 1
	skip := 0   // open elements whose text is not visible
	hidden := 0 // open hidden elements
	var script strings.Builder
	inScript, ldScript := false, false
	inTitle := false
	var title strings.Builder

	closeTo := func(k int) {
		for len(stack) > k {
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if o.skip {
				skip--
			}
			if o.hidden {
				hidden--
			}
			p.closeElem(o, len(stack))
		}
	}
	for {
		tt := z.Next()
		raw := z.Raw()
		nl := bytes.Count(raw, []byte{'\n'})
		switch tt {
		case nethtml.ErrorToken:
			closeTo(0)
			if err := z.Err(); err != io.EOF {
				return p, err
			}
			p.finish(strings.TrimSpace(title.String()))
			return p, nil
		case nethtml.TextToken:
			switch {
			case inScript:
				script.Write(z.Text())
			case inTitle:
				title.Write(z.Text())
			case skip == 0 && hidden == 0:
				p.addText(z.Text(), line)
			}
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			var class, id, typ, style string
			var hid bool
			var m meta
			var metaName, metaProp, metaItem string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "class":
					class = string(v)
				case "id":
					id = string(v)
				case "type":
					typ = strings.ToLower(string(v))
				case "style":
					style = strings.ToLower(string(v))
				case "hidden":
					hid = true
				case "aria-hidden":
					hid = hid || string(v) == "true"
				case "name":
					metaName = string(v)
				case "property":
					metaProp = string(v)
				case "itemprop":
					metaItem = string(v)
				case "content":
					m.val = string(v)
				case "scheme":
					m.scheme = string(v)
				case "title":
					if tag == "span" {
						m.val = string(v) // a COinS span's query
					}
				}
			}
			if strings.Contains(style, "display:none") || strings.Contains(style, "display: none") {
				hid = true
			}
			switch tag {
			case "meta":
				m.line = line
				seen := ""
				for _, k := range []string{metaName, metaProp, metaItem} {
					k = strings.ToLower(strings.TrimSpace(k))
					if k != "" && k != seen {
						p.metas = append(p.metas, meta{key: k, val: m.val, scheme: m.scheme, line: line})
						seen = k
					}
				}
				continue
			case "script":
				if tt == nethtml.StartTagToken {
					inScript, ldScript = true, strings.Contains(typ, "ld+json")
					script.Reset()
				}
				continue
			case "title":
				if tt == nethtml.StartTagToken && p.title == "" && !inSVG(stack) {
					inTitle = true
				}
				continue
			case "span":
				if strings.Contains(class, "Z3988") && m.val != "" {
					p.coins = append(p.coins, coins{query: m.val, line: line})
				}
			}
			if blockTags[tag] {
				p.block(line)
			}
			if tag == "sup" {
				p.space() // "Smith<sup>1</sup>" reads "Smith 1"
			}
			if tt == nethtml.SelfClosingTagToken || voidTags[tag] {
				continue
			}
			// elements a new one closes implicitly
			if n := len(stack); n > 0 {
				top := stack[n-1].tag
				if top == tag && (tag == "li" || tag == "p" || tag == "dt" || tag == "dd" || tag == "tr" || tag == "option") ||
					(tag == "td" || tag == "th") && (top == "td" || top == "th") || (tag == "dd" && top == "dt") || (tag == "dt" && top == "dd") {
					closeTo(n - 1)
				}
			}
			o := open{tag: tag, class: class, id: id, start: len(p.text), line: line, skip: skipTags[tag], hidden: hid}
			if o.skip {
				skip++
			}
			if o.hidden {
				hidden++
			}
			if itemTags[tag] || isHeading(tag) {
				o.sig = signature(tag, class, id)
			}
			o.nameRole = nameRole(class)
			stack = append(stack, o)
		case nethtml.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch tag {
			case "script":
				if inScript {
					p.script(script.String(), ldScript)
					inScript = false
				}
				continue
			case "title":
				inTitle = false
				continue
			}
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].tag == tag {
					closeTo(k)
					break
				}
			}
			if blockTags[tag] {
				p.block(line)
			}
		}
		line += nl
	}
}

// inSVG reports whether an svg element is open: its title is no page title.
func inSVG(stack []open) bool {
	for _, o := range stack {
		if o.tag == "svg" {
			return true
		}
	}
	return false
}

// isHeading reports whether tag is h1-h6.
func isHeading(tag string) bool {
	return len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'
}

// signature names what the items of one list share: the tag, the classes
// and the id with numbers folded ("li#B1" and "li#B2" both give "li#BN").
func signature(tag, class, id string) string {
	s := tag
	if class != "" {
		s += "." + digitsRe.ReplaceAllString(strings.Join(strings.Fields(class), "."), "N")
	}
	if id != "" {
		s += "#" + digitsRe.ReplaceAllString(id, "N")
	}
	return s
}

// nameRole reads the classes that mark the parts of a person's name.
func nameRole(class string) byte {
	for _, c := range strings.Fields(class) {
		switch strings.ToLower(c) {
		case "given-name", "given-names", "givenname", "given_name", "author-given-name":
			return 'g'
		case "surname", "family-name", "familyname", "author-surname":
			return 'f'
		}
	}
	return 0
}

// closeElem records a closed element the reference finder may need.
func (p *page) closeElem(o open, depth int) {
	if o.skip || o.hidden {
		return
	}
	end := len(p.text)
	switch {
	case isHeading(o.tag):
		p.heads = append(p.heads, heading{level: int(o.tag[1] - '0'), text: cleanText(p.text[o.start:end]),
			start: o.start, end: end, line: o.line})
	case o.sig != "" && end-o.start >= 12:
		p.elems = model.Push(p.elems, elem{tag: o.tag, sig: o.sig, class: o.class, id: o.id, start: o.start, end: end,
			depth: depth, line: o.line})
	}
	if o.nameRole != 0 {
		v := cleanText(p.text[o.start:end])
		if v == "" || utf8.RuneCountInString(v) > 60 {
			return
		}
		if n := len(p.names); o.nameRole == 'f' && n > 0 && p.names[n-1].family == "" && o.start-p.names[n-1].off < 40 {
			p.names[n-1].family = v
			return
		}
		if o.nameRole == 'g' {
			p.names = append(p.names, personName{given: v, off: o.start})
		} else {
			p.names = append(p.names, personName{family: v, off: o.start})
		}
	}
}

// addText appends visible text, folding white space.
func (p *page) addText(b []byte, line int) {
	if cap(p.text)-len(p.text) < len(b) {
		// doubling: append grows a long text by a quarter, which writes
		// five times its final size in all
		p.text = slices.Grow(p.text, max(len(b), len(p.text)))
	}
	for len(b) > 0 {
		r, w := utf8.DecodeRune(b)
		b = b[w:]
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			if n := len(p.text); n > 0 && p.text[n-1] != ' ' && p.text[n-1] != '\n' {
				p.text = append(p.text, ' ')
			}
			continue
		}
		if n := len(p.text); n == 0 || p.text[n-1] == '\n' {
			p.marks = append(p.marks, lineMark{off: len(p.text), line: line})
		}
		p.text = utf8.AppendRune(p.text, r)
	}
}

// space separates what follows from a word before it.
func (p *page) space() {
	if n := len(p.text); n > 0 && p.text[n-1] != ' ' && p.text[n-1] != '\n' {
		p.text = append(p.text, ' ')
	}
}

// block ends the line of text, if one is open.
func (p *page) block(line int) {
	n := len(p.text)
	if n == 0 || p.text[n-1] == '\n' {
		return
	}
	if p.text[n-1] == ' ' {
		p.text = p.text[:n-1]
	}
	p.text = append(p.text, '\n')
}

// script keeps what a script holds for the reader: JSON-LD, or an embedded
// page state that carries a DOI.
func (p *page) script(s string, ld bool) {
	switch {
	case ld:
		p.ldjson = append(p.ldjson, s)
	case strings.Contains(s, `"doi"`) && len(p.states) < 8:
		p.states = append(p.states, s)
	}
	for _, sig := range challengeScripts {
		if strings.Contains(s, sig) {
			p.signals = append(p.signals, sig)
		}
	}
}

// finish settles what the whole document gave.
func (p *page) finish(title string) {
	p.title = cleanText([]byte(title))
	p.block(0)
}

// cleanText returns text with white space folded.
func cleanText(b []byte) string {
	return strings.TrimSpace(spaceRe.ReplaceAllString(string(b), " "))
}

// lines returns the visible text as numbered lines for the text reader.
func (p *page) lines() []lineText {
	out := make([]lineText, 0, bytes.Count(p.text, []byte{'\n'}))
	k := 0
	start := 0
	for i, c := range p.text {
		if c != '\n' {
			continue
		}
		for k+1 < len(p.marks) && p.marks[k+1].off <= start {
			k++
		}
		n := 0
		if k < len(p.marks) {
			n = p.marks[k].line
		}
		out = append(out, lineText{n: n, off: start, text: string(p.text[start:i])})
		start = i + 1
	}
	return out
}

// lineText is one line of visible text and the input line it starts on.
type lineText struct {
	n, off int
	text   string
}
