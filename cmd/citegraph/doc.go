// Citegraph reads the documents of a literature (database exports and text
// scraped from article pages), builds the citation graph of the works they
// describe and cite, finds the central works and the works that share
// references, draws a historiograph and prints a report.
//
// Usage:
//
//	citegraph [flags] [PATH...]                  report on PATHs (default: seeds), diagram in -out
//	citegraph records [-in-format F] [PATH...]   one JSON object per record read (JSON Lines)
//	citegraph export [-format json|dot] [PATH...]  the whole graph with metrics
//	citegraph explain [flags] WORK [WORK] [-- PATH...]  why a work is what it is; for two, what links them
//	citegraph map [flags] [PATH...]              a science map: clusters on stdout, map-NETWORK-UNIT.svg in -out
//
// PATH is a file or a folder (read recursively, hidden entries skipped). The
// layout of each file is recognised from its content: Web of Science (plain
// text, tab-delimited, BibTeX), Scopus (CSV, BibTeX, RIS), RIS, BibTeX,
// PubMed/MEDLINE, OpenAlex (JSON, CSV), Crossref JSON, Lens CSV, CSL-JSON,
// citation-pair CSV, pasted reference lists and landing-page text.
//
// Report flags:
//
//	-format text|json|csv|markdown   report format (default text)
//	-top N          works and pairs listed (default 20)
//	-metric NAME    ranking and node size: in_degree, pagerank, betweenness, hub, authority, out_degree
//	-out DIR        where citations.svg and citations.dot are written (default out; "" writes none)
//	-nodes N        works drawn at most, the top N by -metric (default 60; -1 all, the default of export)
//	-layout dot|sfdp  Graphviz layout (default dot: one row per year)
//	-color auto|always|never  ANSI styles in the text report (default auto: only on a terminal)
//	-width N        report width (default: the terminal's, else $COLUMNS, else 100)
//	-in-format F    read every file as format F instead of detecting it
//	-betweenness-sources N  estimate betweenness from N citing works; -1 exact;
//	                default 0: exact while citing works × citations < 2e10, else sampled
//	-cpuprofile F   write a CPU profile of the run to F (for go tool pprof)
//
// Map flags (the report's -out, -format text|json, -width also apply):
//
//	-network N      coupling (default), cocitation, cooccurrence or coauthorship
//	-unit U         works (default for coupling and co-citation), authors, sources,
//	                keywords (co-occurrence), organisations, countries (co-authorship: authors)
//	-counting C     full (default) or fractional: a transaction of k units weighs 1/(k-1) a link
//	-normalization  association (default), cosine, jaccard, inclusion, equivalence or none
//	-keywords K     all (default), author or index keywords for co-occurrence
//	-first-authors  count only first authors
//	-thesaurus F    VOSviewer thesaurus file: "label<TAB>replace by"; empty replacement drops
//	-min-count N    keep nodes with at least N citations, documents or occurrences
//	-min-citations N  keep nodes whose works are cited at least N times
//	-max-nodes N    keep the N nodes of largest total link strength (default all)
//	-min-link X     drop links counting less than X
//	-quality Q      modularity or cpm (default: cpm on association strength, else modularity)
//	-resolution R   clustering resolution (default 1)
//	-min-cluster N  merge clusters of fewer than N nodes into their best-linked neighbour
//	-seed N         seed of clustering and layout (default 1)
//	-labels L       cluster labels by llr (default) or tfidf; -terms N terms each (default 3)
//	-nodes N        nodes drawn, of largest total link strength (default 150; -1 all)
//	-layout vos|sfdp  the VOS layout (default) or Graphviz's sfdp
//
// The default run also draws the coupling, co-citation, keyword and
// co-authorship maps the inputs support into -out, and reports their clusters.
//
// A work is named on the command line by its ID ("doi:10.1111/…"), its DOI,
// another identifier ("W2741809807", "WOS:…"), or a piece of its label or title.
//
// Exit status: 0 on success, 1 when an input could not be read or nothing
// was read, 2 on a usage error. Problems inside files are reported as
// "file:line: what is wrong" and the rest is still read.
package main
