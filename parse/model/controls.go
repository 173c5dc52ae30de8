package model

import "strings"

// Control characters a reader decoded from escapes ("\u001b" in JSON) are
// removed from every record in Sink.Add; raw ones never reach the readers
// (parse's controlFilter removes them from the input).

// isControl reports whether r is a C0 control other than tab and line feed,
// DEL or a C1 control.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7F && r <= 0x9F
}

// stripControls returns s without control characters (see isControl).
func stripControls(s string) string {
	i := strings.IndexFunc(s, isControl)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !isControl(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanRecord strips control characters from every string of a record,
// written out field by field: a reflective walk cost a fifth of reading a
// WoS export. TestCleanRecordReachesEveryString fails when Record gains a
// string this misses. The references are cleaned on all processors when
// there are many, each in its own place (a page may list tens of
// thousands).
func cleanRecord(r *Record) {
	for _, p := range []*string{&r.Source, &r.Format, &r.Title, &r.Label, &r.Venue, &r.VenueAbbrev,
		&r.Volume, &r.Issue, &r.Pages, &r.DOI, &r.Type, &r.Abstract, &r.File} {
		cleanString(p)
	}
	cleanAuthors(r.Authors)
	cleanMap(r.IDs)
	cleanStrings(r.Keywords)
	cleanStrings(r.IndexKeywords)
	for i := range r.Affiliations {
		a := &r.Affiliations[i]
		cleanString(&a.Raw)
		cleanString(&a.Organization)
		cleanString(&a.Country)
	}
	Each(len(r.References), 256, 1024, func(i int) { cleanReference(&r.References[i]) })
}

// cleanReference strips control characters from every string of a
// reference.
func cleanReference(ref *Reference) {
	for _, p := range []*string{&ref.Raw, &ref.Title, &ref.Venue, &ref.Volume, &ref.Pages, &ref.DOI} {
		cleanString(p)
	}
	cleanAuthors(ref.Authors)
	cleanMap(ref.IDs)
}

func cleanString(p *string) {
	if hasControl(*p) {
		*p = stripControls(*p)
	}
}

func cleanStrings(ss []string) {
	for i := range ss {
		cleanString(&ss[i])
	}
}

func cleanAuthors(as []Author) {
	for i := range as {
		cleanString(&as[i].Family)
		cleanString(&as[i].Given)
	}
}

func cleanMap(m map[string]string) {
	for k, v := range m {
		if hasControl(v) {
			m[k] = stripControls(v)
		}
	}
}

// hasControl reports quickly whether s may hold a control character: a
// byte below 0x20 but tab and line feed, DEL, or the lead byte of a C1
// control.
func hasControl(s string) bool {
	i := 0
	for i+8 <= len(s) && !oddBytes(word8(s, i)) {
		i += 8
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' || c == 0x7F || c == 0xC2 && i+1 < len(s) && s[i+1] <= 0x9F {
			return true
		}
	}
	return false
}
