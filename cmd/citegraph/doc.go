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
//	citegraph explain [flags] WORK [WORK] [PATH...]  why a work is what it is; for two, what links them
//
// Flags may come before or after the paths; "--" ends them. PATH is a file
// or a folder (read recursively, hidden entries skipped); explain reads as
// paths the arguments after its works, from the first that exists on disk
// (or after "--"). The layout of each file is recognised from its content:
// Web of Science (plain text, tab-delimited, BibTeX), Scopus (CSV, BibTeX,
// RIS), RIS, BibTeX, PubMed/MEDLINE, OpenAlex (JSON, CSV), Crossref JSON,
// Lens CSV, CSL-JSON, citation-pair CSV, pasted reference lists and
// landing-page text.
//
// Report flags:
//
//	-format text|json|csv|markdown   report format (default text)
//	-top N          works and pairs listed (default 20)
//	-metric NAME    ranking and node size: in_degree, pagerank, betweenness, hub, authority, out_degree
//	-out DIR        where citations.svg and citations.dot are written (default out; "" writes none)
//	-nodes N        works drawn at most, the top N by -metric (default 60; -1 all, the default of export;
//	                0 is refused: -out "" draws nothing)
//	-layout dot|sfdp  Graphviz layout (default dot: one row per year)
//	-color auto|always|never  ANSI styles in the text report (default auto: only on a terminal)
//	-width N        report width (default: the terminal's, else $COLUMNS, else 100)
//	-in-format F    read every file as format F instead of detecting it (a name of the format
//	                table: wos, wos-tab, wos-bibtex, scopus-csv, scopus-bibtex, scopus-ris, ris,
//	                bibtex, …); a file plainly of another layout is then refused, not misread
//	-betweenness-sources N  estimate betweenness from N citing works; -1 exact;
//	                default 0: exact while citing works × citations < 2e10, else sampled
//	-cpuprofile F   write a CPU profile of the run to F (for go tool pprof)
//
// A work is named on the command line by its ID ("doi:10.1111/…"), its DOI,
// another identifier ("W2741809807", "WOS:…"), or a piece of its label or title.
//
// Exit status: 0 on success, 1 when an input could not be read or nothing
// was read, 2 on a usage error. Problems inside files are reported as
// "file:line: what is wrong" and the rest is still read.
package main
