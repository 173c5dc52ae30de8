package overview

import "testing"

// TestDocType maps the type names of each source, as their exports write
// them, to the kinds a reader expects.
func TestDocType(t *testing.T) {
	for raw, want := range map[string]string{
		"":                      "Unknown",
		" ":                     "Unknown",
		"Article":               "Article",
		"Article; Early Access": "Article",
		"Journal Article; Research Support, Non-U.S. Gov't": "Article",
		"Journal Article; Review":                           "Review",
		"Review; Early Access":                              "Review",
		"JOUR":                                              "Article",
		"journal-article":                                   "Article",
		"Proceedings Paper":                                 "Conference paper",
		"Article; Proceedings Paper":                        "Article",
		"Conference Paper":                                  "Conference paper",
		"inproceedings":                                     "Conference paper",
		"proceedings-article":                               "Conference paper",
		"CPAPER":                                            "Conference paper",
		"Book Chapter":                                      "Book chapter",
		"book-chapter":                                      "Book chapter",
		"incollection":                                      "Book chapter",
		"CHAP":                                              "Book chapter",
		"book":                                              "Book",
		"Editorial Material":                                "Editorial",
		"Book Review":                                       "Book review",
		"posted-content":                                    "Preprint",
		"phdthesis":                                         "Thesis",
		"Doctoral Thesis":                                   "Thesis",
		"Short Survey":                                      "Review",
		"misc":                                              "Other",
		"News Item":                                         "Other",
		"Something new":                                     "Other",
	} {
		if got := DocType(raw); got != want {
			t.Errorf("DocType(%q) = %q, want %q", raw, got, want)
		}
	}
}
