package landing

import "bytes"

// cueSet finds whether a text holds any of a set of cues (lower-case
// substrings) in one pass over the text: each cue is filed under its first
// two bytes, so a position whose two bytes begin no cue costs one table
// look-up. Boilerplate tests run on every line of a page, prose paragraphs
// included; testing each of a hundred cues with strings.Contains cost a
// third of the reading time of a 10 MB page.
type cueSet struct {
	short []string   // one-byte cues, tested with strings.Contains
	lists [][]string // the cues of two or more bytes, by their first two bytes
	// at holds for each pair of bytes the index in lists of its cues plus
	// one, 0 for none
	at [1 << 16]uint8
}

func newCueSet(cues ...string) *cueSet {
	c := &cueSet{lists: [][]string{nil}}
	for _, s := range cues {
		switch len(s) {
		case 0:
		case 1:
			c.short = append(c.short, s)
		default:
			k := uint16(s[0])<<8 | uint16(s[1])
			if c.at[k] == 0 {
				if len(c.lists) > 255 {
					panic("cueSet: too many cues")
				}
				c.at[k] = uint8(len(c.lists))
				c.lists = append(c.lists, nil)
			}
			c.lists[c.at[k]] = append(c.lists[c.at[k]], s)
		}
	}
	return c
}

// in reports whether t holds one of the cues.
func (c *cueSet) in(t []byte) bool {
	for _, s := range c.short {
		if bytes.Contains(t, []byte(s)) {
			return true
		}
	}
	for i := 0; i+1 < len(t); i++ {
		if k := c.at[uint16(t[i])<<8|uint16(t[i+1])]; k != 0 {
			for _, s := range c.lists[k] {
				if len(t)-i >= len(s) && string(t[i:i+len(s)]) == s {
					return true
				}
			}
		}
	}
	return false
}
