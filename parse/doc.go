// Package parse reads bibliographic files into Records.
//
// Every supported layout (Web of Science, Scopus, RIS, BibTeX, PubMed,
// OpenAlex, Crossref, Lens, CSL-JSON, pasted reference lists and text scraped
// from article landing pages) has one file here with a reader that streams
// from an io.Reader and fills the same Record and Reference types. Readers are
// registered as Formats; ReadFile picks one by sniffing the content in a fixed
// order, after the input has been normalised to UTF-8 with LF line ends.
//
// Readers too large for one file live in subpackages: parse/freetext parses
// one free-text reference, parse/landing reads scraped landing-page text,
// parse/html reads saved HTML pages (their citation metadata, reference
// list and visible text).
// They share the Record types and text helpers of parse/model, a leaf
// package whose names parse re-exports (Record, Reference, Author, Sink,
// ParseError, NormalizeDOI, ParseName …), so code using parse is unchanged.
//
// Readers never panic on bad input and never drop anything silently: a record
// that cannot be read is reported as skipped with its file and line, and a
// damaged part of a record that was still read is reported as a warning.
package parse
