// Package graph turns parsed records into a citation graph of distinct works
// and analyses it.
//
// Resolve decides which records and references are the same work and keeps
// the reason for every decision. New builds a compact directed graph
// (citing -> cited) that also satisfies gonum's graph.Directed, and the
// analyses (centrality, coupling, co-citation) return sorted, typed rows
// that the report and diagram writers only format.
package graph
