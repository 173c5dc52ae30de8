package overview

import "strings"

// DocType returns the kind of document a record's type names, in one
// vocabulary for every source: WoS "Article" and "Proceedings Paper",
// Scopus "Conference Paper", PubMed "Journal Article; Review", RIS "JOUR",
// BibTeX "inproceedings", Crossref and OpenAlex "journal-article" and
// "book-chapter". A type listing several ("Article; Early Access") is the
// kind of its first part, except that a review anywhere makes a review
// (PubMed lists "Journal Article" first). The kinds are "Article",
// "Review", "Conference paper", "Book chapter", "Book", "Editorial",
// "Letter", "Note", "Erratum", "Book review", "Preprint", "Thesis",
// "Report", "Dataset", "Other" and "Unknown" (no type given).
func DocType(raw string) string {
	var parts []string
	for p := range strings.SplitSeq(strings.ToLower(raw), ";") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "Unknown"
	}
	for _, p := range parts {
		if p == "review" || p == "systematic review" || p == "meta-analysis" || p == "review article" {
			return "Review"
		}
	}
	p := strings.NewReplacer("-", " ", "_", " ").Replace(parts[0])
	if k, ok := docTypes[p]; ok {
		return k
	}
	// the words of longer names ("research article", "conference
	// proceedings paper")
	for _, w := range []struct{ word, kind string }{
		{"review", "Review"}, {"proceedings", "Conference paper"}, {"conference", "Conference paper"},
		{"chapter", "Book chapter"}, {"thesis", "Thesis"}, {"dissertation", "Thesis"}, {"report", "Report"},
		{"preprint", "Preprint"}, {"editorial", "Editorial"}, {"erratum", "Erratum"}, {"correction", "Erratum"},
		{"letter", "Letter"}, {"article", "Article"}, {"book", "Book"},
	} {
		if strings.Contains(p, w.word) {
			return w.kind
		}
	}
	return "Other"
}

// docTypes maps whole type names (lower case, hyphens as spaces) to kinds.
var docTypes = map[string]string{
	"article": "Article", "journal article": "Article", "jour": "Article", "jfull": "Article", "ejour": "Article",
	"journal": "Article", "research article": "Article", "data paper": "Article", "short survey": "Review",
	"proceedings paper": "Conference paper", "conference paper": "Conference paper", "inproceedings": "Conference paper",
	"conference": "Conference paper", "conf": "Conference paper", "cpaper": "Conference paper",
	"proceedings article": "Conference paper", "meeting abstract": "Conference paper", "conference review": "Conference paper",
	"book chapter": "Book chapter", "chapter": "Book chapter", "inbook": "Book chapter", "incollection": "Book chapter",
	"chap": "Book chapter", "book part": "Book chapter", "book section": "Book chapter", "echap": "Book chapter",
	"book": "Book", "monograph": "Book", "edited book": "Book", "reference book": "Book", "ebook": "Book", "edbook": "Book",
	"editorial": "Editorial", "editorial material": "Editorial", "letter": "Letter", "note": "Note",
	"erratum": "Erratum", "correction": "Erratum", "corrigendum": "Erratum", "book review": "Book review",
	"preprint": "Preprint", "posted content": "Preprint", "unpublished": "Preprint", "unpb": "Preprint",
	"thesis": "Thesis", "phdthesis": "Thesis", "mastersthesis": "Thesis", "dissertation": "Thesis",
	"report": "Report", "techreport": "Report", "rprt": "Report", "dataset": "Dataset", "data": "Dataset",
	"misc": "Other", "other": "Other", "news item": "Other", "gen": "Other",
}
