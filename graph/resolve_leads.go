package graph

import "strings"

// This file holds a cheap test that two venue keys cannot be compatible,
// which the venues stage asks before the venue index: a prolific author's
// year holds thousands of references, and most pairs of their venues have
// nothing in common.

// rsLeads is a set of first characters of venue words, one bit each: a to
// z, then one bit for every digit and one for everything else.
type rsLeads uint32

// rsLeadsAll is the set that meets every set.
const rsLeadsAll = ^rsLeads(0)

func rsLead(c byte) rsLeads {
	switch {
	case c >= 'a' && c <= 'z':
		return 1 << (c - 'a')
	case c >= '0' && c <= '9':
		return 1 << 26
	}
	return 1 << 27
}

// leads returns the first characters with which venue key a can meet
// another by the abbreviation rules (venueRuleMatch): the first word's,
// and, past words an abbreviation may leave out ("part b"), the next
// word's; for a name learned with others (learn), those of all of them.
// Two keys whose leads are disjoint are never compatible: an abbreviation
// and the title it stands for start alike, once such words are left out.
// The empty key, compatible with everything, leads with everything.
func (v *venueIndex) leads(a string) rsLeads {
	if a == "" {
		return rsLeadsAll
	}
	if g, ok := v.group[a]; ok {
		var l rsLeads
		for _, m := range v.members[g] {
			l |= venueRuleLeads(m)
		}
		return l
	}
	return venueRuleLeads(a)
}

// venueRuleLeads is leads for a key on its own: the first character of
// each word at which venueAbbreviates may start matching it as the full
// title.
func venueRuleLeads(a string) rsLeads {
	words := strings.Fields(a)
	if len(words) == 0 {
		return rsLeadsAll
	}
	var l rsLeads
	start := make([]bool, len(words)+2)
	start[0] = true
	for j, w := range words {
		if !start[j] {
			continue
		}
		l |= rsLead(w[0])
		if venueSkippable[w] {
			start[j+1] = true
			if j+1 < len(words) && len(words[j+1]) == 1 {
				start[j+2] = true
			}
		}
	}
	return l
}
