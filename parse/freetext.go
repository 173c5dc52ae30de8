package parse

// ParseReference parses one free-text reference (APA, Harvard, Vancouver,
// Chicago, IEEE, physics style…) into its parts. Raw is always kept.
//
// TODO(freetext): this is the placeholder the free-text parser replaces.
func ParseReference(raw string) Reference {
	ref := Reference{Raw: CleanSpace(raw)}
	ref.DOI = FindDOI(raw)
	ref.Year = ParseYear(raw)
	return ref
}
