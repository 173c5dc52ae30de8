package model

// Affiliation is one address of a record's authors: where the source says
// they work. Sources give addresses three ways, and the readers keep what
// each gives: WoS's C1 "[Author; Author] Org, Dept, City, Country.", with
// the organisation first; free text ("Department of X, University of Y,
// City, Country": Scopus, Crossref, PubMed, RIS), from which ParseAddress
// picks the organisation and the country; or named institutions with ISO
// country codes (OpenAlex).
type Affiliation struct {
	// Raw is the address as the source writes it, without author names.
	// Empty when the source names only an institution or a country.
	Raw string `json:"raw,omitempty"`
	// Organization is the institution: the first part of a WoS address
	// ("Univ Napoli Federico II"), the university-level part of a free-text
	// address, or the institution a source names (OpenAlex). Names are
	// as written: "Univ Calif Berkeley" (WoS) and "University of
	// California, Berkeley" (Scopus) stay different.
	Organization string `json:"organization,omitempty"`
	// Country is the country's English short name as Country returns it.
	Country string `json:"country,omitempty"`
	// Authors are the indexes into Record.Authors of the authors at this
	// address, ascending; empty when the source does not link them.
	Authors []int `json:"authors,omitempty"`
}

// AddAffiliation adds an address to r, or, when r already has the same
// one, links the author to it; author < 0 links none.
func (r *Record) AddAffiliation(a Affiliation, author int) {
	if a.Raw == "" && a.Organization == "" && a.Country == "" {
		return
	}
	for i := range r.Affiliations {
		x := &r.Affiliations[i]
		if x.Raw == a.Raw && x.Organization == a.Organization && x.Country == a.Country {
			x.linkAuthor(author)
			return
		}
	}
	a.Authors = nil
	a.linkAuthor(author)
	r.Affiliations = append(r.Affiliations, a)
}

// linkAuthor adds an author index, keeping Authors ascending and distinct.
func (a *Affiliation) linkAuthor(author int) {
	if author < 0 {
		return
	}
	for i, x := range a.Authors {
		if x == author {
			return
		}
		if x > author {
			a.Authors = append(a.Authors[:i], append([]int{author}, a.Authors[i:]...)...)
			return
		}
	}
	a.Authors = append(a.Authors, author)
}
