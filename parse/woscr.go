package parse

// ParseWoSReference parses one Web of Science cited reference (CR) string,
// "AUTHOR, YEAR, SOURCE, V<vol>, P<page>, DOI <doi>", in all its variants.
//
// TODO(wos): placeholder, replaced by the WoS reader's parser.
func ParseWoSReference(raw string) Reference {
	ref := Reference{Raw: CleanSpace(raw)}
	ref.DOI = FindDOI(raw)
	ref.Year = ParseYear(raw)
	return ref
}
